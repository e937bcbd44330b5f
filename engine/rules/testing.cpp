// Runs the rule tests of a rules file: builds the claims a test describes, reconciles
// them as one incident (and as one cumulative series, in publication order), and
// compares every expectation, reporting each failure at the line of its `expect`.
#include <algorithm>
#include <array>
#include <cmath>

#include "rules/eval.hpp"
#include "rules/testing.hpp"

namespace reckon::rules {

namespace {

// "AFP; Reuters" -> {"AFP", "Reuters"}: a ';'-separated list, items trimmed, empty ones dropped.
std::vector<std::string> split_list(const std::string& val) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t k = 0; k <= val.size(); ++k) {
        if (k == val.size() || val[k] == ';') {
            std::string part = val.substr(start, k - start);
            while (!part.empty() && part.front() == ' ') part.erase(part.begin());
            while (!part.empty() && part.back() == ' ') part.pop_back();
            if (!part.empty()) out.push_back(std::move(part));
            start = k + 1;
        }
    }
    return out;
}

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

std::string show(const std::optional<std::int64_t>& v, bool high) {
    if (!v) return high ? "inf" : "none";
    return std::to_string(*v);
}

std::string show_number(double x) {
    if (x == std::floor(x)) return std::to_string(static_cast<long long>(x));
    std::string s = std::to_string(x);
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
}

struct built {
    std::vector<claim> claims;
    std::vector<claim_facts> facts;
    std::map<std::string, article_figures> told;  // by article, for tells_figure()
};

built build_claims(const ast::statement& t) {
    built b;
    b.claims.resize(t.claims.size());
    b.facts.resize(t.claims.size());
    for (std::size_t i = 0; i < t.claims.size(); ++i) {
        const auto& tc = t.claims[i];
        claim& c = b.claims[i];
        claim_facts& f = b.facts[i];
        c.id = tc.id;
        c.article = tc.id.substr(0, tc.id.find('@'));
        c.outcome = tc.outcome == "injured" ? outcome::injured : tc.outcome == "missing" ? outcome::missing : outcome::killed;
        c.category = tc.category;
        const auto v = tc.value ? std::optional<std::int64_t>(static_cast<std::int64_t>(*tc.value)) : std::nullopt;
        const std::string& q = tc.qualifier;
        if (q.empty() || q == "exact") {
            c.qualifier = qualifier::exact;
            c.low = c.high = v;
        } else if (q == "at_least") {
            c.qualifier = qualifier::at_least;
            c.low = v;
        } else if (q == "more_than") {
            c.qualifier = qualifier::more_than;
            if (v) c.low = *v + 1;
        } else if (q == "about") {
            c.qualifier = qualifier::about;
            c.low = c.high = v;
        } else if (q == "up_to") {
            c.qualifier = qualifier::up_to;
            c.low = 0;
            c.high = v;
        } else if (q == "range") {
            c.qualifier = qualifier::range;
            c.low = v;
            c.high = tc.value2 ? std::optional<std::int64_t>(static_cast<std::int64_t>(*tc.value2)) : v;
        } else {
            c.qualifier = qualifier::vague;
            c.vague = q;
        }
        if (v) c.value_text = std::to_string(*v);
        if (c.qualifier == qualifier::vague) c.value_text = q;
        for (const auto& [key, val] : tc.fields) {
            if (key == "source") c.source = val;
            else if (key == "kind") f.source_kind = val;
            else if (key == "origin") f.origin = val;
            else if (key == "outlet") f.outlet = val;
            else if (key == "published") f.published = date::parse_iso(val).value_or(date{});
            else if (key == "event_date") c.event_date = date::parse_iso(val).value_or(date{});
            else if (key == "place") c.place = val;
            else if (key == "place_key") c.place_key = val;
            else if (key == "governorate") c.governorate = val;
            else if (key == "actor") c.actor = val;
            else if (key == "attack") c.attack = val;
            else if (key == "relation") c.relation = val;
            else if (key == "period") c.period = val;
            else if (key == "group") c.group = val;
            else if (key == "localities") c.localities = val;
            else if (key == "day_named") c.day_named = val == "true" || val == "yes";
            else if (key == "event") c.event = std::stoi(val);
            else if (key == "relay") {
                for (auto& part : split_list(val)) c.relay.push_back(std::move(part));
            }
            else if (key == "copied") f.copied = val == "true" || val == "yes";
            else if (key == "copied_from") f.article_copied_from = val;  // the test's text outlives its claims
            else if (key == "within") {
                for (const auto& part : split_list(val)) f.place_parents.push_back(lower(part));
            }
            else if (key == "parent") c.parent = val;
            else if (key == "text") c.value_text = val;
            else if (key == "qualifier_text") c.qualifier_text = val;
            else if (key == "scope") c.scope = val;
            else if (key == "side") c.side = val;
            else if (key == "article") c.article = val;
            else if (key == "source_text") c.source_text = val;
            else if (key == "cumulative") c.kind = (val == "true" || val == "yes") ? claim_kind::cumulative : claim_kind::incident;
            else if (key.rfind("field_", 0) == 0) f.source_fields[key.substr(6)] = val;
        }
        if (c.place_key.empty()) c.place_key = lower(c.place);
        if (f.origin.empty()) f.origin = c.source;
    }
    for (const auto& c : b.claims)
        if (c.kind == claim_kind::incident) b.told[c.article].push_back(told_figure::of(c));
    // The killed and injured figures reported with each claim, for figures(): its own
    // exact value for its outcome, and the first exact figure of the other outcome in its
    // article (the audit prefers one in the same sentence; a test claim has none).
    const auto exact_value = [](const claim& c) -> std::int64_t {
        return c.kind == claim_kind::incident && c.parent.empty() && c.low && c.qualifier == qualifier::exact ? *c.low : -1;
    };
    std::map<std::string, std::array<std::int64_t, 2>> first_of;  // by article: killed, injured
    for (const auto& c : b.claims) {
        const auto v = exact_value(c);
        if (v < 0 || c.outcome == outcome::missing) continue;
        auto& first = first_of.emplace(c.article, std::array<std::int64_t, 2>{-1, -1}).first->second;
        auto& slot = first[c.outcome == outcome::killed ? 0 : 1];
        if (slot < 0) slot = v;
    }
    for (std::size_t i = 0; i < b.claims.size(); ++i) {
        const claim& c = b.claims[i];
        claim_facts& f = b.facts[i];
        f.c = &c;
        f.told = &b.told[c.article];
        if (c.kind != claim_kind::incident || c.outcome == outcome::missing) continue;
        const auto it = first_of.find(c.article);
        const bool killed = c.outcome == outcome::killed;
        (killed ? f.killed : f.injured) = exact_value(c);
        if (it != first_of.end()) (killed ? f.injured : f.killed) = it->second[killed ? 1 : 0];
    }
    return b;
}

