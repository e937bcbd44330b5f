// Blocking keys with roles (days(), places()) and the sweep that finds ordered pairs in
// `any a, b`: both are shortcuts, so each is checked against the slow way on random
// claims: the fine blocking must join exactly the pairs a coarse blocking joins, and the
// sweep must find exactly the findings of the plain pair loop.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "match/incidents.hpp"
#include "rules/ruleset.hpp"

using namespace reckon;

namespace {

std::shared_ptr<const rules::ruleset> ruleset_from(const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() / "reckon-test-blocking";
    std::filesystem::create_directories(dir);
    const auto path = (dir / (name + ".rules")).string();
    std::ofstream(path) << text;
    auto loaded = rules::load_ruleset(path);
    INFO(name << ": " << loaded.diags.errors() << " errors");
    REQUIRE(loaded.rules != nullptr);
    return loaded.rules;
}

// The default ruleset's match condition, under a given blocking.
std::string same_strike(const std::string& block) {
    return "match same_strike:\n  block by " + block +
           "\n  when known(a.event_date) and known(b.event_date)\n"
           "   and a.place_key != \"\" and b.place_key != \"\"\n"
           "   and same_place(a, b)\n"
           "   and days_between(a.event_date, b.event_date) <= 1\n";
}

// A small gazetteer: villages in districts in governorates, as claim_facts see it.
struct place_choice {
    const char* key;
    const char* governorate;
    std::vector<std::string> parents;  // nearest first
};

const std::vector<place_choice>& places() {
    static const std::vector<place_choice> p{
        {"hajin", "Deir ez-Zor", {"abu-kamal-district", "deir-ez-zor"}},
        {"sousa", "Deir ez-Zor", {"abu-kamal-district", "deir-ez-zor"}},
        {"al-shaafa", "Deir ez-Zor", {"abu-kamal-district", "deir-ez-zor"}},
        {"hajin, sousa and al-shaafa", "Deir ez-Zor", {"abu-kamal-district", "deir-ez-zor"}},
        {"abu-kamal-district", "Deir ez-Zor", {"deir-ez-zor"}},
        {"deir-ez-zor", "Deir ez-Zor", {}},
        {"Deir ez-Zor", "Deir ez-Zor", {}},
        {"mayadin", "Deir ez-Zor", {"deir-ez-zor"}},
        {"an unknown farm", "Deir ez-Zor", {}},
        {"raqqa", "Raqqa", {"raqqa-governorate"}},
        {"tabqa", "Raqqa", {"raqqa-governorate"}},
        {"raqqa-governorate", "Raqqa", {}},
        {"", "Raqqa", {}},
    };
    return p;
}

date random_date(std::mt19937& rng) {
    const int kind = static_cast<int>(rng() % 20);
    if (kind == 0) return {};
    if (kind == 1) return date::of_month(2018, 10 + static_cast<int>(rng() % 3));
    if (kind == 2) return date::of_year(2018);
    // Days around month ends, so that windows cross months and weeks.
    return civil_from_days(days_from_civil(2018, 10, 25) + static_cast<std::int64_t>(rng() % 40));
}

// 300 claims at random places and dates (see places(), random_date()).
struct random_corpus {
    std::vector<claim> claims;
    std::vector<rules::claim_facts> facts;
    explicit random_corpus(unsigned seed) : claims(300), facts(300) {
        std::mt19937 rng(seed);
        for (std::size_t i = 0; i < claims.size(); ++i) {
            const auto& p = places()[rng() % places().size()];
            claim& c = claims[i];
            c.id = "art" + std::to_string(i) + "@1";
            c.article = "art" + std::to_string(i);
            c.place_key = p.key;
            c.place = p.key;
            c.governorate = p.governorate;
            c.event_date = random_date(rng);
            c.low = c.high = 1 + static_cast<std::int64_t>(rng() % 50);
            facts[i].c = &c;
            facts[i].place_parents = p.parents;
        }
    }
};

std::vector<std::pair<std::size_t, std::size_t>> joined_pairs(const match::match_output& m) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (const auto& d : m.joined) out.emplace_back(d.a, d.b);
    return out;
}

