// The rules language end to end: golden diagnostics (full message text), the shipped
// rulesets, and the evaluator's contract (intervals, trust, blocking, matching,
// reconciliation with provenance, analyst decisions, series findings, overrides).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "rules/eval.hpp"
#include "rules/ruleset.hpp"
#include "rules/testing.hpp"
#include "support/atomic_file.hpp"

namespace {
// The 1-based line of `file` that starts with `prefix` (0 if none): provenance must
// point at the rule's own line, wherever edits move it.
std::size_t line_starting(const std::string& file, const std::string& prefix) {
    std::ifstream in(file);
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n)
        if (line.rfind(prefix, 0) == 0) return n;
    return 0;
}
}  // namespace

using namespace reckon;
namespace fs = std::filesystem;

namespace {

const std::string golden_dir = RECKON_SOURCE_DIR "/tests/golden/rules";
const std::string shipped_dir = RECKON_SOURCE_DIR "/rules";

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
        s.replace(at, from.size(), to);
    }
    return s;
}

std::string rendered(const diagnostics& d) {
    std::string out;
    for (const auto& x : d.items()) out += render(x);
    out += d.summary() + "\n";
    return replace_all(out, golden_dir + "/", "");
}

// Compares with NAME.SUFFIX; on a difference (or with RECKON_UPDATE_GOLDEN=1 in the
// environment, our --update-golden) writes NAME.SUFFIX.unapproved for review instead of
// overwriting the approved file.
void compare_golden(const std::string& name, const std::string& suffix, const std::string& actual) {
    const std::string path = golden_dir + "/" + name + suffix;
    std::string expected;
    try {
        expected = read_file(path);
    } catch (const std::exception&) {
    }
    if (expected != actual || std::getenv("RECKON_UPDATE_GOLDEN") != nullptr) {
        std::ofstream(path + ".unapproved", std::ios::binary) << actual;
    }
    INFO("golden file " << path);
    CHECK(actual == expected);
}

// The golden cases, listed explicitly; a test below checks the list against the folder.
const std::vector<std::string> check_cases{"binary", "cycle_a", "deep", "includes", "messages", "names", "scored", "semantics",
                                           "syntax_recovery", "tests", "types", "warnings", "authoring"};
const std::vector<std::string> test_cases{"failing_tests"};

}  // namespace

TEST_CASE("golden cases are all listed", "[rules][golden]") {
    std::set<std::string> on_disk;
    for (const auto& e : fs::directory_iterator(golden_dir)) {
        if (e.path().extension() == ".rules" && e.path().stem() != "cycle_b") on_disk.insert(e.path().stem().string());
    }
    std::set<std::string> listed(check_cases.begin(), check_cases.end());
    listed.insert(test_cases.begin(), test_cases.end());
    CHECK(on_disk == listed);
}

static void check_golden_case(const std::string& name) {
    const auto r = rules::load_ruleset(golden_dir + "/" + name + ".rules");
    CHECK((r.rules == nullptr) == (r.diags.errors() > 0));
    compare_golden(name, ".err", rendered(r.diags));
}

