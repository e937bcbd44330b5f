// Places reader (places.hpp).
#include "extract/places.hpp"

#include <algorithm>

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

void find_places(article_context& ax, std::size_t, sentence_info& si) {
    const auto& ws = si.words;
    const registry::gazetteer* g = ax.ctx.places;
    const std::size_t max_words = g ? std::min<std::size_t>(g->max_words(), 5) : 1;
    auto type_rank = [](const registry::place* p) {
        if (!p) return 3;
        if (p->type == "governorate") return 1;
        if (p->type == "district" || p->type == "region" || p->type == "country") return 2;
        return 3;
    };
    for (std::size_t k = 0; k < ws.size();) {
        if (!ws[k].capital || ws[k].digits) {
            ++k;
            continue;
        }
        std::size_t used = 0;
        // only where the word occurs in some place name: "Al-Shaafa" -> "al", "Buqa'an" -> "buqaan"
        if (g && in_place_name(ax, ws[k])) {
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
                m.rank = type_rank(p);
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
                if (g) m.p = g->resolve(m.span.of(ax.text));
                m.rank = type_rank(m.p);
                si.places.push_back(m);
                used = e - k;
            }
        }
        k += used ? used : 1;
    }
}

void place_of(article_context& ax, claim& c, const located_figure& lf, std::size_t s) {
    auto pick = [&](const sentence_info& si, bool near_figure) -> const place_mention* {
        const place_mention* best = nullptr;
        auto distance = [&](const place_mention& m) -> std::size_t {
            if (!near_figure) return 0;
            return m.wb >= lf.we ? m.wb - lf.we : (lf.wb - std::min(lf.wb, m.we)) + 20;  // prefer after the figure
        };
        for (const auto& m : si.places) {
            if (m.wb >= lf.wb && m.wb < lf.we && near_figure) continue;  // inside the figure ("IS militants")
            if (!best || m.rank > best->rank || (m.rank == best->rank && distance(m) < distance(*best))) best = &m;
        }
        return best;
    };
    const sentence_info& si = ax.sentence_infos[s];
    const place_mention* m = pick(si, true);
    const sentence_info* from = &si;
    if (!m && !c.headline && c.kind == claim_kind::incident) {
        for (std::size_t p = s; p-- > 0 && p + 3 > s;) {
            if (ax.sentences[p].line_alone) continue;
            const auto& pi = ax.info(p, need_places);
            if ((m = pick(pi, false))) {
                from = &pi;
                break;
            }
        }
    }
    if (m) {
        // "the villages of Hajin, Sousa and Al-Shaafa": one place text for the list
        byte_span written = m->span;
        for (const auto& other : from->places) {
            if (other.wb < m->we || other.span.begin < written.end) continue;
            const auto between = byte_span{written.end, other.span.begin}.of(ax.text);
            bool glue = between.size() <= 6;
            for (const char ch : between)
                if (!(ch == ' ' || ch == ',' || ch == 'a' || ch == 'n' || ch == 'd')) glue = false;
            if (!glue) break;
            written.end = other.span.end;
        }
        c.place = std::string(written.of(ax.text));
        if (m->p) {
            c.place_key = m->p->key;
            c.governorate = m->p->governorate;
        } else {
            c.place_key = registry::gazetteer::normalise(c.place);
        }
        if (c.governorate.empty())
            for (const auto& o : from->places)
                if (o.p && o.rank == 1) c.governorate = o.p->governorate;
    }
    if (c.governorate.empty() && !ax.art.location.empty() && ax.ctx.places) {
        if (!ax.location_resolved) {
            ax.location_resolved = true;
            ax.location = ax.ctx.places->resolve(ax.art.location);
        }
        if (ax.location) c.governorate = ax.location->governorate;
    }
}

// The means of attack the article opens with (its headline, a caption or its lead
// sentence): what a figure that names none is about ("the toll rose to 12"). Only the
// opening: further down, a means named is as likely to be another event's. (The actor

}  // namespace reckon::extract
