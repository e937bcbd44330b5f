// Places anywhere (world_places.hpp): the article's country and division by weighed
// evidence, and names settled against the world gazetteer in that context.
#include "extract/world_places.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>

namespace reckon::extract {

namespace {

using registry::no_place;
using registry::world_kind;

// Evidence weights for the article's country: a dateline names where the reporter
// is; "X, State" and the location column are as good; a country named in passing,
// an adjective ("Iraqi") or the outlet's home are weaker, and add up.
constexpr double dateline_weight = 3, location_weight = 3, qualified_weight = 2, named_weight = 1,
                 adjective_weight = 0.5, outlet_weight = 1.5, overlay_weight = 0.5;
// A town named is weaker evidence of its country than the country's name; a town of
// this many people is known by its name alone.
constexpr double town_weight = 0.5;
// A small town many share named without "in": enough to choose a division only when
// nothing else names one.
constexpr double faint_weight = 0.01;
constexpr std::uint32_t city_population = 100000;
// How far into the body names are counted for the article's country (bounded work).
constexpr std::size_t scan_bytes = 20000;

// "West", "South Side", "Northwest": directions, also the names of a few regions
// (Cameroon's West, the US town of West): never evidence of a country.
bool compass_word(std::string_view w) {
    static const word_set words{"north", "south", "east", "west", "northeast", "northwest", "southeast",
                                        "southwest", "northern", "southern", "eastern", "western", "central",
                                        "downtown", "midtown", "uptown"};
    return words.contains(w);
}

// "Mosul's" -> "Mosul": a possessive names the place.
std::string_view without_possessive(std::string_view w) {
    if (w.size() > 2 && (w.substr(w.size() - 2) == "'s" || w.substr(w.size() - 2) == "'S")) return w.substr(0, w.size() - 2);
    if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return w.substr(0, w.size() - 4);
    return w;
}

// "May" in "SANAA, May 14 (Reuters)" is the date, not a qualifying place.
bool is_month(std::string_view w) {
    static const word_set months{"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may",
                                         "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september",
                                         "oct", "october", "nov", "november", "dec", "december"};
    // the word's letters, folded without allocating: the longest month is nine letters
    std::size_t n = 0;
    while (n < w.size() && ascii_alpha(w[n])) ++n;
    if (n < 3 || n > 9) return false;
    char folded[9];
    for (std::size_t i = 0; i < n; ++i) folded[i] = ascii_lower(w[i]);
    const std::string_view first(folded, n);
    return months.contains(first);
}

// Words that open a line as a label, not a dateline: "UPDATE:", "EDITOR'S NOTE:".
bool label_word(std::string_view w) {
    static const word_set labels{"date", "update", "updated", "posted", "published", "editor's note", "editors note",
                                         "note", "correction", "source", "photo", "video", "watch", "related", "breaking",
                                         "live", "read more", "by", "time", "warning", "caution", "disclaimer"};
    std::string lower;
    for (const char c : w) lower.push_back(ascii_lower(c));
    return labels.contains(lower);
}

// A date or a time right after position i: "April 13, 2015", "9:23 a.m.", "2015-04-13".
bool date_after(std::string_view text, std::size_t i, std::size_t limit) {
    while (i < limit && text[i] == ' ') ++i;
    if (i < limit && ascii_digit(text[i])) return true;
    std::size_t e = i;
    while (e < limit && ascii_alpha(text[e])) ++e;
    return e > i && is_month(text.substr(i, e - i));
}

struct dateline_found {
    byte_span name, qualifier;
};

// "SANAA, May 14 (Reuters) -", "MCKEESPORT (KDKA) –", "BEIRUT, SYRIA:", "HOMESTEAD, Pa. (WPXI) —",
// "Mogadishu (HOL) -", "QUETTA:": a place in capitals (or in title case before an outlet
// in brackets) at the start of one of the first lines, then a dash or colon.
std::optional<dateline_found> find_dateline(std::string_view text, byte_span body) {
    const std::size_t limit = std::min(body.end, body.begin + 1200);
    for (std::size_t line = body.begin; line < limit;) {
        std::size_t i = line;
        while (i < limit && (text[i] == ' ' || text[i] == '\t')) ++i;
        const std::size_t name_begin = i;
        bool caps = true, any = false;
        while (i < limit && (ascii_alpha(text[i]) || text[i] == ' ' || text[i] == '.' || text[i] == '-' || text[i] == '\'')) {
            if (ascii_lower_case(text[i])) caps = false;
            any = any || ascii_alpha(text[i]);
            ++i;
        }
        std::size_t name_end = i;
        while (name_end > name_begin && text[name_end - 1] == ' ') --name_end;
        dateline_found d{{name_begin, name_end}, {}};
        std::size_t j = i;
        if (j < limit && text[j] == ',') {  // ", SYRIA", ", Pa.", ", May 14"
            std::size_t q = j + 1;
            while (q < limit && text[q] == ' ') ++q;
            const std::size_t qb = q;
            while (q < limit && (ascii_alpha(text[q]) || text[q] == '.' || text[q] == ' ')) ++q;
            std::size_t qe = q;
            while (qe > qb && text[qe - 1] == ' ') --qe;
            d.qualifier = {qb, qe};
            // "GREENCASTLE, FRANKLIN COUNTY, Pa. --": the last part is the widest, the
            // state; not a date ("TAIZ, Yemen, June 3").
            while (q < limit && text[q] == ',') {
                std::size_t nb = q + 1;
                while (nb < limit && text[nb] == ' ') ++nb;
                std::size_t ne = nb;
                while (ne < limit && (ascii_alpha(text[ne]) || text[ne] == '.' || text[ne] == ' ')) ++ne;
                std::size_t nt = ne;
                while (nt > nb && text[nt - 1] == ' ') --nt;
                if (nt == nb || is_month(text.substr(nb, nt - nb))) break;
                d.qualifier = {nb, nt};
                q = ne;
            }
            j = q;
            while (j < limit && (ascii_digit(text[j]) || text[j] == ' ' || text[j] == ',')) ++j;  // "May 14"
        }
        bool outlet = false;
        if (j < limit && text[j] == '(') {  // "(Reuters)"
            const auto close = text.find(')', j);
            if (close != std::string_view::npos && close < limit && close - j < 40) {
                j = close + 1;
                outlet = true;
            }
        }
        while (j < limit && text[j] == ' ') ++j;
        const bool dash = j < limit && (text[j] == '-' || text[j] == ':' || text.substr(j, 3) == "\xE2\x80\x94" ||
                                        text.substr(j, 3) == "\xE2\x80\x93");
        const std::size_t letters = name_end - name_begin;
        // "DATE: April 13", "UPDATE: 9 p.m.", "POSTED:": a label before a date, not a place
        const bool label = j < limit && text[j] == ':' && d.qualifier.empty() && !outlet &&
                           (label_word(d.name.of(text)) || date_after(text, j + 1, limit));
        if (any && dash && !label && letters >= 3 && letters <= 40 && (caps || outlet)) return d;
        const auto next = text.find('\n', line);
        if (next == std::string_view::npos || next >= limit) break;
        line = next + 1;
    }
    return std::nullopt;
}

bool joined_by_space(std::string_view text, const word& a, const word& b) {
    return b.begin == a.end + 1 && text[a.end] == ' ';
}

// Four or more long words in a row, all capitalised, around word k on its line: a
// headline in title case.
bool title_case_at(std::string_view text, const std::vector<word>& ws, std::size_t k) {
    int capitals = 0;
    auto look = [&](std::size_t i) {
        if (ws[i].end - ws[i].begin < 4 || ws[i].digits) return true;
        if (!ws[i].capital) return false;
        ++capitals;
        return true;
    };
    for (std::size_t i = k; i < ws.size() && i < k + 5; ++i) {
        if (i > k && text.substr(ws[i - 1].end, ws[i].begin - ws[i - 1].end).find('\n') != std::string_view::npos) break;
        if (!look(i)) return false;
    }
    for (std::size_t i = k; i-- > 0 && i + 5 > k;) {
        if (text.substr(ws[i].end, ws[i + 1].begin - ws[i].end).find('\n') != std::string_view::npos) break;
        if (!look(i)) return false;
    }
    return capitals >= 4;
}

// "Harris County", "Hawija district", "Bokkos Local Government Area": a second-level
// division named as such.
bool district_noun(std::string_view w) {
    static const word_set nouns{"county", "district", "parish", "borough", "municipality", "local", "governorate",
                                        "province", "region", "department", "raion", "oblast"};
    return nouns.contains(w);
}

// "Mon Mar 09", "Fri, Dec. 4" (a page's time stamp): a day's abbreviation before a
// month, not Myanmar's Mon State.
bool day_before_month(const std::vector<word>& ws, std::size_t k) {
    static const word_set days{"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"};
    return days.contains(ws[k].lower) && k + 1 < ws.size() && is_month(ws[k + 1].lower);
}

// "Thursday", "Sunday's": a day, not Thursday Island.
bool day_word(std::string_view w) {
    static const word_set days{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    const auto bare = without_possessive(w);
    return days.contains(bare);
}

bool possessive(std::string_view w) { return without_possessive(w).size() != w.size(); }

// "Tulsa, Okla.": a capitalised word (not a day: "on Monday, Zala said"), a comma, then
// word k: a town's state, not a person.
bool after_capital_comma(std::string_view text, const std::vector<word>& ws, std::size_t k) {
    return k > 0 && ws[k - 1].capital && !day_word(ws[k - 1].lower) && !is_month(ws[k - 1].lower) &&
           mark_before(text, ws[k]) == ',';
}

// The rest of a newspaper's host after its town: "sun" of "baltimoresun", "" of "philly".
bool masthead_word(std::string_view w) {
    static const word_set words{"", "times", "sun", "blade", "tribune", "online", "news", "post", "herald", "live",
                                        "today", "daily", "journal", "star", "gazette", "press", "record", "register",
                                        "courier", "observer", "dispatch", "chronicle", "inquirer", "globe", "examiner",
                                        "independent", "mercury", "bee", "telegram", "leader", "review", "sentinel",
                                "standard", "citizen", "advertiser", "eagle", "reporter", "ledger", "bulletin", "now",
                                        "mag", "magazine", "radio", "tv", "express", "mail", "telegraph", "guardian"};
    return words.contains(w);
}

// The word after a name that makes it a street's or a part of a town's: "Jackson Avenue",
// "the Austin neighborhood". Such a name is no evidence of the town of that name.
bool street_or_part(std::string_view w) {
    static const word_set words{"street", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "lane", "way",
                                        "court", "highway", "parkway", "pike", "neighborhood", "neighbourhood", "section",
                                        "quarter", "hospital", "school", "park", "bridge", "expressway", "freeway", "square",
                                        "plaza", "township", "station", "mall"};
    return plural_street_noun(w) || words.contains(w);
}

// Buildings and bodies named after a saint or a person: "St. Mary's Hospital".
bool facility_word(std::string_view w) {
    static const word_set words{"hospital", "church", "school", "college", "university", "cathedral", "academy",
                                        "clinic", "center", "centre", "medical", "chapel", "parish", "cemetery", "campus",
                                        "regional", "memorial", "health", "catholic"};
    return words.contains(w);
}

}  // namespace

bool capitals_only(std::string_view text, const word& w) {
    for (std::size_t i = w.begin; i < w.end; ++i)
        if (text[i] >= 'a' && text[i] <= 'z') return false;
    return true;
}

bool town_body_after(std::string_view text, const std::vector<word>& ws, std::size_t e) {
    if (e == 0 || e >= ws.size() || !joined_by_space(text, ws[e - 1], ws[e])) return false;
    static const word_set bodies{"police", "sheriff", "sheriff's", "mayor", "firefighters"};
    return bodies.contains(ws[e].lower);
}

bool care_place_at(const std::vector<word>& ws, std::size_t k) {
    if (k < 2 || ws[k - 1].lower != "in") return false;
    static const word_set care{"hospital", "hospitals", "clinic", "infirmary"};
    const auto w = ws[k - 2].lower;
    if (care.contains(w)) return true;
    if (w != "center" && w != "centre" && w != "centers" && w != "centres") return false;
    // "Medical Center", "Trauma Center", "Health Sciences Centre", "Burn Center": a hospital's
    // (not "the community center in X", which may be where it happened)
    static const word_set medical{"medical", "trauma", "health", "hospital", "burn", "burns", "cancer"};
    for (std::size_t i = k - 2; i-- > 0 && i + 4 >= k;)
        if (medical.contains(ws[i].lower)) return true;
    return false;
}

bool plural_street_noun(std::string_view w) {
    static const word_set words{"streets", "avenues", "roads", "boulevards", "drives", "lanes", "highways",
                                        "parkways", "courts", "sts", "aves"};
    return words.contains(w);
}

bool first_of_two_streets(const std::vector<word>& ws, std::size_t e) {
    // "Vermont and Manchester avenues", "Federal and North Bond streets"
    if (e + 2 >= ws.size() || (ws[e].lower != "and" && ws[e].lower != "&") || !ws[e + 1].capital) return false;
    for (std::size_t i = e + 2; i < ws.size() && i < e + 4; ++i) {
        if (plural_street_noun(ws[i].lower)) return true;
        if (!ws[i].capital) return false;
    }
    return false;
}

bool name_connector(std::string_view w) {
    static const char* const words[] = {"de", "do", "da", "dos", "das", "del", "della", "di", "du", "des"};
    return std::any_of(std::begin(words), std::end(words), [&](const char* x) { return w == x; });
}

bool after_name_connector(const std::vector<word>& ws, std::size_t k) {
    return k >= 2 && name_connector(ws[k - 1].lower) && !ws[k - 1].capital && ws[k - 2].capital && !ws[k - 2].digits &&
           ws[k - 1].before == ' ' && ws[k].before == ' ';
}

bool function_word(std::string_view w) {
    static const word_set opening{"in", "at", "near", "the", "of", "from", "outside", "a", "an", "and", "to", "on",
                                          "by", "for", "into", "across", "inside", "around", "downtown", "greater", "suburban",
                                          "rural", "metro", "when", "while", "after", "before", "as", "but", "if", "since",
                                          "where", "both", "like", "police", "officials", "authorities"};
    return opening.contains(w);
}

bool of_a_place(const std::vector<word>& ws, std::size_t k) {
    static const word_set nouns{"city", "town", "village", "county", "state", "province", "region", "district",
                                        "residents", "resident", "outskirts", "part", "parts", "heart", "center", "centre",
                                        "suburb", "suburbs", "north", "south", "east", "west", "streets", "mayor"};
    if (k < 2 || ws[k - 1].lower != "of") return false;
    const auto w = ws[k - 2].lower;
    return nouns.contains(w);
}

bool continues_name(std::string_view text, const std::vector<word>& ws, std::size_t k) {
    // "Mr. Castro", "Dr. Lee", "Officer Gaines": a person
    if (k > 0) {
        static const word_set person_before{"mr", "mrs", "ms", "dr", "sgt", "lt", "det", "officer", "deputy"};
        const auto w = ws[k - 1].lower;
        if (person_before.contains(w) &&
            ws[k].begin <= ws[k - 1].end + 2)
            return true;
    }
    if (k == 0 || !ws[k - 1].capital || ws[k - 1].digits || !joined_by_space(text, ws[k - 1], ws[k])) return false;
    const auto w = ws[k - 1].lower;
    if (function_word(w)) return false;
    if (compass_word(w) || is_month(w) || possessive(w)) return false;
    if (day_word(w)) return false;
    return !title_case_at(text, ws, k);
}

bool name_goes_on(std::string_view text, const std::vector<word>& ws, std::size_t e) {
    if (e == 0 || e >= ws.size() || !ws[e].capital || ws[e].digits || !joined_by_space(text, ws[e - 1], ws[e])) return false;
    // "Miami's Overtown" is in Miami; "St. Mary's Hospital", "Children's Hospital" are buildings
    if (possessive(ws[e - 1].lower)) return facility_word(without_possessive(ws[e].lower));
    const auto w = without_possessive(ws[e].lower);
    static const word_set keeps{
        "police", "sheriff", "fire", "county", "parish", "city", "township", "borough", "department", "mayor", "metro",
        "metropolitan", "public", "province", "governorate", "oblast", "region", "district", "state", "village", "town",
        "street", "avenue", "road", "boulevard", "drive", "lane", "highway", "neighborhood", "neighbourhood", "area",
        "ministry", "council", "governor", "authorities", "officials", "health", "emergency", "municipal", "camp",
        "market", "square", "quarter", "local"};
    if (keeps.contains(w)) return false;
    if (compass_word(w) || is_month(w) || day_word(w)) return false;  // "Columbus Tuesday"
    return !title_case_at(text, ws, e);
}

namespace {

// The words that name people in the article: the surname of a name written in full
// ("Officer Priya Zala", "Desmond Ward": "Zala", "Ward"; not "York" of "New York", a
// place), and a name that says or tells ("Zala said", "said Mary", "according to Hill").
// Alone later ("Zala said"), such a word is the person, not the Hungarian county or the
// town of that name.
std::vector<std::uint64_t> person_words_of(std::string_view text, const std::vector<word>& ws, const world_reader& reader) {
    static const word_set speech{"said", "says", "told", "added", "asked", "explained", "recalled", "testified",
                                         "stated", "wrote", "described", "confirmed"};
    auto speaks = [&](std::string_view w) { return speech.contains(w); };
    std::vector<std::uint64_t> out;
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (!ws[k].capital || ws[k].digits || function_word(ws[k].lower) || compass_word(ws[k].lower)) continue;
        const auto bare = without_possessive(ws[k].lower);
        if (k > 0 && continues_name(text, ws, k) && name_goes_on(text, ws, k)) {
            // not after a word in capitals ("HOMICIDE Memphis Police"), and not a city or a
            // country: "Whitney Houston" does not make every "Houston" a person
            const auto before = text.substr(ws[k - 1].begin, ws[k - 1].end - ws[k - 1].begin);
            const bool capitals = before.size() > 1 && std::none_of(before.begin(), before.end(), [](char c) { return ascii_lower_case(c); });
            // An age after the name ("Darnell Hayes, 16,") makes it a person's whatever city
            // shares the surname.
            const bool age = k + 1 < ws.size() && ws[k + 1].digits && ws[k + 1].end - ws[k + 1].begin <= 3 &&
                             mark_before(text, ws[k + 1]) == ',';
            if (!capitals && reader.group_of(byte_span{ws[k - 1].begin, ws[k].end}.of(text)) == no_place &&
                (age || !reader.large_place(bare)))
                out.push_back(word_hash(bare));
            continue;
        }
        // a speaker: one capitalised word before "said", or after "said" closing the sentence
        const bool before_verb = k + 1 < ws.size() && joined_by_space(text, ws[k], ws[k + 1]) && speaks(ws[k + 1].lower) &&
                                 (k == 0 || !ws[k - 1].capital || mark_before(text, ws[k]) == ',');
        const bool after_verb = k > 0 && speaks(ws[k - 1].lower) && joined_by_space(text, ws[k - 1], ws[k]) &&
                                ws[k].end < text.size() && (text[ws[k].end] == '.' || text[ws[k].end] == ',');
        const bool according = k > 1 && ws[k - 1].lower == "to" && ws[k - 2].lower == "according" && ws[k].end < text.size() &&
                               (text[ws[k].end] == '.' || text[ws[k].end] == ',');
        if (before_verb || after_verb || according) out.push_back(word_hash(bare));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// The most populous town of a name (its best reading may be a province: "Toledo"), among
// the towns whose own name it is when there are any: "Berea" is a town in Ohio before it
// is an old name of Aleppo, "Salisbury" one in North Carolina before Harare.
std::uint32_t best_place(const registry::world_gazetteer& g, std::uint32_t group) {
    std::uint32_t best = no_place;
    std::size_t seen = 0;
    for (const auto entry : g.entries(group)) {
        if (++seen > 256) break;
        const auto& e = g.entity(registry::entry_entity(entry));
        if (e.kind != world_kind::place || registry::entry_form(entry) > registry::name_form::alternate) continue;
        const bool own = registry::entry_form(entry) == registry::name_form::official;
        const bool best_own = best != no_place && registry::entry_form(best) == registry::name_form::official;
        if (best == no_place || (own && !best_own) ||
            (own == best_own && e.population > g.entity(registry::entry_entity(best)).population))
            best = entry;
    }
    return best;
}

// The most populous town of a name inside one of the areas (sorted entity ids), or no_place.
std::uint32_t anchored_reading(const registry::world_gazetteer& g, std::uint32_t group, const std::vector<std::uint32_t>& anchors) {
    if (anchors.empty()) return no_place;
    std::uint32_t best = no_place;
    std::size_t seen = 0;
    for (const auto entry : g.entries(group)) {
        if (++seen > 256) break;
        const auto id = registry::entry_entity(entry);
        const auto& e = g.entity(id);
        if (e.kind != world_kind::place || registry::entry_form(entry) > registry::name_form::alternate) continue;
        bool inside = false;
        for (auto p = e.parent; p != no_place && !inside; p = g.entity(p).parent)
            inside = std::binary_search(anchors.begin(), anchors.end(), p);
        if (inside && (best == no_place || e.population > g.entity(best).population)) best = id;
    }
    return best;
}

// The best reading of a name in a division, a town of that name before a county called
// so only by its name without "County" ("Lebanon, Pa." is the town, not Lebanon County).
std::uint32_t town_first_in(const registry::world_gazetteer& g, std::uint32_t group, std::uint32_t country, std::uint32_t division) {
    const auto best = g.best_in(group, country, division);
    if (best == no_place || g.entity(registry::entry_entity(best)).kind != world_kind::district ||
        registry::entry_form(best) == registry::name_form::official)
        return best;
    for (const auto entry : g.entries_in(group, country)) {
        const auto& e = g.entity(registry::entry_entity(entry));
        if (e.division == division && e.kind == world_kind::place && registry::entry_form(entry) == registry::name_form::official)
            return entry;
    }
    return best;
}

// The countries holding a town of the name of `floor` people or more, each with the
// population of its largest (at most eight; the name's own places first).
std::vector<std::pair<std::uint32_t, std::uint32_t>> countries_of_town(const registry::world_gazetteer& g, std::uint32_t group,
                                                                       std::uint32_t floor) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    std::size_t seen = 0;
    for (const auto entry : g.entries(group)) {  // in (country, population) order
        if (++seen > 256 || out.size() >= 8) break;
        const auto& e = g.entity(registry::entry_entity(entry));
        if (e.kind != world_kind::place || registry::entry_form(entry) != registry::name_form::official || e.population < floor)
            continue;
        if (out.empty() || out.back().first != e.country) out.emplace_back(e.country, e.population);
    }
    return out;
}

// The forms of a name that stand for its towns in a country: their own names when any
// town there bears it so, else their alternate names too. "York" is York, Pennsylvania
// and the small Yorks, not Warner Robins, Georgia, of which it is an old name; "Pittsburgh"
// is not also a misspelt Pittsburg, California.
registry::name_form own_town_form(const registry::world_gazetteer& g, std::uint32_t group, std::uint32_t country) {
    std::size_t seen = 0;
    for (const auto entry : g.entries_in(group, country)) {
        if (++seen > 256) break;
        if (g.entity(registry::entry_entity(entry)).kind == world_kind::place && registry::entry_form(entry) == registry::name_form::official)
            return registry::name_form::official;
    }
    return registry::name_form::alternate;
}

// Great-circle distance in kilometres between two entities' coordinates.
double km_between(const registry::world_entity& a, const registry::world_entity& b) {
    constexpr double radians = 3.14159265358979323846 / 180 / 1e5, earth_km = 6371;
    const double la = a.lat_e5 * radians, lb = b.lat_e5 * radians;
    const double dlat = lb - la, dlon = (b.lon_e5 - a.lon_e5) * radians;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(la) * std::cos(lb) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * earth_km * std::asin(std::sqrt(std::min(1.0, h)));
}

bool located(const registry::world_entity& e) { return e.lat_e5 != 0 || e.lon_e5 != 0; }

// The entry of the most populous town of a name in a country (its own name first:
// own_town_form), or no_place.
std::uint32_t largest_town(const registry::world_gazetteer& g, std::uint32_t group, std::uint32_t country) {
    const auto least_form = own_town_form(g, group, country);
    std::uint32_t best = no_place;
    std::size_t seen = 0;
    for (const auto entry : g.entries_in(group, country)) {
        if (++seen > 256) break;
        const auto& e = g.entity(registry::entry_entity(entry));
        if (e.kind != world_kind::place || registry::entry_form(entry) > least_form) continue;
        if (best == no_place || e.population > g.entity(registry::entry_entity(best)).population) best = entry;
    }
    return best;
}

// A division's name that is also a city's (100,000 people) outside it in its country:
// "Washington" is the state and the capital.
bool divided_name(const registry::world_gazetteer& g, std::uint32_t group, std::uint32_t division) {
    const auto town = largest_town(g, group, g.entity(division).country);
    if (town == no_place) return false;
    const auto& e = g.entity(registry::entry_entity(town));
    return e.population >= city_population && e.division != division;
}

// Adds a name's weight to the divisions of a country holding a place (`places`) or an
// area of that name, weight / n each for n divisions, and a tiny share by population so
// that one name alone goes to its most populous reading.
void spread_over_divisions(const registry::world_gazetteer& g, std::uint32_t group, std::uint32_t country, double weight,
                           bool places, std::map<std::uint32_t, double>& weights) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> divisions;  // division, population of its best reading
    const auto least_form = places ? own_town_form(g, group, country) : registry::name_form::alternate;
    for (const auto entry : g.entries_in(group, country)) {
        const auto& e = g.entity(registry::entry_entity(entry));
        if (e.division == no_place || (e.kind == world_kind::place) != places) continue;
        if (registry::entry_form(entry) > least_form) continue;
        if (divisions.empty() || divisions.back().first != e.division) divisions.emplace_back(e.division, e.population);
        if (divisions.size() > 64) break;
    }
    for (const auto& [d, population] : divisions)
        weights[d] += weight / static_cast<double>(divisions.size()) + 1e-10 * population;
}

}  // namespace

byte_span world_reader::village_named(std::string_view text, const std::vector<word>& ws, byte_span dateline) const {
    byte_span found;
    std::string found_name;
    auto name_word = [&](std::size_t i) {
        return ws[i].capital && !ws[i].digits && !function_word(ws[i].lower) && !compass_word(ws[i].lower) && !day_word(ws[i].lower) &&
               !is_month(ws[i].lower) && !(ws[i].begin >= dateline.begin && ws[i].end <= dateline.end && !dateline.empty());
    };
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (ws[k].lower != "village" || ws[k].capital) continue;
        std::size_t b = k, e = k;
        if (k + 2 < ws.size() && ws[k + 1].lower == "of" && name_word(k + 2)) {  // "the village of Kwakta"
            b = e = k + 2;
            while (e + 1 < ws.size() && e < k + 4 && name_word(e + 1) && joined_by_space(text, ws[e], ws[e + 1])) ++e;
            ++e;
        } else if (k > 0 && name_word(k - 1) && joined_by_space(text, ws[k - 1], ws[k])) {  // "Kwakta village"
            b = k - 1;
            while (b > 0 && b + 3 > k && name_word(b - 1) && joined_by_space(text, ws[b - 1], ws[b])) --b;
        } else {
            continue;
        }
        const byte_span span{ws[b].begin, ws[e > b ? e - 1 : k - 1].end};
        const auto name = span.of(text);
        // a village a gazetteer knows is read as the towns are
        if (group_of(name) != no_place || (m_overlay && m_overlay->find_name(name))) continue;
        std::string lower;
        for (const char c : name) lower.push_back(ascii_lower(c));
        if (found.empty()) {
            found = span;
            found_name = lower;
        } else if (lower != found_name) {
            return {};  // two villages: the body does not say which
        }
    }
    return found;
}

