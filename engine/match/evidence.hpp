// Text evidence for scored matching: what the words of two articles say about whether
// they report one event, beyond the fields of their claims. Built once per run from
// every article: the TF-IDF vector of each article's opening words (reports of one
// event open alike: "A man was killed and three wounded at a birthday party in
// Linwood"), and its names (capitalised words that do not open a sentence, and
// numbers of three digits or more that are not years: victims, streets, block numbers,
// units), each weighted by how rare it is in the corpus. A name every article uses
// ("Police", "Aleppo") weighs little; one two articles share (a victim's surname, a
// street, "11800" of a block number) weighs much.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rules/ruleset.hpp"
#include "support/word_list.hpp"

namespace reckon::match {

// The words of one article that the evidence reads, before the corpus is known.
struct article_terms {
    word_list lead;   // lower-cased content words of the opening, in order
    word_list names;  // distinct names, lower-cased, sorted
};

// Opening words read per article.
inline constexpr std::size_t lead_words = 60;
// Rare names each article gives as blocking keys (names()), and the most articles a
// name may be in to be one: a key must keep its blocks small.
inline constexpr std::size_t blocking_names = 24;
inline constexpr std::size_t max_blocking_name_articles = 32;

article_terms terms_of(std::string_view text);

// The evidence of every article, in the order of the terms given. Deterministic: term
// ids follow the sorted vocabulary. With `name_ids`, the names' ids (for place_names_of).
using name_vocabulary = std::map<std::string, std::uint32_t, std::less<>>;
std::vector<rules::text_evidence> build_evidence(const std::vector<article_terms>& terms, name_vocabulary* name_ids = nullptr);

// The ids of the names a place is written with ("Maarat Masrin": maarat, masrin), sorted:
// two reports of one village share its name, and the place comparison weighs that already,
// so shared_names leaves them out (else a village's rare name makes every two reports of
// it look alike).
std::vector<std::uint32_t> place_names_of(std::string_view place, const name_vocabulary& name_ids);

}  // namespace reckon::match