class test_runner {
public:
    test_runner(const ruleset& rules, const std::string& file, const std::string& text, test_report& report)
        : m_rules(rules), m_file(file), m_text(text), m_report(report) {}

    bool explain = false;

    void run(const ast::statement& t) {
        ++m_report.tests;
        built b = build_claims(t);
        const incident_result r = m_rules.reconcile(b.facts);
        if (explain) m_report.transcript += describe(t, r);
        std::vector<claim_facts> series = b.facts;
        std::stable_sort(series.begin(), series.end(), [](const claim_facts& x, const claim_facts& y) {
            return x.published.known() && y.published.known() && x.published.first_day() < y.published.first_day();
        });
        const auto series_findings = m_rules.series_findings(series);
        std::size_t failures = 0;
        const auto fail = [&](const ast::test_expect& x, const std::string& what) {
            ++failures;
            diagnostic d;
            d.file = m_file;
            d.line = x.pos.line;
            d.column = x.pos.column;
            d.length = x.pos.length;
            d.message = "test '" + t.name + "' failed: " + what;
            d.source_line = std::string(position_of(m_text, x.pos.byte).line_text);
            m_report.diags.add(std::move(d));
        };
        const auto facts_of = [&](const std::string& id) -> const claim_facts* {
            for (const auto& f : b.facts) {
                if (f.c->id == id) return &f;
            }
            return nullptr;
        };
        for (const auto& x : t.expects) {
            if (x.what == "figure") {
                const figure* fig = nullptr;
                for (const auto& g : r.figures) {
                    if (to_string(g.outcome) == x.outcome && g.category == x.category) fig = &g;
                }
                const std::string name = x.outcome + "." + x.category;
                if (fig == nullptr) {
                    fail(x, "expected a figure for " + name + ", got none");
                    continue;
                }
                const auto check = [&](const char* which, const std::optional<double>& want, bool want_open,
                                       const std::optional<std::int64_t>& got, bool high) {
                    if (!want && !want_open) return;
                    const bool ok = want_open ? !got : (got && static_cast<double>(*got) == *want);
                    if (!ok) {
                        fail(x, "expected " + name + " " + which + " " + (want_open ? (high ? "inf" : "none") : show_number(*want)) +
                                    ", got " + show(got, high) + " (rule '" + fig->rule.name + "')");
                    }
                };
                check("low", x.low, false, fig->low, false);
                check("best", x.best, x.best_none, fig->best, false);
                check("high", x.high, x.high_inf, fig->high, true);
            } else if (x.what == "finding" || x.what == "no_finding" || x.what == "series_finding" ||
                       x.what == "no_series_finding") {
                const bool series_kind = x.what.find("series") != std::string::npos;
                const auto& list = series_kind ? series_findings : r.findings;
                const finding* hit = nullptr;
                for (const auto& f : list) {
                    if (f.kind != x.name) continue;
                    const bool has_all = std::all_of(x.ids.begin(), x.ids.end(), [&](const std::string& id) {
                        return std::find(f.claims.begin(), f.claims.end(), id) != f.claims.end();
                    });
                    if (has_all) hit = &f;
                }
                const bool want = x.what.rfind("no_", 0) != 0;
                const std::string label = std::string(series_kind ? "series finding '" : "finding '") + x.name + "'";
                if (want && hit == nullptr) {
                    std::string got;
                    for (const auto& f : list) got += (got.empty() ? "" : ", ") + f.kind;
                    std::string on;
                    for (const auto& id : x.ids) on += (on.empty() ? " on " : ", ") + ("'" + id + "'");
                    fail(x, "expected " + label + on + ", got " + (got.empty() ? "no findings" : got));
                } else if (!want && hit != nullptr) {
                    fail(x, "expected no " + label + ", got: " + hit->message);
                }
            } else if (x.what == "grade") {
                if (r.grading.label != x.name) {
                    fail(x, "expected grade '" + x.name + "', got " +
                                (r.grading.label.empty() ? std::string("no grade") : "'" + r.grading.label + "'"));
                }
            } else if (x.what == "same" || x.what == "apart") {
                const auto* a = facts_of(x.ids.at(0));
                const auto* c = facts_of(x.ids.at(1));
                if (a == nullptr || c == nullptr) continue;
                const auto m = m_rules.match(*a, *c);
                if (m.same != (x.what == "same")) {
                    fail(x, "expected '" + x.ids[0] + "' and '" + x.ids[1] + "' " +
                                (x.what == "same" ? "in one incident" : "apart") + ", got " + m.reason);
                }
            } else if (x.what == "used" || x.what == "unused") {
                for (const auto& id : x.ids) {
                    for (const auto& d : r.decisions) {
                        if (d.claim == id && d.used != (x.what == "used")) {
                            fail(x, "expected '" + id + "' " + (x.what == "used" ? "used" : "unused") + ", got " +
                                        (d.used ? "used" : "unused") + " (" + d.reason + ")");
                        }
                    }
                }
            } else if (x.what == "weight") {
                for (const auto& d : r.decisions) {
                    if (d.claim == x.ids.at(0) && std::fabs(d.weight - *x.number) > 1e-9) {
                        fail(x, "expected weight " + show_number(*x.number) + " for '" + d.claim + "', got " +
                                    show_number(d.weight));
                    }
                }
            }
        }
        if (failures == 0) ++m_report.passed;
        else ++m_report.failed;
    }

private:
    static std::string where(const rule_ref& r) { return r.name + " (" + r.file + ":" + std::to_string(r.line) + ")"; }