// Whether two claims with these cells (each sorted, one per key) are compared in some
// block: a shared key that not both are inside of in any part (rules::block_cell).
bool cells_meet(const std::vector<rules::block_cell>& a, const std::vector<rules::block_cell>& b) {
    for (const auto& x : a)
        for (const auto& y : b)
            if (x.key == y.key && (x.inside & y.inside) == 0) return true;
    return false;
}

// On 20 random corpora the fine blocking judges fewer pairs and joins exactly the pairs
// (and forms exactly the incidents) of the coarse one.
void same_joins_on_random_corpora(const rules::ruleset& coarse, const rules::ruleset& fine) {
    for (unsigned seed = 1; seed <= 20; ++seed) {
        const random_corpus corpus(seed);
        const auto slow = match::group_incidents(corpus.facts, coarse);
        const auto quick = match::group_incidents(corpus.facts, fine);
        INFO("seed " << seed);
        REQUIRE(!slow.joined.empty());
        CHECK(joined_pairs(quick) == joined_pairs(slow));
        CHECK(quick.pairs_judged < slow.pairs_judged);
        std::vector<std::vector<std::size_t>> groups_slow, groups_quick;
        for (const auto& g : slow.groups) groups_slow.push_back(g.members);
        for (const auto& g : quick.groups) groups_quick.push_back(g.members);
        CHECK(groups_quick == groups_slow);
    }
}

}  // namespace

TEST_CASE("days() and places() blocking joins exactly the pairs a governorate blocking joins", "[match][blocking]") {
    const auto coarse = ruleset_from("coarse", same_strike("governorate"));
    const auto fine = ruleset_from("fine", same_strike("governorate, days(event_date, 1), places(place_key)"));
    same_joins_on_random_corpora(*coarse, *fine);
}

TEST_CASE("exact_days() joins exactly what a governorate blocking joins when the rule asks for days", "[match][blocking]") {
    const std::string day_condition =
        "  when precision(a.event_date) == \"day\" and precision(b.event_date) == \"day\"\n"
        "   and a.place_key != \"\" and b.place_key != \"\"\n"
        "   and same_place(a, b)\n"
        "   and days_between(a.event_date, b.event_date) <= 1\n";
    const auto coarse = ruleset_from("coarse_days", "match same_strike:\n  block by governorate\n" + day_condition);
    const auto fine = ruleset_from("fine_days", "match same_strike:\n  block by governorate, exact_days(event_date, 1), places(place_key)\n" + day_condition);
    same_joins_on_random_corpora(*coarse, *fine);
    // A month has no exact_days key: it is compared with nobody under this rule.
    claim month;
    month.place_key = "hajin";
    month.governorate = "Deir ez-Zor";
    month.event_date = date::of_month(2018, 11);
    rules::claim_facts fm;
    fm.c = &month;
    CHECK(fine->blocking_cells(fm).empty());
}

