#include "match/incidents.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>

namespace reckon::match {

namespace {

// Judges claim pairs once and remembers the answer.
class pair_judge {
public:
    pair_judge(const std::vector<rules::claim_facts>& facts, const rules::ruleset& rules, match_output& out)
        : m_facts(facts), m_rules(rules), m_out(out) {}

    bool operator()(std::size_t a, std::size_t b) {
        if (a > b) std::swap(a, b);
        const std::uint64_t key = (static_cast<std::uint64_t>(a) << 32) | b;
        const auto it = m_cache.find(key);
        if (it != m_cache.end()) return it->second;
        ++m_out.pairs_judged;
        rules::match_result r = m_rules.match(m_facts[a], m_facts[b]);
        const bool same = r.same;
        if (same) m_out.joined.push_back({a, b, std::move(r)});
        m_cache.emplace(key, same);
        return same;
    }

private:
    const std::vector<rules::claim_facts>& m_facts;
    const rules::ruleset& m_rules;
    match_output& m_out;
    std::unordered_map<std::uint64_t, bool> m_cache;
};

// Average-linkage clustering of one connected component of matched units.
std::vector<std::vector<std::size_t>> link_component(const std::vector<std::size_t>& units, pair_judge& judge,
                                                     double min_linkage) {
    const std::size_t k = units.size();
    std::vector<std::vector<std::size_t>> clusters;
    for (const auto u : units) clusters.push_back({u});
    if (k <= 1) return clusters;
    // matched[i][j]: matched unit pairs between clusters i and j.
    std::vector<std::vector<double>> matched(k, std::vector<double>(k, 0));
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = i + 1; j < k; ++j) matched[i][j] = matched[j][i] = judge(units[i], units[j]) ? 1 : 0;
    std::vector<bool> alive(k, true);
    for (;;) {
        double best = -1;
        std::size_t bi = 0, bj = 0;
        for (std::size_t i = 0; i < k; ++i) {
            if (!alive[i]) continue;
            for (std::size_t j = i + 1; j < k; ++j) {
                if (!alive[j]) continue;
                const double linkage =
                    matched[i][j] / static_cast<double>(clusters[i].size() * clusters[j].size());
                if (linkage > best) {  // strict: ties go to the lowest indices, deterministic
                    best = linkage;
                    bi = i;
                    bj = j;
                }
            }
        }
        if (best <= min_linkage) break;  // more than half of the cross pairs must match
        clusters[bi].insert(clusters[bi].end(), clusters[bj].begin(), clusters[bj].end());
        clusters[bj].clear();
        alive[bj] = false;
        for (std::size_t m = 0; m < k; ++m) {
            if (!alive[m] || m == bi) continue;
            matched[bi][m] = matched[m][bi] = matched[bi][m] + matched[bj][m];
        }
    }
    std::vector<std::vector<std::size_t>> out;
    for (std::size_t i = 0; i < k; ++i)
        if (alive[i]) out.push_back(std::move(clusters[i]));
    return out;
}

}  // namespace

