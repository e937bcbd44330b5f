#include "match/incidents.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <queue>
#include <optional>
#include <thread>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>

namespace reckon::match {

namespace {

// The verdicts of the rules on the candidate pairs: every distinct pair that shares a
// block is judged once (on several threads; each verdict depends only on its pair),
// and the matched ones are kept sorted for lookups.
class pair_judge {
public:
    static std::uint64_t key(std::size_t a, std::size_t b) {
        if (a > b) std::swap(a, b);
        return (static_cast<std::uint64_t>(a) << 32) | b;
    }

    // Where a unit sits: (block index, position in that block), by block index.
    using memberships = std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>>;

    // The first block in which units x and y are compared: the first they share where
    // they are at most `window` apart (every pair of a block of up to window + 1 units);
    // -1 when none. A pair found in several blocks is judged only in this one, so each
    // distinct pair is judged once without a set of all candidate pairs in memory.
    static std::int64_t first_block(const memberships& m, std::size_t x, std::size_t y, std::size_t window) {
        const auto& mx = m[x];
        const auto& my = m[y];
        std::size_t i = 0, j = 0;
        while (i < mx.size() && j < my.size()) {
            if (mx[i].first < my[j].first) ++i;
            else if (my[j].first < mx[i].first) ++j;
            else {
                const auto px = mx[i].second, py = my[j].second;
                if ((px > py ? px - py : py - px) <= window) return mx[i].first;
                ++i;
                ++j;
            }
        }
        return -1;
    }

