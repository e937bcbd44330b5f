// Markdown rendering of the report model: one file per incident.
#include <cstdio>
#include <sstream>

#include "report/report.hpp"
#include "model/wording.hpp"

namespace reckon::report {

namespace {

std::string str(const json& j) {
    if (j.is_null()) return "";
    if (j.is_string()) return j.get<std::string>();
    return j.dump();
}

std::optional<std::int64_t> number_of(const json& j) {
    return j.is_number() ? std::optional<std::int64_t>(j.get<std::int64_t>()) : std::nullopt;
}

// "contested (rules/default.rules:201)": the label once, then where it was decided.
std::string grade_text(const json& g) {
    const std::string label = str(g["label"]).empty() ? "not graded" : str(g["label"]);
    if (g["rule"].is_null()) return label;
    const std::string name = str(g["rule"]["name"]);
    return label + " (" + (name == label ? "" : "rule `" + name + "`, ") + str(g["rule"]["file"]) + ":" + g["rule"]["line"].dump() + ")";
}

std::string rule_text(const json& r) {
    if (r.is_null()) return "-";
    return "`" + str(r["name"]) + "` (" + str(r["file"]) + ":" + r["line"].dump() + ")";
}

// Markdown table cells must not contain raw pipes or line breaks.
std::string cell(std::string s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

std::string highlighted_sentence(const json& claim) {
    const std::string sentence = str(claim["sentence"]["text"]);
    const std::size_t sb = claim["sentence"]["begin"].get<std::size_t>();
    const std::size_t b = claim["span"]["begin"].get<std::size_t>(), e = claim["span"]["end"].get<std::size_t>();
    if (b < sb || e < b || e - sb > sentence.size()) return cell(sentence);
    return cell(sentence.substr(0, b - sb)) + "**" + cell(sentence.substr(b - sb, e - b)) + "**" + cell(sentence.substr(e - sb));
}

}  // namespace

std::string render_markdown(const json& m) {
    std::ostringstream o;
    const json& s = m["summary"];
    o << "# Incident " << str(m["incident"]) << "\n\n";
    std::string places;
    for (const auto& p : s["places"]) places += (places.empty() ? "" : ", ") + str(p["name"]) + (str(p["governorate"]).empty() ? "" : " (" + str(p["governorate"]) + ")");
    o << "- **Places:** " << (places.empty() ? "unknown" : places) << "\n";
    o << "- **Dates:** " << (s["date_from"].is_null() ? "unknown" : str(s["date_from"]))
      << (s["date_to"] != s["date_from"] && !s["date_to"].is_null() ? " to " + str(s["date_to"]) : "") << " (precision: "
      << str(s["date_precision"]) << ")\n";
    std::string actors;
    for (const auto& x : s["actors"]) actors += (actors.empty() ? "" : ", ") + str(x);
    o << "- **Actors:** " << (actors.empty() ? "not named" : actors) << "\n";
    o << "- **Independent sources:** " << s["independent_sources"].dump() << "\n";
    o << "- **Grade:** " << grade_text(s["grade"]) << "\n\n";

    o << "## Reconciled figures\n\n";
    for (const auto& f : m["figures"]) {
        o << "### " << str(f["category"]) << " " << str(f["outcome"]) << ": "
          << range_words(number_of(f["low"]), number_of(f["high"]), number_of(f["best"])) << "\n\n";
        o << "Rule: " << rule_text(f["rule"]) << "\n\n";
        o << "| figure as written | source | outlet | article | sentence (figure in bold) | bytes |\n|---|---|---|---|---|---|\n";
        for (const auto& id : f["claims"]) {
            for (const auto& c : m["claims"]) {
                if (c["id"] != id) continue;
                const std::string outlet = str(c["article"]["outlet"]);
                o << "| " << cell(str(c["as_written"])) << " | " << cell(str(c["credit"])) << " | "
                  << (outlet.empty() ? "outlet unknown" : cell(outlet)) << " | " << cell(str(c["article"]["title"])) << " ("
                  << str(c["article"]["id"]) << ", " << str(c["article"]["date"]) << ") | " << highlighted_sentence(c) << " | "
                  << c["span"]["begin"].dump() << "-" << c["span"]["end"].dump() << " |\n";
            }
        }
        o << "\n";
    }
    if (!m["rejected"].empty()) {
        o << "## Claims not used\n\n";
        for (const auto& r : m["rejected"]) o << "- `" << str(r["claim"]) << "`: " << str(r["reason"]) << " by " << rule_text(r["rule"]) << "\n";
        o << "\n";
    }
    o << "## Findings\n\n";
    if (m["findings"].empty()) o << "None.\n";
    for (const auto& f : m["findings"]) {
        std::string ids;
        for (const auto& c : f["claims"]) ids += (ids.empty() ? "`" : ", `") + str(c) + "`";
        o << "- **" << str(f["severity"]) << " " << str(f["kind"]) << "**: " << str(f["message"]) << " (" << ids << ") by "
          << rule_text(f["rule"]) << "\n";
    }
    o << "\n## All claims\n\n| claim | as written | read as | source | article | used | weight | rule |\n|---|---|---|---|---|---|---|---|\n";
    for (const auto& c : m["claims"]) {
        o << "| `" << str(c["id"]) << "` | " << cell(str(c["figure"])) << " | " << str(c["reading"]) << " | " << cell(str(c["credit"]))
          << " | " << str(c["article"]["id"]) << " | " << (c["used"].get<bool>() ? "yes" : "no") << " | " << c["weight"].dump() << " | "
          << rule_text(c["rule"]) << " |\n";
    }
    o << "\n## Copies\n\n";
    if (m["copies"].empty()) o << "No shared text among this incident's articles.\n";
    for (const auto& c : m["copies"]) {
        o << "- " << str(c["article"]) << " copies text of " << str(c["copies"]) << " (overlap " << c["overlap"].dump() << ")";
        if (!c["dependent_claims"].empty()) {
            o << "; dependent claims:";
            for (const auto& d : c["dependent_claims"]) o << " `" << str(d) << "`";
        }
        o << "\n";
    }
    o << "\n## Timeline\n\n| published | figure | source | article | change |\n|---|---|---|---|---|\n";
    for (const auto& t : m["timeline"])
        o << "| " << (t["date"].is_null() ? "date unknown" : str(t["date"])) << " | " << cell(str(t["figure"])) << " | " << cell(str(t["credit"]))
          << " | " << str(t["article"]) << " | " << str(t["change"]) << " |\n";
    o << "\n## Why these claims are together\n\n";
    if (m["joins"].empty()) o << "One claim, or claims of one account.\n";
    for (const auto& j : m["joins"]) {
        o << "- `" << str(j["claims"][0]) << "` and `" << str(j["claims"][1]) << "`: " << str(j["reason"]) << "\n";
        if (!j.contains("waterfall")) continue;
        for (const auto& s : j["waterfall"]) {
            char w[32];
            std::snprintf(w, sizeof w, "%+.2f", s["weight"].get<double>());
            o << "  - " << str(s["comparison"]) << ": " << str(s["level"]) << " " << w << "\n";
        }
    }
    o << "\n## Analyst decisions\n\n";
    if (m["decisions"].empty()) o << "None.\n";
    for (const auto& d : m["decisions"]) o << "- " << str(d) << "\n";
    return o.str();
}

}  // namespace reckon::report
