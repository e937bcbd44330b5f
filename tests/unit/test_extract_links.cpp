// Links reader: breakdowns under a total and parts that add up to one.
#include <catch2/catch.hpp>

#include "extract/extract.hpp"
#include "registry/registry.hpp"
#include "extract_reader_fixture.hpp"

using namespace reckon;

namespace {

std::vector<claim> claims_of(const char* text) {
    diagnostics d;
    return extract::extract_claims(test::article_of(text), test::test_registries().ctx, d);
}

}  // namespace

TEST_CASE("links: a breakdown names its total as parent and is a lower bound when the total is", "[extract][links]") {
    const auto cs = claims_of("At least 23 civilians were killed, including 10 children.");
    REQUIRE(cs.size() == 2);
    CHECK(cs[0].parent.empty());
    CHECK(cs[1].parent == cs[0].id);
    CHECK(cs[1].qualifier == qualifier::at_least);
}

TEST_CASE("links: no parent without a breakdown marker, nor to a less specific part", "[extract][links]") {
    const auto cs = claims_of("Strikes killed 23 civilians. Shelling killed 10 children in another town.");
    REQUIRE(cs.size() == 2);
    CHECK(cs[1].parent.empty());
    const auto reverse = claims_of("Strikes killed 10 children, including 23 civilians.");
    REQUIRE(reverse.size() == 2);
    CHECK(reverse[1].parent.empty());
}

TEST_CASE("links: parts of one sentence that add up to a total before it", "[extract][links]") {
    const auto cs = claims_of("In all 28 people were killed. Rescuers found 22 bodies of civilians as well as the remains of six other people.");
    REQUIRE(cs.size() == 3);
    CHECK(cs[1].parent == cs[0].id);
    CHECK(cs[2].parent == cs[0].id);
}
