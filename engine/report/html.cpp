// Self-contained HTML: one page per incident and an index. No network access is
// needed to open them: styles are inline, the claim graph and the chart of figures
// are SVG drawn here, the index's filters are a few lines of inline script. Every
// piece of article text is escaped, so an article containing <script> shows it as text.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <cstdio>
#include <sstream>

#include "report/html_parts.hpp"
#include "report/report.hpp"
#include "model/wording.hpp"

namespace reckon::report {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

namespace {

const char* style = R"css(
:root{--ink:#1b1f24;--muted:#5a6470;--line:#d8dde3;--bg:#fff;--soft:#f4f6f8;--high:#b42318;--medium:#b54708;--low:#175cd3;--ok:#067647}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg);margin:0;padding:1rem;max-width:72rem;margin-inline:auto}
h1{font-size:1.5rem;margin:.2rem 0 1rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}h3{font-size:1.05rem}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.5rem}
.summary div{background:var(--soft);padding:.5rem .75rem;border-radius:6px}.summary b{display:block;font-size:.8rem;color:var(--muted);font-weight:600}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft)}mark{background:#ffe58a;padding:0 .1em}code.rule{background:var(--soft);padding:0 .25em;border-radius:3px}.where{color:var(--muted);font-size:.85em}
.sev-high{color:var(--high);font-weight:700}.sev-medium{color:var(--medium);font-weight:700}.sev-low{color:var(--low)}.sev-info{color:var(--muted)}
.figure{font-size:1.25rem;font-weight:700}.side{display:flex;flex-wrap:wrap;gap:.75rem}.side article{flex:1 1 18rem;min-width:0;overflow-wrap:anywhere;border:1px solid var(--line);border-radius:8px;padding:.75rem}
blockquote{margin:.5rem 0 .5rem .75rem}li{overflow-wrap:anywhere}
.side .value{font-size:2rem;font-weight:800;line-height:1}.muted{color:var(--muted)}.unused{opacity:.6}
svg{max-width:100%;height:auto;background:#fff}.filters{display:flex;gap:1rem;flex-wrap:wrap;margin:.5rem 0 1rem}
@media (max-width:40rem){body{padding:.5rem;font-size:15px}th,td{padding:.25rem}}
)css";

}  // namespace

namespace html {

std::string str(const json& j) {
    if (j.is_null()) return "";
    if (j.is_string()) return j.get<std::string>();
    return j.dump();
}
std::string esc(const json& j) { return html_escape(str(j)); }
std::optional<std::int64_t> number_of(const json& j) {
    return j.is_number() ? std::optional<std::int64_t>(j.get<std::int64_t>()) : std::nullopt;
}

std::string page(const std::string& title, const std::string& body, std::string_view extra_style) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
           "<title>" + html_escape(title) + "</title>\n<style>" + style + std::string(extra_style) + "</style>\n</head>\n<body>\n" + body +
           "</body>\n</html>\n";
}

}  // namespace html

