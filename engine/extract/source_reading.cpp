// Bodies and named people as sources (source_reading.hpp). Everything here looks at a
// few words around a candidate, so a sentence costs a lookup per word.
#include "extract/source_reading.hpp"

#include <algorithm>

namespace reckon::extract {

namespace {

// Words of a written form as words_of() cuts text: spaces separate, inner hyphens and
// apostrophes stay ("sheriff's office" -> "sheriff's", "office").
std::vector<std::string> form_words(std::string_view form) {
    std::vector<std::string> out;
    std::string cur;
    for (const char c : form) {
        if (c == ' ' || c == '\t') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur.push_back(ascii_lower(c));
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

// A word without its possessive: "iraq's" -> "iraq" (a curly apostrophe splits the word
// in words_of, leaving "iraq" and "s").
std::string_view without_possessive(std::string_view w) {
    if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return w.substr(0, w.size() - 2);
    return w;
}

bool is_report_verb(std::string_view w) {
    return w == "said" || w == "says" || w == "told" || w == "added" || w == "reported" || w == "stated" ||
           w == "announced" || w == "confirmed";
}

// Capitalised words that start sentences or name times, never a local body's name.
bool is_stop_capital(std::string_view w, std::uint64_t hash) {
    static const word_set stops{
        "the", "a", "an", "on", "in", "at", "by", "for", "of", "and", "but", "as", "when", "while", "after", "before",
        "then", "there", "earlier", "later", "meanwhile", "also", "local", "state", "federal", "national", "city",
        "county", "regional", "provincial", "district", "security", "several", "some", "other", "senior", "two",
        "three", "four", "both", "his", "her", "their", "its", "our", "this", "that", "these", "those", "he", "she",
        "they", "it", "we", "said", "according", "police", "officials", "authorities", "witnesses", "residents",
        "unnamed", "anonymous", "top", "chief", "head", "acting"};
    return stops.contains(w, hash);
}
bool is_stop_capital(std::string_view w) { return is_stop_capital(w, word_hash(w)); }

// Capitalised words that open sentences, never the first word of an organisation's name.
bool is_sentence_opener(std::string_view w) {
    static const word_set openers{
        "the", "a", "an", "on", "in", "at", "by", "for", "of", "and", "but", "as", "when", "while", "after", "before",
        "then", "there", "earlier", "later", "meanwhile", "also", "according", "said", "his", "her", "their", "its",
        "this", "that", "to", "from", "with"};
    return openers.contains(w);
}

// The words naming what a person quoted does.
bool is_role_noun(std::string_view w, std::uint64_t hash) {
    static const word_set roles{
        "spokesman", "spokeswoman", "spokesperson", "official", "officer", "governor", "minister", "director", "head",
        "chief", "commander", "sergeant", "sgt", "lieutenant", "lt", "captain", "capt", "deputy", "doctor", "dr",
        "mayor", "activist", "sheriff", "coroner", "examiner", "investigator", "detective", "superintendent",
        "chairman", "colonel", "col", "general", "gen", "administrator", "surgeon", "medic", "paramedic", "leader",
        "secretary", "representative", "envoy", "coordinator", "prosecutor", "commissioner", "prefect", "inspector"};
    return roles.contains(w, hash);
}
bool is_role_noun(std::string_view w) { return is_role_noun(w, word_hash(w)); }

// Roles of officials who speak for a government without naming a body: "the provincial
// governor said", "the state information minister said", "the district commissioner told".
bool is_official_role(std::string_view w) {
    return w == "governor" || w == "minister" || w == "commissioner" || w == "mayor" || w == "prefect" ||
           w == "administrator" || w == "councillor" || w == "councilor";
}

// Last words of a named organisation's name: "Emergency Medicine Centre", "National
// Disaster Management Agency", "Provincial Health Directorate".
bool is_organisation_head(std::string_view w) {
    static const word_set heads{
        "centre", "center", "agency", "authority", "service", "services", "directorate", "commission", "committee",
        "council", "office", "unit", "organisation", "organization", "society", "institute", "bureau", "administration"};
    return heads.contains(w);
}

// The source type a named organisation's words say it is; "official" when none does.
std::string_view organisation_type(const std::vector<word>& ws, std::size_t b, std::size_t e) {
    for (std::size_t j = b; j < e; ++j) {
        const auto w = ws[j].lower;
        if (w == "emergency" || w == "emergencies" || w == "ambulance" || w == "rescue" || w == "disaster" ||
            w == "disasters" || w == "fire" || w == "protection")
            return "civil_defence";
    }
    for (std::size_t j = b; j < e; ++j) {
        const auto w = ws[j].lower;
        if (w == "medical" || w == "medicine" || w == "hospital" || w == "clinic") return "hospital";
    }
    for (std::size_t j = b; j < e; ++j) {
        const auto w = ws[j].lower;
        // a health directorate or office is the health administration, not a hospital
        if (w == "health") return "health_ministry";
        if (w == "rights" || w == "cross" || w == "crescent" || w == "humanitarian") return "ngo";
        if (w == "monitoring" || w == "documentation" || w == "observatory") return "monitor";
    }
    return "official";
}

// Role words that make a speaker a member of an armed group rather than a state.
bool is_rebel_word(std::string_view w) {
    static const word_set rebels{"houthi", "houthis", "rebel", "rebels", "militant",
                                                      "insurgent", "shabab", "al-shabab", "jihadist", "opposition"};
    return rebels.contains(w);
}

bool is_title_abbreviation(std::string_view w) {
    return w == "sgt" || w == "lt" || w == "capt" || w == "dr" || w == "col" || w == "gen" || w == "mr" || w == "mrs" ||
           w == "ms" || w == "maj" || w == "det" || w == "cpl" || w == "sen" || w == "rep" || w == "gov";
}

// True when only blanks lie between words i and i + 1 (no comma, full stop, dash), or
// the full stop of a title ("Sgt. Carla Brennan").
bool blank_gap(std::string_view text, const std::vector<word>& ws, std::size_t i) {
    const bool abbreviation = is_title_abbreviation(ws[i].lower);
    for (std::size_t b = ws[i].end; b < ws[i + 1].begin && b < text.size(); ++b) {
        if (text[b] == ' ') continue;
        if (text[b] == '.' && abbreviation && b == ws[i].end) continue;
        return false;
    }
    return true;
}

bool gap_has_comma(std::string_view text, const std::vector<word>& ws, std::size_t i) {
    for (std::size_t b = ws[i].end; b < ws[i + 1].begin && b < text.size(); ++b)
        if (text[b] == ',') return true;
    return false;
}

bool taken_at(const std::vector<std::pair<std::size_t, std::size_t>>& taken, std::size_t k) {
    for (const auto& [b, e] : taken)
        if (k >= b && k < e) return true;
    return false;
}

// Words that end the names of organisations, never of people ("Al-Thawra Hospital").
bool is_organisation_word(std::string_view w, std::uint64_t hash) {
    static const word_set words{
        "hospital", "police", "ministry", "department", "office", "agency", "center", "centre", "council", "army",
        "forces", "force", "committee", "service", "services", "command", "group", "network", "observatory",
        "news", "media", "tv", "television", "radio", "county", "state", "province", "city", "district", "region",
        "coalition", "front", "brigade", "brigades", "movement", "party", "government", "authority", "university",
        "school", "camp", "airport", "market", "street", "avenue", "road", "mosque", "church", "square"};
    return words.contains(w, hash);
}

// A word that may be part of a person's name: capitalised ("Diane", "Al-Hamzi") or an
// Arabic article joined to a capitalised name ("al-Hamzi"), and no common word.
bool name_word(std::string_view text, const word& w) {
    const auto lw = w.lower;
    if (w.digits || lw.size() < 2) return false;
    // (the word's own hash: this runs at every word of a sentence with a figure)
    if (w.has(w_date) || w.has(w_report) || is_stop_capital(lw, w.hash) || is_role_noun(lw, w.hash) ||
        is_organisation_word(lw, w.hash))
        return false;
    if (w.capital) return true;
    if ((lw.rfind("al-", 0) == 0 || lw.rfind("el-", 0) == 0) && w.begin + 3 < text.size() && ascii_upper(text[w.begin + 3]))
        return true;
    return false;
}

}  // namespace

bool is_role_word(std::string_view lower) {
    return is_role_noun(lower) || (lower.size() > 1 && lower.back() == 's' && is_role_noun(lower.substr(0, lower.size() - 1)));
}

source_reader::source_reader(const registry::source_registry& registry, const registry::world_gazetteer* world)
    : m_registry(registry) {
    if (world && !world->empty()) {
        m_world = world;
        // countries come first in the index; those without a pack get a made one, so that
        // "police said" in a Kenyan report is "Kenya Police" as in an Iraqi one
        std::uint32_t n = 0;
        while (n < world->size() && world->entity(n).kind == registry::world_kind::country) ++n;
        m_world_countries.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto code = world->code(i);
            if (const auto* c = registry.find_country(code); c && c->code == code) {
                m_world_by_entity.emplace(i, c);
                continue;
            }
            registry::country c;
            c.name = std::string(world->name(i));
            c.code = std::string(code);
            m_world_countries.push_back(std::move(c));
            m_world_by_entity.emplace(i, &m_world_countries.back());
        }
    }
    for (const auto& b : registry.bodies()) {
        for (const auto& written : b.written) {
            body_form f;
            f.words = form_words(written);
            if (f.words.empty()) continue;
            f.body = &b;
            f.needs_capital = b.title.empty() && ascii_upper(written[0]);
            // "sheriff's office" also as words_of cuts a curly apostrophe: "sheriff", "s", "office"
            body_form split = f;
            split.words.clear();
            for (const auto& w : f.words) {
                if (w.size() > 2 && w.substr(w.size() - 2) == "'s") {
                    split.words.push_back(w.substr(0, w.size() - 2));
                    split.words.push_back("s");
                } else {
                    split.words.push_back(w);
                }
            }
            const bool has_split = split.words.size() != f.words.size();
            m_bodies_by_first[f.words.front()].push_back(std::move(f));
            if (has_split) m_bodies_by_first[split.words.front()].push_back(std::move(split));
        }
    }
    for (auto& [first, list] : m_bodies_by_first) {
        std::stable_sort(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.words.size() > y.words.size(); });
        for (auto& f : list)
            for (const auto& w : f.words) f.hashes.push_back(word_hash(w));
        m_bodies_by_hash.insert(word_hash(first), first) = &list;
    }
    for (const auto& c : registry.countries()) {
        std::vector<std::string> spellings{c.name};
        spellings.insert(spellings.end(), c.written.begin(), c.written.end());
        for (const auto& sp : spellings) {
            const auto ws = form_words(sp);
            if (ws.size() == 1) m_country_words.emplace(ws.front(), &c);
        }
    }
    const auto role_body = [&](std::initializer_list<const char*> words, const char* body_id) {
        if (const auto* b = registry.find_body_id(body_id))
            for (const char* w : words) m_role_bodies.emplace(w, b);
    };
    role_body({"police", "policeman", "policewoman", "levies"}, "police");
    role_body({"sheriff", "sheriff's", "deputy's"}, "sheriff");
    role_body({"coroner", "coroner's"}, "coroner");
    role_body({"examiner", "examiner's"}, "medical_examiner");
    role_body({"prosecutor", "prosecutor's", "prosecutors"}, "prosecutor");
    role_body({"hospital", "doctor", "dr", "surgeon", "physician"}, "hospital");
    role_body({"army", "military"}, "army");
    role_body({"interior"}, "interior_ministry");
    role_body({"defence", "defense"}, "defence_ministry");
    role_body({"rescue", "emergency", "ambulance"}, "civil_defence");
    // "the provincial governor said": the registry's unnamed officials
    m_local_officials = registry.find("Local officials");
}

const registry::country* source_reader::country_word(std::string_view lower) const {
    auto it = m_country_words.find(std::string(lower));
    if (it == m_country_words.end()) it = m_country_words.find(std::string(without_possessive(lower)));
    if (it != m_country_words.end()) return it->second;
    return world_country(without_possessive(lower));
}

const registry::country* source_reader::world_country(std::string_view written) const {
    if (!m_world || written.size() < 3) return nullptr;
    const auto g = m_world->find(registry::world_key(written));
    if (g == registry::no_place) return nullptr;
    const registry::country* found = nullptr;
    std::uint32_t found_population = 0, division_population = 0;
    for (const auto e : m_world->entries(g)) {
        const auto& ent = m_world->entity(registry::entry_entity(e));
        if (ent.kind == registry::world_kind::division) division_population = std::max(division_population, ent.population);
        if (ent.kind != registry::world_kind::country || registry::entry_form(e) == registry::name_form::abbreviation) continue;
        const auto it = m_world_by_entity.find(registry::entry_entity(e));
        if (it != m_world_by_entity.end() && !found) {
            found = it->second;
            found_population = ent.population;
        }
    }
    // a state or province of that name more populous than the country is more often
    // meant ("Georgia police"); Niger the country is larger than Niger State
    return found && division_population >= found_population && division_population > 0 ? nullptr : found;
}

const registry::country* source_reader::country_of_code(std::string_view code) const {
    if (code.empty()) return nullptr;
    if (const auto* c = m_registry.find_country(code); c && c->code == code) return c;
    for (const auto& c : m_world_countries)
        if (c.code == code) return &c;
    return nullptr;
}

const registry::country* source_reader::country_of_text(std::string_view text) const {
    const auto* listed = m_registry.country_of_text(text);
    if (!m_world) return listed;
    // the world countries written in capitals, longest name first ("South Sudan" before "Sudan")
    const std::string lower = lower_case_of(text);
    const auto ws = words_of(text, {0, text.size()}, lower);
    std::vector<std::pair<const registry::country*, std::size_t>> counts;  // country, count; in order first written
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (!ws[i].capital || ws[i].digits) continue;
        for (std::size_t len = std::min<std::size_t>(4, ws.size() - i); len >= 1; --len) {
            bool joined = true;
            for (std::size_t j = i; j + 1 < i + len && joined; ++j) joined = blank_gap(text, ws, j);
            if (!joined || !ws[i + len - 1].capital) continue;
            const auto* c = world_country(without_possessive(text.substr(ws[i].begin, ws[i + len - 1].end - ws[i].begin)));
            if (!c) continue;
            auto at = std::find_if(counts.begin(), counts.end(), [&](const auto& p) { return p.first == c; });
            if (at == counts.end()) counts.emplace_back(c, 1);
            else ++at->second;
            i += len - 1;
            break;
        }
    }
    const registry::country* best = nullptr;
    std::size_t best_count = 0, listed_count = 0;
    for (const auto& [c, n] : counts) {
        if (n > best_count) best = c, best_count = n;
        if (c == listed) listed_count = n;
    }
    // the registry's reading (which also knows main cities and FA-KES spellings) stands
    // unless a country it has no pack for is written more often
    if (!listed) return best;
    const bool unlisted = best && std::none_of(m_registry.countries().begin(), m_registry.countries().end(),
                                               [&](const registry::country& c) { return &c == best; });
    return unlisted && best_count > listed_count ? best : listed;
}

