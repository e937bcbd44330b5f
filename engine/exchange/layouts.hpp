// The audit's incidents in the layouts of two event data sets that casualty recorders
// already work with: the UCDP Georeferenced Event Dataset (GED) and ACLED's export.
// One CSV row per incident, in the data set's own columns and order; what reckon can
// fill is filled (docs/formats.md says, column by column, what and why), the rest is
// left empty rather than guessed.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "extract/world_places.hpp"
#include "registry/registry.hpp"
#include "registry/world.hpp"

namespace reckon::exchange {

// The gazetteers places are settled in: the world index (may be empty) and the overlay.
struct place_data {
    const registry::world_gazetteer* world = nullptr;
    const registry::gazetteer* overlay = nullptr;
};

// Where a place key lies, from the world gazetteer: a path key ("sy/aleppo/al-bab")
// is looked up segment by segment and must give the same path back; an overlay key
// ("shaafa") is its overlay place looked up by name within its governorate. nullopt
// when the gazetteer cannot say (no index, a place written only in the text).
struct located_place {
    std::optional<double> latitude, longitude;  // none for a division (GeoNames gives divisions none)
    std::string adm_2;  // its second-level division (district, county), "" when none
    registry::world_kind kind = registry::world_kind::place;  // a town, or the division the key names
};
std::optional<located_place> locate(const place_data& where, const std::string& place_key);
// The same with a reader built once for many lookups (building one lists the divisions).
std::optional<located_place> locate_with(const extract::world_reader& reader, const place_data& where,
                                         const std::string& place_key);

// The columns, in the data set's order (docs/formats.md cites the codebooks).
const std::vector<std::string>& ucdp_columns();
const std::vector<std::string>& acled_columns();

// `where` gives coordinates and the second-level division of each incident's first place.
void render_ucdp(const audit::audit_result& a, std::ostream& out, const place_data& where = {});
void render_acled(const audit::audit_result& a, std::ostream& out, const place_data& where = {});

// One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string csv_field(const std::string& text);

}  // namespace reckon::exchange
