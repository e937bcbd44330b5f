// Internal to the corpus module: one reader per input format, all filling an
// ingest_result. See ingest.hpp for the public entry points.
#pragma once

#include <set>
#include <string>

#include "corpus/ingest.hpp"

namespace reckon::corpus::detail {

void read_text_article(std::string bytes, const std::string& file, const std::string& id, ingest_result& out);
void read_csv(std::string bytes, const std::string& file, const csv_columns& columns, ingest_result& out);
void read_jsonl(std::string bytes, const std::string& file, ingest_result& out);

// JSON Lines arriving in batches of whole lines: ids stay unique and line numbers
// count on across batches.
class jsonl_batches {
public:
    explicit jsonl_batches(std::string file) : m_file(std::move(file)) {}
    void read(std::string bytes, ingest_result& out);

private:
    std::string m_file;
    std::set<std::string> m_seen_ids;
    std::size_t m_lines = 0;
};

// Shared by the readers: strips a BOM and repairs UTF-8, reporting both. Returns
// true when the bytes were changed.
bool clean_bytes(std::string& bytes, const std::string& file, ingest_result& out);
// The first non-empty line of text[body], trimmed and cut to a readable length.
std::string first_line_title(std::string_view text, byte_span body);
// Sets the article's published date from its dateline, preferring the dateline
// over `column` (FA-KES's date column is sometimes not the article's own date).
void settle_published_date(article& a, std::size_t dateline_limit);

}  // namespace reckon::corpus::detail
