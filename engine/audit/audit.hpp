// The audit: the main job. Joins every stage: claims are extracted from the corpus,
// copies detected, each claim described for the rules (source kind, origin, copied),
// incidents formed, reconciled and graded, cumulative totals followed as series, and
// sources scored against the reconciled ranges. The result is plain data; renderers
// (audit/render.hpp) turn it into text, Markdown or JSON.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "audit/claims_stream.hpp"
#include "copies/copies.hpp"
#include "match/evidence.hpp"
#include "match/incidents.hpp"
#include "model/article.hpp"
#include "model/claim.hpp"
#include "registry/registry.hpp"
#include "rules/ruleset.hpp"
#include "support/chunked_vector.hpp"
#include "support/diagnostics.hpp"

namespace reckon::audit {

// How the ruleset read a claim (its interval, its weight) and the rule that did it. The
// rule is shared from the audit's pool (audit_result::share_rule): a million claims name
// a handful of rules, and a rule_ref with its file name in every claim cost more memory
// than the claim's figures. rule_of() gives the rule (an empty one when none).
struct claim_interval {
    std::optional<std::int64_t> low, best, high;  // nullopt high = unbounded
    const rules::rule_ref* rule = nullptr;
};
struct claim_weight {
    double weight = 1.0;
    const rules::rule_ref* rule = nullptr;
};
const rules::rule_ref& rule_of(const rules::rule_ref* r);

struct claim_record {
    claim c;
    std::size_t article = 0;            // index into audit_result::articles
    bool copied = false;                // its sentence is copied from an earlier article
    std::string copied_from;            // that article's id
    claim_interval interval;            // the ruleset's reading of the figure
    claim_weight weight;                // the ruleset's trust in it
    std::string incident;               // incident id ("" for cumulative claims)
};
// The audit's claim records, in corpus order. In chunks, so that they are appended as
// batches of articles are extracted, never copied as they grow, and keep their
// addresses (support/chunked_vector.hpp).
using claim_records = chunked_vector<claim_record>;

// Two claims as the match rules judged them: the rule, and for a scored rule the
// waterfall of weights (`reckon explain`, the audit's `joins`).
struct judged_pair {
    std::string a, b;                   // claim ids
    rules::match_result result;
};

// Members of an incident whose joins are explained (each with its best-joined earlier
// member): a larger incident explains its first ones only.
inline constexpr std::size_t max_explained_members = 32;

struct incident_record {
    std::string id;                     // stable: derived from its claim ids
    std::vector<std::size_t> claims;    // indices into audit_result::claims
    std::vector<std::string> places;    // as written, distinct, in claim order
    std::vector<std::string> place_keys;
    std::string governorate;            // the first-level division most of its claims name
    std::string country;                // the country most of its claims name (ISO 3166-1 alpha-2)
    date date_from, date_to;            // event dates: earliest start, latest end
    std::vector<std::string> actors;
    std::vector<std::string> sources;   // distinct sources
    std::size_t independent_sources = 0;  // distinct origins
    rules::incident_result result;
    std::vector<std::string> decisions; // analyst decisions applied while grouping
    std::size_t component = 0;          // the first claim (index into audit_result::claims) of its
                                        // connected component of matched pairs (match::incident_group)
    std::vector<judged_pair> joins;     // why its claims are together: each explained member
                                        // with the earlier member it joins best
    int severity = 0;                   // highest finding severity: 3 high .. 0 none
    std::vector<double> evidence;       // per finding (result.findings order): evidence_of()
    double strongest = 0;               // the highest evidence among findings of that severity
};

struct series_record {
    std::string key;                    // source | outcome | category | scope
    std::string source, outcome, category, scope;
    std::vector<std::size_t> claims;    // by publication date
    std::vector<rules::finding> findings;
};

struct source_row {
    std::string source;
    std::string kind;
    std::size_t claims = 0;
    std::size_t above = 0, below = 0, inside = 0;  // against the reconciled range
    std::size_t self_contradictions = 0;
};

struct input_hash {
    std::string role;   // corpus, rules, sources, places
    std::string path;
    std::string sha256;
};

// A part of the audit (docs/scaling.md): shard `index` (1-based) of `count`. Claims
// are partitioned so that every block of the matcher, every incident and every
// cumulative series lies within one shard; `count` 0 is the whole audit.
struct shard_spec {
    unsigned index = 0;
    unsigned count = 0;
};

// How the incident claims fell into components (what a shard cannot split) and how
// many this shard owns: for --timings and docs/scaling.md.
struct shard_stats {
    std::size_t components = 0;        // of the whole corpus
    std::size_t largest = 0;           // incident claims in the largest component
    std::size_t incident_claims = 0;   // incident claims this shard owns
};

struct audit_result {
    std::vector<article> articles;
    shard_spec shard;                         // which part this is (count 0: all of it)
    shard_stats shard_sizes;                  // with a shard: the partition's sizes
    std::size_t corpus_claims = 0;            // claims of the whole corpus, of every shard
    std::size_t corpus_cumulative_claims = 0; // of which cumulative
    std::size_t corpus_without_place = 0;     // claims of the corpus with no place read
    std::size_t corpus_without_country = 0;   // ... with no country
    std::size_t corpus_without_source = 0;    // ... attributed to nobody (no source, no outlet)
    claim_records claims;
    std::vector<copies::copy_link> copies;
    std::vector<rules::text_evidence> evidence;  // per article, when a match rule reads it
    // The word statistics the evidence was weighed with: audit_inputs::statistics, or
    // with take_statistics those of this corpus; null when no match rule reads words.
    std::shared_ptr<const match::word_statistics> statistics;
    std::vector<incident_record> incidents;   // by severity of findings, then date, then id
    std::vector<series_record> cumulative;
    std::vector<source_row> sources;
    std::vector<std::string> articles_without_claims;
    std::map<std::string, std::size_t> findings_by_kind;
    std::vector<input_hash> inputs;
    std::size_t pairs_judged = 0;
    std::size_t largest_component = 0;        // units in the largest component of matched pairs (--timings)
    match::naive_estimate naive;              // with audit_inputs::naive_sample (benchmarks)
    // What the claims of a living audit's new articles reach (audit_inputs::stored_articles,
    // shown by --timings): the stored incident claims that a block compares with them
    // (the only ones they can be judged against) and the incidents now holding
    // either. It is what an incremental update must load and re-match at least
    // (docs/performance.md); the audit itself is the whole one.
    struct update_reach {
        bool measured = false;
        std::size_t new_claims = 0;       // incident claims of the new articles
        std::size_t stored_claims = 0;    // incident claims of the stored articles
        std::size_t block_mates = 0;      // stored ones a block compares with a new one
        std::size_t incidents = 0;        // incidents holding a new claim or a block mate
        std::size_t incident_claims = 0;  // the claims of those incidents
    } reach;
    // With audit_inputs::previous: how the incidents were matched (--timings).
    struct matching_scope {
        bool asked = false;               // a previous grouping was given (or refused by the store)
        bool incremental = false;         // only the touched components were matched again
        std::string full_because;         // else why the whole corpus was matched
        std::size_t units = 0, rematched_units = 0;
        std::size_t copy_seeds = 0;       // stored articles whose copy links may have changed
        std::size_t word_seeds = 0;       // stored articles whose words' weights the new ones moved
    } matching;
    // With audit_inputs::keep_cells (not in a shard): per claim, the blocks the matcher
    // puts it in (ruleset::blocking_cells; empty for claims that are not matched on their
    // own: cumulative ones and breakdowns); and per article, 1 for a living audit's stored
    // articles matched again like new ones (their copy links or words' weights moved:
    // their claims' cells may have moved too).
    std::vector<std::vector<rules::block_cell>> cells;
    std::vector<char> reseeded;
    std::vector<judged_pair> explained;       // audit_inputs::explain, in its order
    std::vector<std::pair<std::string, double>> timings;  // seconds per stage, in order
    std::vector<std::size_t> peak_kb;         // peak resident memory (kB) at the end of each stage
    // What the extracted corpus holds once read (--timings): bytes of the claims, the
    // copy sketches, the claim sentences' fingerprints and the matching words, each with
    // the strings and vectors they own. Where the memory of a large audit goes.
    std::vector<std::pair<std::string, std::size_t>> held_bytes;
    bool cancelled = false;                   // stopped early: the result is incomplete
    // Set by apply_filter (audit/filter.hpp): the whole audit's counts before the
    // selection, and the selection in words.
    struct selection {
        std::size_t incidents = 0, series = 0;
        std::string description;
    };
    std::optional<selection> filtered;
    unsigned jobs = 1;                        // threads the renderers may use (the bytes do not depend on it)
    diagnostics diags;

