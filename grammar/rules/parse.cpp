// Parses a rules file into the AST. The file is first cut into statements (a statement
// starts at column 1 and continues on indented lines); each is parsed on its own with
// PEGTL's parse tree, so a syntax error costs only its statement and every error of a
// file is reported. Binary input, oversized files and over-deep nesting are refused
// with located errors, never a crash.
#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "rules/action.hpp"
#include "rules/errors.hpp"
#include "rules/grammar.hpp"
#include "rules/rules.hpp"
#include "support/utf8.hpp"

namespace reckon::grammar::rules {

namespace ast = reckon::rules::ast;
using node = pt::node;

const std::vector<std::string>& statement_keywords() {
    static const std::vector<std::string> words{"include", "data",      "quantity", "qualifier", "category",
                                                "trust",   "match",     "separate", "supersede", "reconcile",
                                                "finding", "grade",     "exclude",  "pin",       "merge",
                                                "split",   "test"};
    return words;
}

namespace {

// Raised while converting a tree that is too deep to evaluate safely.
struct too_deep {
    ast::position pos;
};

ast::position pos_of(const node& n) {
    const auto b = n.begin();
    ast::position p;
    p.line = b.line;
    p.column = b.column;
    p.byte = b.byte;
    const auto e = n.end();
    p.length = e.byte > b.byte ? e.byte - b.byte : 1;
    return p;
}

std::string unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char c = s[++i];
            out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
        } else {
            out += s[i];
        }
    }
    return out;
}

template <class T>
bool is(const node& n) {
    return n.is_type<T>();
}

// The text of a string literal: the string_text child of `n` or `n` itself.
std::string string_of(const node& n) {
    if (is<string_text>(n)) return unescape(n.string_view());
    for (const auto& c : n.children) {
        if (is<string_text>(*c)) return unescape(c->string_view());
    }
    return {};
}

class converter {
public:
    ast::expr_ptr expr(const node& n) {
        auto e = build(n);
        return e;
    }

    std::size_t depth_of(const ast::expr& e) const { return static_cast<std::size_t>(e.type); }

private:
    // `type` temporarily holds the subtree depth until the checker sets real types.
    ast::expr_ptr make(ast::expr_kind k, const node& n) {
        auto e = std::make_unique<ast::expr>();
        e->kind = k;
        e->pos = pos_of(n);
        e->type = 1;
        return e;
    }
    void adopt(ast::expr& parent, ast::expr_ptr child) {
        parent.type = std::max(parent.type, child->type + 1);
        if (static_cast<std::size_t>(parent.type) > max_expression_depth) throw too_deep{parent.pos};
        parent.args.push_back(std::move(child));
    }
    ast::expr_ptr binary(std::string op, ast::expr_ptr l, ast::expr_ptr r, const ast::position& at) {
        auto e = std::make_unique<ast::expr>();
        e->kind = ast::expr_kind::binary;
        e->text = std::move(op);
        e->pos = l->pos;
        e->pos.length = r->pos.byte + r->pos.length > l->pos.byte ? r->pos.byte + r->pos.length - l->pos.byte : 1;
        (void)at;
        e->type = 1;
        adopt(*e, std::move(l));
        adopt(*e, std::move(r));
        return e;
    }

    // `and` and `or` chains as balanced trees: the same value and the same left-to-right
    // evaluation as a left-leaning chain, but 200 alternatives nest 8 levels, not 200.
    ast::expr_ptr balanced(const std::string& op, std::vector<ast::expr_ptr>& xs, std::size_t from, std::size_t to) {
        if (to - from == 1) return std::move(xs[from]);
        const std::size_t mid = from + (to - from) / 2;
        auto left = balanced(op, xs, from, mid);
        auto right = balanced(op, xs, mid, to);
        const ast::position at = left->pos;
        return binary(op, std::move(left), std::move(right), at);
    }

    ast::expr_ptr set(const node& n) {
        const node* s = &n;
        if (!is<set_expr>(*s) && !s->children.empty()) s = s->children.front().get();
        auto e = make(ast::expr_kind::set, n);
        e->text = "claims";
        for (const auto& c : s->children) {
            if (is<independent_mark>(*c)) e->text = "independent";
            if (is<where_clause>(*c)) adopt(*e, build(*c->children.front()));
        }
        return e;
    }

