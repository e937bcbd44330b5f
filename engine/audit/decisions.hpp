// Analyst decisions (exclude, pin, merge, split) name claims by id. A decision whose id
// no claim of the corpus has would pass silently and never apply: an edited article, a
// typo, a ruleset meant for another corpus. This check reports each such id at its
// decision, with the closest id of the same article. A decision naming a claim by its older
// offset id (model/claim_id.hpp) applies; it is warned about (`old-claim-id`) with the id
// to write instead.
#pragma once

#include "audit/audit.hpp"
#include "rules/ruleset.hpp"
#include "support/diagnostics.hpp"

namespace reckon::audit {

// `level` is a warning for the audit (the decision is skipped, the audit goes on) and an
// error for `reckon check --corpus`.
void check_decision_ids(const audit_result& a, const rules::ruleset& rules, severity level, diagnostics& diags);

}  // namespace reckon::audit
