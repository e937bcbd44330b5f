// Text layout for extraction: sentences and words of an article, found in one pass.
// A sentence never runs past a line break, and a sentence longer than
// `max_sentence_bytes` is cut at a word boundary, so everything done per sentence
// stays bounded however odd the article (1 MB without a full stop).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/span.hpp"

namespace reckon::extract {

inline constexpr std::size_t max_sentence_bytes = 1200;

struct sentence {
    byte_span span;        // without surrounding blanks
    bool line_alone = false;  // a whole line without closing punctuation: a headline or caption
    bool paragraph_start = false;  // first sentence of its line or paragraph
};

// Sentences of text[body.begin, body.end), in order.
std::vector<sentence> split_sentences(std::string_view text, byte_span body);

// True when some word of text[span] starts like a casualty outcome ("kill", "dead",
// "wound", "toll", "bodies"...). Outcomes are read within the sentence only, so a
// sentence without one cannot hold a claim and its numbers need not be parsed.
bool has_outcome_stem(std::string_view text, byte_span span);

// Where the words of text[span] start: each ASCII letter or digit that follows a byte
// that is neither, and text[span.begin] when it is one. In order, into `out` (cleared).
void word_starts(std::string_view text, byte_span span, std::vector<std::size_t>& out);

// What a word may signal, looked up once when the sentence is split into words so
// that the readers of outcome, date, scope, actor and attack test bits instead of strings.
enum word_flag : std::uint32_t {
    w_killed = 1u << 0,      // killed, dead, died, deaths, toll...
    w_injured = 1u << 1,     // wounded, injured...
    w_missing = 1u << 2,     // missing, disappeared
    w_contextual = 1u << 3,  // victims, remains: an outcome only in context
    w_blocker = 1u << 4,     // evacuated, displaced, remain...: not a casualty outcome
    w_report = 1u << 5,      // said, reported, according...
    w_date = 1u << 6,        // weekdays, months, yesterday, day(s), month, year
    w_actor = 1u << 7,       // coalition, Russian, regime...
    w_scope = 1u << 8,       // since, so far, overall, war...
    w_breakdown = 1u << 9,   // including, among, of whom...
    w_retrieval = 1u << 10,  // retrieved, recovered
    w_pronoun = 1u << 11,    // he, she, it, they, its, their
    w_attack = 1u << 12,     // air, shelling, car, clashes...: how the people were killed
    w_date_lead = 1u << 13,  // the, last, this, past, early, a, two...: a date phrase may open here
    w_date_unit = 1u << 14,  // week, night, days, hours, end...: what follows a date_lead word in a date phrase
};

// FNV-1a over a word's lower-case bytes: computed once per word, so that every later
// table lookup (flags, source forms) is one probe, not a string hash.
inline constexpr std::uint64_t word_hash_prime = 1099511628211ULL;
inline std::uint64_t word_hash(std::string_view w) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : w) {
        h ^= static_cast<unsigned char>(c);
        h *= word_hash_prime;
    }
    return h;
}
// The key of a two-word sequence ("the observatory").
inline std::uint64_t pair_hash(std::uint64_t first, std::uint64_t second) {
    return (first * 0x9E3779B97F4A7C15ULL) ^ (second + 0x632BE59BD9B4E019ULL);
}

// A small open-addressing table from words (by word_hash) to values; keys are views
// that must outlive the table (string literals, registry strings).
template <class Value>
class word_table {
public:
    explicit word_table(std::size_t capacity_hint = 256) {
        std::size_t n = 64;
        while (n < capacity_hint * 2) n *= 2;
        m_slots.resize(n);
    }
    Value& insert(std::uint64_t hash, std::string_view key) {
        if ((m_used + 1) * 2 > m_slots.size()) grow();
        slot& s = probe(hash, key);
        m_filter[filter_bit(hash) >> 6] |= std::uint64_t{1} << (filter_bit(hash) & 63);
        if (!s.used) {
            s.used = true;
            s.hash = hash;
            s.key = key;
            ++m_used;
        }
        return s.value;
    }
    const Value* find(std::uint64_t hash, std::string_view key) const {
        if (!may_hold(hash)) return nullptr;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const slot& s = m_slots[i];
            if (!s.used) return nullptr;
            if (s.hash == hash && s.key == key) return &s.value;
        }
    }

