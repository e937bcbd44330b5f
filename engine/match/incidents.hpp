// Incident matching: which claims describe one event. Blocking first (the ruleset's
// blocking keys, e.g. governorate and week, plus the article: claims of one article
// are always compared), so the cost grows about linearly with the corpus; then
// clustering of the matched pairs.
//
// Clustering is average linkage, not connected components: connected components
// would chain two unrelated strikes through one vague "bridge" claim that matches
// both. Two clusters merge only when more than half of the claim pairs across them
// match (each pair judged by the ruleset's named match rules). A claim travels with
// its breakdowns ("38 people ... including 13 children" is one unit, judged by its
// total). Analyst decisions (merge, split) are applied last.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "rules/ruleset.hpp"

namespace reckon::match {

// A living audit's previous grouping (store/living_audit.hpp), per facts index: the
// group (incident) and the connected component of matched pairs each claim was in,
// `none` for a claim that is new in this run, and the seeds: the new claims and the old
// ones whose facts may have changed with them (store/living_audit.hpp says which). The
// caller vouches that every other pair of old claims is judged as it was (same rules,
// same facts; the matcher itself checks that no block is cut). Then only the components
// of old claims that a block puts beside a seed are matched again, with the seeds; every
// other component keeps its groups: closed under matched pairs, untouched, it clusters
// as it did.
struct previous_grouping {
    static constexpr std::uint32_t none = UINT32_MAX;
    std::vector<std::uint32_t> group;      // previous incident, or none
    std::vector<std::uint32_t> component;  // previous component, or none
    std::vector<char> seed;                // 1: new, or its facts may have changed
};

// Sees the pairs the matcher judges (reckon train): every candidate pair of the blocking
// (random false), then `random_pairs` random pairs of units (random true); on one thread,
// in an order that depends only on the corpus.
using pair_observer = std::function<void(const rules::claim_facts&, const rules::claim_facts&, bool random)>;

struct cluster_options {
    // Merge when more than this fraction of cross pairs match. A lower threshold joins
    // more accounts of one event, and more events: measured in docs/audit.md (sessions 10
    // and 11). 0.45 since session 11: an article's figures read at a town and at its
    // county, or a day apart, leave a report of one event just short of half its pairs
    // with the other reports (FA-KES match F1 0.840 -> 0.857), once same_event no longer
    // credits a day apart with nothing else to compare (the next_day_blind level).
    double min_linkage = 0.45;
    std::size_t max_block = 2000;     // larger blocks are split by date order (reported)
    const std::atomic<bool>* cancel = nullptr;  // stop early when set (the result is then partial)
    unsigned jobs = 1;                // threads judging pairs (the result does not depend on it)
    std::size_t naive_sample = 0;     // benchmarks: also judge this many random pairs of all (see naive_estimate)
    pair_observer observe;            // training: see every judged pair (forces one thread)
    std::size_t random_pairs = 0;     // training: and this many random pairs of units
    const previous_grouping* previous = nullptr;  // living audits: match only what new claims touch
    bool keep_joined = true;          // fill match_output::joined (the audit does not: at a million
                                      // articles the decisions of tens of millions of pairs do not fit)
};

// The decision for one judged pair, kept for provenance ("which rule joined them").
struct pair_decision {
    std::size_t a = 0, b = 0;  // indices into the facts vector
    rules::match_result result;
};

struct incident_group {
    std::vector<std::size_t> members;  // indices into the facts vector, sorted
    std::size_t component = 0;         // the first unit (facts index) of its connected component of
                                       // matched pairs: a living audit stores it to re-match components
    std::vector<std::string> decisions;  // analyst decisions applied ("merge: reason")
};

// What judging every pair (no blocking) would cost, measured on a random sample of
// all pairs of units: for the benchmark beside the blocked matcher. Changes no result.
struct naive_estimate {
    std::size_t sampled = 0;          // random pairs judged
    std::size_t matched = 0;          // of which the rules matched
    std::size_t missed = 0;           // matched but never a candidate of the blocking
    double seconds = 0;               // time to judge the sample (one thread)
    double all_pairs = 0;             // pairs of units in all: units * (units - 1) / 2
    double blocked_pairs = 0;         // distinct pairs the blocking judged
};

struct match_output {
    std::vector<incident_group> groups;  // sorted by their first member
    std::vector<pair_decision> joined;   // pairs the rules matched, for provenance, sorted by (a, b)
                                         // (empty unless cluster_options::keep_joined)
    std::size_t pairs_judged = 0;        // candidate pairs of the blocking (with a previous grouping,
                                         // those of untouched components were judged in an earlier run)
    std::size_t largest_component = 0;   // units in the largest connected component of matched pairs
    naive_estimate naive;                // filled when cluster_options::naive_sample > 0
    // With cluster_options::previous: whether only the touched components were matched
    // again, and if not why (the whole corpus was matched, as without it).
    bool incremental = false;
    std::string full_because;
    std::size_t units = 0;               // units (claims that are no breakdown) in all
    std::size_t rematched_units = 0;     // of which matched again (all of them in a full match)
    diagnostics diags;
};

// Groups incident claims (kind incident) into incidents. `facts[i].c` must stay valid.
match_output group_incidents(const std::vector<rules::claim_facts>& facts, const rules::ruleset& rules,
                             const cluster_options& options = {});

}  // namespace reckon::match
