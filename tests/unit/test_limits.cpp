// Boundary tests for every maximum in docs/limits.md: an input exactly at the limit
// works, one step past it fails (or is cut) cleanly with the documented message. The
// inputs are generated here; nothing large is committed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "copies/copies.hpp"
#include "corpus/ingest.hpp"
#include "extract/extract.hpp"
#include "extract/text.hpp"
#include "registry/registry.hpp"
#include "rules/ast.hpp"
#include "rules/rules.hpp"
#include "rules/ruleset.hpp"
#include "claims/claims.hpp"

using namespace reckon;
namespace fs = std::filesystem;
namespace rg = reckon::grammar::rules;

namespace {

// Diagnostics of parsing `text` as a rules file, as "line:col: message" lines.
std::vector<std::string> parse_messages(const std::string& text, std::size_t* statements = nullptr) {
    rules::ast::file f;
    diagnostics d;
    rg::parse_rules(text, "t.rules", f, d);
    if (statements != nullptr) *statements = f.statements.size();
    std::vector<std::string> out;
    for (const auto& x : d.items()) out.push_back(std::to_string(x.line) + ":" + std::to_string(x.column) + ": " + x.message);
    return out;
}

std::vector<std::string> messages(const diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.items()) out.push_back(x.message);
    return out;
}

std::vector<std::string> error_messages(const diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.items())
        if (x.level == severity::error) out.push_back(x.message);
    return out;
}