bool article_place::person_word(const word& w) const {
    return std::binary_search(person_words.begin(), person_words.end(), word_hash(without_possessive(w.lower)));
}

world_reader::world_reader(const registry::world_gazetteer* world, const registry::gazetteer* overlay)
    : m_world(world), m_overlay(overlay), m_sections(std::make_shared<section_cities>()) {
    if (!active()) return;
    m_overlay_country = m_world->country_of_code(overlay && !overlay->country().empty() ? overlay->country() : "SY");
    if (!m_overlay) return;
    for (const auto& p : m_overlay->places()) {
        if (p.type == "governorate") continue;
        std::vector<std::string> names{p.name};
        names.insert(names.end(), p.variants.begin(), p.variants.end());
        for (const auto& n : names) {
            const auto skeleton = name_skeleton(n);
            if (skeleton.empty()) continue;
            const auto [it, fresh] = m_overlay_skeletons.emplace(p.governorate + "|" + skeleton, &p);
            if (!fresh && it->second != &p) it->second = nullptr;  // two places: neither
        }
    }
}

std::string name_skeleton(std::string_view name) {
    std::string folded;
    for (const char c : registry::fold_latin(name))
        if (c >= 'a' && c <= 'z') folded += c;
        else if (c >= 'A' && c <= 'Z') folded += static_cast<char>(c - 'A' + 'a');
        else folded += ' ';
    // without the article: "al ", "el " at the start
    std::string_view v = folded;
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v.size() > 3 && (v.substr(0, 3) == "al " || v.substr(0, 3) == "el ")) v.remove_prefix(3);
    std::string letters;
    for (const char c : v)
        if (c != ' ') letters += c;
    if (letters.size() > 3 && letters.compare(letters.size() - 2, 2, "ah") == 0) letters.pop_back();
    std::string out;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        const char c = letters[i];
        if (i > 0 && std::string_view("aeiouy").find(c) != std::string_view::npos) continue;
        if (!out.empty() && out.back() == c) continue;
        out += c;
    }
    return out.size() >= 3 ? out : std::string();
}

