// Dispatch: decides the format of each input and hands it to its reader; walks
// folders in sorted order so the corpus, and so every output, is deterministic.
#include "corpus/ingest.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "corpus/readers.hpp"
#include "support/atomic_file.hpp"
#include "support/utf8.hpp"
#include "dateline/dateline.hpp"

namespace fs = std::filesystem;

namespace reckon::corpus {

std::string_view to_string(input_format f) {
    switch (f) {
    case input_format::text: return "text";
    case input_format::csv: return "csv";
    case input_format::jsonl: return "jsonl";
    case input_format::automatic: break;
    }
    return "auto";
}

bool parse_input_format(std::string_view name, input_format& out) {
    if (name == "auto") out = input_format::automatic;
    else if (name == "text" || name == "txt") out = input_format::text;
    else if (name == "csv") out = input_format::csv;
    else if (name == "jsonl" || name == "json" || name == "ndjson") out = input_format::jsonl;
    else return false;
    return true;
}

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

input_format format_of_extension(const fs::path& p) {
    const std::string ext = lower(p.extension().string());
    if (ext == ".csv") return input_format::csv;
    if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return input_format::jsonl;
    if (ext == ".txt" || ext == ".text") return input_format::text;
    return input_format::automatic;
}

input_format sniff(std::string_view bytes) {
    for (char c : bytes) {
        if (std::isspace(static_cast<unsigned char>(c))) continue;
        return c == '{' ? input_format::jsonl : input_format::text;
    }
    return input_format::text;
}

// What a file is when it is not text: its format from the magic bytes that open it, or
// "binary data" when its first 4 KiB are mostly control bytes; "" for text. Reading a
// PDF or a program as an article gives "1 articles, 0 claims" and no hint of the mistake.
std::string binary_kind(std::string_view bytes) {
    static const std::pair<std::string_view, const char*> magic[] = {
        {"%PDF-", "a PDF document"},           {"\x7f" "ELF", "an ELF executable"},
        {"\x89PNG\r\n", "a PNG image"},         {"\xff\xd8\xff", "a JPEG image"},
        {"GIF87a", "a GIF image"},             {"GIF89a", "a GIF image"},
        {"PK\x03\x04", "a ZIP archive (or a .docx, .xlsx, .odt document)"},
        {"\x1f\x8b", "a gzip archive"},        {"\xfd" "7zXZ", "an xz archive"},
        {"7z\xbc\xaf", "a 7-Zip archive"},
        {"\xd0\xcf\x11\xe0", "a Microsoft Office document (.doc, .xls)"},
        {"{\\rtf", "an RTF document"},
    };
    for (const auto& [prefix, kind] : magic)
        if (bytes.substr(0, prefix.size()) == prefix) return kind;
    if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") return "a WebP image";
    const std::string_view head = bytes.substr(0, 4096);
    std::size_t control = 0;
    for (const char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f) ++control;
    }
    // Text with a few stray NULs is repaired, not refused (tests/bad_input/nul_bytes).
    if (control >= 16 && control * 10 > head.size()) return "binary data";
    return {};
}

// JSON Lines files larger than this are read in batches of about this size
// (detail::read_jsonl_file).
constexpr std::size_t jsonl_batch_bytes = std::size_t{64} << 20;

void skip_binary(ingest_result& out, const std::string& shown, const std::string& kind) {
    out.diags.error(shown, 0, 0, "the file is " + kind + ", not text; skipped",
                    "reckon reads UTF-8 text, CSV and JSON Lines: extract the text first (pdftotext, or save as plain "
                    "UTF-8 text; UTF-16 is not read)");
    ++out.skipped;
}

std::string too_large(std::size_t bytes) {
    return "too large (" + std::to_string(bytes) + " bytes; the limit is " + std::to_string(max_article_bytes) + ")";
}

void read_one(std::string bytes, const std::string& shown, const std::string& id, input_format format,
              const ingest_options& options, ingest_result& out) {
    if (const std::string kind = binary_kind(bytes); !kind.empty()) {
        skip_binary(out, shown, kind);
        return;
    }
    if (format == input_format::automatic) format = sniff(bytes);
    const std::size_t first = out.articles.size();
    switch (format) {
    case input_format::csv: detail::read_csv(std::move(bytes), shown, options.columns, out); break;
    case input_format::jsonl: detail::read_jsonl(std::move(bytes), shown, out); break;
    case input_format::text:
    case input_format::automatic:
        if (bytes.size() > max_article_bytes) {
            out.diags.warning("too-large", shown, 0, 0, too_large(bytes.size()) + "; file skipped");
            ++out.skipped;
            return;
        }
        detail::read_text_article(std::move(bytes), shown, id, out);
        break;
    }
    detail::drop_too_large(out, first);
}

