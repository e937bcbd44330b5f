// CONTRACT (owned by the extraction work; may be extended, not broken):
// claim extraction. Turns an article into claims (model/claim.hpp) with spans into
// the article's own bytes.
#pragma once

#include <vector>

#include "model/article.hpp"
#include "model/claim.hpp"
#include "registry/registry.hpp"
#include "support/diagnostics.hpp"

namespace reckon::extract {

struct extract_context {
    const registry::source_registry* sources = nullptr;
    const registry::gazetteer* places = nullptr;
};

// Claims of one article, in text order. Never throws on odd text; problems go to diags.
std::vector<claim> extract_claims(const article& a, const extract_context& ctx, diagnostics& diags);

}  // namespace reckon::extract
