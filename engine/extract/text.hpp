// Text layout for extraction: sentences and words of an article, found in one pass.
// A sentence never runs past a line break, and a sentence longer than
// `max_sentence_bytes` is cut at a word boundary, so everything done per sentence
// stays bounded however odd the article (1 MB without a full stop).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/span.hpp"

namespace reckon::extract {

inline constexpr std::size_t max_sentence_bytes = 1200;

struct sentence {
    byte_span span;        // without surrounding blanks
    bool line_alone = false;  // a whole line without closing punctuation: a headline or caption
    bool paragraph_start = false;  // first sentence of its line or paragraph
};

// Sentences of text[body.begin, body.end), in order.
std::vector<sentence> split_sentences(std::string_view text, byte_span body);

// A word of a sentence: letters, digits and inner hyphens or apostrophes.
struct word {
    std::size_t begin = 0;  // byte offsets in the article
    std::size_t end = 0;
    std::string lower;      // lower-case ASCII form (other bytes kept)
    bool capital = false;   // starts with an upper-case letter
    bool digits = false;    // starts with a digit
    char before = ' ';      // the byte before the word (' ' at the sentence start)
};

std::vector<word> words_of(std::string_view text, byte_span span);

}  // namespace reckon::extract