private:
    // A 4096-bit filter on the top bits of the hashes: most words of a text are in no
    // table, and are refused here without touching the slots (which do not fit in a
    // first-level cache).
    static std::size_t filter_bit(std::uint64_t hash) { return static_cast<std::size_t>(hash >> 52); }
    bool may_hold(std::uint64_t hash) const {
        const std::size_t b = filter_bit(hash);
        return ((m_filter[b >> 6] >> (b & 63)) & 1u) != 0;
    }
    std::array<std::uint64_t, 64> m_filter{};
    struct slot {
        bool used = false;
        std::uint64_t hash = 0;
        std::string_view key;
        Value value{};
    };
    slot& probe(std::uint64_t hash, std::string_view key) {
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            slot& s = m_slots[i];
            if (!s.used || (s.hash == hash && s.key == key)) return s;
        }
    }
    void grow() {
        std::vector<slot> old;
        old.swap(m_slots);
        m_slots.resize(old.size() * 2);
        m_used = 0;
        for (auto& s : old)
            if (s.used) insert(s.hash, s.key) = std::move(s.value);
    }
    std::vector<slot> m_slots;
    std::size_t m_used = 0;
};

// A fixed list of lower-case words, asked whether it holds a word: one hash and one probe
// instead of a scan, for the lists the readers consult at every capitalised word.
class word_set {
public:
    word_set(std::initializer_list<std::string_view> words) : m_table(words.size()) {
        for (const auto w : words) m_table.insert(word_hash(w), w) = true;
    }
    // The words of a list kept as an array for other uses (its views must outlive the set).
    template <std::size_t N>
    explicit word_set(const std::array<std::string_view, N>& words) : m_table(N) {
        for (const auto w : words) m_table.insert(word_hash(w), w) = true;
    }
    bool contains(std::string_view w) const { return m_table.find(word_hash(w), w) != nullptr; }
    // The same with the word's hash already made (word::hash): no second pass over its bytes.
    bool contains(std::string_view w, std::uint64_t hash) const { return m_table.find(hash, w) != nullptr; }

private:
    word_table<bool> m_table;
};

// ASCII character classes without locale lookups (bytes >= 0x80 are never letters here).
inline bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool ascii_lower_case(char c) { return c >= 'a' && c <= 'z'; }
// One comparison: setting bit 0x20 folds 'A'..'Z' onto 'a'..'z' and moves no other byte there.
inline bool ascii_alpha(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
inline bool ascii_alnum(char c) { return ascii_alpha(c) || ascii_digit(c); }
// ASCII lower case without locale lookups.
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// A word of a sentence: letters, digits and inner hyphens or apostrophes.
struct word {
    std::size_t begin = 0;  // byte offsets in the article
    std::size_t end = 0;
    std::string_view lower; // lower-case ASCII form (other bytes kept), in the caller's buffer
    bool capital = false;   // starts with an upper-case letter
    bool digits = false;    // starts with a digit
    char before = ' ';      // the byte before the word (' ' at the sentence start)
    std::uint32_t flags = 0;  // word_flag bits
    std::uint64_t hash = 0;   // word_hash(lower)
    bool has(std::uint32_t f) const { return (flags & f) != 0; }
};

// Words of text[span]. `lower` is the whole text in lower case (lower_case_of(text)); the
// words' lower-case forms are views into it, so it must outlive them.
std::vector<word> words_of(std::string_view text, byte_span span, std::string_view lower);
// The text with ASCII letters in lower case, byte for byte (same offsets).
std::string lower_case_of(std::string_view text);

}  // namespace reckon::extract
