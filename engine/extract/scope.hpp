// Scope reader: whether a sentence's figures are running totals, and over what.
// (How a figure relates to the article's other figures, its period, group and event are
// read after extraction, over the whole article: events.hpp.)
//
// "since 2014", "so far", "to date", "overall", "throughout the campaign", "in Aleppo
// alone", "the war has killed", "in 2017": a figure in such a sentence is a cumulative
// claim with that scope, not one incident's toll ("the deadliest since 2014" is not a scope).
#pragma once

#include "extract/article_context.hpp"

namespace reckon::extract {

// The cumulative scope of a sentence into si.scope ("" when none).
void find_scope(const article_context& ax, sentence_info& si);

}  // namespace reckon::extract
