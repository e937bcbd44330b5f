#include "match/incidents.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <queue>
#include <optional>
#include <thread>
#include <string_view>
#include <unordered_map>

#include <boost/pending/disjoint_sets.hpp>

#include "model/claim_id.hpp"
#include "support/memory.hpp"
#include "support/parallel.hpp"

namespace reckon::match {

namespace {

// A small seeded generator for the pairs drawn at random (splitmix64): the same seed
// gives the same pairs on every machine, unlike the standard library's distributions.
struct splitmix64 {
    std::uint64_t state;
    std::uint64_t operator()() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
};

// A unit in a block: its index and the parts of the block's key it is inside of (see
// rules::block_cell). Two units are compared in a block when no part has both inside.
struct block_member {
    std::uint32_t unit = 0;
    std::uint32_t inside = 0;
};

// Where a unit sits: block index, its position in that block and its role there.
struct block_seat {
    std::uint32_t block = 0;
    std::uint32_t position = 0;
    std::uint32_t inside = 0;
};

// The verdicts of the rules on the candidate pairs: every distinct pair that meets in a
// block is judged once (on several threads; each verdict depends only on its pair),
// and the matched ones are kept sorted for lookups.
class pair_judge {
public:
    static std::uint64_t key(std::size_t a, std::size_t b) {
        if (a > b) std::swap(a, b);
        return (static_cast<std::uint64_t>(a) << 32) | b;
    }

    // Blocks and seats in flat tables (a million articles make millions of small blocks:
    // one allocation each would cost more than their members).
    struct block_table {
        std::vector<block_member> members;      // block i: members[start[i] .. start[i + 1])
        std::vector<std::size_t> start{0};
        std::size_t size() const { return start.size() - 1; }
        const block_member* begin(std::size_t i) const { return members.data() + start[i]; }
        std::size_t count(std::size_t i) const { return start[i + 1] - start[i]; }
    };
    struct memberships {
        std::vector<block_seat> seats;          // unit u: seats[start[u] .. start[u + 1]), by block
        std::vector<std::size_t> start;
    };

    // The first block in which units x and y are compared: the first they share where
    // they are at most `window` apart (every pair of a block of up to window + 1 units)
    // and not both inside one part of its key; -1 when none. A pair found in several
    // blocks is judged only in this one, so each distinct pair is judged once without a
    // set of all candidate pairs in memory.
    static std::int64_t first_block(const memberships& m, std::size_t x, std::size_t y, std::size_t window) {
        const block_seat* mx = m.seats.data() + m.start[x];
        const block_seat* my = m.seats.data() + m.start[y];
        const std::size_t nx = m.start[x + 1] - m.start[x], ny = m.start[y + 1] - m.start[y];
        std::size_t i = 0, j = 0;
        while (i < nx && j < ny) {
            if (mx[i].block < my[j].block) ++i;
            else if (my[j].block < mx[i].block) ++j;
            else {
                const auto px = mx[i].position, py = my[j].position;
                if ((px > py ? px - py : py - px) <= window && (mx[i].inside & my[j].inside) == 0) return mx[i].block;
                ++i;
                ++j;
            }
        }
        return -1;
    }

    // Calls f(x, y) for the pairs of positions of one block that are compared there:
    // at most `window` apart and not both inside one part. Members are grouped by role,
    // so a province block of a thousand villages (all inside) and two province-wide
    // figures (at) costs two thousand pairs, not half a million.
    template <class F>
    static void each_pair(const block_member* members, std::size_t count, std::size_t window, F&& f) {
        std::map<std::uint32_t, std::vector<std::uint32_t>> by_role;
        for (std::size_t p = 0; p < count; ++p) by_role[members[p].inside].push_back(static_cast<std::uint32_t>(p));
        for (auto g1 = by_role.begin(); g1 != by_role.end(); ++g1) {
            for (auto g2 = g1; g2 != by_role.end(); ++g2) {
                if ((g1->first & g2->first) != 0) continue;
                const auto& xs = g1->second;
                const auto& ys = g2->second;
                for (const auto px : xs) {
                    const std::uint32_t from = px > window ? static_cast<std::uint32_t>(px - window) : 0;
                    auto it = std::lower_bound(ys.begin(), ys.end(), g1 == g2 ? px + 1 : from);
                    for (; it != ys.end() && *it <= px + window; ++it) f(std::min(px, *it), std::max(px, *it));
                }
            }
        }
    }

