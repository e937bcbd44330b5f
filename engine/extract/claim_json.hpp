// The claim as JSON: the extract contract (docs/extraction.md). One serialiser for
// `reckon extract`, the audit and the reports, so a claim reads the same everywhere.
#pragma once

#include <nlohmann/json.hpp>

#include "model/claim.hpp"

namespace reckon::extract {

nlohmann::ordered_json claim_json(const claim& c);

}  // namespace reckon::extract
