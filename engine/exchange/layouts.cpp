#include "exchange/layouts.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>


namespace reckon::exchange {

namespace {

using audit::audit_result;
using audit::incident_record;

std::string join(const std::vector<std::string>& items, const char* separator = "; ") {
    std::string out;
    for (const auto& s : items) {
        if (s.empty()) continue;
        if (!out.empty()) out += separator;
        out += s;
    }
    return out;
}

void push_distinct(std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

std::string number(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); }

// The reconciled killed figure of a category, if the incident has one.
const rules::figure* killed(const incident_record& inc, const std::string& category) {
    for (const auto& f : inc.result.figures)
        if (f.outcome == outcome::killed && f.category == category) return &f;
    return nullptr;
}

// The incident's death toll: the reconciled figure for all people killed when there is
// one, else the largest reconciled killed figure of any category (a report of "12
// civilians killed" and nothing else still counts 12 dead).
const rules::figure* death_toll(const incident_record& inc) {
    if (const auto* people = killed(inc, "people")) return people;
    const rules::figure* best = nullptr;
    for (const auto& f : inc.result.figures)
        if (f.outcome == outcome::killed && f.best && (!best || !best->best || *f.best > *best->best)) best = &f;
    return best;
}

// What the incident's articles say about it: outlets, publication dates, titles, in
// claim order, each distinct.
struct article_facts {
    std::vector<std::string> outlets, dates, titles, ids;
};
article_facts articles_of(const audit_result& a, const incident_record& inc) {
    article_facts f;
    std::vector<std::size_t> seen;
    for (const auto m : inc.claims) {
        const std::size_t i = a.claims[m].article;
        if (std::find(seen.begin(), seen.end(), i) != seen.end()) continue;
        seen.push_back(i);
        const article& art = a.articles[i];
        f.ids.push_back(art.id);
        f.outlets.push_back(art.outlet.empty() ? "unknown outlet" : art.outlet);
        f.dates.push_back(art.published.known() ? art.published.iso() : "unknown date");
        f.titles.push_back(art.title);
    }
    return f;
}

// The value of a claim field that most of the incident's claims give ("" when none
// does; ties to the first in sort order): its country, its means of attack.
std::string most_named(const audit_result& a, const incident_record& inc, std::string claim::*field) {
    std::map<std::string, std::size_t> votes;
    for (const auto m : inc.claims)
        if (!(a.claims[m].c.*field).empty()) ++votes[a.claims[m].c.*field];
    std::string best;
    std::size_t most = 0;
    for (const auto& [value, n] : votes)
        if (n > most) best = value, most = n;
    return best;
}

bool to_the_day(const date& d) { return d.precision == date_precision::day || d.precision == date_precision::period; }

// Days from the first day of date_from to the last of date_to when both are known to
// the day (or are periods of days), else -1.
long span_days(const incident_record& inc) {
    if (!to_the_day(inc.date_from) || !to_the_day(inc.date_to)) return -1;
    return static_cast<long>(inc.date_to.last_day() - inc.date_from.first_day());
}

std::string first_day_iso(const date& d) { return d.known() ? civil_from_days(d.first_day()).iso() : std::string(); }
std::string last_day_iso(const date& d) { return d.known() ? civil_from_days(d.last_day()).iso() : std::string(); }

std::string year_of(const incident_record& inc) { return inc.date_from.known() ? std::to_string(inc.date_from.year) : std::string(); }

void write_row(std::ostream& out, const std::vector<std::string>& columns, const std::map<std::string, std::string>& values) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) out << ',';
        const auto it = values.find(columns[i]);
        if (it != values.end()) out << csv_field(it->second);
    }
    out << '\n';
}

void write_header(std::ostream& out, const std::vector<std::string>& columns) {
    for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
    out << '\n';
}

// Degrees as the data sets write them: five decimals (about a metre).
std::string degrees(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.5f", v);
    return buf;
}

// The coordinates and second-level division of an incident's first place, into the
// columns named; the place as the gazetteer knows it, when it does.
std::optional<located_place> put_location(const extract::world_reader& reader, const place_data& where,
                                          const incident_record& inc, std::map<std::string, std::string>& row,
                                          const char* lat, const char* lon, const char* adm_2) {
    if (inc.place_keys.empty()) return std::nullopt;
    const auto at = locate_with(reader, where, inc.place_keys.front());
    if (!at) return at;
    if (at->latitude && at->longitude) {
        row[lat] = degrees(*at->latitude);
        row[lon] = degrees(*at->longitude);
    }
    row[adm_2] = at->adm_2;
    return at;
}

}  // namespace

std::optional<located_place> locate(const place_data& where, const std::string& place_key) {
    return locate_with(extract::world_reader(where.world, where.overlay), where, place_key);
}

