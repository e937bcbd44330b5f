#include "audit/decisions.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

namespace reckon::audit {

namespace {

// Line `line` (1-based) of `path`, shown under the message; "" when unreadable.
std::string line_of(const std::string& path, std::size_t line) {
    std::ifstream in(path, std::ios::binary);
    std::string text;
    for (std::size_t i = 0; i < line && std::getline(in, text); ++i) {
    }
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return text;
}

}  // namespace

void check_decision_ids(const audit_result& a, const rules::ruleset& rules, severity level, diagnostics& diags) {
    if (rules.decisions().empty()) return;
    std::set<std::string> ids;
    std::map<std::string, std::vector<std::string>> by_article;
    for (const auto& r : a.claims) {
        ids.insert(r.c.id);
        by_article[r.c.article].push_back(r.c.id);
    }
    for (const auto& d : rules.decisions()) {
        for (const auto& id : d.ids) {
            if (ids.count(id)) continue;
            diagnostic g;
            g.level = level;
            g.name = level == severity::warning ? "unknown-claim" : "";
            g.file = d.rule.file;
            g.line = d.rule.line;
            g.column = 1;
            g.length = d.action.size();
            g.source_line = line_of(d.rule.file, d.rule.line);
            g.message = "'" + d.action + "' names claim '" + id + "', which no article of the corpus has" +
                        (level == severity::warning ? "; the decision is skipped for it" : "");
            const std::string article = id.substr(0, id.find('@'));
            if (const auto it = by_article.find(article); it != by_article.end()) {
                const std::string close = closest_match(id, it->second);
                g.hint = close.empty() ? "claims of article '" + article + "' are listed by 'reckon extract'"
                                       : "did you mean '" + close + "'?";
            } else {
                g.hint = "no article '" + article + "' has claims in this corpus; is it the corpus these decisions were made on?";
            }
            diags.add(std::move(g));
        }
    }
}

}  // namespace reckon::audit
