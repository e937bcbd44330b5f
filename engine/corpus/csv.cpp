#include "corpus/csv.hpp"

#include <algorithm>
#include <cctype>

namespace reckon::corpus {

// Reads one record starting at `pos`. Returns false at end of input. `problem` says
// whether a quoted field ran to the end of input, or closed in the middle of a field
// (`"abc"def`), which almost always means a quote is missing and the field swallowed
// the following records.
bool next_csv_record(std::string_view s, std::size_t& pos, std::size_t& line, csv_record& r, csv_quote_problem& problem) {
    r.fields.clear();
    r.line = line;
    r.begin = pos;
    problem = csv_quote_problem::none;
    if (pos >= s.size()) return false;
    std::string field;
    bool quoted = false;
    bool field_started_quoted = false;
    while (pos < s.size()) {
        const char c = s[pos];
        if (quoted) {
            // the bytes up to the next quote or line break in one append (an article's text
            // is one quoted field: a copy per byte made reading a CSV corpus a tenth of
            // `reckon extract`)
            std::size_t run = pos;
            while (run < s.size() && s[run] != '"' && s[run] != '\n' && s[run] != '\r') ++run;
            if (run > pos) {
                field.append(s.data() + pos, run - pos);
                pos = run;
                continue;
            }
            if (c == '"') {
                if (pos + 1 < s.size() && s[pos + 1] == '"') {
                    field += '"';
                    pos += 2;
                    continue;
                }
                quoted = false;
                ++pos;
                if (pos < s.size() && s[pos] != ',' && s[pos] != '\r' && s[pos] != '\n') problem = csv_quote_problem::stray;
                continue;
            }
            if (c == '\n') ++line;
            else if (c == '\r' && (pos + 1 >= s.size() || s[pos + 1] != '\n')) ++line;
            field += c;
            ++pos;
            continue;
        }
        if (c == '"' && (field.empty() && !field_started_quoted)) {
            quoted = true;
            field_started_quoted = true;
            ++pos;
            continue;
        }
        if (c == ',') {
            r.fields.push_back(std::move(field));
            field.clear();
            field_started_quoted = false;
            ++pos;
            continue;
        }
        if (c == '\r' || c == '\n') {
            pos += (c == '\r' && pos + 1 < s.size() && s[pos + 1] == '\n') ? 2 : 1;
            ++line;
            r.fields.push_back(std::move(field));
            return true;
        }
        field += c;  // includes a stray quote inside an unquoted field, kept as written
        ++pos;
    }
    if (quoted) {
        problem = csv_quote_problem::unterminated;
        return true;
    }
    r.fields.push_back(std::move(field));
    return true;
}

std::string csv_lower_trim(std::string s) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool csv_blank(const csv_record& r) {
    return r.fields.size() == 1 && r.fields[0].find_first_not_of(" \t") == std::string::npos;
}

// The offset just past the first line break after `offset`: where reading resumes after a broken quote.
std::size_t csv_skip_line(std::string_view s, std::size_t offset) {
    const auto eol = s.find_first_of("\r\n", offset);
    if (eol == std::string_view::npos) return s.size();
    return eol + ((s[eol] == '\r' && eol + 1 < s.size() && s[eol + 1] == '\n') ? 2 : 1);
}


}  // namespace reckon::corpus
