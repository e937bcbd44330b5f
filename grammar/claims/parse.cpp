// Runs the figure grammar at one position. State travels as parse arguments: each
// sub-phrase that may fail after some of its words matched (a range, the counted noun
// phrase) gets its own fresh `parts` through pegtl::change_state, and only merges into
// the enclosing parts when it matched, so a failed branch never leaves words behind.
#include <algorithm>
#include <array>
#include <unordered_set>
#include <cctype>
#include <tao/pegtl/contrib/analyze.hpp>

#include "claims/claims.hpp"
#include "claims/grammar.hpp"

namespace reckon::grammar::claims {

namespace {

namespace pegtl = tao::pegtl;

struct origin {
    const char* start = nullptr;  // the window's first byte
    std::size_t base = 0;         // its offset in the article
};

// Small fixed-size lists of views into the article: a figure has at most two numbers and
// four modifiers, and parsing must not allocate at every candidate position.
template <class T, std::size_t N>
struct small_list {
    std::array<T, N> items{};
    std::size_t count = 0;
    void push_back(const T& t) {
        if (count < N) items[count++] = t;
    }
    bool empty() const { return count == 0; }
    std::size_t size() const { return count; }
    const T& front() const { return items[0]; }
    const T& operator[](std::size_t i) const { return items[i]; }
    void append(const small_list& other) {
        for (std::size_t i = 0; i < other.count; ++i) push_back(other.items[i]);
    }
};

struct number_text {
    std::string_view text;
    bool words = false;   // written in words, wholly or in part ("1.5 million")
    bool digits_only = false;  // digits with separators: read exactly, overflow reported
};

struct parts {
    std::string_view qualifier_text;
    bool plus_sign = false;  // "35+"
    small_list<number_text, 2> numbers;
    small_list<byte_span, 2> number_spans;
    bool range = false;
    byte_span range_span;
    std::string_view vague;
    std::string_view noun;
    std::string_view inner_noun;
    small_list<std::string_view, 4> modifiers;

    const char* begin = nullptr;  // where this sub-phrase started

    parts() = default;
    const origin* o = nullptr;    // the window, shared by nested parts

    template <class Input>
    parts(const Input& in, parts& outer) : begin(in.current()), o(outer.o) {}