std::string id_of(const fs::path& root, const fs::path& file) {
    fs::path rel = file.lexically_relative(root);
    rel.replace_extension();
    return rel.generic_string();
}

void read_folder(const fs::path& root, const std::string& shown_root, const ingest_options& options,
                 ingest_result& out) {
    std::vector<fs::path> files;
    std::size_t ignored = 0;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        out.unreadable = true;
        out.diags.error(shown_root, 0, 0, "cannot read folder: " + ec.message());
        return;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            out.diags.warning("unreadable", shown_root, 0, 0, "cannot read part of the folder: " + ec.message());
            ec.clear();
            break;
        }
        std::error_code type_ec;
        if (!it->is_regular_file(type_ec)) continue;
        const auto name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') continue;  // hidden files, editor droppings
        const input_format f = options.format != input_format::automatic ? options.format : format_of_extension(it->path());
        if (f == input_format::automatic) {
            ++ignored;
            continue;
        }
        files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        const std::string shown = (fs::path(shown_root) / file.lexically_relative(root)).generic_string();
        std::string bytes;
        try {
            bytes = read_file(file.string());
        } catch (const io_error& e) {
            out.diags.warning("unreadable", shown, 0, 0, std::string(e.what()) + "; file skipped");
            ++out.skipped;
            continue;
        }
        ++out.files;
        const input_format f = options.format != input_format::automatic ? options.format : format_of_extension(file);
        read_one(std::move(bytes), shown, id_of(root, file), f, options, out);
    }
    if (ignored > 0) {
        out.diags.note(shown_root, 0, 0,
                       std::to_string(ignored) + (ignored == 1 ? " file was" : " files were") +
                           " ignored: only .txt, .csv and .jsonl files are read");
    }
}

}  // namespace

ingest_result ingest(const std::string& path, const ingest_options& options) {
    ingest_result out;
    if (path == "-") {
        std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
        out.files = 1;
        read_one(std::move(bytes), "-", "stdin", options.format, options, out);
        return out;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        out.unreadable = true;
        out.diags.error(path, 0, 0, "cannot read '" + path + "': no such file or folder");
        return out;
    }
    if (fs::is_directory(status)) {
        read_folder(path, path, options, out);
        return out;
    }
    const input_format f = options.format != input_format::automatic ? options.format : format_of_extension(path);
    if (f == input_format::jsonl && fs::file_size(path, ec) > jsonl_batch_bytes && !ec) {
        out.files = 1;
        detail::read_jsonl_file(path, jsonl_batch_bytes, out);
        return out;
    }
    std::string bytes;
    try {
        bytes = read_file(path);
    } catch (const io_error& e) {
        out.unreadable = true;
        out.diags.error(path, 0, 0, e.what());
        return out;
    }
    out.files = 1;
    read_one(std::move(bytes), path, fs::path(path).stem().string(), f, options, out);
    return out;
}

ingest_result ingest_bytes(std::string bytes, const std::string& name, input_format format,
                           const ingest_options& options) {
    ingest_result out;
    out.files = 1;
    read_one(std::move(bytes), name, fs::path(name).stem().string(), format, options, out);
    return out;
}

namespace detail {

void drop_too_large(ingest_result& out, std::size_t first) {
    // CSV and JSON Lines articles past the limit: reported at their record, dropped.
    const auto keep = std::stable_partition(out.articles.begin() + static_cast<std::ptrdiff_t>(first), out.articles.end(),
                                            [](const article& a) { return a.text.size() <= max_article_bytes; });
    for (auto it = keep; it != out.articles.end(); ++it) {
        out.diags.warning("too-large", it->where.file, it->where.line, 1,
                          "article '" + it->id + "' is " + too_large(it->text.size()) + "; article skipped");
        ++out.skipped;
    }
    out.articles.erase(keep, out.articles.end());
}

void read_jsonl_file(const std::string& path, std::size_t batch_bytes, ingest_result& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.unreadable = true;
        out.diags.error(path, 0, 0, "cannot read '" + path + "'");
        return;
    }
    jsonl_batches batches(path);
    const std::size_t first = out.articles.size();
    for (bool first_batch = true;; first_batch = false) {
        std::string bytes(batch_bytes, '\0');
        in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        bytes.resize(static_cast<std::size_t>(in.gcount()));
        // Whole lines only: the rest of the last line comes with this batch.
        std::string rest;
        if (in && std::getline(in, rest)) bytes += rest + '\n';
        if (in.bad()) {
            out.diags.error(path, 0, 0, "cannot read '" + path + "': a read failed; the articles before it are kept");
            break;
        }
        if (bytes.empty()) break;
        if (first_batch) {
            if (const std::string kind = binary_kind(bytes); !kind.empty()) {
                skip_binary(out, path, kind);
                return;
            }
        }
        batches.read(std::move(bytes), out);
        if (!in) break;
    }
    drop_too_large(out, first);
}

