// CONTRACT (owned by the extraction work; may be extended, not broken):
// the source registry (rules/sources.yaml) and the gazetteer (rules/places.yaml),
// loaded with yaml-cpp. Malformed YAML reports file:line:column and what was expected.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/diagnostics.hpp"

namespace reckon::registry {

// One source that gives or relays casualty figures: SOHR, SANA, AFP, an outlet...
struct source {
    std::string name;                  // canonical id ("SOHR")
    std::string full_name;             // "Syrian Observatory for Human Rights"
    std::string kind;                  // monitor, state_media, wire, ngo, government, military, outlet, local_media
    std::string country;
    std::string affiliation;
    std::vector<std::string> aliases;  // as written in text ("the Britain-based monitor")
    std::vector<std::string> outlet_ids;  // corpus outlet names that map here ("sana" in FA-KES)
    std::map<std::string, std::string> fields;  // any other registry field, for rules
};

class source_registry {
public:
    const std::vector<source>& sources() const;
    const source* find(const std::string& name) const;          // by canonical name
    const source* find_alias(std::string_view text) const;      // by alias as written, any case
    const source* find_outlet(std::string_view outlet) const;   // by corpus outlet name
};

// A place of the gazetteer: a governorate, district, city, town or village.
struct place {
    std::string key;                   // normalised key ("al-shaafa")
    std::string name;                  // canonical spelling ("Al-Shaafa")
    std::string type;                  // governorate, district, city, town, village
    std::string governorate;           // canonical governorate name ("Deir ez-Zor")
    std::string parent;                // key of the enclosing place ("" for a governorate)
    std::vector<std::string> variants; // other spellings
};

class gazetteer {
public:
    // Resolves a name as written, through variants and transliteration
    // normalisation; nullptr when unknown.
    const place* resolve(std::string_view written) const;
    // The normalised form used as key for unknown places.
    static std::string normalise(std::string_view written);
    // True when `inner` lies within `outer` (a village within its governorate).
    bool within(const std::string& inner_key, const std::string& outer_key) const;
};

}  // namespace reckon::registry
