// The compiled form of a ruleset: the checked AST statements, sorted by what they do,
// with every name resolved to an id. Internal to engine/rules (check.cpp builds it,
// eval.cpp runs it, testing.cpp drives it from rule tests).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "rules/ast.hpp"
#include "rules/ruleset.hpp"

namespace reckon::rules {

enum value_type : int { t_unknown = 0, t_number, t_bool, t_string, t_date, t_interval, t_claim, t_set, t_none };

// Claim fields visible in expressions.
enum class field : int {
    id, article, kind, outcome, category, side, value, low, high, best, interval, qualifier, qualifier_text,
    vague, text, parent, source, source_text, source_kind, source_name, source_field, relay, relay_count,
    origin, outlet, copied, weight, published, event_date, place, place_key, governorate, actor, attack, scope, country,
    figure, credit,  // in words, for messages (model/wording.hpp)
    relation, period, group, event, lead, localities, day_named, counted,
};

// The widest window days(d, n) accepts: a claim gets n + 1 keys from it.
constexpr int max_days_window = 31;

// Functions and aggregates.
enum class function : int {
    count, count_distinct, min, max, sum, mean, median, weighted_median, latest, earliest, intersection,
    abs, round, floor, ceil, days_between, week, month, year, known, disjoint, overlaps, contains, width,
    same_place, within, compatible, part_of, has_finding, days, exact_days, places, precision,
    place_level, figures, shared_names, lead_similarity, copied_between, names,
    same_scope, same_locality, locality_within, tells_figure, lead_words, same_span, same_side,
};

// Operators, resolved by the checker into expr::ref so evaluation never compares text.
enum class op : int { and_, or_, add, sub, mul, div, eq, ne, lt, le, gt, ge, not_, neg };
op op_of(const std::string& text);

// Name kinds the checker resolves an expr_kind::name to (stored in expr::number).
enum class name_kind : int { claim_var = 1, implicit_field = 2, number_var = 3 };
// Number variables of qualifier and trust rules.
enum number_var : int { nv_v = 0, nv_low = 1, nv_high = 2, nv_weight = 3 };

struct compiled {
    std::vector<std::string> files;                        // includes first
    std::map<std::string, std::string> data;               // data name -> resolved path
    std::vector<std::unique_ptr<ast::file>> sources;       // owns the statements
    std::map<std::string, const ast::statement*> quantities;       // vague word (lower case)
    std::map<std::string, const ast::statement*> qualifier_by_name;  // exact, at_least, ...
    std::map<std::string, const ast::statement*> qualifier_by_text; // "upwards of"
    std::map<std::string, std::string> category_parent;   // children -> civilians
    std::vector<const ast::statement*> trust, match, separate, supersede, reconcile, findings, grades, tests;
    std::vector<analyst_decision> decisions;
    std::vector<named_value> named_sources;               // source names compared with, for the unknown-source warning
    std::string root;                                      // the file load_ruleset was given
};

rule_ref ref_of(const ast::statement& s);

}  // namespace reckon::rules
