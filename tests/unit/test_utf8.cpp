#include <catch2/catch.hpp>

#include "support/utf8.hpp"

using namespace reckon;

TEST_CASE("valid UTF-8 is left alone", "[utf8]") {
    std::string s = "Al-Buqa\xE2\x80\x99" "an \xF0\x9F\x98\x80 ok";
    const std::string before = s;
    std::vector<utf8_problem> problems;
    CHECK(repair_utf8(s, problems) == 0);
    CHECK(s == before);
}

TEST_CASE("invalid, overlong, surrogate and NUL bytes become U+FFFD with offsets", "[utf8]") {
    std::vector<utf8_problem> problems;
    std::string bad = std::string("ok\xC0\xAF", 4);  // overlong '/'
    CHECK(repair_utf8(bad, problems) == 2);
    CHECK(bad == "ok\xEF\xBF\xBD\xEF\xBF\xBD");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].offset == 2);

    problems.clear();
    std::string surrogate = "\xED\xA0\x80";
    CHECK(repair_utf8(surrogate, problems) == 3);

    problems.clear();
    std::string nul = std::string("a\0b", 3);
    CHECK(repair_utf8(nul, problems) == 1);
    CHECK(problems[0].nul);
    CHECK(nul == "a\xEF\xBF\xBD" "b");

    problems.clear();
    std::string truncated = "abc\xE2\x80";
    CHECK(repair_utf8(truncated, problems) == 2);
}

TEST_CASE("a BOM is stripped once", "[utf8]") {
    std::string s = "\xEF\xBB\xBFhello";
    CHECK(strip_bom(s));
    CHECK(s == "hello");
    CHECK_FALSE(strip_bom(s));
}
