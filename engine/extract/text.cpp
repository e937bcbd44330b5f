// Splits an article into sentences and words. One linear pass; no regular expressions.
#include "extract/text.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <cctype>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace reckon::extract {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Abbreviations after which a full stop does not end a sentence.
bool abbreviation_before(std::string_view text, std::size_t dot) {
    std::size_t b = dot;
    while (b > 0 && (ascii_alpha(text[b - 1]) || text[b - 1] == '.')) --b;
    const std::string_view w = text.substr(b, dot - b);
    if (w.size() == 1 && ascii_upper(w[0])) return true;  // initials: "A. Smith"
    if (w.find('.') != std::string_view::npos) return true;                             // "U.S.", "U.N."
    if (w.size() < 2 || w.size() > 6) return false;  // no abbreviation below is shorter or longer
    static const std::string_view abbrev[] = {"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt",
                                              "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
                                              "Oct", "Nov", "Dec", "Prof", "Rev", "Sen", "Gov", "Jr", "Sr", "Mt", "approx"};
    for (const auto a : abbrev)
        if (w == a) return true;
    return false;
}

// "a.m." or "p.m." ends a sentence ("shots rang out about 2 a.m. Police said...", "at 4:30
// a.m. Arwood was pronounced dead") unless what follows still tells the time: a weekday, a
// month, a time zone or "local" ("10 a.m. Tuesday", "at 9 p.m. EST"). `dot` is the final
// full stop, `next` the first byte of the next word.
bool time_of_day_ends_sentence(std::string_view text, std::size_t dot, std::size_t next) {
    if (dot < 3 || text[dot - 2] != '.' || (ascii_lower(text[dot - 1]) != 'm') ||
        (ascii_lower(text[dot - 3]) != 'a' && ascii_lower(text[dot - 3]) != 'p') || (dot >= 4 && ascii_alpha(text[dot - 4])))
        return false;
    std::size_t e = next;
    while (e < text.size() && ascii_alpha(text[e])) ++e;
    if (e == next) return true;
    char w[12];
    const std::size_t n = std::min<std::size_t>(e - next, sizeof w);
    for (std::size_t k = 0; k < n; ++k) w[k] = ascii_lower(text[next + k]);
    const std::string_view word(w, n);
    static const std::string_view still_time[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "et", "est", "edt", "ct", "cst", "cdt", "mt",
        "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc", "local", "eastern", "central", "mountain", "pacific", "today",
        "tonight", "yesterday"};
    for (const auto t : still_time)
        if (word == t) return false;
    return true;
}

// UTF-8 closing quotes: U+201D, U+2019
std::size_t closing_quote_at(std::string_view text, std::size_t i) {
    if (text[i] == '"' || text[i] == '\'' || text[i] == ')') return 1;
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x9D || static_cast<unsigned char>(text[i + 2]) == 0x99))
        return 3;
    return 0;
}

