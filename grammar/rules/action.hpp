// What the rules parser keeps of a match. The parser builds PEGTL's parse tree, which
// drops the nodes of alternatives that failed (a hand-written action stack would keep
// stale pieces after backtracking); this selector says which rules become nodes:
// literals and names keep their text, operators their symbol, and expression levels
// with a single child fold away. parse.cpp turns the tree into the AST.
#pragma once

#include <tao/pegtl/contrib/limit_depth.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "rules/grammar.hpp"

namespace reckon::grammar::rules {

// Rule nesting beyond this is an error ("nested too deeply"), never a stack overflow:
// 10,000 nested parentheses stop here.
inline constexpr std::size_t max_rule_depth = 600;

template <class Rule>
struct action : pegtl::limit_depth<max_rule_depth> {};

namespace pt = pegtl::parse_tree;

// clang-format off
template <class Rule>
using selector = pt::selector<Rule,
    pt::store_content::on<ident, name_ref, field_name, severity_word, number, signed_number, date_lit, string_text,
                          neg_op, mul_op, add_op, cmp_op, not_op, quant_word, inf_lit, true_lit, false_lit,
                          independent_mark, pattern_part, bound_word, decision_word, pin_word, otherwise_mark,
                          no_mark, series_mark, expect_word, weight_word, bound_value, interval_close,
                          test_date, bool_value, otherwise_mark_l, call, quantifier, set_expr, of_set, quant_set, where_clause,
                          of_arg, by_arg, interval, in_test>,
    pt::remove_content::on<when_clause, block_clause, score_clause, score_level, threshold_clause, pattern, for_clause, bound_item, best_number, best_expr,
                           severity, series_clause, kind_clause, say_clause, because_clause, on_ids, pin_value,
                           test_range, test_field, test_claim, expect_finding, expect_grade, expect_ids,
                           expect_weight, expect_bound, expect_figure, test_expect, description,
                           include_stmt, data_stmt, quantity_stmt, qualifier_stmt, category_stmt, trust_stmt,
                           match_stmt, separate_stmt, supersede_stmt, reconcile_stmt, finding_stmt, grade_stmt,
                           decision_stmt, test_stmt>,
    pt::fold_one::on<or_expr, and_expr, not_expr, cmp_expr, add_expr, mul_expr, neg_expr, postfix>>;
// clang-format on

}  // namespace reckon::grammar::rules
