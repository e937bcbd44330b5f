// The evaluator: runs a checked ruleset over claims. Expressions are walked as checked
// (names already resolved to field ids, slots and functions), values are small and
// strings are views into the claims, so per-incident work is linear in the number of
// claims for aggregates and quadratic only where a rule asks for pairs (any a, b).
// Every figure, decision and finding records the rule that produced it and the claims
// that fed it.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <deque>
#include <limits>
#include <set>

#include "rules/eval.hpp"
#include "model/claim_id.hpp"
#include "model/locality.hpp"
#include "model/wording.hpp"
#include "registry/registry.hpp"

namespace reckon::rules {

told_figure told_figure::of(const claim& c) {
    const bool beside = c.relation == "part" || c.relation == "earlier" || c.relation == "addition";
    // a teller the text names ("the civil defence said"); an outlet's own voice may be a
    // source the reader missed, so it tells nothing of who gave the figure
    const std::size_t teller = c.source_text.empty() ? 0 : std::hash<std::string>{}(c.source);
    // (a sentence as 1 + its first byte; 0 when unknown, as in rules tests)
    const std::size_t sentence = c.sentence.end > c.sentence.begin ? c.sentence.begin + 1 : 0;
    return {c.outcome, c.qualifier, c.low, c.high, c.event, teller, sentence, beside};
}

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr std::size_t max_keys_per_rule = 256;

struct eclaim {
    const claim_facts* f = nullptr;
    double value = 0;  // the figure as written
    double low = 0, high = inf, best = 0;
    double weight = 1;
    bool live = true;  // not excluded, not superseded
    const rule_ref* interval_rule = nullptr;
    const rule_ref* weight_rule = nullptr;
    rule_ref status_rule;  // exclude, pin or supersede
    std::string status_reason;
    bool pinned = false;
};

struct value {
    int t = t_none;
    double n = 0, n2 = 0;
    std::string_view s;
    date d;
    const eclaim* c = nullptr;
};

value num(double x) {
    value v;
    v.t = t_number;
    v.n = x;
    return v;
}
value boolean(bool b) {
    value v;
    v.t = t_bool;
    v.n = b ? 1 : 0;
    return v;
}
value str(std::string_view s) {
    value v;
    v.t = t_string;
    v.s = s;
    return v;
}
value none() { return value{}; }

struct group {
    std::vector<const eclaim*> all;          // live claims
    std::vector<const eclaim*> independent;  // one per origin
};

struct env {
    const compiled* c = nullptr;
    const eclaim* slots[16] = {};
    double nums[4] = {0, 0, 0, 1};
    const group* g = nullptr;
    const std::vector<finding>* findings = nullptr;
    std::unique_ptr<std::deque<std::string>> arena;  // computed strings, made on first use
    std::vector<const eclaim*>* touched = nullptr;
};

std::string_view intern(env& en, std::string s) {
    if (!en.arena) en.arena = std::make_unique<std::deque<std::string>>();
    en.arena->push_back(std::move(s));
    return en.arena->back();
}

// ASCII case folding, as std::tolower does in the "C" locale reckon runs in, without a
// locale call per byte: place lists are compared for every judged pair.
bool iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i] && lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Calls f(token) for each place of a list written "hajin; sousa | al-shaafa, x and y".
template <class F>
void each_place(std::string_view list, F&& f) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= list.size(); ++i) {
        std::size_t cut = 0;
        if (i == list.size() || list[i] == ';' || list[i] == '|' || list[i] == ',') {
            cut = 1;
        } else if (list.compare(i, 5, " and ") == 0) {
            cut = 5;
        }
        if (cut == 0) continue;
        const auto token = trim(list.substr(start, i - start));
        if (!token.empty()) f(token);
        start = i + cut;
        i += cut - 1;
    }
}

std::string_view place_of(const eclaim& e) {
    return e.f->c->place_key.empty() ? std::string_view(e.f->c->place) : std::string_view(e.f->c->place_key);
}

bool has_place(std::string_view list, std::string_view p) {
    bool found = false;
    each_place(list, [&](std::string_view t) { found = found || iequal(t, p); });
    return found;
}

// a's place lies within b's: unknown places are taken to be the incident's place; a
// place listed by b, or b naming a's governorate, contains it.
bool within(const eclaim& a, const eclaim& b) {
    const auto pa = place_of(a);
    const auto pb = place_of(b);
    if (pa.empty() || pb.empty()) return true;
    // b names a's governorate, as written or as a gazetteer key ("deir-ez-zor"); the key
    // is made in a buffer the thread reuses (within() runs for every judged pair).
    const auto& g = a.f->c->governorate;
    if (iequal(pb, g)) return true;
    thread_local std::string governorate_key;
    registry::gazetteer::normalise_into(g, governorate_key);
    if (pb == governorate_key) return true;
    for (const auto& parent : a.f->parents()) {
        if (has_place(pb, parent)) return true;
    }
    bool all = true;
    each_place(pa, [&](std::string_view t) { all = all && has_place(pb, t); });
    return all;
}

// Two figures count the same thing, places apart: in one article, the same event; the
// same time extent and group; and neither adds to another figure ("three more"), nor is
// a part of one ("including 10") unless both are or the other is an earlier word ("Earlier,
// a source said one was killed"). A running total meets only running totals.
bool same_scope(const claim& a, const claim& b) {
    if (a.article == b.article && a.event != b.event) return false;
    if (a.period != b.period || a.group != b.group) return false;
    if (a.relation == "addition" || b.relation == "addition") return false;
    // a sum over several events ("in separate attacks", "across the country") has no one
    // event's count to dispute
    if (a.relation == "aggregate" || b.relation == "aggregate") return false;
    // (an earlier word of the whole below a later part still tells the toll rose)
    if ((a.relation == "part") != (b.relation == "part") && a.relation != "earlier" && b.relation != "earlier") return false;
    // Two reports' bare parts are parts of what? What one reporter saw and the passengers
    // another counted are no rival counts of one thing (a part the category tells apart,
    // "including 10 children", is compared as children and has no `part` relation).
    if (a.relation == "part" && b.relation == "part" && a.article != b.article) return false;
    return (a.relation == "running") == (b.relation == "running");
}

// Two figures are about the same local place when either names none, or they name one
// in common (localities are "; "-separated and sorted).
// (compared by their skeletons, so transliterations agree: model/locality.hpp). With
// `within`, every locality of a is one of b's: a figure for al-Hamadaniyeh lies within
// one for al-Hamadaniyeh and Salah Eddin, not the other way round.
bool same_locality(const claim& a, const claim& b, bool within = false) {
    if (a.localities.empty() || b.localities.empty()) return true;
    bool shared = false, all = true;
    each_place(a.localities, [&](std::string_view t) {
        const std::string x = locality_skeleton(t);
        bool found = false;
        each_place(b.localities, [&](std::string_view u) { found = found || x == locality_skeleton(u); });
        shared = shared || found;
        all = all && found;
    });
    return within ? all : shared;
}

// a's article tells b's figure too, as a's teller's or beside a's figure: another figure
// of a's event with b's outcome and bounds as written, told by a's source or in a's
// sentence, or set beside it as a part, an earlier word or an addition. Such a report
// does not dispute the other: "31 civilians killed, including 10 when their bus was hit,
// the civil defence said" against another outlet's 10 on the bus; "seven were killed
// earlier" beside its total of ten. (A figure of another source that the article sets
// against a's, "the ministry said one was killed, SOHR at least 17", is a dispute.)
bool tells_figure(const claim_facts& a, const claim& b) {
    // a number, not a word: "several" beside "several" is no evidence of one count
    if (a.told == nullptr || a.c->article == b.article || b.qualifier == qualifier::vague || !b.low) return false;
    const told_figure own = told_figure::of(*a.c);
    const std::size_t teller = own.teller;
    for (const auto& t : *a.told)
        if (t.event == a.c->event && t.what == b.outcome && t.how == b.qualifier && t.low == b.low && t.high == b.high &&
            (t.beside || (teller != 0 && t.teller == teller) || (t.sentence != 0 && t.sentence == own.sentence)))
            return true;
    return false;
}

// Two figures cover the same stretch of time: the same day, or the same days of a period
// ("between Monday and Wednesday"), or either leaves it unsaid (the incident's). A toll for
// several days and one for a day within them are a whole and its part, not rival counts;
// nor are a month's toll and a day's.
bool same_span(const claim& a, const claim& b) {
    if (!a.event_date.known() || !b.event_date.known()) return true;
    return a.event_date.first_day() == b.event_date.first_day() && a.event_date.last_day() == b.event_date.last_day();
}

// Two figures count the dead of one side. Named sides must agree ("regime" and "IS" are two
// sides of a battle); an unnamed one agrees with any. But a party's own outlet (a source
// whose registry entry says whom it speaks for, `side: regime`) names its own side's dead
// as such ("army soldiers", "martyrs of the army") and leaves the enemy's unnamed or calls
// them "terrorists" or "militants": an unnamed fighter count it tells is not its side's.
// So state TV's "30 terrorists killed" is no rival of the monitor's 40 regime soldiers,
// while it stays comparable with counts of IS or the rebels.
bool same_side(const claim_facts& a, const claim_facts& b) {
    const claim& x = *a.c;
    const claim& y = *b.c;
    if (!x.side.empty() && !y.side.empty()) return iequal(x.side, y.side);
    const auto speaks_for = [](const claim_facts& f) {
        const auto& fields = f.fields();
        const auto it = fields.find("side");
        return it == fields.end() ? std::string_view() : std::string_view(it->second);
    };
    const auto enemy_count = [&](const claim_facts& unnamed, const claim& named) {
        const std::string_view own = speaks_for(unnamed);
        return unnamed.c->side.empty() && unnamed.c->category == "fighters" && !named.side.empty() && !own.empty() &&
               iequal(own, named.side);
    };
    return !enemy_count(a, y) && !enemy_count(b, x);
}

bool same_place(const eclaim& a, const eclaim& b) {
    // The common case, one place key on both sides: within() would say so the long way.
    if (place_of(a) == place_of(b)) return true;
    if (within(a, b) || within(b, a)) return true;
    bool any = false;
    each_place(place_of(a), [&](std::string_view t) { any = any || has_place(place_of(b), t); });
    return any;
}

// Whether `parent`, an enclosing place of the place key `key`, is its country: a world
// place's key is a path whose first part is the country ("us/ohio/clark-county/springfield"
// lies in "us"). Every two places of a country share it, so it says nothing about how
// near they are: Charleston and Birmingham are not of one division.
bool is_country_key(std::string_view parent, std::string_view key) {
    return parent.find('/') == std::string_view::npos && key.size() > parent.size() && key[parent.size()] == '/' &&
           iequal(key.substr(0, parent.size()), parent);
}

