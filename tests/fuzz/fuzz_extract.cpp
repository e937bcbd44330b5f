// The claim extractor on arbitrary text: never crashes, and every claim's spans lie
// inside the article with the figure inside its sentence. The seeds in corpus/extract
// reach the number forms of grammar/claims and the date phrases of grammar/when.
#include <cstdint>

#include "extract/extract.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    using namespace reckon;
    article a;
    a.id = "fuzz";
    a.text.assign(reinterpret_cast<const char*>(bytes), size);
    a.body = {0, a.text.size()};
    a.published = date::of_day(2018, 11, 14);
    // One extractor for the whole run: its tables are built once, as in the audit.
    static const extract::extract_context ctx{&fuzz::data().sources, &fuzz::data().places};
    static const extract::extractor x(ctx);
    diagnostics diags;
    const auto claims = x.extract(a, diags);
    for (const auto& c : claims) {
        fuzz::require(c.span.begin <= c.span.end && c.span.end <= a.text.size(), "figure span inside the article");
        fuzz::require(c.sentence.begin <= c.span.begin && c.span.end <= c.sentence.end, "figure inside its sentence");
        fuzz::require(!c.low || !c.high || *c.low <= *c.high, "low <= high");
        // dates read by the date grammar (grammar/when), periods too, round-trip through ISO
        fuzz::require(!c.event_date.known() || date::parse_iso(c.event_date.iso()) == c.event_date, "event date round-trips");
    }
    return 0;
}
