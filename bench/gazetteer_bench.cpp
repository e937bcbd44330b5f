// gazetteer_bench: how long the world gazetteer index takes to load (map and check)
// and to answer a name lookup, for a name one place has ("Sanaa") and one that dozens
// share ("Springfield"). Usage: gazetteer_bench [INDEX] (default: the build's world.gaz).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "registry/world.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
    using namespace reckon;
    const std::string path = argc > 1 ? argv[1] : RECKON_WORLD_GAZETTEER;
    std::vector<double> loads;
    registry::world_gazetteer g;
    for (int i = 0; i < 9; ++i) {
        diagnostics diags;
        const auto t = std::chrono::steady_clock::now();
        registry::world_gazetteer fresh;
        if (!fresh.load(path, diags)) {
            for (const auto& d : diags.items()) std::fputs(render(d).c_str(), stderr);
            return 65;
        }
        loads.push_back(seconds_since(t));
        g = std::move(fresh);
    }
    std::sort(loads.begin(), loads.end());
    std::printf("load %s: %u places, median %.1f ms, min %.1f ms, max %.1f ms (9 loads, page cache warm)\n", path.c_str(),
                g.size(), loads[4] * 1e3, loads.front() * 1e3, loads.back() * 1e3);
    const auto us = g.country_of_code("US");
    for (const char* name : {"Sanaa", "Springfield", "Kharkiv", "McKeesport"}) {
        const auto key = registry::world_key(name);
        const auto group = g.find(key);
        if (group == registry::no_place) {
            std::printf("%s: not found\n", name);
            continue;
        }
        constexpr int rounds = 1000000;
        std::uint32_t sink = 0;
        const auto t = std::chrono::steady_clock::now();
        for (int i = 0; i < rounds; ++i) {
            const auto gr = g.find(key);
            sink += g.best(gr) + g.best_in(gr, us);
        }
        const double each = seconds_since(t) / rounds;
        const auto best = registry::entry_entity(g.best(group));
        std::printf("%-12s %4u places share the name, lookup + best + best in the US: %.0f ns; best: %.*s (%.*s, pop %u)%s\n",
                    name, g.count(group), each * 1e9, static_cast<int>(g.name(best).size()), g.name(best).data(),
                    static_cast<int>(g.code(g.entity(best).country).size()), g.code(g.entity(best).country).data(),
                    g.entity(best).population, sink == 0 ? " " : "");
    }
    return 0;
}
