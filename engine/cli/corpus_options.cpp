#include "cli/corpus_options.hpp"

#include <iostream>

#include "cli/commands.hpp"
#include "support/exit_codes.hpp"

namespace reckon::cli {

void add_corpus_options(CLI::App& sub, corpus_options& opts) {
    sub.add_option("corpus", opts.path, "A folder of .txt files, a CSV file or a JSON Lines file ('-' for stdin)")
        ->required();
    sub.add_option("--input-format", opts.input_format, "Input format: auto (by extension), text, csv, jsonl")
        ->check(CLI::IsMember({"auto", "text", "txt", "csv", "jsonl", "json"}));
    sub.add_option("--id-col", opts.columns.id, "CSV column holding the article id")->capture_default_str();
    sub.add_option("--text-col", opts.columns.text, "CSV column holding the article text")->capture_default_str();
    sub.add_option("--title-col", opts.columns.title, "CSV column holding the title")->capture_default_str();
    sub.add_option("--outlet-col", opts.columns.outlet, "CSV column holding the outlet")->capture_default_str();
    sub.add_option("--date-col", opts.columns.date, "CSV column holding the date (M/D/YYYY or ISO)")->capture_default_str();
    sub.add_option("--location-col", opts.columns.location, "CSV column holding a location hint")->capture_default_str();
}

int load_corpus(const corpus_options& opts, corpus::ingest_result& result) {
    corpus::ingest_options options;
    corpus::parse_input_format(opts.input_format, options.format);
    options.columns = opts.columns;
    result = corpus::ingest(opts.path, options);
    print_diagnostics(result.diags);
    if (result.unreadable) return exit_code::usage;
    if (result.articles.empty()) {
        std::cerr << "reckon: error: no articles in '" << opts.path << "'\n";
        return exit_code::data_error;
    }
    return exit_code::ok;
}

int corpus_exit_code(const corpus::ingest_result& result) {
    return result.diags.warnings() + result.diags.errors() > 0 ? exit_code::warnings : exit_code::ok;
}

}  // namespace reckon::cli