    ast::expr_ptr build(const node& n) {
        using k = ast::expr_kind;
        if (is<number>(n)) {
            auto e = make(k::number, n);
            e->number = std::stod(n.string());
            return e;
        }
        if (is<string_text>(n)) {
            auto e = make(k::string, n);
            e->pos.column -= 1;  // include the opening quote
            e->pos.byte -= 1;
            e->pos.length += 2;
            e->text = unescape(n.string_view());
            return e;
        }
        if (is<date_lit>(n)) {
            auto e = make(k::date, n);
            e->text = n.string();
            return e;
        }
        if (is<inf_lit>(n)) return make(k::infinity, n);
        if (is<true_lit>(n) || is<false_lit>(n)) {
            auto e = make(k::boolean, n);
            e->number = is<true_lit>(n) ? 1 : 0;
            return e;
        }
        if (is<name_ref>(n) || is<ident>(n)) {
            auto e = make(k::name, n);
            e->text = n.string();
            return e;
        }
        if (is<or_expr>(n) || is<and_expr>(n)) {
            std::vector<ast::expr_ptr> operands;
            for (const auto& c : n.children) operands.push_back(build(*c));
            return balanced(is<or_expr>(n) ? "or" : "and", operands, 0, operands.size());
        }
        if (is<cmp_expr>(n) && n.children.size() == 2 && is<in_test>(*n.children.back())) {
            // x in [a, b]: x == a or x == b, the value read again for each item (fields
            // and names have no side effects).
            std::vector<ast::expr_ptr> tests;
            for (const auto& item : n.children.back()->children)
                tests.push_back(binary("==", build(*n.children.front()), build(*item), pos_of(*item)));
            return balanced("or", tests, 0, tests.size());
        }
        if (is<add_expr>(n) || is<mul_expr>(n) || is<cmp_expr>(n)) {
            auto acc = build(*n.children.front());
            for (std::size_t i = 1; i + 1 < n.children.size(); i += 2) {
                acc = binary(n.children[i]->string(), std::move(acc), build(*n.children[i + 1]),
                             pos_of(*n.children[i]));
            }
            return acc;
        }
        if (is<not_expr>(n) || is<neg_expr>(n)) {
            // Prefix operators: not not x, - - x (children: operators..., operand).
            auto acc = build(*n.children.back());
            for (std::size_t i = n.children.size() - 1; i-- > 0;) {
                auto u = make(k::unary, *n.children[i]);
                u->text = is<not_expr>(n) ? "not" : "-";
                u->pos.length = acc->pos.byte + acc->pos.length - u->pos.byte;
                adopt(*u, std::move(acc));
                acc = std::move(u);
            }
            return acc;
        }
        if (is<postfix>(n)) {
            auto acc = build(*n.children.front());
            for (std::size_t i = 1; i < n.children.size(); ++i) {
                auto f = make(k::field, *n.children[i]);
                f->text = n.children[i]->string();
                adopt(*f, std::move(acc));
                acc = std::move(f);
            }
            return acc;
        }
        if (is<call>(n)) {
            auto e = make(k::call, n);
            e->text = n.children.front()->string();
            e->pos.length = e->text.size();
            for (std::size_t i = 1; i < n.children.size(); ++i) {
                const node& a = *n.children[i];
                if (is<by_arg>(a)) {
                    auto b = make(k::by, a);
                    adopt(*b, build(*a.children.front()));
                    adopt(*e, std::move(b));
                } else if (is<set_expr>(a)) {
                    adopt(*e, set(a));
                } else if (is<of_arg>(a)) {
                    if (a.children.size() == 1) {
                        adopt(*e, build(*a.children.front()));
                    } else {
                        auto o = make(k::of, a);
                        adopt(*o, build(*a.children.front()));
                        adopt(*o, set(*a.children.back()));
                        adopt(*e, std::move(o));
                    }
                } else {
                    adopt(*e, build(a));
                }
            }
            return e;
        }
        if (is<quantifier>(n)) {
            auto e = make(k::quantifier, n);
            e->text = n.children.front()->string();
            for (std::size_t i = 1; i < n.children.size(); ++i) {
                const node& c = *n.children[i];
                if (is<ident>(c)) {
                    e->vars.push_back(c.string());
                } else if (is<quant_set>(c)) {
                    adopt(*e, set(c));
                } else {
                    adopt(*e, build(c));
                }
            }
            return e;
        }
        if (is<interval>(n)) {
            auto e = make(k::interval, n);
            adopt(*e, build(*n.children[0]));
            adopt(*e, build(*n.children[1]));
            return e;
        }
        if (is<set_expr>(n) || is<of_set>(n) || is<quant_set>(n)) return set(n);
        // Transparent wrappers (a single child).
        if (n.children.size() == 1) return build(*n.children.front());
        throw std::logic_error("rules parser: unexpected node " + std::string(n.type));
    }
};

