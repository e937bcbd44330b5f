#include "extract/claim_json.hpp"

#include "support/json_tree.hpp"
#include "support/json_writer.hpp"

namespace reckon::extract {

std::optional<std::string> iso_or_null(const date& d) {
    return d.known() ? std::optional<std::string>(d.iso()) : std::nullopt;
}

namespace {

template <class Sink>
void write_span(Sink& s, const char* name, byte_span span) {
    s.key(name);
    s.begin_array();
    s.value(std::uint64_t{span.begin});
    s.value(std::uint64_t{span.end});
    s.end_array();
}

}  // namespace

template <class Sink>
void write_claim_members(Sink& s, const claim& c) {
    const bool figure_is_a_number = c.qualifier != qualifier::vague && c.qualifier != qualifier::range;
    s.member("id", c.id);
    s.member("article", c.article);
    s.member("kind", to_string(c.kind));
    s.member("outcome", to_string(c.outcome));
    s.member("category", c.category);
    s.member("side", text_or_null(c.side));
    s.member("low", c.low);
    s.member("high", c.high);
    s.member("value", figure_is_a_number ? std::optional<std::string_view>(c.value_text) : std::nullopt);
    s.member("value_text", c.value_text);  // the figure exactly as written, also for ranges and vague words
    s.member("qualifier", c.qualifier_text);
    s.member("qualifier_kind", to_string(c.qualifier));
    s.member("vague", text_or_null(c.vague));
    s.member("parent", text_or_null(c.parent));
    s.member("source", c.source);
    s.member("source_text", c.source_text);
    s.member("source_type", text_or_null(c.source_type));
    s.member("relay", c.relay);
    s.member("place", text_or_null(c.place));
    s.member("place_key", text_or_null(c.place_key));
    s.member("governorate", text_or_null(c.governorate));
    s.member("country", text_or_null(c.country));
    s.member("event_date", iso_or_null(c.event_date));
    s.member("date_precision", to_string(c.event_date.precision));
    s.member("actor", text_or_null(c.actor));
    s.member("attack", text_or_null(c.attack));
    s.member("scope", text_or_null(c.scope));
    s.member("relation", text_or_null(c.relation));
    s.member("period", text_or_null(c.period));
    s.member("group", text_or_null(c.group));
    s.member("localities", text_or_null(c.localities));
    s.member("event", std::int64_t{c.event});
    s.member("day_named", c.day_named);
    s.member("headline", c.headline);
    write_span(s, "span", c.span);
    write_span(s, "sentence", c.sentence);
}

template void write_claim_members(json_writer&, const claim&);
template void write_claim_members(json_tree_builder&, const claim&);

std::string claim_line(const claim& c) {
    std::string line;
    line.reserve(1024);  // a claim line is some 800 bytes: one allocation, not seven doublings
    auto w = json_writer::compact(line);
    w.begin_object();
    write_claim_members(w, c);
    w.end_object();
    line += '\n';
    return line;
}

nlohmann::ordered_json claim_json(const claim& c) {
    return build_json([&](json_tree_builder& s) {
        s.begin_object();
        write_claim_members(s, c);
        s.end_object();
    });
}

}  // namespace reckon::extract
