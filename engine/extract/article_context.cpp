// The shared article context: sentence splitting, reading a sentence on demand through
// the readers, and releasing sentences far behind (article_context.hpp).
#include "extract/article_context.hpp"

#include <algorithm>
#include <cctype>

#include "dateline/dateline.hpp"
#include "extract/actors.hpp"
#include "extract/dates.hpp"
#include "extract/places.hpp"
#include "extract/scope.hpp"
#include "extract/sources.hpp"

namespace reckon::extract {

void fill_tables(extractor::tables& t, const extract_context& ctx) {
    t.world = world_reader(ctx.world, ctx.places);
    if (ctx.places) {
        for (const auto& w : ctx.places->name_words()) t.place_words.insert(word_hash(w), w) = 1;
        for (const auto& [name, index] : ctx.places->names()) t.place_names.insert(word_hash(name), name) = &ctx.places->places()[index];
    }
    if (!ctx.sources) return;
    t.source_reading = std::make_unique<source_reader>(*ctx.sources, ctx.world);
    for (const auto& [text, index] : ctx.sources->written_forms()) {
        const std::string lower = lower_case_of(text);
        const auto ws = words_of(text, {0, text.size()}, lower);
        if (ws.empty()) continue;
        extractor::tables::form f;
        for (const auto& w : ws) f.words.emplace_back(w.lower);
        f.source = index;
        if (f.words.front().size() < 32) {
            const char c0 = f.words.front()[0];
            const int c = (c0 >= 'a' && c0 <= 'z') ? c0 - 'a' : 26;
            t.first_shapes[static_cast<std::size_t>(c * 32) + f.words.front().size()] = true;
        }
        if (ws.size() == 1) {
            // the registry's own spelling of the form: an acronym when written in capitals
            const auto& src = ctx.sources->sources()[index];
            std::vector<std::string> spellings{src.name, src.full_name};
            spellings.insert(spellings.end(), src.aliases.begin(), src.aliases.end());
            for (const auto& sp : spellings) {
                std::string l;
                for (const char c : sp) l.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
                if (l != text) continue;
                bool caps = sp.size() <= 5;
                for (const char c : sp)
                    if (ascii_lower_case(c)) caps = false;
                if (caps) f.acronym = true;
            }
        }
        const std::uint64_t key = f.words.size() >= 2 ? pair_hash(word_hash(f.words[0]), word_hash(f.words[1])) : word_hash(f.words[0]);
        auto& list = t.forms_by_first.insert(key, {});
        list.push_back(std::move(f));
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
    }
}

const registry::country* article_context::article_country() {
    if (!country_read) {
        country_read = true;
        // The places reader weighs datelines, states, towns and the outlet's home: its
        // country, when it read one, is the article's ("police" of a report from Ohio are
        // not Syria's because a Syrian is quoted). A country the registry has no pack for
        // is the world gazetteer's ("Kenya Police").
        const bool placed = tables.world.active() && article_place_of(*this).country != registry::no_place;
        if (tables.source_reading && placed)
            country = tables.source_reading->country_of_code(tables.world.country_code(article_place_of(*this).country));
        else country = text_country();
    }
    return country;
}

const registry::country* article_context::text_country() {
    if (!words_country_read) {
        words_country_read = true;
        if (tables.source_reading) {
            std::string all = art.title;
            all += '\n';
            all += text;
            words_country = tables.source_reading->country_of_text(all);
        }
    }
    return words_country;
}

void article_context::split() {
    sentences = split_sentences(text, art.body);
    // A CSV headline repeated at the top of the body ("Wed 05 Apr 2017 <title>. Victims...")
    // is its own sentence, read as a headline.
    if (art.title.size() >= 15 && !sentences.empty()) {
        for (std::size_t i = 0; i < std::min<std::size_t>(3, sentences.size()); ++i) {
            const auto s = sentences[i].span;
            const auto p = sentences[i].span.of(text).find(art.title);
            if (p == std::string_view::npos || s.size() <= art.title.size() + 2) continue;
            const std::size_t tb = s.begin + p, te = tb + art.title.size();
            std::vector<sentence> parts;
            if (tb > s.begin) parts.push_back({{s.begin, tb}, false, sentences[i].paragraph_start});
            parts.push_back({{tb, te}, true, true});
            if (te < s.end) parts.push_back({{te, s.end}, false, false});
            sentences.erase(sentences.begin() + static_cast<std::ptrdiff_t>(i));
            sentences.insert(sentences.begin() + static_cast<std::ptrdiff_t>(i), parts.begin(), parts.end());
            break;
        }
    }
    sentence_infos.resize(sentences.size());
    for (std::size_t i = 0; i < sentences.size() && sentences[i].line_alone; ++i) leading.insert(i);
    // "World Bulletin / News Desk": a credit line naming the outlet
    if (art.outlet.empty() && ctx.sources) {
        for (std::size_t i = 0; i < sentences.size() && i < 8; ++i) {
            if (!sentences[i].line_alone) continue;
            if (const auto* src = ctx.sources->find_alias(sentences[i].span.of(text)); src && src->kind == "outlet") {
                detected_outlet = src->name;
                break;
            }
        }
    }
    if (const auto d = grammar::dateline::find_publication_date(art.body.of(text), 512);
        d && !after_preposition(text, d->where.begin + art.body.begin))
        dateline = {d->where.begin + art.body.begin, d->where.end + art.body.begin};
}

sentence_info& article_context::info(std::size_t s, unsigned what) {
    sentence_info& si = sentence_infos[s];
    unsigned missing = what & ~si.done;
    if (missing == 0) return si;
    si.done |= missing;
    // a sentence without any date word has no date: no need to split it into words for that
    if ((missing & need_date) && !si.tokenized && !may_hold_date(text, sentences[s].span)) missing &= ~need_date;
    if (missing == 0) return si;
    if (!si.tokenized) {
        si.tokenized = true;
        si.words = words_of(text, sentences[s].span, lower_text());
    }
    if (missing & need_sources) find_sources(*this, s, si);
    if (missing & need_places) find_places(*this, s, si);
    if (missing & need_date) find_date(*this, s, si);
    if (missing & need_scope) {
        find_actor(*this, si);
        find_attack(si);
        find_scope(*this, si);
    }
    return si;
}

sentence_info& article_context::words_of_sentence(std::size_t s) {
    sentence_info& si = sentence_infos[s];
    if (!si.tokenized) {
        si.tokenized = true;
        si.words = words_of(text, sentences[s].span, lower_text());
    }
    return si;
}

void article_context::release_before(std::size_t s) {
    constexpr std::size_t keep = 8;  // dates look 3 back, places 2, pronouns 4, parents 3
    if (s < keep) return;
    lede_date(*this);  // the article's first date and attack are read from its opening before that is released
    lede_attack(*this);
    for (std::size_t p = released; p + keep < s; ++p) {
        auto& si = sentence_infos[p];
        std::vector<word>().swap(si.words);
        std::vector<source_mention>().swap(si.sources);
        std::vector<place_mention>().swap(si.places);
        std::vector<date_mention>().swap(si.other_dates);
        si.tokenized = true;  // stays "known": nothing will ask again
        si.done = need_all;
    }
    released = std::max(released, s - keep);
}

}  // namespace reckon::extract