    // Judges, block by block (blocks shared out in stripes between threads), every pair
    // whose first block this is. Memory holds the matched pairs only.
    pair_judge(const std::vector<std::vector<std::size_t>>& blocks, const memberships& m, std::size_t window,
               const std::vector<rules::claim_facts>& facts, const rules::ruleset& rules, unsigned jobs,
               const std::atomic<bool>* cancel, match_output& out) {
        jobs = std::max(1u, std::min<unsigned>(jobs, 64));
        if (blocks.size() < 64) jobs = 1;
        std::vector<std::vector<pair_decision>> found(jobs);
        std::vector<std::size_t> judged(jobs, 0);
        const auto work = [&](std::size_t first, std::size_t step) {
            for (std::size_t bi = first; bi < blocks.size(); bi += step) {
                if (cancel && cancel->load(std::memory_order_relaxed)) return;
                const auto& members = blocks[bi];
                for (std::size_t x = 0; x < members.size(); ++x) {
                    const std::size_t stop = std::min(members.size(), x + 1 + window);
                    for (std::size_t y = x + 1; y < stop; ++y) {
                        const std::size_t a = members[x], b = members[y];
                        if (first_block(m, a, b, window) != static_cast<std::int64_t>(bi)) continue;
                        ++judged[first];
                        rules::match_result r = rules.match(facts[a], facts[b]);
                        if (r.same) found[first].push_back({a, b, std::move(r)});
                    }
                }
            }
        };
        if (jobs == 1) {
            work(0, 1);
        } else {
            std::vector<std::thread> threads;
            for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work, t, jobs);
            for (auto& t : threads) t.join();
        }
        for (const auto j : judged) out.pairs_judged += j;
        for (auto& f : found) {
            out.joined.insert(out.joined.end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
            std::vector<pair_decision>().swap(f);
        }
        std::sort(out.joined.begin(), out.joined.end(),
                  [](const pair_decision& x, const pair_decision& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
        m_matched.reserve(out.joined.size());
        for (const auto& d : out.joined) m_matched.push_back(key(d.a, d.b));
    }

    // True when the pair was judged and matched; pairs that never shared a block were
    // not judged and do not match (the match rules need a shared blocking key).
    bool known(std::size_t a, std::size_t b) const { return std::binary_search(m_matched.begin(), m_matched.end(), key(a, b)); }
    const std::vector<std::uint64_t>& matched() const { return m_matched; }

private:
    std::vector<std::uint64_t> m_matched;
};

// Average-linkage clustering of one connected component of matched units. Works on
// the sparse graph of matched pairs with a priority queue of candidate merges
// (entries made stale by a merge are skipped), so a component of k units with E
// matched pairs costs O(E log E) rather than O(k^3). Ties go to the lowest indices,
// so the result does not depend on hash order.
std::vector<std::vector<std::size_t>> link_component(const std::vector<std::size_t>& units, const pair_judge& judge,
                                                     double min_linkage) {
    const std::size_t k = units.size();
    std::vector<std::vector<std::size_t>> clusters;
    for (const auto u : units) clusters.push_back({u});
    if (k <= 1) return clusters;
    // matched[i][j]: matched unit pairs between clusters i and j (only non-zero kept).
    std::vector<std::map<std::size_t, double>> matched(k);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = i + 1; j < k; ++j)
            if (judge.known(units[i], units[j])) matched[i][j] = matched[j][i] = 1;
    struct candidate {
        double linkage;
        std::size_t i, j;  // i < j
        std::size_t version_i, version_j;
        bool operator<(const candidate& o) const {  // max-heap: best linkage, then lowest indices
            if (linkage != o.linkage) return linkage < o.linkage;
            if (i != o.i) return i > o.i;
            return j > o.j;
        }
    };
    std::vector<std::size_t> version(k, 0);
    std::vector<bool> alive(k, true);
    std::priority_queue<candidate> queue;
    const auto push = [&](std::size_t a, std::size_t b) {
        if (a > b) std::swap(a, b);
        const double linkage = matched[a][b] / static_cast<double>(clusters[a].size() * clusters[b].size());
        if (linkage > min_linkage) queue.push({linkage, a, b, version[a], version[b]});
    };
    for (std::size_t i = 0; i < k; ++i)
        for (const auto& [j, n] : matched[i])
            if (i < j) push(i, j);
    while (!queue.empty()) {
        const candidate c = queue.top();
        queue.pop();
        if (!alive[c.i] || !alive[c.j] || version[c.i] != c.version_i || version[c.j] != c.version_j) continue;
        // Merge j into i (i is the lower index, so cluster order stays by first unit).
        clusters[c.i].insert(clusters[c.i].end(), clusters[c.j].begin(), clusters[c.j].end());
        clusters[c.j].clear();
        alive[c.j] = false;
        ++version[c.i];
        matched[c.i].erase(c.j);
        for (const auto& [m, n] : matched[c.j]) {
            if (m == c.i) continue;
            matched[c.i][m] += n;
            matched[m][c.i] = matched[c.i][m];
            matched[m].erase(c.j);
        }
        matched[c.j].clear();
        for (const auto& [m, n] : matched[c.i]) push(c.i, m);
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

    std::vector<std::size_t> position(n, 0);
    for (std::size_t i = 0; i < roots.size(); ++i) position[roots[i]] = i;
    std::vector<std::vector<std::size_t>> block_list;
    block_list.reserve(blocks.size());
    pair_judge::memberships where(n);
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
        if (members.size() < 2) continue;  // a block of one compares nothing
        const auto bi = static_cast<std::uint32_t>(block_list.size());
        for (std::size_t p = 0; p < members.size(); ++p) where[members[p]].emplace_back(bi, static_cast<std::uint32_t>(p));
        block_list.push_back(std::move(members));
    }
    blocks.clear();
    const pair_judge judge(block_list, where, options.max_block, facts, rules, options.jobs, options.cancel, out);
    if (options.naive_sample > 0 && roots.size() > 1) {
        // Random pairs of units (splitmix64 from a fixed seed), judged on one thread.
        auto& nv = out.naive;
        nv.all_pairs = static_cast<double>(roots.size()) * static_cast<double>(roots.size() - 1) / 2;
        nv.blocked_pairs = static_cast<double>(out.pairs_judged);
        std::uint64_t state = 0x5eed;
        const auto next = [&state] {
            std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            return z ^ (z >> 31);
        };
        const auto t0 = std::chrono::steady_clock::now();
        while (nv.sampled < options.naive_sample) {
            const std::size_t a = roots[next() % roots.size()], b = roots[next() % roots.size()];
            if (a == b) continue;
            ++nv.sampled;
            if (!rules.match(facts[a], facts[b]).same) continue;
            ++nv.matched;
            if (pair_judge::first_block(where, a, b, options.max_block) < 0) ++nv.missed;
        }
        nv.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    pair_judge::memberships().swap(where);
    std::vector<std::vector<std::size_t>>().swap(block_list);
    if (options.cancel && options.cancel->load(std::memory_order_relaxed)) return out;
    using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    graph matches(roots.size());
    for (const auto k : judge.matched())
        boost::add_edge(position[static_cast<std::size_t>(k >> 32)], position[static_cast<std::size_t>(k & 0xffffffffu)], matches);
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
