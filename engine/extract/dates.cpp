// Dates reader (dates.hpp).
#include "extract/dates.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "claims/claims.hpp"
#include "when/when.hpp"

namespace reckon::extract {

namespace {

const std::array<std::string_view, 7> weekdays{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

}  // namespace

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


bool may_hold_date(std::string_view text, byte_span span) {
    static const std::array<std::string_view, 26> lower_words{
        "yesterday", "today",   "tonight", "overnight", "month",    "year",    "day",     "days",     "months",
        "years",     "week",    "weeks",   "weekend",   "night",    "hours",   "ago",     "morning",  "monday",
        "tuesday",   "wednesday", "thursday", "friday", "saturday", "sunday", "mondays", "tuesdays"};
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
            // "02/22/2016", "22.04.2016", "4/22", "2015-08-12"; "15th", "1st"
            if (j + 1 < end && (text[j] == '/' || text[j] == '.' || text[j] == '-') && ascii_digit(text[j + 1])) return true;
            const char last = ascii_lower(w.back());
            if (last == 'h' || last == 't' || last == 'd') return true;
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
            // "Overnight shelling killed...": the night word opening a sentence
            if (w.size() == 9 && w.substr(1) == "vernight") return true;
            if (w.size() >= 3) {
                const char a = ascii_lower(w[0]), b = ascii_lower(w[1]), d = ascii_lower(w[2]);
                if (b >= 'a' && b <= 'z' && d >= 'a' && d <= 'z' &&
                    heads[static_cast<std::size_t>(((a - 'a') * 26 + (b - 'a')) * 26 + (d - 'a'))])
                    return true;
            }
        } else if (w.size() >= 3 && w.size() <= 9) {
            // the words of the list that start with this letter, looked at only when the length fits
            static const auto by_letter = [] {
                std::array<std::uint16_t, 26> lengths{};  // bit n: some word of n letters starts with this letter
                for (const auto lw : lower_words) lengths[static_cast<std::size_t>(lw[0] - 'a')] |= static_cast<std::uint16_t>(1u << lw.size());
                return lengths;
            }();
            if (c >= 'a' && c <= 'z' && (by_letter[static_cast<std::size_t>(c - 'a')] >> w.size()) & 1u)
                for (const auto lw : lower_words)
                    if (w == lw) return true;
        }
        i = j;
    }
    return false;
}

bool after_preposition(std::string_view text, std::size_t pos) {
    std::size_t e = pos;
    while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
    std::size_t b = e;
    while (b > 0 && ascii_alpha(text[b - 1]) && e - b < 8) --b;
    if (b == e || (b > 0 && ascii_alpha(text[b - 1]))) return false;
    std::string w;
    for (std::size_t i = b; i < e; ++i) w += ascii_lower(text[i]);
    static const std::array<std::string_view, 10> prepositions{"on", "since", "in", "of", "until", "by", "from", "before", "after", "till"};
    return std::find(prepositions.begin(), prepositions.end(), w) != prepositions.end();
}

