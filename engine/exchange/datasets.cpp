#include "exchange/datasets.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "corpus/csv.hpp"
#include "corpus/readers.hpp"
#include "dateline/dateline.hpp"
#include "extract/world_places.hpp"

namespace reckon::exchange {

namespace {

using registry::no_place;

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

bool ends_with_word(const std::string& lower, std::string_view word) {
    return lower.size() > word.size() + 1 && lower.compare(lower.size() - word.size(), word.size(), word) == 0 &&
           lower[lower.size() - word.size() - 1] == ' ';
}

// The name of a place as the data sets write it, without the words that say what kind
// of unit it is: UCDP's "Kafr Nubl town", "Idlib governorate", "Maarrat an-Numan
// district"; a country's former name in brackets ("Yemen (North Yemen)"); only the
// first of a comma-separated description.
std::string bare_name(std::string_view written) {
    std::string name = trim(written.substr(0, std::min(written.find(','), written.find('('))));
    static const char* const units[] = {"governorate", "province", "district", "sub-district", "subdistrict", "nahiya",
                                        "state", "region", "oblast", "county", "municipality", "city", "town",
                                        "village", "area", "neighbourhood", "neighborhood", "camp"};
    for (bool cut = true; cut;) {
        cut = false;
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        for (const char* unit : units)
            if (ends_with_word(lower, unit)) {
                name = trim(std::string_view(name).substr(0, name.size() - std::char_traits<char>::length(unit)));
                cut = true;
                break;
            }
    }
    if (name.size() > 4 && (name.compare(0, 4, "the ") == 0 || name.compare(0, 4, "The ") == 0)) name = name.substr(4);
    return name;
}

// Where a row says its event happened, most precise first.
struct row_place {
    std::string country, adm1, adm2, location;
};

// Settles a row's place against the world gazetteer (the location within its division
// and country, else its second-level division, else its division, else the country)
// and fills the claim's place fields as the extractor does, so that a row and an
// article's figure about one town meet. What the gazetteer does not know is kept as
// written, within the division and country that were found.
void settle_place(const extract::world_reader& reader, const registry::gazetteer* overlay, const row_place& p, claim& c) {
    const std::string location = bare_name(p.location), adm2 = bare_name(p.adm2), adm1 = bare_name(p.adm1);
    const std::string written = !location.empty() ? location : !adm2.empty() ? adm2 : adm1;
    c.place = written;
    if (reader.active()) {
        const auto& g = *reader.world();
        std::uint32_t country = no_place, division = no_place;
        if (const auto group = reader.group_of(bare_name(p.country)); group != no_place) {
            const auto e = g.best_area(group);
            if (e != no_place && g.entity(registry::entry_entity(e)).kind == registry::world_kind::country)
                country = registry::entry_entity(e);
        }
        if (const auto group = reader.group_of(adm1); group != no_place && country != no_place) {
            const auto e = g.best_in(group, country);
            if (e != no_place) {
                const auto& found = g.entity(registry::entry_entity(e));
                // The division itself, or a town of its name whose division it is ("Aleppo").
                if (found.kind == registry::world_kind::division) division = registry::entry_entity(e);
                else if (found.division != no_place && registry::world_key(g.name(found.division)) == registry::world_key(adm1))
                    division = found.division;
            }
        }
        // In the overlay's country the overlay is the authority (its villages, its
        // spellings), as it is for the extractor.
        if (country != no_place && country == reader.overlay_country() && overlay) {
            for (const std::string* name : {&location, &adm2}) {
                if (name->empty()) continue;
                if (const registry::place* known = overlay->resolve(*name)) {
                    c.country = std::string(g.code(country));
                    c.place = *name;
                    c.place_key = known->key;
                    c.governorate = known->governorate;
                    return;
                }
            }
        }
        for (const std::string* name : {&location, &adm2}) {
            if (name->empty() || country == no_place) continue;
            const auto group = reader.group_of(*name);
            if (group == no_place) continue;
            const auto e = g.best_in(group, country, division);
            if (e == no_place) continue;
            reader.set_claim_place(c, registry::entry_entity(e));
            c.place = *name;
            return;
        }
        if (division != no_place) reader.set_claim_place(c, division);
        else if (country != no_place) c.country = std::string(g.code(country));
        if (!location.empty() || !adm2.empty()) {
            // A place the gazetteer lacks: kept as written, under what was found.
            const std::string within = c.place_key;
            c.place = written;
            c.place_key = registry::gazetteer::normalise(written);
            if (!within.empty()) c.place_key = within + "/" + c.place_key;
        }
        if (c.governorate.empty()) c.governorate = adm1;
        return;
    }
    if (overlay) {
        if (const registry::place* known = overlay->resolve(written)) {
            c.place_key = known->key;
            c.governorate = known->governorate;
            return;
        }
    }
    c.place_key = registry::gazetteer::normalise(written);
    c.governorate = adm1;
}

// A count as the data sets write it: digits, possibly "12.0" from a spreadsheet.
std::optional<std::int64_t> count_of(const std::string& text) {
    const std::string t = trim(text);
    if (t.empty()) return std::nullopt;
    std::size_t i = 0;
    std::int64_t v = 0;
    for (; i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])); ++i) {
        if (v > 100000000) return std::nullopt;
        v = v * 10 + (t[i] - '0');
    }
    if (i == 0) return std::nullopt;
    if (i < t.size() && t[i] == '.' && t.find_first_not_of('0', i + 1) == std::string::npos) return v;
    if (i != t.size()) return std::nullopt;
    return v;
}

