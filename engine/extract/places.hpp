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

// Place mentions of a sentence into si.places.
void find_places(article_context& ax, std::size_t s, sentence_info& si);

// Place, place key and governorate of claim c (figure lf in sentence s).
void place_of(article_context& ax, claim& c, const located_figure& lf, std::size_t s);

// registry::gazetteer::has_word, by the word's hash.
bool in_place_name(const article_context& ax, const word& w);

// registry::gazetteer::find_name, through the extractor's tables.
const registry::place* find_place_name(article_context& ax, std::string_view written);

}  // namespace reckon::extract
