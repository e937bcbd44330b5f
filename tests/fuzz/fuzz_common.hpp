// Shared by the libFuzzer targets: the shipped registry data, loaded once, and a
// check that turns a broken invariant into a crash the fuzzer can report.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "registry/registry.hpp"

namespace reckon::fuzz {

inline void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

struct shipped_data {
    registry::source_registry sources;
    registry::gazetteer places;
    shipped_data() {
        diagnostics d;
        sources = registry::load_sources(std::string(RECKON_SOURCE_DIR) + "/rules/sources.yaml", d);
        places = registry::load_places(std::string(RECKON_SOURCE_DIR) + "/rules/places.yaml", d);
    }
};

inline const shipped_data& data() {
    static const shipped_data d;
    return d;
}

}  // namespace reckon::fuzz
