#include "support/json_writer.hpp"

#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "support/utf8.hpp"

namespace reckon {

namespace {

// The bytes string() stops at: quotes, backslashes and control characters (escaped)
// and the bytes of multi-byte UTF-8 (checked). All others are copied as they are.
struct bytes_to_check {
    bool at[256] = {};
    constexpr bytes_to_check() {
        for (int c = 0; c < 256; ++c) at[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
    }
};
constexpr bytes_to_check to_check;

// The longest member name key() writes in one append.
constexpr std::size_t max_plain_key = 60;

}  // namespace

void json_writer::begin_object() { open(false, '{'); }
void json_writer::end_object() { close('}'); }
void json_writer::begin_array() { open(true, '['); }
void json_writer::end_array() { close(']'); }

void json_writer::open(bool array, char bracket) {
    before_value();
    m_out += bracket;
    m_open.push_back({array, true});
    ++m_depth;
}

// An empty container closes right after it opened ("[]", "{}"); a full one on a line
// of its own, indented as the line it opened on.
void json_writer::close(char bracket) {
    const bool empty = m_open.back().empty;
    m_open.pop_back();
    --m_depth;
    if (!empty) next_line();
    m_out += bracket;
}

void json_writer::key(std::string_view name) {
    start_member();
    // A member's name is nearly always a short word with nothing to escape ("event_date"):
    // its quotes and colon go out in one append (a claim line has 36 of them).
    if (name.size() <= max_plain_key) {
        char quoted[max_plain_key + 4];
        std::size_t n = 0;
        quoted[n++] = '"';
        bool plain = true;
        for (const char c : name) {
            plain &= !to_check.at[static_cast<unsigned char>(c)];
            quoted[n++] = c;
        }
        if (plain) {
            quoted[n++] = '"';
            quoted[n++] = ':';
            if (!m_compact) quoted[n++] = ' ';
            m_out.append(quoted, n);
            return;
        }
    }
    string(name);
    if (m_compact) m_out += ':';
    else m_out.append(": ", 2);
}

// In an array a value starts its own line; in an object key() has placed it already.
void json_writer::before_value() {
    if (!m_open.empty() && m_open.back().array) start_member();
}

// The comma after the previous member, if any, and the new member's line.
void json_writer::start_member() {
    level& in = m_open.back();
    if (!in.empty) m_out += ',';
    in.empty = false;
    next_line();
}

// A newline and the indentation, in one append: the writer's commonest call.
void json_writer::next_line() {
    if (m_compact) return;
    static const std::string newline_and_spaces = "\n" + std::string(256, ' ');
    const std::size_t width = 2 * static_cast<std::size_t>(m_depth);
    if (width < newline_and_spaces.size()) {
        m_out.append(newline_and_spaces, 0, 1 + width);
        return;
    }
    m_out += '\n';
    m_out.append(width, ' ');
}

void json_writer::value(std::string_view s) {
    before_value();
    string(s);
}

void json_writer::value(bool b) {
    before_value();
    m_out += b ? "true" : "false";
}

void json_writer::value(std::nullptr_t) {
    before_value();
    m_out += "null";
}

void json_writer::value(std::int64_t n) {
    before_value();
    char digits[24];
    const char* end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    m_out.append(digits, static_cast<std::size_t>(end - digits));
}

void json_writer::value(std::uint64_t n) {
    before_value();
    char digits[24];
    const char* end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    m_out.append(digits, static_cast<std::size_t>(end - digits));
}

// nlohmann writes NaN and infinities as null and every other double with its Grisu2
// routine (serializer::dump_float calls detail::to_chars): calling that same routine
// gives its digits by construction, "1.0" and "1e-07" included, where any other
// shortest-digits algorithm could differ in rare cases.
void json_writer::value(double d) {
    before_value();
    if (!std::isfinite(d)) {
        m_out += "null";
        return;
    }
    char digits[64];  // nlohmann's own number buffer size
    const char* end = nlohmann::detail::to_chars(digits, digits + sizeof digits, d);
    m_out.append(digits, static_cast<std::size_t>(end - digits));
}

namespace {

const char* short_escape(unsigned char c) {
    switch (c) {
        case '"': return "\\\"";
        case '\\': return "\\\\";
        case '\b': return "\\b";
        case '\f': return "\\f";
        case '\n': return "\\n";
        case '\r': return "\\r";
        case '\t': return "\\t";
        default: return nullptr;
    }
}

void append_escape(std::string& out, unsigned char c) {
    if (const char* e = short_escape(c)) {
        out += e;
        return;
    }
    static constexpr char hex[] = "0123456789abcdef";
    const char code[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
    out.append(code, sizeof code);
}


}  // namespace

// Quotes, backslashes and control characters are escaped as nlohmann escapes them;
// every other byte is copied, runs at a time. A string that is not valid UTF-8 is
// handed to nlohmann itself: its strict handler throws type_error 316 with its own
// message, as the tree-based writer did (a compact writer uses its replace handler) (and were our check ever stricter than its,
// its text is what it would have written).
void json_writer::string(std::string_view s) {
    const std::size_t start = m_out.size();
    m_out += '"';
    std::size_t copied = 0;
    for (std::size_t i = 0;;) {
        while (i < s.size() && !to_check.at[static_cast<unsigned char>(s[i])]) ++i;
        if (i == s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t len = utf8_sequence_length(s, i);
            if (len == 0) {
                m_out.resize(start);
                const nlohmann::ordered_json whole = std::string(s);
                m_out += m_compact ? whole.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) : whole.dump();
                return;
            }
            i += len;
            continue;
        }
        m_out.append(s.data() + copied, i - copied);
        append_escape(m_out, c);
        copied = ++i;
    }
    m_out.append(s.data() + copied, s.size() - copied);
    m_out += '"';
}

}  // namespace reckon
