// The article: one news report as reckon ingested it. Text is kept byte for byte as
// the user has it (after UTF-8 repair, which is reported), so later spans are byte
// offsets into the original.
#pragma once

#include <optional>
#include <string>

#include "model/date.hpp"
#include "model/span.hpp"

namespace reckon {

// Where an article came from: the file, and the line (text files, JSON Lines) or
// record (CSV) where it starts. `line` is 1-based; `record` is the 1-based data row.
struct origin {
    std::string file;         // path as given on the command line (or "-" for stdin)
    std::size_t line = 0;     // first line of the article in that file
    std::size_t record = 0;   // CSV data row or JSON Lines line, 0 for text files
};

// Where the publication date came from, so a user can see why a date was chosen.
enum class date_source { none, header, dateline, column, field };
std::string_view to_string(date_source s);

struct article {
    std::string id;              // stable id: file stem, CSV id column, or JSON "id"
    std::string outlet;          // publishing outlet as given or detected ("" if unknown)
    date published;              // the reference date for resolving "on Sunday"
    date_source published_from = date_source::none;
    std::optional<date> column_date;  // CSV/JSON date field when one was given
    std::string title;           // headline ("" if none)
    std::string text;            // the article's bytes: for text files the whole file
    byte_span body;              // the part of `text` that is the article body
    std::string location;        // location hint given with the article (CSV column)
    std::optional<int> label;    // FA-KES credibility label when present
    origin where;                // file and line or record
};

}  // namespace reckon
