// Renderers of the audit: JSON (the contract in docs/audit.md), text for a terminal,
// Markdown for a report. All are deterministic: the same audit gives the same bytes.
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "audit/audit.hpp"

namespace reckon::audit {

using json = nlohmann::ordered_json;

// A claim as in the extract contract (docs/extraction.md).
json claim_json(const claim& c);
json rule_json(const rules::rule_ref& r);
json finding_json(const rules::finding& f);

// The streaming forms write to `out` as they go (incident by incident), without
// holding the whole document; the string forms return the same bytes.
void render_json(const audit_result& a, std::ostream& out);
void render_text(const audit_result& a, std::ostream& out);
void render_markdown(const audit_result& a, std::ostream& out);

std::string render_json(const audit_result& a);
std::string render_text(const audit_result& a);
std::string render_markdown(const audit_result& a);

}  // namespace reckon::audit
