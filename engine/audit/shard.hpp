// Sharded audits (docs/scaling.md). A shard i/N audits the claims of its part only;
// `merge_shards` joins the N shard files into the audit a single run writes, byte for
// byte. The partition keeps whole every block of the matcher, so every incident: claims
// are joined when they share a blocking key of the ruleset (ruleset::blocking_keys),
// an article (the matcher always compares the claims of one article), a breakdown and
// its total, or an analyst's merge; the components are dealt out to the shards largest
// first, each to the least loaded (every shard deals alike, from the same claims).
// Cumulative claims go with their series, whole, the series dealt out the same way. What is global (articles, copies, totals)
// every shard computes alike and the merge checks; what adds up (sources, findings,
// pairs judged) the merge adds; incidents and series are merged in their global order.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "audit/audit.hpp"

namespace reckon::audit {

enum class shard_part : char {
    outside,  // another shard's
    context,  // a cumulative total that a claim of this shard breaks down: kept, not reported
    owned,    // this shard's: reported and counted here
};

// The part of `spec` each claim is in; `facts[i]` describes `claims[i]`. Fills `stats`.
std::vector<shard_part> shard_selection(const claim_records& claims, const std::vector<rules::claim_facts>& facts,
                                        const rules::ruleset& rules, shard_spec spec, shard_stats& stats);

// The key of a cumulative claim's series: source | outcome | category | scope (lower case).
std::string series_key(const claim& c);
std::string series_scope(const claim& c);

// Writes a shard's result as a shard file (JSON Lines, docs/scaling.md).
void write_shard(const audit_result& a, std::ostream& out);

// A shard file to merge: its name (for messages) and its stream.
struct shard_input {
    std::string name;
    std::istream* in = nullptr;
};

// Writes the audit of the whole corpus in `format` (json, text or markdown) from the
// N shard files of one run. Returns false, with errors in `diags`, when the files are
// not the N shards of one run or one is damaged; the output is then incomplete.
bool merge_shards(const std::vector<shard_input>& shards, const std::string& format, std::ostream& out, diagnostics& diags);

}  // namespace reckon::audit
