#include "extract/context.hpp"

#include <algorithm>
#include <tuple>

namespace reckon::extract {

namespace {

// The event date as a sortable tuple: claims give a donor only for the same date and
// precision (operator== of date).
auto date_key(const date& d) { return std::make_tuple(d.year, d.month, d.day, static_cast<int>(d.precision), d.days); }

}  // namespace

// Every claim of an article now has a known event date (its own, or its article's
// window), so a scan over all pairs of claims was quadratic in an article's claims (a
// 400 kB article of figures took seconds). Donors (incident claims with a written
// place) are sorted by (article, date, position, index) once; each claim that needs a
// place looks at the nearest donor before and after it in its own (article, date) run.
// Ties go to the donor earlier in the claim list, as the scan over all pairs chose.
std::size_t inherit_places(std::vector<claim>& claims) {
    std::vector<std::size_t> donors;
    for (std::size_t j = 0; j < claims.size(); ++j)
        if (claims[j].kind == claim_kind::incident && !claims[j].place.empty()) donors.push_back(j);
    const auto order = [&](std::size_t a, std::size_t b) {
        const claim& x = claims[a];
        const claim& y = claims[b];
        return std::forward_as_tuple(x.article, date_key(x.event_date), x.span.begin, a) <
               std::forward_as_tuple(y.article, date_key(y.event_date), y.span.begin, b);
    };
    std::sort(donors.begin(), donors.end(), order);

    std::size_t filled = 0;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        claim& c = claims[i];
        if (c.kind != claim_kind::incident || !c.place_key.empty() || !c.event_date.known()) continue;
        const auto same_run = [&](std::size_t j) { return claims[j].article == c.article && claims[j].event_date == c.event_date; };
        // first donor of c's run at or after c's position
        const auto at = std::lower_bound(donors.begin(), donors.end(), i, [&](std::size_t j, std::size_t) {
            const claim& o = claims[j];
            return std::forward_as_tuple(o.article, date_key(o.event_date), o.span.begin) <
                   std::forward_as_tuple(c.article, date_key(c.event_date), c.span.begin);
        });
        const claim* best = nullptr;
        std::size_t best_distance = 0, best_index = 0;
        const auto consider = [&](std::size_t j) {
            if (j == i || !same_run(j)) return;
            const claim& o = claims[j];
            const std::size_t distance = o.span.begin > c.span.begin ? o.span.begin - c.span.begin : c.span.begin - o.span.begin;
            if (!best || distance < best_distance || (distance == best_distance && j < best_index)) {
                best = &o;
                best_distance = distance;
                best_index = j;
            }
        };
        // after (or at) c: the donors at the nearest position, lowest index first; skip c itself
        for (auto it = at; it != donors.end() && same_run(*it); ++it) {
            if (*it == i) continue;
            consider(*it);
            break;
        }
        // at the same position there may be more than one donor: the lowest index was taken
        // above unless it was c; before c: the nearest position's lowest index
        if (at != donors.begin()) {
            auto it = at - 1;
            if (same_run(*it)) {
                const std::size_t pos = claims[*it].span.begin;
                while (it != donors.begin() && same_run(*(it - 1)) && claims[*(it - 1)].span.begin == pos) --it;
                consider(*it);
            }
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
