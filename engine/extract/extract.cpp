// Claim extraction: article text -> claims.
//
// One linear scan finds candidate positions (digits, number words, qualifiers) in
// each sentence and runs the figure grammar there (grammar/claims). For each figure
// the engine then reads the words around it, within its sentence and a few
// neighbouring sentences only, to decide:
//   - whether it is a casualty figure at all (years, dates, ages, measures and
//     figures without a casualty outcome are rejected, with a reason);
//   - outcome (killed / injured / missing), category and side;
//   - breakdowns (parent) and sums ("22 bodies ... as well as six other people" = 28);
//   - kind: incident, or cumulative with its scope ("since 2014");
//   - attribution (source and relay chain) through the source registry;
//   - place through the gazetteer, event date resolved against the article date, actor.
// Every per-sentence step is bounded (sentences are at most max_sentence_bytes long),
// so the whole article is processed in linear time.
#include "extract/extract.hpp"
#include "extract/context.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <unordered_map>

#include "claims/claims.hpp"
#include "dateline/dateline.hpp"
#include "extract/text.hpp"

namespace reckon::extract {

namespace {

using grammar::claims::figure;

// w is one of the (short) words of `set`; compared byte by byte, without calls to memcmp.
template <std::size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& set) {
    for (const auto s : set) {
        if (s.size() != w.size()) continue;
        std::size_t i = 0;
        while (i < w.size() && s[i] == w[i]) ++i;
        if (i == w.size()) return true;
    }
    return false;
}

const std::array<std::string_view, 7> weekdays{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

std::optional<outcome> outcome_word(const std::vector<word>& ws, std::size_t k) {
    if (!ws[k].has(w_killed | w_injured | w_missing | w_contextual)) return std::nullopt;
    const std::string_view w = ws[k].lower;
    if (ws[k].has(w_killed)) {
        if ((w == "lives" || w == "life") &&
            !(k > 0 && (ws[k - 1].lower == "their" || ws[k - 1].lower == "his" || ws[k - 1].lower == "her" || ws[k - 1].lower == "the")))
            return std::nullopt;
        return outcome::killed;
    }
    if (w == "remains" && k > 0 && ws[k - 1].lower == "the") return outcome::killed;
    // "Thirteen children were among the victims / the dead"
    if ((w == "victims" || w == "casualties") && k >= 2 && ws[k - 1].lower == "the" && ws[k - 2].lower == "among")
        return outcome::killed;
    if (w == "victims" && k >= 1 && ws[k - 1].lower == "fallen") return outcome::killed;
    if (ws[k].has(w_injured)) return outcome::injured;
    if (ws[k].has(w_missing)) return outcome::missing;
    return std::nullopt;
}


int weekday_index(std::string_view w) {
    for (int i = 0; i < 7; ++i)
        if (w == weekdays[static_cast<std::size_t>(i)]) return i;
    return -1;
}

int month_index(const word& w) {
    if (!w.capital) return 0;  // "may", "march" as verbs
    static const std::array<std::string_view, 12> full{"january", "february", "march",     "april",   "may",      "june",
                                                       "july",    "august",   "september", "october", "november", "december"};
    static const std::array<std::string_view, 12> brief{"jan", "feb", "mar", "apr", "may", "jun",
                                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    for (std::size_t i = 0; i < 12; ++i)
        if (w.lower == full[i] || w.lower == brief[i] || (i == 8 && w.lower == "sept")) return static_cast<int>(i) + 1;
    return 0;
}

std::optional<int> small_number(const word& w) {
    if (w.digits) {
        if (w.lower.size() > 4) return std::nullopt;
        int v = 0;
        for (const char c : w.lower) {
            if (!ascii_digit(c)) break;
            v = v * 10 + (c - '0');
        }
        return v;
    }
    if (const auto v = grammar::claims::words_value(w.lower); v && *v < 10000) return static_cast<int>(*v);
    return std::nullopt;
}

date add_days(const date& d, std::int64_t n) { return civil_from_days(days_from_civil(d.year, d.month, d.day) + n); }

// ---- categories ------------------------------------------------------------------------

struct category_reading {
    std::string category;
    std::string side;
    bool intrinsic_death = false;  // "deaths", "bodies", "dead"
    bool known = false;
};

// ASCII lower case, as std::tolower does in the "C" locale the engine runs in. Nouns and
// modifiers are short, so the copy stays in the string's own buffer.
std::string lower_ascii(std::string_view s) {
    std::string l(s);
    for (auto& c : l) c = ascii_lower(c);
    return l;
}

std::string side_of(const std::vector<std::string>& modifiers, std::string_view noun) {
    for (const auto& raw : modifiers) {
        const std::string lower = lower_ascii(raw);
        const std::string_view m = lower;
        if (m == "is" || m == "isis" || m == "isil" || m == "daesh" || m == "jihadist" || m == "islamic")
            return raw == "is" ? std::string() : "IS";
        if (m == "regime" || m == "pro-regime" || m == "government" || m == "pro-government" || m == "army" ||
            m == "syrian" || m == "assad" || m == "pro-assad" || m == "loyalist")
            return "regime";
        if (m == "sdf" || m == "kurdish" || m == "ypg" || m == "kurdish-led") return "SDF";
        if (m == "rebel" || m == "opposition" || m == "fsa" || m == "free") return "rebels";
        if (m == "turkish") return "Turkey";
        if (m == "russian") return "Russia";
        if (m == "iranian" || m == "pro-iranian") return "Iran";
        if (m == "hezbollah") return "Hezbollah";
        if (m == "iraqi") return "Iraq";
        if (m == "us" || m == "american") return "US";
        if (m == "nusra" || m == "al-nusra") return "Nusra";
    }
    if (noun == "rebels") return "rebels";
    if (noun == "jihadists") return "IS";
    return {};
}

category_reading read_category(const figure& f) {
    category_reading r;
    const std::string noun_lower = lower_ascii(f.inner_noun.empty() ? f.noun : f.inner_noun);
    const std::string outer_lower = lower_ascii(f.noun);
    const std::string_view noun = noun_lower, outer = outer_lower;
    if (noun.empty()) return r;
    r.known = true;
    r.intrinsic_death = outer == "deaths" || outer == "dead" || outer == "bodies" || outer == "corpses" || outer == "lives";
    static const std::array<std::string_view, 9> child{"children", "child", "kids", "babies", "infants", "minors", "boys", "girls", "baby"};
    static const std::array<std::string_view, 19> fighter{"forces", "militiamen", "recruits", "guards", "fighters",   "militants", "rebels",   "soldiers",   "jihadists",
                                                          "terrorists", "troops",    "insurgents", "gunmen",   "combatants",
                                                          "servicemen", "policemen", "officers",  "personnel", "fighter"};
    bool civilian_mod = false, child_mod = false, woman_mod = false;
    for (const auto& m : f.modifiers) {
        const std::string lower = lower_ascii(m);
        const std::string_view l = lower;
        if (l == "civilian" || l == "civil") civilian_mod = true;
        if (l == "child" || l == "children") child_mod = true;
        if (l == "female" || l == "women") woman_mod = true;
    }
    if (noun == "civilians" || noun == "civilian") r.category = "civilians";
    else if (one_of(noun, child)) r.category = "children";
    else if (noun == "women" || noun == "woman") r.category = "women";
    else if (noun == "men" || noun == "man" || noun == "tribesmen") r.category = "men";
    else if (one_of(noun, fighter)) {
        r.category = "fighters";
        r.side = side_of(f.modifiers, noun);
    } else if (child_mod) r.category = "children";
    else if (woman_mod) r.category = "women";
    else if (civilian_mod) r.category = "civilians";
    else r.category = "people";
    return r;
}

int category_rank(const std::string& c) {
    if (c == "people") return 0;
    if (c == "civilians" || c == "fighters") return 1;
    return 2;
}

}  // namespace

// ---- lookup tables built once per registry ------------------------------------------

struct extractor::tables {
    struct form {
        std::vector<std::string> words;
        std::size_t source = 0;
        bool acronym = false;  // "IS", "WHO", "SANA": never matches a lower-case word ("is", "who")
    };
    // forms keyed by their first two words ("the observatory") or, for one-word forms, by
    // their only word: a common first word ("the") costs one lookup, not a walk over
    // every form that starts with it
    word_table<std::vector<form>> forms_by_first{1024};  // by pair_hash of the first two words or word_hash of one; longest first
    std::array<bool, 27 * 32> first_shapes{};  // (first letter, length) of first words, to skip lookups
    // the words of gazetteer names (registry::gazetteer::has_word) by word_hash: a
    // capitalised word of a sentence is looked up with the hash it already has
    word_table<char> place_words{1024};
    // registry::gazetteer::find_name by word_hash of the normalised name
    word_table<const registry::place*> place_names{1024};
    bool may_open(std::string_view w) const {
        if (w.empty() || w.size() >= 32) return false;
        const int c = (w[0] >= 'a' && w[0] <= 'z') ? w[0] - 'a' : 26;
        return first_shapes[static_cast<std::size_t>(c * 32) + w.size()];
    }
};

extractor::extractor(const extract_context& ctx) : m_ctx(ctx), m_tables(new tables) {
    if (ctx.places) {
        for (const auto& w : ctx.places->name_words()) m_tables->place_words.insert(word_hash(w), w) = 1;
        for (const auto& [name, index] : ctx.places->names()) m_tables->place_names.insert(word_hash(name), name) = &ctx.places->places()[index];
    }
    if (!ctx.sources) return;
    for (const auto& [text, index] : ctx.sources->written_forms()) {
        const std::string lower = lower_case_of(text);
        const auto ws = words_of(text, {0, text.size()}, lower);
        if (ws.empty()) continue;
        tables::form f;
        for (const auto& w : ws) f.words.emplace_back(w.lower);
        f.source = index;
        if (f.words.front().size() < 32) {
            const char c0 = f.words.front()[0];
            const int c = (c0 >= 'a' && c0 <= 'z') ? c0 - 'a' : 26;
            m_tables->first_shapes[static_cast<std::size_t>(c * 32) + f.words.front().size()] = true;
        }
        if (ws.size() == 1) {
            // the registry's own spelling of the form: an acronym when written in capitals
            const auto& src = ctx.sources->sources()[index];
            std::vector<std::string> spellings{src.name, src.full_name};
            spellings.insert(spellings.end(), src.aliases.begin(), src.aliases.end());
            for (const auto& sp : spellings) {
                std::string l;
                for (const char c : sp) l.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
                if (l != text) continue;
                bool caps = sp.size() <= 5;
                for (const char c : sp)
                    if (ascii_lower_case(c)) caps = false;
                if (caps) f.acronym = true;
            }
        }
        const std::uint64_t key = f.words.size() >= 2 ? pair_hash(word_hash(f.words[0]), word_hash(f.words[1])) : word_hash(f.words[0]);
        auto& list = m_tables->forms_by_first.insert(key, {});
        list.push_back(std::move(f));
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
    }
}

extractor::~extractor() { delete m_tables; }

std::vector<claim> extract_claims(const article& a, const extract_context& ctx, diagnostics& diags) {
    const extractor x(ctx);
    return x.extract(a, diags, ctx.rejected);
}

std::vector<claim> extractor::extract(const article& a, diagnostics& diags) const {
    return extract(a, diags, m_ctx.rejected);
}

namespace {

// What extraction learns about one sentence, computed only for sentences near figures.
struct source_mention {
    std::size_t source = 0;
    std::size_t wb = 0, we = 0;  // word range
    bool speaker = false;        // said / reported / according to
    bool relay = false;          // "told AFP", "AFP quoted ..."
    bool pronoun = false;        // "he said": resolved to the last speaker
};

struct place_mention {
    const registry::place* p = nullptr;  // nullptr for a place not in the gazetteer
    std::size_t wb = 0, we = 0;
    byte_span span;
    int rank = 0;  // 3 village/town/city, 2 district, 1 governorate
};

struct date_mention {
    date value;
    std::size_t wb = 0;
    int days_before_event = 0;   // "two days after" the event reported before: resolved per claim
    bool relative = false;
};

bool may_hold_date(std::string_view text, byte_span span);

// What info() should make sure is known about a sentence.
enum need : unsigned { need_sources = 1, need_places = 2, need_date = 4, need_scope = 8, need_all = 15 };

struct sentence_info {
    bool tokenized = false;  // words known
    unsigned done = 0;       // need bits already computed
    std::vector<word> words;
    std::vector<source_mention> sources;
    std::vector<place_mention> places;
    std::optional<date_mention> own_date;
    bool retrieval = false;  // "bodies were retrieved": a date here is not the event's
    std::string actor;
    std::string attack;      // how people were killed: "air strike", "shelling", "bombing", "clashes"
    std::string scope;       // cumulative marker found in the sentence
    std::vector<std::size_t> figure_ids;  // indices into the article's figure list
};

struct located_figure {
    figure f;
    std::size_t sentence = 0;
    std::size_t wb = 0, we = 0;  // word range of the whole phrase
    std::size_t nb = 0, ne = 0;  // word range of the number
    int claim = -1;              // index of its claim, -1 if rejected
    std::optional<std::string> not_a_count;  // why it cannot be a casualty figure (year, date, age...)
};

class article_pass {
public:
    article_pass(const article& a, const extract_context& ctx, const extractor::tables& t, diagnostics& diags,
                 std::vector<rejection>* rejected)
        : m_a(a), m_text(a.text), m_ctx(ctx), m_t(t), m_diags(diags), m_rejected(rejected) {}

    std::vector<claim> run();

private:
    const article& m_a;
    std::string_view m_text;
    const extract_context& m_ctx;
    const extractor::tables& m_t;
    diagnostics& m_diags;
    std::vector<rejection>* m_rejected;

    std::vector<sentence> m_sentences;
    std::vector<sentence_info> m_info;
    std::vector<located_figure> m_figures;
    std::vector<claim> m_claims;
    std::vector<std::size_t> m_claim_figure;  // claim -> figure
    byte_span m_dateline;
    std::optional<std::size_t> m_last_speaker;  // source index
    std::optional<date> m_lede_date;
    bool m_lede_searched = false;
    std::string m_lede_attack;
    bool m_lede_attack_searched = false;
    std::size_t m_overflow_reported = 0;
    std::set<std::size_t> m_leading;  // headline lines above the first sentence of the body
    std::size_t m_released = 0;       // sentences before this one have been released
    std::string m_lower;              // the article in lower case, made when first needed
    std::string_view lower_text() {
        if (m_lower.size() != m_text.size()) m_lower = lower_case_of(m_text);
        return m_lower;
    }
    std::string m_detected_outlet;    // from a credit line when the corpus gave no outlet
    // looked up once per article, when first needed
    const registry::place* m_location = nullptr;  // the corpus location column through the gazetteer
    bool m_location_resolved = false;
    std::optional<std::string> m_outlet;  // canonical_outlet()

    void split();
    void scan();
    sentence_info& info(std::size_t s, unsigned what = need_all);
    void find_sources(std::size_t s, sentence_info& si);
    void find_places(std::size_t s, sentence_info& si);
    bool in_place_name(const word& w) const;  // registry::gazetteer::has_word, by the word's hash
    const registry::place* find_place_name(std::string_view written);  // registry::gazetteer::find_name
    std::string m_name_key;  // find_place_name's buffer
    void find_date(std::size_t s, sentence_info& si);
    void find_actor(sentence_info& si);
    static void find_attack(sentence_info& si);
    void find_scope(sentence_info& si);
    void reject(const located_figure& lf, const std::string& reason);
    std::optional<std::string> rejection_reason(const located_figure& lf, const sentence_info& si) const;
    void make_claim(std::size_t fi);
    // after_aux: auxiliaries between the figure and a participle right after it ("20 wounded": 0), 99 when none
    // direct: the outcome word is right next to the figure (a verb before it, a participle after it)
    std::optional<outcome> find_outcome(const located_figure& lf, const sentence_info& si, bool& immediate, bool& combined,
                                        std::size_t& after_aux, bool& direct) const;
    void attribute(claim& c, const located_figure& lf, std::size_t s);
    void place_of(claim& c, const located_figure& lf, std::size_t s);
    void date_of(claim& c, const located_figure& lf, std::size_t s);
    std::optional<date> lede_date();
    const std::string& lede_attack();
    // Links claim i (just made) to the total it breaks down or adds up to.
    void link_parent(std::size_t i);
    // Frees the words of sentences far behind `s`: nothing looks more than a few sentences back.
    void release_before(std::size_t s);
    const std::string& canonical_outlet();
};

void article_pass::split() {
    m_sentences = split_sentences(m_text, m_a.body);
    // A CSV headline repeated at the top of the body ("Wed 05 Apr 2017 <title>. Victims...")
    // is its own sentence, read as a headline.
    if (m_a.title.size() >= 15 && !m_sentences.empty()) {
        for (std::size_t i = 0; i < std::min<std::size_t>(3, m_sentences.size()); ++i) {
            const auto s = m_sentences[i].span;
            const auto p = m_sentences[i].span.of(m_text).find(m_a.title);
            if (p == std::string_view::npos || s.size() <= m_a.title.size() + 2) continue;
            const std::size_t tb = s.begin + p, te = tb + m_a.title.size();
            std::vector<sentence> parts;
            if (tb > s.begin) parts.push_back({{s.begin, tb}, false, m_sentences[i].paragraph_start});
            parts.push_back({{tb, te}, true, true});
            if (te < s.end) parts.push_back({{te, s.end}, false, false});
            m_sentences.erase(m_sentences.begin() + static_cast<std::ptrdiff_t>(i));
            m_sentences.insert(m_sentences.begin() + static_cast<std::ptrdiff_t>(i), parts.begin(), parts.end());
            break;
        }
    }
    m_info.resize(m_sentences.size());
    for (std::size_t i = 0; i < m_sentences.size() && m_sentences[i].line_alone; ++i) m_leading.insert(i);
    // "World Bulletin / News Desk": a credit line naming the outlet
    if (m_a.outlet.empty() && m_ctx.sources) {
        for (std::size_t i = 0; i < m_sentences.size() && i < 8; ++i) {
            if (!m_sentences[i].line_alone) continue;
            if (const auto* src = m_ctx.sources->find_alias(m_sentences[i].span.of(m_text)); src && src->kind == "outlet") {
                m_detected_outlet = src->name;
                break;
            }
        }
    }
    if (const auto d = grammar::dateline::find_publication_date(m_a.body.of(m_text), 512))
        m_dateline = {d->where.begin + m_a.body.begin, d->where.end + m_a.body.begin};
}

// True when the sentence has a word that find_date reads: a capitalised weekday or month,
// "yesterday", "today", "tonight", "overnight", "month", "year", "day(s)", or a 4-digit
// number. Most sentences have none and need not be split into words for their date.
bool may_hold_date(std::string_view text, byte_span span) {
    static const std::array<std::string_view, 11> lower_words{"yesterday", "today", "tonight", "overnight", "month", "year",
                                                              "day", "days", "months", "years", "Overnight"};
    const std::size_t end = std::min(span.end, text.size());
    std::size_t i = span.begin;
    while (i < end) {
        const char c = text[i];
        if (!ascii_alnum(c)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < end && ascii_alnum(text[j])) ++j;
        const std::string_view w = text.substr(i, j - i);
        if (ascii_digit(c)) {
            if (w.size() == 4) return true;
        } else if (ascii_upper(c)) {
            // weekdays and months, full or abbreviated: Mon..Sun, Jan..Dec, also "Yesterday",
            // "Today", "Tonight", "Last", "This": told apart by their first three letters
            static const auto heads = [] {
                std::array<bool, 26 * 26 * 26> a{};
                for (const std::string_view h : {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may",
                                                 "jun", "jul", "aug", "sep", "oct", "nov", "dec", "yes", "tod", "ton", "las", "thi"})
                    a[static_cast<std::size_t>(((h[0] - 'a') * 26 + (h[1] - 'a')) * 26 + (h[2] - 'a'))] = true;
                return a;
            }();
            if (w.size() >= 3) {
                const char a = ascii_lower(w[0]), b = ascii_lower(w[1]), d = ascii_lower(w[2]);
                if (b >= 'a' && b <= 'z' && d >= 'a' && d <= 'z' &&
                    heads[static_cast<std::size_t>(((a - 'a') * 26 + (b - 'a')) * 26 + (d - 'a'))])
                    return true;
            }
        } else if (w.size() >= 3 && w.size() <= 9 && (c == 'y' || c == 't' || c == 'o' || c == 'm' || c == 'd')) {
            for (const auto lw : lower_words)
                if (w == lw) return true;
        }
        i = j;
    }
    return false;
}

void article_pass::scan() {
    m_figures.reserve(16);
    const auto& opener_prefixes = grammar::claims::opener_prefixes();
    std::vector<std::size_t> starts;
    for (std::size_t s = 0; s < m_sentences.size(); ++s) {
        const auto span = m_sentences[s].span;
        // with --explain every number is read so that its rejection can be listed
        if (!m_rejected && !has_outcome_stem(m_text, span)) continue;
        // every word start that can open a figure is tried; a figure found is skipped over
        word_starts(m_text, span, starts);
        std::size_t resume = span.begin;
        for (const std::size_t i : starts) {
            if (i < resume) continue;
            const char c = m_text[i];
            // a digit, or two letters that some figure opener starts with: other words are refused at once
            bool may_open = ascii_digit(c);
            if (!may_open) {
                const char c1 = i + 1 < span.end ? ascii_lower(m_text[i + 1]) : ' ';
                const std::size_t second = ascii_lower_case(c1) ? static_cast<std::size_t>(c1 - 'a') : 26;
                may_open = opener_prefixes[static_cast<std::size_t>(ascii_lower(c) - 'a') * 27 + second];
            }
            if (!may_open || !grammar::claims::could_start_figure(m_text.substr(0, span.end), i)) continue;
            if (auto f = grammar::claims::parse_figure(m_text.substr(0, span.end), i, 200)) {
                located_figure lf;
                lf.f = std::move(*f);
                lf.sentence = s;
                m_figures.push_back(std::move(lf));
                resume = m_figures.back().f.span.end;
            }
        }
    }
}

sentence_info& article_pass::info(std::size_t s, unsigned what) {
    sentence_info& si = m_info[s];
    unsigned missing = what & ~si.done;
    if (missing == 0) return si;
    si.done |= missing;
    // a sentence without any date word has no date: no need to split it into words for that
    if ((missing & need_date) && !si.tokenized && !may_hold_date(m_text, m_sentences[s].span)) missing &= ~need_date;
    if (missing == 0) return si;
    if (!si.tokenized) {
        si.tokenized = true;
        si.words = words_of(m_text, m_sentences[s].span, lower_text());
    }
    if (missing & need_sources) find_sources(s, si);
    if (missing & need_places) find_places(s, si);
    if (missing & need_date) find_date(s, si);
    if (missing & need_scope) {
        find_actor(si);
        find_attack(si);
        find_scope(si);
    }
    return si;
}

void article_pass::find_sources(std::size_t s, sentence_info& si) {
    const auto& ws = si.words;
    // "Missiles kill 26 pro-regime fighters in Syria including Iranians: monitor"
    if (m_ctx.sources && m_sentences[s].line_alone) {
        const auto line = m_sentences[s].span.of(m_text);
        const auto colon = line.rfind(':');
        if (colon != std::string_view::npos && line.size() - colon < 40) {
            std::string tail(line.substr(colon + 1));
            const registry::source* src = m_ctx.sources->find_alias(tail);
            if (!src) src = m_ctx.sources->find_alias("the " + tail.substr(tail.find_first_not_of(' ') == std::string::npos ? 0 : tail.find_first_not_of(' ')));
            if (src) {
                source_mention m;
                m.source = static_cast<std::size_t>(src - m_ctx.sources->sources().data());
                m.speaker = true;
                const std::size_t tail_begin = m_sentences[s].span.begin + colon + 1;
                m.wb = static_cast<std::size_t>(std::lower_bound(ws.begin(), ws.end(), tail_begin, [](const word& w, std::size_t p) { return w.begin < p; }) - ws.begin());
                m.we = ws.size();
                if (m.wb < m.we) {
                    si.sources.push_back(m);
                    return;
                }
            }
        }
    }
    if (m_ctx.sources) {
        for (std::size_t k = 0; k < ws.size();) {
            if (!m_t.may_open(ws[k].lower)) {
                ++k;
                continue;
            }
            std::size_t matched = 0;
            for (int attempt = 0; attempt < 2 && !matched; ++attempt) {
                if (attempt == 0 && k + 1 >= ws.size()) continue;
                const std::uint64_t key = attempt == 0 ? pair_hash(ws[k].hash, ws[k + 1].hash) : ws[k].hash;
                const auto* list = m_t.forms_by_first.find(key, {});
                if (!list) continue;
                for (const auto& form : *list) {
                    if (k + form.words.size() > ws.size()) continue;
                    bool ok = true;
                    for (std::size_t j = 0; j < form.words.size() && ok; ++j) ok = ws[k + j].lower == form.words[j];
                    if (!ok) continue;
                    // "SANA" and "WHO" written in capitals; a lower-case "who" is a pronoun
                    if (form.acronym && !ws[k].capital) continue;
                    if (form.acronym && ws[k].end - ws[k].begin > 1 && ascii_lower_case(m_text[ws[k].begin + 1]) &&
                        ws[k].lower.size() <= 3)
                        continue;  // "Is", "Who" at a sentence start
                    source_mention m;
                    m.source = form.source;
                    m.wb = k;
                    m.we = k + form.words.size();
                    si.sources.push_back(m);
                    matched = form.words.size();
                    break;
                }
            }
            k += matched ? matched : 1;
        }
    }
    // pronoun speakers: "he said", "he added", "it acknowledged", "its overall death toll"
    for (std::size_t k = 0; k + 1 < ws.size(); ++k) {
        if (!ws[k].has(w_pronoun)) continue;
        const auto& w = ws[k].lower;
        const auto& v = ws[k + 1].lower;
        const bool says = v == "said" || v == "added" || v == "told" || v == "says" || v == "acknowledged" ||
                          v == "admitted" || v == "estimated" || v == "reported";
        const bool its_toll = (w == "its" || w == "their") &&
                              (v == "toll" || (k + 2 < ws.size() && ws[k + 2].lower == "toll") ||
                               (k + 3 < ws.size() && ws[k + 3].lower == "toll"));
        if (((w == "he" || w == "she" || w == "it" || w == "they") && says) || its_toll) {
            source_mention m;
            m.pronoun = true;
            m.speaker = true;
            m.wb = k;
            m.we = k + 1;
            si.sources.push_back(m);
        }
    }
    std::sort(si.sources.begin(), si.sources.end(), [](const auto& x, const auto& y) { return x.wb < y.wb; });
    for (auto& m : si.sources) {
        if (m.pronoun) continue;
        const bool told = m.wb > 0 && ws[m.wb - 1].lower == "told";
        bool quoter = false;
        for (std::size_t j = m.we; j < std::min(ws.size(), m.we + 2); ++j)
            if (ws[j].lower == "quoted" || ws[j].lower == "cited" || ws[j].lower == "quoting" || ws[j].lower == "citing") quoter = true;
        if (told || quoter) {
            m.relay = true;
            continue;
        }
        for (std::size_t j = m.we; j < std::min(ws.size(), m.we + 3); ++j)
            if (ws[j].has(w_report) && ws[j].lower != "according") m.speaker = true;
        // "... while 25 were wounded said the Syrian Observatory", "reported SANA": the mention
        // closes the clause ("says coalition strikes ..." is not an attribution to the coalition)
        const bool closes = m.we == ws.size() || ws[m.we].before == ',' || ws[m.we].lower == "adding" ||
                            ws[m.we].lower == "on" || ws[m.we].lower == "in" || ws[m.we].lower == "citing" ||
                            ws[m.we].lower == "quoting" || ws[m.we].lower == "which" || ws[m.we].lower == "who";
        if (m.wb > 0 && closes) {
            const auto& w = ws[m.wb - 1].lower;
            if (w == "said" || w == "says" || w == "reported" || w == "reports" || w == "added" || w == "stated" ||
                w == "announced" || w == "estimated" || w == "confirmed")
                m.speaker = true;
        }
        // "the coalition has taken direct responsibility for ..."
        for (std::size_t j = m.we; j < std::min(ws.size(), m.we + 4); ++j)
            if (ws[j].lower == "responsibility") m.speaker = true;
        // "...: monitor" closing a headline
        if (m.we == ws.size() && (ws[m.wb].before == ':' || (m.wb > 0 && m_text[ws[m.wb].begin - 2] == ':'))) m.speaker = true;
        for (std::size_t j = m.wb >= 3 ? m.wb - 3 : 0; j < m.wb; ++j) {
            const auto& w = ws[j].lower;
            if (w == "according" || w == "quoted" || w == "citing" || w == "cited" || w == "quoting") m.speaker = true;
            if (w == "by" && j > 0 && (ws[j - 1].lower == "reported" || ws[j - 1].lower == "published" ||
                                       ws[j - 1].lower == "released" || ws[j - 1].lower == "issued" || ws[j - 1].lower == "compiled"))
                m.speaker = true;
        }
    }
}

const registry::place* article_pass::find_place_name(std::string_view written) {
    registry::gazetteer::normalise_into(written, m_name_key);
    if (m_name_key.empty()) return nullptr;
    const auto* p = m_t.place_names.find(word_hash(m_name_key), m_name_key);
    return p ? *p : nullptr;
}

bool article_pass::in_place_name(const word& w) const {
    // the word up to its first hyphen, without apostrophes: "Al-Shaafa" -> "al", "Buqa'an" -> "buqaan"
    if (std::none_of(w.lower.begin(), w.lower.end(), [](char c) { return c == '-' || c == '\''; }))
        return m_t.place_words.find(w.hash, w.lower) != nullptr;
    std::string first;
    for (const char c : w.lower) {
        if (c == '-') break;
        if (c != '\'') first.push_back(c);
    }
    return m_t.place_words.find(word_hash(first), first) != nullptr;
}

void article_pass::find_places(std::size_t, sentence_info& si) {
    const auto& ws = si.words;
    const registry::gazetteer* g = m_ctx.places;
    const std::size_t max_words = g ? std::min<std::size_t>(g->max_words(), 5) : 1;
    auto type_rank = [](const registry::place* p) {
        if (!p) return 3;
        if (p->type == "governorate") return 1;
        if (p->type == "district" || p->type == "region" || p->type == "country") return 2;
        return 3;
    };
    for (std::size_t k = 0; k < ws.size();) {
        if (!ws[k].capital || ws[k].digits) {
            ++k;
            continue;
        }
        std::size_t used = 0;
        // only where the word occurs in some place name: "Al-Shaafa" -> "al", "Buqa'an" -> "buqaan"
        if (g && in_place_name(ws[k])) {
            // names are tried only over words that all occur in some place name
            std::size_t known = 1;
            while (known < max_words && k + known < ws.size() && in_place_name(ws[k + known])) ++known;
            for (std::size_t n = known; n >= 1 && !used; --n) {
                const byte_span span{ws[k].begin, ws[k + n - 1].end};
                const auto written = span.of(m_text);
                const registry::place* p = find_place_name(written);
                if (!p) continue;
                place_mention m;
                m.p = p;
                m.wb = k;
                m.we = k + n;
                m.span = span;
                m.rank = type_rank(p);
                // "Raqqa province": the governorate, not the city named after it
                if (k + n < ws.size() && (ws[k + n].lower == "province" || ws[k + n].lower == "governorate") &&
                    p->type != "governorate") {
                    if (const auto* gov = g->find_key(p->parent); gov && gov->type == "governorate") {
                        m.p = gov;
                        m.rank = 1;
                    }
                }
                si.places.push_back(m);
                used = n;
            }
        }
        if (!used && k >= 2) {
            // "the village of X", "the town of X": X is a place even if the gazetteer does not know it
            const auto& kind = ws[k - 2].lower;
            if (ws[k - 1].lower == "of" &&
                (kind == "village" || kind == "town" || kind == "city" || kind == "villages" || kind == "towns" ||
                 kind == "neighbourhood" || kind == "neighborhood" || kind == "district" || kind == "camp")) {
                std::size_t e = k + 1;
                while (e < ws.size() && e < k + 3 && ws[e].capital) ++e;
                place_mention m;
                m.wb = k;
                m.we = e;
                m.span = {ws[k].begin, ws[e - 1].end};
                if (g) m.p = g->resolve(m.span.of(m_text));
                m.rank = type_rank(m.p);
                si.places.push_back(m);
                used = e - k;
            }
        }
        k += used ? used : 1;
    }
}

void article_pass::find_date(std::size_t s, sentence_info& si) {
    const auto& ws = si.words;
    const date& pub = m_a.published;
    const bool have_day = pub.precision == date_precision::day;
    auto reported_before = [&](std::size_t k) {
        // "said on Friday", "said yesterday", "told AFP on Sunday"
        for (std::size_t j = k >= 4 ? k - 4 : 0; j < k; ++j)
            if (ws[j].lower == "said" || ws[j].lower == "says" || ws[j].lower == "told" || ws[j].lower == "reported" ||
                ws[j].lower == "added" || ws[j].lower == "announced" || ws[j].lower == "statement") {
                bool only_glue = true;
                for (std::size_t x = j + 1; x < k; ++x)
                    if (!(ws[x].lower == "on" || ws[x].lower == "late" || ws[x].lower == "early" || ws[x].lower == "afp" ||
                          ws[x].lower == "in" || ws[x].lower == "a" || ws[x].lower == "statement" || ws[x].lower == "reuters"))
                        only_glue = false;
                if (only_glue) return true;
            }
        return false;
    };
    auto in_dateline = [&](std::size_t k) {
        if (!m_dateline.empty() && ws[k].begin < m_dateline.end && ws[k].end > m_dateline.begin) return true;
        // "AL-SHAAFA, Nov 14 — Air strikes ...": a dateline at the start of a paragraph
        if (m_sentences[s].paragraph_start && k < 5) {
            std::size_t e = ws[k].end;
            if (k + 1 < ws.size()) e = ws[k + 1].end;
            const auto after = m_text.substr(e, std::min<std::size_t>(6, m_text.size() - e));
            if (after.find("\xE2\x80\x94") != std::string_view::npos || after.find(" - ") != std::string_view::npos ||
                after.find(" -") == 0 || after.find(':') != std::string_view::npos)
                return true;
        }
        return false;
    };
    for (const auto& w : ws)
        if (w.has(w_retrieval)) si.retrieval = true;
    std::optional<date_mention> found;
    for (std::size_t k = 0; k < ws.size() && !found && have_day; ++k) {
        if (!ws[k].has(w_date) && !ws[k].digits) continue;
        const auto& w = ws[k].lower;
        // weekdays, also "wednesday-thursday"
        std::string_view first = w.substr(0, w.find('-'));
        const int wd = weekday_index(first);
        if (wd >= 0) {
            if (reported_before(k) || in_dateline(k)) continue;
            const bool last = k > 0 && (ws[k - 1].lower == "last" || ws[k - 1].lower == "past");
            const std::int64_t today = days_from_civil(pub.year, pub.month, pub.day);
            int delta = (weekday_of(today) - wd + 7) % 7;
            if (last && delta == 0) delta = 7;
            found = date_mention{civil_from_days(today - delta), k};
            continue;
        }
        if (w == "yesterday" || w == "today" || w == "tonight" || w == "overnight") {
            if (reported_before(k)) continue;
            if (w == "overnight" && k + 1 < ws.size() && weekday_index(ws[k + 1].lower.substr(0, ws[k + 1].lower.find('-'))) >= 0)
                continue;
            found = date_mention{w == "yesterday" || w == "overnight" ? add_days(pub, -1) : pub, k};
            continue;
        }
        if ((w == "month" || w == "year") && k > 0 && (ws[k - 1].lower == "last" || ws[k - 1].lower == "this")) {
            const bool last = ws[k - 1].lower == "last";
            if (w == "month") {
                int y = pub.year, m = pub.month - (last ? 1 : 0);
                if (m == 0) {
                    m = 12;
                    --y;
                }
                found = date_mention{date::of_month(y, m), k - 1};
            } else {
                found = date_mention{date::of_year(pub.year - (last ? 1 : 0)), k - 1};
            }
            continue;
        }
        // "two days after", "three days ago"
        if ((w == "days" || w == "day") && k > 0 && k + 1 < ws.size() &&
            (ws[k + 1].lower == "after" || ws[k + 1].lower == "ago" || ws[k + 1].lower == "earlier" || ws[k + 1].lower == "before")) {
            const auto n = small_number(ws[k - 1]);
            if (!n || *n > 60) continue;
            found = date_mention{add_days(pub, -*n), k - 1, *n, ws[k + 1].lower != "ago"};
            continue;
        }
        const int month = month_index(ws[k]);
        if (month > 0) {
            if (in_dateline(k)) continue;
            // "Nov 11", "November 11, 2018", "11 November"; a broken year ("20188") spoils it
            std::optional<int> day;
            std::optional<int> year;
            std::size_t after = k + 1;
            if (after < ws.size() && ws[after].digits && ws[after].lower.size() <= 2) {
                day = small_number(ws[after]);
                ++after;
            } else if (k > 0 && ws[k - 1].digits && ws[k - 1].lower.size() <= 2) {
                day = small_number(ws[k - 1]);
            }
            if (after < ws.size() && ws[after].digits) {
                if (ws[after].lower.size() != 4) continue;  // "May 22, 20188"
                year = small_number(ws[after]);
            }
            const bool context = k > 0 && (ws[k - 1].lower == "in" || ws[k - 1].lower == "on" || ws[k - 1].lower == "since" ||
                                           ws[k - 1].lower == "early" || ws[k - 1].lower == "late" || ws[k - 1].lower == "mid" ||
                                           ws[k - 1].lower == "last" || ws[k - 1].lower == "of" || ws[k - 1].lower == "this");
            if (!day && !year && !context && !(k == 0)) continue;
            int y = year ? *year : pub.year;
            if (!year && (month > pub.month || (month == pub.month && day && *day > pub.day))) --y;
            if (y < 1900 || y > 2100) continue;
            if (day && valid_ymd(y, month, *day)) found = date_mention{date::of_day(y, month, *day), k};
            else if (!day) found = date_mention{date::of_month(y, month), k};
            continue;
        }
        // "in 2017": a year; it is the scope of cumulative tolls
        if (ws[k].digits && ws[k].lower.size() == 4 && k > 0 && ws[k - 1].lower == "in") {
            const auto y = small_number(ws[k]);
            if (y && *y >= 1990 && *y <= 2100) found = date_mention{date::of_year(*y), k};
        }
    }
    si.own_date = found;
}

void article_pass::find_actor(sentence_info& si) {
    const auto& ws = si.words;
    static const std::array<std::string_view, 16> count_words{
        "two",  "three", "four",   "five",  "six",     "seven",    "eight",  "nine",
        "ten",  "dozen", "dozens", "scores", "several", "hundreds", "twenty", "thirty"};
    const auto counts = [&](const word& w) { return w.digits || one_of(w.lower, count_words); };
    static const std::array<std::string_view, 22> attack{
        "warplanes", "jets",     "aircraft", "strikes",    "airstrikes", "strike", "air",   "raids",
        "forces",    "troops",   "army",     "shelling",   "bombing",    "helicopters", "artillery", "drones",
        "planes",    "plane",    "missiles", "military",   "bombardment", "fire"};
    auto attack_near = [&](std::size_t k) {
        for (std::size_t j = k + 1; j < std::min(ws.size(), k + 3); ++j)
            if (one_of(ws[j].lower, attack)) return true;
        return false;
    };
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (!ws[k].has(w_actor)) continue;
        if (k > 0 && counts(ws[k - 1])) continue;  // "5 government troops" are the dead, not who struck
        const auto& w = ws[k].lower;
        if (w == "coalition") {
            si.actor = "US-led coalition";
            return;
        }
        if ((w == "russian" || w == "russia") && attack_near(k)) {
            si.actor = "Russia";
            return;
        }
        if ((w == "regime" || w == "government" || w == "pro-regime" || w == "pro-government") && attack_near(k)) {
            si.actor = "Syrian regime";
            return;
        }
        if (w == "syrian" && k + 1 < ws.size() && (ws[k + 1].lower == "army" || ws[k + 1].lower == "warplanes" || ws[k + 1].lower == "regime" || ws[k + 1].lower == "government")) {
            si.actor = "Syrian regime";
            return;
        }
        if (w == "turkish" && attack_near(k)) {
            si.actor = "Turkey";
            return;
        }
        if (w == "iraqi" && attack_near(k)) {
            si.actor = "Iraq";
            return;
        }
        if (w == "israeli" && attack_near(k)) {
            si.actor = "Israel";
            return;
        }
        if ((w == "rebels" || w == "rebel") && attack_near(k)) {
            si.actor = "rebels";
            return;
        }
    }
    // The agent of a passive or of an attack noun: "shelling by rebels", "killed by IS",
    // "a car bomb by the Islamic State", "fire by the SDF".
    for (std::size_t k = 0; k + 1 < ws.size(); ++k) {
        if (ws[k].lower != "by") continue;
        std::size_t j = k + 1;
        if (ws[j].lower == "the" && j + 1 < ws.size()) ++j;
        const auto& w = ws[j].lower;
        const std::string_view as_written = std::string_view(m_text).substr(ws[j].begin, ws[j].end - ws[j].begin);
        if (w == "rebels" || w == "rebel") {  // not "opposition": "said by opposition activists"
            si.actor = "rebels";
            return;
        }
        if (as_written == "IS" || w == "isis" || w == "isil" || w == "daesh" ||
            (w == "islamic" && j + 1 < ws.size() && ws[j + 1].lower == "state")) {
            si.actor = "IS";
            return;
        }
        if (w == "sdf") {
            si.actor = "SDF";
            return;
        }
    }
}

// The means of attack, in four classes that reports of one strike do not mix up:
// from the air (air strikes, warplanes, helicopters, barrel bombs, drones), shelling
// (artillery, mortars, rockets, missiles), bombing (car bombs, suicide attacks,
// explosions) and clashes. The first word of the sentence that names one decides.
// "Bombing" and "bombardment" alone say nothing: they are used for all of them.
void article_pass::find_attack(sentence_info& si) {
    const auto& ws = si.words;
    const auto next_is = [&](std::size_t k, std::initializer_list<std::string_view> words) {
        return k + 1 < ws.size() && std::find(words.begin(), words.end(), ws[k + 1].lower) != words.end();
    };
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (!ws[k].has(w_attack)) continue;
        const auto& w = ws[k].lower;
        if (w == "air") {
            if (!next_is(k, {"strike", "strikes", "raid", "raids", "attack", "attacks", "bombardment", "force"})) continue;
            si.attack = "air strike";
        } else if (w == "car") {
            if (!next_is(k, {"bomb", "bombs", "bombing", "bombings", "bomber"})) continue;
            si.attack = "bombing";
        } else if (w == "shelling" || w == "shelled" || w == "shells" || w == "artillery" || w == "mortar" ||
                   w == "mortars" || w == "rocket" || w == "rockets" || w == "missile" || w == "missiles") {
            si.attack = "shelling";
        } else if (w == "booby-trapped" || w == "suicide" || w == "bomber" || w == "explosion" || w == "explosions" ||
                   w == "blast" || w == "explosive" || w == "explosives" || w == "ied") {
            si.attack = "bombing";
        } else if (w == "clashes" || w == "fighting" || w == "battle" || w == "battles") {
            si.attack = "clashes";
        } else {
            // airstrikes, warplanes, jets, helicopters, barrel (bombs), drones, aerial, strike(s)
            si.attack = "air strike";
        }
        return;
    }
}

void article_pass::find_scope(sentence_info& si) {
    const auto& ws = si.words;
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (!ws[k].has(w_scope)) continue;
        const auto& w = ws[k].lower;
        if (w == "since") {
            bool superlative = false;
            for (std::size_t j = k >= 3 ? k - 3 : 0; j < k; ++j) {
                const auto& p = ws[j].lower;
                if (p == "deadliest" || p == "worst" || p == "first" || p == "biggest" || p == "largest" || p == "highest" ||
                    p == "bloodiest" || p == "heaviest")
                    superlative = true;
            }
            if (superlative) continue;
            std::size_t e = k + 1;
            while (e < ws.size() && e < k + 5) {
                const bool stop = ws[e].digits;
                ++e;
                if (stop) break;
                if (e < ws.size() && (ws[e].lower == "in" && e + 1 < ws.size() && !ws[e + 1].digits)) break;
            }
            si.scope = std::string(byte_span{ws[k].begin, ws[e - 1].end}.of(m_text));
            return;
        }
        // Weaker scope words hold only when no "since ..." follows in the sentence
        // ("its overall death toll ... since 2014" is a toll since 2014).
        if ((w == "far" && k > 0 && ws[k - 1].lower == "so") || (w == "date" && k > 0 && ws[k - 1].lower == "to")) {
            if (si.scope.empty()) si.scope = std::string(ws[k - 1].lower) + " " + std::string(w);
            continue;
        }
        if (w == "overall" || w == "campaign" || w == "throughout" || w == "cumulative") {
            if (si.scope.empty()) si.scope = w;
            continue;
        }
        if (w == "alone" && k > 0) {
            si.scope = std::string(byte_span{ws[k >= 2 ? k - 2 : k - 1].begin, ws[k].end}.of(m_text));
            return;
        }
        if ((w == "war" || w == "conflict") && k + 2 < ws.size() && (ws[k + 1].lower == "has" || ws[k + 1].lower == "that") &&
            (ws[k + 2].lower == "killed" || ws[k + 2].lower == "has" || ws[k + 2].lower == "left")) {
            si.scope = "the war";
            return;
        }
        if (w == "in" && k + 1 < ws.size() && ws[k + 1].digits && ws[k + 1].lower.size() == 4 &&
            !(k + 2 < ws.size() && month_index(ws[k + 2]) > 0)) {
            const auto y = small_number(ws[k + 1]);
            if (y && *y >= 1990 && *y <= 2100) {
                si.scope = "in " + std::string(ws[k + 1].lower);
                // keep looking: "since" is the stronger scope
            }
        }
    }
}

