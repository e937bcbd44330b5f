#include "extract/context.hpp"

namespace reckon::extract {

std::size_t inherit_places(std::vector<claim>& claims) {
    std::size_t filled = 0;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        claim& c = claims[i];
        if (c.kind != claim_kind::incident || !c.place_key.empty() || !c.event_date.known()) continue;
        const claim* best = nullptr;
        std::size_t best_distance = 0;
        for (std::size_t j = 0; j < claims.size(); ++j) {
            const claim& o = claims[j];
            if (j == i || o.kind != claim_kind::incident || o.place.empty() || o.article != c.article) continue;
            if (o.event_date != c.event_date) continue;  // same event date, same precision
            const std::size_t distance = o.span.begin > c.span.begin ? o.span.begin - c.span.begin : c.span.begin - o.span.begin;
            if (!best || distance < best_distance) {
                best = &o;
                best_distance = distance;
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