const registry::place* world_reader::overlay_place_of(std::uint32_t entity) const {
    const auto& g = *m_world;
    const auto& e = g.entity(entity);
    if (!m_overlay || e.country != m_overlay_country || e.kind == world_kind::country) return nullptr;
    // GeoNames writes diacritics ("Darkūsh"); the overlay's names are ASCII.
    if (const registry::place* p = m_overlay->resolve(registry::fold_latin(g.name(entity)))) return p;
    if (e.kind != world_kind::place || e.division == no_place) return nullptr;
    const registry::place* division = m_overlay->resolve(registry::fold_latin(g.name(e.division)));
    const auto skeleton = name_skeleton(g.name(entity));
    if (!division || skeleton.empty()) return nullptr;
    const auto it = m_overlay_skeletons.find(division->governorate + "|" + skeleton);
    return it == m_overlay_skeletons.end() ? nullptr : it->second;
}

std::uint32_t world_reader::dominant(std::uint32_t group, std::uint32_t country) const {
    if (!active() || group == no_place || country == no_place) return no_place;
    // Towns only: "Oakland" is the city of 400,000 people, not Oakland County, Michigan,
    // larger than it (a county is named with "County"; read_article reads those apart).
    // Their own names first (own_town_form): "Pittsburgh" is Pittsburgh's alone.
    const auto least_form = own_town_form(*m_world, group, country);
    std::uint32_t best = no_place, towns = 0;
    std::size_t seen = 0;
    for (const auto entry : m_world->entries_in(group, country)) {
        if (++seen > 256) break;
        const auto& e = m_world->entity(registry::entry_entity(entry));
        if (e.kind != world_kind::place || registry::entry_form(entry) > least_form) continue;
        ++towns;
        if (best == no_place || e.population > m_world->entity(best).population) best = registry::entry_entity(entry);
    }
    if (best == no_place) return no_place;
    if (towns == 1 && m_world->count_in(group, country) == 1) return best;
    const auto& place = m_world->entity(best);
    if (place.population < city_population) return no_place;
    seen = 0;
    for (const auto entry : m_world->entries_in(group, country)) {
        if (++seen > 256) break;
        const auto id = registry::entry_entity(entry);
        const auto& e = m_world->entity(id);
        if (id == best || e.kind != world_kind::place || registry::entry_form(entry) > least_form) continue;
        if (e.division != place.division && static_cast<std::uint64_t>(e.population) * 10 > place.population) return no_place;
    }
    return best;
}

