// JSON Lines: one article object per line. Fields (docs/formats.md):
//   id (string or number), text (or body, content), title, outlet (or source),
//   date (YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY), location, label.
// A line that is not a JSON object, or has no text, is reported and skipped.
#include <nlohmann/json.hpp>
#include <set>

#include "corpus/readers.hpp"
#include "dateline/dateline.hpp"

namespace reckon::corpus::detail {

namespace {

std::string string_field(const nlohmann::json& obj, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        const auto it = obj.find(n);
        if (it == obj.end() || it->is_null()) continue;
        if (it->is_string()) return it->get<std::string>();
        if (it->is_number_integer()) return std::to_string(it->get<long long>());
        if (it->is_number()) return it->dump();
    }
    return {};
}

}  // namespace

void read_jsonl(std::string bytes, const std::string& file, ingest_result& out) {
    clean_bytes(bytes, file, out);
    const std::string_view s = bytes;
    std::set<std::string> seen_ids;
    std::size_t pos = 0, line = 0;
    while (pos < s.size()) {
        ++line;
        std::size_t eol = s.find('\n', pos);
        if (eol == std::string_view::npos) eol = s.size();
        std::string_view text = s.substr(pos, eol - pos);
        pos = eol + 1;
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
        nlohmann::json obj;
        try {
            obj = nlohmann::json::parse(text);
        } catch (const nlohmann::json::parse_error& e) {
            diagnostic d;
            d.level = severity::warning;
            d.name = "bad-json";
            d.file = file;
            d.line = line;
            d.column = e.byte > 0 ? e.byte : 1;
            d.message = "not valid JSON; line skipped";
            d.source_line = std::string(text.substr(0, 400));
            d.hint = "each line must be one JSON object";
            out.diags.add(std::move(d));
            ++out.skipped;
            continue;
        }
        if (!obj.is_object()) {
            out.diags.warning("bad-json", file, line, 1, "expected a JSON object, got " + std::string(obj.type_name()) + "; line skipped");
            ++out.skipped;
            continue;
        }
        article a;
        a.where = {file, line, line};
        a.text = string_field(obj, {"text", "body", "content", "article_content"});
        if (a.text.find_first_not_of(" \t\r\n") == std::string::npos) {
            out.diags.warning("empty-article", file, line, 1, "object has no 'text' field (or it is empty); line skipped",
                              "put the article in \"text\"");
            ++out.skipped;
            continue;
        }
        a.body = {0, a.text.size()};
        a.id = string_field(obj, {"id", "unit_id"});
        if (a.id.empty()) a.id = file + ":" + std::to_string(line);
        if (!seen_ids.insert(a.id).second) {
            std::string unique;
            for (int k = 2;; ++k) {
                unique = a.id + "#" + std::to_string(k);
                if (seen_ids.insert(unique).second) break;
            }
            out.diags.warning("duplicate-id", file, line, 1, "id '" + a.id + "' is used twice; this one becomes '" + unique + "'");
            a.id = unique;
        }
        a.title = string_field(obj, {"title", "article_title"});
        a.outlet = string_field(obj, {"outlet", "source"});
        a.location = string_field(obj, {"location"});
        const std::string label = string_field(obj, {"label", "labels"});
        if (label == "0" || label == "1") a.label = label[0] - '0';
        const std::string date_text = string_field(obj, {"date", "published"});
        if (!date_text.empty()) {
            auto d = date::parse_iso(date_text);
            if (!d) d = grammar::dateline::parse_column_date(date_text);
            if (d) {
                a.published = *d;
                a.published_from = date_source::field;
            } else {
                out.diags.warning("bad-date", file, line, 1, "'" + date_text + "' is not a date; the date in the text is used instead",
                                  "write YYYY-MM-DD");
            }
        }
        if (!a.published.known()) settle_published_date(a, 64);
        if (!a.published.known()) out.diags.warning("no-date", file, line, 1, "article '" + a.id + "' has no date; kept with an unknown date");
        if (a.title.empty()) a.title = first_line_title(a.text, a.body);
        out.articles.push_back(std::move(a));
    }
}

}  // namespace reckon::corpus::detail
