#include <catch2/catch.hpp>

#include <set>

#include "fake_ruleset.hpp"
#include "match/incidents.hpp"

using namespace reckon;
using reckon::testing::fake_ruleset;
using reckon::testing::make_claim;

namespace {
std::vector<rules::claim_facts> facts_of(const std::vector<claim>& claims) {
    std::vector<rules::claim_facts> f(claims.size());
    for (std::size_t i = 0; i < claims.size(); ++i) f[i].c = &claims[i];
    return f;
}
std::vector<std::vector<std::size_t>> groups_of(const match::match_output& m) {
    std::vector<std::vector<std::size_t>> g;
    for (const auto& x : m.groups) g.push_back(x.members);
    return g;
}
}  // namespace

TEST_CASE("claims that match join one incident and blocking keeps others apart", "[match]") {
    const std::vector<claim> claims{
        make_claim("a@1", "Deir ez-Zor", date::of_day(2018, 11, 11), 38),
        make_claim("b@1", "Deir ez-Zor", date::of_day(2018, 11, 11), 28),
        make_claim("c@1", "Hasakeh", date::of_day(2018, 11, 11), 5),
        make_claim("d@1", "Deir ez-Zor", date::of_day(2018, 12, 1), 3),
    };
    const fake_ruleset rules;
    const auto out = match::group_incidents(facts_of(claims), rules);
    CHECK(groups_of(out) == std::vector<std::vector<std::size_t>>{{0, 1}, {2}, {3}});
    // Only pairs within a block were judged: a-b, a-d, b-d (c is alone in its block).
    CHECK(out.pairs_judged == 3);
    REQUIRE(out.joined.size() == 1);
    CHECK(out.joined[0].result.rule.name == "fake_match");
}

TEST_CASE("a bridge claim does not chain two unrelated incidents", "[match]") {
    // Two reports each of day 1 and day 3, which do not match each other; day 2 matches all
    // four. Connected components would make one incident of all five; average linkage puts
    // the bridge with day 1 (the first of two equal links), and then only 2 of the 6 pairs
    // across day 1 and day 3 match.
    const std::vector<claim> claims{
        make_claim("a@1", "Idlib", date::of_day(2017, 4, 1), 10),
        make_claim("a@2", "Idlib", date::of_day(2017, 4, 1), 11),
        make_claim("b@1", "Idlib", date::of_day(2017, 4, 2), 12),
        make_claim("c@1", "Idlib", date::of_day(2017, 4, 3), 14),
        make_claim("c@2", "Idlib", date::of_day(2017, 4, 3), 15),
    };
    const fake_ruleset rules;
    const auto out = match::group_incidents(facts_of(claims), rules);
    CHECK(out.groups.size() == 2);
    CHECK(groups_of(out) == std::vector<std::vector<std::size_t>>{{0, 1, 2}, {3, 4}});
    // One report each: the bridge's one pair of two with day 3 (0.5) is over the default
    // threshold of 0.45 (session 11), so the three are one incident; at 0.5 they stay two.
    const std::vector<claim> three{claims[0], claims[2], claims[3]};
    CHECK(groups_of(match::group_incidents(facts_of(three), rules)) == std::vector<std::vector<std::size_t>>{{0, 1, 2}});
    match::cluster_options half;
    half.min_linkage = 0.5;
    CHECK(groups_of(match::group_incidents(facts_of(three), rules, half)) ==
          std::vector<std::vector<std::size_t>>{{0, 1}, {2}});
}

