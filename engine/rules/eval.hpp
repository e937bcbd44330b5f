// The evaluator's entry points (see eval.cpp).
#pragma once

#include <memory>
#include <vector>

#include "rules/compiled.hpp"
#include "rules/ruleset.hpp"

namespace reckon::rules {

// The ruleset that evaluates a compiled, checked set of statements.
std::shared_ptr<const ruleset> make_ruleset(std::shared_ptr<const compiled> c);
// The compiled statements behind a ruleset made by make_ruleset (nullptr otherwise).
const compiled* compiled_of(const ruleset& r);

// The scored match rules, in file order (what scored_levels numbers them by).
std::vector<const ast::statement*> scored_rules(const compiled& c);
// For reckon train: the level index (-1: none held) of each comparison of scored rule
// number `rule` for the pair; false when its condition or blocks keep them apart (unless
// `unconditional`) or the ruleset is not compiled.
bool scored_levels(const ruleset& r, std::size_t rule, const claim_facts& a, const claim_facts& b, bool unconditional,
                   std::vector<int>& levels);

// The value written in a claim: "38" -> 38, "5,812" -> 5812, "Fourteen" -> 14,
// "twenty-two" -> 22; nullopt when it is not a number.
std::optional<std::int64_t> written_value(std::string_view text);

// The claim's figure is written as a count of people: a numeral or number words ("12",
// "Three", "a dozen"), a vague word ("dozens") or a range; not one person named or
// described ("Miller", "a man", "the 26-year-old", "A fourth victim", "He"), nor the
// reader's sum of the victims an article names ("3 people named"). Only a count can be the
// total a breakdown is held against.
bool written_as_count(const claim& c);

}  // namespace reckon::rules
