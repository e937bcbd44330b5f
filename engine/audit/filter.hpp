// Audit filters: the part of an audit a reader asks for (--only, --min-severity, --place,
// --since, --until, --source, --top). Applied to the audit result before any renderer,
// so every output format (text, Markdown, JSON, the reports) shows the same selection;
// the summary keeps the whole audit's totals and says what was selected.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "model/date.hpp"
#include "registry/registry.hpp"
#include "support/diagnostics.hpp"

namespace reckon::audit {

struct audit_filter {
    std::vector<std::string> kinds;   // finding kinds (--only); empty: any
    std::string min_severity;         // info, low, medium, high (--min-severity); "": any
    std::vector<std::string> places;  // a place at any level of the gazetteer (--place)
    std::optional<date> since, until; // event dates overlapping [since, until]
    std::vector<std::string> sources; // a source, relay or outlet by name (--source)
    std::size_t top = 0;              // the N strongest incidents (--top); 0: all

    bool empty() const {
        return kinds.empty() && min_severity.empty() && places.empty() && !since && !until && sources.empty() && top == 0;
    }
    // "place Aleppo; since 2016-01-01; top 10", for the summary.
    std::string describe() const;
};

// Keeps the incidents and series the filter selects, with only the findings it selects
// (when --only or --min-severity is given, an incident without such a finding is left
// out), sorted by the strength of their findings; the source table is cut to --source.
// The whole audit's totals stay in `a.unfiltered`. A place or source that selects
// nothing is a warning with the closest name the audit has.
void apply_filter(audit_result& a, const audit_filter& f, const registry::gazetteer* places, diagnostics& diags);

}  // namespace reckon::audit