std::pair<const registry::country*, std::size_t> source_reader::country_before(
    std::string_view text, const std::vector<word>& ws, std::size_t k,
    const std::vector<std::pair<std::size_t, std::size_t>>& taken) const {
    // the possessive written with a curly apostrophe is a word of its own ("Haiti", "s")
    std::size_t end = k;
    if (end >= 2 && ws[end - 1].lower == "s" && ws[end - 2].end + 3 >= ws[end - 1].begin && !blank_gap(text, ws, end - 2)) --end;
    else if (end == 0 || !blank_gap(text, ws, end - 1)) return {nullptr, k};
    if (end < k && !blank_gap(text, ws, k - 1)) return {nullptr, k};
    for (std::size_t len = std::min<std::size_t>(5, end); len >= 1; --len) {
        const std::size_t b = end - len;
        if (!ws[b].capital || !ws[end - 1].capital) continue;
        bool ok = true;
        for (std::size_t j = b; j < end && ok; ++j) {
            ok = !taken_at(taken, j) && !ws[j].digits && (j + 1 == end || blank_gap(text, ws, j));
            // inner words of a country's name: "Republic of the Congo"
            ok = ok && (ws[j].capital || ws[j].lower == "of" || ws[j].lower == "the");
        }
        if (!ok) continue;
        const std::string_view form = without_possessive(text.substr(ws[b].begin, ws[end - 1].end - ws[b].begin));
        if (len == 1) {
            if (const auto* c = country_word(ws[b].lower)) return {c, b};
            continue;
        }
        if (const auto* c = m_registry.find_country(form); c && form.size() > 2) return {c, b};
        if (const auto* c = world_country(form)) return {c, b};
    }
    return {nullptr, k};
}