// A day as the data sets write it: ISO (with or without a time after it), M/D/YYYY,
// or ACLED's "12 May 2023" and "12-May-2023".
std::optional<date> day_of(const std::string& text) {
    const std::string t = trim(text);
    if (t.size() >= 10)
        if (auto d = date::parse_iso(std::string_view(t).substr(0, 10)); d && d->precision == date_precision::day) return d;
    if (auto d = grammar::dateline::parse_column_date(t)) return d;
    std::string words = t;
    std::replace(words.begin(), words.end(), '-', ' ');
    const auto a = words.find(' '), b = words.rfind(' ');
    if (a == std::string::npos || a == b) return std::nullopt;
    const auto day = count_of(words.substr(0, a)), year = count_of(words.substr(b + 1));
    const int month = month_from_name(trim(words.substr(a + 1, b - a - 1)));
    if (!day || !year || month == 0 || !valid_ymd(static_cast<int>(*year), month, static_cast<int>(*day))) return std::nullopt;
    return date::of_day(static_cast<int>(*year), month, static_cast<int>(*day));
}

// The row's text, built piece by piece; each figure's span points into it.
class row_text {
public:
    byte_span add(std::string_view piece) {
        const byte_span s{m_text.size(), m_text.size() + piece.size()};
        m_text += piece;
        return s;
    }
    std::string take() { return std::move(m_text); }

private:
    std::string m_text;
};

// The columns of a header by lower-case name.
class columns {
public:
    explicit columns(const std::vector<std::string>& header) {
        for (std::size_t i = 0; i < header.size(); ++i) m_index.emplace(corpus::csv_lower_trim(header[i]), i);
    }
    bool has(const std::string& name) const { return m_index.count(name) > 0; }
    // The field of a row, "" when the header has no such column.
    const std::string& of(const corpus::csv_record& r, const std::string& name) const {
        static const std::string none;
        const auto it = m_index.find(name);
        return it == m_index.end() || it->second >= r.fields.size() ? none : r.fields[it->second];
    }
    // The non-empty fields, each after ", ": where a row says its event was.
    std::string joined(const corpus::csv_record& r, std::initializer_list<const char*> names) const {
        std::string out;
        for (const char* name : names)
            if (const auto v = trim(of(r, name)); !v.empty()) out += ", " + v;
        return out;
    }

private:
    std::map<std::string, std::size_t> m_index;
};

claim figure_claim(const std::string& article_id, byte_span span, std::int64_t low, std::int64_t high,
                   const std::string& value_text, const std::string& category) {
    claim c;
    c.id = article_id + "@" + std::to_string(span.begin);
    c.article = article_id;
    c.category = category;
    c.low = low;
    c.high = high;
    c.value_text = value_text;
    if (low != high) c.qualifier = qualifier::range;
    c.span = span;
    c.day_named = true;  // the data set gives the event's day itself
    return c;
}

