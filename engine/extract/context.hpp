// Context across sentences of one article. A figure whose sentence (and the two
// before it) names no place ("State news agency SANA reported the strike late
// Thursday, saying more than 30 civilians were killed") is about the place the
// article gives for the same event. Such a claim takes the place key and governorate
// of the nearest claim of its article with the same event date; `place`, the text as
// written, stays empty so nobody mistakes the inference for the text.
#pragma once

#include <vector>

#include "model/claim.hpp"

namespace reckon::extract {

// Fills place_key and governorate of place-less incident claims from their article's
// other claims. Returns how many claims were filled.
std::size_t inherit_places(std::vector<claim>& claims);

}  // namespace reckon::extract
