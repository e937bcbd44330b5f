#include "match/evidence.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

namespace reckon::match {

namespace {

bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Words too common to tell two reports apart, in leads and as names.
bool stop_word(std::string_view w) {
    // a hashed set: every word of every article is asked (1.7 M asks a FA-KES run)
    static const std::unordered_set<std::string_view> words{
        "about", "after", "also", "and", "are", "been", "but", "for", "from", "had", "has", "have", "her", "his",
        "into", "its", "more", "not", "one", "our", "out", "over", "said", "says", "she", "than", "that", "the",
        "their", "them", "then", "there", "they", "this", "two", "was", "were", "when", "where", "which", "while",
        "who", "will", "with", "would", "you", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "according", "reported", "told", "news", "police", "people", "killed",
    };
    return words.count(w) > 0;
}

// The word starting at `i` (a letter or digit): letters, digits, apostrophes and
// hyphens ("Al-Zabadani" is one word), without a trailing apostrophe or hyphen; `next`
// is where the scan goes on.
std::string_view word_at(std::string_view text, std::size_t i, std::size_t& next) {
    std::size_t j = i;
    while (j < text.size() && (is_alpha(static_cast<unsigned char>(text[j])) || is_digit(static_cast<unsigned char>(text[j])) ||
                               text[j] == '\'' || text[j] == '-'))
        ++j;
    next = j;
    std::string_view word = text.substr(i, j - i);
    while (!word.empty() && (word.back() == '\'' || word.back() == '-')) word.remove_suffix(1);
    return word;
}

std::string lowered(std::string_view word) {
    std::string low;
    for (const char ch : word) low += lower(ch);
    return low;
}

}  // namespace

article_terms terms_of(std::string_view text) {
    article_terms out;
    std::vector<std::string> names;
    bool sentence_start = true;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!is_alpha(c) && !is_digit(c)) {
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"') sentence_start = true;
            ++i;
            continue;
        }
        std::size_t j = i;
        const std::string_view word = word_at(text, i, j);
        const bool digits = std::all_of(word.begin(), word.end(), [](char ch) { return is_digit(static_cast<unsigned char>(ch)); });
        if (digits) {
            // House and block numbers; years and small counts say nothing of the event.
            const bool year = word.size() == 4 && (word.substr(0, 2) == "19" || word.substr(0, 2) == "20");
            if (word.size() >= 3 && !year) names.push_back("#" + std::string(word));
        } else if (word.size() >= 3) {
            const bool capital = word[0] >= 'A' && word[0] <= 'Z';
            const bool name = capital && !sentence_start &&
                              !std::none_of(word.begin(), word.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
            // past the lead only names are kept: most words are neither lowered nor looked up
            if (name || out.lead.size() < lead_words) {
                const std::string low = lowered(word);
                if (!stop_word(low)) {
                    if (out.lead.size() < lead_words) out.lead.push_back(low);
                    if (name) names.push_back(low);
                }
            }
        }
        sentence_start = false;
        i = j;
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const auto& n : names) out.names.push_back(n);
    out.lead.shrink_to_fit();
    out.names.shrink_to_fit();
    return out;
}