    template <class Input>
    void success(const Input& /*in*/, parts& outer) {
        if (!qualifier_text.empty()) outer.qualifier_text = qualifier_text;
        if (plus_sign) outer.plus_sign = true;
        outer.numbers.append(numbers);
        outer.number_spans.append(number_spans);
        if (range) {
            outer.range = true;
            outer.range_span = range_span;
        }
        if (!vague.empty()) outer.vague = vague;
        if (!noun.empty()) outer.noun = noun;
        if (!inner_noun.empty()) outer.inner_noun = inner_noun;
        outer.modifiers.append(modifiers);
    }
};

// The parse runs on a window that starts at the figure; `base` turns window offsets
// back into article offsets.
template <class Input>
byte_span span_of(const Input& in, std::size_t base, const char* start) {
    const auto b = static_cast<std::size_t>(in.begin() - start) + base;
    return {b, b + in.size()};
}

template <class Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<rules::qualifier> {
    template <class Input>
    static void apply(const Input& in, parts& p) { p.qualifier_text = std::string_view(in.begin(), in.size()); }
};
template <bool Words, bool DigitsOnly>
struct number_action {
    template <class Input>
    static void apply(const Input& in, parts& p) {
        p.numbers.push_back({std::string_view(in.begin(), in.size()), Words, DigitsOnly});
        p.number_spans.push_back(span_of(in, p.o->base, p.o->start));
    }
};
template <>
struct action<rules::digits> : number_action<false, true> {};
template <>
struct action<rules::space_grouped> : number_action<false, true> {};
// "1.5 million" is read as words are, but it was written in digits
template <>
struct action<rules::scaled_digits> : number_action<false, false> {};
template <>
struct action<rules::word_number> : number_action<true, false> {};
template <>
struct action<rules::plus_sign> {
    template <class Input>
    static void apply(const Input& /*in*/, parts& p) { p.plus_sign = true; }
};
template <class Rule>
struct range_form : pegtl::change_state<parts> {
    template <class Input>
    static void success(const Input& in, parts& inner, parts& outer) {
        inner.range = true;
        const origin& o = *inner.o;
        const auto b = static_cast<std::size_t>(inner.begin - o.start) + o.base;
        inner.range_span = {b, static_cast<std::size_t>(in.current() - o.start) + o.base};
        inner.success(in, outer);
    }
};
// Each form of range reads its numbers into its own parts.
template <>
struct action<rules::range_between> : range_form<rules::range_between> {};
template <>
struct action<rules::range_dashed> : range_form<rules::range_dashed> {};
template <>
struct action<rules::range_worded> : range_form<rules::range_worded> {};
template <>
struct action<rules::vague_word> {
    template <class Input>
    static void apply(const Input& in, parts& p) { p.vague = std::string_view(in.begin(), in.size()); }
};
template <>
struct action<rules::category_noun> {
    template <class Input>
    static void apply(const Input& in, parts& p) { p.noun = std::string_view(in.begin(), in.size()); }
};
template <>
struct action<rules::inner_noun> {
    template <class Input>
    static void apply(const Input& in, parts& p) { p.inner_noun = std::string_view(in.begin(), in.size()); }
};
template <>
struct action<rules::modifier> {
    template <class Input>
    static void apply(const Input& in, parts& p) { p.modifiers.push_back(std::string_view(in.begin(), in.size())); }
};
// Sub-phrases that can fail after some of their words matched.
template <class Rule>
struct fresh_parts : pegtl::change_state<parts> {
    template <class Input>
    static void success(const Input& in, parts& inner, parts& outer) {
        inner.success(in, outer);
    }
};
template <>
struct action<rules::counted_phrase> : fresh_parts<rules::counted_phrase> {};
template <>
struct action<rules::of_noun> : fresh_parts<rules::of_noun> {};
template <>
struct action<rules::vague_counted> : fresh_parts<rules::vague_counted> {};
template <>
struct action<rules::qualifier_phrase> : fresh_parts<rules::qualifier_phrase> {};

std::optional<std::int64_t> digits_value(std::string_view s, bool& overflow) {
    std::int64_t v = 0;
    int count = 0;
    for (const char c : s) {
        if (c == ',' || c == ' ') continue;
        if (++count > 15) {  // a casualty count never has 16 digits; refuse before it can overflow
            overflow = true;
            return std::nullopt;
        }
        v = v * 10 + (c - '0');
    }
    return v;
}

int small_value(std::string_view w) {
    static constexpr std::string_view names[] = {"zero",    "one",     "two",       "three",    "four",    "five",
                                        "six",     "seven",   "eight",     "nine",     "ten",     "eleven",
                                        "twelve",  "thirteen", "fourteen", "fifteen",  "sixteen", "seventeen",
                                        "eighteen", "nineteen"};
    for (int i = 0; i < 20; ++i)
        if (w == names[i]) return i;
    static constexpr std::string_view tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < 8; ++i)
        if (w == tens[i]) return 20 + 10 * i;
    return -1;
}


// The first word (lower case, up to 14 letters) at pos.
std::string_view first_word(std::string_view text, std::size_t pos, char (&buf)[16]) {
    std::size_t n = 0;
    while (pos + n < text.size() && n < 15) {
        const char c = text[pos + n];
        if (c >= 'a' && c <= 'z') buf[n] = c;
        else if (c >= 'A' && c <= 'Z') buf[n] = static_cast<char>(c + 32);
        else break;
        ++n;
    }
    if (n == 15) return {};  // longer than any opener
    return {buf, n};
}

}  // namespace

