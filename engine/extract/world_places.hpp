// Places anywhere: what an article says about where it is (its country and division,
// from the dateline, the countries, divisions and counties it names, "City, State",
// the outlet's home country, a location column), and how a name written in it is
// settled against the world gazetteer in that context. The places reader
// (extract/places.cpp) asks this module; it knows nothing of claims' figures.
//
// Why a whole-article pass: "in Hawthorne" alone is one of five US towns and an
// Australian suburb; the article's "Los Angeles County coroner" settles it. And a
// Mosul market must not land in an Aleppo town of the same name: a place of another
// country than the article's is taken only with evidence next to it ("Bab, Syria").
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/text.hpp"
#include "model/article.hpp"
#include "model/claim.hpp"
#include "registry/registry.hpp"
#include "registry/world.hpp"

namespace reckon::extract {

// What the article as a whole says about where it is.
struct article_place {
    std::uint32_t country = registry::no_place;   // world entity of the country, or none
    std::uint32_t division = registry::no_place;  // first-level division most named in that country
    std::uint32_t main = registry::no_place;      // the dateline's place, else none
    byte_span main_span;                          // where the text names it (the dateline or a mention)
    byte_span dateline;                           // the dateline's place name, empty when none
    std::string why;                              // "dateline 'SANAA'; Yemen named 3 times" (--explain)
    // The division was chosen only from small towns named without "in", by population,
    // nothing else naming one (--explain says so).
    bool faint_division = false;
    // the country with most weight had only small towns named without it (decide)
    bool small_towns_abroad = false;
    // A village no gazetteer knows that the body names as such ("in Kwakta village", "the
    // village of Kwakta"), the only one it names, in an article whose main place is its
    // dateline's town or none: where it happened, rather than where the reporter files
    // from ("IMPHAL: ... in Kwakta village"). Empty when none.
    byte_span village;
    // The town the article is written from: its dateline's, else the town its outlet's host
    // names ("nbcnewyork.com"). A name many towns of the country share is the one within
    // near_km of it ("Newark" of a New York station is Newark, New Jersey).
    std::uint32_t near = registry::no_place;
    // word_hash of the words the article also writes in lower case ("hurt", "police",
    // "standard"), sorted: capitalised alone, at a sentence's or a title's start, such a
    // word is the common word, not the town of that name (common_word()).
    std::vector<std::uint64_t> lower_words;
    bool common_word(const word& w) const { return std::binary_search(lower_words.begin(), lower_words.end(), w.hash); }
    // word_hash of the words that name people in the article, sorted: a surname written
    // in a full name ("Officer Priya Zala"), a speaker ("Zala said"). Alone, such a word
    // is the person, not the place of that name (person_words_of()).
    std::vector<std::uint64_t> person_words;
    bool person_word(const word& w) const;
};

// How close a town must be to the article's own town (article_place::near) to be the one
// a name many towns share means: a metropolitan area and its neighbours.
inline constexpr double near_km = 120;
// How far from its city's point a section of it may lie (Chicago's far South Side is 25 km).
inline constexpr double section_km = 30;

// How strongly the words around a name say it is a place.
enum class place_evidence {
    none,       // a capitalised word
    locative,   // "in X", "near X", "outside X", "the town of X"
    qualified,  // "X, Pennsylvania", "X, Pa.", "X (Hawija district, Kirkuk)", "X in Hims province"
    dateline,   // the article's dateline
};

// A name settled against the world gazetteer.
struct world_place {
    std::uint32_t entity = registry::no_place;
    std::string why;  // "best of 34 'Springfield' in Ohio (the article's division)"
};

class world_reader {
public:
    world_reader() = default;
    world_reader(const registry::world_gazetteer* world, const registry::gazetteer* overlay);

    bool active() const { return m_world && !m_world->empty(); }

    // The article's country and division. `outlet_country` is the outlet's home country
    // as the source registry writes it (an ISO code, "Syria", "UK"), "" if unknown.
    article_place read_article(const article& a, std::string_view text, std::string_view lower,
                               std::string_view outlet_country) const;

