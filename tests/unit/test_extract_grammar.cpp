// The figure grammar, table-driven: input -> what it reads, or no figure.
#include <catch2/catch.hpp>

#include "claims/claims.hpp"

using namespace reckon;
using reckon::grammar::claims::interval_of;
using reckon::grammar::claims::parse_figure;

namespace {

struct row {
    const char* text;
    const char* value;      // the number as written ("" for no figure)
    const char* qualifier;  // as written
    long long low;          // -1 for null
    long long high;         // -1 for null
    const char* noun;
};

std::string show(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "null"; }

}  // namespace

TEST_CASE("pegtl analyze finds no rule that loops without consuming input", "[grammar]") {
    CHECK(grammar::claims::analyze_grammar() == 0);
}

TEST_CASE("figures as reporters write them", "[grammar]") {
    const row rows[] = {
        {"38 people were killed", "38", "", 38, 38, "people"},
        {"at least 14 civilians", "14", "at least", 14, -1, "civilians"},
        {"At least 40 people mostly civilians", "40", "At least", 40, -1, "people"},
        {"more than 30 civilians", "30", "more than", 31, -1, "civilians"},
        {"upwards of 40", "40", "upwards of", 41, -1, ""},
        {"over 100 people", "100", "over", 101, -1, "people"},
        {"no fewer than 12 children", "12", "no fewer than", 12, -1, "children"},
        {"about 50 people", "50", "about", 50, 50, "people"},
        {"nearly 200 civilians", "200", "nearly", 200, 200, "civilians"},
        {"up to 25 people", "25", "up to", 0, 25, "people"},
        {"as many as 60 fighters", "60", "as many as", 0, 60, "fighters"},
        {"less than 10 people", "10", "less than", 0, 9, "people"},
        {"Fourteen civilians", "Fourteen", "", 14, 14, "civilians"},
        {"twenty-two children", "twenty-two", "", 22, 22, "children"},
        {"two hundred and five people", "two hundred and five", "", 205, 205, "people"},
        {"three thousand civilians", "three thousand", "", 3000, 3000, "civilians"},
        {"two hundred thousand people", "two hundred thousand", "", 200000, 200000, "people"},
        {"a dozen soldiers", "a dozen", "", 12, 12, "soldiers"},
        {"a couple of men", "a couple of", "", 2, 2, "men"},
        {"5,812 civilians", "5,812", "", 5812, 5812, "civilians"},
        {"5812 civilians", "5812", "", 5812, 5812, "civilians"},
        {"more than 1,100 civilian deaths", "1,100", "more than", 1101, -1, "deaths"},
        {"between 20 and 30 people", "between 20 and 30", "", 20, 30, "people"},
        {"20 to 30 people", "20 to 30", "", 20, 30, "people"},
        {"20-30 people", "20-30", "", 20, 30, "people"},
        {"9 IS militants", "9", "", 9, 9, "militants"},
        {"26 pro-regime fighters", "26", "", 26, 26, "fighters"},
        {"22 bodies of civilians", "22", "", 22, 22, "bodies"},
        {"32 civilian members of IS families", "32", "", 32, 32, "members"},
        {"dozens of pro-regime fighters", "dozens", "", -1, -1, "fighters"},
        {"hundreds of civilians", "hundreds", "", -1, -1, "civilians"},
        {"hundreds of thousands of civilians", "hundreds of thousands", "", -1, -1, "civilians"},
        {"Tens of thousands of people", "Tens of thousands", "", -1, -1, "people"},
        {"a number of civilians", "a number of", "", -1, -1, "civilians"},
        {"several soldiers", "several", "", -1, -1, "soldiers"},
        {"FOURTEEN CHILDREN", "FOURTEEN", "", 14, 14, "CHILDREN"},
        // scale words, spoken decimals, halves, space-grouped digits
        {"2 million people", "2 million", "", 2000000, 2000000, "people"},
        {"1.5 million refugees", "1.5 million", "", 1500000, 1500000, "refugees"},
        {"about 1,200 thousand people", "1,200 thousand", "about", 1200000, 1200000, "people"},
        {"two point five million people", "two point five million", "", 2500000, 2500000, "people"},
        {"half a million people", "half a million", "", 500000, 500000, "people"},
        {"half a dozen soldiers", "half a dozen", "", 6, 6, "soldiers"},
        {"more than a quarter of a million people", "a quarter of a million", "more than", 250001, -1, "people"},
        {"three quarters of a million people", "three quarters of a million", "", 750000, 750000, "people"},
        {"a hundred people", "a hundred", "", 100, 100, "people"},
        {"three million civilians", "three million", "", 3000000, 3000000, "civilians"},
        {"two point zero five million people", "two point zero five million", "", 2050000, 2050000, "people"},
        {"a billion people", "a billion", "", 1000000000, 1000000000, "people"},
        {"10 000 people", "10 000", "", 10000, 10000, "people"},
        {"1 250 000 refugees", "1 250 000", "", 1250000, 1250000, "refugees"},
        {"two dozen civilians", "two dozen", "", 24, 24, "civilians"},
        {"one hundred and twenty-five people", "one hundred and twenty-five", "", 125, 125, "people"},
        // a number restated in the other notation is one figure
        {"forty-five (45) people", "forty-five", "", 45, 45, "people"},
        {"45 (forty-five) people", "45", "", 45, 45, "people"},
        // qualifiers written as signs
        {"35+ dead", "35", "+", 35, -1, "dead"},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        const auto f = parse_figure(r.text, 0);
        REQUIRE(f);
        CHECK(f->value_text == r.value);
        CHECK(f->qualifier_text == r.qualifier);
        const auto [low, high] = interval_of(*f);
        CHECK(show(low) == (r.low < 0 ? "null" : std::to_string(r.low)));
        CHECK(show(high) == (r.high < 0 ? "null" : std::to_string(r.high)));
        CHECK(f->noun == r.noun);
    }
}

