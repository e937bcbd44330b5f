// Scope reader (scope.hpp).
#include "extract/scope.hpp"

#include "extract/dates.hpp"

namespace reckon::extract {

void find_scope(const article_context& ax, sentence_info& si) {
    const auto& ws = si.words;
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (!ws[k].has(w_scope)) continue;
        const auto& w = ws[k].lower;
        if (w == "since") {
            bool superlative = false;
            for (std::size_t j = k >= 3 ? k - 3 : 0; j < k; ++j) {
                const auto& p = ws[j].lower;
                if (p == "deadliest" || p == "worst" || p == "first" || p == "biggest" || p == "largest" || p == "highest" ||
                    p == "bloodiest" || p == "heaviest")
                    superlative = true;
            }
            if (superlative) continue;
            std::size_t e = k + 1;
            while (e < ws.size() && e < k + 5) {
                const bool stop = ws[e].digits;
                ++e;
                if (stop) break;
                if (e < ws.size() && (ws[e].lower == "in" && e + 1 < ws.size() && !ws[e + 1].digits)) break;
            }
            si.scope = std::string(byte_span{ws[k].begin, ws[e - 1].end}.of(ax.text));
            return;
        }
        // Weaker scope words hold only when no "since ..." follows in the sentence
        // ("its overall death toll ... since 2014" is a toll since 2014).
        if ((w == "far" && k > 0 && ws[k - 1].lower == "so") || (w == "date" && k > 0 && ws[k - 1].lower == "to")) {
            if (si.scope.empty()) si.scope = std::string(ws[k - 1].lower) + " " + std::string(w);
            continue;
        }
        if (w == "overall" || w == "campaign" || w == "throughout" || w == "cumulative") {
            if (si.scope.empty()) si.scope = w;
            continue;
        }
        if (w == "alone" && k > 0) {
            si.scope = std::string(byte_span{ws[k >= 2 ? k - 2 : k - 1].begin, ws[k].end}.of(ax.text));
            return;
        }
        if ((w == "war" || w == "conflict") && k + 2 < ws.size() && (ws[k + 1].lower == "has" || ws[k + 1].lower == "that") &&
            (ws[k + 2].lower == "killed" || ws[k + 2].lower == "has" || ws[k + 2].lower == "left")) {
            si.scope = "the war";
            return;
        }
        // "have been killed in the war", "has died during the conflict": a perfect tense over
        // the whole war is its running total ("were killed in the war zone" is not)
        if ((w == "war" || w == "conflict") && k >= 2 && ws[k - 1].lower == "the" &&
            (ws[k - 2].lower == "in" || ws[k - 2].lower == "during" || ws[k - 2].lower == "throughout") &&
            !(k + 1 < ws.size() && (ws[k + 1].lower == "zone" || ws[k + 1].lower == "zones"))) {
            bool perfect = false;
            for (std::size_t j = 0; j + 1 < k && !perfect; ++j)
                if (ws[j].lower == "have" || ws[j].lower == "has")
                    for (std::size_t v = j + 1; v < k && v < j + 4; ++v)
                        if (ws[v].has(w_killed)) perfect = true;
            if (perfect) {
                si.scope = "the war";
                return;
            }
        }
        if (w == "in" && k + 1 < ws.size() && ws[k + 1].digits && ws[k + 1].lower.size() == 4 &&
            !(k + 2 < ws.size() && month_index(ws[k + 2]) > 0)) {
            const auto y = small_number(ws[k + 1]);
            if (y && *y >= 1990 && *y <= 2100) {
                si.scope = "in " + std::string(ws[k + 1].lower);
                // keep looking: "since" is the stronger scope
            }
        }
    }
}

}  // namespace reckon::extract