// The data set as the source of a row's figures, with what it cites.
claim cited_by(const std::string& dataset, const std::string& cited) {
    claim c;
    c.source = dataset;
    c.source_text = cited.empty() ? dataset : dataset + ", citing " + cited;
    c.source_type = "monitor";  // an event data set compiled from reports, as a monitor's count is
    return c;
}

// Settles what every claim of a row shares: source, place, date, the sentence.
void share(std::vector<claim>& claims, const claim& common) {
    for (auto& c : claims) {
        c.source = common.source;
        c.source_text = common.source_text;
        c.source_type = common.source_type;
        c.place = common.place;
        c.place_key = common.place_key;
        c.governorate = common.governorate;
        c.country = common.country;
        c.event_date = common.event_date;
        c.actor = common.actor;
        c.attack = common.attack;
        c.sentence = common.sentence;
    }
}

// ACLED's sub-event types as reckon's means of attack.
std::string attack_of(const std::string& event_type, const std::string& sub_event_type) {
    static const std::map<std::string, std::string> means{{"air/drone strike", "air strike"},
                                                          {"shelling/artillery/missile attack", "shelling"},
                                                          {"remote explosive/landmine/ied", "bombing"},
                                                          {"suicide bomb", "bombing"},
                                                          {"armed clash", "clashes"}};
    if (const auto it = means.find(corpus::csv_lower_trim(sub_event_type)); it != means.end()) return it->second;
    if (corpus::csv_lower_trim(event_type) == "battles") return "clashes";
    return {};
}

struct row_context {
    const std::string& file;
    const corpus::csv_record& r;
    std::size_t row;
    diagnostics& diags;
    dataset_rows& out;

    void skip(const std::string& message, const std::string& hint) {
        diags.warning("dataset-row", file, r.line, 0, "row " + std::to_string(row) + ": " + message + "; row skipped", hint);
        ++out.skipped;
    }
};

// One UCDP GED row: `best` (within `low` and `high`) people killed, `deaths_civilians`
// of them civilians, from date_start to date_end, at its place.
bool read_ucdp_row(row_context& rc, const columns& col, const extract::world_reader& reader,
                   const registry::gazetteer* overlay, article& a, std::vector<claim>& claims) {
    const auto& r = rc.r;
    const auto start = day_of(col.of(r, "date_start"));
    const auto end = col.of(r, "date_end").empty() ? start : day_of(col.of(r, "date_end"));
    if (!start || !end || end->first_day() < start->first_day()) {
        rc.skip("no readable date_start/date_end ('" + col.of(r, "date_start") + "', '" + col.of(r, "date_end") + "')",
                "write the dates as YYYY-MM-DD");
        return false;
    }
    const std::string& best_text = col.of(r, "best");
    const auto best = count_of(best_text);
    if (!trim(best_text).empty() && !best) {
        rc.skip("best '" + best_text + "' is not a count", "write the number of deaths in digits");
        return false;
    }
    auto low = count_of(col.of(r, "low")), high = count_of(col.of(r, "high"));
    const auto civilians = count_of(col.of(r, "deaths_civilians"));

    a.id = "ucdp:" + trim(col.of(r, "id"));
    a.outlet = "UCDP GED";
    a.title = trim(col.of(r, "source_headline"));
    if (a.title.empty()) a.title = "UCDP GED event " + trim(col.of(r, "id"));
    a.published = *end;
    a.location = trim(col.of(r, "where_description"));

    row_text t;
    t.add("UCDP GED event " + trim(col.of(r, "id")) + ": ");
    if (best) {
        if (!low || *low > *best) low = best;
        if (!high || *high < *best) high = best;
        // The figure as UCDP bounds it: "28 to 38 deaths (best estimate 30)".
        const std::string figure = *low == *high ? trim(best_text) : std::to_string(*low) + " to " + std::to_string(*high);
        const auto span = t.add(figure);
        t.add(*low == *high ? " deaths" : " deaths (best estimate " + trim(best_text) + ")");
        claims.push_back(figure_claim(a.id, span, *low, *high, figure, "people"));
    } else {
        t.add("no death estimate");
    }
    if (civilians && *civilians > 0) {
        t.add(", ");
        const auto span = t.add(std::to_string(*civilians));
        t.add(" of them civilians");
        auto c = figure_claim(a.id, span, *civilians, *civilians, std::to_string(*civilians), "civilians");
        // A breakdown of the best estimate (as "of them 32 civilians" is in an article),
        // and all the civilian deaths of the event: a count to compare, not a subgroup.
        if (!claims.empty()) c.parent = claims.front().id;
        claims.push_back(std::move(c));
    }
    t.add("; " + start->iso() + (*end == *start ? "" : " to " + end->iso()));
    t.add(col.joined(r, {"where_description", "adm_2", "adm_1", "country"}) + ".");
    const std::string cited = trim(col.of(r, "source_original"));
    if (!cited.empty()) t.add(" Sources: " + cited + ".");
    a.text = t.take();

    claim common = cited_by("UCDP GED", cited);
    common.event_date = date::of_period(start->first_day(), end->last_day());
    common.sentence = {0, a.text.size()};
    settle_place(reader, overlay,
                 {col.of(r, "country"), col.of(r, "adm_1"), col.of(r, "adm_2"), col.of(r, "where_description")}, common);
    share(claims, common);
    return true;
}