const word_table<std::uint32_t>& flag_table() {
    static const auto table = [] {
        word_table<std::uint32_t> t(512);
        const auto add = [&](std::uint32_t f, std::initializer_list<std::string_view> ws) {
            for (const auto w : ws) t.insert(word_hash(w), w) |= f;
        };
        add(w_killed, {"killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying", "death", "deaths",
                       "slain", "massacred", "executed", "perished", "fatalities", "lives", "bodies", "corpses", "martyred",
                       "martyrs", "toll", "beheaded", "lifeless", "fatally", "murdered", "slew", "eliminated",
                       "eliminating", "elimination", "neutralized", "neutralised", "liquidated", "life"});
        add(w_injured, {"injured", "injuring", "injures", "injure", "wounded", "wounding", "wounds", "injuries", "hurt",
                        "wound", "injury", "hospitalized", "hospitalised"});
        add(w_missing, {"missing", "disappeared", "unaccounted", "disappearance"});
        add(w_contextual, {"victims", "casualties", "remains"});
        add(w_blocker, {"evacuated", "displaced", "fled", "flee", "remain", "remained", "arrested", "detained", "captured",
                        "kidnapped", "abducted", "released", "freed", "returned", "surrendered", "rescued", "deployed",
                        "joined", "trained", "recruited", "sentenced", "defected", "live", "lived", "living", "besieged",
                        "trapped", "held", "evacuate", "escaped", "attended", "gathered", "protested", "imprisoned",
                        "jailed", "expelled", "deported", "employed", "hosted", "registered", "uprooted", "homeless", "fleeing", "relocated"});
        add(w_report, {"acknowledged", "admitted", "conceded", "acknowledges", "said", "says", "say", "reported", "reports",
                       "reporting", "told", "tells", "added", "adds", "stated", "announced", "estimated", "estimates",
                       "estimating", "documented", "confirmed", "claimed", "noted", "report", "statement", "according",
                       "saying", "quoted", "cited"});
        add(w_date, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
                     "tonight", "overnight", "month", "year", "days", "day", "january", "february", "march", "april", "may",
                     "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"});
        add(w_date_lead, {"the", "last", "this", "past", "previous", "earlier", "early", "mid", "late", "a", "an", "one", "two",
                          "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                          "fourteen", "fifteen", "twenty", "thirty", "several"});
        add(w_date_unit, {"day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "hours", "night",
                          "morning", "afternoon", "evening", "few", "end", "beginning", "start", "middle", "first", "second",
                          "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
                          "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                          "twentieth", "thirtieth"});
        add(w_actor, {"coalition", "russian", "russia", "regime", "government", "pro-regime", "pro-government", "syrian",
                      "turkish", "iraqi", "israeli", "rebels", "rebel"});
        add(w_scope, {"since", "far", "date", "overall", "campaign", "throughout", "cumulative", "alone", "war", "conflict",
                      "in"});
        add(w_breakdown, {"including", "includes", "included", "among", "them", "whom", "incl", "mostly", "mainly"});
        add(w_retrieval, {"retrieved", "recovered", "pulled", "unearthed"});
        add(w_pronoun, {"he", "she", "it", "they", "its", "their"});
        add(w_attack, {"air", "airstrike", "airstrikes", "air-strike", "air-strikes", "warplane", "warplanes", "jets",
                       "helicopter", "helicopters", "barrel", "drone", "drones", "aerial", "strike", "strikes",
                       "shelling", "shelled", "shells", "artillery", "mortar", "mortars", "rocket", "rockets", "missile",
                       "missiles", "car", "booby-trapped", "suicide", "bomber", "explosion", "explosions", "blast",
                       "explosive", "explosives", "ied", "clashes", "fighting", "battle", "battles", "fire"});
        return t;
    }();
    return table;
}

std::uint32_t flags_of(std::string_view lower, std::uint64_t hash, bool hyphenated) {
    const auto& t = flag_table();
    if (const auto* f = t.find(hash, lower)) return *f;
    if (!hyphenated) return 0;
    // "wednesday-thursday"
    const auto dash = lower.find('-');
    if (dash != std::string_view::npos && dash > 0) {
        const auto head = lower.substr(0, dash);
        if (const auto* f = t.find(word_hash(head), head)) return *f & w_date;
    }
    return 0;
}

// Bytes that may end a sentence: a line break, '.', '!' or '?'.
bool may_end_sentence(char c) { return c == '\n' || c == '.' || c == '!' || c == '?'; }

// The first i in [from, limit) where text[i] may end a sentence, or limit. Sixteen bytes
// at a time where SSE2 is there (every x86-64): most of an article is skipped here.
std::size_t next_stop(std::string_view text, std::size_t from, std::size_t limit) {
    std::size_t i = from;
#if defined(__SSE2__)
    const __m128i line = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?');
    for (; i + 16 <= limit; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, line), _mm_cmpeq_epi8(x, dot)),
                                         _mm_or_si128(_mm_cmpeq_epi8(x, bang), _mm_cmpeq_epi8(x, ask)));
        if (const int mask = _mm_movemask_epi8(hit)) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    while (i < limit && !may_end_sentence(text[i])) ++i;
    return i;
}

// Word starts of casualty outcomes: "kill", "dead", "wound", "toll", "bodies"...
constexpr std::string_view outcome_stems[] = {
    "slew", "elim", "neut", "liqu", "clai", "dest",
    "kill", "dead", "die",  "dyin", "deat", "woun", "inju", "toll", "bodi", "corp", "vict", "casu", "miss", "disa", "slai",
    "mass", "exec", "peri", "fata", "live", "mart", "behe", "murd", "rema", "hurt", "life", "unac", "dies", "died", "lost",
    "shot", "homi", "gunn", "slay",
    // the state of the wounded: "was hospitalized", "is in critical condition"
    "hosp", "cond",
    // gunfire that struck someone: "was struck by gunfire", "hit by a stray bullet"
    "stru", "gunf", "bull",
    // the wounded alive: "three teens are recovering", "four were treated and released"
    "reco", "trea",
    // a charge that counts the dead: "two counts of manslaughter"
    "mans"};
// The stems by their first two letters (bit k: outcome_stems[k]): most words ("the",
// "and") are refused on them at once.
constexpr auto outcome_heads = [] {
    std::array<std::uint64_t, 26 * 26> a{};
    for (std::size_t k = 0; k < std::size(outcome_stems); ++k)
        a[static_cast<std::size_t>((outcome_stems[k][0] - 'a') * 26 + (outcome_stems[k][1] - 'a'))] |= std::uint64_t{1} << k;
    return a;
}();
static_assert(std::size(outcome_stems) <= 64, "one bit per stem");

// True when some stem starts with the letters a b (a is an ASCII letter): the quick test
// made at every word start of an article.
inline bool outcome_head(char a, char b) {
    const auto second = static_cast<unsigned char>((b | 0x20) - 'a');  // 26 and above: not a letter
    return second < 26 && outcome_heads[static_cast<std::size_t>(static_cast<unsigned char>((a | 0x20) - 'a')) * 26 + second] != 0;
}

// True when the word at text[i] (an ASCII letter, i + 1 < end) starts like a casualty outcome.
bool outcome_stem_at(std::string_view text, std::size_t i, std::size_t end) {
    const char c0 = ascii_lower(text[i]);
    const char c1 = ascii_lower(text[i + 1]);
    if (c1 < 'a' || c1 > 'z') return false;
    std::uint64_t candidates = outcome_heads[static_cast<std::size_t>((c0 - 'a') * 26 + (c1 - 'a'))];
    if (candidates == 0) return false;
    char buf[4] = {c0, c1, ' ', ' '};
    for (std::size_t k = 2; k < 4 && i + k < end; ++k) buf[k] = ascii_lower(text[i + k]);
    for (; candidates != 0; candidates &= candidates - 1) {
        const std::string_view st = outcome_stems[__builtin_ctzll(candidates)];
        bool same = true;
        for (std::size_t k = 2; k < st.size() && same; ++k) same = buf[k] == st[k];
        if (same) return true;
    }
    return false;
}

#if defined(__SSE2__)
// Bit k is set when p[k] is an ASCII letter, for the 16 bytes at p.
unsigned letter_bits(const char* p) {
    const __m128i folded = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), _mm_set1_epi8(0x20));
    const __m128i from_a = _mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1));  // bytes >= 0x80 are negative: never letters
    const __m128i to_z = _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(from_a, to_z)));
}
// Bit k is set when p[k] is an ASCII letter or digit, for the 16 bytes at p.
unsigned alnum_bits(const char* p) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
    return letter_bits(p) | static_cast<unsigned>(_mm_movemask_epi8(digit));
}
#endif

}  // namespace

