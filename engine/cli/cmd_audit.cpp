// reckon audit CORPUS: incidents with their figures side by side, reconciled ranges and
// findings; cumulative totals; the source table; totals.
#include <iostream>

#include "audit/render.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

command add_audit(CLI::App& root) {
    struct options {
        pipeline_options pipe;
        std::string format = "text";
        std::string output;
    };
    auto opts = std::make_shared<options>();
    CLI::App* sub = root.add_subcommand("audit", "Audit conflicting casualty figures across a corpus");
    add_pipeline_options(*sub, opts->pipe);
    sub->add_option("--format", opts->format, "Output format")->check(CLI::IsMember({"text", "markdown", "md", "json"}));
    sub->add_option("-o,--output", opts->output, "Write to FILE (atomically) instead of standard output");
    return {sub, [opts]() -> int {
                audit::audit_result result;
                int corpus_code = exit_code::ok;
                if (const int code = audit_for_command(opts->pipe, result, corpus_code); code != exit_code::ok) return code;
                const std::string content = opts->format == "json"       ? audit::render_json(result)
                                            : opts->format == "text"     ? audit::render_text(result)
                                                                         : audit::render_markdown(result);
                if (const int code = write_output(opts->output, content); code != exit_code::ok) return code;
                return corpus_code;
            }};
}

}  // namespace reckon::cli