// Parses the {placeholders} of a `say` template.
std::unique_ptr<ast::template_text> parse_template(const node& lit, const std::string& source, diagnostics& diags,
                                                   std::string_view line_text) {
    auto t = std::make_unique<ast::template_text>();
    const node* text_node = nullptr;
    for (const auto& c : lit.children) {
        if (is<string_text>(*c)) text_node = c.get();
    }
    if (text_node == nullptr) text_node = &lit;
    t->pos = pos_of(*text_node);
    const std::string_view raw = text_node->has_content() ? text_node->string_view() : std::string_view{};
    t->raw = unescape(raw);
    const auto base = text_node->begin();
    std::string piece;
    std::size_t i = 0;
    while (i < raw.size()) {
        if (raw[i] != '{') {
            if (raw[i] == '\\' && i + 1 < raw.size()) {
                piece += raw[i + 1] == 'n' ? '\n' : raw[i + 1] == 't' ? '\t' : raw[i + 1];
                i += 2;
                continue;
            }
            piece += raw[i++];
            continue;
        }
        const std::size_t close = raw.find('}', i);
        if (close == std::string_view::npos) {
            diagnostic d;
            d.file = source;
            d.line = base.line;
            d.column = base.column + i;
            d.message = "unclosed '{' in the message template";
            d.hint = "write {a.source}, {count(claims)} or another expression between braces";
            d.source_line = std::string(line_text);
            diags.add(std::move(d));
            return nullptr;
        }
        const std::string_view inner = raw.substr(i + 1, close - i - 1);
        pegtl::memory_input<> in(inner.data(), inner.data() + inner.size(), source, base.byte + i + 1, base.line,
                                 base.column + i + 1);
        try {
            auto root = pt::parse<hole, selector, action, pegtl::must_if<errors>::control>(in);
            if (!root || root->children.empty()) throw pegtl::parse_error("expected an expression", in);
            converter conv;
            t->holes.push_back(conv.expr(*root->children.front()));
        } catch (const pegtl::parse_error& e) {
            const auto& p = e.positions().front();
            diagnostic d;
            d.file = source;
            d.line = p.line;
            d.column = p.column;
            d.message = std::string(e.message()) + " in the message template";
            d.source_line = std::string(line_text);
            diags.add(std::move(d));
            return nullptr;
        } catch (const too_deep& e) {
            diags.error(source, e.pos.line, e.pos.column, "expression nested too deeply in the message template");
            return nullptr;
        }
        t->pieces.push_back(std::move(piece));
        piece.clear();
        i = close + 1;
    }
    t->pieces.push_back(std::move(piece));
    return t;
}

struct statement_builder {
    const std::string& source;
    diagnostics& diags;
    std::string_view line_text;
    converter conv{};

    void pattern_of(const node& pat, ast::statement& s) {
        // pattern children: pattern_part, pattern_part (inside pattern_rest, unselected)
        std::vector<std::string> parts;
        for (const auto& c : pat.children) {
            if (is<pattern_part>(*c)) parts.push_back(c->string());
        }
        if (parts.size() == 2) {
            s.for_outcome = parts[0];
            s.for_category = parts[1];
        }
        s.pattern_pos = pos_of(pat);
        s.has_pattern = true;
    }

    // `score NAME:` and its levels (children: the name, then score_level nodes of a
    // name, a signed number and `otherwise` or a when clause).
    ast::score_comparison comparison_of(const node& n) {
        ast::score_comparison c;
        c.name = n.children.at(0)->string();
        c.pos = pos_of(*n.children.at(0));
        for (std::size_t i = 1; i < n.children.size(); ++i) {
            const node& lv = *n.children[i];
            ast::score_level level;
            level.name = lv.children.at(0)->string();
            level.pos = pos_of(*lv.children.at(0));
            level.weight = std::stod(lv.children.at(1)->string());
            level.weight_pos = pos_of(*lv.children.at(1));
            if (lv.children.size() > 2 && is<when_clause>(*lv.children[2]))
                level.condition = conv.expr(*lv.children[2]->children.at(0));
            c.levels.push_back(std::move(level));
        }
        return c;
    }

