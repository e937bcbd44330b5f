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

namespace reckon::extract {

// A source read from words of a sentence.
struct read_source {
    std::size_t wb = 0, we = 0;                  // word range of the whole mention
    const registry::body* body = nullptr;        // a body ("police"), or the body a person's role names
    const registry::country* country = nullptr;  // written with it ("Iraqi police", "Yemen's health ministry")
    std::string local;                           // a local name before the body ("Homestead", "Cuyahoga County")
    std::string person;                          // a named person ("Ahmed al-Hamzi"); "" for a body
    std::string person_type;                     // the person's source type ("police", "official")
    const registry::source* listed = nullptr;    // the person's role is a listed source ("media activist": Activists)
    bool speaker = false;                        // the pattern itself shows speech ("said X, a ...")
};

class source_reader {
public:
    explicit source_reader(const registry::source_registry& registry);

    // Bodies among the words of text, outside the word ranges already `taken` by named
    // sources (sorted pairs), appended to `out`.
    void bodies(std::string_view text, const std::vector<word>& ws,
                const std::vector<std::pair<std::size_t, std::size_t>>& taken, std::vector<read_source>& out) const;
    // Named people quoted with a role, appended to `out`.
    void people(std::string_view text, const std::vector<word>& ws,
                const std::vector<std::pair<std::size_t, std::size_t>>& taken, std::vector<read_source>& out) const;

    // The country a word names ("iraqi", "yemen's"), or nullptr.
    const registry::country* country_word(std::string_view lower) const;

    // The source name and type of what was read, for an article about `article_country`
    // (nullptr: unknown).
    std::string name_of(const read_source& r, const registry::country* article_country) const;
    std::string type_of(const read_source& r) const;

private:
    struct body_form {
        std::vector<std::string> words;
        const registry::body* body = nullptr;
        bool needs_capital = false;  // a form written in capitals ("Hospital") names a proper body only
    };
    const registry::source_registry& m_registry;
    std::unordered_map<std::string, std::vector<body_form>> m_bodies_by_first;  // longest first
    std::unordered_map<std::string, const registry::country*> m_country_words;  // one-word country forms
    // the body a person's role word names ("spokesman" names none; "police" names police)
    std::unordered_map<std::string, const registry::body*> m_role_bodies;

    const body_form* body_at(const std::vector<word>& ws, std::size_t k) const;
};

}  // namespace reckon::extract
