// Corpus ingestion: a folder of text files, a CSV file (FA-KES layout by default) or
// JSON Lines, into one list of articles. Bad input is reported in `diagnostics` and
// repaired or skipped as documented in docs/formats.md; it never stops the rest of the
// corpus from loading.
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "model/article.hpp"
#include "support/diagnostics.hpp"

namespace reckon::corpus {

enum class input_format { automatic, text, csv, jsonl };
std::string_view to_string(input_format f);
// "text", "txt", "csv", "jsonl", "json", "auto"; false when unknown.
bool parse_input_format(std::string_view name, input_format& out);

// Column names of a CSV corpus; the defaults are the FA-KES layout.
struct csv_columns {
    std::string id = "unit_id";
    std::string title = "article_title";
    std::string text = "article_content";
    std::string outlet = "source";
    std::string date = "date";          // M/D/YYYY (FA-KES) or ISO YYYY-MM-DD
    std::string location = "location";  // optional
    std::string label = "labels";       // optional
};

// Size limits (docs/limits.md). An article whose text is longer is reported and skipped,
// as is a JSON Lines line that is longer; text and CSV lines are bounded by the article.
inline constexpr std::size_t max_article_bytes = std::size_t{64} << 20;
inline constexpr std::size_t max_line_bytes = std::size_t{64} << 20;

struct ingest_options {
    input_format format = input_format::automatic;
    csv_columns columns;
};

struct ingest_result {
    std::vector<article> articles;
    diagnostics diags;
    std::size_t files = 0;        // files read
    std::size_t skipped = 0;      // records or files reported and skipped
    std::size_t repaired = 0;     // articles whose bytes were repaired
    bool unreadable = false;      // the input path itself could not be read
};

// Reads a path: a directory (every .txt file below it, sorted), or a single file
// whose format is chosen by extension unless `options.format` says otherwise.
ingest_result ingest(const std::string& path, const ingest_options& options = {});

// The outlet a URL names when the input gives none: its host, lower case, without the
// scheme, "www.", a port or user info ("https://www.kxan.com/news/x" -> "kxan.com");
// "" when the text is not an http(s) URL or a bare host.
std::string outlet_of_url(std::string_view url);

// Reads already loaded bytes (stdin, tests). `name` is used in messages and origins.
ingest_result ingest_bytes(std::string bytes, const std::string& name, input_format format,
                           const ingest_options& options = {});

// JSON Lines read a batch of lines at a time, for commands that work article by
// article (reckon extract): memory holds one batch, whatever the size of the input.
class jsonl_reader {
public:
    jsonl_reader(std::istream& in, const std::string& name, std::size_t batch_bytes = std::size_t{4} << 20);
    ~jsonl_reader();
    // The next batch in out.articles (replacing the last); its warnings are added to
    // out.diags. False at the end of the input.
    bool next(ingest_result& out);

private:
    struct state;
    std::unique_ptr<state> m;
};

}  // namespace reckon::corpus