    ast::statement_ptr build(const node& n) {
        auto s = std::make_unique<ast::statement>();
        s->pos = pos_of(n);
        s->file = source;
        s->pos.length = std::min<std::size_t>(s->pos.length, 1);
        const auto& ch = n.children;
        const auto name_from = [&](const node& c) {
            s->name = c.string();
            s->name_pos = pos_of(c);
        };
        using sk = ast::statement_kind;
        if (is<include_stmt>(n)) {
            s->kind = sk::include;
            s->path = string_of(*ch.at(0));
            s->name_pos = pos_of(*ch.at(0));
        } else if (is<data_stmt>(n)) {
            s->kind = sk::data;
            name_from(*ch.at(0));
            s->path = string_of(*ch.at(1));
        } else if (is<quantity_stmt>(n)) {
            s->kind = sk::quantity;
            s->name_pos = pos_of(*ch.at(0));
            s->name = is<ident>(*ch.at(0)) ? ch.at(0)->string() : string_of(*ch.at(0));
            s->q_low = std::stod(ch.at(1)->string());
            s->q_high = std::stod(ch.at(2)->string());
            s->q_best = s->q_low;
            if (ch.size() > 3) s->q_best = std::stod(ch.at(3)->children.at(0)->string());
        } else if (is<qualifier_stmt>(n)) {
            s->kind = sk::qualifier;
            s->name_pos = pos_of(*ch.at(0));
            s->name_is_text = !is<ident>(*ch.at(0));
            s->name = s->name_is_text ? string_of(*ch.at(0)) : ch.at(0)->string();
            const node& iv = *ch.at(1);
            s->low = conv.expr(*iv.children.at(0));
            s->high = conv.expr(*iv.children.at(1));
            if (ch.size() > 2) s->best = conv.expr(*ch.at(2)->children.at(0));
        } else if (is<category_stmt>(n)) {
            s->kind = sk::category;
            name_from(*ch.at(0));
            s->parent = ch.at(1)->string();
        } else if (is<trust_stmt>(n)) {
            s->kind = sk::trust;
            name_from(*ch.at(0));
            s->value = conv.expr(*ch.at(1));
            if (ch.size() > 2) s->condition = conv.expr(*ch.at(2)->children.at(0));
        } else if (is<match_stmt>(n) || is<separate_stmt>(n) || is<supersede_stmt>(n)) {
            s->kind = is<match_stmt>(n) ? sk::match : is<separate_stmt>(n) ? sk::separate : sk::supersede;
            name_from(*ch.at(0));
            for (std::size_t i = 1; i < ch.size(); ++i) {
                if (is<block_clause>(*ch[i])) {
                    s->blocks.emplace_back();
                    for (const auto& k : ch[i]->children) s->blocks.back().push_back(conv.expr(*k));
                } else if (is<when_clause>(*ch[i])) {
                    s->condition = conv.expr(*ch[i]->children.at(0));
                } else if (is<score_clause>(*ch[i])) {
                    s->scores.push_back(comparison_of(*ch[i]));
                } else if (is<threshold_clause>(*ch[i])) {
                    const node& v = *ch[i]->children.at(0);
                    s->threshold = std::stod(v.string());
                    s->threshold_pos = pos_of(v);
                }
            }
        } else if (is<reconcile_stmt>(n)) {
            s->kind = sk::reconcile;
            name_from(*ch.at(0));
            for (std::size_t i = 1; i < ch.size(); ++i) {
                if (is<for_clause>(*ch[i])) pattern_of(*ch[i]->children.at(0), *s);
                if (is<bound_item>(*ch[i])) {
                    const std::string which = ch[i]->children.at(0)->string();
                    auto e = conv.expr(*ch[i]->children.at(1));
                    auto& slot = which == "low" ? s->low : which == "best" ? s->best : s->high;
                    if (slot) {
                        diagnostic d;
                        d.file = source;
                        d.line = ch[i]->begin().line;
                        d.column = ch[i]->begin().column;
                        d.length = which.size();
                        d.message = "'" + which + "' is given twice in reconcile rule '" + s->name + "'";
                        diags.add(std::move(d));
                    }
                    slot = std::move(e);
                }
            }
        } else if (is<finding_stmt>(n)) {
            s->kind = sk::finding;
            name_from(*ch.at(0));
            s->finding_kind = s->name;
            for (std::size_t i = 1; i < ch.size(); ++i) {
                const node& c = *ch[i];
                if (is<severity>(c)) {
                    s->severity = c.children.at(0)->string();
                    s->pattern_pos = pos_of(*c.children.at(0));
                } else if (is<for_clause>(c)) {
                    const auto sev_pos = s->pattern_pos;
                    pattern_of(*c.children.at(0), *s);
                    s->name_pos.length = s->name.size();
                    s->best = nullptr;
                    (void)sev_pos;
                } else if (is<series_clause>(c)) {
                    s->in_series = true;
                } else if (is<kind_clause>(c)) {
                    s->finding_kind = c.children.at(0)->string();
                } else if (is<when_clause>(c)) {
                    s->condition = conv.expr(*c.children.at(0));
                } else if (is<say_clause>(c)) {
                    s->say = parse_template(*c.children.at(0), source, diags, line_text_of(c));
                }
            }
        } else if (is<grade_stmt>(n)) {
            s->kind = sk::grade;
            name_from(*ch.at(0));
            if (is<otherwise_mark>(*ch.at(1))) {
                s->otherwise = true;
            } else {
                s->condition = conv.expr(*ch.at(1)->children.at(0));
            }
        } else if (is<decision_stmt>(n)) {
            s->kind = sk::decision;
            s->action = ch.at(0)->string();
            s->name = s->action;
            s->name_pos = pos_of(*ch.at(0));
            for (std::size_t i = 1; i < ch.size(); ++i) {
                const node& c = *ch[i];
                if (is<string_text>(c)) s->ids.push_back(string_of(c));
                if (is<pin_value>(c)) s->pin_value = std::stod(c.children.at(0)->string());
                if (is<because_clause>(c)) s->reason = string_of(*c.children.at(0));
            }
        } else if (is<test_stmt>(n)) {
            s->kind = sk::test;
            name_from(*ch.at(0));
            for (std::size_t i = 1; i < ch.size(); ++i) {
                const node& c = *ch[i];
                if (is<description>(c)) s->description = string_of(c);
                if (is<test_claim>(c)) s->claims.push_back(test_claim_of(c));
                if (is<test_expect>(c)) s->expects.push_back(expect_of(*c.children.at(0)));
            }
        } else {
            throw std::logic_error("rules parser: unexpected statement " + std::string(n.type));
        }
        return s;
    }

