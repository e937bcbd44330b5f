// The living audit's store (docs/formats.md "The store"): one SQLite file that keeps,
// between runs, every article (its text and what was extracted from it, as a claims
// stream chunk), the current incidents (their claims, reconciled figures, findings and
// decisions), every incident id ever issued, the lineage of ids, and one row per run
// with the hashes of the ruleset and of the extraction inputs and the run's changes.
//
// Each update is one transaction in WAL mode: a process killed at any point leaves the
// store as it was or as after the update, and readers see one or the other while a
// writer works. The schema carries a version; a store of another version is refused.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "match/evidence.hpp"
#include "model/article.hpp"
#include "store/identity.hpp"
#include "store/sqlite.hpp"

namespace reckon::store {

// The layout of the tables. Version 2 added the block index (table claim_blocks);
// version 3 an indexed column `component` of incidents (the component of matched pairs
// each belongs to, as in its snapshot), so an update finds every incident of a component
// without reading the others. A version 1 or 2 store opened for a run is migrated in
// place (version 1's block index is then filled by the run); a store of any other
// version is refused.
inline constexpr int schema_version = 3;

// One row of the block index: a stored claim sits in the matcher's block `cell` (the
// 64-bit FNV-1a hash of the block's key, as a signed SQLite integer) with role `inside`
// (ruleset::blocking_cells: two claims are compared when no part has both inside).
struct claim_block {
    std::int64_t cell = 0;
    std::uint32_t inside = 0;
    std::string claim;
};
std::int64_t block_cell_hash(std::string_view key);

// What the block index gives for some cells (living_store::block_mates).
struct block_lookup {
    std::vector<std::string> claims;  // stored claims compared with one of the cells, sorted, distinct
    std::size_t rows = 0;             // index rows read
    std::int64_t steps = 0;           // SQLite virtual machine steps: the work the lookup did
    std::int64_t full_scan_steps = 0; // steps of full table scans (0 when every lookup used the index)
    std::size_t cells = 0;            // cells asked (with repeats)
};

// What an update must load of the store for its new claims (living_store::load_plan):
// the stored claims compared with them in some block (block_mates), closed under the
// stored components of matched pairs those claims sit in, and the articles holding them.
// The matcher matches again exactly such components (with the seeds' own); the rest of
// the store keeps its grouping.
struct load_plan {
    std::size_t components = 0;           // distinct stored components reached
    std::size_t incidents = 0;            // stored incidents in them
    std::vector<std::string> claims;      // their claims, sorted
    std::vector<std::string> articles;    // the articles holding those claims, sorted
    bool complete = true;                 // false: a reached incident keeps no component (an older store)
    std::int64_t steps = 0;               // SQLite virtual machine steps: the work the plan did
    std::int64_t full_scan_steps = 0;     // steps of full table scans (0 when every lookup used an index)
};

struct stored_article {
    article meta;             // all fields; `text` only when loaded with texts
    std::string text_sha256;  // of the text: a changed article is extracted again
    std::string stream;       // its claims stream chunk: article record, then claim lines
    // A row of a UCDP or ACLED data set (--dataset): its claims were read from the
    // row's columns, not by the extractor from its text, so it is never extracted again.
    bool from_dataset = false;
};

// An incident as a run left it: what the next run's changes are measured against.
struct incident_snapshot {
    std::string id;
    std::vector<std::string> claims;  // claim ids, sorted
    nlohmann::ordered_json reconciled;        // [{outcome, category, low, best, high}]
    nlohmann::ordered_json findings;          // [{kind, severity, message}]
    std::vector<std::string> decisions;
    // Its connected component of matched pairs, named by the component's first claim: an
    // update matches again only the components its new claims touch (store/living_audit.hpp).
    // Empty in a store written before it was kept (key "component" of the snapshot).
    std::string component;
};

struct run_record {
    std::int64_t run = 0;
    std::string at;                 // UTC time (SOURCE_DATE_EPOCH when set)
    std::string reckon_version;
    std::string ruleset_hash;       // SHA-256 over the rules files' hashes
    std::string extraction_hash;    // SHA-256 over reckon's version and the registry files' hashes
    std::size_t articles_added = 0, articles_changed = 0, articles_total = 0, incidents = 0;
    nlohmann::ordered_json changes;         // the changes report (store/changes.hpp)
};

struct recorded_lineage {
    std::int64_t run = 0;
    lineage_event event;
    std::string cause;              // new articles, ruleset changed, decisions
};

// Everything one update writes, in one transaction.
struct run_update {
    std::vector<const stored_article*> added;    // appended in this order
    std::vector<const stored_article*> changed;  // replaced (same id, new text)
    // With `all_incidents`, the current incidents, all of them (the stored ones are
    // replaced); else only those new or changed in this run, with `removed` the ids no
    // longer current: an update writes what changed, not every incident again.
    std::vector<incident_snapshot> incidents;
    std::vector<std::string> removed;
    bool all_incidents = true;
    std::vector<recorded_lineage> lineage;
    run_record run;
    // The word statistics this run weighed words with: taken now (written, replacing the
    // stored ones), or the stored ones kept (`statistics_kept`: marked used by this run).
    // Neither: the rules read no words, and the stored statistics, if any, go stale.
    std::shared_ptr<const match::word_statistics> statistics_taken;
    bool statistics_kept = false;
    // The block index: with `blocks_all` written again whole (`blocks` are every stored
    // unit's rows), else the rows of the claims `blocks_replaced` deleted and `blocks`
    // added (new claims, and claims whose cells may have moved).
    bool blocks_all = true;
    std::vector<claim_block> blocks;
    std::vector<std::string> blocks_replaced;
};

// The store's frozen word statistics (docs/formats.md "Frozen word statistics"): taken
// by a run that matched the whole corpus, kept by the updates after it.
struct stored_statistics {
    std::shared_ptr<const match::word_statistics> words;
    std::int64_t taken_in_run = 0;
    std::int64_t used_in_run = 0;  // the last run that weighed words with them
};

// The result of check(): empty problems when the store is sound.
struct store_check {
    std::vector<std::string> problems;
};

class living_store {
public:
    // Opens an existing store or, with `create`, makes a new one. Throws store_error
    // (io for file system failures; a message naming both versions for a store of
    // another schema version).
    living_store(const std::string& path, bool create, bool read_only = false);

