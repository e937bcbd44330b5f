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

TEST_CASE("the figures chart gives each outcome and category its own axis with round ticks", "[report][html]") {
    const auto a = small_audit();
    const std::string html = report::render_html(report::report_model(a, a.incidents[0]));
    const auto chart = html.substr(html.find("aria-label=\"figures by source\""));
    // 38 and 28 people killed: ticks every 10 up to 40, never quarters of 47.5.
    CHECK(chart.find(">people killed</text>") != std::string::npos);
    for (const char* tick : {">0</text>", ">10</text>", ">20</text>", ">30</text>", ">40</text>"}) CHECK(chart.find(tick) != std::string::npos);
    CHECK(chart.find(">47</text>") == std::string::npos);
    // A label is a whole line of its own, never cut to fit beside its bar.
    CHECK(chart.find(">SOHR, via AFP: 38 people killed</text>") != std::string::npos);
    // The relay is a node on the claim's path to its source: claim -> AFP -> SOHR.
    CHECK(html.find("<title>via AFP</title>") != std::string::npos);
    CHECK(html.find(">relays</text>") != std::string::npos);
}

TEST_CASE("the HTML index carries the search, sorting, filters, date range and timeline", "[report][html][index]") {
    const auto a = small_audit();
    const auto model = report::report_model(a, a.incidents[0]);
    const std::string index = report::render_html_index({model});
    for (const char* control : {"id=\"q\"", "id=\"f-place\"", "id=\"f-source\"", "id=\"f-grade\"", "id=\"f-kind\"", "id=\"f-sev\"",
                                "id=\"f-from\" type=\"date\"", "id=\"f-to\" type=\"date\"", "<th data-type=\"number\"><button type=\"button\">killed</button>"})
        CHECK(index.find(control) != std::string::npos);
    // The row says what the filters compare: every place level, sources and relays, whole days.
    CHECK(index.find("data-places=\"Al-Shaafa|Deir ez-Zor\"") != std::string::npos);
    CHECK(index.find("data-sources=\"SOHR|AFP\"") != std::string::npos);
    CHECK(index.find("data-from=\"2018-11-11\" data-to=\"2018-11-11\"") != std::string::npos);
    CHECK(index.find("data-kinds=\"self_contradiction\"") != std::string::npos);
    CHECK(index.find("aria-label=\"timeline of tolls per place\"") != std::string::npos);
    CHECK(index.find("<title>Deir ez-Zor</title>") != std::string::npos);  // the timeline's lane
    // Without a world gazetteer there is no map, and the page says why.
    CHECK(index.find("id=\"map-none\">No map: no world gazetteer was loaded") != std::string::npos);
    CHECK(index.find("http://") == std::string::npos);
    CHECK(index.find("https://") == std::string::npos);
}

TEST_CASE("TopoJSON arcs are decoded from their quantized deltas", "[report][map]") {
    std::vector<report::polyline> lines;
    std::string error;
    REQUIRE(report::read_topojson_lines(R"({"type":"Topology","transform":{"scale":[0.5,0.25],"translate":[30,10]},
        "arcs":[[[0,0],[2,4],[-1,0]],[[4,4]]],"objects":{}})", lines, error));
    REQUIRE(lines.size() == 1);  // an arc of one point draws nothing
    REQUIRE(lines[0].size() == 3);
    CHECK(lines[0][0] == std::make_pair(30.0, 10.0));
    CHECK(lines[0][1] == std::make_pair(31.0, 11.0));
    CHECK(lines[0][2] == std::make_pair(30.5, 11.0));
    lines.clear();
    CHECK_FALSE(report::read_topojson_lines(R"({"type":"FeatureCollection"})", lines, error));
    CHECK(error == "not a TopoJSON topology (expected an object with \"type\": \"Topology\" and \"arcs\")");
    CHECK_FALSE(report::read_topojson_lines(R"({"type":"Topology","arcs":[[["a",1],[2,3]]]})", lines, error));
    CHECK(error == "a TopoJSON arc position is not a pair of numbers");
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