namespace {

// Whether the date grammar may read a phrase at word k, from the words' flags alone: most
// words of a sentence are refused here without running the grammar. "the", "last", "a",
// "two" and the like (w_date_lead) open a date only before a date word, a unit ("week",
// "days", "night"), digits, a capitalised name or an ordinal.
bool may_open_date(std::string_view text, const std::vector<word>& ws, std::size_t k) {
    const word& w = ws[k];
    const std::string_view l = w.lower;
    const word* next = k + 1 < ws.size() ? &ws[k + 1] : nullptr;
    if (w.digits) {
        // a year, "02/22/2016", "15th", or digits before a month or a unit ("12 June", "two days")
        if (l.size() == 4 || ascii_alpha(l.back()) || l.find_first_of(".-/") != std::string_view::npos) return true;  // "2016-02-22" is one word
        if (w.end + 1 < text.size() && (text[w.end] == '/' || text[w.end] == '.' || text[w.end] == '-') && ascii_digit(text[w.end + 1]))
            return true;
        return next && (next->capital || next->has(w_date_unit));
    }
    if (w.has(w_date)) {
        // not "day", "month", "year" alone, nor "may" or "march" in lower case
        if (w.capital) return true;
        return l[0] == 'y' || l[0] == 't' || l[0] == 'o' || weekday_index(l.substr(0, l.find('-'))) >= 0;
    }
    if (w.has(w_date_lead)) {
        if (!next) return false;
        if (next->digits || next->has(w_date | w_date_unit | w_date_lead)) return true;
        // "last March's shooting", "early June": a capital after these is a month ("the Syrian" is none)
        if (next->capital && (l == "last" || l == "this" || l == "early" || l == "mid" || l == "late")) return true;
        // "the twenty-first of May"
        const std::string_view n = next->lower;
        return l == "the" && n.size() > 6 && (n.compare(n.size() - 2, 2, "th") == 0 || n.compare(n.size() - 5, 5, "first") == 0 ||
                                               n.compare(n.size() - 2, 2, "nd") == 0 || n.compare(n.size() - 2, 2, "rd") == 0);
    }
    // "mid-March"; "tuesday's strike", "tuesdays strike"
    if (l.size() > 4 && l[0] == 'm' && l.compare(0, 4, "mid-") == 0) return true;
    if (l.size() < 7 || l.size() > 11) return false;
    if (l.compare(l.size() - 5, 5, "day's") == 0) return weekday_from_name(l.substr(0, l.size() - 2)) >= 0;
    if (l.compare(l.size() - 4, 4, "days") == 0) return weekday_from_name(l.substr(0, l.size() - 1)) >= 0;
    return false;
}

}  // namespace

namespace {

bool photo_word(std::string_view w) {
    static const std::array<std::string_view, 7> photos{"photo", "photos", "photograph", "picture", "pictures", "image", "images"};
    return one_of(w, photos);
}

}  // namespace

namespace {

// True when a full stop and a short parenthesised credit follow the byte end: ". (AP)",
// ". (AFP Photo)", ". (Reuters/John Doe)".
bool credit_after(std::string_view text, std::size_t end) {
    std::size_t x = end;
    if (x >= text.size() || text[x] != '.') return false;
    ++x;
    while (x < text.size() && text[x] == ' ') ++x;
    if (x + 2 >= text.size() || text[x] != '(' || !ascii_upper(text[x + 1])) return false;
    const auto close = text.substr(x, std::min<std::size_t>(40, text.size() - x)).find(')');
    return close != std::string_view::npos && close > 2;
}

}  // namespace

bool caption_date(std::string_view text, const std::vector<word>& ws, std::size_t k, std::size_t phrase_end) {
    // a credit right after the date: "... Aleppo on July 9 2016 (Photo AFP)"
    for (std::size_t j = k + 1; j < ws.size() && j < k + 8 && ws[j].begin < phrase_end + 24; ++j)
        if (ws[j].begin >= phrase_end && photo_word(ws[j].lower) && text[ws[j].begin - 1] == '(') return true;
    // a wire's credit after the caption's last sentence: "... in Washington Wednesday April 5
    // 2017. (AP)" (a dateline's "(Reuters) -" has no full stop before it). A caption that
    // shows the attack or its dead ("the site of a car bomb attack ... June 11 2016.
    // (Agencies)"), or a story's own last line ("... killed on Monday. (AFP)"), has the
    // event's day.
    if (credit_after(text, phrase_end) &&
        std::none_of(ws.begin(), ws.end(), [](const word& w) { return w.has(w_killed | w_injured | w_attack); }))
        return true;
    // the picture's own words before it: "A picture taken on July 29", "in this handout photo
    // provided by SANA on September 5", "Photo: ... on November 5"
    for (std::size_t j = k >= 12 ? k - 12 : 0; j < k; ++j) {
        if (!photo_word(ws[j].lower)) continue;
        bool cue = (ws[j].end < text.size() && text[ws[j].end] == ':') || text[ws[j].begin - (ws[j].begin > 0 ? 1 : 0)] == '(';
        for (std::size_t x = j >= 3 ? j - 3 : 0; x + 1 < j; ++x)
            if (ws[x].lower == "in" && ws[x + 1].lower == "this") cue = true;
        for (std::size_t x = j + 1; x < k && x < j + 4; ++x)
            if (ws[x].lower == "taken" || ws[x].lower == "provided" || ws[x].lower == "shows" || ws[x].lower == "showing" ||
                ws[x].lower == "released" || ws[x].lower == "distributed")
                cue = true;
        if (!cue) continue;
        bool story = false;  // an outcome between the caption and the date: the date is the story's
        for (std::size_t x = j + 1; x < k; ++x)
            if (ws[x].has(w_killed | w_injured)) story = true;
        if (!story) return true;
    }
    return false;
}