    std::string_view line_text_of(const node&) const { return line_text; }

    ast::test_claim test_claim_of(const node& n) {
        ast::test_claim c;
        c.pos = pos_of(n);
        std::vector<std::string> words;
        for (const auto& ch : n.children) {
            if (is<string_text>(*ch) && c.id.empty()) {
                c.id = string_of(*ch);
            } else if (is<ident>(*ch)) {
                words.push_back(ch->string());
            } else if (is<number>(*ch)) {
                c.value = std::stod(ch->string());
            } else if (is<test_range>(*ch)) {
                c.value2 = std::stod(ch->children.at(0)->string());
            } else if (is<test_field>(*ch)) {
                const node& key = *ch->children.at(0);
                const node& val = *ch->children.at(1);
                std::string v = is<string_text>(val) ? string_of(val) : val.string();
                c.fields.emplace_back(key.string(), v);
                c.field_pos.push_back(pos_of(key));
            }
        }
        if (words.size() >= 1) c.outcome = words[0];
        if (words.size() >= 2) c.category = words[1];
        if (words.size() >= 3) c.qualifier = words[2];
        return c;
    }

    static std::optional<double> bound_number(const node& b, bool& inf, bool& none) {
        const std::string t = b.string();
        std::string w;
        for (char ch : t) {
            if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') w += ch;
        }
        if (w == "inf") {
            inf = true;
            return std::nullopt;
        }
        if (w == "none") {
            none = true;
            return std::nullopt;
        }
        return std::stod(w);
    }

