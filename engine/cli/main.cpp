// reckon: reconcile conflicting casualty figures across news sources.
// The entry point wires the subcommands together and maps every outcome, CLI11's
// own parse errors included, onto the documented exit codes.
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "support/exit_codes.hpp"

int main(int argc, char** argv) {
    using namespace reckon;
    CLI::App app{"reckon: reconcile conflicting casualty figures across news sources", "reckon"};
    app.set_version_flag("--version", std::string("reckon ") + RECKON_VERSION);
    app.require_subcommand(1);

    std::map<const CLI::App*, cli::runner> runners;
    const auto add = [&](cli::command c) { runners[c.app] = std::move(c.run); };
    add(cli::add_ingest(app));
    add(cli::add_extract(app));
    add(cli::add_check(app));
    add(cli::add_fmt(app));
    add(cli::add_test(app));
    add(cli::add_audit(app));
    add(cli::add_report(app));
    add(cli::add_graph(app));
    add(cli::add_merge(app));
    add(cli::add_explain(app));
    add(cli::add_train(app));
    add(cli::add_changes(app));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_code::usage;
    }
    for (const auto* sub : app.get_subcommands()) {
        const auto it = runners.find(sub);
        if (it == runners.end()) continue;
        try {
            const int code = it->second();
            return cli::interrupted() ? exit_code::interrupted : code;
        } catch (const std::exception& e) {
            std::cerr << "reckon: internal error: " << e.what() << '\n';
            return exit_code::software;
        }
    }
    return exit_code::usage;
}
