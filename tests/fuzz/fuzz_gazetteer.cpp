// The world gazetteer index loader on arbitrary bytes: never crash, never read out of
// bounds; an index it accepts answers lookups within its own tables.
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "registry/world.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    using namespace reckon;
    diagnostics diags;
    registry::world_gazetteer g;
    const bool ok = g.load_bytes(std::string(reinterpret_cast<const char*>(bytes), size), "fuzz.gaz", diags);
    fuzz::require(ok == (diags.errors() == 0), "a load fails exactly when it reports an error");
    fuzz::require(ok || g.empty(), "a refused index is empty");
    if (!ok) return 0;
    for (const char* name : {"springfield", "sanaa", "mckeesport", "a"}) {
        const auto group = g.find(name);
        if (group == registry::no_place) continue;
        const auto best = g.best(group);
        fuzz::require(registry::entry_entity(best) < g.size(), "the best place of a name is a place");
        const auto& e = g.entity(registry::entry_entity(best));
        fuzz::require(!g.name(registry::entry_entity(best)).empty() || e.name_length == 0, "a name within the strings");
        const auto in = g.best_in(group, e.country, e.division);
        fuzz::require(in == registry::no_place || registry::entry_entity(in) < g.size(), "best_in gives a place or none");
        fuzz::require(g.within(registry::entry_entity(best), e.country), "a place lies within its country");
    }
    g.country_of_code("US");
    return 0;
}