// One ACLED row: `fatalities` people killed on event_date (to its time_precision), at
// its location. ACLED codes 0 where no report gives a death toll, which is not a
// count of none: such a row is kept as an article without figures.
bool read_acled_row(row_context& rc, const columns& col, const extract::world_reader& reader,
                    const registry::gazetteer* overlay, article& a, std::vector<claim>& claims) {
    const auto& r = rc.r;
    const auto day = day_of(col.of(r, "event_date"));
    if (!day) {
        rc.skip("event_date '" + col.of(r, "event_date") + "' is not a date", "write it as YYYY-MM-DD or '12 May 2023'");
        return false;
    }
    const std::string& deaths_text = col.of(r, "fatalities");
    const auto deaths = count_of(deaths_text);
    if (!trim(deaths_text).empty() && !deaths) {
        rc.skip("fatalities '" + deaths_text + "' is not a count", "write the number of deaths in digits");
        return false;
    }
    const std::string id = trim(col.of(r, "event_id_cnty"));
    a.id = "acled:" + id;
    a.outlet = "ACLED";
    const std::string sub_event = trim(col.of(r, "sub_event_type"));
    const std::string location = trim(col.of(r, "location"));
    a.title = "ACLED event " + id + (sub_event.empty() ? "" : ": " + sub_event) + (location.empty() ? "" : " in " + location);
    a.published = *day;
    a.location = location;

    row_text t;
    t.add("ACLED event " + id + ": ");
    if (deaths && *deaths > 0) {
        const auto span = t.add(trim(deaths_text));
        t.add(*deaths == 1 ? " fatality" : " fatalities");
        claims.push_back(figure_claim(a.id, span, *deaths, *deaths, trim(deaths_text), "people"));
    } else {
        t.add("no fatalities coded");
    }
    t.add("; " + day->iso());
    t.add(col.joined(r, {"location", "admin2", "admin1", "country"}) + ".");
    if (const auto event = trim(col.of(r, "event_type")); !event.empty()) t.add(" " + event + (sub_event.empty() ? "" : ": " + sub_event) + ".");
    if (const auto notes = trim(col.of(r, "notes")); !notes.empty()) t.add(" Notes: " + notes);
    const std::string cited = trim(col.of(r, "source"));
    if (!cited.empty()) t.add(" Source: " + cited + ".");
    a.text = t.take();

    claim common = cited_by("ACLED", cited);
    // ACLED's time_precision: 1 the day, 2 a day within a week around it, 3 its month.
    const std::string precision = trim(col.of(r, "time_precision"));
    if (precision == "2") common.event_date = date::of_period(day->first_day() - 3, day->first_day() + 3);
    else if (precision == "3") common.event_date = date::of_month(day->year, day->month);
    else common.event_date = *day;
    common.sentence = {0, a.text.size()};
    common.actor = trim(col.of(r, "actor1"));
    common.attack = attack_of(col.of(r, "event_type"), sub_event);
    settle_place(reader, overlay, {col.of(r, "country"), col.of(r, "admin1"), col.of(r, "admin2"), location}, common);
    share(claims, common);
    return true;
}

}  // namespace