const source_reader::body_form* source_reader::body_at(const std::vector<word>& ws, std::size_t k) const {
    const auto* found = m_bodies_by_hash.find(ws[k].hash, ws[k].lower);
    // found by the word as written, every form of the list starts with it; found without its
    // possessive ("army's"), only a form of that one word ends there
    const bool as_written = found != nullptr;
    if (!found) {
        const auto bare = without_possessive(ws[k].lower);
        if (bare.size() != ws[k].lower.size()) found = m_bodies_by_hash.find(word_hash(bare), bare);
    }
    if (!found) return nullptr;
    for (const auto& f : **found) {
        if (k + f.words.size() > ws.size()) continue;
        if (f.needs_capital && !ws[k].capital) continue;
        if (!as_written && f.words.size() != 1) continue;
        bool ok = true;
        for (std::size_t j = 1; j < f.words.size() && ok; ++j) {
            ok = ws[k + j].hash == f.hashes[j] && ws[k + j].lower == f.words[j];
            // the last word may carry a possessive: "the Ukrainian army's southern command"
            if (!ok && j + 1 == f.words.size() && ws[k + j].lower.size() > 2 && ws[k + j].lower.back() == 's')
                ok = without_possessive(ws[k + j].lower) == f.words[j];
        }
        if (ok) return &f;
    }
    return nullptr;
}

