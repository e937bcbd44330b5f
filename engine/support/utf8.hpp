// UTF-8 validation and repair. Scraped news text carries broken bytes; reckon keeps
// every article, replacing each invalid sequence (bad lead byte, truncated sequence,
// overlong encoding, surrogate, code point above U+10FFFF) and each NUL byte with
// U+FFFD, and reports where the first problems were.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

struct utf8_problem {
    std::size_t offset = 0;  // byte offset of the bad sequence in the input
    bool nul = false;        // a NUL byte rather than invalid UTF-8
};

// Returns the number of problems; `text` is rewritten in place only when there were any.
// At most `max_reported` problems are listed in `problems` (all are counted).
std::size_t repair_utf8(std::string& text, std::vector<utf8_problem>& problems, std::size_t max_reported = 10);

// Length of the valid UTF-8 sequence starting at text[pos], or 0 when it is invalid.
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos);

// Removes a leading UTF-8 byte order mark; returns true when there was one.
bool strip_bom(std::string& text);

}  // namespace reckon
