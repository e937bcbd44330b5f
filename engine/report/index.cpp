// The HTML index of the reports: every incident in one table that a reader can
// search, sort by any column and narrow by place (at any level), source, grade, kind
// of finding, severity and a date range; above it a timeline of tolls per place and a
// map of the incidents. Everything is drawn here as SVG and the page carries its own
// few lines of script, so it opens offline from a folder: no network, no CDN. The
// script only shows and hides what is drawn (rows, points, dots) and reorders rows.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "model/date.hpp"
#include "model/wording.hpp"
#include "registry/registry.hpp"
#include "registry/world.hpp"
#include "report/html_parts.hpp"
#include "report/report.hpp"

namespace reckon::report {

using html::esc;
using html::str;

namespace {

// One row of the table, with what the filters, the timeline and the map need.
struct incident_row {
    const json* model = nullptr;
    std::string id, places, area, dates, grade, severity = "none";
    std::string day_from, day_to;          // whole days, "" when undated: the date filter compares these
    std::int64_t first_day = 0;            // days since 1970 of the earliest day, for the timeline
    bool dated = false;
    std::optional<std::int64_t> killed, injured;
    std::vector<std::string> place_levels, sources, kinds;
    std::optional<map_point> point;
};

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Adds `s` unless empty or already there in any case ("AFP" and the outlet id "Afp").
void add_unique(std::vector<std::string>& v, const std::string& s) {
    if (s.empty()) return;
    for (const auto& x : v)
        if (x.size() == s.size() && std::equal(x.begin(), x.end(), s.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
            }))
            return;
    v.push_back(s);
}

std::string joined(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

// The largest figure of an outcome over the categories ("people" usually covers the
// others): its best estimate, else its low bound.
std::optional<std::int64_t> toll_of(const json& m, const char* outcome) {
    std::optional<std::int64_t> top;
    for (const auto& f : m["figures"]) {
        if (str(f["outcome"]) != outcome) continue;
        const auto v = f["best"].is_number() ? html::number_of(f["best"]) : html::number_of(f["low"]);
        if (v && (!top || *v > *top)) top = v;
    }
    return top;
}

std::string country_name(const registry::world_gazetteer* world, const std::string& code) {
    if (world == nullptr || world->empty() || code.empty()) return code;
    const auto c = world->country_of_code(code);
    return c == registry::no_place ? code : std::string(world->name(c));
}

int severity_rank(const std::string& s) { return s == "high" ? 3 : s == "medium" ? 2 : s == "low" ? 1 : 0; }

incident_row row_of(const json& m, const index_context& ctx) {
    incident_row r;
    r.model = &m;
    r.id = str(m["incident"]);
    const json& s = m["summary"];
    r.area = str(s["governorate"]);
    std::vector<std::string> names;
    for (const auto& p : s["places"]) {
        add_unique(names, str(p["name"]));
        add_unique(r.place_levels, str(p["name"]));
        add_unique(r.place_levels, str(p["governorate"]));
        add_unique(r.place_levels, country_name(ctx.world, str(p["country"])));
        if (!r.point && ctx.world != nullptr && !ctx.world->empty()) r.point = locate_place(*ctx.world, ctx.places, p);
    }
    add_unique(r.place_levels, r.area);
    // An incident whose claims name only a division is shown at the division.
    if (!r.point && !r.area.empty() && ctx.world != nullptr && !ctx.world->empty())
        r.point = locate_place(*ctx.world, ctx.places,
                               json{{"governorate", r.area}, {"country", ctx.places != nullptr ? ctx.places->country() : std::string()}});
    r.places = joined(names, ", ");
    if (r.area.empty() && !names.empty()) r.area = names.front();
    if (const auto from = date::parse_iso(str(s["date_from"]))) {
        const auto to = date::parse_iso(str(s["date_to"])).value_or(*from);
        r.dated = true;
        r.first_day = from->first_day();
        r.day_from = civil_from_days(from->first_day()).iso();
        r.day_to = civil_from_days(std::max(from->last_day(), to.last_day())).iso();
        r.dates = str(s["date_from"]) + (str(s["date_to"]).empty() || s["date_to"] == s["date_from"] ? "" : " to " + str(s["date_to"]));
    }
    r.killed = toll_of(m, "killed");
    r.injured = toll_of(m, "injured");
    for (const auto& c : m["claims"]) {
        add_unique(r.sources, str(c["source"]).empty() ? "unattributed" : str(c["source"]));
        for (const auto& relay : c["relay"]) add_unique(r.sources, str(relay));
        add_unique(r.sources, str(c["article"]["outlet"]));
    }
    for (const auto& f : m["findings"]) {
        add_unique(r.kinds, str(f["kind"]));
        if (severity_rank(str(f["severity"])) > severity_rank(r.severity)) r.severity = str(f["severity"]);
    }
    r.grade = str(s["grade"]["label"]);
    return r;
}

std::string number_text(const std::optional<std::int64_t>& v) { return v ? grouped(*v) : ""; }

const char* severity_colour(const std::string& s) {
    return s == "high" ? "#b42318" : s == "medium" ? "#b54708" : s == "low" ? "#175cd3" : "#667085";
}

// The dot of an incident on the timeline or the map: its area grows with the toll, a
// ring when no toll is known; the link opens the incident's page.
std::string dot(const incident_row& r, double x, double y, std::int64_t top_toll) {
    std::ostringstream o;
    const double radius = r.killed && *r.killed > 0 ? 3.0 + 9.0 * std::sqrt(static_cast<double>(*r.killed) / static_cast<double>(top_toll)) : 3.0;
    char buf[160];
    std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"", x, y, radius);
    o << "<a href=\"" << html_escape(r.id) << ".html\" data-incident=\"" << html_escape(r.id) << "\">" << buf;
    if (r.killed && *r.killed > 0)
        o << " fill=\"" << severity_colour(r.severity) << "\" fill-opacity=\".7\" stroke=\"#fff\"/>";
    else
        o << " fill=\"none\" stroke=\"" << severity_colour(r.severity) << "\" stroke-width=\"1.5\"/>";
    o << "<title>" << html_escape(r.id + ": " + (r.places.empty() ? "place unknown" : r.places) + ", " +
                                  (r.dates.empty() ? "date unknown" : r.dates) + ", " +
                                  (r.killed ? count_of(static_cast<std::size_t>(*r.killed), "killed", "killed") : "no toll of killed"))
      << "</title></a>";
    return o.str();
}

// The largest tolls first, so smaller dots are drawn over them and stay clickable.
std::vector<incident_row> by_toll(std::vector<incident_row> rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const incident_row& a, const incident_row& b) { return a.killed.value_or(0) > b.killed.value_or(0); });
    return rows;
}