// How the places of two claims relate, from the closest to the farthest: the same place
// (or a place both list), one within the other, the same division (governorate, state,
// or a common enclosing place of the gazetteer), unknown on either side, or different.
std::string_view place_level(const eclaim& a, const eclaim& b) {
    const auto pa = place_of(a), pb = place_of(b);
    if (pa.empty() || pb.empty()) return "unknown";
    if (iequal(pa, pb)) return "same";
    bool shared = false;
    each_place(pa, [&](std::string_view t) { shared = shared || has_place(pb, t); });
    if (shared) return "same";
    if (within(a, b) || within(b, a)) return "within";
    const auto& ga = a.f->c->governorate;
    const auto& gb = b.f->c->governorate;
    if (!ga.empty() && iequal(ga, gb)) return "same_division";
    for (const auto& x : a.f->parents())
        for (const auto& y : b.f->parents())
            if (iequal(x, y) && !is_country_key(x, pa)) return "same_division";
    return "different";
}

// The figures reported with two claims: the same killed and injured pair, one number in
// common, only different numbers, or too little to say.
std::string_view figures_level(const claim_facts& a, const claim_facts& b) {
    const bool killed = a.killed >= 0 && b.killed >= 0, injured = a.injured >= 0 && b.injured >= 0;
    if (killed && injured && a.killed == b.killed && a.injured == b.injured) return "same_pair";
    if ((killed && a.killed == b.killed) || (injured && a.injured == b.injured)) return "same_number";
    if (killed || injured) return "different";
    return "unknown";
}

double days_between(const date& x, const date& y) {
    if (!x.known() || !y.known()) return 0;
    const auto x0 = x.first_day(), x1 = x.last_day(), y0 = y.first_day(), y1 = y.last_day();
    if (x1 < y0) return static_cast<double>(y0 - x1);
    if (y1 < x0) return static_cast<double>(x0 - y1);
    return 0;
}

// "YYYY-MM" or "YYYY-MM-DD" without printf: blocking keys are built for every claim.
void append_date(std::string& out, int y, int m, int d) {
    const auto two = [&](int v) {
        out += static_cast<char>('0' + v / 10 % 10);
        out += static_cast<char>('0' + v % 10);
    };
    two(y / 100);
    two(y % 100);
    out += '-';
    two(m);
    if (d > 0) {
        out += '-';
        two(d);
    }
}

std::string week_key(std::int64_t day) {
    // Weeks start on Monday; 1970-01-01 was a Thursday.
    const std::int64_t monday = day - weekday_of(day);
    const date d = civil_from_days(monday);
    std::string out = "week of ";
    append_date(out, d.year, d.month, d.day);
    return out;
}

std::string month_key(int y, int m) {
    std::string out;
    append_date(out, y, m, 0);
    return out;
}

// days(d, n) as blocking keys: two dates at most n days apart always share a key in
// which at least one of them is "at" (not inside). A day is at the n + 1 buckets of
// n + 1 days that hold it (one per offset, so any two days up to n apart share one)
// and inside the months that days within n of it fall in; a month is at its own key,
// a year at each of its months, and both are inside the other months within n of
// them. An unknown date has no key. (Few keys per claim: at a million articles each
// key is a row in the matcher's tables.)
// exact_days(d, n) (exact = true) gives only the day buckets: a date less precise than
// a day has no key, for rules that ask for a day on both sides.
std::vector<std::pair<std::string, bool>> day_cells(const date& d, int n, bool exact) {
    std::vector<std::pair<std::string, bool>> out;
    if (!d.known() || (exact && d.precision != date_precision::day)) return out;
    n = std::max(0, n);
    const std::int64_t x0 = d.first_day(), x1 = d.last_day(), width = n + 1;
    if (d.precision == date_precision::day) {
        for (std::int64_t off = 0; off < width; ++off) {
            const std::int64_t shifted = x0 + off;
            const std::int64_t bucket = (shifted >= 0 ? shifted : shifted - width + 1) / width;
            const date first = civil_from_days(bucket * width - off);
            std::string key = "days ";
            append_date(key, first.year, first.month, first.day);
            if (n > 0) {
                const date last = civil_from_days(bucket * width - off + n);
                key += "..";
                append_date(key, last.year, last.month, last.day);
            }
            out.emplace_back(std::move(key), false);
        }
    }
    if (exact) return out;
    // The months within n days of the date: at those it covers (month, year), inside the others.
    const date from = civil_from_days(x0 - n), to = civil_from_days(x1 + n);
    for (int y = from.year; y <= to.year; ++y) {
        const int m0 = y == from.year ? from.month : 1, m1 = y == to.year ? to.month : 12;
        for (int m = m0; m <= m1; ++m) {
            const bool covered = (d.precision == date_precision::month && y == d.year && m == d.month) ||
                                 (d.precision == date_precision::year && y == d.year);
            out.emplace_back(month_key(y, m), !covered);
        }
    }
    return out;
}


// places(x) as blocking keys: the claim is at each place listed in x and inside the
// places that enclose its own (gazetteer parents, its governorate). These are the
// cases where same_place() and within() hold, so two claims for which they can hold
// share a key. Keys are in the gazetteer's normal form: equal ignoring case implies
// equal keys, so they meet in every case those functions accept (and a few more,
// which the rules then judge).
std::vector<std::pair<std::string, bool>> place_cells(std::string_view list, const claim_facts& f) {
    std::vector<std::pair<std::string, bool>> out;
    each_place(list, [&](std::string_view t) { out.emplace_back(registry::gazetteer::normalise(t), false); });
    if (out.empty()) return out;
    std::vector<std::string> areas;
    for (const auto& p : f.parents()) areas.push_back(registry::gazetteer::normalise(p));
    if (!f.c->governorate.empty()) {
        areas.push_back(registry::gazetteer::normalise(f.c->governorate));
        areas.push_back(registry::gazetteer::normalise(registry::gazetteer::normalise(f.c->governorate)));
    }
    for (auto& a : areas) out.emplace_back(std::move(a), true);
    return out;
}

// Whether two claims share a places() key, one of them at it: a place both list, or a
// place one lists that encloses the other's (see place_cells).
bool places_meet(std::string_view list_a, const claim_facts& a, std::string_view list_b, const claim_facts& b) {
    const auto encloses = [](std::string_view list, const claim_facts& inner) {
        std::vector<std::string_view> areas(inner.parents().begin(), inner.parents().end());
        std::string key;
        const auto& g = inner.c->governorate;
        if (!g.empty()) {
            key = registry::gazetteer::normalise(g);
            areas.push_back(g);
            areas.push_back(key);
        }
        bool found = false;
        each_place(list, [&](std::string_view t) {
            for (const auto a : areas) found = found || iequal(t, a);
        });
        return found;
    };
    bool any_a = false, any_b = false, shared = false;
    each_place(list_a, [&](std::string_view t) {
        any_a = true;
        if (!shared) shared = has_place(list_b, t);
    });
    each_place(list_b, [&](std::string_view) { any_b = true; });
    if (!any_a || !any_b) return false;
    return shared || encloses(list_a, b) || encloses(list_b, a);
}

// Sorted, and each key once: a claim both at and inside a key is at it.
std::vector<block_cell> normalise_cells(std::vector<block_cell> cells) {
    std::sort(cells.begin(), cells.end());
    std::vector<block_cell> out;
    for (auto& c : cells) {
        if (!out.empty() && out.back().key == c.key) {
            out.back().inside &= c.inside;
            continue;
        }
        out.push_back(std::move(c));
    }
    return out;
}

value field_value(env& en, const eclaim& e, field id, const std::string& name) {
    const claim& c = *e.f->c;
    switch (id) {
    case field::figure: return str(intern(en, figure_words(c)));
    case field::credit: return str(intern(en, credit_words(c, true)));
    case field::id: return str(c.id);
    case field::article: return str(c.article);
    case field::kind: return str(to_string(c.kind));
    case field::outcome: return str(to_string(c.outcome));
    case field::category: return str(c.category);
    case field::side: return str(c.side);
    case field::value: return num(e.value);
    case field::low: return num(e.low);
    case field::high: return num(e.high);
    case field::best: return num(e.best);
    case field::interval: {
        value v;
        v.t = t_interval;
        v.n = e.low;
        v.n2 = e.high;
        return v;
    }
    case field::qualifier: return str(to_string(c.qualifier));
    case field::qualifier_text: return str(c.qualifier_text);
    case field::vague: return str(c.vague);
    case field::text: return str(c.value_text);
    case field::parent: return str(c.parent);
    case field::source:
    case field::source_name: return str(c.source);
    case field::source_text: return str(c.source_text);
    case field::source_kind: return str(e.f->source_kind);
    case field::source_field: {
        const auto& fields = e.f->fields();
        const auto it = fields.find(name);
        return str(it == fields.end() ? std::string_view() : std::string_view(it->second));
    }
    case field::relay: return str(c.relay.empty() ? std::string_view() : std::string_view(c.relay.front()));
    case field::relay_count: return num(static_cast<double>(c.relay.size()));
    case field::origin: return str(e.f->origin.empty() ? std::string_view(c.source) : std::string_view(e.f->origin));
    case field::outlet: return str(e.f->outlet);
    case field::copied: return boolean(e.f->copied);
    case field::weight: return num(e.weight);
    case field::published: {
        value v;
        v.t = t_date;
        v.d = e.f->published;
        return v;
    }
    case field::event_date: {
        value v;
        v.t = t_date;
        v.d = c.event_date;
        return v;
    }
    case field::place: return str(c.place);
    case field::place_key: return str(place_of(e));
    case field::governorate: return str(c.governorate);
    case field::actor: return str(c.actor);
    case field::attack: return str(c.attack);
    case field::scope: return str(c.scope);
    case field::country: return str(c.country);
    case field::relation: return str(c.relation);
    case field::period: return str(c.period);
    case field::group: return str(c.group);
    case field::event: return num(c.event);
    case field::lead: return boolean(c.event == 0);
    case field::localities: return str(c.localities);
    case field::day_named: return boolean(c.day_named);
    case field::counted: return boolean(written_as_count(c));
    }
    return none();
}

std::string format(const value& v) {
    char buf[64];
    const auto number = [&](double x) -> std::string {
        if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
        if (x == std::floor(x) && std::fabs(x) < 1e15) {
            std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(x));
        } else {
            std::snprintf(buf, sizeof buf, "%.3g", x);
        }
        return buf;
    };
    switch (v.t) {
    case t_number: return number(v.n);
    case t_bool: return v.n != 0 ? "true" : "false";
    case t_string: return std::string(v.s);
    case t_date: return v.d.known() ? v.d.iso() : "unknown date";
    // In words, for messages: "at least 31", "12 to 16" (docs/rules.md, "Messages").
    case t_interval:
        if (v.n == v.n2) return number(v.n);
        if (std::isinf(v.n2)) return "at least " + number(v.n);
        return number(v.n) + " to " + number(v.n2);
    default: return "unknown";
    }
}

