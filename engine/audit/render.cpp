#include "audit/render.hpp"

#include "extract/claim_json.hpp"
#include "support/parallel.hpp"

#include <sstream>

namespace reckon::audit {

namespace {

json optional_number(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

const rules::claim_decision* decision_for(const incident_record& inc, const std::string& claim_id) {
    for (const auto& d : inc.result.decisions)
        if (d.claim == claim_id) return &d;
    return nullptr;
}

}  // namespace

json rule_json(const rules::rule_ref& r) {
    if (r.name.empty()) return nullptr;
    return json{{"name", r.name}, {"file", r.file}, {"line", r.line}};
}

json figure_json(const rules::figure& f) {
    return json{{"outcome", std::string(to_string(f.outcome))},
                {"category", f.category},
                {"low", optional_number(f.low)},
                {"best", optional_number(f.best)},
                {"high", optional_number(f.high)},
                {"rule", rule_json(f.rule)},
                {"claims", f.used}};
}

json finding_json(const rules::finding& f) {
    return json{{"kind", f.kind}, {"severity", f.severity}, {"message", f.message}, {"claims", f.claims},
                {"rule", rule_json(f.rule)}};
}

json claim_json(const claim& c) { return extract::claim_json(c); }

// Writes `j` as dump(2) would inside a document, `depth` levels deep: every line after
// the first is indented by the depth. JSON strings never hold a raw newline, so each
// newline of the dump is a line break of the layout.
namespace {
void put(std::ostream& o, const json& j, int depth) {
    const std::string text = j.dump(2);
    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    std::size_t from = 0;
    for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
        o.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
        o << indent;
        from = nl + 1;
    }
    o.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

}  // namespace

json_document::json_document(std::ostream& out, const std::vector<input_hash>& inputs) : m_out(out) {
    json list = json::array();
    for (const auto& h : inputs) list.push_back({{"role", h.role}, {"path", h.path}, {"sha256", h.sha256}});
    m_out << "{\n  \"reckon\": ";
    put(m_out, json{{"version", RECKON_VERSION}, {"inputs", list}}, 1);
    m_out << ",\n";
}

void json_document::begin(const char* key) {
    m_out << "  \"" << key << "\": [";
    m_first = true;
}

void json_document::item(const json& j) {
    m_out << (m_first ? "\n    " : ",\n    ");
    put(m_out, j, 2);
    m_first = false;
}

void json_document::item_text(const std::string& dumped) {
    m_out << (m_first ? "\n    " : ",\n    ") << dumped;
    m_first = false;
}

void json_document::end() { m_out << (m_first ? "]" : "\n  ]") << ",\n"; }

void json_document::finish(const json& summary) {
    m_out << "  \"summary\": ";
    put(m_out, summary, 1);
    m_out << "\n}\n";
}

json incident_json(const audit_result& a, const incident_record& inc) {
    json j;
    j["id"] = inc.id;
    j["places"] = inc.places;
    j["place_keys"] = inc.place_keys;
    j["governorate"] = inc.governorate;
    j["date_from"] = inc.date_from.known() ? json(inc.date_from.iso()) : json(nullptr);
    j["date_to"] = inc.date_to.known() ? json(inc.date_to.iso()) : json(nullptr);
    j["actors"] = inc.actors;
    j["sources"] = inc.sources;
    j["independent_sources"] = inc.independent_sources;
    j["grade"] = {{"label", inc.result.grading.label}, {"rule", rule_json(inc.result.grading.rule)}};
    json reconciled = json::array();
    for (const auto& f : inc.result.figures) reconciled.push_back(figure_json(f));
    j["reconciled"] = reconciled;
    json findings = json::array();
    for (const auto& f : inc.result.findings) findings.push_back(finding_json(f));
    j["findings"] = findings;
    json claims = json::array();
    for (const auto m : inc.claims) {
        const auto& r = a.claims[m];
        const article& art = a.articles[r.article];
        json c = claim_json(r.c);
        const auto* d = decision_for(inc, r.c.id);
        c["used"] = d ? d->used : true;
        c["weight"] = d ? d->weight : r.weight.weight;
        c["rule"] = rule_json(d ? d->rule : rule_of(r.weight.rule));
        c["reason"] = d ? d->reason : std::string();
        c["interval"] = {{"low", optional_number(r.interval.low)}, {"best", optional_number(r.interval.best)},
                         {"high", optional_number(r.interval.high)}, {"rule", rule_json(rule_of(r.interval.rule))}};
        c["copied"] = r.copied;
        c["copied_from"] = r.copied_from.empty() ? json(nullptr) : json(r.copied_from);
        c["outlet"] = art.outlet;
        c["article_date"] = art.published.known() ? json(art.published.iso()) : json(nullptr);
        c["article_title"] = art.title;
        claims.push_back(std::move(c));
    }
    j["claims"] = claims;
    j["decisions"] = inc.decisions;
    return j;
}

json source_json(const source_row& s) {
    return json{{"source", s.source}, {"kind", s.kind}, {"claims", s.claims}, {"above", s.above},
                {"below", s.below}, {"inside", s.inside}, {"self_contradictions", s.self_contradictions}};
}

json copy_json(const std::string& article, const std::string& copies, double overlap) {
    return json{{"article", article}, {"copies", copies}, {"overlap", static_cast<double>(static_cast<long>(overlap * 1000 + 0.5)) / 1000}};
}

json summary_json(const audit_totals& t) {
    json summary;
    summary["articles"] = t.articles;
    summary["claims"] = t.claims;
    summary["incident_claims"] = t.claims - t.cumulative_claims;
    summary["cumulative_claims"] = t.cumulative_claims;
    summary["incidents"] = t.incidents;
    summary["cumulative_series"] = t.cumulative_series;
    json by_kind = json::object();
    std::size_t total_findings = 0;
    for (const auto& [k, n] : t.findings_by_kind) {
        by_kind[k] = n;
        total_findings += n;
    }
    summary["findings"] = total_findings;
    summary["findings_by_kind"] = by_kind;
    summary["articles_without_claims"] = t.articles_without_claims;
    summary["copies"] = t.copies;
    summary["pairs_judged"] = t.pairs_judged;
    return summary;
}

audit_totals totals_of(const audit_result& a) {
    audit_totals t;
    t.articles = a.articles.size();
    t.claims = a.corpus_claims;
    t.cumulative_claims = a.corpus_cumulative_claims;
    t.incidents = a.incidents.size();
    t.cumulative_series = a.cumulative.size();
    t.findings_by_kind = a.findings_by_kind;
    t.articles_without_claims = a.articles_without_claims;
    t.copies = a.copies.size();
    t.pairs_judged = a.pairs_judged;
    return t;
}

json series_json(const audit_result& a, const series_record& s) {
    json points = json::array();
    for (const auto i : s.claims) {
        const auto& r = a.claims[i];
        const article& art = a.articles[r.article];
        json c = claim_json(r.c);
        c["as_of"] = art.published.known() ? json(art.published.iso()) : json(nullptr);
        c["outlet"] = art.outlet;
        points.push_back(std::move(c));
    }
    json findings = json::array();
    for (const auto& f : s.findings) findings.push_back(finding_json(f));
    return json{{"scope", s.scope}, {"source", s.source}, {"outcome", s.outcome},
                {"category", s.category}, {"claims", points}, {"findings", findings}};
}


namespace {

// Array elements made and dumped on `jobs` threads, a batch at a time, and written in
// order: the bytes are the same for any number of threads, memory holds one batch.
template <class Range, class Make>
void put_items(json_document& doc, const Range& items, Make make, unsigned jobs) {
    const std::size_t n = items.size();
    jobs = std::max(1u, std::min(jobs, 64u));
    const std::size_t batch = 256 * static_cast<std::size_t>(jobs);
    std::vector<std::string> texts;
    for (std::size_t start = 0; start < n; start += batch) {
        const std::size_t end = std::min(n, start + batch);
        texts.assign(end - start, std::string());
        run_striped(end - start, jobs, [&](std::size_t first, std::size_t step) {
            for (std::size_t i = start + first; i < end; i += step) {
                std::ostringstream s;
                put(s, make(items[i]), 2);
                texts[i - start] = s.str();
            }
        });
        for (std::size_t i = start; i < end; ++i) doc.item_text(texts[i - start]);
    }
}

}  // namespace

// The document is written member by member and incident by incident, so memory holds
// one batch of incidents' JSON at a time; the bytes are those of one dump(2) of the whole tree.
void render_json(const audit_result& a, std::ostream& o) {
    json_document doc(o, a.inputs);
    doc.begin("incidents");
    put_items(doc, a.incidents, [&](const incident_record& inc) { return incident_json(a, inc); }, a.jobs);
    doc.end();
    doc.begin("cumulative");
    put_items(doc, a.cumulative, [&](const series_record& s) { return series_json(a, s); }, a.jobs);
    doc.end();
    doc.begin("sources");
    for (const auto& s : a.sources) doc.item(source_json(s));
    doc.end();
    doc.begin("copies");
    for (const auto& l : a.copies) doc.item(copy_json(a.articles[l.later].id, a.articles[l.earlier].id, l.overlap));
    doc.end();
    doc.finish(summary_json(totals_of(a)));
}

std::string render_json(const audit_result& a) {
    std::ostringstream o;
    render_json(a, o);
    return o.str();
}

namespace {

std::string str(const json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }
std::string number_or(const json& v, const std::string& otherwise) {
    return v.is_number() ? std::to_string(v.get<std::int64_t>()) : otherwise;
}

std::string join_json(const json& list, const std::string& sep) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "" : sep) + str(s);
    return out;
}

std::string rule_text(const json& r) {
    if (!r.is_object()) return "-";
    return str(r["name"]) + " (" + str(r["file"]) + ":" + std::to_string(r["line"].get<std::int64_t>()) + ")";
}

std::string interval_text(const json& iv) {
    const std::string lo = number_or(iv["low"], "?");
    if (!iv["high"].is_number()) return lo + "+";
    if (iv["low"] == iv["high"]) return lo;
    return lo + "-" + number_or(iv["high"], "?");
}

std::string as_written(const json& c) {
    std::string s = str(c["qualifier"]).empty() ? "" : str(c["qualifier"]) + " ";
    s += c["vague"].is_string() ? str(c["vague"]) : str(c["value_text"]);
    return s + " " + str(c["category"]) + " " + str(c["outcome"]);
}

}  // namespace

