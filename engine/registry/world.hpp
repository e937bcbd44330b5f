// The world gazetteer: countries, first- and second-level divisions and populated
// places compiled from GeoNames into one binary index (docs/places.md, "The index
// format"). The file is mapped and checked once at load (header, sizes, checksum,
// every offset and index), then answered from in place: loading 135,000 places costs
// a few milliseconds, not a YAML parse.
//
// A name lookup is two binary searches whatever the number of places that share the
// name: "Springfield" (dozens) costs what "Sanaa" (one) does. Places sharing a name
// are stored sorted by country, then division, then population, so the best place
// of a name within a country or a division is the first of a sub-range.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostics.hpp"

namespace reckon::registry {

// Lower-case ASCII form of Latin text: diacritics dropped ("Şa‘dah" -> "sa'dah",
// "Dnipró" -> "dnipro"), ligatures spelt out ("ß" -> "ss"), modifier apostrophes
// (U+02BB, U+02BC, U+02BE, U+02BF, U+2018, U+2019) written "'". Other bytes are kept.
std::string fold_latin(std::string_view text);
// The key a name is looked up by: fold_latin, then gazetteer::normalise ("Al Hudaydah"
// -> "hudaydah", "McKeesport" -> "mckeesport").
std::string world_key(std::string_view name);
// The same into a reused buffer: no allocation for an ASCII name (the common case, which
// fold_latin would only lower-case, as normalise does anyway).
void world_key_into(std::string_view name, std::string& key);

enum class world_kind : std::uint8_t { country = 0, division = 1, district = 2, place = 3 };
std::string_view to_string(world_kind k);

// How a name names its place (a name group may mix them).
enum class name_form : std::uint8_t {
    official = 0,   // GeoNames' name or ASCII name, a division's name
    alternate = 1,  // one of GeoNames' alternate names, or a division's name without "Province"
    adjective = 2,  // a country's demonym or adjective ("Iraqi", "Yemeni")
    abbreviation = 3,  // "Pa.", "Calif."
};

// What GeoNames' feature code says about a populated place.
enum class world_feature : std::uint8_t { other = 0, capital = 1, seat = 2, section = 3 };

inline constexpr std::uint32_t no_place = 0xFFFFFFFFu;

// The on-disk layout, little-endian, every section 8-byte aligned.
inline constexpr char world_magic[8] = {'R', 'E', 'C', 'K', 'G', 'A', 'Z', '\n'};
inline constexpr std::uint32_t world_format_version = 1;

struct world_header {
    char magic[8];
    std::uint32_t version;
    std::uint32_t header_size;
    std::uint64_t file_size;
    std::uint64_t checksum;  // world_checksum of the bytes after the header
    std::uint32_t entity_count, group_count, entry_count, provenance_length;
    std::uint64_t entities_offset, groups_offset, by_country_offset, by_division_offset;
    std::uint64_t strings_offset, strings_size, provenance_offset;
};

struct world_entity {
    std::uint32_t name_offset;   // into the strings
    std::uint16_t name_length;
    world_kind kind;
    world_feature feature;
    std::uint32_t parent;        // nearest enclosing entity, no_place for a country
    std::uint32_t country;       // the country entity (itself for a country)
    std::uint32_t division;      // the first-level division entity, no_place if none
    std::uint32_t population;
    std::int32_t lat_e5, lon_e5; // degrees times 100,000
    std::uint32_t geonameid;     // 0 when not from GeoNames
    char code[8];                // ISO 3166-1 alpha-2 for a country, the GeoNames admin code otherwise
};

struct world_group {
    std::uint64_t hash;          // FNV-1a 64 of the key
    std::uint32_t key_offset, key_length;
    std::uint32_t first, count;  // entries [first, first + count) of both orders
    std::uint32_t best;          // entry of the most populous place of the name
    std::uint32_t flags;         // group_flag bits (0 in an index built without word lists)
};

// What a name group's key is besides a name. A frequent English word ("buy", "part",
// "soul", "man") that is also a place's name is the word far more often than the place:
// the readers ask for evidence that it is a place (extract/world_places.hpp).
inline constexpr std::uint32_t group_common_word = 1u;

// An entry of a name: the entity in its low 28 bits, its name_form in the top 4.
inline std::uint32_t entry_entity(std::uint32_t e) { return e & 0x0FFFFFFFu; }
inline name_form entry_form(std::uint32_t e) { return static_cast<name_form>(e >> 28); }

class world_gazetteer {
public:
    world_gazetteer();
    ~world_gazetteer();
    world_gazetteer(world_gazetteer&&) noexcept;
    world_gazetteer& operator=(world_gazetteer&&) noexcept;