void article_pass::reject(const located_figure& lf, const std::string& reason) {
    if (!m_rejected) return;
    m_rejected->push_back({lf.f.span, std::string(lf.f.span.of(m_text)), reason});
}

std::optional<std::string> article_pass::rejection_reason(const located_figure& lf, const sentence_info& si) const {
    const figure& f = lf.f;
    const auto& ws = si.words;
    if (f.overflow) return std::string("number too large to be a count");
    const std::size_t nb = lf.nb, ne = lf.ne;
    const word* prev = nb > 0 ? &ws[nb - 1] : nullptr;
    const word* next = ne < ws.size() ? &ws[ne] : nullptr;
    const bool digits = !f.in_words && f.qualifier != qualifier::vague;
    const char after = f.number.end < m_text.size() ? m_text[f.number.end] : ' ';
    const char before = f.number.begin > 0 ? m_text[f.number.begin - 1] : ' ';
    if (after == ':' || before == ':' || after == '/' || before == '/') return std::string("a time or date");
    if (after == '%') return std::string("a percentage");
    if ((before == '.' || before == ',') && f.number.begin >= 2 && ascii_digit(m_text[f.number.begin - 2]))
        return std::string("the fraction of a decimal number");
    if (before == '$' || before == '#') return std::string("a price or number");
    if (lf.f.qualifier != qualifier::vague && nb < ws.size()) {
        const auto& own = ws[nb].lower;
        if (own.find("year") != std::string::npos || own.find("month") != std::string::npos ||
            own.find("km") != std::string::npos || own.find("day") != std::string::npos)
            return std::string("an age or measure");
    }
    if (digits && f.first && *f.first >= 1900 && *f.first <= 2100 && f.noun.empty() && f.qualifier == qualifier::exact)
        return std::string("a year");
    if (prev && month_index(*prev) > 0 && digits) return std::string("a date");
    // "April 3 2016": a year after a day or month
    if (prev && digits && f.first && *f.first >= 1990 && *f.first <= 2030 && f.qualifier == qualifier::exact &&
        (prev->digits || month_index(*prev) > 0))
        return std::string("a date");
    if (next && month_index(*next) > 0 && digits && f.noun.empty()) return std::string("a date");
    if (prev && (prev->lower == "aged" || prev->lower == "ages")) return std::string("an age");
    if (nb >= 2 && ws[nb - 1].lower == "of" && ws[nb - 2].lower == "age") return std::string("an age");
    if (f.noun.empty() && next) {
        static const std::array<std::string_view, 46> units{"family", "families",
            "years",    "year",   "months",   "month",     "days",      "day",    "hours",    "hour",     "minutes",
            "km",       "kilometres", "kilometers", "miles", "metres",  "meters", "percent",  "per",      "times",
            "am",       "pm",     "gmt",      "dollars",   "euros",     "pounds", "tonnes",   "tons",     "barrels",
            "million",  "billion", "kg",      "hectares",  "square",    "feet",   "th",       "st",       "nd",
            "rd",       "weeks",  "week",     "seconds",   "mm",        "liras",  "rockets",  "o'clock"};
        if (one_of(next->lower, units)) return std::string("a measure, not a count of people");
    }
    if (prev) {
        static const std::array<std::string_view, 14> labels{"resolution", "no",    "number", "article", "page",  "flight", "route",
                                                             "highway",    "channel", "su",   "f",       "chapter", "section", "level"};
        if (one_of(prev->lower, labels) && f.noun.empty()) return std::string("a label or number, not a count");
    }
    return std::nullopt;
}