text_document::text_document(std::ostream& out, bool markdown, const audit_totals& t) : m_out(out), m_markdown(markdown) {
    std::size_t total = 0;
    for (const auto& [k, n] : t.findings_by_kind) total += n;
    if (m_markdown) m_out << "# reckon audit\n\n";
    m_out << t.articles << " articles, " << t.claims << " claims, " << t.incidents << " incidents, " << t.cumulative_series
          << " cumulative series, " << total << " findings";
    if (!t.findings_by_kind.empty()) {
        m_out << " (";
        bool first = true;
        for (const auto& [k, n] : t.findings_by_kind) {
            m_out << (first ? "" : ", ") << n << " " << k;
            first = false;
        }
        m_out << ")";
    }
    m_out << "\n\n" << (m_markdown ? "## Incidents\n\n" : "INCIDENTS\n\n");
}

void text_document::incident(const json& inc) {
    std::ostream& o = m_out;
    const bool markdown = m_markdown;
    const std::string places = inc["places"].empty() ? "place unknown" : join_json(inc["places"], ", ");
    if (markdown) o << "### " << str(inc["id"]) << ": " << places;
    else o << str(inc["id"]) << "  " << places;
    if (!str(inc["governorate"]).empty()) o << " (" << str(inc["governorate"]) << ")";
    const std::string from = str(inc["date_from"]), to = str(inc["date_to"]);
    o << ", " << (from.empty() ? "date unknown" : from == to ? from : from + " to " + to);
    const std::string grade = str(inc["grade"]["label"]);
    if (!grade.empty()) o << (markdown ? ", grade **" : ", grade ") << grade << (markdown ? "**" : "");
    o << "\n";
    if (markdown) o << "\n| figure as written | source | relay | outlet | article date | interval | used |\n|---|---|---|---|---|---|---|\n";
    for (const auto& c : inc["claims"]) {
        const bool used = c["used"].get<bool>();
        const std::string reason = str(c["reason"]);
        const std::string relay = c["relay"].empty() ? "-" : join_json(c["relay"], " > ");
        const std::string when = c["article_date"].is_string() ? str(c["article_date"]) : "?";
        const std::string interval = interval_text(c["interval"]);
        const bool copied = c["copied"].get<bool>();
        if (markdown) {
            o << "| " << as_written(c) << " | " << str(c["source"]) << " | " << relay << " | "
              << (str(c["outlet"]).empty() ? "-" : str(c["outlet"])) << " | " << when << " | " << interval << " | "
              << (used ? "used" : "not used: " + reason) << (copied ? " (copied from " + str(c["copied_from"]) + ")" : "") << " |\n";
        } else {
            o << "  " << as_written(c) << "  [" << interval << "]  " << str(c["source"]);
            if (!c["relay"].empty()) o << " via " << relay;
            o << "  " << str(c["article"]) << " " << when;
            if (copied) o << "  copied from " << str(c["copied_from"]);
            if (!used) o << "  NOT USED: " << reason;
            o << "\n";
        }
    }
    if (markdown) o << "\n";
    for (const auto& f : inc["reconciled"]) {
        o << (markdown ? "- reconciled " : "  = ") << str(f["outcome"]) << " " << str(f["category"]) << ": low "
          << number_or(f["low"], "?") << ", best " << number_or(f["best"], "-") << ", high " << number_or(f["high"], "unbounded")
          << "  by " << rule_text(f["rule"]) << "\n";
    }
    for (const auto& f : inc["findings"]) {
        o << (markdown ? "- **" : "  ! ") << str(f["severity"]) << " " << str(f["kind"]) << (markdown ? "**: " : ": ")
          << str(f["message"]) << "  [" << rule_text(f["rule"]) << "]\n";
    }
    for (const auto& d : inc["decisions"]) o << (markdown ? "- analyst decision: " : "  analyst decision: ") << str(d) << "\n";
    o << "\n";
}

