// Analyst decisions (exclude, pin, merge, split) name claims by id. A decision whose id
// no claim of the corpus has would pass silently and never apply: an edited article, a
// typo, a ruleset meant for another corpus. This check reports each such id at its
// decision, with the closest id of the same article. A decision naming a claim by its older
// offset id (model/claim_id.hpp) applies; it is warned about (`old-claim-id`) with the id
// to write instead.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "rules/ruleset.hpp"
#include "support/diagnostics.hpp"

namespace reckon::audit {

// Whether an id a decision names is an incident of a living audit's store (`inc-` and
// hex digits, no '@') rather than a claim.
bool names_incident(std::string_view id);

// What a store knows of an incident id: the claims it held when it was last current
// (nullopt when the store never issued it, or retired it before it kept them).
using incident_lookup = std::function<std::optional<std::vector<std::string>>(const std::string& id)>;

// The decisions of `rules` that name incidents, resolved through the store: `merge` joins
// the incidents now holding the named incidents' claims; `split` keeps the named
// incidents' claims apart (each in an incident of its own, docs/rules.md). An id the
// store never issued is an error at the id in the decision, with the closest issued id
// as a hint; so is an incident id in `exclude` or `pin` (they name claims). (A split
// names two ids at least: the rules loader checks it.)
std::vector<incident_decision> resolve_incident_decisions(const rules::ruleset& rules, const incident_lookup& claims_of,
                                                          const std::set<std::string>& issued, diagnostics& diags);

// Applies them, in order, to the matcher's groups (`facts` index the claims). Groups
// emptied by a merge are dropped; the groups stay sorted by their first member. A claim
// that several incidents of a split held goes with the smallest of them (the incident it
// was split from holds it too), ties to the one named first.
void apply_incident_decisions(std::vector<match::incident_group>& groups, const std::vector<rules::claim_facts>& facts,
                              const std::vector<incident_decision>& decisions);

// `level` is a warning for the audit (the decision is skipped, the audit goes on) and an
// error for `reckon check --corpus`.
void check_decision_ids(const audit_result& a, const rules::ruleset& rules, severity level, diagnostics& diags);

// An older offset id a decision names, and the id of the claim it names now.
struct older_decision_id {
    std::string file;       // the rules file of the decision
    std::size_t line = 0;   // the decision's first line
    std::string id, now;
};
std::vector<older_decision_id> older_decision_ids(const audit_result& a, const rules::ruleset& rules);

// Writes each older id as its claim's id now, where the decision quotes it (its first line
// or the lines that continue it), each file atomically. Returns how many ids were
// rewritten per file. Throws io_error when a file cannot be read or written.
std::map<std::string, std::size_t> rewrite_older_ids(const std::vector<older_decision_id>& ids);

}  // namespace reckon::audit