// One CTest test per golden case (the list above is checked against the folder).
#define RULES_GOLDEN_CASE(name) \
    TEST_CASE("golden diagnostics: " #name, "[rules][golden]") { check_golden_case(#name); }
RULES_GOLDEN_CASE(binary)
RULES_GOLDEN_CASE(cycle_a)
RULES_GOLDEN_CASE(deep)
RULES_GOLDEN_CASE(includes)
RULES_GOLDEN_CASE(messages)
RULES_GOLDEN_CASE(names)
RULES_GOLDEN_CASE(scored)
RULES_GOLDEN_CASE(semantics)
RULES_GOLDEN_CASE(syntax_recovery)
RULES_GOLDEN_CASE(tests)
RULES_GOLDEN_CASE(types)
RULES_GOLDEN_CASE(warnings)
RULES_GOLDEN_CASE(authoring)

TEST_CASE("a ruleset with warnings only still loads", "[rules][golden]") {
    const auto r = rules::load_ruleset(golden_dir + "/warnings.rules");
    CHECK(r.rules != nullptr);
    CHECK(r.diags.errors() == 0);
    CHECK(r.diags.warnings() == 5);
}

TEST_CASE("failing rule tests are reported at their expect lines", "[rules][golden]") {
    for (const auto& name : test_cases) {
        const auto r = rules::run_rule_tests(golden_dir + "/" + name + ".rules");
        CHECK(r.tests == 2);
        CHECK(r.passed == 1);
        CHECK(r.failed == 1);
        compare_golden(name, ".test.err", rendered(r.diags));
    }
}

TEST_CASE("an unreadable rules file is reported as such", "[rules]") {
    const auto r = rules::load_ruleset(golden_dir + "/does_not_exist.rules");
    CHECK(r.unreadable);
    CHECK(r.rules == nullptr);
    REQUIRE(r.diags.items().size() == 1);
    CHECK(r.diags.items().front().message == "cannot read rules file: no such file");
}

TEST_CASE("the shipped rulesets check clean and pass their tests", "[rules][shipped]") {
    for (const char* name : {"default.rules", "conservative.rules", "range.rules"}) {
        INFO(name);
        const auto loaded = rules::load_ruleset(shipped_dir + "/" + name);
        CHECK(loaded.diags.empty());
        REQUIRE(loaded.rules != nullptr);
        const auto r = rules::run_rule_tests(shipped_dir + "/" + name);
        CHECK(r.diags.empty());
        CHECK(r.tests >= 3);
        CHECK(r.failed == 0);
        CHECK(r.passed == r.tests);
    }
}

TEST_CASE("the written value of a figure", "[rules][eval]") {
    CHECK(rules::written_value("38") == 38);
    CHECK(rules::written_value("5,812") == 5812);
    CHECK(rules::written_value("Fourteen") == 14);
    CHECK(rules::written_value("twenty-two") == 22);
    CHECK(rules::written_value("two hundred and six") == 206);
    CHECK(rules::written_value("three thousand") == 3000);
    CHECK_FALSE(rules::written_value("dozens"));
    CHECK_FALSE(rules::written_value(""));
    CHECK_FALSE(rules::written_value("12a"));
}

TEST_CASE("a figure written as a count, not as one person", "[rules][eval]") {
    const auto written = [](std::string text, qualifier q = qualifier::exact) {
        claim c;
        c.value_text = std::move(text);
        c.qualifier = q;
        return rules::written_as_count(c);
    };
    CHECK(written("12"));
    CHECK(written("Three"));
    CHECK(written("a dozen"));
    CHECK(written("Dozens", qualifier::vague));
    CHECK(written("20-30", qualifier::range));
    CHECK_FALSE(written("Miller"));
    CHECK_FALSE(written("a man"));
    CHECK_FALSE(written("A fourth victim"));
    CHECK_FALSE(written("the 26-year-old"));
    CHECK_FALSE(written("Marlon Quist, 24"));
    CHECK_FALSE(written("He"));
    CHECK_FALSE(written("3 people named"));
}

namespace {

struct fixture {
    std::shared_ptr<const rules::ruleset> rules;
    std::deque<claim> claims;

    explicit fixture(const std::string& path) {
        auto r = rules::load_ruleset(path);
        INFO(rendered(r.diags));
        REQUIRE(r.rules != nullptr);
        rules = r.rules;
    }

    rules::claim_facts make(const std::string& id, std::int64_t value, qualifier q = qualifier::exact,
                            const std::string& source = "SOHR", const std::string& kind = "monitor") {
        claim c;
        c.id = id;
        c.article = id.substr(0, id.find('@'));
        c.value_text = std::to_string(value);
        c.qualifier = q;
        c.low = value;
        if (q == qualifier::exact || q == qualifier::about) c.high = value;
        if (q == qualifier::more_than) c.low = value + 1;
        if (q == qualifier::up_to) {
            c.low = 0;
            c.high = value;
        }
        c.source = source;
        c.source_text = source;  // attributed: two named sources of one article can disagree
        c.qualifier_text = q == qualifier::more_than ? "more than" : q == qualifier::at_least ? "at least"
                           : q == qualifier::about   ? "about"
                           : q == qualifier::up_to   ? "up to"
                                                     : "";
        c.category = "civilians";
        c.place = "Hajin";
        c.place_key = "hajin";
        c.governorate = "Deir ez-Zor";
        c.event_date = date::of_day(2018, 11, 3);
        claims.push_back(c);
        rules::claim_facts f;
        f.c = &claims.back();
        f.source_kind = kind;
        f.origin = source;
        f.outlet = "outlet";
        f.published = date::of_day(2018, 11, 4);
        return f;
    }
};

std::string show(const rules::interval_result& r) {
    return (r.low ? std::to_string(*r.low) : "none") + " " + (r.best ? std::to_string(*r.best) : "none") + " " +
           (r.high ? std::to_string(*r.high) : "inf");
}

}  // namespace

TEST_CASE("qualifiers give intervals, with the rule that read them", "[rules][eval]") {
    fixture fx(shipped_dir + "/default.rules");
    const auto& rs = *fx.rules;
    CHECK(show(rs.interval_of(fx.make("a@1", 38))) == "38 38 38");
    CHECK(show(rs.interval_of(fx.make("a@2", 14, qualifier::at_least))) == "14 14 inf");
    CHECK(show(rs.interval_of(fx.make("a@3", 30, qualifier::more_than))) == "31 31 inf");
    CHECK(show(rs.interval_of(fx.make("a@4", 40, qualifier::about))) == "36 40 44");
    CHECK(show(rs.interval_of(fx.make("a@5", 10, qualifier::up_to))) == "0 10 10");
    auto vague = fx.make("a@6", 0, qualifier::vague);
    fx.claims.back().vague = "Dozens";
    fx.claims.back().value_text = "dozens";
    fx.claims.back().low.reset();
    fx.claims.back().high.reset();
    CHECK(show(rs.interval_of(vague)) == "24 24 99");
    auto upwards = fx.make("a@7", 40, qualifier::more_than);
    fx.claims.back().qualifier_text = "Nearly";
    CHECK(show(rs.interval_of(upwards)) == "36 39 39");
    const auto r = rs.interval_of(fx.make("a@8", 30, qualifier::more_than));
    CHECK(r.rule.name == "more_than");
    CHECK(r.rule.file == shipped_dir + "/default.rules");
    CHECK(r.rule.line == 31);
}

TEST_CASE("trust by kind, relay chain and copied text", "[rules][eval]") {
    fixture fx(shipped_dir + "/default.rules");
    const auto& rs = *fx.rules;
    CHECK(rs.trust_of(fx.make("t@1", 5, qualifier::exact, "SOHR", "monitor")).weight == Approx(0.9));
    CHECK(rs.trust_of(fx.make("t@1", 5, qualifier::exact, "SOHR", "monitor")).rule.name == "monitors");
    CHECK(rs.trust_of(fx.make("t@2", 5, qualifier::exact, "SANA", "state_media")).weight == Approx(0.4));
    auto copied = fx.make("t@3", 5, qualifier::exact, "SOHR", "monitor");
    copied.copied = true;
    const auto w = rs.trust_of(copied);
    CHECK(w.weight == Approx(0.45));
    CHECK(w.rule.name == "copied_text");
    auto relayed = fx.make("t@4", 5, qualifier::exact, "X", "");
    fx.claims.back().relay = {"AFP", "Reuters"};
    CHECK(rs.trust_of(relayed).weight == Approx(0.45));
}

TEST_CASE("x in [...] is true when x equals one of the listed values", "[rules][eval]") {
    const auto r = rules::load_ruleset_text("trust state = 0.25 when source in [\"SANA\", \"Al-Ikhbariya\"]\n"
                                            "trust counted = 0.75 when value in [3, 5, 8]\n",
                                            "in.rules", rules::file_access::refused);
    INFO(rendered(r.diags));
    REQUIRE(r.rules != nullptr);
    fixture fx(shipped_dir + "/default.rules");
    CHECK(r.rules->trust_of(fx.make("t@1", 12, qualifier::exact, "SANA", "state_media")).weight == Approx(0.25));
    CHECK(r.rules->trust_of(fx.make("t@2", 12, qualifier::exact, "Al-Ikhbariya", "state_media")).weight == Approx(0.25));
    CHECK(r.rules->trust_of(fx.make("t@3", 5, qualifier::exact, "SOHR", "monitor")).weight == Approx(0.75));
    CHECK(r.rules->trust_of(fx.make("t@4", 4, qualifier::exact, "SOHR", "monitor")).weight == Approx(1.0));
}

TEST_CASE("200 alternatives joined by 'or' are not 'nested too deeply'", "[rules][eval]") {
    std::string text = "trust many = 0.5 when source == \"S0\"";
    for (int i = 1; i < 200; ++i) text += " or source == \"S" + std::to_string(i) + "\"";
    std::string listed = "trust many = 0.5 when source in [\"S0\"";
    for (int i = 1; i < 200; ++i) listed += ", \"S" + std::to_string(i) + "\"";
    fixture fx(shipped_dir + "/default.rules");
    for (const auto& rule : {text + "\n", listed + "]\n"}) {
        const auto r = rules::load_ruleset_text(rule, "many.rules", rules::file_access::refused);
        INFO(rendered(r.diags));
        REQUIRE(r.rules != nullptr);
        CHECK(r.rules->trust_of(fx.make("t@1", 5, qualifier::exact, "S199", "monitor")).weight == Approx(0.5));
        CHECK(r.rules->trust_of(fx.make("t@2", 5, qualifier::exact, "S200", "monitor")).weight == Approx(1.0));
    }
}

TEST_CASE("blocking keys respect date precision", "[rules][eval]") {
    fixture fx(shipped_dir + "/default.rules");
    const auto& rs = *fx.rules;
    // The keys of the same_strike rule (same_report blocks by article as well).
    const auto strike_keys = [&](const rules::claim_facts& f) {
        std::vector<std::string> out;
        for (const auto& k : rs.blocking_keys(f))
            if (k.rfind("same_strike|", 0) == 0) out.push_back(k);
        return out;
    };
    const auto has = [](const std::vector<std::string>& keys, const std::string& k) {
        return std::find(keys.begin(), keys.end(), k) != keys.end();
    };
    // A day: the two two-day windows holding 2018-11-03 (exact_days), at Hajin and
    // (inside) its governorate, in the gazetteer's normal form: 2 x 2 keys.
    const auto day = fx.make("b@1", 5);
    const auto keys = strike_keys(day);
    CHECK(keys.size() == 4);
    CHECK(has(keys, "same_strike|Deir ez-Zor|days 2018-11-02..2018-11-03|hajin"));
    CHECK(has(keys, "same_strike|Deir ez-Zor|days 2018-11-03..2018-11-04|deir-ez-zor"));
    CHECK(has(rs.blocking_keys(day), "same_report|b"));
    // A month has no same_strike key: the rule asks for days.
    auto month = fx.make("b@2", 5);
    fx.claims.back().event_date = date::of_month(2018, 2);
    CHECK(strike_keys(month).empty());
    // days(): a day is inside its month; a month is at its own key and inside the
    // months a day away; a year is at each of its months.
    const auto dir = std::filesystem::temp_directory_path() / "reckon-test-rules";
    std::filesystem::create_directories(dir);
    std::ofstream((dir / "days.rules").string()) << "match by_days:\n  block by days(event_date, 1), places(place_key)\n  when a.place == b.place\n";
    fixture dd((dir / "days.rules").string());
    const auto dday = dd.make("d@1", 5);
    const auto dkeys = dd.rules->blocking_keys(dday);
    CHECK(dkeys.size() == 3 * 2);
    CHECK(has(dkeys, "by_days|2018-11|deir-ez-zor"));
    auto dmonth = dd.make("d@2", 5);
    dd.claims.back().event_date = date::of_month(2018, 2);
    const auto mkeys = dd.rules->blocking_keys(dmonth);
    CHECK(mkeys.size() == 3 * 2);  // 2018-02, 2018-01, 2018-03
    CHECK(has(mkeys, "by_days|2018-01|hajin"));
    CHECK(has(mkeys, "by_days|2018-03|hajin"));
    CHECK_FALSE(has(mkeys, "by_days|2018-04|hajin"));
    auto dyear = dd.make("d@3", 5);
    dd.claims.back().event_date = date::of_year(2018);
    CHECK(dd.rules->blocking_keys(dyear).size() == 14 * 2);
    // week(): an imprecise date falls in every week it covers.
    std::ofstream((dir / "weeks.rules").string()) << "match by_week:\n  block by governorate, week(event_date)\n  when a.place == b.place\n";
    fixture wk((dir / "weeks.rules").string());
    const auto wday = wk.make("w@1", 5);
    CHECK(wk.rules->blocking_keys(wday) == std::vector<std::string>{"by_week|Deir ez-Zor|week of 2018-10-29"});
    auto wmonth = wk.make("w@2", 5);
    wk.claims.back().event_date = date::of_month(2018, 2);
    const auto wkeys = wk.rules->blocking_keys(wmonth);
    CHECK(wkeys.size() == 5);  // February 2018 touches the weeks of Jan 29, Feb 5, 12, 19 and 26
    CHECK(wkeys.front() == "by_week|Deir ez-Zor|week of 2018-01-29");
    CHECK(wkeys.back() == "by_week|Deir ez-Zor|week of 2018-02-26");
}

TEST_CASE("matching names the rule that joined or separated two claims", "[rules][eval]") {
    fixture fx(RECKON_TEST_DATA "/rules/decisions.rules");
    const auto& rs = *fx.rules;
    const auto a = fx.make("m@1", 5);
    const auto b = fx.make("m@2", 6, qualifier::exact, "SANA", "state_media");
    auto m = rs.match(a, b);
    CHECK(m.same);
    CHECK(m.rule.name == "same_strike");
    CHECK(m.reason == "joined by rule 'same_strike'");
    auto far = fx.make("m@3", 6);
    fx.claims.back().event_date = date::of_day(2018, 11, 20);
    m = rs.match(a, far);
    CHECK_FALSE(m.same);
    // The scored same_event says why it did not join them: both give the day and the
    // place, so only rare names could join them against same_strike, and rule tests
    // carry no text.
    CHECK(m.reason == "kept apart by rule 'same_event': its condition does not hold");
    auto running = fx.make("m@4", 1100);
    fx.claims.back().kind = claim_kind::cumulative;
    m = rs.match(a, running);
    CHECK_FALSE(m.same);
    CHECK(m.rule.name == "running_totals");
    // Analyst decisions win over the rules.
    auto x1 = fx.make("x@1", 5);
    auto x2 = fx.make("x@2", 5);
    fx.claims.back().governorate = "Hasakeh";
    m = rs.match(x1, x2);
    CHECK(m.same);
    CHECK(m.rule.name == "merge");
    CHECK(m.rule.line == 6);
    CHECK(m.reason == "analyst decision: the coalition's report puts both in one strike");
    auto y1 = fx.make("y@1", 5);
    auto y2 = fx.make("y@2", 5);
    m = rs.match(y1, y2);
    CHECK_FALSE(m.same);
    CHECK(m.rule.name == "split");
}

TEST_CASE("analyst decisions naming claims by their older offset ids apply to those claims", "[rules][eval]") {
    fixture fx(RECKON_TEST_DATA "/rules/old_id_decisions.rules");
    const auto& rs = *fx.rules;
    std::vector<rules::claim_facts> claims{fx.make("d@s1a2b3c4d.0", 20), fx.make("d@s00000300.0", 200),
                                           fx.make("d@s00000500.0", 120, qualifier::exact, "Airwars", "ngo")};
    const std::size_t offsets[] = {100, 300, 500};  // where their figures start
    for (std::size_t i = 0; i < 3; ++i) fx.claims[i].span = {offsets[i], offsets[i] + 2};
    const auto r = rs.reconcile(claims);
    REQUIRE(r.decisions.size() == 3);
    CHECK(r.decisions[1].claim == "d@s00000300.0");
    CHECK_FALSE(r.decisions[1].used);
    CHECK(r.decisions[1].reason == "exclude: a second scrape");
    CHECK(r.decisions[2].used);
    CHECK(r.decisions[2].reason.find("pin: corrected the next day") != std::string::npos);
    REQUIRE(r.figures.size() == 1);
    CHECK(r.figures[0].low == 20);  // the excluded 200 is out; the 120 is pinned to 12
    CHECK(r.figures[0].used == std::vector<std::string>{"d@s1a2b3c4d.0", "d@s00000500.0"});
    // a claim whose figure starts elsewhere is not named
    fx.claims[1].span = {301, 303};
    CHECK(rs.reconcile(claims).decisions[1].reason.find("exclude") == std::string::npos);
}

TEST_CASE("analyst decisions: exclude and pin, with their reasons", "[rules][eval]") {
    fixture fx(RECKON_TEST_DATA "/rules/decisions.rules");
    const auto& rs = *fx.rules;
    REQUIRE(rs.decisions().size() == 4);
    CHECK(rs.decisions()[0].action == "exclude");
    CHECK(rs.decisions()[1].value == 12);
    std::vector<rules::claim_facts> claims{fx.make("d@orig", 20), fx.make("d@dup", 200),
                                           fx.make("d@typo", 120, qualifier::exact, "Airwars", "ngo")};
    const auto r = rs.reconcile(claims);
    REQUIRE(r.decisions.size() == 3);
    CHECK(r.decisions[1].claim == "d@dup");
    CHECK_FALSE(r.decisions[1].used);
    CHECK(r.decisions[1].rule.name == "exclude");
    CHECK(r.decisions[1].reason == "exclude: a second scrape of the same article as d@orig");
    CHECK(r.decisions[2].used);
    CHECK(r.decisions[2].reason ==
          "used by rule 'figures', weight 0.8 from trust rule 'ngos'; pin: the article says 120; the monitor's own "
          "page says 12");
    REQUIRE(r.figures.size() == 1);
    CHECK(r.figures[0].low == 20);  // the pinned 12 and SOHR's 20: the higher floor
    CHECK(r.figures[0].used == std::vector<std::string>{"d@orig", "d@typo"});
    // The override kept its place and took the including file's definition.
    CHECK(r.decisions[0].weight == Approx(0.95));
    CHECK(rs.trust_of(claims[0]).rule.file == RECKON_TEST_DATA "/rules/decisions.rules");
    const auto files = rs.files();
    REQUIRE(files.size() == 2);
    CHECK(fs::path(files[0]).filename() == "default.rules");
    CHECK(files[1] == RECKON_TEST_DATA "/rules/decisions.rules");
    const auto data = rs.data_files();
    REQUIRE(data.count("sources") == 1);
    CHECK(fs::path(data.at("sources")).filename() == "sources.yaml");
    CHECK(fs::exists(data.at("sources")));
}

TEST_CASE("reconciliation records rules and claims on every figure and finding", "[rules][eval]") {
    fixture fx(shipped_dir + "/default.rules");
    const auto& rs = *fx.rules;
    std::vector<rules::claim_facts> claims{fx.make("c@sohr", 28),
                                           fx.make("c@sana", 30, qualifier::more_than, "SANA", "state_media")};
    const auto r = rs.reconcile(claims);
    REQUIRE(r.figures.size() == 1);
    const auto& f = r.figures[0];
    CHECK(f.outcome == outcome::killed);
    CHECK(f.category == "civilians");
    CHECK(f.low == 31);
    CHECK(f.best == 31);
    CHECK_FALSE(f.high);
    CHECK(f.rule.name == "figures");
    CHECK(f.rule.line == line_starting(f.rule.file, "reconcile figures for"));
    CHECK(f.used == std::vector<std::string>{"c@sana", "c@sohr"});
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].kind == "conflict");
    CHECK(r.findings[0].severity == "high");
    CHECK(r.findings[0].message == "SANA reports more than 30 civilians where SOHR reports 28 civilians: both cannot hold");
    CHECK(r.findings[0].claims == std::vector<std::string>{"c@sana", "c@sohr"});
    CHECK(r.findings[0].rule.line == line_starting(r.findings[0].rule.file, "finding conflict (high)"));
    CHECK(r.grading.label == "contested");
    CHECK(r.grading.rule.name == "contested");
}

