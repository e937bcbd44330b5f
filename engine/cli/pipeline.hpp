// Loading what the audit-like commands (audit, graph, report) share: the corpus, the
// ruleset and the registry data, with their hashes for reproducibility.
#pragma once

#include <memory>
#include <string>

#include "audit/audit.hpp"
#include "audit/filter.hpp"
#include "cli/corpus_options.hpp"
#include "exchange/datasets.hpp"

namespace reckon::cli {

struct pipeline_options {
    corpus_options corpus;
    std::string rules;      // default: rules/default.rules (see default_rules_path)
    std::string sources;    // default: sources.yaml beside the rules file
    std::string places;     // default: places.yaml beside the rules file
    std::string gazetteer;  // world gazetteer index; default: the build's world.gaz
    unsigned jobs = 0;      // 0: all cores
    bool timings = false;   // print seconds per stage to stderr
    bool keep_text = true;  // false when the output never quotes the articles (audit)
    std::size_t naive_sample = 0;
    bool live_timings = false;     // hidden --live-timings: each stage's time as it ends  // hidden --naive-sample N: benchmark of all-pairs matching
    std::vector<std::string> claims;  // audit --claims: claims streams of `reckon extract` instead of a corpus
    audit::shard_spec shard;          // audit --shard i/N
    std::vector<std::pair<std::string, std::string>> explain;  // reckon explain: the pairs to judge
    match::pair_observer observe;     // reckon train: sees the judged pairs
    std::size_t random_pairs = 0;     // reckon train: and this many random pairs
    std::vector<std::string> datasets;  // --dataset FILE: UCDP GED or ACLED CSVs read as claims (exchange/datasets.hpp)
    std::string store;                // audit --store FILE: the living audit's store (the corpus is then optional)
    std::string statistics;           // --statistics STORE: weigh words with a store's frozen statistics
    audit::audit_filter filter;       // --only, --place, --since... (audit, report)
};

struct pipeline {
    corpus::ingest_result corpus;
    audit::claims_corpus claims;      // with --claims (the corpus is then empty)
    std::shared_ptr<const rules::ruleset> rules;
    registry::source_registry sources;
    registry::gazetteer places;
    registry::world_gazetteer world;
    exchange::dataset_rows datasets;  // rows of --dataset files, read as claims
    std::vector<audit::input_hash> hashes;
    std::shared_ptr<const match::word_statistics> statistics;  // with --statistics
};

void add_pipeline_options(CLI::App& sub, pipeline_options& opts);
// The audit's --claims and --shard options; the corpus is then optional.
void add_claims_options(CLI::App& sub, pipeline_options& opts);
// The audit filters (--only, --min-severity, --place, --since, --until, --source, --top).
void add_filter_options(CLI::App& sub, audit::audit_filter& filter);
// rules/default.rules under the working directory when it exists, else the shipped one.
std::string default_rules_path();
// Loads the world gazetteer index: `given`, else the build's world.gaz. A given index
// that cannot be loaded is an error; a missing default one a warning (places are then
// those of the overlay and those read from text). Malformed is always an error.
void load_world_gazetteer(const std::string& given, registry::world_gazetteer& world, diagnostics& diags);
// Loads everything and prints diagnostics. Returns exit_code::ok or the code to exit with.
int load_pipeline(const pipeline_options& opts, pipeline& p);
// The audit's inputs from a loaded pipeline (moves the articles out of it).
audit::audit_inputs audit_inputs_for(pipeline& p, const pipeline_options& opts);
// Runs the audit on a loaded pipeline (moves the articles out of it).
audit::audit_result run_pipeline(pipeline& p, const pipeline_options& opts);
// Prints the stage timings of an audit to stderr when asked.
void print_timings(const audit::audit_result& a, const pipeline_options& opts);
// What audit, graph and report share: load everything, run the audit, print its
// diagnostics and timings. Returns exit_code::ok with `result` filled and
// `corpus_code` set (ok, or warnings when input was repaired or skipped), or the code
// to exit with (usage, data_error, or interrupted when Ctrl-C stopped the work).
// `loaded`, when given, is the pipeline to load into (its gazetteers outlive the call).
int audit_for_command(const pipeline_options& opts, audit::audit_result& result, int& corpus_code, pipeline* loaded = nullptr);

}  // namespace reckon::cli
