// The interface the JSON layouts write to. A layout (a claim, an incident, a series) is
// written once, as a template on its sink, and two sinks take it: json_writer appends
// the text nlohmann's dump(2) would give (fast, for the audit document), and
// json_tree_builder makes an nlohmann::ordered_json tree (for the code that reads the
// members back, the shard files and the reports). One field list for both means the
// text and the tree cannot drift apart.
//
// A sink has begin_object / end_object, begin_array / end_array, key(name) before each
// member's value, and value(v) for a string_view, a const char*, a bool, a double, an
// std::int64_t, an std::uint64_t or nullptr. json_sink adds the composite values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

template <class Sink>
class json_sink {
public:
    // A member of the open object: its name, then its value.
    template <class T>
    void member(std::string_view name, const T& v) {
        self().key(name);
        write(v);
    }

    template <class T>
    void write(const T& v) {
        self().value(v);
    }
    // An absent optional is null.
    template <class T>
    void write(const std::optional<T>& v) {
        if (v) write(*v);
        else self().value(nullptr);
    }
    void write(const std::vector<std::string>& list) {
        self().begin_array();
        for (const auto& s : list) self().value(s);
        self().end_array();
    }

private:
    Sink& self() { return static_cast<Sink&>(*this); }
};

// Text that is null when empty, as the contracts write an unnamed side, place or actor.
inline std::optional<std::string_view> text_or_null(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string_view>(s);
}

}  // namespace reckon
