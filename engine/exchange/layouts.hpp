// The audit's incidents in the layouts of two event data sets that casualty recorders
// already work with: the UCDP Georeferenced Event Dataset (GED) and ACLED's export.
// One CSV row per incident, in the data set's own columns and order; what reckon can
// fill is filled (docs/formats.md says, column by column, what and why), the rest is
// left empty rather than guessed.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "audit/audit.hpp"

namespace reckon::exchange {

// The columns, in the data set's order (docs/formats.md cites the codebooks).
const std::vector<std::string>& ucdp_columns();
const std::vector<std::string>& acled_columns();

void render_ucdp(const audit::audit_result& a, std::ostream& out);
void render_acled(const audit::audit_result& a, std::ostream& out);

// One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string csv_field(const std::string& text);

}  // namespace reckon::exchange
