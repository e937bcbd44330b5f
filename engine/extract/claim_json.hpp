// The claim as JSON: the extract contract (docs/extraction.md). One layout for
// `reckon extract`, the audit and the reports, so a claim reads the same everywhere; it
// is written to a sink (support/json_sink.hpp), so the audit's text writer and the JSON
// trees share the field list.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "model/claim.hpp"

namespace reckon::extract {

// The claim's members, in contract order, into an object the caller has opened (the
// audit adds its own members after them). Instantiated for json_writer and
// json_tree_builder.
template <class Sink>
void write_claim_members(Sink& sink, const claim& c);

nlohmann::ordered_json claim_json(const claim& c);
// The claim as one JSON line with its newline: the bytes of claim_json(c).dump(-1) with
// the replace error handler, written directly (reckon extract writes millions).
std::string claim_line(const claim& c);

// A date as the contracts write it: ISO 8601 at its precision, null when unknown.
std::optional<std::string> iso_or_null(const date& d);

}  // namespace reckon::extract