TEST_CASE("a cumulative series that falls gives a finding", "[rules][eval]") {
    fixture fx(shipped_dir + "/default.rules");
    const auto& rs = *fx.rules;
    auto a = fx.make("s@1", 1100, qualifier::more_than, "US-led coalition", "military");
    auto b = fx.make("s@2", 883, qualifier::exact, "US-led coalition", "military");
    b.published = date::of_day(2018, 12, 1);
    auto found = rs.series_findings({a, b});
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == "falling_total");
    CHECK(found[0].message == "the running total of US-led coalition fell from more than 1100 civilians on 2018-11-04 to 883 civilians on 2018-12-01");
    b.published = date::of_day(2018, 4, 26);
    CHECK(rs.series_findings({b, a}).empty());
}

TEST_CASE("pair findings over large incidents find the same witness", "[rules][eval]") {
    fixture fx(shipped_dir + "/default.rules");
    const auto& rs = *fx.rules;
    std::vector<rules::claim_facts> claims;
    for (int i = 0; i < 12; ++i) {
        claims.push_back(fx.make("art" + std::to_string(i) + "@1", 10 + i));
        fx.claims.back().category = i % 2 == 0 ? "civilians" : "children";
    }
    for (const auto& f : rs.reconcile(claims).findings) CHECK(f.kind != "breakdown_exceeds_total");  // no shared article
    claims.push_back(fx.make("k@total", 12));
    claims.push_back(fx.make("k@part", 17));
    fx.claims.back().category = "children";
    const auto r = rs.reconcile(claims);
    const rules::finding* hit = nullptr;
    for (const auto& f : r.findings) {
        if (f.kind == "breakdown_exceeds_total") hit = &f;
    }
    REQUIRE(hit != nullptr);
    CHECK(hit->claims == std::vector<std::string>{"k@part", "k@total"});
    CHECK(hit->message == "SOHR reports 17 children, more than the 12 civilians SOHR reports in total");
}