std::optional<outcome> article_pass::find_outcome(const located_figure& lf, const sentence_info& si, bool& immediate,
                                                  bool& combined, std::size_t& after_aux, bool& direct) const {
    const auto& ws = si.words;
    immediate = false;
    combined = false;
    direct = false;
    after_aux = 99;
    // another figure's word range; rejected numbers (years, ages) do not count
    auto figure_at = [&](std::size_t k, std::size_t& skip_to) -> bool {
        for (const auto id : si.figure_ids) {
            const auto& o = m_figures[id];
            if (&o == &lf || o.not_a_count) continue;
            if (k >= o.wb && k < o.we) {
                skip_to = o.we;
                return true;
            }
        }
        return false;
    };
    auto verb_outcome = [](std::string_view w) -> std::optional<outcome> {
        static const std::array<std::string_view, 19> kill{
            "killed", "killing", "kill", "kills", "slew", "slay", "eliminated", "eliminating", "neutralized", "neutralised",
            "neutralizing", "liquidated", "massacring", "massacred", "executed", "executing", "claimed", "claiming", "left"};
        static const std::array<std::string_view, 7> injure{"wounded", "wounding", "injured", "injuring", "wound", "injure", "injures"};
        if (one_of(w, injure)) return outcome::injured;
        if (one_of(w, kill) && w != "claimed" && w != "claiming" && w != "left") return outcome::killed;
        return std::nullopt;
    };
    // 0. a non-casualty verb right before: "kidnapped 900", "evacuated 5000"
    if (lf.wb > 0 && ws[lf.wb - 1].has(w_blocker)) return std::nullopt;
    // 1a. a participle right after, past auxiliaries: "20 wounded", "25 were wounded", "6 Killed"
    std::optional<outcome> after;
    {
        static const std::array<std::string_view, 14> aux{"were", "was", "are", "is", "have", "has", "had", "been", "being", "also",
                                                          "reportedly", "gone", "got", "more"};
        static const std::array<std::string_view, 13> participle{"killed", "dead", "died", "wounded", "injured", "hurt", "missing",
                                                                 "slain", "executed", "massacred", "perished", "martyred", "disappeared"};
        std::size_t k = lf.we, n = 0;
        while (k < ws.size() && n < 3 && one_of(ws[k].lower, aux)) {
            ++k;
            ++n;
        }
        std::size_t next_figure = 0;
        const bool object_follows = k + 1 < ws.size() && figure_at(k + 1, next_figure);
        if (k < ws.size() && one_of(ws[k].lower, participle) && !object_follows) {
            after = outcome_word(ws, k);
            after_aux = n;
            // "dead and injured", "killed or wounded": both counted together
            if (after && k + 2 < ws.size() && (ws[k + 1].lower == "and" || ws[k + 1].lower == "or")) {
                const auto other = outcome_word(ws, k + 2);
                if (other && *other != *after) combined = true;
            }
        }
    }
    // 1b. the verb or noun right before: "killed 38", "killing at least 15", "lost 40 troops",
    // "the death of one civilian", "the lives of 18 civilians"
    std::optional<outcome> before;
    std::size_t lead = lf.wb;  // "injured another ten", "killed a further 12"
    if (lead > 0 && (ws[lead - 1].lower == "another" || ws[lead - 1].lower == "further" || ws[lead - 1].lower == "additional")) --lead;
    if (lead > 0 && ws[lead - 1].lower == "a" && lead < lf.wb) --lead;
    if (lead > 0) {
        const std::size_t j = lead - 1;
        before = verb_outcome(ws[j].lower);
        if (!before && (ws[j].lower == "lost" || ws[j].lower == "claimed" || ws[j].lower == "claiming") && !lf.f.noun.empty())
            before = outcome::killed;
        if (!before && (ws[j].lower == "destroyed" || ws[j].lower == "destroying") && read_category(lf.f).category == "fighters")
            before = outcome::killed;
        if (!before && ws[j].lower == "of" && j > 0) {
            const auto& h = ws[j - 1].lower;
            if (h == "death" || h == "deaths" || h == "lives" || h == "life" || h == "bodies" || h == "remains" ||
                h == "execution" || h == "killing" || h == "massacre" || h == "murder")
                before = outcome::killed;
            if (h == "injury" || h == "injuries") before = outcome::injured;
        }
        // "killed and wounded hundreds", "killing and injuring a number of", "killed wounded dozens"
        if (before && j >= 2 && (ws[j - 1].lower == "and" || ws[j - 1].lower == "or")) {
            const auto other = verb_outcome(ws[j - 2].lower);
            if (other && *other != *before) combined = true;
        }
        if (before && j >= 1) {
            const auto other = verb_outcome(ws[j - 1].lower);
            if (other && *other != *before) combined = true;
        }
    }
    if (after) {
        immediate = direct = true;
        return after;
    }
    if (before) {
        immediate = direct = true;
        return before;
    }
    // "the death toll rose to 112", "putting the toll at 70"
    for (std::size_t j = lf.wb >= 14 ? lf.wb - 14 : 0; j < lf.wb; ++j) {
        if (ws[j].lower != "toll") continue;
        bool clear = true;
        std::size_t skip = 0;
        for (std::size_t x = j + 1; x < lf.wb; ++x)
            if (figure_at(x, skip)) clear = false;
        if (clear) {
            immediate = true;
            const bool injured = j > 0 && (ws[j - 1].lower == "injury" || ws[j - 1].lower == "casualty");
            return injured ? outcome::injured : outcome::killed;
        }
    }
    // 2. forward: "38 people were killed", "76 children and 41 women were among those killed"
    for (std::size_t k = lf.we, n = 0; k < ws.size() && n < 12; ++n) {
        std::size_t skip = 0;
        if (figure_at(k, skip)) {
            // a breakdown ("including five children") or a coordinated figure ("and 41 women")
            const bool linked = k > 0 && (ws[k - 1].has(w_breakdown) || ws[k - 1].lower == "and" ||
                                          (k > 1 && ws[k - 2].has(w_breakdown)));
            if (linked) {
                k = skip;
                continue;
            }
            break;
        }
        if (const auto o = outcome_word(ws, k)) {
            if (n <= 2 && lf.f.noun.empty()) immediate = true;
            if (k + 2 < ws.size() && (ws[k + 1].lower == "and" || ws[k + 1].lower == "or")) {
                const auto other = outcome_word(ws, k + 2);
                if (other && *other != *o) combined = true;  // "were killed and injured"
            }
            return o;
        }
        if (ws[k].has(w_blocker)) break;
        if (ws[k].before == ';') break;
        ++k;
    }
    // 3. backward: "Those killed in the village ... included 32 civilians"; not across
    // another clause ("... died ... and more than 1100 other children are suffering")
    for (std::size_t k = lf.wb, n = 0; k-- > 0 && n < 12; ++n) {
        std::size_t skip = 0;
        if (figure_at(k, skip)) break;
        if (const auto o = outcome_word(ws, k)) return o;
        if (ws[k].has(w_blocker) || ws[k].has(w_report)) break;
        const auto& w = ws[k].lower;
        if (w == "and" || w == "but" || w == "while" || w == "whereas") break;
    }
    return std::nullopt;
}

