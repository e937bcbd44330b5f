// Finding the publication date written in an article: "May 01, 2018",
// "Sun 16 Apr 2017", "12 February 2015", "05-02-2015", "06.04.2017", "2017-04-05".
// The grammar lives in grammar.hpp; this header is all the engine sees.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "model/date.hpp"
#include "model/span.hpp"

namespace reckon::grammar::dateline {

struct found_date {
    date value;                     // day precision
    byte_span where;                // the date as written
    std::optional<date> month_first;  // for all-numeric dates, the M/D/Y reading when it differs
};

// The first valid date written in text[0, limit). Years outside 1900..2100 and
// impossible days (2/30) are skipped, so "May 22, 20188" is not a date.
std::optional<found_date> find_publication_date(std::string_view text, std::size_t limit = 2048);

// A date column value: "4/5/2017" (M/D/YYYY, FA-KES) or ISO "2017-04-05".
std::optional<date> parse_column_date(std::string_view text);

}  // namespace reckon::grammar::dateline
