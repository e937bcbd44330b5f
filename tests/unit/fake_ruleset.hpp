// A test double for rules::ruleset: fixed, obvious semantics so that engine modules
// (matching, audit, graph) can be tested without the rules language. Matching: same
// governorate and event dates at most `max_days` apart; intervals: the claim's own.
#pragma once

#include <cstdlib>

#include "rules/ruleset.hpp"

namespace reckon::testing {

class fake_ruleset : public rules::ruleset {
public:
    long max_days = 1;
    std::vector<rules::analyst_decision> analyst;

    rules::interval_result interval_of(const rules::claim_facts& f) const override {
        return {f.c->low, f.c->low, f.c->high, {"fake_interval", "fake.rules", 1}};
    }
    rules::weight_result trust_of(const rules::claim_facts&) const override { return {1.0, {"fake_trust", "fake.rules", 2}}; }
    std::vector<std::string> blocking_keys(const rules::claim_facts& f) const override { return {f.c->governorate}; }
    rules::match_result match(const rules::claim_facts& a, const rules::claim_facts& b) const override {
        const bool same = a.c->governorate == b.c->governorate &&
                          std::labs(static_cast<long>(a.c->event_date.first_day() - b.c->event_date.first_day())) <= max_days;
        return {same, {"fake_match", "fake.rules", 3}, same ? "close" : "apart", {}, 0, 0, false};
    }
    rules::incident_result reconcile(const std::vector<rules::claim_facts>& claims) const override {
        rules::incident_result r;
        rules::figure f;
        f.category = claims.front().c->category;
        f.rule = {"fake_reconcile", "fake.rules", 4};
        for (const auto& c : claims) {
            f.used.push_back(c.c->id);
            if (c.c->low && (!f.low || *c.c->low > *f.low)) f.low = c.c->low;
        }
        r.figures.push_back(f);
        if (claims.size() > 1) r.findings.push_back({"conflict", "high", "fake", {claims[0].c->id, claims[1].c->id}, f.rule});
        r.grading = {claims.size() > 1 ? "fair" : "weak", {"fake_grade", "fake.rules", 5}};
        return r;
    }
    std::vector<rules::finding> series_findings(const std::vector<rules::claim_facts>&) const override { return {}; }
    const std::vector<rules::analyst_decision>& decisions() const override { return analyst; }
    std::vector<std::string> files() const override { return {"fake.rules"}; }
    std::map<std::string, std::string> data_files() const override { return {}; }
};

inline claim make_claim(std::string id, std::string governorate, date when, std::int64_t value, std::string parent = {}) {
    claim c;
    c.id = std::move(id);
    c.article = c.id.substr(0, c.id.find('@'));
    c.governorate = std::move(governorate);
    c.event_date = when;
    c.low = c.high = value;
    c.value_text = std::to_string(value);
    c.parent = std::move(parent);
    return c;
}

}  // namespace reckon::testing
