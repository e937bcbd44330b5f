// reckon report CORPUS (--incident ID... | --all) -o DIR: per-incident provenance
// reports. Each file is written atomically; progress goes to stderr on a terminal.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "model/wording.hpp"
#include "report/report.hpp"
#include "support/atomic_file.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

namespace {

// The map's data: the world gazetteer already loaded, and the outline when the build
// found world-atlas (a missing or unreadable outline only costs the map its coasts).
report::index_context index_context_of(const pipeline& data) {
    report::index_context index;
    index.world = &data.world;
    index.places = &data.places;
    std::ifstream in(RECKON_WORLD_OUTLINE, std::ios::binary);
    if (!in) return index;
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string error;
    if (!report::read_topojson_lines(text, index.outline, error)) {
        std::cerr << "reckon: warning: " << RECKON_WORLD_OUTLINE << ": " << error << "; the map has no outline\n";
        index.outline.clear();
        return index;
    }
    index.outline_credit = "Coasts and borders: Natural Earth (public domain), through world-atlas.";
    return index;
}

}  // namespace

command add_report(CLI::App& root) {
    struct options {
        pipeline_options pipe;
        std::vector<std::string> incidents;
        bool all = false;
        std::string format = "html";
        std::string output;
    };
    auto opts = std::make_shared<options>();
    CLI::App* sub = root.add_subcommand("report", "Write per-incident provenance reports");
    add_pipeline_options(*sub, opts->pipe);
    add_filter_options(*sub, opts->pipe.filter);
    auto* inc = sub->add_option("--incident", opts->incidents, "Incident id (repeatable)");
    auto* all = sub->add_flag("--all", opts->all, "Every incident");
    inc->excludes(all);
    sub->add_option("--format", opts->format, "Report format")->check(CLI::IsMember({"md", "markdown", "html", "json", "prov"}));
    sub->add_option("-o,--output", opts->output, "Output folder (created if missing)")->required();
    return {sub, [opts]() -> int {
                if (!opts->all && opts->incidents.empty()) {
                    std::cerr << "reckon report: error: say which incidents: --incident ID... or --all\n";
                    return exit_code::usage;
                }
                report::format f = report::format::html;
                report::parse_format(opts->format, f);
                audit::audit_result result;
                int corpus_code = exit_code::ok;
                pipeline data;
                if (const int code = audit_for_command(opts->pipe, result, corpus_code, &data); code != exit_code::ok) return code;
                report::index_context index;
                if (f == report::format::html) index = index_context_of(data);
                diagnostics diags;
                const bool tty = ::isatty(STDERR_FILENO) != 0;
                const auto progress = [&](std::size_t done, std::size_t total) {
                    if (tty && (done % 16 == 0 || done == total)) std::cerr << "\rreckon report: " << done << "/" << total << " incidents" << std::flush;
                };
                const auto files = report::render_reports(result, opts->all ? std::vector<std::string>{} : opts->incidents, f, diags, progress, index);
                if (tty) std::cerr << "\n";
                print_diagnostics(diags);
                if (diags.errors() > 0) return exit_code::usage;
                std::error_code ec;
                std::filesystem::create_directories(opts->output, ec);
                if (ec) {
                    std::cerr << "reckon: error: cannot create '" << opts->output << "': " << ec.message() << "\n";
                    return exit_code::io_error;
                }
                for (const auto& file : files) {
                    if (interrupted()) return exit_code::interrupted;
                    try {
                        write_file_atomically(opts->output + "/" + file.name, file.content);
                    } catch (const io_error& e) {
                        std::cerr << "reckon: error: " << e.what() << "\n";
                        return exit_code::io_error;
                    }
                }
                std::cerr << "reckon report: " << count_of(files.size(), "file") << " written to " << opts->output << "\n";
                return corpus_code;
            }};
}

}  // namespace reckon::cli
