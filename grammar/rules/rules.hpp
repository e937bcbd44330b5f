// The rules-file parser: plain types in, plain types out (no PEGTL in this header).
#pragma once

#include <string>
#include <string_view>

#include "rules/ast.hpp"
#include "support/diagnostics.hpp"

namespace reckon::grammar::rules {

// Largest rules file accepted; larger files are refused with one error.
inline constexpr std::size_t max_file_bytes = 4 * 1024 * 1024;
// Deepest expression tree accepted (parenthesised or chained).
inline constexpr std::size_t max_expression_depth = 200;
// Syntax errors reported per file before giving up.
inline constexpr std::size_t max_syntax_errors = 50;

// Parses `text` (the contents of `source`) into `out.statements`. A statement with a
// syntax error is reported and skipped; parsing resumes at the next statement.
void parse_rules(std::string_view text, const std::string& source, reckon::rules::ast::file& out,
                 diagnostics& diags);

// The keywords that start a statement, for "did you mean" and the docs.
const std::vector<std::string>& statement_keywords();

}  // namespace reckon::grammar::rules
