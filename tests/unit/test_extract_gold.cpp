// Extraction against the hand-made gold files: every seed claim (EXPECTED.md) and the
// annotated FA-KES articles. These tests fail when the figures drop below the targets.
#include <catch2/catch.hpp>
#include <filesystem>

#include "corpus/ingest.hpp"
#include "shared_corpus.hpp"
#include "extract/evaluate.hpp"
#include "extract/extract.hpp"
#include "registry/registry.hpp"

using namespace reckon;

namespace {

extract::evaluation score(const std::string& corpus_path, const std::string& gold_path) {
    diagnostics d;
    const auto sources = registry::load_sources(RECKON_SOURCE_DIR "/rules/sources.yaml", d);
    const auto places = registry::load_places(RECKON_SOURCE_DIR "/rules/places.yaml", d);
    REQUIRE(d.errors() == 0);
    const auto corpus = corpus::ingest(corpus_path);
    REQUIRE_FALSE(corpus.articles.empty());
    extract::extract_context ctx;
    ctx.sources = &sources;
    ctx.places = &places;
    const extract::extractor x(ctx);
    std::vector<claim> claims;
    for (const auto& a : corpus.articles) {
        auto cs = x.extract(a, d);
        claims.insert(claims.end(), cs.begin(), cs.end());
    }
    const auto gold = extract::load_gold(gold_path, d);
    REQUIRE(d.errors() == 0);
    REQUIRE_FALSE(gold.empty());
    return extract::evaluate(claims, gold);
}

void report(const extract::evaluation& ev) {
    WARN("precision " << ev.precision() << " recall " << ev.recall() << " source " << ev.source_accuracy() << " date "
                      << ev.date_accuracy() << " (" << ev.matched << " of " << ev.gold << " gold, " << ev.extracted
                      << " extracted)");
    for (const auto& m : ev.missed) UNSCOPED_INFO("missed: " << m);
    for (const auto& m : ev.spurious) UNSCOPED_INFO("spurious: " << m);
}

}  // namespace

TEST_CASE("the seeds extract as EXPECTED.md says", "[extract][gold]") {
    const auto ev = score(RECKON_SOURCE_DIR "/examples/seeds", RECKON_TEST_DATA "/gold/seeds.gold.jsonl");
    report(ev);
    CHECK(ev.recall() == 1.0);
    CHECK(ev.precision() >= 0.95);
    CHECK(ev.source_accuracy() >= 0.95);
    CHECK(ev.date_accuracy() >= 0.95);
}

TEST_CASE("FA-KES gold: precision and recall >= 0.95", "[extract][gold]") {
    const auto csv = shared_corpus_file("fakes/FA-KES-Dataset.csv");
    if (!csv) return;
    std::vector<std::string> golds;
    for (const auto& e : std::filesystem::directory_iterator(RECKON_TEST_DATA "/gold")) {
        const auto name = e.path().filename().string();
        if (e.path().extension() == ".jsonl" && name.rfind("seeds", 0) != 0) golds.push_back(e.path().string());
    }
    REQUIRE_FALSE(golds.empty());
    for (const auto& g : golds) {
        INFO(g);
        const auto ev = score(*csv, g);
        report(ev);
        CHECK(ev.precision() >= 0.95);  // issue 16 (0.942 and 0.924 before it)
        CHECK(ev.recall() >= 0.95);
        CHECK(ev.source_accuracy() >= 0.93);  // issue 15 (0.848 before it)
    }
}

TEST_CASE("world corpus: sources and their types outside Syria", "[extract][gold][world]") {
    // 43 reports from ten countries (tests/data/world/README.md); issue 15 asks for the
    // source type right for >= 90 % of the figures
    const auto ev = score(RECKON_TEST_DATA "/world/articles.jsonl", RECKON_TEST_DATA "/world/world.gold.jsonl");
    report(ev);
    for (const auto& m : ev.wrong_type) UNSCOPED_INFO("wrong type: " << m);
    CHECK(ev.type_checked >= 85);
    CHECK(ev.type_accuracy() >= 0.90);
    CHECK(ev.source_accuracy() >= 0.90);
    CHECK(ev.precision() >= 0.90);
    CHECK(ev.recall() >= 0.85);
}