    // Maps and checks the index at `path`. On a missing, truncated, malformed or
    // wrong-version file adds one error naming the byte offset and a hint, and stays empty.
    bool load(const std::string& path, diagnostics& diags);
    // The same over bytes in memory (tests, the fuzzer); `name` appears in messages.
    bool load_bytes(std::string bytes, const std::string& name, diagnostics& diags);

    bool empty() const { return m_entities == nullptr; }
    std::uint32_t size() const { return m_entity_count; }
    std::string_view provenance() const;

    // One name's places: the group index, or no_place when no place has that name.
    std::uint32_t find(std::string_view key) const;
    // How many places share the name.
    std::uint32_t count(std::uint32_t group) const;
    // The most populous place of a name, as an entry (entity and name_form).
    std::uint32_t best(std::uint32_t group) const;
    // The most populous place of a name within a country (or a division of it), as an
    // entry; no_place when none. O(log n) in the places sharing the name.
    std::uint32_t best_in(std::uint32_t group, std::uint32_t country, std::uint32_t division = no_place) const;
    // How many places of a name lie in a country. O(log n).
    std::uint32_t count_in(std::uint32_t group, std::uint32_t country) const;
    // The entries of a name within a country in (division, population) order, so the
    // first entry of each division is the name's best there; empty when none. O(log n).
    // Readers that weigh every reading of a name ("Springfield" in 20 states) walk this.
    struct entry_range {
        const std::uint32_t* first = nullptr;
        const std::uint32_t* last = nullptr;
        const std::uint32_t* begin() const { return first; }
        const std::uint32_t* end() const { return last; }
        bool empty() const { return first == last; }
    };
    entry_range entries_in(std::uint32_t group, std::uint32_t country) const;
    // Every entry of a name, in (country, population) order.
    entry_range entries(std::uint32_t group) const;
    // The most populous entry of a name that is a country, division or district (not a
    // town), looking at no more than `limit` of its places; no_place when none.
    std::uint32_t best_area(std::uint32_t group, std::uint32_t limit = 64) const;
    // The group's key is a frequent English word (a word list given to the builder).
    bool common_word(std::uint32_t group) const;
    // The country entity of an ISO 3166-1 alpha-2 code ("US"), or no_place.
    std::uint32_t country_of_code(std::string_view alpha2) const;

    const world_entity& entity(std::uint32_t i) const { return m_entities[i]; }
    std::string_view name(std::uint32_t i) const;
    std::string_view code(std::uint32_t i) const;
    // True when `inner` lies within `outer` (or is it).
    bool within(std::uint32_t inner, std::uint32_t outer) const;

private:
    bool check(const std::string& name, diagnostics& diags);
    void reset();

    struct storage;
    std::unique_ptr<storage> m_storage;
    const world_header* m_header = nullptr;
    const world_entity* m_entities = nullptr;
    const world_group* m_groups = nullptr;
    const std::uint32_t* m_by_country = nullptr;
    const std::uint32_t* m_by_division = nullptr;
    const char* m_strings = nullptr;
    std::uint32_t m_entity_count = 0, m_group_count = 0, m_entry_count = 0;
    // Where the names of each hash prefix start (names are sorted by hash), built at
    // load: find() reads one bucket of about one name instead of binary-searching
    // 400,000 (about 19 cache misses a lookup, most of them for words that are no name).
    std::vector<std::uint32_t> m_buckets;
    unsigned m_bucket_shift = 63;
};

std::uint64_t world_hash(std::string_view key);
// The header's checksum of the bytes after the header.
std::uint64_t world_checksum(std::string_view bytes);

}  // namespace reckon::registry
