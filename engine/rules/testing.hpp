// Rule tests: a rules file carries examples (claims in, figures, findings and grades
// out); run_rule_tests evaluates them with the file's own ruleset, as `opa test` does
// for policies. Only the tests of the given file run, not those of files it includes
// (an including file may change what they expect).
#pragma once

#include <string>

#include "support/diagnostics.hpp"

namespace reckon::rules {

struct test_report {
    std::size_t tests = 0;
    std::size_t passed = 0;
    std::size_t failed = 0;
    bool unreadable = false;   // the file could not be read
    bool load_failed = false;  // the ruleset has errors; no test ran
    diagnostics diags;         // load errors and one error per failed expectation
    std::string transcript;    // with `explain`: every test's figures, findings, grade and decisions
};

test_report run_rule_tests(const std::string& path, bool explain = false);

}  // namespace reckon::rules