std::vector<std::uint32_t> place_names_of(std::string_view place, const name_vocabulary& name_ids) {
    std::vector<std::uint32_t> out;
    std::size_t i = 0;
    while (i < place.size()) {
        if (!is_alpha(static_cast<unsigned char>(place[i]))) {
            ++i;
            continue;
        }
        // Words as terms_of reads them.
        const auto it = name_ids.find(lowered(word_at(place, i, i)));
        if (it != name_ids.end()) out.push_back(it->second);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<rules::text_evidence> build_evidence(const std::vector<article_terms>& terms, name_vocabulary* name_ids,
                                                 const std::vector<std::optional<std::int64_t>>* published,
                                                 const word_statistics* frozen, word_statistics* taken) {
    // The vocabulary, sorted, so ids do not depend on article order within it.
    std::map<std::string_view, std::uint32_t> lead_df, name_df;
    for (const auto& t : terms) {
        std::vector<std::string_view> seen(t.lead.begin(), t.lead.end());
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (const auto w : seen) ++lead_df[w];
        for (const auto n : t.names) ++name_df[n];
    }
    // Frozen statistics replace the counts of the words they hold.
    if (frozen) {
        for (auto& [w, df] : lead_df)
            if (const auto it = frozen->lead_df.find(w); it != frozen->lead_df.end()) df = it->second;
        for (auto& [w, df] : name_df)
            if (const auto it = frozen->name_df.find(w); it != frozen->name_df.end()) df = it->second;
    }
    std::map<std::string_view, std::uint32_t> lead_id, name_id;
    std::vector<std::uint32_t> lead_df_by_id;
    for (const auto& [w, df] : lead_df) {
        lead_id.emplace(w, static_cast<std::uint32_t>(lead_id.size()));
        lead_df_by_id.push_back(df);
    }
    for (const auto& [w, df] : name_df) name_id.emplace(w, static_cast<std::uint32_t>(name_id.size()));
    if (name_ids)
        for (const auto& [w, id] : name_id) name_ids->emplace(std::string(w), id);
    const double n = static_cast<double>(std::max<std::size_t>(frozen ? frozen->articles : terms.size(), 1));
    // A lead word is a blocking key when the articles using it, spread over the corpus's
    // weeks, are few a week (at least a week's worth, so a small corpus keys every word).
    double max_key_df = 0;
    if (published) {
        std::optional<std::int64_t> first, last;
        for (const auto& d : *published) {
            if (!d) continue;
            if (!first || *d < *first) first = d;
            if (!last || *d > *last) last = d;
        }
        if (first) max_key_df = max_lead_word_articles_a_week * std::max(1.0, static_cast<double>(*last - *first + 1) / 7);
    }
    if (frozen) max_key_df = frozen->max_key_lead_df;
    if (taken) {
        if (frozen) {
            *taken = *frozen;
        } else {
            *taken = word_statistics();
            taken->articles = terms.size();
            taken->max_key_lead_df = max_key_df;
            for (const auto& [w, df] : lead_df)
                if (df >= 2) taken->lead_df.emplace_hint(taken->lead_df.end(), std::string(w), df);
            for (const auto& [w, df] : name_df)
                if (df >= 2) taken->name_df.emplace_hint(taken->name_df.end(), std::string(w), df);
        }
    }
    std::vector<rules::text_evidence> out(terms.size());
    for (std::size_t a = 0; a < terms.size(); ++a) {
        auto& e = out[a];
        std::map<std::uint32_t, double> tf;
        // Term frequency times inverse document frequency, per distinct word.
        for (const auto w : terms[a].lead) tf[lead_id[w]] += std::log((n + 1) / lead_df[w]);
        double norm = 0;
        for (const auto& [id, x] : tf) norm += x * x;
        norm = std::sqrt(norm);
        for (const auto& [id, x] : tf)
            if (norm > 0) e.lead.emplace_back(id, static_cast<float>(x / norm));
        if (published && (*published)[a]) {
            // The heaviest words of the lead that are rare enough (ties by id).
            std::vector<std::pair<float, std::uint32_t>> heavy;
            for (const auto& [id, x] : e.lead)
                if (lead_df_by_id[id] >= 2 && lead_df_by_id[id] <= max_key_df) heavy.emplace_back(-x, id);
            std::sort(heavy.begin(), heavy.end());
            for (std::size_t k = 0; k < heavy.size() && k < blocking_lead_words; ++k) e.key_lead.push_back(heavy[k].second);
            std::sort(e.key_lead.begin(), e.key_lead.end());
        }
        std::vector<std::pair<double, std::uint32_t>> rare;
        for (const auto w : terms[a].names) {
            const auto df = name_df[w];
            if (df < 2) continue;  // nobody else names it: it can never be shared
            const double idf = std::log2(n / df);
            if (idf <= 0) continue;
            e.names.emplace_back(name_id[w], static_cast<float>(idf));
            if (df <= max_blocking_name_articles) rare.emplace_back(-idf, name_id[w]);
        }
        std::sort(rare.begin(), rare.end());
        for (std::size_t k = 0; k < rare.size() && k < blocking_names; ++k) e.rare_names.push_back(rare[k].second);
        std::sort(e.rare_names.begin(), e.rare_names.end());
    }
    return out;
}

std::vector<char> weights_moved_by_added(const std::vector<article_terms>& terms, std::size_t first_added,
                                         const word_statistics& frozen) {
    // The added articles' words that are counted live, lead words and names apart (they
    // are counted apart).
    std::unordered_set<std::string_view> lead, names;
    for (std::size_t a = first_added; a < terms.size(); ++a) {
        for (const auto w : terms[a].lead)
            if (!frozen.lead_df.count(w)) lead.insert(w);
        for (const auto w : terms[a].names)
            if (!frozen.name_df.count(w)) names.insert(w);
    }
    std::vector<char> moved(terms.size(), 0);
    for (std::size_t a = 0; a < first_added && a < terms.size(); ++a)
        moved[a] = std::any_of(terms[a].lead.begin(), terms[a].lead.end(), [&](std::string_view w) { return lead.count(w) > 0; }) ||
                   std::any_of(terms[a].names.begin(), terms[a].names.end(), [&](std::string_view w) { return names.count(w) > 0; });
    return moved;
}

}  // namespace reckon::match
