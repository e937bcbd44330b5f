// Outcomes reader: what happened to the people a figure counts (killed, injured,
// missing) and who they are (category: civilians, children, women, men, fighters,
// people; the side of fighters).
//
// The outcome is read from the words next to the figure first ("20 wounded", "killed
// 38", "the death of one civilian"), then from a toll ("the death toll rose to 112"),
// then forward and backward within the clause ("38 people were killed", "Those killed in
// the village included 32 civilians"). Killed and wounded counted together ("killed or
// wounded") are reported as such so the caller can refuse them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/article_context.hpp"

namespace reckon::extract {

// The outcome a word names at position k ("killed", "wounded", "missing", "the remains",
// "among the victims"), or nothing.
std::optional<outcome> outcome_word(const std::vector<word>& ws, std::size_t k);

// Who a figure counts, from its noun and modifiers.
struct category_reading {
    std::string category;
    std::string side;
    bool intrinsic_death = false;  // "deaths", "bodies", "dead"
    bool known = false;
};
category_reading read_category(const grammar::claims::figure& f);

// ws[k] follows a group ("Four teens", "Four people"): the index past an apposition set off
// by commas or dashes when the predicate comes right after it ("Four teens, the youngest
// 12, were shot", "Four people — three men and a woman — were shot"); k otherwise.
std::size_t past_apposition(std::string_view text, const std::vector<word>& ws, std::size_t k);

// ws[k] follows a bare figure: the index past a group it is a part of ("Two of the
// victims", "one of the four men", "three of those residents"); k otherwise.
std::size_t past_partitive(const std::vector<word>& ws, std::size_t k);

// ws[k] follows a bare figure: the outcome a criminal charge counts, killed for "counts of
// (first-degree) murder / homicide / manslaughter" or "murder counts", injured for "counts of
// malicious wounding"; nothing for anything else ("counts of attempted murder", "of robbery").
std::optional<outcome> counts_of_charge(const std::vector<word>& ws, std::size_t k);

// ws[j] is "fatalities" used as a toll for the figure at word `figure` later in its clause:
// "Fatalities were reported to be at least 100", "the number of fatalities to three"
// (not "no fatalities", nor "fatalities among 40 passengers").
bool fatalities_subject(const std::vector<word>& ws, std::size_t j, std::size_t figure);

// The side of fighters named by modifiers ("IS militants", "pro-regime forces") or the noun.
std::string side_of(const std::vector<std::string>& modifiers, std::string_view noun);

// How specific a category is: people 0, civilians and fighters 1, children, women, men 2.
// A breakdown names a more specific group than its total.
int category_rank(const std::string& c);

// The outcome of figure lf in sentence si.
//   immediate: the outcome word is next to the figure or a toll names it
//   combined: killed and injured counted together ("killed or wounded")
//   after_aux: auxiliaries between the figure and a participle right after it ("20 wounded": 0), 99 when none
//   direct: the outcome word is right next to the figure (a verb before it, a participle after it)
std::optional<outcome> find_outcome(const article_context& ax, const located_figure& lf, const sentence_info& si, bool& immediate,
                                    bool& combined, std::size_t& after_aux, bool& direct);

}  // namespace reckon::extract
