// The checker: resolves every name, field and function of a parsed ruleset, gives
// every expression a type, and reports what cannot work (unknown names with "did you
// mean", type mismatches, unknown source kinds, duplicate rules, rules that can never
// fire) plus named warnings for suspicious rules. It checks every statement, so one
// run reports all problems. The checked statements are sorted into a `compiled` set.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>

#include "rules/check.hpp"

namespace reckon::rules {

op op_of(const std::string& t) {
    if (t == "and") return op::and_;
    if (t == "or") return op::or_;
    if (t == "+") return op::add;
    if (t == "-") return op::sub;
    if (t == "*") return op::mul;
    if (t == "/") return op::div;
    if (t == "==") return op::eq;
    if (t == "!=") return op::ne;
    if (t == "<") return op::lt;
    if (t == "<=") return op::le;
    if (t == ">") return op::gt;
    if (t == ">=") return op::ge;
    return op::not_;
}

rule_ref ref_of(const ast::statement& s) {
    rule_ref r;
    r.name = s.name;
    r.file = s.file;
    r.line = s.pos.line;
    return r;
}

namespace {

struct field_info {
    const char* name;
    field id;
    value_type type;
};

const field_info field_table[] = {
    {"id", field::id, t_string},
    {"article", field::article, t_string},
    {"kind", field::kind, t_string},
    {"outcome", field::outcome, t_string},
    {"category", field::category, t_string},
    {"side", field::side, t_string},
    {"value", field::value, t_number},
    {"low", field::low, t_number},
    {"high", field::high, t_number},
    {"best", field::best, t_number},
    {"interval", field::interval, t_interval},
    {"qualifier", field::qualifier, t_string},
    {"qualifier_text", field::qualifier_text, t_string},
    {"vague", field::vague, t_string},
    {"text", field::text, t_string},
    {"parent", field::parent, t_string},
    {"source", field::source, t_string},
    {"source_text", field::source_text, t_string},
    {"relay", field::relay, t_string},
    {"relay_count", field::relay_count, t_number},
    {"origin", field::origin, t_string},
    {"outlet", field::outlet, t_string},
    {"copied", field::copied, t_bool},
    {"weight", field::weight, t_number},
    {"published", field::published, t_date},
    {"event_date", field::event_date, t_date},
    {"place", field::place, t_string},
    {"place_key", field::place_key, t_string},
    {"governorate", field::governorate, t_string},
    {"actor", field::actor, t_string},
    {"attack", field::attack, t_string},
    {"scope", field::scope, t_string},
    {"country", field::country, t_string},
    {"figure", field::figure, t_string},
    {"credit", field::credit, t_string},
    {"relation", field::relation, t_string},
    {"period", field::period, t_string},
    {"group", field::group, t_string},
    {"event", field::event, t_number},
    {"lead", field::lead, t_bool},
    {"localities", field::localities, t_string},
    {"day_named", field::day_named, t_bool},
    {"counted", field::counted, t_bool},
};

const field_info* find_field(const std::string& name) {
    for (const auto& f : field_table) {
        if (name == f.name) return &f;
    }
    return nullptr;
}

std::vector<std::string> field_names() {
    std::vector<std::string> out;
    for (const auto& f : field_table) out.emplace_back(f.name);
    return out;
}

struct function_info {
    const char* name;
    function id;
    bool aggregate;  // takes `X of claims` or `claims`
};

const function_info function_table[] = {
    {"count", function::count, true},
    {"count_distinct", function::count_distinct, true},
    {"min", function::min, true},
    {"max", function::max, true},
    {"sum", function::sum, true},
    {"mean", function::mean, true},
    {"median", function::median, true},
    {"weighted_median", function::weighted_median, true},
    {"latest", function::latest, true},
    {"earliest", function::earliest, true},
    {"intersection", function::intersection, true},
    {"abs", function::abs, false},
    {"round", function::round, false},
    {"floor", function::floor, false},
    {"ceil", function::ceil, false},
    {"days_between", function::days_between, false},
    {"week", function::week, false},
    {"month", function::month, false},
    {"year", function::year, false},
    {"known", function::known, false},
    {"precision", function::precision, false},
    {"disjoint", function::disjoint, false},
    {"overlaps", function::overlaps, false},
    {"contains", function::contains, false},
    {"width", function::width, false},
    {"same_place", function::same_place, false},
    {"within", function::within, false},
    {"compatible", function::compatible, false},
    {"part_of", function::part_of, false},
    {"has_finding", function::has_finding, false},
    {"days", function::days, false},
    {"exact_days", function::exact_days, false},
    {"places", function::places, false},
    {"place_level", function::place_level, false},
    {"figures", function::figures, false},
    {"shared_names", function::shared_names, false},
    {"lead_similarity", function::lead_similarity, false},
    {"copied_between", function::copied_between, false},
    {"names", function::names, false},
    {"lead_words", function::lead_words, false},
    {"same_scope", function::same_scope, false},
    {"same_locality", function::same_locality, false},
    {"locality_within", function::locality_within, false},
    {"tells_figure", function::tells_figure, false},
    {"same_span", function::same_span, false},
    {"same_side", function::same_side, false},
};

std::string type_name(int t) {
    switch (t) {
    case t_number: return "a number";
    case t_bool: return "a condition (true or false)";
    case t_string: return "a text";
    case t_date: return "a date";
    case t_interval: return "an interval";
    case t_claim: return "a claim";
    case t_set: return "a set of claims";
    default: return "nothing";
    }
}

constexpr int max_slots = 16;
// Nested loops over claims (quantifier variables plus aggregates) per expression: each
// multiplies the work by the incident's size, so four keeps an incident of 50 claims
// under ten million steps.
constexpr int max_loops = 4;

struct scope {
    std::vector<std::pair<std::string, int>> vars;  // claim variables and their slots
    int implicit = -1;                              // slot whose fields are visible bare
    bool qualifier_vars = false;                    // v, low, high
    bool weight_var = false;                        // weight (trust rules)
    bool group = false;                             // aggregates and quantifiers allowed
    bool findings = false;                          // has_finding allowed
    bool blocking = false;                          // a blocking key: days() and places() allowed
    int next_slot = 0;
    int loops = 0;                                  // nested loops over claims so far
    std::map<std::string, int>* uses = nullptr;     // variable use counts (unused-variable)
};

class checker {
public:
    checker(compiled& out, diagnostics& diags, const std::map<std::string, const ast::file*>& texts,
            const std::set<std::string>& kinds)
        : m_out(out), m_diags(diags), m_texts(texts), m_kinds(kinds) {}

