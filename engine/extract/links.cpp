// Links reader (links.hpp).
#include "extract/links.hpp"

#include "extract/outcomes.hpp"

namespace reckon::extract {

void link_parent(article_context& ax, std::size_t i) {
    {
        claim& b = ax.claims[i];
        const located_figure& lf = ax.figures[ax.claim_figure[i]];
        const auto& si = ax.sentence_infos[lf.sentence];
        bool marker = false;
        for (std::size_t j = lf.wb >= 4 ? lf.wb - 4 : 0; j < lf.wb; ++j) {
            const auto& w = si.words[j].lower;
            if (w == "including" || w == "includes" || w == "included" || w == "among" || w == "them" || w == "whom" ||
                w == "incl")
                marker = true;
        }
        for (std::size_t j = lf.we; j < std::min(si.words.size(), lf.we + 4); ++j)
            if (si.words[j].lower == "among") marker = true;
        // "killed 25 civilians, six of them children"
        if (lf.we + 1 < si.words.size() && si.words[lf.we].lower == "of" &&
            (si.words[lf.we + 1].lower == "them" || si.words[lf.we + 1].lower == "whom"))
            marker = true;
        bool other = false;
        for (const auto& m : lf.f.modifiers)
            if (m == "other" || m == "more") other = true;
        if (marker && b.kind == claim_kind::incident) {
            for (std::size_t j = i; j-- > 0;) {
                const claim& p = ax.claims[j];
                const std::size_t ps = ax.figures[ax.claim_figure[j]].sentence;
                if (ps + 2 < lf.sentence) break;
                if (p.headline || p.kind != claim_kind::incident || p.outcome != b.outcome) continue;
                if (category_rank(p.category) >= category_rank(b.category)) continue;
                if (p.category == "fighters") continue;
                b.parent = p.id;
                // "at least 23 civilians including 10 children": the part is a lower bound too
                if (ps == lf.sentence && p.low && !p.high && b.qualifier == qualifier::exact && b.low) {
                    b.high.reset();
                    b.qualifier = qualifier::at_least;
                }
                break;
            }
        }
        if (other && b.parent.empty() && b.low && b.kind == claim_kind::incident) {
            // "22 bodies of civilians ... as well as the remains of six other people" = 28
            std::int64_t sum = *b.low;
            std::vector<std::size_t> parts{i};
            for (std::size_t j = i; j-- > 0;) {
                if (ax.figures[ax.claim_figure[j]].sentence != lf.sentence) break;
                if (!ax.claims[j].parent.empty() || !ax.claims[j].low) continue;
                sum += *ax.claims[j].low;
                parts.push_back(j);
            }
            for (std::size_t j = i; j-- > 0;) {
                const claim& p = ax.claims[j];
                const std::size_t ps = ax.figures[ax.claim_figure[j]].sentence;
                if (ps + 3 < lf.sentence) break;
                if (ps == lf.sentence || p.outcome != b.outcome || !p.low || *p.low != sum || p.high != p.low) continue;
                for (const auto k : parts) ax.claims[k].parent = p.id;
                break;
            }
        }
    }
}

void deaths_among_shot(article_context& ax, std::size_t i) {
    if (i == 0) return;
    const claim& dead = ax.claims[i];
    const located_figure& lf = ax.figures[ax.claim_figure[i]];
    if (dead.outcome != outcome::killed || dead.kind != claim_kind::incident || dead.headline || lf.victim || !lf.f.noun.empty() ||
        !dead.low || dead.high != dead.low || lf.wb != 0 || lf.sentence == 0)
        return;
    claim& shot = ax.claims[i - 1];
    const located_figure& sf = ax.figures[ax.claim_figure[i - 1]];
    if (sf.sentence + 1 != lf.sentence || shot.outcome != outcome::injured || shot.kind != claim_kind::incident || shot.headline ||
        !shot.low || shot.high != shot.low || *shot.low <= *dead.low || shot.qualifier != qualifier::exact)
        return;
    if (i >= 2 && ax.figures[ax.claim_figure[i - 2]].sentence == sf.sentence) return;  // the only figure of its sentence
    // read from "shot", in a sentence that says nothing of wounds
    const auto& ws = ax.sentence_infos[sf.sentence].words;
    bool shot_word = false;
    for (std::size_t k = sf.we; k < ws.size() && k < sf.we + 5; ++k)
        if (ws[k].lower == "shot") shot_word = true;
    if (!shot_word) return;
    for (const auto& w : ws)
        if (w.has(w_injured)) return;
    *shot.low -= *dead.low;
    *shot.high -= *dead.low;
}

}  // namespace reckon::extract
