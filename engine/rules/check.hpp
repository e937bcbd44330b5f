// The checker's entry point (see check.cpp).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "rules/compiled.hpp"
#include "support/diagnostics.hpp"

namespace reckon::rules {

// Checks `statements` (in effect order, overrides applied) and sorts them into `out`.
// `texts` maps each file to its parsed file (for source lines); `kinds` are the valid
// source kinds.
void check_statements(compiled& out, std::vector<ast::statement*>& statements,
                      const std::map<std::string, const ast::file*>& texts, const std::set<std::string>& kinds,
                      diagnostics& diags);

// The source kinds every ruleset knows, before any registry is loaded.
const std::vector<std::string>& builtin_source_kinds();

}  // namespace reckon::rules
