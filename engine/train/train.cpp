#include "train/train.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "rules/eval.hpp"

namespace reckon::train {

namespace {

double round2(double x) {
    const double r = std::round(x * 100) / 100;
    return r == 0 ? 0 : r;  // never "-0.00"
}

// Normalises `p` in place, with no entry below `floor`.
void normalise(std::vector<double>& p, double floor) {
    double sum = 0;
    for (const double x : p) sum += x;
    for (auto& x : p) x = sum > 0 ? x / sum : 1.0 / static_cast<double>(p.size());
    sum = 0;
    for (auto& x : p) sum += (x = std::max(x, floor));
    for (auto& x : p) x /= sum;
}

}  // namespace

pair_collector::pair_collector(const rules::ruleset& rules) : m_rules(rules) {
    if (const auto* c = rules::compiled_of(rules)) m_scored = rules::scored_rules(*c);
    m_counts.resize(m_scored.size());
    for (std::size_t r = 0; r < m_scored.size(); ++r) {
        for (const auto& cmp : m_scored[r]->scores) m_counts[r].random.emplace_back(cmp.levels.size(), 0.0);
    }
}

void pair_collector::observe(const rules::claim_facts& a, const rules::claim_facts& b, bool random) {
    for (std::size_t r = 0; r < m_scored.size(); ++r) {
        // Random pairs show what unrelated reports look like, whatever the rule's condition.
        if (!rules::scored_levels(m_rules, r, a, b, random, m_levels)) continue;
        auto& c = m_counts[r];
        if (random) {
            c.random_pairs += 1;
            for (std::size_t k = 0; k < m_levels.size(); ++k)
                if (m_levels[k] >= 0) c.random[k][static_cast<std::size_t>(m_levels[k])] += 1;
        } else {
            c.patterns[m_levels] += 1;
        }
    }
}

fs_model estimate(const pair_counts& counts, const std::vector<std::size_t>& levels,
                  const std::vector<std::vector<double>>& start, double start_threshold, const estimate_options& options) {
    const std::size_t k = levels.size();
    fs_model f;
    f.m.resize(k);
    f.u.resize(k);
    for (std::size_t c = 0; c < k; ++c) {
        // u from random pairs, half a pair added to each level so none is impossible.
        f.u[c].assign(levels[c], 0.5);
        if (c < counts.random.size())
            for (std::size_t l = 0; l < levels[c] && l < counts.random[c].size(); ++l) f.u[c][l] += counts.random[c][l];
        normalise(f.u[c], options.floor);
        f.m[c].resize(levels[c]);
        for (std::size_t l = 0; l < levels[c]; ++l) f.m[c][l] = f.u[c][l] * std::exp2(start[c][l]);
        normalise(f.m[c], options.floor);
    }
    for (const auto& [pattern, n] : counts.patterns) f.candidates += n;
    // A comparison whose pairs all sit at one level (no places in a corpus of crime
    // reports read without a gazetteer) carries no information here: it keeps the
    // weights it has and stays out of EM.
    f.kept.assign(k, false);
    for (std::size_t c = 0; c < k; ++c) {
        std::vector<double> at(levels[c], 0.0);
        double seen = 0;
        for (const auto& [pattern, n] : counts.patterns)
            if (pattern[c] >= 0) {
                at[static_cast<std::size_t>(pattern[c])] += n;
                seen += n;
            }
        const double most = at.empty() ? 0 : *std::max_element(at.begin(), at.end());
        f.kept[c] = seen <= 0 || most >= options.one_level * seen;
    }
    // The rule's own threshold says which share it expects: 1 / (1 + 2^threshold).
    f.lambda = std::clamp(1.0 / (1.0 + std::exp2(start_threshold)), 0.001, 0.5);
    if (f.candidates <= 0) {
        f.weight = start;
        f.threshold = start_threshold;
        return f;
    }
    for (f.iterations = 0; f.iterations < options.iterations; ++f.iterations) {
        std::vector<std::vector<double>> m_sum(k), u_sum(k);
        for (std::size_t c = 0; c < k; ++c) {
            m_sum[c].assign(levels[c], 0);
            u_sum[c].assign(levels[c], 0);
        }
        double matched = 0;
        for (const auto& [pattern, n] : counts.patterns) {
            double lm = std::log(f.lambda), lu = std::log(1 - f.lambda);
            for (std::size_t c = 0; c < k; ++c) {
                if (pattern[c] < 0 || f.kept[c]) continue;  // no level held, or nothing to learn
                lm += std::log(f.m[c][static_cast<std::size_t>(pattern[c])]);
                lu += std::log(f.u[c][static_cast<std::size_t>(pattern[c])]);
            }
            const double g = 1.0 / (1.0 + std::exp(lu - lm));  // posterior of one event
            matched += g * n;
            for (std::size_t c = 0; c < k; ++c) {
                if (pattern[c] < 0 || f.kept[c]) continue;
                m_sum[c][static_cast<std::size_t>(pattern[c])] += g * n;
                u_sum[c][static_cast<std::size_t>(pattern[c])] += (1 - g) * n;
            }
        }
        double change = std::abs(matched / f.candidates - f.lambda);
        f.lambda = std::clamp(matched / f.candidates, options.floor, 1 - options.floor);
        for (std::size_t c = 0; c < k; ++c) {
            if (f.kept[c]) continue;
            const auto before = f.m[c];
            f.m[c] = m_sum[c];
            normalise(f.m[c], options.floor);
            f.u[c] = u_sum[c];
            normalise(f.u[c], options.floor);
            for (std::size_t l = 0; l < levels[c]; ++l) change = std::max(change, std::abs(f.m[c][l] - before[l]));
        }
        if (change < 1e-7) break;
    }
    f.weight.resize(k);
    for (std::size_t c = 0; c < k; ++c)
        for (std::size_t l = 0; l < levels[c]; ++l)
            f.weight[c].push_back(f.kept[c] ? start[c][l] : round2(std::log2(f.m[c][l] / f.u[c][l])));
    f.threshold = round2(std::log2((1 - f.lambda) / f.lambda));
    return f;
}

std::string rewrite_weights(const std::string& text, const std::vector<rewrite>& rules) {
    struct edit {
        std::size_t from, to;
        std::string with;
    };
    std::vector<edit> edits;
    const auto number = [](double x) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", x);
        return std::string(buf);
    };
    for (const auto& r : rules) {
        const auto& st = *r.rule;
        const auto& f = *r.model;
        for (std::size_t c = 0; c < st.scores.size() && c < f.weight.size(); ++c) {
            for (std::size_t l = 0; l < st.scores[c].levels.size() && l < f.weight[c].size(); ++l) {
                const auto& level = st.scores[c].levels[l];
                edits.push_back({level.weight_pos.byte, level.weight_pos.byte + level.weight_pos.length, number(f.weight[c][l])});
                // The level's line (its first) ends with "# m 0.612, u 0.071": any text after a
                // '#' on that line that is such a comment is replaced, else it is appended.
                const std::size_t last = level.condition ? level.condition->pos.byte + level.condition->pos.length : level.weight_pos.byte;
                std::size_t eol = text.find('\n', last);
                if (eol == std::string::npos) eol = text.size();
                char note[96];
                if (f.kept[c]) std::snprintf(note, sizeof note, "# m -, u -: kept (one level for nearly every pair)");
                else std::snprintf(note, sizeof note, "# m %.4f, u %.4f", f.m[c][l], f.u[c][l]);
                const std::size_t old = text.rfind("# m ", eol);
                if (old != std::string::npos && old > last) {
                    edits.push_back({old, eol, note});
                } else {
                    std::size_t end = eol;
                    while (end > level.pos.byte && (text[end - 1] == ' ' || text[end - 1] == '\r')) --end;
                    edits.push_back({end, end, std::string("  ") + note});
                }
            }
        }
        edits.push_back({st.threshold_pos.byte, st.threshold_pos.byte + st.threshold_pos.length, number(f.threshold)});
    }
    std::sort(edits.begin(), edits.end(), [](const edit& x, const edit& y) { return x.from < y.from; });
    std::string out;
    std::size_t at = 0;
    for (const auto& e : edits) {
        if (e.from < at) continue;  // overlapping edits cannot happen; never write twice
        out.append(text, at, e.from - at);
        out += e.with;
        at = e.to;
    }
    out.append(text, at, std::string::npos);
    return out;
}

}  // namespace reckon::train
