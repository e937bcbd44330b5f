#include "extract/claim_json.hpp"

namespace reckon::extract {

nlohmann::ordered_json claim_json(const claim& c) {
    using json = nlohmann::ordered_json;
    const auto opt = [](const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); };
    const auto text_or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    json j;
    j["id"] = c.id;
    j["article"] = c.article;
    j["kind"] = std::string(to_string(c.kind));
    j["outcome"] = std::string(to_string(c.outcome));
    j["category"] = c.category;
    j["side"] = text_or_null(c.side);
    j["low"] = opt(c.low);
    j["high"] = opt(c.high);
    j["value"] = c.qualifier == qualifier::vague || c.qualifier == qualifier::range ? json(nullptr) : json(c.value_text);
    j["value_text"] = c.value_text;  // the figure exactly as written, also for ranges and vague words
    j["qualifier"] = c.qualifier_text;
    j["qualifier_kind"] = std::string(to_string(c.qualifier));
    j["vague"] = text_or_null(c.vague);
    j["parent"] = text_or_null(c.parent);
    j["source"] = c.source;
    j["source_text"] = c.source_text;
    j["relay"] = c.relay;
    j["place"] = text_or_null(c.place);
    j["place_key"] = text_or_null(c.place_key);
    j["governorate"] = text_or_null(c.governorate);
    j["event_date"] = c.event_date.known() ? json(c.event_date.iso()) : json(nullptr);
    j["date_precision"] = std::string(to_string(c.event_date.precision));
    j["actor"] = text_or_null(c.actor);
    j["attack"] = text_or_null(c.attack);
    j["scope"] = text_or_null(c.scope);
    j["headline"] = c.headline;
    j["span"] = json::array({c.span.begin, c.span.end});
    j["sentence"] = json::array({c.sentence.begin, c.sentence.end});
    return j;
}

}  // namespace reckon::extract