// Two accounts of one event: each article's figures match each other, and across the
// articles some pairs match and some do not (a hometown's figure, a day read loosely).
// Average linkage merges them on a majority of the pairs across (the default), or on
// more than the fraction asked for; fewer keep them apart, so a claim matching one or two
// of another event's figures chains nothing.
TEST_CASE("two accounts merge when more than the linkage asked for of the pairs across them match", "[match]") {
    struct listed_pairs : fake_ruleset {
        std::set<std::pair<std::string, std::string>> joined;
        rules::match_result match(const rules::claim_facts& a, const rules::claim_facts& b) const override {
            const bool same = joined.count({a.c->id, b.c->id}) || joined.count({b.c->id, a.c->id});
            return {same, {"listed", "fake.rules", 3}, same ? "listed" : "not listed", {}, 0, 0, false};
        }
    };
    std::vector<claim> claims;
    for (const char* id : {"x@1", "x@2", "x@3", "y@1", "y@2", "y@3"})
        claims.push_back(make_claim(id, "Ohio", date::of_day(2016, 5, 2), 1));
    listed_pairs rules;
    rules.joined = {{"x@1", "x@2"}, {"x@1", "x@3"}, {"x@2", "x@3"}, {"y@1", "y@2"}, {"y@1", "y@3"}, {"y@2", "y@3"},
                    {"x@1", "y@1"}, {"x@1", "y@2"}, {"x@2", "y@1"}};
    const std::vector<std::vector<std::size_t>> apart{{0, 1, 2}, {3, 4, 5}}, one{{0, 1, 2, 3, 4, 5}};
    match::cluster_options lower;
    lower.min_linkage = 0.4;
    // 3 of the 9 pairs across: apart under either.
    CHECK(groups_of(match::group_incidents(facts_of(claims), rules)) == apart);
    CHECK(groups_of(match::group_incidents(facts_of(claims), rules, lower)) == apart);
    // 4 of 9 (0.44): under the default 0.45, so apart; one incident above 0.4.
    rules.joined.insert({"x@2", "y@2"});
    CHECK(groups_of(match::group_incidents(facts_of(claims), rules)) == apart);
    CHECK(groups_of(match::group_incidents(facts_of(claims), rules, lower)) == one);
    // 5 of 9: a majority.
    rules.joined.insert({"x@3", "y@3"});
    CHECK(groups_of(match::group_incidents(facts_of(claims), rules)) == one);
}

TEST_CASE("breakdowns travel with their total and cumulative claims are left out", "[match]") {
    std::vector<claim> claims{
        make_claim("a@1", "Idlib", date::of_day(2017, 4, 1), 10),
        make_claim("a@9", "Other", date::of_day(2016, 1, 1), 3, "a@1"),  // breakdown: judged by its total
        make_claim("z@1", "Idlib", date::of_day(2017, 4, 1), 1000),
    };
    claims[2].kind = claim_kind::cumulative;
    const fake_ruleset rules;
    const auto out = match::group_incidents(facts_of(claims), rules);
    CHECK(groups_of(out) == std::vector<std::vector<std::size_t>>{{0, 1}});
}

TEST_CASE("analyst decisions split and merge incidents, with their reasons", "[match]") {
    const std::vector<claim> claims{
        make_claim("a@1", "Idlib", date::of_day(2017, 4, 1), 10),
        make_claim("b@1", "Idlib", date::of_day(2017, 4, 1), 12),
        make_claim("c@1", "Homs", date::of_day(2017, 4, 1), 14),
    };
    fake_ruleset rules;
    rules.analyst.push_back({"split", {"b@1"}, std::nullopt, "different strike, per field report", {"split_b", "x.rules", 7}});
    rules.analyst.push_back({"merge", {"a@1", "c@1"}, std::nullopt, "same convoy", {"merge_ac", "x.rules", 9}});
    const auto out = match::group_incidents(facts_of(claims), rules);
    CHECK(groups_of(out) == std::vector<std::vector<std::size_t>>{{0, 2}, {1}});
    REQUIRE_FALSE(out.groups[0].decisions.empty());
    CHECK(out.groups[0].decisions.back() == "merge (x.rules:9): same convoy");
    CHECK(out.groups[1].decisions.front() == "split (x.rules:7): different strike, per field report");
}

TEST_CASE("matching cost grows about linearly with blocks of fixed size", "[match][scaling]") {
    // Same block sizes, 10x the claims: judged pairs grow 10x, not 100x.
    const auto judged = [](std::size_t n) {
        std::vector<claim> claims;
        for (std::size_t i = 0; i < n; ++i)
            claims.push_back(make_claim("c" + std::to_string(i) + "@1", "G" + std::to_string(i / 10), date::of_day(2017, 1, 1), 1));
        const fake_ruleset rules;
        return match::group_incidents(facts_of(claims), rules).pairs_judged;
    };
    const auto small = judged(1000), large = judged(10000);
    CHECK(large == 10 * small);
}

namespace {
// Cliques of three claims (same place) and one claim that matches every claim: one
// connected component larger than the exact average linkage takes.
class bridged_cliques : public fake_ruleset {
public:
    std::size_t cliques = 0;
    std::vector<std::string> blocking_keys(const rules::claim_facts& f) const override {
        if (f.c->place != "*") return {f.c->place};
        std::vector<std::string> all;
        for (std::size_t k = 0; k < cliques; ++k) all.push_back("clique" + std::to_string(k));
        return all;
    }
    rules::match_result match(const rules::claim_facts& a, const rules::claim_facts& b) const override {
        const bool same = a.c->place == b.c->place || a.c->place == "*" || b.c->place == "*";
        return {same, {"fake_match", "fake.rules", 3}, same ? "same place" : "apart", {}, 0, 0, false};
    }
};
}  // namespace

