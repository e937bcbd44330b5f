#include <catch2/catch.hpp>

#include "copies/copies.hpp"
#include "corpus/ingest.hpp"

using namespace reckon;

TEST_CASE("the seed articles that share AFP text are linked, later to earlier", "[copies][seeds]") {
    const auto corpus = corpus::ingest(std::string(RECKON_SOURCE_DIR) + "/examples/seeds");
    REQUIRE(corpus.articles.size() == 5);
    const auto links = copies::find_copies(corpus.articles);
    bool found = false;
    for (const auto& l : links) {
        INFO(corpus.articles[l.later].id << " -> " << corpus.articles[l.earlier].id << " " << l.overlap);
        if (corpus.articles[l.later].id.rfind("004", 0) == 0 && corpus.articles[l.earlier].id.rfind("000", 0) == 0) found = true;
        // 002 and 003 are separate stories.
        CHECK(corpus.articles[l.later].id.rfind("002", 0) != 0);
        CHECK(corpus.articles[l.later].id.rfind("003", 0) != 0);
    }
    CHECK(found);
}

TEST_CASE("shingles ignore case and apostrophes, so FA-KES text matches the original", "[copies]") {
    const auto original = copies::shingles("Syria’s war has killed more than 360,000 people since 2011");
    auto sorted = original;
    std::sort(sorted.begin(), sorted.end());
    CHECK(copies::shared_fraction("SYRIAS war has killed more than 360000 people since 2011", sorted) > 0.5);
    CHECK(copies::shared_fraction("completely different words here and there", sorted) == 0);
    CHECK(copies::shared_fraction("too short", sorted) == 0);
}

TEST_CASE("boilerplate shared by very many articles does not link them", "[copies]") {
    std::vector<article> arts;
    for (int i = 0; i < 100; ++i) {
        article a;
        a.id = "a" + std::to_string(i);
        a.text = "Follow us on social media for the latest news and updates every day. Story number " + std::to_string(i * 7919) +
                 " unique words " + std::to_string(i) + " about something else entirely different " + std::to_string(i * 31);
        a.body = {0, a.text.size()};
        arts.push_back(a);
    }
    copies::copy_options o;
    o.max_postings = 64;
    CHECK(copies::find_copies(arts, o).empty());
}
