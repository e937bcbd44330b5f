// reckon graph CORPUS: the claim graph as GraphML (Gephi, Cytoscape), DOT or JSON.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "graph/claim_graph.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

command add_graph(CLI::App& root) {
    struct options {
        pipeline_options pipe;
        std::string format = "graphml";
        std::string output;
    };
    auto opts = std::make_shared<options>();
    CLI::App* sub = root.add_subcommand("graph", "Export the claim graph");
    add_pipeline_options(*sub, opts->pipe);
    sub->add_option("--format", opts->format, "Output format")->check(CLI::IsMember({"graphml", "dot", "json"}));
    sub->add_option("-o,--output", opts->output, "Write to FILE (atomically) instead of standard output");
    return {sub, [opts]() -> int {
                audit::audit_result result;
                int corpus_code = exit_code::ok;
                if (const int code = audit_for_command(opts->pipe, result, corpus_code); code != exit_code::ok) return code;
                const graph::claim_graph g(result);
                const std::string content = opts->format == "dot" ? g.to_dot() : opts->format == "json" ? g.to_json() : g.to_graphml();
                if (const int code = write_output(opts->output, content); code != exit_code::ok) return code;
                return corpus_code;
            }};
}

}  // namespace reckon::cli