TEST_CASE("every function of the language gives the result its rule test expects", "[rules][eval]") {
    const auto r = rules::run_rule_tests(RECKON_TEST_DATA "/rules/functions.rules");
    INFO(rendered(r.diags));
    CHECK(r.diags.empty());
    CHECK(r.tests == 9);
    CHECK(r.passed == 9);
}

TEST_CASE("an unused figure the text tells as a part says so, not that it was counted once", "[rules][eval]") {
    fixture fx(shipped_dir + "/default.rules");
    const auto& rs = *fx.rules;
    // one source: a revised toll of 11 and, in the same sentence, "three of the injured had died"
    std::vector<rules::claim_facts> claims{fx.make("m@s1.0", 11, qualifier::exact, "Health Ministry", "government"),
                                           fx.make("m@s1.1", 3, qualifier::exact, "Health Ministry", "government")};
    fx.claims[1].relation = "part";
    const auto r = rs.reconcile(claims);
    REQUIRE(r.decisions.size() == 2);
    CHECK(r.decisions[0].used);
    CHECK_FALSE(r.decisions[1].used);
    CHECK(r.decisions[1].reason == "not read by any figure: the text tells it as a part of another figure");
    // the same figure without the relation is one source's figure told twice
    fx.claims[1].relation.clear();
    CHECK(rs.reconcile(claims).decisions[1].reason.rfind("counted once with m@s1.0", 0) == 0);
}