void source_reader::bodies(std::string_view text, const std::vector<word>& ws,
                           const std::vector<std::pair<std::size_t, std::size_t>>& taken, std::vector<read_source>& out) const {
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (taken_at(taken, k)) continue;
        const body_form* f = body_at(ws, k);
        if (!f) continue;
        bool overlaps = false;
        for (std::size_t j = k; j < k + f->words.size(); ++j) overlaps = overlaps || taken_at(taken, j);
        if (overlaps) continue;
        read_source r;
        r.body = f->body;
        r.wb = k;
        r.we = k + f->words.size();
        // "Iraq's health ministry", "the Somali army", "Burkina Faso's army": a country
        // written just before
        if (k > 0) {
            const auto [c, cb] = country_before(text, ws, k, taken);
            if (c) {
                r.country = c;
                r.wb = cb;
            }
        }
        // "Homestead police", "the Cuyahoga County Medical Examiner's Office": a local name,
        // for bodies that exist locally (not "Hezbollah military spokesman")
        if (!r.country && !r.body->local_title.empty() && f->words.front() != "local") {
            std::size_t b = k;
            while (b > 0 && k - b < 4 && !taken_at(taken, b - 1) && blank_gap(text, ws, b - 1) && ws[b - 1].capital &&
                   !ws[b - 1].digits && !ws[b - 1].has(w_date) && !ws[b - 1].has(w_report) && !country_word(ws[b - 1].lower))
                --b;
            // common words open sentences and titles ("The", "Earlier"), never a name: trimmed
            // from the left ("The Shelby County" -> "Shelby County", "Mirwais Regional" stays)
            while (b < k && is_stop_capital(ws[b].lower)) ++b;
            if (b < k) {
                r.local = std::string(text.substr(ws[b].begin, ws[k - 1].end - ws[b].begin));
                r.wb = b;
            }
        }
        // "the Arakan Army", "the Kachin Independence Army": an army named by words that
        // name no country is an armed group, as written
        if (!r.country && r.body->id == "army" && f->words.size() == 1 && ws[k].capital && k > 0) {
            std::size_t b = k;
            while (b > 0 && k - b < 4 && !taken_at(taken, b - 1) && blank_gap(text, ws, b - 1) && ws[b - 1].capital &&
                   !ws[b - 1].digits && !ws[b - 1].has(w_date) && !ws[b - 1].has(w_report) && !country_word(ws[b - 1].lower))
                --b;
            while (b < k && is_stop_capital(ws[b].lower)) ++b;
            const bool after_country = b > 0 && blank_gap(text, ws, b - 1) && country_word(ws[b - 1].lower);
            if (b < k && !after_country) {
                r.person = std::string(text.substr(ws[b].begin, ws[k].end - ws[b].begin));
                r.person_type = "rebel_group";
                r.wb = b;
            }
        }
        if (r.body->title.empty() && r.local.empty()) continue;  // "the hospital": no body by itself
        out.push_back(std::move(r));
        k += f->words.size() - 1;
    }
}

