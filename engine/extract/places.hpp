// Places reader: where a figure's victims were, through the gazetteer.
//
// Place mentions are capitalised word runs that the gazetteer names (rules/places.yaml),
// or any capitalised words after "the village of", "the town of"... A claim takes the
// most specific place of its sentence (villages over districts over governorates, the
// nearest after the figure first), else of the two sentences before it; its governorate
// comes from the place, a governorate named beside it, or the article's location column.
#pragma once

#include <string_view>

#include "extract/article_context.hpp"

namespace reckon::extract {

// The article's country, division and dateline place (world_places.hpp), read once.
const article_place& article_place_of(article_context& ax);

// A name of the world gazetteer starting at word k of the sentence: its mention into
// si.places when it is taken. Returns the words used (0 when none).
std::size_t find_world_place(article_context& ax, sentence_info& si, std::size_t k, const article_place& where);

// Place mentions of a sentence into si.places.
void find_places(article_context& ax, std::size_t s, sentence_info& si);

// Place, place key and governorate of claim c (figure lf in sentence s).
void place_of(article_context& ax, claim& c, const located_figure& lf, std::size_t s);

// The article's country and division for claims that have none after inherit_places
// (context.hpp): a figure whose sentence names no place is in the article's country.
void area_of_article(article_context& ax);

// registry::gazetteer::has_word, by the word's hash.
bool in_place_name(const article_context& ax, const word& w);

// registry::gazetteer::find_name, through the extractor's tables.
const registry::place* find_place_name(article_context& ax, std::string_view written);

}  // namespace reckon::extract