const std::string& article_pass::canonical_outlet() {
    if (!m_outlet) {
        if (m_a.outlet.empty()) m_outlet = m_detected_outlet;
        else if (const auto* s = m_ctx.sources ? m_ctx.sources->find_outlet(m_a.outlet) : nullptr) m_outlet = s->name;
        else m_outlet = m_a.outlet;
    }
    return *m_outlet;
}

void article_pass::attribute(claim& c, const located_figure& lf, std::size_t s) {
    sentence_info& si = m_info[s];
    const source_mention* chosen = nullptr;
    std::vector<const source_mention*> relays;
    // a speaker before the figure whose verb comes before the figure: "X reported at least 36"
    for (const auto& m : si.sources) {
        if (!m.speaker || m.we > lf.wb) continue;
        chosen = &m;
    }
    if (chosen) {
        for (const auto& m : si.sources)
            if (m.relay) relays.push_back(&m);
    } else {
        for (const auto& m : si.sources) {
            if (m.wb < lf.we) {
                if (m.relay) relays.push_back(&m);
                continue;
            }
            if (m.speaker && !chosen) chosen = &m;
            else if (m.speaker || m.relay) relays.push_back(&m);
        }
    }
    auto name_of = [&](const source_mention& m) -> std::string {
        if (!m_ctx.sources) return {};
        if (m.pronoun) {
            // "he said": the last named speaker in this or the previous sentences
            for (const auto& o : si.sources)
                if (o.speaker && !o.pronoun && o.wb < m.wb) return m_ctx.sources->sources()[o.source].name;
            for (std::size_t p = s; p-- > 0 && p + 5 > s;) {
                if (m_sentences[p].line_alone) continue;
                const auto& pi = info(p, need_sources);
                for (auto it = pi.sources.rbegin(); it != pi.sources.rend(); ++it)
                    if (!it->pronoun && it->speaker) return m_ctx.sources->sources()[it->source].name;
            }
            return m_last_speaker && m_ctx.sources ? m_ctx.sources->sources()[*m_last_speaker].name : std::string();
        }
        return m_ctx.sources ? m_ctx.sources->sources()[m.source].name : std::string();
    };
    if (chosen) {
        c.source = name_of(*chosen);
        c.source_text = std::string(byte_span{si.words[chosen->wb].begin, si.words[chosen->we - 1].end}.of(m_text));
    }
    for (const auto* r : relays) {
        const auto n = name_of(*r);
        if (!n.empty() && n != c.source && std::find(c.relay.begin(), c.relay.end(), n) == c.relay.end()) c.relay.push_back(n);
    }
    const auto& outlet = canonical_outlet();
    if (c.source.empty()) {
        c.source = outlet;
        c.source_text.clear();
    } else if (!outlet.empty() && outlet != c.source && std::find(c.relay.begin(), c.relay.end(), outlet) == c.relay.end()) {
        c.relay.push_back(outlet);
    }
}