void source_reader::people(std::string_view text, const std::vector<word>& ws,
                           const std::vector<std::pair<std::size_t, std::size_t>>& taken, std::vector<read_source>& out) const {
    const std::size_t n = ws.size();
    // the role words around a name: lower-case words and titles, back from `end` (exclusive)
    // to a determiner, a verb or punctuation; at most six
    auto role_before = [&](std::size_t end) {
        std::size_t b = end;
        while (b > 0 && end - b < 6 && (b == end || blank_gap(text, ws, b - 1))) {
            const auto w = ws[b - 1].lower;
            if (w == "a" || w == "an" || w == "the" || is_report_verb(w) || ws[b - 1].digits) break;
            --b;
        }
        return b;
    };
    auto has_role_noun = [&](std::size_t b, std::size_t e) {
        for (std::size_t j = b; j < e; ++j)
            if (is_role_noun(ws[j].lower) || (ws[j].lower.size() > 1 && is_role_noun(ws[j].lower.substr(0, ws[j].lower.size() - 1)) &&
                                              ws[j].lower.back() == 's'))
                return true;
        return false;
    };
    auto make = [&](std::size_t name_b, std::size_t name_e, std::size_t role_b, std::size_t role_e, bool speaker) {
        read_source r;
        r.person = std::string(text.substr(ws[name_b].begin, ws[name_e - 1].end - ws[name_b].begin));
        r.wb = std::min(name_b, role_b);
        r.we = std::max(name_e, role_e);
        r.speaker = speaker;
        std::string role;
        bool rebel = false, past_noun = false;
        for (std::size_t j = role_b; j < role_e; ++j) {
            const auto w = ws[j].lower;
            if (!role.empty()) role += ' ';
            role += std::string(w);
            if (is_rebel_word(w)) rebel = true;
            if (const auto* c = country_word(w); c && !r.country) r.country = c;
            // the body is named before the role noun ("police spokesman", "sheriff's Sgt."),
            // not in what follows it ("head of the regional military administration")
            if (!r.body && !past_noun) {
                if (const auto it = m_role_bodies.find(std::string(w)); it != m_role_bodies.end()) r.body = it->second;
            }
            past_noun = past_noun || is_role_noun(w);
        }
        // the role is a listed source ("media activist": Activists)
        if (const auto* s = m_registry.find_alias(role)) r.listed = s;
        r.person_type = rebel ? "rebel_group" : r.body ? r.body->type : "official";
        // an official of a named country speaks for its government when the registry
        // lists one ("Ercan Topaca the Governor of Hatay a Turkish province": Turkish government)
        if (!r.listed && r.person_type == "official" && r.country) {
            if (const auto it = r.country->bodies.find("government"); it != r.country->bodies.end())
                r.listed = m_registry.find(it->second);
        }
        out.push_back(std::move(r));
    };
    unnamed_officials(text, ws, taken, out);
    named_organisations(text, ws, taken, out);
    for (std::size_t i = 0; i < n; ++i) {
        if (taken_at(taken, i) || !name_word(text, ws[i])) continue;
        std::size_t e = i;
        while (e < n && e - i < 4 && (e == i || blank_gap(text, ws, e - 1)) && !taken_at(taken, e) && name_word(text, ws[e])) ++e;
        if (e - i < 2 || e - i > 3) {  // one word is too often not a name; four too often a title
            i = e > i ? e - 1 : i;
            continue;
        }
        // the name must not continue into a body or a country ("Cuyahoga County Medical Examiner")
        if (e < n && blank_gap(text, ws, e - 1) && (body_at(ws, e) || ws[e].capital)) {
            i = e - 1;
            continue;
        }
        const bool comma_before = i > 0 && gap_has_comma(text, ws, i - 1);
        const bool comma_after = e < n && gap_has_comma(text, ws, e - 1);
        // P1 "police spokesman Musa Garba said", "said media activist Yaarab Dali"
        if (i > 0 && !comma_before && blank_gap(text, ws, i - 1)) {
            const std::size_t rb = role_before(i);
            if (rb < i && has_role_noun(rb, i)) {
                const bool verb_after = e < n && ws[e].has(w_report) && ws[e].lower != "according";
                const bool verb_before = rb > 0 && is_report_verb(ws[rb - 1].lower);
                // "Police Lieutenant Colonel Ramon Dizon, the city police director, said": an
                // apposition between commas, then the verb
                std::size_t apposition_end = 0;
                if (comma_after && e < n && (ws[e].lower == "the" || ws[e].lower == "a" || ws[e].lower == "an")) {
                    for (std::size_t v = e + 1; v < n && v - e <= 8 && !ws[v].digits; ++v) {
                        if (!gap_has_comma(text, ws, v - 1)) continue;
                        if (ws[v].has(w_report) && ws[v].lower != "according") apposition_end = v;
                        break;
                    }
                }
                if (verb_after || verb_before || apposition_end) {
                    make(i, e, rb, i, true);
                    // the apposition is the person's: its words ("the city police director") are no
                    // other source, and name the body a role before the name did not
                    auto& r = out.back();
                    r.we = std::max(r.we, apposition_end);
                    for (std::size_t j = e; j < apposition_end && !r.body && !r.listed && r.person_type == "official"; ++j) {
                        const auto it = m_role_bodies.find(std::string(without_possessive(ws[j].lower)));
                        if (it == m_role_bodies.end()) continue;
                        r.body = it->second;
                        r.person_type = it->second->type;
                    }
                }
                i = e - 1;
                continue;
            }
        }
        // P4 "Ercan Topaca the Governor of Hatay ... told": a name opening the sentence, its
        // role after "the", a report verb before any figure
        if (i == 0 && e + 1 < n && ws[e].lower == "the" && blank_gap(text, ws, e - 1)) {
            std::size_t v = e + 1;
            while (v < n && v - e < 20 && !ws[v].has(w_report) && !ws[v].digits && !ws[v].has(w_killed) && !ws[v].has(w_injured))
                ++v;
            if (v < n && ws[v].has(w_report) && ws[v].lower != "according" && has_role_noun(e + 1, v)) {
                make(i, e, e + 1, v, true);
                i = e - 1;
                continue;
            }
        }
        // P2 "said Ahmed al-Hamzi, a health official in the city"
        if (comma_after && i > 0 && is_report_verb(ws[i - 1].lower)) {
            std::size_t rb = e, re = e;
            if (re < n && (ws[re].lower == "a" || ws[re].lower == "an" || ws[re].lower == "the")) rb = ++re;
            while (re < n && re - rb < 6 && (re == rb || blank_gap(text, ws, re - 1)) && !ws[re].digits) ++re;
            if (has_role_noun(rb, re)) make(i, e, rb, re, true);
            i = e - 1;
            continue;
        }
        // P3 "a Taliban government spokesman, Abdul Wali Karimi, said"
        if (comma_before && comma_after && e < n && ws[e].has(w_report) && ws[e].lower != "according") {
            // the role ends at the word before the first comma: back to a determiner
            std::size_t start = i;
            while (start > 0 && i - start < 6 && (start == i || blank_gap(text, ws, start - 1))) {
                const auto w = ws[start - 1].lower;
                // a named source is part of this role ("a Taliban government spokesman, ...")
                if (w == "a" || w == "an" || w == "the" || is_report_verb(w) || ws[start - 1].digits) break;
                --start;
            }
            if (has_role_noun(start, i)) make(i, e, start, i, true);
            i = e - 1;
            continue;
        }
        i = e - 1;
    }
}

