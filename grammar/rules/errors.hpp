// The messages for every commit point of the rules grammar. must_if refuses to compile
// when a must<> point has no message here, so no user ever sees a rule's C++ name.
#pragma once

#include "rules/grammar.hpp"

namespace reckon::grammar::rules {

// clang-format off
template <class Rule> inline constexpr const char* error_message = nullptr;
template <> inline constexpr const char* error_message<string_close> = "unterminated string; expected '\"' before the end of the line";
template <> inline constexpr const char* error_message<close_paren> = "expected ')'";
template <> inline constexpr const char* error_message<of_set> = "expected 'claims' or 'independent claims' after 'of'";
template <> inline constexpr const char* error_message<req_expr> = "expected an expression";
template <> inline constexpr const char* error_message<quant_vars> = "expected a variable name after 'any' or 'all'";
template <> inline constexpr const char* error_message<quant_in> = "expected 'in' after the variables of 'any' or 'all'";
template <> inline constexpr const char* error_message<quant_set> = "expected 'claims' or 'independent claims' after 'in'";
template <> inline constexpr const char* error_message<colon> = "expected ':'";
template <> inline constexpr const char* error_message<in_list> = "expected a list in brackets after 'in', as in [\"SANA\", \"SOHR\"]";
template <> inline constexpr const char* error_message<in_item> = "expected a value in the list";
template <> inline constexpr const char* error_message<in_close> = "expected ',' or ']' in the list";
template <> inline constexpr const char* error_message<quant_body> = "expected a condition after ':'";
template <> inline constexpr const char* error_message<interval_comma> = "expected ',' between the bounds of an interval";
template <> inline constexpr const char* error_message<interval_high> = "expected the upper bound of the interval (an expression or 'inf')";
template <> inline constexpr const char* error_message<interval_close> = "expected ']' or ')' to close the interval";
template <> inline constexpr const char* error_message<field_name> = "expected a field name after '.'";
template <> inline constexpr const char* error_message<operand> = "expected an operand after the operator";
template <> inline constexpr const char* error_message<cmp_operand> = "expected an operand after the comparison";
template <> inline constexpr const char* error_message<bool_operand> = "expected a condition after 'and' or 'or'";
template <> inline constexpr const char* error_message<path_string> = "expected a quoted file name";
template <> inline constexpr const char* error_message<rule_name> = "expected a name";
template <> inline constexpr const char* error_message<equals> = "expected '='";
template <> inline constexpr const char* error_message<number_t> = "expected a number";
template <> inline constexpr const char* error_message<range_dots> = "expected '..' between the two numbers of a range";
template <> inline constexpr const char* error_message<quantity_word> = "expected the vague word this quantity defines";
template <> inline constexpr const char* error_message<qualifier_word> = "expected a qualifier name or quoted words";
template <> inline constexpr const char* error_message<interval_t> = "expected an interval such as [v, inf)";
template <> inline constexpr const char* error_message<within_word> = "expected 'within'";
template <> inline constexpr const char* error_message<value_expr> = "expected an expression";
template <> inline constexpr const char* error_message<when_expr> = "expected a condition after 'when'";
template <> inline constexpr const char* error_message<block_keys> = "expected a blocking key after 'block by'";
template <> inline constexpr const char* error_message<required_when> = "expected 'when' and a condition";
template <> inline constexpr const char* error_message<pattern_rest> = "expected '.' and a category, as in killed.civilians or killed.*";
template <> inline constexpr const char* error_message<for_pattern> = "expected a figure pattern such as killed.civilians or killed.*";
template <> inline constexpr const char* error_message<reconcile_for> = "expected 'for' and a figure pattern such as killed.*";
template <> inline constexpr const char* error_message<bound_items> = "expected 'low =', 'best =' or 'high ='";
template <> inline constexpr const char* error_message<severity_name> = "expected a severity: high, medium, low or info";
template <> inline constexpr const char* error_message<severity_close> = "expected ')' after the severity";
template <> inline constexpr const char* error_message<series_word> = "expected 'series' after 'in'";
template <> inline constexpr const char* error_message<reason_string> = "expected the reason as a quoted string";
template <> inline constexpr const char* error_message<id_list> = "expected one or more quoted claim ids";
template <> inline constexpr const char* error_message<id_string> = "expected a quoted claim id";
template <> inline constexpr const char* error_message<pin_value> = "expected 'to' and the value to pin";
template <> inline constexpr const char* error_message<because_clause> = "expected 'because' and a quoted reason";
template <> inline constexpr const char* error_message<test_value> = "expected a value: a date, a number, a quoted string or a word";
template <> inline constexpr const char* error_message<test_field> = "expected a field and its value, as in source \"SOHR\"";
template <> inline constexpr const char* error_message<statement> = "expected a statement";
template <> inline constexpr const char* error_message<statement_end> = "unexpected text after the end of the statement";
template <> inline constexpr const char* error_message<figure_values> = "expected '= N' or 'low N', 'best N', 'high N'";
template <> inline constexpr const char* error_message<bound_value> = "expected a number, 'inf' or 'none'";
template <> inline constexpr const char* error_message<expectation> = "expected what to expect: a figure (killed.people = 28), 'finding', 'no finding', 'grade', 'same', 'apart', 'used', 'unused' or 'weight'";
template <> inline constexpr const char* error_message<test_items> = "expected 'claim' or 'expect' lines in the test";
template <> inline constexpr const char* error_message<grade_body> = "expected 'when' and a condition, or 'otherwise'";
template <> inline constexpr const char* error_message<severity> = "expected a severity in parentheses, as in (high)";
template <> inline constexpr const char* error_message<level_weight> = "expected the level's weight, a number such as 3.2 or -1.5";
template <> inline constexpr const char* error_message<level_condition> = "expected 'when' and a condition, or 'otherwise', after the level's weight";
template <> inline constexpr const char* error_message<score_levels> = "expected a level such as 'same_day = 3.2 when COND'";
template <> inline constexpr const char* error_message<threshold_clause> = "expected 'threshold' and a number after the comparisons of a scored match";
template <> inline constexpr const char* error_message<threshold_value> = "expected a number after 'threshold'";
// clang-format on

struct errors {
    template <class Rule>
    static constexpr const char* message = error_message<Rule>;
};

}  // namespace reckon::grammar::rules