bool same_value(const value& a, const value& b) {
    if (a.t != b.t) return false;
    switch (a.t) {
    case t_string: return a.s == b.s;
    case t_date: return a.d == b.d;
    case t_claim: return a.c == b.c;
    case t_interval: return a.n == b.n && a.n2 == b.n2;
    default: return a.n == b.n;
    }
}

class evaluator {
public:
    explicit evaluator(env& en) : m(en) {}

    value eval(const ast::expr& e);
    bool truth(const ast::expr& e) {
        const value v = eval(e);
        return v.t == t_bool && v.n != 0;
    }

    // Members of a set expression, filtered by its where clause.
    void members(const ast::expr& set, std::vector<const eclaim*>& out) {
        const auto& base = set.ref == 1 ? m.g->independent : m.g->all;
        if (set.args.empty()) {
            out = base;
            return;
        }
        out.clear();
        const auto* saved = m.slots[set.slot];
        for (const auto* c : base) {
            m.slots[set.slot] = c;
            if (truth(*set.args[0])) out.push_back(c);
        }
        m.slots[set.slot] = saved;
    }

private:
    env& m;

    value aggregate(const ast::expr& e);
    value call(const ast::expr& e);
    bool quantify(const ast::expr& e, const std::vector<const eclaim*>& set, std::size_t var);
    std::vector<bool> sweep_partners(const ast::expr& e, const std::vector<const eclaim*>& set,
                                     const std::vector<std::pair<std::string_view, std::size_t>>& sorted);
    // The value of a one-claim expression (fields of one slot) for claim c.
    value value_for(const ast::expr& x, const eclaim* c) {
        m.slots[x.slot] = c;
        return eval(x);
    }
};

// A comparison between fields of the two claims of `any a, b`, as "L < R" or "L <= R".
struct field_compare {
    const ast::expr* left = nullptr;   // a field of slot left->slot
    const ast::expr* right = nullptr;  // a field of the other slot
    bool strict = true;
};

// The conjuncts of `any a, b in S: a.F == b.F and C1 and C2` when C1 and C2 are
// comparisons of fields across a and b, one of them between the same field of both
// (the order, e.g. a.published < b.published) and one between any two numeric fields
// (e.g. b.high < a.low). Empty when the body has any other shape.
std::vector<field_compare> sweep_shape(const ast::expr& q) {
    std::vector<const ast::expr*> conj;
    std::vector<const ast::expr*> todo{q.args[1].get()};
    while (!todo.empty()) {
        const ast::expr* x = todo.back();
        todo.pop_back();
        if (x->kind == ast::expr_kind::binary && x->ref == static_cast<int>(op::and_)) {
            todo.push_back(x->args[1].get());
            todo.push_back(x->args[0].get());
        } else {
            conj.push_back(x);
        }
    }
    if (conj.size() != 3) return {};
    std::vector<field_compare> out;
    for (std::size_t i = 1; i < conj.size(); ++i) {
        const ast::expr& c = *conj[i];
        if (c.kind != ast::expr_kind::binary) return {};
        const auto o = static_cast<op>(c.ref);
        if (o != op::lt && o != op::le && o != op::gt && o != op::ge) return {};
        const ast::expr* l = c.args[0].get();
        const ast::expr* r = c.args[1].get();
        for (const auto* side : {l, r}) {
            if (side->kind != ast::expr_kind::field || side->ref < 0 || (side->type != t_number && side->type != t_date)) return {};
            if (side->slot != q.slot && side->slot != q.slot + 1) return {};
        }
        if (l->slot == r->slot || l->type != r->type) return {};
        if (o == op::gt || o == op::ge) std::swap(l, r);
        out.push_back({l, r, o == op::lt || o == op::gt});
    }
    // The order first: the comparison of one field with itself.
    if (out[1].left->ref == out[1].right->ref && out[0].left->ref != out[0].right->ref) std::swap(out[0], out[1]);
    if (out[0].left->ref != out[0].right->ref || out[1].left->type != t_number) return {};
    return out;
}

value evaluator::eval(const ast::expr& e) {
    using k = ast::expr_kind;
    switch (e.kind) {
    case k::number: return num(e.number);
    case k::infinity: return num(inf);
    case k::string: return str(e.text);
    case k::boolean: return boolean(e.number != 0);
    case k::date: {
        value v;
        v.t = t_date;
        if (const auto d = date::parse_iso(e.text)) v.d = *d;
        return v;
    }
    case k::name: {
        switch (static_cast<name_kind>(e.ref)) {
        case name_kind::claim_var: {
            value v;
            v.t = t_claim;
            v.c = m.slots[e.slot];
            return v;
        }
        case name_kind::implicit_field:
            return field_value(m, *m.slots[e.slot], static_cast<field>(static_cast<int>(e.number)), e.text);
        case name_kind::number_var: return num(m.nums[e.slot]);
        }
        return none();
    }
    case k::field: {
        if (e.ref == -2 || e.ref == -3) {
            const value iv = eval(*e.args[0]);
            if (iv.t != t_interval) return none();
            return num(e.ref == -2 ? iv.n : iv.n2);
        }
        const eclaim* c = m.slots[e.slot];
        if (c == nullptr) return none();
        return field_value(m, *c, static_cast<field>(e.ref), e.text);
    }
    case k::unary: {
        const value v = eval(*e.args[0]);
        if (static_cast<op>(e.ref) == op::not_) return v.t == t_bool ? boolean(v.n == 0) : none();
        return v.t == t_number ? num(-v.n) : none();
    }
    case k::binary: {
        const auto o = static_cast<op>(e.ref);
        if (o == op::and_) {
            if (!truth(*e.args[0])) return boolean(false);
            return boolean(truth(*e.args[1]));
        }
        if (o == op::or_) {
            if (truth(*e.args[0])) return boolean(true);
            return boolean(truth(*e.args[1]));
        }
        const value l = eval(*e.args[0]);
        const value r = eval(*e.args[1]);
        const bool arithmetic = o == op::add || o == op::sub || o == op::mul || o == op::div;
        if (l.t == t_none || r.t == t_none) return arithmetic ? none() : boolean(false);
        switch (o) {
        case op::add: return num(l.n + r.n);
        case op::sub: return num(l.n - r.n);
        case op::mul: return num(l.n * r.n);
        case op::div: return r.n == 0 ? none() : num(l.n / r.n);
        default: break;
        }
        int cmp = 0;
        if (l.t == t_string) {
            cmp = l.s.compare(r.s);
        } else if (l.t == t_date) {
            if (o == op::eq || o == op::ne) {
                cmp = l.d == r.d ? 0 : 1;
            } else {
                if (!l.d.known() || !r.d.known()) return boolean(false);
                const auto a = l.d.first_day(), b = r.d.first_day();
                cmp = a < b ? -1 : a > b ? 1 : 0;
            }
        } else {
            cmp = l.n < r.n ? -1 : l.n > r.n ? 1 : 0;
        }
        switch (o) {
        case op::eq: return boolean(cmp == 0);
        case op::ne: return boolean(cmp != 0);
        case op::lt: return boolean(cmp < 0);
        case op::le: return boolean(cmp <= 0);
        case op::gt: return boolean(cmp > 0);
        case op::ge: return boolean(cmp >= 0);
        default: return none();
        }
    }
    case k::call: return call(e);
    case k::quantifier: {
        std::vector<const eclaim*> set;
        members(*e.args[0], set);
        return boolean(quantify(e, set, 0));
    }
    case k::interval: {
        value v;
        v.t = t_interval;
        v.n = eval(*e.args[0]).n;
        v.n2 = eval(*e.args[1]).n;
        return v;
    }
    default: return none();
    }
}

// any: true when some tuple of distinct members satisfies the body (the slots keep the
// witness); all: true when every tuple does.
bool evaluator::quantify(const ast::expr& e, const std::vector<const eclaim*>& set, std::size_t var) {
    const bool any = e.ref == 1;
    if (var == 0 && any && e.number > 0 && set.size() > 8) {
        // The condition starts with a.F == b.F: pair each claim only with the claims
        // sharing its F. Claims and partners are visited in set order, so the witness
        // is the one the plain loop would find.
        const auto f = static_cast<field>(static_cast<int>(e.number) - 1);
        std::vector<std::pair<std::string_view, std::size_t>> keyed(set.size());
        for (std::size_t i = 0; i < set.size(); ++i) keyed[i] = {field_value(m, *set[i], f, {}).s, i};
        std::vector<std::pair<std::string_view, std::size_t>> sorted = keyed;
        std::sort(sorted.begin(), sorted.end());
        // `... and a.P < b.P and b.X < a.Y`: which claims have a partner at all is found
        // by a sweep in O(k log k); the loop below then only visits those.
        const std::vector<bool> has_partner = sweep_partners(e, set, sorted);
        for (std::size_t i = 0; i < set.size(); ++i) {
            if (!has_partner.empty() && !has_partner[i]) continue;
            const auto lo = std::lower_bound(sorted.begin(), sorted.end(), std::make_pair(keyed[i].first, std::size_t{0}));
            m.slots[e.slot] = set[i];
            for (auto it = lo; it != sorted.end() && it->first == keyed[i].first; ++it) {
                if (it->second == i) continue;
                m.slots[e.slot + 1] = set[it->second];
                if (truth(*e.args[1])) return true;
            }
        }
        return false;
    }
    if (var == e.vars.size()) return truth(*e.args[1]);
    const int slot = e.slot + static_cast<int>(var);
    for (const auto* c : set) {
        bool taken = false;
        for (std::size_t i = 0; i < var; ++i) taken = taken || m.slots[e.slot + static_cast<int>(i)] == c;
        if (taken) continue;
        m.slots[slot] = c;
        const bool r = quantify(e, set, var + 1);
        if (any && r) return true;
        if (!any && !r) return false;
    }
    return !any;
}

