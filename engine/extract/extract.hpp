// CONTRACT (owned by the extraction work; may be extended, not broken):
// claim extraction. Turns an article into claims (model/claim.hpp) with spans into
// the article's own bytes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/article.hpp"
#include "model/claim.hpp"
#include "registry/registry.hpp"
#include "registry/world.hpp"
#include "support/diagnostics.hpp"

namespace reckon::extract {

// A number that was read but is not a casualty claim, and why ("a year", "an age").
struct rejection {
    byte_span span;
    std::string text;
    std::string reason;
};

// Why a claim's place was or was not chosen (`reckon extract --explain`).
struct place_note {
    std::string claim;  // claim id
    std::string text;   // "'Hawthorne': best of 6 'Hawthorne' in California (the article's division)"
};

struct extract_context {
    const registry::source_registry* sources = nullptr;
    const registry::gazetteer* places = nullptr;       // the overlay (rules/places.yaml)
    const registry::world_gazetteer* world = nullptr;  // the world index (registry/world.hpp), may be empty
    std::vector<rejection>* rejected = nullptr;  // when set, every rejected number is listed here
    std::vector<place_note>* place_notes = nullptr;  // when set, why each claim has its place
};

// Claims of one article, in text order. Never throws on odd text; problems go to diags.
std::vector<claim> extract_claims(const article& a, const extract_context& ctx, diagnostics& diags);

// The same, for many articles: builds the lookup tables of the registries once.
// Claims kept per article (docs/limits.md); past it a warning names the article.
inline constexpr std::size_t max_claims_per_article = 500000;

class extractor {
public:
    explicit extractor(const extract_context& ctx);
    ~extractor();
    extractor(const extractor&) = delete;
    extractor& operator=(const extractor&) = delete;
    std::vector<claim> extract(const article& a, diagnostics& diags) const;
    std::vector<claim> extract(const article& a, diagnostics& diags, std::vector<rejection>* rejected) const;

    struct tables;

private:
    extract_context m_ctx;
    tables* m_tables = nullptr;
};

}  // namespace reckon::extract
