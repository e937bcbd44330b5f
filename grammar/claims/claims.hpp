// Reading one casualty figure at a position of an article: "at least 14 civilians",
// "Fourteen civilians", "dozens of pro-regime fighters", "between 20 and 30 people",
// "more than 1,100 civilian deaths". The grammar lives in grammar.hpp; this header is
// all the engine sees.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/claim.hpp"
#include "model/span.hpp"

namespace reckon::grammar::claims {

// A figure as written, before the engine decides whether it is a casualty claim.
struct figure {
    byte_span span;                   // qualifier .. last word of what is counted
    byte_span number;                 // the quantity itself ("14", "between 20 and 30")
    enum qualifier qualifier = qualifier::exact;
    std::string qualifier_text;       // as written ("at least"), "" when exact
    bool less_than = false;           // "less than", "fewer than": up_to, one below
    std::optional<std::int64_t> first;   // the value, or the low end of a range
    std::optional<std::int64_t> second;  // the high end of a range
    std::string value_text;           // the number as written
    std::string vague;                // the vague word ("dozens") when vague
    bool in_words = false;            // written in words ("Fourteen")
    bool overflow = false;            // more digits than a 64-bit count holds
    std::string noun;                 // what is counted as written ("civilians", "bodies")
    std::string inner_noun;           // "bodies of civilians" -> "civilians"
    std::vector<std::string> modifiers;  // words between number and noun ("IS", "pro-regime")
};

// Parses a figure starting exactly at text[pos], looking no further than `limit`
// bytes. nullopt when no figure starts there. Never throws.
std::optional<figure> parse_figure(std::string_view text, std::size_t pos, std::size_t limit = 160);

// True when a figure could start at text[pos] (a digit, or the first letters of a
// number word, qualifier or vague word) and pos is at a word start. Cheap: the scanner
// calls it for every word.
bool could_start_figure(std::string_view text, std::size_t pos);

// Quick refusal for scanners: could_start_figure is false at a word whose first two
// letters (lower case; the second is 26 when the word has one letter) have no entry here.
// Indexed by first * 27 + second, letters counted from 'a' = 0.
const std::array<bool, 26 * 27>& opener_prefixes();

// The value of a number written in words ("two hundred and five" -> 205); nullopt
// when it is not one.
std::optional<std::int64_t> words_value(std::string_view words);

// Default reading of a qualifier: exact [v,v]; at least [v,null]; more than
// [v+1,null]; about [v,v] (the qualifier is kept; rules may widen it); up to [0,v];
// less than [0,v-1]; range [a,b]; vague [null,null]. Returns {low, high}.
std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>> interval_of(const figure& f);

// Number of problems pegtl::analyze finds in the figure grammar (0 when none can loop
// without consuming input).
std::size_t analyze_grammar();

}  // namespace reckon::grammar::claims
