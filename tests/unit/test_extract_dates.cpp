// Dates reader: the date a sentence names, against a fixed publication day.
#include <catch2/catch.hpp>

#include "extract/dates.hpp"
#include "extract_reader_fixture.hpp"

using namespace reckon;

namespace {

// The date sentence 0 names, ISO ("-" for none); published Wednesday 2018-11-14.
std::string own_date(const char* text) {
    test::reader_article a(text);
    const auto& si = a.read(0, extract::need_date);
    return si.own_date ? si.own_date->value.iso() : std::string("-");
}

}  // namespace

TEST_CASE("dates: a sentence's own date against the publication day", "[extract][dates]") {
    struct row {
        const char* sentence;
        const char* expected;
    };
    const row rows[] = {
        {"Strikes killed 12 people on Tuesday.", "2018-11-13"},
        {"Strikes killed 12 people last Wednesday.", "2018-11-07"},
        {"Strikes killed 12 people yesterday.", "2018-11-13"},
        {"Strikes killed 12 people today.", "2018-11-14"},
        {"Strikes killed 12 people overnight.", "2018-11-13"},
        {"Strikes killed 12 people last month.", "2018-10"},
        {"Strikes killed 12 people this year.", "2018"},
        {"Strikes killed 12 people two days ago.", "2018-11-12"},
        {"Strikes killed 12 people on Nov 11.", "2018-11-11"},
        {"Strikes killed 12 people in December.", "2017-12"},
        {"Strikes killed 12 people in 2017.", "2017"},
        {"12 people were killed, the monitor said on Friday.", "-"},
        {"Strikes killed 12 people.", "-"},
        {"They may march on the town.", "-"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.sentence);
        CHECK(own_date(r.sentence) == r.expected);
    }
}

TEST_CASE("dates: sentences without a date word are not split for their date", "[extract][dates]") {
    const std::string with = "Strikes on Tuesday.", without = "Strikes killed 12 people.";
    CHECK(extract::may_hold_date(with, {0, with.size()}));
    CHECK_FALSE(extract::may_hold_date(without, {0, without.size()}));
}

TEST_CASE("dates: a claim without its own date takes the date of a sentence near it", "[extract][dates]") {
    test::reader_article a("Air strikes hit the town on Monday. Rescuers said 12 people were killed.");
    const auto* lf = a.figure("12");
    REQUIRE(lf != nullptr);
    a.read(1, extract::need_all);
    claim c;
    extract::date_of(a.context(), c, *lf, 1);
    CHECK(c.event_date.iso() == "2018-11-12");
}

TEST_CASE("dates: weekday, month and number words", "[extract][dates]") {
    CHECK(extract::weekday_index("monday") == 0);
    CHECK(extract::weekday_index("sunday") == 6);
    CHECK(extract::weekday_index("mondays") == -1);
    CHECK(extract::add_days(date::of_day(2018, 3, 1), -1).iso() == "2018-02-28");
}
