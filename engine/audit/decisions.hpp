// Analyst decisions (exclude, pin, merge, split) name claims by id. A decision whose id
// no claim of the corpus has would pass silently and never apply: an edited article, a
// typo, a ruleset meant for another corpus. This check reports each such id at its
// decision, with the closest id of the same article. A decision naming a claim by its older
// offset id (model/claim_id.hpp) applies; it is warned about (`old-claim-id`) with the id
// to write instead.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "rules/ruleset.hpp"
#include "support/diagnostics.hpp"

namespace reckon::audit {

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
