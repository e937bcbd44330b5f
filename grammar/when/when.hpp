// Reading a date or period written in running text and placing it on the calendar
// against the article's date: "02/22/2016", "2015-08-12", "22.04.2016", "4/22",
// "June 2016", "2/2013", "June 12", "the fifth of May", "May fifth", "the 15th",
// "early March", "last week", "two days ago", "a week ago", "last night", "overnight",
// "Tuesday's strike", "the past three days", "Jul 262016". The grammar lives in
// grammar.hpp; this header is all the engine sees.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "model/date.hpp"
#include "model/span.hpp"

namespace reckon::grammar::when {

// How the phrase was written, which tells the engine how far to trust it.
enum class phrase_form {
    calendar,    // a written date: "June 12, 2016", "02/22/2016", "the 15th", "early March"
    relative,    // counted from the article's date: "yesterday", "last week", "two days ago"
    weekday,     // "on Tuesday", "Tuesday's strike": the last such day on or before the article's
    after_event, // "two days after", "a day earlier": counted from the event told before
    bare_month,  // "June", "last March": a date only after "in", "since", "of"... or before an event noun
    bare_year,   // "2013": the same
};

struct date_phrase {
    byte_span where;                // the phrase as written, offsets in the text given
    date value;                     // resolved against the reference date
    phrase_form form = phrase_form::calendar;
    int days_before_event = 0;      // after_event: how many days the phrase lies after the event
    bool names_event = false;       // an event noun follows: "the 2013 double homicide", "last March's shooting"
};

// Reads the date phrase that starts exactly at text[pos], looking no further than
// `limit` bytes. `reference` is the article's date: relative phrases need it at day
// precision, a month and day without a year ("June 12", "4/22") take the latest such day
// on or before it. nullopt when no date phrase starts there or it is no real day
// ("2/30/2016"). Never throws.
std::optional<date_phrase> parse_date_phrase(std::string_view text, std::size_t pos, const date& reference,
                                             std::size_t limit = 64);

// True when a date phrase could start at text[pos]: a word start holding a digit, a
// month or weekday name, or a word that opens a relative phrase ("last", "the",
// "yesterday", "two"...). Cheap: scanners call it for every word.
bool could_start_date(std::string_view text, std::size_t pos);

// Number of problems pegtl::analyze finds in the date grammar (0 when no rule can loop
// without consuming input).
std::size_t analyze_grammar();

}  // namespace reckon::grammar::when