    void run(std::vector<ast::statement*>& all);

private:
    compiled& m_out;
    diagnostics& m_diags;
    const std::map<std::string, const ast::file*>& m_texts;
    const std::set<std::string>& m_kinds;
    const ast::statement* m_stmt = nullptr;
    std::set<std::string> m_finding_kinds;
    std::set<std::string> m_categories{"people", "civilians", "children", "women", "men", "fighters",
                                        "soldiers", "militants", "bodies", "family"};

    std::string line_text(const std::string& file, std::size_t byte) const {
        const auto it = m_texts.find(file);
        if (it == m_texts.end()) return {};
        return std::string(position_of(it->second->text, byte).line_text);
    }

    diagnostic make(severity level, const ast::position& p, std::string message, std::string hint) const {
        diagnostic d;
        d.level = level;
        d.file = m_stmt ? m_stmt->file : std::string();
        d.line = p.line;
        d.column = p.column;
        d.length = std::max<std::size_t>(p.length, 1);
        d.message = std::move(message);
        d.hint = std::move(hint);
        d.source_line = line_text(d.file, p.byte);
        return d;
    }
    void error(const ast::position& p, std::string message, std::string hint = {}) {
        m_diags.add(make(severity::error, p, std::move(message), std::move(hint)));
    }
    void warning(const std::string& name, const ast::position& p, std::string message, std::string hint = {}) {
        auto d = make(severity::warning, p, std::move(message), std::move(hint));
        d.name = name;
        m_diags.add(std::move(d));
    }
    static std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
        const auto m = closest_match(word, candidates);
        return m.empty() ? std::string() : "did you mean '" + m + "'?";
    }

    int expect(ast::expr& e, scope& s, int want, const char* what) {
        const int t = check(e, s);
        if (t != t_unknown && want != t_unknown && t != want) {
            error(e.pos, std::string(what) + " must be " + type_name(want) + ", got " + type_name(t));
        }
        return t;
    }

    int check(ast::expr& e, scope& s);
    int check_name(ast::expr& e, scope& s);
    int check_field(ast::expr& e, scope& s);
    int check_call(ast::expr& e, scope& s);
    int check_set(ast::expr& e, scope& s, int slot);
    int check_binary(ast::expr& e, scope& s);
    void check_literal_against_field(const ast::expr& f, const ast::expr& lit);