    ast::test_expect expect_of(const node& n) {
        ast::test_expect x;
        x.pos = pos_of(n);
        if (is<expect_grade>(n)) {
            x.what = "grade";
            x.name = n.children.at(0)->string();
        } else if (is<expect_ids>(n)) {
            x.what = n.children.at(0)->string();
            for (std::size_t i = 1; i < n.children.size(); ++i) x.ids.push_back(string_of(*n.children[i]));
        } else if (is<expect_weight>(n)) {
            x.what = "weight";
            x.ids.push_back(string_of(*n.children.at(1)));
            x.number = std::stod(n.children.at(2)->string());
        } else if (is<expect_finding>(n)) {
            bool no = false, series = false;
            for (const auto& c : n.children) {
                if (is<no_mark>(*c)) no = true;
                if (is<series_mark>(*c)) series = true;
                if (is<ident>(*c)) x.name = c->string();
                if (is<on_ids>(*c)) {
                    for (const auto& id : c->children) x.ids.push_back(string_of(*id));
                }
            }
            x.what = std::string(no ? "no_" : "") + (series ? "series_finding" : "finding");
        } else if (is<expect_figure>(n)) {
            x.what = "figure";
            std::vector<std::string> parts;
            for (const auto& c : n.children.at(0)->children) {
                if (is<pattern_part>(*c)) parts.push_back(c->string());
            }
            if (parts.size() == 2) {
                x.outcome = parts[0];
                x.category = parts[1];
            }
            for (std::size_t i = 1; i < n.children.size(); ++i) {
                const node& c = *n.children[i];
                if (is<number>(c)) {
                    x.low = x.best = x.high = std::stod(c.string());
                } else if (is<expect_bound>(c)) {
                    const std::string which = c.children.at(0)->string();
                    bool inf = false, none = false;
                    const auto v = bound_number(*c.children.at(1), inf, none);
                    if (which == "low") x.low = v;
                    if (which == "best") {
                        x.best = v;
                        x.best_none = none;
                    }
                    if (which == "high") {
                        x.high = v;
                        x.high_inf = inf;
                    }
                }
            }
        }
        return x;
    }
};

// First byte that makes `text` binary: a control byte or invalid UTF-8; npos if none.
std::size_t first_binary_byte(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) return i;
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = utf8_sequence_length(text, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

bool starts_statement(std::string_view line) {
    if (line.empty()) return false;
    const char c = line.front();
    return c != ' ' && c != '\t' && c != '\r' && c != '#';
}

bool is_blank_or_comment(std::string_view line) {
    for (char c : line) {
        if (c == '#') return true;
        if (c != ' ' && c != '\t' && c != '\r') return false;
    }
    return true;
}

}  // namespace