void word_starts(std::string_view text, byte_span span, std::vector<std::size_t>& out) {
    out.clear();
    const std::size_t end = std::min(span.end, text.size());
    std::size_t i = span.begin;
    bool in_word = false;  // text[i - 1] is a letter or digit of a word already listed
#if defined(__SSE2__)
    for (; i + 16 <= end; i += 16) {
        const unsigned alnum = alnum_bits(text.data() + i);
        for (unsigned starts = alnum & ~((alnum << 1) | (in_word ? 1u : 0u)); starts != 0; starts &= starts - 1)
            out.push_back(i + static_cast<std::size_t>(__builtin_ctz(starts)));
        in_word = (alnum >> 15) & 1u;
    }
#endif
    for (; i < end; ++i) {
        const bool alnum = ascii_alnum(text[i]);
        if (alnum && !in_word) out.push_back(i);
        in_word = alnum;
    }
}

bool has_outcome_stem(std::string_view text, byte_span span) {
    const std::size_t end = std::min(span.end, text.size());
    std::size_t i = span.begin;
    bool in_word = false;  // text[i - 1] is a letter of a word already looked at
#if defined(__SSE2__)
    // sixteen bytes at a time: the word starts are the letters after a non-letter
    for (; i + 16 <= end; i += 16) {
        const unsigned letters = letter_bits(text.data() + i);
        for (unsigned starts = letters & ~((letters << 1) | (in_word ? 1u : 0u)); starts != 0; starts &= starts - 1) {
            const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(starts));
            if (at + 1 < end && outcome_head(text[at], text[at + 1]) && outcome_stem_at(text, at, end)) return true;
        }
        in_word = (letters >> 15) & 1u;
    }