namespace {

// Whole calendar years from the date to the publication (0 when either is unknown).
int years_before(const date& published, const date& d) {
    if (!published.known() || !d.known()) return 0;
    return published.year - d.year;
}

// A word that tells of a statement (a verb of saying, a statement's noun): a day right
// after it, with only telling_glue between, dates the telling, not the event it tells of.
bool telling_word(std::string_view w) {
    static const std::array<std::string_view, 39> words{
        // verbs of saying
        "said", "says", "told", "reported", "added", "announced", "declared", "stated", "accused", "denied", "insisted",
        "blamed", "warned", "condemned", "alleged", "asserted", "acknowledged", "admitted", "tweeted", "tweeting", "wrote",
        "confirmed", "vowed", "urged", "noted", "argued",
        // nouns of a statement
        "statement", "statements", "assertions", "accusations", "claims", "denials", "remarks", "comments", "briefing",
        "conference", "interview", "speech", "tweet"};
    return one_of(w, words);
}

bool telling_glue(std::string_view w) {
    // "said in a statement on Friday", "told The Associated Press on Sunday", "said late on
    // Monday", "told reporters at a news conference on Tuesday"
    static const std::array<std::string_view, 21> glue{"on",      "late",        "early",      "afp",   "reuters", "in",
                                                       "a",       "an",          "the",        "at",    "statement", "reporters",
                                                       "journalists", "associated", "press", "news", "conference", "briefing",
                                                       "media",   "interview",   "television"};
    return one_of(w, glue);
}

// A verb of saying right after a day ("The ministry on Monday denied ..."): the day is the telling's.
bool reported_after_word(std::string_view w) {
    // ("claimed" is not one: "a car bomb on Monday claimed 12 lives" is the event's day)
    static const std::array<std::string_view, 20> words{"said",    "says",      "identified", "announced", "reported",
                                                        "released", "named",    "confirmed",  "told",      "charged",
                                                        "accused", "denied",    "insisted",   "blamed",    "warned",
                                                        "declared", "condemned", "stated",    "tweeted",   "vowed"};
    return one_of(w, words);
}

}  // namespace

