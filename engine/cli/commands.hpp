// The subcommands of the reckon CLI. Each lives in its own cmd_*.cpp, registers its
// options on the root app and returns the function that runs it. This is the only
// layer that reads argv, prints, and chooses exit codes (support/exit_codes.hpp).
#pragma once

#include <atomic>
#include <functional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "support/diagnostics.hpp"

namespace reckon::cli {

using runner = std::function<int()>;

// A registered subcommand and the function that runs it once argv is parsed.
struct command {
    CLI::App* app = nullptr;
    runner run;
};

command add_ingest(CLI::App& root);
command add_audit(CLI::App& root);
command add_graph(CLI::App& root);
command add_report(CLI::App& root);
command add_extract(CLI::App& root);
command add_check(CLI::App& root);
command add_fmt(CLI::App& root);
command add_test(CLI::App& root);
command add_merge(CLI::App& root);
command add_explain(CLI::App& root);
command add_train(CLI::App& root);
command add_changes(CLI::App& root);
command add_not_built(CLI::App& root, const std::string& name, const std::string& description);

// Prints diagnostics to stderr, then the count line when there were any.
void print_diagnostics(const diagnostics& diags);
// Writes `content` to stdout (path "" or "-") or atomically to `path`. Returns an exit
// code: ok, or io_error after printing a message.
int write_output(const std::string& path, const std::string& content);
// The streaming form: `write` puts the output on the stream it is given, which is
// stdout or a temporary file beside `path` renamed over it at the end, and returns an
// exit code. When that code is not ok, writing fails or `write` throws, the temporary
// file is removed and the target left as it was.
int write_output(const std::string& path, const std::function<int(std::ostream&)>& write);
// True when the user pressed Ctrl-C; long loops check it and stop with exit code 130.
bool interrupted();
// The flag itself, for the library's cancellation checks.
const std::atomic<bool>& interrupt_flag();

}  // namespace reckon::cli
