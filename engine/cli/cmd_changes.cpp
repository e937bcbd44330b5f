// reckon changes STORE: what a run of the living audit changed (new incidents, new
// figures, moved tolls, findings raised or resolved, merges and splits), its lineage
// of ids, or a check that the store is sound (docs/formats.md "The store").
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "store/changes.hpp"
#include "store/store.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

command add_changes(CLI::App& root) {
    struct options {
        std::string store;
        std::int64_t run = 0;
        std::string format = "text";
        std::string output;
        bool lineage = false;
        bool check = false;
    };
    auto opts = std::make_shared<options>();
    CLI::App* sub = root.add_subcommand("changes", "What a run of a living audit (audit --store) changed");
    sub->add_option("store", opts->store, "The store written by 'reckon audit --store'")->required();
    sub->add_option("--run", opts->run, "Which run (default: the last)");
    sub->add_option("--format", opts->format, "Output format")->check(CLI::IsMember({"text", "json"}));
    sub->add_option("-o,--output", opts->output, "Write to FILE (atomically) instead of standard output");
    sub->add_flag("--lineage", opts->lineage, "List the lineage of incident ids of every run instead");
    sub->add_flag("--check", opts->check, "Check the store's integrity and consistency (exit 65 when it is not sound)");
    return {sub, [opts]() -> int {
                try {
                    const store::living_store st(opts->store, false, true);
                    st.begin_read();  // one committed state, even while a writer updates
                    if (opts->check) {
                        const auto result = st.check();
                        for (const auto& p : result.problems) std::cerr << "reckon: error: store '" << opts->store << "': " << p << "\n";
                        st.end_read();
                        if (!result.problems.empty()) return exit_code::data_error;
                        std::cout << "store '" << opts->store << "': ok, " << st.last_run() << " runs\n";
                        return exit_code::ok;
                    }
                    nlohmann::ordered_json doc;
                    std::string text;
                    if (opts->lineage) {
                        auto list = nlohmann::ordered_json::array();
                        for (const auto& l : st.lineage()) {
                            list.push_back({{"run", l.run}, {"kind", l.event.kind}, {"from", l.event.from}, {"to", l.event.to},
                                            {"claims", l.event.claims}, {"cause", l.cause}});
                            text += "run " + std::to_string(l.run) + "  " + l.event.kind + "  " + (l.event.from.empty() ? "-" : l.event.from) +
                                    " -> " + (l.event.to.empty() ? "-" : l.event.to) + "  " + std::to_string(l.event.claims) + (l.event.claims == 1 ? " claim  " : " claims  ") +
                                    l.cause + "\n";
                        }
                        st.end_read();
                        return write_output(opts->output, opts->format == "json" ? list.dump(2) + "\n" : text);
                    }
                    const auto runs = st.runs();
                    st.end_read();
                    if (runs.empty()) {
                        std::cerr << "reckon: error: store '" << opts->store << "' has no run yet\n";
                        return exit_code::data_error;
                    }
                    const std::int64_t want = opts->run > 0 ? opts->run : runs.back().run;
                    for (const auto& r : runs) {
                        if (r.run != want) continue;
                        if (opts->format == "json") return write_output(opts->output, r.changes.dump(2) + "\n");
                        std::ostringstream out;
                        store::render_changes_text(r.changes, out);
                        return write_output(opts->output, out.str());
                    }
                    std::cerr << "reckon: error: store '" << opts->store << "' has no run " << want << " (runs 1 to " << runs.back().run << ")\n";
                    return exit_code::usage;
                } catch (const store::store_error& e) {
                    std::cerr << "reckon: error: " << e.what() << "\n";
                    return e.io ? exit_code::io_error : exit_code::data_error;
                }
            }};
}

}  // namespace reckon::cli
