// reckon fmt RULES... [--check | -i]: rules files in their canonical layout
// (rules/format.hpp). Without a flag the formatted file goes to stdout; --check lists
// the files that are not formatted and exits 1 if any; -i rewrites them in place,
// atomically. A file that does not parse is reported and left alone (exit 65): the
// formatter only moves blanks, and only in a file whose statements it can see.
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/commands.hpp"
#include "rules/ast.hpp"
#include "rules/format.hpp"
#include "rules/rules.hpp"
#include "support/atomic_file.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

command add_fmt(CLI::App& root) {
    struct options {
        std::vector<std::string> files;
        bool check = false;
        bool in_place = false;
    };
    auto opts = std::make_shared<options>();
    CLI::App* sub = root.add_subcommand("fmt", "Format rules files canonically (comments kept)");
    sub->add_option("RULES", opts->files, "Rules files")->required();
    auto* check = sub->add_flag("--check", opts->check, "List the files that are not formatted; exit 1 if any");
    auto* in_place = sub->add_flag("-i,--in-place", opts->in_place, "Rewrite the files in place (atomically)");
    check->excludes(in_place);
    return {sub, [opts]() -> int {
                if (!opts->check && !opts->in_place && opts->files.size() > 1) {
                    std::cerr << "reckon fmt: error: several files: say --check or -i (without them one file is written to stdout)\n";
                    return exit_code::usage;
                }
                int code = exit_code::ok;
                for (const auto& path : opts->files) {
                    std::ifstream in(path, std::ios::binary);
                    if (!in) {
                        std::cerr << "reckon: error: cannot read '" << path << "'\n";
                        return exit_code::usage;
                    }
                    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
                    diagnostics diags;
                    rules::ast::file parsed;
                    grammar::rules::parse_rules(text, path, parsed, diags);
                    if (diags.errors() > 0) {
                        print_diagnostics(diags);
                        std::cerr << "reckon fmt: '" << path << "' left as it is: fix its syntax first\n";
                        code = exit_code::data_error;
                        continue;
                    }
                    const std::string formatted = rules::format_rules(text);
                    if (opts->check) {
                        if (formatted != text) {
                            std::cout << path << ": not formatted (reckon fmt -i " << path << ")\n";
                            if (code == exit_code::ok) code = exit_code::warnings;
                        }
                    } else if (opts->in_place) {
                        if (formatted == text) continue;
                        try {
                            write_file_atomically(path, formatted);
                        } catch (const io_error& e) {
                            std::cerr << "reckon: error: " << e.what() << "\n";
                            return exit_code::io_error;
                        }
                    } else {
                        std::cout << formatted;
                    }
                }
                return code;
            }};
}

}  // namespace reckon::cli
