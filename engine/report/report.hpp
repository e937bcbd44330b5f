// Per-incident provenance reports: for one incident, every number, where it came
// from and why it stands. The content is built once as JSON (report_model) and the
// Markdown and HTML renderers walk that model, so every format says the same thing.
// PROV-JSON maps the same facts onto W3C PROV (entities, activities, agents).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit.hpp"

namespace reckon::registry {
class gazetteer;
class world_gazetteer;
}

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

// A point of the index's map, in degrees, and how it was found: "place" (the place
// itself) or "area" (only a district or division around it, through a town of its name).
struct map_point {
    double lat = 0, lon = 0;
    std::string level;
};
// A coast or border line of the map's outline, as (longitude, latitude) points.
using polyline = std::vector<std::pair<double, double>>;

// What the HTML index draws beyond its table; each part is optional. Without a world
// gazetteer the map has no points; without an outline it is points on a lon/lat grid.
struct index_context {
    const registry::world_gazetteer* world = nullptr;
    const registry::gazetteer* places = nullptr;  // the overlay: more spellings, and the areas around a place
    std::vector<polyline> outline;
    std::string outline_credit;  // shown under the map: where the outline comes from
};

// The lines of a TopoJSON topology (world-atlas's countries-50m.json): every arc once,
// so a border two countries share is drawn once. False with `error` set when the text
// is not a topology.
bool read_topojson_lines(std::string_view text, std::vector<polyline>& out, std::string& error);
// Where a place of the report model ({"name", "key", "governorate", "country"}) lies:
// its name in the world gazetteer, else the overlay's spellings of it, of its district
// and of its division (`overlay` may be null).
std::optional<map_point> locate_place(const registry::world_gazetteer& world, const registry::gazetteer* overlay, const json& place);

// The index page: every incident in a table with search, sorting by any column,
// filters (place at any level, source, grade, finding kind, severity, a date range), a
// timeline of tolls per place and a map. Self-contained: inline style and script.
std::string render_html_index(const std::vector<json>& models, const index_context& context = {});

// Reports for the incidents with the given ids (every incident when `ids` is empty),
// plus an index. Unknown ids are errors in `diags`. `progress(done, total)` is called
// after each incident.
std::vector<report_file> render_reports(const audit::audit_result& a, const std::vector<std::string>& ids, format f,
                                        diagnostics& diags,
                                        const std::function<void(std::size_t, std::size_t)>& progress = {},
                                        const index_context& index = {});

// Escapes text for HTML element content and attribute values.
std::string html_escape(std::string_view text);

}  // namespace reckon::report