namespace {

// The kinds of findings of `claims` that name both `x` and `y`.
std::vector<std::string> pair_findings(const rules::ruleset& rs, const std::vector<rules::claim_facts>& claims, const std::string& x,
                                       const std::string& y) {
    std::vector<std::string> kinds;
    for (const auto& f : rs.reconcile(claims).findings) {
        const auto has = [&](const std::string& id) { return std::find(f.claims.begin(), f.claims.end(), id) != f.claims.end(); };
        if (has(x) && has(y)) kinds.push_back(f.kind);
    }
    return kinds;
}

bool has_kind(const std::vector<std::string>& kinds, const std::string& kind) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

}  // namespace

TEST_CASE("a toll for several days holds the day's: no conflict between two stretches of time (same_span)", "[rules][eval][scope]") {
    fixture fx(shipped_dir + "/default.rules");
    const auto& rs = *fx.rules;
    // the civil defence's 40 killed "from Monday to Wednesday" against the monitor's 12 on Tuesday
    std::vector<rules::claim_facts> claims{fx.make("d1@s1.0", 12, qualifier::exact, "SOHR", "monitor"),
                                           fx.make("d2@s1.0", 40, qualifier::exact, "Civil defence", "ngo")};
    fx.claims[1].event_date = date::of_period(date::of_day(2018, 11, 2).first_day(), date::of_day(2018, 11, 4).first_day());
    CHECK_FALSE(has_kind(pair_findings(rs, claims, "d1@s1.0", "d2@s1.0"), "conflict"));
    // a month's toll against a day's: no dispute either
    fx.claims[1].event_date = date::of_month(2018, 11);
    CHECK_FALSE(has_kind(pair_findings(rs, claims, "d1@s1.0", "d2@s1.0"), "conflict"));
    // the same day, the two counts disagree
    fx.claims[1].event_date = fx.claims[0].event_date;
    CHECK(has_kind(pair_findings(rs, claims, "d1@s1.0", "d2@s1.0"), "conflict"));
    // a figure with no date of its own is the incident's day: still a dispute
    fx.claims[1].event_date = date{};
    CHECK(has_kind(pair_findings(rs, claims, "d1@s1.0", "d2@s1.0"), "conflict"));
}