TEST_CASE("a province-wide figure is at its province and a village inside it", "[match][blocking]") {
    const auto fine = ruleset_from("fine_roles", same_strike("days(event_date, 1), places(place_key)"));
    claim village, province;
    village.place_key = "hajin";
    village.governorate = "Deir ez-Zor";
    village.event_date = date::of_day(2018, 11, 11);
    province.place_key = "deir-ez-zor";
    province.governorate = "Deir ez-Zor";
    province.event_date = date::of_month(2018, 11);
    rules::claim_facts fv, fp;
    fv.c = &village;
    fv.place_parents = {"abu-kamal-district", "deir-ez-zor"};
    fp.c = &province;
    const auto cv = fine->blocking_cells(fv);
    const auto cp = fine->blocking_cells(fp);
    const auto find = [](const std::vector<rules::block_cell>& cells, const std::string& key) -> const rules::block_cell* {
        for (const auto& c : cells)
            if (c.key == key) return &c;
        return nullptr;
    };
    // The village's day sits in two two-day windows (one per offset), at the village.
    const auto* at_village = find(cv, "same_strike|days 2018-11-10..2018-11-11|hajin");
    const auto* at_village2 = find(cv, "same_strike|days 2018-11-11..2018-11-12|hajin");
    REQUIRE(at_village != nullptr);
    REQUIRE(at_village2 != nullptr);
    CHECK(at_village->inside == 0);
    // Inside its month (date part, bit 0) and inside its province (place part, bit 1).
    const auto* month_province = find(cv, "same_strike|2018-11|deir-ez-zor");
    REQUIRE(month_province != nullptr);
    CHECK(month_province->inside == 3u);
    // The province-wide figure of that month is at both parts of that key: they meet.
    const auto* p = find(cp, "same_strike|2018-11|deir-ez-zor");
    REQUIRE(p != nullptr);
    CHECK(p->inside == 0);
    CHECK(cells_meet(cv, cp));
    // Two villages meet through nothing but their own place.
    claim other = village;
    other.place_key = "sousa";
    rules::claim_facts fo = fv;
    fo.c = &other;
    CHECK_FALSE(cells_meet(cv, fine->blocking_cells(fo)));
    // An unknown date or no place gives no key at all.
    claim undated = village;
    undated.event_date = {};
    rules::claim_facts fu = fv;
    fu.c = &undated;
    CHECK(fine->blocking_cells(fu).empty());
}

TEST_CASE("days() and places() are refused outside block by, with a located error", "[rules][blocking]") {
    const auto dir = std::filesystem::temp_directory_path() / "reckon-test-blocking";
    std::filesystem::create_directories(dir);
    const auto path = (dir / "misplaced.rules").string();
    std::ofstream(path) << "match m:\n  block by days(event_date, 40)\n  when places(a.place) == \"x\"\n";
    const auto loaded = rules::load_ruleset(path);
    CHECK(loaded.rules == nullptr);
    std::string text;
    for (const auto& d : loaded.diags.items()) text += render(d);
    CHECK(text.find("misplaced.rules:2:") != std::string::npos);
    CHECK(text.find("the window of 'days' must be a whole number of days from 0 to 31") != std::string::npos);
    CHECK(text.find("misplaced.rules:3:") != std::string::npos);
    CHECK(text.find("'places' gives blocking keys: use it after 'block by'") != std::string::npos);
}

namespace {

struct series_case {
    const char* name;
    const char* condition;  // the sweep's shape, in one of its spellings
};

}  // namespace