void article_pass::place_of(claim& c, const located_figure& lf, std::size_t s) {
    auto pick = [&](const sentence_info& si, bool near_figure) -> const place_mention* {
        const place_mention* best = nullptr;
        auto distance = [&](const place_mention& m) -> std::size_t {
            if (!near_figure) return 0;
            return m.wb >= lf.we ? m.wb - lf.we : (lf.wb - std::min(lf.wb, m.we)) + 20;  // prefer after the figure
        };
        for (const auto& m : si.places) {
            if (m.wb >= lf.wb && m.wb < lf.we && near_figure) continue;  // inside the figure ("IS militants")
            if (!best || m.rank > best->rank || (m.rank == best->rank && distance(m) < distance(*best))) best = &m;
        }
        return best;
    };
    const sentence_info& si = m_info[s];
    const place_mention* m = pick(si, true);
    const sentence_info* from = &si;
    if (!m && !c.headline && c.kind == claim_kind::incident) {
        for (std::size_t p = s; p-- > 0 && p + 3 > s;) {
            if (m_sentences[p].line_alone) continue;
            const auto& pi = info(p, need_places);
            if ((m = pick(pi, false))) {
                from = &pi;
                break;
            }
        }
    }
    if (m) {
        // "the villages of Hajin, Sousa and Al-Shaafa": one place text for the list
        byte_span written = m->span;
        for (const auto& other : from->places) {
            if (other.wb < m->we || other.span.begin < written.end) continue;
            const auto between = byte_span{written.end, other.span.begin}.of(m_text);
            bool glue = between.size() <= 6;
            for (const char ch : between)
                if (!(ch == ' ' || ch == ',' || ch == 'a' || ch == 'n' || ch == 'd')) glue = false;
            if (!glue) break;
            written.end = other.span.end;
        }
        c.place = std::string(written.of(m_text));
        if (m->p) {
            c.place_key = m->p->key;
            c.governorate = m->p->governorate;
        } else {
            c.place_key = registry::gazetteer::normalise(c.place);
        }
        if (c.governorate.empty())
            for (const auto& o : from->places)
                if (o.p && o.rank == 1) c.governorate = o.p->governorate;
    }
    if (c.governorate.empty() && !m_a.location.empty() && m_ctx.places) {
        if (!m_location_resolved) {
            m_location_resolved = true;
            m_location = m_ctx.places->resolve(m_a.location);
        }
        if (m_location) c.governorate = m_location->governorate;
    }
}