    // True when some pair of the block is compared there.
    static bool compares_any(const std::vector<block_member>& members) {
        std::vector<std::uint32_t> roles;
        for (const auto& mb : members) {
            if (mb.inside == 0 && members.size() > 1) return true;
            roles.push_back(mb.inside);
        }
        std::sort(roles.begin(), roles.end());
        roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
        for (std::size_t i = 0; i < roles.size(); ++i)
            for (std::size_t j = i + 1; j < roles.size(); ++j)
                if ((roles[i] & roles[j]) == 0) return true;
        return false;
    }

    // Judges, block by block (blocks shared out in stripes between threads), every pair
    // whose first block this is. Memory holds the matched pairs only.
    // With `subset` (per facts index), only pairs of two units of it are judged (all are
    // counted).
    pair_judge(const block_table& blocks, const memberships& m, std::size_t window,
               const std::vector<rules::claim_facts>& facts, const rules::ruleset& rules, unsigned jobs,
               const std::atomic<bool>* cancel, bool keep_joined, const pair_observer& observe, match_output& out,
               const std::vector<char>* subset = nullptr) {
        jobs = std::max(1u, std::min<unsigned>(jobs, 64));
        if (blocks.size() < 64 || observe) jobs = 1;
        std::vector<std::vector<pair_decision>> found(jobs);
        std::vector<std::vector<std::uint64_t>> found_keys(jobs);
        std::vector<std::size_t> judged(jobs, 0);
        const auto work = [&](std::size_t first, std::size_t step) {
            for (std::size_t bi = first; bi < blocks.size(); bi += step) {
                if (cancel && cancel->load(std::memory_order_relaxed)) return;
                const block_member* members = blocks.begin(bi);
                each_pair(members, blocks.count(bi), window, [&](std::uint32_t x, std::uint32_t y) {
                    const std::size_t a = members[x].unit, b = members[y].unit;
                    if (first_block(m, a, b, window) != static_cast<std::int64_t>(bi)) return;
                    // Counted as in a full match: a pair outside the subset was judged, as
                    // now, by an earlier run (the verdicts of its untouched components).
                    ++judged[first];
                    if (subset && (!(*subset)[a] || !(*subset)[b])) return;
                    if (observe) observe(facts[a], facts[b], false);
                    if (!keep_joined) {
                        if (rules.joins(facts[a], facts[b])) found_keys[first].push_back(key(a, b));
                        return;
                    }
                    rules::match_result r = rules.match(facts[a], facts[b]);
                    if (r.same) found[first].push_back({a, b, std::move(r)});
                });
            }
        };
        run_striped(blocks.size(), jobs, work);
        for (const auto j : judged) out.pairs_judged += j;
        for (auto& f : found) {
            out.joined.insert(out.joined.end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
            std::vector<pair_decision>().swap(f);
        }
        std::sort(out.joined.begin(), out.joined.end(),
                  [](const pair_decision& x, const pair_decision& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
        m_matched.reserve(out.joined.size());
        for (const auto& d : out.joined) m_matched.push_back(key(d.a, d.b));
        for (auto& f : found_keys) {
            m_matched.insert(m_matched.end(), f.begin(), f.end());
            std::vector<std::uint64_t>().swap(f);
        }
        std::sort(m_matched.begin(), m_matched.end());
    }

    // The judged pairs that matched (key(a, b)), sorted; pairs that never met in a
    // block were not judged and do not match (the match rules need a shared block).
    const std::vector<std::uint64_t>& matched() const { return m_matched; }
    void release() { std::vector<std::uint64_t>().swap(m_matched); }

private:
    std::vector<std::uint64_t> m_matched;
};

// Connected components of k vertices joined by `edge(e)` for e in [0, edges), numbered
// by their lowest vertex (as Boost's connected_components numbers them) through Boost's
// disjoint sets: two vectors of k, where an adjacency list would hold tens of millions
// of edge nodes for a million-article corpus.
template <class Edge>
std::size_t components_of(std::size_t k, std::size_t edges, Edge edge, std::vector<std::size_t>& label) {
    std::vector<std::size_t> rank(k, 0), parent(k);
    boost::disjoint_sets<std::size_t*, std::size_t*> sets(rank.data(), parent.data());
    for (std::size_t v = 0; v < k; ++v) sets.make_set(v);
    for (std::size_t e = 0; e < edges; ++e) {
        const auto [x, y] = edge(e);
        if (x != SIZE_MAX) sets.union_set(x, y);
    }
    label.assign(k, SIZE_MAX);
    std::vector<std::size_t> number_of_root(k, SIZE_MAX);
    std::size_t count = 0;
    for (std::size_t v = 0; v < k; ++v) {
        const std::size_t r = sets.find_set(v);
        if (number_of_root[r] == SIZE_MAX) number_of_root[r] = count++;
        label[v] = number_of_root[r];
    }
    return count;
}

std::vector<std::vector<std::size_t>> link_component(const std::vector<std::size_t>& units,
                                                     const std::vector<std::pair<std::size_t, std::size_t>>& edges,
                                                     double min_linkage, bool exact = false);

// Components larger than this are split before average linkage (see link_large).
constexpr std::size_t max_exact_component = 5000;
// In a large component, a unit matched to more than this many others is a bridge.
constexpr std::size_t bridge_degree = 64;

// A very large component (on a dense corpus a province-wide figure for each day meets
// every village of the province, and day after day they chain the whole province into
// one component of 100,000 claims) is where exact average linkage costs most: every
// merge re-weighs every neighbour of the merged cluster. So the bridges (units matched
// to more than bridge_degree others) are taken out, the rest is split into its
// connected components and clustered, and each bridge then joins the cluster it is most
// matched to if more than min_linkage of that cluster's units match it (the rule
// average linkage applies to a unit), else stays on its own. Never used on components
// of max_exact_component units or fewer, so results there are exact.
std::vector<std::vector<std::size_t>> link_large(const std::vector<std::size_t>& units,
                                                 const std::vector<std::pair<std::size_t, std::size_t>>& edges,
                                                 double min_linkage) {
    const std::size_t k = units.size();
    std::vector<std::size_t> degree(k, 0);
    for (const auto& [i, j] : edges) {
        ++degree[i];
        ++degree[j];
    }
    std::vector<bool> bridge(k);
    for (std::size_t i = 0; i < k; ++i) bridge[i] = degree[i] > bridge_degree;
    std::vector<std::size_t> component;
    const std::size_t count = components_of(k, edges.size(), [&](std::size_t e) {
        const auto [i, j] = edges[e];
        return bridge[i] || bridge[j] ? std::make_pair(SIZE_MAX, SIZE_MAX) : std::make_pair(i, j);
    }, component);
    std::vector<std::vector<std::size_t>> members(count);   // local indices, ascending
    std::vector<std::size_t> local(k);
    for (std::size_t i = 0; i < k; ++i) {
        if (bridge[i]) continue;
        local[i] = members[component[i]].size();
        members[component[i]].push_back(i);
    }
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> sub_edges(count);
    for (const auto& [i, j] : edges)
        if (!bridge[i] && !bridge[j]) sub_edges[component[i]].emplace_back(local[i], local[j]);
    // Clusters of the non-bridges, as local indices into `units`.
    std::vector<std::vector<std::size_t>> clusters;
    std::vector<std::size_t> cluster_of(k, SIZE_MAX);
    for (std::size_t c = 0; c < count; ++c) {
        if (members[c].empty()) continue;
        // A part as large as the whole had no bridge to take out: splitting it again would
        // never end, so it is clustered exactly.
        for (auto& cl : link_component(members[c], sub_edges[c], min_linkage, members[c].size() == k)) {
            for (const auto u : cl) cluster_of[u] = clusters.size();
            clusters.push_back(std::move(cl));
        }
    }
    // Each bridge, in order, joins its best cluster when the linkage rule allows.
    std::vector<std::vector<std::size_t>> bridge_edges(k);
    for (const auto& [i, j] : edges) {
        if (bridge[i] && !bridge[j]) bridge_edges[i].push_back(j);
        if (bridge[j] && !bridge[i]) bridge_edges[j].push_back(i);
    }
    std::vector<std::vector<std::size_t>> out_clusters = clusters;
    std::map<std::size_t, std::size_t> hits;
    for (std::size_t b = 0; b < k; ++b) {
        if (!bridge[b]) continue;
        hits.clear();
        for (const auto u : bridge_edges[b]) ++hits[cluster_of[u]];
        std::size_t best = SIZE_MAX;
        double best_linkage = min_linkage;
        for (const auto& [c, n] : hits) {
            const double linkage = static_cast<double>(n) / static_cast<double>(clusters[c].size());
            if (linkage > best_linkage) {
                best_linkage = linkage;
                best = c;
            }
        }
        if (best == SIZE_MAX) {
            out_clusters.push_back({b});
        } else {
            out_clusters[best].push_back(b);
        }
    }
    std::vector<std::vector<std::size_t>> out;
    for (auto& cl : out_clusters) {
        std::sort(cl.begin(), cl.end());
        std::vector<std::size_t> mapped;
        for (const auto u : cl) mapped.push_back(units[u]);
        out.push_back(std::move(mapped));
    }
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.front() < y.front(); });
    return out;
}

// Average-linkage clustering of one connected component of matched units. Works on
// the sparse graph of matched pairs with a priority queue of candidate merges
// (entries made stale by a merge are skipped), so a component of k units with E
// matched pairs costs O(E log E) rather than O(k^3). Ties go to the lowest indices,
// so the result does not depend on hash order.
std::vector<std::vector<std::size_t>> link_component(const std::vector<std::size_t>& units,
                                                     const std::vector<std::pair<std::size_t, std::size_t>>& edges,
                                                     double min_linkage, bool exact) {
    if (!exact && units.size() > max_exact_component) return link_large(units, edges, min_linkage);
    const std::size_t k = units.size();
    std::vector<std::vector<std::size_t>> clusters;
    for (const auto u : units) clusters.push_back({u});
    if (k <= 1) return clusters;
    // matched[i][j]: matched unit pairs between clusters i and j (only non-zero kept).
    std::vector<std::map<std::size_t, double>> matched(k);
    for (const auto& [i, j] : edges) matched[i][j] = matched[j][i] = 1;
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

// Why a previous grouping cannot be kept for untouched components ("" when it can).
std::string incremental_obstacle(const previous_grouping& previous, const std::vector<std::size_t>& roots,
                                 const std::map<std::size_t, std::vector<std::size_t>>& unit_members, const rules::ruleset& rules,
                                 bool cut, std::size_t n) {
    if (previous.group.size() != n || previous.component.size() != n || previous.seed.size() != n)
        return "the previous grouping does not cover the claims";
    // Decisions move claims across the matcher's components.
    if (!rules.decisions().empty()) return "the rules hold analyst decisions";
    // A cut block compares by position, and a new member moves old members' positions.
    if (cut) return "a blocking key holds more claims than are compared whole";
    for (const auto r : roots) {
        bool seed = false;
        for (const auto m : unit_members.at(r)) seed = seed || previous.seed[m];
        if (!seed && (previous.group[r] == previous_grouping::none || previous.component[r] == previous_grouping::none))
            return "a stored claim is in no stored incident";
    }
    return "";
}

}  // namespace

match_output group_incidents(const std::vector<rules::claim_facts>& facts, const rules::ruleset& rules,
                             const cluster_options& options) {
    match_output out;
    const std::size_t n = facts.size();
    // Views of the ids the claims hold: no copy of a million id strings.
    std::unordered_map<std::string_view, std::size_t> index_of;
    index_of.reserve(n);
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

    // Blocking: only units that meet in a block are judged. A block is named by a 64-bit
    // hash of its key: the keys' text is never held for the whole corpus (tens of
    // millions of keys at a million articles), and a collision, however unlikely, only
    // puts two blocks together, which costs comparisons, never a match (the rules check
    // their own keys). Blocks are taken in hash order, so the result never depends on
    // the number of threads. The keys of each unit are made on `jobs` threads.
    struct seat_entry {
        std::uint64_t block;
        std::uint32_t unit, inside;
    };
    const auto hash_of = [](std::string_view prefix, std::string_view key) {
        std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
        for (const auto* part : {&prefix, &key})
            for (const char ch : *part) h = (h ^ static_cast<unsigned char>(ch)) * 0x100000001b3ULL;
        return h;
    };
    std::vector<seat_entry> entries;
    {
        const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, 64));
        std::vector<std::vector<seat_entry>> parts(jobs);
        const auto work = [&](std::size_t first, std::size_t step) {
            auto& mine = parts[first];
            for (std::size_t k = first; k < roots.size(); k += step) {
                if (options.cancel && options.cancel->load(std::memory_order_relaxed)) return;
                const std::size_t r = roots[k];
                // Claims of one article are always compared with each other as well: a
                // figure whose sentence names no place ("SANA reported the strike, saying
                // more than 30 were killed") would otherwise never meet the incident its
                // article is about. The match rules still decide; only the comparison is
                // guaranteed.
                for (const auto& cell : rules.blocking_cells(facts[r]))
                    mine.push_back({hash_of("rule:", cell.key), static_cast<std::uint32_t>(r), cell.inside});
                mine.push_back({hash_of("article:", facts[r].c->article), static_cast<std::uint32_t>(r), 0});
            }
        };
        run_striped(roots.size(), jobs, work, 1024);
        if (options.cancel && options.cancel->load(std::memory_order_relaxed)) return out;
        entries = concat_parts(parts);
    }
    std::sort(entries.begin(), entries.end(), [](const seat_entry& x, const seat_entry& y) {
        return x.block != y.block ? x.block < y.block : x.unit < y.unit;
    });
    // The text of a block's key, for messages: found again from one of its units.
    const auto key_text = [&](std::uint64_t block, std::size_t unit) -> std::string {
        for (const auto& cell : rules.blocking_cells(facts[unit]))
            if (hash_of("rule:", cell.key) == block) return cell.key;
        return "article " + facts[unit].c->article;
    };

