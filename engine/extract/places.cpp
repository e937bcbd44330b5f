// Places reader (places.hpp).
#include "extract/places.hpp"

#include <algorithm>
#include <cstring>

#include "extract/sources.hpp"

namespace reckon::extract {

const registry::place* find_place_name(article_context& ax, std::string_view written) {
    registry::gazetteer::normalise_into(written, ax.name_key);
    if (ax.name_key.empty()) return nullptr;
    const auto* p = ax.tables.place_names.find(word_hash(ax.name_key), ax.name_key);
    return p ? *p : nullptr;
}

bool in_place_name(const article_context& ax, const word& w) {
    // the word up to its first hyphen, without apostrophes: "Al-Shaafa" -> "al", "Buqa'an" -> "buqaan"
    if (std::none_of(w.lower.begin(), w.lower.end(), [](char c) { return c == '-' || c == '\''; }))
        return ax.tables.place_words.find(w.hash, w.lower) != nullptr;
    std::string first;
    for (const char c : w.lower) {
        if (c == '-') break;
        if (c != '\'') first.push_back(c);
    }
    return ax.tables.place_words.find(word_hash(first), first) != nullptr;
}

const article_place& article_place_of(article_context& ax) {
    if (!ax.where) {
        const auto& outlet = canonical_outlet(ax);
        const auto* src = ax.ctx.sources && !outlet.empty() ? ax.ctx.sources->find(outlet) : nullptr;
        // wires, UN agencies, NGOs and monitors report from everywhere: their home (AFP's
        // France, OCHA's US) says nothing of where the article is
        const bool everywhere = src && (src->type == "wire" || src->type == "un_agency" || src->type == "ngo" || src->type == "monitor");
        ax.where = ax.tables.world.read_article(ax.art, ax.text, ax.lower_text(), src && !everywhere ? src->country : std::string());
    }
    return *ax.where;
}

namespace {

int rank_of_overlay(const registry::place* p) {
    if (!p) return 3;
    if (p->type == "governorate") return 1;
    if (p->type == "district" || p->type == "region" || p->type == "country") return 2;
    return 3;
}

int rank_of_world(const registry::world_gazetteer& g, std::uint32_t e) {
    switch (g.entity(e).kind) {
    case registry::world_kind::country: return 0;
    case registry::world_kind::division: return 1;
    case registry::world_kind::district: return 2;
    case registry::world_kind::place: return 3;
    }
    return 3;
}

// Words that make the capitalised words after them a place: "in Sanaa", "near Kharkiv".
bool locative(std::string_view w) {
    static constexpr std::array<std::string_view, 12> words{"in", "near", "at", "outside", "from", "around", "across",
                                                            "into", "of", "inside", "toward", "towards"};
    return one_of(w, words);
}

// "in X", and "of X" only after a noun of places or their people ("the city of X",
// "residents of X", "north of X"): "the family of Young", "the death of Lee" name people.
bool locative_at(const std::vector<word>& ws, std::size_t k) {
    if (k == 0) return false;
    return ws[k - 1].lower != "of" ? locative(ws[k - 1].lower) : of_a_place(ws, k);
}

// "in north Harris County", "in the eastern town of ...".
bool direction(std::string_view w) {
    static constexpr std::array<std::string_view, 13> words{"north", "south", "east", "west", "northern", "southern",
                                                            "eastern", "western", "central", "northeast", "northwest",
                                                            "southeast", "southwest"};
    return one_of(w, words);
}

// What lies inside a town: "the Bab al-Tob market", "the Orange Mound neighborhood".
bool sub_place_noun(std::string_view w) {
    static constexpr std::array<std::string_view, 6> words{"market", "neighbourhood", "neighborhood", "square", "quarter", "suburb"};
    return one_of(w, words);
}

// The second word of a street's name.
bool street_word(std::string_view w) {
    static constexpr std::array<std::string_view, 14> words{"street", "avenue", "road", "boulevard", "drive", "lane", "way",
                                                            "place", "court", "highway", "parkway", "st", "ave", "blvd"};
    return one_of(w, words);
}

// Buildings named like places: "Al-Thawra hospital", "Lincoln school".
bool facility_noun(std::string_view w) {
    static constexpr std::array<std::string_view, 8> words{"hospital", "school", "university", "mosque", "church", "clinic",
                                                           "prison", "stadium"};
    return one_of(w, words);
}

// Nouns after a name that make it a place even when no gazetteer knows it: "the Bab al-Tob market".
bool place_noun(std::string_view w) {
    static constexpr std::array<std::string_view, 16> words{"market", "neighbourhood", "neighborhood", "district", "area",
                                                            "camp", "village", "town", "square", "quarter", "suburb",
                                                            "county", "province", "region", "oblast", "governorate"};
    return one_of(w, words);
}

// "province", "Oblast", "governorate" after a city's name: the division, not the city.
bool division_noun(std::string_view w) {
    static constexpr std::array<std::string_view, 6> words{"province", "governorate", "oblast", "region", "state", "prefecture"};
    return one_of(w, words);
}

// A capitalised word, or a transliterated article before one ("al-Tob", "el-Fasher").
bool name_word(std::string_view text, const word& w) {
    if (w.capital && !w.digits) return true;
    if (w.lower.size() > 3 && (w.lower.substr(0, 3) == "al-" || w.lower.substr(0, 3) == "el-" || w.lower.substr(0, 3) == "ad-"))
        return ascii_upper(text[w.begin + 3]);
    return false;
}

// Every letter in capitals: an acronym ("IS", "SDF") when short.
bool upper_case(std::string_view, std::string_view written) {
    for (const char c : written)
        if (ascii_lower_case(c)) return false;
    return true;
}

// "the health ministry in Sanaa said", "police in Mosul": where the source sits, which
// is less likely the figure's place than one named with the event.
bool source_location(const std::vector<word>& ws, std::size_t k) {
    static constexpr std::array<std::string_view, 15> sources{"ministry", "officials", "official", "authorities", "police",
                                                              "spokesman", "spokeswoman", "office", "hospital", "hospitals",
                                                              "officers", "correspondent", "government", "sources", "department"};
    return (k >= 2 && (ws[k - 1].lower == "in" || ws[k - 1].lower == "from") && one_of(ws[k - 2].lower, sources)) ||
           care_place_at(ws, k);
}

// "the Cuyahoga County medical examiner", "Harris County Sheriff's Office": the county of
// the source, not necessarily of the event.
bool source_noun(std::string_view w) {
    static constexpr std::array<std::string_view, 9> words{"medical", "coroner", "coroner's", "sheriff", "sheriff's",
                                                           "prosecutor", "prosecutor's", "attorney", "jail"};
    return one_of(w, words);
}

bool month_or_day(std::string_view w) {
    static constexpr std::array<std::string_view, 31> words{"january", "february", "march", "april", "may", "june", "july",
                                                            "august", "september", "october", "november", "december",
                                                            "monday", "tuesday", "wednesday", "thursday", "friday",
                                                            "saturday", "sunday", "jan", "feb", "mar", "apr", "jun",
                                                            "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
    return one_of(w, words);
}

// "Mosul's" -> "Mosul": a possessive names the place.
void drop_possessive(std::string& place) {
    for (const char* s : {"'s", "\xE2\x80\x99s"})
        if (place.size() > std::strlen(s) + 1 && place.compare(place.size() - std::strlen(s), std::strlen(s), s) == 0)
            place.resize(place.size() - std::strlen(s));
}

// A section of a city (GeoNames' PPLX: Chicago's "Englewood") is placed in its city: the
// claim's place names the city, and its key stays the section's own, beside the city's
// and not under it, so that the matcher reads two sections of a city as two places and
// never reads the city as enclosing them (that chained a day's shootings of one city
// into one incident when tried in session 7).
// A section written as a district or county ("Basra's Al-Hartha district") is an area of
// its own, whatever GeoNames calls it.
void name_city_of_section(const world_reader& world, std::string_view text, byte_span written, claim& c, std::uint32_t entity,
                          std::string& why) {
    const auto city = world.city_of_section(entity);
    if (city == registry::no_place) return;
    std::size_t i = written.end;
    while (i < text.size() && text[i] == ' ') ++i;
    std::string next;
    while (i < text.size() && ascii_alpha(text[i]) && next.size() < 16) next.push_back(ascii_lower(text[i++]));
    static constexpr std::array<std::string_view, 8> areas{"district", "county", "municipality", "township",
                                                           "governorate", "province", "region", "parish"};
    if (one_of(next, areas)) return;
    why += "; '" + c.place + "' is a part of " + std::string(world.world()->name(city));
    c.place = std::string(world.world()->name(city));
}

}  // namespace

void find_places(article_context& ax, std::size_t, sentence_info& si) {
    const auto& ws = si.words;
    const registry::gazetteer* g = ax.ctx.places;
    const world_reader& world = ax.tables.world;
    const article_place* where = world.active() ? &article_place_of(ax) : nullptr;
    // The overlay's places are read in articles of its country, or of no known country.
    const bool overlay_here = !where || where->country == registry::no_place || where->country == world.overlay_country();
    const std::size_t max_words = g ? std::min<std::size_t>(g->max_words(), 5) : 1;
    for (std::size_t k = 0; k < ws.size();) {
        if (!name_word(ax.text, ws[k])) {
            ++k;
            continue;
        }
        std::size_t used = 0;
        // only where the word occurs in some place name: "Al-Shaafa" -> "al", "Buqa'an" -> "buqaan"
        if (g && overlay_here && in_place_name(ax, ws[k])) {
            // names are tried only over words that all occur in some place name
            std::size_t known = 1;
            while (known < max_words && k + known < ws.size() && in_place_name(ax, ws[k + known])) ++known;
            for (std::size_t n = known; n >= 1 && !used; --n) {
                const byte_span span{ws[k].begin, ws[k + n - 1].end};
                const auto written = span.of(ax.text);
                const registry::place* p = find_place_name(ax, written);
                if (!p) continue;
                place_mention m;
                m.p = p;
                m.wb = k;
                m.we = k + n;
                m.span = span;
                m.rank = rank_of_overlay(p);
                // "Raqqa province": the governorate, not the city named after it
                if (k + n < ws.size() && (ws[k + n].lower == "province" || ws[k + n].lower == "governorate") &&
                    p->type != "governorate") {
                    if (const auto* gov = g->find_key(p->parent); gov && gov->type == "governorate") {
                        m.p = gov;
                        m.rank = 1;
                    }
                }
                si.places.push_back(m);
                used = n;
            }
        }
        if (!used && where) used = find_world_place(ax, si, k, *where);
        if (!used && k >= 2) {
            // "the village of X", "the town of X": X is a place even if the gazetteer does not know it
            const auto& kind = ws[k - 2].lower;
            if (ws[k - 1].lower == "of" &&
                (kind == "village" || kind == "town" || kind == "city" || kind == "villages" || kind == "towns" ||
                 kind == "neighbourhood" || kind == "neighborhood" || kind == "district" || kind == "camp")) {
                std::size_t e = k + 1;
                while (e < ws.size() && e < k + 3 && ws[e].capital) ++e;
                place_mention m;
                m.wb = k;
                m.we = e;
                m.span = {ws[k].begin, ws[e - 1].end};
                if (g && overlay_here) m.p = g->resolve(m.span.of(ax.text));
                m.rank = rank_of_overlay(m.p);
                m.why = "kept as written after '" + std::string(kind) + " of'";
                si.places.push_back(m);
                used = e - k;
            }
        }
        k += used ? used : 1;
    }
}

std::size_t find_world_place(article_context& ax, sentence_info& si, std::size_t k, const article_place& where) {
    const auto& ws = si.words;
    const world_reader& world = ax.tables.world;
    const auto& g = *world.world();
    // "al-Sham" of "Hayat Tahrir al-Sham" is a name's tail; "in al-Waer" starts one
    if (!ws[k].capital && !(k > 0 && locative(ws[k - 1].lower))) return 0;
    // "The", and "East" of "East Austin": the name starts at the next word
    if (month_or_day(ws[k].lower) || ws[k].lower == "the" || ws[k].lower == "downtown") return 0;
    // "Police in Borno said": a body, not a place; "In", "At": they open a phrase
    if (function_word(ws[k].lower)) return 0;
    // "East" of "East Austin" starts no name, unless the index knows the two ("North Waziristan")
    if (direction(ws[k].lower) &&
        !(k + 1 < ws.size() && ws[k + 1].capital && ws[k + 1].before == ' ' &&
          world.group_of(byte_span{ws[k].begin, ws[k + 1].end}.of(ax.text)) != registry::no_place))
        return 0;
    const bool in_dateline = !where.dateline.empty() && ws[k].begin >= where.dateline.begin && ws[k].end <= where.dateline.end;
    // "Ward" of "Desmond Ward": a surname, not the town of that name
    if (!in_dateline && continues_name(ax.text, ws, k)) return 0;
    // "Four Hurt In ...", "Police said": a word the article writes in lower case too,
    // capitalised alone, is that word ("in Mobile" is still Mobile)
    if (!in_dateline && where.common_word(ws[k]) && !(k + 1 < ws.size() && name_word(ax.text, ws[k + 1]) && ws[k + 1].before == ' ') &&
        !locative_at(ws, k))
        return 0;
    // "Zala said", "said Mary": a person the article names, not the place of that name
    if (!in_dateline && where.person_word(ws[k]) && !locative_at(ws, k) &&
        !(k > 0 && ws[k - 1].capital && mark_before(ax.text, ws[k]) == ',' && world.group_of(ws[k].lower) != registry::no_place &&
          g.best_area(world.group_of(ws[k].lower)) != registry::no_place &&
          g.entity(registry::entry_entity(g.best_area(world.group_of(ws[k].lower)))).kind <= registry::world_kind::division) &&
        !(k + 1 < ws.size() && name_word(ax.text, ws[k + 1]) && ws[k + 1].before == ' '))
        return 0;
    // "IS", "UN", "SDF", "ISIS": acronyms, not the places that share their letters.
    // ("DR Congo" is a name of two words the index knows)
    if (!in_dateline && ws[k].end - ws[k].begin <= 5 && upper_case(ws[k].lower, ax.text.substr(ws[k].begin, ws[k].end - ws[k].begin)) &&
        !(k + 1 < ws.size() && ws[k + 1].capital && ws[k + 1].before == ' ' &&
          world.group_of(byte_span{ws[k].begin, ws[k + 1].end}.of(ax.text)) != registry::no_place))
        return 0;
    // "Complexo de Israel": the end of a longer name, not the country
    if (!in_dateline && after_name_connector(ws, k)) return 0;
    // The longest run of name words (up to five) that the index knows; "de", "do"... join
    // a name's words ("Rio de Janeiro", "Democratic Republic of the Congo").
    std::size_t run = 1;
    auto joins = [&](std::size_t i) {
        return ws[i].before == ' ' &&
               (name_word(ax.text, ws[i]) ||
                ((name_connector(ws[i].lower) || ws[i].lower == "of" || ws[i].lower == "the") && i + 1 < ws.size() &&
                 ws[i + 1].before == ' ' && (name_word(ax.text, ws[i + 1]) || ws[i + 1].lower == "the")));
    };
    while (run < 5 && k + run < ws.size() && joins(k + run)) ++run;
    std::size_t name_run = 1;  // the capitalised words alone ("Lewisburg Detachment" of "... of the West Virginia State Police")
    while (name_run < run && name_word(ax.text, ws[k + name_run])) ++name_run;
    std::uint32_t group = registry::no_place;
    std::size_t n = run;
    // "the Orange Mound neighborhood": a name of several words no gazetteer knows is one
    // name, not a town called Orange and another called Mound ("Mosul's Bab al-Tob" is two).
    bool possessive = false;  // ("DR Congo's Ituri province": a possessive inside the run)
    for (std::size_t i = k; i + 1 < k + run; ++i)
        possessive = possessive || (ws[i].lower.size() > 2 && ws[i].lower.substr(ws[i].lower.size() - 2) == "'s");
    if (run >= 2 && !possessive && k + run < ws.size() && place_noun(ws[k + run].lower) &&
        world.group_of(byte_span{ws[k].begin, ws[k + run - 1].end}.of(ax.text)) == registry::no_place)
        n = 0;
    for (; n >= 1; --n) {
        group = world.group_of(byte_span{ws[k].begin, ws[k + n - 1].end}.of(ax.text));
        if (group != registry::no_place) break;
    }
    // "in Sanaa", "in north Harris County", "near the town of X" (handled by find_places)
    const bool after_locative = k > 0 && ws[k].before == ' ' &&
                                (locative_at(ws, k) || (k > 1 && direction(ws[k - 1].lower) && locative(ws[k - 2].lower)));
    // In the overlay's country the overlay and "the village of X" (find_places) read what
    // no gazetteer knows, as they always have: the world gazetteer only adds what it knows.
    const bool overlay_country = where.country == registry::no_place || where.country == world.overlay_country();
    if (group == registry::no_place) {
        if (overlay_country) return 0;
        run = name_run;  // an unknown name is its capitalised words ("Pair of Shootings" is no place)
        // A name no gazetteer knows, said to be a place by the noun after it ("the Bab al-Tob
        // market", "the Hodan district") or by a preposition and a division after it.
        const std::size_t e = k + run;
        if (e < ws.size() && place_noun(ws[e].lower) && (after_locative || (k > 0 && ws[k - 1].lower == "the")) &&
            !facility_noun(ws[e].lower)) {
            place_mention m;
            m.wb = k;
            m.we = e;
            m.span = {ws[k].begin, ws[e - 1].end};
            m.rank = 3;
            m.sub_place = sub_place_noun(ws[e].lower);
            m.why = "'" + std::string(m.span.of(ax.text)) + "' kept as written (no gazetteer knows it; '" +
                    std::string(ws[e].lower) + "' follows)";
            si.places.push_back(m);
            return run;
        }
        // "near Al-Rashad (Hawija district, Kirkuk)": an area of the index in brackets after it
        if (e + 1 < ws.size() && after_locative && ws[e].lower == "in" && ws[e + 1].capital) {
            // "in Moqokori in Somalia's Hiiraan region": a country or division after "in"
            const auto q = world.group_of(ax.text.substr(ws[e + 1].begin, ws[e + 1].end - ws[e + 1].begin));
            if (q != registry::no_place && g.best_area(q) != registry::no_place &&
                g.entity(registry::entry_entity(g.best_area(q))).kind <= registry::world_kind::division) {
                place_mention m;
                m.wb = k;
                m.we = e;
                m.span = {ws[k].begin, ws[e - 1].end};
                m.rank = 3;
                m.why = "'" + std::string(m.span.of(ax.text)) + "' kept as written (no gazetteer knows it; in '" +
                        std::string(ws[e + 1].lower) + "')";
                si.places.push_back(m);
                return run;
            }
        }
        if (e + 1 < ws.size() && after_locative && ws[e].before == '(' && ws[e].capital) {
            const auto q = world.group_of(ws[e + 1].capital && ws[e + 1].before == ' '
                                              ? byte_span{ws[e].begin, ws[e + 1].end}.of(ax.text)
                                              : ws[e].lower);
            const auto q1 = q != registry::no_place ? q : world.group_of(byte_span{ws[e].begin, ws[e].end}.of(ax.text));
            if (q1 != registry::no_place && g.best_area(q1) != registry::no_place) {
                place_mention m;
                m.wb = k;
                m.we = e;
                m.span = {ws[k].begin, ws[e - 1].end};
                m.rank = 3;
                m.why = "'" + std::string(m.span.of(ax.text)) + "' kept as written (no gazetteer knows it; an area in brackets after it)";
                si.places.push_back(m);
                return run;
            }
        }
        return 0;
    }
    const std::size_t e = k + n;
    // "Orange Street", "Versailles Avenue": a street, not the town of that name; "Vermont
    // and Manchester avenues": two streets.
    if (e < ws.size() && ((ws[e].capital && street_word(ws[e].lower)) || plural_street_noun(ws[e].lower))) return n + 1;
    if (first_of_two_streets(ws, e)) return n;
    // "Stroud Township": a township no gazetteer knows, not the town of Stroud elsewhere
    if (e < ws.size() && ws[e].capital && ws[e].lower == "township" && !overlay_country) {
        place_mention m;
        m.wb = k;
        m.we = e + 1;
        m.span = {ws[k].begin, ws[e].end};
        m.rank = 3;
        m.why = "'" + std::string(m.span.of(ax.text)) + "' kept as written (a township no gazetteer knows)";
        si.places.push_back(m);
        return n + 1;
    }
    // "Jackson Park Hospital", "Mount Moriah Baptist Church": a longer name holds it
    if (!in_dateline && !function_word(ws[k].lower) && name_goes_on(ax.text, ws, e)) return std::max(n, name_run);
    // "the Austin neighborhood", "West Englewood neighborhood": a part of the town the
    // article is about, not the town of that name elsewhere (place_of puts it in its town)
    if (!in_dateline && e < ws.size() && sub_place_noun(ws[e].lower) && !overlay_country) {
        place_mention m;
        m.wb = k;
        m.we = e;
        m.span = {ws[k].begin, ws[e - 1].end};
        m.rank = 3;
        m.sub_place = true;
        m.why = "'" + std::string(m.span.of(ax.text)) + "' a " + std::string(ws[e].lower) +
                " ('" + std::string(ws[e].lower) + "' follows; towns of that name elsewhere not taken)";
        si.places.push_back(m);
        return n;
    }
    const byte_span span{ws[k].begin, ws[e - 1].end};
    const auto written = span.of(ax.text);
    // A division or country written next to it: "Springfield, Illinois", "Homestead, Pa.",
    // "Al-Rashad (Hawija district, Kirkuk)", "Konduga in Borno".
    std::uint32_t qualifier = registry::no_place;
    std::size_t qualifier_end = e;  // the qualifier's words belong to this mention
    if (e < ws.size() && (mark_before(ax.text, ws[e]) == ',' || ws[e].before == '(' || ws[e].lower == "in")) {
        const std::size_t q = ws[e].lower == "in" ? e + 1 : e;
        for (std::size_t qn = 3; qn >= 1 && qualifier == registry::no_place; --qn) {
            if (q + qn > ws.size() || !ws[q].capital) continue;
            const auto qg = world.group_of(byte_span{ws[q].begin, ws[q + qn - 1].end}.of(ax.text));
            if (qg == registry::no_place) continue;
            // the qualifier in the article's country when it has one there ("Monroe County" in Pennsylvania)
            auto qentry = where.country != registry::no_place ? g.best_in(qg, where.country) : registry::no_place;
            if (qentry == registry::no_place || g.entity(registry::entry_entity(qentry)).kind == registry::world_kind::place)
                qentry = g.best_area(qg);
            if (qentry != registry::no_place && g.entity(registry::entry_entity(qentry)).kind != registry::world_kind::place) {
                qualifier = registry::entry_entity(qentry);
                qualifier_end = q + qn;
            }
        }
        // "(Hawija district, Kirkuk)": the district word and the division after it
        while (qualifier != registry::no_place && qualifier_end < ws.size() && qualifier_end < e + 6 &&
               (place_noun(ws[qualifier_end].lower) || division_noun(ws[qualifier_end].lower) ||
                (mark_before(ax.text, ws[qualifier_end]) == ',' && ws[qualifier_end].capital && ws[e].before == '(')))
            ++qualifier_end;
    }
    place_evidence evidence = place_evidence::none;
    bool m_dateline = false;
    if (in_dateline) {
        evidence = place_evidence::dateline;
        m_dateline = true;
    }
    else if (qualifier != registry::no_place) evidence = place_evidence::qualified;
    else if (after_locative || (e < ws.size() && place_noun(ws[e].lower))) evidence = place_evidence::locative;
    const auto settled = world.settle(group, written, evidence, qualifier, where);
    // "Buy Photo", "Part of the", "Man shot": a frequent English word alone is a place only
    // with words saying so ("in Mobile", "Normal, Illinois", a dateline) or as a town of the
    // article's own division ("Mobile police" of an Alabama report); else it is the word.
    // ("IN PART OF": "in" in a line of capitals says nothing)
    const bool faint = evidence == place_evidence::none ||
                       (evidence == place_evidence::locative && k > 0 && capitals_only(ax.text, ws[k - 1]));
    if (n == 1 && faint && settled.entity != registry::no_place && world.common_word_name(group) &&
        !(where.division != registry::no_place && g.entity(settled.entity).division == where.division))
        return n;
    place_mention m;
    m.wb = k;
    m.we = e;
    m.span = span;
    m.dateline = m_dateline;
    const std::size_t consumed = qualifier == registry::no_place ? 0 : qualifier_end - e;
    m.why = settled.why;
    if (settled.entity == registry::no_place) {
        // Not taken ("no Bab in Iraq"); still a place when the words next to it say so,
        // kept as written. An adjective ("Syrian") never is.
        if (registry::entry_form(g.best(group)) == registry::name_form::adjective) return n;
        if (in_dateline) return n + consumed;  // a dateline whose place is not taken is not kept either
        const bool noun_after = e < ws.size() && place_noun(ws[e].lower);
        if (overlay_country || !(evidence == place_evidence::qualified || noun_after)) return 0;
        if (e < ws.size() && facility_noun(ws[e].lower)) return n;  // "Al-Thawra hospital": a building, not a place
        m.rank = 3;
        m.sub_place = e < ws.size() && sub_place_noun(ws[e].lower);
        m.why += "; kept as written";
        si.places.push_back(m);
        return n + consumed;
    }
    m.world = settled.entity;
    m.rank = rank_of_world(g, settled.entity);
    m.passing = evidence == place_evidence::none;
    m.of_source = source_location(ws, k) || (m.rank == 2 && e < ws.size() && source_noun(ws[e].lower));
    // "Kandahar province", "Kharkiv Oblast": the division, not the city named after it.
    if (m.rank == 3 && e < ws.size() && division_noun(ws[e].lower) && g.entity(settled.entity).division != registry::no_place) {
        m.world = g.entity(settled.entity).division;
        m.rank = 1;
        m.we = e + 1;
        m.why += "; the division ('" + std::string(ws[e].lower) + "' follows)";
    }
    // A country or an adjective in passing ("Iraqi forces") is no figure's place.
    if (m.rank == 0 && evidence < place_evidence::locative) return n;
    si.places.push_back(m);
    return std::max(m.we, e + consumed) - k;
}

namespace {

// The claim's place is the village the article's body names (article_place::village),
// kept as written under `area` (the article's division, or a district of it named with
// the figure): "in/manipur/kwakta".
void place_in_village(article_context& ax, claim& c, std::uint32_t area) {
    const auto& where = article_place_of(ax);
    c.place = std::string(where.village.of(ax.text));
    ax.tables.world.set_claim_place(c, area);
    c.place_key += "/" + registry::gazetteer::normalise(c.place);
}

}  // namespace

void place_of(article_context& ax, claim& c, const located_figure& lf, std::size_t s) {
    // Where a source sits ("police in Borno said", "taken to hospitals in Maiduguri") is
    // the figure's place only when neither its sentence nor the two before name another.
    bool skip_sources = true;
    auto pick = [&](const sentence_info& si, bool near_figure) -> const place_mention* {
        const place_mention* best = nullptr;
        auto distance = [&](const place_mention& m) -> std::size_t {
            if (!near_figure) return 0;
            return m.wb >= lf.we ? m.wb - lf.we : (lf.wb - std::min(lf.wb, m.we)) + 20;  // prefer after the figure
        };
        auto rank = [](const place_mention& m) { return m.of_source ? m.rank - 3 : m.rank; };
        for (const auto& m : si.places) {
            if (m.wb >= lf.wb && m.wb < lf.we && near_figure) continue;  // inside the figure ("IS militants")
            if (m.rank == 0) continue;  // a country says which country, not where in it
            if (m.dateline) continue;   // where the reporter files from: the article's main place decides (below)
            if (m.of_source && skip_sources) continue;
            // A sentence before names many things; a place there outside the article's
            // division ("he had moved from Chicago") is not taken for the figure. Nor is one
            // named in passing in the figure's sentence, without "in" or its state ("a
            // Phoenix man", "Williams said", "a Texas trooper"): a home town, a person, a
            // comparison, more often than where it happened.
            if ((!near_figure ? m.rank == 3 : m.passing && m.rank >= 1) && m.world != registry::no_place &&
                ax.tables.world.active() && article_place_of(ax).division != registry::no_place &&
                !ax.tables.world.world()->within(m.world, article_place_of(ax).division))
                continue;
            if (!best || rank(m) > rank(*best) || (rank(m) == rank(*best) && distance(m) < distance(*best))) best = &m;
        }
        return best;
    };
    const world_reader& world = ax.tables.world;
    const sentence_info& si = ax.sentence_infos[s];
    const place_mention* m = pick(si, true);
    const sentence_info* from = &si;
    std::string why;
    bool in_main = false;  // placed in the article's main place
    std::string sub_place_key;  // "/bab-al-tob" when a market of the town was named
    std::uint32_t section = registry::no_place;  // the town's GeoNames section the sub-place is
    bool care_place = false;  // the sentence names only a hospital's town
    if (!m && !c.headline && c.kind == claim_kind::incident) {
        for (std::size_t p = s; p-- > 0 && p + 3 > s;) {
            if (ax.sentences[p].line_alone) continue;
            const auto& pi = ax.info(p, need_places);
            if ((m = pick(pi, false))) {
                from = &pi;
                why = " (from " + std::to_string(s - p) + (s - p == 1 ? " sentence" : " sentences") + " before)";
                break;
            }
        }
    }
    if (!m) {
        skip_sources = false;
        m = pick(si, true);
        if (m) why = " (where the source is)";
        // "rushed to Mercy Medical Center in Riverdale, where one later died": the hospital's town
        // is where the wounded were taken; the article's main place, when it has another,
        // is where they were hit
        if (m && m->wb < si.words.size() && care_place_at(si.words, m->wb) && world.active() &&
            article_place_of(ax).main != registry::no_place && m->world != article_place_of(ax).main &&
            c.kind == claim_kind::incident && !c.headline) {
            m = nullptr;
            care_place = true;
        }
    }
    if (m) {
        // "the villages of Hajin, Sousa and Al-Shaafa": one place text for the list
        byte_span written = m->span;
        for (const auto& other : from->places) {
            if (other.wb < m->we || other.span.begin < written.end) continue;
            const auto between = byte_span{written.end, other.span.begin}.of(ax.text);
            // a list of places, not a place and its division ("Culiacán, Sinaloa")
            bool glue = between.size() <= 6 && other.rank >= 2 && m->rank >= 2 && between.find_first_not_of(' ') != std::string_view::npos;
            for (const char ch : between)
                if (!(ch == ' ' || ch == ',' || ch == 'a' || ch == 'n' || ch == 'd')) glue = false;
            if (!glue) break;
            written.end = other.span.end;
        }
        c.place = std::string(written.of(ax.text));
        // A market or neighbourhood no gazetteer knows lies in the town named with it, else
        // in the article's main place: the town is the place, the sub-place ends its key.
        // One GeoNames knows as a section of that town ("the Eastfield neighbourhood of
        // Leeds", PPLX) takes the section's own key, the key it gets when written without
        // its noun, so that both wordings name one place (the two keys split one shooting's
        // reports when they differed: issue 15/18).
        if (m->sub_place) {
            const place_mention* town = nullptr;
            for (const auto& o : from->places)
                if (&o != m && !o.sub_place && o.rank >= 1 && (o.world != registry::no_place || o.p)) town = &o;
            const std::string sub_key = registry::gazetteer::normalise(c.place);
            const auto sub_group = world.active() ? world.group_of(c.place) : registry::no_place;
            if (town) {
                sub_place_key = "/" + sub_key;
                section = world.section_named(sub_group, town->world);
                m = town;
                written = town->span;
                c.place = std::string(written.of(ax.text));
                why = "'" + c.place + "' holds '" + sub_key + "'" + (section != registry::no_place ? ", its section" : "") + why;
            } else if (world.active() && article_place_of(ax).main != registry::no_place) {
                const auto& where = article_place_of(ax);
                section = world.section_named(sub_group, where.main);
                c.place = std::string(where.main_span.of(ax.text));
                world.set_claim_place(c, section != registry::no_place ? section : where.main);
                if (section == registry::no_place) c.place_key += "/" + sub_key;
                why = "'" + c.place + "', the article's main place, holds '" + sub_key + "'" +
                      (section != registry::no_place ? ", its section" : "") + why;
                m = nullptr;
                in_main = true;
            }
        }
    }
    if (m) {
        drop_possessive(c.place);  // "Mosul's" names Mosul
        const article_place* here = world.active() ? &article_place_of(ax) : nullptr;
        const auto& mw = from->words;
        const bool area_as_place = m->wb > 0 && (locative_at(mw, m->wb) || (m->wb > 1 && direction(mw[m->wb - 1].lower) &&
                                                                             locative(mw[m->wb - 2].lower)));
        if (m->world != registry::no_place && sub_place_key.empty() && m->rank >= 1 && m->rank <= 2 && here &&
            !here->village.empty() && here->division != registry::no_place &&
            (world.world()->within(m->world, here->division) || world.world()->within(here->division, m->world))) {
            // "in Manipur's Churachandpur district" with the body's "Kangvai village": the
            // village, in the narrower of the area named and the article's division
            place_in_village(ax, c, world.world()->within(m->world, here->division) ? m->world : here->division);
            why = "'" + c.place + "', the village the body names, in '" + std::string(m->span.of(ax.text)) + "' named with the figure" + why;
        } else if (m->world != registry::no_place && sub_place_key.empty() && m->rank >= 1 && m->rank <= 2 && here && !area_as_place &&
            here->main != registry::no_place && here->main != m->world && world.world()->within(here->main, m->world)) {
            // "a Louisiana state trooper", "the Los Angeles County coroner": the figure's
            // sentence names only the area that holds the article's main place, and not as
            // where it happened ("in north Harris County" is the place)
            c.place = std::string(here->main_span.of(ax.text));
            world.set_claim_place(c, here->main);
            why = "'" + c.place + "', the article's main place, in '" + std::string(m->span.of(ax.text)) + "' named with the figure" + why;
            name_city_of_section(world, ax.text, here->main_span, c, here->main, why);
        } else if (m->world != registry::no_place) {
            world.set_claim_place(c, section != registry::no_place ? section : m->world);
            if (section == registry::no_place) c.place_key += sub_place_key;
            why = m->why + why;
            if (sub_place_key.empty()) name_city_of_section(world, ax.text, m->span, c, m->world, why);
        } else if (m->p) {
            c.place_key = m->p->key;
            c.governorate = m->p->governorate;
            c.country = ax.ctx.places->country();
            why = "'" + c.place + "' from the overlay (" + m->p->name + ")" + why;
        } else {
            c.place_key = registry::gazetteer::normalise(c.place);
            why = (m->why.empty() ? "'" + c.place + "' kept as written" : m->why) + why;
        }
        if (c.governorate.empty())
            for (const auto& o : from->places) {
                if (o.p && o.rank == 1) c.governorate = o.p->governorate;
                // "Al-Rashad (Hawija district, Kirkuk)": the division named beside a place no gazetteer knows
                if (o.world != registry::no_place && o.rank >= 1 && o.rank <= 2 && c.country.empty()) {
                    claim area;
                    world.set_claim_place(area, o.world);
                    c.country = area.country;
                    c.governorate = area.governorate;
                    c.place_key = area.place_key + "/" + c.place_key;
                }
            }
    }
    if (c.governorate.empty() && !ax.art.location.empty() && ax.ctx.places) {
        if (!ax.location_resolved) {
            ax.location_resolved = true;
            ax.location = ax.ctx.places->resolve(ax.art.location);
        }
        if (ax.location) {
            c.governorate = ax.location->governorate;
            if (c.country.empty()) c.country = ax.ctx.places->country();
        }
    }
    // (the country of the dateline's town gives way to it: "GOMA - ... in eastern
    // Democratic Republic of Congo"; a town named after "in" elsewhere in the article is
    // not so sure a place for every figure)
    const bool dated_main = world.active() && article_place_of(ax).main != registry::no_place &&
                            !article_place_of(ax).dateline.empty() &&
                            article_place_of(ax).main_span.begin == article_place_of(ax).dateline.begin;
    const auto main_country = dated_main ? world.world()->entity(article_place_of(ax).main).country : registry::no_place;
    if (!m && c.country.empty())
        for (const auto& o : si.places)
            if (o.rank == 0 && o.world != registry::no_place && o.world != main_country) {  // "in Iraq": its country, no place in it
                c.country = std::string(world.country_code(o.world));
                why = "no place; the country named in the sentence";
            }
    if (world.active()) {
        const auto& where = article_place_of(ax);
        if (!m && !in_main && c.country.empty() && c.kind == claim_kind::incident && !where.village.empty()) {
            // "IMPHAL: ... in Kwakta village": where it happened, not where the reporter files from
            place_in_village(ax, c, where.division);
            why = "'" + c.place + "', the village the body names (no place in the sentence" + (c.headline ? ")" : " or the two before)");
        } else if (!m && !in_main && c.country.empty() && c.kind == claim_kind::incident && where.main != registry::no_place) {
            // No place near the figure: the article's main place (the dateline's, where the
            // reporter files from, or the town it names most). A headline's figure too: the
            // headline is about the article's event.
            c.place = std::string(where.main_span.of(ax.text));
            world.set_claim_place(c, where.main);
            why = "'" + c.place + "', the article's main place (" +
                  (care_place ? std::string("the sentence names only a hospital's town)")
                              : "no place in the sentence" + std::string(c.headline ? ")" : " or the two before)"));
            name_city_of_section(world, ax.text, where.main_span, c, where.main, why);
        } else if (!m && !in_main) {
            why = "no place in the sentence or the two before";
        }
        world.set_claim_area(c, where, false);  // the division after inherit_places (area_of_article)
        if (ax.ctx.place_notes) ax.ctx.place_notes->push_back({c.id, why + "; " + where.why});
    } else if (ax.ctx.place_notes) {
        ax.ctx.place_notes->push_back({c.id, m ? why : "no place in the sentence or the two before; no world gazetteer"});
    }
    // the article's main place as written too: "Savannah's" of "Savannah's police chief"
    drop_possessive(c.place);
}

void area_of_article(article_context& ax) {
    if (!ax.tables.world.active() || !ax.where) return;
    for (auto& c : ax.claims) ax.tables.world.set_claim_area(c, *ax.where, true);
}

// The means of attack the article opens with (its headline, a caption or its lead
// sentence): what a figure that names none is about ("the toll rose to 12"). Only the
// opening: further down, a means named is as likely to be another event's. (The actor

}  // namespace reckon::extract
