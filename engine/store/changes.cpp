#include "store/changes.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace reckon::store {

namespace {

using json = nlohmann::ordered_json;

std::string toll_key(const json& r) { return r.at("outcome").get<std::string>() + " " + r.at("category").get<std::string>(); }

json range_of(const json& r) { return json{{"low", r.at("low")}, {"best", r.at("best")}, {"high", r.at("high")}}; }

std::string range_text(const json& r) {
    if (r.is_null()) return "none";
    const auto part = [&](const char* k) { return r.at(k).is_null() ? std::string("?") : r.at(k).dump(); };
    if (r.at("high").is_null()) return part("best") + " (at least " + part("low") + ")";  // unbounded above
    return part("best") + " (" + part("low") + "-" + part("high") + ")";
}

std::string count_of(std::size_t n, const char* what) { return std::to_string(n) + " " + what + (n == 1 ? "" : "s"); }

std::string finding_key(const json& f) { return f.at("kind").get<std::string>() + "\n" + f.at("message").get<std::string>(); }

}  // namespace

json diff_runs(const run_facts& facts, const std::vector<incident_snapshot>& before, const std::vector<incident_snapshot>& after,
               const std::vector<lineage_event>& lineage) {
    std::map<std::string, const incident_snapshot*> old_by_id, new_by_id;
    for (const auto& i : before) old_by_id[i.id] = &i;
    for (const auto& i : after) new_by_id[i.id] = &i;

    json new_incidents = json::array(), new_figures = json::array(), tolls = json::array(), raised = json::array(),
         resolved = json::array();
    for (const auto& [id, now] : new_by_id) {
        const auto it = old_by_id.find(id);
        const incident_snapshot* was = it == old_by_id.end() ? nullptr : it->second;
        if (!was) new_incidents.push_back({{"id", id}, {"claims", now->claims.size()}, {"reconciled", now->reconciled}});
        if (was) {
            std::vector<std::string> added;
            std::set_difference(now->claims.begin(), now->claims.end(), was->claims.begin(), was->claims.end(), std::back_inserter(added));
            if (!added.empty()) new_figures.push_back({{"incident", id}, {"claims", added}});
            std::map<std::string, json> old_tolls, new_tolls;
            for (const auto& r : was->reconciled) old_tolls[toll_key(r)] = r;
            for (const auto& r : now->reconciled) new_tolls[toll_key(r)] = r;
            std::set<std::string> keys;
            for (const auto& [k, r] : old_tolls) keys.insert(k);
            for (const auto& [k, r] : new_tolls) keys.insert(k);
            for (const auto& k : keys) {
                const auto o = old_tolls.find(k), n = new_tolls.find(k);
                const json from = o == old_tolls.end() ? json(nullptr) : range_of(o->second);
                const json to = n == new_tolls.end() ? json(nullptr) : range_of(n->second);
                if (from == to) continue;
                const json& any = n != new_tolls.end() ? n->second : o->second;
                tolls.push_back({{"incident", id}, {"outcome", any.at("outcome")}, {"category", any.at("category")}, {"before", from}, {"after", to}});
            }
        }
        std::set<std::string> old_findings;
        if (was)
            for (const auto& f : was->findings) old_findings.insert(finding_key(f));
        for (const auto& f : now->findings)
            if (!old_findings.count(finding_key(f)))
                raised.push_back({{"incident", id}, {"kind", f.at("kind")}, {"severity", f.at("severity")}, {"message", f.at("message")}});
    }
    for (const auto& [id, was] : old_by_id) {
        const auto it = new_by_id.find(id);
        std::set<std::string> new_findings;
        if (it != new_by_id.end())
            for (const auto& f : it->second->findings) new_findings.insert(finding_key(f));
        for (const auto& f : was->findings)
            if (!new_findings.count(finding_key(f)))
                resolved.push_back({{"incident", id}, {"kind", f.at("kind")}, {"severity", f.at("severity")}, {"message", f.at("message")},
                                    {"incident_retired", it == new_by_id.end()}});
    }

    // Merges and splits from the lineage: merged old ids by the incident they went into,
    // split ones by the old incident they came from.
    std::map<std::string, std::vector<std::string>> merged_into, split_into;
    json retired = json::array();
    for (const auto& e : lineage) {
        if (e.kind == "merged") merged_into[e.to].push_back(e.from);
        else if (e.kind == "split") split_into[e.from].push_back(e.to);
        else if (e.kind == "retired") retired.push_back(e.from);
    }
    json merges = json::array(), splits = json::array();
    for (const auto& [to, from] : merged_into) merges.push_back({{"into", to}, {"from", from}});
    for (const auto& [from, to] : split_into) splits.push_back({{"from", from}, {"into", to}});

    return json{{"run", facts.run},
                {"previous_run", facts.previous_run},
                {"at", facts.at},
                {"articles", {{"added", facts.articles_added}, {"changed", facts.articles_changed}, {"total", facts.articles_total}}},
                {"ruleset_changed", facts.ruleset_changed},
                {"extraction_changed", facts.extraction_changed},
                {"incidents", {{"before", before.size()}, {"after", after.size()}}},
                {"new_incidents", new_incidents},
                {"new_figures", new_figures},
                {"tolls_moved", tolls},
                {"findings_raised", raised},
                {"findings_resolved", resolved},
                {"merges", merges},
                {"splits", splits},
                {"retired", retired}};
}

