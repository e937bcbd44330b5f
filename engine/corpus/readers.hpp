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
    std::size_t m_bytes = 0;  // bytes of the batches before this one
};

// Reads a JSON Lines file in batches of whole lines of about `batch_bytes`, so that the
// file's bytes are never held beside all its articles (1.4 GB of them at a million
// articles). The result is the one of reading the file whole: articles, ids, messages and
// their lines; only a repair's message comes where its batch starts, and bad bytes in
// several batches are told once per batch.
void read_jsonl_file(const std::string& path, std::size_t batch_bytes, ingest_result& out);
// Articles past max_article_bytes from `first` on: reported at their record, dropped.
void drop_too_large(ingest_result& out, std::size_t first);

// Shared by the readers: strips a BOM and repairs UTF-8, reporting both. Returns
// true when the bytes were changed.
// A batch of a file tells the lines and bytes before it, so that messages name the file's.
bool clean_bytes(std::string& bytes, const std::string& file, ingest_result& out, std::size_t lines_before = 0,
                 std::size_t bytes_before = 0);
// The first non-empty line of text[body], trimmed and cut to a readable length.
std::string first_line_title(std::string_view text, byte_span body);
// Sets the article's published date from its dateline, preferring the dateline
// over `column` (FA-KES's date column is sometimes not the article's own date).
void settle_published_date(article& a, std::size_t dateline_limit);

}  // namespace reckon::corpus::detail