TEST_CASE("ordered pairs found by the sweep are those of the plain loop", "[rules][sweep]") {
    // Each condition has the sweep's shape; the same with `and a.id != b.id` added does
    // not, so it runs the plain pair loop. Findings (and their witnesses) must agree.
    const std::vector<series_case> cases{
        {"later_lower", "a.origin == b.origin and a.published < b.published and b.high < a.low"},
        {"reversed", "a.origin == b.origin and b.published > a.published and a.low > b.high"},
        {"not_strict", "a.origin == b.origin and a.published <= b.published and b.high <= a.low"},
        {"earlier_higher", "a.origin == b.origin and b.published < a.published and a.high < b.low"},
        {"numbers", "a.origin == b.origin and a.high < b.high and b.low < a.low"},
    };
    for (const auto& sc : cases) {
        const std::string finding = std::string("finding f (medium) in series:\n  when any a, b in claims: ") + sc.condition;
        const auto quick = ruleset_from(std::string("sweep_") + sc.name, finding + "\n  say \"{a.id} {b.id}\"\n");
        const auto slow = ruleset_from(std::string("plain_") + sc.name, finding + " and a.id != b.id\n  say \"{a.id} {b.id}\"\n");
        std::size_t found = 0;
        for (unsigned seed = 1; seed <= 200; ++seed) {
            std::mt19937 rng(seed);
            const std::size_t n = 2 + rng() % 40;
            std::vector<claim> claims(n);
            std::vector<rules::claim_facts> facts(n);
            const bool rising = seed % 3 != 0;  // mostly rising series: few or no witnesses
            for (std::size_t i = 0; i < n; ++i) {
                claim& c = claims[i];
                c.id = "s" + std::to_string(i) + "@1";
                c.kind = claim_kind::cumulative;
                const std::int64_t v = rising ? static_cast<std::int64_t>(i * 10 + rng() % 25) : static_cast<std::int64_t>(rng() % 100);
                c.low = v;
                c.value_text = std::to_string(v);
                if (rng() % 4 != 0) c.high = v + static_cast<std::int64_t>(rng() % 3);
                facts[i].c = &c;
                facts[i].origin = rng() % 3 == 0 ? "SANA" : "SOHR";
                facts[i].published = civil_from_days(days_from_civil(2018, 1, 1) + static_cast<std::int64_t>(i / 2 + rng() % 3));
            }
            const auto a = quick->series_findings(facts);
            const auto b = slow->series_findings(facts);
            INFO(sc.name << ", seed " << seed);
            REQUIRE(a.size() == b.size());
            for (std::size_t k = 0; k < a.size(); ++k) {
                CHECK(a[k].claims == b[k].claims);
                CHECK(a[k].message == b[k].message);
            }
            found += a.size();
        }
        INFO(sc.name);
        CHECK(found > 20);   // the random series do have witnesses
        CHECK(found < 200);  // and do not all have them
    }
}

// The matcher judges pairs with joins(), which builds no rule or reason; it must decide
// as match() does, also when a rule reads intervals or weights (computed only then).
TEST_CASE("joins() decides every pair as match() does", "[rules][match]") {
    const auto plain = ruleset_from("joins-plain", same_strike("governorate, days(event_date, 1), places(place_key)") +
                                                       "separate different_day:\n  when days_between(a.event_date, b.event_date) > 5\n");
    const auto numbers = ruleset_from(
        "joins-numbers", "qualifier exact = [v, v]\ntrust baseline = 0.5\ntrust doubtful = 0.2 when low > 40\n" +
                             same_strike("governorate") + "   and a.low <= b.high + 5 and b.low <= a.high + 5\n" +
                             "match heavy_and_trusted:\n  block by governorate\n  when a.weight > 0.4 and a.low > 30 and b.low > 30\n");
    for (const auto* rs : {plain.get(), numbers.get()}) {
        std::size_t joined = 0, apart = 0;
        for (unsigned seed = 1; seed <= 3; ++seed) {
            const random_corpus corpus(seed);
            for (std::size_t i = 0; i < 120; ++i) {
                for (std::size_t j = i + 1; j < 120; ++j) {
                    const bool same = rs->match(corpus.facts[i], corpus.facts[j]).same;
                    REQUIRE(rs->joins(corpus.facts[i], corpus.facts[j]) == same);
                    ++(same ? joined : apart);
                }
            }
        }
        CHECK(joined > 50);  // both answers occur
        CHECK(apart > 50);
    }
    // The numbers are read when a rule needs them: same place and day, lows 10 and 12
    // join, 10 and 50 do not.
    claim x, near, far;
    for (auto* c : {&x, &near, &far}) {
        c->id = c == &x ? "x@1" : c == &near ? "n@1" : "f@1";
        c->article = c->id.substr(0, 1);
        c->place_key = c->place = "hajin";
        c->governorate = "Deir ez-Zor";
        c->event_date = date::of_day(2018, 11, 3);
    }
    x.low = x.high = 10;
    near.low = near.high = 12;
    far.low = far.high = 50;
    rules::claim_facts fx, fn, ff;
    fx.c = &x;
    fn.c = &near;
    ff.c = &far;
    CHECK(numbers->joins(fx, fn));
    CHECK_FALSE(numbers->joins(fx, ff));
    CHECK(plain->joins(fx, ff));
}
