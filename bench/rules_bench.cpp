// rules_bench [CLAIMS] [RULES]: evaluates a ruleset (default: rules/default.rules) over
// synthetic claims grouped in incidents of 1 to 50 claims, the way the engine does:
// interval_of, trust_of and blocking_keys per claim, then reconcile per incident.
// Prints the time of each phase. The generator is seeded, so runs are comparable.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "rules/ruleset.hpp"

using namespace reckon;

int main(int argc, char** argv) {
    const std::size_t total = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
    const std::string path = argc > 2 ? argv[2] : RECKON_SOURCE_DIR "/rules/default.rules";
    const auto t0 = std::chrono::steady_clock::now();
    const auto loaded = rules::load_ruleset(path);
    if (!loaded.rules) {
        for (const auto& d : loaded.diags.items()) std::fputs(render(d).c_str(), stderr);
        return 1;
    }
    const auto& rs = *loaded.rules;
    const auto t1 = std::chrono::steady_clock::now();

    struct source_info {
        const char* name;
        const char* kind;
    };
    const source_info sources[] = {{"SOHR", "monitor"},   {"SANA", "state_media"}, {"AFP", "wire"},
                                   {"Airwars", "ngo"},    {"Local council", "local_media"},
                                   {"US-led coalition", "military"}, {"Al-Ikhbariya", "state_media"},
                                   {"Reuters", "wire"}};
    const char* categories[] = {"people", "civilians", "children", "women", "fighters"};
    const char* places[] = {"hajin", "al-shaafa", "sousa", "al-buqa'an", "albu kamal", "al-qasr", "raqqa", "idlib"};
    const char* governorates[] = {"Deir ez-Zor", "Hasakeh", "Raqqa", "Idlib"};
    const qualifier quals[] = {qualifier::exact, qualifier::exact, qualifier::at_least, qualifier::more_than,
                               qualifier::about, qualifier::up_to, qualifier::vague};

    std::mt19937_64 rng(20181111);
    std::vector<claim> claims;
    claims.reserve(total);
    std::vector<rules::claim_facts> facts;
    facts.reserve(total);
    std::vector<std::pair<std::size_t, std::size_t>> incidents;  // [begin, end) in facts
    while (claims.size() < total) {
        const std::size_t n = std::min<std::size_t>(1 + rng() % 50, total - claims.size());
        const std::size_t begin = claims.size();
        const int base = 1 + static_cast<int>(rng() % 80);
        const int day = 1 + static_cast<int>(rng() % 28);
        const char* place = places[rng() % 8];
        const char* gov = governorates[rng() % 4];
        for (std::size_t i = 0; i < n; ++i) {
            claim c;
            c.id = "a" + std::to_string(claims.size()) + "@" + std::to_string(rng() % 5000);
            c.article = c.id.substr(0, c.id.find('@'));
            c.category = categories[rng() % 5];
            c.qualifier = quals[rng() % 7];
            const std::int64_t v = base + static_cast<int>(rng() % 10) - 5 > 0 ? base + static_cast<int>(rng() % 10) - 5 : 1;
            c.value_text = std::to_string(v);
            c.low = c.qualifier == qualifier::more_than ? v + 1 : c.qualifier == qualifier::up_to ? 0 : v;
            if (c.qualifier == qualifier::exact || c.qualifier == qualifier::about || c.qualifier == qualifier::up_to) c.high = v;
            if (c.qualifier == qualifier::vague) {
                c.vague = "dozens";
                c.value_text = "dozens";
                c.low.reset();
            }
            const auto& s = sources[rng() % 8];
            c.source = s.name;
            if (rng() % 3 == 0) c.relay = {"AFP"};
            c.place = place;
            c.place_key = place;
            c.governorate = gov;
            c.event_date = date::of_day(2018, 11, day);
            c.actor = rng() % 4 == 0 ? "" : "US-led coalition";
            claims.push_back(std::move(c));
            rules::claim_facts f;
            f.source_kind = s.kind;
            f.outlet = "outlet" + std::to_string(rng() % 20);
            f.published = date::of_day(2018, 11, std::min(28, day + static_cast<int>(rng() % 3)));
            f.origin = rng() % 2 == 0 ? "SOHR" : s.name;
            f.copied = rng() % 10 == 0;
            facts.push_back(std::move(f));
        }
        incidents.emplace_back(begin, claims.size());
    }
    for (std::size_t i = 0; i < facts.size(); ++i) facts[i].c = &claims[i];
    // The engine hands reconcile() one vector per incident; build them before timing.
    std::vector<std::vector<rules::claim_facts>> groups;
    groups.reserve(incidents.size());
    for (const auto& [b, e] : incidents) {
        groups.emplace_back(facts.begin() + static_cast<std::ptrdiff_t>(b), facts.begin() + static_cast<std::ptrdiff_t>(e));
    }
    const auto t2 = std::chrono::steady_clock::now();

    const std::clock_t c2 = std::clock();
    std::size_t keys = 0;
    double weights = 0;
    std::int64_t lows = 0;
    for (const auto& f : facts) {
        const auto iv = rs.interval_of(f);
        lows += iv.low.value_or(0);
        weights += rs.trust_of(f).weight;
        keys += rs.blocking_keys(f).size();
    }
    const auto t3 = std::chrono::steady_clock::now();
    const std::clock_t c3 = std::clock();

    std::size_t figures = 0, findings = 0, graded = 0;
    for (const auto& group : groups) {
        const auto r = rs.reconcile(group);
        figures += r.figures.size();
        findings += r.findings.size();
        graded += r.grading.label.empty() ? 0 : 1;
    }
    const auto t4 = std::chrono::steady_clock::now();
    const std::clock_t c4 = std::clock();
    const auto cpu = [](std::clock_t a, std::clock_t b) { return static_cast<double>(b - a) / CLOCKS_PER_SEC; };

    const auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    std::printf("ruleset        %s (load and check %.3f s)\n", path.c_str(), secs(t0, t1));
    std::printf("claims         %zu in %zu incidents (generated in %.2f s)\n", claims.size(), incidents.size(), secs(t1, t2));
    std::printf("per claim      interval_of + trust_of + blocking_keys: %.2f s wall, %.2f s cpu (%zu keys, checksum %lld / %.0f)\n",
                secs(t2, t3), cpu(c2, c3), keys, static_cast<long long>(lows), weights);
    std::printf("per incident   reconcile (figures, findings, grade, decisions): %.2f s wall, %.2f s cpu (%zu figures, %zu findings, %zu graded)\n",
                secs(t3, t4), cpu(c3, c4), figures, findings, graded);
    std::printf("total          %.2f s wall, %.2f s cpu for %zu claims\n", secs(t2, t4), cpu(c2, c4), claims.size());
    return 0;
}
