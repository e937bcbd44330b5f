// Scope and events of an article's figures (see events.hpp). Works on the claims the
// extractor made, with the article text: a pass of its own after extraction, so the
// sentence readers stay about single figures and this one about how they relate.
#include "extract/events.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "extract/text.hpp"
#include "model/locality.hpp"

namespace reckon::extract {

namespace {

// The text of a span in lower case (ASCII letters only, byte for byte), made once, so
// that words compare as views: this reader compares every word of every sentence with a
// figure against dozens of words, and comparing views checks the length first.
class folded_text {
public:
    folded_text(std::string_view text, byte_span span)
        : m_offset(std::min<std::size_t>(span.begin, text.size())),
          m_lower(text.substr(m_offset, std::min<std::size_t>(span.end, text.size()) - m_offset)) {
        for (char& c : m_lower)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    // text[begin, end) in lower case; the span must lie within the folded one
    std::string_view at(std::size_t begin, std::size_t end) const {
        return std::string_view(m_lower).substr(begin - m_offset, end - begin);
    }

private:
    std::size_t m_offset;
    std::string m_lower;
};

// A word of a sentence (not text.hpp's `word`: this reader keeps the text as written and
// reads "al-" names as capitalised).
struct token {
    std::string_view text;   // as written
    std::string_view lower;  // the same in lower case (in a folded_text that outlives the word)
    std::size_t begin = 0, end = 0;
    bool capital = false;  // starts with a capital letter, or "al-" and one
    std::uint64_t hash = 0;  // word_hash(lower), made once: the word lists below are probed with it
};

// (the program keeps the "C" locale, where isalnum and isupper are these ASCII tests)
bool word_byte(char c) { return ascii_alnum(c); }

bool starts_with(std::string_view w, std::string_view prefix) { return w.substr(0, prefix.size()) == prefix; }

// Words of text[span]: letters and digits, with inner hyphens and apostrophes
// ("al-Midan", "Syria's"); everything else separates them. `lower` folds at least the span.
std::vector<token> words_of(std::string_view text, const folded_text& lower, byte_span span) {
    std::vector<token> out;
    std::size_t i = span.begin;
    const std::size_t end = std::min<std::size_t>(span.end, text.size());
    while (i < end) {
        if (!word_byte(text[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < end && (word_byte(text[j]) || ((text[j] == '-' || text[j] == '\'') && j + 1 < end && word_byte(text[j + 1]))))
            ++j;
        token w;
        w.text = text.substr(i, j - i);
        w.begin = i;
        w.end = j;
        w.lower = lower.at(i, j);
        w.hash = word_hash(w.lower);
        const bool article_prefix = w.lower.size() > 3 && (starts_with(w.lower, "al-") || starts_with(w.lower, "el-"));
        w.capital = ascii_upper(w.text[0]) || (article_prefix && ascii_upper(w.text[3]));
        out.push_back(std::move(w));
        i = j;
    }
    return out;
}

// Word lists are hashed (word_set): every word of a sentence with a figure is looked up in
// several of them, once per figure.
bool one_of(std::string_view w, const word_set& list) { return list.contains(w); }
bool one_of(const token& w, const word_set& list) { return list.contains(w.lower, w.hash); }

const word_set number_words{"two",   "three", "four", "five",   "six", "seven", "eight",
                                                        "nine",  "ten",   "few",  "several", "couple", "48", "72"};
const word_set rise_verbs{"rose",   "risen",  "rises",   "climbed", "increased", "jumped", "mounted",
                                                      "soared", "raising", "raised", "bringing", "brought",  "brings"};
const word_set fresh_toll{"latest", "updated", "revised", "new", "final", "rising"};
const word_set part_after{"of", "were", "was", "are", "is", "among", "included"};
const word_set conflict_words{"war", "conflict", "uprising", "revolution", "crisis"};
const word_set months{"january", "february", "march",     "april",   "may",      "june",
                                                  "july",    "august",   "september", "october", "november", "december"};
const word_set weekdays{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
const word_set reporting{"according", "said", "says", "told", "reported", "citing"};
const word_set aid{"volunteers", "rescuers", "aid", "rescue"};

// Words that name where an item of a round-up happened.
const word_set place_nouns{
    "neighborhood", "neighborhoods", "neighbourhood", "neighbourhoods", "district", "districts", "village", "villages",
    "town",         "area",          "areas",         "camp",           "street",   "square",    "hospital", "market",
    "quarter",      "suburb",        "road",          "roundabout",     "school",   "mosque"};
const word_set place_prepositions{"in", "on", "at", "near", "targeted", "hit"};
// Capitalised words that never name a local place.
const word_set not_places{
    "syria",    "syrias",    "syria's",  "iraq",     "turkey",    "lebanon",   "jordan",      "israel",   "russia",   "united",
    "syrian",    "the",      "a",        "city",      "province",  "countryside", "northern", "southern", "eastern",
    "western",  "central",   "monday",   "tuesday",  "wednesday", "thursday",  "friday",      "saturday", "sunday",   "january",
    "february", "march",     "april",    "may",      "june",      "july",      "august",      "september", "october", "november",
    "december", "islamic",   "state",    "army",     "police",    "government", "regime",     "russian",  "turkish",  "kurdish"};

std::string_view without_article(std::string_view w) {
    if (w.size() > 3 && (starts_with(w, "al-") || starts_with(w, "el-"))) return w.substr(3);
    return w;
}

bool is_article_word(std::string_view w) { return w == "al" || w == "el"; }

std::size_t figure_word(const std::vector<token>& ws, byte_span figure) {
    for (std::size_t k = 0; k < ws.size(); ++k)
        if (ws[k].end > figure.begin) return k;
    return ws.size();
}

bool within_words(const std::vector<token>& ws, std::size_t from, std::size_t to, std::string_view w) {
    for (std::size_t k = from; k < to && k < ws.size(); ++k)
        if (ws[k].lower == w) return true;
    return false;
}

std::string period_of(const std::vector<token>& ws, std::int64_t value) {
    for (std::size_t k = 0; k < ws.size(); ++k) {
        // views, not copies: this runs on every word of every sentence with a figure
        const std::string_view w = ws[k].lower;
        const std::string_view next = k + 1 < ws.size() ? std::string_view(ws[k + 1].lower) : std::string_view();
        // "in the past 10 days", "over the last three weeks", "the previous 48 hours"
        // (a bare "last month" or "last week" says when, not how long: "expelled from the town
        // last month"; "in the last month", "over the past week" say how long)
        const bool span_word = k > 0 && (ws[k - 1].lower == "the" || ws[k - 1].lower == "in" || ws[k - 1].lower == "over" ||
                                         ws[k - 1].lower == "during" || ws[k - 1].lower == "for" || ws[k - 1].lower == "within");
        if (w == "past" || w == "last" || w == "previous" || w == "recent") {
            std::size_t u = k + 1;
            const bool counted = u < ws.size() && (std::isdigit(static_cast<unsigned char>(ws[u].lower[0])) || one_of(ws[u], number_words));
            if (!counted && !span_word) continue;
            if (counted) {
                const bool hours = u + 1 < ws.size() && ws[u + 1].lower == "hours";
                if (hours && (ws[u].lower == "48" || ws[u].lower == "72" || ws[u].lower == "few" || ws[u].lower == "several"))
                    return "days";
                ++u;
            }
            if (u < ws.size()) {
                const std::string_view unit = ws[u].lower;
                if (unit == "days" || unit == "weeks" || unit == "week") return "days";
                if (unit == "month" || unit == "months") return "month";
                if (unit == "year" || unit == "years") return "year";
            }
        }
        // "in three days of attacks", "two days of bombardment"
        if ((w == "days" || w == "weeks") && next == "of" && k > 0 &&
            (std::isdigit(static_cast<unsigned char>(ws[k - 1].lower[0])) || one_of(ws[k - 1], number_words)))
            return "days";
        // "48 hours"
        if (w == "hours" && k > 0 && (ws[k - 1].lower == "48" || ws[k - 1].lower == "72")) return "days";
        if (w == "this" && (next == "week")) return "days";
        if (w == "this" && (next == "month")) return "month";
        if (w == "this" && (next == "year")) return "year";
        // "from March 2011 to June 2016", "between 2014 and 2017"
        if ((w == "from" || w == "between") && k + 1 < ws.size() &&
            (one_of(next, months) || (next.size() == 4 && next[0] == '2' && std::isdigit(static_cast<unsigned char>(next[1])))))
            for (std::size_t j = k + 2; j < std::min(ws.size(), k + 6); ++j)
                if (ws[j].lower == "to" || ws[j].lower == "until" || ws[j].lower == "and") return "since";
    }
    // A toll in the thousands in a sentence about the war is the war's ("The war has
    // claimed more than 300000 lives", "the six-year conflict").
    if (value >= 1000) {
        for (const auto& w : ws)
            if (one_of(w, conflict_words) || w.lower.find("-year") != std::string::npos) return "war";
    }
    // Tens of thousands in the present perfect with no day are a toll of the whole war or
    // crisis, even unnamed ("More than 300000 people have been killed and millions
    // forced to flee"); one attack's toll says when ("... have been killed on Monday").
    if (value >= 10000) {
        bool perfect = false, day = false;
        for (std::size_t k = 0; k < ws.size(); ++k) {
            const std::string_view w = ws[k].lower;
            const std::string_view next = k + 1 < ws.size() ? ws[k + 1].lower : std::string_view();
            if ((w == "have" || w == "has") && (next == "been" || next == "died" || next == "killed" || next == "claimed"))
                perfect = true;
            if (one_of(ws[k], weekdays) || w == "yesterday" || w == "today" || w == "overnight") day = true;
        }
        if (perfect && !day) return "war";
    }
    return "";
}

// Who learns of the casualties at a hospital counts the part brought there, not the
// attack's toll ("the bodies of two martyrs arrived in the hospital", "three were taken
// to hospital", "41 people were admitted to the hospital"): the figure is a part.
bool hospital_intake(const std::vector<token>& ws, std::size_t f) {
    static const word_set intake{"arrived", "admitted", "taken",  "brought",  "transferred",
                                                            "rushed",  "received", "treated", "evacuated", "transported"};
    bool verb = false;
    for (std::size_t k = f + 1; k < std::min(ws.size(), f + 16); ++k) {
        if (one_of(ws[k], reporting)) break;  // "... told the hospital's director": who counted
        if (one_of(ws[k], intake)) verb = true;
        if (verb && (ws[k].lower == "hospital" || ws[k].lower == "hospitals")) return true;
    }
    return false;
}

// What one reporter or witness saw is a part of the toll, seen at one spot ("AFP's
// reporter in the town saw several bodies", "a witness said he had seen 10 bodies"), not
// a count of its own: the eye-witness's "saw" within a few words before the figure.
bool seen_by_witness(const std::vector<token>& ws, std::size_t f) {
    static const word_set eyes{"reporter",   "correspondent", "journalist", "photographer",
                                                          "witness",    "witnesses",     "cameraman",  "reporters"};
    for (std::size_t k = f >= 4 ? f - 4 : 0; k < f; ++k) {
        if (ws[k].lower != "saw" && ws[k].lower != "seen") continue;
        for (std::size_t j = k >= 12 ? k - 12 : 0; j < k; ++j)
            if (one_of(ws[j], eyes)) return true;
    }
    return false;
}

// What an early word is: a toll, a report, figures ("the initial toll", "preliminary reports").
bool early_account(std::string_view noun) {
    static const word_set accounts{"toll",    "tolls",  "report", "reports",   "information",
                                                               "figures", "count",  "counts", "estimates", "estimate"};
    return one_of(noun, accounts);
}

// A figure the text gives as an earlier word than its latest: a sentence that opens on
// "Earlier" ("Earlier on Wednesday a source said one person was killed", "Earlier,
// police said two had died"; not "Earlier this month", another event), "initially", an
// "initial"/"earlier"/"preliminary" toll or report, or "earlier said/reported" before the
// figure; after it, "according to preliminary reports" (a first count, which later ones
// supersede: no rival of them).
bool earlier_report(const std::vector<token>& ws, std::size_t f) {
    if (ws.empty()) return false;
    const std::string_view w1 = ws.size() > 1 ? ws[1].lower : std::string_view();
    const std::string_view w2 = ws.size() > 2 ? ws[2].lower : std::string_view();
    if (ws[0].lower == "earlier" && !(w1 == "this" && (w2 == "month" || w2 == "week" || w2 == "year"))) return true;
    for (std::size_t k = f >= 10 ? f - 10 : 0; k < f; ++k) {
        const std::string_view w = ws[k].lower;
        const std::string_view next = k + 1 < ws.size() ? ws[k + 1].lower : std::string_view();
        if (w == "initially") return true;
        // "the governor had earlier reported a toll of eight", "police earlier said two"
        if (w == "earlier" && (next == "said" || next == "reported" || next == "put" || next == "gave" || next == "told"))
            return true;
        // "the police earlier said", and with the word after the verb: "SANA reported earlier that one was killed"
        if ((w == "reported" || w == "said") && next == "earlier" &&
            !(k + 2 < ws.size() && (ws[k + 2].lower == "this" || ws[k + 2].lower == "last")))
            return true;
        // "the initial toll", "the previous death toll was 20", "earlier reports"
        const std::string_view noun = next == "death" && k + 2 < ws.size() ? ws[k + 2].lower : next;
        if ((w == "initial" || w == "earlier" || w == "previous" || w == "preliminary") && early_account(noun)) return true;
    }
    // After the figure, only as the figure's attribution: "killed six according to preliminary
    // reports", "according to initial information" (not "12 dead; the initial toll was 9",
    // which tells of another figure)
    for (std::size_t k = f + 1; k + 2 < ws.size(); ++k)
        if (ws[k].lower == "according" && ws[k + 1].lower == "to" &&
            (ws[k + 2].lower == "preliminary" || ws[k + 2].lower == "initial" || ws[k + 2].lower == "early" ||
             ws[k + 2].lower == "first") &&
            k + 3 < ws.size() && early_account(ws[k + 3].lower))
            return true;
    return false;
}

// "25 Terrorists Killed Injured", "88 killed & injured", "12 dead or wounded": one count of
// the killed and the injured together, no rival of either toll.
bool counts_killed_and_injured(const std::vector<token>& ws, std::size_t f) {
    static const word_set dead{"killed", "dead", "martyred", "died"};
    static const word_set hurt{"injured", "wounded", "hurt", "injuries"};
    for (std::size_t k = f + 1; k < std::min(ws.size(), f + 4); ++k) {
        if (!one_of(ws[k], dead)) continue;
        std::size_t j = k + 1;
        if (j < ws.size() && (ws[j].lower == "and" || ws[j].lower == "or")) ++j;
        return j < ws.size() && one_of(ws[j], hurt);
    }
    return false;
}

// "six children and their mother still under the rubble", "10 people remain trapped": not
// (yet) a toll of the dead. Bodies pulled from the rubble are.
bool trapped(const std::vector<token>& ws, std::size_t f) {
    static const word_set found_dead{"killed", "dead",      "died",     "bodies",  "body",
                                                                "pulled", "recovered", "retrieved", "martyred"};
    for (std::size_t k = f + 1; k < std::min(ws.size(), f + 9); ++k) {
        const std::string_view w = ws[k].lower;
        if (one_of(ws[k], found_dead) || one_of(ws[k], reporting) || w == "wounded" || w == "injured" ||
            std::isdigit(static_cast<unsigned char>(w[0])))
            return false;
        const std::string_view next = k + 1 < ws.size() ? ws[k + 1].lower : std::string_view();
        if (w == "trapped" || ((w == "still" || w == "remain" || w == "remained") && (next == "under" || next == "missing")))
            return true;
    }
    return false;
}

std::string group_of(const std::vector<token>& ws, std::size_t f) {
    if (counts_killed_and_injured(ws, f)) return "killed and injured";
    if (trapped(ws, f)) return "trapped";
    // "17 people of one family", "11 people with the same family name", "a family of six"
    const std::size_t to = std::min(ws.size(), f + 8);
    if (within_words(ws, f + 1, to, "family") || within_words(ws, f + 1, to, "families") ||
        (f >= 2 && ws[f - 1].lower == "of" && ws[f - 2].lower == "family"))
        return "family";
    for (std::size_t k = f + 1; k < std::min(ws.size(), f + 8); ++k) {
        const std::string_view w = ws[k].lower;
        if (one_of(ws[k], reporting)) break;  // "100 wounded according to the medical source": who counted, not who
        const std::string_view next = k + 1 < ws.size() ? std::string_view(ws[k + 1].lower) : std::string_view();
        if (w == "staff" || w == "medics" || w == "doctors" || w == "nurses" || w == "paramedics" ||
            (w == "medical" && (next == "staff" || next == "workers" || next == "personnel")))
            return "medical staff";
        if (one_of(ws[k], aid) && (w == "volunteers" || w == "rescuers" || (k + 1 < ws.size() && ws[k + 1].lower == "workers")))
            return "aid workers";
        if (w == "journalists" || w == "reporters") return "journalists";
        if (w == "critical" && !within_words(ws, f + 1, k, "some")) return "critical condition";
    }
    // the noun right after the figure: "six teachers", "eight students between 7 and 12",
    // "14 university students" (not "22 children and six teachers" for the 22)
    for (std::size_t k = f + 1; k < std::min(ws.size(), f + 4); ++k) {
        const std::string_view w = ws[k].lower;
        if (w == "and" || w == "were" || w == "was" || w == "of" || w == "people" || w == "persons" || w == "civilians" ||
            w == "mostly" || w == "mainly" || w == "including")
            break;  // "10 people mostly schoolchildren": who they were, not a subgroup
        if (w == "teachers" || w == "teacher") return "teachers";
        if (w == "students" || w == "student" || w == "pupils" || w == "schoolchildren") return "students";
    }
    return "";
}

// A word that may open a figure: digits or a number word.
bool number_word(std::string_view w) {
    static const word_set words{
        "one",     "two",      "three",    "four",      "five",     "six",      "seven",   "eight",  "nine",
        "ten",     "eleven",   "twelve",   "thirteen",  "fourteen", "fifteen",  "sixteen", "twenty", "thirty",
        "forty",   "fifty",    "sixty",    "seventy",   "eighty",   "ninety",   "hundred", "hundreds", "thousand",
        "thousands", "dozen",  "dozens",   "few",       "several",  "couple",   "scores",  "both",   "seventeen"};
    if (w.empty()) return false;
    return std::isdigit(static_cast<unsigned char>(w[0])) || one_of(w.substr(0, w.find('-')), words);
}

// A figure told as a part of another ("two of the wounded", "three of them") after a
// revised toll in the same sentence belongs to the part, not to the revision ("raised the
// death toll to 11, saying two of the wounded had died": the two are among the eleven).
// Other figures after the revised one are the same update ("has risen to 42 dead including
// seven children", "rose to 5 killed and 17 injured"). True when a figure stands between
// `from` and the figure at `f`.
bool figure_between(const std::vector<token>& ws, std::size_t from, std::size_t f) {
    for (std::size_t j = from + 1; j < f; ++j)
        if (number_word(ws[j].lower)) return true;
    return false;
}

// The figure's noun phrase is the subject of "were (also) among the dead": "the wives of
// the five fighters were also among the dead", "a driver and two nurses were among those
// killed". They are some of the dead, not a count of them all. The figure opens a noun
// phrase (at the sentence's start or after "the", "and", "of", "their"), and the few words
// between it and "were" are that phrase: no verb, no clause ("injuring 20 others and that
// three children were among the injured": the 20 are no part, the three are).
bool among_the_dead(const std::vector<token>& ws, std::size_t f) {
    static const word_set opens{"the", "and", "of", "their", "his", "her"};
    static const word_set not_subject{
        "killed", "died",  "dead", "wounded", "injured", "hurt",  "said",  "killing",
        "and",    "that",  "who",  "which",   "while",   "others", "but", "including"};
    if (f > 0 && !one_of(ws[f - 1], opens)) return false;
    for (std::size_t k = f + 1; k < std::min(ws.size(), f + 6); ++k) {
        const std::string_view w = ws[k].lower;
        if (w == "were" || w == "was") {
            std::size_t j = k + 1;
            if (j < ws.size() && ws[j].lower == "also") ++j;
            return j + 1 < ws.size() && ws[j].lower == "among" && (ws[j + 1].lower == "the" || ws[j + 1].lower == "those");
        }
        if (one_of(ws[k], not_subject) || number_word(w)) return false;
    }
    return false;
}

// What follows "now" after a figure when the text gives the toll as it stands ("are now dead").
const word_set now_dead{"dead", "died", "killed", "deceased", "confirmed"};

// A toll word ("toll", "number", "count") in the four words before word k.
bool toll_before(const std::vector<token>& ws, std::size_t k) {
    for (std::size_t j = k >= 4 ? k - 4 : 0; j < k; ++j)
        if (ws[j].lower == "toll" || ws[j].lower == "number" || ws[j].lower == "count") return true;
    return false;
}

std::string relation_of(const std::vector<token>& ws, std::size_t f) {
    const std::string_view next = f + 1 < ws.size() ? ws[f + 1].lower : std::string_view();
    const std::string_view after = f + 2 < ws.size() ? ws[f + 2].lower : std::string_view();
    const std::string_view prev = f >= 1 ? ws[f - 1].lower : std::string_view();
    const std::string_view prev2 = f >= 2 ? ws[f - 2].lower : std::string_view();
    // "three more civilians", "another 11", "a further nine", "an additional 20"
    if ((next == "more" && after != "than") || prev == "another" || prev == "further" || prev == "additional")
        return "addition";
    const bool told_as_part = next == "of" && (after == "the" || after == "them" || after == "those" || after == "whom");
    // "the toll rose to 48", "bringing the number killed to 45", "the latest toll 44"
    for (std::size_t k = f >= 8 ? f - 8 : 0; k < f; ++k) {
        if (told_as_part && figure_between(ws, k, f)) continue;
        if (one_of(ws[k], rise_verbs) && within_words(ws, k + 1, f + 1, "to")) return "revision";
        if (one_of(ws[k], fresh_toll) && k + 1 < f &&
            (ws[k + 1].lower == "toll" || ws[k + 1].lower == "figures" || ws[k + 1].lower == "death"))
            return "revision";
        if (ws[k].lower == "reached" || ws[k].lower == "reaches" || ws[k].lower == "surpasses") return "revision";
    }
    // "three people are now dead", "four have now died": the toll as it stands, raised since
    // the first report; "the toll now stands at 4", "the number of dead is now 5"
    for (std::size_t k = f + 1; k < std::min(ws.size(), f + 4); ++k)
        if (ws[k].lower == "now" && k + 1 < ws.size() && one_of(ws[k + 1], now_dead)) return "revision";
    for (std::size_t k = f >= 6 ? f - 6 : 0; k < f; ++k)
        if (ws[k].lower == "now" &&
            (k + 1 == f || ws[k + 1].lower == "stands" || ws[k + 1].lower == "at" || ws[k + 1].lower == "is") &&
            toll_before(ws, k))
            return "revision";
    // "... according to the medical source who gave the updated toll"
    for (std::size_t k = f + 1; k + 1 < ws.size(); ++k)
        if (one_of(ws[k], fresh_toll) && ws[k].lower != "new" && ws[k + 1].lower == "toll") return "revision";
    // "including 10", "among them five", "of whom 14", "those killed included 11";
    // "14 of the dead", "five of the injured", "six were among the dead"
    if (prev == "including" || prev == "included" || (prev2 == "among" && (prev == "them" || prev == "whom")) ||
        (prev2 == "of" && (prev == "them" || prev == "whom")))
        return "part";
    if (told_as_part) return "part";
    // "As well as the 10 civilians killed on the bus, 21 others died", "besides the 10",
    // "in addition to the 10": one item of a sum the sentence goes on to make
    const std::size_t g = prev == "the" && f >= 1 ? f - 1 : f;
    const auto before = [&](std::size_t back) { return g >= back ? ws[g - back].lower : std::string_view(); };
    if ((before(1) == "as" && before(2) == "well" && before(3) == "as") || before(1) == "besides" ||
        (before(1) == "to" && before(2) == "addition" && before(3) == "in"))
        return "part";
    for (std::size_t k = f + 1; k < std::min(ws.size(), f + 5); ++k) {
        if (ws[k].lower == "among" && k + 1 < ws.size() && (ws[k + 1].lower == "the" || ws[k + 1].lower == "those")) return "part";
        if (!one_of(ws[k], part_after) && k > f + 2) break;
    }
    if (among_the_dead(ws, f)) return "part";
    return "";
}

// A sentence that sums several events: "in separate attacks", "in various areas",
// "across the country", "nationwide". Its figure has no one event to dispute.
bool several_events(const std::vector<token>& ws) {
    static const word_set events{"attacks",   "operations", "incidents", "strikes",   "raids",
                                                            "clashes",   "bombings",   "explosions", "airstrikes"};
    static const word_set areas{"areas",  "parts",  "regions", "provinces", "towns",
                                                            "cities", "places", "locations", "fronts", "governorates"};
    static const word_set many{"various", "several", "different", "multiple"};
    for (std::size_t k = 0; k < ws.size(); ++k) {
        const std::string_view w = ws[k].lower;
        const std::string_view next = k + 1 < ws.size() ? ws[k + 1].lower : std::string_view();
        const std::string_view after = k + 2 < ws.size() ? ws[k + 2].lower : std::string_view();
        if (w == "nationwide") return true;
        // "raids in and around the city killed 31": the city and its outskirts, strike by strike
        if (w == "in" && next == "and" && (after == "around" || after == "near")) return true;
        // "in a series of Russian air strikes", "a wave of attacks on the city" (not "a series of
        // explosions at the depot": one blast's effects)
        if ((w == "series" || w == "wave" || w == "spate") && next == "of")
            for (std::size_t j = k + 2; j < std::min(ws.size(), k + 6); ++j)
                if (one_of(ws[j], events) && ws[j].lower != "explosions" && ws[j].lower != "incidents") return true;
        // a day's toll of every strike: "over the past 24 hours", "in the last 24 hours"
        if ((w == "past" || w == "last" || w == "previous") && next == "24" && after == "hours") return true;
        if (w == "separate" && (one_of(next, events) || one_of(after, events))) return true;
        if (one_of(ws[k], many) && one_of(next, areas)) return true;
        if ((w == "across" || w == "throughout") &&
            (next == "syria" || next == "country" || (next == "the" && (after == "country" || after == "nation"))))
            return true;
    }
    return false;
}

// "killed in Aleppo and Sweida", "across Hama and Idlib": a sum over two places (and so
// over their events). Two neighbourhoods of one city ("in al-Midan and al-Faid
// neighbourhoods") are the localities' to tell apart.
bool two_places(const std::vector<token>& ws) {
    // (not "between A and B": one road or front between two places)
    static const word_set before{"in", "across", "on", "at"};
    const auto place_word = [&](std::size_t k) {
        if (k >= ws.size() || !ws[k].capital || is_article_word(ws[k].lower)) return false;
        const std::string_view bare = without_article(ws[k].lower);
        return bare.size() >= 3 && !one_of(bare, not_places) && !std::isdigit(static_cast<unsigned char>(bare[0]));
    };
    for (std::size_t k = 0; k + 3 < ws.size(); ++k) {
        if (!one_of(ws[k], before) || !place_word(k + 1)) continue;
        std::size_t j = k + 2;
        if (place_word(j)) ++j;  // "Deir Ezzor"
        if (j + 1 >= ws.size() || ws[j].lower != "and" || !place_word(j + 1)) continue;
        std::size_t e = j + 2;
        if (place_word(e)) ++e;
        // "... neighbourhoods", "... residential neighborhoods": localities; "in Binnish and
        // Maaret Masrin fired": where the fire came from; "in Arabic and German": no places
        const auto next_is = [&](std::size_t at, auto pred) { return at < ws.size() && pred(ws[at].lower); };
        const auto noun = [](std::string_view w) { return one_of(w, place_nouns); };
        if (next_is(e, noun) || next_is(e + 1, noun) || next_is(e, [](std::string_view w) { return w == "fired"; }) ||
            next_is(e, [](std::string_view w) { return w == "speaking" || w == "languages"; }))
            continue;
        return true;
    }
    return false;
}

// A sentence that opens on another event: a background paragraph or the next item
// of a round-up.
bool opens_another_event(const std::vector<token>& ws) {
    if (ws.empty()) return false;
    const std::string_view w0 = ws[0].lower;
    const std::string_view w1 = ws.size() > 1 ? ws[1].lower : std::string_view();
    const std::string_view w2 = ws.size() > 2 ? ws[2].lower : std::string_view();
    if (w0 == "meanwhile" || w0 == "elsewhere") return true;
    if (w0 == "in" && (w1 == "another" || w1 == "a" ) && (w1 == "another" || w2 == "separate")) return true;
    if (w0 == "in" && w1 == "the" && w2 == "same" && ws.size() > 3 && ws[3].lower == "context") return true;
    if (w0 == "last" && (w1 == "month" || w1 == "week" || w1 == "year")) return true;
    if (w0 == "earlier" && w1 == "this" && (w2 == "month" || w2 == "week" || w2 == "year")) return true;
    // "Two days ago", "A day earlier", "Days after"
    for (std::size_t k = 1; k < std::min<std::size_t>(ws.size(), 4); ++k) {
        const bool day_word = ws[k - 1].lower == "days" || ws[k - 1].lower == "day" || ws[k - 1].lower == "weeks";
        if (day_word && (ws[k].lower == "ago" || ws[k].lower == "earlier" || ws[k].lower == "before")) return true;
    }
    return false;
}

// A figure in a clause about an earlier event: "... just a day after air strikes on a
// school left 35 dead", "days after dozens of aid workers were killed", "on the heels
// of strikes that killed 15".
bool after_an_earlier_event(const std::vector<token>& ws, std::size_t f) {
    for (std::size_t k = f >= 15 ? f - 15 : 0; k < f; ++k) {
        const std::string_view w = ws[k].lower;
        const std::string_view prev = k > 0 ? ws[k - 1].lower : std::string_view();
        if (w == "after" && (prev == "day" || prev == "days" || prev == "week" || prev == "weeks" || prev == "hours")) return true;
        if (w == "heels" && k + 1 < f && ws[k + 1].lower == "of") return true;
    }
    return false;
}

// A clause about the day before: "... comes a day after eight civilians were killed in a
// similar attack". The figure is that day's, not the lead event's.
bool a_day_after(const std::vector<token>& ws, std::size_t f) {
    for (std::size_t k = f >= 15 ? f - 15 : 1; k + 1 < f; ++k)
        if (ws[k].lower == "day" && ws[k + 1].lower == "after" && (ws[k - 1].lower == "a" || ws[k - 1].lower == "one"))
            return true;
    return false;
}

template <class F>
void each_locality(const std::string& list, F&& f) {
    std::size_t start = 0;
    while (start < list.size()) {
        const auto cut = list.find("; ", start);
        f(list.substr(start, cut == std::string::npos ? std::string::npos : cut - start));
        if (cut == std::string::npos) break;
        start = cut + 2;
    }
}

const word_set relative_days{"yesterday", "today", "overnight", "tonight", "earlier", "later"};

// The sentence names the event's day: a weekday or a month and a day ("on Monday",
// "on 11 November", "Nov. 11"), and no relative day ("yesterday", "overnight", "late
// Monday night" still names Monday).
bool names_the_day(const std::vector<token>& ws) {
    bool named = false;
    for (std::size_t k = 0; k < ws.size(); ++k) {
        const std::string_view w = ws[k].lower;
        if (one_of(ws[k], relative_days) && w != "earlier" && w != "later") return false;
        if (one_of(ws[k], weekdays)) named = true;
        const bool day_number = [&](std::size_t j) {
            return j < ws.size() && ws[j].lower.size() <= 2 && std::isdigit(static_cast<unsigned char>(ws[j].lower[0]));
        }(k + 1) || (k > 0 && ws[k - 1].lower.size() <= 2 && std::isdigit(static_cast<unsigned char>(ws[k - 1].lower[0])));
        if (one_of(ws[k], months) && day_number) named = true;
    }
    return named;
}

bool figure_said(const std::vector<token>& ws, std::size_t k) {
    for (std::size_t j = 0; j < k; ++j)
        if (std::isdigit(static_cast<unsigned char>(ws[j].lower[0])) || one_of(ws[j], number_words)) return true;
    return false;
}

// The sentence itself says how people were killed, so the claim's means of attack is
// its own and not one it took from the sentence before or the lede. The words are the
// attack reader's (w_attack in text.cpp, actors.cpp find_attack) less those that tell
// an effect or a setting rather than the means ("explosions" follow shells and air
// strikes alike, "the Observatory, which monitors the fighting") and the ambiguous "air"
// and "car", which count only as "air strike(s)"/"air raid(s)" and "car bomb".
bool names_means(const std::vector<token>& ws) {
    static const word_set means{
        "airstrike", "airstrikes", "air-strike", "air-strikes", "warplane", "warplanes", "jets",    "helicopter",
        "helicopters", "barrel",   "drone",      "drones",      "aerial",   "strike",    "strikes", "raid",
        "raids",     "shelling",   "shelled",    "shells",      "artillery", "mortar",   "mortars", "rocket",
        "rockets",   "missile",    "missiles",   "booby-trapped", "suicide", "bomber",   "ied",     "clashes",
        "gunfire",   "sniper"};
    for (std::size_t k = 0; k < ws.size(); ++k) {
        const std::string_view w = ws[k].lower;
        const std::string_view next = k + 1 < ws.size() ? ws[k + 1].lower : std::string_view();
        // a means after "adding that", once a figure is told, is another statement's (find_attack)
        if ((w == "adding" || (w == "added" && next == "that")) && figure_said(ws, k)) return false;
        if (one_of(ws[k], means) || (w == "car" && next.rfind("bomb", 0) == 0)) return true;
        if (w == "fire" && k > 0 && (ws[k - 1].lower.rfind("rebel", 0) == 0 || ws[k - 1].lower == "opposition")) return true;
    }
    return false;
}

bool is_place_name(const std::vector<token>& ws, std::size_t k) {
    const token& w = ws[k];
    if (!w.capital || k == 0 || is_article_word(w.lower)) return false;  // a sentence's first word is capitalised anyway
    const std::string_view bare = without_article(w.lower);
    const std::string_view head = bare.substr(0, bare.find('-'));  // "Monday-and" (a dash lost in the text)
    if (bare.size() < 3 || one_of(bare, not_places) || one_of(head, not_places) ||
        std::isdigit(static_cast<unsigned char>(bare[0])))
        return false;
    // the word before, past an article written as a word of its own ("the Al Sakhour neighbourhood")
    std::size_t p = k - 1;
    if (is_article_word(ws[p].lower)) {
        if (p == 0) return false;
        --p;
    }
    // "in al-Midan", "al-Midan and al-Faid", "the neighbourhood of al-Khalidiye"
    const bool listed = ws[p].lower == "and" && p >= 1 && is_place_name(ws, p - 1);
    const bool before = one_of(ws[p], place_prepositions) || listed ||
                        (ws[p].lower == "of" && p >= 1 && one_of(ws[p - 1], place_nouns));
    // a province or a city is the gazetteer's to read: "Idlib province", "Aleppo city"
    if (k + 1 < ws.size() && (ws[k + 1].lower == "province" || ws[k + 1].lower == "governorate" ||
                              ws[k + 1].lower == "countryside" || ws[k + 1].lower == "city"))
        return false;
    const bool after = k + 1 < ws.size() && one_of(ws[k + 1], place_nouns);
    const bool after_pair = k + 2 < ws.size() && ws[k + 1].capital && one_of(ws[k + 2], place_nouns);
    return before || after || after_pair;
}

// What read_scopes reads of a sentence as a whole, whichever of its figures asks: its
// words, and the sentence-wide readings (a sum of events, the period, a named day, local
// places), each made once on first use. A sentence often holds several figures, and these
// scan all of its words.
struct sentence_reading {
    std::vector<token> words;
    std::optional<bool> several;  // several_events || two_places
    std::array<std::optional<std::string>, 3> period;  // period_of by value band (period_band)
    std::optional<bool> day_named;
    std::optional<std::vector<std::string>> local_places;
};

// period_of reads the value only as below 1000, below 10000 or more.
std::size_t period_band(std::int64_t value) { return value >= 10000 ? 2 : value >= 1000 ? 1 : 0; }

// The words of each sentence that holds a claim, split once per article, with what has
// been read of the sentence so far.
class sentence_words {
public:
    sentence_words(std::string_view text, const folded_text& lower) : m_text(text), m_lower(lower) {}
    sentence_reading& reading(byte_span sentence) {
        auto it = m_readings.find(sentence.begin);
        if (it == m_readings.end()) {
            sentence_reading r;
            r.words = words_of(m_text, m_lower, sentence);
            it = m_readings.emplace(sentence.begin, std::move(r)).first;
        }
        return it->second;
    }
    const std::vector<token>& of(byte_span sentence) { return reading(sentence).words; }

private:
    std::string_view m_text;
    const folded_text& m_lower;
    std::map<std::size_t, sentence_reading> m_readings;
};

figure_scope scope_of_words(sentence_reading& r, byte_span figure, std::int64_t value) {
    const std::vector<token>& ws = r.words;
    figure_scope s;
    const std::size_t f = figure_word(ws, figure);
    if (f >= ws.size()) return s;
    std::size_t last = f;  // a figure of several words ("Twenty-one", "more than 30")
    while (last + 1 < ws.size() && ws[last + 1].begin < figure.end) ++last;
    s.relation = relation_of(ws, f);
    if (s.relation.empty() && last != f) s.relation = relation_of(ws, last);
    if ((s.relation.empty() || s.relation == "revision") && earlier_report(ws, f)) s.relation = "earlier";
    if (s.relation.empty() && (hospital_intake(ws, last) || seen_by_witness(ws, f))) s.relation = "part";
    if (s.relation.empty()) {
        if (!r.several) r.several = several_events(ws) || two_places(ws);
        if (*r.several) s.relation = "aggregate";
    }
    auto& period = r.period[period_band(value)];
    if (!period) period = period_of(ws, value);
    s.period = *period;
    s.group = group_of(ws, last);
    return s;
}

// A site written in lower case that a round-up item names ("a rocket shell fired on the
// public park", "a car bomb at a crowded market"): the site noun, after "the" or "a" that
// follows a place preposition, with at most two words between. Hospitals are left out:
// "died in the hospital" tells where the wounded were taken, not where they were hit.
bool names_site(const std::vector<token>& ws, std::size_t k) {
    static const word_set sites{"park",    "market", "marketplace", "bakery",  "mosque",
                                                            "church",  "school", "square",      "roundabout", "stadium",
                                                            "university", "garden", "bus", "station"};
    if (ws[k].capital || !one_of(ws[k], sites)) return false;
    if (ws[k].lower == "bus" && !(k + 1 < ws.size() && ws[k + 1].lower == "station")) return false;
    if (ws[k].lower == "station" && k > 0 && ws[k - 1].lower == "bus") return false;  // named once, as "bus station"
    for (std::size_t j = k; j-- > 0 && j + 3 >= k;) {
        const std::string_view w = ws[j].lower;
        if (w == "the" || w == "a" || w == "an") return j > 0 && one_of(ws[j - 1], place_prepositions);
        if (ws[j].capital || one_of(ws[j], place_prepositions)) return false;
    }
    return false;
}

std::vector<std::string> local_places_of(const std::vector<token>& ws) {
    std::vector<std::string> out;
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (names_site(ws, k)) {
            std::string site = ws[k].lower == "bus" ? std::string("bus station") : std::string(ws[k].lower);
            if (std::find(out.begin(), out.end(), site) == out.end()) out.push_back(std::move(site));
            continue;
        }
        if (!is_place_name(ws, k)) continue;
        std::string name(without_article(ws[k].lower));
        // "Bab al-Maqam", "Sheikh Maqsoud": one place of two capitalised words
        if (k + 1 < ws.size() && ws[k + 1].capital && !one_of(without_article(ws[k + 1].lower), not_places)) {
            name += ' ';
            name += without_article(ws[k + 1].lower);
            ++k;
        }
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

figure_scope scope_of_figure(std::string_view text, byte_span sentence, byte_span figure, std::int64_t value) {
    const folded_text lower(text, sentence);
    sentence_reading r;
    r.words = words_of(text, lower, sentence);
    return scope_of_words(r, figure, value);
}

std::vector<std::string> local_places(std::string_view text, byte_span sentence) {
    const folded_text lower(text, sentence);
    return local_places_of(words_of(text, lower, sentence));
}

// A figure written as the people it counts ("He was shot and died", "Wainwright died",
// "a teenage girl was hit in the arm", "the woman and her daughter"), not as a
// number or a vague quantity.
// "Five people were shot", "a gunman shot at least four people", "6 shot outside Gary
// home": everyone hit, the dead included, when the sentence says nothing of wounds. Read
// as injured, such a count is the killed and the injured together, no rival of either.
static bool counts_everyone_shot(const std::vector<token>& ws, std::size_t f) {
    static const word_set wounds{"wounded", "injured", "hurt", "injuring",
                                                            "wounding", "injuries", "wounds", "injury"};
    for (const auto& w : ws)
        if (one_of(w, wounds)) return false;
    for (std::size_t k = f >= 3 ? f - 3 : 0; k < std::min(ws.size(), f + 5); ++k)
        if (k != f && ws[k].lower == "shot" && (k + 1 >= ws.size() || (ws[k + 1].lower != "dead" && ws[k + 1].lower != "and")))
            return true;
    return false;
}

static bool written_as_people(const std::string& value_text) {
    static const word_set numbers{
        "one",    "two",      "three",    "four",     "five",    "six",       "seven",    "eight",   "nine",   "ten",
        "eleven", "twelve",   "thirteen", "fourteen", "fifteen", "sixteen",   "seventeen", "eighteen", "nineteen", "twenty",
        "thirty", "forty",    "fifty",    "sixty",    "seventy", "eighty",    "ninety",   "hundred", "thousand", "dozens",
        "dozen",  "several",  "scores",   "hundreds", "thousands", "many",    "some",     "few",     "numerous", "both",
        "no",     "all"};
    std::string first, second;
    std::size_t k = 0;
    for (; k < value_text.size() && value_text[k] != ' '; ++k)
        first.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(value_text[k]))));
    for (++k; k < value_text.size() && value_text[k] != ' '; ++k)
        second.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(value_text[k]))));
    if (first.empty() || std::isdigit(static_cast<unsigned char>(first[0]))) return false;
    const std::string head = first.substr(0, first.find('-'));  // "twenty-one"
    if (one_of(head, numbers)) return false;
    // "a dozen", "a number of", "a few", "a handful", "a couple", "an estimated 20"
    if ((first == "a" || first == "an") && (second == "dozen" || second == "number" || second == "few" ||
                                            second == "handful" || second == "couple" || second == "score" ||
                                            second == "estimated" || second == "total"))
        return false;
    return true;
}

// A toll in the present perfect with no day of its own counts since the time its sentence
// sets with "since", or the one before when it refers back to it ("... violated the truce
// 264 times since it came into force last week. Over 65 people have been killed as a
// result of these violations"): a running count, not one event's toll.
static bool present_perfect_without_day(const std::vector<token>& ws) {
    bool perfect = false;
    for (std::size_t k = 0; k < ws.size(); ++k) {
        const std::string_view w = ws[k].lower;
        if (one_of(ws[k], weekdays) || w == "yesterday" || w == "today" || w == "overnight" || w == "tonight") return false;
        if (k + 1 == ws.size()) break;
        const std::string_view next = ws[k + 1].lower;
        if ((w == "have" || w == "has") && (next == "been" || next == "died" || next == "killed")) perfect = true;
    }
    return perfect;
}

static bool says_since(const std::vector<token>& ws) {
    return std::any_of(ws.begin(), ws.end(), [](const token& w) { return w.lower == "since"; });
}

// "as a result of these violations", "in such attacks": the sentence counts what the one
// before told of.
static bool refers_back(const std::vector<token>& ws) {
    return std::any_of(ws.begin(), ws.end(), [](const token& w) { return w.lower == "these" || w.lower == "those" || w.lower == "such"; });
}

// The sentence before `begin` (back to the previous ". ", at most 600 bytes).
static byte_span sentence_before(std::string_view text, std::size_t begin) {
    std::size_t end = std::min(begin, text.size());
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
    if (end == 0) return {0, 0};
    const std::size_t floor = end > 600 ? end - 600 : 0;
    std::size_t start = end - 1;  // past the previous sentence's own full stop
    while (start > floor && !(text[start - 1] == '.' && (text[start] == ' ' || text[start] == '\n'))) --start;
    return {start, end};
}

// A headline total that the body tells item by item ("Seven killed, 37 injured in attacks on
// Aleppo and Sweida" over a round-up of 6 and 1 killed; "More than 100 terrorists killed"
// over the body's 50, another 20 and 34) is a sum over the items' events, no one
// event's count. Read when the body never repeats the headline's figure and two or more
// of its exact figures of that outcome, from different sentences, add up to it (exactly,
// or for "more than N" to at most a quarter above N).
static void headline_sums(std::vector<claim>& claims) {
    const auto exact = [](const claim& c) { return c.low && c.high && *c.low == *c.high && *c.low > 0; };
    for (auto& h : claims) {
        if (!h.headline || h.kind != claim_kind::incident || !h.relation.empty() || !h.low || *h.low <= 1) continue;
        std::vector<const claim*> items;
        bool echoed = false;
        for (const auto& c : claims) {
            if (c.headline || c.kind != claim_kind::incident || c.outcome != h.outcome) continue;
            echoed = echoed || c.low == h.low;  // "at least 30" in the headline, "30" in the body
            if (exact(c) && (c.relation.empty() || c.relation == "addition") && c.period.empty()) items.push_back(&c);
        }
        if (echoed || items.size() < 2 || items.size() > 12) continue;
        const std::int64_t low = *h.low;
        const std::int64_t high = h.high ? *h.high : low + low / 4;
        bool sum_found = false;
        for (std::uint32_t set = 1; set < (1u << items.size()) && !sum_found; ++set) {
            std::int64_t sum = 0;
            std::size_t count = 0, first = std::numeric_limits<std::size_t>::max();
            bool two_sentences = false;
            for (std::size_t k = 0; k < items.size(); ++k) {
                if ((set & (1u << k)) == 0) continue;
                sum += *items[k]->low;
                ++count;
                if (first == std::numeric_limits<std::size_t>::max()) first = items[k]->sentence.begin;
                two_sentences = two_sentences || items[k]->sentence.begin != first;
            }
            sum_found = count >= 2 && two_sentences && sum >= low && sum <= high;
        }
        if (sum_found) h.relation = "aggregate";
    }
}

// The claim before c in the body (another sentence) that gives c's figure: the same
// outcome, group and bounds, a count of three or more (small counts recur for unrelated
// items of a round-up), with no relation that makes it a part, an earlier word or a sum.
static const claim* told_before(const std::vector<claim>& claims, const claim& c) {
    if (c.headline || c.kind != claim_kind::incident || !c.low || *c.low < 3 || !c.relation.empty() || !c.period.empty())
        return nullptr;
    for (const auto& p : claims) {
        if (&p == &c) break;  // (claims are in the order of the text: p's event is read)
        if (p.headline || p.kind != claim_kind::incident || p.sentence.begin == c.sentence.begin) continue;
        if (p.outcome == c.outcome && p.category == c.category && p.low == c.low && p.high == c.high &&
            p.relation.empty() && p.period.empty() && p.group == c.group)
            return &p;
    }
    return nullptr;
}

// The sentence tells how people were killed or hurt: the means of war (names_means) or of
// a crime ("a gunman opened fire", "shot dead", "a stabbing").
static bool tells_an_attack(const std::vector<token>& ws) {
    static const word_set crime{"gunman", "gunmen", "shooting", "shootings", "shooter", "shot", "stabbing", "stabbed"};
    return names_means(ws) || std::any_of(ws.begin(), ws.end(), [](const token& w) { return one_of(w, crime); });
}

// The sentence places its events by a landmark ("near", "outside", "on the outskirts of",
// "around", "the countryside of", "suburbs"), not in it.
static bool placed_near(const std::vector<token>& ws) {
    static const word_set near{"near", "nearby", "outside", "outskirts", "around", "countryside", "suburb", "suburbs"};
    return std::any_of(ws.begin(), ws.end(), [](const token& w) { return one_of(w, near); });
}

// The claim's place is written in its own sentence (not lent by the sentences before).
static bool names_own_place(std::string_view text, const claim& c) {
    if (c.place.empty()) return false;
    const std::string_view sentence = text.substr(c.sentence.begin, c.sentence.end - c.sentence.begin);
    return sentence.find(c.place) != std::string_view::npos;
}

void read_scopes(std::string_view text, std::vector<claim>& claims) {
    const folded_text lower(text, {0, text.size()});
    sentence_words words(text, lower);
    // 1. Relation, period and group of each figure.
    std::array<std::int64_t, 3> largest_count{0, 0, 0};  // by outcome: killed, injured, missing
    const auto size = [](const claim& x) { return x.high.value_or(x.low.value_or(0)); };
    for (const auto& c : claims) {
        const auto o = static_cast<std::size_t>(c.outcome);
        if (c.kind == claim_kind::incident && o < largest_count.size() && !written_as_people(c.value_text))
            largest_count[o] = std::max(largest_count[o], c.qualifier == qualifier::vague && !c.high
                                                              ? std::numeric_limits<std::int64_t>::max()
                                                              : size(c));
    }
    for (std::size_t i = 0; i < claims.size(); ++i) {
        claim& c = claims[i];
        const auto s = scope_of_words(words.reading(c.sentence), c.span, c.high.value_or(c.low.value_or(0)));
        c.period = s.period;
        c.group = s.group;
        c.relation = s.relation;
        if (c.outcome == outcome::injured && c.group.empty() && c.kind == claim_kind::incident) {
            const auto& ws = words.of(c.sentence);
            if (counts_everyone_shot(ws, figure_word(ws, c.span))) c.group = "everyone shot";
        }
        if (c.period.empty() && c.kind == claim_kind::incident && !c.headline) {
            const auto& ws = words.of(c.sentence);
            if (present_perfect_without_day(ws) &&
                (says_since(ws) || (refers_back(ws) && says_since(words_of(text, lower, sentence_before(text, c.sentence.begin))))))
                c.period = "since";
        }
        if (c.kind == claim_kind::cumulative) {
            c.relation = "running";
            if (c.period.empty()) c.period = c.scope == "the war" ? "war" : (c.scope.rfind("since", 0) == 0 ? "since" : "");
        }
        // Victims told one by one are parts of the toll, whether told after it ("Four people
        // were killed ... The fourth victim ... He was hit in the chest and died") or before
        // it (a headline or lede naming one victim, "four people found dead" further on),
        // not rivals. (the article's largest count of each outcome is read in a first pass)
        const auto o = static_cast<std::size_t>(c.outcome);
        const bool people = c.kind == claim_kind::incident && written_as_people(c.value_text);
        if (c.relation.empty() && people && o < largest_count.size() && largest_count[o] > size(c)) c.relation = "part";
        if (c.relation == "addition") {
            bool earlier = false;  // "three more" adds to an earlier figure of the same outcome
            for (std::size_t j = 0; j < i && !earlier; ++j)
                earlier = claims[j].outcome == c.outcome && claims[j].sentence.begin < c.sentence.begin;
            if (!earlier) {
                // "killed six and injured another ten, according to preliminary reports": no
                // earlier injured figure to add to, so the sentence's other markers decide
                c.relation.clear();
                const auto& ws = words.of(c.sentence);
                if (earlier_report(ws, figure_word(ws, c.span))) c.relation = "earlier";
            }
        }
        // A breakdown whose category names its group ("including five children") is
        // compared as children; "part" is for a part the category does not tell apart
        // ("14 of the dead", "including 10 on the bus").
        if (c.relation == "part" && !c.parent.empty()) {
            for (const auto& p : claims)
                if (p.id == c.parent && p.category != c.category) c.relation.clear();
        }
    }

    // Items of a sum told in one breath: "killing two men from Hezbollah and three men from
    // the popular committees". Neither is a toll of its own: each is a part of their sum.
    for (std::size_t i = 0; i + 1 < claims.size(); ++i) {
        claim& a = claims[i];
        claim& b = claims[i + 1];
        if (a.sentence.begin != b.sentence.begin || a.kind != claim_kind::incident || b.kind != claim_kind::incident ||
            a.outcome != b.outcome || a.category != b.category || !a.relation.empty() || !b.relation.empty())
            continue;
        const auto& ws = words.of(a.sentence);
        const std::size_t fa = figure_word(ws, a.span), fb = figure_word(ws, b.span);
        if (fb >= ws.size() || fb <= fa + 1 || fb > fa + 8 || ws[fb - 1].lower != "and") continue;
        bool verb = false;  // "two were killed and three ..." is the same; "two killed ... and three said" is not
        for (std::size_t k = fa + 1; k + 1 < fb; ++k) verb = verb || one_of(ws[k], reporting);
        if (verb) continue;
        a.relation = "part";
        b.relation = "part";
    }

    // A headline sums up the story: when the body gives the headline's figure again, the
    // headline's figure is that sentence's, with its relation, period and teller ("58 killed
    // in suspected gas attack" is the monitor's 58 of the body; "More than 100 killed" the
    // body's over one hundred "during the last five days").
    // (a body "sentence" that repeats the headline itself, run together with a related-links
    // line, tells nothing more: "Double bomb attack kills 31 ... Related IS group claims ...")
    for (auto& h : claims) {
        if (!h.headline || h.kind != claim_kind::incident) continue;
        std::string_view title = text.substr(h.sentence.begin, h.sentence.end - h.sentence.begin);
        while (!title.empty() && !word_byte(title.back())) title.remove_suffix(1);  // "... city." against "... city Related"
        for (const auto& c : claims) {
            if (c.headline || c.kind != claim_kind::incident || c.outcome != h.outcome || c.low != h.low || c.high != h.high ||
                !c.low)
                continue;
            const std::string_view body = text.substr(c.sentence.begin, c.sentence.end - c.sentence.begin);
            if (title.size() > 12 && body.find(title.substr(0, std::min<std::size_t>(title.size(), 60))) != std::string_view::npos)
                continue;
            if (h.period.empty()) h.period = c.period;
            if (h.relation.empty() && c.relation != "part") h.relation = c.relation;
            if (h.source_text.empty() && !c.source_text.empty()) {
                h.source = c.source;
                h.source_text = c.source_text;
                h.source_type = c.source_type;
                h.relay = c.relay;
            }
            break;
        }
    }

    // Names of the article's governorates are the gazetteer's, not localities ("in Idlib").
    std::set<std::string> provinces;
    for (const auto& c : claims) {
        std::string first;
        for (const char ch : c.governorate) {
            if (ch == ' ' || ch == '-') break;
            first.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
        }
        if (!first.empty()) provinces.insert(locality_skeleton(first));
    }
    // ...and so is the claim's own place when the gazetteer found it ("Khan Sheikhoun")
    const auto localities_of = [&](const claim& c) {
        std::string out;
        const std::string own = locality_skeleton(c.place);
        auto& r = words.reading(c.sentence);
        if (!r.local_places) r.local_places = local_places_of(r.words);
        for (const auto& n : *r.local_places) {
            const std::string k = locality_skeleton(n);
            if (provinces.count(k) == 0 && k != own) out += (out.empty() ? "" : "; ") + n;
        }
        return out;
    };

    // 2. Events. Each event keeps the local places and the day its figures name.
    struct event_info {
        std::set<std::string> places;
        date day;
        std::string means;       // the means of attack its sentences name
        std::set<std::string> divisions;  // the first-level divisions its figures are placed in
        bool recalled = true;    // only figures of clauses about an earlier event so far
    };
    std::vector<event_info> events;
    std::size_t current = 0;
    std::size_t last_sentence = static_cast<std::size_t>(-1);
    std::size_t last_event = 0;
    std::string last_localities;
    for (auto& c : claims) {
        if (c.headline) {
            c.event = 0;
            c.localities = localities_of(c);
            continue;
        }
        const auto& ws = words.of(c.sentence);
        if (c.event_date.precision == date_precision::day) {
            auto& r = words.reading(c.sentence);
            if (!r.day_named) r.day_named = names_the_day(ws);
            c.day_named = *r.day_named;
        } else {
            c.day_named = false;
        }
        const bool background = after_an_earlier_event(ws, figure_word(ws, c.span));
        if (background && c.event_date.precision == date_precision::day && a_day_after(ws, figure_word(ws, c.span))) {
            c.event_date = civil_from_days(c.event_date.first_day() - 1);
            c.day_named = false;
        }
        if (c.sentence.begin == last_sentence && !background) {
            c.event = static_cast<int>(last_event);
            c.localities = last_localities;
            continue;
        }
        last_sentence = c.sentence.begin;
        c.localities = localities_of(c);
        last_localities = c.localities;
        std::vector<std::string> names;  // skeletons, so that spellings of one place agree
        each_locality(c.localities, [&](std::string name) { names.push_back(locality_skeleton(name)); });
        const date day = c.event_date.precision == date_precision::day ? c.event_date : date{};
        // reports of one strike do not mix up how it was done: shells fired on the west of
        // a city are not the air strikes on its east that the lede reports
        const std::string means = names_means(ws) ? c.attack : std::string();
        // nor is one event told in two provinces or states: a round-up's paragraph on a
        // market in another province ("Elsewhere, jets struck a town in Idlib"; a car bomb
        // in Homs beside barrel bombs on a camp in Idlib) is another event, whatever its
        // sentence leaves unsaid (the gazetteer's division of a place the figure's own
        // sentence names: a place lent by the sentences before is too often misread, the
        // evacuees' home town for the place of the bomb that hit their buses), a sentence that
        // also tells how it was done (tells_an_attack): a province named beside a count of the
        // wounded alone is as often where they were taken or were heading; and a place told
        // as a landmark, "on the outskirts of Damascus", "near the city", lies in another
        // division as often as in its own: a capital and the province around it)
        const std::string division =
            names_own_place(text, c) && tells_an_attack(ws) && !placed_near(ws) ? c.governorate : std::string();
        const auto fits = [&](const event_info& e, bool need_place) {
            if (day.known() && e.day.known() && day != e.day) return false;
            if (!means.empty() && !e.means.empty() && means != e.means) return false;
            if (!division.empty() && !e.divisions.empty() && e.divisions.count(division) == 0) return false;
            bool shared = false, both = !names.empty() && !e.places.empty();
            for (const auto& n : names) shared = shared || e.places.count(n) > 0;
            if (both && !shared) return false;
            return !need_place || shared;
        };
        // A figure that repeats one told before, in a sentence with no place, day or means
        // of its own, is that figure again ("The strike on the airbase killed four children,
        // a source said. [a background sentence on another town and day] 'Among the dead
        // are four children', the source added."): it takes the first telling's event,
        // place and day, not the background's that the sentence before lent it.
        if (const claim* first = told_before(claims, c); first != nullptr && !background && names.empty() &&
                                                          !c.day_named && !names_means(ws) && !names_own_place(text, c)) {
            c.event = first->event;
            c.place = first->place;
            c.place_key = first->place_key;
            c.governorate = first->governorate;
            c.country = first->country;
            c.event_date = first->event_date;
            c.attack = first->attack;
            last_event = static_cast<std::size_t>(first->event);
            current = last_event;
            continue;
        }
        // The event so far when nothing says otherwise; an earlier event when the figure
        // names its places; else a new one.
        std::size_t chosen = events.size();
        const bool marked = background || opens_another_event(ws);
        if (events.empty()) {
            chosen = 0;
            events.emplace_back();
        } else {
            if (!marked && fits(events[current], true)) chosen = current;
            for (std::size_t e = 0; e < events.size() && chosen == events.size(); ++e)
                if (e != current && fits(events[e], true)) chosen = e;
            if (chosen == events.size() && !marked && fits(events[current], false)) chosen = current;
            // a figure placed again in an earlier event's province returns to the latest such
            // event it fits ("Elsewhere in Hama ..." after a paragraph on Idlib)
            for (std::size_t e = events.size(); e-- > 0 && chosen == events.size() && !marked && !division.empty();)
                if (e != current && !events[e].recalled && events[e].divisions.count(division) > 0 && fits(events[e], false))
                    chosen = e;
            // a figure that names other means than the current event's returns to the latest
            // earlier event it fits, first one of the same means ("Air raids also killed 13
            // ..." after a paragraph on the rebels' shells goes back to the lede's air strikes)
            for (const bool same_means : {true, false})
                for (std::size_t e = events.size(); e-- > 0 && chosen == events.size() && !marked && !means.empty();)
                    if (e != current && !events[e].recalled && (!same_means || events[e].means == means) &&
                        fits(events[e], false))
                        chosen = e;
            if (chosen == events.size()) events.emplace_back();
        }
        auto& e = events[chosen];
        c.event = static_cast<int>(chosen);
        if (background) continue;  // the story goes on with the event before the clause
        e.recalled = false;
        e.places.insert(names.begin(), names.end());
        if (!e.day.known() && day.known()) e.day = day;
        if (e.means.empty()) e.means = means;
        if (!division.empty()) e.divisions.insert(division);
        current = chosen;
        last_event = chosen;
    }

    headline_sums(claims);
}

}  // namespace reckon::extract
