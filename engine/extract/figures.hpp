// Figures reader: where the numbers are, and which of them cannot be casualty counts.
//
// One linear scan finds candidate positions (digits, number words, qualifiers) in each
// sentence that has an outcome word (every sentence under --explain) and runs the figure
// grammar there (grammar/claims). Each figure is then placed on the words of its
// sentence and checked for what it is when it is not a count of people: a year, a date,
// a time, an age, a measure, a price, a label ("resolution 2254"). Such figures get a
// reason (located_figure::not_a_count) that --explain lists.
#pragma once

#include <optional>
#include <string>

#include "extract/article_context.hpp"

namespace reckon::extract {

// Finds the figures of the whole article, in text order, into ax.figures.
void scan_figures(article_context& ax);

// Places figures [fb, fe) of one sentence on the words of that sentence (si.words).
void locate_figures(article_context& ax, std::size_t fb, std::size_t fe, sentence_info& si);

// Why the figure cannot be a casualty count, or nothing when it may be one.
std::optional<std::string> rejection_reason(const article_context& ax, const located_figure& lf, const sentence_info& si);

// Lists a figure that is not a claim, with its reason (only when ax.rejected is set).
void reject(article_context& ax, const located_figure& lf, const std::string& reason);

}  // namespace reckon::extract
