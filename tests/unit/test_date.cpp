#include <catch2/catch.hpp>

#include "model/date.hpp"

using namespace reckon;

TEST_CASE("civil day numbers round-trip and weekdays are right", "[date]") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(civil_from_days(days_from_civil(2018, 11, 14)).iso() == "2018-11-14");
    CHECK(civil_from_days(days_from_civil(2016, 2, 29)).iso() == "2016-02-29");
    // 2018-11-14 was a Wednesday (Monday = 0).
    CHECK(weekday_of(days_from_civil(2018, 11, 14)) == 2);
    CHECK(weekday_of(days_from_civil(2018, 11, 11)) == 6);
}

TEST_CASE("ISO dates parse at their precision and reject impossible days", "[date]") {
    CHECK(date::parse_iso("2018-11-14")->precision == date_precision::day);
    CHECK(date::parse_iso("2018-02")->iso() == "2018-02");
    CHECK(date::parse_iso("2018")->precision == date_precision::year);
    CHECK_FALSE(date::parse_iso("2017-02-30"));
    CHECK_FALSE(date::parse_iso("2016-13-01"));
    CHECK_FALSE(date::parse_iso("18-11-14"));
    CHECK_FALSE(date::parse_iso(""));
}

TEST_CASE("a month-precision date covers the whole month", "[date]") {
    const date feb = date::of_month(2018, 2);
    CHECK(feb.last_day() - feb.first_day() == 27);
    const date leap = date::of_month(2016, 2);
    CHECK(leap.last_day() - leap.first_day() == 28);
}

TEST_CASE("month and weekday names in any case and abbreviated", "[date]") {
    CHECK(month_from_name("May") == 5);
    CHECK(month_from_name("SEPT") == 9);
    CHECK(month_from_name("nov") == 11);
    CHECK(month_from_name("Afp") == 0);
    CHECK(month_from_name("Marc") == 0);
    CHECK(weekday_from_name("Sun") == 6);
    CHECK(weekday_from_name("thursday") == 3);
    CHECK(weekday_from_name("Sunny") == -1);
}

TEST_CASE("a period covers its days and round-trips as an ISO interval", "[date]") {
    const date week = date::of_period(days_from_civil(2016, 3, 7), days_from_civil(2016, 3, 13));
    CHECK(week.precision == date_precision::period);
    CHECK(week.iso() == "2016-03-07/2016-03-13");
    CHECK(week.last_day() - week.first_day() == 6);
    CHECK(date::parse_iso("2016-03-07/2016-03-13") == week);
    CHECK(to_string(week.precision) == "period");
    // one day is a day, not a period
    CHECK(date::of_period(days_from_civil(2016, 3, 7), days_from_civil(2016, 3, 7)).precision == date_precision::day);
    CHECK_FALSE(date::parse_iso("2016-03-13/2016-03-07"));
    CHECK_FALSE(date::parse_iso("2016-03/2016-04"));
    CHECK(week != date::of_day(2016, 3, 7));
}
