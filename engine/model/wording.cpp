#include "model/wording.hpp"

#include <cctype>

namespace reckon {

std::string count_of(std::size_t n, std::string_view singular, std::string_view plural) {
    std::string out = std::to_string(n) + " ";
    if (n == 1) return out + std::string(singular);
    return out + (plural.empty() ? std::string(singular) + "s" : std::string(plural));
}

std::string category_noun(std::string_view category, bool one) {
    if (!one) return std::string(category);
    static const std::pair<std::string_view, std::string_view> irregular[] = {
        {"people", "person"}, {"children", "child"}, {"women", "woman"}, {"men", "man"}, {"casualties", "casualty"},
    };
    for (const auto& [many, single] : irregular)
        if (category == many) return std::string(single);
    if (category.size() > 3 && category.back() == 's' && category[category.size() - 2] != 's')
        return std::string(category.substr(0, category.size() - 1));
    return std::string(category);
}

namespace {

bool is_one(std::string_view value_text, std::optional<std::int64_t> value) {
    if (value) return *value == 1;
    std::string lower(value_text);
    for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return lower == "one" || lower == "1";
}

// Vague plural words take "of" before their noun: "dozens of people", "hundreds of".
bool takes_of(std::string_view vague) {
    return !vague.empty() && vague.back() == 's' && vague != "several" && vague != "numerous";
}

// A word capitalised because it opened its sentence ("Thirteen", "At least") in
// lower case; names and digits stay as written.
std::string mid_sentence(std::string_view words) {
    std::string out(words);
    if (out.size() > 1 && std::isupper(static_cast<unsigned char>(out[0])) && std::islower(static_cast<unsigned char>(out[1])))
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

}  // namespace

std::string figure_words(std::string_view qualifier_text, std::string_view value_text, std::string_view vague,
                         std::string_view category, std::optional<std::int64_t> value) {
    std::string out;
    if (!qualifier_text.empty() && qualifier_text != vague) out += mid_sentence(qualifier_text) + " ";
    out += mid_sentence(vague.empty() ? value_text : vague);
    const bool one = vague.empty() && is_one(value_text, value);
    if (takes_of(vague)) out += " of";
    if (!category.empty()) out += " " + category_noun(category, one);
    return out;
}

std::string figure_words(const claim& c) {
    std::optional<std::int64_t> value;
    if (c.low && c.high && *c.low == *c.high) value = c.low;
    return figure_words(c.qualifier_text, c.value_text, c.vague, c.category, value);
}

std::string credit_words(std::string_view source, std::string_view source_text, const std::vector<std::string>& relay,
                         bool in_sentence) {
    if (source.empty()) return "an unattributed report";
    if (source_text.empty()) return std::string(source) + " (unattributed)";
    std::string out(source);
    std::vector<std::string_view> via;
    for (const auto& r : relay)
        if (r != source && (via.empty() || via.back() != r)) via.push_back(r);
    for (std::size_t i = 0; i < via.size(); ++i)
        out += std::string(i > 0 ? (i + 1 == via.size() ? " and " : ", ") : in_sentence ? " (via " : ", via ") +
               std::string(via[i]);
    if (in_sentence && !via.empty()) out += ")";
    return out;
}

std::string credit_words(const claim& c, bool in_sentence) { return credit_words(c.source, c.source_text, c.relay, in_sentence); }

std::string origin_words(std::string_view origin) {
    if (origin.substr(0, 7) == "source:") return std::string(origin.substr(7));
    if (origin.substr(0, 8) == "article:") return "article " + std::string(origin.substr(8));
    return std::string(origin);
}

std::string range_words(std::optional<std::int64_t> low, std::optional<std::int64_t> high, std::optional<std::int64_t> best) {
    if (!low) return "no estimate";
    std::string out = !high ? grouped(*low) + " or more" : *low == *high ? grouped(*low) : grouped(*low) + " to " + grouped(*high);
    if (best && !(high && *low == *high && *best == *low)) out += " (best estimate " + grouped(*best) + ")";
    return out;
}

std::string grouped(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

}  // namespace reckon