// For `any a, b` of sweep_shape(): true for each member that, as a, has some b of its
// group (equal F) with both comparisons holding; empty when the shape does not apply.
// Exact, not a heuristic: the caller still evaluates the body on the members marked.
// Sorting a group by the order field and keeping, from each end, the two smallest and
// two largest values of b's other field answers "is there a b after (or before) a
// whose value is below (or above) a's" in O(log k) per member.
std::vector<bool> evaluator::sweep_partners(const ast::expr& e, const std::vector<const eclaim*>& set,
                                            const std::vector<std::pair<std::string_view, std::size_t>>& sorted) {
    const auto shape = sweep_shape(e);
    if (shape.empty()) return {};
    const int sa = e.slot;
    const field_compare& order = shape[0];
    const field_compare& dom = shape[1];
    // The order as "b's order value after a's" (true) or "before" (false).
    const bool b_after = order.left->slot == sa;
    // The other comparison as "b's value below a's" (true) or "above" (false).
    const ast::expr& b_side = dom.left->slot == sa ? *dom.right : *dom.left;
    const ast::expr& a_side = dom.left->slot == sa ? *dom.left : *dom.right;
    const bool b_below = dom.left->slot != sa;
    const ast::expr& order_expr = *order.left;  // the same field on either slot
    bool nan_seen = false;  // NaN compares unlike any number: leave those sets to the plain loop
    const auto order_key = [&](const eclaim* c, double& out) {
        const value v = value_for(order_expr, c);
        if (v.t == t_date) {
            if (!v.d.known()) return false;
            out = static_cast<double>(v.d.first_day());
            return true;
        }
        if (v.t != t_number) return false;
        nan_seen = nan_seen || std::isnan(v.n);
        out = v.n;
        return true;
    };
    const auto number_of = [&](const ast::expr& x, const eclaim* c, double& out) {
        const value v = value_for(x, c);
        if (v.t != t_number) return false;
        nan_seen = nan_seen || std::isnan(v.n);
        out = v.n;
        return true;
    };
    const auto* saved0 = m.slots[sa];
    const auto* saved1 = m.slots[sa + 1];
    std::vector<bool> result(set.size(), false);
    struct item {
        double order, b_value;
        std::size_t index;
    };
    // Two best b values seen (best first) with their members, so a is never its own partner.
    struct best_two {
        double v[2];
        std::size_t who[2] = {SIZE_MAX, SIZE_MAX};
    };
    const double worst = b_below ? inf : -inf;
    const auto better = [&](double x, double y) { return b_below ? x < y : x > y; };
    const auto push = [&](best_two& t, double v, std::size_t who) {
        if (t.who[0] == SIZE_MAX || better(v, t.v[0])) {
            t.v[1] = t.v[0];
            t.who[1] = t.who[0];
            t.v[0] = v;
            t.who[0] = who;
        } else if (t.who[1] == SIZE_MAX || better(v, t.v[1])) {
            t.v[1] = v;
            t.who[1] = who;
        }
    };
    for (std::size_t g = 0; g < sorted.size();) {
        std::size_t end = g;
        while (end < sorted.size() && sorted[end].first == sorted[g].first) ++end;
        std::vector<item> items;  // members that can be b
        for (std::size_t k = g; k < end; ++k) {
            const std::size_t idx = sorted[k].second;
            item it{0, 0, idx};
            if (order_key(set[idx], it.order) && number_of(b_side, set[idx], it.b_value)) items.push_back(it);
        }
        std::sort(items.begin(), items.end(), [](const item& x, const item& y) { return x.order < y.order; });
        // best[k]: the best two b values among items[k..] (b after) or items[..k-1] (b before).
        std::vector<best_two> best(items.size() + 1);
        for (auto& t : best) t.v[0] = t.v[1] = worst;
        if (b_after) {
            for (std::size_t k = items.size(); k-- > 0;) {
                best[k] = best[k + 1];
                push(best[k], items[k].b_value, items[k].index);
            }
        } else {
            for (std::size_t k = 0; k < items.size(); ++k) {
                best[k + 1] = best[k];
                push(best[k + 1], items[k].b_value, items[k].index);
            }
        }
        for (std::size_t k = g; k < end; ++k) {
            const std::size_t idx = sorted[k].second;
            double pa = 0, va = 0;
            if (!order_key(set[idx], pa) || !number_of(a_side, set[idx], va)) continue;
            // The b candidates: order strictly after a's (or at it when not strict).
            std::size_t cut = 0;
            if (b_after) {
                cut = static_cast<std::size_t>(
                    (order.strict ? std::upper_bound(items.begin(), items.end(), pa, [](double x, const item& y) { return x < y.order; })
                                  : std::lower_bound(items.begin(), items.end(), pa, [](const item& y, double x) { return y.order < x; })) -
                    items.begin());
            } else {
                cut = static_cast<std::size_t>(
                    (order.strict ? std::lower_bound(items.begin(), items.end(), pa, [](const item& y, double x) { return y.order < x; })
                                  : std::upper_bound(items.begin(), items.end(), pa, [](double x, const item& y) { return x < y.order; })) -
                    items.begin());
            }
            const best_two& t = best[cut];
            for (int w = 0; w < 2; ++w) {
                if (t.who[w] == SIZE_MAX || t.who[w] == idx) continue;
                const double vb = t.v[w];
                const bool holds = b_below ? (dom.strict ? vb < va : vb <= va) : (dom.strict ? va < vb : va <= vb);
                if (holds) result[idx] = true;
                break;
            }
        }
        g = end;
    }
    m.slots[sa] = saved0;
    m.slots[sa + 1] = saved1;
    if (nan_seen) return {};
    return result;
}

value evaluator::aggregate(const ast::expr& e) {
    const ast::expr& a0 = *e.args[0];
    const ast::expr& set = a0.kind == ast::expr_kind::set ? a0 : *a0.args[1];
    std::vector<const eclaim*> list;
    members(set, list);
    if (m.touched) m.touched->insert(m.touched->end(), list.begin(), list.end());
    const auto fn = static_cast<function>(e.ref);
    if (fn == function::count && a0.kind == ast::expr_kind::set) return num(static_cast<double>(list.size()));
    const int slot = e.slot;
    const auto* saved = m.slots[slot];
    std::vector<value> vals;
    vals.reserve(list.size());
    std::vector<double> weights;
    for (const auto* c : list) {
        m.slots[slot] = c;
        vals.push_back(eval(*a0.args[0]));
        if (fn == function::weighted_median) {
            const value w = eval(*e.args[1]->args[0]);
            weights.push_back(w.t == t_number ? std::max(0.0, w.n) : 0.0);
        }
    }
    m.slots[slot] = saved;
    switch (fn) {
    case function::count: return num(static_cast<double>(list.size()));
    case function::count_distinct: {
        std::size_t distinct = 0;
        for (std::size_t i = 0; i < vals.size(); ++i) {
            bool seen = false;
            for (std::size_t j = 0; j < i && !seen; ++j) seen = same_value(vals[i], vals[j]);
            if (!seen) ++distinct;
        }
        return num(static_cast<double>(distinct));
    }
    case function::latest:
    case function::earliest: {
        const value* pick = nullptr;
        std::int64_t best_day = 0;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto& d = list[i]->f->published;
            const std::int64_t day = d.known() ? d.first_day() : std::numeric_limits<std::int64_t>::min();
            if (pick == nullptr || (fn == function::latest ? day >= best_day : day < best_day)) {
                pick = &vals[i];
                best_day = day;
            }
        }
        return pick ? *pick : none();
    }
    case function::intersection: {
        if (vals.empty()) return none();
        value v;
        v.t = t_interval;
        v.n = -inf;
        v.n2 = inf;
        for (const auto& x : vals) {
            v.n = std::max(v.n, x.n);
            v.n2 = std::min(v.n2, x.n2);
        }
        return v;
    }
    default: break;
    }
    std::vector<double> xs;
    std::vector<double> ws;
    for (std::size_t i = 0; i < vals.size(); ++i) {
        if (vals[i].t != t_number) continue;
        xs.push_back(vals[i].n);
        if (fn == function::weighted_median) ws.push_back(weights[i]);
    }
    if (xs.empty()) return none();
    switch (fn) {
    case function::min: return num(*std::min_element(xs.begin(), xs.end()));
    case function::max: return num(*std::max_element(xs.begin(), xs.end()));
    case function::sum: {
        double s = 0;
        for (double x : xs) s += x;
        return num(s);
    }
    case function::mean: {
        double s = 0;
        for (double x : xs) s += x;
        return num(s / static_cast<double>(xs.size()));
    }
    case function::median: {
        std::sort(xs.begin(), xs.end());
        const std::size_t n = xs.size();
        return num(n % 2 == 1 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2);
    }
    case function::weighted_median: {
        std::vector<std::size_t> order(xs.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return xs[a] < xs[b]; });
        double total = 0;
        for (double w : ws) total += w;
        if (total <= 0) {
            std::sort(xs.begin(), xs.end());
            return num(xs[(xs.size() - 1) / 2]);
        }
        double acc = 0;
        for (std::size_t i : order) {
            acc += ws[i];
            if (acc >= total / 2) return num(xs[i]);
        }
        return num(xs[order.back()]);
    }
    default: return none();
    }
}

