// RFC 4180 records: the one CSV scanner the corpus reader and the data-set readers
// (exchange/datasets) share. Quoted fields with doubled quotes, line breaks inside
// quotes, CRLF, LF or lone CR between records; one pass, linear in the bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::corpus {

struct csv_record {
    std::vector<std::string> fields;
    std::size_t line = 0;   // line where the record starts (1-based)
    std::size_t begin = 0;  // byte offset where it starts
};

// How a record can be broken by its quotes.
enum class csv_quote_problem { none, unterminated, stray };

// Reads one record starting at `pos`. Returns false at end of input. `problem` says
// whether a quoted field ran to the end of input, or closed in the middle of a field
// (`"abc"def`), which almost always means a quote is missing and the field swallowed
// the following records.
bool next_csv_record(std::string_view s, std::size_t& pos, std::size_t& line, csv_record& r, csv_quote_problem& problem);

// The field trimmed of spaces and tabs, in lower case (header names are matched so).
std::string csv_lower_trim(std::string s);

// A record that is one empty or blank field: an empty line.
bool csv_blank(const csv_record& r);

// The offset just past the first line break after `offset`: where reading resumes after a broken quote.
std::size_t csv_skip_line(std::string_view s, std::size_t offset);

}  // namespace reckon::corpus
