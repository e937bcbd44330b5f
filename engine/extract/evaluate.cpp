// Gold-file scoring for `reckon extract --eval` and the extraction tests. Claims are
// compared as sets of keys (article, outcome, category, low, high), so a figure
// repeated in a headline and a lede counts once.
#include "extract/evaluate.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "support/atomic_file.hpp"

namespace reckon::extract {

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::optional<std::int64_t> bound(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || j[key].is_null()) return std::nullopt;
    if (j[key].is_number_integer()) return j[key].get<std::int64_t>();
    if (j[key].is_number()) return static_cast<std::int64_t>(j[key].get<double>());
    return std::nullopt;
}

std::string text_of(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || !j[key].is_string()) return {};
    return j[key].get<std::string>();
}

using key = std::tuple<std::string, std::string, std::string, std::int64_t, std::int64_t>;
constexpr std::int64_t none = -1;

std::string show(const key& k) {
    std::ostringstream out;
    out << std::get<0>(k) << ' ' << std::get<1>(k) << ' ' << std::get<2>(k) << " [";
    if (std::get<3>(k) == none) out << "null";
    else out << std::get<3>(k);
    out << ',';
    if (std::get<4>(k) == none) out << "null";
    else out << std::get<4>(k);
    out << ']';
    return out.str();
}

}  // namespace

std::vector<gold_article> load_gold(const std::string& path, diagnostics& diags) {
    std::vector<gold_article> out;
    std::string text;
    try {
        text = read_file(path);
    } catch (const std::exception& e) {
        diags.error(path, 0, 0, std::string("cannot read the gold file: ") + e.what());
        return out;
    }
    std::istringstream in(text);
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const std::exception& e) {
            diags.error(path, n, 1, std::string("malformed JSON: ") + e.what());
            continue;
        }
        if (!j.is_object() || !j.contains("article")) {
            diags.error(path, n, 1, "expected an object with 'article' and 'claims'");
            continue;
        }
        gold_article g;
        g.line = n;
        g.article = j["article"].is_string() ? j["article"].get<std::string>() : j["article"].dump();
        g.outlet = text_of(j, "outlet");
        if (j.contains("claims") && j["claims"].is_array()) {
            for (const auto& c : j["claims"]) {
                if (!c.is_object()) continue;
                gold_claim gc;
                gc.outcome = lower(text_of(c, "outcome"));
                gc.category = lower(text_of(c, "category"));
                gc.low = bound(c, "low");
                gc.high = bound(c, "high");
                gc.source = text_of(c, "source");
                gc.source_type = text_of(c, "source_type");
                gc.event_date = text_of(c, "event_date");
                gc.kind = text_of(c, "kind");
                gc.text = text_of(c, "text");
                gc.optional = c.contains("optional") && c["optional"].is_boolean() && c["optional"].get<bool>();
                g.claims.push_back(gc);
            }
        }
        out.push_back(std::move(g));
    }
    return out;
}

evaluation evaluate(const std::vector<claim>& claims, const std::vector<gold_article>& gold) {
    evaluation ev;
    std::map<std::string, std::size_t> gold_ids;
    for (std::size_t i = 0; i < gold.size(); ++i) gold_ids.emplace(gold[i].article, i);
    auto gold_of = [&](const std::string& article) -> const gold_article* {
        if (const auto it = gold_ids.find(article); it != gold_ids.end()) return &gold[it->second];
        const auto cut = article.find('_');
        if (cut != std::string::npos)
            if (const auto it = gold_ids.find(article.substr(0, cut)); it != gold_ids.end()) return &gold[it->second];
        return nullptr;
    };
    // extracted claims per gold article, in text order
    std::vector<std::vector<const claim*>> found(gold.size());
    for (const auto& c : claims)
        if (const auto* g = gold_of(c.article)) found[static_cast<std::size_t>(g - gold.data())].push_back(&c);
    const auto key_of_claim = [](const std::string& article, const claim& c) {
        return key{article, std::string(to_string(c.outcome)), c.category, c.low.value_or(none), c.high.value_or(none)};
    };
    const auto key_of_gold = [](const std::string& article, const gold_claim& c) {
        return key{article, c.outcome, c.category, c.low.value_or(none), c.high.value_or(none)};
    };
    for (std::size_t gi = 0; gi < gold.size(); ++gi) {
        const auto& g = gold[gi];
        std::vector<bool> used(found[gi].size(), false);
        // the best unused claim with the key: same source and date, not a headline
        auto take = [&](const key& k, const gold_claim& gc) -> const claim* {
            int best = -1;
            std::size_t best_i = 0;
            for (std::size_t i = 0; i < found[gi].size(); ++i) {
                if (used[i] || key_of_claim(g.article, *found[gi][i]) != k) continue;
                const claim& c = *found[gi][i];
                const int score = (lower(c.source) == lower(gc.source) ? 4 : 0) + (c.event_date.iso() == gc.event_date ? 2 : 0) +
                                  (c.headline ? 0 : 1);
                if (score > best) {
                    best = score;
                    best_i = i;
                }
            }
            if (best < 0) return nullptr;
            used[best_i] = true;
            return found[gi][best_i];
        };
        // required claims first, so an optional one never takes a required one's match
        for (int pass = 0; pass < 2; ++pass) {
            for (const auto& gc : g.claims) {
                if (gc.optional != (pass == 1)) continue;
                const key k = key_of_gold(g.article, gc);
                const claim* c = take(k, gc);
                if (gc.optional) continue;
                ++ev.gold;
                if (!c) {
                    ev.missed.push_back(show(k) + "  \"" + gc.text + "\"");
                    continue;
                }
                ++ev.matched;
                if (!gc.source.empty()) {
                    ++ev.source_checked;
                    if (lower(c->source) == lower(gc.source)) ++ev.source_right;
                    else ev.wrong_source.push_back(show(k) + ": source '" + c->source + "', gold '" + gc.source + "'");
                }
                if (!gc.source_type.empty()) {
                    ++ev.type_checked;
                    if (c->source_type == gc.source_type) ++ev.type_right;
                    else ev.wrong_type.push_back(show(k) + ": source type '" + c->source_type + "', gold '" + gc.source_type + "'");
                }
                if (!gc.event_date.empty()) {
                    ++ev.date_checked;
                    if (c->event_date.iso() == gc.event_date) ++ev.date_right;
                    else ev.wrong_date.push_back(show(k) + ": event date '" + c->event_date.iso() + "', gold '" + gc.event_date + "'");
                }
            }
        }
        // what is left over is spurious; matches of optional claims were taken above
        for (std::size_t i = 0; i < found[gi].size(); ++i)
            if (!used[i]) ev.spurious.push_back(show(key_of_claim(g.article, *found[gi][i])) + "  \"" + found[gi][i]->value_text + "\" " + found[gi][i]->id);
    }
    // extracted = hits + false positives (optional matches are neither)
    ev.extracted = ev.matched + ev.spurious.size();
    return ev;
}

}  // namespace reckon::extract
