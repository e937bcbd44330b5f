// The small GeoNames-shaped world gazetteer of tests/data/gazetteer (Springfields, McKeesport,
// Sanaa, Sa'dah, Al Bab...), compiled in memory for the tests that need a world index.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "registry/world.hpp"
#include "registry/world_build.hpp"

namespace reckon::test {

inline registry::world_inputs world_fixture_inputs() {
    const std::string dir = RECKON_TEST_DATA "/gazetteer";
    registry::world_inputs in;
    in.countries = dir + "/countries.json";
    in.admin1 = dir + "/admin1.json";
    in.admin2 = dir + "/admin2.json";
    in.geonames = {dir + "/cities.txt"};
    in.names = dir + "/names.tsv";
    in.common_words = {dir + "/common-words.json"};
    in.provenance = "test fixture";
    return in;
}

// The fixture's index bytes.
inline std::string world_fixture_index() {
    diagnostics d;
    registry::world_build_stats stats;
    auto bytes = registry::build_world_index(world_fixture_inputs(), d, stats);
    REQUIRE(d.errors() == 0);
    REQUIRE(!bytes.empty());
    return bytes;
}

// The fixture loaded.
inline registry::world_gazetteer world_fixture() {
    registry::world_gazetteer g;
    diagnostics d;
    REQUIRE(g.load_bytes(world_fixture_index(), "fixture.gaz", d));
    return g;
}

}  // namespace reckon::test