TEST_CASE("a component too large for exact linkage is split through its bridges", "[match][scaling]") {
    bridged_cliques rules;
    rules.cliques = 2000;  // 6,001 claims in one component
    std::vector<claim> claims;
    claims.push_back(make_claim("bridge@1", "Aleppo", date::of_day(2016, 8, 1), 500));
    claims.back().place = "*";
    for (std::size_t k = 0; k < rules.cliques; ++k)
        for (int m = 0; m < 3; ++m) {
            claims.push_back(make_claim("c" + std::to_string(k) + "x" + std::to_string(m) + "@1", "Aleppo",
                                        date::of_day(2016, 8, 1), 10));
            claims.back().place = "clique" + std::to_string(k);
        }
    const auto out = match::group_incidents(facts_of(claims), rules);
    CHECK(out.largest_component == claims.size());
    // Every clique stays whole and apart; the bridge joins one of them (the first), as
    // average linkage would, rather than chaining all 2,000 into one incident.
    REQUIRE(out.groups.size() == rules.cliques);
    CHECK(out.groups[0].members == std::vector<std::size_t>{0, 1, 2, 3});
    for (std::size_t k = 1; k < rules.cliques; ++k) {
        const std::size_t first = 1 + 3 * k;
        CHECK(out.groups[k].members == std::vector<std::size_t>{first, first + 1, first + 2});
    }
}

TEST_CASE("limit: claims compared within one block, at the limit and one past it", "[match][limits]") {
    // cluster_options::max_block (2,000 by default; 3 here): a block of up to max_block
    // claims compares every pair; past it each claim is compared with its max_block
    // nearest (by corpus order) and the matcher warns, naming the key.
    const auto block_of = [](std::size_t n) {
        std::vector<claim> claims;
        for (std::size_t i = 0; i < n; ++i)
            claims.push_back(make_claim("a" + std::to_string(i) + "@1", "Idlib", date::of_day(2017, 4, 1), 10));
        return claims;
    };
    const fake_ruleset rules;
    match::cluster_options options;
    options.max_block = 3;
    const auto at_limit = block_of(3);
    const auto at = match::group_incidents(facts_of(at_limit), rules, options);
    CHECK(at.pairs_judged == 3);
    CHECK(at.diags.empty());
    const auto past_limit = block_of(5);
    const auto past = match::group_incidents(facts_of(past_limit), rules, options);
    CHECK(past.pairs_judged == 9);  // of 10: the first and the last are 4 apart
    REQUIRE(past.diags.items().size() == 1);
    CHECK(past.diags.items()[0].name == "large-block");
    CHECK(past.diags.items()[0].message ==
          "blocking key 'Idlib' holds 5 claims; each is compared with its 3 nearest only");
}