void text_document::series(const json& s) {
    if (!m_in_series) m_out << (m_markdown ? "## Cumulative totals\n\n" : "CUMULATIVE TOTALS\n\n");
    m_in_series = true;
    const std::string scope = str(s["scope"]);
    m_out << (m_markdown ? "- **" : "  ") << str(s["source"]) << ", " << str(s["outcome"]) << " " << str(s["category"])
          << (scope.empty() ? "" : ", " + scope) << (m_markdown ? "**: " : ": ");
    bool first = true;
    for (const auto& c : s["claims"]) {
        const std::string qualifier = str(c["qualifier"]);
        m_out << (first ? "" : ", then ") << (qualifier.empty() ? "" : qualifier + " ") << str(c["value_text"]) << " ("
              << (c["as_of"].is_string() ? str(c["as_of"]) : "?") << ", " << str(c["article"]) << ")";
        first = false;
    }
    m_out << "\n";
    for (const auto& f : s["findings"]) m_out << "    ! " << str(f["severity"]) << " " << str(f["kind"]) << ": " << str(f["message"]) << "\n";
}

void text_document::sources(const std::vector<source_row>& rows) {
    if (!m_in_series) m_out << (m_markdown ? "## Cumulative totals\n\n" : "CUMULATIVE TOTALS\n\n");
    m_in_series = true;
    m_out << "\n" << (m_markdown ? "## Sources\n\n| source | kind | claims | above | inside | below | self-contradictions |\n|---|---|---|---|---|---|---|\n" : "SOURCES (claims, above / inside / below the reconciled range, self-contradictions)\n\n");
    for (const auto& s : rows) {
        if (m_markdown) {
            m_out << "| " << s.source << " | " << (s.kind.empty() ? "-" : s.kind) << " | " << s.claims << " | " << s.above << " | "
                  << s.inside << " | " << s.below << " | " << s.self_contradictions << " |\n";
        } else {
            m_out << "  " << s.source << " (" << (s.kind.empty() ? "-" : s.kind) << "): " << s.claims << " claims, " << s.above
                  << " / " << s.inside << " / " << s.below << ", " << s.self_contradictions << " self-contradictions\n";
        }
    }
}

