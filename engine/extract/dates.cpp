// Dates reader (dates.hpp).
#include "extract/dates.hpp"

#include <array>
#include <cctype>

#include "claims/claims.hpp"

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

void find_date(article_context& ax, std::size_t s, sentence_info& si) {
    const auto& ws = si.words;
    const date& pub = ax.art.published;
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
        if (!ax.dateline.empty() && ws[k].begin < ax.dateline.end && ws[k].end > ax.dateline.begin) return true;
        // "AL-SHAAFA, Nov 14 — Air strikes ...": a dateline at the start of a paragraph
        if (ax.sentences[s].paragraph_start && k < 5) {
            std::size_t e = ws[k].end;
            if (k + 1 < ws.size()) e = ws[k + 1].end;
            const auto after = ax.text.substr(e, std::min<std::size_t>(6, ax.text.size() - e));
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

std::optional<date> lede_date(article_context& ax) {
    if (ax.opening_date_searched) return ax.opening_date;
    ax.opening_date_searched = true;
    for (std::size_t s = 0; s < ax.sentences.size() && s < 12; ++s) {
        if (ax.sentences[s].line_alone) continue;
        const auto& si = ax.info(s, need_date);
        if (si.own_date && si.own_date->value.precision != date_precision::year) {
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
        c.event_date = si.own_date->value;
        if (si.own_date->relative)
            for (auto it = ax.claims.rbegin(); it != ax.claims.rend(); ++it)
                if (it->event_date.precision == date_precision::day && !it->headline) {
                    c.event_date = add_days(it->event_date, -si.own_date->days_before_event);
                    break;
                }
        return;
    }
    if (c.kind == claim_kind::cumulative) return;
    // a headline at the top of the article takes the date of the story below it; a
    // linked story's headline inside the body takes none
    const bool leading = c.headline && ax.leading.count(s) > 0;
    if (c.headline && !leading) return;
    auto usable = [&](std::size_t p) -> const date* {
        if (ax.sentences[p].line_alone) return nullptr;
        const auto& pd = ax.info(p, need_date);
        if (!pd.own_date || pd.own_date->value.precision == date_precision::year || pd.retrieval) return nullptr;
        const auto& pi = ax.info(p, need_scope);  // a dated running total ("since March 2011") is not the event
        if (pi.scope.empty()) return &pi.own_date->value;
        return nullptr;
    };
    for (std::size_t p = s; p-- > 0 && p + 4 > s;)
        if (const auto* d = usable(p)) {
            c.event_date = *d;
            return;
        }
    for (std::size_t p = s + 1; p < ax.sentences.size() && p <= s + 3; ++p)
        if (const auto* d = usable(p)) {
            c.event_date = *d;
            return;
        }
    if (const auto d = lede_date(ax)) c.event_date = *d;
}

}  // namespace reckon::extract
