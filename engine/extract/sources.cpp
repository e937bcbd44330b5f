// Sources reader (sources.hpp).
#include "extract/sources.hpp"

#include <algorithm>

namespace reckon::extract {

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
    // pronoun speakers: "he said", "he added", "it acknowledged", "its overall death toll"
    for (std::size_t k = 0; k + 1 < ws.size(); ++k) {
        if (!ws[k].has(w_pronoun)) continue;
        const auto& w = ws[k].lower;
        const auto& v = ws[k + 1].lower;
        const bool says = v == "said" || v == "added" || v == "told" || v == "says" || v == "acknowledged" ||
                          v == "admitted" || v == "estimated" || v == "reported";
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
        for (std::size_t j = m.we; j < std::min(ws.size(), m.we + 3); ++j)
            if (ws[j].has(w_report) && ws[j].lower != "according") m.speaker = true;
        // "... while 25 were wounded said the Syrian Observatory", "reported SANA": the mention
        // closes the clause ("says coalition strikes ..." is not an attribution to the coalition)
        const bool closes = m.we == ws.size() || ws[m.we].before == ',' || ws[m.we].lower == "adding" ||
                            ws[m.we].lower == "on" || ws[m.we].lower == "in" || ws[m.we].lower == "citing" ||
                            ws[m.we].lower == "quoting" || ws[m.we].lower == "which" || ws[m.we].lower == "who";
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
    auto name_of = [&](const source_mention& m) -> std::string {
        if (!ax.ctx.sources) return {};
        if (m.pronoun) {
            // "he said": the last named speaker in this or the previous sentences
            for (const auto& o : si.sources)
                if (o.speaker && !o.pronoun && o.wb < m.wb) return ax.ctx.sources->sources()[o.source].name;
            for (std::size_t p = s; p-- > 0 && p + 5 > s;) {
                if (ax.sentences[p].line_alone) continue;
                const auto& pi = ax.info(p, need_sources);
                for (auto it = pi.sources.rbegin(); it != pi.sources.rend(); ++it)
                    if (!it->pronoun && it->speaker) return ax.ctx.sources->sources()[it->source].name;
            }
            return ax.last_speaker && ax.ctx.sources ? ax.ctx.sources->sources()[*ax.last_speaker].name : std::string();
        }
        return ax.ctx.sources ? ax.ctx.sources->sources()[m.source].name : std::string();
    };
    if (chosen) {
        c.source = name_of(*chosen);
        c.source_text = std::string(byte_span{si.words[chosen->wb].begin, si.words[chosen->we - 1].end}.of(ax.text));
    }
    for (const auto* r : relays) {
        const auto n = name_of(*r);
        if (!n.empty() && n != c.source && std::find(c.relay.begin(), c.relay.end(), n) == c.relay.end()) c.relay.push_back(n);
    }
    const auto& outlet = canonical_outlet(ax);
    if (c.source.empty()) {
        c.source = outlet;
        c.source_text.clear();
    } else if (!outlet.empty() && outlet != c.source && std::find(c.relay.begin(), c.relay.end(), outlet) == c.relay.end()) {
        c.relay.push_back(outlet);
    }
}

}  // namespace reckon::extract
