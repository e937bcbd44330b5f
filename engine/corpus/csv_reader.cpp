// RFC 4180 CSV: quoted fields with doubled quotes, line breaks inside quotes, CRLF,
// LF or lone CR between records. One pass over the bytes, so a 100 MB file reads in
// linear time. Columns are found by name in the header (FA-KES layout by default).
//
// Repairs and skips, each reported with file and line:
//  - a ragged row (wrong number of fields) is skipped;
//  - an unterminated quote skips its record, and reading resumes on the next line;
//  - a row with an empty id gets "<file>:<row>", a repeated id gets a "#2" suffix;
//  - an unreadable date falls back to the dateline in the text.
#include <algorithm>
#include <optional>
#include <cctype>
#include <set>
#include <unordered_map>

#include "corpus/csv.hpp"
#include "corpus/readers.hpp"
#include "dateline/dateline.hpp"

namespace reckon::corpus::detail {

void read_csv(std::string bytes, const std::string& file, const csv_columns& columns, ingest_result& out) {
    clean_bytes(bytes, file, out);
    const std::string_view s = bytes;
    if (s.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.diags.warning("empty-file", file, 0, 0, "empty CSV file; no articles read");
        return;
    }
    std::size_t pos = 0, line = 1;
    csv_record header;
    csv_quote_problem problem = csv_quote_problem::none;
    next_csv_record(s, pos, line, header, problem);
    if (problem != csv_quote_problem::none) {
        out.diags.error(file, 1, 0, "malformed quotes in the header row");
        return;
    }
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < header.fields.size(); ++i) index.emplace(csv_lower_trim(header.fields[i]), i);
    // The column of a field: the name given for it, else the first of its known names
    // the header has.
    struct found_column {
        std::optional<std::size_t> index;
        std::string name;  // as the header writes it, for messages
    };
    const auto column = [&](const std::string& given, const std::vector<std::string>& known) -> found_column {
        for (const auto& name : given.empty() ? known : std::vector<std::string>{given}) {
            const auto it = index.find(csv_lower_trim(name));
            if (it != index.end()) return {it->second, header.fields[it->second]};
        }
        return {};
    };
    const auto quoted_list = [](const std::vector<std::string>& names) {
        std::string out;
        for (const auto& n : names) out += (out.empty() ? "'" : ", '") + n + "'";
        return out;
    };
    const auto id_col = column(columns.id, field_names::id).index;
    const auto text_col = column(columns.text, field_names::text).index;
    if (!text_col) {
        const std::string wanted = columns.text.empty() ? "none of " + quoted_list(field_names::text) + " is there"
                                                        : "no column '" + columns.text + "'";
        out.diags.error(file, 1, 0, "missing the article text column: " + wanted + "; the header has " + quoted_list(header.fields),
                        "name the text column with --text-col");
        return;
    }
    if (!id_col) {
        out.diags.warning("missing-column", file, 1, 0,
                          (columns.id.empty() ? "no id column (" + quoted_list(field_names::id) + ")"
                                              : "missing column '" + columns.id + "'") +
                              "; articles get ids from their row numbers",
                          "name the id column with --id-col");
    }
    const auto title_col = column(columns.title, field_names::title).index;
    const auto outlet_col = column(columns.outlet, field_names::outlet).index;
    const auto date_found = column(columns.date, field_names::date);
    const auto date_col = date_found.index;
    const auto location_col = column(columns.location, field_names::location).index;
    const auto label_col = column(columns.label, field_names::label).index;
    const auto url_col = column({}, field_names::url).index;
    // A column the user named that the header lacks is a typo to report, not a field to
    // leave empty without a word.
    for (const auto* given : {&columns.title, &columns.outlet, &columns.date, &columns.location})
        if (!given->empty() && !column(*given, {}).index)
            out.diags.warning("missing-column", file, 1, 0, "missing column '" + *given + "'; the header has " + quoted_list(header.fields));
    const std::size_t width = header.fields.size();

    std::set<std::string> seen_ids;
    std::size_t row = 0;
    csv_record r;
    while (next_csv_record(s, pos, line, r, problem)) {
        if (problem != csv_quote_problem::none) {
            out.diags.warning("unterminated-quote", file, r.line, 0,
                              problem == csv_quote_problem::unterminated
                                  ? "a quoted field opened in this record never closes; record skipped"
                                  : "a quoted field in this record closes in the middle of a field (line " +
                                        std::to_string(line) + "); record skipped",
                              "close the quote with '\"' and double quotes inside fields; reading resumes on the next line");
            ++out.skipped;
            pos = csv_skip_line(s, r.begin);
            line = r.line + 1;
            continue;
        }
        if (csv_blank(r)) continue;
        ++row;
        if (r.fields.size() != width) {
            out.diags.warning("ragged-row", file, r.line, 0,
                              "row " + std::to_string(row) + " has " + std::to_string(r.fields.size()) +
                                  (r.fields.size() == 1 ? " field" : " fields") + ", the header has " +
                                  std::to_string(width) + "; row skipped",
                              "quote fields that contain commas or line breaks");
            ++out.skipped;
            continue;
        }
        article a;
        a.where = {file, r.line, row};
        a.id = id_col ? r.fields[*id_col] : std::string();
        if (a.id.find_first_not_of(" \t") == std::string::npos) {
            a.id = file + ":" + std::to_string(row);
            if (id_col) out.diags.warning("missing-id", file, r.line, 0, "empty id; using '" + a.id + "'");
        }
        if (!seen_ids.insert(a.id).second) {
            std::string unique;
            for (int k = 2;; ++k) {
                unique = a.id + "#" + std::to_string(k);
                if (seen_ids.insert(unique).second) break;
            }
            out.diags.warning("duplicate-id", file, r.line, 0, "id '" + a.id + "' is used twice; this one becomes '" + unique + "'");
            a.id = unique;
        }
        a.text = std::move(r.fields[*text_col]);
        if (a.text.find_first_not_of(" \t\r\n") == std::string::npos) {
            out.diags.warning("empty-article", file, r.line, 0, "article '" + a.id + "' has no text; skipped");
            ++out.skipped;
            continue;
        }
        a.body = {0, a.text.size()};
        if (title_col) a.title = r.fields[*title_col];
        if (outlet_col) a.outlet = r.fields[*outlet_col];
        // as in JSON Lines: without an outlet, the url's host names it
        if (a.outlet.empty() && url_col) a.outlet = outlet_of_url(r.fields[*url_col]);
        if (location_col) a.location = r.fields[*location_col];
        if (label_col) {
            const std::string& l = r.fields[*label_col];
            if (l == "0" || l == "1") a.label = l[0] - '0';
        }
        if (date_col && !r.fields[*date_col].empty()) {
            a.column_date = grammar::dateline::parse_column_date(r.fields[*date_col]);
            if (!a.column_date) {
                out.diags.warning("bad-date", file, r.line, 0,
                                  "'" + r.fields[*date_col] + "' in column '" + date_found.name + "' is not a real date",
                                  "write M/D/YYYY or YYYY-MM-DD; the date in the text is used instead");
            }
        }
        // The dateline opens the body; look only at its start.
        settle_published_date(a, 64);
        if (!a.published.known()) {
            out.diags.warning("no-date", file, r.line, 0, "article '" + a.id + "' has no date; kept with an unknown date");
        }
        if (a.title.empty()) a.title = first_line_title(a.text, a.body);
        out.articles.push_back(std::move(a));
    }
}

}  // namespace reckon::corpus::detail
