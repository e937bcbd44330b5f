// JSON Lines: one article object per line. Fields (docs/formats.md):
//   id (string or number), text (or body, content), title, outlet (or source; else the
//   host of url or link),
//   date (YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY), location, label.
// A line that is not a JSON object, or has no text, is reported and skipped.
#include <nlohmann/json.hpp>
#include <algorithm>
#include <set>
#include <thread>

#include "support/parallel.hpp"
#include "corpus/readers.hpp"
#include "dateline/dateline.hpp"

namespace reckon::corpus::detail {

namespace {

std::string string_field(const nlohmann::json& obj, const std::vector<std::string>& names) {
    for (const auto& n : names) {
        const auto it = obj.find(n);
        if (it == obj.end() || it->is_null()) continue;
        if (it->is_string()) return it->get<std::string>();
        if (it->is_number_integer()) return std::to_string(it->get<long long>());
        if (it->is_number()) return it->dump();
    }
    return {};
}

}  // namespace

namespace {

// One non-blank line, parsed on its own: the article (id not yet made unique) or the
// diagnostic that skipped the line. Lines are numbered within their chunk.
struct parsed_line {
    std::size_t line = 0;
    bool kept = false;
    article a;
    std::vector<diagnostic> before_id;   // a skipped line's reason
    std::vector<diagnostic> after_id;    // bad-date
    bool no_date = false;
};

struct chunk_result {
    std::vector<parsed_line> lines;
    std::size_t line_count = 0;          // newline-separated lines in the chunk
};

chunk_result parse_chunk(std::string_view s, const std::string& file) {
    chunk_result out;
    std::size_t pos = 0, line = 0;
    while (pos < s.size()) {
        ++line;
        std::size_t eol = s.find('\n', pos);
        if (eol == std::string_view::npos) eol = s.size();
        std::string_view text = s.substr(pos, eol - pos);
        pos = eol + 1;
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
        parsed_line p;
        p.line = line;
        diagnostics d;
        if (text.size() > max_line_bytes) {
            d.warning("too-large", file, line, 1,
                      "line too long (" + std::to_string(text.size()) + " bytes; the limit is " +
                          std::to_string(max_line_bytes) + "); line skipped");
            p.before_id = d.items();
            out.lines.push_back(std::move(p));
            continue;
        }
        nlohmann::json obj;
        try {
            obj = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception& e) {
            // parse_error for bad syntax, out_of_range for a number too large to hold
            // (found by fuzzing: "1111...E1111..." ended the program).
            const auto* syntax = dynamic_cast<const nlohmann::json::parse_error*>(&e);
            diagnostic g;
            g.level = severity::warning;
            g.name = "bad-json";
            g.file = file;
            g.line = line;
            g.column = syntax && syntax->byte > 0 ? syntax->byte : 1;
            g.message = syntax ? "not valid JSON; line skipped" : "a number in this line is too large; line skipped";
            g.source_line = std::string(text.substr(0, 400));
            g.hint = "each line must be one JSON object";
            p.before_id.push_back(std::move(g));
            out.lines.push_back(std::move(p));
            continue;
        }
        if (!obj.is_object()) {
            d.warning("bad-json", file, line, 1, "expected a JSON object, got " + std::string(obj.type_name()) + "; line skipped");
            p.before_id = d.items();
            out.lines.push_back(std::move(p));
            continue;
        }
        article& a = p.a;
        a.where = {file, line, line};
        a.text = string_field(obj, field_names::text);
        if (a.text.find_first_not_of(" \t\r\n") == std::string::npos) {
            d.warning("empty-article", file, line, 1, "object has no 'text' field (or it is empty); line skipped",
                      "put the article in \"text\"");
            p.before_id = d.items();
            out.lines.push_back(std::move(p));
            continue;
        }
        a.body = {0, a.text.size()};
        a.id = string_field(obj, field_names::id);
        a.title = string_field(obj, field_names::title);
        a.outlet = string_field(obj, field_names::outlet);
        // an outlet given in the input wins; without one, the url's host names it
        if (a.outlet.empty()) a.outlet = outlet_of_url(string_field(obj, field_names::url));
        a.location = string_field(obj, field_names::location);
        const std::string label = string_field(obj, field_names::label);
        if (label == "0" || label == "1") a.label = label[0] - '0';
        const std::string date_text = string_field(obj, field_names::date);
        if (!date_text.empty()) {
            auto dt = date::parse_iso(date_text);
            if (!dt) dt = grammar::dateline::parse_column_date(date_text);
            if (dt) {
                a.published = *dt;
                a.published_from = date_source::field;
            } else {
                d.warning("bad-date", file, line, 1, "'" + date_text + "' is not a date; the date in the text is used instead",
                          "write YYYY-MM-DD");
                p.after_id = d.items();
            }
        }
        if (!a.published.known()) settle_published_date(a, 64);
        p.no_date = !a.published.known();
        if (a.title.empty()) a.title = first_line_title(a.text, a.body);
        p.kept = true;
        out.lines.push_back(std::move(p));
    }
    out.line_count = line;
    return out;
}

}  // namespace

// Lines are parsed on all cores in contiguous chunks (cut at newlines), then merged in
// order on one thread, which makes ids unique and reports in line order: the result
// is the same whatever the number of threads, and whatever the batches the lines come in.
void jsonl_batches::read(std::string bytes, ingest_result& out) {
    const std::string& file = m_file;
    // Messages name the file's lines and bytes; bytes count as read, after a first BOM
    // (as clean_bytes counts them), not as repaired.
    const bool bom = m_bytes == 0 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0;
    const std::size_t read = bytes.size() - (bom ? 3 : 0);
    clean_bytes(bytes, file, out, m_lines, m_bytes);
    m_bytes += read;
    const std::string_view s = bytes;
    const unsigned threads = s.size() < (1u << 20) ? 1 : std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
    std::vector<std::string_view> chunks;
    std::size_t from = 0;
    for (unsigned t = 1; t < threads && from < s.size(); ++t) {
        std::size_t cut = std::max(from, s.size() * t / threads);
        cut = s.find('\n', cut);
        if (cut == std::string_view::npos) break;
        chunks.push_back(s.substr(from, cut + 1 - from));
        from = cut + 1;
    }
    if (from < s.size() || chunks.empty()) chunks.push_back(s.substr(from));
    std::vector<chunk_result> results(chunks.size());
    // One thread a chunk; an exception in one (out of memory) reaches the caller.
    run_striped(chunks.size(), static_cast<unsigned>(chunks.size()), [&](std::size_t first, std::size_t step) {
        for (std::size_t c = first; c < chunks.size(); c += step) results[c] = parse_chunk(chunks[c], file);
    }, 1);
    std::string().swap(bytes);
    std::set<std::string>& seen_ids = m_seen_ids;
    std::size_t& base = m_lines;  // lines before this chunk
    for (auto& r : results) {
        for (auto& p : r.lines) {
            const std::size_t line = base + p.line;
            for (auto& d : p.before_id) {
                d.line = line;
                out.diags.add(std::move(d));
            }
            if (!p.kept) {
                ++out.skipped;
                continue;
            }
            article& a = p.a;
            a.where.line = a.where.record = line;
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
            for (auto& d : p.after_id) {
                d.line = line;
                out.diags.add(std::move(d));
            }
            if (p.no_date) out.diags.warning("no-date", file, line, 1, "article '" + a.id + "' has no date; kept with an unknown date");
            out.articles.push_back(std::move(a));
        }
        base += r.line_count;
        std::vector<parsed_line>().swap(r.lines);
    }
}

void read_jsonl(std::string bytes, const std::string& file, ingest_result& out) {
    jsonl_batches(file).read(std::move(bytes), out);
}

}  // namespace reckon::corpus::detail

namespace reckon::corpus {

struct jsonl_reader::state {
    std::istream& in;
    detail::jsonl_batches batches;
    std::size_t batch_bytes;
};

jsonl_reader::jsonl_reader(std::istream& in, const std::string& name, std::size_t batch_bytes)
    : m(std::make_unique<state>(state{in, detail::jsonl_batches(name), batch_bytes})) {}

jsonl_reader::~jsonl_reader() = default;

bool jsonl_reader::next(ingest_result& out) {
    out.articles.clear();
    while (out.articles.empty()) {
        if (!m->in) return false;
        std::string bytes(m->batch_bytes, '\0');
        m->in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        bytes.resize(static_cast<std::size_t>(m->in.gcount()));
        // Whole lines only: the rest of the last line comes after.
        std::string rest;
        if (m->in && std::getline(m->in, rest)) bytes += rest + '\n';
        if (bytes.empty()) return false;
        m->batches.read(std::move(bytes), out);
    }
    return true;
}

}  // namespace reckon::corpus::detail