std::uint32_t world_reader::nearest(std::uint32_t group, std::uint32_t near) const {
    if (!active() || group == no_place || near == no_place || !located(m_world->entity(near))) return no_place;
    const auto& home = m_world->entity(near);
    const auto least_form = own_town_form(*m_world, group, home.country);
    std::uint32_t best = no_place;
    double best_km = near_km;
    std::size_t seen = 0;
    for (const auto entry : m_world->entries_in(group, home.country)) {
        if (++seen > 256) break;
        const auto& e = m_world->entity(registry::entry_entity(entry));
        if (e.kind != world_kind::place || registry::entry_form(entry) > least_form || !located(e)) continue;
        const double km = km_between(home, e);
        if (km <= best_km) {
            best_km = km;
            best = entry;
        }
    }
    return best;
}

std::uint32_t world_reader::city_of_section(std::uint32_t entity) const {
    // (the overlay's country keeps its own names for its neighbourhoods)
    if (!active() || !m_sections || entity == no_place || m_world->entity(entity).feature != registry::world_feature::section ||
        m_world->entity(entity).country == m_overlay_country)
        return no_place;
    std::call_once(m_sections->once, [&] {
        const auto& g = *m_world;
        std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> towns_of;  // county -> its towns, not sections
        std::vector<std::uint32_t> sections;
        for (std::uint32_t id = 0; id < g.size(); ++id) {
            const auto& e = g.entity(id);
            if (e.kind != world_kind::place || e.parent == no_place || !located(e)) continue;
            if (e.feature == registry::world_feature::section) sections.push_back(id);
            else towns_of[e.parent].push_back(id);
        }
        for (const auto id : sections) {
            const auto& e = g.entity(id);
            const auto it = towns_of.find(e.parent);
            if (it == towns_of.end()) continue;
            std::uint32_t best = no_place;
            for (const auto t : it->second) {
                const auto& town = g.entity(t);
                if (static_cast<std::uint64_t>(town.population) < 2ull * e.population || km_between(e, town) > section_km) continue;
                if (best == no_place || town.population > g.entity(best).population) best = t;
            }
            if (best != no_place) m_sections->city.emplace(id, best);
        }
    });
    const auto it = m_sections->city.find(entity);
    return it == m_sections->city.end() ? no_place : it->second;
}

std::uint32_t world_reader::section_named(std::uint32_t group, std::uint32_t city) const {
    if (!active() || group == no_place || city == no_place) return no_place;
    std::size_t seen = 0;
    for (const auto entry : m_world->entries_in(group, m_world->entity(city).country)) {
        if (++seen > 256) break;
        const auto id = registry::entry_entity(entry);
        if (m_world->entity(id).feature == registry::world_feature::section && city_of_section(id) == city) return id;
    }
    return no_place;
}

world_reader::outlet_home world_reader::host_home(std::string_view outlet) const {
    outlet_home out;
    if (!active() || outlet.find('.') == std::string_view::npos || outlet.find(' ') != std::string_view::npos) return out;
    std::string host;
    for (const char c : outlet) host.push_back(ascii_lower(c));
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    std::vector<std::string> labels;
    for (std::size_t b = 0; b <= host.size();) {
        const auto dot = std::min(host.find('.', b), host.size());
        labels.push_back(host.substr(b, dot - b));
        b = dot + 1;
    }
    if (labels.size() < 2) return out;
    // A country's top-level domain: "bbc.co.uk", "smh.com.au", "punchng.com.ng". Some are
    // sold to anyone (".tv", ".co", ".io", ".fm", ".me"...) and say nothing.
    {
        static const word_set generic{"tv", "co", "io", "fm", "me", "ly", "am", "cc", "ws", "to", "is", "it", "la",
                                              "ai", "gg", "im", "in", "us", "eu"};
        const std::string& tld = labels.back();
        if (tld.size() == 2 && tld[0] >= 'a' && tld[0] <= 'z' && tld[1] >= 'a' && tld[1] <= 'z' &&
            !generic.contains(tld)) {
            std::string code = tld;
            for (char& c : code) c = static_cast<char>(c - 'a' + 'A');
            if (code == "UK") code = "GB";  // the United Kingdom's domain is not its ISO code
            out.domain_country = m_world->country_of_code(code);
        }
    }
    // ITU call sign prefixes of broadcasters: K and W in the United States, C in Canada
    // ("wral", "kmbc", "wdbj7", "wbaltv", "khon2"): three or four letters, then digits or "tv".
    // A network's name and a channel number ("cbs58", "fox8", "abc7") is an affiliate of
    // a United States network.
    const std::string& first = labels.front();
    std::size_t letters = 0;
    while (letters < first.size() && ascii_alpha(first[letters])) ++letters;
    const std::string_view rest = std::string_view(first).substr(letters);
    std::string_view sign = std::string_view(first).substr(0, letters);
    if (rest.empty() && sign.size() >= 5 && sign.substr(sign.size() - 2) == "tv") sign.remove_suffix(2);
    const bool digits_after = std::all_of(rest.begin(), rest.end(), [](char c) { return ascii_digit(c); });
    const bool network = sign == "nbc" || sign == "abc" || sign == "cbs" || sign == "fox";
    if (network && !rest.empty() && digits_after && out.domain_country == no_place)
        out.call_sign_country = m_world->country_of_code("US");
    else if (!network && digits_after && sign.size() >= 3 && sign.size() <= 4 && (sign[0] == 'k' || sign[0] == 'w' || sign[0] == 'c'))
        out.call_sign_country = m_world->country_of_code(sign[0] == 'c' ? "CA" : "US");
    // A city (100,000 people) or a division at the start of a label, after a network's
    // name: "baltimoresun", "chicago", "nbcconnecticut", "toledoblade".
    for (std::size_t i = 0; i + 1 < labels.size() && out.place == no_place; ++i) {
        std::string_view label = labels[i];
        bool affiliate = false;  // a United States network's name first: "foxcarolina", "nbcconnecticut"
        for (const char* network : {"nbc", "abc", "cbs", "fox", "my"})
            if (label.size() > std::strlen(network) + 4 && label.substr(0, std::strlen(network)) == network) {
                label.remove_prefix(std::strlen(network));
                affiliate = std::strcmp(network, "my") != 0;
            }
        if (affiliate && out.domain_country == no_place && out.call_sign_country == no_place)
            out.call_sign_country = m_world->country_of_code("US");
        for (std::size_t n = label.size(); n >= 5 && out.place == no_place; --n) {
            const std::string prefix(label.substr(0, n));
            if (compass_word(prefix) || prefix == "central" || prefix == "capital" || prefix == "valley") continue;
            auto group = m_world->find(prefix);
            // a name of two words written as one: "kansascity", "lasvegas", "sanantonio"
            for (std::size_t cut = 3; group == no_place && cut + 3 <= prefix.size(); ++cut)
                group = m_world->find(prefix.substr(0, cut) + "-" + prefix.substr(cut));
            if (group == no_place) continue;
            auto squash = [&](std::uint32_t entry) {
                std::string squashed;
                for (const char c : registry::fold_latin(m_world->name(registry::entry_entity(entry))))
                    if (ascii_alnum(c)) squashed.push_back(ascii_lower(c));
                return squashed;
            };
            // A city of that very name is what the outlet is named after ("toledoblade":
            // Toledo, not the Spanish province of Toledo, larger than it).
            const auto city = best_place(*m_world, group);
            auto entry = m_world->best(group);
            if (city != no_place && m_world->entity(registry::entry_entity(city)).population >= city_population && squash(city) == prefix)
                entry = city;
            const auto& e = m_world->entity(registry::entry_entity(entry));
            // an affiliate's place is in the United States: "foxcarolina" is not Carolina, Puerto Rico
            if (affiliate && e.country != out.call_sign_country) break;
            // its own name ("augusta" is not Augsburg, "monte" not El Monte), a county's
            // ("baltimore": Baltimore County, Maryland), or the only place of an alternate
            // one ("philly"), when the rest of the label is empty or a newspaper's word
            // ("santapaulatimes" is not the Peruvian province of Santa). The longest name
            // known is the host's: "baltimore" is never "balti".
            const bool own = squash(entry) == prefix ||
                             (registry::entry_form(entry) == registry::name_form::alternate &&
                              (m_world->count(group) == 1 || e.kind == world_kind::district) &&
                              masthead_word(label.substr(n)));
            if (own && ((e.kind == world_kind::place && e.population >= city_population) || e.kind == world_kind::division ||
                        e.kind == world_kind::district)) {
                out.place = registry::entry_entity(entry);
                out.group = group;
                // a city whose name other towns of its country share says only the country
                out.ambiguous = e.kind == world_kind::place && dominant(group, e.country) != out.place;
            }
            break;
        }
    }
    return out;
}

