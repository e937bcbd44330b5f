#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "support/atomic_file.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

namespace {
std::atomic<bool> g_interrupted{false};
// The first Ctrl-C asks the work to stop at the next article or incident, and no
// output is written; a second one ends the program at once.
extern "C" void on_sigint(int) {
    if (g_interrupted.exchange(true)) std::_Exit(130);
}
struct install_handler {
    install_handler() {
        std::signal(SIGINT, on_sigint);
        std::signal(SIGTERM, on_sigint);
    }
} const g_install;
}  // namespace

bool interrupted() { return g_interrupted.load(); }
const std::atomic<bool>& interrupt_flag() { return g_interrupted; }

void print_diagnostics(const diagnostics& diags) {
    if (diags.empty()) return;
    for (const auto& d : diags.items()) std::cerr << render(d);
    if (diags.errors() + diags.warnings() > 0) std::cerr << diags.summary() << '\n';
}

int write_output(const std::string& path, const std::string& content) {
    if (path.empty() || path == "-") {
        std::cout << content;
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "reckon: error: cannot write to standard output\n";
            return exit_code::io_error;
        }
        return exit_code::ok;
    }
    try {
        write_file_atomically(path, content);
    } catch (const io_error& e) {
        std::cerr << "reckon: error: " << e.what() << '\n';
        return exit_code::io_error;
    }
    return exit_code::ok;
}

int write_output(const std::string& path, const std::function<int(std::ostream&)>& write) {
    if (path.empty() || path == "-") {
        const int code = write(std::cout);
        std::cout.flush();
        if (code != exit_code::ok) return code;
        if (!std::cout) {
            std::cerr << "reckon: error: cannot write to standard output\n";
            return exit_code::io_error;
        }
        return exit_code::ok;
    }
    try {
        atomic_output out(path);
        if (const int code = write(out.stream()); code != exit_code::ok) return code;
        out.commit();
    } catch (const io_error& e) {
        std::cerr << "reckon: error: " << e.what() << '\n';
        return exit_code::io_error;
    }
    return exit_code::ok;
}

}  // namespace reckon::cli

namespace reckon::cli {

command add_not_built(CLI::App& root, const std::string& name, const std::string& description) {
    CLI::App* sub = root.add_subcommand(name, description + " (not built yet)");
    sub->allow_extras();
    return {sub, [name] {
                std::cerr << "reckon: error: '" << name << "' is not built yet\n";
                return exit_code::software;
            }};
}

}  // namespace reckon::cli