std::optional<located_place> locate_with(const extract::world_reader& reader, const place_data& where,
                                         const std::string& place_key) {
    if (!where.world || where.world->empty() || place_key.empty()) return std::nullopt;
    const auto& g = *where.world;
    std::uint32_t found = registry::no_place;
    if (place_key.find('/') != std::string::npos) {
        // A path: country code, then names from the division down to the place.
        const auto cut = place_key.find('/');
        std::string code = place_key.substr(0, cut);
        std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        const auto country = g.country_of_code(code);
        const auto last = place_key.substr(place_key.rfind('/') + 1);
        const auto group = g.find(last);
        if (country == registry::no_place || group == registry::no_place) return std::nullopt;
        const auto second = place_key.find('/', cut + 1);
        const auto division_group = g.find(place_key.substr(cut + 1, second == std::string::npos ? std::string::npos : second - cut - 1));
        std::uint32_t division = registry::no_place;
        if (division_group != registry::no_place) {
            const auto e = g.best_in(division_group, country);
            if (e != registry::no_place && g.entity(registry::entry_entity(e)).kind == registry::world_kind::division)
                division = registry::entry_entity(e);
        }
        const auto e = g.best_in(group, country, division);
        if (e == registry::no_place || reader.key_of(registry::entry_entity(e)) != place_key) return std::nullopt;
        found = registry::entry_entity(e);
    } else if (where.overlay) {
        // An overlay place: by its name within its governorate, in the overlay's country.
        const registry::place* p = where.overlay->find_key(place_key);
        const auto country = reader.overlay_country();
        if (!p || country == registry::no_place) return std::nullopt;
        const auto group = reader.group_of(p->name);
        if (group == registry::no_place) return std::nullopt;
        std::uint32_t division = registry::no_place;
        if (const auto dg = reader.group_of(p->governorate); dg != registry::no_place) {
            const auto e = g.best_in(dg, country);
            if (e != registry::no_place && g.entity(registry::entry_entity(e)).kind == registry::world_kind::division)
                division = registry::entry_entity(e);
        }
        const auto e = g.best_in(group, country, division);
        if (e == registry::no_place || (division != registry::no_place && !g.within(registry::entry_entity(e), division)))
            return std::nullopt;
        found = registry::entry_entity(e);
    }
    if (found == registry::no_place) return std::nullopt;
    const auto& entity = g.entity(found);
    located_place out;
    if (entity.lat_e5 != 0 || entity.lon_e5 != 0) {
        out.latitude = entity.lat_e5 / 100000.0;
        out.longitude = entity.lon_e5 / 100000.0;
    }
    out.kind = entity.kind;
    for (auto p = found; p != registry::no_place; p = g.entity(p).parent)
        if (g.entity(p).kind == registry::world_kind::district) {
            out.adm_2 = std::string(g.name(p));
            break;
        }
    return out;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

const std::vector<std::string>& ucdp_columns() {
    static const std::vector<std::string> columns{
        "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id",
        "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a",
        "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office", "source_date",
        "source_headline", "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
        "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
        "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low"};
    return columns;
}

const std::vector<std::string>& acled_columns() {
    static const std::vector<std::string> columns{
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
        "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
        "source_scale", "notes", "fatalities", "tags", "timestamp"};
    return columns;
}

void render_ucdp(const audit_result& a, std::ostream& out, const place_data& where) {
    write_header(out, ucdp_columns());
    const extract::world_reader reader(where.world, where.overlay);  // built once: it lists the divisions
    for (const auto& inc : a.incidents) {
        const auto arts = articles_of(a, inc);
        std::map<std::string, std::string> row;
        row["id"] = inc.id;
        row["year"] = year_of(inc);
        if (!inc.actors.empty()) row["side_a"] = inc.actors.front();
        row["number_of_sources"] = std::to_string(inc.independent_sources);
        std::vector<std::string> citations;
        for (std::size_t i = 0; i < arts.ids.size(); ++i)
            citations.push_back(arts.outlets[i] + " " + arts.dates[i] + " \"" + arts.titles[i] + "\" (" + arts.ids[i] + ")");
        row["source_article"] = join(citations);
        std::vector<std::string> offices, dates;
        for (const auto& o : arts.outlets) push_distinct(offices, o);
        for (const auto& d : arts.dates) push_distinct(dates, d);
        row["source_office"] = join(offices);
        row["source_date"] = join(dates);
        row["source_headline"] = join(arts.titles);
        row["source_original"] = join(inc.sources);
        // UCDP's where_prec: 1 a named place, 3 a second-level division, 4 a first-level
        // one, 6 the country (from what the gazetteer says the place is, when it knows it).
        const auto at = put_location(reader, where, inc, row, "latitude", "longitude", "adm_2");
        if (at && at->kind != registry::world_kind::place)
            row["where_prec"] = at->kind == registry::world_kind::district ? "3" : at->kind == registry::world_kind::division ? "4" : "6";
        else if (!inc.place_keys.empty()) row["where_prec"] = "1";
        else if (!inc.governorate.empty()) row["where_prec"] = "4";
        if (!inc.places.empty()) row["where_coordinates"] = inc.places.front();
        row["where_description"] = join(inc.places);
        row["adm_1"] = inc.governorate;
        if (row.count("latitude"))
            row["geom_wkt"] = "POINT (" + row["longitude"] + " " + row["latitude"] + ")";
        row["country"] = most_named(a, inc, &claim::country);
        // UCDP's date_prec: 1 one day, 2 two to six days, 3 a week, 4 a month or more, 5 a year.
        const long days = span_days(inc);
        if (days >= 0) row["date_prec"] = days == 0 ? "1" : days <= 6 ? "2" : days <= 7 ? "3" : "4";
        else if (inc.date_from.precision == date_precision::month) row["date_prec"] = "4";
        else if (inc.date_from.precision == date_precision::year) row["date_prec"] = "5";
        row["date_start"] = first_day_iso(inc.date_from);
        row["date_end"] = last_day_iso(inc.date_to);
        if (const auto* civilians = killed(inc, "civilians")) row["deaths_civilians"] = number(civilians->best);
        if (const auto* toll = death_toll(inc)) {
            row["best"] = number(toll->best);
            row["low"] = number(toll->low);
            row["high"] = number(toll->high);  // empty: no upper bound was reported
        }
        write_row(out, ucdp_columns(), row);
    }
}

void render_acled(const audit_result& a, std::ostream& out, const place_data& where) {
    write_header(out, acled_columns());
    const extract::world_reader reader(where.world, where.overlay);  // built once: it lists the divisions
    // reckon's means of attack in ACLED's event and sub-event types.
    static const std::map<std::string, std::pair<const char*, const char*>> types{
        {"air strike", {"Explosions/Remote violence", "Air/drone strike"}},
        {"shelling", {"Explosions/Remote violence", "Shelling/artillery/missile attack"}},
        {"bombing", {"Explosions/Remote violence", "Remote explosive/landmine/IED"}},
        {"clashes", {"Battles", "Armed clash"}}};
    for (const auto& inc : a.incidents) {
        const auto arts = articles_of(a, inc);
        std::map<std::string, std::string> row;
        row["event_id_cnty"] = inc.id;
        row["event_date"] = first_day_iso(inc.date_from);
        row["year"] = year_of(inc);
        // ACLED's time_precision: 1 the day is known, 2 the week, 3 only the month.
        const long days = span_days(inc);
        if (days >= 0) row["time_precision"] = days == 0 ? "1" : days <= 7 ? "2" : "3";
        else if (inc.date_from.known()) row["time_precision"] = "3";
        if (const auto t = types.find(most_named(a, inc, &claim::attack)); t != types.end()) {
            row["disorder_type"] = "Political violence";
            row["event_type"] = t->second.first;
            row["sub_event_type"] = t->second.second;
        }
        if (!inc.actors.empty()) row["actor1"] = inc.actors.front();
        row["country"] = most_named(a, inc, &claim::country);
        row["admin1"] = inc.governorate;
        const auto at = put_location(reader, where, inc, row, "latitude", "longitude", "admin2");
        if (!inc.places.empty()) row["location"] = inc.places.front();
        // ACLED's geo_precision: 1 the town itself, 2 a part of a region, 3 only the province.
        if (at && at->kind != registry::world_kind::place) row["geo_precision"] = at->kind == registry::world_kind::district ? "2" : "3";
        else if (!inc.place_keys.empty()) row["geo_precision"] = "1";
        else if (!inc.governorate.empty()) row["geo_precision"] = "3";
        std::vector<std::string> outlets;
        for (const auto& o : arts.outlets) push_distinct(outlets, o);
        row["source"] = join(outlets);
        std::string notes = "reckon incident " + inc.id + ":";
        for (const auto& f : inc.result.figures) {
            notes += " " + std::string(to_string(f.outcome)) + " " + f.category + " " + number(f.best);
            notes += f.high ? " (" + number(f.low) + "-" + number(f.high) + ");" : " (at least " + number(f.low) + ");";
        }
        notes += " sources: " + join(inc.sources, ", ") + "; grade: " + inc.result.grading.label;
        row["notes"] = notes;
        const auto* toll = death_toll(inc);
        row["fatalities"] = toll && toll->best ? std::to_string(*toll->best) : "0";
        if (!inc.result.grading.label.empty()) row["tags"] = "reckon grade: " + inc.result.grading.label;
        write_row(out, acled_columns(), row);
    }
}

}  // namespace reckon::exchange
