#include "audit/claims_stream.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <unordered_set>

#include "extract/claim_json.hpp"
#include "support/json_writer.hpp"
#include "support/parallel.hpp"

namespace reckon::audit {

namespace {

constexpr char base64_digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Fingerprints as base64 of their little-endian bytes: 5.3 characters each. Three
// fingerprints are twelve bytes, sixteen digits; the bytes are taken from the values as
// they go, with no copy of them (every article record writes a sketch and its sentences').
std::string encode(const std::vector<copies::fingerprint>& values) {
    const std::size_t bytes = values.size() * 4;
    std::string out((bytes + 2) / 3 * 4, '=');
    const auto byte_at = [&](std::size_t i) -> std::uint32_t { return (values[i / 4] >> (8 * (i % 4))) & 0xffu; };
    char* d = out.data();
    std::size_t i = 0;
    for (; i + 3 <= bytes; i += 3, d += 4) {
        const std::uint32_t chunk = (byte_at(i) << 16) | (byte_at(i + 1) << 8) | byte_at(i + 2);
        d[0] = base64_digits[(chunk >> 18) & 63];
        d[1] = base64_digits[(chunk >> 12) & 63];
        d[2] = base64_digits[(chunk >> 6) & 63];
        d[3] = base64_digits[chunk & 63];
    }
    if (const std::size_t n = bytes - i; n > 0) {  // one or two bytes left: '=' pads the rest
        const std::uint32_t chunk = (byte_at(i) << 16) | (n > 1 ? byte_at(i + 1) << 8 : 0u);
        d[0] = base64_digits[(chunk >> 18) & 63];
        d[1] = base64_digits[(chunk >> 12) & 63];
        if (n > 1) d[2] = base64_digits[(chunk >> 6) & 63];
    }
    return out;
}

int digit_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

std::vector<copies::fingerprint> decode(const std::string& text, const char* field) {
    std::string bytes;
    std::uint32_t chunk = 0;
    int bits = 0;
    for (const char c : text) {
        if (c == '=') break;
        const int v = digit_value(c);
        if (v < 0) throw std::invalid_argument(std::string("'") + field + "' is not base64");
        chunk = (chunk << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes += static_cast<char>((chunk >> bits) & 0xff);
        }
    }
    if (bytes.size() % 4 != 0) throw std::invalid_argument(std::string("'") + field + "' does not hold whole fingerprints");
    std::vector<copies::fingerprint> out(bytes.size() / 4);
    for (std::size_t i = 0; i < out.size(); ++i)
        for (int k = 3; k >= 0; --k) out[i] = (out[i] << 8) | static_cast<unsigned char>(bytes[i * 4 + static_cast<std::size_t>(k)]);
    return out;
}

const nlohmann::json& field(const nlohmann::json& j, const char* name) {
    const auto it = j.find(name);
    if (it == j.end()) throw std::invalid_argument(std::string("missing field '") + name + "'");
    return *it;
}

std::string text(const nlohmann::json& j, const char* name, bool nullable = false) {
    const auto& v = field(j, name);
    if (v.is_null() && nullable) return {};
    if (!v.is_string()) throw std::invalid_argument(std::string("field '") + name + "' must be a string");
    return v.get<std::string>();
}

std::optional<std::int64_t> number(const nlohmann::json& j, const char* name) {
    const auto& v = field(j, name);
    if (v.is_null()) return std::nullopt;
    if (!v.is_number_integer()) throw std::invalid_argument(std::string("field '") + name + "' must be an integer or null");
    return v.get<std::int64_t>();
}

byte_span span(const nlohmann::json& j, const char* name) {
    const auto& v = field(j, name);
    if (!v.is_array() || v.size() != 2 || !v[0].is_number_unsigned() || !v[1].is_number_unsigned())
        throw std::invalid_argument(std::string("field '") + name + "' must be [begin, end]");
    return {v[0].get<std::size_t>(), v[1].get<std::size_t>()};
}

template <class Enum, std::size_t N>
Enum one_of(const nlohmann::json& j, const char* name, const Enum (&values)[N]) {
    const std::string t = text(j, name);
    for (const auto v : values)
        if (to_string(v) == t) return v;
    throw std::invalid_argument(std::string("field '") + name + "' has an unknown value '" + t + "'");
}

date event_date(const nlohmann::json& j) {
    const std::string iso = text(j, "event_date", true);
    if (iso.empty()) return {};
    const auto d = date::parse_iso(iso);
    if (!d) throw std::invalid_argument("field 'event_date' is not an ISO date");
    return *d;
}

}  // namespace

const std::vector<copies::fingerprint>& extracted_article::sentence(byte_span s) const {
    static const std::vector<copies::fingerprint> none;
    for (const auto& [where, prints] : sentences)
        if (where == s) return prints;
    return none;
}

extracted_article extract_article(const extract::extractor& x, const article& a, diagnostics& diags,
                                  std::vector<extract::rejection>* rejected, bool terms) {
    extracted_article e;
    e.claims = x.extract(a, diags, rejected);
    if (terms) {
        e.terms = match::terms_of(a.text);
        e.has_terms = true;
    }
    e.sketch = copies::sketch(a);
    e.bytes = a.text.size();
    for (const auto& c : e.claims) {
        const bool seen = std::any_of(e.sentences.begin(), e.sentences.end(), [&](const auto& s) { return s.first == c.sentence; });
        if (!seen) e.sentences.emplace_back(c.sentence, copies::fingerprints(c.sentence.of(a.text)));
    }
    return e;
}

nlohmann::ordered_json article_record(const article& a, const extracted_article& e) {
    using json = nlohmann::ordered_json;
    json sentences = json::array();
    for (const auto& [where, prints] : e.sentences)
        sentences.push_back({{"span", json::array({where.begin, where.end})}, {"fingerprints", encode(prints)}});
    json record{{"record", "article"},
                {"id", a.id},
                {"outlet", a.outlet},
                {"date", a.published.known() ? json(a.published.iso()) : json(nullptr)},
                {"date_source", std::string(to_string(a.published_from))},
                {"title", a.title},
                {"bytes", e.bytes},
                {"claims", e.claims.size()},
                {"sketch", encode(e.sketch)},
                {"sentences", sentences}};
    if (e.has_terms) {
        record["lead_words"] = e.terms.lead.text();
        record["names"] = e.terms.names.text();
    }
    return record;
}

std::string article_record_line(const article& a, const extracted_article& e) {
    std::string line;
    auto w = json_writer::compact(line);
    w.begin_object();
    w.key("record");
    w.value("article");
    w.key("id");
    w.value(a.id);
    w.key("outlet");
    w.value(a.outlet);
    w.key("date");
    if (a.published.known()) w.value(a.published.iso());
    else w.value(nullptr);
    w.key("date_source");
    w.value(to_string(a.published_from));
    w.key("title");
    w.value(a.title);
    w.key("bytes");
    w.value(static_cast<std::uint64_t>(e.bytes));
    w.key("claims");
    w.value(static_cast<std::uint64_t>(e.claims.size()));
    w.key("sketch");
    w.value(encode(e.sketch));
    w.key("sentences");
    w.begin_array();
    for (const auto& [where, prints] : e.sentences) {
        w.begin_object();
        w.key("span");
        w.begin_array();
        w.value(static_cast<std::uint64_t>(where.begin));
        w.value(static_cast<std::uint64_t>(where.end));
        w.end_array();
        w.key("fingerprints");
        w.value(encode(prints));
        w.end_object();
    }
    w.end_array();
    if (e.has_terms) {
        w.key("lead_words");
        w.value(e.terms.lead.text());
        w.key("names");
        w.value(e.terms.names.text());
    }
    w.end_object();
    line += '\n';
    return line;
}

claim claim_from_json(const nlohmann::json& j) {
    static constexpr claim_kind kinds[] = {claim_kind::incident, claim_kind::cumulative};
    static constexpr outcome outcomes[] = {outcome::killed, outcome::injured, outcome::missing};
    static constexpr qualifier qualifiers[] = {qualifier::exact, qualifier::at_least, qualifier::more_than, qualifier::about,
                                               qualifier::up_to, qualifier::range, qualifier::vague};
    claim c;
    c.id = text(j, "id");
    c.article = text(j, "article");
    c.kind = one_of(j, "kind", kinds);
    c.outcome = one_of(j, "outcome", outcomes);
    c.category = text(j, "category");
    c.side = text(j, "side", true);
    c.low = number(j, "low");
    c.high = number(j, "high");
    c.value_text = text(j, "value_text");
    c.qualifier_text = text(j, "qualifier");
    c.qualifier = one_of(j, "qualifier_kind", qualifiers);
    c.vague = text(j, "vague", true);
    c.parent = text(j, "parent", true);
    c.source = text(j, "source");
    c.source_text = text(j, "source_text");
    // absent in claims files written before source types (docs/formats.md)
    if (j.contains("source_type")) c.source_type = text(j, "source_type", true);
    const auto& relay = field(j, "relay");
    if (!relay.is_array()) throw std::invalid_argument("field 'relay' must be a list");
    for (const auto& r : relay) {
        if (!r.is_string()) throw std::invalid_argument("field 'relay' must be a list of strings");
        c.relay.push_back(r.get<std::string>());
    }
    c.place = text(j, "place", true);
    c.place_key = text(j, "place_key", true);
    c.governorate = text(j, "governorate", true);
    // absent from streams written before the field existed
    c.country = j.contains("country") ? text(j, "country", true) : std::string();
    c.event_date = event_date(j);
    c.actor = text(j, "actor", true);
    // absent from streams written before the field existed: unknown, as for a claim that names none
    c.attack = j.contains("attack") ? text(j, "attack", true) : std::string();
    c.scope = text(j, "scope", true);
    // absent from streams written before scope was read: a figure of its own, of the lead event
    c.relation = j.contains("relation") ? text(j, "relation", true) : std::string();
    c.period = j.contains("period") ? text(j, "period", true) : std::string();
    c.group = j.contains("group") ? text(j, "group", true) : std::string();
    c.localities = j.contains("localities") ? text(j, "localities", true) : std::string();
    if (j.contains("day_named")) {
        if (!j["day_named"].is_boolean()) throw std::invalid_argument("field 'day_named' must be true or false");
        c.day_named = j["day_named"].get<bool>();
    }
    if (j.contains("event")) {
        const auto& e = j["event"];
        if (!e.is_number_integer() || e.get<std::int64_t>() < 0 || e.get<std::int64_t>() > 1000000)
            throw std::invalid_argument("field 'event' must be a whole number from 0");
        c.event = static_cast<int>(e.get<std::int64_t>());
    }
    const auto& headline = field(j, "headline");
    if (!headline.is_boolean()) throw std::invalid_argument("field 'headline' must be true or false");
    c.headline = headline.get<bool>();
    c.span = span(j, "span");
    c.sentence = span(j, "sentence");
    return c;
}

namespace {

article article_from_record(const nlohmann::json& j, const std::string& file, std::size_t line, extracted_article& e) {
    article a;
    a.id = text(j, "id");
    if (a.id.empty()) throw std::invalid_argument("field 'id' is empty");
    a.outlet = text(j, "outlet");
    a.title = text(j, "title");
    const std::string iso = text(j, "date", true);
    if (!iso.empty()) {
        const auto d = date::parse_iso(iso);
        if (!d) throw std::invalid_argument("field 'date' is not an ISO date");
        a.published = *d;
    }
    const std::string from = text(j, "date_source");
    for (const auto s : {date_source::none, date_source::header, date_source::dateline, date_source::column, date_source::field})
        if (to_string(s) == from) a.published_from = s;
    a.where = {file, line, line};
    const auto bytes = number(j, "bytes");
    e.bytes = bytes ? static_cast<std::size_t>(*bytes) : 0;
    e.sketch = decode(text(j, "sketch"), "sketch");
    if (!std::is_sorted(e.sketch.begin(), e.sketch.end())) throw std::invalid_argument("field 'sketch' is not sorted");
    const auto& sentences = field(j, "sentences");
    if (!sentences.is_array()) throw std::invalid_argument("field 'sentences' must be a list");
    for (const auto& s : sentences) e.sentences.emplace_back(span(s, "span"), decode(text(s, "fingerprints"), "fingerprints"));
    // Absent from streams written before scored matching's words were carried: the
    // audit then warns when a rule reads them (run_audit).
    if (j.contains("lead_words") || j.contains("names")) {
        e.terms.lead = word_list::from_text(text(j, "lead_words"));
        e.terms.names = word_list::from_text(text(j, "names"));
        if (std::adjacent_find(e.terms.names.begin(), e.terms.names.end(), std::greater_equal<>()) != e.terms.names.end())
            throw std::invalid_argument("field 'names' is not sorted and distinct");
        e.has_terms = true;
    }
    return a;
}

}  // namespace

namespace {

// One line parsed on its own (on any thread): a record, or why it is refused.
struct parsed_line {
    enum { blank, article_record, claim_record, bad } kind = blank;
    std::string error;
    article a;
    extracted_article e;
    claim c;
};

parsed_line parse_line(std::string_view text, const std::string& name, std::size_t line) {
    parsed_line p;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) return p;
    try {
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception&) {
            throw std::invalid_argument("not valid JSON");
        }
        if (!j.is_object()) throw std::invalid_argument("expected a JSON object");
        const auto record = j.find("record");
        if (record != j.end()) {
            if (*record != "article") throw std::invalid_argument("unknown record type " + record->dump());
            p.a = article_from_record(j, name, line, p.e);
            p.kind = parsed_line::article_record;
        } else {
            p.c = claim_from_json(j);
            p.kind = parsed_line::claim_record;
        }
    } catch (const std::invalid_argument& e) {
        p.kind = parsed_line::bad;
        p.error = e.what();
    }
    return p;
}

}  // namespace

