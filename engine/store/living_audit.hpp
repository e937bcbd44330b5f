// A living audit: one run of `reckon audit CORPUS --store FILE`. The simplest correct
// update: every stored article's claims (extracted once, kept as a claims stream chunk)
// plus this run's new or changed articles, extracted now, go through the whole audit
// again (copies, matching, reconciliation), exactly as one run over all the articles
// would; then the incidents are mapped onto the previous run's ids (store/identity.hpp)
// and the run is saved in one transaction with its lineage and changes report.
//
// Articles are kept in the order they were first added; an article given again with the
// same id and text is not extracted again, one with a new text replaces it in place.
// When reckon's version or the registry files change, every stored article is extracted
// again from its stored text. Rows of UCDP/ACLED data sets (--dataset) are stored as
// articles whose claims came read from the row; they are never extracted, and a row
// given again replaces the stored one when its text (the row written out) changed.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "store/store.hpp"

namespace reckon::store {

// How much a store's corpus may grow past the articles its frozen word statistics were
// counted over before an update takes them again (matching the whole corpus): a tenth.
// Until then a word's weight moves only while the statistics lack it.
inline constexpr double statistics_growth = 0.10;

struct living_inputs {
    // As for one run: `articles` are this run's (may be empty; none pre-extracted),
    // `dataset_articles` with `dataset_extracted` the rows of its data sets, `hashes`
    // name the rules, registry, corpus and data-set files.
    audit::audit_inputs audit;
    std::string at;                              // the run's time, ISO 8601 UTC
    void (*before_commit)() = nullptr;           // tests: runs inside the transaction
    // Work out the load plan (living_store::plan_load) and check it in memory: about 1 s
    // at 100k stored articles, and nothing uses it yet but the --timings report, so it is
    // asked for by that flag only.
    bool plan_load = false;
};

struct living_result {
    audit::audit_result audit;                   // under the store's stable ids
    run_record run;                              // with its changes report
    std::vector<recorded_lineage> lineage;
    std::size_t extracted = 0;                   // articles extracted in this run
    std::size_t incidents_written = 0;           // incidents new or changed in this run (written)
    std::size_t incidents_removed = 0;           // ids no longer current (their rows deleted)
    // The new claims' blocks looked up in the store's block index (when the previous run
    // left it up to date): what an update must load at least, and what the lookup cost.
    bool index_looked_up = false;
    block_lookup index_lookup;
    double index_lookup_seconds = 0;
    // Of those stored claims, the ones outside the stored articles matched again with the
    // new ones (their cells may move in this run): by the index, and by comparing every
    // stored claim's cells in memory. The same when the index is sound.
    std::size_t index_lookup_kept = 0, index_memory_kept = 0;
    // What the update would have to load for them (living_store::plan_load): their
    // components, closed in the store, and the articles holding those; with the same
    // closure taken over the stored incidents in memory (the same claims when the
    // store's component column is sound), and the stored articles in all.
    bool planned = false;
    load_plan plan;
    double plan_seconds = 0;
    std::size_t plan_memory_claims = 0;
    std::size_t stored_articles = 0;
    bool prepared = false;                       // false when cancelled or refused
    bool refused = false;                        // a decision names an incident the store cannot resolve
                                                 // (errors in audit.diags; nothing was audited)
    bool saved = false;
    // What save_living_audit writes.
    run_update pending;
    std::vector<stored_article> articles;
    void (*before_commit)() = nullptr;
};

// Runs the update without writing the store: the caller writes its outputs first, so
// that an output that cannot be written leaves the store as it was. Throws store_error.
living_result prepare_living_audit(living_store& store, living_inputs in);
// Saves a prepared update in one transaction. Throws store_error (the store is then as
// it was).
void save_living_audit(living_store& store, living_result& prepared);

// The time now as ISO 8601 UTC, or SOURCE_DATE_EPOCH's when set (reproducible output).
std::string run_time_now();

}  // namespace reckon::store
