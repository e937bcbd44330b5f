// Copy detection: which articles share text (a wire story republished, a paragraph
// copied), with an overlap score, in time close to linear in the corpus size.
//
// Method: every article is cut into word 4-gram shingles (lower case, apostrophes
// dropped so "Syria's" = "Syrias" as FA-KES writes it). A deterministic 1-in-4 sample
// of shingle hashes is indexed; shingles found in more than `max_postings` articles are
// boilerplate and ignored, so the pair counting stays linear. Article pairs sharing at
// least `min_shared` sampled shingles, with overlap (shared / smaller sample) of at
// least `min_overlap`, are linked, from the later article to the earlier one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/article.hpp"

namespace reckon::copies {

struct copy_options {
    unsigned sample_mod = 4;          // keep shingles whose hash % sample_mod == 0
    std::size_t max_postings = 64;    // ignore shingles shared by more articles than this
    std::size_t min_shared = 3;       // sampled shingles two articles must share
    double min_overlap = 0.15;        // shared / min(sampled shingles of the two)
    unsigned jobs = 1;                // threads for shingling and sorting (the links do not depend on it)
    std::size_t first_articles = SIZE_MAX;  // only the first this many articles (a living audit's stored ones)
};

struct copy_link {
    std::size_t later = 0;    // index of the copying article (published later, or larger id)
    std::size_t earlier = 0;  // index of the article copied from
    double overlap = 0;       // 0..1
    std::size_t shared = 0;   // sampled shingles in common
};

// A shingle's fingerprint: the low 32 bits of its hash. Articles are compared through
// their fingerprints only, so copies can be found from the sketches that `reckon
// extract` writes, without the texts (docs/scaling.md). The 1-in-N sample keeps the
// fingerprints whose low bits are 0, as it kept the hashes.
using fingerprint = std::uint32_t;

// Fingerprints of the word 4-gram shingles of `text`, in text order (repeats kept).
std::vector<fingerprint> fingerprints(std::string_view text);
// An article's sketch: the distinct fingerprints of its body, sorted.
std::vector<fingerprint> sketch(const article& a);

// Links, sorted by (later, earlier). `articles` order is the corpus order; only their
// ids and dates are read, the text comes through `sketches` (one per article).
std::vector<copy_link> find_copies(const std::vector<article>& articles, const std::vector<std::vector<fingerprint>>& sketches,
                                   const copy_options& options = {});
// The same from the articles' texts.
std::vector<copy_link> find_copies(const std::vector<article>& articles, const copy_options& options = {});

// The articles before `first_new` whose copy links differ once the articles from
// `first_new` on are added (a living audit's update), given `links` found over all of
// them: those now copying an added article (published after it), and those whose link
// to another earlier article came or went: a fingerprint the added articles push over
// max_postings is ignored from then on, and no longer counts for the pairs sharing it.
// The links of the earlier articles alone are found again to compare. 1 when touched.
std::vector<char> touched_by_added(const std::vector<article>& articles, const std::vector<std::vector<fingerprint>>& sketches,
                                   const std::vector<copy_link>& links, std::size_t first_new, const copy_options& options = {});

// Fraction (0..1) of `passage` (fingerprints of a sentence, repeats kept) found in
// `sketch` (sorted). An empty passage gives 0.
double shared_fraction(const std::vector<fingerprint>& passage, const std::vector<fingerprint>& sketch);

// Hashes of all word 4-gram shingles of `text`.
std::vector<std::uint64_t> shingles(std::string_view text);

// Fraction (0..1) of the shingles of `passage` that occur in `other_shingles`
// (which must be sorted). A passage shorter than one shingle gives 0.
double shared_fraction(std::string_view passage, const std::vector<std::uint64_t>& other_shingles);

// True when article a was published before b (then by id), the direction of a copy.
bool published_before(const article& a, const article& b);

}  // namespace reckon::copies
