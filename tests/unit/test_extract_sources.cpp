// Sources reader: who says a figure, who relays it, and the outlet at the end of the chain.
#include <catch2/catch.hpp>

#include "extract/sources.hpp"
#include "extract_reader_fixture.hpp"

using namespace reckon;

namespace {

// The source mentions of sentence 0 as "NAME:role" in word order; role is speaker, relay or -.
std::string mentions(const char* text) {
    test::reader_article a(text);
    const auto& si = a.read(0, extract::need_sources);
    const auto& registry = test::test_registries().sources;
    std::string out;
    for (const auto& m : si.sources) {
        if (!out.empty()) out += " ";
        out += m.pronoun ? std::string("(pronoun)") : registry.sources()[m.source].name;
        out += m.relay ? ":relay" : m.speaker ? ":speaker" : ":-";
    }
    return out;
}

}  // namespace

TEST_CASE("sources: named sources as speakers and relays", "[extract][sources]") {
    struct row {
        const char* sentence;
        const char* expected;
    };
    const row rows[] = {
        {"The Syrian Observatory for Human Rights said 12 people were killed.", "SOHR:speaker"},
        {"According to SANA, 12 people were killed.", "SANA:speaker"},
        {"12 people were killed, a doctor told AFP.", "AFP:relay"},
        {"12 people were killed, he said.", "(pronoun):speaker"},
        {"Strikes killed 12 people: monitor", "SOHR:speaker"},  // a headline closed by its source
        {"Strikes killed 12 people in the village.", ""},
        // a speaker after the figure with his title in apposition (commas stripped or not)
        {"12 people were killed said Rami Abdel Rahman director of the Observatory.", "SOHR:speaker SOHR:-"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.sentence);
        CHECK(mentions(r.sentence) == r.expected);
    }
}

TEST_CASE("sources: a figure takes the speaker before it and the outlet as the last relay", "[extract][sources]") {
    test::reader_article a("SANA reported that 12 people were killed, citing a doctor.", date::of_day(2018, 11, 14), "Reuters");
    auto& ax = a.context();
    const auto* lf = a.figure("12");
    REQUIRE(lf != nullptr);
    a.read(0, extract::need_all);
    claim c;
    extract::attribute(ax, c, *lf, 0);
    CHECK(c.source == "SANA");
    CHECK(c.source_text == "SANA");
    REQUIRE(c.relay.size() == 1);
    CHECK(c.relay[0] == "Reuters");
}

TEST_CASE("sources: without a named source the outlet is the source", "[extract][sources]") {
    test::reader_article a("Strikes killed 12 people.", date::of_day(2018, 11, 14), "AFP");
    const auto* lf = a.figure("12");
    REQUIRE(lf != nullptr);
    a.read(0, extract::need_all);
    claim c;
    extract::attribute(a.context(), c, *lf, 0);
    CHECK(c.source == "AFP");
    CHECK(c.source_text.empty());
    CHECK(c.relay.empty());
}