bool world_reader::large_place(std::string_view written) const {
    const auto group = group_of(written);
    if (group == no_place) return false;
    const auto& e = m_world->entity(registry::entry_entity(m_world->best(group)));
    if (e.kind == world_kind::country) return true;
    const auto town = best_place(*m_world, group);
    return town != no_place && m_world->entity(registry::entry_entity(town)).population >= city_population;
}

bool world_reader::common_word_name(std::uint32_t group) const {
    if (!m_world->common_word(group)) return false;
    // "Guinea", "Phoenix", "Mobile": a country, or a city of 100,000 people by its own
    // name, is named in the news as often as the word is written
    if (m_world->entity(registry::entry_entity(m_world->best(group))).kind == world_kind::country) return false;
    // "Ill.", "Wash.", "Pa.": a state's abbreviation, read only after a town (read_article)
    const auto area = m_world->best_area(group);
    if (area != no_place && registry::entry_form(area) == registry::name_form::abbreviation) return false;
    const auto town = best_place(*m_world, group);
    return !(town != no_place && registry::entry_form(town) == registry::name_form::official &&
             m_world->entity(registry::entry_entity(town)).population >= city_population);
}

std::uint32_t world_reader::group_of(std::string_view written) const {
    if (!active()) return no_place;
    // extraction asks this of every capitalised word that may start a place name, on
    // every thread: one buffer per thread, no allocation per name
    thread_local std::string key;
    registry::world_key_into(without_possessive(written), key);
    return m_world->find(key);
}

std::string_view world_reader::country_code(std::uint32_t entity) const {
    return m_world->code(m_world->entity(entity).country);
}

