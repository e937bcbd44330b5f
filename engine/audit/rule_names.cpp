#include "audit/rule_names.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace reckon::audit {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

void check_named_sources(const rules::ruleset& rules, const registry::source_registry& registry, const audit_result* corpus,
                         diagnostics& diags) {
    if (rules.named_sources().empty()) return;
    std::set<std::string> known;         // lower case
    std::vector<std::string> suggestions;  // as written, for "did you mean"
    const auto add = [&](const std::string& name, bool suggest) {
        if (name.empty()) return;
        if (known.insert(lower(name)).second && suggest) suggestions.push_back(name);
    };
    for (const auto& s : registry.sources()) {
        add(s.name, true);
        add(s.full_name, false);
        for (const auto& a : s.aliases) add(a, false);
        for (const auto& o : s.outlet_ids) add(o, false);
    }
    for (const auto& b : registry.bodies()) {
        add(registry.body_source(b, nullptr), true);
        for (const auto& c : registry.countries()) add(registry.body_source(b, &c), true);
    }
    if (corpus != nullptr) {
        for (const auto& r : corpus->claims) {
            add(r.c.source, true);
            for (const auto& relay : r.c.relay) add(relay, true);
        }
        for (const auto& a : corpus->articles) add(a.outlet, true);
    }
    std::set<std::tuple<std::string, std::size_t, std::size_t>> reported;
    for (const auto& v : rules.named_sources()) {
        if (known.count(lower(v.text)) || !reported.insert({v.file, v.line, v.column}).second) continue;
        diagnostic d;
        d.level = severity::warning;
        d.name = "unknown-source";
        d.file = v.file;
        d.line = v.line;
        d.column = v.column;
        d.length = v.length;
        d.source_line = v.source_line;
        d.message = "no source is named '" + v.text + "' in the registry" + std::string(corpus ? " or the corpus" : "") +
                    ", so this test of " + v.field + " never holds";
        const std::string close = closest_match(v.text, suggestions);
        d.hint = close.empty() ? "write a name as sources.yaml has it (name, full_name or an alias), or add the source there"
                               : "did you mean '" + close + "'?";
        diags.add(std::move(d));
    }
}

}  // namespace reckon::audit
