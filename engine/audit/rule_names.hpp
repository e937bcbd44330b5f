// A rule comparing a claim's source with a name nothing has (`source == "SOHRR"`, a
// relay misspelt, a source of another corpus's registry) passes every syntax and type
// check and silently never applies. This check reports each such name at its rule,
// with the closest name that is known: names of the source registry (canonical, full
// names, aliases, outlet ids, bodies as a country qualifies them) and, when a corpus is
// audited, the sources, relays, origins and outlets of its claims.
#pragma once

#include "audit/audit.hpp"
#include "registry/registry.hpp"
#include "rules/ruleset.hpp"
#include "support/diagnostics.hpp"

namespace reckon::audit {

// Adds one warning `unknown-source` per name of `rules.named_sources()` that neither
// `registry` nor the claims of `corpus` (may be null: `reckon check` without --corpus)
// have, in any case.
void check_named_sources(const rules::ruleset& rules, const registry::source_registry& registry, const audit_result* corpus,
                         diagnostics& diags);

}  // namespace reckon::audit