value evaluator::call(const ast::expr& e) {
    const auto fn = static_cast<function>(e.ref);
    if (!e.args.empty() && (e.args[0]->kind == ast::expr_kind::of || e.args[0]->kind == ast::expr_kind::set)) {
        return aggregate(e);
    }
    const auto arg = [&](std::size_t i) { return eval(*e.args[i]); };
    switch (fn) {
    case function::min:
    case function::max: {
        const value a = arg(0), b = arg(1);
        if (a.t != t_number) return b;
        if (b.t != t_number) return a;
        return num(fn == function::min ? std::min(a.n, b.n) : std::max(a.n, b.n));
    }
    case function::abs: {
        const value a = arg(0);
        return a.t == t_number ? num(std::fabs(a.n)) : a;
    }
    case function::round:
    case function::floor:
    case function::ceil: {
        const value a = arg(0);
        if (a.t != t_number) return a;
        return num(fn == function::round ? std::round(a.n) : fn == function::floor ? std::floor(a.n) : std::ceil(a.n));
    }
    case function::days_between: return num(days_between(arg(0).d, arg(1).d));
    case function::week:
    case function::month: {
        const date d = arg(0).d;
        if (!d.known()) return str("unknown date");
        if (fn == function::month) {
            if (d.precision == date_precision::year) return str(intern(m, std::to_string(d.year)));
            return str(intern(m, month_key(d.year, d.month)));
        }
        if (d.precision != date_precision::day) return str(intern(m, d.iso()));
        return str(intern(m, week_key(d.first_day())));
    }
    case function::year: {
        const date d = arg(0).d;
        return d.known() ? num(d.year) : none();
    }
    case function::known: return boolean(arg(0).d.known());
    case function::precision: {
        const date d = arg(0).d;
        if (!d.known()) return str("unknown");
        return str(to_string(d.precision));
    }
    case function::disjoint:
    case function::overlaps: {
        const value a = arg(0), b = arg(1);
        if (a.t != t_interval || b.t != t_interval) return boolean(false);
        const bool dis = a.n2 < b.n || b.n2 < a.n;
        return boolean(fn == function::disjoint ? dis : !dis);
    }
    case function::contains: {
        const value a = arg(0), x = arg(1);
        return boolean(a.t == t_interval && x.t == t_number && a.n <= x.n && x.n <= a.n2);
    }
    case function::width: {
        const value a = arg(0);
        return a.t == t_interval ? num(a.n2 - a.n) : none();
    }
    case function::same_place:
    case function::within: {
        const value a = arg(0), b = arg(1);
        if (a.c == nullptr || b.c == nullptr) return boolean(false);
        return boolean(fn == function::within ? within(*a.c, *b.c) : same_place(*a.c, *b.c));
    }
    case function::place_level:
    case function::figures:
    case function::shared_names:
    case function::lead_similarity:
    case function::copied_between: {
        const value a = arg(0), b = arg(1);
        if (a.c == nullptr || b.c == nullptr) return none();
        const claim_facts& fa = *a.c->f;
        const claim_facts& fb = *b.c->f;
        switch (fn) {
        case function::place_level: return str(place_level(*a.c, *b.c));
        case function::figures: return str(figures_level(fa, fb));
        case function::shared_names: {
            // The words of the claims' places count when a claim has no place of its
            // own (its article's words are then the only sign of where); with a place on
            // both sides place_level weighs them, and they are left out.
            const bool placed = !fa.c->place_key.empty() && !fb.c->place_key.empty();
            return num(fa.text && fb.text ? shared_name_weight(*fa.text, *fb.text, placed ? fa.place_names : nullptr,
                                                               placed ? fb.place_names : nullptr)
                                          : 0.0);
        }
        case function::lead_similarity: return num(fa.text && fb.text ? lead_cosine(*fa.text, *fb.text) : 0.0);
        default:
            return boolean((!fa.article_copied_from.empty() && fa.article_copied_from == fb.c->article) ||
                           (!fb.article_copied_from.empty() && fb.article_copied_from == fa.c->article));
        }
    }
    case function::same_span:
    case function::same_side: {
        const value a = arg(0), b = arg(1);
        if (a.c == nullptr || b.c == nullptr) return boolean(false);
        if (fn == function::same_side) return boolean(same_side(*a.c->f, *b.c->f));
        return boolean(same_span(*a.c->f->c, *b.c->f->c));
    }
    case function::same_scope:
    case function::same_locality:
    case function::locality_within:
    case function::tells_figure: {
        const value a = arg(0), b = arg(1);
        if (a.c == nullptr || b.c == nullptr) return boolean(false);
        const claim& x = *a.c->f->c;
        const claim& y = *b.c->f->c;
        if (fn == function::same_scope) return boolean(same_scope(x, y));
        if (fn == function::tells_figure) return boolean(tells_figure(*a.c->f, y));
        return boolean(same_locality(x, y, fn == function::locality_within));
    }
    case function::compatible: {
        const value a = arg(0), b = arg(1);
        return boolean(a.s.empty() || b.s.empty() || iequal(a.s, b.s));
    }
    case function::part_of: {
        const value a = arg(0), b = arg(1);
        std::string at(a.s);
        for (std::size_t steps = 0; steps < 64; ++steps) {
            const auto it = m.c->category_parent.find(at);
            if (it == m.c->category_parent.end()) return boolean(false);
            if (it->second == b.s) return boolean(true);
            at = it->second;
        }
        return boolean(false);
    }
    case function::has_finding: {
        const value a = arg(0);
        if (m.findings == nullptr) return boolean(false);
        for (const auto& f : *m.findings) {
            if (f.kind == a.s) return boolean(true);
        }
        return boolean(false);
    }
    default: return none();
    }
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

bool matches(const ast::statement& st, const std::string& outcome, const std::string& category) {
    return (st.for_outcome == "*" || st.for_outcome == outcome) && (st.for_category == "*" || st.for_category == category);
}
int specificity(const ast::statement& st) { return (st.for_outcome != "*" ? 2 : 0) + (st.for_category != "*" ? 1 : 0); }

std::optional<std::int64_t> to_bound(const value& v, bool up) {
    if (v.t != t_number || std::isnan(v.n) || std::isinf(v.n)) return std::nullopt;
    return static_cast<std::int64_t>(up ? std::ceil(v.n - 1e-9) : std::floor(v.n + 1e-9));
}

class compiled_ruleset final : public ruleset {
public:
    explicit compiled_ruleset(std::shared_ptr<const compiled> c) : m_c(std::move(c)) {
        for (const auto& d : m_c->decisions) {
            for (const auto& id : d.ids) {
                if (d.action == "exclude" || d.action == "pin") {
                    m_claim_decisions[id] = &d;
                    m_offset_ids = m_offset_ids || is_offset_claim_id(id);
                }
            }
        }
        for (const auto& [name, st] : m_c->qualifier_by_name) m_refs[st] = ref_of(*st);
        for (const auto* st : m_c->trust) m_refs[st] = ref_of(*st);
        for (const auto* st : m_c->match) {
            for (const auto& keys : st->blocks)
                for (const auto& k : keys) m_keys_need_numbers = m_keys_need_numbers || reads_numbers(*k);
        }
        m_match_needs_numbers = m_keys_need_numbers;
        for (const auto* st : m_c->match) {
            auto& g = m_guards[st];
            if (st->condition) collect_guards(*st->condition, g);
            for (const auto& [slot, cond] : g) m_keys_need_numbers = m_keys_need_numbers || reads_numbers(*cond);
        }
        for (const auto* st : m_c->match) {
            if (st->condition) m_match_needs_numbers = m_match_needs_numbers || reads_numbers(*st->condition);
            for (const auto& cmp : st->scores)
                for (const auto& level : cmp.levels)
                    if (level.condition) m_match_needs_numbers = m_match_needs_numbers || reads_numbers(*level.condition);
        }
        for (const auto* st : m_c->separate) m_match_needs_numbers = m_match_needs_numbers || reads_numbers(*st->condition);
        for (const auto* st : m_c->trust) {
            m_trust_needs_interval = m_trust_needs_interval || reads_numbers(*st->value) ||
                                     (st->condition && reads_numbers(*st->condition));
        }
        for (int q = 0; q <= static_cast<int>(qualifier::vague); ++q) {
            const auto it = m_c->qualifier_by_name.find(std::string(to_string(static_cast<qualifier>(q))));
            m_by_qualifier[q] = it == m_c->qualifier_by_name.end() ? nullptr : it->second;
        }
        for (const auto& [name, st] : m_c->qualifier_by_text) m_refs[st] = ref_of(*st);
    }

    const compiled& data() const { return *m_c; }

    interval_result interval_of(const claim_facts& f) const override {
        eclaim e;
        e.f = &f;
        fill_interval(e);
        interval_result r;
        r.low = to_bound(num(e.low), false);
        r.high = to_bound(num(e.high), true);
        r.best = to_bound(num(e.best), false);
        if (r.best) r.best = static_cast<std::int64_t>(std::llround(e.best));
        if (e.interval_rule) r.rule = *e.interval_rule;
        return r;
    }

    weight_result trust_of(const claim_facts& f) const override {
        eclaim e;
        e.f = &f;
        if (m_trust_needs_interval) fill_interval(e);
        fill_weight(e);
        return {e.weight, e.weight_rule ? *e.weight_rule : rule_ref{}};
    }

    std::vector<std::string> blocking_keys(const claim_facts& f) const override {
        std::vector<std::string> keys;
        for (auto& c : blocking_cells(f)) keys.push_back(std::move(c.key));
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        return keys;
    }

    std::vector<block_cell> blocking_cells(const claim_facts& f) const override {
        eclaim e;
        e.f = &f;
        if (m_keys_need_numbers) {
            fill_interval(e);
            fill_weight(e);
        }
        std::vector<block_cell> cells;
        for (const auto* st : m_c->match) {
            if (!may_meet_condition(*st, e)) continue;
            auto k = rule_keys(*st, e);
            cells.insert(cells.end(), std::make_move_iterator(k.begin()), std::make_move_iterator(k.end()));
        }
        return normalise_cells(std::move(cells));
    }

    match_result match(const claim_facts& a, const claim_facts& b) const override {
        match_result r;
        judge(a, b, &r);
        return r;
    }

    bool joins(const claim_facts& a, const claim_facts& b) const override { return judge(a, b, nullptr); }

    bool reads_text_evidence() const override {
        const auto reads = [](const ast::expr& e, const auto& self) -> bool {
            if (e.kind == ast::expr_kind::call) {
                const auto fn = static_cast<function>(e.ref);
                if (fn == function::shared_names || fn == function::lead_similarity || fn == function::names ||
                    fn == function::lead_words)
                    return true;
            }
            for (const auto& a : e.args)
                if (self(*a, self)) return true;
            return false;
        };
        for (const auto* st : m_c->match) {
            if (st->condition && reads(*st->condition, reads)) return true;
            for (const auto& keys : st->blocks)
                for (const auto& k : keys)
                    if (reads(*k, reads)) return true;
            for (const auto& cmp : st->scores)
                for (const auto& level : cmp.levels)
                    if (level.condition && reads(*level.condition, reads)) return true;
        }
        return false;
    }
    incident_result reconcile(const std::vector<claim_facts>& claims) const override;
    std::vector<finding> series_findings(const std::vector<claim_facts>& series) const override;
    const std::vector<analyst_decision>& decisions() const override { return m_c->decisions; }
    std::vector<std::string> files() const override { return m_c->files; }
    std::map<std::string, std::string> data_files() const override { return m_c->data; }
    const std::vector<named_value>& named_sources() const override { return m_c->named_sources; }

private:
    // The exclude or pin naming a claim, by its id or its older offset id (model/claim_id.hpp).
    const analyst_decision* decision_for(const claim& c) const {
        if (m_claim_decisions.empty()) return nullptr;
        auto d = m_claim_decisions.find(c.id);
        if (d == m_claim_decisions.end() && m_offset_ids && !is_offset_claim_id(c.id)) d = m_claim_decisions.find(offset_claim_id(c));
        return d == m_claim_decisions.end() ? nullptr : d->second;
    }

    std::shared_ptr<const compiled> m_c;
    std::map<std::string, const analyst_decision*> m_claim_decisions;
    bool m_offset_ids = false;  // some decision names a claim by its older offset id
    std::map<const ast::statement*, rule_ref> m_refs;  // qualifier rules, built once
    const ast::statement* m_by_qualifier[8] = {};       // qualifier rule by enum value
    // Per match rule, the one-claim parts of its condition (slot 0 = a, 1 = b).
    std::map<const ast::statement*, std::vector<std::pair<int, const ast::expr*>>> m_guards;
    bool m_keys_need_numbers = false;                    // blocking keys read intervals or weights
    bool m_match_needs_numbers = false;                  // so do match or separate rules, or their keys

    // Claims a and b in slots a and b of an environment, with their intervals and weights
    // when a match or separate rule reads them: what judge() and levels() evaluate a pair
    // in. Not copyable: the environment points at the two claims it holds.
    struct pair_env {
        eclaim a, b;
        env en;
        evaluator ev;
        pair_env(const compiled_ruleset& rules, const claim_facts& fa, const claim_facts& fb) : ev(en) {
            a.f = &fa;
            b.f = &fb;
            if (rules.m_match_needs_numbers) {
                rules.fill_interval(a);
                rules.fill_interval(b);
                rules.fill_weight(a);
                rules.fill_weight(b);
            }
            en.c = rules.m_c.get();
            en.slots[0] = &a;
            en.slots[1] = &b;
        }
        pair_env(const pair_env&) = delete;
        pair_env& operator=(const pair_env&) = delete;
    };

    // Whether a and b are one incident; with `why`, also the rule and the reason. The
    // matcher judges tens of millions of pairs at a million articles: without `why` no
    // text is built, and a claim's interval and weight are computed only when a match
    // or separate rule reads them (the default rules do not).
    bool judge(const claim_facts& a, const claim_facts& b, match_result* why) const {
        for (const auto& d : m_c->decisions) {
            if (d.action != "merge" && d.action != "split") continue;
            const bool has_a = std::find(d.ids.begin(), d.ids.end(), a.c->id) != d.ids.end();
            const bool has_b = std::find(d.ids.begin(), d.ids.end(), b.c->id) != d.ids.end();
            if (has_a && has_b) {
                if (why) *why = {d.action == "merge", d.rule, "analyst decision: " + d.reason, {}, 0, 0, false};
                return d.action == "merge";
            }
        }
        pair_env pe(*this, a, b);
        const eclaim &ea = pe.a, &eb = pe.b;
        evaluator& ev = pe.ev;
        for (const auto* st : m_c->separate) {
            if (ev.truth(*st->condition)) {
                if (why) *why = {false, ref_of(*st), "kept apart by rule '" + st->name + "'", {}, 0, 0, false};
                return false;
            }
        }
        // Why a scored rule kept them apart, kept for `why` unless another rule joins them.
        std::optional<match_result> apart;
        for (const auto* st : m_c->match) {
            const bool holds = !st->condition || ev.truth(*st->condition);
            if (!holds && !(why && !st->scores.empty() && !apart)) continue;
            // Only claims that meet in one of this rule's blocks are compared.
            const bool meet = blocks_meet(*st, ea, eb);
            if (st->scores.empty()) {
                if (!holds || !meet) continue;
                if (why) *why = {true, ref_of(*st), "joined by rule '" + st->name + "'", {}, 0, 0, false};
                return true;
            }
            if (!why) {
                if (holds && meet && score_of(*st, ev, nullptr) >= *st->threshold) return true;
                continue;
            }
            match_result r;
            r.rule = ref_of(*st);
            r.scored = true;
            r.threshold = *st->threshold;
            r.score = score_of(*st, ev, &r.waterfall);
            r.same = holds && meet && r.score >= r.threshold;
            char total[64];
            std::snprintf(total, sizeof total, "%.2f %s %.2f", r.score, r.score >= r.threshold ? ">=" : "<", r.threshold);
            if (r.same) {
                r.reason = "joined by rule '" + st->name + "': score " + total;
                *why = std::move(r);
                return true;
            }
            if (apart) continue;
            r.reason = !holds ? "kept apart by rule '" + st->name + "': its condition does not hold"
                       : !meet ? "kept apart by rule '" + st->name + "': they share no block"
                               : "kept apart by rule '" + st->name + "': score " + total;
            apart = std::move(r);
        }
        if (why) *why = apart ? std::move(*apart) : match_result{false, rule_ref{}, "no match rule joined them", {}, 0, 0, false};
        return false;
    }

    // The total of a scored rule: per comparison, the weight of the first level that
    // holds (none holding adds nothing); with `steps`, each level found.
    static double score_of(const ast::statement& st, evaluator& ev, std::vector<score_step>* steps) {
        double total = 0;
        for (const auto& cmp : st.scores) {
            for (const auto& level : cmp.levels) {
                if (level.condition && !ev.truth(*level.condition)) continue;
                total += level.weight;
                if (steps) steps->push_back({cmp.name, level.name, level.weight});
                break;
            }
        }
        // Weights are written to two decimals; so is their total (no 5.300000000000001).
        return std::round(total * 100) / 100;
    }

public:
    // For reckon train: the level index each comparison of scored rule `rule` gives the
    // pair (-1: none held); false when the rule's condition or blocks keep them apart
    // (unless `unconditional`).
    bool levels(std::size_t rule, const claim_facts& a, const claim_facts& b, bool unconditional, std::vector<int>& out) const {
        const ast::statement* st = scored_rule(rule);
        out.clear();
        if (!st) return false;
        pair_env pe(*this, a, b);
        evaluator& ev = pe.ev;
        if (!unconditional) {
            if (st->condition && !ev.truth(*st->condition)) return false;
            if (!blocks_meet(*st, pe.a, pe.b)) return false;
        }
        for (const auto& cmp : st->scores) {
            int found = -1;
            for (std::size_t l = 0; l < cmp.levels.size() && found < 0; ++l)
                if (!cmp.levels[l].condition || ev.truth(*cmp.levels[l].condition)) found = static_cast<int>(l);
            out.push_back(found);
        }
        return true;
    }
    const ast::statement* scored_rule(std::size_t rule) const {
        std::size_t k = 0;
        for (const auto* st : m_c->match)
            if (!st->scores.empty() && k++ == rule) return st;
        return nullptr;
    }

private:
    bool m_trust_needs_interval = false;                 // trust rules read intervals

    // True when `e` reads a claim's interval or weight (so it must be computed first).
    static bool reads_numbers(const ast::expr& e) {
        const bool field_expr = e.kind == ast::expr_kind::field ||
                                (e.kind == ast::expr_kind::name && e.ref == static_cast<int>(name_kind::implicit_field));
        if (field_expr) {
            const auto id = static_cast<field>(e.kind == ast::expr_kind::field ? e.ref : static_cast<int>(e.number));
            if (id == field::low || id == field::high || id == field::best || id == field::interval ||
                id == field::weight || id == field::value) {
                return true;
            }
        }
        for (const auto& a : e.args) {
            if (reads_numbers(*a)) return true;
        }
        return false;
    }

    // The parts of a match rule's condition that ask something of one claim alone
    // (`a.lead`, `precision(b.event_date) == "day"`): the top-level `and` terms that read
    // one claim variable and nothing else. A claim that fails them in both places can
    // never be joined by the rule, so it gets none of the rule's blocks: the blocks hold
    // only claims the rule may join (a background figure never fills a lead event's
    // blocks), and no pair the rule joins is lost.
    static void collect_guards(const ast::expr& e, std::vector<std::pair<int, const ast::expr*>>& out) {
        if (e.kind == ast::expr_kind::binary && static_cast<op>(e.ref) == op::and_) {
            for (const auto& a : e.args) collect_guards(*a, out);
            return;
        }
        int slots = 0;  // bit per slot read; -1: reads more than claim variables
        const auto reads = [&](const ast::expr& x, const auto& self) -> void {
            if (slots < 0) return;
            const bool claim_name = x.kind == ast::expr_kind::name &&
                                    (x.ref == static_cast<int>(name_kind::claim_var) ||
                                     x.ref == static_cast<int>(name_kind::implicit_field));
            if (x.kind == ast::expr_kind::quantifier || x.kind == ast::expr_kind::set || x.kind == ast::expr_kind::of ||
                (x.kind == ast::expr_kind::name && !claim_name)) {
                slots = -1;
                return;
            }
            if ((claim_name || (x.kind == ast::expr_kind::field && x.slot >= 0)) && x.slot >= 0 && x.slot < 2) slots |= 1 << x.slot;
            for (const auto& a : x.args) self(*a, self);
        };
        reads(e, reads);
        if (slots == 1 || slots == 2) out.emplace_back(slots == 1 ? 0 : 1, &e);
    }

    // Whether a claim passes the one-claim parts of a rule's condition as a or as b.
    bool may_meet_condition(const ast::statement& st, const eclaim& e) const {
        const auto it = m_guards.find(&st);
        if (it == m_guards.end() || it->second.empty()) return true;
        for (int slot = 0; slot < 2; ++slot) {
            env en;
            en.c = m_c.get();
            en.slots[slot] = &e;
            evaluator ev(en);
            bool all = true;
            for (const auto& [s, cond] : it->second)
                if (s == slot && !ev.truth(*cond)) {
                    all = false;
                    break;
                }
            if (all) return true;
        }
        return false;
    }

    // The blocks one match rule gives a claim: "RULE|KEY|KEY", with the parts the claim
    // is inside of rather than at (see block_cell).
    // A rule with several `block by` lines gives the cells of each, the second's named
    // "RULE#2|...".
    std::vector<block_cell> rule_keys(const ast::statement& st, const eclaim& e) const {
        std::vector<block_cell> out;
        for (std::size_t b = 0; b < st.blocks.size(); ++b) {
            auto k = rule_keys(st.blocks[b], b == 0 ? st.name : st.name + "#" + std::to_string(b + 1), e);
            out.insert(out.end(), std::make_move_iterator(k.begin()), std::make_move_iterator(k.end()));
        }
        return out;
    }
    std::vector<block_cell> rule_keys(const std::vector<ast::expr_ptr>& block, const std::string& name, const eclaim& e) const {
        env en;
        en.c = m_c.get();
        en.slots[0] = &e;
        evaluator ev(en);
        std::vector<block_cell> combos{{name, 0}};
        for (std::size_t i = 0; i < block.size(); ++i) {
            const auto parts = key_values(*block[i], e, ev);
            std::vector<block_cell> next;
            for (const auto& c : combos) {
                for (const auto& p : parts) {
                    // Imprecise dates multiply keys; a claim never needs more than this many.
                    if (next.size() < max_keys_per_rule) {
                        next.push_back({c.key + "|" + p.first, c.inside | (p.second ? 1u << std::min<std::size_t>(i, 31) : 0u)});
                    }
                }
            }
            combos = std::move(next);
        }
        return combos;
    }

    // Whether two claims meet in a block of one match rule: the same as comparing their
    // rule_keys() cells, part by part (the cells are every combination of the parts'
    // values), without building them for every judged pair.
    // A rule without `block by` compares every pair; one with several lines, a pair that
    // meets under any of them.
    bool blocks_meet(const ast::statement& st, const eclaim& a, const eclaim& b) const {
        if (st.blocks.empty()) return true;
        for (const auto& block : st.blocks)
            if (blocks_meet(block, a, b)) return true;
        return false;
    }
    bool blocks_meet(const std::vector<ast::expr_ptr>& block, const eclaim& a, const eclaim& b) const {
        env ena, enb;
        ena.c = enb.c = m_c.get();
        ena.slots[0] = &a;
        enb.slots[0] = &b;
        evaluator eva(ena), evb(enb);
        for (const auto& k : block) {
            const auto fn = k->kind == ast::expr_kind::call ? static_cast<function>(k->ref) : function::count;
            if ((fn == function::days || fn == function::exact_days) && k->args.size() == 2) {
                // Two dates share a days(d, n) key, one of them at it, exactly when both are
                // known and at most n days apart (see day_cells); exact_days asks for days.
                const date da = eva.eval(*k->args[0]).d, db = evb.eval(*k->args[0]).d;
                if (!da.known() || !db.known() || days_between(da, db) > k->args[1]->number) return false;
                if (fn == function::exact_days &&
                    (da.precision != date_precision::day || db.precision != date_precision::day)) {
                    return false;
                }
                continue;
            }
            if (fn == function::places && k->args.size() == 1) {
                if (!places_meet(eva.eval(*k->args[0]).s, *a.f, evb.eval(*k->args[0]).s, *b.f)) return false;
                continue;
            }
            const auto va = key_values(*k, a, eva);
            const auto vb = key_values(*k, b, evb);
            const bool shared = std::any_of(va.begin(), va.end(), [&](const auto& x) {
                return std::any_of(vb.begin(), vb.end(), [&](const auto& y) { return x.first == y.first; });
            });
            if (!shared) return false;
        }
        return true;
    }

    // The values of one blocking key, each with whether the claim is inside it (true) or at it.
    std::vector<std::pair<std::string, bool>> key_values(const ast::expr& k, const eclaim& e, evaluator& ev) const {
        std::vector<std::pair<std::string, bool>> out;
        const auto fn = k.kind == ast::expr_kind::call ? static_cast<function>(k.ref) : function::count;
        if (k.kind == ast::expr_kind::call && (fn == function::days || fn == function::exact_days) && k.args.size() == 2) {
            for (auto& [key, inside] : day_cells(ev.eval(*k.args[0]).d, static_cast<int>(k.args[1]->number),
                                                 fn == function::exact_days))
                out.emplace_back(std::move(key), inside);
            return out;
        }
        if (k.kind == ast::expr_kind::call && fn == function::names) {
            // The article's rarest shared names: two reports naming the same victim or
            // street meet whatever else they say.
            if (e.f->text)
                for (const auto id : e.f->text->rare_names) out.emplace_back("n" + std::to_string(id), false);
            return out;
        }
        if (k.kind == ast::expr_kind::call && fn == function::lead_words) {
            // The heaviest words of the article's opening that few articles a week use: two
            // reports that open alike share one, whether or not they read a name or a place.
            if (e.f->text)
                for (const auto id : e.f->text->key_lead) out.emplace_back("w" + std::to_string(id), false);
            return out;
        }
        if (k.kind == ast::expr_kind::call && fn == function::places && k.args.size() == 1) {
            return place_cells(ev.eval(*k.args[0]).s, *e.f);
        }
        // An imprecise date covers several weeks or months: the claim goes in each block.
        if (k.kind == ast::expr_kind::call && !k.args.empty() && (fn == function::week || fn == function::month)) {
            const value dv = ev.eval(*k.args[0]);
            const date d = dv.d;
            if (d.known() && d.precision != date_precision::day) {
                std::vector<std::string> keys;
                if (fn == function::week) {
                    for (auto day = d.first_day(); day <= d.last_day(); day += 7) keys.push_back(week_key(day));
                    keys.push_back(week_key(d.last_day()));
                } else if (d.precision == date_precision::year) {
                    for (int mo = 1; mo <= 12; ++mo) keys.push_back(month_key(d.year, mo));
                } else if (d.precision == date_precision::period) {
                    const date last = civil_from_days(d.last_day());
                    for (int y = d.year, mo = d.month; y < last.year || (y == last.year && mo <= last.month);) {
                        keys.push_back(month_key(y, mo));
                        if (++mo > 12) {
                            mo = 1;
                            ++y;
                        }
                    }
                } else {
                    keys.push_back(month_key(d.year, d.month));
                }
                std::sort(keys.begin(), keys.end());
                keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
                for (auto& key : keys) out.emplace_back(std::move(key), false);
                return out;
            }
        }
        out.emplace_back(format(ev.eval(k)), false);
        return out;
    }

    void fill_interval(eclaim& e) const {
        const claim& c = *e.f->c;
        double low = c.low ? static_cast<double>(*c.low) : 0;
        double high = c.high ? static_cast<double>(*c.high) : inf;
        const auto written = written_value(c.value_text);
        double v = written ? static_cast<double>(*written)
                           : (c.qualifier == qualifier::up_to && c.high ? high : low);
        if (c.qualifier == qualifier::vague && !m_c->quantities.empty()) {
            const auto it = m_c->quantities.find(lower(c.vague));
            if (it != m_c->quantities.end()) {
                low = it->second->q_low;
                high = it->second->q_high;
                v = it->second->q_best;
            } else {
                v = low;
            }
        }
        if (c.qualifier == qualifier::range) v = low;
        const ast::statement* rule = nullptr;
        if (!c.qualifier_text.empty() && !m_c->qualifier_by_text.empty()) {
            const auto it = m_c->qualifier_by_text.find(lower(c.qualifier_text));
            if (it != m_c->qualifier_by_text.end()) rule = it->second;
        }
        if (rule == nullptr) rule = m_by_qualifier[static_cast<int>(c.qualifier)];
        e.value = v;
        if (rule != nullptr) {
                env en;
            en.c = m_c.get();
                en.nums[nv_v] = v;
            en.nums[nv_low] = low;
            en.nums[nv_high] = high;
            evaluator ev(en);
            const value lo = ev.eval(*rule->low);
            const value hi = ev.eval(*rule->high);
            e.low = lo.t == t_number ? std::floor(lo.n + 1e-9) : low;
            e.high = hi.t == t_number ? (std::isinf(hi.n) ? inf : std::ceil(hi.n - 1e-9)) : high;
            if (rule->best) {
                const value b = ev.eval(*rule->best);
                e.best = b.t == t_number ? std::round(b.n) : v;
            } else {
                e.best = v;
            }
            e.interval_rule = &rule_refs(rule);
        } else {
            e.low = low;
            e.high = high;
            e.best = v;
        }
        if (e.low < 0) e.low = 0;
        if (e.high < e.low) e.high = e.low;
        e.best = std::min(std::max(e.best, e.low), e.high);
        // Analyst pins replace the reading.
        const auto* d = decision_for(c);
        if (d && d->action == "pin" && d->value) {
            e.low = e.high = e.best = static_cast<double>(*d->value);
            e.pinned = true;
        }
    }

    void fill_weight(eclaim& e) const {
        env en;
        en.c = m_c.get();
        en.slots[0] = &e;
        evaluator ev(en);
        double w = 1;
        for (const auto* st : m_c->trust) {
            en.nums[nv_weight] = w;
            if (st->condition && !ev.truth(*st->condition)) continue;
            const value v = ev.eval(*st->value);
            if (v.t == t_number && !std::isnan(v.n)) {
                w = std::max(0.0, v.n);
                e.weight_rule = &rule_refs(st);
            }
        }
        e.weight = w;
    }

    const rule_ref& rule_refs(const ast::statement* st) const { return m_refs.at(st); }

    void make_independent(group& g) const {
        // One claim per origin: its latest word (then the narrowest, then model/claim_id's tie order).
        std::vector<const eclaim*> sorted = g.all;
        const auto origin = [](const eclaim* e) {
            return e->f->origin.empty() ? std::string_view(e->f->c->source) : std::string_view(e->f->origin);
        };
        std::stable_sort(sorted.begin(), sorted.end(), [&](const eclaim* a, const eclaim* b) {
            const auto oa = origin(a), ob = origin(b);
            if (oa != ob) return oa < ob;
            const auto da = a->f->published.known() ? a->f->published.first_day() : 0;
            const auto db = b->f->published.known() ? b->f->published.first_day() : 0;
            if (da != db) return da > db;
            const double wa = a->high - a->low, wb = b->high - b->low;
            if (wa != wb) return wa < wb;
            return tie_order(*a->f->c, *b->f->c);
        });
        g.independent.clear();
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            if (i == 0 || origin(sorted[i]) != origin(sorted[i - 1])) g.independent.push_back(sorted[i]);
        }
    }

    bool run_finding(const ast::statement& st, env& en, const group& g, std::vector<finding>& out) const {
        en.g = &g;
        evaluator ev(en);
        if (!ev.truth(*st.condition)) return false;
        finding f;
        f.kind = st.finding_kind;
        f.severity = st.severity;
        f.rule = ref_of(st);
        const ast::expr* q = st.condition.get();
        while (q->kind == ast::expr_kind::binary && q->text == "and") q = q->args[0].get();
        if (q->kind == ast::expr_kind::quantifier && q->text == "any") {
            for (std::size_t i = 0; i < q->vars.size(); ++i) f.claims.push_back(en.slots[q->slot + i]->f->c->id);
        } else {
            for (const auto* c : g.all) f.claims.push_back(c->f->c->id);
        }
        std::sort(f.claims.begin(), f.claims.end());
        f.claims.erase(std::unique(f.claims.begin(), f.claims.end()), f.claims.end());
        if (st.say) {
            std::string msg;
            for (std::size_t i = 0; i < st.say->holes.size(); ++i) {
                msg += st.say->pieces[i];
                msg += format(ev.eval(*st.say->holes[i]));
            }
            msg += st.say->pieces.back();
            f.message = std::move(msg);
        } else {
            f.message = st.finding_kind;
        }
        out.push_back(std::move(f));
        return true;
    }
};