// The means of attack the article opens with (its headline, a caption or its lead
// sentence): what a figure that names none is about ("the toll rose to 12"). Only the
// opening: further down, a means named is as likely to be another event's. (The actor
// is not carried this way: victims are named like actors, "5 government troops".)
const std::string& article_pass::lede_attack() {
    if (m_lede_attack_searched) return m_lede_attack;
    m_lede_attack_searched = true;
    for (std::size_t s = 0; s < m_sentences.size() && s < 3; ++s) {
        const auto& si = info(s, need_scope);
        if (!si.attack.empty()) {
            m_lede_attack = si.attack;
            break;
        }
    }
    return m_lede_attack;
}

std::optional<date> article_pass::lede_date() {
    if (m_lede_searched) return m_lede_date;
    m_lede_searched = true;
    for (std::size_t s = 0; s < m_sentences.size() && s < 12; ++s) {
        if (m_sentences[s].line_alone) continue;
        const auto& si = info(s, need_date);
        if (si.own_date && si.own_date->value.precision != date_precision::year) {
            m_lede_date = si.own_date->value;
            break;
        }
    }
    return m_lede_date;
}

void article_pass::date_of(claim& c, const located_figure& lf, std::size_t s) {
    const auto& si = m_info[s];
    const bool bodies = [&] {
        std::string n = lf.f.noun;
        for (auto& ch : n) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return n == "bodies" || n == "corpses";
    }();
    (void)bodies;
    if (si.own_date && !si.retrieval) {
        c.event_date = si.own_date->value;
        if (si.own_date->relative)
            for (auto it = m_claims.rbegin(); it != m_claims.rend(); ++it)
                if (it->event_date.precision == date_precision::day && !it->headline) {
                    c.event_date = add_days(it->event_date, -si.own_date->days_before_event);
                    break;
                }
        return;
    }
    if (c.kind == claim_kind::cumulative) return;
    // a headline at the top of the article takes the date of the story below it; a
    // linked story's headline inside the body takes none
    const bool leading = c.headline && m_leading.count(s) > 0;
    if (c.headline && !leading) return;
    auto usable = [&](std::size_t p) -> const date* {
        if (m_sentences[p].line_alone) return nullptr;
        const auto& pd = info(p, need_date);
        if (!pd.own_date || pd.own_date->value.precision == date_precision::year || pd.retrieval) return nullptr;
        const auto& pi = info(p, need_scope);  // a dated running total ("since March 2011") is not the event
        if (pi.scope.empty()) return &pi.own_date->value;
        return nullptr;
    };
    for (std::size_t p = s; p-- > 0 && p + 4 > s;)
        if (const auto* d = usable(p)) {
            c.event_date = *d;
            return;
        }
    for (std::size_t p = s + 1; p < m_sentences.size() && p <= s + 3; ++p)
        if (const auto* d = usable(p)) {
            c.event_date = *d;
            return;
        }
    if (const auto d = lede_date()) c.event_date = *d;
}

