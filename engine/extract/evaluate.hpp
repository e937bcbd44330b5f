// Scoring extraction against hand-made gold annotations (tests/data/gold/*.jsonl):
// precision and recall of (article, outcome, category, low, high), and how often the
// source and the event date of a found claim agree with the gold.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/claim.hpp"
#include "support/diagnostics.hpp"

namespace reckon::extract {

struct gold_claim {
    std::string outcome;   // killed, injured, missing
    std::string category;  // people, civilians...
    std::optional<std::int64_t> low, high;
    std::string source;     // canonical name, "" when not annotated
    std::string source_type;  // the world corpus's source type (police...), "" when not annotated
    std::string event_date; // ISO at its precision, "" when unknown
    std::string kind;       // incident, cumulative
    bool optional = false;  // debatable: neither required nor a false positive when found
    std::string text;       // the words that carry the figure
};

struct gold_article {
    std::string article;
    std::string outlet;
    std::vector<gold_claim> claims;
    std::size_t line = 0;
};

// One JSON object per line: {"article": "...", "outlet": "...", "claims": [...]}.
std::vector<gold_article> load_gold(const std::string& path, diagnostics& diags);

struct evaluation {
    std::size_t gold = 0;       // required gold claims
    std::size_t extracted = 0;  // extracted claims in annotated articles, less those matching optional gold
    std::size_t matched = 0;
    std::size_t source_checked = 0, source_right = 0;
    std::size_t type_checked = 0, type_right = 0;  // source types, where the gold gives them
    std::size_t date_checked = 0, date_right = 0;
    double precision() const { return extracted ? double(matched) / double(extracted) : 1.0; }
    double recall() const { return gold ? double(matched) / double(gold) : 1.0; }
    double source_accuracy() const { return source_checked ? double(source_right) / double(source_checked) : 1.0; }
    double date_accuracy() const { return date_checked ? double(date_right) / double(date_checked) : 1.0; }
    double type_accuracy() const { return type_checked ? double(type_right) / double(type_checked) : 1.0; }
    std::vector<std::string> missed;    // gold keys not extracted, as text
    std::vector<std::string> spurious;  // extracted keys not in the gold, as text
    std::vector<std::string> wrong_source;
    std::vector<std::string> wrong_type;
    std::vector<std::string> wrong_date;
};

// Claims whose article id equals a gold article id, or starts with it followed by
// '_' (seed files "000_018d..." annotated as "000"), are scored. Claims are matched per
// article as a multiset on (outcome, category, low, high), as tests/data/gold/README.md
// says: precision and recall count required gold claims only; an extracted claim that
// matches an optional gold claim is neither a hit nor a false positive. Source and
// event date are scored over matched pairs whose gold value is not null.
evaluation evaluate(const std::vector<claim>& claims, const std::vector<gold_article>& gold);

}  // namespace reckon::extract