bool clean_bytes(std::string& bytes, const std::string& file, ingest_result& out, std::size_t lines_before,
                 std::size_t bytes_before) {
    bool changed = false;
    if (bytes_before == 0 && strip_bom(bytes)) {
        out.diags.note(file, 1, 1, "byte order mark removed");
        changed = true;
    }
    std::vector<utf8_problem> problems;
    const std::size_t count = repair_utf8(bytes, problems, 3);
    if (count > 0) {
        // Positions refer to the bytes as read (after the BOM, if any).
        const auto& first = problems.front();
        std::string what = first.nul ? "NUL byte" : "invalid UTF-8";
        std::string message = what + " at byte " + std::to_string(bytes_before + first.offset) + "; " + std::to_string(count) +
                              (count == 1 ? " bad byte was" : " bad bytes were") + " replaced with U+FFFD";
        // Bytes before the first problem are unchanged, so its line and column hold.
        const auto where = position_of(bytes, first.offset);
        out.diags.warning("invalid-utf8", file, lines_before + where.line, where.column, std::move(message),
                          "re-save the file as UTF-8; figures next to replaced bytes may be misread");
        ++out.repaired;
        changed = true;
    }
    return changed;
}

std::string first_line_title(std::string_view text, byte_span body) {
    std::string_view rest = body.of(text);
    while (!rest.empty()) {
        std::size_t eol = rest.find_first_of("\r\n");
        std::string_view line = rest.substr(0, eol);
        const auto first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos) {
            line = line.substr(first);
            line = line.substr(0, line.find_last_not_of(" \t") + 1);
            constexpr std::size_t max_title = 160;
            if (line.size() > max_title) {
                std::size_t cut = max_title;
                while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
                return std::string(line.substr(0, cut)) + "...";
            }
            return std::string(line);
        }
        if (eol == std::string_view::npos) break;
        rest = rest.substr(eol + 1);
    }
    return {};
}

void settle_published_date(article& a, std::size_t dateline_limit) {
    const auto found = grammar::dateline::find_publication_date(a.body.of(a.text), dateline_limit);
    if (found) {
        a.published = found->value;
        // An all-numeric dateline is ambiguous (05-02-2015); let the column decide.
        if (found->month_first && a.column_date && *found->month_first == *a.column_date) a.published = *a.column_date;
        a.published_from = date_source::dateline;
        return;
    }
    if (a.column_date) {
        a.published = *a.column_date;
        a.published_from = date_source::column;
    }
}

}  // namespace detail

std::string outlet_of_url(std::string_view url, int depth) {
    auto trim_front = [&](std::string_view prefix) {
        if (url.size() >= prefix.size()) {
            bool same = true;
            for (std::size_t i = 0; i < prefix.size() && same; ++i)
                same = std::tolower(static_cast<unsigned char>(url[i])) == prefix[i];
            if (same) url.remove_prefix(prefix.size());
        }
    };
    while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.remove_prefix(1);
    const auto scheme = url.find("://");
    if (scheme != std::string_view::npos) {
        const auto name = url.substr(0, scheme);
        std::string lower_name;
        for (const char c : name) lower_name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        if (lower_name != "http" && lower_name != "https") return {};
        url.remove_prefix(scheme + 3);
    }
    const std::string_view path = url.substr(std::min(url.size(), url.find_first_of("/?#")));
    url = url.substr(0, url.find_first_of("/?#"));
    if (const auto at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
    // an archived copy names the outlet of the page it keeps:
    // "http://web.archive.org/web/20170313014437/https://www.dailybreeze.com/x" -> dailybreeze.com
    {
        std::string host_lower;
        for (const char c : url) host_lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        if ((host_lower == "web.archive.org" || host_lower == "wayback.archive.org") && path.rfind("/web/", 0) == 0) {
            const auto stamp_end = path.find('/', 5);
            if (stamp_end != std::string_view::npos && depth < 4) return outlet_of_url(path.substr(stamp_end + 1), depth + 1);
            return {};
        }
    }
    url = url.substr(0, url.find(':'));
    trim_front("www.");
    std::string host;
    for (const char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || c == '.' || c == '-')) return {};  // not a host name
        host.push_back(static_cast<char>(std::tolower(u)));
    }
    // a host has a dot inside it: "kxan.com", never "news" or "."
    const auto dot = host.find('.');
    if (dot == std::string::npos || dot == 0 || host.back() == '.') return {};
    return host;
}

}  // namespace reckon::corpus