    void check_statement(ast::statement& st);
    void check_condition(ast::statement& st, ast::expr& cond, scope& s);
    void check_pattern(ast::statement& st);
    void check_scores(ast::statement& st, scope& s);
    void note_at(diagnostic& d, const ast::position& p, std::size_t length, std::string message) const {
        diagnostic n;
        n.level = severity::note;
        n.file = d.file;
        n.line = p.line;
        n.column = p.column;
        n.length = length;
        n.message = std::move(message);
        n.source_line = line_text(d.file, p.byte);
        d.notes.push_back(std::move(n));
    }
    void check_test(ast::statement& st);
    void never_fires(ast::statement& st, const ast::expr& cond);
};

int checker::check_name(ast::expr& e, scope& s) {
    for (auto it = s.vars.rbegin(); it != s.vars.rend(); ++it) {
        if (it->first == e.text) {
            e.ref = static_cast<int>(name_kind::claim_var);
            e.slot = it->second;
            if (s.uses) ++(*s.uses)[e.text];
            return e.type = t_claim;
        }
    }
    if (s.qualifier_vars && (e.text == "v" || e.text == "low" || e.text == "high")) {
        e.ref = static_cast<int>(name_kind::number_var);
        e.slot = e.text == "v" ? nv_v : e.text == "low" ? nv_low : nv_high;
        return e.type = t_number;
    }
    if (s.weight_var && e.text == "weight") {
        e.ref = static_cast<int>(name_kind::number_var);
        e.slot = nv_weight;
        return e.type = t_number;
    }
    if (s.implicit >= 0) {
        if (const auto* f = find_field(e.text)) {
            e.ref = static_cast<int>(name_kind::implicit_field);
            e.number = static_cast<double>(f->id);
            e.slot = s.implicit;
            return e.type = f->type;
        }
    }
    std::vector<std::string> candidates;
    for (const auto& v : s.vars) candidates.push_back(v.first);
    if (s.qualifier_vars) candidates.insert(candidates.end(), {"v", "low", "high"});
    if (s.weight_var) candidates.push_back("weight");
    if (s.implicit >= 0) {
        const auto f = field_names();
        candidates.insert(candidates.end(), f.begin(), f.end());
    }
    std::string hint = did_you_mean(e.text, candidates);
    if (hint.empty()) {
        if (s.vars.empty() && s.implicit < 0 && !s.qualifier_vars) {
            hint = "claims are reached through aggregates (max(low of claims)) or quantifiers (any a in claims: ...)";
        } else if (!s.vars.empty()) {
            hint = "claim fields are written with their variable, as in " + s.vars.front().first + ".source";
        }
    }
    error(e.pos, "unknown name '" + e.text + "'", hint);
    return e.type = t_unknown;
}

int checker::check_field(ast::expr& e, scope& s) {
    ast::expr& base = *e.args.front();
    const int bt = check(base, s);
    if (bt == t_unknown) return e.type = t_unknown;
    const bool base_is_source =
        (base.kind == ast::expr_kind::field && base.ref == static_cast<int>(field::source)) ||
        (base.kind == ast::expr_kind::name && base.ref == static_cast<int>(name_kind::implicit_field) &&
         static_cast<field>(static_cast<int>(base.number)) == field::source);
    if (base_is_source) {
        e.slot = base.slot;
        e.ref = static_cast<int>(e.text == "kind" ? field::source_kind
                                 : e.text == "name" ? field::source_name
                                                    : field::source_field);
        return e.type = t_string;
    }
    if (bt == t_claim) {
        const auto* f = find_field(e.text);
        if (f == nullptr) {
            error(e.pos, "unknown field '" + e.text + "' of a claim", did_you_mean(e.text, field_names()));
            return e.type = t_unknown;
        }
        e.ref = static_cast<int>(f->id);
        e.slot = base.slot;
        return e.type = f->type;
    }
    if (bt == t_interval) {
        if (e.text == "low" || e.text == "high") {
            e.ref = e.text == "low" ? -2 : -3;
            return e.type = t_number;
        }
        error(e.pos, "unknown field '" + e.text + "' of an interval", "an interval has 'low' and 'high'");
        return e.type = t_unknown;
    }
    error(e.pos, "'" + e.text + "' is not a field of " + type_name(bt), "only claims, sources and intervals have fields");
    return e.type = t_unknown;
}

int checker::check_set(ast::expr& e, scope& s, int slot) {
    e.slot = slot;
    e.ref = e.text == "independent" ? 1 : 0;
    if (!e.args.empty()) {
        scope inner = s;
        inner.implicit = slot;
        inner.next_slot = std::max(s.next_slot, slot + 1);
        expect(*e.args.front(), inner, t_bool, "the condition after 'where'");
    }
    return e.type = t_set;
}

void checker::check_literal_against_field(const ast::expr& f, const ast::expr& lit) {
    if (lit.kind != ast::expr_kind::string) return;
    const bool is_field = f.kind == ast::expr_kind::field ||
                          (f.kind == ast::expr_kind::name && f.ref == static_cast<int>(name_kind::implicit_field));
    if (!is_field) return;
    const auto id = static_cast<field>(f.kind == ast::expr_kind::field ? f.ref : static_cast<int>(f.number));
    if (id == field::source || id == field::relay || id == field::origin || id == field::outlet) {
        static const char* const names[] = {"source", "relay", "origin", "outlet"};
        const std::size_t which = id == field::source ? 0 : id == field::relay ? 1 : id == field::origin ? 2 : 3;
        named_value v;
        v.field = names[which];
        v.text = lit.text;
        v.file = m_stmt ? m_stmt->file : std::string();
        v.line = lit.pos.line;
        v.column = lit.pos.column;
        v.length = std::max<std::size_t>(lit.pos.length, 1);
        v.source_line = line_text(v.file, lit.pos.byte);
        m_out.named_sources.push_back(std::move(v));
    } else if (id == field::source_kind) {
        if (m_kinds.count(lit.text) == 0) {
            std::vector<std::string> known(m_kinds.begin(), m_kinds.end());
            std::string hint = did_you_mean(lit.text, known);
            if (hint.empty()) {
                std::string list;
                for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
                hint = "known source kinds: " + list;
            }
            error(lit.pos, "unknown source kind '" + lit.text + "'", hint);
        }
    } else if (id == field::outcome) {
        static const std::vector<std::string> outcomes{"killed", "injured", "missing"};
        if (std::find(outcomes.begin(), outcomes.end(), lit.text) == outcomes.end()) {
            error(lit.pos, "unknown outcome '" + lit.text + "'", did_you_mean(lit.text, outcomes).empty()
                                                                     ? "outcomes are killed, injured and missing"
                                                                     : did_you_mean(lit.text, outcomes));
        }
    } else if (id == field::qualifier) {
        static const std::vector<std::string> qs{"exact", "at_least", "more_than", "about", "up_to", "range", "vague"};
        if (std::find(qs.begin(), qs.end(), lit.text) == qs.end()) {
            error(lit.pos, "unknown qualifier '" + lit.text + "'", did_you_mean(lit.text, qs));
        }
    } else if (id == field::category) {
        if (m_categories.count(lit.text) == 0) {
            std::vector<std::string> known(m_categories.begin(), m_categories.end());
            warning("unknown-category", lit.pos, "category '" + lit.text + "' is not declared",
                    did_you_mean(lit.text, known).empty() ? "declare it with: category " + lit.text + " within people"
                                                          : did_you_mean(lit.text, known));
        }
    }
}

int checker::check_binary(ast::expr& e, scope& s) {
    ast::expr& l = *e.args[0];
    ast::expr& r = *e.args[1];
    const std::string& op = e.text;
    e.ref = static_cast<int>(op_of(op));
    if (op == "and" || op == "or") {
        expect(l, s, t_bool, ("the left side of '" + op + "'").c_str());
        expect(r, s, t_bool, ("the right side of '" + op + "'").c_str());
        return e.type = t_bool;
    }
    if (op == "+" || op == "-" || op == "*" || op == "/") {
        expect(l, s, t_number, ("the left side of '" + op + "'").c_str());
        expect(r, s, t_number, ("the right side of '" + op + "'").c_str());
        return e.type = t_number;
    }
    const int lt = check(l, s);
    const int rt = check(r, s);
    if (lt == t_unknown || rt == t_unknown) return e.type = t_bool;
    if (lt != rt) {
        error(e.pos, "cannot compare " + type_name(lt) + " with " + type_name(rt),
              lt == t_claim || rt == t_claim ? "compare a field of the claim, as in a.source == b.source" : "");
        return e.type = t_bool;
    }
    if (op != "==" && op != "!=" && lt != t_number && lt != t_date) {
        error(e.pos, "'" + op + "' needs numbers or dates, got " + type_name(lt));
    }
    if (lt == t_claim || lt == t_interval) {
        error(e.pos, std::string(lt == t_claim ? "claims" : "intervals") + " cannot be compared with '" + op + "'",
              lt == t_interval ? "use disjoint(x, y) or overlaps(x, y)" : "compare their ids: a.id == b.id");
    }
    check_literal_against_field(l, r);
    check_literal_against_field(r, l);
    return e.type = t_bool;
}

int checker::check_call(ast::expr& e, scope& s) {
    const function_info* fn = nullptr;
    for (const auto& f : function_table) {
        if (e.text == f.name) fn = &f;
    }
    if (fn == nullptr) {
        std::vector<std::string> names;
        for (const auto& f : function_table) names.emplace_back(f.name);
        error(e.pos, "unknown function '" + e.text + "'", did_you_mean(e.text, names));
        return e.type = t_unknown;
    }
    e.ref = static_cast<int>(fn->id);
    const auto argc = e.args.size();
    const auto kind_of = [&](std::size_t i) { return e.args[i]->kind; };
    const bool aggregate_form = argc >= 1 && (kind_of(0) == ast::expr_kind::of || kind_of(0) == ast::expr_kind::set);
    if (fn->aggregate && (aggregate_form || (fn->id != function::min && fn->id != function::max))) {
        if (!s.group) {
            error(e.pos, "'" + e.text + "' needs a group of claims",
                  "aggregates can be used in reconcile, finding and grade rules");
            return e.type = t_unknown;
        }
        if (!aggregate_form) {
            error(e.pos, "'" + e.text + "' expects 'X of claims'" +
                             std::string(fn->id == function::count ? " or 'claims'" : ""),
                  "for example: " + e.text + "(best of independent claims)");
            return e.type = t_unknown;
        }
        if (s.next_slot >= max_slots) {
            error(e.pos, "too many nested aggregates and quantifiers (the limit is " + std::to_string(max_slots) + ")");
            return e.type = t_unknown;
        }
        if (s.loops + 1 > max_loops) {
            error(e.pos, "too many nested loops over claims (the limit is " + std::to_string(max_loops) + ")",
                  "each aggregate or quantifier variable inside another multiplies the work by the number of claims");
            return e.type = t_unknown;
        }
        const int slot = s.next_slot;
        scope inner = s;
        inner.next_slot = slot + 1;
        inner.loops = s.loops + 1;
        ast::expr& a0 = *e.args[0];
        int elem = t_unknown;
        if (a0.kind == ast::expr_kind::set) {
            check_set(a0, inner, slot);
            if (fn->id != function::count) {
                error(a0.pos, "'" + e.text + "' needs a value to aggregate",
                      "write " + e.text + "(best of " + (a0.text == "independent" ? "independent claims" : "claims") + ")");
            }
            a0.type = t_set;
        } else {
            a0.slot = slot;
            check_set(*a0.args[1], inner, slot);
            scope elem_scope = inner;
            elem_scope.implicit = slot;
            elem = check(*a0.args[0], elem_scope);
            a0.type = elem;
        }
        e.slot = slot;
        const bool weighted = fn->id == function::weighted_median;
        if (weighted) {
            if (argc != 2 || kind_of(1) != ast::expr_kind::by) {
                error(e.pos, "'weighted_median' expects 'X of claims, by W'", "for example: weighted_median(best of independent claims, by weight)");
                return e.type = t_unknown;
            }
            scope elem_scope = inner;
            elem_scope.implicit = slot;
            expect(*e.args[1]->args[0], elem_scope, t_number, "the weight after 'by'");
        } else if (argc != 1) {
            error(e.args[1]->pos, "'" + e.text + "' takes one argument here");
        }
        switch (fn->id) {
        case function::count:
        case function::count_distinct: return e.type = t_number;
        case function::latest:
        case function::earliest: return e.type = elem;
        case function::intersection:
            if (elem != t_unknown && elem != t_interval) {
                error(a0.pos, "'intersection' needs intervals, got " + type_name(elem), "write intersection(interval of claims)");
            }
            return e.type = t_interval;
        default:
            if (elem != t_unknown && elem != t_number) {
                error(a0.pos, "'" + e.text + "' needs numbers, got " + type_name(elem));
            }
            return e.type = t_number;
        }
    }
    // Plain functions.
    struct sig {
        function id;
        std::vector<int> args;
        int result;
    };
    static const std::vector<sig> sigs{
        {function::min, {t_number, t_number}, t_number},
        {function::max, {t_number, t_number}, t_number},
        {function::abs, {t_number}, t_number},
        {function::round, {t_number}, t_number},
        {function::floor, {t_number}, t_number},
        {function::ceil, {t_number}, t_number},
        {function::days_between, {t_date, t_date}, t_number},
        {function::week, {t_date}, t_string},
        {function::month, {t_date}, t_string},
        {function::year, {t_date}, t_number},
        {function::known, {t_date}, t_bool},
        {function::precision, {t_date}, t_string},
        {function::disjoint, {t_interval, t_interval}, t_bool},
        {function::overlaps, {t_interval, t_interval}, t_bool},
        {function::contains, {t_interval, t_number}, t_bool},
        {function::width, {t_interval}, t_number},
        {function::same_place, {t_claim, t_claim}, t_bool},
        {function::same_scope, {t_claim, t_claim}, t_bool},
        {function::same_locality, {t_claim, t_claim}, t_bool},
        {function::locality_within, {t_claim, t_claim}, t_bool},
        {function::tells_figure, {t_claim, t_claim}, t_bool},
        {function::same_span, {t_claim, t_claim}, t_bool},
        {function::same_side, {t_claim, t_claim}, t_bool},
        {function::within, {t_claim, t_claim}, t_bool},
        {function::compatible, {t_string, t_string}, t_bool},
        {function::part_of, {t_string, t_string}, t_bool},
        {function::has_finding, {t_string}, t_bool},
        {function::days, {t_date, t_number}, t_string},
        {function::exact_days, {t_date, t_number}, t_string},
        {function::places, {t_string}, t_string},
        {function::place_level, {t_claim, t_claim}, t_string},
        {function::figures, {t_claim, t_claim}, t_string},
        {function::shared_names, {t_claim, t_claim}, t_number},
        {function::lead_similarity, {t_claim, t_claim}, t_number},
        {function::copied_between, {t_claim, t_claim}, t_bool},
        {function::names, {}, t_string},
        {function::lead_words, {}, t_string},
    };
    const sig* sg = nullptr;
    for (const auto& g : sigs) {
        if (g.id == fn->id) sg = &g;
    }
    if (sg->args.size() != argc) {
        error(e.pos, "'" + e.text + "' takes " + std::to_string(sg->args.size()) + " argument" +
                         (sg->args.size() == 1 ? "" : "s") + ", got " + std::to_string(argc));
        return e.type = sg->result;
    }
    for (std::size_t i = 0; i < argc; ++i) {
        ast::expr& a = *e.args[i];
        if (a.kind == ast::expr_kind::set || a.kind == ast::expr_kind::of || a.kind == ast::expr_kind::by) {
            error(a.pos, "'" + e.text + "' does not take a set of claims");
            continue;
        }
        const int t = check(a, s);
        if (t != t_unknown && t != sg->args[i]) {
            error(a.pos, "argument " + std::to_string(i + 1) + " of '" + e.text + "' must be " +
                             type_name(sg->args[i]) + ", got " + type_name(t));
        }
    }
    const bool day_keys = fn->id == function::days || fn->id == function::exact_days;
    if ((day_keys || fn->id == function::places || fn->id == function::names ||
         fn->id == function::lead_words) && !s.blocking) {
        error(e.pos, "'" + e.text + "' gives blocking keys: use it after 'block by'",
              "write block by governorate, days(event_date, 1), places(place_key)");
    }
    if (day_keys && argc == 2) {
        const ast::expr& n = *e.args[1];
        if (n.kind != ast::expr_kind::number || n.number < 0 || n.number > max_days_window ||
            n.number != static_cast<double>(static_cast<int>(n.number))) {
            error(n.pos, "the window of '" + e.text + "' must be a whole number of days from 0 to " + std::to_string(max_days_window),
                  "write days(event_date, 1) to compare dates at most a day apart");
        }
    }
    if (fn->id == function::has_finding) {
        if (!s.findings) {
            error(e.pos, "'has_finding' can only be used in grade and finding rules");
        } else if (e.args[0]->kind == ast::expr_kind::string && m_finding_kinds.count(e.args[0]->text) == 0) {
            std::vector<std::string> kinds(m_finding_kinds.begin(), m_finding_kinds.end());
            error(e.args[0]->pos, "unknown finding kind '" + e.args[0]->text + "'", did_you_mean(e.args[0]->text, kinds));
        }
    }
    if (fn->id == function::part_of) {
        for (const auto& a : e.args) {
            if (a->kind == ast::expr_kind::string && m_categories.count(a->text) == 0) {
                std::vector<std::string> known(m_categories.begin(), m_categories.end());
                warning("unknown-category", a->pos, "category '" + a->text + "' is not declared", did_you_mean(a->text, known));
            }
        }
    }
    return e.type = sg->result;
}

int checker::check(ast::expr& e, scope& s) {
    using k = ast::expr_kind;
    switch (e.kind) {
    case k::number: return e.type = t_number;
    case k::infinity: return e.type = t_number;
    case k::string: return e.type = t_string;
    case k::boolean: return e.type = t_bool;
    case k::date:
        if (!date::parse_iso(e.text)) error(e.pos, "invalid date '" + e.text + "'", "write dates as YYYY-MM-DD");
        return e.type = t_date;
    case k::name: return check_name(e, s);
    case k::field: return check_field(e, s);
    case k::unary:
        e.ref = static_cast<int>(e.text == "not" ? op::not_ : op::neg);
        if (e.text == "not") {
            expect(*e.args[0], s, t_bool, "the operand of 'not'");
            return e.type = t_bool;
        }
        expect(*e.args[0], s, t_number, "the operand of '-'");
        return e.type = t_number;
    case k::binary: return check_binary(e, s);
    case k::call: return check_call(e, s);
    case k::quantifier: {
        if (!s.group) {
            error(e.pos, "'" + e.text + "' needs a group of claims", "quantifiers can be used in finding and grade rules");
            return e.type = t_unknown;
        }
        if (s.next_slot + static_cast<int>(e.vars.size()) + 1 > max_slots) {
            error(e.pos, "too many nested aggregates and quantifiers (the limit is " + std::to_string(max_slots) + ")");
            return e.type = t_unknown;
        }
        e.ref = e.text == "any" ? 1 : 0;
        if (s.loops + static_cast<int>(e.vars.size()) > max_loops) {
            error(e.pos, "too many nested loops over claims (the limit is " + std::to_string(max_loops) + ")",
                  "each aggregate or quantifier variable inside another multiplies the work by the number of claims");
            return e.type = t_unknown;
        }
        scope inner = s;
        const int set_slot = s.next_slot;
        inner.next_slot = set_slot + 1;
        inner.loops = s.loops + 1;
        check_set(*e.args[0], inner, set_slot);
        inner.loops = s.loops + static_cast<int>(e.vars.size());
        std::map<std::string, int> uses;
        inner.uses = &uses;
        e.slot = inner.next_slot;
        for (const auto& v : e.vars) {
            if (std::any_of(inner.vars.begin(), inner.vars.end(), [&](const auto& p) { return p.first == v; })) {
                error(e.pos, "variable '" + v + "' is already bound here", "use another name");
            }
            inner.vars.emplace_back(v, inner.next_slot++);
        }
        const std::size_t errors_before = m_diags.errors();
        expect(*e.args[1], inner, t_bool, ("the condition after '" + e.text + " ...:'").c_str());
        const bool body_ok = m_diags.errors() == errors_before;
        // `any a, b in S: a.F == b.F and ...` only needs pairs that share F: mark the
        // quantifier so the evaluator pairs claims within groups of equal F.
        e.number = 0;
        if (e.text == "any" && e.vars.size() == 2) {
            const ast::expr* first = e.args[1].get();
            while (first->kind == ast::expr_kind::binary && first->ref == static_cast<int>(op::and_)) {
                first = first->args[0].get();
            }
            if (first->kind == ast::expr_kind::binary && first->ref == static_cast<int>(op::eq)) {
                const ast::expr& l = *first->args[0];
                const ast::expr& r = *first->args[1];
                const bool fields = l.kind == ast::expr_kind::field && r.kind == ast::expr_kind::field &&
                                    l.ref == r.ref && l.type == t_string && l.ref >= 0 &&
                                    l.ref != static_cast<int>(field::source_field);
                const int s0 = e.slot, s1 = e.slot + 1;
                if (fields && ((l.slot == s0 && r.slot == s1) || (l.slot == s1 && r.slot == s0))) {
                    e.number = l.ref + 1;
                }
            }
        }
        for (const auto& v : e.vars) {
            if (body_ok && uses[v] == 0) {
                warning("unused-variable", e.pos, "variable '" + v + "' is not used in the condition",
                        "remove it, or the condition compares fewer claims than it seems");
            }
        }
        if (s.uses) {
            for (const auto& [name, n] : uses) (*s.uses)[name] += n;
        }
        return e.type = t_bool;
    }
    case k::set:
        error(e.pos, "a set of claims cannot be used here",
              "sets are read by aggregates, as in count(claims), or by quantifiers, as in any a in claims: ...");
        return e.type = t_unknown;
    case k::of:
    case k::by: error(e.pos, "'of' and 'by' can only be used inside an aggregate"); return e.type = t_unknown;
    case k::interval:
        expect(*e.args[0], s, t_number, "the lower bound");
        expect(*e.args[1], s, t_number, "the upper bound");
        return e.type = t_interval;
    }
    return e.type = t_unknown;
}

// Constant value of a condition, when it has one.
std::optional<bool> constant_of(const ast::expr& e) {
    using k = ast::expr_kind;
    if (e.kind == k::boolean) return e.number != 0;
    if (e.kind == k::unary && e.text == "not") {
        const auto v = constant_of(*e.args[0]);
        if (v) return !*v;
        return std::nullopt;
    }
    if (e.kind == k::binary && (e.text == "and" || e.text == "or")) {
        const auto l = constant_of(*e.args[0]);
        const auto r = constant_of(*e.args[1]);
        if (e.text == "and") {
            if ((l && !*l) || (r && !*r)) return false;
            if (l && r) return true;
        } else {
            if ((l && *l) || (r && *r)) return true;
            if (l && r) return false;
        }
        return std::nullopt;
    }
    if (e.kind == k::binary && e.args[0]->kind == k::number && e.args[1]->kind == k::number) {
        const double a = e.args[0]->number, b = e.args[1]->number;
        if (e.text == "==") return a == b;
        if (e.text == "!=") return a != b;
        if (e.text == "<") return a < b;
        if (e.text == "<=") return a <= b;
        if (e.text == ">") return a > b;
        if (e.text == ">=") return a >= b;
    }
    return std::nullopt;
}

// Equalities `field == "text"` of one AND chain.
void equalities(const ast::expr& e, std::vector<const ast::expr*>& out) {
    if (e.kind == ast::expr_kind::binary && e.text == "and") {
        equalities(*e.args[0], out);
        equalities(*e.args[1], out);
    } else if (e.kind == ast::expr_kind::binary && e.text == "==") {
        out.push_back(&e);
    }
}

std::string field_key(const ast::expr& f) {
    if (f.kind == ast::expr_kind::field) return std::to_string(f.slot) + ":" + std::to_string(f.ref) + ":" + f.text;
    if (f.kind == ast::expr_kind::name && f.ref == static_cast<int>(name_kind::implicit_field)) {
        return std::to_string(f.slot) + ":" + std::to_string(static_cast<int>(f.number)) + ":";
    }
    return {};
}

void checker::never_fires(ast::statement& st, const ast::expr& cond) {
    const auto c = constant_of(cond);
    if (c && !*c) {
        error(cond.pos, "rule '" + st.name + "' can never fire: its condition is always false");
        return;
    }
    std::vector<const ast::expr*> eqs;
    equalities(cond, eqs);
    std::map<std::string, const ast::expr*> seen;
    for (const auto* eq : eqs) {
        const ast::expr* f = eq->args[0].get();
        const ast::expr* lit = eq->args[1].get();
        if (f->kind == ast::expr_kind::string) std::swap(f, lit);
        if (lit->kind != ast::expr_kind::string) continue;
        const std::string key = field_key(*f);
        if (key.empty()) continue;
        const auto it = seen.find(key);
        if (it != seen.end() && it->second->text != lit->text) {
            error(lit->pos, "rule '" + st.name + "' can never fire: a field cannot be both '" + it->second->text +
                                "' and '" + lit->text + "'",
                  "use 'or' to accept either value");
            return;
        }
        seen.emplace(key, lit);
    }
}

void checker::check_condition(ast::statement& st, ast::expr& cond, scope& s) {
    const int t = check(cond, s);
    if (t != t_unknown && t != t_bool) {
        error(cond.pos, "the condition of rule '" + st.name + "' must be " + type_name(t_bool) + ", got " + type_name(t));
        return;
    }
    never_fires(st, cond);
}

// The comparisons of a scored match: names once each, levels once each per comparison,
// boolean level conditions, nothing after `otherwise`.
void checker::check_scores(ast::statement& st, scope& s) {
    for (std::size_t i = 0; i < st.scores.size(); ++i) {
        auto& cmp = st.scores[i];
        for (std::size_t j = 0; j < i; ++j) {
            if (st.scores[j].name != cmp.name) continue;
            auto d = make(severity::error, cmp.pos, "comparison '" + cmp.name + "' is scored twice in match rule '" + st.name + "'",
                          "merge the levels into one 'score " + cmp.name + ":'");
            note_at(d, st.scores[j].pos, cmp.name.size(), "the first 'score " + cmp.name + "' is here");
            m_diags.add(std::move(d));
            break;
        }
        const ast::score_level* otherwise = nullptr;
        for (std::size_t l = 0; l < cmp.levels.size(); ++l) {
            auto& level = cmp.levels[l];
            for (std::size_t k = 0; k < l; ++k) {
                if (cmp.levels[k].name != level.name) continue;
                auto d = make(severity::error, level.pos, "level '" + level.name + "' appears twice in comparison '" + cmp.name + "'",
                              "give each level its own name: reckon train estimates one weight per level");
                note_at(d, cmp.levels[k].pos, level.name.size(), "the first '" + level.name + "' is here");
                m_diags.add(std::move(d));
                break;
            }
            if (otherwise) {
                auto d = make(severity::error, level.pos,
                              "level '" + level.name + "' can never be reached: '" + otherwise->name + "' above it says 'otherwise'",
                              "move the 'otherwise' level to the end of comparison '" + cmp.name + "'");
                note_at(d, otherwise->pos, otherwise->name.size(), "'" + otherwise->name + "' is here");
                m_diags.add(std::move(d));
            }
            if (!level.condition) {
                if (!otherwise) otherwise = &level;
                continue;
            }
            const int t = check(*level.condition, s);
            if (t != t_unknown && t != t_bool) {
                error(level.condition->pos, "the condition of level '" + level.name + "' must be " + type_name(t_bool) +
                                                ", got " + type_name(t),
                      "compare it, as in place_level(a, b) == \"same\"");
            }
        }
    }
}

void checker::check_pattern(ast::statement& st) {
    static const std::vector<std::string> outcomes{"killed", "injured", "missing", "*"};
    if (std::find(outcomes.begin(), outcomes.end(), st.for_outcome) == outcomes.end()) {
        auto p = st.pattern_pos;
        p.length = st.for_outcome.size();
        error(p, "unknown outcome '" + st.for_outcome + "'; rule '" + st.name + "' can never fire",
              did_you_mean(st.for_outcome, outcomes).empty() ? "outcomes are killed, injured, missing or *"
                                                             : did_you_mean(st.for_outcome, outcomes));
    }
    if (st.for_category != "*" && m_categories.count(st.for_category) == 0) {
        std::vector<std::string> known(m_categories.begin(), m_categories.end());
        auto p = st.pattern_pos;
        p.column += st.for_outcome.size() + 1;
        p.byte += st.for_outcome.size() + 1;
        p.length = st.for_category.size();
        warning("unknown-category", p, "category '" + st.for_category + "' is not declared",
                did_you_mean(st.for_category, known).empty() ? "declare it with: category " + st.for_category + " within people"
                                                             : did_you_mean(st.for_category, known));
    }
}

void checker::check_test(ast::statement& st) {
    static const std::vector<std::string> keys{"source",  "kind",      "origin",    "outlet", "published",
                                               "event_date", "place",   "place_key", "governorate", "actor", "attack",
                                               "relay",   "copied",    "parent",    "text",   "qualifier_text",
                                               "scope",   "side",      "article",   "cumulative", "source_text", "within",
                                               "relation", "period", "group", "event", "localities", "day_named", "copied_from"};
    static const std::vector<std::string> outcomes{"killed", "injured", "missing"};
    static const std::vector<std::string> quals{"exact", "at_least", "more_than", "about", "up_to", "range"};
    std::set<std::string> ids;
    for (auto& c : st.claims) {
        if (!ids.insert(c.id).second) error(c.pos, "claim id '" + c.id + "' is used twice in test '" + st.name + "'");
        if (std::find(outcomes.begin(), outcomes.end(), c.outcome) == outcomes.end()) {
            error(c.pos, "unknown outcome '" + c.outcome + "' in claim '" + c.id + "'", did_you_mean(c.outcome, outcomes));
        }
        const bool is_qual = std::find(quals.begin(), quals.end(), c.qualifier) != quals.end();
        if (!c.qualifier.empty() && !is_qual && m_out.quantities.count(c.qualifier) == 0) {
            std::vector<std::string> words(quals);
            for (const auto& [w, q] : m_out.quantities) words.push_back(w);
            error(c.pos, "unknown qualifier or vague word '" + c.qualifier + "' in claim '" + c.id + "'",
                  did_you_mean(c.qualifier, words));
        }
        if (!c.value && (c.qualifier.empty() || is_qual)) {
            error(c.pos, "claim '" + c.id + "' has no value", "write the figure after the category, as in killed people 38");
        }
        if (c.value2 && c.qualifier != "range") {
            error(c.pos, "claim '" + c.id + "' gives a range; write the qualifier 'range' before it");
        }
        for (std::size_t i = 0; i < c.fields.size(); ++i) {
            const auto& [key, val] = c.fields[i];
            if (key.rfind("field_", 0) == 0) continue;  // a registry field: field_country "UK"
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
                error(c.field_pos[i], "unknown claim field '" + key + "' in test '" + st.name + "'",
                      did_you_mean(key, keys).empty() ? "registry fields are written field_NAME" : did_you_mean(key, keys));
            }
            if ((key == "published" || key == "event_date") && !date::parse_iso(val)) {
                error(c.field_pos[i], "invalid date '" + val + "' for " + key, "write dates as YYYY-MM-DD, YYYY-MM or YYYY");
            }
            if (key == "event" && (val.empty() || val.size() > 6 ||
                                   !std::all_of(val.begin(), val.end(), [](unsigned char ch) { return std::isdigit(ch); }))) {
                error(c.field_pos[i], "invalid event '" + val + "'", "write the event within the article as a whole number: 0 for the lead event");
            }
            if (key == "kind" && m_kinds.count(val) == 0) {
                std::vector<std::string> known(m_kinds.begin(), m_kinds.end());
                error(c.field_pos[i], "unknown source kind '" + val + "'", did_you_mean(val, known));
            }
        }
    }
    std::set<std::string> grades;
    for (const auto* g : m_out.grades) grades.insert(g->name);
    for (auto& x : st.expects) {
        for (const auto& id : x.ids) {
            if (ids.count(id) == 0) {
                std::vector<std::string> known(ids.begin(), ids.end());
                error(x.pos, "unknown claim '" + id + "' in test '" + st.name + "'", did_you_mean(id, known));
            }
        }
        if ((x.what == "finding" || x.what == "no_finding" || x.what == "series_finding" ||
             x.what == "no_series_finding") &&
            m_finding_kinds.count(x.name) == 0) {
            std::vector<std::string> kinds(m_finding_kinds.begin(), m_finding_kinds.end());
            error(x.pos, "unknown finding kind '" + x.name + "'", did_you_mean(x.name, kinds));
        }
        if (x.what == "grade" && grades.count(x.name) == 0) {
            std::vector<std::string> known(grades.begin(), grades.end());
            error(x.pos, "unknown grade '" + x.name + "'", did_you_mean(x.name, known));
        }
        if ((x.what == "same" || x.what == "apart") && x.ids.size() != 2) {
            error(x.pos, "'expect " + x.what + "' takes two claim ids");
        }
        if (x.what == "figure" && std::find(outcomes.begin(), outcomes.end(), x.outcome) == outcomes.end()) {
            error(x.pos, "unknown outcome '" + x.outcome + "'", did_you_mean(x.outcome, outcomes));
        }
    }
    if (st.claims.empty()) error(st.pos, "test '" + st.name + "' has no claims");
    if (st.expects.empty()) error(st.pos, "test '" + st.name + "' expects nothing", "add expect lines");
}

