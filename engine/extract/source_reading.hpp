// Sources the registry does not list by name, read from a sentence's words: bodies that
// every country has ("Iraqi police", "Homestead police", "the health ministry") and
// named people quoted with a role ("said Ahmed al-Hamzi, a health official"). The
// registry's named sources are matched before this (extract.cpp); what is read here
// becomes a source name only at attribution, when the article's country is known
// (docs/sources.md, "How a source is read").
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/text.hpp"
#include "registry/registry.hpp"
#include "registry/world.hpp"

namespace reckon::extract {

// True for a word naming what a person quoted does ("spokesman", "director", "activist").
bool is_role_word(std::string_view lower);

// A source read from words of a sentence.
struct read_source {
    std::size_t wb = 0, we = 0;                  // word range of the whole mention
    const registry::body* body = nullptr;        // a body ("police"), or the body a person's role names
    const registry::country* country = nullptr;  // written with it ("Iraqi police", "Yemen's health ministry")
    std::string local;                           // a local name before the body ("Homestead", "Cuyahoga County")
    std::string person;                          // a named person ("Ahmed al-Hamzi") or organisation as written; "" for a body
    std::string person_type;                     // the person's source type ("police", "official")
    const registry::source* listed = nullptr;    // the person's role is a listed source ("media activist": Activists)
    bool speaker = false;                        // the pattern itself shows speech ("said X, a ...")
};

class source_reader {
public:
    // `world` (may be null or empty) adds every country GeoNames knows to the registry's
    // packs: its names and demonyms qualify a body ("Kenyan police", "Niger's defence
    // ministry") and an article of that country names its bodies ("Philippines Police").
    explicit source_reader(const registry::source_registry& registry, const registry::world_gazetteer* world = nullptr);

    // Bodies among the words of text, outside the word ranges already `taken` by named
    // sources (sorted pairs), appended to `out`.
    void bodies(std::string_view text, const std::vector<word>& ws,
                const std::vector<std::pair<std::size_t, std::size_t>>& taken, std::vector<read_source>& out) const;
    // Named people quoted with a role, appended to `out`.
    void people(std::string_view text, const std::vector<word>& ws,
                const std::vector<std::pair<std::size_t, std::size_t>>& taken, std::vector<read_source>& out) const;

    // The country a word names ("iraqi", "yemen's", "kenyan"), or nullptr: the registry's
    // packs first, then the world gazetteer's countries.
    const registry::country* country_word(std::string_view lower) const;
    // The country of an ISO 3166-1 alpha-2 code: the registry's pack, else one made from
    // the world gazetteer (no named bodies: "Kenya Police"); nullptr when neither knows it.
    const registry::country* country_of_code(std::string_view code) const;
    // The country a text's own words name most: the registry's country_of_text, else the
    // world countries whose names and demonyms the text writes in capitals, the most
    // often written first (a tie goes to the first written).
    const registry::country* country_of_text(std::string_view text) const;

    // The source name and type of what was read, for an article about `article_country`
    // (nullptr: unknown).
    std::string name_of(const read_source& r, const registry::country* article_country) const;
    std::string type_of(const read_source& r) const;

private:
    struct body_form {
        std::vector<std::string> words;
        std::vector<std::uint64_t> hashes;  // word_hash of each word: most forms are refused on a hash
        const registry::body* body = nullptr;
        bool needs_capital = false;  // a form written in capitals ("Hospital") names a proper body only
    };
    const registry::source_registry& m_registry;
    const registry::world_gazetteer* m_world = nullptr;
    // countries of the world gazetteer the registry has no pack for, made once; their
    // addresses are stable (the vector is never resized after construction)
    std::vector<registry::country> m_world_countries;
    std::unordered_map<std::uint32_t, const registry::country*> m_world_by_entity;
    // The country that `written` (a name or demonym, any case, no possessive) names in the
    // world gazetteer when its most populous reading is a country; nullptr otherwise.
    const registry::country* world_country(std::string_view written) const;
    // A country written just before word k (at most four words, "Burkina Faso's", "the
    // Democratic Republic of Congo's"): the country and the first word of its mention.
    std::pair<const registry::country*, std::size_t> country_before(std::string_view text, const std::vector<word>& ws,
                                                                     std::size_t k,
                                                                     const std::vector<std::pair<std::size_t, std::size_t>>& taken) const;
    std::unordered_map<std::string, std::vector<body_form>> m_bodies_by_first;  // longest first
    // the same lists by word_hash of their first word (keys are m_bodies_by_first's, whose
    // nodes never move): a word of a sentence is looked up with the hash it already has,
    // without a copy of it
    word_table<const std::vector<body_form>*> m_bodies_by_hash{256};
    std::unordered_map<std::string, const registry::country*> m_country_words;  // one-word country forms
    // the body a person's role word names ("spokesman" names none; "police" names police)
    std::unordered_map<std::string, const registry::body*> m_role_bodies;

    const registry::source* m_local_officials = nullptr;  // "the provincial governor said"

    const body_form* body_at(const std::vector<word>& ws, std::size_t k) const;
    // Organisations named as written and quoted ("the Emergency Medicine Centre said",
    // "according to the National Disaster Management Agency"), with the type their words
    // say; appended to `out` as a name (`person`) of that type.
    void named_organisations(std::string_view text, const std::vector<word>& ws,
                             const std::vector<std::pair<std::size_t, std::size_t>>& taken,
                             std::vector<read_source>& out) const;
    // Officials named by their role only ("the provincial governor said"), appended to `out`
    // as the registry's Local officials.
    void unnamed_officials(std::string_view text, const std::vector<word>& ws,
                           const std::vector<std::pair<std::size_t, std::size_t>>& taken, std::vector<read_source>& out) const;
};

}  // namespace reckon::extract
