// Sources reader (sources.hpp).
#include "extract/sources.hpp"

#include <algorithm>
#include <tuple>

namespace reckon::extract {

namespace {

// Verbs that give a figure besides the report words of text.cpp ("SANA gave a toll of",
// "puts the death toll at", "accused government forces of killing").
bool gives_figure(std::string_view w) {
    return w == "gave" || w == "gives" || w == "put" || w == "puts" || w == "putting" || w == "accused" ||
           w == "accuses" || w == "warned" || w == "recorded" || w == "counted" || w == "tallied" || w == "raised" ||
           w == "identified";
}

// True when a report verb follows mention m before anything else can be the speaker: a
// few words that describe it ("a source at Daraa province told", "The UK-based Syrian
// Observatory for Human Rights said"), never past another source, a number or an outcome.
bool speaks_after(const std::vector<word>& ws, const std::vector<source_mention>& mentions, const source_mention& m) {
    // the subject of its sentence may be described at length ("An activist in Deir al-Zour
    // who spoke on condition of anonymity told Reuters")
    std::size_t reach = m.wb <= 1 ? 12 : 5;
    for (std::size_t j = m.we; j < std::min(ws.size(), m.we + reach); ++j) {
        if ((ws[j].has(w_report) && ws[j].lower != "according") || gives_figure(ws[j].lower)) return true;
        if (ws[j].digits || ws[j].has(w_killed) || ws[j].has(w_injured) || ws[j].has(w_missing)) return false;
        // never past another source, unless joined to it ("a monitor and rebels said")
        const bool joined = j > m.we && (ws[j - 1].lower == "and" || ws[j - 1].lower == "or");
        bool skipped = false;
        for (const auto& o : mentions) {
            if (o.wb != j || o.pronoun) continue;
            if (!joined) return false;
            // the joined source is one subject with this one: the reach starts again after
            // it ("residents and a local resistance group said", "a war monitor and
            // medical workers in the rebel-held area said")
            reach = o.we - m.we + 5;
            j = o.we - 1;
            skipped = true;
            break;
        }
        if (skipped) continue;
        // beyond three words only a description: no clause of its own
        if (j >= m.we + 3 && (ws[j].before == ',' || ws[j].before == '"')) return false;
    }
    return false;
}

// Named people and bodies of a sentence (source_reading.hpp) as mentions, outside the
// registry's named sources. A person right after a named source speaks for it ("Director
// of Daraa National Hospital Dr. Farid al-Asfar told SANA": Medical sources).
void read_unlisted_sources(article_context& ax, sentence_info& si) {
    const auto& reader = *ax.tables.source_reading;
    const auto& ws = si.words;
    std::vector<std::pair<std::size_t, std::size_t>> taken;
    for (const auto& m : si.sources) taken.emplace_back(m.wb, m.we);
    std::vector<read_source> found;
    reader.people(ax.text, ws, taken, found);
    const std::size_t people = found.size();
    // bodies outside people; a body longer than a named source inside it wins ("state
    // media" over "media"), one that overlaps a named source otherwise loses
    std::vector<std::pair<std::size_t, std::size_t>> people_ranges;
    for (std::size_t i = 0; i < people; ++i) people_ranges.emplace_back(found[i].wb, found[i].we);
    reader.bodies(ax.text, ws, people_ranges, found);
    for (std::size_t i = people; i < found.size(); ++i) {
        const auto& r = found[i];
        bool loses = false;
        for (const auto& m : si.sources)
            if (m.wb < r.we && r.wb < m.we && !(r.wb <= m.wb && m.we <= r.we && m.we - m.wb < r.we - r.wb)) loses = true;
        if (loses) {
            found.erase(found.begin() + static_cast<std::ptrdiff_t>(i--));
            continue;
        }
        si.sources.erase(std::remove_if(si.sources.begin(), si.sources.end(),
                                        [&](const source_mention& m) { return r.wb <= m.wb && m.we <= r.we; }),
                         si.sources.end());
    }
    for (std::size_t i = 0; i < found.size(); ++i) {
        const auto& r = found[i];
        // right after a named source, a body is part of it ("Hezbollah military spokesman");
        // a person whose role is a named source that is itself a role speaks for it
        // ("Director of Daraa National Hospital Dr. Farid al-Asfar", "media activist Yaarab
        // Dali"), not one whose role only names an organisation ("a Taliban government
        // spokesman, Abdul Wali Karimi")
        auto part_of = [&](const source_mention& m) {
            if (!m.name.empty() || m.pronoun) return false;
            if (i >= people) {
                return m.we == r.wb && r.wb > 0 &&
                       ax.text.substr(ws[r.wb - 1].end, ws[r.wb].begin - ws[r.wb - 1].end).find_first_not_of(' ') == std::string_view::npos;
            }
            if (!(m.we == r.wb || (r.wb <= m.wb && m.we <= r.we))) return false;
            for (std::size_t j = m.wb; j < m.we; ++j)
                if (is_role_word(ws[j].lower)) return true;
            return false;
        };
        if (auto listed = std::find_if(si.sources.begin(), si.sources.end(), part_of); listed != si.sources.end()) {
            listed->wb = std::min(listed->wb, r.wb);
            listed->we = std::max(listed->we, r.we);
            listed->speaker = listed->speaker || r.speaker;
            continue;
        }
        source_mention m;
        // an unqualified body is the article's country's: read the country only then
        // (armies fight abroad: theirs is the country the article's words name most)
        const bool armed = r.body && (r.body->id == "army" || r.body->id == "defence_ministry");
        const registry::country* country =
            r.person.empty() && !r.country ? (armed ? ax.text_country() : ax.article_country()) : nullptr;
        m.name = reader.name_of(r, country);
        m.type = reader.type_of(r);
        if (m.name.empty()) continue;
        if (r.listed) {
            m.source = static_cast<std::size_t>(r.listed - ax.ctx.sources->sources().data());
            m.name.clear();
            m.type.clear();
        }
        m.wb = r.wb;
        m.we = r.we;
        m.speaker = r.speaker;
        si.sources.push_back(std::move(m));
    }
}

}  // namespace

void find_sources(article_context& ax, std::size_t s, sentence_info& si) {
    const auto& ws = si.words;
    // "Missiles kill 26 pro-regime fighters in Syria including Iranians: monitor"
    if (ax.ctx.sources && ax.sentences[s].line_alone) {
        const auto line = ax.sentences[s].span.of(ax.text);
        const auto colon = line.rfind(':');
        if (colon != std::string_view::npos && line.size() - colon < 40) {
            std::string tail(line.substr(colon + 1));
            const registry::source* src = ax.ctx.sources->find_alias(tail);
            if (!src) src = ax.ctx.sources->find_alias("the " + tail.substr(tail.find_first_not_of(' ') == std::string::npos ? 0 : tail.find_first_not_of(' ')));
            if (src) {
                source_mention m;
                m.source = static_cast<std::size_t>(src - ax.ctx.sources->sources().data());
                m.speaker = true;
                const std::size_t tail_begin = ax.sentences[s].span.begin + colon + 1;
                m.wb = static_cast<std::size_t>(std::lower_bound(ws.begin(), ws.end(), tail_begin, [](const word& w, std::size_t p) { return w.begin < p; }) - ws.begin());
                m.we = ws.size();
                if (m.wb < m.we) {
                    si.sources.push_back(m);
                    return;
                }
            }
        }
    }
    if (ax.ctx.sources) {
        for (std::size_t k = 0; k < ws.size();) {
            if (!ax.tables.may_open(ws[k].lower)) {
                ++k;
                continue;
            }
            std::size_t matched = 0;
            for (int attempt = 0; attempt < 2 && !matched; ++attempt) {
                if (attempt == 0 && k + 1 >= ws.size()) continue;
                const std::uint64_t key = attempt == 0 ? pair_hash(ws[k].hash, ws[k + 1].hash) : ws[k].hash;
                const auto* list = ax.tables.forms_by_first.find(key, {});
                if (!list) continue;
                for (const auto& form : *list) {
                    if (k + form.words.size() > ws.size()) continue;
                    bool ok = true;
                    for (std::size_t j = 0; j < form.words.size() && ok; ++j) ok = ws[k + j].lower == form.words[j];
                    if (!ok) continue;
                    // "SANA" and "WHO" written in capitals; a lower-case "who" is a pronoun
                    if (form.acronym && !ws[k].capital) continue;
                    if (form.acronym && ws[k].end - ws[k].begin > 1 && ascii_lower_case(ax.text[ws[k].begin + 1]) &&
                        ws[k].lower.size() <= 3)
                        continue;  // "Is", "Who" at a sentence start
                    source_mention m;
                    m.source = form.source;
                    m.wb = k;
                    m.we = k + form.words.size();
                    si.sources.push_back(m);
                    matched = form.words.size();
                    break;
                }
            }
            k += matched ? matched : 1;
        }
    }
    // sources the registry does not list by name: named people, then bodies outside them
    // ("police spokesman Musa Garba": the person), qualified by the words next to them or
    // by the article's country (docs/sources.md)
    if (ax.tables.source_reading) read_unlisted_sources(ax, si);
    // "The ministry said": the ministry named before, as a pronoun restricted to ministries
    for (std::size_t k = 0; k + 2 < ws.size(); ++k) {
        if (ws[k].lower != "the" || (ws[k + 1].lower != "ministry" && ws[k + 1].lower != "department")) continue;
        if (!ws[k + 2].has(w_report) || ws[k + 2].lower == "according") continue;
        if (std::any_of(si.sources.begin(), si.sources.end(), [&](const source_mention& m) { return m.wb <= k + 1 && k < m.we; }))
            continue;
        source_mention m;
        m.pronoun = true;
        m.speaker = true;
        m.type = "ministry";  // what it must refer to (attribute())
        m.wb = k;
        m.we = k + 2;
        si.sources.push_back(m);
    }
    // pronoun speakers: "he said", "he added", "it acknowledged", "its overall death toll"
    for (std::size_t k = 0; k + 1 < ws.size(); ++k) {
        if (!ws[k].has(w_pronoun)) continue;
        const auto& w = ws[k].lower;
        const auto& v = ws[k + 1].lower;
        const bool says = v == "said" || v == "added" || v == "told" || v == "says" || v == "acknowledged" ||
                          v == "admitted" || v == "estimated" || v == "reported" || v == "warned" || v == "gave" ||
                          v == "put" || v == "puts";
        const bool its_toll = (w == "its" || w == "their") &&
                              (v == "toll" || (k + 2 < ws.size() && ws[k + 2].lower == "toll") ||
                               (k + 3 < ws.size() && ws[k + 3].lower == "toll"));
        if (((w == "he" || w == "she" || w == "it" || w == "they") && says) || its_toll) {
            source_mention m;
            m.pronoun = true;
            m.speaker = true;
            m.wb = k;
            m.we = k + 1;
            si.sources.push_back(m);
        }
    }
    std::sort(si.sources.begin(), si.sources.end(), [](const auto& x, const auto& y) { return x.wb < y.wb; });
    for (auto& m : si.sources) {
        if (m.pronoun) continue;
        const bool told = m.wb > 0 && ws[m.wb - 1].lower == "told";
        bool quoter = false;
        for (std::size_t j = m.we; j < std::min(ws.size(), m.we + 2); ++j)
            if (ws[j].lower == "quoted" || ws[j].lower == "cited" || ws[j].lower == "quoting" || ws[j].lower == "citing") quoter = true;
        if (told || quoter) {
            m.relay = true;
            continue;
        }
        if (speaks_after(ws, si.sources, m)) m.speaker = true;
        // "... while 25 were wounded said the Syrian Observatory", "reported SANA": the mention
        // closes the clause ("says coalition strikes ..." is not an attribution to the coalition)
        const bool closes = m.we == ws.size() || ws[m.we].before == ',' || ws[m.we].lower == "adding" ||
                            ws[m.we].lower == "on" || ws[m.we].lower == "in" || ws[m.we].lower == "citing" ||
                            ws[m.we].lower == "quoting" || ws[m.we].lower == "which" || ws[m.we].lower == "who" ||
                            // "said Rami Abdel Rahman, director of the Observatory": a title in apposition
                            ws[m.we].lower == "director" || ws[m.we].lower == "head" || ws[m.we].lower == "chief" ||
                            ws[m.we].lower == "spokesman" || ws[m.we].lower == "spokeswoman" || ws[m.we].lower == "spokesperson";
        if (m.wb > 0 && closes) {
            const auto& w = ws[m.wb - 1].lower;
            if (w == "said" || w == "says" || w == "reported" || w == "reports" || w == "added" || w == "stated" ||
                w == "announced" || w == "estimated" || w == "confirmed")
                m.speaker = true;
        }
        // "the coalition has taken direct responsibility for ..."
        for (std::size_t j = m.we; j < std::min(ws.size(), m.we + 4); ++j)
            if (ws[j].lower == "responsibility") m.speaker = true;
        // "...: monitor" closing a headline
        if (m.we == ws.size() && (ws[m.wb].before == ':' || (m.wb > 0 && ax.text[ws[m.wb].begin - 2] == ':'))) m.speaker = true;
        // "... in Syrias Deir Ezzor Monitor": a headline ending with a monitor whose colon was
        // stripped (FA-KES)
        if (m.we == ws.size() && ax.sentences[s].line_alone && m.name.empty() && ws[m.wb].capital && m.wb > 0 &&
            !ws[m.wb - 1].digits && ax.ctx.sources->sources()[m.source].type == "monitor")
            m.speaker = true;
        // "reported 15 deaths citing a statement from Istanbul-based Syrian Revolution General Commission"
        for (std::size_t j = m.wb >= 6 ? m.wb - 6 : 0; j < m.wb; ++j) {
            if (ws[j].lower != "citing" && ws[j].lower != "quoting") continue;
            bool plain = true;
            // "citing a statement from X", not "citing ... as X said"
            for (std::size_t q = j + 1; q < m.wb; ++q)
                plain = plain && !ws[q].digits && ws[q].lower != "said" && ws[q].lower != "told" && ws[q].lower != "as";
            if (plain) m.cited = true;
        }
        // "according to a statement from the Cameroonian army": what was issued lies between
        for (std::size_t j = m.wb >= 7 ? m.wb - 7 : 0; j + 3 < m.wb; ++j) {
            if (ws[j].lower != "according") continue;
            bool issued = true;
            for (std::size_t q = j + 1; q < m.wb && issued; ++q) {
                const auto& w = ws[q].lower;
                issued = w == "to" || w == "a" || w == "an" || w == "the" || w == "statement" || w == "report" ||
                         w == "figures" || w == "data" || w == "from" || w == "by" || w == "issued" || w == "released" ||
                         w == "published" || w == "latest" || w == "new";
            }
            if (issued) m.speaker = true;
        }
        for (std::size_t j = m.wb >= 3 ? m.wb - 3 : 0; j < m.wb; ++j) {
            const auto& w = ws[j].lower;
            if (w == "according" || w == "quoted" || w == "citing" || w == "cited" || w == "quoting") m.speaker = true;
            if (w == "by" && j > 0 && (ws[j - 1].lower == "reported" || ws[j - 1].lower == "published" ||
                                       ws[j - 1].lower == "released" || ws[j - 1].lower == "issued" || ws[j - 1].lower == "compiled"))
                m.speaker = true;
        }
    }
}

const std::string& canonical_outlet(article_context& ax) {
    if (!ax.outlet) {
        if (ax.art.outlet.empty()) ax.outlet = ax.detected_outlet;
        else if (const auto* s = ax.ctx.sources ? ax.ctx.sources->find_outlet(ax.art.outlet) : nullptr) ax.outlet = s->name;
        else ax.outlet = ax.art.outlet;
    }
    return *ax.outlet;
}

void attribute(article_context& ax, claim& c, const located_figure& lf, std::size_t s) {
    sentence_info& si = ax.sentence_infos[s];
    const source_mention* chosen = nullptr;
    std::vector<const source_mention*> relays;
    // a speaker before the figure whose verb comes before the figure: "X reported at least 36"
    for (const auto& m : si.sources) {
        if (!m.speaker || m.we > lf.wb) continue;
        chosen = &m;
    }
    if (chosen) {
        for (const auto& m : si.sources)
            if (m.relay) relays.push_back(&m);
        // the speaker reports what it cites: the cited source gave the figure
        for (const auto& m : si.sources) {
            if (!m.cited || m.wb < chosen->we || m.wb < lf.we) continue;
            relays.insert(relays.begin(), chosen);
            chosen = &m;
            break;
        }
    } else {
        for (const auto& m : si.sources) {
            if (m.wb < lf.we) {
                if (m.relay) relays.push_back(&m);
                continue;
            }
            if (m.speaker && !chosen) chosen = &m;
            else if (m.speaker || m.relay) relays.push_back(&m);
        }
    }
    // the name and type of a mention; a pronoun is the last named speaker before it
    auto named = [&](const source_mention& m) -> std::pair<std::string, std::string> {
        if (!m.name.empty()) return {m.name, m.type};
        const auto& src = ax.ctx.sources->sources()[m.source];
        return {src.name, src.type};
    };
    auto name_of = [&](const source_mention& m) -> std::pair<std::string, std::string> {
        if (!ax.ctx.sources) return {};
        if (m.pronoun) {
            // "he said": the last named speaker in this or the previous sentences; "the
            // ministry said": the last ministry
            auto fits = [&](const source_mention& o) {
                return o.speaker && !o.pronoun && (m.type.empty() || named(o).second.find(m.type) != std::string::npos);
            };
            for (const auto& o : si.sources)
                if (fits(o) && o.wb < m.wb) return named(o);
            for (std::size_t p = s; p-- > 0 && p + 5 > s;) {
                if (ax.sentences[p].line_alone) continue;
                const auto& pi = ax.info(p, need_sources);
                for (auto it = pi.sources.rbegin(); it != pi.sources.rend(); ++it)
                    if (fits(*it)) return named(*it);
            }
            return ax.last_speaker && fits(*ax.last_speaker) ? named(*ax.last_speaker) : std::pair<std::string, std::string>();
        }
        return named(m);
    };
    if (chosen) {
        std::tie(c.source, c.source_type) = name_of(*chosen);
        c.source_text = std::string(byte_span{si.words[chosen->wb].begin, si.words[chosen->we - 1].end}.of(ax.text));
    }
    for (const auto* r : relays) {
        const auto n = name_of(*r).first;
        if (!n.empty() && n != c.source && std::find(c.relay.begin(), c.relay.end(), n) == c.relay.end()) c.relay.push_back(n);
    }
    const auto& outlet = canonical_outlet(ax);
    if (c.source.empty()) {
        c.source = outlet;
        c.source_text.clear();
        c.source_type.clear();
        if (!outlet.empty()) {
            // an outlet the registry does not list is a news outlet all the same
            const auto* listed = ax.ctx.sources ? ax.ctx.sources->find(outlet) : nullptr;
            c.source_type = listed && !listed->type.empty() ? listed->type : "local_media";
        }
    } else if (!outlet.empty() && outlet != c.source && std::find(c.relay.begin(), c.relay.end(), outlet) == c.relay.end()) {
        c.relay.push_back(outlet);
    }
}

}  // namespace reckon::extract
