// The claims stream: what `reckon extract` writes and `reckon audit --claims` reads
// (docs/formats.md). Extraction is the only stage that needs the article texts; it
// writes, per article, an article record (id, outlet, date, title, size, the sketch of
// its shingles that copy detection needs, the fingerprints of each claim sentence, and
// the words scored matching weighs: its opening words and its names), then the
// article's claims. An audit of the stream gives the same result as an audit
// of the corpus, so extraction can run per shard of the corpus on any engine.
#pragma once

#include <istream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "copies/copies.hpp"
#include "extract/extract.hpp"
#include "match/evidence.hpp"
#include "model/article.hpp"
#include "model/claim.hpp"
#include "support/diagnostics.hpp"

namespace reckon::audit {

// All a later audit needs to know of one article once its text is gone.
struct extracted_article {
    std::vector<claim> claims;
    std::vector<copies::fingerprint> sketch;  // distinct fingerprints of the body, sorted
    std::size_t bytes = 0;                    // the article's size
    // Fingerprints (in text order, repeats kept) of each distinct claim sentence.
    std::vector<std::pair<byte_span, std::vector<copies::fingerprint>>> sentences;
    // The words of its text that scored matching reads (match/evidence.hpp). A stream
    // written before they were carried has none: `has_terms` false.
    match::article_terms terms;
    bool has_terms = false;

    // The fingerprints of the sentence `span` (empty when the article has none there).
    const std::vector<copies::fingerprint>& sentence(byte_span span) const;
};

// Extracts one article: claims, sketch, sentence fingerprints and, with `terms`, the
// words scored matching reads (an audit of a corpus reads them only when a rule does:
// a million articles' words are a large part of its memory).
extracted_article extract_article(const extract::extractor& x, const article& a, diagnostics& diags,
                                  std::vector<extract::rejection>* rejected = nullptr, bool terms = true);

// The article record of the stream (one JSON line, written before the article's claims).
nlohmann::ordered_json article_record(const article& a, const extracted_article& e);
// The same as one JSON line with its newline, written directly: the bytes of
// article_record(a, e).dump(-1) with the replace error handler.
std::string article_record_line(const article& a, const extracted_article& e);

// A claim back from its JSON (the extract contract); throws std::invalid_argument
// naming the field when a field is missing or of the wrong type.
claim claim_from_json(const nlohmann::json& j);

// What a claims stream holds: the articles (ids, outlets, dates, titles; no text) in
// stream order and what was extracted from each.
struct claims_corpus {
    std::vector<article> articles;
    std::vector<extracted_article> extracted;
};

// Reads one stream (`name` is used in messages and as the articles' origin) and
// appends to `out`, parsing on `jobs` threads (the result does not depend on them). Bad lines are errors at their line; an article id seen before (in
// this or an earlier stream) is an error, since claim ids are made from article ids.
void read_claims_stream(std::istream& in, const std::string& name, claims_corpus& out, diagnostics& diags, unsigned jobs = 1);

}  // namespace reckon::audit