namespace {

using html::esc;
using html::number_of;
using html::page;
using html::str;

// Lower-case letters only: "Asharq Al-Awsat" and the outlet id "asharqalawsat" agree.
std::string letters_of(std::string_view s) {
    std::string out;
    for (const char c : s)
        if (std::isalpha(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string rule_html(const json& r) {
    if (r.is_null()) return "-";
    return "<code class=\"rule\">" + esc(r["name"]) + "</code> <span class=\"where\">" + esc(r["file"]) + ":" + r["line"].dump() + "</span>";
}

// At most `n` characters (not splitting a UTF-8 sequence), with an ellipsis when cut;
// callers put the whole text in a <title> so nothing is lost.
std::string shortened(const std::string& text, std::size_t n) {
    if (text.size() <= n) return text;
    std::size_t cut = n - 1;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "\xE2\x80\xA6";
}

std::string highlighted_sentence(const json& claim) {
    const std::string sentence = str(claim["sentence"]["text"]);
    const std::size_t sb = claim["sentence"]["begin"].get<std::size_t>();
    const std::size_t b = claim["span"]["begin"].get<std::size_t>(), e = claim["span"]["end"].get<std::size_t>();
    if (b < sb || e < b || e - sb > sentence.size()) return html_escape(sentence);
    return html_escape(sentence.substr(0, b - sb)) + "<mark>" + html_escape(sentence.substr(b - sb, e - b)) + "</mark>" +
           html_escape(sentence.substr(e - sb));
}

// The claims of the incident as intervals on one axis, grouped by category, with the
// reconciled range behind them: a reader sees at once which figures cannot both hold.
// A scored join as a waterfall: one bar per comparison from the running total before it
// to the total after it (green for evidence for, red against), and the threshold as a
// dashed line. Plain SVG, no script.
std::string waterfall_svg(const json& join) {
    const auto& steps = join["waterfall"];
    double total = 0, low = 0, high = 0;
    for (const auto& s : steps) {
        total += s["weight"].get<double>();
        low = std::min(low, total);
        high = std::max(high, total);
    }
    const double threshold = join["threshold"].get<double>();
    low = std::min(low, threshold);
    high = std::max(high, threshold);
    const double span = std::max(high - low, 1.0);
    const int label_w = 220, bar_w = 360, row = 18;
    const int height = static_cast<int>(steps.size() + 1) * row + 8;
    const auto x_of = [&](double v) { return label_w + (v - low) / span * bar_w; };
    std::ostringstream o;
    o << "<svg class=\"waterfall\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << label_w + bar_w + 70 << "\" height=\""
      << height << "\" role=\"img\" aria-label=\"score waterfall\">";
    total = 0;
    int y = 4;
    char num[32];
    for (const auto& s : steps) {
        const double w = s["weight"].get<double>();
        const double from = total, to = total + w;
        total = to;
        const double x0 = x_of(std::min(from, to)), x1 = x_of(std::max(from, to));
        std::snprintf(num, sizeof num, "%+.2f", w);
        o << "<text x=\"0\" y=\"" << y + 12 << "\">" << html_escape(str(s["comparison"])) << ": " << html_escape(str(s["level"]))
          << "</text><rect x=\"" << x0 << "\" y=\"" << y << "\" width=\"" << std::max(x1 - x0, 1.0) << "\" height=\"" << row - 4
          << "\" fill=\"" << (w >= 0 ? "#3a7d44" : "#b23a3a") << "\"/><text x=\"" << x1 + 4 << "\" y=\"" << y + 12 << "\">"
          << num << "</text>";
        y += row;
    }
    std::snprintf(num, sizeof num, "%.2f", join["score"].get<double>());
    o << "<text x=\"0\" y=\"" << y + 12 << "\">total " << num << "</text><rect x=\"" << x_of(std::min(0.0, total))
      << "\" y=\"" << y << "\" width=\"" << std::max(std::abs(x_of(total) - x_of(0)), 1.0) << "\" height=\"" << row - 4
      << "\" fill=\"#555\"/>";
    std::snprintf(num, sizeof num, "%.2f", threshold);
    o << "<line x1=\"" << x_of(threshold) << "\" y1=\"0\" x2=\"" << x_of(threshold) << "\" y2=\"" << height
      << "\" stroke=\"#000\" stroke-dasharray=\"4 3\"/><text x=\"" << x_of(threshold) + 3 << "\" y=\"" << height - 2
      << "\">threshold " << num << "</text></svg>";
    return o.str();
}

// An axis step of 1, 2 or 5 times a power of ten giving about four ticks up to `top`:
// 0/10/20/30/40, never 0/11/22/33/44.
std::int64_t tick_step(std::int64_t top) {
    const double raw = std::max(1.0, static_cast<double>(top) / 4.0);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= raw) return std::max<std::int64_t>(1, static_cast<std::int64_t>(m * power));
    return static_cast<std::int64_t>(10 * power);
}

// The claims as intervals, one panel per outcome and category ("civilians killed",
// "people injured"), each on its own axis: killed, injured and children never share
// a scale. Each claim's label sits on its own line above its bar, so no label is
// clipped whatever its length; the reconciled range is the green band behind.
std::string figures_chart(const json& m) {
    std::vector<std::pair<std::string, std::string>> groups;  // (outcome, category) in claim order
    for (const auto& c : m["claims"]) {
        const auto g = std::make_pair(str(c["outcome"]), str(c["category"]));
        if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
    }
    const int width = 720, left = 8, plot = width - 2 * left - 40, row = 34;
    std::ostringstream body;
    int y = 0;
    for (const auto& [outcome, category] : groups) {
        std::int64_t top = 1;
        for (const auto& c : m["claims"]) {
            if (str(c["outcome"]) != outcome || str(c["category"]) != category) continue;
            for (const char* k : {"low", "high"})
                if (c[k].is_number()) top = std::max(top, c[k].get<std::int64_t>());
        }
        const std::int64_t step = tick_step(top);
        const std::int64_t axis = (top + step) / step * step;  // room past the largest figure for an open range
        const auto x = [&](std::int64_t v) { return left + static_cast<int>(static_cast<double>(std::min(v, axis)) * plot / static_cast<double>(axis)); };
        body << "<text x=\"" << left << "\" y=\"" << y + 14 << "\" font-weight=\"700\">" << html_escape(category + " " + outcome) << "</text>";
        y += 22;
        int rows = 0;
        for (const auto& c : m["claims"])
            if (str(c["outcome"]) == outcome && str(c["category"]) == category) ++rows;
        const int grid_bottom = y + 16 + rows * row;
        for (std::int64_t v = 0; v <= axis; v += step)
            body << "<line x1=\"" << x(v) << "\" y1=\"" << y + 16 << "\" x2=\"" << x(v) << "\" y2=\"" << grid_bottom
                 << "\" stroke=\"#e3e7eb\"/><text x=\"" << x(v) << "\" y=\"" << y + 12 << "\" text-anchor=\"middle\" fill=\"#5a6470\">"
                 << grouped(v) << "</text>";
        y += 16;
        for (const auto& f : m["figures"]) {
            if (str(f["category"]) != category || str(f["outcome"]) != outcome || !f["low"].is_number()) continue;
            const int x1 = x(f["low"].get<std::int64_t>()), x2 = f["high"].is_number() ? x(f["high"].get<std::int64_t>()) : x(axis);
            body << "<rect x=\"" << x1 - 3 << "\" y=\"" << y << "\" width=\"" << std::max(6, x2 - x1 + 6) << "\" height=\"" << rows * row
                 << "\" fill=\"#d1fadf\"><title>reconciled: " << html_escape(range_words(number_of(f["low"]), number_of(f["high"]), number_of(f["best"])))
                 << "</title></rect>";
        }
        for (const auto& c : m["claims"]) {
            if (str(c["outcome"]) != outcome || str(c["category"]) != category) continue;
            const std::string colour = c["used"].get<bool>() ? "#175cd3" : "#98a2b3";
            body << "<text x=\"" << left << "\" y=\"" << y + 13 << "\">" << html_escape(str(c["credit"]) + ": " + str(c["figure"]))
                 << (c["used"].get<bool>() ? "" : " (not used)") << "</text>";
            if (c["low"].is_number()) {
                const int x1 = x(c["low"].get<std::int64_t>());
                const bool open = !c["high"].is_number();
                const int x2 = open ? x(axis) : x(c["high"].get<std::int64_t>());
                const int cy = y + 24;
                body << "<line x1=\"" << x1 << "\" y1=\"" << cy << "\" x2=\"" << x2 << "\" y2=\"" << cy << "\" stroke=\"" << colour
                     << "\" stroke-width=\"4\"" << (open ? " stroke-dasharray=\"6 4\"" : "") << "/><circle cx=\"" << x1 << "\" cy=\"" << cy
                     << "\" r=\"5\" fill=\"" << colour << "\"/>";
                if (!open && x2 != x1) body << "<circle cx=\"" << x2 << "\" cy=\"" << cy << "\" r=\"5\" fill=\"" << colour << "\"/>";
            }
            body << "\n";
            y += row;
        }
        y += 14;
    }
    std::ostringstream o;
    o << "<svg role=\"img\" aria-label=\"figures by source\" viewBox=\"0 0 " << width << " " << std::max(y, 20)
      << "\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n" << body.str() << "</svg>\n";
    return o.str();
}

// The incident's claim graph: outlets, articles, claims and sources in four columns,
// with published, reports, attributed and copies edges; contradictions in red.
std::string claim_graph_svg(const json& m) {
    std::vector<std::string> outlets, articles, relays, sources;
    const auto add = [](std::vector<std::string>& v, const std::string& s) {
        if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
    };
    for (const auto& c : m["claims"]) {
        add(outlets, str(c["article"]["outlet"]));
        add(articles, str(c["article"]["id"]));
        add(sources, str(c["source"]));
        for (const auto& r : c["relay"]) add(relays, str(r));
    }
    // Outlets, articles, claims, the relays that passed a figure on, its sources.
    const int col[5] = {70, 250, 450, 640, 800};
    const int gap = 34;
    const std::size_t rows = std::max({outlets.size(), articles.size(), m["claims"].size(), relays.size(), sources.size()});
    const int height = 30 + static_cast<int>(rows) * gap;
    const auto y_of = [&](std::size_t i, std::size_t n) {
        return 20 + static_cast<int>(i) * gap + (static_cast<int>(rows) - static_cast<int>(n)) * gap / 2;
    };
    const auto index = [](const std::vector<std::string>& v, const std::string& s) {
        return static_cast<std::size_t>(std::find(v.begin(), v.end(), s) - v.begin());
    };
    std::ostringstream edges, nodes;
    std::map<std::string, std::size_t> claim_row;
    std::size_t i = 0;
    for (const auto& c : m["claims"]) claim_row[str(c["id"])] = i++;
    i = 0;
    for (const auto& c : m["claims"]) {
        const int cy = y_of(i, m["claims"].size());
        const std::size_t ai = index(articles, str(c["article"]["id"]));
        edges << "<line x1=\"" << col[1] << "\" y1=\"" << y_of(ai, articles.size()) << "\" x2=\"" << col[2] << "\" y2=\"" << cy
              << "\" stroke=\"#98a2b3\"/>";
        // claim -> relay -> source: "SOHR, via AFP" is a path through AFP, so a relay
        // is never a node on its own.
        const bool has_source = !str(c["source"]).empty();
        const int sy = has_source ? y_of(index(sources, str(c["source"])), sources.size()) : 0;
        if (c["relay"].empty() && has_source)
            edges << "<line x1=\"" << col[2] << "\" y1=\"" << cy << "\" x2=\"" << col[4] << "\" y2=\"" << sy << "\" stroke=\"#175cd3\"/>";
        for (const auto& r : c["relay"]) {
            const int ry = y_of(index(relays, str(r)), relays.size());
            edges << "<line x1=\"" << col[2] << "\" y1=\"" << cy << "\" x2=\"" << col[3] << "\" y2=\"" << ry
                  << "\" stroke=\"#175cd3\" stroke-dasharray=\"5 3\"><title>via " << esc(r) << "</title></line>";
            if (has_source)
                edges << "<line x1=\"" << col[3] << "\" y1=\"" << ry << "\" x2=\"" << col[4] << "\" y2=\"" << sy << "\" stroke=\"#175cd3\"/>";
        }
        const std::string figure = str(c["figure"]);
        nodes << "<circle cx=\"" << col[2] << "\" cy=\"" << cy << "\" r=\"7\" fill=\"" << (c["used"].get<bool>() ? "#175cd3" : "#98a2b3")
              << "\"><title>" << esc(c["id"]) << "</title></circle><text x=\"" << col[2] << "\" y=\"" << cy - 10
              << "\" text-anchor=\"middle\"><title>" << html_escape(figure) << "</title>" << html_escape(shortened(figure, 30)) << "</text>\n";
        ++i;
    }
    for (std::size_t a = 0; a < articles.size(); ++a) {
        std::string outlet;
        for (const auto& c : m["claims"])
            if (str(c["article"]["id"]) == articles[a]) outlet = str(c["article"]["outlet"]);
        if (!outlet.empty()) {
            edges << "<line x1=\"" << col[0] << "\" y1=\"" << y_of(index(outlets, outlet), outlets.size()) << "\" x2=\"" << col[1]
                  << "\" y2=\"" << y_of(a, articles.size()) << "\" stroke=\"#c0c6cd\"/>";
        }
        nodes << "<rect x=\"" << col[1] - 8 << "\" y=\"" << y_of(a, articles.size()) - 8 << "\" width=\"16\" height=\"16\" fill=\"#344054\"/>"
              << "<text x=\"" << col[1] << "\" y=\"" << y_of(a, articles.size()) - 12 << "\" text-anchor=\"middle\">"
              << html_escape(shortened(articles[a], 24)) << "</text>\n";
    }
    for (const auto& c : m["copies"]) {
        const auto later = std::find(articles.begin(), articles.end(), str(c["article"]));
        const auto earlier = std::find(articles.begin(), articles.end(), str(c["copies"]));
        if (later == articles.end() || earlier == articles.end()) continue;
        const int y1 = y_of(static_cast<std::size_t>(later - articles.begin()), articles.size());
        const int y2 = y_of(static_cast<std::size_t>(earlier - articles.begin()), articles.size());
        edges << "<path d=\"M" << col[1] << " " << y1 << " C" << col[1] - 70 << " " << y1 << " " << col[1] - 70 << " " << y2 << " "
              << col[1] << " " << y2 << "\" fill=\"none\" stroke=\"#b54708\" stroke-dasharray=\"4 3\"><title>copies text of</title></path>";
    }
    for (const auto& f : m["findings"]) {
        const std::string colour = str(f["severity"]) == "high" ? "#b42318" : "#b54708";
        for (std::size_t p = 0; p + 1 < f["claims"].size(); ++p) {
            const auto a1 = claim_row.find(str(f["claims"][p])), a2 = claim_row.find(str(f["claims"][p + 1]));
            if (a1 == claim_row.end() || a2 == claim_row.end()) continue;
            const int y1 = y_of(a1->second, m["claims"].size()), y2 = y_of(a2->second, m["claims"].size());
            edges << "<path d=\"M" << col[2] << " " << y1 << " C" << col[2] + 60 << " " << y1 << " " << col[2] + 60 << " " << y2 << " "
                  << col[2] << " " << y2 << "\" fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"2\"><title>" << esc(f["kind"])
                  << "</title></path>";
        }
    }
    for (std::size_t o = 0; o < outlets.size(); ++o) {
        nodes << "<ellipse cx=\"" << col[0] << "\" cy=\"" << y_of(o, outlets.size()) << "\" rx=\"9\" ry=\"7\" fill=\"#667085\"/><text x=\""
              << col[0] << "\" y=\"" << y_of(o, outlets.size()) - 10 << "\" text-anchor=\"middle\">" << html_escape(shortened(outlets[o], 20))
              << "</text>\n";
    }
    const auto diamond = [&](const std::vector<std::string>& names, int x, const char* colour) {
        for (std::size_t k = 0; k < names.size(); ++k) {
            const int y = y_of(k, names.size());
            nodes << "<polygon points=\"" << x << "," << y - 8 << " " << x + 8 << "," << y << " " << x << "," << y + 8 << " " << x - 8 << ","
                  << y << "\" fill=\"" << colour << "\"/><text x=\"" << x + 12 << "\" y=\"" << y + 4 << "\"><title>" << html_escape(names[k])
                  << "</title>" << html_escape(shortened(names[k], 22)) << "</text>\n";
        }
    };
    diamond(relays, col[3], "#667085");
    diamond(sources, col[4], "#067647");
    std::ostringstream o;
    o << "<svg role=\"img\" aria-label=\"claim graph\" viewBox=\"0 0 960 " << height
      << "\" font-family=\"system-ui,sans-serif\" font-size=\"11\">\n"
      << "<text x=\"" << col[0] << "\" y=\"" << height - 4 << "\" text-anchor=\"middle\" fill=\"#5a6470\">outlets</text>"
      << "<text x=\"" << col[1] << "\" y=\"" << height - 4 << "\" text-anchor=\"middle\" fill=\"#5a6470\">articles</text>"
      << "<text x=\"" << col[2] << "\" y=\"" << height - 4 << "\" text-anchor=\"middle\" fill=\"#5a6470\">claims</text>"
      << "<text x=\"" << col[3] << "\" y=\"" << height - 4 << "\" text-anchor=\"middle\" fill=\"#5a6470\">relays</text>"
      << "<text x=\"" << col[4] << "\" y=\"" << height - 4 << "\" text-anchor=\"middle\" fill=\"#5a6470\">sources</text>\n"
      << edges.str() << "\n" << nodes.str() << "</svg>\n";
    return o.str();
}

const json* find_claim(const json& m, const json& id) {
    for (const auto& c : m["claims"])
        if (c["id"] == id) return &c;
    return nullptr;
}

}  // namespace

std::string render_html(const json& m) {
    std::ostringstream o;
    const json& s = m["summary"];
    std::string places;
    for (const auto& p : s["places"])
        places += (places.empty() ? "" : ", ") + esc(p["name"]) + (str(p["governorate"]).empty() ? "" : " <span class=\"muted\">(" + esc(p["governorate"]) + ")</span>");
    std::string actors;
    for (const auto& a : s["actors"]) actors += (actors.empty() ? "" : ", ") + esc(a);
    o << "<p><a href=\"index.html\">&larr; all incidents</a></p>\n<h1>Incident <code>" << esc(m["incident"]) << "</code></h1>\n";
    o << "<section id=\"summary\" class=\"summary\">"
      << "<div><b>Places</b>" << (places.empty() ? "unknown" : places) << "</div>"
      << "<div><b>Dates</b>" << (s["date_from"].is_null() ? "unknown" : esc(s["date_from"]))
      << (!s["date_to"].is_null() && s["date_to"] != s["date_from"] ? " to " + esc(s["date_to"]) : "") << " <span class=\"muted\">("
      << esc(s["date_precision"]) << ")</span></div>"
      << "<div><b>Actors</b>" << (actors.empty() ? "not named" : actors) << "</div>"
      << "<div><b>Independent sources</b>" << s["independent_sources"].dump() << "</div>"
      << "<div><b>Grade</b>" << (str(s["grade"]["label"]).empty() ? "not graded" : esc(s["grade"]["label"])) << "<br><span class=\"muted\">"
      << (s["grade"]["rule"].is_null() ? std::string() : esc(s["grade"]["rule"]["file"]) + ":" + s["grade"]["rule"]["line"].dump()) << "</span>"
      << "</div></section>\n";

    o << "<h2>Reconciled figures</h2>\n<div id=\"figures\">";
    for (const auto& f : m["figures"]) {
        o << "<section class=\"provenance\"><h3>" << esc(f["category"]) << " " << esc(f["outcome"]) << ": <span class=\"figure\">"
          << html_escape(range_words(number_of(f["low"]), number_of(f["high"]), number_of(f["best"])))
          << "</span></h3><p>Rule: " << rule_html(f["rule"]) << "</p>\n<div class=\"side\">";
        // The claims used, then the other claims of the same outcome and category
        // (greyed, with the reason): every figure side by side with its sentence.
        std::vector<const json*> shown;
        for (const auto& id : f["claims"])
            if (const json* c = find_claim(m, id)) shown.push_back(c);
        for (const auto& c : m["claims"]) {
            if (c["outcome"] != f["outcome"] || c["category"] != f["category"]) continue;
            if (std::find(shown.begin(), shown.end(), &c) == shown.end()) shown.push_back(&c);
        }
        for (const json* c : shown) {
            // The outlet only when the credit does not already name it ("AP, via AP").
            const std::string outlet = str((*c)["article"]["outlet"]), credit = str((*c)["credit"]);
            // The figure as read in digits ("4 or more"), then the words as written
            // ("at least four people killed"): the card never says the same thing twice.
            const std::string reading = range_words(number_of((*c)["low"]), number_of((*c)["high"]));
            const bool outlet_named = outlet.empty() || letters_of(credit).find(letters_of(outlet)) != std::string::npos;
            o << "<article class=\"claim" << ((*c)["used"].get<bool>() ? "" : " unused") << "\" data-claim=\"" << esc((*c)["id"])
              << "\"><div class=\"value\">" << html_escape(reading) << "</div><div>as written: " << esc((*c)["figure"]) << "</div><div><b>" << html_escape(credit) << "</b>"
              << (outlet_named ? "" : " &middot; in " + html_escape(outlet))
              << " &middot; " << ((*c)["article"]["date"].is_null() ? std::string("date unknown") : esc((*c)["article"]["date"]))
              << ((*c)["used"].get<bool>() ? "" : " &middot; <b>not used</b>: " + esc((*c)["reason"])) << "</div><div class=\"muted\">" << esc((*c)["article"]["title"]) << " ("
              << esc((*c)["article"]["id"]) << ")</div><blockquote>" << highlighted_sentence(*c) << "</blockquote><div class=\"muted\">bytes "
              << (*c)["span"]["begin"].dump() << "&ndash;" << (*c)["span"]["end"].dump() << " of " << esc((*c)["article"]["file"])
              << " &middot; weight " << (*c)["weight"].dump() << " &middot; " << rule_html((*c)["rule"]) << "</div></article>";
        }
        o << "</div></section>\n";
    }
    o << "</div>\n";
    if (!m["rejected"].empty()) {
        o << "<h2>Claims not used</h2>\n<ul id=\"rejected\">";
        for (const auto& r : m["rejected"])
            o << "<li><code>" << esc(r["claim"]) << "</code>: " << esc(r["reason"]) << " by " << rule_html(r["rule"]) << "</li>";
        o << "</ul>\n";
    }
    o << "<h2>Findings</h2>\n<ul id=\"findings\">";
    if (m["findings"].empty()) o << "<li class=\"muted\">none</li>";
    for (const auto& f : m["findings"]) {
        o << "<li class=\"finding\" data-kind=\"" << esc(f["kind"]) << "\"><span class=\"sev-" << esc(f["severity"]) << "\">"
          << esc(f["severity"]) << " " << esc(f["kind"]) << "</span>: " << esc(f["message"]) << " <span class=\"muted\">(";
        bool first = true;
        for (const auto& c : f["claims"]) {
            o << (first ? "" : ", ") << "<code>" << esc(c) << "</code>";
            first = false;
        }
        o << ")</span> by " << rule_html(f["rule"]) << "</li>";
    }
    o << "</ul>\n<h2>Figures by source</h2>\n<div class=\"scroll\" id=\"chart\">" << figures_chart(m) << "</div>\n";
    o << "<h2>Claim graph</h2>\n<div class=\"scroll\" id=\"graph\">" << claim_graph_svg(m) << "</div>\n";
    o << "<h2>Copies</h2>\n<ul id=\"copies\">";
    if (m["copies"].empty()) o << "<li class=\"muted\">no shared text among this incident's articles</li>";
    for (const auto& c : m["copies"]) {
        o << "<li class=\"copy\">" << esc(c["article"]) << " &rarr; " << esc(c["copies"]) << " (copies text of, overlap "
          << c["overlap"].dump() << ")";
        if (!c["dependent_claims"].empty()) {
            o << "; dependent claims:";
            for (const auto& d : c["dependent_claims"]) o << " <code>" << esc(d) << "</code>";
        }
        o << "</li>";
    }
    o << "</ul>\n<h2>Timeline</h2>\n<div class=\"scroll\"><table id=\"timeline\"><tr><th>published</th><th>figure</th><th>source</th><th>article</th><th>change</th></tr>";
    for (const auto& t : m["timeline"]) {
        o << "<tr><td>" << (t["date"].is_null() ? std::string("date unknown") : esc(t["date"])) << "</td><td>" << esc(t["figure"])
          << "</td><td>" << esc(t["credit"]) << "</td><td>" << esc(t["article"]) << "</td><td>" << esc(t["change"]) << "</td></tr>";
    }
    o << "</table></div>\n<h2>All claims</h2>\n<div class=\"scroll\"><table id=\"claims\"><tr><th>claim</th><th>as written</th><th>read as</th><th>source</th><th>sentence</th><th>used</th><th>rule</th></tr>";
    for (const auto& c : m["claims"]) {
        o << "<tr" << (c["used"].get<bool>() ? "" : " class=\"unused\"") << "><td><code>" << esc(c["id"]) << "</code></td><td>"
          << esc(c["figure"]) << "</td><td>" << esc(c["reading"]) << "</td><td>" << esc(c["credit"]) << "</td><td>" << highlighted_sentence(c)
          << "</td><td>" << (c["used"].get<bool>() ? "yes" : "no: " + esc(c["reason"])) << "</td><td>" << rule_html(c["rule"]) << "</td></tr>";
    }
    o << "</table></div>\n<h2>Analyst decisions</h2>\n<ul id=\"decisions\">";
    if (m["decisions"].empty()) o << "<li class=\"muted\">none</li>";
    for (const auto& d : m["decisions"]) o << "<li>" << esc(d) << "</li>";
    o << "</ul>\n<h2>Why these claims are together</h2>\n<ul id=\"joins\">";
    if (m["joins"].empty()) o << "<li class=\"muted\">one claim, or claims of one account</li>";
    for (const auto& j : m["joins"]) {
        o << "<li><code>" << esc(j["claims"][0]) << "</code> &amp; <code>" << esc(j["claims"][1]) << "</code>: " << esc(j["reason"])
          << " " << rule_html(j["rule"]);
        if (j.contains("waterfall")) o << "<div class=\"scroll\">" << waterfall_svg(j) << "</div>";
        o << "</li>";
    }
    o << "</ul>\n<p class=\"muted\">reckon " << esc(m["reckon_version"]) << "</p>\n";
    return page("reckon incident " + str(m["incident"]), o.str());
}

}  // namespace reckon::report
