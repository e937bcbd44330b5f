// A JSON writer that appends to a string exactly the bytes nlohmann's dump(2) gives for
// the same value (ordered_json, default error handler, ensure_ascii off): "{", then each
// member on its own line indented two spaces a level, `"key": value`, members parted by
// ",\n", "[]" and "{}" when empty, doubles in nlohmann's own digits. The audit writes
// gigabytes of JSON; building a tree per incident, dumping it and re-indenting the dump
// cost more than the audit's own stages, and this writes the same text directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/json_sink.hpp"

namespace reckon {

class json_writer : public json_sink<json_writer> {
public:
    // Appends to `out` a value that stands `depth` levels deep in a larger document:
    // every line after its first is indented by 2 * depth spaces more.
    explicit json_writer(std::string& out, unsigned depth = 0) : m_out(out), m_depth(depth) {}

    // One line, as nlohmann's dump(-1) with the `replace` error handler writes it (no
    // spaces, no line breaks; a string that is not valid UTF-8 gets U+FFFD where it
    // breaks): the JSON Lines of `reckon extract`.
    static json_writer compact(std::string& out) {
        json_writer w(out);
        w.m_compact = true;
        return w;
    }

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    void key(std::string_view name);

    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }  // else a literal would pick bool
    void value(bool b);
    void value(double d);
    void value(std::int64_t n);
    void value(std::uint64_t n);
    void value(std::nullptr_t);

private:
    struct level {
        bool array = false;  // an array (its values come without keys)
        bool empty = true;   // nothing written in it yet: closes as "[]" or "{}"
    };
    void open(bool array, char bracket);
    void close(char bracket);
    void before_value();
    void start_member();
    void next_line();
    void string(std::string_view s);

    std::string& m_out;
    unsigned m_depth;            // indentation of the current line, in levels
    std::vector<level> m_open;   // the containers open, outermost first
    bool m_compact = false;      // one line (compact())
};

}  // namespace reckon