    // The pooled copy of a rule reference, for claim_interval and claim_weight; it lives
    // as long as any copy of this result.
    const rules::rule_ref* share_rule(const rules::rule_ref& r);

private:
    struct rule_pool;
    std::shared_ptr<rule_pool> m_rules;
};

// An analyst decision that names incidents of a living audit's store (`merge "inc-..."`,
// docs/rules.md "Analyst decisions"): the store resolves each incident id to the claims
// that incident held when it was last current; applied to the matcher's groups after
// the claim-level decisions (audit/decisions.hpp).
struct incident_decision {
    std::string action;                           // merge or split
    std::vector<std::string> ids;                 // as the decision names them
    std::vector<std::vector<std::string>> named;  // per id: its claims (a claim id: itself)
    std::string note;                             // "split (FILE:LINE): reason", as the matcher notes decisions
};

// A living audit's previous grouping (store/living_audit.hpp): per stored incident
// claim, the incident and the connected component of matched pairs it was in (labels
// of this run, any numbering). With `stored_articles`, the matcher matches again only
// the components the new articles touch (match::previous_grouping).
struct stored_grouping {
    std::unordered_map<std::string, std::pair<std::uint32_t, std::uint32_t>> by_claim;
};

// Why an update of a living audit under rules that read text evidence matches the
// whole corpus: a word's weight is its rarity in the whole corpus, which every article moves.
inline constexpr const char* words_move_everything = "the rules weigh words by their rarity in the whole corpus (no frozen statistics given)";

struct audit_inputs {
    std::vector<article> articles;
    // Already extracted (a claims stream), one per article: extraction is skipped and
    // the articles need no text. Empty: the articles are extracted here.
    std::vector<extracted_article> extracted;
    // Rows of event data sets read as claims (exchange/datasets.hpp, `--dataset`): one
    // article per row with its claims, audited after the articles above.
    std::vector<article> dataset_articles;
    std::vector<extracted_article> dataset_extracted;
    shard_spec shard;                         // audit only this part
    const rules::ruleset* rules = nullptr;
    const registry::source_registry* sources = nullptr;
    const registry::gazetteer* places = nullptr;
    const registry::world_gazetteer* world = nullptr;  // may be empty
    std::vector<input_hash> hashes;           // filled by the caller (see hash_inputs)
    unsigned jobs = 1;                        // threads for per-article work
    bool live_timings = false;                // print each stage's time to stderr as it ends
    bool count_held = false;                  // fill audit_result::held_bytes (--timings)
    std::size_t naive_sample = 0;             // benchmarks: judge this many random pairs as well (not in any output)
    bool keep_text = true;                    // false: article texts are dropped once claims and copies are
                                              // found (the audit's renderers do not quote them)
    const std::atomic<bool>* cancel = nullptr;  // set (e.g. by SIGINT) to stop early
    // Pairs to explain (`reckon explain`): claim ids, or article ids (then the pair of
    // their claims the rules score highest). An id that names nothing is reported.
    std::vector<std::pair<std::string, std::string>> explain;
    // A living audit's update: the first `stored_articles` articles were in the store
    // before this run, the rest are new; the reach of the new ones is measured (0: not).
    std::size_t stored_articles = 0;
    // A living audit's block index (store/store.hpp): fill audit_result::cells.
    bool keep_cells = false;
    // Decisions naming a store's incidents, resolved by it (store/living_audit.hpp).
    std::vector<incident_decision> incident_decisions;
    // With stored_articles: the stored articles' grouping (nullptr: match everything).
    const stored_grouping* previous = nullptr;
    // Word statistics to weigh the articles' words with instead of the corpus's own (a
    // living audit's frozen statistics, `--statistics STORE`; match::word_statistics).
    // With them an update under rules that read words matches again only what its new
    // articles reach: a stored article's weights move only through words the statistics
    // lack that a new article holds too (those articles are matched again).
    std::shared_ptr<const match::word_statistics> statistics;
    bool take_statistics = false;  // without `statistics`: fill audit_result::statistics with the corpus's
    // For reckon train: passed to the matcher (see match::cluster_options::observe).
    match::pair_observer observe;
    std::size_t random_pairs = 0;
};

audit_result run_audit(audit_inputs inputs);

// SHA-256 of a file's bytes, as lower-case hex ("" when unreadable).
std::string sha256_file(const std::string& path);
std::string sha256_hex(std::string_view bytes);

int severity_rank(const std::string& severity);
// The order incidents are listed in: the strongest findings first (highest severity,
// then more findings), then by date, then by id.
bool stronger(const incident_record& a, const incident_record& b);

// How strong the evidence of a finding between two claims is, 0 to 10: 3 when the
// figures come from different origins (independent evidence), 2 when they are in
// different articles, 2 when both have an exact scope (a count, not a vague word; a day
// and a place; no part, addition, period or subgroup), and up to 3 for the gap between
// them relative to the smaller figure (a gap as large as the figure scores 3). Findings
// that do not name two claims score 0. The audit orders incidents by severity, then by
// this, so one strong conflict comes before many weak ones.
double evidence_of(const rules::claim_facts& a, const rules::claim_facts& b);

// Peak resident memory of this process so far, in kB (VmHWM; 0 when unknown).
std::size_t peak_rss_kb();

}  // namespace reckon::audit