void article_pass::make_claim(std::size_t fi) {
    located_figure& lf = m_figures[fi];
    const std::size_t s = lf.sentence;
    sentence_info& si = m_info[s];
    if (const auto& why = lf.not_a_count) {
        if (lf.f.overflow && m_overflow_reported < 3) {
            ++m_overflow_reported;
            const auto pos = position_of(m_text, lf.f.number.begin);
            m_diags.warning("number-overflow", m_a.where.file.empty() ? m_a.id : m_a.where.file, 0, 0,
                            "article '" + m_a.id + "': number '" + std::string(lf.f.number.of(m_text)).substr(0, 40) +
                                "' at line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column) +
                                " is too large to be a casualty count; ignored");
        }
        reject(lf, *why);
        return;
    }
    auto cat = read_category(lf.f);
    const auto& ws = si.words;
    bool immediate = false, combined = false, direct = false;
    std::size_t after_aux = 99;
    auto out = find_outcome(lf, si, immediate, combined, after_aux, direct);
    // "dozens of dead and injured"
    if (cat.intrinsic_death && lf.we + 1 < ws.size() && (ws[lf.we].lower == "and" || ws[lf.we].lower == "or") &&
        outcome_word(ws, lf.we + 1) == outcome::injured)
        combined = true;
    if (!out && cat.intrinsic_death) out = outcome::killed;
    if (combined) {
        reject(lf, "killed and wounded counted together");
        return;
    }
    // the claims before this one in the sentence: the nearest, and the nearest total
    // that is not itself a breakdown ("including 13 civilians")
    auto is_breakdown = [&](const located_figure& f) {
        for (std::size_t j = f.wb >= 3 ? f.wb - 3 : 0; j < f.wb; ++j)
            if (ws[j].has(w_breakdown)) return true;
        return false;
    };
    const located_figure* previous = nullptr;
    const located_figure* previous_total = nullptr;
    for (const auto id : si.figure_ids) {
        if (id >= fi || m_figures[id].claim < 0) continue;
        previous = &m_figures[id];
        if (!is_breakdown(m_figures[id])) previous_total = &m_figures[id];
    }
    const claim* prev_claim = previous ? &m_claims[static_cast<std::size_t>(previous->claim)] : nullptr;
    const claim* total_claim = previous_total ? &m_claims[static_cast<std::size_t>(previous_total->claim)] : nullptr;
    // a breakdown, or the next item of one ("including 25 children and 15 women"), counts
    // the same victims as its total: same outcome
    bool breakdown = is_breakdown(lf);
    if (!breakdown && previous && lf.wb > 0 && ws[lf.wb - 1].lower == "and" && previous->we + 1 == lf.wb && is_breakdown(*previous))
        breakdown = true;
    if (breakdown && total_claim && cat.known && !(immediate && lf.wb > 0 && ws[lf.wb - 1].lower != "and" && !ws[lf.wb - 1].has(w_breakdown)))
        out = total_claim->outcome;
    // "Of those killed six were children", "at least 14 of the dead were rebels"
    if (!cat.known) {
        std::size_t k = lf.we;
        if (k + 1 < ws.size() && ws[k].lower == "of" && (ws[k + 1].lower == "the" || ws[k + 1].lower == "them" || ws[k + 1].lower == "those" || ws[k + 1].lower == "whom")) {
            k += 2;
            if (k < ws.size() && (ws[k].lower == "dead" || ws[k].lower == "killed" || ws[k].lower == "victims")) {
                if (!out) out = outcome::killed;
                ++k;
            }
        }
        const bool copula = k + 1 < ws.size() && (ws[k].lower == "were" || ws[k].lower == "are" || ws[k].lower == "was");
        const bool of_them = k > lf.we && k < ws.size() && !copula;  // "30 of them children"
        if (copula || of_them) {
            const auto& n = ws[copula ? k + 1 : k].lower;
            static const std::array<std::string_view, 11> fighters{"rebels", "fighters", "soldiers", "militants", "troops", "jihadists",
                                                                   "terrorists", "policemen", "insurgents", "combatants", "gunmen"};
            if (n == "children") cat.category = "children";
            else if (n == "civilians") cat.category = "civilians";
            else if (n == "women") cat.category = "women";
            else if (one_of(n, fighters)) {
                cat.category = "fighters";
                cat.side = n == "rebels" ? "rebels" : "";
            }
            if (!cat.category.empty()) cat.known = true;
        }
    }
    // "members of the YPG", "20 members of the Daesh terrorist group", "10 IS members"
    if (cat.known && cat.category == "people") {
        std::string noun;
        for (const char ch : lf.f.noun) noun.push_back(ascii_lower(ch));
        if (noun == "members") {
            static const std::array<std::string_view, 24> groups{
                "group", "front", "ypg", "daesh", "isis", "isil", "nusra", "militia", "militias", "army", "hezbollah", "brigade",
                "brigades", "faction", "factions", "forces", "battalion", "organization", "organisation", "asayesh", "qaeda",
                "al-qaeda", "al-nusra", "ahrar"};
            bool group = !side_of(lf.f.modifiers, noun).empty();
            for (std::size_t k = lf.we; k < std::min(ws.size(), lf.we + 7) && !group; ++k)
                if (one_of(ws[k].lower, groups) || (ws[k].lower == "is" && m_text[ws[k].begin] == 'I')) group = true;
            if (group) {
                cat.category = "fighters";
                cat.side = side_of(lf.f.modifiers, noun);
            }
        }
    }
    bool elliptical = false;  // "with local media reporting upwards of 40", "putting the toll at 70"
    if (!cat.known && previous && lf.wb > 0) {
        for (std::size_t j = lf.wb >= 3 ? lf.wb - 3 : 0; j < lf.wb; ++j) {
            const auto& w = ws[j].lower;
            if (ws[j].has(w_report) || w == "putting" || w == "put" || w == "reaching" || w == "gave" || w == "giving" ||
                (w == "to" && j > 0 && (ws[j - 1].lower == "rose" || ws[j - 1].lower == "risen" || ws[j - 1].lower == "climbed")))
                elliptical = true;
        }
    }
    if (!out && elliptical && prev_claim) out = prev_claim->outcome;
    // a coordinated object: "killed 10 soldiers and 5 civilians"
    if (!out && prev_claim && lf.wb > 0 && ws[lf.wb - 1].lower == "and" && previous && previous->we + 1 == lf.wb && cat.known)
        out = prev_claim->outcome;
    // tolls per place under a total: "54 civilians were killed including 9 in Alsaliheen 8 in Ansari"
    if (!cat.known && total_claim && lf.we < ws.size() && ws[lf.we].lower == "in" &&
        (is_breakdown(lf) || (previous && previous->f.noun.empty() && is_breakdown(*previous) && lf.wb <= previous->we + 4))) {
        breakdown = true;
        out = total_claim->outcome;
        cat.known = true;
        cat.category = total_claim->category;
        cat.side = total_claim->side;
    }
    // vague words without a noun ("dozens more were wounded") only right next to their verb
    if (out && !lf.f.vague.empty() && lf.f.noun.empty() && !direct) {
        reject(lf, "a vague quantity without a noun or a verb next to it");
        return;
    }
    if (!out) {
        reject(lf, "no casualty outcome (killed, injured, missing) near the figure");
        return;
    }
    if (!cat.known && !immediate && !elliptical) {
        reject(lf, "no victim category and no verb right next to the figure");
        return;
    }
    std::string toll_category;  // "its overall death toll of non-fighters ... to at least 883"
    if (!cat.known) {
        bool toll = false;
        for (std::size_t j = lf.wb, n = 0; j-- > 0 && n < 16; ++n) {
            const auto& w = ws[j].lower;
            if (w == "toll") toll = true;
            if (toll) break;
            if (w == "civilians" || w == "civilian" || w == "non-fighters" || w == "non-combatants") toll_category = "civilians";
            if (w == "children" && toll_category.empty()) toll_category = "children";
        }
        if (!toll) toll_category.clear();
    }
    // "killed 10 civilians and injured 41 others": "others" are of the same kind;
    // "At least seven people were killed and 20 wounded": a bare figure too
    std::string noun_lower;
    for (const char ch : lf.f.noun) noun_lower.push_back(ascii_lower(ch));
    // "others" of civilians or fighters are more of them; "others" next to children or women are people
    const claim* kin = total_claim ? total_claim : prev_claim;
    const bool same_kind = kin && noun_lower == "others" && (kin->category == "civilians" || kin->category == "fighters");
    info(s);  // sources, places, date, actor and scope of the sentence
    claim c;
    c.article = m_a.id;
    c.id = m_a.id + "@" + std::to_string(lf.f.number.begin);
    c.outcome = *out;
    if (same_kind) {
        c.category = kin->category;
        c.side = kin->side;
    } else if (cat.known) {
        c.category = cat.category;
        c.side = cat.side;
    } else {
        c.category = toll_category.empty() ? "people" : toll_category;
    }
    const auto [low, high] = grammar::claims::interval_of(lf.f);
    c.low = low;
    c.high = high;
    c.qualifier = lf.f.qualifier;
    // coordinated figures share one verb and its qualifier: "At least seven people were
    // killed and 20 wounded", "at least 45 IS militants and 20 Kurdish fighters had been killed"
    if (prev_claim && lf.f.qualifier == qualifier::exact && lf.wb > 0 && ws[lf.wb - 1].lower == "and" && prev_claim->low &&
        !prev_claim->high && prev_claim->vague.empty() && !breakdown && (after_aux == 0 || c.outcome == prev_claim->outcome)) {
        c.high.reset();
        c.qualifier = qualifier::at_least;
    }
    c.qualifier_text = lf.f.qualifier_text;
    c.vague = lf.f.vague;
    c.value_text = lf.f.value_text;
    c.span = lf.f.number;
    c.sentence = m_sentences[s].span;
    c.headline = m_sentences[s].line_alone;
    if (!si.scope.empty() && !c.headline) {
        c.kind = claim_kind::cumulative;
        c.scope = si.scope;
    }
    attribute(c, lf, s);
    place_of(c, lf, s);
    date_of(c, lf, s);
    if (c.kind == claim_kind::cumulative && !(c.event_date.precision == date_precision::year && c.scope.rfind("in ", 0) == 0)) {
        // a running total has no event date, except the year it covers ("in 2017")
        c.event_date = {};
    }
    c.actor = si.actor;
    if (c.actor.empty() && !c.headline && s > 0 && (m_info[s - 1].done & need_scope)) c.actor = m_info[s - 1].actor;
    c.attack = si.attack;
    if (c.attack.empty() && !c.headline && s > 0 && (m_info[s - 1].done & need_scope)) c.attack = m_info[s - 1].attack;
    if (c.attack.empty() && !c.headline) c.attack = lede_attack();
    lf.claim = static_cast<int>(m_claims.size());
    m_claims.push_back(std::move(c));
    m_claim_figure.push_back(fi);
    link_parent(m_claims.size() - 1);
}

