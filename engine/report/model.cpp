// The report model: one JSON object per incident holding everything every format
// shows. Numbers always come with the byte span of the figure in its article and the
// sentence around it, so a reader can check each one against the text.
#include <algorithm>
#include <map>
#include <set>

#include "audit/render.hpp"
#include "report/report.hpp"
#include "model/wording.hpp"

namespace reckon::report {

namespace {

json optional_number(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

const rules::claim_decision* decision_for(const audit::incident_record& inc, const std::string& id) {
    for (const auto& d : inc.result.decisions)
        if (d.claim == id) return &d;
    return nullptr;
}

std::string written(const claim& c) {
    std::string s = c.qualifier_text.empty() ? "" : c.qualifier_text + " ";
    return s + (c.vague.empty() ? c.value_text : c.vague);
}

}  // namespace

json report_model(const audit::audit_result& a, const audit::incident_record& inc) {
    json m;
    m["incident"] = inc.id;
    m["reckon_version"] = RECKON_VERSION;

    json places = json::array();
    std::set<std::string> seen;
    for (const auto idx : inc.claims) {
        const claim& c = a.claims[idx].c;
        if (c.place.empty() || !seen.insert(c.place_key.empty() ? c.place : c.place_key).second) continue;
        places.push_back({{"name", c.place}, {"key", c.place_key}, {"governorate", c.governorate}, {"country", c.country}});
    }
    json summary;
    summary["places"] = places;
    summary["governorate"] = inc.governorate;
    summary["date_from"] = inc.date_from.known() ? json(inc.date_from.iso()) : json(nullptr);
    summary["date_to"] = inc.date_to.known() ? json(inc.date_to.iso()) : json(nullptr);
    summary["date_precision"] = std::string(to_string(inc.date_from.precision));
    summary["actors"] = inc.actors;
    summary["sources"] = inc.sources;
    summary["independent_sources"] = inc.independent_sources;
    summary["grade"] = {{"label", inc.result.grading.label}, {"rule", audit::rule_json(inc.result.grading.rule)}};
    m["summary"] = summary;

    // Every claim of the incident with its provenance.
    json claims = json::array();
    std::map<std::string, const audit::claim_record*> by_id;
    for (const auto idx : inc.claims) {
        const auto& r = a.claims[idx];
        by_id[r.c.id] = &r;
        const article& art = a.articles[r.article];
        const auto* d = decision_for(inc, r.c.id);
        json j;
        j["id"] = r.c.id;
        j["as_written"] = written(r.c);
        j["figure"] = figure_words(r.c) + " " + std::string(to_string(r.c.outcome));  // "more than 30 civilians killed"
        j["credit"] = credit_words(r.c);                                              // "SANA, via World Bulletin"
        j["reading"] = range_words(r.interval.low, r.interval.high);                 // "31 or more"
        j["value_text"] = r.c.vague.empty() ? r.c.value_text : r.c.vague;
        j["qualifier"] = r.c.qualifier_text;
        j["outcome"] = std::string(to_string(r.c.outcome));
        j["category"] = r.c.category;
        j["side"] = r.c.side;
        j["low"] = optional_number(r.interval.low);
        j["best"] = optional_number(r.interval.best);
        j["high"] = optional_number(r.interval.high);
        j["interval_rule"] = audit::rule_json(audit::rule_of(r.interval.rule));
        j["source"] = r.c.source;
        j["source_text"] = r.c.source_text;
        j["source_type"] = r.c.source_type.empty() ? json(nullptr) : json(r.c.source_type);
        j["relay"] = r.c.relay;
        j["place"] = r.c.place;
        j["event_date"] = r.c.event_date.known() ? json(r.c.event_date.iso()) : json(nullptr);
        j["parent"] = r.c.parent.empty() ? json(nullptr) : json(r.c.parent);
        j["used"] = d ? d->used : true;
        j["weight"] = d ? d->weight : r.weight.weight;
        j["rule"] = audit::rule_json(d ? d->rule : audit::rule_of(r.weight.rule));
        j["reason"] = d ? d->reason : std::string();
        j["copied_from"] = r.copied_from.empty() ? json(nullptr) : json(r.copied_from);
        j["article"] = {{"id", art.id},
                        {"title", art.title},
                        {"outlet", art.outlet},
                        {"date", art.published.known() ? json(art.published.iso()) : json(nullptr)},
                        {"file", art.where.file},
                        {"line", art.where.line}};
        const std::string_view text = art.text;
        j["span"] = {{"begin", r.c.span.begin}, {"end", r.c.span.end}, {"text", std::string(r.c.span.of(text))}};
        j["sentence"] = {{"begin", r.c.sentence.begin}, {"end", r.c.sentence.end}, {"text", std::string(r.c.sentence.of(text))}};
        claims.push_back(std::move(j));
    }
    m["claims"] = claims;

    // The provenance tree: value -> rule -> claims used.
    json figures = json::array();
    for (const auto& f : inc.result.figures) figures.push_back(audit::figure_json(f));
    m["figures"] = figures;

    json rejected = json::array();
    // Only the claims the reconciliation set aside: every claim has a weight below 1
    // (trust), so "down-weighted" listed them all.
    for (const auto& d : inc.result.decisions) {
        if (d.used && d.weight > 0) continue;
        rejected.push_back({{"claim", d.claim}, {"used", d.used}, {"weight", d.weight}, {"rule", audit::rule_json(d.rule)},
                            {"reason", d.reason}});
    }
    m["rejected"] = rejected;

    json findings = json::array();
    for (const auto& f : inc.result.findings) findings.push_back(audit::finding_json(f));
    m["findings"] = findings;

    // Copies among the incident's articles, and the claims they make dependent.
    std::set<std::size_t> articles;
    for (const auto idx : inc.claims) articles.insert(a.claims[idx].article);
    json copies = json::array();
    for (const auto& l : a.copies) {
        if (!articles.count(l.later) && !articles.count(l.earlier)) continue;
        json dependent = json::array();
        for (const auto idx : inc.claims)
            if (a.claims[idx].copied && a.claims[idx].copied_from == a.articles[l.earlier].id && a.claims[idx].article == l.later)
                dependent.push_back(a.claims[idx].c.id);
        copies.push_back({{"article", a.articles[l.later].id},
                          {"copies", a.articles[l.earlier].id},
                          {"overlap", static_cast<double>(static_cast<long>(l.overlap * 1000 + 0.5)) / 1000},
                          {"dependent_claims", dependent}});
    }
    m["copies"] = copies;

    // Timeline by publication date: per source, outcome and category, a later figure
    // is marked as a revision up or down against the same source's previous one.
    std::vector<const audit::claim_record*> ordered;
    for (const auto idx : inc.claims) ordered.push_back(&a.claims[idx]);
    std::stable_sort(ordered.begin(), ordered.end(), [&](const audit::claim_record* x, const audit::claim_record* y) {
        return copies::published_before(a.articles[x->article], a.articles[y->article]);
    });
    std::map<std::string, std::optional<std::int64_t>> last;
    json timeline = json::array();
    for (const auto* r : ordered) {
        const article& art = a.articles[r->article];
        const std::string key = r->c.source + "|" + std::string(to_string(r->c.outcome)) + "|" + r->c.category;
        std::string change = "first report";
        const auto it = last.find(key);
        if (it != last.end() && it->second && r->c.low) {
            change = *r->c.low > *it->second ? "revised up" : *r->c.low < *it->second ? "revised down" : "repeated";
        }
        last[key] = r->c.low;
        timeline.push_back({{"date", art.published.known() ? json(art.published.iso()) : json(nullptr)},
                            {"claim", r->c.id},
                            {"as_written", written(r->c)},
                            {"figure", figure_words(r->c)},
                            {"credit", credit_words(r->c)},
                            {"category", r->c.category},
                            {"outcome", std::string(to_string(r->c.outcome))},
                            {"source", r->c.source},
                            {"article", art.id},
                            {"change", change}});
    }
    m["timeline"] = timeline;
    m["decisions"] = inc.decisions;
    json joins = json::array();
    for (const auto& p : inc.joins) joins.push_back(audit::judged_pair_json(p));
    m["joins"] = joins;
    return m;
}

bool parse_format(std::string_view name, format& out) {
    if (name == "md" || name == "markdown") out = format::markdown;
    else if (name == "html") out = format::html;
    else if (name == "json") out = format::json;
    else if (name == "prov") out = format::prov;
    else return false;
    return true;
}

}  // namespace reckon::report
