// The rules grammar on its own: no rule can loop without consuming input, and a table
// of inputs that parse, and that fail with a located message.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <tao/pegtl/contrib/analyze.hpp>

#include "rules/grammar.hpp"
#include "rules/rules.hpp"

using namespace reckon;
namespace rg = reckon::grammar::rules;

TEST_CASE("the rules grammar has no rules that loop without consuming input", "[rules][grammar]") {
    CHECK(tao::pegtl::analyze<rg::chunk>() == 0);
    CHECK(tao::pegtl::analyze<rg::hole>() == 0);
}

namespace {
// The first diagnostic as "line:col: message", or "ok".
std::string parse_one(const std::string& text) {
    rules::ast::file f;
    diagnostics d;
    rg::parse_rules(text, "t.rules", f, d);
    if (d.empty()) return "ok " + std::to_string(f.statements.size());
    const auto& x = d.items().front();
    return std::to_string(x.line) + ":" + std::to_string(x.column) + ": " + x.message;
}
}  // namespace

TEST_CASE("statements that parse", "[rules][grammar]") {
    CHECK(parse_one("include \"x.rules\"\n") == "ok 1");
    CHECK(parse_one("quantity dozens = 24 .. 99, best 24\nquantity \"a few\" = 2 .. 5\n") == "ok 2");
    CHECK(parse_one("qualifier more_than = [v + 1, inf)\nqualifier \"nearly\" = [v * 0.9, v - 1], best v - 1\n") == "ok 2");
    CHECK(parse_one("trust t = weight * 0.5 when copied and not (relay_count > 2)\n") == "ok 1");
    CHECK(parse_one("match m:\n  block by governorate, week(event_date)\n  when same_place(a, b)\n") == "ok 1");
    CHECK(parse_one("reconcile r for killed.*:\n  low = max(low of independent claims where weight >= 0.5)\n"
                    "  best = weighted_median(best of claims, by weight)\n") == "ok 1");
    CHECK(parse_one("finding f (high) for *.civilians:\n  kind conflict\n  when any a, b in claims: a.low > b.high\n"
                    "  say \"{a.source}: {count(claims)}\"\n") == "ok 1");
    CHECK(parse_one("finding s (low) in series:\n  when all c in claims: c.low > 0\n") == "ok 1");
    CHECK(parse_one("grade weak: otherwise\n# comment\n\ngrade fair:\n  when true # trailing\n") == "ok 2");
    CHECK(parse_one("exclude \"a@1\", \"a@2\" because \"dup\"\npin \"a@3\" to 12 because \"typo\"\n") == "ok 2");
    CHECK(parse_one("test t \"d\":\n  claim \"a@1\": killed people range 1 .. 3, published 2018-11, copied true\n"
                    "  expect killed.people low 1 best none high inf\n  expect no series finding x in \"a@1\"\n") ==
          "ok 1");
}

TEST_CASE("syntax errors are located", "[rules][grammar]") {
    CHECK(parse_one("trust t = (1\n") == "1:13: expected ')'; got the end of the line");
    CHECK(parse_one("trust t 0.5\n") == "1:9: expected '='; got '0'");
    CHECK(parse_one("trust t = 1 +\n") == "1:14: expected an operand after the operator; got the end of the line");
    CHECK(parse_one("match m:\n  block by x\n") == "2:13: expected 'when' and a condition; got the end of the line");
    CHECK(parse_one("trust t = \"abc\n") == "1:15: unterminated string; expected '\"' before the end of the line; got the end of the line");
    CHECK(parse_one("grade g:\n  when any a in: true\n") == "2:16: expected 'claims' or 'independent claims' after 'in'; got ':'");
    CHECK(parse_one("finding f high:\n  when true\n") == "1:11: expected a severity in parentheses, as in (high); got 'high'");
    CHECK(parse_one("reconcile r:\n  low = 1\n") == "1:12: expected 'for' and a figure pattern such as killed.*; got ':'");
    CHECK(parse_one("reconcile r for killed:\n  low = 1\n") ==
          "1:23: expected '.' and a category, as in killed.civilians or killed.*; got ':'");
    CHECK(parse_one("grade g: 1\n") == "1:10: expected 'when' and a condition, or 'otherwise'; got '1'");
    CHECK(parse_one("trust t = 1 when x\n  extra\n") == "2:3: unexpected text after the end of the statement; got 'extra'");
    CHECK(parse_one("trus t = 1\n") == "1:1: unknown statement 'trus'");
    CHECK(parse_one("  trust t = 1\n") == "1:3: indented text before the first statement");
    CHECK(parse_one("exclude \"a@1\"\n") == "1:14: expected 'because' and a quoted reason; got the end of the line");
}