article_place world_reader::read_article(const article& a, std::string_view text, std::string_view lower,
                                         std::string_view outlet_country) const {
    article_place out;
    if (!active()) return out;
    const auto& g = *m_world;
    std::map<std::uint32_t, double> countries, divisions;
    std::vector<std::uint32_t> anchors;  // the states and counties the article names (settle_towns)
    std::uint32_t host_town = no_place;  // the name group of a town the outlet's host names
    std::vector<std::string> said;
    // (a tiny share by population: of two names weighed alike, the larger place's division)
    auto vote = [&](std::uint32_t entity, double weight) {
        const auto& e = g.entity(entity);
        countries[e.country] += weight;
        if (e.division != no_place) divisions[e.division] += weight + 1e-10 * e.population;
    };
    const byte_span body = a.body.empty() ? byte_span{0, text.size()} : a.body;

    std::uint32_t deferred = no_place;  // the name group of a dateline settled after the body
    const auto d = find_dateline(text, body);
    if (d) {
        const auto name = d->name.of(text);
        std::uint32_t qualifier = no_place;
        if (!d->qualifier.empty() && !is_month(d->qualifier.of(text))) {
            const auto q = group_of(d->qualifier.of(text));
            if (q != no_place && g.best_area(q) != no_place) qualifier = registry::entry_entity(g.best_area(q));
            if (qualifier != no_place) anchors.push_back(qualifier);
        }
        const auto group = group_of(name);
        // A dateline without its state ("LANCASTER -", 19 Lancasters) is settled after the
        // body says which country and division the article is in (below).
        if (qualifier == no_place && group != no_place && g.count(group) > 1) {
            deferred = group;
            out.dateline = d->name;
        }
        const auto settled = deferred != no_place ? world_place{} : settle(group, name, place_evidence::dateline, qualifier, out);
        if (settled.entity != no_place) {
            out.main = settled.entity;
            out.main_span = d->name;
            out.dateline = d->name;
            if (g.entity(settled.entity).kind == world_kind::place) out.near = settled.entity;
            vote(settled.entity, dateline_weight);
            said.push_back("dateline '" + std::string(name) + "'");
        } else if (qualifier != no_place) {
            out.dateline = d->name;  // "BEIRUT, SYRIA:": a dateline still, whose place is not taken
            vote(qualifier, dateline_weight);
            said.push_back("dateline '" + std::string(d->qualifier.of(text)) + "'");
        }
    }
    if (!outlet_country.empty()) {
        auto c = g.country_of_code(outlet_country);
        if (c == no_place) {
            const auto group = group_of(outlet_country);
            if (group != no_place) c = g.entity(registry::entry_entity(g.best(group))).country;
        }
        if (c != no_place) {
            countries[c] += outlet_weight;
            said.push_back("outlet of " + std::string(outlet_country));
        }
    }
    if (outlet_country.empty()) {
        // An outlet known only by its web host: a broadcaster's call sign ("wral.com") or a
        // place in its name ("baltimoresun.com", "chicago.suntimes.com") says where it is.
        const auto home = host_home(a.outlet);
        if (home.domain_country != no_place) {
            countries[home.domain_country] += outlet_weight;
            said.push_back("outlet host '" + a.outlet + "' is in " + std::string(g.name(home.domain_country)));
        } else if (home.place != no_place && g.entity(home.place).kind == world_kind::place) {
            // a town: read as the towns of the text are, by the states and counties named (below)
            host_town = home.group;
            if (out.near == no_place && !home.ambiguous) out.near = home.place;
            said.push_back("outlet host '" + a.outlet + "' names " + std::string(g.name(home.place)));
        } else if (home.call_sign_country != no_place || home.place != no_place) {
            if (home.place != no_place && !home.ambiguous) vote(home.place, outlet_weight);
            else if (home.place != no_place) countries[g.entity(home.place).country] += outlet_weight;
            else countries[home.call_sign_country] += outlet_weight;
            said.push_back("outlet host '" + a.outlet + "'" + (home.place != no_place ? " names " + std::string(g.name(home.place)) : " is a call sign"));
        }
    }
    if (!a.location.empty() && m_overlay && m_overlay->resolve(a.location) && m_overlay_country != no_place) {
        countries[m_overlay_country] += location_weight;
        said.push_back("location '" + a.location + "'");
    }

    // the title too: "Man held after 4 shot at Camden, NJ party"
    const byte_span scan{0, std::min(body.end, body.begin + scan_bytes)};
    const auto ws = words_of(text, scan, lower);
    for (const auto& w : ws)
        if (!w.capital && !w.digits && w.end - w.begin >= 3) out.lower_words.push_back(w.hash);
    std::sort(out.lower_words.begin(), out.lower_words.end());
    out.lower_words.erase(std::unique(out.lower_words.begin(), out.lower_words.end()), out.lower_words.end());
    out.person_words = person_words_of(text, ws, *this);
    std::map<std::uint32_t, int> named;
    std::vector<std::pair<std::uint32_t, byte_span>> towns;  // name groups of towns after "in", "near"...
    std::vector<std::pair<std::uint32_t, byte_span>> voted_towns;  // towns and cities that voted, anywhere
    std::vector<std::size_t> care_at;  // where towns of hospitals are named ("Mercy Medical Center in Riverdale")
    std::vector<std::pair<std::uint32_t, double>> areas;     // name groups of states and counties, weights
    struct town_mention {
        std::uint32_t group;
        byte_span span;
        bool after_in, city;
        double weight;
        bool host = false;  // named by the outlet's host: a paper is named after its own city
    };
    std::vector<town_mention> town_mentions;                 // towns named, settled after the areas are known
    struct country_mention {
        std::uint32_t group, country;
        double weight;
        byte_span span;
    };
    std::vector<country_mention> country_mentions;           // a country's name ("Lebanon"), perhaps a town's
    std::vector<std::pair<std::uint32_t, double>> spread;    // names of places in several divisions of a country
    std::map<std::uint32_t, double> country_names;           // weight from a country's name or adjective alone
    for (std::size_t k = 0; k < ws.size();) {
        // the dateline counted once, above; short capitals are acronyms ("IS", "UN")
        const bool in_dateline = !out.dateline.empty() && ws[k].begin >= out.dateline.begin && ws[k].end <= out.dateline.end;
        // "D.C. police", "N.J.": a division's abbreviation written with a dot after each
        // letter names it alone ("PA", "LA" do not: words and acronyms share their letters)
        if (!in_dateline && ws[k].capital && ws[k].end - ws[k].begin == 1 && k + 1 < ws.size() &&
            ws[k + 1].end - ws[k + 1].begin == 1 && ws[k + 1].capital && ws[k + 1].begin == ws[k].end + 1 &&
            text[ws[k].end] == '.' && ws[k + 1].end < text.size() && text[ws[k + 1].end] == '.' &&
            !after_capital_comma(text, ws, k)) {  // "Washington, D.C." is read as a town's state (below)
            const auto group = group_of(text.substr(ws[k].begin, ws[k + 1].end + 1 - ws[k].begin));
            const auto area = group == no_place ? no_place : g.best_area(group);
            if (area != no_place && registry::entry_form(area) == registry::name_form::abbreviation &&
                g.entity(registry::entry_entity(area)).kind == world_kind::division) {
                vote(registry::entry_entity(area), named_weight);
                anchors.push_back(registry::entry_entity(area));
                ++named[registry::entry_entity(area)];
            }
            k += 2;
            continue;
        }
        // ("DR Congo": a short word starting a name of two the index knows)
        const bool short_word = ws[k].end - ws[k].begin <= 2 && mark_before(text, ws[k]) != ',' &&
                                !(k + 1 < ws.size() && ws[k + 1].capital && joined_by_space(text, ws[k], ws[k + 1]) &&
                                  group_of(byte_span{ws[k].begin, ws[k + 1].end}.of(text)) != no_place);
        if (!ws[k].capital || in_dateline || short_word ||
            compass_word(ws[k].lower) || is_month(ws[k].lower) || day_word(ws[k].lower) || day_before_month(ws, k) ||
            continues_name(text, ws, k) ||
            after_name_connector(ws, k)) {
            ++k;
            continue;
        }
        std::size_t used = 1;
        // five words: "Democratic Republic of the Congo" is not its last four ("Republic of
        // the Congo", another country)
        for (std::size_t n = std::min<std::size_t>(5, ws.size() - k); n >= 1; --n) {
            if (n > 1 && !ws[k + n - 1].capital && ws[k + n - 1].lower != "of") continue;
            const byte_span span{ws[k].begin, ws[k + n - 1].end};
            const auto group = group_of(span.of(text));
            if (group == no_place) continue;
            if (!function_word(ws[k].lower) && name_goes_on(text, ws, k + n)) break;  // "Mary Smith", "Jackson Park Hospital"
            // "Jackson Avenue", "the Austin neighborhood": a street, a part of a town
            // ("Vermont and Manchester avenues": two streets)
            if (k + n < ws.size() && (street_or_part(ws[k + n].lower) || (ws[k + n].lower == "st" && ws[k + n].capital) ||
                                      first_of_two_streets(ws, k + n)))
                break;
            // "Police said", "Four Hurt In": the article's own lower-case word ("in Mobile" is a town)
            const bool after_in_word = k > 0 && (ws[k - 1].lower == "in" || ws[k - 1].lower == "near");
            if (n == 1 && out.common_word(ws[k]) && !after_in_word) break;
            // "Buy Photo", "Part of", "Man shot": a frequent English word is a town's name
            // ("Buy", Russia; "Part", an old name of Perth) far less often than the word. It
            // votes only after "in" or "near", or before the town's police ("Mobile police").
            // ("IN PART OF": in a line of capitals "in" says nothing either)
            if (n == 1 && common_word_name(group) && !(after_in_word && !capitals_only(text, ws[k - 1])) &&
                !town_body_after(text, ws, k + 1))
                break;
            // "Metro", "Police": a word that opens a phrase; "Zala said", "said Officer Priya Zala": a person
            if (n == 1 && function_word(ws[k].lower)) break;
            // ("Tulsa, Georgia" is still the state: a state's name after a town and a comma)
            if (n == 1 && out.person_word(ws[k]) && !after_in_word &&
                !(after_capital_comma(text, ws, k) && g.best_area(group) != no_place &&
                  g.entity(registry::entry_entity(g.best_area(group))).kind <= world_kind::division))
                break;
            // "University", "Hospital": a building's word, not the Jamaican town of that name
            if (n == 1 && facility_word(ws[k].lower)) break;
            const auto entry = g.best(group);
            const auto e = registry::entry_entity(entry);
            const auto form = registry::entry_form(entry);
            const bool after_comma = mark_before(text, ws[k]) == ',';
            const bool after_city = after_comma && k > 0 && ws[k - 1].capital && !day_word(ws[k - 1].lower) && !is_month(ws[k - 1].lower);
            // A country, division or county of the name: the name's reading when it is its
            // most populous place, or right after "City," ("Homestead, Pa.", "Springfield, Illinois").
            const auto area = g.best_area(group);
            if (area != no_place && registry::entry_form(area) == registry::name_form::abbreviation) {
                if (!after_city) break;  // "PA", "LA" alone are not states
                vote(registry::entry_entity(area), qualified_weight);
                anchors.push_back(registry::entry_entity(area));
                ++named[registry::entry_entity(area)];
            } else if (form == registry::name_form::adjective) {
                countries[e] += adjective_weight;
                country_names[e] += adjective_weight;
                ++named[e];
            } else if (area != no_place &&
                       (area == entry || (after_city && g.entity(registry::entry_entity(area)).kind <= world_kind::division)) &&
                       !(g.entity(registry::entry_entity(area)).kind == world_kind::district &&
                         !(k + n < ws.size() && district_noun(ws[k + n].lower)) &&
                         (registry::entry_form(area) != registry::name_form::official || n == 1))) {
                // (a county's or district's one-word name without "County" or "District" is
                // most often a person's or a town's: "Hopkins", "Page", "Portsmouth", "González",
                // after a comma too: "Springfield, Toledo police")
                const auto a = registry::entry_entity(area);
                const double weight = after_city ? qualified_weight : named_weight;
                countries[g.entity(a).country] += weight;
                // "Washington" alone: the state, or the capital of the country of that name
                // outside it. It says only the country; "D.C.", "state", a town decide.
                if (!after_city && g.entity(a).kind == world_kind::division && divided_name(g, group, a)) {
                    ++named[g.entity(a).country];
                    used = n;
                    break;
                }
                // Its division once the country is known: a Monroe County is in 17 states,
                // only a name unique in the country says which.
                if (g.entity(a).kind != world_kind::country) areas.emplace_back(group, weight);
                else {
                    country_mentions.push_back({group, a, weight, span});
                    country_names[a] += weight;
                }
                ++named[a];
            } else {
                // A town alone says little about the country when many share its name; after
                // "in" it may be where the event was (main place, below). Towns are settled
                // once the states and counties the article names are known (below).
                // ("Opelousas police said", "the Calhoun Police Department": a town's own
                // police, sheriff or mayor says the name is a town as "in" does)
                // ("Mercy Medical Center in Riverdale": where the wounded were taken, a
                // town of the area but not a candidate for where it happened)
                const bool care = care_place_at(ws, k);
                if (care) care_at.push_back(span.begin);
                const bool after_in = !care && ((k > 0 && (ws[k - 1].lower == "in" || ws[k - 1].lower == "near" ||
                                                           of_a_place(ws, k) || ws[k - 1].lower == "outside" ||
                                                           (k > 1 && compass_word(ws[k - 1].lower) && ws[k - 2].lower == "in"))) ||
                                                town_body_after(text, ws, k + n));
                // "Toledo": its province is larger than the city, but a town's name is read as the town
                const auto town = best_place(g, group);
                const bool is_town = town != no_place && registry::entry_form(town) <= registry::name_form::alternate;
                // "in Zarko's": a business, unless a city
                const bool city = is_town && g.entity(registry::entry_entity(town)).population >= city_population;
                const bool small_possessive = !city && possessive(ws[k + n - 1].lower);
                if (is_town && !small_possessive)
                    town_mentions.push_back({group, span, after_in, city, after_in ? named_weight : town_weight});
                if (is_town && after_in && !small_possessive) towns.emplace_back(group, span);
                used = n;  // "Federal Way" is one town, not "Federal" and "Way"
                break;
            }
            used = n;
            break;
        }
        if (m_overlay && m_overlay_country != no_place && used == 1) {
            // a place of the overlay ("Deir Ezzor", as the news spells it) votes its country,
            // and its governorate as a division named once
            const registry::place* p = nullptr;
            for (std::size_t n = std::min<std::size_t>(2, ws.size() - k); n >= 1 && !p; --n)
                p = m_overlay->find_name(byte_span{ws[k].begin, ws[k + n - 1].end}.of(text));
            if (p) {
                countries[m_overlay_country] += overlay_weight;
                const auto group = p->governorate.empty() ? no_place : group_of(p->governorate);
                const auto entry = group == no_place ? no_place : g.best_in(group, m_overlay_country);
                if (entry != no_place && g.entity(registry::entry_entity(entry)).division != no_place)
                    divisions[g.entity(registry::entry_entity(entry)).division] += named_weight;
            }
        }
        k += used;
    }

    // The states and counties the article names settle the towns it names: "Lebanon" of
    // an article naming Pennsylvania is Lebanon, Pennsylvania, not the country; "Augusta"
    // with "Richmond County" is Augusta, Georgia. Every reading of an area's name counts
    // (a Clark County is in 12 states): a town needs one of its readings inside one.
    for (const auto& [group, weight] : areas) {
        std::size_t seen = 0;
        for (const auto entry : g.entries(group)) {
            if (++seen > 64) break;
            if (g.entity(registry::entry_entity(entry)).kind != world_kind::place) anchors.push_back(registry::entry_entity(entry));
        }
    }
    std::sort(anchors.begin(), anchors.end());
    anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());
    auto anchored = [&](std::uint32_t group) { return anchored_reading(g, group, anchors); };
    if (host_town != no_place) town_mentions.push_back({host_town, byte_span{}, false, true, outlet_weight, true});
    struct town_vote {
        std::uint32_t group, entity;
        double weight;
    };
    std::vector<town_vote> town_votes;  // cities that voted their reading, read again in the country chosen
    // small towns many share, named without "in" ("Lynchburg shooting"): a division only
    // when nothing else gives one (decide)
    std::vector<std::uint32_t> faint;
    // the weight each country has from small towns alone, named without their state or
    // country ("in Whitehaven" of a Memphis report: a town in England too)
    std::map<std::uint32_t, double> small_towns;
    for (const auto& t : town_mentions) {
        const double weight = t.weight;
        if (const auto r = anchored(t.group); r != no_place) {
            vote(r, weight);
            ++named[r];
            if (!t.span.empty()) voted_towns.emplace_back(r, t.span);
            continue;
        }
        // the town of the name near where the article is written from ("Newark" of a New
        // York station's report): one of many towns of the name, or a city's namesake
        if (const auto r = nearest(t.group, out.near); r != no_place && !t.host) {
            const auto e = registry::entry_entity(r);
            vote(e, weight);
            ++named[e];
            if (!t.span.empty()) voted_towns.emplace_back(e, t.span);
            continue;
        }
        // A town whose name is its own, or a city (100,000 people), is evidence of its
        // country and division ("in west Shreveport", "Chicago police"); a town many
        // share says only which divisions it may be in (spread, in decide()).
        const auto town = best_place(g, t.group);
        const auto e = registry::entry_entity(town);
        // a town of 20,000 people whose name no other place has ("Perris police") says
        // where it is even without "in"
        const bool own_name = g.count(t.group) == 1 && registry::entry_form(town) == registry::name_form::official &&
                              g.entity(e).population >= 20000;
        if (!((t.after_in && g.count(t.group) == 1) || t.city || own_name)) {
            if (t.after_in) spread.emplace_back(t.group, town_weight);
            else if (!t.host) faint.push_back(t.group);
            continue;
        }
        // A name towns of other countries share, a tenth as large or more ("Birmingham",
        // "Hamilton", "Toledo"), says only that it is one of those countries: each gets a
        // share, and the rest of the article (a state, a call sign) decides.
        std::vector<std::pair<std::uint32_t, std::uint32_t>> homes;  // a host names its own city: not shared
        if (!t.host) homes = countries_of_town(g, t.group, g.entity(e).population / 10);
        if (homes.size() > 1) {
            for (const auto& [c, population] : homes)
                countries[c] += weight / static_cast<double>(homes.size()) + 1e-10 * population;
            spread.emplace_back(t.group, weight / 2);
            ++named[e];
            if (!t.span.empty()) voted_towns.emplace_back(e, t.span);
            continue;
        }
        // (a town under 100,000 people: all a country may have is such towns, see decide)
        if (g.entity(e).population < city_population) small_towns[g.entity(e).country] += weight;
        // all its weight to its division only when no other town of the country has
        // the name ("Springfield" is in Illinois and in Ohio)
        if (dominant(t.group, g.entity(e).country) == e) {
            vote(e, weight);
            town_votes.push_back({t.group, e, weight});
        } else {
            countries[g.entity(e).country] += weight;
            spread.emplace_back(t.group, weight / 2);
        }
        ++named[e];
        if (!t.span.empty()) voted_towns.emplace_back(e, t.span);
    }
    // A country's name is the country unless the article names nothing else of it and
    // names a state or county holding a town of that name ("LEBANON, Pa." is read below).
    std::map<std::uint32_t, double> by_name;  // the weight each country has from its name alone
    for (const auto& m : country_mentions) by_name[m.country] += m.weight;
    for (const auto& m : country_mentions) {
        if (countries[m.country] > by_name[m.country] + 1e-9) continue;
        const auto r = anchored(m.group);
        if (r == no_place || g.entity(r).country == m.country) continue;
        countries[m.country] -= m.weight;
        if (--named[m.country] == 0) named.erase(m.country);
        vote(r, m.weight);
        ++named[r];
        voted_towns.emplace_back(r, m.span);
        said.push_back("'" + std::string(m.span.of(text)) + "' read as the town in " + std::string(g.name(g.entity(r).parent)));
    }

    // The country and division the evidence points to: the most weighed country, and its
    // division most weighed, counting the states and counties named whose name is a
    // division, or unique in the country.
    auto decide = [&](article_place& where) {
        where.country = where.division = no_place;
        where.faint_division = where.small_towns_abroad = false;
        double best = 0;
        for (const auto& [c, w] : countries)
            if (w > best) {
                best = w;
                where.country = c;
            }
        // half a named country: a city named once ("Milwaukee police said") or an adjective
        if (best < town_weight) where.country = no_place;
        if (where.country == no_place) return;
        // A country the article has only small towns of (no name of it, no division, city,
        // dateline or outlet) is not chosen over one it has a place of (a division, a city,
        // a dateline, an outlet; not only its name): the town is a
        // namesake abroad of a place of the article's own country the gazetteer lacks (a
        // neighbourhood, a village), or a common word ("Buy").
        if (const auto s = small_towns.find(where.country); s != small_towns.end() && best - s->second < 1e-9) {
            double best_other = 0;
            std::uint32_t other = no_place;
            for (const auto& [c, w] : countries) {
                // (a country's name alone is a person's origin as often: "a man from Mexico")
                const auto places = w - (small_towns.count(c) ? small_towns.at(c) : 0.0) -
                                    (country_names.count(c) ? country_names.at(c) : 0.0);
                if (c != where.country && places >= 0.1 && places > best_other) {  // (past population's tie-break)
                    best_other = places;
                    other = c;
                }
            }
            if (other != no_place) {
                where.country = other;
                where.small_towns_abroad = true;
            }
        }
        auto weights = divisions;
        for (const auto& [group, weight] : areas) {
            const auto entry = g.best_in(group, where.country);
            // A division's name is the division even when towns share it ("Louisiana", Missouri)
            if (entry != no_place && (g.count_in(group, where.country) == 1 ||
                                      g.entity(registry::entry_entity(entry)).kind == world_kind::division)) {
                if (g.entity(registry::entry_entity(entry)).kind != world_kind::place &&
                    g.entity(registry::entry_entity(entry)).division != no_place)
                    weights[g.entity(registry::entry_entity(entry)).division] += weight;
            } else if (entry != no_place) {
                spread_over_divisions(g, group, where.country, weight, false, weights);
            }
        }
        // A town in several divisions gives each a share: the division holding most of the
        // names the article uses wins ("Springfield" and "Columbus": Ohio)
        for (const auto& [group, weight] : spread) spread_over_divisions(g, group, where.country, weight, true, weights);
        // a town that voted for another country ("Birmingham" in England) is read in this one
        for (const auto& v : town_votes)
            if (g.entity(v.entity).country != where.country)
                spread_over_divisions(g, v.group, where.country, v.weight, true, weights);
        double best_division = 0;
        for (const auto& [d, w] : weights)
            if (g.entity(d).country == where.country && w > best_division) {
                best_division = w;
                where.division = d;
            }
        // Nothing else says which division: the towns named without "in" do, each
        // spread over the divisions holding a town of its name, the larger town's
        // division first ("Lynchburg shooting victim" of a call sign's report: Virginia).
        if (where.division != no_place || faint.empty()) return;
        std::map<std::uint32_t, double> faint_weights;
        for (const auto group : faint) spread_over_divisions(g, group, where.country, faint_weight, true, faint_weights);
        for (const auto& [d, w] : faint_weights)
            if (g.entity(d).country == where.country && w > best_division) {
                best_division = w;
                where.division = d;
                where.faint_division = true;
            }
    };
    if (deferred != no_place) {
        const auto name = d->name.of(text);
        article_place body_says;
        decide(body_says);
        body_says.near = out.near;
        auto settled = settle(deferred, name, place_evidence::dateline, no_place, body_says);
        if (settled.entity == no_place) settled = settle(deferred, name, place_evidence::dateline, no_place, article_place{});
        if (settled.entity != no_place) {
            out.main = settled.entity;
            out.main_span = d->name;
            if (g.entity(settled.entity).kind == world_kind::place) out.near = settled.entity;
            vote(settled.entity, dateline_weight);
            said.push_back("dateline '" + std::string(name) + "'" +
                           (body_says.division != no_place || body_says.country != no_place ? " (by the body's places)" : ""));
        } else {
            out.dateline = {};
        }
    }

    // A dateline abroad ("GENEVA (Reuters) -" on a report about Yemen): the body names
    // another country and never the dateline's own.
    if (out.main != no_place) {
        const auto home = g.entity(out.main).country;
        bool other = false, home_town = false;
        for (const auto& [e, n] : named)
            if (g.entity(e).kind == world_kind::country && e != home) other = true;
        // A bureau's dateline over an event it names after "in" in a neighbouring
        // country ("BEIRUT (Reuters) - ... killed five people in Sanaa"): a town of one
        // country only, whose name no town of the dateline's country has, is the body
        // naming another country as surely as its name.
        for (const auto& [group, span] : towns) {
            if (g.best_in(group, home) != no_place) {
                home_town = true;
                continue;
            }
            const auto town = best_place(g, group);
            if (town == no_place) continue;
            const auto& e = g.entity(registry::entry_entity(town));
            if (e.country != home && (g.count(group) == 1 || (e.population >= city_population &&
                                                              countries_of_town(g, group, e.population / 10).size() == 1)))
                other = true;
        }
        if (other && !home_town && named.count(home) == 0) {
            countries[home] -= dateline_weight;
            said.push_back("the dateline is abroad");
        }
    }
    decide(out);
    if (out.main != no_place && out.country != no_place && g.entity(out.main).country != out.country)
        out.main = no_place;  // a dateline abroad ("GENEVA (Reuters) -") is not where it happened
    // The article's main place: the town of the country named most often after "in",
    // "near"..., the dateline counting once ("KYIV (Reuters) - ... in Kostiantynivka ...
    // in Kostiantynivka" is about Kostiantynivka).
    if (out.country != no_place && !towns.empty()) {
        std::map<std::uint32_t, std::pair<int, std::size_t>> counts;  // entity -> (mentions, first)
        if (out.main != no_place) counts[out.main] = {1, 0};
        for (std::size_t i = 0; i < towns.size(); ++i) {
            // in the article's division when it is known ("in Homewood" of a Pittsburgh
            // report is not Homewood, Alabama)
            const auto entry = out.division != no_place ? g.best_in(towns[i].first, out.country, out.division) : no_place;
            const auto in_country = out.division != no_place ? entry : g.best_in(towns[i].first, out.country);
            if (in_country == no_place || registry::entry_form(in_country) > registry::name_form::alternate) continue;
            auto& c = counts.emplace(registry::entry_entity(in_country), std::make_pair(0, i + 1)).first->second;
            ++c.first;
        }
        std::uint32_t best_town = out.main;
        std::pair<int, std::size_t> best_count{0, 0};
        for (const auto& [e, c] : counts)
            if (c.first > best_count.first || (c.first == best_count.first && c.second < best_count.second)) {
                best_count = c;
                best_town = e;
            }
        if (best_town != out.main) {
            out.main = best_town;
            out.main_span = towns[best_count.second - 1].second;
            said.push_back("main place '" + std::string(out.main_span.of(text)) + "' named " + std::to_string(best_count.first) +
                           (best_count.first == 1 ? " time" : " times"));
        }
    }
    // No dateline and no town after "in": the city (or town of a name its own) of the
    // article's country and division named most often anywhere ("Memphis police said").
    if (out.main == no_place && out.country != no_place && !voted_towns.empty()) {
        std::map<std::uint32_t, std::pair<int, std::size_t>> counts;  // entity -> (mentions, first)
        // a hospital's town only when no other town is named
        for (const bool care_too : {false, true}) {
            for (std::size_t i = 0; i < voted_towns.size(); ++i) {
                const auto& e = g.entity(voted_towns[i].first);
                if (e.country != out.country || (out.division != no_place && e.division != out.division)) continue;
                const bool care = std::find(care_at.begin(), care_at.end(), voted_towns[i].second.begin) != care_at.end();
                if (care && !care_too) continue;
                ++counts.emplace(voted_towns[i].first, std::make_pair(0, i)).first->second.first;
            }
            if (!counts.empty()) break;
        }
        std::pair<int, std::size_t> best_count{0, 0};
        for (const auto& [e, c] : counts)
            if (c.first > best_count.first || (c.first == best_count.first && c.second < best_count.second)) {
                best_count = c;
                out.main = e;
            }
        if (out.main != no_place) {
            out.main_span = voted_towns[best_count.second].second;
            said.push_back("main place '" + std::string(out.main_span.of(text)) + "' named " + std::to_string(best_count.first) +
                           (best_count.first == 1 ? " time" : " times") + " (no dateline, none after 'in')");
        }
    }
    // The village the body names, when its main place is only where the reporter files
    // from (the dateline's town) or none.
    // (in the overlay's country the overlay reads its villages, as it always has)
    if (out.division != no_place && out.country != m_overlay_country &&
        (out.main == no_place || (!out.dateline.empty() && out.main_span.begin == out.dateline.begin)))
        out.village = village_named(text, ws, out.dateline);
    if (!out.village.empty()) said.push_back("village '" + std::string(out.village.of(text)) + "' named in the body");
    for (const auto& [e, n] : named)
        if (n >= 1 && said.size() < 6) said.push_back(std::string(g.name(e)) + " named " + std::to_string(n) + (n == 1 ? " time" : " times"));
    if (out.country != no_place) {
        out.why = "country " + std::string(g.name(out.country));
        if (out.division != no_place) out.why += ", division " + std::string(g.name(out.division));
        if (out.faint_division) out.why += " (only towns named without 'in' say so: the largest's)";
        if (out.small_towns_abroad) out.why += " (small towns of another country, named without it, not taken)";
        out.why += " from ";
        for (std::size_t i = 0; i < said.size(); ++i) out.why += (i ? "; " : "") + said[i];
    } else {
        out.why = "no country: too little evidence";
    }
    return out;
}