// Words and digits are read left to right: a small number adds to the current group,
// "hundred" and "dozen" multiply it, "thousand", "million" and "billion" close it into the
// total. "point" starts spoken decimals ("two point five million"), "half a" is one half,
// "a quarter of a" one quarter,
// and digits may carry a decimal part ("1.5 million"); the result is rounded.
std::optional<std::int64_t> words_value(std::string_view words) {
    double total = 0, current = 0, fraction = 0.1;
    bool any = false, after_point = false, half = false;
    std::size_t i = 0;
    const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < words.size()) {
        while (i < words.size() && !letter(words[i]) && !digit(words[i])) ++i;
        if (i >= words.size()) break;
        std::size_t j = i;
        if (digit(words[i])) {
            // "1.5", "1,500": a decimal number with thousands separators
            double v = 0, scale = 0;
            while (j < words.size() && (digit(words[j]) || words[j] == ',' || words[j] == '.')) {
                const char c = words[j];
                if (c == '.') scale = 0.1;
                else if (c != ',' && scale > 0) {
                    v += (c - '0') * scale;
                    scale /= 10;
                } else if (c != ',')
                    v = v * 10 + (c - '0');
                ++j;
            }
            i = j;
            if (v > 1e15) return std::nullopt;
            current += v;
            any = true;
            continue;
        }
        char w[16];
        std::size_t n = 0;
        while (j < words.size() && letter(words[j])) {
            if (n < sizeof w) w[n] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[j])));
            ++n;
            ++j;
        }
        i = j;
        if (n > sizeof w) return std::nullopt;
        const std::string_view word(w, n);
        if (word == "and" || word == "of") continue;
        if (word == "a" || word == "an") {
            if (!half) current += 1;
            any = true;
            continue;
        }
        if (word == "half") {
            current += 0.5;
            half = true;
        } else if (word == "quarter" || word == "quarters") {
            current = (current == 0 ? 1 : current) * 0.25;
            half = true;  // "of a million": the "a" is no further one
        } else if (word == "point") {
            after_point = true;
        } else if (word == "hundred") {
            current = (current == 0 ? 1 : current) * 100;
        } else if (word == "couple") {  // "a couple": the "a" is the one of a pair
            current = current == 0 ? 2 : current * 2;
        } else if (word == "dozen") {
            current = (current == 0 ? 1 : current) * 12;
        } else if (word == "thousand" || word == "million" || word == "billion") {
            const double scale = word == "thousand" ? 1e3 : word == "million" ? 1e6 : 1e9;
            total += (current == 0 ? 1 : current) * scale;
            current = 0;
            after_point = false;
        } else {
            const int v = word == "zero" ? 0 : small_value(word);
            if (v < 0 || (after_point && v > 9)) return std::nullopt;
            if (after_point) {
                current += v * fraction;
                fraction /= 10;
            } else {
                current += v;
            }
        }
        any = true;
    }
    if (!any || total + current > 1e15) return std::nullopt;
    return static_cast<std::int64_t>(total + current + 0.5);
}

namespace {

// Words that open a figure. Two-word qualifiers ("at least") are told apart from common
// words ("at", "in", "a") by their second word.
struct opener {
    std::string_view word;
    std::string_view next;  // required second word ("" when the word alone may open a figure)
};
constexpr opener openers[] = {
    {"a", "minimum"}, {"a", "dozen"}, {"a", "number"}, {"a", "hundred"}, {"a", "thousand"}, {"a", "million"}, {"a", "billion"},
    {"a", "quarter"}, {"a", "couple"}, {"at", "least"},
    {"at", "most"}, {"about", ""}, {"around", ""}, {"almost", ""}, {"approximately", ""}, {"as", "many"},
    {"an", "estimated"},
    {"between", ""},
    {"close", "to"},
    {"dozens", ""},
    {"estimated", ""}, {"eight", ""}, {"eighteen", ""}, {"eighty", ""}, {"eleven", ""},
    {"fewer", "than"}, {"four", ""}, {"five", ""}, {"fourteen", ""}, {"fifteen", ""}, {"forty", ""}, {"fifty", ""},
    {"half", "a"}, {"hundreds", ""},
    {"in", "excess"},
    {"less", "than"},
    {"more", "than"},
    {"no", "fewer"}, {"no", "less"}, {"not", "less"}, {"nearly", ""}, {"nine", ""}, {"nineteen", ""}, {"ninety", ""},
    {"over", ""}, {"one", ""},
    {"roughly", ""},
    {"some", ""}, {"scores", ""}, {"several", ""}, {"six", ""}, {"seven", ""}, {"sixteen", ""}, {"seventeen", ""},
    {"sixty", ""}, {"seventy", ""},
    {"thousands", ""}, {"tens", "of"}, {"two", ""}, {"three", ""}, {"ten", ""}, {"twelve", ""}, {"thirteen", ""},
    {"twenty", ""}, {"thirty", ""},
    {"upwards", "of"}, {"up", "to"}};

constexpr bool openers_well_formed() {
    for (const auto& o : openers) {
        if (o.word.empty() || o.word.size() > 13) return false;
        for (const char c : o.word)
            if (c < 'a' || c > 'z') return false;
    }
    return std::size(openers) <= 255;
}
static_assert(openers_well_formed(), "openers are 1 to 13 lower-case letters");
constexpr auto opener_table = rules::keywords::index::of(openers, [](const opener& o) { return o.word; });

}  // namespace

