// Scans an article's opening for its publication date. Candidates are word starts
// (a letter or digit after a non-alphanumeric byte); the grammar runs locally at each
// and never rescans, so the cost is linear in `limit`.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "dateline/dateline.hpp"
#include "dateline/grammar.hpp"

namespace reckon::grammar::dateline {

namespace {

// Which alternative matched and its text. Actions sit only on whole alternatives:
// PEGTL runs an action as soon as its rule matches, even inside a branch that later
// fails, so piecewise actions would leave stale numbers behind.
enum class shape { none, iso, numeric, month_day_year, day_month_year, glued, column_mdy };
struct parts {
    shape kind = shape::none;
    std::vector<std::string> numbers;  // digit runs, in order
    std::vector<std::string> words;    // letter runs, in order
};

void tokenize(std::string_view s, parts& p) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t j = i;
        if (std::isdigit(c)) {
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
            p.numbers.emplace_back(s.substr(i, j - i));
        } else if (std::isalpha(c)) {
            while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
            p.words.emplace_back(s.substr(i, j - i));
        } else {
            ++j;
        }
        i = j;
    }
}

template <shape Shape>
struct capture {
    template <class Input>
    static void apply(const Input& in, parts& p) {
        p.kind = Shape;
        tokenize(std::string_view(in.begin(), in.size()), p);
    }
};

template <class Rule>
struct action : pegtl::nothing<Rule> {};
template <>
struct action<iso_date> : capture<shape::iso> {};
template <>
struct action<year_first_date> : capture<shape::iso> {};
template <>
struct action<month_day_glued_year> : capture<shape::glued> {};
template <>
struct action<numeric_date> : capture<shape::numeric> {};
template <>
struct action<month_day_year> : capture<shape::month_day_year> {};
template <>
struct action<day_month_year> : capture<shape::day_month_year> {};
template <>
struct action<column_mdy> : capture<shape::column_mdy> {};

bool plausible_year(int y) { return y >= 1900 && y <= 2100; }

std::optional<date> make(int y, int m, int d) {
    if (!plausible_year(y) || !valid_ymd(y, m, d)) return std::nullopt;
    return date::of_day(y, m, d);
}

// Turns matched parts into a date, or nullopt when the words are not a month name
// or the numbers do not form a real day.
std::optional<found_date> interpret(const parts& p) {
    const auto num = [&](std::size_t i) { return std::stoi(p.numbers.at(i)); };
    found_date f;
    if (p.kind == shape::iso) {
        auto d = make(num(0), num(1), num(2));
        if (!d) return std::nullopt;
        f.value = *d;
        return f;
    }
    if (p.kind == shape::numeric) {
        // Outlets in the corpus write day first; keep the month-first reading too so a
        // caller with a second opinion (a date column) can choose.
        auto day_first = make(num(2), num(1), num(0));
        auto month_first = make(num(2), num(0), num(1));
        if (!day_first && !month_first) return std::nullopt;
        f.value = day_first ? *day_first : *month_first;
        if (day_first && month_first && *day_first != *month_first) f.month_first = month_first;
        return f;
    }
    if (p.kind == shape::glued) {
        // "Jul 262016": the last four digits are the year, the one or two before them the day
        if (p.words.size() != 1 || p.numbers.size() != 1) return std::nullopt;
        const std::string& n = p.numbers[0];
        const int month = month_from_name(p.words[0]);
        if (month == 0 || n.size() < 5) return std::nullopt;
        auto d = make(std::stoi(n.substr(n.size() - 4)), month, std::stoi(n.substr(0, n.size() - 4)));
        if (!d) return std::nullopt;
        f.value = *d;
        return f;
    }
    // Word dates: the month is the last word that is no ordinal suffix ("1st") or "of";
    // a word before it is a weekday.
    std::vector<std::string> words;
    for (const auto& w : p.words) {
        std::string l = w;
        for (auto& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (l != "st" && l != "nd" && l != "rd" && l != "th" && l != "of") words.push_back(w);
    }
    if (words.empty() || words.size() > 2 || p.numbers.size() != 2) return std::nullopt;
    const int month = month_from_name(words.back());
    if (month == 0) return std::nullopt;
    if (words.size() == 2 && weekday_from_name(words.front()) < 0) return std::nullopt;
    // month_day_year: numbers are day, year; day_month_year: day, year as well.
    auto d = make(num(1), month, num(0));
    if (!d) return std::nullopt;
    f.value = *d;
    return f;
}

bool word_start(std::string_view text, std::size_t i) {
    if (!std::isalnum(static_cast<unsigned char>(text[i]))) return false;
    return i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
}

}  // namespace

std::optional<found_date> find_publication_date(std::string_view text, std::size_t limit) {
    const std::size_t end = std::min(limit, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (!word_start(text, i)) continue;
        // A date is at most ~40 bytes long; parse a bounded window.
        const std::size_t window = std::min<std::size_t>(48, text.size() - i);
        pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + i, window, "dateline");
        parts p;
        bool matched = false;
        try {
            matched = pegtl::parse<written_date, action>(in, p);
        } catch (const std::exception&) {
            matched = false;  // std::stoi on absurd numbers: not a date
        }
        if (!matched) continue;
        std::optional<found_date> f;
        try {
            f = interpret(p);
        } catch (const std::exception&) {
            f.reset();
        }
        if (!f) continue;
        f->where = {i, i + static_cast<std::size_t>(in.current() - (text.data() + i))};
        return f;
    }
    return std::nullopt;
}

std::optional<date> parse_column_date(std::string_view text) {
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(), "date");
    parts p;
    try {
        if (!pegtl::parse<column_date, action>(in, p)) return std::nullopt;
        if (p.kind == shape::iso) return make(std::stoi(p.numbers.at(0)), std::stoi(p.numbers.at(1)), std::stoi(p.numbers.at(2)));
        return make(std::stoi(p.numbers.at(2)), std::stoi(p.numbers.at(0)), std::stoi(p.numbers.at(1)));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace reckon::grammar::dateline
