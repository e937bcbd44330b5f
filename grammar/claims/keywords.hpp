// A PEGTL rule for a list of one-word keywords: `keyword_list<Words>` matches when the
// word at the input (its run of ASCII letters and digits) is one of `Words`, in any case,
// and consumes that word. It matches exactly what
//     sor<kw<TAO_PEGTL_ISTRING("people")>, kw<TAO_PEGTL_ISTRING("persons")>, ...>
// matches (a keyword ends where the word ends: "over" does not match "overran"), but it
// reads the word once and looks it up among the few keywords of the same first letter
// and length, instead of comparing it with every keyword in turn. The noun, stop-word
// and number-word lists are tried at every word of a figure's noun phrase, so this is
// most of what parsing a figure costs.
//
// `keyword_list<Words, false>` also refuses a word that opens a hyphenated compound
// ("one-sided", "three-year-old"), like num_kw in grammar.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace reckon::grammar::claims::rules {

namespace keywords {

inline constexpr std::size_t max_length = 15;  // longest keyword a list may hold

constexpr bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool letter_or_digit(char c) { return letter(c) || (c >= '0' && c <= '9'); }
constexpr char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }
// a == b for short words, without a call to memcmp
constexpr bool same_word(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// A list is usable when every keyword is 1..max_length lower-case letters.
template <std::size_t N>
constexpr bool well_formed(const std::string_view (&words)[N]) {
    if (N > 255) return false;
    for (const auto w : words) {
        if (w.empty() || w.size() > max_length) return false;
        for (const char c : w)
            if (c < 'a' || c > 'z') return false;
    }
    return true;
}

// Words grouped by (first letter, length): bucket b lists order[start[b] .. start[b + 1]),
// so a word is compared with one or two of them at most. Most words fail before that, on
// their first two letters and their length (`shapes`): "the", "said" and "from" open no
// keyword of a figure.
struct index {
    static constexpr std::size_t buckets = 26 * (max_length + 1);
    std::array<std::uint8_t, buckets + 1> start{};
    std::array<std::uint8_t, 256> order{};
    // bit n of shapes[prefix_of(a, b)]: some word starts with the letters a b and has n
    // letters; prefix_of(a, 0) is for a word of the one letter a
    std::array<std::uint16_t, 26 * 27> shapes{};
    std::size_t longest = 0;

    static constexpr std::size_t bucket_of(char first, std::size_t length) {
        return static_cast<std::size_t>(first - 'a') * (max_length + 1) + length;
    }
    // first and second are lower-case letters; second is 0 for a word of one letter.
    static constexpr std::size_t prefix_of(char first, char second) {
        return static_cast<std::size_t>(first - 'a') * 27 + (second == 0 ? 26 : static_cast<std::size_t>(second - 'a'));
    }
    constexpr std::uint16_t shapes_of(char first, char second) const { return shapes[prefix_of(first, second)]; }
    // True when `shapes` (from shapes_of) allows a word of n letters.
    static constexpr bool may_hold(std::uint16_t shapes, std::size_t n) { return n <= max_length && ((shapes >> n) & 1u) != 0; }
    // The index of items[i] by word_of(items[i]), a well-formed keyword.
    template <class Item, std::size_t N, class WordOf>
    static constexpr index of(const Item (&items)[N], WordOf word_of) {
        index x;
        std::array<std::uint8_t, buckets + 1> count{};
        for (const auto& item : items) {
            const std::string_view w = word_of(item);
            ++count[bucket_of(w[0], w.size()) + 1];
            x.shapes[prefix_of(w[0], w.size() > 1 ? w[1] : 0)] |= static_cast<std::uint16_t>(1u << w.size());
            if (w.size() > x.longest) x.longest = w.size();
        }
        for (std::size_t b = 0; b < buckets; ++b) x.start[b + 1] = static_cast<std::uint8_t>(x.start[b] + count[b + 1]);
        std::array<std::uint8_t, buckets> fill{};
        for (std::size_t i = 0; i < N; ++i) {
            const std::string_view w = word_of(items[i]);
            const std::size_t b = bucket_of(w[0], w.size());
            x.order[x.start[b] + fill[b]++] = static_cast<std::uint8_t>(i);
        }
        return x;
    }
    template <std::size_t N>
    static constexpr index of(const std::string_view (&words)[N]) {
        return of(words, [](std::string_view w) { return w; });
    }
};

}  // namespace keywords

template <const auto& Words, bool CompoundAllowed = true>
struct keyword_list {
    static_assert(keywords::well_formed(Words), "keywords are 1 to 15 lower-case letters, at most 255 of them");
    static constexpr keywords::index table = keywords::index::of(Words);

    using rule_t = keyword_list;
    using subs_t = tao::pegtl::type_list<>;

    template <typename ParseInput>
    [[nodiscard]] static bool match(ParseInput& in) {
        const std::size_t available = in.size(keywords::max_length + 2);
        if (available == 0) return false;
        const char* p = in.current();
        const char first = keywords::lower(p[0]);
        if (first < 'a' || first > 'z') return false;
        char second = 0;
        if (available > 1 && keywords::letter_or_digit(p[1])) {
            second = keywords::lower(p[1]);
            if (second < 'a' || second > 'z') return false;  // no keyword has a digit
        }
        const std::uint16_t shapes = table.shapes_of(first, second);
        if (shapes == 0) return false;
        char word[keywords::max_length];
        std::size_t n = 0;
        while (n < available && keywords::letter_or_digit(p[n])) {
            if (n == table.longest) return false;  // longer than any keyword
            word[n] = keywords::lower(p[n]);
            ++n;
        }
        if (!keywords::index::may_hold(shapes, n)) return false;
        const std::string_view w(word, n);
        const std::size_t b = keywords::index::bucket_of(first, n);
        bool known = false;
        for (std::size_t i = table.start[b]; i < table.start[b + 1] && !known; ++i) known = keywords::same_word(Words[table.order[i]], w);
        if (!known) return false;
        if constexpr (!CompoundAllowed)
            if (n + 1 < available && p[n] == '-' && keywords::letter(p[n + 1])) return false;
        in.bump_in_this_line(n);
        return true;
    }
};

}  // namespace reckon::grammar::claims::rules

namespace tao::pegtl {

// For pegtl::analyze: a keyword always consumes input when it matches.
template <typename Name, const auto& Words, bool CompoundAllowed>
struct analyze_traits<Name, reckon::grammar::claims::rules::keyword_list<Words, CompoundAllowed>> : analyze_any_traits<> {};

}  // namespace tao::pegtl
