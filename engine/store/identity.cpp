#include "store/identity.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "audit/audit.hpp"

namespace reckon::store {

std::string fresh_incident_id(std::vector<std::string> claims, unsigned attempt) {
    std::sort(claims.begin(), claims.end());
    std::string joined;
    for (const auto& id : claims) joined += id + '\n';
    if (attempt > 1) joined += "#" + std::to_string(attempt);
    return "inc-" + audit::sha256_hex(joined).substr(0, 10);
}

id_assignment assign_ids(const std::vector<incident_claims>& before, const std::vector<incident_claims>& after,
                         const std::set<std::string>& issued) {
    // Which new incident holds each claim, then the overlap of every (old, new) pair.
    std::unordered_map<std::string, std::size_t> new_of;
    for (std::size_t n = 0; n < after.size(); ++n)
        for (const auto& c : after[n].claims) new_of.emplace(c, n);
    std::vector<std::map<std::size_t, std::size_t>> overlap(before.size());  // old -> new -> claims
    for (std::size_t o = 0; o < before.size(); ++o)
        for (const auto& c : before[o].claims)
            if (const auto it = new_of.find(c); it != new_of.end()) ++overlap[o][it->second];

    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> heir(before.size(), none);
    for (std::size_t o = 0; o < before.size(); ++o)
        for (const auto& [n, k] : overlap[o])
            if (2 * k > before[o].claims.size()) heir[o] = n;

    id_assignment out;
    out.ids.assign(after.size(), std::string());
    std::vector<std::vector<std::size_t>> heirs_of(after.size());
    for (std::size_t o = 0; o < before.size(); ++o)
        if (heir[o] != none) heirs_of[heir[o]].push_back(o);
    std::set<std::string> taken(issued);
    for (const auto& o : before) taken.insert(o.id);
    for (std::size_t n = 0; n < after.size(); ++n) {
        const auto& candidates = heirs_of[n];
        if (candidates.empty()) continue;
        const auto best = *std::min_element(candidates.begin(), candidates.end(), [&](std::size_t x, std::size_t y) {
            const std::size_t kx = overlap[x].at(n), ky = overlap[y].at(n);
            return kx != ky ? kx > ky : before[x].id < before[y].id;
        });
        out.ids[n] = before[best].id;
    }
    for (std::size_t n = 0; n < after.size(); ++n) {
        if (!out.ids[n].empty()) continue;
        for (unsigned attempt = 1;; ++attempt) {
            std::string id = fresh_incident_id(after[n].claims, attempt);
            if (taken.insert(id).second) {
                out.ids[n] = std::move(id);
                break;
            }
        }
    }

    std::vector<bool> has_old(after.size(), false);
    for (std::size_t o = 0; o < before.size(); ++o) {
        for (const auto& [n, k] : overlap[o]) {
            has_old[n] = true;
            if (out.ids[n] == before[o].id) {
                // The heir kept the id; say so when its claims are not exactly O's.
                if (k != before[o].claims.size() || k != after[n].claims.size())
                    out.lineage.push_back({"changed", before[o].id, out.ids[n], k});
                continue;
            }
            out.lineage.push_back({heir[o] == n ? "merged" : "split", before[o].id, out.ids[n], k});
        }
        if (heir[o] == none) out.lineage.push_back({"retired", before[o].id, "", 0});
    }
    for (std::size_t n = 0; n < after.size(); ++n)
        if (!has_old[n]) out.lineage.push_back({"new", "", out.ids[n], after[n].claims.size()});
    std::sort(out.lineage.begin(), out.lineage.end(), [](const lineage_event& a, const lineage_event& b) {
        return std::tie(a.kind, a.from, a.to) < std::tie(b.kind, b.from, b.to);
    });
    return out;
}

}  // namespace reckon::store
