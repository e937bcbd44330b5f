// Dates reader: when the event behind a figure happened.
//
// A sentence's own date is read against the article's publication day: weekdays ("on
// Tuesday": the last one before publication), "yesterday", "today", "overnight", "last
// month", "this year", "two days after", month and day ("Nov 11", "11 November 2018"),
// "in 2017". Dates of reporting ("said on Friday"), of datelines and of retrieved
// bodies are not the event's. Phrases are read by the date grammar (grammar/when): also
// "02/22/2016", "June 2016", "the 15th", "early March", "last week", "two days ago",
// "last night", "Tuesday's strike", "the fifth of May", "the past three days". A phrase
// that names an event ("the 2013 double homicide", "last March's shooting") dates the
// figures of its sentence before any other date there. A claim without a date in its
// sentence takes one from the three sentences before it (unless it is background, long
// before the publication), then the one after (a later one
// more often opens another event: "On Saturday mortar rounds struck..."), then the
// article's opening, and failing all of them the publication window: the publication day
// and the look_back_days before it, as a period.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "extract/article_context.hpp"

namespace reckon::extract {

// True when the sentence has a word that find_date reads: a capitalised weekday or month,
// a weekday in lower case, "yesterday", "today", "tonight", "overnight", "night", "morning",
// "day(s)", "week(s)", "weekend", "month(s)", "year(s)", "hours", "ago", a 4-digit number,
// digits before '/', '.' or '-' and a digit ("4/22"), or an ordinal in digits ("15th").
// Most sentences have none and need not be split into words for their date; every date
// phrase of grammar/when holds one of these.
bool may_hold_date(std::string_view text, byte_span span);

// True when the word before text[pos] is a preposition ("on 02/22/2016", "since June
// 2016"): a date there is running text, never the article's dateline.
bool after_preposition(std::string_view text, std::size_t pos);

// The date sentence s names into si.own_date; si.retrieval when it tells of bodies retrieved.
void find_date(article_context& ax, std::size_t s, sentence_info& si);

// True when the date phrase at word k (ending at byte phrase_end) belongs to a photo's
// caption or credit ("A picture taken on July 29 2016 shows...", "in this handout picture
// provided by SANA on September 5", "... on July 9 2016 (Photo AFP)"): when the picture
// was taken or released, not the event's day.
bool caption_date(std::string_view text, const std::vector<word>& ws, std::size_t k, std::size_t phrase_end);

// Event date of claim c (figure lf in sentence s); unknown when none is found (see
// window_undated).
void date_of(article_context& ax, claim& c, const located_figure& lf, std::size_t s);

// Gives an undated incident figure the day of another figure of its article that tells
// the same toll (the same outcome and count, at least five): "were trading conflicting
// assertions Wednesday about who launched an attack that killed 72" leaves the 72
// undated (Wednesday is the statements' day), and "At least 72 people died in Khan
// Sheikhoun" later, dated to the attack, says which day it was. Before places are
// inherited, so the restated figure also takes its place.
void date_restated(article_context& ax);

// Gives every incident claim still without a date the publication window, once the
// article's claims are read (places are inherited between claims of one known date
// before that, so two undated figures never share a place through their windows). A
// headline inside the body (another story's) keeps no date.
void window_undated(article_context& ax);

// True when sentence s is the article's own headline or a line above its body.
bool leads_article(const article_context& ax, std::size_t s);

// How many days before its publication an article's undated figures may have happened:
// news reports an event the same day or within the next few (a weekly round-up is the
// exception, and it names its days).
inline constexpr int look_back_days = 3;

// A date borrowed from another sentence that ended this many days before the article
// was published is background ("first deployed warplanes in July 2012"), not the event.
inline constexpr int background_days = 60;
bool background(const date& published, const date& d);

// The window of an undated figure: the published day and look_back_days before it, as a
// period; a published date less precise than a day is its own window.
date publication_window(const date& published);

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