// A fresh empty folder under the system temp folder.
fs::path temp_folder(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("reckon-limits-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

// `n` bytes of rules text: one statement, then comment lines.
std::string rules_of_size(std::size_t n) {
    std::string text = "trust t = 1\n";
    while (text.size() < n) {
        const std::size_t line = std::min<std::size_t>(n - text.size(), 80);
        if (line >= 2) text += '#' + std::string(line - 2, 'x');
        text += '\n';
    }
    return text;
}

}  // namespace

TEST_CASE("limit: rules file bytes", "[limits][rules]") {
    const std::string at = rules_of_size(rg::max_file_bytes);
    REQUIRE(at.size() == rg::max_file_bytes);
    std::size_t statements = 0;
    CHECK(parse_messages(at, &statements).empty());
    CHECK(statements == 1);
    const std::string past = at + "\n";
    CHECK(parse_messages(past) == std::vector<std::string>{"1:1: rules file is too large (4194305 bytes; the limit is 4194304)"});
}

TEST_CASE("limit: expression nesting depth", "[limits][rules]") {
    // A chain of k additions is an expression k + 1 levels deep.
    const auto chain = [](std::size_t k) {
        std::string s = "trust t = 1";
        for (std::size_t i = 0; i < k; ++i) s += " + 1";
        return s + "\n";
    };
    std::size_t statements = 0;
    CHECK(parse_messages(chain(rg::max_expression_depth - 1), &statements).empty());
    CHECK(statements == 1);
    CHECK(parse_messages(chain(rg::max_expression_depth)) ==
          std::vector<std::string>{"1:11: expression nested too deeply (more than 200 levels)"});
}

TEST_CASE("limit: grammar recursion depth", "[limits][rules]") {
    // Parentheses recurse through the whole expression grammar, so PEGTL's depth limit
    // (max_rule_depth) stops them long before the expression depth limit: find the
    // deepest nesting that parses, and check that one more level is refused.
    const auto parens = [](std::size_t n) { return "trust t = " + std::string(n, '(') + "1" + std::string(n, ')') + "\n"; };
    std::size_t deepest = 0;
    while (deepest < 1000 && parse_messages(parens(deepest + 1)).empty()) ++deepest;
    CHECK(deepest >= 20);                     // real rules nest a handful of levels
    CHECK(deepest < rg::max_expression_depth);  // it is the rule depth that stops them
    const auto past = parse_messages(parens(deepest + 1));
    REQUIRE(past.size() == 1);
    CHECK(past.front().find(": expression nested too deeply") != std::string::npos);
}

TEST_CASE("limit: syntax errors per rules file", "[limits][rules]") {
    const auto bad_lines = [](std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += "junk\n";
        return s;
    };
    const auto at = parse_messages(bad_lines(rg::max_syntax_errors));
    CHECK(at.size() == rg::max_syntax_errors);
    CHECK(at.back() == "50:1: unknown statement 'junk'");
    const auto past = parse_messages(bad_lines(rg::max_syntax_errors + 1));
    CHECK(past.size() == rg::max_syntax_errors + 1);
    CHECK(past.back() == "51:1: too many syntax errors (50); stopping here");
}

TEST_CASE("limit: statements per rules file", "[limits][rules]") {
    const auto many = [](std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += "trust t" + std::to_string(i) + " = 0.5\n";
        return s;
    };
    const auto at = rules::load_ruleset_text(many(rules::max_statements_per_file), "many.rules");
    CHECK(at.diags.errors() == 0);
    CHECK(at.rules != nullptr);
    const auto past = rules::load_ruleset_text(many(rules::max_statements_per_file + 1), "many.rules");
    CHECK(past.rules == nullptr);
    REQUIRE(past.diags.errors() == 1);
    const auto& d = past.diags.items().front();
    CHECK(d.line == rules::max_statements_per_file + 1);
    CHECK(d.message == "too many statements in one file (more than 10000)");
}

TEST_CASE("limit: nested includes", "[limits][rules]") {
    // f0 includes f1 includes ... fn: n includes below the root.
    const fs::path dir = temp_folder("includes");
    const auto chain = [&](std::size_t n) {
        for (std::size_t i = 0; i <= n; ++i) {
            std::string text = "trust t" + std::to_string(i) + " = 0.5\n";
            if (i < n) text = "include \"f" + std::to_string(i + 1) + ".rules\"\n" + text;
            write(dir / ("f" + std::to_string(i) + ".rules"), text);
        }
        return rules::load_ruleset((dir / "f0.rules").string());
    };
    const auto at = chain(rules::max_include_depth);
    CHECK(at.diags.errors() == 0);
    CHECK(at.rules != nullptr);
    CHECK(at.rules->files().size() == rules::max_include_depth + 1);
    const auto past = chain(rules::max_include_depth + 1);
    CHECK(past.rules == nullptr);
    CHECK(messages(past.diags) == std::vector<std::string>{"includes nested too deeply (more than 32 files)"});
    fs::remove_all(dir);
}

TEST_CASE("limit: nested loops over claims in a rule", "[limits][rules]") {
    const auto nested = [](std::size_t n) {
        std::string s = "grade g:\n  when";
        for (std::size_t i = 0; i < n; ++i) s += " any q" + std::to_string(i) + " in claims:";
        return rules::load_ruleset_text(s + " true\n", "loops.rules");
    };
    const auto at = nested(4);
    CHECK(at.diags.errors() == 0);
    const auto past = nested(5);
    CHECK(error_messages(past.diags) == std::vector<std::string>{"too many nested loops over claims (the limit is 4)"});
}

TEST_CASE("limit: YAML nodes read from a rules data file", "[limits][rules]") {
    // A sequence of n scalars, then a map naming a source kind: the map is node n + 2
    // of the walk (the sequence itself is node 1). A rule using the kind checks clean
    // only when the walk reached the map.
    const fs::path dir = temp_folder("yaml-nodes");
    const auto with_scalars = [&](std::size_t n) {
        std::string yaml = "[";
        yaml.reserve(2 * n + 32);
        for (std::size_t i = 0; i < n; ++i) yaml += "0,";
        yaml += "{kind: far_kind}]\n";
        write(dir / "data.yaml", yaml);
        write(dir / "r.rules", "data extra = \"data.yaml\"\ntrust t = 0.4 when source.kind == \"far_kind\"\n");
        return rules::load_ruleset((dir / "r.rules").string());
    };
    const std::size_t max_nodes = 1000000;
    const auto at = with_scalars(max_nodes - 2);
    CHECK(at.diags.errors() == 0);
    const auto past = with_scalars(max_nodes - 1);
    REQUIRE(past.diags.errors() == 1);
    CHECK(past.diags.items().front().message.find("unknown source kind 'far_kind'") == 0);
    fs::remove_all(dir);
}

TEST_CASE("limit: sentence bytes read around a figure", "[limits][extract]") {
    // Words with no full stop: a sentence of exactly max_sentence_bytes stays whole;
    // a longer one is cut at the first word boundary past the limit.
    std::string at = "word";
    while (at.size() + 5 <= extract::max_sentence_bytes) at += " word";
    at.append(extract::max_sentence_bytes - at.size(), 'x');
    REQUIRE(at.size() == extract::max_sentence_bytes);
    const auto one = extract::split_sentences(at, {0, at.size()});
    REQUIRE(one.size() == 1);
    CHECK(one.front().span.end - one.front().span.begin == extract::max_sentence_bytes);
    const std::string past = at + " more";
    const auto cut = extract::split_sentences(past, {0, past.size()});
    REQUIRE(cut.size() == 2);
    CHECK(cut[0].span.end - cut[0].span.begin == extract::max_sentence_bytes);
    CHECK(past.substr(cut[1].span.begin, cut[1].span.end - cut[1].span.begin) == "more");
}

TEST_CASE("limit: digits in a figure", "[limits][extract]") {
    const std::string at(15, '9');
    const auto f = grammar::claims::parse_figure(at + " civilians", 0);
    REQUIRE(f.has_value());
    CHECK_FALSE(f->overflow);
    CHECK(f->first == std::int64_t{999999999999999});
    const std::string past(16, '9');
    const auto g = grammar::claims::parse_figure(past + " civilians", 0);
    REQUIRE(g.has_value());
    CHECK(g->overflow);
    CHECK_FALSE(g->first.has_value());
}

TEST_CASE("limit: claims per article", "[limits][extract]") {
    diagnostics load;
    const auto sources = registry::load_sources(RECKON_SOURCE_DIR "/rules/sources.yaml", load);
    const auto places = registry::load_places(RECKON_SOURCE_DIR "/rules/places.yaml", load);
    const extract::extract_context ctx{&sources, &places};
    const extract::extractor x(ctx);
    const auto article_of = [](std::size_t n) {
        article a;
        a.id = "many";
        a.text.reserve(n * 24);
        for (std::size_t i = 0; i < n; ++i) a.text += std::to_string(i % 90 + 10) + " civilians were killed.\n";
        a.body = {0, a.text.size()};
        a.published = date::of_day(2018, 11, 14);
        return a;
    };
    diagnostics at_diags;
    const auto at = x.extract(article_of(extract::max_claims_per_article), at_diags);
    CHECK(at.size() == extract::max_claims_per_article);
    CHECK(at_diags.warnings() == 0);
    diagnostics past_diags;
    const auto past = x.extract(article_of(extract::max_claims_per_article + 1), past_diags);
    CHECK(past.size() == extract::max_claims_per_article);
    CHECK(messages(past_diags) == std::vector<std::string>{"article 'many' has 500001 claims; only the first 500000 are kept"});
}

TEST_CASE("limit: article bytes", "[limits][corpus]") {
    // A text article of exactly the limit is read; one byte more is skipped.
    std::string at(corpus::max_article_bytes, 'a');
    at.replace(0, 18, "9 people killed.\n\n");
    const auto r = corpus::ingest_bytes(at, "big.txt", corpus::input_format::text);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles.front().text.size() == corpus::max_article_bytes);
    CHECK(r.skipped == 0);
    at += 'a';
    const auto s = corpus::ingest_bytes(std::move(at), "big.txt", corpus::input_format::text);
    CHECK(s.articles.empty());
    CHECK(s.skipped == 1);
    CHECK(messages(s.diags) == std::vector<std::string>{"too large (67108865 bytes; the limit is 67108864); file skipped"});
}

