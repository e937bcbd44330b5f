// One .txt file is one article. Its date comes from a first line " date YYYY-MM-DD"
// (the seed layout), else from the first publication date written in its opening,
// else it stays unknown with a warning. The outlet comes from a credit in the text
// ("[Source: Middle East Eye]", a closing "— AFP", a dateline "Afp May 01, 2018").
#include <cctype>

#include "corpus/readers.hpp"
#include "dateline/dateline.hpp"

namespace reckon::corpus::detail {

namespace {

// " date 2018-11-14 ..." -> the date and where the body starts; `bad` set when the
// header is there but its date is not a real day.
std::optional<date> read_header(std::string_view text, std::size_t& body_begin, bool& bad) {
    std::size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (text.compare(i, 5, "date ") != 0) return std::nullopt;
    i += 5;
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    const auto parsed = date::parse_iso(text.substr(i, j - i));
    if (!parsed || parsed->precision != date_precision::day) {
        bad = true;
        return std::nullopt;
    }
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    body_begin = j;
    return parsed;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

bool looks_like_name(std::string_view s) {
    if (s.empty() || s.size() > 40) return false;
    for (unsigned char c : s)
        if (!std::isalpha(c) && c != ' ' && c != '.' && c != '&' && c != '-') return false;
    return std::isalpha(static_cast<unsigned char>(s.front())) != 0;
}

std::string detect_outlet(std::string_view text, std::optional<grammar::dateline::found_date> dateline) {
    // "[Source: Middle East Eye]"
    if (const auto p = text.find("[Source:"); p != std::string_view::npos) {
        const auto close = text.find(']', p);
        if (close != std::string_view::npos) {
            const std::string name = trim(text.substr(p + 8, close - p - 8));
            if (looks_like_name(name)) return name;
        }
    }
    // A closing credit: "... in 2011. — AFP" or "- REUTERS".
    const std::string tail = trim(text.substr(text.size() > 200 ? text.size() - 200 : 0));
    for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", " - "}) {
        const auto p = tail.rfind(dash);
        if (p == std::string::npos) continue;
        const std::string name = trim(std::string_view(tail).substr(p + dash.size()));
        if (looks_like_name(name) && name.size() <= 20) return name;
    }
    // A dateline preceded by a single word on its line: "Afp May 01, 2018".
    if (dateline) {
        const std::size_t line_start = text.rfind('\n', dateline->where.begin) == std::string_view::npos
                                           ? 0
                                           : text.rfind('\n', dateline->where.begin) + 1;
        const std::string before = trim(text.substr(line_start, dateline->where.begin - line_start));
        if (looks_like_name(before) && before.find(' ') == std::string::npos && before.size() <= 12) return before;
    }
    return {};
}

}  // namespace

void read_text_article(std::string bytes, const std::string& file, const std::string& id, ingest_result& out) {
    const bool repaired = clean_bytes(bytes, file, out);
    (void)repaired;
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
        out.diags.warning("empty-article", file, 0, 0, bytes.empty() ? "empty file; skipped" : "file holds only whitespace; skipped");
        ++out.skipped;
        return;
    }
    article a;
    a.id = id;
    a.where = {file, 1, 0};
    a.text = std::move(bytes);
    a.body = {0, a.text.size()};
    std::size_t body_begin = 0;
    bool bad_header = false;
    if (const auto header = read_header(a.text, body_begin, bad_header)) {
        a.published = *header;
        a.published_from = date_source::header;
        a.body.begin = body_begin;
    } else {
        if (bad_header) {
            const auto pos = position_of(a.text, 0);
            diagnostic d;
            d.level = severity::warning;
            d.name = "bad-date";
            d.file = file;
            d.line = 1;
            d.column = 1;
            d.length = pos.line_text.size();
            d.message = "the date header is not a real day (expected ' date YYYY-MM-DD')";
            d.source_line = std::string(pos.line_text.substr(0, 60));
            d.hint = "the date written in the text is used instead, if there is one";
            out.diags.add(std::move(d));
        }
        settle_published_date(a, 2048);
    }
    if (!a.published.known()) {
        out.diags.warning("no-date", file, 0, 0, "no publication date found; article kept with an unknown date",
                          "start the file with a line ' date YYYY-MM-DD'");
    }
    const auto dateline = grammar::dateline::find_publication_date(a.body.of(a.text), 2048);
    a.outlet = detect_outlet(a.body.of(a.text), dateline);
    a.title = first_line_title(a.text, a.body);
    out.articles.push_back(std::move(a));
}

}  // namespace reckon::corpus::detail