// Tolls over time, one lane per place (the incident's first-level division, else its
// first place), the lanes with the most killed first; the rest share a last lane.
std::string timeline_svg(const std::vector<incident_row>& rows) {
    std::int64_t top = 1;
    std::vector<std::int64_t> days;
    std::map<std::string, std::int64_t> lane_total;
    for (const auto& r : rows) {
        if (!r.dated) continue;
        days.push_back(r.first_day);
        lane_total[r.area.empty() ? "place unknown" : r.area] += r.killed.value_or(0);
        if (r.killed) top = std::max(top, *r.killed);
    }
    if (days.empty()) return "<p class=\"muted\" id=\"timeline-none\">No incident has a known date.</p>\n";
    // The axis spans the middle 98 % of the dates, so one incident of decades ago (a
    // massacre recalled in a report) does not squeeze all the others into a corner;
    // the few outside sit at the edges, counted there.
    std::sort(days.begin(), days.end());
    const std::size_t cut = days.size() >= 50 ? days.size() / 100 : 0;
    std::int64_t lo = days[cut], hi = days[days.size() - 1 - cut];
    const auto earlier = static_cast<std::size_t>(std::lower_bound(days.begin(), days.end(), lo) - days.begin());
    const auto later = static_cast<std::size_t>(days.end() - std::upper_bound(days.begin(), days.end(), hi));
    std::vector<std::pair<std::string, std::int64_t>> lanes(lane_total.begin(), lane_total.end());
    std::stable_sort(lanes.begin(), lanes.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    const std::size_t max_lanes = 12;
    const bool other = lanes.size() > max_lanes;
    if (other) lanes.resize(max_lanes - 1);
    const auto lane_of = [&](const incident_row& r) {
        const std::string key = r.area.empty() ? "place unknown" : r.area;
        for (std::size_t i = 0; i < lanes.size(); ++i)
            if (lanes[i].first == key) return i;
        return lanes.size();  // "other places"
    };
    if (hi - lo < 6) {  // a few days: give them room
        lo -= 3;
        hi += 3;
    }
    const int label_w = 190, plot_w = 780, lane_h = 28, top_h = 26;
    const std::size_t lane_count = lanes.size() + (other ? 1 : 0);
    const int height = top_h + static_cast<int>(lane_count) * lane_h + 18;
    const auto x_of = [&](std::int64_t day) {
        return label_w + 10 + static_cast<double>(std::clamp(day, lo, hi) - lo) * plot_w / static_cast<double>(hi - lo);
    };
    std::ostringstream o;
    o << "<svg id=\"timeline\" role=\"img\" aria-label=\"timeline of tolls per place\" viewBox=\"0 0 " << label_w + plot_w + 30 << " "
      << height << "\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n";
    // Ticks: years over a long span, months over a season, days otherwise; at most ~8 labels.
    const date first = civil_from_days(lo), last = civil_from_days(hi);
    std::vector<std::pair<std::int64_t, std::string>> ticks;
    char label[16];
    if (hi - lo > 3 * 365) {
        const int step = std::max(1, (last.year - first.year + 1) / 8);
        for (int y = first.year + 1; y <= last.year; y += step) ticks.emplace_back(days_from_civil(y, 1, 1), std::to_string(y));
    } else if (hi - lo > 60) {
        const int months = (last.year - first.year) * 12 + last.month - first.month;
        const int step = std::max(1, months / 8);
        for (int k = 1; k <= months; k += step) {
            const int y = first.year + (first.month - 1 + k) / 12, mo = (first.month - 1 + k) % 12 + 1;
            std::snprintf(label, sizeof label, "%04d-%02d", y, mo);
            ticks.emplace_back(days_from_civil(y, mo, 1), label);
        }
    } else {
        const std::int64_t step = std::max<std::int64_t>(1, (hi - lo) / 7);
        for (std::int64_t d = lo; d <= hi; d += step) {
            const date c = civil_from_days(d);
            std::snprintf(label, sizeof label, "%04d-%02d-%02d", c.year, c.month, c.day);
            ticks.emplace_back(d, label);
        }
    }
    for (const auto& [day, text] : ticks)
        o << "<line x1=\"" << x_of(day) << "\" y1=\"" << top_h - 6 << "\" x2=\"" << x_of(day) << "\" y2=\"" << height - 4
          << "\" stroke=\"#e3e7eb\"/><text x=\"" << x_of(day) << "\" y=\"" << top_h - 10 << "\" text-anchor=\"middle\" fill=\"#5a6470\">"
          << text << "</text>\n";
    for (std::size_t i = 0; i < lane_count; ++i) {
        const int y = top_h + static_cast<int>(i) * lane_h + lane_h / 2;
        const std::string name = i < lanes.size() ? lanes[i].first : "other places";
        // Long names are shortened with an ellipsis, never clipped; the full name is the tooltip.
        const std::string shown = name.size() > 26 ? name.substr(0, 25) + "\xE2\x80\xA6" : name;
        o << "<line x1=\"" << label_w + 4 << "\" y1=\"" << y << "\" x2=\"" << label_w + plot_w + 20 << "\" y2=\"" << y
          << "\" stroke=\"#eef0f3\"/><text x=\"" << label_w << "\" y=\"" << y + 4 << "\" text-anchor=\"end\"><title>" << html_escape(name)
          << "</title>" << html_escape(shown) << "</text>\n";
    }
    if (earlier > 0)
        o << "<text x=\"" << label_w + 10 << "\" y=\"" << height - 2 << "\" fill=\"#5a6470\">\xE2\x97\x80 " << earlier << " earlier</text>";
    if (later > 0)
        o << "<text x=\"" << label_w + plot_w + 10 << "\" y=\"" << height - 2 << "\" text-anchor=\"end\" fill=\"#5a6470\">" << later
          << " later \xE2\x96\xB6</text>";
    o << "<g class=\"dots\">";
    for (const auto& r : by_toll(rows))
        if (r.dated) o << dot(r, x_of(r.first_day), top_h + static_cast<double>(lane_of(r)) * lane_h + lane_h / 2.0, top);
    o << "</g></svg>\n";
    return o.str();
}

// The map: an equirectangular view of the incidents' extent (longitudes shrunk by the
// cosine of the middle latitude so shapes keep their proportions), a graticule with
// its degrees, the outline's coasts and borders when there is one, and the points.
std::string map_svg(const std::vector<incident_row>& rows, const index_context& ctx, std::size_t& located, std::size_t& by_area) {
    double lat0 = 90, lat1 = -90, lon0 = 180, lon1 = -180;
    std::int64_t top = 1;
    located = by_area = 0;
    for (const auto& r : rows) {
        if (!r.point) continue;
        ++located;
        if (r.point->level == "area") ++by_area;
        lat0 = std::min(lat0, r.point->lat);
        lat1 = std::max(lat1, r.point->lat);
        lon0 = std::min(lon0, r.point->lon);
        lon1 = std::max(lon1, r.point->lon);
        if (r.killed) top = std::max(top, *r.killed);
    }
    if (located == 0) return "";
    const double pad = std::max({0.5, (lat1 - lat0) * 0.15, (lon1 - lon0) * 0.15});
    lat0 = std::max(-85.0, lat0 - pad);
    lat1 = std::min(85.0, lat1 + pad);
    lon0 -= pad;
    lon1 += pad;
    const double width = 720, height = 420;
    const double shrink = std::cos((lat0 + lat1) / 2 * 3.14159265358979 / 180);
    // Fill the frame: widen whichever extent is short for its side.
    const double k = std::min(width / ((lon1 - lon0) * shrink), height / (lat1 - lat0));
    const double mid_lon = (lon0 + lon1) / 2, mid_lat = (lat0 + lat1) / 2;
    lon0 = mid_lon - width / (k * shrink) / 2;
    lon1 = mid_lon + width / (k * shrink) / 2;
    lat0 = mid_lat - height / k / 2;
    lat1 = mid_lat + height / k / 2;
    const auto px = [&](double lon) { return (lon - lon0) * shrink * k; };
    const auto py = [&](double lat) { return (lat1 - lat) * k; };
    std::ostringstream o;
    o << "<svg id=\"map\" role=\"img\" aria-label=\"map of incidents\" viewBox=\"0 0 " << width << " " << height
      << "\" font-family=\"system-ui,sans-serif\" font-size=\"11\">\n<defs><clipPath id=\"map-frame\"><rect width=\"" << width
      << "\" height=\"" << height << "\"/></clipPath></defs><rect width=\"" << width << "\" height=\"" << height << "\" fill=\"#f4f8fb\"/>\n";
    double step = 60;
    for (const double s : {0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0})
        if (std::max(lon1 - lon0, lat1 - lat0) / s <= 8) {
            step = s;
            break;
        }
    char num[32];
    o << "<g class=\"graticule\" stroke=\"#dfe5ea\">";
    for (double lon = std::ceil(lon0 / step) * step; lon <= lon1; lon += step) {
        std::snprintf(num, sizeof num, "%g\xC2\xB0%s", std::abs(lon), lon < 0 ? "W" : lon > 0 ? "E" : "");
        o << "<line x1=\"" << px(lon) << "\" y1=\"0\" x2=\"" << px(lon) << "\" y2=\"" << height << "\"/><text x=\"" << px(lon) + 3
          << "\" y=\"" << height - 4 << "\" fill=\"#5a6470\" stroke=\"none\">" << num << "</text>";
    }
    for (double lat = std::ceil(lat0 / step) * step; lat <= lat1; lat += step) {
        std::snprintf(num, sizeof num, "%g\xC2\xB0%s", std::abs(lat), lat < 0 ? "S" : lat > 0 ? "N" : "");
        o << "<line x1=\"0\" y1=\"" << py(lat) << "\" x2=\"" << width << "\" y2=\"" << py(lat) << "\"/><text x=\"3\" y=\"" << py(lat) - 3
          << "\" fill=\"#5a6470\" stroke=\"none\">" << num << "</text>";
    }
    o << "</g>\n";
    if (!ctx.outline.empty()) {
        // Only the stretches of line near the frame, so a map of one country does not
        // carry the whole world's coasts.
        const double mx = (lon1 - lon0) * 0.2, my = (lat1 - lat0) * 0.2;
        const auto near = [&](const std::pair<double, double>& p) {
            return p.first >= lon0 - mx && p.first <= lon1 + mx && p.second >= lat0 - my && p.second <= lat1 + my;
        };
        std::string d;
        for (const auto& line : ctx.outline) {
            bool drawing = false;
            for (const auto& p : line) {
                if (!near(p)) {
                    drawing = false;
                    continue;
                }
                std::snprintf(num, sizeof num, "%c%.1f %.1f", drawing ? 'L' : 'M', px(p.first), py(p.second));
                d += num;
                drawing = true;
            }
        }
        o << "<path class=\"outline\" clip-path=\"url(#map-frame)\" d=\"" << d << "\" fill=\"none\" stroke=\"#8a96a3\" stroke-width=\"1\"/>\n";
    }
    o << "<g class=\"points\">";
    for (const auto& r : by_toll(rows))
        if (r.point) o << dot(r, px(r.point->lon), py(r.point->lat), top);
    o << "</g></svg>\n";
    return o.str();
}

const char* index_style = R"css(
.controls{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.5rem 1rem;margin:.5rem 0 1rem;align-items:end}
.controls label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}.controls input,.controls select{font:inherit;color:var(--ink);padding:.2rem}
.controls .wide{grid-column:1/-1}#shown{font-weight:600}th button{all:unset;cursor:pointer;font-weight:700}th button:focus{outline:2px solid var(--low)}
th[aria-sort=ascending] button::after{content:" \25B2"}th[aria-sort=descending] button::after{content:" \25BC"}td.num{text-align:right;font-variant-numeric:tabular-nums}.nowrap{white-space:nowrap}
.views figure{margin:0 0 1rem}#map{max-width:48rem;display:block}#timeline{min-width:44rem}figcaption{font-size:.85rem;color:var(--muted)}
)css";

