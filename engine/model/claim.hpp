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
    std::string id;               // "ARTICLE@s<sentence hash>.<figure>": stable across runs and across
                                  // edits elsewhere in the article (model/claim_id.hpp)
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
    // What the figure is about, beside its place and day (docs/extraction.md, "Scope"):
    std::string relation;         // how the text sets it beside the others: "" (a toll of its own), "part"
                                  // ("including 10", "14 of the dead"), "addition" ("three more"),
                                  // "running" ("so far"), "revision" ("rose to", "updated toll")
    std::string period;           // time extent when longer than one event: "days" ("in the past 10 days",
                                  // "48 hours"), "month", "year", "since" (a date), "war"; "" for one event
    std::string group;            // a subgroup it counts: "family", "medical staff", "critical condition"... or ""
    std::string localities;       // local places its sentence names, lower case, sorted, "; "-separated
                                  // ("ashrafiyeh; midan"): what tells two items of a city's round-up apart
    bool day_named = false;       // its sentence names the event's day (a weekday or a calendar date), so the
                                  // day is not inferred nor relative ("yesterday" in a copy republished a day later)
    int event = 0;                // the event within its article: 0 the lead event; a background paragraph or
                                  // another item of a round-up is 1, 2, ... in order of first mention
    byte_span span;               // the figure in the article text
    byte_span sentence;           // the sentence holding it
    bool headline = false;        // read from a headline or linked-story line: no place or date
                                  // is inherited, so it never joins the body's incident by itself
};

}  // namespace reckon
