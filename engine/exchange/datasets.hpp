// Event data sets read in as claims: a CSV in the UCDP GED layout or in ACLED's export
// layout (the layouts exchange/layouts.hpp writes) becomes, row by row, a figure from
// that data set, with its place, its dates and what the data set cites. The audit then
// sets each row beside the articles' figures like any other source: a UCDP best of 12
// against SOHR's 20 for one strike is a conflict, the same as between two outlets.
//
// Each row is kept as a small "article" of its own (id "ucdp:<id>", "acled:<event id>",
// outlet "UCDP GED" or "ACLED") whose text is the row written out as a sentence, so the
// provenance of every figure reads back to the file, its line and the field it came
// from. docs/formats.md ("Data sets in") says what is read from which column and why.
#pragma once

#include <string>
#include <vector>

#include "audit/claims_stream.hpp"
#include "exchange/layouts.hpp"
#include "model/article.hpp"
#include "registry/registry.hpp"
#include "registry/world.hpp"
#include "support/diagnostics.hpp"

namespace reckon::exchange {

enum class dataset_layout { unknown, ucdp, acled };

// The layout a CSV header names: UCDP GED has `date_start` and `best`, ACLED
// `event_id_cnty` and `fatalities`.
dataset_layout layout_of_header(const std::vector<std::string>& lower_case_columns);

// The rows read: one article per row, with what was read from it.
struct dataset_rows {
    std::vector<article> articles;
    std::vector<audit::extracted_article> extracted;  // one per article, same order
    std::size_t rows = 0;                              // data rows seen
    std::size_t skipped = 0;                           // rows skipped (each reported)
};

// Reads the CSV `bytes` (named `file` in messages) in the layout its header names.
// A header in neither layout is an error with a hint; a row that cannot be read
// (ragged, a broken quote, a figure that is not a number, no date) is skipped with a
// located warning; rows without a death figure give an article without claims, so
// nothing read is silently lost. Article ids seen before in `out` are errors.
void read_dataset(std::string bytes, const std::string& file, const place_data& where, dataset_rows& out,
                  diagnostics& diags);

}  // namespace reckon::exchange