// Read a batch of whole lines at a time; the lines of a batch are parsed on `jobs`
// threads in stripes and taken in order on one, so the result does not depend on jobs.
void read_claims_stream(std::istream& in, const std::string& name, claims_corpus& out, diagnostics& diags, unsigned jobs) {
    std::unordered_set<std::string> ids;
    for (const auto& a : out.articles) ids.insert(a.id);
    std::size_t line = 0;     // lines before this batch
    bool current = false;     // an article record of this stream is open
    std::vector<std::string_view> lines;
    std::vector<parsed_line> parsed;
    while (in) {
        std::string bytes(std::size_t{8} << 20, '\0');
        in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        bytes.resize(static_cast<std::size_t>(in.gcount()));
        std::string rest;
        if (in && std::getline(in, rest)) bytes += rest + '\n';
        if (bytes.empty()) break;
        lines.clear();
        for (std::size_t from = 0; from < bytes.size();) {
            std::size_t eol = bytes.find('\n', from);
            if (eol == std::string::npos) eol = bytes.size();
            lines.emplace_back(bytes.data() + from, eol - from);
            from = eol + 1;
        }
        parsed.assign(lines.size(), parsed_line());
        run_striped(lines.size(), jobs, [&](std::size_t first, std::size_t step) {
            for (std::size_t k = first; k < lines.size(); k += step) parsed[k] = parse_line(lines[k], name, line + k + 1);
        });
        for (std::size_t k = 0; k < parsed.size(); ++k) {
            auto& p = parsed[k];
            try {
                switch (p.kind) {
                case parsed_line::blank: break;
                case parsed_line::bad: throw std::invalid_argument(p.error);
                case parsed_line::article_record:
                    if (!ids.insert(p.a.id).second)
                        throw std::invalid_argument("article '" + p.a.id + "' was already read; ids must be unique across the claims files");
                    out.articles.push_back(std::move(p.a));
                    out.extracted.push_back(std::move(p.e));
                    current = true;
                    break;
                case parsed_line::claim_record:
                    if (!current)
                        throw std::invalid_argument("a claim before any article record; this stream was not written by 'reckon extract' "
                                                    "of this version");
                    if (p.c.article != out.articles.back().id)
                        throw std::invalid_argument("claim of article '" + p.c.article + "' after the record of article '" +
                                                    out.articles.back().id + "'");
                    out.extracted.back().claims.push_back(std::move(p.c));
                    break;
                }
            } catch (const std::invalid_argument& e) {
                diags.error(name, line + k + 1, 1, std::string(e.what()) + "; line skipped",
                            "the claims files are what 'reckon extract' writes");
            }
        }
        line += lines.size();
    }
    if (in.bad()) diags.error(name, 0, 0, "read error");
}

}  // namespace reckon::audit
