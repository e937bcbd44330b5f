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
    // Without these a CSV column is found by any name JSON Lines accepts for the field.
    const auto col = [&sub](const char* flag, std::string& target, const char* what, const std::vector<std::string>& names) {
        std::string known;
        for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
        sub.add_option(flag, target, std::string("CSV column holding ") + what + " (default: the first of " + known + ")");
    };
    col("--id-col", opts.columns.id, "the article id", corpus::field_names::id);
    col("--text-col", opts.columns.text, "the article text", corpus::field_names::text);
    col("--title-col", opts.columns.title, "the title", corpus::field_names::title);
    col("--outlet-col", opts.columns.outlet, "the outlet", corpus::field_names::outlet);
    col("--date-col", opts.columns.date, "the date, M/D/YYYY or ISO", corpus::field_names::date);
    col("--location-col", opts.columns.location, "a location hint", corpus::field_names::location);
    sub.add_flag("--strict", opts.strict, "Exit 1 when any input was repaired or reported, not only when some was skipped");
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

int input_exit_code(const diagnostics& diags, std::size_t skipped, bool strict) {
    if (diags.errors() > 0 || skipped > 0) return exit_code::warnings;
    return strict && diags.warnings() > 0 ? exit_code::warnings : exit_code::ok;
}

int corpus_exit_code(const corpus::ingest_result& result, bool strict) {
    return input_exit_code(result.diags, result.skipped, strict);
}

}  // namespace reckon::cli
