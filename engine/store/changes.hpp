// What changed between two runs of a living audit: new incidents, new figures in old
// ones, reconciled tolls that moved, findings raised or resolved, merges and splits.
// Computed once when a run is saved (from the previous run's incident snapshots and the
// lineage of ids) and kept in the store, so `reckon changes` can show any past run.
#pragma once

#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/identity.hpp"
#include "store/store.hpp"

namespace reckon::store {

struct run_facts {
    std::int64_t run = 0, previous_run = 0;
    std::string at;
    std::size_t articles_added = 0, articles_changed = 0, articles_total = 0;
    bool ruleset_changed = false, extraction_changed = false;
};

// The changes report as JSON (docs/formats.md "The changes report"); `before` and
// `after` are the incidents of the previous and of this run, both under stable ids.
nlohmann::ordered_json diff_runs(const run_facts& facts, const std::vector<incident_snapshot>& before,
                         const std::vector<incident_snapshot>& after, const std::vector<lineage_event>& lineage);

// The same report as text, for a reader.
void render_changes_text(const nlohmann::ordered_json& changes, std::ostream& out);

}  // namespace reckon::store
