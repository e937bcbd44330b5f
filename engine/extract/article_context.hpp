// What extraction knows about the one article it is reading, shared by the readers.
//
// extract.cpp walks an article sentence by sentence; each reader (figures, outcomes,
// sources, places, dates, actors, scope, links) reads one kind of thing from the words of
// a sentence and records it here. A sentence is split into words and read only when a
// figure needs it (info()), and sentences far behind the current one are released, so
// the readers never hold a whole long article at once.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "claims/claims.hpp"
#include "extract/extract.hpp"
#include "extract/source_reading.hpp"
#include "extract/text.hpp"
#include "extract/world_places.hpp"

namespace reckon::extract {

// w is one of the (short) words of `set`; compared byte by byte, without calls to memcmp.
template <std::size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& set) {
    for (const auto s : set) {
        if (s.size() != w.size()) continue;
        std::size_t i = 0;
        while (i < w.size() && s[i] == w[i]) ++i;
        if (i == w.size()) return true;
    }
    return false;
}

// Lookup tables built once per registry (extractor), read by the sources and places readers.
struct extractor::tables {
    struct form {
        std::vector<std::string> words;
        std::size_t source = 0;
        bool acronym = false;  // "IS", "WHO", "SANA": never matches a lower-case word ("is", "who")
    };
    // forms keyed by their first two words ("the observatory") or, for one-word forms, by
    // their only word: a common first word ("the") costs one lookup, not a walk over
    // every form that starts with it
    word_table<std::vector<form>> forms_by_first{1024};  // by pair_hash of the first two words or word_hash of one; longest first
    std::array<bool, 27 * 32> first_shapes{};  // (first letter, length) of first words, to skip lookups
    // the words of gazetteer names (registry::gazetteer::has_word) by word_hash: a
    // capitalised word of a sentence is looked up with the hash it already has
    word_table<char> place_words{1024};
    // registry::gazetteer::find_name by word_hash of the normalised name
    word_table<const registry::place*> place_names{1024};
    // the world gazetteer and the overlay's country, for the places reader
    world_reader world;
    // bodies and named people (docs/sources.md); null without a registry
    std::unique_ptr<source_reader> source_reading;
    bool may_open(std::string_view w) const {
        if (w.empty() || w.size() >= 32) return false;
        const int c = (w[0] >= 'a' && w[0] <= 'z') ? w[0] - 'a' : 26;
        return first_shapes[static_cast<std::size_t>(c * 32) + w.size()];
    }
};

// Fills the tables from the registries of ctx (either may be missing).
void fill_tables(extractor::tables& t, const extract_context& ctx);

// A source named in a sentence (sources reader).
struct source_mention {
    std::size_t source = 0;      // registry index, when `name` is empty
    std::string name, type;      // a source read, not listed: a body or a named person ("Iraq Police", "police")
    std::size_t wb = 0, we = 0;  // word range
    bool speaker = false;        // said / reported / according to
    bool relay = false;          // "told AFP", "AFP quoted ..."
    bool pronoun = false;        // "he said": resolved to the last speaker
    bool cited = false;          // "... citing a statement from X": X gave what the speaker reports
};

// A place named in a sentence (places reader).
struct place_mention {
    const registry::place* p = nullptr;  // the overlay's place, nullptr if not in the overlay
    std::uint32_t world = registry::no_place;  // else the world gazetteer's
    std::size_t wb = 0, we = 0;
    byte_span span;
    int rank = 0;  // 3 village/town/city, 2 district, 1 governorate, 0 country
    bool dateline = false;   // the dateline's place
    bool sub_place = false;  // a market or neighbourhood no gazetteer knows: it lies in a town
    bool of_source = false;  // "the ministry in Sanaa": where the source is, weighed below the event's places
    bool passing = false;    // a world name with no "in", "near" or division next to it ("a Phoenix man")
    std::string why;  // how a world name was settled, or why it was not (--explain)
};

// The date a sentence names (dates reader).
struct date_mention {
    date value;
    std::size_t wb = 0;
    int days_before_event = 0;   // "two days after" the event reported before: resolved per claim
    bool relative = false;
    bool names_event = false;    // "the 2013 double homicide": the date of the event the figures belong to
};

// What info() should make sure is known about a sentence.
enum need : unsigned { need_sources = 1, need_places = 2, need_date = 4, need_scope = 8, need_all = 15 };

