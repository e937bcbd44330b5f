#include <catch2/catch.hpp>

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
    // Day 1 and day 3 do not match each other; day 2 matches both. Connected
    // components would make one incident of all three.
    const std::vector<claim> claims{
        make_claim("a@1", "Idlib", date::of_day(2017, 4, 1), 10),
        make_claim("b@1", "Idlib", date::of_day(2017, 4, 2), 12),
        make_claim("c@1", "Idlib", date::of_day(2017, 4, 3), 14),
    };
    const fake_ruleset rules;
    const auto out = match::group_incidents(facts_of(claims), rules);
    CHECK(out.groups.size() == 2);
    CHECK(groups_of(out) == std::vector<std::vector<std::size_t>>{{0, 1}, {2}});
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
