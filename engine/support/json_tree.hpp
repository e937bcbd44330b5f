// The tree sink (support/json_sink.hpp): the same layout calls json_writer takes, made
// into an nlohmann::ordered_json, for the code that reads members back (the text and
// Markdown renderers, the reports) or writes one-line JSON (shard files, extract).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/json_sink.hpp"

namespace reckon {

class json_tree_builder : public json_sink<json_tree_builder> {
public:
    using json = nlohmann::ordered_json;

    void begin_object() { open(json::object()); }
    void end_object() { m_open.pop_back(); }
    void begin_array() { open(json::array()); }
    void end_array() { m_open.pop_back(); }
    void key(std::string_view name) { m_key.assign(name); }

    void value(std::string_view s) { place(json(s)); }
    void value(const char* s) { place(json(s)); }
    void value(bool b) { place(json(b)); }
    void value(double d) { place(json(d)); }
    void value(std::int64_t n) { place(json(n)); }
    void value(std::uint64_t n) { place(json(n)); }
    void value(std::nullptr_t) { place(json(nullptr)); }

    // The finished value.
    json take() { return std::move(m_root); }

private:
    // Puts `v` where the layout stands: the root, the end of the open array, or the
    // open object under the last key. Only the innermost open container changes, so
    // the pointers to the outer ones stay valid.
    json& place(json v) {
        if (m_open.empty()) return m_root = std::move(v);
        json& in = *m_open.back();
        if (in.is_array()) {
            in.push_back(std::move(v));
            return in.back();
        }
        return in[m_key] = std::move(v);
    }
    void open(json container) { m_open.push_back(&place(std::move(container))); }

    json m_root;
    std::vector<json*> m_open;  // the containers open, outermost first
    std::string m_key;          // the name of the member whose value comes next
};

// The tree a layout writes: build_json([&](auto& sink) { write_claim(sink, c); }).
template <class Layout>
nlohmann::ordered_json build_json(Layout layout) {
    json_tree_builder tree;
    layout(tree);
    return tree.take();
}

}  // namespace reckon
