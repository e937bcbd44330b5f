// W3C PROV-JSON for one incident: articles, claims and the report are entities;
// extraction and reconciliation are activities; outlets, cited sources and reckon
// itself are agents. Identifiers use the "reckon" prefix (urn:reckon:).
#include <set>

#include "report/report.hpp"

namespace reckon::report {

std::string render_prov(const audit::audit_result& a, const audit::incident_record& inc) {
    json doc;
    doc["prefix"] = {{"reckon", "urn:reckon:"}, {"prov", "http://www.w3.org/ns/prov#"}, {"xsd", "http://www.w3.org/2001/XMLSchema#"}};
    json entity = json::object(), activity = json::object(), agent = json::object();
    json generated = json::object(), used = json::object(), attributed = json::object(), derived = json::object(),
         associated = json::object();
    std::size_t n = 0;
    const auto rel = [&](json& into, json value) { into["_:r" + std::to_string(++n)] = std::move(value); };

    const std::string report_id = "reckon:report/" + inc.id;
    const std::string extraction = "reckon:extraction";
    const std::string reconciliation = "reckon:reconciliation/" + inc.id;
    agent["reckon:software"] = {{"prov:type", "prov:SoftwareAgent"}, {"prov:label", std::string("reckon ") + RECKON_VERSION}};
    activity[extraction] = {{"prov:type", "reckon:ClaimExtraction"}, {"prov:label", "claim extraction (grammar/claims)"}};
    std::set<std::string> rule_files;
    for (const auto& f : inc.result.figures) rule_files.insert(f.rule.file);
    activity[reconciliation] = {{"prov:type", "reckon:Reconciliation"}, {"prov:label", "reconciliation of incident " + inc.id}};
    rel(associated, {{"prov:activity", extraction}, {"prov:agent", "reckon:software"}});
    rel(associated, {{"prov:activity", reconciliation}, {"prov:agent", "reckon:software"}});

    std::set<std::size_t> articles_done;
    for (const auto idx : inc.claims) {
        const auto& r = a.claims[idx];
        const article& art = a.articles[r.article];
        const std::string article_id = "reckon:article/" + art.id;
        if (articles_done.insert(r.article).second) {
            entity[article_id] = {{"prov:type", "reckon:Article"}, {"prov:label", art.title}, {"reckon:file", art.where.file},
                                  {"reckon:published", art.published.iso()}};
            rel(used, {{"prov:activity", extraction}, {"prov:entity", article_id}});
            if (!art.outlet.empty()) {
                const std::string outlet = "reckon:outlet/" + art.outlet;
                agent[outlet] = {{"prov:type", "prov:Organization"}, {"prov:label", art.outlet}};
                rel(attributed, {{"prov:entity", article_id}, {"prov:agent", outlet}});
            }
        }
        const std::string claim_id = "reckon:claim/" + r.c.id;
        json e = {{"prov:type", "reckon:Claim"},
                  {"prov:label", (r.c.qualifier_text.empty() ? "" : r.c.qualifier_text + " ") + r.c.value_text + " " + r.c.category + " " +
                                     std::string(to_string(r.c.outcome))},
                  {"reckon:span", {r.c.span.begin, r.c.span.end}}};
        if (r.c.low) e["reckon:low"] = *r.c.low;
        if (r.c.high) e["reckon:high"] = *r.c.high;
        entity[claim_id] = e;
        rel(generated, {{"prov:entity", claim_id}, {"prov:activity", extraction}});
        rel(derived, {{"prov:generatedEntity", claim_id}, {"prov:usedEntity", article_id}, {"prov:type", "prov:Quotation"}});
        if (!r.c.source.empty()) {
            const std::string source = "reckon:source/" + r.c.source;
            agent[source] = {{"prov:type", "prov:Organization"}, {"prov:label", r.c.source}};
            rel(attributed, {{"prov:entity", claim_id}, {"prov:agent", source}});
        }
        for (const auto& relay : r.c.relay) {
            const std::string wire = "reckon:source/" + relay;
            agent[wire] = {{"prov:type", "prov:Organization"}, {"prov:label", relay}};
            rel(attributed, {{"prov:entity", claim_id}, {"prov:agent", wire}, {"reckon:role", "relay"}});
        }
        rel(used, {{"prov:activity", reconciliation}, {"prov:entity", claim_id}});
    }
    json figures = json::array();
    for (const auto& f : inc.result.figures) {
        figures.push_back({{"outcome", std::string(to_string(f.outcome))}, {"category", f.category},
                           {"low", f.low ? json(*f.low) : json(nullptr)}, {"best", f.best ? json(*f.best) : json(nullptr)},
                           {"high", f.high ? json(*f.high) : json(nullptr)}, {"rule", f.rule.name + " " + f.rule.file + ":" + std::to_string(f.rule.line)}});
    }
    entity[report_id] = {{"prov:type", "reckon:IncidentReport"}, {"prov:label", "incident " + inc.id}, {"reckon:figures", figures.dump()}};
    rel(generated, {{"prov:entity", report_id}, {"prov:activity", reconciliation}});
    for (const auto& f : rule_files) {
        const std::string rules_entity = "reckon:rules/" + f;
        entity[rules_entity] = {{"prov:type", "reckon:Ruleset"}, {"prov:label", f}};
        rel(used, {{"prov:activity", reconciliation}, {"prov:entity", rules_entity}});
    }
    doc["entity"] = entity;
    doc["activity"] = activity;
    doc["agent"] = agent;
    doc["wasGeneratedBy"] = generated;
    doc["used"] = used;
    doc["wasAttributedTo"] = attributed;
    doc["wasDerivedFrom"] = derived;
    doc["wasAssociatedWith"] = associated;
    return doc.dump(2) + "\n";
}

}  // namespace reckon::report