TEST_CASE("not figures", "[grammar]") {
    for (const char* text : {"overran large parts", "someone", "attend the meeting", "one-sided", "2nd", ".5 million",
                             "dozen", "between them", "more than", "at least", "abc", ""}) {
        INFO(text);
        const auto f = parse_figure(text, 0);
        const bool figure_with_number = f && (f->first || !f->vague.empty());
        CHECK_FALSE(figure_with_number);
    }
}

TEST_CASE("qualifiers written as signs before the number", "[grammar]") {
    struct sign_row {
        const char* text;
        const char* qualifier;
        long long low, high;
    };
    for (const auto& r : {sign_row{"killed ~40 people", "~", 40, 40}, sign_row{"killed >20 people", ">", 21, -1},
                          sign_row{"killed < 10 people", "<", 0, 9}, sign_row{"killed \xE2\x89\xA5" "12 people", "\xE2\x89\xA5", 12, -1}}) {
        INFO(r.text);
        const std::string text = r.text;
        const auto at = text.find_first_of("0123456789");
        const auto f = parse_figure(text, at);
        REQUIRE(f);
        CHECK(f->qualifier_text == r.qualifier);
        const auto [low, high] = interval_of(*f);
        CHECK(show(low) == (r.low < 0 ? "null" : std::to_string(r.low)));
        CHECK(show(high) == (r.high < 0 ? "null" : std::to_string(r.high)));
        CHECK(f->span.begin == text.find(r.qualifier));
    }
    // a sign glued to a word is not a qualifier
    const std::string glued = "x>20 people";
    const auto f = parse_figure(glued, 2);
    REQUIRE(f);
    CHECK(f->qualifier_text.empty());
}

TEST_CASE("spans are offsets in the article", "[grammar]") {
    const std::string text = "Air strikes killed at least 23 civilians including 10 children";
    const auto f = parse_figure(text, text.find("at least"));
    REQUIRE(f);
    CHECK(f->span.of(text) == "at least 23 civilians");
    CHECK(f->number.of(text) == "23");
    const auto r = parse_figure("between 20 and 30 people", 0);
    REQUIRE(r);
    CHECK(r->number.begin == 0);
    CHECK(r->number.end == 17);
}

TEST_CASE("30-digit numbers are refused, not overflowed", "[grammar]") {
    const auto f = parse_figure("123456789012345678901234567890 people", 0);
    REQUIRE(f);
    CHECK(f->overflow);
    const auto [low, high] = interval_of(*f);
    CHECK_FALSE(low);
    CHECK_FALSE(high);
}

TEST_CASE("number words", "[grammar]") {
    using grammar::claims::words_value;
    CHECK(words_value("two hundred and five") == 205);
    CHECK(words_value("twenty-two") == 22);
    CHECK(words_value("a dozen") == 12);
    CHECK(words_value("a couple") == 2);
    CHECK(words_value("A couple of") == 2);
    CHECK(words_value("two hundred thousand") == 200000);
    CHECK(words_value("Nineteen") == 19);
    CHECK(words_value("1.5 million") == 1500000);
    CHECK(words_value("two point five million") == 2500000);
    CHECK(words_value("half a million") == 500000);
    CHECK(words_value("one hundred and twenty-five") == 125);
    CHECK_FALSE(words_value("people"));
}

TEST_CASE("grammar: an age between the number and its noun is a modifier", "[extract][grammar]") {
    const auto f = parse_figure("Two 16-year-old boys were shot", 0);
    REQUIRE(f.has_value());
    CHECK(*f->first == 2);
    CHECK(f->noun == "boys");
    REQUIRE(f->modifiers.size() == 1);
    CHECK(f->modifiers[0] == "16-year-old");
    const auto g = parse_figure("three 7-months-old infants", 0);
    REQUIRE(g.has_value());
    CHECK(g->noun == "infants");
    // an age alone is no noun: the figure is the number
    const auto h = parse_figure("two 18-year-old", 0);
    REQUIRE(h.has_value());
    CHECK(h->noun.empty());
}