// Sorting, search and filters; rows, map points and timeline dots share the incident id.
const char* index_script = R"js(
(function(){
var $=function(id){return document.getElementById(id);};
var body=document.querySelector('#incidents tbody');
var rows=[].slice.call(body.rows);
rows.forEach(function(r,i){r.dataset.order=i;});
var controls=['q','f-place','f-source','f-grade','f-kind','f-sev','f-from','f-to'].map($);
function has(list,v){return ('|'+list+'|').indexOf('|'+v+'|')>=0;}
function apply(){
  var words=$('q').value.toLowerCase().split(/\s+/).filter(Boolean);
  var place=$('f-place').value,source=$('f-source').value,grade=$('f-grade').value,kind=$('f-kind').value;
  var sev=$('f-sev').value,from=$('f-from').value,to=$('f-to').value,shown={},n=0;
  rows.forEach(function(r){
    var d=r.dataset;
    var ok=words.every(function(w){return d.search.indexOf(w)>=0;})&&(!place||has(d.places,place))&&
      (!source||has(d.sources,source))&&(!grade||d.grade===grade)&&(!kind||has(d.kinds,kind))&&(!sev||d.severity===sev)&&
      (!from||(d.to!==''&&d.to>=from))&&(!to||(d.from!==''&&d.from<=to));
    r.hidden=!ok;
    if(ok){shown[d.id]=true;n++;}
  });
  document.querySelectorAll('svg [data-incident]').forEach(function(e){e.style.display=shown[e.dataset.incident]?'':'none';});
  $('shown').textContent=n+' of '+rows.length+' incidents shown';
}
controls.forEach(function(c){c.addEventListener('input',apply);c.addEventListener('change',apply);});
$('reset').addEventListener('click',function(){controls.forEach(function(c){c.value='';});apply();});
var heads=[].slice.call(document.querySelectorAll('#incidents thead th'));
heads.forEach(function(th,col){
  th.querySelector('button').addEventListener('click',function(){
    var up=th.getAttribute('aria-sort')!=='ascending',number=th.dataset.type==='number';
    heads.forEach(function(h){h.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',up?'ascending':'descending');
    function key(r){var c=r.cells[col];return c.dataset.v!==undefined?c.dataset.v:c.textContent.trim();}
    rows.sort(function(a,b){
      var x=key(a),y=key(b);
      if(x===''||y==='')return x===y?a.dataset.order-b.dataset.order:(x===''?1:-1);
      var c=number?parseFloat(x)-parseFloat(y):x.localeCompare(y);
      return (up?c:-c)||a.dataset.order-b.dataset.order;
    });
    rows.forEach(function(r){body.appendChild(r);});
  });
});
apply();
})();
)js";

std::string options(const std::set<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += "<option>" + html_escape(v) + "</option>";
    return out;
}

}  // namespace

