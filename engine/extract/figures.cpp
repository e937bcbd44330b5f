// Figures reader (figures.hpp).
#include "extract/figures.hpp"

#include <algorithm>
#include <array>

#include "claims/claims.hpp"
#include "extract/dates.hpp"
#include "extract/victims.hpp"

namespace reckon::extract {

using grammar::claims::figure;

namespace {

// People named one after another share their predicate and are counted together:
// "killed Ana Ruiz, 21, and Darnell Price, 22", "the 7-year-old girl and her
// grandfather, 61, dead", "Man, woman killed". The figure `f` of the first is widened over
// the others and counts them all; victims and suspects are never joined ("the gunman
// and a bystander").
void join_coordinated(std::string_view text, std::size_t end, bool headline, figure& f) {
    if (suspect_noun(f.noun)) return;
    int count = 1;
    bool same_noun = true;
    for (int n = 0; n < 5; ++n) {
        std::size_t j = f.span.end;
        while (j < end && text[j] == ' ') ++j;
        bool separated = false;
        if (j < end && text[j] == ',') {
            separated = true;
            ++j;
            while (j < end && text[j] == ' ') ++j;
        }
        if (j + 4 < end && text.compare(j, 4, "and ") == 0) {
            separated = true;
            j += 4;
            while (j < end && text[j] == ' ') ++j;
        }
        if (!separated || j >= end) break;
        const auto next = victim_phrase_at(text, j, end, false, headline);
        if (!next || next->implied || suspect_noun(next->f.noun)) break;
        // "the victim, a six year old girl, had been": after a comma alone, "a" opens an
        // apposition of a person already named, the same person told again: read over, not
        // counted ("a man, a woman and a child" is a list)
        const bool opens_with_a = text.compare(f.span.begin, 2, "a ") == 0 || text.compare(f.span.begin, 2, "A ") == 0 ||
                                  text.compare(f.span.begin, 3, "an ") == 0 || text.compare(f.span.begin, 3, "An ") == 0;
        // ("A third individual, a 19-year-old male, was transported": an apposition closed by a
        // comma before the predicate, not a list, which goes on with another person or "and")
        const auto closed_apposition = [&] {
            std::size_t k = next->f.span.end;
            while (k < end && text[k] == ' ') ++k;
            if (k >= end || text[k] != ',') return false;
            ++k;
            while (k < end && text[k] == ' ') ++k;
            return !(k + 4 <= end && text.compare(k, 4, "and ") == 0) && !victim_phrase_at(text, k, end, false, headline);
        };
        if ((text.compare(j, 2, "a ") == 0 || text.compare(j, 3, "an ") == 0) && (!opens_with_a || closed_apposition()) &&
            text.substr(f.span.end, j - f.span.end).find("and") == std::string_view::npos) {
            f.span.end = next->f.span.end;
            f.value_text = std::string(text.substr(f.span.begin, f.span.size()));
            continue;
        }
        same_noun = same_noun && next->f.noun == f.noun;
        f.span.end = next->f.span.end;
        ++count;
    }
    if (count == 1) return;
    f.number = f.span;
    f.first = count;
    f.value_text = std::string(text.substr(f.span.begin, f.span.size()));
    if (!same_noun) {
        f.noun = "people";
        f.modifiers.clear();
    }
}

// Two groups of people counted under one predicate are counted together: "three adults and
// an 11-year-old were shot" (4), "injuring four men and two women" (6), "two women and a baby
// are dead" (3). The figure `f` of the first group is widened over the second. Only groups of
// people by age or sex are joined (soldiers and civilians are reconciled apart), and never
// the parts of a total ("including two women and a child").
void join_groups(std::string_view text, std::size_t begin, std::size_t end, bool headline, figure& f) {
    static const std::array<std::string_view, 14> groups{"men", "women", "adults", "teens", "teenagers", "children", "kids", "boys",
                                                         "girls", "males", "females", "people", "persons", "juveniles"};
    static const std::array<std::string_view, 6> young{"children", "kids", "boys", "girls", "juveniles", "teens"};
    const auto lower = [](std::string_view w) {
        std::string l(w);
        for (auto& c : l) c = ascii_lower(c);
        return l;
    };
    if (!f.first || f.second || f.qualifier != qualifier::exact || !f.vague.empty() || !f.inner_noun.empty() ||
        !one_of(lower(f.noun), groups))
        return;
    // (the parts of a total: "including", "among them", "of them")
    {
        std::size_t b = f.span.begin;
        for (int n = 0; n < 3 && b > begin; ++n) {
            std::size_t e = b;
            while (e > begin && !ascii_alpha(text[e - 1])) --e;
            b = e;
            while (b > begin && ascii_alpha(text[b - 1])) --b;
            const std::string w = lower(text.substr(b, e - b));
            if (w == "including" || w == "among" || w == "them" || w == "whom" || w == "included") return;
        }
    }
    std::size_t j = f.span.end;
    while (j < end && text[j] == ' ') ++j;
    if (j < end && text[j] == ',') ++j;
    while (j < end && text[j] == ' ') ++j;
    if (!(j + 4 < end && text.compare(j, 4, "and ") == 0)) return;
    j += 4;
    while (j < end && text[j] == ' ') ++j;
    std::int64_t more = 0;
    std::size_t stop = 0;
    std::string noun;
    // (not an unborn child, whom tolls of a shooting leave out)
    const auto unborn = [](const std::vector<std::string>& ms) { return std::find(ms.begin(), ms.end(), "unborn") != ms.end(); };
    if (const auto v = victim_phrase_at(text, j, end, false, headline); v && !v->implied && !suspect_noun(v->f.noun) && v->f.first &&
                                                                             v->f.noun != "person" && !unborn(v->f.modifiers)) {
        more = *v->f.first;
        stop = v->f.span.end;
        noun = lower(v->f.noun);
    } else if (const auto g = grammar::claims::parse_figure(text, j, 120); g && g->first && !g->second && g->vague.empty() &&
                                                                         g->qualifier == qualifier::exact && one_of(lower(g->noun), groups)) {
        more = *g->first;
        stop = g->span.end;
        noun = lower(g->noun);
    }
    if (more <= 0 || *f.first > 100000) return;
    // ("76 children and 41 women were among those killed": parts of a toll told elsewhere)
    {
        std::size_t k = stop;
        for (int n = 0; n < 3 && k < end; ++n) {
            while (k < end && !ascii_alpha(text[k])) ++k;
            std::size_t e = k;
            while (e < end && ascii_alpha(text[e])) ++e;
            if (lower(text.substr(k, e - k)) == "among") return;
            k = e;
        }
    }
    const std::string first_noun = lower(f.noun);
    // women and children are the breakdown casualty recorders keep ("20 children and nine
    // women": 20 children and 9 women, not 29 people), so they are not joined
    // (teens are people to the categories: "three teens and two women" are five people)
    const auto women = [](const std::string& n) { return n == "women" || n == "woman"; };
    const auto young_one = [&](const std::string& n) {
        return one_of(n, young) || n == "child" || n == "boy" || n == "girl" || n == "baby" || n == "infant" || n == "toddler";
    };
    const auto children = [&](const std::string& n) { return young_one(n) && n != "teens" && n != "juveniles"; };
    if ((women(first_noun) && children(noun)) || (children(first_noun) && women(noun))) return;
    f.first = *f.first + more;
    f.span.end = stop;
    f.number = f.span;
    f.value_text = std::string(text.substr(f.span.begin, f.span.size()));
    if (noun != first_noun) {
        const bool both_young = one_of(first_noun, young) && young_one(noun);
        f.noun = both_young ? "children" : "people";
        f.modifiers.clear();
    }
}

// A plural of an abstract noun by its ending ("decisions", "agreements", "violations",
// "meetings"): what is counted is not people.
bool abstract_plural(std::string_view w) {
    const auto ends = [&](std::string_view e) { return w.size() > e.size() + 2 && w.compare(w.size() - e.size(), e.size(), e) == 0; };
    if (w == "companions" || w == "champions" || w == "beings" || w == "siblings" || w == "killings" || w == "slayings") return false;
    return ends("ions") || ends("ments") || ends("ances") || ends("ences") || ends("ities") || ends("ings");
}

// text[i] follows a short opening phrase and its comma, where the subject of a sentence
// begins: "Last month, Lorna Ashby died", "On Sunday, a man was shot", "According to
// police, Smith was killed".
bool after_opening_phrase(std::string_view text, std::size_t sentence_begin, std::size_t i) {
    std::size_t p = i;
    while (p > sentence_begin && text[p - 1] == ' ') --p;
    if (p == sentence_begin || text[p - 1] != ',' || p - sentence_begin > 40) return false;
    std::size_t words = 0;
    for (std::size_t k = sentence_begin; k + 1 < p; ++k)
        if (ascii_alnum(text[k]) && (k == sentence_begin || !ascii_alnum(text[k - 1]))) ++words;
        else if (text[k] == ',') return false;  // one phrase only
    if (words == 0 || words > 4) return false;
    std::size_t e = sentence_begin;
    while (e < p && ascii_alpha(text[e])) ++e;
    static const std::array<std::string_view, 22> openers{
        "on", "last", "in", "early", "late", "yesterday", "earlier", "later", "then", "after", "before", "meanwhile", "at",
        "according", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "overnight"};
    std::string first;
    for (std::size_t k = sentence_begin; k < e && first.size() < 12; ++k) first.push_back(ascii_lower(text[k]));
    if (one_of(first, openers)) return true;
    // "Two days later,", "Hours earlier,"
    std::size_t b = p - 1;
    while (b > sentence_begin && ascii_alpha(text[b - 1])) --b;
    std::string last;
    for (std::size_t k = b; k + 1 < p && last.size() < 12; ++k) last.push_back(ascii_lower(text[k]));
    return last == "later" || last == "earlier" || last == "ago";
}

}  // namespace

void scan_figures(article_context& ax) {
    ax.figures.reserve(16);
    const auto& opener_prefixes = grammar::claims::opener_prefixes();
    std::vector<std::size_t> starts;
    for (std::size_t s = 0; s < ax.sentences.size(); ++s) {
        const auto span = ax.sentences[s].span;
        // with --explain every number is read so that its rejection can be listed
        if (!ax.rejected && !has_outcome_stem(ax.text, span)) continue;
        // every word start that can open a figure is tried; a figure found is skipped over
        word_starts(ax.text, span, starts);
        std::size_t resume = span.begin;
        for (const std::size_t i : starts) {
            if (i < resume) continue;
            const char c = ax.text[i];
            // a person named without a number: "a man", "the victim", "John Smith, 23,", "double
            // homicide"; a figure the grammar reads comes first ("Six civilians", "More than 30"),
            // except an age that is the person ("17-year-old dead after shooting")
            const bool headline = ax.sentences[s].line_alone;
            // (a clause after a semicolon opens as a sentence does: "...; he is in critical condition")
            const bool first_word = !headline && (i == starts.front() || after_opening_phrase(ax.text, span.begin, i) ||
                                                  (i >= span.begin + 2 && ax.text[i - 1] == ' ' && ax.text[i - 2] == ';'));
            const auto victim_at = [&]() -> bool {
                // "the teen's death", "Robinson's killing": a death named by whose it is
                auto v = possessive_death_at(ax.text.substr(0, span.end), i, span.end);
                // a headline's words are few and drop their articles ("Waverly teen killed"): all are tried
                if (!v && !headline && !may_open_victim_phrase(ax.text, i, span.end, first_word)) return false;
                if (!v) v = victim_phrase_at(ax.text.substr(0, span.end), i, span.end, first_word, ax.sentences[s].line_alone);
                if (!v) return false;
                if (!v->implied) join_coordinated(ax.text.substr(0, span.end), span.end, ax.sentences[s].line_alone, v->f);
                located_figure lf;
                lf.f = std::move(v->f);
                lf.sentence = s;
                lf.victim = true;
                lf.implied = v->implied;
                ax.figures.push_back(std::move(lf));
                resume = ax.figures.back().f.span.end;
                return true;
            };
            // a digit, or two letters that some figure opener starts with: other words are refused at once
            bool may_open = ascii_digit(c);
            if (!may_open) {
                const char c1 = i + 1 < span.end ? ascii_lower(ax.text[i + 1]) : ' ';
                const std::size_t second = ascii_lower_case(c1) ? static_cast<std::size_t>(c1 - 'a') : 26;
                may_open = opener_prefixes[static_cast<std::size_t>(ascii_lower(c) - 'a') * 27 + second];
            }
            if (!may_open || !grammar::claims::could_start_figure(ax.text.substr(0, span.end), i)) {
                victim_at();
                continue;
            }
            auto f = grammar::claims::parse_figure(ax.text.substr(0, span.end), i, 200);
            // an age is a person, not a count: "17-year-old dead after shooting", "killed 24-year-old Alex Morrow"
            if (f && ((f->number.end < span.end && ax.text[f->number.end] == '-') ||
                      age_phrase_end(ax.text, f->number.begin, span.end) != std::string_view::npos) &&
                victim_at())
                continue;
            if (f) {
                join_groups(ax.text.substr(0, span.end), span.begin, span.end, ax.sentences[s].line_alone, *f);
                located_figure lf;
                lf.f = std::move(*f);
                lf.sentence = s;
                ax.figures.push_back(std::move(lf));
                resume = ax.figures.back().f.span.end;
            } else {
                victim_at();
            }
        }
    }
}

void locate_figures(article_context& ax, std::size_t fb, std::size_t fe, sentence_info& si) {
    const auto& ws = si.words;
    auto first_at_or_after = [&](std::size_t pos) {
        return static_cast<std::size_t>(
            std::lower_bound(ws.begin(), ws.end(), pos, [](const word& w, std::size_t p) { return w.end <= p; }) - ws.begin());
    };
    for (std::size_t k = fb; k < fe; ++k) {
        auto& lf = ax.figures[k];
        si.figure_ids.push_back(k);
        lf.wb = first_at_or_after(lf.f.span.begin);
        lf.we = first_at_or_after(lf.f.span.end);
        lf.nb = first_at_or_after(lf.f.number.begin);
        lf.ne = first_at_or_after(lf.f.number.end);
        if (lf.we <= lf.wb) lf.we = std::min(ws.size(), lf.wb + 1);
        if (lf.ne <= lf.nb) lf.ne = std::min(ws.size(), lf.nb + 1);
    }
    for (std::size_t k = fb; k < fe; ++k)
        if (!ax.figures[k].victim) ax.figures[k].not_a_count = rejection_reason(ax, ax.figures[k], si);
}

namespace {

// "her sons, 7 and 8, were hurt", "the children, 3, 5 and 9,": ages listed between commas
// after a person (the one-age form "a man, 23," is read where it is used). The words before the
// number back to the person are only small numbers and "and"; a comma follows the person, and
// the list closes with a comma.
bool ages_in_commas(std::string_view text, const std::vector<word>& ws, std::size_t nb, byte_span number) {
    std::size_t k = nb;
    while (k > 0 && (ws[k - 1].digits || ws[k - 1].lower == "and") && nb - k < 8) --k;
    if (k == 0) return false;
    const word& person = ws[k - 1];
    const std::string_view w = person.lower;
    static const std::array<std::string_view, 4> irregular{"children", "people", "men", "women"};
    const bool plural = w.size() > 3 && w.back() == 's' && person_noun(w.substr(0, w.size() - 1));
    if (!(person_noun(w) || plural || one_of(w, irregular) || person.capital)) return false;
    std::size_t c = person.end;
    while (c < number.begin && text[c] == ' ') ++c;
    if (c >= number.begin || text[c] != ',') return false;
    // the list's close: numbers, "and" and spaces up to a comma
    std::size_t e = number.end;
    while (e < text.size()) {
        if (text[e] == ',') return true;
        if (ascii_digit(text[e]) || text[e] == ' ') {
            ++e;
        } else if (e + 3 <= text.size() && text.compare(e, 3, "and") == 0 && text[e - 1] == ' ') {
            e += 3;
        } else {
            return false;
        }
    }
    return false;
}

}  // namespace

void reject(article_context& ax, const located_figure& lf, const std::string& reason) {
    if (!ax.rejected) return;
    ax.rejected->push_back({lf.f.span, std::string(lf.f.span.of(ax.text)), reason});
}

std::optional<std::string> rejection_reason(const article_context& ax, const located_figure& lf, const sentence_info& si) {
    const figure& f = lf.f;
    const auto& ws = si.words;
    if (f.overflow) return std::string("number too large to be a count");
    const std::size_t nb = lf.nb, ne = lf.ne;
    const word* prev = nb > 0 ? &ws[nb - 1] : nullptr;
    const word* next = ne < ws.size() ? &ws[ne] : nullptr;
    const bool digits = !f.in_words && f.qualifier != qualifier::vague;
    const char after = f.number.end < ax.text.size() ? ax.text[f.number.end] : ' ';
    const char before = f.number.begin > 0 ? ax.text[f.number.begin - 1] : ' ';
    if (after == ':' || before == ':' || after == '/' || before == '/') return std::string("a time or date");
    if (after == '%') return std::string("a percentage");
    if ((before == '.' || before == ',') && f.number.begin >= 2 && ascii_digit(ax.text[f.number.begin - 2]))
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
    // "17 year old", "20 y/o" (victims.hpp); "dead at 25", "died at 31"
    if (age_phrase_end(ax.text, f.number.begin, ax.text.size()) != std::string_view::npos) return std::string("an age");
    if (digits && f.noun.empty() && nb >= 2 && prev->lower == "at" &&
        (ws[nb - 2].lower == "dead" || ws[nb - 2].lower == "died" || ws[nb - 2].lower == "dies"))
        return std::string("an age");
    // "Stowe shooting victim, 18, dies", "a man, 23, was": an age set off by commas after a person
    if (digits && f.noun.empty() && prev && f.number.end < ax.text.size() &&
        ax.text[f.number.end] == ',' && f.first && *f.first < 120) {
        std::size_t p = f.number.begin;
        while (p > 0 && ax.text[p - 1] == ' ') --p;
        if (p > 0 && ax.text[p - 1] == ',' && (person_noun(prev->lower) || prev->capital)) return std::string("an age");
    }
    if (nb >= 2 && ws[nb - 1].lower == "of" && ws[nb - 2].lower == "age") return std::string("an age");
    if (digits && f.noun.empty() && f.first && *f.first < 120 && ages_in_commas(ax.text, ws, nb, f.number))
        return std::string("an age");
    // "all in their 20's", "a man in his early 30s": an age by its decade
    if (digits && f.first && *f.first >= 10 && *f.first < 100 && *f.first % 10 == 0 && prev &&
        (after == 's' || after == '\'' || ax.text.compare(f.number.end, 3, "\xE2\x80\x99") == 0)) {
        static const std::array<std::string_view, 7> owners{"their", "his", "her", "early", "mid", "late", "in"};
        if (one_of(prev->lower, owners)) return std::string("an age by its decade");
    }
    // "the '90 shooting", "a ’92 case": a year cut to two digits
    if (digits && f.number.end - f.number.begin == 2 &&
        (before == '\'' || (f.number.begin >= 3 && (ax.text.compare(f.number.begin - 3, 3, "\xE2\x80\x99") == 0 ||
                                                     ax.text.compare(f.number.begin - 3, 3, "\xE2\x80\x98") == 0))))
        return std::string("a year");
    // an emergency number: "a 911 call", "the 911 caller's father", "dialled 999"
    if (digits && f.first && (*f.first == 911 || *f.first == 999 || *f.first == 112) && f.qualifier == qualifier::exact) {
        static const std::array<std::string_view, 6> dialled{"dial", "dialed", "dialled", "called", "call", "calling"};
        const std::size_t n = f.number.end < ax.text.size() ? ax.text.find_first_not_of(' ', f.number.end) : std::string_view::npos;
        const std::string_view rest = n == std::string_view::npos ? std::string_view{} : ax.text.substr(n, 12);
        static const std::array<std::string_view, 7> lines{"call", "dispatch", "operator", "center", "centre", "line", "emergency"};
        bool line = false;
        for (const auto l : lines) {
            bool same = rest.size() >= l.size();
            for (std::size_t i = 0; same && i < l.size(); ++i) same = ascii_lower(rest[i]) == l[i];
            line = line || same;
        }
        if (line || (prev && one_of(prev->lower, dialled))) return std::string("an emergency telephone number");
    }
    if (f.noun.empty() && next) {
        static const std::array<std::string_view, 46> units{"family", "families",
            "years",    "year",   "months",   "month",     "days",      "day",    "hours",    "hour",     "minutes",
            "km",       "kilometres", "kilometers", "miles", "metres",  "meters", "percent",  "per",      "times",
            "am",       "pm",     "gmt",      "dollars",   "euros",     "pounds", "tonnes",   "tons",     "barrels",
            "million",  "billion", "kg",      "hectares",  "square",    "feet",   "th",       "st",       "nd",
            "rd",       "weeks",  "week",     "seconds",   "mm",        "liras",  "rockets",  "o'clock"};
        if (one_of(next->lower, units)) return std::string("a measure, not a count of people");
        // "the attack on two villages killed 15": places and things are counted too
        static const std::array<std::string_view, 44> things{
            "villages", "village", "towns", "town", "cities", "city", "neighbourhoods", "neighborhoods", "districts",
            "provinces", "areas", "houses", "homes", "buildings", "schools", "hospitals", "mosques", "churches", "cars",
            "vehicles", "trucks", "buses", "shells", "missiles", "bombs", "mortars", "rounds", "bullets", "shots", "guns",
            "weapons", "positions", "checkpoints", "sites", "locations", "attacks", "strikes", "raids", "explosions",
            "incidents", "occasions", "blocks", "streets", "separate"};
        if (one_of(next->lower, things)) return std::string("a count of places or things, not people");
        // a compound: "two cluster bombs", "three car bombs", "four barrel bombs"
        static const std::array<std::string_view, 14> joiners{"and", "or", "in", "of", "at", "on", "near", "including", "from",
                                                              "to", "by", "with", "more", "others"};
        if (ne + 1 < ws.size() && !next->capital && !next->digits && !one_of(next->lower, joiners) && one_of(ws[ne + 1].lower, things))
            return std::string("a count of places or things, not people");
        // abstract nouns are no people: "10 Trump decisions", "three operations", "five agreements"
        // (a capitalised word before the noun names whose: "10 Trump decisions killing...")
        const word* counted = next;
        if (next->capital && ne + 1 < ws.size() && !ws[ne + 1].capital) counted = &ws[ne + 1];
        if (!counted->capital && abstract_plural(counted->lower)) return std::string("a count of abstract things, not people");
    }
    // a share or view counter of the page: "Get short URL 0 15", "1,204 views"
    {
        std::size_t k = nb;
        while (k > 0 && ws[k - 1].digits && nb - k < 4) --k;
        static const std::array<std::string_view, 7> counters{"url", "link", "views", "shares", "comments", "likes", "reads"};
        // ("Get short URL 0 85 12 Daesh terrorists were killed": the figure after the counters has its noun)
        if (k > 0 && one_of(ws[k - 1].lower, counters) && f.noun.empty()) return std::string("a page counter, not a count of people");
        if (digits && next && f.noun.empty() && one_of(next->lower, counters)) return std::string("a page counter, not a count of people");
    }
    // "the one given by the authorities", "that one": a pronoun, not a count
    if (f.noun.empty() && prev && (prev->lower == "the" || prev->lower == "that" || prev->lower == "this") &&
        lf.f.value_text.size() == 3 && ascii_lower(lf.f.value_text[0]) == 'o' && ascii_lower(lf.f.value_text[1]) == 'n' &&
        !(next && next->lower == "of"))
        return std::string("the pronoun 'one', not a count");
    if (prev) {
        static const std::array<std::string_view, 14> labels{"resolution", "no",    "number", "article", "page",  "flight", "route",
                                                             "highway",    "channel", "su",   "f",       "chapter", "section", "level"};
        if (one_of(prev->lower, labels) && f.noun.empty()) return std::string("a label or number, not a count");
    }
    return std::nullopt;
}

}  // namespace reckon::extract
