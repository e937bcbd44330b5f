// reckon test FILE...: runs the rule tests each rules file carries and reports every
// failed expectation at its line. Exit codes: 0 all passed, 1 a test failed or a file
// has errors, 2 a file could not be read.
#include <iostream>

#include "cli/commands.hpp"
#include "rules/testing.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

command add_test(CLI::App& root) {
    auto files = std::make_shared<std::vector<std::string>>();
    auto explain = std::make_shared<bool>(false);
    CLI::App* sub = root.add_subcommand("test", "Run the examples carried by rules files");
    sub->add_option("FILE", *files, "Rules files whose tests to run")->required();
    sub->add_flag("--explain", *explain, "Print every test's figures, findings, grade and claim decisions");
    return {sub, [files, explain]() -> int {
                bool unreadable = false, bad = false;
                std::size_t tests = 0, passed = 0, failed = 0;
                for (const auto& f : *files) {
                    const auto r = rules::run_rule_tests(f, *explain);
                    std::cout << r.transcript;
                    for (const auto& d : r.diags.items()) std::cerr << render(d);
                    unreadable = unreadable || r.unreadable;
                    bad = bad || r.load_failed || r.failed > 0;
                    tests += r.tests;
                    passed += r.passed;
                    failed += r.failed;
                    if (!r.load_failed) {
                        std::cout << f << ": " << r.passed << " of " << r.tests << (r.tests == 1 ? " test" : " tests")
                                  << " passed\n";
                    } else {
                        std::cout << f << ": not run (" << r.diags.summary() << ")\n";
                    }
                }
                std::cout << tests << (tests == 1 ? " test, " : " tests, ") << passed << " passed, " << failed
                          << " failed\n";
                if (unreadable) return exit_code::usage;
                return bad ? exit_code::warnings : exit_code::ok;
            }};
}

}  // namespace reckon::cli
