// Scope reader: running totals and what they cover.
#include <catch2/catch.hpp>

#include "extract/scope.hpp"
#include "extract_reader_fixture.hpp"

using namespace reckon;

TEST_CASE("scope: cumulative markers of a sentence", "[extract][scope]") {
    struct row {
        const char* sentence;
        const char* scope;
    };
    const row rows[] = {
        {"Strikes have killed 350000 people since 2011.", "since 2011"},
        {"The war has killed 350000 people.", "the war"},
        {"Strikes have killed 120 people so far.", "so far"},
        {"Strikes have killed 120 people to date.", "to date"},
        {"The overall toll is 120.", "overall"},
        {"Strikes killed 40 people in Aleppo alone.", "in Aleppo alone"},
        {"Strikes killed 3000 people in 2017.", "in 2017"},
        {"It was the deadliest attack since 2014, killing 40.", ""},
        {"Strikes killed 12 people on Tuesday.", ""},
        // the perfect over the whole war is its running total; a day of it is not
        {"More than 300,000 people have been killed in the war.", "the war"},
        {"About 9,000 civilians have died during the conflict.", "the war"},
        {"Five civilians were killed in the war on Sunday.", ""},
        {"Two soldiers have been killed in the war zone this week.", ""},
    };
    for (const auto& r : rows) {
        CAPTURE(r.sentence);
        test::reader_article a(r.sentence);
        CHECK(a.read(0, extract::need_scope).scope == r.scope);
    }
}