// What extraction learns about one sentence, computed only for sentences near figures.
struct sentence_info {
    bool tokenized = false;  // words known
    unsigned done = 0;       // need bits already computed
    std::vector<word> words;
    std::vector<source_mention> sources;
    std::vector<place_mention> places;
    std::optional<date_mention> own_date;  // the sentence's date: its first, or the one that names an event
    std::vector<date_mention> other_dates;  // every date the sentence names (at most four), for the nearest to a figure
    bool retrieval = false;  // "bodies were retrieved": a date here is not the event's
    std::string actor;
    std::string attack;      // how people were killed: "air strike", "shelling", "bombing", "clashes"
    std::string scope;       // cumulative marker found in the sentence
    std::vector<std::size_t> figure_ids;  // indices into the article's figure list
};

// A figure the grammar found, placed on the words of its sentence (figures reader).
struct located_figure {
    grammar::claims::figure f;
    std::size_t sentence = 0;
    std::size_t wb = 0, we = 0;  // word range of the whole phrase
    std::size_t nb = 0, ne = 0;  // word range of the number
    int claim = -1;              // index of its claim, -1 if rejected
    std::optional<std::string> not_a_count;  // why it cannot be a casualty figure (year, date, age...)
    bool victim = false;                     // a person named without a number ("a man", victims.hpp)
    std::optional<outcome> implied;          // the outcome its word carries ("double homicide": killed)
};

struct article_context {
    article_context(const article& a, const extract_context& c, const extractor::tables& t, diagnostics& d,
                    std::vector<rejection>* r)
        : art(a), text(a.text), ctx(c), tables(t), diags(d), rejected(r) {}

    const article& art;
    std::string_view text;  // the article's bytes: spans are offsets into it
    const extract_context& ctx;
    const extractor::tables& tables;
    diagnostics& diags;
    std::vector<rejection>* rejected;  // when set, every rejected number is listed here

    std::vector<sentence> sentences;
    std::vector<sentence_info> sentence_infos;  // one per sentence, filled by info()
    std::vector<located_figure> figures;        // in text order
    std::vector<claim> claims;
    std::vector<std::size_t> claim_figure;      // claim -> figure
    std::set<std::size_t> leading;              // headline lines above the first sentence of the body
    std::size_t released = 0;                   // sentences before this one have been released
    std::size_t overflow_reported = 0;          // "number too large" warnings given

    // victims reader: the perpetrators' surnames (perpetrator_names), read when first needed
    std::optional<std::vector<std::string>> perpetrators;
    // dates reader
    byte_span dateline;
    std::optional<date> opening_date;  // lede_date()
    bool opening_date_searched = false;
    // actors reader
    std::string opening_attack;  // lede_attack()
    bool opening_attack_searched = false;
    // sources reader
    std::optional<source_mention> last_speaker;  // the last named speaker
    const registry::country* country = nullptr;  // article_country()
    bool country_read = false;
    const registry::country* words_country = nullptr;  // text_country()
    bool words_country_read = false;
    std::string detected_outlet;              // from a credit line when the corpus gave no outlet
    std::optional<std::string> outlet;        // canonical_outlet()
    // places reader: looked up once per article, when first needed
    const registry::place* location = nullptr;  // the corpus location column through the gazetteer
    bool location_resolved = false;
    std::string name_key;  // find_place_name's buffer
    std::optional<article_place> where;  // the article's country and division (article_place_of())

    // The country the article is about: the places reader's (article_place_of), else as
    // its country words say (text_country()); read when first needed; nullptr when none
    // or when the registry has no pack for it.
    const registry::country* article_country();
    // The country the article's country words name most (registry country_of_text over
    // title and text): whose army an unqualified "the military" is, armies fighting
    // abroad ("the army said" of a report on a Russian strike in Homs is Russia's).
    const registry::country* text_country();
    // The article in lower case, made when first needed.
    std::string_view lower_text() {
        if (m_lower.size() != text.size()) m_lower = lower_case_of(text);
        return m_lower;
    }
    // Splits the body into sentences (a headline repeated at the top of the body is its
    // own sentence) and reads the credit line and the dateline.
    void split();
    // Sentence s with at least `what` read (words first, then the readers asked for).
    sentence_info& info(std::size_t s, unsigned what = need_all);
    // Splits sentence s into words if not done yet.
    sentence_info& words_of_sentence(std::size_t s);
    // Frees the words of sentences far behind `s`: nothing looks more than a few sentences back.
    void release_before(std::size_t s);

private:
    std::string m_lower;
};

}  // namespace reckon::extract
