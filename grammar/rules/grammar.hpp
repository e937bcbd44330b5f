// The grammar of rules files (docs/rules.md has the EBNF). A file is a sequence of
// statements; each starts at column 1 with a keyword and continues on indented lines,
// so parse.cpp cuts the file into statements first and parses each on its own: an
// error in one statement never hides the errors of the next (recovery at the next rule).
// Only parse.cpp includes this header.
#pragma once

#include <tao/pegtl.hpp>

namespace reckon::grammar::rules {

namespace pegtl = tao::pegtl;

// clang-format off
using pegtl::one; using pegtl::seq; using pegtl::sor; using pegtl::opt; using pegtl::star;
using pegtl::plus; using pegtl::must; using pegtl::if_must; using pegtl::list; using pegtl::not_at;
using pegtl::digit; using pegtl::rep; using pegtl::until; using pegtl::eolf; using pegtl::not_one;
using pegtl::keyword; using pegtl::string; using pegtl::eof;

// Blanks: spaces, line ends (inside a statement) and comments from '#' to the line end.
struct comment : seq<one<'#'>, until<eolf>> {};
struct blank : sor<one<' ', '\t', '\r', '\n'>, comment> {};
struct sp : star<blank> {};
template <class R> struct tok : seq<R, sp> {};

// Words the language reserves; they cannot name rules, fields or functions.
struct kw_and : keyword<'a','n','d'> {};
struct kw_or : keyword<'o','r'> {};
struct kw_not : keyword<'n','o','t'> {};
struct kw_of : keyword<'o','f'> {};
struct kw_in : keyword<'i','n'> {};
struct kw_by : keyword<'b','y'> {};
struct kw_any : keyword<'a','n','y'> {};
struct kw_all : keyword<'a','l','l'> {};
struct kw_claims : keyword<'c','l','a','i','m','s'> {};
struct kw_independent : keyword<'i','n','d','e','p','e','n','d','e','n','t'> {};
struct kw_where : keyword<'w','h','e','r','e'> {};
struct kw_when : keyword<'w','h','e','n'> {};
struct kw_inf : keyword<'i','n','f'> {};
struct kw_true : keyword<'t','r','u','e'> {};
struct kw_false : keyword<'f','a','l','s','e'> {};
struct kw_say : keyword<'s','a','y'> {};
struct kw_best : keyword<'b','e','s','t'> {};
struct kw_otherwise : keyword<'o','t','h','e','r','w','i','s','e'> {};
struct kw_because : keyword<'b','e','c','a','u','s','e'> {};
struct reserved : sor<kw_and, kw_or, kw_not, kw_of, kw_in, kw_by, kw_any, kw_all, kw_claims, kw_independent,
                      kw_where, kw_when, kw_inf, kw_true, kw_false, kw_say, kw_otherwise, kw_because> {};

struct ident : seq<not_at<reserved>, pegtl::identifier> {};
struct number : seq<plus<digit>, opt<one<'.'>, plus<digit>>> {};
struct date_lit : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>> {};
struct string_text : star<sor<seq<one<'\\'>, one<'"', '\\', 'n', 't'>>, not_one<'"', '\\', '\n', '\r'>>> {};
struct string_close : one<'"'> {};
struct string_lit : seq<one<'"'>, string_text, must<string_close>> {};

struct comma : tok<one<','>> {};
struct colon : tok<one<':'>> {};
struct equals : tok<one<'='>> {};
struct dotdot : tok<string<'.', '.'>> {};

// Expressions, loosest first: or, and, not, comparison, + -, * /, unary minus, field access.
struct expr;
struct close_paren : tok<one<')'>> {};
struct paren_expr : seq<tok<one<'('>>, expr, must<close_paren>> {};
struct inf_lit : kw_inf {};
struct true_lit : kw_true {};
struct false_lit : kw_false {};
struct independent_mark : kw_independent {};
struct req_expr : seq<expr> {};
struct where_clause : if_must<tok<kw_where>, req_expr> {};
struct set_expr : seq<opt<independent_mark, sp>, kw_claims, sp, opt<where_clause>> {};
struct by_arg : if_must<tok<kw_by>, req_expr> {};
struct of_set : seq<set_expr> {};
struct of_arg : seq<expr, opt<tok<kw_of>, must<of_set>>> {};
struct call_arg : sor<by_arg, set_expr, of_arg> {};
struct call : seq<ident, sp, tok<one<'('>>, opt<list<call_arg, comma>>, must<close_paren>> {};
struct quant_word : sor<kw_any, kw_all> {};
struct quant_vars : list<tok<ident>, comma> {};
struct quant_in : tok<kw_in> {};
struct quant_set : seq<set_expr> {};
struct quant_body : seq<expr> {};
struct quantifier : if_must<seq<quant_word, sp>, quant_vars, quant_in, quant_set, colon, quant_body> {};
struct interval_close : sor<one<']'>, one<')'>> {};
struct interval_high : seq<expr> {};
struct interval_comma : seq<comma> {};
struct interval : if_must<tok<one<'['>>, req_expr, interval_comma, interval_high, interval_close> {};
struct name_ref : ident {};
struct primary : sor<paren_expr, date_lit, number, string_lit, inf_lit, true_lit, false_lit, quantifier,
                     interval, call, name_ref> {};
struct field_name : ident {};
struct postfix : seq<primary, star<one<'.'>, must<field_name>>, sp> {};
struct neg_op : one<'-'> {};
struct neg_expr : seq<star<tok<neg_op>>, postfix> {};
struct mul_op : one<'*', '/'> {};
struct operand : seq<neg_expr> {};
struct mul_expr : seq<neg_expr, star<tok<mul_op>, must<operand>>> {};
struct add_op : one<'+', '-'> {};
struct add_expr : seq<mul_expr, star<tok<add_op>, must<operand>>> {};
struct cmp_op : sor<string<'=', '='>, string<'!', '='>, string<'<', '='>, string<'>', '='>, one<'<'>, one<'>'>> {};
struct cmp_operand : seq<add_expr> {};
// x in [a, b, c]: x equals one of the listed values (parse.cpp makes it a == a or ...).
struct in_op : kw_in {};
struct in_open : tok<one<'['>> {};
struct in_item : seq<add_expr> {};
struct in_close : tok<one<']'>> {};
struct in_list : seq<in_open, list<must<in_item>, comma>, must<in_close>> {};
struct in_test : if_must<tok<in_op>, in_list> {};
struct cmp_expr : seq<add_expr, opt<sor<seq<tok<cmp_op>, must<cmp_operand>>, in_test>>> {};
struct not_op : kw_not {};
struct not_expr : seq<star<tok<not_op>>, cmp_expr> {};
struct bool_operand : seq<not_expr> {};
struct and_expr : seq<not_expr, star<tok<kw_and>, must<bool_operand>>> {};
struct or_expr : seq<and_expr, star<tok<kw_or>, must<bool_operand>>> {};
struct expr : seq<or_expr> {};

// Pieces of statements. Each commit point is its own rule so it has its own message.
struct rule_name : tok<ident> {};
struct path_string : tok<string_lit> {};
struct reason_string : tok<string_lit> {};
struct id_string : tok<string_lit> {};
struct when_expr : seq<expr> {};
struct when_clause : if_must<tok<kw_when>, when_expr> {};
struct required_when : seq<when_clause> {};
struct value_expr : seq<expr> {};
struct number_t : tok<number> {};
struct signed_number : seq<opt<one<'-'>>, number> {};
struct otherwise_mark_l : kw_otherwise {};

struct kw_include : keyword<'i','n','c','l','u','d','e'> {};
struct include_stmt : if_must<tok<kw_include>, path_string> {};

struct kw_data : keyword<'d','a','t','a'> {};
struct data_stmt : if_must<tok<kw_data>, rule_name, equals, path_string> {};

struct kw_quantity : keyword<'q','u','a','n','t','i','t','y'> {};
struct quantity_word : sor<tok<ident>, tok<string_lit>> {};
struct best_number : if_must<seq<comma, tok<kw_best>>, number_t> {};
struct range_dots : seq<dotdot> {};
struct quantity_stmt : seq<if_must<tok<kw_quantity>, quantity_word, equals, number_t, range_dots, number_t>, opt<best_number>> {};

struct kw_qualifier : keyword<'q','u','a','l','i','f','i','e','r'> {};
struct qualifier_word : sor<tok<ident>, tok<string_lit>> {};
struct interval_t : seq<interval, sp> {};
struct best_expr : if_must<seq<comma, tok<kw_best>>, value_expr> {};
struct qualifier_stmt : seq<if_must<tok<kw_qualifier>, qualifier_word, equals, interval_t>, opt<best_expr>> {};

struct kw_category : keyword<'c','a','t','e','g','o','r','y'> {};
struct kw_within : keyword<'w','i','t','h','i','n'> {};
struct within_word : tok<kw_within> {};
struct category_stmt : if_must<tok<kw_category>, rule_name, within_word, rule_name> {};

struct kw_trust : keyword<'t','r','u','s','t'> {};
struct trust_stmt : seq<if_must<tok<kw_trust>, rule_name, equals, value_expr>, opt<when_clause>> {};

struct kw_block : keyword<'b','l','o','c','k'> {};
struct block_key : seq<expr> {};
struct block_keys : list<block_key, comma> {};
struct block_clause : if_must<seq<tok<kw_block>, tok<kw_by>>, block_keys> {};
struct kw_match : keyword<'m','a','t','c','h'> {};
// A scored match: comparisons with weighted levels, then a threshold.
//   score date:
//     same_day = 3.2 when days_between(a.event_date, b.event_date) == 0
//     far = -4 otherwise
//   threshold 6
struct kw_score : keyword<'s','c','o','r','e'> {};
struct kw_threshold : keyword<'t','h','r','e','s','h','o','l','d'> {};
struct level_weight : tok<signed_number> {};
struct level_condition : sor<seq<otherwise_mark_l, sp>, when_clause> {};
struct score_level : if_must<seq<not_at<kw_threshold>, not_at<kw_score>, tok<ident>, equals>, level_weight, level_condition> {};
struct score_levels : plus<score_level> {};
struct score_clause : if_must<tok<kw_score>, rule_name, colon, score_levels> {};
struct threshold_value : tok<signed_number> {};
struct threshold_clause : if_must<tok<kw_threshold>, threshold_value> {};
struct scored_body : seq<opt<when_clause>, plus<score_clause>, must<threshold_clause>> {};
struct match_stmt : seq<if_must<tok<kw_match>, rule_name, colon>, star<block_clause>,
                        sor<scored_body, must<required_when>>> {};
struct kw_separate : keyword<'s','e','p','a','r','a','t','e'> {};
struct separate_stmt : if_must<tok<kw_separate>, rule_name, colon, required_when> {};
struct kw_supersede : keyword<'s','u','p','e','r','s','e','d','e'> {};
struct supersede_stmt : if_must<tok<kw_supersede>, rule_name, colon, required_when> {};

// A figure pattern: outcome.category, either part may be '*'.
struct pattern_part : sor<ident, one<'*'>> {};
struct pattern_rest : seq<one<'.'>, pattern_part> {};
struct pattern : seq<pattern_part, must<pattern_rest>, sp> {};
struct kw_for : keyword<'f','o','r'> {};
struct for_pattern : seq<pattern> {};
struct for_clause : if_must<tok<kw_for>, for_pattern> {};
struct kw_low : keyword<'l','o','w'> {};
struct kw_high : keyword<'h','i','g','h'> {};
struct bound_word : sor<kw_low, kw_best, kw_high> {};
struct bound_item : if_must<seq<bound_word, sp>, equals, value_expr> {};
struct bound_items : plus<bound_item> {};
struct kw_reconcile : keyword<'r','e','c','o','n','c','i','l','e'> {};
struct reconcile_for : seq<for_clause> {};
struct reconcile_stmt : if_must<tok<kw_reconcile>, rule_name, reconcile_for, colon, bound_items> {};

struct severity_word : ident {};
struct severity_close : tok<one<')'>> {};
struct severity_name : tok<severity_word> {};
struct severity : if_must<tok<one<'('>>, severity_name, severity_close> {};
struct kw_series : keyword<'s','e','r','i','e','s'> {};
struct series_word : tok<kw_series> {};
struct series_clause : if_must<tok<kw_in>, series_word> {};
struct kw_kind : keyword<'k','i','n','d'> {};
struct kind_clause : if_must<tok<kw_kind>, rule_name> {};
struct say_clause : if_must<tok<kw_say>, path_string> {};
struct kw_finding : keyword<'f','i','n','d','i','n','g'> {};
struct finding_stmt : seq<if_must<tok<kw_finding>, rule_name, severity>, opt<sor<for_clause, series_clause>>, must<colon>,
                          opt<kind_clause>, must<required_when>, opt<say_clause>> {};

struct otherwise_mark : kw_otherwise {};
struct grade_body : sor<seq<otherwise_mark, sp>, when_clause> {};
struct kw_grade : keyword<'g','r','a','d','e'> {};
struct grade_stmt : if_must<tok<kw_grade>, rule_name, colon, grade_body> {};

// Analyst decisions: exclude "id" because "reason"; pin "id" to 28 because "..."
struct because_clause : if_must<tok<kw_because>, reason_string> {};
struct id_list : list<id_string, comma> {};
struct kw_exclude : keyword<'e','x','c','l','u','d','e'> {};
struct kw_pin : keyword<'p','i','n'> {};
struct kw_merge : keyword<'m','e','r','g','e'> {};
struct kw_split : keyword<'s','p','l','i','t'> {};
struct kw_to : keyword<'t','o'> {};
struct decision_word : sor<kw_exclude, kw_merge, kw_split> {};
struct pin_word : kw_pin {};
struct pin_value : if_must<tok<kw_to>, number_t> {};
struct decision_stmt : sor<if_must<seq<decision_word, sp>, id_list, because_clause>,
                           if_must<seq<pin_word, sp>, id_string, pin_value, because_clause>> {};

// Rule tests: claims in, expectations out.
struct test_date : seq<rep<4, digit>, one<'-'>, rep<2, digit>, opt<one<'-'>, rep<2, digit>>, not_at<digit>> {};
struct bool_value : sor<kw_true, kw_false> {};
struct test_value : sor<tok<test_date>, tok<signed_number>, tok<string_lit>, tok<bool_value>, tok<ident>> {};
struct test_field : seq<tok<ident>, must<test_value>> {};
struct test_range : if_must<dotdot, number_t> {};
struct test_amount : seq<tok<number>, opt<test_range>> {};
struct kw_claim : keyword<'c','l','a','i','m'> {};
struct test_claim : seq<if_must<tok<kw_claim>, id_string, colon, rule_name, rule_name>, opt<tok<ident>>, opt<test_amount>,
                        star<comma, must<test_field>>> {};
struct kw_expect : keyword<'e','x','p','e','c','t'> {};
struct kw_no : keyword<'n','o'> {};
struct no_mark : kw_no {};
struct series_mark : kw_series {};
struct on_ids : if_must<tok<kw_in>, id_list> {};
struct expect_finding : seq<opt<no_mark, sp>, opt<series_mark, sp>, tok<kw_finding>, must<rule_name>, opt<on_ids>> {};
struct expect_grade : if_must<tok<kw_grade>, rule_name> {};
struct expect_word : sor<keyword<'s','a','m','e'>, keyword<'a','p','a','r','t'>, keyword<'u','s','e','d'>,
                         keyword<'u','n','u','s','e','d'>> {};
struct expect_ids : if_must<seq<expect_word, sp>, id_list> {};
struct weight_word : keyword<'w','e','i','g','h','t'> {};
struct expect_weight : if_must<seq<weight_word, sp>, id_string, equals, number_t> {};
struct bound_value : sor<seq<kw_inf, sp>, seq<keyword<'n','o','n','e'>, sp>, tok<number>> {};
struct expect_bound : seq<bound_word, sp, must<bound_value>> {};
struct fig_equals : tok<one<'='>> {};
struct figure_values : sor<if_must<fig_equals, number_t>, plus<expect_bound>> {};
struct expect_figure : seq<pattern, must<figure_values>> {};
struct expectation : sor<expect_grade, expect_ids, expect_weight, expect_finding, expect_figure> {};
struct test_expect : if_must<tok<kw_expect>, expectation> {};
struct test_item : sor<test_claim, test_expect> {};
struct test_items : plus<test_item> {};
struct description : tok<string_lit> {};
struct kw_test : keyword<'t','e','s','t'> {};
struct test_stmt : seq<if_must<tok<kw_test>, rule_name>, opt<description>, must<colon>, must<test_items>> {};

struct statement : sor<include_stmt, data_stmt, quantity_stmt, qualifier_stmt, category_stmt, trust_stmt,
                       match_stmt, separate_stmt, supersede_stmt, reconcile_stmt, finding_stmt, grade_stmt,
                       decision_stmt, test_stmt> {};
struct statement_end : eof {};
struct chunk : seq<sp, must<statement>, sp, must<statement_end>> {};

// A {placeholder} of a `say` template is an expression on its own.
struct hole : seq<sp, expr, sp, eof> {};
// clang-format on

}  // namespace reckon::grammar::rules