incident_result compiled_ruleset::reconcile(const std::vector<claim_facts>& claims) const {
    incident_result result;
    std::vector<eclaim> ec(claims.size());
    for (std::size_t i = 0; i < claims.size(); ++i) {
        ec[i].f = &claims[i];
        fill_interval(ec[i]);
        fill_weight(ec[i]);
        if (const auto* d = decision_for(*claims[i].c)) {
            ec[i].status_rule = d->rule;
            ec[i].status_reason = d->action + ": " + d->reason;
            if (d->action == "exclude") ec[i].live = false;
        }
    }
    // Groups by outcome and category, in a stable order.
    std::map<std::pair<int, std::string>, std::vector<eclaim*>> by_group;
    for (auto& e : ec) by_group[{static_cast<int>(e.f->c->outcome), e.f->c->category}].push_back(&e);

    env en;
    en.c = m_c.get();

    // Revisions: within a group and an origin, a supersede rule retires the earlier claim.
    if (!m_c->supersede.empty()) {
        for (auto& [key, members] : by_group) {
            for (auto* earlier : members) {
                if (!earlier->live) continue;
                for (auto* later : members) {
                    if (later == earlier || !later->live) continue;
                    const auto& oe = earlier->f->origin.empty() ? earlier->f->c->source : earlier->f->origin;
                    const auto& ol = later->f->origin.empty() ? later->f->c->source : later->f->origin;
                    if (oe != ol) continue;
                    en.slots[0] = earlier;
                    en.slots[1] = later;
                    evaluator ev(en);
                    for (const auto* st : m_c->supersede) {
                        if (ev.truth(*st->condition)) {
                            earlier->live = false;
                            earlier->status_rule = ref_of(*st);
                            earlier->status_reason = "superseded by " + later->f->c->id + " (rule '" + st->name + "')";
                            break;
                        }
                    }
                    if (!earlier->live) break;
                }
            }
        }
    }

    std::vector<group> groups;
    std::vector<std::pair<int, std::string>> keys;
    group incident;
    for (auto& [key, members] : by_group) {
        group g;
        for (auto* e : members) {
            if (e->live) g.all.push_back(e);
        }
        make_independent(g);
        incident.all.insert(incident.all.end(), g.all.begin(), g.all.end());
        incident.independent.insert(incident.independent.end(), g.independent.begin(), g.independent.end());
        groups.push_back(std::move(g));
        keys.push_back(key);
    }

    std::vector<int> used_by(ec.size(), -1);  // index of the figure that read each claim
    const auto index_of = [&](const eclaim* p) { return static_cast<std::size_t>(p - ec.data()); };
    result.figures.reserve(groups.size());
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const std::string outcome_name(to_string(static_cast<outcome>(keys[gi].first)));
        const ast::statement* rule = nullptr;
        for (const auto* st : m_c->reconcile) {
            if (!matches(*st, outcome_name, keys[gi].second)) continue;
            if (rule == nullptr || specificity(*st) >= specificity(*rule)) rule = st;
        }
        if (rule == nullptr || groups[gi].all.empty()) continue;
        figure fig;
        fig.outcome = static_cast<outcome>(keys[gi].first);
        fig.category = keys[gi].second;
        fig.rule = ref_of(*rule);
        std::vector<const eclaim*> touched;
        en.g = &groups[gi];
        en.touched = &touched;
        evaluator ev(en);
        if (rule->low) fig.low = to_bound(ev.eval(*rule->low), false);
        if (rule->best) {
            const value b = ev.eval(*rule->best);
            if (b.t == t_number && !std::isinf(b.n)) fig.best = static_cast<std::int64_t>(std::llround(b.n));
        }
        if (rule->high) fig.high = to_bound(ev.eval(*rule->high), true);
        en.touched = nullptr;
        std::sort(touched.begin(), touched.end(), [](const eclaim* a, const eclaim* b) { return tie_order(*a->f->c, *b->f->c); });
        touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
        for (const auto* t : touched) fig.used.push_back(t->f->c->id);
        result.figures.push_back(std::move(fig));
        for (const auto* t : touched) used_by[index_of(t)] = static_cast<int>(result.figures.size() - 1);
    }

    // Findings: per group when they have a pattern, else over the whole incident.
    for (const auto* st : m_c->findings) {
        if (st->in_series) continue;
        en.findings = &result.findings;
        if (st->has_pattern) {
            for (std::size_t gi = 0; gi < groups.size(); ++gi) {
                const std::string outcome_name(to_string(static_cast<outcome>(keys[gi].first)));
                if (!matches(*st, outcome_name, keys[gi].second) || groups[gi].all.empty()) continue;
                run_finding(*st, en, groups[gi], result.findings);
            }
        } else if (!incident.all.empty()) {
            run_finding(*st, en, incident, result.findings);
        }
    }

    // Grade: the first grade rule that holds.
    en.g = &incident;
    en.findings = &result.findings;
    {
        evaluator ev(en);
        for (const auto* st : m_c->grades) {
            if (st->otherwise || ev.truth(*st->condition)) {
                result.grading.label = st->name;
                result.grading.rule = ref_of(*st);
                break;
            }
        }
    }

    // Decisions per claim, in input order.
    for (const auto& e : ec) {
        claim_decision d;
        d.claim = e.f->c->id;
        d.weight = e.weight;
        const int fig_index = used_by[index_of(&e)];
        d.used = fig_index >= 0;
        const figure* used_fig = d.used ? &result.figures[static_cast<std::size_t>(fig_index)] : nullptr;
        if (!e.live) {
            d.rule = e.status_rule;
            d.reason = e.status_reason;
        } else if (d.used) {
            d.rule = used_fig->rule;
            d.reason = "used by rule '" + used_fig->rule.name + "'";
            if (e.weight_rule) d.reason += ", weight " + format(num(e.weight)) + " from trust rule '" + e.weight_rule->name + "'";
            if (e.pinned) d.reason += "; " + e.status_reason;
        } else {
            if (e.weight_rule) d.rule = *e.weight_rule;
            d.reason = "not read by any figure";
            // what the text itself says the figure is comes before any guess about duplicates
            const std::string& relation = e.f->c->relation;
            const char* told = relation == "part"       ? ": the text tells it as a part of another figure"
                               : relation == "earlier"  ? ": the text tells it as an earlier word, since revised"
                               : relation == "addition" ? ": the text adds it to another figure"
                                                        : nullptr;
            if (told) d.reason += told;
            const auto key = std::make_pair(static_cast<int>(e.f->c->outcome), e.f->c->category);
            for (std::size_t gi = 0; gi < groups.size() && !told; ++gi) {
                if (keys[gi] != key) continue;
                for (const auto* rep : groups[gi].independent) {
                    const auto& o1 = rep->f->origin.empty() ? rep->f->c->source : rep->f->origin;
                    const auto& o2 = e.f->origin.empty() ? e.f->c->source : e.f->origin;
                    if (rep != &e && o1 == o2) {
                        d.reason = "counted once with " + rep->f->c->id + " (both from " + origin_words(o1) + ")";
                    }
                }
            }
        }
        result.decisions.push_back(std::move(d));
    }
    return result;
}