void source_reader::named_organisations(std::string_view text, const std::vector<word>& ws,
                                        const std::vector<std::pair<std::size_t, std::size_t>>& taken,
                                        std::vector<read_source>& out) const {
    const std::size_t n = ws.size();
    for (std::size_t k = 1; k < n; ++k) {
        if (!ws[k].capital || !is_organisation_head(ws[k].lower) || taken_at(taken, k)) continue;
        // back over the capitalised words of the name ("of", "for", "and" inside it)
        std::size_t b = k;
        while (b > 0 && k - b < 6 && blank_gap(text, ws, b - 1) && !taken_at(taken, b - 1) && !ws[b - 1].digits &&
               (ws[b - 1].capital || ws[b - 1].lower == "of" || ws[b - 1].lower == "for" || ws[b - 1].lower == "and"))
            --b;
        // words opening a sentence are no part of the name; "National", "Provincial" are
        while (b < k && (!ws[b].capital || is_sentence_opener(ws[b].lower))) ++b;
        if (b == k) continue;  // "the Office said": one word is no name
        // right after a named source it is part of that one ("the U.N. Security Council")
        if (b > 0 && taken_at(taken, b - 1) && ws[b].begin - ws[b - 1].end <= 2 && !gap_has_comma(text, ws, b - 1)) continue;
        // a body or a country inside is read as one ("Metro Nashville Police Department",
        // "Yemen's health ministry"); a day or a report word is no name
        // "the Ethiopian Human Rights Commission": a country word may open the name
        bool plain = true;
        for (std::size_t j = b; j < k && plain; ++j)
            plain = !body_at(ws, j) && (j == b || !country_word(ws[j].lower)) && !ws[j].has(w_date) && !ws[j].has(w_report);
        plain = plain && !(k - b == 1 && country_word(ws[b].lower));  // "the Kenyan Office" is no name
        if (!plain) continue;
        // a speaker: a report verb right after, or "according to" right before
        const bool verb_after = k + 1 < n && is_report_verb(ws[k + 1].lower) && blank_gap(text, ws, k);
        std::size_t open = b;
        if (open > 0 && ws[open - 1].lower == "the") --open;
        const bool according = open >= 2 && ws[open - 2].lower == "according" && ws[open - 1].lower == "to";
        if (!verb_after && !according) continue;
        read_source r;
        r.wb = b;
        r.we = k + 1;
        r.person = std::string(text.substr(ws[b].begin, ws[k].end - ws[b].begin));
        r.person_type = std::string(organisation_type(ws, b, k + 1));
        r.speaker = verb_after;
        out.push_back(std::move(r));
    }
}

