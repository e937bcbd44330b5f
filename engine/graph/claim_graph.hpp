// The claim graph: articles, outlets, cited sources, claims, incidents and places as
// vertices; who published, reported, said, relayed, copied and contradicted what as
// edges. Built from an audit; exported as GraphML (opens in Gephi and Cytoscape), DOT
// or JSON.
//
// Why this adjacency_list: vecS/vecS gives dense integer descriptors (cheap, stable
// because vertices are never removed) and bidirectionalS lets a report walk from a
// claim back to its article and outlet as easily as forward.
#pragma once

#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "audit/audit.hpp"

namespace reckon::graph {

enum class vertex_kind { article, outlet, source, claim, incident, place };
enum class edge_kind { published_by, reports, attributed_to, relayed_by, about, located_in, copies_text_of, agrees_with, contradicts };
std::string_view to_string(vertex_kind k);
std::string_view to_string(edge_kind k);

struct vertex_data {
    vertex_kind kind = vertex_kind::article;
    std::string key;     // stable id, unique in the graph ("claim:000_...@120")
    std::string label;   // what a person reads ("38 people killed")
    std::string date;    // ISO date when the vertex has one, else ""
};

struct edge_data {
    edge_kind kind = edge_kind::reports;
    double weight = 1;   // overlap score for copies_text_of, trust for attributed_to, else 1
};

using graph_type = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, vertex_data, edge_data>;

class claim_graph {
public:
    explicit claim_graph(const audit::audit_result& a);

    const graph_type& graph() const { return m_graph; }
    std::size_t vertex_count() const { return boost::num_vertices(m_graph); }
    std::size_t edge_count() const { return boost::num_edges(m_graph); }
    // The vertex with this key, or -1.
    long find(const std::string& key) const;
    // Number of connected groups when edge direction is ignored (Boost's connected_components).
    std::size_t component_count() const;
    // Keys of the vertices reachable from `key` along outgoing edges (breadth-first).
    std::vector<std::string> reachable_from(const std::string& key) const;

    std::string to_graphml() const;
    std::string to_dot() const;
    std::string to_json() const;

private:
    std::size_t vertex(vertex_kind kind, const std::string& key, const std::string& label, const std::string& date = {});
    void edge(std::size_t from, std::size_t to, edge_kind kind, double weight = 1);

    graph_type m_graph;
    std::map<std::string, std::size_t> m_by_key;
};

}  // namespace reckon::graph
