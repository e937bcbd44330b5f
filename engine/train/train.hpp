// Learning the weights of scored match rules from a corpus, without labels
// (Fellegi-Sunter by expectation-maximisation, as Splink and fastLink do). The pairs the
// blocking gives are a mixture of reports of one event (share lambda) and of different
// events; each comparison's level is taken as independent of the others within each
// class. EM finds, for every level, m (its chance for two reports of one event) and u
// (for two of different events); a level's weight is log2(m / u), and the threshold is
// the total at which a pair is as likely one event as two: log2((1 - lambda) / lambda).
// u starts from random pairs of the corpus (what unrelated reports look like) and m
// from the weights the rules file already gives, so a hand-written rule is refined, not
// replaced. Everything is summed in a fixed order: the same pairs give the same file,
// byte for byte.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "rules/ast.hpp"
#include "rules/ruleset.hpp"

namespace reckon::train {

// The pairs one scored rule saw: how many candidate pairs gave each pattern of levels
// (one level index per comparison, -1 when none held), and per comparison how many
// random pairs fell at each level.
struct pair_counts {
    std::map<std::vector<int>, double> patterns;
    std::vector<std::vector<double>> random;   // [comparison][level]
    double random_pairs = 0;
};

struct estimate_options {
    std::size_t iterations = 100;
    double floor = 1e-4;          // no probability below this: no infinite weight
    double one_level = 0.99;      // a comparison with one level for this share of the
                                  // candidate pairs tells nothing here: its weights are kept
};

// The model EM found for one rule.
struct fs_model {
    std::vector<std::vector<double>> m, u;   // [comparison][level]
    double lambda = 0;                       // share of candidate pairs that are one event
    double candidates = 0;                   // candidate pairs seen (with their condition holding)
    std::size_t iterations = 0;
    std::vector<std::vector<double>> weight; // log2(m / u), to two decimals
    std::vector<bool> kept;                  // per comparison: the corpus says nothing of it
                                             // (one level for almost every pair): weights kept
    double threshold = 0;                    // log2((1 - lambda) / lambda), to two decimals
};

// Counts the level patterns of every scored rule of a ruleset over the pairs the
// matcher shows it (give observe() to match::cluster_options::observe).
class pair_collector {
public:
    explicit pair_collector(const rules::ruleset& rules);
    // The scored rules, in file order (none when the ruleset has none).
    const std::vector<const rules::ast::statement*>& scored() const { return m_scored; }
    void observe(const rules::claim_facts& a, const rules::claim_facts& b, bool random);
    const pair_counts& counts(std::size_t rule) const { return m_counts[rule]; }

private:
    const rules::ruleset& m_rules;
    std::vector<const rules::ast::statement*> m_scored;
    std::vector<pair_counts> m_counts;
    std::vector<int> m_levels;
};

// `levels[k]`: the number of levels of comparison k; `start[k][l]`: the weights the rule
// gives now (m starts at u * 2^weight, normalised).
fs_model estimate(const pair_counts& counts, const std::vector<std::size_t>& levels,
                  const std::vector<std::vector<double>>& start, double start_threshold,
                  const estimate_options& options = {});

// The rules file `text` with the weights and threshold of `rule` (a statement of this
// file) replaced by the model's, and each level's line ending in a comment giving its m
// and u (an earlier such comment is replaced). Nothing else changes.
struct rewrite {
    const rules::ast::statement* rule = nullptr;
    const fs_model* model = nullptr;
};
std::string rewrite_weights(const std::string& text, const std::vector<rewrite>& rules);

}  // namespace reckon::train