void checker::check_statement(ast::statement& st) {
    m_stmt = &st;
    using sk = ast::statement_kind;
    switch (st.kind) {
    case sk::include:
    case sk::data:
    case sk::category: return;
    case sk::quantity:
        if (st.q_low > st.q_high) {
            error(st.name_pos, "quantity '" + st.name + "' has its low bound above its high bound");
        } else if (st.q_best < st.q_low || st.q_best > st.q_high) {
            error(st.name_pos, "the best value of quantity '" + st.name + "' lies outside " +
                                   std::to_string(static_cast<long long>(st.q_low)) + " .. " +
                                   std::to_string(static_cast<long long>(st.q_high)));
        }
        return;
    case sk::qualifier: {
        static const std::vector<std::string> names{"exact", "at_least", "more_than", "about", "up_to", "range", "vague"};
        if (!st.name_is_text && std::find(names.begin(), names.end(), st.name) == names.end()) {
            auto hint = did_you_mean(st.name, names);
            if (hint.empty()) hint = "for other words, quote them: qualifier \"" + st.name + "\" = ...";
            error(st.name_pos, "unknown qualifier '" + st.name + "'", hint);
        }
        scope s;
        s.qualifier_vars = true;
        expect(*st.low, s, t_number, "the lower bound");
        expect(*st.high, s, t_number, "the upper bound");
        if (st.low->kind == ast::expr_kind::infinity) {
            error(st.low->pos, "the lower bound of an interval cannot be 'inf'");
        }
        if (st.best) expect(*st.best, s, t_number, "the best value");
        return;
    }
    case sk::trust: {
        scope s;
        s.implicit = 0;
        s.next_slot = 1;
        s.weight_var = true;
        expect(*st.value, s, t_number, "the weight");
        if (st.value->kind == ast::expr_kind::number && (st.value->number < 0 || st.value->number > 1)) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%g", st.value->number);
            warning("weight-range", st.value->pos, std::string("weight ") + buf + " is outside 0 .. 1",
                    "weights are relative, but 0 .. 1 keeps rules comparable");
        }
        if (st.condition) check_condition(st, *st.condition, s);
        return;
    }
    case sk::match:
    case sk::separate:
    case sk::supersede: {
        scope s;
        const bool sup = st.kind == sk::supersede;
        s.vars = {{sup ? "earlier" : "a", 0}, {sup ? "later" : "b", 1}};
        s.next_slot = 2;
        if (st.condition) check_condition(st, *st.condition, s);
        check_scores(st, s);
        for (auto& keys : st.blocks)
        for (auto& k : keys) {
            scope ks;
            ks.implicit = 0;
            ks.next_slot = 1;
            ks.blocking = true;
            const int t = check(*k, ks);
            if (t == t_claim || t == t_set || t == t_interval) {
                error(k->pos, "a blocking key must be a text, number or date, got " + type_name(t));
            }
        }
        if (st.kind == sk::match && st.blocks.empty()) {
            warning("no-blocking", st.name_pos, "match rule '" + st.name + "' has no 'block by': it compares every pair of claims",
                    "add blocking keys, as in block by governorate, week(event_date)");
        }
        return;
    }
    case sk::reconcile: {
        check_pattern(st);
        scope s;
        s.group = true;
        for (auto* b : {st.low.get(), st.best.get(), st.high.get()}) {
            if (b) expect(*b, s, t_number, "a bound");
        }
        return;
    }
    case sk::finding: {
        static const std::vector<std::string> sev{"high", "medium", "low", "info"};
        if (std::find(sev.begin(), sev.end(), st.severity) == sev.end()) {
            auto p = st.pattern_pos;
            p.length = st.severity.size();
            error(p, "unknown severity '" + st.severity + "'",
                  did_you_mean(st.severity, sev).empty() ? "severities are high, medium, low and info" : did_you_mean(st.severity, sev));
        }
        if (st.has_pattern) check_pattern(st);
        scope s;
        s.group = true;
        s.findings = true;
        check_condition(st, *st.condition, s);
        if (st.say) {
            // Placeholders see the variables of the condition's outer quantifier.
            scope ts;
            ts.group = true;
            ts.findings = true;
            const ast::expr* q = st.condition.get();
            while (q->kind == ast::expr_kind::binary && q->text == "and") q = q->args[0].get();
            int slot = 0;
            if (q->kind == ast::expr_kind::quantifier && q->text == "any") {
                slot = q->slot;
                for (const auto& v : q->vars) ts.vars.emplace_back(v, slot++);
            }
            ts.next_slot = std::max(slot, 4);
            for (auto& h : st.say->holes) {
                const int t = check(*h, ts);
                if (t == t_claim || t == t_set) {
                    error(h->pos, "a message placeholder must be a value, got " + type_name(t),
                          "write a field, as in {a.source}");
                }
            }
        }
        return;
    }
    case sk::grade: {
        if (st.condition) {
            scope s;
            s.group = true;
            s.findings = true;
            check_condition(st, *st.condition, s);
        }
        return;
    }
    case sk::decision: {
        if (st.reason.empty()) error(st.name_pos, "decision '" + st.action + "' needs a reason", "write because \"...\"");
        if ((st.action == "merge" || st.action == "split") && st.ids.size() < 2) {
            error(st.name_pos, "'" + st.action + "' needs at least two claim ids");
        }
        return;
    }
    case sk::test: check_test(st); return;
    }
}