void parse_rules(std::string_view text, const std::string& source, ast::file& out, diagnostics& diags) {
    out.path = source;
    if (text.size() > max_file_bytes) {
        diags.error(source, 1, 1,
                    "rules file is too large (" + std::to_string(text.size()) + " bytes; the limit is " +
                        std::to_string(max_file_bytes) + ")",
                    "split it into several files joined with include");
        return;
    }
    if (const auto bad = first_binary_byte(text); bad != std::string_view::npos) {
        const auto p = position_of(text, bad);
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
        diagnostic d;
        d.file = source;
        d.line = p.line;
        d.column = p.column;
        d.message = std::string("not a rules file: byte ") + hex + " is not text";
        d.hint = "rules files are UTF-8 text; is this the right file?";
        for (const char ch : p.line_text.substr(0, 200)) {
            const auto u = static_cast<unsigned char>(ch);
            d.source_line += u >= 0x80 || u == 0 ? '?' : ch;
        }
        diags.add(std::move(d));
        return;
    }

    // Cut into statements: [begin, end) byte ranges with their first line number.
    struct piece {
        std::size_t begin, end, line;
    };
    std::vector<piece> pieces;
    std::size_t line_no = 1;
    std::size_t pos = 0;
    bool stray_reported = false;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view line = text.substr(pos, eol - pos);
        if (starts_statement(line)) {
            pieces.push_back({pos, eol, line_no});
        } else if (!pieces.empty()) {
            pieces.back().end = eol;
        } else if (!is_blank_or_comment(line) && !stray_reported) {
            stray_reported = true;
            std::size_t col = 0;
            while (col < line.size() && (line[col] == ' ' || line[col] == '\t')) ++col;
            diagnostic d;
            d.file = source;
            d.line = line_no;
            d.column = col + 1;
            d.message = "indented text before the first statement";
            d.hint = "statements start at the beginning of a line; only their continuation lines are indented";
            d.source_line = std::string(line);
            diags.add(std::move(d));
        }
        pos = eol + 1;
        ++line_no;
    }

    std::size_t syntax_errors = 0;
    for (const auto& p : pieces) {
        if (syntax_errors >= max_syntax_errors) {
            const auto where = position_of(text, p.begin);
            diags.error(source, where.line, 1,
                        "too many syntax errors (" + std::to_string(syntax_errors) + "); stopping here");
            break;
        }
        const std::string_view chunk_text = text.substr(p.begin, p.end - p.begin);
        const auto first_line = text.substr(p.begin, std::min(text.find('\n', p.begin), text.size()) - p.begin);
        pegtl::memory_input<> in(chunk_text.data(), chunk_text.data() + chunk_text.size(), source, p.begin, p.line,
                                 1);
        try {
            auto root = pt::parse<grammar::rules::chunk, selector, action, pegtl::must_if<errors>::control>(in);
            if (!root || root->children.empty()) continue;
            statement_builder b{source, diags, first_line};
            out.statements.push_back(b.build(*root->children.front()));
        } catch (const pegtl::parse_error& e) {
            ++syntax_errors;
            const auto& ep = e.positions().front();
            const auto at = position_of(text, ep.byte);
            diagnostic d;
            d.file = source;
            d.line = ep.line;
            d.column = ep.column;
            d.source_line = std::string(at.line_text);
            std::string message(e.message());
            // The length of the token under the caret.
            std::size_t len = 0;
            while (ep.byte + len < text.size() &&
                   (std::isalnum(static_cast<unsigned char>(text[ep.byte + len])) || text[ep.byte + len] == '_')) {
                ++len;
            }
            d.length = std::max<std::size_t>(len, 1);
            if (message == "maximum parser rule nesting depth exceeded") {
                message = "expression nested too deeply";
                d.hint = "split the condition into smaller rules; nesting is limited to protect the parser";
            } else if (message == error_message<statement>) {
                const std::string word(text.substr(ep.byte, len));
                message = word.empty() ? "expected a statement" : "unknown statement '" + word + "'";
                const std::string close = closest_match(word, statement_keywords());
                d.hint = close.empty() ? "a statement starts with one of: include, data, quantity, qualifier, "
                                         "category, trust, match, separate, supersede, reconcile, finding, "
                                         "grade, exclude, pin, merge, split, test"
                                       : "did you mean '" + close + "'?";
            } else if (message == error_message<colon>) {
                // The colon belongs at the end of the statement's head, which may be on
                // the line before the error: point there and say what to insert.
                std::size_t end = ep.byte;
                while (end > p.begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
                const auto head = position_of(text, end);
                const std::string_view head_line = head.line_text;
                std::size_t word = head.column - 1;
                while (word > 0 && !std::isspace(static_cast<unsigned char>(head_line[word - 1]))) --word;
                const std::string last(head_line.substr(word, head.column - 1 - word));
                message = "missing ':' after '" + last + "'";
                d.line = head.line;
                d.column = head.column;
                d.length = 1;
                d.source_line = std::string(head_line);
                d.hint = "insert ':' at the end of the line: " + std::string(head_line.substr(0, head.column - 1)) + ":";
            } else if (len > 0) {
                message += "; got '" + std::string(text.substr(ep.byte, len)) + "'";
            } else if (ep.byte >= text.size() || text[ep.byte] == '\n' || text[ep.byte] == '\r') {
                message += "; got the end of the line";
            } else {
                message += "; got '" + std::string(1, text[ep.byte]) + "'";
            }
            d.message = std::move(message);
            diags.add(std::move(d));
        } catch (const too_deep& e) {
            ++syntax_errors;
            const auto at = position_of(text, e.pos.byte);
            diagnostic d;
            d.file = source;
            d.line = e.pos.line;
            d.column = e.pos.column;
            d.source_line = std::string(at.line_text);
            d.message = "expression nested too deeply (more than " + std::to_string(max_expression_depth) +
                        " levels)";
            d.hint = "split the condition into smaller rules";
            diags.add(std::move(d));
        }
    }
}

}  // namespace reckon::grammar::rules
