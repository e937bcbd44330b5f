// Places reader: place mentions through the gazetteer and the place of a claim.
#include <catch2/catch.hpp>

#include "extract/places.hpp"
#include "extract_reader_fixture.hpp"

using namespace reckon;

namespace {

// The place mentions of sentence 0 as "written=key" (key "?" when not in the gazetteer).
std::string mentions(const char* text) {
    test::reader_article a(text);
    const auto& si = a.read(0, extract::need_places);
    std::string out;
    for (const auto& m : si.places) {
        if (!out.empty()) out += " ";
        out += std::string(m.span.of(a.context().text)) + "=" + (m.p ? m.p->key : std::string("?"));
    }
    return out;
}

}  // namespace

TEST_CASE("places: gazetteer names, variants and 'the village of X'", "[extract][places]") {
    struct row {
        const char* sentence;
        const char* expected;
    };
    const row rows[] = {
        {"Strikes hit Hajin on Sunday.", "Hajin=hajin"},
        {"Strikes hit Shaafah in Deir Ezzor province.", "Shaafah=shaafa Deir Ezzor province=deir-ez-zor"},
        {"Shelling hit the village of Kafr Zita.", "Kafr Zita=?"},
        {"Strikes hit the market.", ""},
        {"Hajin", "Hajin=hajin"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.sentence);
        CHECK(mentions(r.sentence) == r.expected);
    }
}

TEST_CASE("places: a claim takes the most specific place near its figure, else of the sentences before", "[extract][places]") {
    test::reader_article a("Air raids hit Hajin in Deir Ezzor province. They killed 25 civilians.");
    auto& ax = a.context();
    const auto* lf = a.figure("25");
    REQUIRE(lf != nullptr);
    a.read(1, extract::need_all);
    claim c;
    extract::place_of(ax, c, *lf, 1);
    CHECK(c.place == "Hajin");
    CHECK(c.place_key == "hajin");
    CHECK(c.governorate == "Deir ez-Zor");
}