namespace {
// A corpus of claims in a few governorates over a few weeks: runs of days chain claims
// into components that average linkage cuts into incidents. Deterministic (splitmix64).
std::vector<claim> spread_claims(std::size_t count, std::uint64_t seed, const std::string& prefix) {
    std::vector<claim> out;
    const auto next = [&seed] {
        std::uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    for (std::size_t i = 0; i < count; ++i) {
        const std::string id = prefix + std::to_string(i) + "@1";
        out.push_back(make_claim(id, "G" + std::to_string(next() % 60), date::of_day(2019, 3, 1 + static_cast<int>(next() % 28)),
                                 static_cast<std::int64_t>(next() % 50)));
        if (next() % 5 == 0) out.push_back(make_claim(prefix + std::to_string(i) + "@9", "Other", date::of_day(2019, 1, 1), 1, id));
    }
    return out;
}

// The grouping a living audit stores, read back as the previous one for the claims that
// follow: group and component per claim, new claims (past `old`) and `changed` as seeds.
match::previous_grouping previous_of(const match::match_output& before, std::size_t old, std::size_t all,
                                     const std::vector<std::size_t>& changed = {}) {
    match::previous_grouping p;
    p.group.assign(all, match::previous_grouping::none);
    p.component.assign(all, match::previous_grouping::none);
    p.seed.assign(all, 0);
    std::map<std::size_t, std::uint32_t> label;
    for (std::size_t g = 0; g < before.groups.size(); ++g) {
        const auto c = label.emplace(before.groups[g].component, static_cast<std::uint32_t>(label.size())).first->second;
        for (const auto m : before.groups[g].members) {
            p.group[m] = static_cast<std::uint32_t>(g);
            p.component[m] = c;
        }
    }
    for (std::size_t i = old; i < all; ++i) p.seed[i] = 1;
    for (const auto i : changed) p.seed[i] = 1;
    return p;
}

std::vector<std::pair<std::vector<std::size_t>, std::size_t>> grouping_of(const match::match_output& m) {
    std::vector<std::pair<std::vector<std::size_t>, std::size_t>> g;
    for (const auto& x : m.groups) g.emplace_back(x.members, x.component);
    return g;
}
}  // namespace

namespace {
// Counts the pairs the matcher asks it to judge.
class counting_ruleset : public fake_ruleset {
public:
    mutable std::size_t judged = 0;
    rules::match_result match(const rules::claim_facts& a, const rules::claim_facts& b) const override {
        ++judged;
        return fake_ruleset::match(a, b);
    }
};
}  // namespace

TEST_CASE("an update matches again only the components new claims touch, and groups as one run", "[match][incremental]") {
    counting_ruleset rules;
    rules.max_days = 2;
    std::vector<claim> claims = spread_claims(600, 11, "old");
    const std::size_t old = claims.size();
    for (auto& c : spread_claims(30, 99, "new")) claims.push_back(std::move(c));
    const std::vector<claim> before_claims(claims.begin(), claims.begin() + static_cast<std::ptrdiff_t>(old));
    const auto before = match::group_incidents(facts_of(before_claims), rules);
    rules.judged = 0;
    const auto full = match::group_incidents(facts_of(claims), rules);
    const std::size_t judged_in_full = rules.judged;
    REQUIRE(full.groups.size() > 100);
    CHECK(judged_in_full == full.pairs_judged);

    // New claims only, then also two old claims whose facts may have changed.
    for (const std::vector<std::size_t>& changed : {std::vector<std::size_t>{}, std::vector<std::size_t>{3, 400}}) {
        const auto previous = previous_of(before, old, claims.size(), changed);
        match::cluster_options options;
        options.previous = &previous;
        rules.judged = 0;
        const auto update = match::group_incidents(facts_of(claims), rules, options);
        CHECK(update.incremental);
        // Fewer pairs judged; the candidate pairs counted as in one run.
        CHECK(rules.judged < judged_in_full);
        CHECK(update.pairs_judged == full.pairs_judged);
        CHECK(update.full_because.empty());
        CHECK(update.units == full.units);
        CHECK(update.rematched_units > 0);
        CHECK(update.rematched_units < update.units);
        CHECK(grouping_of(update) == grouping_of(full));
    }
}

TEST_CASE("an update matches the whole corpus when a previous grouping cannot be kept, and says why", "[match][incremental]") {
    fake_ruleset rules;
    std::vector<claim> claims = spread_claims(200, 5, "old");
    const std::size_t old = claims.size();
    for (auto& c : spread_claims(10, 6, "new")) claims.push_back(std::move(c));
    const std::vector<claim> before_claims(claims.begin(), claims.begin() + static_cast<std::ptrdiff_t>(old));
    const auto previous = previous_of(match::group_incidents(facts_of(before_claims), rules), old, claims.size());
    match::cluster_options options;
    options.previous = &previous;

    SECTION("a cut block") {
        options.max_block = 3;
        const auto update = match::group_incidents(facts_of(claims), rules, options);
        CHECK_FALSE(update.incremental);
        CHECK(update.full_because == "a blocking key holds more claims than are compared whole");
        CHECK(update.rematched_units == update.units);
        CHECK(grouping_of(update) == grouping_of(match::group_incidents(facts_of(claims), rules, [] {
                  match::cluster_options o;
                  o.max_block = 3;
                  return o;
              }())));
    }
    SECTION("analyst decisions") {
        rules.analyst.push_back({"split", {"old1@1"}, std::nullopt, "apart", {"split_1", "x.rules", 7}});
        const auto update = match::group_incidents(facts_of(claims), rules, options);
        CHECK_FALSE(update.incremental);
        CHECK(update.full_because == "the rules hold analyst decisions");
        CHECK(grouping_of(update) == grouping_of(match::group_incidents(facts_of(claims), rules)));
    }
    SECTION("a stored claim in no stored incident") {
        auto holed = previous;
        holed.group[0] = match::previous_grouping::none;
        options.previous = &holed;
        const auto update = match::group_incidents(facts_of(claims), rules, options);
        CHECK_FALSE(update.incremental);
        CHECK(update.full_because == "a stored claim is in no stored incident");
    }
}
