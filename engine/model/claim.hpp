// A claim: one casualty figure as one article reports it. Fields follow the extract
// JSON contract (docs/formats.md). `low` and `high` hold the default reading of the
// qualifier; a ruleset may reinterpret them from `qualifier`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/span.hpp"

namespace reckon {

enum class claim_kind { incident, cumulative };
enum class outcome { killed, injured, missing };

std::string_view to_string(claim_kind k);
std::string_view to_string(outcome o);

// The normalised qualifier; `claim::qualifier_text` keeps the words as written.
enum class qualifier {
    exact,        // "38 people"
    at_least,     // "at least", "no fewer than"
    more_than,    // "more than", "over", "upwards of"
    about,        // "about", "around", "some", "roughly", "nearly", "almost"
    up_to,        // "up to", "as many as"
    range,        // "between 20 and 30", "20-30"
    vague,        // "dozens", "scores", "several", "hundreds"
};
std::string_view to_string(qualifier q);

struct claim {
    std::string id;               // article id + "@" + span begin: stable across runs
    std::string article;          // article id
    claim_kind kind = claim_kind::incident;
    enum outcome outcome = outcome::killed;
    std::string category = "people";  // people, civilians, children, women, men, fighters...
    std::string side;             // for fighters: IS, regime, SDF, rebels... ("" if unnamed)
    std::optional<std::int64_t> low;   // lower bound, nullopt when unknown (vague)
    std::optional<std::int64_t> high;  // upper bound, nullopt when unbounded or unknown
    std::string value_text;       // the figure as written ("38", "Fourteen", "5,812")
    enum qualifier qualifier = qualifier::exact;
    std::string qualifier_text;   // as written ("at least"), "" for exact
    std::string vague;            // the vague word ("dozens") when qualifier is vague
    std::string parent;           // id of the claim this one breaks down ("" if none)
    std::string source;           // canonical source name ("SOHR"), outlet if unattributed
    std::string source_text;      // the attribution as written ("the Britain-based monitor")
    std::string source_type;      // what body the source is: police, health_ministry, monitor... (registry::source_types())
    std::vector<std::string> relay;  // relay chain, nearest first ("AFP")
    std::string place;            // place as written ("Al-Shaafa")
    std::string place_key;        // gazetteer key ("al-shaafa"), or normalised text
    std::string governorate;      // first-level division: canonical governorate ("Deir ez-Zor"),
                                  // state or province ("Pennsylvania"), or ""
    std::string country;          // ISO 3166-1 alpha-2 code of the place's country ("SY", "US") or ""
    date event_date;              // when it happened, with precision
    std::string actor;            // who struck ("US-led coalition") or ""
    std::string attack;           // how: "air strike", "shelling", "bombing", "clashes" or ""
    std::string scope;            // for cumulative claims: "since 2014", "in 2017"...
    byte_span span;               // the figure in the article text
    byte_span sentence;           // the sentence holding it
    bool headline = false;        // read from a headline or linked-story line: no place or date
                                  // is inherited, so it never joins the body's incident by itself
};

}  // namespace reckon