void find_date(article_context& ax, std::size_t s, sentence_info& si) {
    const auto& ws = si.words;
    const date& pub = ax.art.published;
    auto reported_before = [&](std::size_t k) {
        // "said on Friday", "told reporters on Sunday", "were trading conflicting assertions
        // Wednesday about who launched an attack that killed 72": the day of the telling
        for (std::size_t j = k >= 5 ? k - 5 : 0; j < k; ++j)
            if (telling_word(ws[j].lower)) {
                bool only_glue = true;
                for (std::size_t x = j + 1; x < k; ++x)
                    if (!telling_glue(ws[x].lower)) only_glue = false;
                if (only_glue) return true;
            }
        return false;
    };
    // "The medical examiner's office on Monday identified the two men killed ... on Friday":
    // the day of the report, not of the event
    // (only before the outcome: "killed when a bomb exploded on Friday said a monitoring group",
    // with its commas stripped, is the event's day)
    auto reported_after = [&](std::size_t phrase_end) {
        std::size_t j = 0;
        while (j < ws.size() && ws[j].begin < phrase_end) {
            if (ws[j].has(w_killed | w_injured)) return false;
            ++j;
        }
        if (j >= ws.size() || ax.text.substr(phrase_end, ws[j].begin - phrase_end).find(',') != std::string_view::npos) return false;
        return reported_after_word(ws[j].lower);
    };
    auto in_dateline = [&](std::size_t k) {
        if (!ax.dateline.empty() && ws[k].begin < ax.dateline.end && ws[k].end > ax.dateline.begin) return true;
        // "AL-SHAAFA, Nov 14 — Air strikes ...": a dateline at the start of a paragraph
        if (ax.sentences[s].paragraph_start && k < 5) {
            std::size_t e = ws[k].end;
            if (k + 1 < ws.size()) e = ws[k + 1].end;
            // a wire's credit between the date and the dash: "TAIZ, Yemen, June 3 (Xinhua) --",
            // "ADEN, Nov 18 (Reuters) -"
            std::size_t x = e;
            while (x < ax.text.size() && ax.text[x] == ' ') ++x;
            if (x < ax.text.size() && ax.text[x] == '(') {
                const auto close = ax.text.substr(x, std::min<std::size_t>(32, ax.text.size() - x)).find(')');
                if (close != std::string_view::npos) e = x + close + 1;
            }
            const auto after = ax.text.substr(e, std::min<std::size_t>(6, ax.text.size() - e));
            if (after.find("\xE2\x80\x94") != std::string_view::npos || after.find(" - ") != std::string_view::npos ||
                after.find(" -") == 0 || after.find(':') != std::string_view::npos)
                return true;
        }
        return false;
    };
    // A page's own stamp ("Updated: Monday, August 4, 2014 11:47 AM", "Posted on Aug 4",
    // "Published 12:06 PM, Jul 27"): when the text was put out or last changed, which a
    // local news site prints beside its headline. A stamp after the article's publication
    // day is an update's, and would date the shooting to the day of the update; one on
    // the publication day says no more than it (a wire's "(updated 2033 15.04.2017)" on a
    // story of that day), and is read as before.
    auto page_stamp = [&](std::size_t k) {
        for (std::size_t j = k >= 5 ? k - 5 : 0; j < k; ++j) {
            const auto& l = ws[j].lower;
            if (l != "posted" && l != "updated" && l != "published" && l != "modified") continue;
            bool only_glue = true;  // "Posted: Monday", "Updated on Monday", "Published 12:06 PM, Nov 12"
            for (std::size_t x = j + 1; x < k; ++x) {
                const auto& g = ws[x].lower;
                if (!(g == "on" || g == "at" || g == "pm" || g == "am" || g == "p.m" || g == "a.m" || ascii_digit(g[0])))
                    only_glue = false;
            }
            if (only_glue) return true;
        }
        return false;
    };
    // a month or year alone is a date after these words ("in June", "since 2014", "of March")
    auto month_context = [&](std::size_t k) {
        if (k == 0) return true;
        const auto& p = ws[k - 1].lower;
        return p == "in" || p == "on" || p == "since" || p == "early" || p == "late" || p == "mid" || p == "of" ||
               p == "during" || p == "until" || p == "by";
    };
    for (const auto& w : ws)
        if (w.has(w_retrieval)) si.retrieval = true;
    // The first date phrase of the sentence is its date, unless a later one names an event
    // ("sentenced on Monday for the 2013 double homicide"): that one dates the figures.
    const std::string_view sentence_text = ax.text.substr(0, ax.sentences[s].span.end);
    std::optional<date_mention> found;
    std::size_t resume = 0;  // words inside a phrase already read are not read again
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (ws[k].begin < resume) continue;
        if (!may_open_date(ax.text, ws, k)) continue;
        const auto p = grammar::when::parse_date_phrase(sentence_text, ws[k].begin, pub);
        if (!p) continue;
        resume = p->where.end;
        using form = grammar::when::phrase_form;
        bool usable = true;
        switch (p->form) {
        case form::weekday: usable = !reported_before(k) && !reported_after(p->where.end) && !in_dateline(k); break;
        case form::relative: {
            usable = !reported_before(k);
            // "overnight Tuesday": the weekday says which night
            if (ws[k].lower == "overnight" && k + 1 < ws.size() &&
                weekday_index(ws[k + 1].lower.substr(0, ws[k + 1].lower.find('-'))) >= 0)
                usable = false;
            break;
        }
        // (a dateline carries the day of the report, never a year long gone: "August 1982: eight
        // people killed at a welding shop" opens an entry in a list of past shootings)
        case form::calendar: usable = !in_dateline(k) || years_before(pub, p->value) >= 2; break;
        case form::after_event: break;
        case form::bare_month: {
            const bool led = ws[k].lower == "last" || ws[k].lower == "this" || ws[k].lower == "past";
            usable = !in_dateline(k) && (p->names_event || led || month_context(k));
            break;
        }
        case form::bare_year:
            // "in 2017" (the scope of cumulative tolls, or the year of the event), "the 2013 shooting"
            usable = (p->names_event || (k > 0 && ws[k - 1].lower == "in")) && p->value.year >= 1990;
            break;
        }
        // a photo's date in its caption or credit is not the event's, nor an update's stamp
        if (usable && caption_date(ax.text, ws, k, p->where.end)) usable = false;
        if (usable && pub.precision == date_precision::day && p->value.first_day() > pub.last_day() && page_stamp(k)) usable = false;
        if (!usable) continue;  // nor any part of it: "July 4 2015" in a dateline is no "2015" either
        date_mention m{p->value, k, p->days_before_event, p->form == form::after_event};
        m.names_event = p->names_event;
        if (!found || (m.names_event && !found->names_event)) found = m;
        if (si.other_dates.size() < 4) si.other_dates.push_back(m);
        if (found->names_event) break;
    }
    si.own_date = found;
}

