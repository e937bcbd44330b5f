#include <catch2/catch.hpp>

#include "audit/render.hpp"
#include "fake_ruleset.hpp"
#include "graph/claim_graph.hpp"
#include "report/report.hpp"

using namespace reckon;
using reckon::testing::fake_ruleset;

namespace {

// A two-article audit built by hand: the second article carries a <script> tag.
audit::audit_result small_audit() {
    audit::audit_result a;
    article one;
    one.id = "one";
    one.outlet = "AFP";
    one.title = "Strike kills 38";
    one.published = date::of_day(2018, 11, 14);
    one.text = "Air strikes killed 38 people in Al-Shaafa, a monitor said.";
    one.body = {0, one.text.size()};
    article two = one;
    two.id = "two";
    two.title = "<script>alert(1)</script> 28 dead";
    two.published = date::of_day(2018, 11, 18);
    two.text = "<script>alert(1)</script> Strikes killed 28 people in Al-Shaafa.";
    two.body = {0, two.text.size()};
    a.articles = {one, two};
    const auto add = [&](std::size_t art, std::string value, std::size_t begin) {
        audit::claim_record r;
        r.article = art;
        r.c.id = a.articles[art].id + "@" + std::to_string(begin);
        r.c.article = a.articles[art].id;
        r.c.value_text = value;
        r.c.low = r.c.high = std::stoll(value);
        r.c.source = "SOHR";
        r.c.source_text = "the Syrian Observatory";
        r.c.relay = {"AFP"};
        r.c.place = "Al-Shaafa";
        r.c.governorate = "Deir ez-Zor";
        r.c.event_date = date::of_day(2018, 11, 11);
        r.c.span = {begin, begin + value.size()};
        r.c.sentence = {0, a.articles[art].text.size()};
        r.interval = {r.c.low, r.c.low, r.c.high, a.share_rule({"exact", "default.rules", 27})};
        a.claims.push_back(r);
    };
    add(0, "38", a.articles[0].text.find("38"));
    add(1, "28", a.articles[1].text.find("28"));
    fake_ruleset rules;
    std::vector<rules::claim_facts> facts(2);
    facts[0].c = &a.claims[0].c;
    facts[1].c = &a.claims[1].c;
    audit::incident_record inc;
    inc.id = "inc-test";
    inc.claims = {0, 1};
    inc.places = {"Al-Shaafa"};
    inc.governorate = "Deir ez-Zor";
    inc.date_from = inc.date_to = date::of_day(2018, 11, 11);
    inc.result = rules.reconcile(facts);
    inc.result.findings.front().kind = "self_contradiction";
    a.incidents.push_back(inc);
    a.copies.push_back({1, 0, 0.6, 5});
    a.claims[1].copied = true;
    a.claims[1].copied_from = "one";
    return a;
}

}  // namespace

TEST_CASE("the report model traces each number to its bytes", "[report]") {
    const auto a = small_audit();
    const auto m = report::report_model(a, a.incidents[0]);
    REQUIRE(m["claims"].size() == 2);
    for (const auto& c : m["claims"]) {
        // The span holds the number exactly as written.
        CHECK(c["span"]["text"] == c["value_text"]);
        CHECK(c["sentence"]["text"].get<std::string>().find(c["value_text"].get<std::string>()) != std::string::npos);
    }
    REQUIRE(m["copies"].size() == 1);
    CHECK(m["copies"][0]["article"] == "two");
    CHECK(m["copies"][0]["copies"] == "one");
    CHECK(m["copies"][0]["dependent_claims"][0] == a.claims[1].c.id);
    REQUIRE(m["timeline"].size() == 2);
    CHECK(m["timeline"][0]["change"] == "first report");
    CHECK(m["timeline"][1]["change"] == "revised down");
    CHECK(m["figures"][0]["rule"]["name"] == "fake_reconcile");
}

TEST_CASE("HTML reports escape article text: a script tag is shown, not run", "[report][html]") {
    const auto a = small_audit();
    const std::string html = report::render_html(report::report_model(a, a.incidents[0]));
    CHECK(html.find("<script>alert(1)</script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("<mark>38</mark>") != std::string::npos);
    CHECK(html.find("<mark>28</mark>") != std::string::npos);
    CHECK(html.find("self_contradiction") != std::string::npos);
    CHECK(html.find("two &rarr; one") != std::string::npos);
    CHECK(html.find("<svg role=\"img\" aria-label=\"claim graph\"") != std::string::npos);
    CHECK(html.find("http://") == std::string::npos);  // nothing to fetch: no external link, script or style
    CHECK(report::html_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
}

TEST_CASE("reports for chosen incidents, an index, and unknown ids", "[report]") {
    const auto a = small_audit();
    diagnostics diags;
    std::size_t calls = 0;
    const auto files = report::render_reports(a, {}, report::format::markdown, diags, [&](std::size_t, std::size_t) { ++calls; });
    REQUIRE(files.size() == 2);
    CHECK(files[0].name == "inc-test.md");
    CHECK(files[1].name == "index.md");
    CHECK(files[0].content.find("| 38 | SOHR, via AFP | AFP |") != std::string::npos);
    CHECK(calls == 1);
    const auto none = report::render_reports(a, {"inc-tset"}, report::format::html, diags);
    REQUIRE(diags.errors() == 1);
    CHECK(diags.items()[0].message == "no incident 'inc-tset' in this corpus");
    CHECK(diags.items()[0].hint == "did you mean 'inc-test'?");
}

TEST_CASE("PROV-JSON names entities, activities and agents", "[report][prov]") {
    const auto a = small_audit();
    const auto prov = nlohmann::json::parse(report::render_prov(a, a.incidents[0]));
    CHECK(prov["entity"].contains("reckon:article/one"));
    CHECK(prov["entity"].contains("reckon:claim/" + a.claims[0].c.id));
    CHECK(prov["entity"].contains("reckon:report/inc-test"));
    CHECK(prov["activity"].contains("reckon:extraction"));
    CHECK(prov["agent"].contains("reckon:source/SOHR"));
    CHECK(prov["agent"].contains("reckon:outlet/AFP"));
    CHECK(prov["wasDerivedFrom"].size() == 2);
}

TEST_CASE("the claim graph links articles, claims, sources and incidents", "[graph]") {
    const auto a = small_audit();
    const graph::claim_graph g(a);
    CHECK(g.find("article:one") >= 0);
    CHECK(g.find("claim:" + a.claims[0].c.id) >= 0);
    CHECK(g.find("incident:inc-test") >= 0);
    CHECK(g.component_count() == 1);
    const auto reach = g.reachable_from("article:two");
    CHECK(std::find(reach.begin(), reach.end(), "article:one") != reach.end());  // copies_text_of
    CHECK(std::find(reach.begin(), reach.end(), "source:SOHR") != reach.end());
    const std::string graphml = g.to_graphml();
    CHECK(graphml.find("attr.name=\"kind\" attr.type=\"string\"") != std::string::npos);
    CHECK(graphml.find("attr.name=\"weight\" attr.type=\"double\"") != std::string::npos);
    CHECK(graphml.find("copies_text_of") != std::string::npos);
    CHECK(graphml.find("contradicts") != std::string::npos);
    const auto j = nlohmann::json::parse(g.to_json());
    CHECK(j["nodes"].size() == g.vertex_count());
    CHECK(g.to_dot().find("digraph") != std::string::npos);
}
