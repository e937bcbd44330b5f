#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>

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

TEST_CASE("shingles split words at commas, except between digits, and keep other UTF-8 in words", "[copies]") {
    // a thousands comma is no break ("1,250" is FA-KES's "1250"); a comma between words is
    CHECK(copies::shingles("shelling hit 1,250 homes near the river") == copies::shingles("shelling hit 1250 homes near the river"));
    CHECK(copies::shingles("Aleppo,Hama and Homs saw raids") == copies::shingles("Aleppo Hama and Homs saw raids"));
    CHECK(copies::shingles("the count was 12, 40 more were hurt") == copies::shingles("the count was 12 40 more were hurt"));
    // U+2018 and U+2019 are dropped as apostrophes; a dash (U+2014) is part of its word
    CHECK(copies::shingles("the \xE2\x80\x98" "army\xE2\x80\x99 said it") == copies::shingles("the army said it"));
    CHECK(copies::shingles("one\xE2\x80\x94two three four five") != copies::shingles("one two three four five"));
    CHECK(copies::shingles("one\xE2\x80\x94two three four five").size() == 1);
    // a lone lead byte at the end is a word byte
    CHECK(copies::shingles("four words and \xE2").size() == 1);
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

// The links as defined: every pair of articles, the sampled fingerprints they share that
// are in 2 to max_postings articles, the thresholds. The matcher counts them per article
// without listing the pairs; both must give the same links.
TEST_CASE("copy links are those of counting every pair of articles, on any number of threads", "[copies]") {
    std::mt19937 random(21);
    const std::size_t n = 400;
    std::vector<article> arts(n);
    std::vector<std::vector<copies::fingerprint>> sketches(n);
    for (std::size_t i = 0; i < n; ++i) {
        arts[i].id = "a" + std::to_string(i);
        if (i % 3 == 0) arts[i].published = date::of_day(2020, 1, 1 + static_cast<int>(i % 28));
        // a small universe, so that many articles share fingerprints and some are shared
        // by more than max_postings of them
        const std::size_t size = 5 + random() % 60;
        for (std::size_t k = 0; k < size; ++k)
            sketches[i].push_back(static_cast<copies::fingerprint>(k % 10 == 0 ? random() % 20 : random() % 3000));
        std::sort(sketches[i].begin(), sketches[i].end());
        sketches[i].erase(std::unique(sketches[i].begin(), sketches[i].end()), sketches[i].end());
    }
    copies::copy_options o;
    o.sample_mod = 2;
    o.max_postings = 12;
    o.min_shared = 2;
    o.min_overlap = 0.1;
    std::map<copies::fingerprint, std::size_t> articles_with;
    for (const auto& s : sketches)
        for (const auto h : s) ++articles_with[h];
    CHECK(std::any_of(articles_with.begin(), articles_with.end(), [&](const auto& e) { return e.second > o.max_postings; }));
    std::vector<copies::copy_link> expected;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            std::size_t shared = 0, sampled_i = 0, sampled_j = 0;
            for (const auto h : sketches[i]) sampled_i += h % o.sample_mod == 0 ? 1 : 0;
            for (const auto h : sketches[j]) sampled_j += h % o.sample_mod == 0 ? 1 : 0;
            for (const auto h : sketches[i])
                if (h % o.sample_mod == 0 && articles_with[h] >= 2 && articles_with[h] <= o.max_postings &&
                    std::binary_search(sketches[j].begin(), sketches[j].end(), h))
                    ++shared;
            const double overlap = static_cast<double>(shared) / static_cast<double>(std::max<std::size_t>(1, std::min(sampled_i, sampled_j)));
            if (shared < o.min_shared || overlap < o.min_overlap) continue;
            const bool i_first = copies::published_before(arts[i], arts[j]);
            expected.push_back({i_first ? j : i, i_first ? i : j, std::min(overlap, 1.0), shared});
        }
    std::sort(expected.begin(), expected.end(), [](const copies::copy_link& a, const copies::copy_link& b) {
        return a.later != b.later ? a.later < b.later : a.earlier < b.earlier;
    });
    REQUIRE(expected.size() > 50);
    for (const unsigned jobs : {1u, 2u, 3u}) {
        o.jobs = jobs;
        const auto links = copies::find_copies(arts, sketches, o);
        INFO("jobs " << jobs);
        REQUIRE(links.size() == expected.size());
        for (std::size_t k = 0; k < links.size(); ++k) {
            CHECK(links[k].later == expected[k].later);
            CHECK(links[k].earlier == expected[k].earlier);
            CHECK(links[k].shared == expected[k].shared);
            CHECK(links[k].overlap == expected[k].overlap);
        }
    }
}

