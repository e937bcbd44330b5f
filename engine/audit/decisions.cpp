#include "audit/decisions.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "model/claim_id.hpp"
#include "support/atomic_file.hpp"

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

// The lines of a text, without their ends; joined again with '\n' they give the text back
// byte for byte (a last line without an end stays so).
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t begin = 0;
    for (std::size_t end; (end = text.find('\n', begin)) != std::string::npos; begin = end + 1) lines.push_back(text.substr(begin, end - begin));
    lines.push_back(text.substr(begin));
    return lines;
}

// The claim among `claims` (indices into a.claims) a mistyped id most likely meant, as a
// "did you mean" hint: for an offset id, the claim whose figure starts nearest that offset
// (a few bytes off); else the id closest in spelling. "" when none is close.
std::string did_you_mean(const std::string& id, const std::vector<std::size_t>& claims, const audit_result& a) {
    if (is_offset_claim_id(id) && id.size() - id.rfind('@') <= 16) {
        const std::size_t offset = std::stoull(id.substr(id.rfind('@') + 1));
        constexpr std::size_t within = 16;
        const claim* best = nullptr;
        std::size_t distance = within + 1;
        for (const auto i : claims) {
            const claim& c = a.claims[i].c;
            const std::size_t d = c.span.begin > offset ? c.span.begin - offset : offset - c.span.begin;
            if (d < distance) {
                distance = d;
                best = &c;
            }
        }
        if (best) return "did you mean '" + best->id + "' (its figure starts at byte " + std::to_string(best->span.begin) + ")?";
    }
    std::vector<std::string> ids;
    for (const auto i : claims) ids.push_back(a.claims[i].c.id);
    const std::string close = closest_match(id, ids);
    return close.empty() ? close : "did you mean '" + close + "'?";
}

}  // namespace

void check_decision_ids(const audit_result& a, const rules::ruleset& rules, severity level, diagnostics& diags) {
    if (rules.decisions().empty()) return;
    const claim_finder finder(a.claims.size(), [&a](std::size_t i) -> const claim& { return a.claims[i].c; });
    std::map<std::string, std::vector<std::size_t>, std::less<>> by_article;
    for (std::size_t i = 0; i < a.claims.size(); ++i) by_article[a.claims[i].c.article].push_back(i);
    for (const auto& d : rules.decisions()) {
        for (const auto& id : d.ids) {
            const auto found = finder.find(id);
            if (found && !found->by_offset) continue;
            diagnostic g;
            g.file = d.rule.file;
            g.line = d.rule.line;
            g.source_line = line_of(d.rule.file, d.rule.line);
            // the id is underlined where the decision's line quotes it, else the action
            if (const auto at = g.source_line.find('"' + id + '"'); at != std::string::npos) {
                g.column = at + 1;
                g.length = id.size() + 2;
            } else {
                g.column = 1;
                g.length = d.action.size();
            }
            if (found) {
                const std::string& now = a.claims[found->index].c.id;
                g.level = severity::warning;
                g.name = "old-claim-id";
                g.message = "'" + d.action + "' names claim '" + id + "' by the byte offset of its figure, the older form of claim ids; its id is '" + now + "'";
                g.hint = "write '" + now + "': it stays the same when another paragraph of the article is edited";
                diags.add(std::move(g));
                continue;
            }
            g.level = level;
            g.name = level == severity::warning ? "unknown-claim" : "";
            g.message = "'" + d.action + "' names claim '" + id + "', which no article of the corpus has" +
                        (level == severity::warning ? "; the decision is skipped for it" : "");
            const std::string_view article = article_of_claim_id(id);
            if (const auto it = by_article.find(article); it != by_article.end()) {
                g.hint = did_you_mean(id, it->second, a);
                if (g.hint.empty()) g.hint = "claims of article '" + std::string(article) + "' are listed by 'reckon extract'";
            } else {
                g.hint = "no article '" + std::string(article) + "' has claims in this corpus; is it the corpus these decisions were made on?";
            }
            diags.add(std::move(g));
        }
    }
}

std::vector<older_decision_id> older_decision_ids(const audit_result& a, const rules::ruleset& rules) {
    std::vector<older_decision_id> out;
    if (rules.decisions().empty()) return out;
    const claim_finder finder(a.claims.size(), [&a](std::size_t i) -> const claim& { return a.claims[i].c; });
    for (const auto& d : rules.decisions())
        for (const auto& id : d.ids)
            if (const auto found = finder.find(id); found && found->by_offset)
                out.push_back({d.rule.file, d.rule.line, id, a.claims[found->index].c.id});
    return out;
}

std::map<std::string, std::size_t> rewrite_older_ids(const std::vector<older_decision_id>& ids) {
    std::map<std::string, std::vector<const older_decision_id*>> by_file;
    for (const auto& o : ids) by_file[o.file].push_back(&o);
    std::map<std::string, std::size_t> rewritten;
    for (const auto& [file, list] : by_file) {
        std::vector<std::string> lines = lines_of(read_file(file));
        std::size_t count = 0;
        for (const auto* o : list) {
            // the decision's lines: its first, then those that continue it (indented)
            for (std::size_t l = o->line; l >= 1 && l <= lines.size(); ++l) {
                std::string& text = lines[l - 1];
                if (l > o->line && !text.empty() && text[0] != ' ' && text[0] != '\t') break;
                const std::string quoted = '"' + o->id + '"';
                if (const auto at = text.find(quoted); at != std::string::npos) {
                    text.replace(at, quoted.size(), '"' + o->now + '"');
                    ++count;
                    break;
                }
            }
        }
        if (count == 0) continue;
        std::string content = lines.front();
        for (std::size_t l = 1; l < lines.size(); ++l) content += "\n" + lines[l];
        write_file_atomically(file, content);
        rewritten[file] = count;
    }
    return rewritten;
}

}  // namespace reckon::audit