bool background(const date& published, const date& d) {
    if (published.precision != date_precision::day || !d.known()) return false;
    return d.last_day() + background_days < published.first_day();
}

std::optional<date> lede_date(article_context& ax) {
    if (ax.opening_date_searched) return ax.opening_date;
    ax.opening_date_searched = true;
    for (std::size_t s = 0; s < ax.sentences.size() && s < 12; ++s) {
        if (ax.sentences[s].line_alone) continue;
        const auto& si = ax.info(s, need_date);
        // a year alone is too wide for the article's event, unless it names it ("the 2013 double homicide")
        if (si.own_date && (si.own_date->value.precision != date_precision::year || si.own_date->names_event) &&
            (si.own_date->names_event || !background(ax.art.published, si.own_date->value))) {
            ax.opening_date = si.own_date->value;
            break;
        }
    }
    return ax.opening_date;
}

void date_of(article_context& ax, claim& c, const located_figure& lf, std::size_t s) {
    const auto& si = ax.sentence_infos[s];
    const bool bodies = [&] {
        std::string n = lf.f.noun;
        for (auto& ch : n) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return n == "bodies" || n == "corpses";
    }();
    (void)bodies;
    if (si.own_date && !si.retrieval) {
        // Of several dates in the sentence, the one nearest the figure ("strikes came a day
        // after ... its air strikes last week claimed 100"), unless one names the event.
        const date_mention* m = &*si.own_date;
        if (!m->names_event) {
            const auto distance = [&](const date_mention& d) { return d.wb > lf.nb ? d.wb - lf.nb : lf.nb - d.wb; };
            for (const auto& d : si.other_dates)
                if (distance(d) < distance(*m)) m = &d;
        }
        c.event_date = m->value;
        if (m->relative)
            for (auto it = ax.claims.rbegin(); it != ax.claims.rend(); ++it)
                if (it->event_date.precision == date_precision::day && !it->headline) {
                    c.event_date = add_days(it->event_date, -m->days_before_event);
                    break;
                }
        return;
    }
    if (c.kind == claim_kind::cumulative) return;
    // a headline at the top of the article takes the date of the story below it; a
    // linked story's headline inside the body takes none
    const bool leading = c.headline && leads_article(ax, s);
    if (c.headline && !leading) return;
    auto usable = [&](std::size_t p) -> const date* {
        if (ax.sentences[p].line_alone) return nullptr;
        const auto& pd = ax.info(p, need_date);
        if (!pd.own_date || pd.own_date->value.precision == date_precision::year || pd.retrieval) return nullptr;
        if (background(ax.art.published, pd.own_date->value)) return nullptr;
        const auto& pi = ax.info(p, need_scope);  // a dated running total ("since March 2011") is not the event
        if (pi.scope.empty()) return &pi.own_date->value;
        return nullptr;
    };
    for (std::size_t p = s; p-- > 0 && p + 4 > s;)
        if (const auto* d = usable(p)) {
            c.event_date = *d;
            return;
        }
    for (std::size_t p = s + 1; p < ax.sentences.size() && p <= s + 1; ++p)
        if (const auto* d = usable(p)) {
            c.event_date = *d;
            return;
        }
    if (const auto d = lede_date(ax)) c.event_date = *d;
}