TEST_CASE("limit: JSON Lines line bytes", "[limits][corpus]") {
    // One line {"id":"x","text":"aaa..."} of exactly the limit, then one byte longer.
    const auto line_of = [](std::size_t n) {
        const std::string head = "{\"id\":\"x\",\"text\":\"";
        const std::string tail = "\"}";
        return head + std::string(n - head.size() - tail.size(), 'a') + tail + "\n";
    };
    const auto r = corpus::ingest_bytes(line_of(corpus::max_line_bytes), "big.jsonl", corpus::input_format::jsonl);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles.front().id == "x");
    const auto s = corpus::ingest_bytes(line_of(corpus::max_line_bytes + 1), "big.jsonl", corpus::input_format::jsonl);
    CHECK(s.articles.empty());
    const auto m = messages(s.diags);
    REQUIRE_FALSE(m.empty());
    CHECK(m.front() == "line too long (67108865 bytes; the limit is 67108864); line skipped");
}

TEST_CASE("limit: articles sharing a shingle before it counts as boilerplate", "[limits][copies]") {
    // n articles sharing one paragraph and nothing else: linked while n is within
    // max_postings, not linked past it.
    const auto sharing = [](std::size_t n) {
        std::vector<article> arts;
        for (std::size_t i = 0; i < n; ++i) {
            article a;
            a.id = "a" + std::to_string(i);
            a.text = "Follow us on social media for the latest news and updates every single day of the week. Story " +
                     std::to_string(i * 7919) + " zq" + std::to_string(i) + " about something else " + std::to_string(i * 31);
            a.body = {0, a.text.size()};
            arts.push_back(a);
        }
        return arts;
    };
    const copies::copy_options o;
    CHECK_FALSE(copies::find_copies(sharing(o.max_postings), o).empty());
    CHECK(copies::find_copies(sharing(o.max_postings + 1), o).empty());
}

TEST_CASE("limit: blocking keys per claim and match rule", "[limits][rules]") {
    // Keys multiply: a year-precision event date touches 53 weeks, a month-precision
    // publication date 4 or 5. 53 x 4 = 212 keys stay under the limit of 256 and are
    // all kept; 53 x 5 = 265 are cut to 256. (No two dates give exactly 256.)
    const auto loaded = rules::load_ruleset_text("match m:\n  block by week(event_date), week(published)\n  when true\n",
                                                 "keys.rules", rules::file_access::refused);
    REQUIRE(loaded.rules != nullptr);
    claim c;
    c.id = "a@1";
    c.article = "a";
    c.low = c.high = 3;
    c.value_text = "3";
    c.event_date = date::of_year(2018);
    rules::claim_facts f;
    f.c = &c;
    const auto keys_with = [&](date published) {
        f.published = published;
        std::size_t n = 0;
        for (const auto& k : loaded.rules->blocking_keys(f)) n += k.rfind("m|", 0) == 0;
        return n;
    };
    CHECK(keys_with(date::of_month(2021, 2)) == 53 * 4);  // February 2021: Monday 1 to Sunday 28
    CHECK(keys_with(date::of_month(2018, 2)) == 256);     // February 2018 touches 5 weeks
}