void article_pass::release_before(std::size_t s) {
    constexpr std::size_t keep = 8;  // dates look 3 back, places 2, pronouns 4, parents 3
    if (s < keep) return;
    lede_date();  // the article's first date and attack are read from its opening before that is released
    lede_attack();
    for (std::size_t p = m_released; p + keep < s; ++p) {
        auto& si = m_info[p];
        std::vector<word>().swap(si.words);
        std::vector<source_mention>().swap(si.sources);
        std::vector<place_mention>().swap(si.places);
        si.tokenized = true;  // stays "known": nothing will ask again
        si.done = need_all;
    }
    m_released = std::max(m_released, s - keep);
}

void article_pass::link_parent(std::size_t i) {
    {
        claim& b = m_claims[i];
        const located_figure& lf = m_figures[m_claim_figure[i]];
        const auto& si = m_info[lf.sentence];
        bool marker = false;
        for (std::size_t j = lf.wb >= 4 ? lf.wb - 4 : 0; j < lf.wb; ++j) {
            const auto& w = si.words[j].lower;
            if (w == "including" || w == "includes" || w == "included" || w == "among" || w == "them" || w == "whom" ||
                w == "incl")
                marker = true;
        }
        for (std::size_t j = lf.we; j < std::min(si.words.size(), lf.we + 4); ++j)
            if (si.words[j].lower == "among") marker = true;
        bool other = false;
        for (const auto& m : lf.f.modifiers)
            if (m == "other" || m == "more") other = true;
        if (marker && b.kind == claim_kind::incident) {
            for (std::size_t j = i; j-- > 0;) {
                const claim& p = m_claims[j];
                const std::size_t ps = m_figures[m_claim_figure[j]].sentence;
                if (ps + 2 < lf.sentence) break;
                if (p.headline || p.kind != claim_kind::incident || p.outcome != b.outcome) continue;
                if (category_rank(p.category) >= category_rank(b.category)) continue;
                if (p.category == "fighters") continue;
                b.parent = p.id;
                // "at least 23 civilians including 10 children": the part is a lower bound too
                if (ps == lf.sentence && p.low && !p.high && b.qualifier == qualifier::exact && b.low) {
                    b.high.reset();
                    b.qualifier = qualifier::at_least;
                }
                break;
            }
        }
        if (other && b.parent.empty() && b.low && b.kind == claim_kind::incident) {
            // "22 bodies of civilians ... as well as the remains of six other people" = 28
            std::int64_t sum = *b.low;
            std::vector<std::size_t> parts{i};
            for (std::size_t j = i; j-- > 0;) {
                if (m_figures[m_claim_figure[j]].sentence != lf.sentence) break;
                if (!m_claims[j].parent.empty() || !m_claims[j].low) continue;
                sum += *m_claims[j].low;
                parts.push_back(j);
            }
            for (std::size_t j = i; j-- > 0;) {
                const claim& p = m_claims[j];
                const std::size_t ps = m_figures[m_claim_figure[j]].sentence;
                if (ps + 3 < lf.sentence) break;
                if (ps == lf.sentence || p.outcome != b.outcome || !p.low || *p.low != sum || p.high != p.low) continue;
                for (const auto k : parts) m_claims[k].parent = p.id;
                break;
            }
        }
    }
}

std::vector<claim> article_pass::run() {
    if (m_a.body.empty() || m_a.text.empty()) return {};
    split();
    scan();
    m_claims.reserve(m_figures.size());
    m_claim_figure.reserve(m_figures.size());
    // Sentence by sentence: split the sentence into words, place its figures on them,
    // reject what is not a count, then read the rest (sources, places, date...) through
    // info() when a figure turns out to be a casualty figure. Sentences far behind are
    // released, so a long article never holds all its words at once.
    std::size_t fi = 0;
    while (fi < m_figures.size()) {
        const std::size_t s = m_figures[fi].sentence;
        std::size_t fe = fi;
        while (fe < m_figures.size() && m_figures[fe].sentence == s) ++fe;
        release_before(s);
        auto& si = m_info[s];
        if (!si.tokenized) {
            si.tokenized = true;
            si.words = words_of(m_text, m_sentences[s].span, lower_text());
        }
        const auto& ws = si.words;
        auto first_at_or_after = [&](std::size_t pos) {
            return static_cast<std::size_t>(
                std::lower_bound(ws.begin(), ws.end(), pos, [](const word& w, std::size_t p) { return w.end <= p; }) - ws.begin());
        };
        for (std::size_t k = fi; k < fe; ++k) {
            auto& lf = m_figures[k];
            si.figure_ids.push_back(k);
            lf.wb = first_at_or_after(lf.f.span.begin);
            lf.we = first_at_or_after(lf.f.span.end);
            lf.nb = first_at_or_after(lf.f.number.begin);
            lf.ne = first_at_or_after(lf.f.number.end);
            if (lf.we <= lf.wb) lf.we = std::min(ws.size(), lf.wb + 1);
            if (lf.ne <= lf.nb) lf.ne = std::min(ws.size(), lf.nb + 1);
        }
        for (std::size_t k = fi; k < fe; ++k) m_figures[k].not_a_count = rejection_reason(m_figures[k], si);
        for (std::size_t k = fi; k < fe; ++k) {
            make_claim(k);
            // remember the last named speaker for pronouns in later sentences
            if (m_info[s].done & need_sources)
                for (const auto& m : m_info[s].sources)
                    if (m.speaker && !m.pronoun) m_last_speaker = m.source;
        }
        fi = fe;
    }
    inherit_places(m_claims);
    return std::move(m_claims);
}

}  // namespace

std::vector<claim> extractor::extract(const article& a, diagnostics& diags, std::vector<rejection>* rejected) const {
    try {
        article_pass pass(a, m_ctx, *m_tables, diags, rejected);
        auto claims = pass.run();
        if (claims.size() > max_claims_per_article) {
            diags.warning("too-many-claims", a.where.file.empty() ? a.id : a.where.file, a.where.line, 0,
                          "article '" + a.id + "' has " + std::to_string(claims.size()) + " claims; only the first " +
                              std::to_string(max_claims_per_article) + " are kept");
            claims.resize(max_claims_per_article);
        }
        return claims;
    } catch (const std::exception& e) {
        diags.error(a.where.file, a.where.line, 0, "article '" + a.id + "': extraction failed: " + e.what());
        return {};
    }
}

}  // namespace reckon::extract
