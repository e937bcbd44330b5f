#include "audit/decisions.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

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

// A diagnostic at the decision `d`, underlining `id` where its first line quotes it, else
// the action.
diagnostic at_decision(const rules::analyst_decision& d, const std::string& id) {
    diagnostic g;
    g.file = d.rule.file;
    g.line = d.rule.line;
    g.source_line = line_of(d.rule.file, d.rule.line);
    if (const auto at = g.source_line.find('"' + id + '"'); at != std::string::npos) {
        g.column = at + 1;
        g.length = id.size() + 2;
    } else {
        g.column = 1;
        g.length = d.action.size();
    }
    return g;
}

std::string note_of(const rules::analyst_decision& d) {
    return d.action + " (" + d.rule.file + ":" + std::to_string(d.rule.line) + "): " + d.reason;
}

}  // namespace

bool names_incident(std::string_view id) {
    return id.size() > 4 && id.substr(0, 4) == "inc-" && id.find('@') == std::string_view::npos;
}

std::vector<incident_decision> resolve_incident_decisions(const rules::ruleset& rules, const incident_lookup& claims_of,
                                                          const std::set<std::string>& issued, diagnostics& diags) {
    std::vector<incident_decision> out;
    const std::vector<std::string> known(issued.begin(), issued.end());
    for (const auto& d : rules.decisions()) {
        if (std::none_of(d.ids.begin(), d.ids.end(), [](const std::string& id) { return names_incident(id); })) continue;
        const auto error = [&](const std::string& id, std::string message, std::string hint) {
            diagnostic g = at_decision(d, id);
            g.level = severity::error;
            g.message = std::move(message);
            g.hint = std::move(hint);
            diags.add(std::move(g));
        };
        if (d.action != "merge" && d.action != "split") {
            for (const auto& id : d.ids)
                if (names_incident(id))
                    error(id, "'" + d.action + "' names incident '" + id + "'; '" + d.action + "' names claims",
                          "name the incident's claims ('reckon changes STORE --lineage' lists incidents, 'reckon audit' their claims)");
            continue;
        }
        incident_decision resolved;
        resolved.action = d.action;
        resolved.note = note_of(d);
        bool ok = true;
        for (const auto& id : d.ids) {
            resolved.ids.push_back(id);
            if (!names_incident(id)) {
                resolved.named.push_back({id});
                continue;
            }
            auto claims = claims_of ? claims_of(id) : std::nullopt;
            if (!claims) {
                ok = false;
                if (issued.count(id)) {
                    error(id, "'" + d.action + "' names incident '" + id + "', which this store retired before it kept retired incidents' claims",
                          "name the claims it held, or an incident the store has now");
                } else {
                    const std::string close = closest_match(id, known);
                    error(id, "'" + d.action + "' names incident '" + id + "', which this store never issued",
                          close.empty() ? "'reckon changes STORE --lineage' lists the incident ids the store issued"
                                        : "did you mean '" + close + "'?");
                }
                continue;
            }
            resolved.named.push_back(std::move(*claims));
        }
        if (ok) out.push_back(std::move(resolved));
    }
    return out;
}

