// How a figure and its source read in prose: the words a careful analyst would write,
// shared by the rules' messages (`{a.figure}`, `{a.credit}`) and every renderer. No
// interval notation ("[31, inf)"), no internal keys ("source:SOHR"), the originator
// before the outlet that relayed it, and singular or plural as the count asks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/claim.hpp"

namespace reckon {

// "1 claim", "2 claims"; the plural is `singular` + "s" unless given.
std::string count_of(std::size_t n, std::string_view singular, std::string_view plural = {});

// The category noun for a count: "person" for one of "people", "civilian" for one of
// "civilians"; `category` unchanged otherwise.
std::string category_noun(std::string_view category, bool one);

// The figure as written with its category: "more than 30 civilians", "some 14 people",
// "one person", "dozens of people". `value` decides singular (1) or plural.
std::string figure_words(std::string_view qualifier_text, std::string_view value_text, std::string_view vague,
                         std::string_view category, std::optional<std::int64_t> value);
std::string figure_words(const claim& c);

// Who gave a figure, originator first: "SANA", "SANA, via TRT World", "Local sources,
// via SANA and Al-Manar"; "World Bulletin (unattributed)" when the article names no
// source; "an unattributed report" when nothing is known. `in_sentence` puts the relay
// in parentheses ("SANA (via TRT World)"), which reads anywhere in a sentence.
std::string credit_words(std::string_view source, std::string_view source_text, const std::vector<std::string>& relay,
                         bool in_sentence = false);
std::string credit_words(const claim& c, bool in_sentence = false);

// An independence key ("source:SOHR", "article:004_e76...") in words: "SOHR",
// "article 004_e76...".
std::string origin_words(std::string_view origin);

// A range in words: "14", "31 or more", "12 to 16"; with `best` when it says more:
// "31 or more (best estimate 31)". "no estimate" without a low bound.
std::string range_words(std::optional<std::int64_t> low, std::optional<std::int64_t> high,
                        std::optional<std::int64_t> best = std::nullopt);

// Numbers with thousands separators: 360000 -> "360,000".
std::string grouped(std::int64_t n);

}  // namespace reckon