    bool empty() const;  // no run recorded yet
    std::int64_t last_run() const;
    // Every article in the order first added. Without `with_stream` their claims
    // stream chunks stay in the store (read them with for_each_stream): at 100,000
    // articles they are some 550 MB, and a copy of them all was most of an update's peak.
    std::vector<stored_article> articles(bool with_text, bool with_stream = true) const;
    // Each article's claims stream chunk, in the order of articles(): `visit(position,
    // chunk)` with its 0-based position there. One chunk is held at a time.
    void for_each_stream(const std::function<void(std::size_t, std::string&&)>& visit) const;
    std::vector<incident_snapshot> incidents() const;
    std::set<std::string> issued_ids() const;
    // The claims incident `id` held when it was last current (merged and retired ids
    // too: analyst decisions name them); nullopt when unknown.
    std::optional<std::vector<std::string>> incident_claims(const std::string& id) const;
    std::vector<run_record> runs() const;
    std::vector<recorded_lineage> lineage() const;
    // The word statistics kept, or nullopt when none are.
    std::optional<stored_statistics> statistics() const;
    // The run that last wrote the block index (0: never; a migrated version 1 store).
    std::int64_t blocks_run() const;
    // The stored claims the matcher compares with a claim sitting in `cells` (cell,
    // inside): an indexed lookup per distinct cell, so it reads the rows of those blocks
    // only, whatever the size of the store.
    block_lookup block_mates(const std::vector<std::pair<std::int64_t, std::uint32_t>>& cells) const;
    // What an update must load for new claims whose block mates are `mates` (stored
    // claim ids): their incidents' components, every incident of those, their claims and
    // articles, by indexed lookups (incident_claims by claim, incidents by component), so
    // in time that grows with what is reached, not with the store.
    load_plan plan_load(const std::vector<std::string>& mates) const;

    // Writes one run in one transaction. `before_commit` (tests: fault injection) runs
    // inside the transaction just before COMMIT.
    void save(const run_update& update, void (*before_commit)() = nullptr);

    // PRAGMA integrity_check and the store's own invariants (every current incident
    // id issued, every claim of an incident listed once, the run counter and the
    // article count as the last run recorded).
    store_check check() const;

    // Starts a read transaction: what follows sees one committed state.
    void begin_read() const;
    void end_read() const;

    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::unique_ptr<database> m_db;
};

// JSON of an article's fields (without its text) and back.
nlohmann::ordered_json article_json(const article& a);
article article_from_json(const nlohmann::ordered_json& j);

}  // namespace reckon::store