    // Where an outlet known only by its web host is: a broadcaster's call sign ("wral.com":
    // the United States) or a city or division its name starts with ("baltimoresun.com").
    struct outlet_home {
        std::uint32_t call_sign_country = registry::no_place;
        std::uint32_t domain_country = registry::no_place;  // of a country's top-level domain ("bbc.co.uk")
        std::uint32_t place = registry::no_place;
        std::uint32_t group = registry::no_place;  // the place's name group
        bool ambiguous = false;  // other towns of its country share the place's name
    };
    outlet_home host_home(std::string_view outlet) const;

    // The one village no gazetteer knows that words ws name as such ("Kwakta village", "the
    // village of Kwakta"; not inside the dateline), or empty when none or several.
    byte_span village_named(std::string_view text, const std::vector<word>& ws, byte_span dateline) const;

    // The name group of text as written ("Mosul's" -> "mosul"), or no_place.
    std::uint32_t group_of(std::string_view written) const;
    // A country's name, or a city's of 100,000 people or more ("Houston").
    bool large_place(std::string_view written) const;
    // The name is a frequent English word ("Buy", "Part", "Soul", "Capital": the index's
    // group_common_word) and neither a country nor a city of 100,000 people by its own
    // name ("Guinea", "Mobile" are named as often as the word is written): written
    // capitalised alone, it needs words saying it is a place.
    bool common_word_name(std::uint32_t group) const;

    // Settles a name (its group) in context. `qualifier` is an entity written next to
    // it (a division or country: "X, Ohio"), or no_place.
    world_place settle(std::uint32_t group, std::string_view written, place_evidence evidence, std::uint32_t qualifier,
                       const article_place& where) const;

    // The claim fields of a world place: country (ISO code), governorate (its first-level
    // division, under the overlay's canonical name in an overlay country) and place_key
    // ("us/ohio/clark-county/springfield").
    void set_claim_place(claim& c, std::uint32_t entity) const;
    // Only the country (and with `division` the division) of the article, where the
    // claim has none (a figure whose sentence names no place).
    void set_claim_area(claim& c, const article_place& where, bool division) const;
    // The place_key path of an entity.
    std::string key_of(std::uint32_t entity) const;
    // The ISO code of the entity's country.
    std::string_view country_code(std::uint32_t entity) const;
    // The country entity an overlay (rules/places.yaml) belongs to: Syria for the shipped one.
    std::uint32_t overlay_country() const { return m_overlay_country; }

    const registry::world_gazetteer* world() const { return m_world; }
    // The name's most populous place in the country, when the name is its own there: no
    // other place of the country has it, or it is a city (100,000 people) ten times as
    // large as any other ("Chicago", "Houston"; not "Springfield"). no_place otherwise.
    std::uint32_t dominant(std::uint32_t group, std::uint32_t country) const;
    // The entry of the town of a name nearest to entity `near` in its country, when it lies
    // within near_km (its own name first, as dominant()); no_place otherwise.
    std::uint32_t nearest(std::uint32_t group, std::uint32_t near) const;
    // The city a section of a city lies in (GeoNames' PPLX: Chicago's "Englewood", Brooklyn's
    // "Williamsburg"): the most populous other place of its county within section_km that
    // is at least twice its size. no_place when the entity is no section or none is found.
    std::uint32_t city_of_section(std::uint32_t entity) const;
    // The section of `city` that a name group names ("the Brighton Park neighborhood" of
    // Chicago): a place of the group in the city's country whose city_of_section is `city`,
    // so that a neighbourhood written with its noun gets the key it gets written alone.
    // no_place when the group names none.
    std::uint32_t section_named(std::uint32_t group, std::uint32_t city) const;

private:
    const registry::world_gazetteer* m_world = nullptr;
    const registry::gazetteer* m_overlay = nullptr;
    std::uint32_t m_overlay_country = registry::no_place;
    // The overlay's places by governorate and name skeleton (overlay_place_of); nullptr
    // where two places of a governorate share one.
    std::map<std::string, const registry::place*> m_overlay_skeletons;
    // Sections and their cities, found on the first call of city_of_section (one pass over
    // the index; copies of the reader share it).
    struct section_cities {
        std::once_flag once;
        std::unordered_map<std::uint32_t, std::uint32_t> city;
    };
    std::shared_ptr<section_cities> m_sections;

