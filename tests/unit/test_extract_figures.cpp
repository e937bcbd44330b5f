// Figures reader: which numbers are found, and why some cannot be casualty counts.
#include <catch2/catch.hpp>

#include "extract_reader_fixture.hpp"

using namespace reckon;

TEST_CASE("figures: numbers that are not counts of people, with their reason", "[extract][figures]") {
    struct row {
        const char* sentence;
        const char* number;
        const char* reason;  // "" when the number may be a casualty count
    };
    const row rows[] = {
        {"12 people were killed in the attack.", "12", ""},
        {"Air strikes killed 38 civilians.", "38", ""},
        {"In 2016 the strikes went on.", "2016", "a year"},
        {"The war is 25-years old and killed many.", "25", "an age or measure"},
        {"The blast came at 10:30 in the morning and killed people.", "10", "a time or date"},
        {"About 50% of the buildings were destroyed.", "50", "a percentage"},
        {"The fine was $500 for the family.", "500", "a price or number"},
        {"A man aged 45 was killed.", "45", "an age"},
        {"He died on November 3 in the strike.", "3", "a date"},
        {"The convoy drove 5 km before it was hit.", "5", "a measure, not a count of people"},
        {"Security Council resolution 2254 was passed.", "2254", "a label or number, not a count"},
        {"Short link 0 27 The death toll rose to 40.", "27", "a page counter, not a count of people"},
        {"Copy short URL 312 Five people were killed.", "312", "a page counter, not a count of people"},
        {"Copy short URL 0 41 17 soldiers were killed.", "17", ""},  // the figure after the counters has its noun
        {"The video drew 4500 views before the killings.", "4500", "a page counter, not a count of people"},
        {"Read more: 12 Obama decisions killing the peace process.", "12", "a count of abstract things, not people"},
        {"The envoy listed five violations that killed hopes.", "five", "a count of abstract things, not people"},
        {"The three shootings killed two people.", "three", "a count of abstract things, not people"},
        {"Jets dropped two cluster bombs killing four civilians.", "two", "a count of places or things, not people"},
        // ages listed between commas after the people they belong to
        {"A woman was killed and her daughters, 6 and 9, were badly hurt.", "6", "an age"},
        {"A woman was killed and her daughters, 6 and 9, were badly hurt.", "9", "an age"},
        {"The students, 10, 11 and 12, were wounded by the blast.", "11", "an age"},
        {"In the north, 12 died in the fighting.", "12", ""},  // a place before the comma, and no closing comma
        // an age by its decade
        {"Three men, all in their 30's, were wounded at the bar.", "30", "an age by its decade"},
        {"A woman in her early 40's was shot dead.", "40", "an age by its decade"},
        // a year cut to two digits
        {"Police reopened the '87 killing of a shopkeeper.", "87", "a year"},
        {"Police reopened the \xE2\x80\x99" "87 killing of a shopkeeper.", "87", "a year"},
        // emergency telephone numbers
        {"A 911 caller said two people were shot dead.", "911", "an emergency telephone number"},
        {"Neighbours dialled 999 after the man was stabbed to death.", "999", "an emergency telephone number"},
        {"The 112 call came before the two victims died.", "112", "an emergency telephone number"},
        {"The attacks killed 911 civilians over the year.", "911", ""},  // a count all the same
    };
    for (const auto& r : rows) {
        CAPTURE(r.sentence);
        test::reader_article a(r.sentence);
        const auto* lf = a.figure(r.number);
        REQUIRE(lf != nullptr);
        CHECK(lf->not_a_count.value_or("") == r.reason);
    }
}

TEST_CASE("figures: every figure of the article, in text order, on its sentence's words", "[extract][figures]") {
    test::reader_article a("Shelling killed 4 civilians. Another 7 people were wounded on Tuesday.");
    const auto& fs = a.figures();
    REQUIRE(fs.size() == 2);
    CHECK(fs[0].sentence == 0);
    CHECK(fs[1].sentence == 1);
    const auto& ws = a.context().sentence_infos[1].words;
    CHECK(ws[fs[1].nb].lower == "7");
    CHECK(fs[1].ne == fs[1].nb + 1);
}

TEST_CASE("figures: words that are not numbers give no figure", "[extract][figures]") {
    for (const char* s : {"The strike hit the market.", "Witnesses heard shots.", "Nobody knows."}) {
        CAPTURE(s);
        test::reader_article a(s);
        CHECK(a.figures().empty());
    }
}
