// Where the index's map puts things: places looked up in the world gazetteer, and
// the coasts and borders of a TopoJSON topology (world-atlas, from Natural Earth).
#include <nlohmann/json.hpp>

#include "registry/registry.hpp"
#include "registry/world.hpp"
#include "report/report.hpp"

namespace reckon::report {

namespace {

std::optional<map_point> point_of(const registry::world_gazetteer& world, std::uint32_t entry, const char* level) {
    const auto& e = world.entity(registry::entry_entity(entry));
    // Countries and divisions carry no coordinates in the index (GeoNames' places do).
    if (e.lat_e5 == 0 && e.lon_e5 == 0) return std::nullopt;
    return map_point{e.lat_e5 / 1e5, e.lon_e5 / 1e5, level};
}

// The most populous place of a name, within the country when it is known.
std::optional<map_point> lookup(const registry::world_gazetteer& world, const std::string& name, std::uint32_t country,
                                const char* level) {
    if (name.empty()) return std::nullopt;
    const auto group = world.find(registry::world_key(name));
    if (group == registry::no_place) return std::nullopt;
    const auto entry = country != registry::no_place ? world.best_in(group, country) : world.best(group);
    if (entry == registry::no_place) return std::nullopt;
    return point_of(world, entry, level);
}

}  // namespace

std::optional<map_point> locate_place(const registry::world_gazetteer& world, const registry::gazetteer* overlay, const json& place) {
    if (world.empty()) return std::nullopt;
    const auto text = [&](const char* key) { return place.contains(key) && place[key].is_string() ? place[key].get<std::string>() : std::string(); };
    const std::string code = text("country");
    const auto country = code.empty() ? registry::no_place : world.country_of_code(code);
    if (auto p = lookup(world, text("name"), country, "place")) return p;
    // The overlay knows spellings the world gazetteer may not ("Shaafah" is its
    // "Al-Shaafa"), and the places around a village it lacks: its district, then its
    // division. A district "Albu Kamal District" is found through its town.
    const registry::place* known = nullptr;
    if (overlay != nullptr) {
        known = overlay->find_key(text("key"));
        if (known == nullptr) known = overlay->resolve(text("name"));
    }
    const char* level = "place";
    for (int depth = 0; known != nullptr && depth < 8; ++depth) {
        std::vector<std::string> names{known->name};
        names.insert(names.end(), known->variants.begin(), known->variants.end());
        for (auto name : names) {
            for (const char* suffix : {" District", " city", " Governorate"})
                if (name.size() > std::char_traits<char>::length(suffix) &&
                    name.compare(name.size() - std::char_traits<char>::length(suffix), std::string::npos, suffix) == 0)
                    name.resize(name.size() - std::char_traits<char>::length(suffix));
            if (auto p = lookup(world, name, country, level)) return p;
        }
        level = "area";
        known = known->parent.empty() ? nullptr : overlay->find_key(known->parent);
    }
    // A division is often named after its chief town (Idlib, Deir ez-Zor, Aleppo): the
    // town stands for the division, and the map says so.
    return lookup(world, text("governorate"), country, "area");
}

bool read_topojson_lines(std::string_view text, std::vector<polyline>& out, std::string& error) {
    const auto topology = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (topology.is_discarded() || !topology.is_object() || topology.value("type", "") != "Topology" || !topology.contains("arcs") ||
        !topology["arcs"].is_array()) {
        error = "not a TopoJSON topology (expected an object with \"type\": \"Topology\" and \"arcs\")";
        return false;
    }
    // Quantized topologies store each arc's first position and then deltas, in
    // integers mapped to degrees by the transform.
    double sx = 1, sy = 1, tx = 0, ty = 0;
    const bool quantized = topology.contains("transform");
    if (quantized) {
        const auto& t = topology["transform"];
        if (!t.contains("scale") || !t.contains("translate") || t["scale"].size() != 2 || t["translate"].size() != 2) {
            error = "a TopoJSON transform needs \"scale\" and \"translate\" of two numbers each";
            return false;
        }
        sx = t["scale"][0].get<double>();
        sy = t["scale"][1].get<double>();
        tx = t["translate"][0].get<double>();
        ty = t["translate"][1].get<double>();
    }
    for (const auto& arc : topology["arcs"]) {
        polyline line;
        double x = 0, y = 0;
        for (const auto& p : arc) {
            if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
                error = "a TopoJSON arc position is not a pair of numbers";
                return false;
            }
            if (quantized) {
                x += p[0].get<double>();
                y += p[1].get<double>();
                line.emplace_back(x * sx + tx, y * sy + ty);
            } else {
                line.emplace_back(p[0].get<double>(), p[1].get<double>());
            }
        }
        if (line.size() >= 2) out.push_back(std::move(line));
    }
    return true;
}

}  // namespace reckon::report