TEST_CASE("the earlier articles whose copy links added articles change", "[copies][incremental]") {
    // Fingerprints that are multiples of 4 are in the 1-in-4 sample; one shared is a link.
    copies::copy_options options;
    options.max_postings = 2;
    options.min_shared = 1;
    options.min_overlap = 0;
    const auto article_of = [](std::string id, int day) {
        article a;
        a.id = std::move(id);
        a.published = date::of_day(2020, 1, day);
        return a;
    };
    const std::vector<article> articles{article_of("a0", 1), article_of("a1", 2), article_of("a2", 1), article_of("a3", 10),
                                        article_of("a4", 1),  article_of("a5", 1), article_of("a6", 2), article_of("added", 5)};
    const std::vector<std::vector<copies::fingerprint>> sketches{
        {12},          // a0 and a1 shared 12; the added article is a third holder: over max_postings,
        {12},          // so a1 no longer copies a0
        {100},         // a2 shares nothing
        {16},          // a3 is published after the added article and shares 16: it copies it
        {20},          // a4 is published before it: the added article copies a4 (a4 unchanged)
        {24},          // a5 and a6 still share 24
        {24},
        {12, 16, 20},  // added
    };
    const auto links = copies::find_copies(articles, sketches, options);
    CHECK(copies::touched_by_added(articles, sketches, links, 7, options) == std::vector<char>{0, 1, 0, 1, 0, 0, 0, 0});
    // Nothing added: nothing touched.
    CHECK(copies::touched_by_added(articles, sketches, links, articles.size(), options) == std::vector<char>(articles.size(), 0));
}

TEST_CASE("the earlier articles touched by added ones: the crossing fingerprints' pairs, as a second find_copies finds them",
          "[copies][incremental]") {
    // The reference: the links of the earlier articles alone found again and compared
    // with the links over all of them (what touched_by_added did before).
    const auto reference = [](const std::vector<article>& articles, const std::vector<std::vector<copies::fingerprint>>& sketches,
                              const std::vector<copies::copy_link>& links, std::size_t first_new, const copies::copy_options& o) {
        std::vector<char> touched(articles.size(), 0);
        copies::copy_options earlier = o;
        earlier.first_articles = first_new;
        std::set<std::pair<std::size_t, std::size_t>> was, is;
        for (const auto& l : copies::find_copies(articles, sketches, earlier)) was.emplace(l.later, l.earlier);
        for (const auto& l : links) {
            if (l.later >= first_new) continue;
            if (l.earlier >= first_new) touched[l.later] = 1;
            else is.emplace(l.later, l.earlier);
        }
        for (const auto& p : was)
            if (!is.count(p)) touched[p.first] = 1;
        for (const auto& p : is)
            if (!was.count(p)) touched[p.first] = 1;
        return touched;
    };
    std::mt19937 random(20);
    std::size_t touched_seen = 0;
    for (int round = 0; round < 40; ++round) {
        copies::copy_options o;
        o.max_postings = 3 + static_cast<std::size_t>(random() % 6);
        o.min_shared = 1 + static_cast<std::size_t>(random() % 3);
        o.min_overlap = (random() % 3) * 0.1;
        const std::size_t n = 30 + random() % 30, first_new = n - 1 - random() % 8;
        std::vector<article> articles(n);
        std::vector<std::vector<copies::fingerprint>> sketches(n);
        for (std::size_t a = 0; a < n; ++a) {
            articles[a].id = "a" + std::to_string(a);
            articles[a].published = date::of_day(2020, 1, 1 + static_cast<int>(random() % 20));
            // A small vocabulary of fingerprints (a quarter of them sampled), so that
            // groups cross max_postings as articles are added.
            const std::size_t words = 3 + random() % 12;
            for (std::size_t k = 0; k < words; ++k) sketches[a].push_back(static_cast<copies::fingerprint>(random() % 60));
            std::sort(sketches[a].begin(), sketches[a].end());
            sketches[a].erase(std::unique(sketches[a].begin(), sketches[a].end()), sketches[a].end());
        }
        const auto links = copies::find_copies(articles, sketches, o);
        const auto expected = reference(articles, sketches, links, first_new, o);
        INFO("round " << round);
        CHECK(copies::touched_by_added(articles, sketches, links, first_new, o) == expected);
        for (const auto t : expected) touched_seen += t ? 1 : 0;
    }
    CHECK(touched_seen > 20);  // the rounds did cross fingerprints over the cap
}
