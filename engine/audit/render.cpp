#include "audit/render.hpp"

#include "extract/claim_json.hpp"
#include "support/json_tree.hpp"
#include "support/json_writer.hpp"
#include "support/parallel.hpp"

#include <sstream>

namespace reckon::audit {

namespace {

const rules::claim_decision* decision_for(const incident_record& inc, const std::string& claim_id) {
    for (const auto& d : inc.result.decisions)
        if (d.claim == claim_id) return &d;
    return nullptr;
}

// The members of the audit document, each written once for any sink
// (support/json_sink.hpp): json_writer for the document itself, json_tree_builder for
// the trees incident_json() and the others return.

template <class Sink>
void write_rule(Sink& s, const rules::rule_ref& r) {
    if (r.name.empty()) {
        s.value(nullptr);
        return;
    }
    s.begin_object();
    s.member("name", r.name);
    s.member("file", r.file);
    s.member("line", std::uint64_t{r.line});
    s.end_object();
}

template <class Sink>
void write_rule_member(Sink& s, const rules::rule_ref& r) {
    s.key("rule");
    write_rule(s, r);
}

template <class Sink>
void write_figure(Sink& s, const rules::figure& f) {
    s.begin_object();
    s.member("outcome", to_string(f.outcome));
    s.member("category", f.category);
    s.member("low", f.low);
    s.member("best", f.best);
    s.member("high", f.high);
    write_rule_member(s, f.rule);
    s.member("claims", f.used);
    s.end_object();
}

template <class Sink>
void write_finding(Sink& s, const rules::finding& f) {
    s.begin_object();
    s.member("kind", f.kind);
    s.member("severity", f.severity);
    s.member("message", f.message);
    s.member("claims", f.claims);
    write_rule_member(s, f.rule);
    s.end_object();
}

template <class Sink, class Item, class Write>
void write_list(Sink& s, const char* name, const std::vector<Item>& items, Write write) {
    s.key(name);
    s.begin_array();
    for (const auto& item : items) write(s, item);
    s.end_array();
}

// A claim of an incident: the extract contract, then how the rules used it and where
// it was published.
template <class Sink>
void write_incident_claim(Sink& s, const audit_result& a, const incident_record& inc, const claim_record& r) {
    const article& art = a.articles[r.article];
    const auto* d = decision_for(inc, r.c.id);
    s.begin_object();
    extract::write_claim_members(s, r.c);
    s.member("used", d ? d->used : true);
    s.member("weight", d ? d->weight : r.weight.weight);
    write_rule_member(s, d ? d->rule : rule_of(r.weight.rule));
    s.member("reason", d ? std::string_view(d->reason) : std::string_view());
    s.key("interval");
    s.begin_object();
    s.member("low", r.interval.low);
    s.member("best", r.interval.best);
    s.member("high", r.interval.high);
    write_rule_member(s, rule_of(r.interval.rule));
    s.end_object();
    s.member("copied", r.copied);
    s.member("copied_from", text_or_null(r.copied_from));
    s.member("outlet", art.outlet);
    s.member("article_date", extract::iso_or_null(art.published));
    s.member("article_title", art.title);
    s.end_object();
}

template <class Sink>
void write_incident(Sink& s, const audit_result& a, const incident_record& inc) {
    s.begin_object();
    s.member("id", inc.id);
    s.member("places", inc.places);
    s.member("place_keys", inc.place_keys);
    s.member("governorate", inc.governorate);
    s.member("country", inc.country);
    s.member("date_from", extract::iso_or_null(inc.date_from));
    s.member("date_to", extract::iso_or_null(inc.date_to));
    s.member("actors", inc.actors);
    s.member("sources", inc.sources);
    s.member("independent_sources", std::uint64_t{inc.independent_sources});
    s.key("grade");
    s.begin_object();
    s.member("label", inc.result.grading.label);
    write_rule_member(s, inc.result.grading.rule);
    s.end_object();
    write_list(s, "reconciled", inc.result.figures, [](Sink& to, const rules::figure& f) { write_figure(to, f); });
    write_list(s, "findings", inc.result.findings, [](Sink& to, const rules::finding& f) { write_finding(to, f); });
    write_list(s, "claims", inc.claims, [&](Sink& to, std::size_t m) { write_incident_claim(to, a, inc, a.claims[m]); });
    s.member("decisions", inc.decisions);
    s.end_object();
}

// A cumulative series: its key, then its claims as of their publication dates.
template <class Sink>
void write_series(Sink& s, const audit_result& a, const series_record& series) {
    s.begin_object();
    s.member("scope", series.scope);
    s.member("source", series.source);
    s.member("outcome", series.outcome);
    s.member("category", series.category);
    write_list(s, "claims", series.claims, [&](Sink& to, std::size_t i) {
        const auto& r = a.claims[i];
        const article& art = a.articles[r.article];
        to.begin_object();
        extract::write_claim_members(to, r.c);
        to.member("as_of", extract::iso_or_null(art.published));
        to.member("outlet", art.outlet);
        to.end_object();
    });
    write_list(s, "findings", series.findings, [](Sink& to, const rules::finding& f) { write_finding(to, f); });
    s.end_object();
}

}  // namespace

json rule_json(const rules::rule_ref& r) {
    return build_json([&](json_tree_builder& s) { write_rule(s, r); });
}

json figure_json(const rules::figure& f) {
    return build_json([&](json_tree_builder& s) { write_figure(s, f); });
}

json finding_json(const rules::finding& f) {
    return build_json([&](json_tree_builder& s) { write_finding(s, f); });
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
    return build_json([&](json_tree_builder& s) { write_incident(s, a, inc); });
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
    summary["claims_without_place"] = t.claims_without_place;
    summary["claims_without_country"] = t.claims_without_country;
    summary["claims_without_source"] = t.claims_without_source;
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
    t.claims_without_place = a.corpus_without_place;
    t.claims_without_country = a.corpus_without_country;
    t.claims_without_source = a.corpus_without_source;
    t.incidents = a.incidents.size();
    t.cumulative_series = a.cumulative.size();
    t.findings_by_kind = a.findings_by_kind;
    t.articles_without_claims = a.articles_without_claims;
    t.copies = a.copies.size();
    t.pairs_judged = a.pairs_judged;
    return t;
}

json series_json(const audit_result& a, const series_record& s) {
    return build_json([&](json_tree_builder& sink) { write_series(sink, a, s); });
}

namespace {

// One member of the document as text two levels deep, written into `text` by `layout`
// through the text writer or, for the reference rendering, through a tree that nlohmann
// dumps.
template <class Layout>
void member_text(std::string& text, json_members how, Layout layout) {
    if (how == json_members::dumped_trees) {
        std::ostringstream s;
        put(s, build_json(layout), 2);
        text = s.str();
        return;
    }
    json_writer w(text, 2);
    layout(w);
}

// Array elements made into text on `jobs` threads, a batch at a time, and written in
// order: the bytes are the same for any number of threads, memory holds one batch. The
// batch's strings are cleared, not freed, between batches: the next batch writes into
// the memory the last one grew, instead of allocating and faulting in fresh pages.
template <class Range, class Make>
void put_items(json_document& doc, const Range& items, Make make, unsigned jobs) {
    const std::size_t n = items.size();
    jobs = std::max(1u, std::min(jobs, 64u));
    const std::size_t batch = 256 * static_cast<std::size_t>(jobs);
    std::vector<std::string> texts(std::min(n, batch));
    for (std::size_t start = 0; start < n; start += batch) {
        const std::size_t end = std::min(n, start + batch);
        run_striped(end - start, jobs, [&](std::size_t first, std::size_t step) {
            for (std::size_t i = start + first; i < end; i += step) {
                // Written in a string of this thread's own: the threads' neighbouring
                // elements of `texts` share cache lines, and every append would bounce them.
                std::string text = std::move(texts[i - start]);
                text.clear();
                make(text, items[i]);
                texts[i - start] = std::move(text);
            }
        });
        for (std::size_t i = start; i < end; ++i) doc.item_text(texts[i - start]);
    }
}

}  // namespace

// The document is written member by member and incident by incident, so memory holds
// one batch of incidents' JSON at a time; the bytes are those of one dump(2) of the
// whole tree. Incidents and series, nearly all of the bytes, are laid out as `how`
// says; the few small members are dumped from trees.
void render_json(const audit_result& a, std::ostream& o, json_members how) {
    json_document doc(o, a.inputs);
    doc.begin("incidents");
    put_items(doc, a.incidents, [&](std::string& text, const incident_record& inc) {
        member_text(text, how, [&](auto& sink) { write_incident(sink, a, inc); });
    }, a.jobs);
    doc.end();
    doc.begin("cumulative");
    put_items(doc, a.cumulative, [&](std::string& text, const series_record& s) {
        member_text(text, how, [&](auto& sink) { write_series(sink, a, s); });
    }, a.jobs);
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
    if (t.claims > 0)
        m_out << "\nnot known: " << t.claims_without_place << " claims with no place, " << t.claims_without_country
              << " with no country, " << t.claims_without_source << " with no source";
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