void apply_incident_decisions(std::vector<match::incident_group>& groups, const std::vector<rules::claim_facts>& facts,
                              const std::vector<incident_decision>& decisions) {
    if (decisions.empty()) return;
    // Where each grouped claim is: its index in `facts` and its group.
    std::unordered_map<std::string_view, std::size_t> index_of;
    std::vector<std::size_t> group_of(facts.size(), static_cast<std::size_t>(-1));
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (const auto m : groups[g].members) {
            index_of.emplace(facts[m].c->id, m);
            group_of[m] = g;
        }
    const auto noted = [&](std::size_t g, const std::string& note) {
        auto& notes = groups[g].decisions;
        if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
    };
    for (const auto& d : decisions) {
        if (d.action == "merge") {
            std::vector<std::size_t> hit;
            for (const auto& named : d.named)
                for (const auto& id : named)
                    if (const auto it = index_of.find(id); it != index_of.end()) hit.push_back(group_of[it->second]);
            std::sort(hit.begin(), hit.end());
            hit.erase(std::unique(hit.begin(), hit.end()), hit.end());
            if (hit.empty()) continue;
            auto& target = groups[hit.front()];
            noted(hit.front(), d.note);
            for (std::size_t k = 1; k < hit.size(); ++k) {
                auto& from = groups[hit[k]];
                for (const auto m : from.members) group_of[m] = hit.front();
                target.members.insert(target.members.end(), from.members.begin(), from.members.end());
                for (const auto& note : from.decisions) noted(hit.front(), note);
                from.members.clear();
                from.decisions.clear();
            }
            std::sort(target.members.begin(), target.members.end());
            continue;
        }
        // split: each claim belongs to the smallest named set holding it, ties to the first.
        std::vector<std::size_t> by_size(d.named.size());
        for (std::size_t k = 0; k < by_size.size(); ++k) by_size[k] = k;
        std::stable_sort(by_size.begin(), by_size.end(),
                         [&](std::size_t x, std::size_t y) { return d.named[x].size() < d.named[y].size(); });
        std::unordered_map<std::size_t, std::size_t> set_of;  // claim (facts index) -> named set
        for (const auto k : by_size)
            for (const auto& id : d.named[k])
                if (const auto it = index_of.find(id); it != index_of.end()) set_of.emplace(it->second, k);
        // Per group, the claims of each named set in it.
        std::map<std::size_t, std::map<std::size_t, std::vector<std::size_t>>> in_group;
        for (const auto& [m, k] : set_of) in_group[group_of[m]][k].push_back(m);
        for (auto& [g, sets] : in_group) {
            if (sets.size() < 2) continue;
            noted(g, d.note);
            // The first named set present stays with the rest of the group; each other one
            // becomes a group of its own.
            for (auto it = std::next(sets.begin()); it != sets.end(); ++it) {
                auto& moved = it->second;
                std::sort(moved.begin(), moved.end());
                auto& members = groups[g].members;
                members.erase(std::remove_if(members.begin(), members.end(),
                                             [&](std::size_t m) { return std::binary_search(moved.begin(), moved.end(), m); }),
                              members.end());
                for (const auto m : moved) group_of[m] = groups.size();
                const std::size_t component = groups[g].component;  // split within its component
                groups.push_back({moved, component, {d.note}});
            }
        }
    }
    groups.erase(std::remove_if(groups.begin(), groups.end(), [](const match::incident_group& g) { return g.members.empty(); }),
                 groups.end());
    std::sort(groups.begin(), groups.end(),
              [](const match::incident_group& a, const match::incident_group& b) { return a.members.front() < b.members.front(); });
}

void check_decision_ids(const audit_result& a, const rules::ruleset& rules, severity level, diagnostics& diags) {
    if (rules.decisions().empty()) return;
    const claim_finder finder(a.claims.size(), [&a](std::size_t i) -> const claim& { return a.claims[i].c; });
    std::map<std::string, std::vector<std::size_t>, std::less<>> by_article;
    for (std::size_t i = 0; i < a.claims.size(); ++i) by_article[a.claims[i].c.article].push_back(i);
    for (const auto& d : rules.decisions()) {
        for (const auto& id : d.ids) {
            if (names_incident(id)) {
                // Resolved by a store (resolve_incident_decisions); there is none here.
                diagnostic g = at_decision(d, id);
                g.level = level;
                g.name = level == severity::warning ? "store-incident" : "";
                g.message = "'" + d.action + "' names incident '" + id + "', an incident id of a living audit's store" +
                            (level == severity::warning ? "; without the store the decision is skipped for it" : "");
                g.hint = "audit with the store that issued it: 'reckon audit CORPUS --store FILE'";
                diags.add(std::move(g));
                continue;
            }
            const auto found = finder.find(id);
            if (found && !found->by_offset) continue;
            diagnostic g = at_decision(d, id);
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