bool leads_article(const article_context& ax, std::size_t s) {
    // (a headline after a dateline, "09-09-2014 28 Terrorists Killed...", leads the article too)
    return ax.leading.count(s) > 0 || (s == 1 && !ax.dateline.empty() && ax.dateline.end <= ax.sentences[s].span.begin);
}

namespace {

// The day of another figure of the article that tells the same toll: the same outcome
// and count, at least restated_minimum ("a chemical attack that killed 72", told with
// the day of the statements about it, then "At least 72 people died in Khan Sheikhoun"
// dated to the attack). Smaller counts repeat by chance in a round-up.
constexpr std::int64_t restated_minimum = 5;

}  // namespace

// One pass to index the day-dated figures by (outcome, count), one to date the undated ones:
// an article of many figures (a list of every casualty) stays linear. Each undated figure
// takes the day of the first day-dated figure of the article with its outcome and count.
void date_restated(article_context& ax) {
    std::map<std::pair<outcome, std::int64_t>, date> dated;
    for (const claim& o : ax.claims)
        if (o.kind == claim_kind::incident && !o.headline && o.low && *o.low >= restated_minimum &&
            o.event_date.precision == date_precision::day)
            dated.emplace(std::make_pair(o.outcome, static_cast<std::int64_t>(*o.low)), o.event_date);
    if (dated.empty()) return;
    for (claim& c : ax.claims) {
        if (c.kind != claim_kind::incident || c.headline || c.event_date.known() || !c.low || *c.low < restated_minimum) continue;
        const auto it = dated.find({c.outcome, static_cast<std::int64_t>(*c.low)});
        if (it != dated.end()) c.event_date = it->second;
    }
}

void window_undated(article_context& ax) {
    for (std::size_t i = 0; i < ax.claims.size(); ++i) {
        claim& c = ax.claims[i];
        if (c.kind != claim_kind::incident || c.event_date.known()) continue;
        if (c.headline && !leads_article(ax, ax.figures[ax.claim_figure[i]].sentence)) continue;  // another story's
        c.event_date = publication_window(ax.art.published);
    }
}

date publication_window(const date& published) {
    if (published.precision != date_precision::day) return published;
    const std::int64_t day = published.first_day();
    return date::of_period(day - look_back_days, day);
}

}  // namespace reckon::extract
