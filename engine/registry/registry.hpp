// CONTRACT (owned by the extraction work; may be extended, not broken):
// the source registry (rules/sources.yaml) and the gazetteer (rules/places.yaml),
// loaded with yaml-cpp. Malformed YAML reports file:line:column and what was expected.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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

// The source kinds a registry may use.
const std::vector<std::string>& source_kinds();

class source_registry {
public:
    const std::vector<source>& sources() const;
    const source* find(const std::string& name) const;          // by canonical name
    const source* find_alias(std::string_view text) const;      // by alias as written, any case
    const source* find_outlet(std::string_view outlet) const;   // by corpus outlet name

    // Adds a source (the loader and tests use it); later names do not replace earlier ones.
    void add(source s);
    // Every name a source may be written as in text (canonical name, full name and
    // aliases), lower case, with the source's index; longest first.
    const std::vector<std::pair<std::string, std::size_t>>& written_forms() const { return m_forms; }
    bool empty() const { return m_sources.empty(); }

private:
    std::vector<source> m_sources;
    std::unordered_map<std::string, std::size_t> m_by_name;    // lower-case canonical name
    std::unordered_map<std::string, std::size_t> m_by_alias;   // lower-case written form
    std::unordered_map<std::string, std::size_t> m_by_outlet;  // lower-case outlet id
    std::vector<std::pair<std::string, std::size_t>> m_forms;
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

// The place types a gazetteer may use.
const std::vector<std::string>& place_types();

class gazetteer {
public:
    // Resolves a name as written, through variants and transliteration
    // normalisation; nullptr when unknown.
    const place* resolve(std::string_view written) const;
    // The normalised form used as key for unknown places.
    static std::string normalise(std::string_view written);
    // The same into `key` (replacing what it held), reusing its buffer.
    static void normalise_into(std::string_view written, std::string& key);
    // True when `inner` lies within `outer` (a village within its governorate).
    bool within(const std::string& inner_key, const std::string& outer_key) const;

    // The transliteration-insensitive form used to resolve unseen spellings: no al-/el-
    // article, no apostrophes or separators, vowels after the first letter dropped,
    // doubled letters collapsed ("Shaafah", "Al-Shaafa" -> "shf").
    static std::string fuzzy_key(std::string_view written);

    // Adds a place (the loader and tests use it). Returns false when the key exists.
    bool add(place p);
    const std::vector<place>& places() const { return m_places; }
    const place* find_key(const std::string& key) const;
    // Like resolve, but only through names and listed variants (no fuzzy matching):
    // for scanning capitalised words of running text.
    const place* find_name(std::string_view written) const;
    // True when a lower-case word (no apostrophes) occurs in some name or variant: a
    // scanner tries names only at such words.
    bool has_word(std::string_view lower_word) const { return m_words.count(std::string(lower_word)) > 0; }
    // Those words, for a caller that builds its own faster lookup (extraction does).
    const std::unordered_set<std::string>& name_words() const { return m_words; }
    // What find_name looks up: normalise(name or variant) -> index into places().
    const std::unordered_map<std::string, std::size_t>& names() const { return m_by_name; }
    // Longest number of words in any name or variant, so a scanner knows how far to look.
    std::size_t max_words() const { return m_max_words; }
    bool empty() const { return m_places.empty(); }
    // The country its places are in (ISO 3166-1 alpha-2, the file's `country:`; "" when
    // not given, read as Syria by the world places reader, as the shipped overlay is).
    const std::string& country() const { return m_country; }
    void set_country(std::string code) { m_country = std::move(code); }

private:
    std::string m_country;
    std::vector<place> m_places;
    std::unordered_map<std::string, std::size_t> m_by_key;     // place::key
    std::unordered_map<std::string, std::size_t> m_by_name;    // normalise(name or variant)
    std::unordered_map<std::string, std::size_t> m_by_fuzzy;   // fuzzy_key(name or variant), unique ones only
    std::unordered_map<std::string, int> m_fuzzy_count;
    std::size_t m_max_words = 1;
    std::unordered_set<std::string> m_words;
};

// Loaders. On a malformed file they add errors ("file:line:column: error: expected a
// sequence of sources") to `diags` and return what could be read.
// Byte offset of the first YAML anchor or alias (&name, *name) outside quotes and
// comments, or npos. Registry and rules data files refuse them: aliases can expand
// a small file into billions of nodes ("billion laughs").
std::size_t find_yaml_anchor(std::string_view text);

source_registry load_sources(const std::string& path, diagnostics& diags);
source_registry parse_sources(std::string_view yaml, const std::string& file, diagnostics& diags);
gazetteer load_places(const std::string& path, diagnostics& diags);
gazetteer parse_places(std::string_view yaml, const std::string& file, diagnostics& diags);

}  // namespace reckon::registry
