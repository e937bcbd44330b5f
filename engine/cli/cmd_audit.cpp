// reckon audit CORPUS: incidents with their figures side by side, reconciled ranges and
// findings; cumulative totals; the source table; totals. `--claims` audits what
// `reckon extract` wrote instead of a corpus; `--shard i/N` audits one part and writes a
// shard file for `reckon merge` (docs/scaling.md).
#include <chrono>
#include <iostream>

#include "audit/render.hpp"
#include "audit/shard.hpp"
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
    add_claims_options(*sub, opts->pipe);
    add_filter_options(*sub, opts->pipe.filter);
    sub->add_option("--format", opts->format, "Output format")->check(CLI::IsMember({"text", "markdown", "md", "json"}));
    sub->add_option("-o,--output", opts->output, "Write to FILE (atomically) instead of standard output");
    return {sub, [opts]() -> int {
                opts->pipe.keep_text = false;  // the audit's renderers never quote the text
                if (opts->pipe.shard.count > 0 && !opts->pipe.filter.empty()) {
                    std::cerr << "reckon audit: error: filters apply to the merged audit, not to a shard\n"
                                 "  hint: run the audit without --shard to filter it\n";
                    return exit_code::usage;
                }
                audit::audit_result result;
                int corpus_code = exit_code::ok;
                if (const int code = audit_for_command(opts->pipe, result, corpus_code); code != exit_code::ok) return code;
                // Streamed incident by incident: the whole document is never in memory.
                const auto render = [&](std::ostream& out) {
                    if (opts->pipe.shard.count > 0) audit::write_shard(result, out);
                    else if (opts->format == "json") audit::render_json(result, out);
                    else if (opts->format == "text") audit::render_text(result, out);
                    else audit::render_markdown(result, out);
                    return int{exit_code::ok};
                };
                const auto t1 = std::chrono::steady_clock::now();
                if (const int code = write_output(opts->output, render); code != exit_code::ok) return code;
                if (opts->pipe.timings)
                    std::cerr << "reckon: write " << (opts->pipe.shard.count > 0 ? std::string("shard") : opts->format) << ": "
                              << std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count() << " s, peak "
                              << audit::peak_rss_kb() / 1024 << " MB\n";
                return corpus_code;
            }};
}

}  // namespace reckon::cli
