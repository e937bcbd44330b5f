#include "graph/claim_graph.hpp"

#include <set>
#include <sstream>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/graph/undirected_graph.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <boost/property_map/transform_value_property_map.hpp>
#include <nlohmann/json.hpp>

namespace reckon::graph {

std::string_view to_string(vertex_kind k) {
    switch (k) {
    case vertex_kind::article: return "article";
    case vertex_kind::outlet: return "outlet";
    case vertex_kind::source: return "source";
    case vertex_kind::claim: return "claim";
    case vertex_kind::incident: return "incident";
    case vertex_kind::place: return "place";
    }
    return "article";
}

std::string_view to_string(edge_kind k) {
    switch (k) {
    case edge_kind::published_by: return "published_by";
    case edge_kind::reports: return "reports";
    case edge_kind::attributed_to: return "attributed_to";
    case edge_kind::relayed_by: return "relayed_by";
    case edge_kind::about: return "about";
    case edge_kind::located_in: return "located_in";
    case edge_kind::copies_text_of: return "copies_text_of";
    case edge_kind::agrees_with: return "agrees_with";
    case edge_kind::contradicts: return "contradicts";
    }
    return "reports";
}

std::size_t claim_graph::vertex(vertex_kind kind, const std::string& key, const std::string& label, const std::string& date) {
    const auto it = m_by_key.find(key);
    if (it != m_by_key.end()) return it->second;
    const std::size_t v = boost::add_vertex(vertex_data{kind, key, label, date}, m_graph);
    m_by_key.emplace(key, v);
    return v;
}

void claim_graph::edge(std::size_t from, std::size_t to, edge_kind kind, double weight) {
    boost::add_edge(from, to, edge_data{kind, weight}, m_graph);
}

namespace {
bool intervals_meet(const audit::claim_interval& a, const audit::claim_interval& b) {
    if (!a.low || !b.low) return false;
    const bool a_below_b = a.high && *a.high < *b.low;
    const bool b_below_a = b.high && *b.high < *a.low;
    return !a_below_b && !b_below_a;
}
}  // namespace

claim_graph::claim_graph(const audit::audit_result& a) {
    std::vector<std::size_t> article_vertex(a.articles.size());
    for (std::size_t i = 0; i < a.articles.size(); ++i) {
        const article& art = a.articles[i];
        article_vertex[i] = vertex(vertex_kind::article, "article:" + art.id, art.title.empty() ? art.id : art.title,
                                   art.published.iso());
        if (!art.outlet.empty()) {
            edge(article_vertex[i], vertex(vertex_kind::outlet, "outlet:" + art.outlet, art.outlet), edge_kind::published_by);
        }
    }
    std::map<std::string, std::size_t> claim_vertex;
    for (const auto& r : a.claims) {
        const claim& c = r.c;
        std::string label = (c.qualifier_text.empty() ? "" : c.qualifier_text + " ") + (c.vague.empty() ? c.value_text : c.vague) +
                            " " + c.category + " " + std::string(to_string(c.outcome));
        const std::size_t v = vertex(vertex_kind::claim, "claim:" + c.id, label, c.event_date.iso());
        claim_vertex[c.id] = v;
        edge(article_vertex[r.article], v, edge_kind::reports);
        if (!c.source.empty()) edge(v, vertex(vertex_kind::source, "source:" + c.source, c.source), edge_kind::attributed_to, r.weight.weight);
        for (const auto& relay : c.relay) edge(v, vertex(vertex_kind::source, "source:" + relay, relay), edge_kind::relayed_by);
    }
    for (const auto& l : a.copies) edge(article_vertex[l.later], article_vertex[l.earlier], edge_kind::copies_text_of, l.overlap);
    for (const auto& inc : a.incidents) {
        const std::string label = (inc.places.empty() ? std::string("place unknown") : inc.places.front()) + " " + inc.date_from.iso();
        const std::size_t iv = vertex(vertex_kind::incident, "incident:" + inc.id, label, inc.date_from.iso());
        std::set<std::string> places_done;
        for (const auto m : inc.claims) {
            const claim& c = a.claims[m].c;
            edge(claim_vertex[c.id], iv, edge_kind::about);
            if (c.place_key.empty() || !places_done.insert(c.place_key).second) continue;
            const std::size_t pv = vertex(vertex_kind::place, "place:" + c.place_key, c.place.empty() ? c.place_key : c.place);
            edge(iv, pv, edge_kind::located_in);
            if (!c.governorate.empty() && c.governorate != c.place) {
                const std::string gkey = "place:" + registry::gazetteer::normalise(c.governorate);
                if (gkey != "place:" + c.place_key) {
                    const bool fresh = m_by_key.find(gkey) == m_by_key.end();
                    const std::size_t gv = vertex(vertex_kind::place, gkey, c.governorate);
                    bool linked = false;
                    for (auto [e, end] = boost::out_edges(pv, m_graph); e != end; ++e)
                        linked |= boost::target(*e, m_graph) == gv && m_graph[*e].kind == edge_kind::located_in;
                    if (fresh || !linked) edge(pv, gv, edge_kind::located_in);
                }
            }
        }
        // The rules' verdicts between claims: contradicts from findings, agrees_with
        // for used claims of one figure whose intervals meet.
        std::set<std::pair<std::size_t, std::size_t>> contradicting;
        for (const auto& f : inc.result.findings) {
            if (f.kind.find("conflict") == std::string::npos && f.kind.find("contradict") == std::string::npos) continue;
            for (std::size_t x = 0; x + 1 < f.claims.size(); ++x) {
                const auto cx = claim_vertex.find(f.claims[x]);
                for (std::size_t y = x + 1; y < f.claims.size(); ++y) {
                    const auto cy = claim_vertex.find(f.claims[y]);
                    if (cx == claim_vertex.end() || cy == claim_vertex.end()) continue;
                    if (contradicting.insert({cx->second, cy->second}).second) edge(cx->second, cy->second, edge_kind::contradicts);
                }
            }
        }
        for (std::size_t x = 0; x < inc.claims.size() && x < 64; ++x) {
            for (std::size_t y = x + 1; y < inc.claims.size() && y < 64; ++y) {
                const auto& rx = a.claims[inc.claims[x]];
                const auto& ry = a.claims[inc.claims[y]];
                if (rx.c.outcome != ry.c.outcome || rx.c.category != ry.c.category) continue;
                const std::size_t vx = claim_vertex[rx.c.id], vy = claim_vertex[ry.c.id];
                if (contradicting.count({vx, vy}) || contradicting.count({vy, vx})) continue;
                if (intervals_meet(rx.interval, ry.interval)) edge(vx, vy, edge_kind::agrees_with);
            }
        }
    }
}

long claim_graph::find(const std::string& key) const {
    const auto it = m_by_key.find(key);
    return it == m_by_key.end() ? -1 : static_cast<long>(it->second);
}

std::size_t claim_graph::component_count() const {
    // connected_components needs an undirected view: copy the structure once.
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> undirected(boost::num_vertices(m_graph));
    for (auto [e, end] = boost::edges(m_graph); e != end; ++e)
        boost::add_edge(boost::source(*e, m_graph), boost::target(*e, m_graph), undirected);
    std::vector<std::size_t> component(boost::num_vertices(undirected));
    return component.empty() ? 0 : boost::connected_components(undirected, component.data());
}

std::vector<std::string> claim_graph::reachable_from(const std::string& key) const {
    std::vector<std::string> out;
    const long start = find(key);
    if (start < 0) return out;
    struct recorder : boost::default_bfs_visitor {
        std::vector<std::string>* out;
        void discover_vertex(graph_type::vertex_descriptor v, const graph_type& g) const { out->push_back(g[v].key); }
    } visitor;
    visitor.out = &out;
    std::vector<boost::default_color_type> colors(boost::num_vertices(m_graph));
    boost::breadth_first_search(m_graph, static_cast<std::size_t>(start),
                                boost::visitor(visitor).color_map(boost::make_iterator_property_map(
                                    colors.begin(), boost::get(boost::vertex_index, m_graph))));
    return out;
}

namespace {
template <class Graph>
boost::dynamic_properties properties(const Graph& g) {
    boost::dynamic_properties dp(boost::ignore_other_properties);
    auto& mutable_graph = const_cast<Graph&>(g);  // dynamic_properties wants mutable maps; we only read
    dp.property("kind", boost::make_transform_value_property_map(
                            [](vertex_kind k) { return std::string(to_string(k)); }, boost::get(&vertex_data::kind, mutable_graph)));
    dp.property("key", boost::get(&vertex_data::key, mutable_graph));
    dp.property("label", boost::get(&vertex_data::label, mutable_graph));
    dp.property("date", boost::get(&vertex_data::date, mutable_graph));
    dp.property("relation", boost::make_transform_value_property_map(
                                [](edge_kind k) { return std::string(to_string(k)); }, boost::get(&edge_data::kind, mutable_graph)));
    dp.property("weight", boost::get(&edge_data::weight, mutable_graph));
    return dp;
}
}  // namespace

std::string claim_graph::to_graphml() const {
    std::ostringstream out;
    boost::write_graphml(out, m_graph, properties(m_graph), true);
    return out.str();
}

std::string claim_graph::to_dot() const {
    std::ostringstream out;
    auto dp = properties(m_graph);
    boost::write_graphviz_dp(out, m_graph, dp, "key");
    return out.str();
}

std::string claim_graph::to_json() const {
    nlohmann::ordered_json nodes = nlohmann::ordered_json::array(), edges = nlohmann::ordered_json::array();
    for (auto [v, end] = boost::vertices(m_graph); v != end; ++v) {
        const auto& d = m_graph[*v];
        nodes.push_back({{"id", d.key}, {"kind", std::string(to_string(d.kind))}, {"label", d.label}, {"date", d.date}});
    }
    for (auto [e, end] = boost::edges(m_graph); e != end; ++e) {
        edges.push_back({{"from", m_graph[boost::source(*e, m_graph)].key},
                         {"to", m_graph[boost::target(*e, m_graph)].key},
                         {"relation", std::string(to_string(m_graph[*e].kind))},
                         {"weight", m_graph[*e].weight}});
    }
    return nlohmann::ordered_json{{"nodes", nodes}, {"edges", edges}}.dump(2) + "\n";
}

}  // namespace reckon::graph
