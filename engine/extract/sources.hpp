// Sources reader: who says a figure (the source) and who passed it on (the relay chain).
//
// Sources are the registry's written forms (rules/sources.yaml) found in a sentence,
// marked as speakers ("said", "according to", "...: monitor" closing a headline) or
// relays ("told AFP", "AFP quoted"), and pronoun speakers ("he said") resolved to the last
// named speaker. The outlet that published the article ends the chain; without a
// source named, the outlet is the source.
#pragma once

#include <string>

#include "extract/article_context.hpp"

namespace reckon::extract {

// Source mentions of sentence s into si.sources, in word order.
void find_sources(article_context& ax, std::size_t s, sentence_info& si);

// Source, source text and relays of claim c (figure lf in sentence s).
void attribute(article_context& ax, claim& c, const located_figure& lf, std::size_t s);

// The registry name of the article's outlet (its outlet column, else a credit line).
const std::string& canonical_outlet(article_context& ax);

}  // namespace reckon::extract
