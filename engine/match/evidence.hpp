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
#include <optional>
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

// Lead words each article gives as blocking keys (lead_words(), read with a window of
// publication days), and how many articles a week may use a word for it to be one: a
// place's name is a key (a village is in the news a few times a week however large the
// corpus), a word every report uses ("shelling") is not. The corpus's weeks are the span
// of its publication dates.
inline constexpr std::size_t blocking_lead_words = 24;
inline constexpr double max_lead_word_articles_a_week = 2;

article_terms terms_of(std::string_view text);

// The evidence of every article, in the order of the terms given. Deterministic: term
// ids follow the sorted vocabulary. With `name_ids`, the names' ids (for place_names_of).
// With `published` (an article's publication day, days since 1970, or nullopt), the
// lead words for blocking (text_evidence::key_lead).
using name_vocabulary = std::map<std::string, std::uint32_t, std::less<>>;

// What words are weighed with: the corpus size, the lead-word key threshold (from the
// corpus's weeks) and the number of articles each word is in. Counted over the corpus by
// default; a living audit's store keeps the statistics it matched with and weighs an
// update's articles against them (frozen), so that one more article does not move every
// weight (docs/formats.md "Frozen word statistics"). Words in one article only are left
// out: such a word is counted live (in the corpus being audited), which is what it
// would be counted as anyway while no other article holds it.
struct word_statistics {
    std::size_t articles = 0;
    double max_key_lead_df = 0;
    std::map<std::string, std::uint32_t, std::less<>> lead_df, name_df;  // words of 2 or more articles
};

// With `frozen`, the corpus size, the key threshold and the counts of the words it holds
// are the frozen ones, and only the words it lacks are counted in `terms`. With `taken`,
// the statistics the evidence was weighed with (the frozen ones, or those of `terms`).
std::vector<rules::text_evidence> build_evidence(const std::vector<article_terms>& terms, name_vocabulary* name_ids = nullptr,
                                                 const std::vector<std::optional<std::int64_t>>* published = nullptr,
                                                 const word_statistics* frozen = nullptr, word_statistics* taken = nullptr);

// A living audit's update under frozen statistics: which articles before `first_added`
// have weights that the articles from `first_added` on move. Only words the statistics
// lack are counted live, so an earlier article's weights move when it holds such a word
// that an added article holds too (one flag per article of `terms`; those after
// `first_added` are not flagged). Its evidence is then weighed anew, and its claims must
// be matched again.
std::vector<char> weights_moved_by_added(const std::vector<article_terms>& terms, std::size_t first_added,
                                         const word_statistics& frozen);

// The ids of the names a place is written with ("Maarat Masrin": maarat, masrin), sorted:
// two reports of one village share its name, and the place comparison weighs that already,
// so shared_names leaves them out (else a village's rare name makes every two reports of
// it look alike).
std::vector<std::uint32_t> place_names_of(std::string_view place, const name_vocabulary& name_ids);

}  // namespace reckon::match