const std::array<bool, 26 * 27>& opener_prefixes() {
    static const auto prefixes = [] {
        std::array<bool, 26 * 27> a{};
        for (std::size_t i = 0; i < a.size(); ++i) a[i] = opener_table.shapes[i] != 0;
        return a;
    }();
    return prefixes;
}

bool could_start_figure(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return false;
    const auto is_alnum = [](char x) { return (x >= '0' && x <= '9') || (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z'); };
    if (pos > 0 && is_alnum(text[pos - 1])) return false;
    const char c = text[pos];
    if (c >= '0' && c <= '9') return true;
    // most words are refused on their first letter and length, before any comparison
    const char first = rules::keywords::lower(c);
    if (first < 'a' || first > 'z') return false;
    const char second = pos + 1 < text.size() && rules::keywords::letter(text[pos + 1]) ? rules::keywords::lower(text[pos + 1]) : 0;
    const std::uint16_t shapes = opener_table.shapes_of(first, second);
    if (shapes == 0) return false;
    std::size_t size = 1;
    while (pos + size < text.size() && rules::keywords::letter(text[pos + size])) {
        if (size == 13) return false;  // longer than any opener
        ++size;
    }
    if (!rules::keywords::index::may_hold(shapes, size)) return false;  // "the", "that": no opener this long
    char buf[16];
    for (std::size_t k = 0; k < size; ++k) buf[k] = rules::keywords::lower(text[pos + k]);
    const std::string_view w(buf, size);
    const std::size_t b = rules::keywords::index::bucket_of(first, w.size());
    char next_buf[16];
    std::optional<std::string_view> next;  // the word after, read once when an opener needs it
    for (std::size_t i = opener_table.start[b]; i < opener_table.start[b + 1]; ++i) {
        const opener& o = openers[opener_table.order[i]];
        if (!rules::keywords::same_word(o.word, w)) continue;
        if (o.next.empty()) return true;
        if (!next) {
            std::size_t n = pos + w.size();
            while (n < text.size() && text[n] == ' ') ++n;
            next = first_word(text, n, next_buf);
        }
        if (rules::keywords::same_word(*next, o.next)) return true;
    }
    return false;
}

namespace {

// A qualifier written as a sign right before the number (a space may sit between):
// "~40" about, ">20" more than, "<10" less than, and their Unicode forms (U+2248,
// U+2265 at least, U+2264 at most). The scanner starts a figure at its digit, so the
// sign is read here, looking back, and the figure's span grows to hold it.
void read_sign(std::string_view text, figure& f) {
    std::size_t at = f.span.begin;
    if (at > 0 && text[at - 1] == ' ') --at;
    struct sign {
        std::string_view written;
        enum qualifier q;
        bool less;
    };
    static constexpr sign signs[] = {{"~", qualifier::about, false},           {">", qualifier::more_than, false},
                                     {"<", qualifier::up_to, true},            {"\xE2\x89\x88", qualifier::about, false},
                                     {"\xE2\x89\xA5", qualifier::at_least, false}, {"\xE2\x89\xA4", qualifier::up_to, false}};
    for (const auto& sg : signs) {
        if (at < sg.written.size() || text.substr(at - sg.written.size(), sg.written.size()) != sg.written) continue;
        const std::size_t b = at - sg.written.size();
        // a sign glued to a word before it is markup or a formula ("a>20"), not a qualifier
        if (b > 0 && std::isalnum(static_cast<unsigned char>(text[b - 1]))) return;
        f.qualifier = sg.q;
        f.less_than = sg.less;
        f.qualifier_text = std::string(sg.written);
        f.span.begin = b;
        return;
    }
}

}  // namespace

std::optional<figure> parse_figure(std::string_view text, std::size_t pos, std::size_t limit) {
    if (pos >= text.size()) return std::nullopt;
    const std::size_t window = std::min(limit, text.size() - pos);
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + pos, window, "figure");
    const origin o{text.data() + pos, pos};
    parts p;
    p.o = &o;
    bool matched = false;
    try {
        matched = pegtl::parse<rules::figure, action>(in, p);
    } catch (const std::exception&) {
        matched = false;
    }
    if (!matched || (p.number_spans.empty() && p.vague.empty())) return std::nullopt;

    figure f;
    f.span = {pos, pos + static_cast<std::size_t>(in.current() - (text.data() + pos))};
    f.qualifier_text = std::string(p.qualifier_text);
    f.noun = std::string(p.noun);
    f.inner_noun = std::string(p.inner_noun);
    for (std::size_t i = 0; i < p.modifiers.size(); ++i) f.modifiers.emplace_back(p.modifiers[i]);
    const auto lower_q = [&] {
        std::string q(p.qualifier_text);
        for (auto& c : q) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return q;
    }();
    if (!p.vague.empty()) {
        f.qualifier = qualifier::vague;
        f.vague = std::string(p.vague);
        f.value_text = std::string(p.vague);
        const auto b = static_cast<std::size_t>(p.vague.data() - text.data());  // a view into the text
        f.number = {b, b + p.vague.size()};
        return f;
    }
    const auto value_of = [&](const number_text& n) -> std::optional<std::int64_t> {
        if (n.digits_only) return digits_value(n.text, f.overflow);
        return words_value(n.text);
    };
    f.in_words = p.numbers.front().words;
    f.first = value_of(p.numbers.front());
    if (p.range && p.numbers.size() >= 2) {
        f.second = value_of(p.numbers[1]);
        f.qualifier = qualifier::range;
        f.number = p.range_span;
        f.value_text = std::string(p.range_span.of(text));
        if (f.first && f.second && *f.first > *f.second) std::swap(f.first, f.second);
    } else {
        f.number = p.number_spans.front();
        f.value_text = std::string(p.numbers.front().text);
        if (lower_q.empty()) {
            f.qualifier = qualifier::exact;
            if (p.plus_sign) {  // "35+ dead"
                f.qualifier = qualifier::at_least;
                f.qualifier_text = "+";
            } else {
                read_sign(text, f);  // "~40", ">20"
            }
        } else if (lower_q == "at least" || lower_q == "no fewer than" || lower_q == "no less than" ||
                 lower_q == "not less than" || lower_q == "a minimum of")
            f.qualifier = qualifier::at_least;
        else if (lower_q == "more than" || lower_q == "upwards of" || lower_q == "in excess of" || lower_q == "over")
            f.qualifier = qualifier::more_than;
        else if (lower_q == "up to" || lower_q == "as many as" || lower_q == "at most")
            f.qualifier = qualifier::up_to;
        else if (lower_q == "less than" || lower_q == "fewer than") {
            f.qualifier = qualifier::up_to;
            f.less_than = true;
        } else
            f.qualifier = qualifier::about;
    }
    return f;
}

std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>> interval_of(const figure& f) {
    using opt = std::optional<std::int64_t>;
    if (f.qualifier == qualifier::vague || !f.first || f.overflow) return {opt{}, opt{}};
    const std::int64_t v = *f.first;
    switch (f.qualifier) {
    case qualifier::exact:
    case qualifier::about: return {v, v};
    case qualifier::at_least: return {v, opt{}};
    case qualifier::more_than: return {v + 1, opt{}};
    case qualifier::up_to: return {0, f.less_than ? std::max<std::int64_t>(0, v - 1) : v};
    case qualifier::range: return {v, f.second ? f.second : opt{}};
    case qualifier::vague: break;
    }
    return {opt{}, opt{}};
}

std::size_t analyze_grammar() { return pegtl::analyze<rules::figure>(-1); }

}  // namespace reckon::grammar::claims