void source_reader::unnamed_officials(std::string_view text, const std::vector<word>& ws,
                                      const std::vector<std::pair<std::size_t, std::size_t>>& taken,
                                      std::vector<read_source>& out) const {
    if (!m_local_officials) return;
    const std::size_t n = ws.size();
    for (std::size_t k = 1; k + 1 < n; ++k) {
        if (!is_official_role(without_possessive(ws[k].lower)) || taken_at(taken, k) || !blank_gap(text, ws, k)) continue;
        // the verb right after: "the provincial governor said", "the state information minister
        // told", "the mayor's office said"
        std::size_t verb = k + 1;
        if (ws[verb].lower == "office" && without_possessive(ws[k].lower) != ws[k].lower && verb + 1 < n && blank_gap(text, ws, verb))
            ++verb;
        if (!is_report_verb(ws[verb].lower)) continue;
        // back over lower-case modifiers to the determiner: "the state information minister"
        std::size_t b = k;
        while (b > 0 && k - b < 4 && blank_gap(text, ws, b - 1) && !taken_at(taken, b - 1) && !ws[b - 1].capital &&
               !ws[b - 1].digits && ws[b - 1].lower != "the" && ws[b - 1].lower != "a" && ws[b - 1].lower != "an")
            --b;
        if (b == 0 || !blank_gap(text, ws, b - 1) || (ws[b - 1].lower != "the" && ws[b - 1].lower != "a" && ws[b - 1].lower != "an"))
            continue;
        read_source r;
        r.wb = b - 1;
        r.we = verb;
        r.speaker = true;
        // a body the modifiers name is the speaker's ("the state police commissioner"):
        // left to bodies(); the rest speak for no named body
        bool body = false;
        for (std::size_t j = b; j < k; ++j) body = body || m_role_bodies.count(std::string(ws[j].lower)) > 0;
        if (body) continue;
        r.listed = m_local_officials;
        out.push_back(std::move(r));
    }
}

std::string source_reader::name_of(const read_source& r, const registry::country* article_country) const {
    if (!r.person.empty()) return r.listed ? r.listed->name : r.person;
    if (r.listed && !r.body) return r.listed->name;
    if (!r.body) return {};
    const registry::country* c = r.country ? r.country : article_country;
    return m_registry.body_source(*r.body, c, r.local);
}

std::string source_reader::type_of(const read_source& r) const {
    if (!r.person.empty()) return r.listed ? r.listed->type : r.person_type;
    if (r.listed && !r.body) return r.listed->type;
    return r.body ? r.body->type : std::string();
}

}  // namespace reckon::extract
