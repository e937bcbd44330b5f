#include "support/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace reckon {

std::string_view to_string(severity s) {
    switch (s) {
    case severity::note: return "note";
    case severity::warning: return "warning";
    case severity::error: break;
    }
    return "error";
}

namespace {
// Keeps printed source lines readable: tabs become spaces and control bytes a '?',
// and a very long line is cut around the column.
std::string printable_line(std::string_view line, std::size_t& column) {
    constexpr std::size_t max_width = 160;
    std::size_t start = 0;
    if (line.size() > max_width && column > max_width / 2) {
        start = column - max_width / 2;
        column = column - start + 3;  // room for the leading "..."
    }
    std::string out = start > 0 ? "..." : "";
    const std::size_t stop = std::min(line.size(), start + max_width);
    for (std::size_t i = start; i < stop; ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        out += c == '\t' ? ' ' : (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
    }
    if (stop < line.size()) out += "...";
    return out;
}
}  // namespace

std::string render(const diagnostic& d) {
    std::string out;
    if (!d.file.empty()) {
        out += d.file;
        if (d.line > 0) {
            out += ':' + std::to_string(d.line);
            if (d.column > 0) out += ':' + std::to_string(d.column);
        }
        out += ": ";
    }
    out += std::string(to_string(d.level)) + ": " + d.message + '\n';
    if (!d.source_line.empty() && d.column > 0) {
        std::size_t column = d.column;
        const std::string shown = printable_line(d.source_line, column);
        out += "  " + shown + '\n';
        std::string marker(column - 1 < shown.size() ? column - 1 : shown.size(), ' ');
        marker += '^';
        const std::size_t room = shown.size() > column ? shown.size() - column : 0;
        const std::size_t tail = std::min(d.length > 0 ? d.length - 1 : 0, room);
        marker += std::string(tail, '~');
        out += "  " + marker + '\n';
    }
    if (!d.hint.empty()) out += "  hint: " + d.hint + '\n';
    for (const auto& n : d.notes) out += render(n);
    return out;
}

void diagnostics::add(diagnostic d) {
    if (d.level == severity::error) ++m_errors;
    if (d.level == severity::warning) ++m_warnings;
    m_items.push_back(std::move(d));
}

void diagnostics::error(std::string file, std::size_t line, std::size_t column, std::string message,
                        std::string hint) {
    diagnostic d;
    d.level = severity::error;
    d.file = std::move(file);
    d.line = line;
    d.column = column;
    d.message = std::move(message);
    d.hint = std::move(hint);
    add(std::move(d));
}

void diagnostics::warning(std::string name, std::string file, std::size_t line, std::size_t column,
                          std::string message, std::string hint) {
    diagnostic d;
    d.level = severity::warning;
    d.name = std::move(name);
    d.file = std::move(file);
    d.line = line;
    d.column = column;
    d.message = std::move(message);
    d.hint = std::move(hint);
    add(std::move(d));
}

void diagnostics::note(std::string file, std::size_t line, std::size_t column, std::string message) {
    diagnostic d;
    d.level = severity::note;
    d.file = std::move(file);
    d.line = line;
    d.column = column;
    d.message = std::move(message);
    add(std::move(d));
}

void diagnostics::append(const diagnostics& other) {
    for (const auto& d : other.m_items) add(d);
}

void diagnostics::sort() {
    std::stable_sort(m_items.begin(), m_items.end(), [](const diagnostic& a, const diagnostic& b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
}

std::string diagnostics::summary() const {
    if (m_errors == 0 && m_warnings == 0) return "no problems";
    std::string out;
    if (m_errors > 0) out += std::to_string(m_errors) + (m_errors == 1 ? " error" : " errors");
    if (m_warnings > 0) {
        if (!out.empty()) out += ", ";
        out += std::to_string(m_warnings) + (m_warnings == 1 ? " warning" : " warnings");
    }
    return out;
}

text_position position_of(std::string_view text, std::size_t offset) {
    text_position p;
    if (offset > text.size()) offset = text.size();
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            line_start = i + 1;
        }
    }
    p.column = offset - line_start + 1;
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    if (line_end > line_start && text[line_end - 1] == '\r') --line_end;
    p.line_text = text.substr(line_start, line_end - line_start);
    return p;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

}  // namespace reckon
