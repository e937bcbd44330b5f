// Dates reader: when the event behind a figure happened.
//
// A sentence's own date is read against the article's publication day: weekdays ("on
// Tuesday": the last one before publication), "yesterday", "today", "overnight", "last
// month", "this year", "two days after", month and day ("Nov 11", "11 November 2018"),
// "in 2017". Dates of reporting ("said on Friday"), of datelines and of retrieved
// bodies are not the event's. A claim without a date in its sentence takes one from the
// three sentences before it, then the three after, then the article's opening.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "extract/article_context.hpp"

namespace reckon::extract {

// True when the sentence has a word that find_date reads: a capitalised weekday or month,
// "yesterday", "today", "tonight", "overnight", "month", "year", "day(s)", or a 4-digit
// number. Most sentences have none and need not be split into words for their date.
bool may_hold_date(std::string_view text, byte_span span);

// The date sentence s names into si.own_date; si.retrieval when it tells of bodies retrieved.
void find_date(article_context& ax, std::size_t s, sentence_info& si);

// Event date of claim c (figure lf in sentence s).
void date_of(article_context& ax, claim& c, const located_figure& lf, std::size_t s);

// The first day or month date of the article's opening sentences, read once.
std::optional<date> lede_date(article_context& ax);

// 0 for "monday" .. 6 for "sunday", -1 for other words.
int weekday_index(std::string_view w);
// 1 to 12 for a capitalised month name or abbreviation ("Nov", "Sept"), 0 otherwise.
int month_index(const word& w);
// The value of a short number in digits or words ("11", "two"), below 10000.
std::optional<int> small_number(const word& w);
date add_days(const date& d, std::int64_t n);

}  // namespace reckon::extract
