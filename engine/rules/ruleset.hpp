// CONTRACT (owned by the rules-language work; may be extended, not broken):
// a compiled ruleset and what the engine asks of it. The engine forms incidents
// (blocking, matching, clustering) and calls reconcile() per incident; every number
// and finding carries the rule (name, file, line) and the claims that produced it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "model/claim.hpp"
#include "support/diagnostics.hpp"

namespace reckon::rules {

struct rule_ref {
    std::string name;       // rule name as written ("same_strike")
    std::string file;       // rules file
    std::size_t line = 0;   // 1-based line of the rule
};

// What the text of a claim's article offers as evidence that two reports tell of one
// event (built once per run by match/evidence.hpp; shared by the claims of an article):
// the TF-IDF vector of its opening words and its rare names (people, streets, units),
// each as (term id, weight) sorted by term id. The vectors are unit length; a name's
// weight is its inverse document frequency in the corpus (log2 of articles / articles
// naming it).
struct text_evidence {
    std::vector<std::pair<std::uint32_t, float>> lead;
    std::vector<std::pair<std::uint32_t, float>> names;
    std::vector<std::uint32_t> rare_names;  // the rarest few names other articles share, for blocking
    std::vector<std::uint32_t> key_lead;    // the heaviest few lead words few articles a week share, for blocking
};
// The cosine of two lead vectors, and the summed weight of the names two articles share
// but the names in `except_a` or `except_b` (sorted term ids: the words of the claims'
// places, which the place comparison weighs already).
double lead_cosine(const text_evidence& a, const text_evidence& b);
double shared_name_weight(const text_evidence& a, const text_evidence& b, const std::vector<std::uint32_t>* except_a = nullptr,
                          const std::vector<std::uint32_t>* except_b = nullptr);

// A figure an article tells, for tells_figure(): its outcome, its bounds as written, its
// event within the article, who tells it (a hash of its source, its sentence) and whether
// the text sets it beside another figure (a part, an earlier word, an addition). Shared by
// the claims of an article.
struct told_figure {
    outcome what = outcome::killed;
    qualifier how = qualifier::exact;
    std::optional<std::int64_t> low, high;
    int event = 0;
    std::size_t teller = 0;
    std::size_t sentence = 0;
    bool beside = false;
    static told_figure of(const claim& c);
};
using article_figures = std::vector<told_figure>;

// What the engine knows about a claim beyond the claim itself.
struct claim_facts {
    const claim* c = nullptr;
    std::string source_kind;                     // registry kind of c->source ("monitor")
    std::map<std::string, std::string> source_fields;  // other registry fields (country, affiliation...)
    std::string outlet;                          // the article's outlet
    date published;                              // the article's publication date
    std::string origin;                          // independence key: equal origin = one piece of evidence
    bool copied = false;                         // its text is copied from another article
    std::vector<std::string> place_parents;      // gazetteer keys enclosing c->place_key, nearest first
                                                 // (district, governorate); lets within() see containment
    // Shared forms of the two above, set by the audit so that a million claims do not
    // each carry a copy of their source's fields and place's parents. When set they are
    // used instead; read both through fields() and parents().
    const std::map<std::string, std::string>* shared_source_fields = nullptr;
    const std::vector<std::string>* shared_place_parents = nullptr;
    // Evidence for scored matching (null or -1 when unknown): the article's text
    // evidence, and the killed and injured figures reported with this one (its own
    // value for its outcome, the other from its sentence or, failing that, the first
    // of that outcome in its article), for "the same 4 killed and 2 injured".
    const text_evidence* text = nullptr;
    const std::vector<std::uint32_t>* place_names = nullptr;  // term ids of the words of its place and
                                                              // division (shared by claims of one place)
    std::int64_t killed = -1, injured = -1;
    std::string_view article_copied_from;        // the article its sentence was copied from ("" if none)
    const article_figures* told = nullptr;       // every incident figure of its article (null: unknown)
    const std::map<std::string, std::string>& fields() const { return shared_source_fields ? *shared_source_fields : source_fields; }
    const std::vector<std::string>& parents() const { return shared_place_parents ? *shared_place_parents : place_parents; }
};

struct interval_result {
    std::optional<std::int64_t> low, best, high;  // nullopt high = unbounded
    rule_ref rule;
};

struct weight_result {
    double weight = 1.0;
    rule_ref rule;
};

// One step of a scored match's waterfall: the level a comparison found and its weight.
struct score_step {
    std::string comparison;  // "date"
    std::string level;       // "same_day"
    double weight = 0;       // log2(m / u) as the rules file gives it
};

struct match_result {
    bool same = false;      // the two claims describe one incident
    rule_ref rule;          // the rule that joined or separated them
    std::string reason;     // short human text ("places overlap, 1 day apart")
    // For a scored rule (rule.name names it): each comparison's level and weight, in
    // the rule's order, their total and the rule's threshold (joined when total >= it).
    std::vector<score_step> waterfall;
    double score = 0, threshold = 0;
    bool scored = false;
};

struct figure {
    enum outcome outcome = outcome::killed;
    std::string category;
    std::optional<std::int64_t> low, best, high;
    rule_ref rule;
    std::vector<std::string> used;  // claim ids that fed it
};

struct claim_decision {
    std::string claim;      // claim id
    bool used = true;
    double weight = 1.0;
    rule_ref rule;          // the rule that used, rejected or down-weighted it
    std::string reason;
};

struct finding {
    std::string kind;       // conflict, self_contradiction, breakdown_exceeds_total, ...
    std::string severity;   // high, medium, low, info
    std::string message;
    std::vector<std::string> claims;
    rule_ref rule;
};

struct grade {
    std::string label;      // confirmed, fair, weak, contested, discounted
    rule_ref rule;
};

struct incident_result {
    std::vector<figure> figures;
    std::vector<claim_decision> decisions;
    std::vector<finding> findings;
    grade grading;
};

// Analyst decisions kept in rules files: exclude or pin a claim, merge or split incidents.
struct analyst_decision {
    std::string action;                // exclude, pin, merge, split
    std::vector<std::string> ids;      // claim ids (exclude, pin, split) or incident/claim ids (merge)
    std::optional<std::int64_t> value; // pin: the value to use
    std::string reason;
    rule_ref rule;
};

// A name a rule compares a claim's field with (`source == "SOHR"`, `relay in ["AFP"]`):
// the audit and `reckon check` warn when nothing the registry or corpus has is named so,
// since such a rule never applies.
struct named_value {
    std::string field;        // source, relay, origin, outlet
    std::string text;         // "SOHR"
    std::string file;
    std::size_t line = 0, column = 0, length = 1;
    std::string source_line;  // the rule's line, for the message
};

// One block a claim sits in: the key and the parts it is inside of (bit i = part i).
struct block_cell {
    std::string key;
    std::uint32_t inside = 0;
    bool operator<(const block_cell& o) const { return key != o.key ? key < o.key : inside < o.inside; }
};

class ruleset {
public:
    virtual ~ruleset() = default;
    virtual interval_result interval_of(const claim_facts& f) const = 0;
    virtual weight_result trust_of(const claim_facts& f) const = 0;
    // Keys under which a claim is compared with others; claims sharing none never match.
    // The plain text of blocking_cells() below: a claim meets every claim that shares one.
    virtual std::vector<std::string> blocking_keys(const claim_facts& f) const = 0;
    // The blocks a claim sits in, with its role in each. A key is built of parts (one per
    // `block by` expression); a claim can be "inside" a part instead of at it (a village
    // is inside its province; a day is inside its month), one bit of `inside` per part.
    // Two claims are compared in a block when no part has both of them inside: a
    // province-wide figure meets every village of the province, but two villages do not
    // meet through the province. The default gives every key of blocking_keys(), at.
    virtual std::vector<block_cell> blocking_cells(const claim_facts& f) const {
        std::vector<block_cell> out;
        for (auto& k : blocking_keys(f)) out.push_back({std::move(k), 0});
        return out;
    }