dataset_layout layout_of_header(const std::vector<std::string>& lower_case_columns) {
    const auto has = [&](const char* name) {
        return std::find(lower_case_columns.begin(), lower_case_columns.end(), name) != lower_case_columns.end();
    };
    if (has("event_id_cnty") && has("fatalities")) return dataset_layout::acled;
    if (has("date_start") && has("best")) return dataset_layout::ucdp;
    return dataset_layout::unknown;
}

void read_dataset(std::string bytes, const std::string& file, const place_data& where, dataset_rows& out,
                  diagnostics& diags) {
    // A BOM and bytes that are not UTF-8 are repaired as in any corpus file (reported),
    // so that no claim carries bytes the JSON writers refuse.
    corpus::ingest_result repairs;
    corpus::detail::clean_bytes(bytes, file, repairs);
    diags.append(repairs.diags);
    const std::string_view s = bytes;
    std::size_t pos = 0, line = 1;
    corpus::csv_record header;
    corpus::csv_quote_problem problem = corpus::csv_quote_problem::none;
    if (!corpus::next_csv_record(s, pos, line, header, problem) || corpus::csv_blank(header)) {
        diags.error(file, 1, 0, "empty data set: no header row", "give a CSV in the UCDP GED or ACLED layout (docs/formats.md)");
        return;
    }
    std::vector<std::string> names;
    for (const auto& h : header.fields) names.push_back(corpus::csv_lower_trim(h));
    const auto layout = problem == corpus::csv_quote_problem::none ? layout_of_header(names) : dataset_layout::unknown;
    if (layout == dataset_layout::unknown) {
        const std::string first(s.substr(0, std::min(s.find_first_of("\r\n"), std::size_t{80})));
        diags.error(file, 1, 1, "neither a UCDP GED nor an ACLED header: '" + first + "'",
                    "UCDP GED needs the columns id, date_start, best; ACLED needs event_id_cnty, event_date, fatalities "
                    "(docs/formats.md, \"Data sets in\")");
        return;
    }
    const columns col(header.fields);
    const extract::world_reader reader(where.world, where.overlay);
    std::set<std::string> seen;
    for (const auto& a : out.articles) seen.insert(a.id);
    const std::size_t width = header.fields.size();
    corpus::csv_record r;
    std::size_t row = 0;
    while (corpus::next_csv_record(s, pos, line, r, problem)) {
        if (problem != corpus::csv_quote_problem::none) {
            diags.warning("dataset-row", file, r.line, 0, "a quoted field in this record does not close properly; record skipped",
                          "double quotes inside fields; reading resumes on the next line");
            ++out.skipped;
            pos = corpus::csv_skip_line(s, r.begin);
            line = r.line + 1;
            continue;
        }
        if (corpus::csv_blank(r)) continue;
        ++row;
        ++out.rows;
        row_context rc{file, r, row, diags, out};
        if (r.fields.size() != width) {
            rc.skip("it has " + std::to_string(r.fields.size()) + " fields, the header " + std::to_string(width),
                    "quote fields that contain commas or line breaks");
            continue;
        }
        article a;
        a.where = {file, r.line, row};
        a.published_from = date_source::column;
        std::vector<claim> claims;
        const bool read = layout == dataset_layout::ucdp ? read_ucdp_row(rc, col, reader, where.overlay, a, claims)
                                                         : read_acled_row(rc, col, reader, where.overlay, a, claims);
        if (!read) continue;
        // The row's claims were named after its id: a new id renames them with it.
        auto rename = [&](const std::string& id) {
            for (auto& c : claims) {
                c.id = id + c.id.substr(a.id.size());
                c.article = id;
                if (!c.parent.empty()) c.parent = id + c.parent.substr(a.id.size());
            }
            a.id = id;
        };
        if (a.id.back() == ':') rename(a.id + file + ":" + std::to_string(row));  // a row without an id
        if (!seen.insert(a.id).second) {
            std::string unique;
            for (int k = 2;; ++k)
                if (seen.insert(unique = a.id + "#" + std::to_string(k)).second) break;
            diags.warning("duplicate-id", file, r.line, 0, "id '" + a.id + "' is used twice; this one becomes '" + unique + "'");
            rename(unique);
        }
        a.body = {0, a.text.size()};
        audit::extracted_article e;
        e.bytes = a.text.size();
        e.claims = std::move(claims);
        out.articles.push_back(std::move(a));
        out.extracted.push_back(std::move(e));
    }
}

}  // namespace reckon::exchange
