// Places anywhere (world_places.hpp): the article's country and division by weighed
// evidence, and names settled against the world gazetteer in that context.
#include "extract/world_places.hpp"

#include <algorithm>
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
// How far into the body names are counted for the article's country (bounded work).
constexpr std::size_t scan_bytes = 20000;

bool upper_word(std::string_view w) {
    bool letter = false;
    for (const char c : w) {
        if (ascii_lower_case(c)) return false;
        letter = letter || ascii_upper(c);
    }
    return letter;
}

// "Mosul's" -> "Mosul": a possessive names the place.
std::string_view without_possessive(std::string_view w) {
    if (w.size() > 2 && (w.substr(w.size() - 2) == "'s" || w.substr(w.size() - 2) == "'S")) return w.substr(0, w.size() - 2);
    if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return w.substr(0, w.size() - 4);
    return w;
}

// "May" in "SANAA, May 14 (Reuters)" is the date, not a qualifying place.
bool is_month(std::string_view w) {
    static const char* const months[] = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may",
                                         "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september",
                                         "oct", "october", "nov", "november", "dec", "december"};
    std::string first;
    for (const char c : w) {
        if (!ascii_alpha(c)) break;
        first.push_back(ascii_lower(c));
    }
    return std::any_of(std::begin(months), std::end(months), [&](const char* m) { return first == m; });
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
        if (any && dash && letters >= 3 && letters <= 40 && (caps || outlet)) return d;
        const auto next = text.find('\n', line);
        if (next == std::string_view::npos || next >= limit) break;
        line = next + 1;
    }
    return std::nullopt;
}

}  // namespace

world_reader::world_reader(const registry::world_gazetteer* world, const registry::gazetteer* overlay)
    : m_world(world), m_overlay(overlay) {
    if (active()) m_overlay_country = m_world->country_of_code(overlay && !overlay->country().empty() ? overlay->country() : "SY");
}

