#include "extract/context.hpp"

#include <algorithm>
#include <tuple>

namespace reckon::extract {

// The claims that give a place (incidents with a place as written) are sorted by article,
// event date and position; each place-less claim looks among those of its article and
// date for the nearest by position, so an article of n claims costs n log n, not n^2.
std::size_t inherit_places(std::vector<claim>& claims) {
    const auto key = [&](std::size_t i) {
        const claim& c = claims[i];
        return std::tie(c.article, c.event_date, c.span.begin);
    };
    std::vector<std::size_t> donors;
    for (std::size_t j = 0; j < claims.size(); ++j)
        if (claims[j].kind == claim_kind::incident && !claims[j].place.empty() && claims[j].event_date.known()) donors.push_back(j);
    std::sort(donors.begin(), donors.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    std::size_t filled = 0;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        claim& c = claims[i];
        if (c.kind != claim_kind::incident || !c.place_key.empty() || !c.event_date.known()) continue;
        // the first donor at or after c's position among those of c's article and date
        const auto at = std::lower_bound(donors.begin(), donors.end(), i, [&](std::size_t d, std::size_t x) {
            const claim& o = claims[d];
            return std::tie(o.article, o.event_date, o.span.begin) < std::tie(claims[x].article, claims[x].event_date, claims[x].span.begin);
        });
        const auto same_event = [&](std::size_t d) { return d != i && claims[d].article == c.article && claims[d].event_date == c.event_date; };
        const claim* best = nullptr;
        std::size_t best_distance = 0;
        // the nearest before (on a tie it is the earlier claim, as a scan in text order picks)
        for (auto it = at; it != donors.begin();) {
            --it;
            if (*it == i) continue;
            if (!same_event(*it)) break;
            best = &claims[*it];
            best_distance = c.span.begin - best->span.begin;
            break;
        }
        for (auto it = at; it != donors.end(); ++it) {
            if (*it == i) continue;
            if (!same_event(*it)) break;
            const std::size_t distance = claims[*it].span.begin - c.span.begin;
            if (!best || distance < best_distance) best = &claims[*it];
            break;
        }
        // A governorate the claim already has (from the article's location hint)
        // that disagrees keeps it apart.
        if (!best || (!c.governorate.empty() && c.governorate != best->governorate)) continue;
        c.place_key = best->place_key;
        c.governorate = best->governorate;
        ++filled;
    }
    return filled;
}

}  // namespace reckon::extract
