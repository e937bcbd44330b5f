#include <catch2/catch.hpp>

#include "extract/context.hpp"

using namespace reckon;

namespace {
claim at(std::size_t begin, std::string place, std::string key, std::string gov, date when) {
    claim c;
    c.article = "a";
    c.span = {begin, begin + 2};
    c.place = std::move(place);
    c.place_key = std::move(key);
    c.governorate = std::move(gov);
    c.event_date = when;
    return c;
}
}  // namespace

TEST_CASE("a place-less claim takes the place of the nearest claim of the same event date", "[extract][context]") {
    const date thursday = date::of_day(2018, 7, 12);
    std::vector<claim> claims{
        at(10, "Deir Ezzor", "deir-ez-zor", "Deir ez-Zor", thursday),
        at(500, "", "", "", thursday),                                   // SANA's "more than 30"
        at(900, "Albu Kamal", "albu-kamal", "Deir ez-Zor", date::of_month(2018, 6)),
        at(950, "", "", "", date::of_day(2018, 6, 2)),                   // no claim of that date
        at(990, "", "", "Idlib", thursday),                              // its own governorate disagrees
    };
    claims.push_back(at(1000, "", "", "", date{}));  // unknown date: nothing to go by
    claims.back().kind = claim_kind::incident;
    CHECK(extract::inherit_places(claims) == 1);
    CHECK(claims[1].place_key == "deir-ez-zor");
    CHECK(claims[1].governorate == "Deir ez-Zor");
    CHECK(claims[1].place.empty());  // the text named no place
    CHECK(claims[3].place_key.empty());
    CHECK(claims[4].place_key.empty());
    CHECK(claims[5].place_key.empty());
}
