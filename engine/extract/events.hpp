// What a figure is about beyond its place and day, and which event of its article it
// reports. A casualty article is rarely one figure about one event: a round-up lists the
// day's casualties neighbourhood by neighbourhood, a wire story recalls last month's
// strike, a subgroup ("11 of one family") sits beside the toll it belongs to, a
// later paragraph adds "three more" or says the toll "rose to" a new figure. Reading
// these relations is what keeps the audit from setting a part against its whole or one
// event against another (docs/extraction.md, "Scope and events").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/claim.hpp"

namespace reckon::extract {

// The scope words around one figure: the claim's relation, period and group.
struct figure_scope {
    std::string relation;  // "", "part", "addition", "revision", "running"
    std::string period;    // "", "days", "month", "year", "since", "war"
    std::string group;     // "", "family", "medical staff", "aid workers", "journalists", "critical condition"
};

// Reads the scope of the figure at `figure` in `sentence` (byte spans of `text`).
// `value` is the figure's number (a war-wide toll is large). An "addition" read here is
// only a candidate: read_scopes keeps it when an earlier figure of the article has the
// same outcome ("Another 65 were injured" after "11 killed" adds to nothing).
figure_scope scope_of_figure(std::string_view text, byte_span sentence, byte_span figure, std::int64_t value);

// The local places a sentence names: words that look like a neighbourhood, village or
// street ("al-Midan", "Bab al-Maqam", "Sheikh Maqsoud neighbourhood"), lower case,
// without the article "al-". What tells two items of a round-up apart when the
// gazetteer knows only their city.
std::vector<std::string> local_places(std::string_view text, byte_span sentence);

// Fills relation, period and group of every claim of one article (claims in text order,
// as extracted), then numbers the article's events (claim::event): figures of one
// sentence share an event; a figure starts another event when it names other local
// places than the event so far, another day, or opens with a marker of another event
// ("Meanwhile", "In another attack", "Last month", "two days ago"); a figure that names
// the places of an earlier event returns to it. Headline figures belong to the lead
// event (0).
void read_scopes(std::string_view text, std::vector<claim>& claims);

}  // namespace reckon::extract