    bool cut = false;  // some block is over max_block (compared by date order, not whole)
    std::vector<std::size_t> position(n, 0);
    for (std::size_t i = 0; i < roots.size(); ++i) position[roots[i]] = i;
    pair_judge::block_table block_list;
    std::vector<block_member> members;
    for (std::size_t e = 0; e < entries.size();) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed)) return out;
        const std::uint64_t block = entries[e].block;
        members.clear();
        for (; e < entries.size() && entries[e].block == block; ++e) {
            // A unit twice in one block (two cells with one key) takes the role that meets more.
            if (!members.empty() && members.back().unit == entries[e].unit) {
                members.back().inside &= entries[e].inside;
            } else {
                members.push_back({entries[e].unit, entries[e].inside});
            }
        }
        if (!pair_judge::compares_any(members)) continue;  // nobody to compare here
        if (members.size() > options.max_block) {
            cut = true;
            out.diags.warning("large-block", "", 0, 0,
                              "blocking key '" + key_text(block, members.front().unit) + "' holds " + std::to_string(members.size()) +
                                  " claims; each is compared with its " + std::to_string(options.max_block) +
                                  " nearest only",
                              "add a finer blocking key to the match rule");
        }
        block_list.members.insert(block_list.members.end(), members.begin(), members.end());
        block_list.start.push_back(block_list.members.size());
    }
    std::vector<seat_entry>().swap(entries);
    block_list.members.shrink_to_fit();
    release_free_memory();  // the entries were the largest table of the stage
    // Each unit's seats, in block order.
    pair_judge::memberships where;
    where.start.assign(n + 1, 0);
    for (const auto& mb : block_list.members) ++where.start[mb.unit + 1];
    for (std::size_t u = 0; u < n; ++u) where.start[u + 1] += where.start[u];
    where.seats.resize(block_list.members.size());
    {
        std::vector<std::size_t> fill(where.start.begin(), where.start.end() - 1);
        for (std::size_t bi = 0; bi < block_list.size(); ++bi) {
            const block_member* m = block_list.begin(bi);
            for (std::size_t p = 0; p < block_list.count(bi); ++p)
                where.seats[fill[m[p].unit]++] = {static_cast<std::uint32_t>(bi), static_cast<std::uint32_t>(p), m[p].inside};
        }
    }
    // A living audit's update: only the components a seed (a new claim, or one whose
    // facts may have changed) meets in a block are matched again, with the seeds.
    const previous_grouping* previous = options.previous;
    std::vector<char> subset;
    out.units = roots.size();
    out.rematched_units = roots.size();
    if (previous) {
        out.full_because = incremental_obstacle(*previous, roots, unit_members, rules, cut, n);
        if (!out.full_because.empty()) previous = nullptr;
    }
    if (previous) {
        std::vector<char> seed(n, 0);
        for (const auto r : roots)
            for (const auto m : unit_members[r]) seed[r] |= previous->seed[m];
        std::uint32_t components = 0;
        for (const auto r : roots)
            if (!seed[r]) components = std::max(components, previous->component[r] + 1);
        std::vector<char> touched(components, 0);
        const auto touch = [&](std::size_t u) {
            if (previous->component[u] != previous_grouping::none && previous->component[u] < components) touched[previous->component[u]] = 1;
        };
        for (const auto r : roots)
            if (seed[r]) touch(r);
        for (std::size_t bi = 0; bi < block_list.size(); ++bi) {
            const block_member* m = block_list.begin(bi);
            const std::size_t count = block_list.count(bi);
            if (std::none_of(m, m + count, [&](const block_member& mb) { return seed[mb.unit] != 0; })) continue;
            for (std::size_t p = 0; p < count; ++p) touch(m[p].unit);
        }
        subset.assign(n, 0);
        out.rematched_units = 0;
        for (const auto r : roots) {
            subset[r] = seed[r] || touched[previous->component[r]] ? 1 : 0;
            out.rematched_units += subset[r];
        }
        out.incremental = true;
    }
    pair_judge judge(block_list, where, options.max_block, facts, rules, options.jobs, options.cancel,
                           options.keep_joined, options.observe, out, previous ? &subset : nullptr);
    if (options.observe && options.random_pairs > 0 && roots.size() > 1) {
        // What unrelated reports look like. A corpus with no more pairs than were asked for
        // gives every pair once: the levels' shares exactly, and no draws wasted on a small
        // corpus (the seeds have a few hundred pairs; 200,000 draws took most of `train`'s
        // time). Otherwise random pairs of units (splitmix64 from a fixed seed).
        const double all_pairs = static_cast<double>(roots.size()) * static_cast<double>(roots.size() - 1) / 2;
        if (all_pairs <= static_cast<double>(options.random_pairs)) {
            for (std::size_t i = 0; i < roots.size(); ++i)
                for (std::size_t j = i + 1; j < roots.size(); ++j) options.observe(facts[roots[i]], facts[roots[j]], true);
        } else {
            splitmix64 next{0x7a11};
            for (std::size_t k = 0; k < options.random_pairs;) {
                const std::size_t a = roots[next() % roots.size()], b = roots[next() % roots.size()];
                if (a == b) continue;
                options.observe(facts[a], facts[b], true);
                ++k;
            }
        }
    }
    if (options.naive_sample > 0 && roots.size() > 1) {
        // Random pairs of units (splitmix64 from a fixed seed), judged on one thread.
        auto& nv = out.naive;
        nv.all_pairs = static_cast<double>(roots.size()) * static_cast<double>(roots.size() - 1) / 2;
        nv.blocked_pairs = static_cast<double>(out.pairs_judged);
        splitmix64 next{0x5eed};
        const auto t0 = std::chrono::steady_clock::now();
        while (nv.sampled < options.naive_sample) {
            const std::size_t a = roots[next() % roots.size()], b = roots[next() % roots.size()];
            if (a == b) continue;
            ++nv.sampled;
            if (!rules.joins(facts[a], facts[b])) continue;
            ++nv.matched;
            if (pair_judge::first_block(where, a, b, options.max_block) < 0) ++nv.missed;
        }
        nv.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    where = pair_judge::memberships();  // moving an empty table in frees the old one
    block_list = pair_judge::block_table();
    if (options.cancel && options.cancel->load(std::memory_order_relaxed)) return out;
    std::vector<std::size_t> component;
    const auto& matched = judge.matched();
    const std::size_t count = components_of(roots.size(), matched.size(), [&](std::size_t e) {
        return std::make_pair(position[static_cast<std::size_t>(matched[e] >> 32)],
                              position[static_cast<std::size_t>(matched[e] & 0xffffffffu)]);
    }, component);
    std::vector<std::vector<std::size_t>> by_component(count);
    std::vector<std::size_t> local(roots.size());  // a unit's index within its component
    for (std::size_t i = 0; i < roots.size(); ++i) {
        local[i] = by_component[component[i]].size();
        by_component[component[i]].push_back(roots[i]);
    }
    // The matched pairs of each component, in local indices (both ends share a component).
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> edges_of(count);
    for (const auto k : judge.matched()) {
        const std::size_t x = position[static_cast<std::size_t>(k >> 32)], y = position[static_cast<std::size_t>(k & 0xffffffffu)];
        edges_of[component[x]].emplace_back(local[x], local[y]);
    }
    judge.release();  // every matched pair is in edges_of now
    release_free_memory();

    for (const auto& units : by_component) out.largest_component = std::max(out.largest_component, units.size());
    std::vector<std::vector<std::size_t>> unit_clusters;
    std::vector<std::size_t> cluster_component;  // per cluster: the first unit of its component
    for (std::size_t c = 0; c < count; ++c) {
        if (previous && !subset[by_component[c].front()]) continue;  // untouched: its groups follow
        for (auto& cl : link_component(by_component[c], edges_of[c], options.min_linkage)) {
            unit_clusters.push_back(std::move(cl));
            cluster_component.push_back(by_component[c].front());
        }
    }
    if (previous) {
        // The untouched components' groups, as the previous run left them.
        std::map<std::uint32_t, std::vector<std::size_t>> kept;
        std::map<std::uint32_t, std::size_t> first_of_component;
        for (const auto r : roots) {
            if (subset[r]) continue;
            kept[previous->group[r]].push_back(r);
            first_of_component.emplace(previous->component[r], r);  // roots ascend: the first stays
        }
        for (auto& [group, units] : kept) {
            cluster_component.push_back(first_of_component.at(previous->component[units.front()]));
            unit_clusters.push_back(std::move(units));
        }
    }

    // Analyst decisions: split moves a claim's unit out on its own; merge joins the
    // groups holding the listed claims.
    std::vector<std::size_t> cluster_of(n, static_cast<std::size_t>(-1));
    for (std::size_t c = 0; c < unit_clusters.size(); ++c)
        for (const auto u : unit_clusters[c]) cluster_of[u] = c;
    std::vector<std::vector<std::string>> notes(unit_clusters.size());
    // a decision may name a claim by its older offset id (model/claim_id.hpp)
    const claim_finder finder(n, [&facts](std::size_t i) -> const claim& { return *facts[i].c; });
    const auto unit_of_claim = [&](const std::string& id) -> std::optional<std::size_t> {
        const auto found = finder.find(id);
        if (!found || facts[found->index].c->kind != claim_kind::incident) return std::nullopt;
        return root[found->index];
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
                cluster_component.push_back(cluster_component[cluster_of[*u]]);  // split within its component
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
        g.component = cluster_component[c];
        out.groups.push_back(std::move(g));
    }
    std::sort(out.groups.begin(), out.groups.end(),
              [](const incident_group& a, const incident_group& b) { return a.members.front() < b.members.front(); });
    return out;
}

}  // namespace reckon::match
