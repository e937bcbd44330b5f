// The abstract syntax of rules files. The parser (grammar/rules) builds it, the checker
// (engine/rules/check.cpp) resolves names and types in place, and the evaluator walks
// the checked tree. Every node keeps its position so that every message, figure and
// finding can point back at the rule that produced it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reckon::rules::ast {

// A place in a rules file: 1-based line and column, byte offset and length.
struct position {
    std::size_t line = 0;
    std::size_t column = 0;
    std::size_t byte = 0;
    std::size_t length = 1;
};

enum class expr_kind {
    number,      // 38, 0.6
    string,      // "monitor"
    date,        // 2018-11-14
    boolean,     // true, false
    infinity,    // inf
    name,        // v, a, weight, source (resolved by the checker)
    field,       // base.name
    unary,       // not x, -x
    binary,      // x + y, x and y, x < y
    call,        // f(args)
    quantifier,  // any a, b in claims: cond
    set,         // claims, independent claims [where cond]
    of,          // expr of set (an aggregate argument)
    by,          // by expr (a named aggregate argument)
    interval,    // [low, high] or [low, inf)
};

// What the checker resolved a name, field or call to. The evaluator switches on these.
enum class resolved : int { unresolved = -1 };

struct expr {
    expr_kind kind = expr_kind::number;
    position pos;
    double number = 0;                   // number, boolean (0/1)
    std::string text;                    // string value, name, field name, operator, function, set kind
    std::vector<std::unique_ptr<expr>> args;  // operands, call arguments, quantifier body (last)
    std::vector<std::string> vars;       // quantifier variables
    bool negative_inf = false;
    // Filled in by the checker.
    int ref = -1;                        // field id, function id, name kind
    int slot = -1;                       // the claim variable slot a field or aggregate reads
    int type = 0;                        // a rules::value_type
};
using expr_ptr = std::unique_ptr<expr>;

// A string with {placeholders}: the literal pieces and the parsed expressions.
struct template_text {
    position pos;
    std::string raw;
    std::vector<std::string> pieces;     // pieces.size() == holes.size() + 1
    std::vector<expr_ptr> holes;
};

enum class statement_kind {
    include, data, quantity, qualifier, category, trust, match, separate, supersede,
    reconcile, finding, grade, decision, test,
};

// One line of a rule test: a claim or an expectation.
struct test_claim {
    position pos;
    std::string id;
    std::string outcome, category;
    std::string qualifier;               // exact, at_least, ... or a vague word
    std::optional<double> value, value2; // value, or range value .. value2
    std::vector<std::pair<std::string, std::string>> fields;  // key, value as written
    std::vector<position> field_pos;
};
struct test_expect {
    position pos;
    std::string what;                    // figure, finding, no_finding, grade, same, apart, series_finding, no_series_finding, weight, used, unused
    std::string outcome, category;       // figure
    std::optional<double> low, best, high;  // figure; high absent + high_inf = unbounded
    bool high_inf = false, best_none = false;
    std::string name;                    // finding kind, grade label
    std::vector<std::string> ids;        // claims
    std::optional<double> number;        // weight
};

// A scored match rule's comparison (`score date:`) and its levels (`same_day = 3.1
// when COND`, the last may be `otherwise`): the first level whose condition holds gives
// the comparison's weight, log2(m / u). No level holding adds nothing.
struct score_level {
    position pos;                        // the level's name
    std::string name;
    double weight = 0;
    position weight_pos;                 // the number as written (reckon train rewrites it)
    std::unique_ptr<expr> condition;     // null for `otherwise`
};
struct score_comparison {
    position pos;                        // the comparison's name
    std::string name;
    std::vector<score_level> levels;
};

struct statement {
    statement_kind kind = statement_kind::include;
    position pos;                        // the keyword
    position name_pos;
    std::string name;                    // rule name; for qualifier, the qualifier name or text
    std::string file;                    // the file it was read from
    bool name_is_text = false;           // qualifier "upwards of"
    std::string path;                    // include / data path
    // quantity
    double q_low = 0, q_high = 0, q_best = 0;
    // qualifier: interval and best; trust: value; reconcile: low/best/high
    expr_ptr low, high, best, value, condition;
    // match: blocking keys, one list per `block by` line; two claims are compared when
    // they meet under any of the lists (a date window with a place, or with a rare name)
    std::vector<std::vector<expr_ptr>> blocks;
    std::vector<score_comparison> scores;  // match: comparisons of a scored rule
    std::optional<double> threshold;     // match: a scored rule joins when its total is at least this
    position threshold_pos;              // the threshold's number as written
    bool otherwise = false;              // grade
    // reconcile / finding pattern
    std::string for_outcome = "*", for_category = "*";
    bool has_pattern = false, in_series = false;
    position pattern_pos;
    std::string severity;                // finding
    std::string finding_kind;            // finding (defaults to name)
    std::unique_ptr<template_text> say;
    std::string parent;                  // category X within PARENT
    // decision
    std::string action;
    std::vector<std::string> ids;
    std::optional<double> pin_value;
    std::string reason;
    // test
    std::string description;
    std::vector<test_claim> claims;
    std::vector<test_expect> expects;
    bool overridden = false;             // replaced by a later file's rule of the same name
};
using statement_ptr = std::unique_ptr<statement>;

struct file {
    std::string path;
    std::string text;
    std::vector<statement_ptr> statements;
};

}  // namespace reckon::rules::ast