std::uint32_t world_reader::group_of(std::string_view written) const {
    if (!active()) return no_place;
    return m_world->find(registry::world_key(without_possessive(written)));
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
    std::vector<std::string> said;
    auto vote = [&](std::uint32_t entity, double weight) {
        const auto& e = g.entity(entity);
        countries[e.country] += weight;
        if (e.division != no_place) divisions[e.division] += weight;
    };
    const byte_span body = a.body.empty() ? byte_span{0, text.size()} : a.body;

    if (const auto d = find_dateline(text, body)) {
        const auto name = d->name.of(text);
        std::uint32_t qualifier = no_place;
        if (!d->qualifier.empty() && !is_month(d->qualifier.of(text))) {
            const auto q = group_of(d->qualifier.of(text));
            if (q != no_place) {
                const auto e = registry::entry_entity(g.best(q));
                if (g.entity(e).kind != world_kind::place) qualifier = e;
            }
        }
        const auto group = group_of(name);
        const auto settled = settle(group, name, place_evidence::dateline, qualifier, out);
        if (settled.entity != no_place) {
            out.main = settled.entity;
            out.main_span = d->name;
            vote(settled.entity, dateline_weight);
            said.push_back("dateline '" + std::string(name) + "'");
        } else if (qualifier != no_place) {
            vote(qualifier, dateline_weight);
            said.push_back("dateline '" + std::string(d->qualifier.of(text)) + "'");
        }
    }
    if (!outlet_country.empty()) {
        const auto c = g.country_of_code(outlet_country);
        if (c != no_place) {
            countries[c] += outlet_weight;
            said.push_back("outlet of " + std::string(outlet_country));
        }
    }
    if (!a.location.empty() && m_overlay && m_overlay->resolve(a.location) && m_overlay_country != no_place) {
        countries[m_overlay_country] += location_weight;
        said.push_back("location '" + a.location + "'");
    }

    const byte_span scan{body.begin, std::min(body.end, body.begin + scan_bytes)};
    const auto ws = words_of(text, scan, lower);
    std::map<std::uint32_t, int> named;
    for (std::size_t k = 0; k < ws.size();) {
        if (!ws[k].capital) {
            ++k;
            continue;
        }
        std::size_t used = 1;
        for (std::size_t n = std::min<std::size_t>(3, ws.size() - k); n >= 1; --n) {
            if (n > 1 && !ws[k + n - 1].capital && ws[k + n - 1].lower != "of") continue;
            const byte_span span{ws[k].begin, ws[k + n - 1].end};
            const auto group = group_of(span.of(text));
            if (group == no_place) continue;
            const auto entry = g.best(group);
            const auto e = registry::entry_entity(entry);
            const auto form = registry::entry_form(entry);
            const auto kind = g.entity(e).kind;
            const bool after_comma = ws[k].before == ',';
            if (form == registry::name_form::abbreviation) {
                // "Homestead, Pa.": a state's abbreviation only after "City,"
                if (!after_comma || k == 0 || !ws[k - 1].capital) continue;
                vote(e, qualified_weight);
                ++named[e];
            } else if (form == registry::name_form::adjective) {
                countries[e] += adjective_weight;
                ++named[e];
            } else if (kind == world_kind::country) {
                countries[e] += named_weight;
                ++named[e];
            } else if (kind == world_kind::division || kind == world_kind::district) {
                // A state or county named; after "City," it qualifies the city.
                vote(e, after_comma ? qualified_weight : named_weight);
                ++named[e];
            } else {
                continue;  // a town alone says little about the country (many share names)
            }
            used = n;
            break;
        }
        if (m_overlay && m_overlay_country != no_place && used == 1) {
            if (m_overlay->find_name(ws[k].lower)) countries[m_overlay_country] += overlay_weight;
        }
        k += used;
    }

    double best = 0;
    for (const auto& [c, w] : countries)
        if (w > best) {
            best = w;
            out.country = c;
        }
    if (best < named_weight) out.country = no_place;  // one adjective or outlet alone is not enough
    double best_division = 0;
    if (out.country != no_place)
        for (const auto& [d, w] : divisions)
            if (g.entity(d).country == out.country && w > best_division) {
                best_division = w;
                out.division = d;
            }
    if (out.main != no_place && out.country != no_place && g.entity(out.main).country != out.country)
        out.main = no_place;  // a dateline abroad ("GENEVA (Reuters) -") is not where it happened
    for (const auto& [e, n] : named)
        if (n >= 1 && said.size() < 6) said.push_back(std::string(g.name(e)) + " named " + std::to_string(n) + (n == 1 ? " time" : " times"));
    if (out.country != no_place) {
        out.why = "country " + std::string(g.name(out.country));
        if (out.division != no_place) out.why += ", division " + std::string(g.name(out.division));
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
        // A lesser-known spelling of a small place needs words saying it is a place.
        if (form == registry::name_form::alternate && e.kind == world_kind::place && e.population < 15000 &&
            evidence == place_evidence::none)
            return false;
        out.entity = registry::entry_entity(entry);
        out.why = std::move(why);
        return true;
    };
    const std::string of = n > 1 ? "best of " + std::to_string(n) + " '" + name + "'" : "'" + name + "'";
    if (qualifier != no_place) {
        const auto& q = g.entity(qualifier);
        std::uint32_t entry = no_place;
        if (q.kind == world_kind::country) entry = g.best_in(group, qualifier);
        else if (q.kind == world_kind::division) entry = g.best_in(group, q.country, qualifier);
        else if (q.kind == world_kind::district && q.division != no_place) entry = g.best_in(group, q.country, q.division);
        if (accept(entry, of + " in " + std::string(g.name(qualifier)) + " (written next to it)")) return out;
    }
    if (where.country != no_place) {
        if (where.division != no_place &&
            accept(g.best_in(group, where.country, where.division),
                   of + " in " + std::string(g.name(where.division)) + " (the article's division)"))
            return out;
        if (accept(g.best_in(group, where.country), of + " in " + std::string(g.name(where.country)) + " (the article's country)"))
            return out;
        // Only elsewhere: a country or division named as such is its own evidence ("in Iraq").
        const auto entry = g.best(group);
        const auto kind = g.entity(registry::entry_entity(entry)).kind;
        if ((kind == world_kind::country || (kind == world_kind::division && evidence >= place_evidence::locative)) &&
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

void world_reader::set_claim_area(claim& c, const article_place& where) const {
    if (!active() || where.country == no_place) return;
    const auto& g = *m_world;
    if (c.country.empty()) c.country = std::string(g.code(where.country));
    if (c.governorate.empty() && where.division != no_place && c.country == g.code(where.country)) {
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