    // The overlay place a world place of the overlay's country is, or nullptr.
    const registry::place* overlay_place_of(std::uint32_t entity) const;
};

// A place name's consonant skeleton, for transliterations of one Arabic name: ASCII,
// lower case, without "al-"/"el-", a final "h" after "a" dropped, vowels after the first
// letter dropped, doubled letters single ("Al Asharah", "Al-Ashara" -> "ashr";
// "Deir Ezzor" -> "drzr"). "" when shorter than three letters (too many names share it).
std::string name_skeleton(std::string_view name);

// The punctuation before a word, over spaces: ',' for "Tulsa, OK" (word::before is the
// byte right before it, a space there).
inline char mark_before(std::string_view text, const word& w) {
    std::size_t i = w.begin;
    while (i > 0 && text[i - 1] == ' ') --i;
    return i > 0 ? text[i - 1] : ' ';
}

// "of X" names a place after a noun of places or their people ("the city of X",
// "residents of X", "north of X"), not after others ("the family of Young").
bool of_a_place(const std::vector<word>& ws, std::size_t k);

// Proper names that hold a place's name. Both are off in a title-case line ("Four
// People Shot In Oakland"), where every word is capitalised.
// "In", "At", "The", "Police"...: a capitalised word that opens a sentence or a phrase,
// never the start of a proper name that holds a place.
bool function_word(std::string_view w);
// Word k continues a name begun by the word before it, joined by one space: "Ward" of
// "Desmond Ward", "Gaines" of "Officer Dale Gaines". A surname, not a town. The word
// before may be a function word ("In Oakland"), a direction, a day or a possessive
// ("Miami's Overtown"): those do not begin a name.
bool continues_name(std::string_view text, const std::vector<word>& ws, std::size_t k);
// The name ending before word e goes on with e: "Jackson Park Hospital", "Mount Moriah
// Baptist Church", "Mary Smith". A body's name keeps its place ("Oakland Police",
// "Cook County Sheriff"): institution nouns, place nouns and streets do not go on.
bool name_goes_on(std::string_view text, const std::vector<word>& ws, std::size_t e);

// "de", "do", "da", "del", "di", "du", "des": a word joining the parts of a name in the
// Romance languages ("Rio de Janeiro", "Complexo de Israel", "Santa Cruz do Sul").
bool name_connector(std::string_view w);
// Word k is the end of a longer name joined by a connector to a capitalised word before
// it: "Israel" of "Complexo de Israel", a favela of Rio, is not the country.
bool after_name_connector(const std::vector<word>& ws, std::size_t k);

// Word e is a town's own body right after its name: "police", "sheriff", "mayor"
// ("Opelousas police said", "the Calhoun Police Department"). Such a name is a town
// as surely as one after "in".
bool town_body_after(std::string_view text, const std::vector<word>& ws, std::size_t e);
// Every letter of the word is a capital ("IN" of "IN PART OF THE CITY"): in a line of
// capitals, case says nothing about names.
bool capitals_only(std::string_view text, const word& w);

// Word k names the town of a hospital, after "in": "a hospital in Maiduguri", "Mercy
// Medical Center in Riverdale", "the trauma centre in X". Where the wounded were taken or
// died, not where they were hit: no evidence of the event's own town.
bool care_place_at(const std::vector<word>& ws, std::size_t k);

// "streets", "avenues", "roads": a street noun after two names ("Federal and Bond streets").
bool plural_street_noun(std::string_view w);
// The name ending before word e is the first of two streets named together: "Vermont"
// of "Vermont and Manchester avenues", "Federal" of "Federal and Bond streets".
bool first_of_two_streets(const std::vector<word>& ws, std::size_t e);

// The parent keys of a place_key path, nearest first ("us/ohio/clark-county/springfield"
// -> "us/ohio/clark-county", "us/ohio", "us"); none for a key that is not a path.
std::vector<std::string> world_key_parents(std::string_view key);

}  // namespace reckon::extract
