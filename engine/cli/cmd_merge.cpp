// reckon merge SHARD...: the audit of the whole corpus from the shard files that
// `reckon audit --claims ... --shard i/N` wrote, the same bytes a single run writes.
#include <fstream>
#include <iostream>
#include <memory>

#include "audit/shard.hpp"
#include "cli/commands.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

command add_merge(CLI::App& root) {
    struct options {
        std::vector<std::string> shards;
        std::string format = "json";
        std::string output;
    };
    auto opts = std::make_shared<options>();
    CLI::App* sub = root.add_subcommand("merge", "Merge the shard files of a sharded audit into the full audit");
    sub->add_option("shards", opts->shards, "The shard files, one per shard (any order)")->required();
    sub->add_option("--format", opts->format, "Output format")->check(CLI::IsMember({"json", "text", "markdown", "md"}))->capture_default_str();
    sub->add_option("-o,--output", opts->output, "Write to FILE (atomically) instead of standard output");
    return {sub, [opts]() -> int {
                std::vector<std::unique_ptr<std::ifstream>> files;
                std::vector<audit::shard_input> inputs;
                for (const auto& path : opts->shards) {
                    files.push_back(std::make_unique<std::ifstream>(path, std::ios::binary));
                    if (!*files.back()) {
                        std::cerr << "reckon: error: cannot read '" << path << "'\n";
                        return exit_code::usage;
                    }
                    inputs.push_back({path, files.back().get()});
                }
                diagnostics diags;
                const int code = write_output(opts->output, [&](std::ostream& out) {
                    return audit::merge_shards(inputs, opts->format, out, diags) ? int{exit_code::ok} : int{exit_code::data_error};
                });
                print_diagnostics(diags);
                return code;
            }};
}

}  // namespace reckon::cli
