// The seed audit against examples/seeds/EXPECTED.md, point by point, through the
// library with the shipped rules and data.
#include <catch2/catch.hpp>

#include "audit/audit.hpp"
#include "audit/render.hpp"
#include "corpus/ingest.hpp"
#include "extract/claim_json.hpp"
#include <sstream>
#include "rules/ruleset.hpp"

using namespace reckon;

namespace {

struct seed_audit {
    audit::audit_result result;
    std::shared_ptr<const rules::ruleset> rules;
    registry::source_registry sources;
    registry::gazetteer places;
};

const seed_audit& seeds(unsigned jobs = 1) {
    static std::map<unsigned, seed_audit> cache;
    auto it = cache.find(jobs);
    if (it != cache.end()) return it->second;
    seed_audit& s = cache[jobs];
    const std::string root = RECKON_SOURCE_DIR;
    diagnostics diags;
    s.sources = registry::load_sources(root + "/rules/sources.yaml", diags);
    s.places = registry::load_places(root + "/rules/places.yaml", diags);
    auto loaded = rules::load_ruleset(root + "/rules/default.rules");
    INFO(diags.summary());
    REQUIRE(diags.errors() == 0);
    REQUIRE(loaded.rules);
    s.rules = loaded.rules;
    audit::audit_inputs in;
    in.articles = corpus::ingest(root + "/examples/seeds").articles;
    in.rules = s.rules.get();
    in.sources = &s.sources;
    in.places = &s.places;
    in.jobs = jobs;
    s.result = audit::run_audit(std::move(in));
    return s;
}

bool holds(const audit::audit_result& a, const audit::incident_record& inc, const std::string& article_prefix, std::int64_t low) {
    for (const auto m : inc.claims) {
        const auto& c = a.claims[m].c;
        if (c.article.rfind(article_prefix, 0) == 0 && c.low && *c.low == low) return true;
    }
    return false;
}

const audit::incident_record* incident_with(const audit::audit_result& a, const std::string& art1, std::int64_t v1,
                                            const std::string& art2, std::int64_t v2) {
    for (const auto& inc : a.incidents)
        if (holds(a, inc, art1, v1) && holds(a, inc, art2, v2)) return &inc;
    return nullptr;
}

bool has_finding(const audit::incident_record& inc, const std::string& kind_part) {
    for (const auto& f : inc.result.findings)
        if (f.kind.find(kind_part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("seed incident A: 38 and 28 in one incident, SOHR contradicts itself", "[audit][seeds]") {
    const auto& a = seeds().result;
    const auto* A = incident_with(a, "000", 38, "004", 28);
    REQUIRE(A);
    CHECK(has_finding(*A, "self_contradiction"));
    CHECK(holds(a, *A, "000", 32));
    CHECK(holds(a, *A, "000", 13));
    CHECK(holds(a, *A, "004", 22));
    CHECK(A->governorate == "Deir ez-Zor");
}

TEST_CASE("seed incidents C and B: conflicts between sources", "[audit][seeds]") {
    const auto& a = seeds().result;
    const auto* C = incident_with(a, "002", 28, "002", 31);
    REQUIRE(C);
    CHECK(has_finding(*C, "conflict"));
    const auto* B = incident_with(a, "001", 14, "001", 15);
    REQUIRE(B);
    CHECK(has_finding(*B, "conflict"));
}

TEST_CASE("seed incident F: 'at least 36' and 'at least 40' agree", "[audit][seeds]") {
    const auto& a = seeds().result;
    const auto* F = incident_with(a, "004", 40, "004", 36);
    REQUIRE(F);
    CHECK_FALSE(has_finding(*F, "conflict"));
    CHECK_FALSE(has_finding(*F, "contradict"));
}

TEST_CASE("seed incidents D, E, G and H stand apart", "[audit][seeds]") {
    const auto& a = seeds().result;
    const auto* D = incident_with(a, "003", 23, "003", 10);
    REQUIRE(D);
    CHECK_FALSE(holds(a, *D, "003", 26));  // the linked headline is not incident D
    CHECK_FALSE(holds(a, *D, "003", 25));  // February's strike is incident E
    const auto* E = incident_with(a, "003", 25, "003", 7);
    REQUIRE(E);
    bool g_alone = false;
    for (const auto& inc : a.incidents)
        if (holds(a, inc, "004", 17) && !holds(a, inc, "004", 40) && inc.date_from.iso() == "2018-11-15") g_alone = true;
    CHECK(g_alone);
}

TEST_CASE("seed cumulative totals stay out of incidents and the coalition series rises", "[audit][seeds]") {
    const auto& a = seeds().result;
    for (const auto& [art, v] : std::vector<std::pair<std::string, std::int64_t>>{
             {"000", 1101}, {"001", 1101}, {"003", 883}, {"003", 6259}, {"001", 3301}, {"000", 360001}}) {
        for (const auto& inc : a.incidents) CHECK_FALSE(holds(a, inc, art, v));
    }
    bool coalition = false;
    for (const auto& s : a.cumulative) {
        std::vector<std::int64_t> lows;
        for (const auto i : s.claims)
            if (a.claims[i].c.low) lows.push_back(*a.claims[i].c.low);
        if (std::find(lows.begin(), lows.end(), 883) == lows.end()) continue;
        coalition = true;
        CHECK(lows.front() == 883);
        CHECK(std::find(lows.begin(), lows.end(), 1101) != lows.end());
        CHECK(s.findings.empty());  // 883 then more than 1,100: consistent
    }
    CHECK(coalition);
}

TEST_CASE("seed articles 000 and 004 are linked as copies", "[audit][seeds]") {
    const auto& a = seeds().result;
    bool linked = false;
    for (const auto& l : a.copies)
        if (a.articles[l.later].id.rfind("004", 0) == 0 && a.articles[l.earlier].id.rfind("000", 0) == 0) linked = true;
    CHECK(linked);
}

TEST_CASE("the audit is reproducible and the same with two threads", "[audit][seeds]") {
    const std::string once = audit::render_json(seeds(1).result);
    const std::string twice = audit::render_json(seeds(2).result);
    CHECK(once == twice);
}

TEST_CASE("every seed claim and article record survives the claims stream", "[audit][stream]") {
    const std::string root = RECKON_SOURCE_DIR;
    diagnostics diags;
    const auto sources = registry::load_sources(root + "/rules/sources.yaml", diags);
    const auto places = registry::load_places(root + "/rules/places.yaml", diags);
    const extract::extractor x(extract::extract_context{&sources, &places});
    const auto articles = corpus::ingest(root + "/examples/seeds").articles;
    std::ostringstream stream;
    std::vector<audit::extracted_article> written;
    for (const auto& a : articles) {
        written.push_back(audit::extract_article(x, a, diags));
        stream << audit::article_record(a, written.back()).dump() << '\n';
        for (const auto& c : written.back().claims) stream << extract::claim_json(c).dump() << '\n';
    }
    std::istringstream in(stream.str());
    audit::claims_corpus read;
    diagnostics read_diags;
    audit::read_claims_stream(in, "seeds.jsonl", read, read_diags);
    REQUIRE(read_diags.errors() == 0);
    REQUIRE(read.articles.size() == articles.size());
    std::size_t claims = 0;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        CHECK(read.articles[i].id == articles[i].id);
        CHECK(read.articles[i].published == articles[i].published);
        CHECK(read.articles[i].title == articles[i].title);
        CHECK(read.extracted[i].sketch == written[i].sketch);
        CHECK(read.extracted[i].sketch.size() > 50);
        CHECK(read.extracted[i].sentences == written[i].sentences);
        REQUIRE(read.extracted[i].claims.size() == written[i].claims.size());
        for (std::size_t k = 0; k < written[i].claims.size(); ++k, ++claims)
            CHECK(extract::claim_json(read.extracted[i].claims[k]) == extract::claim_json(written[i].claims[k]));
    }
    CHECK(claims > 20);
}

TEST_CASE("a claims stream names the line of a damaged record", "[audit][stream]") {
    std::istringstream in("{\"record\":\"article\",\"id\":\"a\",\"outlet\":\"\",\"date\":null,\"date_source\":\"none\",\"title\":\"\","
                          "\"bytes\":3,\"claims\":0,\"sketch\":\"AAAAAA==\",\"sentences\":[]}\n"
                          "{\"record\":\"article\",\"id\":\"a\",\"outlet\":\"\",\"date\":null,\"date_source\":\"none\",\"title\":\"\","
                          "\"bytes\":3,\"claims\":0,\"sketch\":\"AAA*\",\"sentences\":[]}\n"
                          "{\"id\":\"b@1\"}\n");
    audit::claims_corpus read;
    diagnostics diags;
    audit::read_claims_stream(in, "x.jsonl", read, diags);
    REQUIRE(diags.errors() == 2);
    CHECK(diags.items()[0].line == 2);
    CHECK(diags.items()[0].message == "'sketch' is not base64; line skipped");
    CHECK(diags.items()[1].line == 3);
    CHECK(diags.items()[1].message == "missing field 'article'; line skipped");
    REQUIRE(read.articles.size() == 1);
    CHECK(read.extracted[0].sketch == std::vector<copies::fingerprint>{0});
}
