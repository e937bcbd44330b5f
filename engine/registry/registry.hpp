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
    std::string kind;                  // trust class for rules: monitor, state_media, wire, ngo, government, military, outlet, local_media
    std::string type;                  // what body it is: police, health_ministry, monitor... (source_types()); from `kind` when not given
    std::string country;
    std::string affiliation;
    std::vector<std::string> aliases;  // as written in text ("the Britain-based monitor")
    std::vector<std::string> outlet_ids;  // corpus outlet names that map here ("sana" in FA-KES)
    std::map<std::string, std::string> fields;  // any other registry field, for rules
};

// The source kinds a registry may use.
const std::vector<std::string>& source_kinds();
// The source types (docs/sources.md): police, sheriff, coroner, prosecutor, hospital,
// health_ministry, interior_ministry, defence_ministry, civil_defence, army, rebel_group,
// un_agency, ngo, monitor, wire, state_media, local_media, witness, official, government.
const std::vector<std::string>& source_types();
// The type a source of trust class `kind` is when its entry gives none (military -> army).
std::string type_of_kind(std::string_view kind);
// The trust class of a source the registry does not list but whose type is read
// ("Memphis Police Department": police -> government); "" for an unknown type.
std::string kind_of_type(std::string_view type);

// A kind of body that gives figures in every country: police, a health ministry, a
// coroner. Written without a country ("the health ministry") it is the article's
// country's; with one ("Iraq's health ministry", "Iraqi police") that country's.
struct body {
    std::string id;                    // "health_ministry", "state_tv"
    std::string title;                 // "Health Ministry": a country's is "<Country> Health Ministry"
    std::string type;                  // source type (source_types())
    std::string kind;                  // trust class (source_kinds())
    std::vector<std::string> written;  // forms as written, any case ("the health ministry", "ministry of health")
    std::string local_title;           // after a local name ("Homestead police" -> "Homestead Police"); "" = never local
};

// A country as sources are qualified by it: its words, and the registry entries that
// are its bodies (Syria's police is "Syrian Interior Ministry").
struct country {
    std::string name;                  // "Yemen", in made names ("Yemen Health Ministry")
    std::string code;                  // ISO 3166-1 alpha-2 ("YE")
    std::vector<std::string> written;  // names and demonyms as written ("Yemen", "Yemeni", "Yemens")
    std::vector<std::string> places;   // its capital, main cities and divisions ("Sanaa", "Marib"): they tell an
                                       // article's country, but before a body they are local names ("Mosul police")
    std::map<std::string, std::string> bodies;        // body id -> source name
    std::map<std::string, std::string> local_titles;  // body id -> title after a local name ("Police Department")
};

class source_registry {
public:
    const std::vector<source>& sources() const;
    const source* find(const std::string& name) const;          // by canonical name
    const source* find_alias(std::string_view text) const;      // by alias as written, any case
    const source* find_outlet(std::string_view outlet) const;   // by corpus outlet name

    // Adds a source (the loader and tests use it); later names do not replace earlier ones.
    void add(source s);

    // Bodies and countries (the world part of the registry; docs/sources.md).
    const std::vector<body>& bodies() const { return m_bodies; }
    const std::vector<country>& countries() const { return m_countries; }
    const body* find_body(std::string_view written) const;        // by a written form, any case
    const body* find_body_id(std::string_view id) const;
    const country* find_country(std::string_view written) const;  // by name, code or written form, any case
    // The source a body of `c` (nullptr: country unknown) is: the country's own entry
    // ("Syrian Interior Ministry"), else "<Country> <Title>" ("Iraq Police"), else the
    // bare title ("Police"). `local` names a local body ("Homestead"): "Homestead Police
    // Department" with the country's local title, "Homestead Police" without one.
    std::string body_source(const body& b, const country* c, std::string_view local = {}) const;
    // Every body form as written, lower case, with the body's index; longest first.
    const std::vector<std::pair<std::string, std::size_t>>& body_forms() const { return m_body_forms; }
    // Every country form as written, lower case, with the country's index; longest first.
    const std::vector<std::pair<std::string, std::size_t>>& country_forms() const { return m_country_forms; }
    void add_body(body b);
    void add_country(country c);
    // The country a text is about as its country words and places say: the one written
    // most often (a tie goes to the first written); nullptr when none is.
    const country* country_of_text(std::string_view text) const;
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
    std::vector<body> m_bodies;
    std::vector<country> m_countries;
    std::unordered_map<std::string, std::size_t> m_body_by_form;     // lower-case written form
    std::unordered_map<std::string, std::size_t> m_country_by_form;  // lower-case name, code or written form
    // Every country spelling (name, written forms, places) as lower-case words, by its
    // first word: what country_of_text scans for, built once as countries are added.
    struct scan_form {
        std::vector<std::string> words;
        bool acronym = false;  // matched only in capitals ("US", not "us")
        std::size_t country = 0;
    };
    std::unordered_map<std::string, std::vector<scan_form>> m_country_scan;
    std::vector<std::pair<std::string, std::size_t>> m_body_forms;
    std::vector<std::pair<std::string, std::size_t>> m_country_forms;
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

// The registry format this reckon reads (`version:` at the top of sources.yaml; a file
// without one is read as version 1, which has no bodies or countries).
constexpr int sources_format_version = 2;
source_registry load_sources(const std::string& path, diagnostics& diags);
source_registry parse_sources(std::string_view yaml, const std::string& file, diagnostics& diags);
gazetteer load_places(const std::string& path, diagnostics& diags);
gazetteer parse_places(std::string_view yaml, const std::string& file, diagnostics& diags);

}  // namespace reckon::registry