world_place world_reader::settle(std::uint32_t group, std::string_view written, place_evidence evidence,
                                 std::uint32_t qualifier, const article_place& where) const {
    world_place out;
    if (!active() || group == no_place) return out;
    const auto& g = *m_world;
    const std::string name(written);
    const auto n = g.count(group);
    auto accept = [&](std::uint32_t entry, std::string why) {
        if (entry == no_place) return false;
        const auto form = registry::entry_form(entry);
        if (form == registry::name_form::adjective) return false;  // "Iraqi" describes, it does not place
        if (form == registry::name_form::abbreviation && evidence < place_evidence::qualified) return false;
        const auto& e = g.entity(registry::entry_entity(entry));
        // A town named without a word saying it is a place ("Police said", "Mound") must be a
        // large one: capitalised words are often only words.
        if (e.kind == world_kind::place && evidence == place_evidence::none && e.population < 100000) return false;
        // A county's name without "County" and nothing saying it is a place: most often a
        // person's name ("Page", "Hopkins").
        if (e.kind == world_kind::district && form != registry::name_form::official && evidence == place_evidence::none)
            return false;
        out.entity = registry::entry_entity(entry);
        out.why = std::move(why);
        return true;
    };
    const std::string of = n > 1 ? "best of " + std::to_string(n) + " '" + name + "'" : "'" + name + "'";
    // A division or country written next to it says where ("Springfield, Illinois",
    // "LEBANON, Ohio", "BEIRUT, SYRIA"); no place of that name elsewhere.
    const auto top = g.best(group);
    const bool country_name = g.entity(registry::entry_entity(top)).kind == world_kind::country &&
                              registry::entry_form(top) <= registry::name_form::alternate;
    if (qualifier != no_place) {
        const auto& q = g.entity(qualifier);
        std::uint32_t entry = no_place;
        if (q.kind == world_kind::country) entry = g.best_in(group, qualifier);
        else if (q.kind == world_kind::division) entry = town_first_in(g, group, q.country, qualifier);
        else if (q.kind == world_kind::district && q.division != no_place) entry = town_first_in(g, group, q.country, q.division);
        if (accept(entry, of + " in " + std::string(g.name(qualifier)) + " (written next to it)")) return out;
        if (!country_name) {  // "Syria, Lebanon and Jordan": a list of countries
            out.why = "no place '" + name + "' in " + std::string(g.name(qualifier)) + " (written next to it)";
            return out;
        }
    }
    // A dateline names a town: "WASHINGTON -" is the capital, not the state; "KIRKUK -" the
    // city, not its governorate. A city of 100,000 people of the name, in the article's
    // country when it is known.
    if (evidence == place_evidence::dateline && qualifier == no_place && !country_name) {
        const auto country = where.country != no_place ? where.country : g.entity(registry::entry_entity(top)).country;
        const auto area = g.best_in(group, country);
        const auto town = largest_town(g, group, country);
        if (area != no_place && g.entity(registry::entry_entity(area)).kind != world_kind::place && town != no_place &&
            g.entity(registry::entry_entity(town)).population >= city_population &&
            accept(town, of + ": the city a dateline names, not the " + std::string(to_string(g.entity(registry::entry_entity(area)).kind))))
            return out;
    }
    // A country's own name is the country ("Mexico's", not Mexico City), unless the article
    // is in another country and its division holds a town of that name ("LEBANON -" over
    // a report naming Pennsylvania is Lebanon, Pennsylvania).
    if (country_name) {
        if (qualifier == no_place && where.division != no_place && where.country != registry::entry_entity(top) &&
            accept(town_first_in(g, group, where.country, where.division),
                   of + " in " + std::string(g.name(where.division)) + " (the article's division), not the country"))
            return out;
        if (accept(top, of + ": a country")) return out;
    }
    if (where.country != no_place) {
        // Near where the article is written from, unless its division holds a town of the
        // name near too: "Newark" of a New York station, "Wilmington" of a Philadelphia one.
        if (where.near != no_place && g.entity(where.near).country == where.country) {
            const auto near = nearest(group, where.near);
            // (the division's own reading stands when it is an area, "north of Baghdad", or a
            // town near too)
            const auto home = where.division != no_place ? town_first_in(g, group, where.country, where.division) : no_place;
            const auto& home_e = g.entity(registry::entry_entity(home == no_place ? near : home));
            const bool home_stands = home != no_place && (home_e.kind != world_kind::place || !located(home_e) ||
                                                          km_between(home_e, g.entity(where.near)) <= near_km);
            if (near != no_place && !home_stands &&
                accept(near, of + " near " + std::string(g.name(where.near)) + " (" +
                                 std::to_string(static_cast<int>(km_between(g.entity(registry::entry_entity(near)), g.entity(where.near)))) +
                                 " km; where the article is written from)"))
                return out;
        }
        if (where.division != no_place &&
            accept(town_first_in(g, group, where.country, where.division),
                   of + " in " + std::string(g.name(where.division)) + " (the article's division)"))
            return out;
        // A town outside the article's division, named without its state, is taken only
        // when it is a city: "in Homewood" of a Pittsburgh report is not Homewood, Alabama.
        const auto in_country = g.best_in(group, where.country);
        const bool far_town = where.division != no_place && evidence < place_evidence::qualified && in_country != no_place &&
                              g.entity(registry::entry_entity(in_country)).kind == world_kind::place &&
                              g.entity(registry::entry_entity(in_country)).population < city_population;
        if (far_town) {
            out.why = "no place '" + name + "' in " + std::string(g.name(where.division)) +
                      " (the article's division) and nothing next to it names another";
            return out;
        }
        // Nor a county of another division called by its bare name of one word, without
        // "County": "Sawyer", "Nelson's" of a Chicago report are people far more often
        // than a Wisconsin or Kentucky county ("in Sawyer County" still is one, and so is
        // "in North Waziristan" of a report filed from Rawalpindi: no one's name).
        const bool far_county = where.division != no_place && evidence < place_evidence::qualified && in_country != no_place &&
                                written.find(' ') == std::string_view::npos &&
                                g.entity(registry::entry_entity(in_country)).kind == world_kind::district &&
                                registry::entry_form(in_country) != registry::name_form::official;
        if (far_county) {
            out.why = "no place '" + name + "' in " + std::string(g.name(where.division)) +
                      " (the article's division); a county elsewhere named without 'County' is not taken";
            return out;
        }
        if (accept(in_country, of + " in " + std::string(g.name(where.country)) + " (the article's country)"))
            return out;
        // Only elsewhere: a country or division named as such is its own evidence ("in Iraq").
        const auto entry = g.best(group);
        const auto kind = g.entity(registry::entry_entity(entry)).kind;
        if ((kind == world_kind::country || (kind == world_kind::division && evidence >= place_evidence::qualified)) &&
            registry::entry_form(entry) != registry::name_form::adjective &&
            accept(entry, of + ": a " + std::string(to_string(kind)) + " outside the article's country, named as such"))
            return out;
        out.why = "no place '" + name + "' in " + std::string(g.name(where.country)) + " (the article's country); " +
                  std::to_string(n) + " elsewhere";
        return out;
    }
    const auto entry = g.best(group);
    const auto kind = g.entity(registry::entry_entity(entry)).kind;
    if (evidence >= place_evidence::locative || kind == world_kind::country || kind == world_kind::division) {
        if (accept(entry, of + ", the most populous (the article's country is not known)")) return out;
    }
    out.why = "'" + name + "' not taken: the article's country is not known and nothing next to it says it is a place";
    return out;
}