std::vector<finding> compiled_ruleset::series_findings(const std::vector<claim_facts>& series) const {
    std::vector<finding> out;
    std::vector<eclaim> ec(series.size());
    group g;
    for (std::size_t i = 0; i < series.size(); ++i) {
        ec[i].f = &series[i];
        fill_interval(ec[i]);
        fill_weight(ec[i]);
        if (const auto* d = decision_for(*series[i].c); d && d->action == "exclude") continue;
        g.all.push_back(&ec[i]);
    }
    make_independent(g);
    env en;
    en.c = m_c.get();
    en.findings = &out;
    for (const auto* st : m_c->findings) {
        if (!st->in_series || g.all.empty()) continue;
        run_finding(*st, en, g, out);
    }
    return out;
}

}  // namespace

std::shared_ptr<const ruleset> make_ruleset(std::shared_ptr<const compiled> c) {
    return std::make_shared<compiled_ruleset>(std::move(c));
}

const compiled* compiled_of(const ruleset& r) {
    const auto* c = dynamic_cast<const compiled_ruleset*>(&r);
    return c ? &c->data() : nullptr;
}

bool scored_levels(const ruleset& r, std::size_t rule, const claim_facts& a, const claim_facts& b, bool unconditional,
                   std::vector<int>& levels) {
    const auto* c = dynamic_cast<const compiled_ruleset*>(&r);
    return c && c->levels(rule, a, b, unconditional, levels);
}

