#include <catch2/catch.hpp>

#include "dateline/dateline.hpp"

using namespace reckon;
using reckon::grammar::dateline::find_publication_date;
using reckon::grammar::dateline::parse_column_date;

namespace {
std::string found(std::string_view text) {
    const auto f = find_publication_date(text);
    return f ? f->value.iso() : "none";
}
}  // namespace

TEST_CASE("datelines in the forms outlets write them", "[dateline]") {
    CHECK(found("Afp May 01, 2018\nPHOTO: AFP") == "2018-05-01");
    CHECK(found("Sun 16 Apr 2017 Syrian army") == "2017-04-16");
    CHECK(found("12 February 2015 Damascus") == "2015-02-12");
    CHECK(found("12:26, 13 July 2018 Friday") == "2018-07-13");
    CHECK(found("06.04.2017 Idlib") == "2017-04-06");
    CHECK(found("2017-04-05 report") == "2017-04-05");
    CHECK(found("Nov. 14 2018") == "2018-11-14");
    // the year glued to the day (FA-KES lost the comma and the space)
    CHECK(found("Last updated at Feb 022015 Beirut") == "2015-02-02");
    CHECK(found("Jul 262016 Aleppo") == "2016-07-26");
    CHECK(found("Mar 52017 Idlib") == "2017-03-05");
    // ordinal days, "of", a weekday before the month, year first
    CHECK(found("Published August 1st, 2016 by") == "2016-08-01");
    CHECK(found("on the 3rd of March 2017 in") == "2017-03-03");
    CHECK(found("Monday, May 1 2017 news") == "2017-05-01");
    CHECK(found("2017/04/05 report") == "2017-04-05");
}

TEST_CASE("things that look like dates but are not", "[dateline]") {
    CHECK(found("Syria May 22, 20188. — Reuters") == "none");  // the seed 000 caption
    CHECK(found("on 2/30/2017 nothing") == "none");
    CHECK(found("killed 38 people in 2014") == "none");
    CHECK(found("Fri 45 Apr 2017") == "none");
    CHECK(found("Hello 16 Foo 2017") == "none");
    CHECK(found("Jul 2620166 Aleppo") == "none");
    CHECK(found("Feb 322015 Beirut") == "none");
}

TEST_CASE("numeric datelines keep the month-first reading when it differs", "[dateline]") {
    const auto f = find_publication_date("05-02-2015 Aleppo");
    REQUIRE(f);
    CHECK(f->value.iso() == "2015-02-05");
    REQUIRE(f->month_first);
    CHECK(f->month_first->iso() == "2015-05-02");
    CHECK(f->where.begin == 0);
    CHECK(f->where.end == 10);
}

TEST_CASE("column dates are M/D/YYYY or ISO and must be real days", "[dateline]") {
    CHECK(parse_column_date("4/5/2017")->iso() == "2017-04-05");
    CHECK(parse_column_date(" 2018-11-14 ")->iso() == "2018-11-14");
    CHECK_FALSE(parse_column_date("2/30/2017"));
    CHECK_FALSE(parse_column_date("13/1/2016"));
    CHECK_FALSE(parse_column_date("4/5/2017x"));
    CHECK_FALSE(parse_column_date(""));
}