TEST_CASE("one origin's toll for a day and for the days around it do not contradict each other", "[rules][eval][scope]") {
    fixture fx(shipped_dir + "/default.rules");
    const auto& rs = *fx.rules;
    std::vector<rules::claim_facts> claims{fx.make("s1@s1.0", 30), fx.make("s2@s1.0", 12)};
    claims[1].published = date::of_day(2018, 11, 6);
    fx.claims[0].event_date = date::of_period(date::of_day(2018, 11, 1).first_day(), date::of_day(2018, 11, 3).first_day());
    CHECK_FALSE(has_kind(pair_findings(rs, claims, "s1@s1.0", "s2@s1.0"), "self_contradiction"));
    fx.claims[0].event_date = fx.claims[1].event_date;
    CHECK(has_kind(pair_findings(rs, claims, "s1@s1.0", "s2@s1.0"), "self_contradiction"));
}

TEST_CASE("the two sides of a battle are two counts, and a party outlet counts the enemy unnamed (same_side)", "[rules][eval][scope]") {
    fixture fx(shipped_dir + "/default.rules");
    const auto& rs = *fx.rules;
    // the monitor's 40 regime soldiers against state TV's 30 "terrorists" killed the same day
    std::vector<rules::claim_facts> claims{fx.make("b1@s1.0", 40, qualifier::exact, "SOHR", "monitor"),
                                           fx.make("b2@s1.0", 30, qualifier::exact, "Al-Alam", "state_media")};
    for (auto& c : fx.claims) c.category = "fighters";
    fx.claims[0].side = "regime";
    claims[1].source_fields["side"] = "regime";  // sources.yaml: the outlet speaks for the regime
    CHECK_FALSE(has_kind(pair_findings(rs, claims, "b1@s1.0", "b2@s1.0"), "conflict"));
    // an outlet that speaks for no side: its unnamed count may be anyone's, so it disputes the 40
    claims[1].source_fields.erase("side");
    CHECK(has_kind(pair_findings(rs, claims, "b1@s1.0", "b2@s1.0"), "conflict"));
    // the party's outlet against a count of its enemy (IS): the same dead, a dispute
    claims[1].source_fields["side"] = "regime";
    fx.claims[0].side = "IS";
    CHECK(has_kind(pair_findings(rs, claims, "b1@s1.0", "b2@s1.0"), "conflict"));
    // two named sides are two counts, whoever tells them
    fx.claims[1].side = "regime";
    CHECK_FALSE(has_kind(pair_findings(rs, claims, "b1@s1.0", "b2@s1.0"), "conflict"));
    // civilians have no side: the outlet's unnamed count of civilians is anyone's
    for (auto& c : fx.claims) {
        c.category = "civilians";
        c.side.clear();
    }
    fx.claims[0].side = "regime";
    CHECK(has_kind(pair_findings(rs, claims, "b1@s1.0", "b2@s1.0"), "conflict"));
}