std::vector<const ast::statement*> scored_rules(const compiled& c) {
    std::vector<const ast::statement*> out;
    for (const auto* st : c.match)
        if (!st->scores.empty()) out.push_back(st);
    return out;
}

double lead_cosine(const text_evidence& a, const text_evidence& b) {
    double dot = 0;
    auto i = a.lead.begin(), j = b.lead.begin();
    while (i != a.lead.end() && j != b.lead.end()) {
        if (i->first < j->first) ++i;
        else if (j->first < i->first) ++j;
        else dot += static_cast<double>(i++->second) * static_cast<double>(j++->second);
    }
    return dot;
}

double shared_name_weight(const text_evidence& a, const text_evidence& b, const std::vector<std::uint32_t>* except_a,
                          const std::vector<std::uint32_t>* except_b) {
    const auto excepted = [](const std::vector<std::uint32_t>* list, std::uint32_t id) {
        return list && std::binary_search(list->begin(), list->end(), id);
    };
    double sum = 0;
    auto i = a.names.begin(), j = b.names.begin();
    while (i != a.names.end() && j != b.names.end()) {
        if (i->first < j->first) ++i;
        else if (j->first < i->first) ++j;
        else {
            if (!excepted(except_a, i->first) && !excepted(except_b, i->first)) sum += static_cast<double>(i->second);
            ++i;
            ++j;
        }
    }
    return sum;
}

// A vague word ("dozens") or a range counts a group as surely as a numeral does; a name, a
// pronoun, "a man", "a fourth victim" or "murder-suicide" tells of one person at a time.
bool written_as_count(const claim& c) {
    return c.qualifier == qualifier::vague || c.qualifier == qualifier::range || written_value(c.value_text).has_value();
}

std::optional<std::int64_t> written_value(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    if (std::isdigit(static_cast<unsigned char>(text.front()))) {
        std::int64_t v = 0;
        for (char ch : text) {
            if (ch == ',') continue;
            if (!std::isdigit(static_cast<unsigned char>(ch))) return std::nullopt;
            v = v * 10 + (ch - '0');
            if (v > 1'000'000'000'000LL) return std::nullopt;
        }
        return v;
    }
    static const char* const units[] = {"zero",    "one",     "two",       "three",    "four",
                                        "five",    "six",     "seven",     "eight",    "nine",
                                        "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static const char* const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    std::int64_t total = 0, current = 0;
    bool any = false;
    std::string word;
    const auto flush = [&]() -> bool {
        if (word.empty() || word == "and" || word == "a") {
            word.clear();
            return true;
        }
        bool ok = false;
        for (int i = 0; i < 20; ++i) {
            if (word == units[i]) {
                current += i;
                ok = true;
            }
        }
        for (int i = 0; i < 8; ++i) {
            if (word == tens[i]) {
                current += 20 + 10 * i;
                ok = true;
            }
        }
        if (word == "hundred") {
            current = (current == 0 ? 1 : current) * 100;
            ok = true;
        } else if (word == "thousand" || word == "million") {
            total += (current == 0 ? 1 : current) * (word == "thousand" ? 1000 : 1000000);
            current = 0;
            ok = true;
        } else if (word == "dozen") {
            current = (current == 0 ? 1 : current) * 12;
            ok = true;
        }
        word.clear();
        any = any || ok;
        return ok;
    };
    for (char ch : text) {
        if (std::isalpha(static_cast<unsigned char>(ch))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        } else if (ch == ' ' || ch == '-') {
            if (!flush()) return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    if (!flush() || !any) return std::nullopt;
    return total + current;
}

}  // namespace reckon::rules