    static std::string describe(const ast::statement& t, const incident_result& r) {
        std::string out = "test " + t.name + (t.description.empty() ? "" : ": " + t.description) + "\n";
        for (const auto& f : r.figures) {
            out += "  figure " + std::string(to_string(f.outcome)) + "." + f.category + ": low " + show(f.low, false) +
                   ", best " + show(f.best, false) + ", high " + show(f.high, true) + "  <- " + where(f.rule) + " from";
            for (const auto& id : f.used) out += " " + id;
            out += "\n";
        }
        for (const auto& f : r.findings) {
            out += "  finding " + f.kind + " (" + f.severity + "): " + f.message + "  <- " + where(f.rule) + " on";
            for (const auto& id : f.claims) out += " " + id;
            out += "\n";
        }
        out += "  grade " + (r.grading.label.empty() ? std::string("none") : r.grading.label + "  <- " + where(r.grading.rule)) + "\n";
        for (const auto& d : r.decisions) {
            out += "  claim " + d.claim + ": " + (d.used ? "used" : "not used") + ", weight " + show_number(d.weight) +
                   ", " + d.reason + "\n";
        }
        return out;
    }

    const ruleset& m_rules;
    const std::string& m_file;
    const std::string& m_text;
    test_report& m_report;
};

}  // namespace

test_report run_rule_tests(const std::string& path, bool explain) {
    test_report report;
    auto loaded = load_ruleset(path);
    report.unreadable = loaded.unreadable;
    report.diags.append(loaded.diags);
    if (!loaded.rules) {
        report.load_failed = true;
        return report;
    }
    const compiled* c = compiled_of(*loaded.rules);
    const ast::file* root = nullptr;
    for (const auto& f : c->sources) {
        if (f->path == path) root = f.get();
    }
    if (root == nullptr) return report;
    test_runner runner(*loaded.rules, path, root->text, report);
    runner.explain = explain;
    for (const auto* t : c->tests) {
        if (t->file == path) runner.run(*t);
    }
    report.diags.sort();
    return report;
}

}  // namespace reckon::rules
