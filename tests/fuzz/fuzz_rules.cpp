// The rules parser and checker on arbitrary text, then the evaluator on a few fixed
// claims when the file compiles. Never crashes or overflows the stack. The text is
// loaded from memory (includes and data files refused), so no file is written per input.
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "rules/ruleset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    using namespace reckon;
    const auto loaded = rules::load_ruleset_text(std::string(reinterpret_cast<const char*>(bytes), size), "fuzz.rules",
                                                 rules::file_access::refused);
    if (!loaded.rules) {
        fuzz::require(loaded.diags.errors() > 0 || loaded.unreadable, "a refused file says why");
        return 0;
    }
    claim a, b;
    a.id = "a@1";
    a.article = "a";
    a.low = a.high = 38;
    a.value_text = "38";
    a.source = "SOHR";
    a.category = "civilians";
    a.event_date = date::of_day(2018, 11, 11);
    b = a;
    b.id = "b@1";
    b.article = "b";
    b.low = 31;
    b.high.reset();
    b.qualifier = qualifier::more_than;
    b.qualifier_text = "more than";
    b.source = "SANA";
    std::vector<rules::claim_facts> facts(2);
    facts[0].c = &a;
    facts[1].c = &b;
    facts[0].source_kind = "monitor";
    facts[1].source_kind = "state_media";
    facts[0].published = date::of_day(2018, 11, 14);
    facts[1].published = date::of_day(2018, 11, 15);
    facts[0].origin = "source:SOHR";
    facts[1].origin = "source:SANA";
    for (const auto& f : facts) {
        loaded.rules->interval_of(f);
        loaded.rules->trust_of(f);
        loaded.rules->blocking_keys(f);
    }
    loaded.rules->match(facts[0], facts[1]);
    loaded.rules->reconcile(facts);
    loaded.rules->series_findings(facts);
    return 0;
}