void render_changes_text(const json& c, std::ostream& out) {
    const auto& a = c.at("articles");
    out << "run " << c.at("run").get<std::int64_t>() << " (" << c.at("at").get<std::string>() << ") since run "
        << c.at("previous_run").get<std::int64_t>() << ": " << a.at("added") << " articles added, " << a.at("changed") << " changed, "
        << a.at("total") << " in all; ruleset " << (c.at("ruleset_changed").get<bool>() ? "changed" : "unchanged") << "; incidents "
        << c.at("incidents").at("before") << " -> " << c.at("incidents").at("after") << "\n";
    const auto section = [&](const char* title, const json& list, auto&& line) {
        out << "\n" << title << ": " << list.size() << "\n";
        for (const auto& item : list) {
            out << "  ";
            line(item);
            out << "\n";
        }
    };
    section("new incidents", c.at("new_incidents"), [&](const json& i) {
        out << i.at("id").get<std::string>() << "  " << count_of(i.at("claims").get<std::size_t>(), "claim");
        for (const auto& r : i.at("reconciled")) out << "; " << toll_key(r) << " " << range_text(range_of(r));
    });
    section("new figures in existing incidents", c.at("new_figures"), [&](const json& i) {
        out << i.at("incident").get<std::string>() << "  +" << i.at("claims").size() << ":";
        for (const auto& id : i.at("claims")) out << " " << id.get<std::string>();
    });
    section("reconciled tolls that moved", c.at("tolls_moved"), [&](const json& t) {
        out << t.at("incident").get<std::string>() << "  " << t.at("outcome").get<std::string>() << " " << t.at("category").get<std::string>()
            << ": " << range_text(t.at("before")) << " -> " << range_text(t.at("after"));
    });
    const auto finding = [&](const json& f) {
        out << f.at("incident").get<std::string>() << "  " << f.at("kind").get<std::string>() << " (" << f.at("severity").get<std::string>()
            << "): " << f.at("message").get<std::string>();
    };
    section("findings raised", c.at("findings_raised"), finding);
    section("findings resolved", c.at("findings_resolved"), [&](const json& f) {
        finding(f);
        if (f.at("incident_retired").get<bool>()) out << " [incident retired]";
    });
    section("merges", c.at("merges"), [&](const json& m) {
        bool first = true;
        for (const auto& id : m.at("from")) out << (first ? "" : ", ") << id.get<std::string>(), first = false;
        out << " -> " << m.at("into").get<std::string>();
    });
    section("splits", c.at("splits"), [&](const json& s) {
        out << s.at("from").get<std::string>() << " ->";
        for (const auto& id : s.at("into")) out << " " << id.get<std::string>();
    });
    section("retired ids", c.at("retired"), [&](const json& id) { out << id.get<std::string>(); });
}

}  // namespace reckon::store
