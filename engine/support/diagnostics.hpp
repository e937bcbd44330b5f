// Diagnostics: the library never prints. Every pass collects located messages here;
// the CLI renders them in one format for rules, YAML, CSV and article errors:
//
//   rules/default.rules:14:9: error: unknown source kind 'state-media'
//     trust state-media -> 0.6
//           ^~~~~~~~~~~
//   hint: did you mean 'state_media'?
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

enum class severity { note, warning, error };
std::string_view to_string(severity s);

struct diagnostic {
    severity level = severity::error;
    std::string file;          // path as the user gave it ("" when not about a file)
    std::size_t line = 0;      // 1-based, 0 when unknown
    std::size_t column = 0;    // 1-based byte column, 0 when unknown
    std::size_t length = 1;    // bytes to underline from the column
    std::string message;       // lower case, no trailing full stop
    std::string source_line;   // the offending line, shown under the message
    std::string hint;          // what to do about it ("" if nothing useful)
    std::string name;          // warning name, so it can be switched off ("" for errors)
    std::vector<diagnostic> notes;  // other places involved
};

// Renders one diagnostic (with its notes) as text ending in a newline.
std::string render(const diagnostic& d);

class diagnostics {
public:
    void add(diagnostic d);
    void error(std::string file, std::size_t line, std::size_t column, std::string message, std::string hint = {});
    void warning(std::string name, std::string file, std::size_t line, std::size_t column, std::string message,
                 std::string hint = {});
    void note(std::string file, std::size_t line, std::size_t column, std::string message);
    void append(const diagnostics& other);

    const std::vector<diagnostic>& items() const { return m_items; }
    std::size_t errors() const { return m_errors; }
    std::size_t warnings() const { return m_warnings; }
    bool empty() const { return m_items.empty(); }
    // Stable sort by file, line and column so output does not depend on pass order.
    void sort();
    // "2 errors, 1 warning" ("no problems" when there are none).
    std::string summary() const;

private:
    std::vector<diagnostic> m_items;
    std::size_t m_errors = 0;
    std::size_t m_warnings = 0;
};

// Line (1-based) and column (1-based) of byte `offset` in `text`, and that line's text.
struct text_position {
    std::size_t line = 1;
    std::size_t column = 1;
    std::string_view line_text;
};
text_position position_of(std::string_view text, std::size_t offset);

// Edit distance, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word` within a small edit distance, or "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace reckon