    virtual match_result match(const claim_facts& a, const claim_facts& b) const = 0;
    // match(a, b).same without the rule and reason (no text built): for the matcher's
    // pair judging, which keeps only the decision.
    virtual bool joins(const claim_facts& a, const claim_facts& b) const { return match(a, b).same; }
    // Whether a match rule reads the articles' text evidence (shared_names,
    // lead_similarity, names()): the engine builds it only then.
    virtual bool reads_text_evidence() const { return false; }
    virtual incident_result reconcile(const std::vector<claim_facts>& claims) const = 0;
    // Findings over one cumulative series (claims of one scope, in publication order).
    virtual std::vector<finding> series_findings(const std::vector<claim_facts>& series) const = 0;
    virtual const std::vector<analyst_decision>& decisions() const = 0;
    virtual std::vector<std::string> files() const = 0;  // every file loaded, includes first
    // YAML data the rules reference by name (`data sources = "sources.yaml"`): name ->
    // path resolved against the referencing file. The engine loads its registry and
    // gazetteer from here, so a ruleset and its data travel together.
    virtual std::map<std::string, std::string> data_files() const = 0;
    // The source names the rules compare claims with, in file order.
    virtual const std::vector<named_value>& named_sources() const {
        static const std::vector<named_value> none;
        return none;
    }
};

struct load_result {
    std::shared_ptr<const ruleset> rules;  // null when there were errors
    diagnostics diags;
    bool unreadable = false;               // the root file could not be read (exit code 2)
};

// Statements (rules, decisions, tests, includes) per rules file (docs/limits.md).
inline constexpr std::size_t max_statements_per_file = 10000;
// Files nested through include, the root counted.
inline constexpr std::size_t max_include_depth = 32;

// Loads, checks and compiles a rules file with its includes and YAML data.
load_result load_ruleset(const std::string& path);

// What a ruleset given as text may do with `include` and `data` statements.
enum class file_access {
    relative_to_name,  // resolve them against the directory of `name` (the cwd when it has none)
    refused,           // refuse each with a located error (fuzzing, untrusted text)
};

// Loads, checks and compiles a ruleset held in memory. `name` is used in diagnostics
// and, with file_access::relative_to_name, as the place includes are resolved from;
// nothing is read for the root itself. Same result as load_ruleset on a file holding
// `text` at `name`.
load_result load_ruleset_text(std::string text, const std::string& name,
                              file_access access = file_access::relative_to_name);

}  // namespace reckon::rules
