// Per-incident provenance reports: for one incident, every number, where it came
// from and why it stands. The content is built once as JSON (report_model) and the
// Markdown and HTML renderers walk that model, so every format says the same thing.
// PROV-JSON maps the same facts onto W3C PROV (entities, activities, agents).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit.hpp"

namespace reckon::report {

using json = nlohmann::ordered_json;

enum class format { markdown, html, json, prov };
bool parse_format(std::string_view name, format& out);

struct report_file {
    std::string name;     // file name inside the output folder
    std::string content;
};

// The report content of one incident (schema in docs/reports.md).
json report_model(const audit::audit_result& a, const audit::incident_record& inc);

std::string render_markdown(const json& model);
std::string render_html(const json& model);
std::string render_prov(const audit::audit_result& a, const audit::incident_record& inc);

// Reports for the incidents with the given ids (every incident when `ids` is empty),
// plus an index. Unknown ids are errors in `diags`. `progress(done, total)` is called
// after each incident.
std::vector<report_file> render_reports(const audit::audit_result& a, const std::vector<std::string>& ids, format f,
                                        diagnostics& diags,
                                        const std::function<void(std::size_t, std::size_t)>& progress = {});

// Escapes text for HTML element content and attribute values.
std::string html_escape(std::string_view text);

}  // namespace reckon::report
