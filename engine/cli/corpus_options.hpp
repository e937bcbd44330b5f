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
    bool strict = false;  // --strict: warnings exit 1 too
};

void add_corpus_options(CLI::App& sub, corpus_options& opts);
// Loads the corpus and prints its diagnostics. Returns exit_code::ok when articles
// were loaded, else the code to exit with (usage for an unreadable path, data_error
// when nothing usable was found).
int load_corpus(const corpus_options& opts, corpus::ingest_result& result);
// The exit code of a run that read its input (README, "Exit codes"): ok when every
// record was read, repairs and notes being warnings on stderr; warnings (1) when a
// record or file was skipped or an error reported, and with `strict` when anything
// was reported at all.
int input_exit_code(const diagnostics& diags, std::size_t skipped, bool strict);
int corpus_exit_code(const corpus::ingest_result& result, bool strict);

}  // namespace reckon::cli
