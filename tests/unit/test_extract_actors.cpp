// Actors reader: who struck and by what means.
#include <catch2/catch.hpp>

#include "extract/actors.hpp"
#include "extract_reader_fixture.hpp"

using namespace reckon;

TEST_CASE("actors: the actor and the means of attack of a sentence", "[extract][actors]") {
    struct row {
        const char* sentence;
        const char* actor;
        const char* attack;
    };
    const row rows[] = {
        {"Russian warplanes killed 12 people.", "Russia", "air strike"},
        {"Shelling by rebels killed 12 people.", "rebels", "shelling"},
        {"A car bomb killed 12 people.", "", "bombing"},
        {"Clashes killed 12 fighters.", "", "clashes"},
        {"Coalition air strikes killed 12 people.", "US-led coalition", "air strike"},
        {"12 people were killed by IS.", "IS", ""},
        {"Five government troops were killed.", "", ""},
        {"The bombing killed 12 people.", "", ""},
    };
    for (const auto& r : rows) {
        CAPTURE(r.sentence);
        test::reader_article a(r.sentence);
        const auto& si = a.read(0, extract::need_scope);
        CHECK(si.actor == r.actor);
        CHECK(si.attack == r.attack);
    }
}

TEST_CASE("actors: the means the article opens with", "[extract][actors]") {
    test::reader_article a("Air strikes hit the town. The toll rose. Later 12 people died.");
    CHECK(extract::lede_attack(a.context()) == "air strike");
    test::reader_article none("The toll rose. Later 12 people died.");
    CHECK(extract::lede_attack(none.context()).empty());
}
