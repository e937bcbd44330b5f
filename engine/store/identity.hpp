// Stable incident ids across runs of a living audit. Each run regroups every claim
// (old and new) from scratch; this maps the new incidents onto the ids of the previous
// run so that published ids survive new reports.
//
// The rule, precisely:
//  1. The heir of an old incident O is the new incident that holds more than half of
//     O's claims (at most one can). O's id lives on only through its heir.
//  2. A new incident N that is the heir of one or more old incidents takes the id of
//     the one that gave it most claims; ties go to the smallest id. The others are
//     recorded as merged into N.
//  3. Any other new incident gets a fresh id: `inc-` and 10 hex digits of the SHA-256
//     of its sorted claim ids (the id a single run gives it), or, when that id was ever
//     issued before, of the same text followed by "#2", "#3"...: an old id is never
//     reused for another incident.
//  4. Lineage: for every old incident O and new incident N that share claims under
//     different ids, an event "merged" (N is O's heir) or "split" (part of O's claims
//     went to N); "changed" when N kept O's id but its claims are not exactly O's
//     (new figures joined, or some left); a new incident with no old claims is "new";
//     an old incident with no heir is also "retired".
#pragma once

#include <set>
#include <string>
#include <vector>

namespace reckon::store {

struct incident_claims {
    std::string id;                   // the old id (ignored for the new incidents)
    std::vector<std::string> claims;  // claim ids
};

struct lineage_event {
    std::string kind;        // new, changed, merged, split, retired
    std::string from;        // the old id ("" for new)
    std::string to;          // the new id ("" for retired)
    std::size_t claims = 0;  // claims of `from` now in `to` (new: all of `to`)
};

struct id_assignment {
    std::vector<std::string> ids;        // one per new incident, in their order
    std::vector<lineage_event> lineage;  // sorted by (kind, from, to)
};

// The id a single run gives the incident of these claims (audit.cpp's rule).
std::string fresh_incident_id(std::vector<std::string> claims, unsigned attempt = 1);

id_assignment assign_ids(const std::vector<incident_claims>& before, const std::vector<incident_claims>& after,
                         const std::set<std::string>& issued);

}  // namespace reckon::store
