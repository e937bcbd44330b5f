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
                gc.event_date = text_of(c, "event_date");
                gc.kind = text_of(c, "kind");
                g.claims.push_back(gc);
            }
        }
        out.push_back(std::move(g));
    }
    return out;
}

evaluation evaluate(const std::vector<claim>& claims, const std::vector<gold_article>& gold) {
    evaluation ev;
    // gold article id -> index
    std::map<std::string, std::size_t> gold_ids;
    for (std::size_t i = 0; i < gold.size(); ++i) gold_ids.emplace(gold[i].article, i);
    auto gold_of = [&](const std::string& article) -> const gold_article* {
        if (const auto it = gold_ids.find(article); it != gold_ids.end()) return &gold[it->second];
        const auto cut = article.find_first_of("_#");
        if (cut != std::string::npos)
            if (const auto it = gold_ids.find(article.substr(0, cut)); it != gold_ids.end()) return &gold[it->second];
        return nullptr;
    };
    std::map<key, std::vector<const claim*>> extracted;
    for (const auto& c : claims) {
        const auto* g = gold_of(c.article);
        if (!g) continue;
        const key k{g->article, std::string(to_string(c.outcome)), c.category, c.low.value_or(none), c.high.value_or(none)};
        extracted[k].push_back(&c);
    }
    std::map<key, const gold_claim*> wanted;
    for (const auto& g : gold)
        for (const auto& gc : g.claims)
            wanted.emplace(key{g.article, gc.outcome, gc.category, gc.low.value_or(none), gc.high.value_or(none)}, &gc);
    ev.gold = wanted.size();
    ev.extracted = extracted.size();
    for (const auto& [k, gc] : wanted) {
        const auto it = extracted.find(k);
        if (it == extracted.end()) {
            ev.missed.push_back(show(k));
            continue;
        }
        ++ev.matched;
        if (!gc->source.empty()) {
            ++ev.source_checked;
            const auto want = lower(gc->source);
            const bool right = std::any_of(it->second.begin(), it->second.end(), [&](const claim* c) { return lower(c->source) == want; });
            if (right) ++ev.source_right;
            else ev.wrong_source.push_back(show(k) + ": source '" + it->second.front()->source + "', gold '" + gc->source + "'");
        }
        ++ev.date_checked;
        const bool right = std::any_of(it->second.begin(), it->second.end(), [&](const claim* c) { return c->event_date.iso() == gc->event_date; });
        if (right) ++ev.date_right;
        else ev.wrong_date.push_back(show(k) + ": event date '" + it->second.front()->event_date.iso() + "', gold '" + gc->event_date + "'");
    }
    for (const auto& [k, list] : extracted)
        if (!wanted.count(k)) ev.spurious.push_back(show(k) + "  \"" + list.front()->value_text + "\" " + list.front()->id);
    return ev;
}

}  // namespace reckon::extract
