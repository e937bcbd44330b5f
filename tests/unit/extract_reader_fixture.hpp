// A reader's view of one article for the extract reader tests: the article is split into
// sentences in a shared article context (engine/extract/article_context.hpp), with the
// test registries, and each test asks one reader about one sentence.
#pragma once

#include <memory>
#include <string>

#include "extract/article_context.hpp"
#include "extract/figures.hpp"
#include "registry/registry.hpp"

namespace reckon::test {

struct reader_registries {
    diagnostics diags;
    registry::source_registry sources = registry::load_sources(RECKON_TEST_DATA "/extract/sources.yaml", diags);
    registry::gazetteer places = registry::load_places(RECKON_TEST_DATA "/extract/places.yaml", diags);
    extract::extract_context ctx;
    extract::extractor::tables tables;
    reader_registries() {
        ctx.sources = &sources;
        ctx.places = &places;
        extract::fill_tables(tables, ctx);
    }
};

inline const reader_registries& test_registries() {
    static const reader_registries r;
    return r;
}

// An article whose body is all of `text`.
inline article article_of(std::string text, date published = date::of_day(2018, 11, 14), std::string outlet = "") {
    article a;
    a.id = "t";
    a.text = std::move(text);
    a.body = {0, a.text.size()};
    a.published = published;
    a.outlet = std::move(outlet);
    return a;
}

// One article read by the readers; published on 2018-11-14 (a Wednesday) unless told.
class reader_article {
public:
    explicit reader_article(std::string text, date published = date::of_day(2018, 11, 14), std::string outlet = "")
        : m_article(article_of(std::move(text), published, std::move(outlet))) {
        const auto& r = test_registries();
        m_context = std::make_unique<extract::article_context>(m_article, r.ctx, r.tables, m_diags, &m_rejected);
        m_context->split();
    }
    extract::article_context& context() { return *m_context; }
    std::size_t sentences() const { return m_context->sentences.size(); }
    // Sentence s read for `what` (extract::need bits).
    extract::sentence_info& read(std::size_t s, unsigned what) { return m_context->info(s, what); }
    // All figures found and placed on their sentences' words, rejections decided.
    std::vector<extract::located_figure>& figures() {
        auto& ax = *m_context;
        if (!m_scanned) {
            m_scanned = true;
            extract::scan_figures(ax);
            std::size_t fi = 0;
            while (fi < ax.figures.size()) {
                const std::size_t s = ax.figures[fi].sentence;
                std::size_t fe = fi;
                while (fe < ax.figures.size() && ax.figures[fe].sentence == s) ++fe;
                extract::locate_figures(ax, fi, fe, ax.words_of_sentence(s));
                fi = fe;
            }
        }
        return ax.figures;
    }
    // The figure whose number is written as `number` (the first one).
    const extract::located_figure* figure(std::string_view number) {
        for (const auto& lf : figures())
            if (lf.f.number.of(m_article.text) == number) return &lf;
        return nullptr;
    }

private:
    article m_article;
    diagnostics m_diags;
    std::vector<extract::rejection> m_rejected;
    std::unique_ptr<extract::article_context> m_context;
    bool m_scanned = false;
};

}  // namespace reckon::test