TEST_CASE("nesting, size and binary input give errors, not crashes", "[rules][grammar]") {
    CHECK(parse_one("trust t = " + std::string(10000, '(') + "1" + std::string(10000, ')') + "\n").find(
              "expression nested too deeply") != std::string::npos);
    std::string chain = "trust t = 1";
    for (int i = 0; i < 10000; ++i) chain += " + 1";
    CHECK(parse_one(chain + "\n") == "1:11: expression nested too deeply (more than 200 levels)");
    std::string nots = "grade g:\n  when";
    for (int i = 0; i < 10000; ++i) nots += " not";
    CHECK(parse_one(nots + " true\n").find("expression nested too deeply") != std::string::npos);
    std::string quants = "grade g:\n  when";
    for (int i = 0; i < 10000; ++i) quants += " any a in claims:";
    CHECK(parse_one(quants + " true\n").find("expression nested too deeply") != std::string::npos);
    CHECK(parse_one(std::string(10 * 1024 * 1024, 'x')) ==
          "1:1: rules file is too large (10485760 bytes; the limit is 4194304)");
    CHECK(parse_one(std::string("trust t = 1\n\x7f" "ELF\x02\x01\x01\0\0", 21)) ==
          "2:1: not a rules file: byte 0x7f is not text");
}

TEST_CASE("syntax errors are capped so garbage text ends quickly", "[rules][grammar]") {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += "junk ( [ \" line\n";
    rules::ast::file f;
    diagnostics d;
    rg::parse_rules(text, "t.rules", f, d);
    CHECK(d.errors() == rg::max_syntax_errors + 1);
    CHECK(d.items().back().message == "too many syntax errors (50); stopping here");
}

namespace {
std::string read_doc() {
    std::ifstream in(RECKON_SOURCE_DIR "/docs/rules.md", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
// The fenced blocks of `doc` whose info string is `lang`.
std::vector<std::string> blocks(const std::string& doc, const std::string& lang) {
    std::vector<std::string> out;
    const std::string open = "```" + lang + "\n";
    for (std::size_t at = doc.find(open); at != std::string::npos; at = doc.find(open, at)) {
        const std::size_t begin = at + open.size();
        const std::size_t end = doc.find("```", begin);
        if (end == std::string::npos) break;
        out.push_back(doc.substr(begin, end - begin));
        at = end + 3;
    }
    return out;
}
}  // namespace

TEST_CASE("docs/rules.md: every example parses and the EBNF covers every statement", "[rules][docs]") {
    const std::string doc = read_doc();
    const auto examples = blocks(doc, "rules");
    CHECK(examples.size() >= 20);
    for (const auto& example : examples) {
        INFO(example);
        rules::ast::file f;
        diagnostics d;
        rg::parse_rules(example, "docs/rules.md", f, d);
        CHECK(d.empty());
        CHECK_FALSE(f.statements.empty());
    }
    const auto ebnf = blocks(doc, "ebnf");
    REQUIRE(ebnf.size() == 1);
    for (const auto& keyword : rg::statement_keywords()) {
        INFO(keyword);
        CHECK(ebnf[0].find("\"" + keyword + "\"") != std::string::npos);
    }
    for (const char* word : {"and", "or", "not", "of", "in", "by", "any", "all", "claims", "independent", "where",
                             "when", "inf", "true", "false", "say", "otherwise", "because"}) {
        INFO(word);
        CHECK(ebnf[0].find(std::string("\"") + word + "\"") != std::string::npos);
    }
}
