// Corpus options shared by every subcommand that reads articles: the path, the
// input format and the CSV column names.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "corpus/ingest.hpp"

namespace reckon::cli {

struct corpus_options {
    std::string path;
    std::string input_format = "auto";
    corpus::csv_columns columns;
};

void add_corpus_options(CLI::App& sub, corpus_options& opts);
// Loads the corpus and prints its diagnostics. Returns exit_code::ok when articles
// were loaded, else the code to exit with (usage for an unreadable path, data_error
// when nothing usable was found).
int load_corpus(const corpus_options& opts, corpus::ingest_result& result);
// ok, or warnings when any input was skipped or repaired.
int corpus_exit_code(const corpus::ingest_result& result);

}  // namespace reckon::cli