#endif
    if (in_word)
        while (i < end && ascii_alpha(text[i])) ++i;
    while (i + 1 < end) {
        if (!ascii_alpha(text[i])) {
            ++i;
            continue;
        }
        if (outcome_head(text[i], text[i + 1]) && outcome_stem_at(text, i, end)) return true;
        while (i < end && ascii_alpha(text[i])) ++i;  // to the end of the word
    }
    return false;
}

std::vector<sentence> split_sentences(std::string_view text, byte_span body) {
    std::vector<sentence> out;
    const std::size_t end = std::min(body.end, text.size());
    std::size_t start = body.begin;
    bool at_line_start = true;
    auto emit = [&](std::size_t b, std::size_t e, bool ended_by_newline) {
        while (b < e && is_space(text[b])) ++b;
        while (e > b && is_space(text[e - 1])) --e;
        if (b >= e) return;
        sentence s;
        s.span = {b, e};
        s.paragraph_start = at_line_start;
        if (ended_by_newline && at_line_start) {
            const char last = text[e - 1];
            s.line_alone = !(last == '.' || last == '!' || last == '?' || last == '"' || last == ':' ||
                             static_cast<unsigned char>(last) == 0x9D /* closing quote */);
        }
        out.push_back(s);
    };
    std::size_t i = start;
    while (i < end) {
        // skip to the next byte that may end a sentence, or to the length limit
        const std::size_t limit = std::min(end, start + max_sentence_bytes);
        i = next_stop(text, i, limit);
        if (i >= end) break;
        const char c = text[i];
        if (c == '\n') {
            emit(start, i, true);
            start = i + 1;
            at_line_start = true;
            ++i;
            continue;
        }
        if (c == '.' || c == '!' || c == '?') {
            std::size_t j = i + 1;
            while (j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;
            while (j < end)
                if (const auto q = closing_quote_at(text, j)) j += q;
                else break;
            if (j >= end || text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n') {
                std::size_t k = j;
                while (k < end && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
                const bool next_starts = k >= end || text[k] == '\n' || ascii_upper(text[k]) ||
                                         ascii_digit(text[k]) || text[k] == '"' ||
                                         static_cast<unsigned char>(text[k]) >= 0x80 || text[k] == '(' || text[k] == '[';
                if (next_starts && !(c == '.' && abbreviation_before(text, i) && !time_of_day_ends_sentence(text, i, k))) {
                    emit(start, j, false);
                    start = j;
                    at_line_start = false;
                    i = j;
                    continue;
                }
            }
        }
        if (i - start >= max_sentence_bytes && is_space(c)) {
            emit(start, i, false);
            start = i;
            at_line_start = false;
        }
        ++i;
    }
    emit(start, end, true);
    return out;
}

std::string lower_case_of(std::string_view text) {
    std::string out(text);
    char* p = out.data();
    const std::size_t n = out.size();
    std::size_t k = 0;
#if defined(__SSE2__)
    // sixteen bytes at a time: add 0x20 to every byte in 'A'..'Z' (signed compares leave bytes >= 0x80 alone)
    for (; k + 16 <= n; k += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
        const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(p + k), _mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    }
#endif
    // eight bytes at a time: set bit 0x20 of every byte in 'A'..'Z' (bytes >= 0x80 untouched)
    for (; k + 8 <= n; k += 8) {
        std::uint64_t x;
        std::memcpy(&x, p + k, 8);
        const std::uint64_t low7 = x & 0x7F7F7F7F7F7F7F7FULL;
        const std::uint64_t above_z = low7 + 0x2525252525252525ULL;  // high bit set when > 'Z'
        const std::uint64_t from_a = low7 + 0x3F3F3F3F3F3F3F3FULL;   // high bit set when >= 'A'
        const std::uint64_t upper = ~x & (from_a ^ above_z) & 0x8080808080808080ULL;
        x |= upper >> 2;
        std::memcpy(p + k, &x, 8);
    }
    for (; k < n; ++k) p[k] = ascii_lower(p[k]);
    return out;
}

std::vector<word> words_of(std::string_view text, byte_span span, std::string_view lower) {
    // byte classes: 0 separator, 1 ASCII letter or digit, 2 lead byte of a Latin letter
    // (U+00C0..U+017F), 3 UTF-8 continuation byte
    static const auto cls = [] {
        std::array<unsigned char, 256> a{};
        for (int c = 0; c < 256; ++c) {
            if (ascii_alnum(static_cast<char>(c))) a[static_cast<std::size_t>(c)] = 1;
            else if (c >= 0xC3 && c <= 0xC5) a[static_cast<std::size_t>(c)] = 2;
            else if (c >= 0x80 && c <= 0xBF) a[static_cast<std::size_t>(c)] = 3;
        }
        return a;
    }();
    std::vector<word> out;
    out.reserve(span.size() / 6 + 4);
    const std::size_t end = std::min({span.end, text.size(), lower.size()});
    std::size_t i = span.begin;
    while (i < end) {
        const auto c = static_cast<unsigned char>(text[i]);
        const unsigned char k0 = cls[c];
        if (k0 == 0 || k0 == 3) {  // punctuation, spaces and UTF-8 symbols (quotes, dashes, U+FFFD)
            ++i;
            continue;
        }
        word w;
        w.begin = i;
        w.before = i > span.begin ? text[i - 1] : ' ';
        w.capital = ascii_upper(static_cast<char>(c));
        w.digits = ascii_digit(static_cast<char>(c));
        // the word's lower-case bytes are hashed as they are read (word_hash, one pass)
        std::uint64_t hash = (word_hash({}) ^ static_cast<unsigned char>(lower[i])) * word_hash_prime;
        std::size_t j = i + 1;
        bool hyphenated = false;
        while (j < end) {
            const auto d = static_cast<unsigned char>(text[j]);
            if (cls[d] == 0) {
                // inner hyphen, apostrophe or digit separator: "pro-regime", "Buqa'an", "1,100"
                if (!(j + 1 < end && cls[static_cast<unsigned char>(text[j + 1])] == 1 &&
                      (d == '-' || d == '\'' || (w.digits && (d == '.' || (d == ',' && ascii_digit(text[j + 1])))))))
                    break;
                hyphenated = hyphenated || d == '-';
            }
            hash = (hash ^ static_cast<unsigned char>(lower[j])) * word_hash_prime;
            ++j;
        }
        w.end = j;
        w.lower = lower.substr(i, j - i);
        w.hash = hash;
        if (!w.digits) w.flags = flags_of(w.lower, w.hash, hyphenated);
        out.push_back(w);
        i = j;
    }
    return out;
}

}  // namespace reckon::extract