std::string world_reader::key_of(std::uint32_t entity) const {
    const auto& g = *m_world;
    std::vector<std::uint32_t> chain;
    for (auto p = entity; p != no_place; p = g.entity(p).parent) chain.push_back(p);
    std::string key;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (!key.empty()) key += '/';
        if (g.entity(*it).kind == world_kind::country) {
            for (const char c : g.code(*it)) key.push_back(ascii_lower(c));
        } else {
            key += registry::world_key(g.name(*it));
        }
    }
    return key;
}

void world_reader::set_claim_place(claim& c, std::uint32_t entity) const {
    const auto& g = *m_world;
    const auto& e = g.entity(entity);
    c.country = std::string(g.code(e.country));
    // A place of the overlay's country that the overlay knows: its key, so that claims
    // read through either gazetteer meet ("DAMASCUS" in a dateline, "Damascus" in a sentence).
    if (const registry::place* p = overlay_place_of(entity)) {
        c.place_key = p->key;
        c.governorate = p->governorate;
        return;
    }
    c.governorate.clear();
    if (e.division != no_place) {
        const auto division = g.name(e.division);
        // In the overlay's country, its canonical names ("Deir ez-Zor"), so claims read
        // through either gazetteer meet.
        const registry::place* canonical = e.country == m_overlay_country && m_overlay ? m_overlay->resolve(division) : nullptr;
        c.governorate = canonical ? canonical->governorate : std::string(division);
    }
    c.place_key = key_of(entity);
}

void world_reader::set_claim_area(claim& c, const article_place& where, bool division) const {
    if (!active() || where.country == no_place) return;
    const auto& g = *m_world;
    if (c.country.empty()) c.country = std::string(g.code(where.country));
    if (division && c.governorate.empty() && where.division != no_place && c.country == g.code(where.country)) {
        const auto division = g.name(where.division);
        const registry::place* canonical =
            where.country == m_overlay_country && m_overlay ? m_overlay->resolve(division) : nullptr;
        c.governorate = canonical ? canonical->governorate : std::string(division);
    }
}

std::vector<std::string> world_key_parents(std::string_view key) {
    std::vector<std::string> out;
    for (auto cut = key.rfind('/'); cut != std::string_view::npos && cut > 0; cut = key.rfind('/', cut - 1)) {
        out.emplace_back(key.substr(0, cut));
        if (cut == 0) break;
    }
    return out;
}

}  // namespace reckon::extract