void checker::run(std::vector<ast::statement*>& all) {
    using sk = ast::statement_kind;
    // Declarations first: categories, quantities, qualifiers, finding kinds.
    for (auto* st : all) {
        m_stmt = st;
        if (st->kind == sk::category) {
            m_categories.insert(st->name);
            m_categories.insert(st->parent);
            m_out.category_parent[st->name] = st->parent;
        }
        if (st->kind == sk::finding) m_finding_kinds.insert(st->finding_kind);
        if (st->kind == sk::quantity) {
            std::string w = st->name;
            std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            m_out.quantities[w] = st;
        }
        if (st->kind == sk::qualifier) {
            if (st->name_is_text) {
                std::string w = st->name;
                std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                m_out.qualifier_by_text[w] = st;
            } else {
                m_out.qualifier_by_name[st->name] = st;
            }
        }
    }
    // Category cycles.
    for (const auto& [cat, parent] : m_out.category_parent) {
        std::string at = parent;
        for (std::size_t steps = 0; steps <= m_out.category_parent.size() && !at.empty(); ++steps) {
            if (at == cat) {
                for (auto* st : all) {
                    if (st->kind == sk::category && st->name == cat) {
                        m_stmt = st;
                        error(st->name_pos, "category '" + cat + "' lies within itself through its parents");
                    }
                }
                break;
            }
            const auto it = m_out.category_parent.find(at);
            at = it == m_out.category_parent.end() ? std::string() : it->second;
        }
    }
    for (auto* st : all) {
        switch (st->kind) {
        case sk::trust: m_out.trust.push_back(st); break;
        case sk::match: m_out.match.push_back(st); break;
        case sk::separate: m_out.separate.push_back(st); break;
        case sk::supersede: m_out.supersede.push_back(st); break;
        case sk::reconcile: m_out.reconcile.push_back(st); break;
        case sk::finding: m_out.findings.push_back(st); break;
        case sk::grade: m_out.grades.push_back(st); break;
        case sk::test: m_out.tests.push_back(st); break;
        case sk::decision: {
            analyst_decision d;
            d.action = st->action;
            d.ids = st->ids;
            if (st->pin_value) d.value = static_cast<std::int64_t>(std::llround(*st->pin_value));
            d.reason = st->reason;
            d.rule = ref_of(*st);
            d.rule.name = st->action;
            m_out.decisions.push_back(std::move(d));
            break;
        }
        default: break;
        }
    }
    for (auto* st : all) check_statement(*st);

    // A grade after an unconditional one can never be given.
    const ast::statement* catch_all = nullptr;
    for (const auto* g : m_out.grades) {
        if (catch_all) {
            m_stmt = g;
            error(g->name_pos, "grade '" + g->name + "' can never be given: grade '" + catch_all->name +
                                   "' above it always applies",
                  "move 'otherwise' to the last grade");
        }
        if (g->otherwise && !catch_all) catch_all = g;
    }
    if (!m_out.grades.empty() && catch_all == nullptr) {
        m_stmt = m_out.grades.back();
        warning("no-default-grade", m_out.grades.back()->name_pos, "no grade says 'otherwise': some incidents may get no grade",
                "end the grades with: grade weak: otherwise");
    }
    // A reconcile rule with the same pattern as a later one never fires.
    for (std::size_t i = 0; i < m_out.reconcile.size(); ++i) {
        for (std::size_t j = i + 1; j < m_out.reconcile.size(); ++j) {
            const auto* a = m_out.reconcile[i];
            const auto* b = m_out.reconcile[j];
            if (a->for_outcome == b->for_outcome && a->for_category == b->for_category) {
                m_stmt = a;
                auto d = make(severity::error, a->name_pos,
                              "reconcile rule '" + a->name + "' can never fire: '" + b->name +
                                  "' below it covers the same figures (" + a->for_outcome + "." + a->for_category + ")",
                              "remove one, or give them different patterns");
                diagnostic n;
                n.level = severity::note;
                n.file = b->file;
                n.line = b->name_pos.line;
                n.column = b->name_pos.column;
                n.length = b->name.size();
                n.message = "'" + b->name + "' is defined here";
                n.source_line = line_text(b->file, b->name_pos.byte);
                d.notes.push_back(std::move(n));
                m_diags.add(std::move(d));
                break;
            }
        }
    }
}

}  // namespace

void check_statements(compiled& out, std::vector<ast::statement*>& statements,
                      const std::map<std::string, const ast::file*>& texts, const std::set<std::string>& kinds,
                      diagnostics& diags) {
    checker c(out, diags, texts, kinds);
    c.run(statements);
}

}  // namespace reckon::rules