std::string render_html_index(const std::vector<json>& models, const index_context& ctx) {
    std::vector<incident_row> rows;
    rows.reserve(models.size());
    for (const auto& m : models) rows.push_back(row_of(m, ctx));

    // The place filter lists every level: countries, first-level divisions, places.
    std::set<std::string> countries, divisions, places, sources, grades, kinds;
    for (const auto& r : rows) {
        for (const auto& p : (*r.model)["summary"]["places"]) {
            if (!str(p["country"]).empty()) countries.insert(country_name(ctx.world, str(p["country"])));
            if (!str(p["governorate"]).empty()) divisions.insert(str(p["governorate"]));
            if (!str(p["name"]).empty()) places.insert(str(p["name"]));
        }
        if (!str((*r.model)["summary"]["governorate"]).empty()) divisions.insert(str((*r.model)["summary"]["governorate"]));
        sources.insert(r.sources.begin(), r.sources.end());
        if (!r.grade.empty()) grades.insert(r.grade);
        kinds.insert(r.kinds.begin(), r.kinds.end());
    }
    std::ostringstream o;
    o << "<h1>reckon: incidents</h1>\n<p>" << count_of(rows.size(), "incident")
      << ", sorted by the severity of their findings. Click a column's name to sort by it.</p>\n";
    o << "<form class=\"controls\" id=\"controls\" onsubmit=\"return false\">"
      << "<label class=\"wide\">Search <input id=\"q\" type=\"search\" placeholder=\"a place, a source, a figure, a finding\"></label>"
      << "<label>Place <select id=\"f-place\"><option value=\"\">all</option>";
    if (!countries.empty()) o << "<optgroup label=\"countries\">" << options(countries) << "</optgroup>";
    if (!divisions.empty()) o << "<optgroup label=\"first-level divisions\">" << options(divisions) << "</optgroup>";
    if (!places.empty()) o << "<optgroup label=\"places\">" << options(places) << "</optgroup>";
    o << "</select></label><label>Source, relay or outlet <select id=\"f-source\"><option value=\"\">all</option>" << options(sources)
      << "</select></label><label>Grade <select id=\"f-grade\"><option value=\"\">all</option>" << options(grades)
      << "</select></label><label>Finding <select id=\"f-kind\"><option value=\"\">all</option>" << options(kinds)
      << "</select></label><label>Severity <select id=\"f-sev\"><option value=\"\">all</option><option>high</option><option>medium</option>"
         "<option>low</option><option>none</option></select></label>"
      << "<label>From <input id=\"f-from\" type=\"date\"></label><label>To <input id=\"f-to\" type=\"date\"></label>"
      << "<div><button type=\"button\" id=\"reset\">Show all</button> <span id=\"shown\" role=\"status\"></span></div></form>\n";

    std::size_t located = 0, by_area = 0;
    const std::string map = map_svg(rows, ctx, located, by_area);
    o << "<div class=\"views\"><figure><figcaption>Tolls over time, by place (dot area: killed; a ring: no toll of killed)</figcaption>"
      << "<div class=\"scroll\">" << timeline_svg(rows) << "</div></figure><figure>";
    if (map.empty()) {
        o << "<figcaption id=\"map-none\">No map: "
          << (ctx.world == nullptr || ctx.world->empty() ? "no world gazetteer was loaded (run scripts/setup)" : "no incident's place was found in the world gazetteer")
          << ".</figcaption>";
    } else {
        o << map << "<figcaption>" << located << " of " << count_of(rows.size(), "incident") << " on the map";
        if (by_area > 0) o << " (" << by_area << " placed at the district or division around them)";
        o << "; places from the world gazetteer (GeoNames). "
          << (ctx.outline.empty() ? std::string("No outline: points on a longitude/latitude grid.") : html_escape(ctx.outline_credit)) << "</figcaption>";
    }
    o << "</figure></div>\n";

    o << "<div class=\"scroll\"><table id=\"incidents\"><thead><tr>";
    const std::pair<const char*, const char*> columns[] = {{"incident", "text"}, {"places", "text"}, {"division", "text"}, {"dates", "text"},
                                                           {"killed", "number"}, {"injured", "number"}, {"sources", "text"},
                                                           {"grade", "text"}, {"findings", "number"}};
    for (const auto& [name, type] : columns) o << "<th data-type=\"" << type << "\"><button type=\"button\">" << name << "</button></th>";
    o << "</tr></thead>\n<tbody>\n";
    for (const auto& r : rows) {
        const json& m = *r.model;
        std::string search = r.id + " " + r.places + " " + joined(r.place_levels, " ") + " " + joined(r.sources, " ") + " " +
                             joined(r.kinds, " ") + " " + r.grade + " " + r.dates;
        for (const auto& f : m["findings"]) search += " " + str(f["message"]);
        for (const auto& c : m["claims"]) search += " " + str(c["figure"]);
        std::string findings;
        for (const auto& k : r.kinds) findings += (findings.empty() ? "" : ", ") + k;
        o << "<tr data-id=\"" << html_escape(r.id) << "\" data-places=\"" << html_escape(joined(r.place_levels, "|")) << "\" data-sources=\""
          << html_escape(joined(r.sources, "|")) << "\" data-kinds=\"" << html_escape(joined(r.kinds, "|")) << "\" data-grade=\""
          << html_escape(r.grade) << "\" data-severity=\"" << r.severity << "\" data-from=\"" << r.day_from << "\" data-to=\"" << r.day_to
          << "\" data-search=\"" << html_escape(lower(search)) << "\">"
          << "<td class=\"nowrap\"><a href=\"" << html_escape(r.id) << ".html\">" << html_escape(r.id) << "</a></td><td>" << html_escape(r.places)
          << "</td><td>" << esc(m["summary"]["governorate"]) << "</td><td class=\"nowrap\" data-v=\"" << r.day_from << "\">" << html_escape(r.dates)
          << "</td><td class=\"num\" data-v=\"" << (r.killed ? std::to_string(*r.killed) : "") << "\">" << number_text(r.killed)
          << "</td><td class=\"num\" data-v=\"" << (r.injured ? std::to_string(*r.injured) : "") << "\">" << number_text(r.injured)
          << "</td><td>" << html_escape(joined(r.sources, ", ")) << "</td><td>" << html_escape(r.grade) << "</td><td data-v=\""
          << severity_rank(r.severity) * 1000 + static_cast<int>(r.kinds.size()) << "\"><span class=\"sev-" << r.severity << "\">"
          << html_escape(findings.empty() ? "none" : findings) << "</span></td></tr>\n";
    }
    o << "</tbody></table></div>\n<script>" << index_script << "</script>\n";
    return html::page("reckon incidents", o.str(), index_style);
}

}  // namespace reckon::report