void text_document::finish(const std::vector<std::tuple<std::string, std::string, double>>& copies,
                           const std::vector<std::string>& articles_without_claims) {
    m_out << "\n" << (m_markdown ? "## Copies\n\n" : "COPIES\n\n");
    for (const auto& [later, earlier, overlap] : copies)
        m_out << (m_markdown ? "- " : "  ") << later << " copies text of " << earlier << " (overlap "
              << static_cast<int>(overlap * 100 + 0.5) << "%)\n";
    if (!articles_without_claims.empty()) {
        std::string list;
        for (const auto& id : articles_without_claims) list += (list.empty() ? "" : ", ") + id;
        m_out << "\n" << (m_markdown ? "## Articles with no claims\n\n" : "ARTICLES WITH NO CLAIMS\n\n") << (m_markdown ? "" : "  ")
              << list << "\n";
    }
}

namespace {

void render_human(std::ostream& o, const audit_result& a, bool markdown) {
    text_document doc(o, markdown, totals_of(a));
    for (const auto& inc : a.incidents) doc.incident(incident_json(a, inc));
    for (const auto& s : a.cumulative) doc.series(series_json(a, s));
    doc.sources(a.sources);
    std::vector<std::tuple<std::string, std::string, double>> copies;
    for (const auto& l : a.copies) copies.emplace_back(a.articles[l.later].id, a.articles[l.earlier].id, l.overlap);
    doc.finish(copies, a.articles_without_claims);
}

}  // namespace

void render_text(const audit_result& a, std::ostream& o) { render_human(o, a, false); }
void render_markdown(const audit_result& a, std::ostream& o) { render_human(o, a, true); }

std::string render_text(const audit_result& a) {
    std::ostringstream o;
    render_text(a, o);
    return o.str();
}

std::string render_markdown(const audit_result& a) {
    std::ostringstream o;
    render_markdown(a, o);
    return o.str();
}

}  // namespace reckon::audit