match_output group_incidents(const std::vector<rules::claim_facts>& facts, const rules::ruleset& rules,
                             const cluster_options& options) {
    match_output out;
    const std::size_t n = facts.size();
    std::unordered_map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < n; ++i) index_of.emplace(facts[i].c->id, i);

    // A breakdown travels with the total it breaks down.
    std::vector<std::size_t> root(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t r = i;
        for (int steps = 0; steps < 16 && !facts[r].c->parent.empty(); ++steps) {
            const auto it = index_of.find(facts[r].c->parent);
            if (it == index_of.end()) break;
            r = it->second;
        }
        root[i] = r;
    }
    std::vector<std::size_t> roots;
    std::map<std::size_t, std::vector<std::size_t>> unit_members;
    for (std::size_t i = 0; i < n; ++i) {
        if (facts[i].c->kind != claim_kind::incident) continue;
        unit_members[root[i]].push_back(i);
        if (root[i] == i) roots.push_back(i);
    }

    // Blocking: only units that share a key are judged.
    std::map<std::string, std::vector<std::size_t>> blocks;
    // Claims of one article are always compared with each other as well: a figure
    // whose sentence names no place ("SANA reported the strike, saying more than 30
    // were killed") would otherwise never meet the incident its article is about.
    // The match rules still decide; only the comparison is guaranteed.
    for (const auto r : roots) {
        for (const auto& key : rules.blocking_keys(facts[r])) blocks["rule:" + key].push_back(r);
        blocks["article:" + facts[r].c->article].push_back(r);
    }

    pair_judge judge(facts, rules, out);
    std::vector<std::size_t> position(n, 0);
    for (std::size_t i = 0; i < roots.size(); ++i) position[roots[i]] = i;
    using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    graph matches(roots.size());
    for (auto& [key, members] : blocks) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed)) return out;
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        if (members.size() > options.max_block) {
            out.diags.warning("large-block", "", 0, 0,
                              "blocking key '" + key + "' holds " + std::to_string(members.size()) +
                                  " claims; each is compared with its " + std::to_string(options.max_block) +
                                  " nearest only",
                              "add a finer blocking key to the match rule");
        }
        for (std::size_t a = 0; a < members.size(); ++a) {
            const std::size_t stop = std::min(members.size(), a + 1 + options.max_block);
            for (std::size_t b = a + 1; b < stop; ++b)
                if (judge(members[a], members[b])) boost::add_edge(position[members[a]], position[members[b]], matches);
        }
    }
    std::vector<std::size_t> component(roots.size());
    const std::size_t count = roots.empty() ? 0 : boost::connected_components(matches, component.data());
    std::vector<std::vector<std::size_t>> by_component(count);
    for (std::size_t i = 0; i < roots.size(); ++i) by_component[component[i]].push_back(roots[i]);

    std::vector<std::vector<std::size_t>> unit_clusters;
    for (auto& units : by_component)
        for (auto& c : link_component(units, judge, options.min_linkage)) unit_clusters.push_back(std::move(c));

    // Analyst decisions: split moves a claim's unit out on its own; merge joins the
    // groups holding the listed claims.
    std::vector<std::size_t> cluster_of(n, static_cast<std::size_t>(-1));
    for (std::size_t c = 0; c < unit_clusters.size(); ++c)
        for (const auto u : unit_clusters[c]) cluster_of[u] = c;
    std::vector<std::vector<std::string>> notes(unit_clusters.size());
    const auto unit_of_claim = [&](const std::string& id) -> std::optional<std::size_t> {
        const auto it = index_of.find(id);
        if (it == index_of.end() || facts[it->second].c->kind != claim_kind::incident) return std::nullopt;
        return root[it->second];
    };
    for (const auto& d : rules.decisions()) {
        const std::string note = d.action + " (" + d.rule.file + ":" + std::to_string(d.rule.line) + "): " + d.reason;
        if (d.action == "split") {
            for (const auto& id : d.ids) {
                const auto u = unit_of_claim(id);
                if (!u) continue;
                auto& from = unit_clusters[cluster_of[*u]];
                if (from.size() <= 1) continue;
                notes[cluster_of[*u]].push_back(note);
                from.erase(std::remove(from.begin(), from.end(), *u), from.end());
                cluster_of[*u] = unit_clusters.size();
                unit_clusters.push_back({*u});
                notes.push_back({note});
            }
        } else if (d.action == "merge") {
            std::optional<std::size_t> target;
            for (const auto& id : d.ids) {
                const auto u = unit_of_claim(id);
                if (!u) continue;
                const std::size_t c = cluster_of[*u];
                if (!target) {
                    target = c;
                    notes[c].push_back(note);
                    continue;
                }
                if (c == *target) continue;
                for (const auto v : unit_clusters[c]) cluster_of[v] = *target;
                unit_clusters[*target].insert(unit_clusters[*target].end(), unit_clusters[c].begin(), unit_clusters[c].end());
                unit_clusters[c].clear();
            }
        }
    }

    for (std::size_t c = 0; c < unit_clusters.size(); ++c) {
        if (unit_clusters[c].empty()) continue;
        incident_group g;
        for (const auto u : unit_clusters[c]) {
            const auto& m = unit_members[u];
            g.members.insert(g.members.end(), m.begin(), m.end());
        }
        std::sort(g.members.begin(), g.members.end());
        g.decisions = notes[c];
        out.groups.push_back(std::move(g));
    }
    std::sort(out.groups.begin(), out.groups.end(),
              [](const incident_group& a, const incident_group& b) { return a.members.front() < b.members.front(); });
    return out;
}

}  // namespace reckon::match
