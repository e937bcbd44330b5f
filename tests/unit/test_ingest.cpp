#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "corpus/ingest.hpp"
#include "corpus/readers.hpp"
#include "shared_corpus.hpp"

using namespace reckon;
using namespace reckon::corpus;

namespace {
const std::string data = std::string(RECKON_TEST_DATA) + "/ingest/";

const article* by_id(const ingest_result& r, const std::string& id) {
    for (const auto& a : r.articles)
        if (a.id == id) return &a;
    return nullptr;
}

bool has_message(const ingest_result& r, const std::string& file_part, const std::string& text) {
    return std::any_of(r.diags.items().begin(), r.diags.items().end(), [&](const diagnostic& d) {
        return d.file.find(file_part) != std::string::npos && d.message.find(text) != std::string::npos;
    });
}
}  // namespace

TEST_CASE("the seed corpus loads five articles with 003 dated from its text", "[ingest][seeds]") {
    const auto r = ingest(std::string(RECKON_SOURCE_DIR) + "/examples/seeds");
    REQUIRE(r.articles.size() == 5);
    CHECK(r.diags.warnings() == 0);
    CHECK(r.articles[0].id == "000_018dbaf100e42a40");
    CHECK(r.articles[0].published.iso() == "2018-11-14");
    CHECK(r.articles[0].published_from == date_source::header);
    const article* a003 = by_id(r, "003_8258dcf072797142");
    REQUIRE(a003);
    CHECK(a003->published.iso() == "2018-05-01");
    CHECK(a003->published_from == date_source::dateline);
    CHECK(a003->title == "Strikes kill 23 civilians in Islamic State held area in Syria");
    CHECK(a003->outlet == "Afp");
    CHECK(by_id(r, "001_fbb223d67bb1f50a")->outlet == "Middle East Eye");
    CHECK(by_id(r, "000_018dbaf100e42a40")->outlet == "AFP");
    // The body starts after the header; the text keeps every byte of the file.
    const article& a000 = r.articles[0];
    CHECK(a000.text.substr(0, 17) == " date 2018-11-14 ");
    CHECK(a000.body.of(a000.text).substr(0, 8) == "Soldiers");
}

TEST_CASE("a folder with bad files loads the good ones and names the bad", "[ingest][bad-input]") {
    const auto r = ingest(data + "mixed");
    std::vector<std::string> ids;
    for (const auto& a : r.articles) ids.push_back(a.id);
    // Sorted, recursive, the empty file skipped, notes.md ignored.
    CHECK(ids == std::vector<std::string>{"a_good", "c_bad_utf8", "e_nodate", "f_bom_crlf", "g_bad_header", "sub/b_dateline"});
    CHECK(has_message(r, "c_bad_utf8.txt", "invalid UTF-8 at byte 24; 3 bad bytes were replaced with U+FFFD"));
    CHECK(has_message(r, "d_empty.txt", "empty file; skipped"));
    CHECK(has_message(r, "e_nodate.txt", "no publication date found"));
    CHECK(has_message(r, "g_bad_header.txt", "the date header is not a real day"));
    CHECK(has_message(r, "mixed", "1 file was ignored"));
    CHECK(r.skipped == 1);
    CHECK(r.repaired == 1);
    CHECK(r.diags.warnings() == 4);

    const article* bad = by_id(r, "c_bad_utf8");
    REQUIRE(bad);
    CHECK(bad->text.find("caf\xEF\xBF\xBD was hit") != std::string::npos);
    CHECK_FALSE(by_id(r, "e_nodate")->published.known());
    CHECK(by_id(r, "sub/b_dateline")->published.iso() == "2018-05-01");
    CHECK(by_id(r, "g_bad_header")->published.iso() == "2017-04-16");
    const article* bom = by_id(r, "f_bom_crlf");
    CHECK(bom->published.iso() == "2017-04-05");
    CHECK(bom->text.rfind(" date", 0) == 0);  // BOM removed
}

TEST_CASE("FA-KES style CSV: quotes, doubled quotes, multi-line fields, CRLF", "[ingest][csv]") {
    const auto r = ingest(data + "csv/good.csv");
    REQUIRE(r.articles.size() == 3);
    CHECK(r.diags.empty());
    CHECK(r.articles[0].id == "1");
    CHECK(r.articles[0].text == "Wed 05 Apr 2017 Text with \"quotes\" and a comma, inside.");
    CHECK(r.articles[0].outlet == "nna");
    CHECK(r.articles[0].location == "idlib");
    CHECK(r.articles[0].label == 0);
    CHECK(r.articles[1].text == "Line one\r\nline two\r\nline three");
    CHECK(r.articles[1].published.iso() == "2016-07-10");
    CHECK(r.articles[1].published_from == date_source::column);
    CHECK(r.articles[2].where.line == 6);  // after the three-line field
    // The dateline is the better reference when it disagrees with the column.
    CHECK(r.articles[2].published.iso() == "2015-02-12");
    CHECK(r.articles[2].column_date->iso() == "2015-02-22");
}

TEST_CASE("a ragged row and an impossible date are reported, the rest loads", "[ingest][csv][bad-input]") {
    const auto r = ingest(data + "csv/ragged.csv");
    REQUIRE(r.articles.size() == 2);
    CHECK(has_message(r, "ragged.csv", "row 2 has 4 fields, the header has 7; row skipped"));
    CHECK(has_message(r, "ragged.csv", "'2/30/2017' in column 'date' is not a real date"));
    CHECK(r.diags.items()[0].line == 3);
}

TEST_CASE("an unterminated quote skips its record and reading resumes", "[ingest][csv][bad-input]") {
    const auto r = ingest(data + "csv/unterminated.csv");
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == "1");
    CHECK(r.articles[1].id == "3");
    CHECK(has_message(r, "unterminated.csv", "a quoted field in this record closes in the middle of a field"));
    REQUIRE(r.diags.items().size() == 1);
    CHECK(r.diags.items().front().line == 3);
    const auto eof = ingest_bytes("unit_id,article_content\n1,\"ok\"\n2,\"open to the end\n", "eof.csv", input_format::csv);
    CHECK(eof.articles.size() == 1);
    CHECK(has_message(eof, "eof.csv", "a quoted field opened in this record never closes; record skipped"));
}

TEST_CASE("a CSV without the text column is an error naming the columns it has", "[ingest][csv][bad-input]") {
    const auto r = ingest(data + "csv/missing_column.csv");
    CHECK(r.articles.empty());
    CHECK(r.diags.errors() == 1);
    CHECK(r.diags.items()[0].message ==
          "missing the article text column: none of 'text', 'body', 'content', 'article_content' is there; the header has "
          "'id', 'headline', 'story'");
    CHECK(r.diags.items()[0].hint == "name the text column with --text-col");
}

TEST_CASE("other CSV layouts map their columns by name", "[ingest][csv]") {
    ingest_options o;
    o.columns.id = "id";
    o.columns.text = "text";
    o.columns.outlet = "outlet";
    o.columns.date = "published";
    const auto r = ingest(data + "csv/custom_columns.csv", o);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "9");
    CHECK(r.articles[0].published.iso() == "2018-01-02");
}

TEST_CASE("a CSV whose columns carry JSON Lines' names reads without options, its outlet kept", "[ingest][csv]") {
    const auto r = ingest(data + "csv/custom_columns.csv");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "9");
    CHECK(r.articles[0].outlet == "x");
    CHECK(r.articles[0].published.iso() == "2018-01-02");
    CHECK(r.diags.empty());
}

TEST_CASE("a CSV column named on the command line that the header lacks is reported", "[ingest][csv][bad-input]") {
    ingest_options o;
    o.columns.outlet = "outlet_name";
    const auto r = ingest(data + "csv/custom_columns.csv", o);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].outlet.empty());
    REQUIRE(r.diags.warnings() == 1);
    CHECK(r.diags.items()[0].message == "missing column 'outlet_name'; the header has 'id', 'text', 'outlet', 'published'");
}

TEST_CASE("input that is not text is refused, named by its first bytes", "[ingest][bad-input]") {
    const auto refused = [](std::string bytes, const char* name) {
        const auto r = ingest_bytes(std::move(bytes), name, input_format::automatic);
        CHECK(r.articles.empty());
        CHECK(r.skipped == 1);
        REQUIRE(r.diags.errors() == 1);
        return r.diags.items()[0].message;
    };
    CHECK(refused("%PDF-1.7\n%\xe2\xe3\n1 0 obj", "a.pdf") == "the file is a PDF document, not text; skipped");
    CHECK(refused(std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10), "prog") == "the file is an ELF executable, not text; skipped");
    CHECK(refused("\x89PNG\r\n\x1a\n", "i.png") == "the file is a PNG image, not text; skipped");
    CHECK(refused(std::string(64, '\x01') + "text", "blob.txt") == "the file is binary data, not text; skipped");
    // UTF-16 text is half NUL bytes.
    std::string utf16;
    for (const char c : std::string("12 people were killed in Aleppo")) utf16 += std::string{c, '\0'};
    CHECK(refused(utf16, "u16.txt") == "the file is binary data, not text; skipped");
    // Text with a few stray NUL bytes is repaired, not refused.
    std::string stray_nuls = "date 2018-01-01 a";
    stray_nuls += std::string(2, '\0') + "b 3 killed.\n";
    const auto repaired = ingest_bytes(stray_nuls, "nul.txt", input_format::automatic);
    CHECK(repaired.articles.size() == 1);
    CHECK(repaired.diags.errors() == 0);
}

TEST_CASE("JSON Lines: good objects load, bad lines are reported with their line", "[ingest][jsonl][bad-input]") {
    const auto r = ingest(data + "jsonl/articles.jsonl");
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles[0].id == "j1");
    CHECK(r.articles[0].outlet == "AFP");
    CHECK(r.articles[0].published.iso() == "2018-11-14");
    CHECK(r.articles[1].id == "7");
    CHECK(r.articles[1].published.iso() == "2018-02");
    CHECK(r.articles[2].id == "j1#2");
    CHECK(r.articles[2].published.iso() == "2018-11-14");
    CHECK(has_message(r, "articles.jsonl", "not valid JSON; line skipped"));
    CHECK(has_message(r, "articles.jsonl", "object has no 'text' field"));
    CHECK(has_message(r, "articles.jsonl", "expected a JSON object, got array"));
    CHECK(has_message(r, "articles.jsonl", "id 'j1' is used twice"));
    CHECK(r.skipped == 3);
}

TEST_CASE("JSON Lines: the outlet given wins, and without one the url's host is the outlet", "[ingest][jsonl][outlet]") {
    const auto r = ingest_bytes(
        "{\"id\":\"a\",\"text\":\"5 killed\",\"outlet\":\"Rudaw\",\"url\":\"https://www.kurdistan24.net/en/story/1\"}\n"
        "{\"id\":\"b\",\"text\":\"5 killed\",\"url\":\"https://www.KXAN.com:443/news/crime/x?y=1\"}\n"
        "{\"id\":\"c\",\"text\":\"5 killed\",\"url\":\"not a url\"}\n"
        "{\"id\":\"d\",\"text\":\"5 killed\",\"source\":\"AP\"}\n",
        "outlets.jsonl", input_format::jsonl);
    REQUIRE(r.articles.size() == 4);
    CHECK(r.articles[0].outlet == "Rudaw");
    CHECK(r.articles[1].outlet == "kxan.com");
    CHECK(r.articles[2].outlet.empty());
    CHECK(r.articles[3].outlet == "AP");
}

TEST_CASE("the outlet of a url is its host without www, port or user", "[ingest][outlet]") {
    CHECK(outlet_of_url("https://www.kxan.com/news/crime/two-dead/") == "kxan.com");
    CHECK(outlet_of_url("http://user:pw@News.Example.org:8080/a") == "news.example.org");
    CHECK(outlet_of_url("www.rudaw.net") == "rudaw.net");
    CHECK(outlet_of_url("  https://apnews.com") == "apnews.com");
    CHECK(outlet_of_url("ftp://files.example.org/x").empty());
    CHECK(outlet_of_url("news").empty());
    CHECK(outlet_of_url("https://").empty());
    CHECK(outlet_of_url("https://exa mple.com/").empty());
    CHECK(outlet_of_url("").empty());
    // an archived copy: the outlet of the page it keeps
    CHECK(outlet_of_url("http://web.archive.org/web/20170313014437/https://usgunviolence.wordpress.com/2013/01/01/x/") ==
          "usgunviolence.wordpress.com");
    CHECK(outlet_of_url("https://web.archive.org/web/2015id_/www.kxan.com/news") == "kxan.com");
    CHECK(outlet_of_url("https://web.archive.org/web/").empty());
}

TEST_CASE("unreadable paths and empty folders", "[ingest][bad-input]") {
    const auto missing = ingest(data + "no-such-thing");
    CHECK(missing.unreadable);
    CHECK(missing.diags.items()[0].message.find("no such file or folder") != std::string::npos);
    const auto empty = ingest(data + "emptydir");
    CHECK_FALSE(empty.unreadable);
    CHECK(empty.articles.empty());
}

TEST_CASE("bytes given directly: format sniffed, BOM and NUL handled", "[ingest][bad-input]") {
    const auto j = ingest_bytes("{\"id\":\"x\",\"text\":\"5 killed\"}\n", "-", input_format::automatic);
    REQUIRE(j.articles.size() == 1);
    CHECK(j.articles[0].id == "x");
    const auto t = ingest_bytes(std::string("\xEF\xBB\xBF date 2018-01-01 a\0b", 23), "in.txt", input_format::automatic);
    REQUIRE(t.articles.size() == 1);
    CHECK(t.articles[0].text == " date 2018-01-01 a\xEF\xBF\xBD" "b");
    CHECK(has_message(t, "in.txt", "NUL byte at byte 18"));
    const auto e = ingest_bytes("", "empty.csv", input_format::csv);
    CHECK(e.articles.empty());
    CHECK(has_message(e, "empty.csv", "empty CSV file"));
}

TEST_CASE("the whole FA-KES corpus loads: 804 articles with ISO dates", "[ingest][fakes]") {
    const auto path = shared_corpus_file("fakes/FA-KES-Dataset.csv");
    if (!path) return;
    const auto r = ingest(*path);
    CHECK(r.articles.size() == 804);
    CHECK(r.diags.errors() == 0);
    std::size_t dated = 0;
    for (const auto& a : r.articles) dated += a.published.precision == date_precision::day;
    CHECK(dated == 804);
    CHECK(r.articles[0].id == "1914947530");
    CHECK(r.articles[0].published.iso() == "2017-04-05");
}

TEST_CASE("a JSON Lines file read in batches gives what reading it whole gives", "[ingest][jsonl]") {
    // Lines of every kind a batch boundary may cut near: repeated ids, a line that is not
    // JSON, an empty text, a bad date, invalid UTF-8 far into the file, a last line without
    // its newline.
    std::string corpus;
    for (int i = 0; i < 300; ++i) {
        const std::string id = i % 97 == 5 ? "twice" : "a" + std::to_string(i);
        if (i == 40) corpus += "{not json\n";
        if (i == 120) corpus += "{\"id\": \"e\", \"text\": \"\"}\n";
        if (i == 210) corpus += "{\"id\": \"bad\", \"text\": \"Shelling killed \xFF three people.\"}\n";
        if (i == 150) corpus += "{\"id\": \"worse\", \"text\": \"A \xFE\xFE bad line.\"}\n";
        corpus += "{\"id\": \"" + id + "\", \"date\": \"" + (i == 77 ? std::string("soon") : "2016-05-0" + std::to_string(1 + i % 9)) +
                  "\", \"text\": \"Line " + std::to_string(i) + ": an air strike killed " + std::to_string(i % 20) +
                  " people in the town, a monitor said.\"}\n";
    }
    corpus += "{\"id\": \"last\", \"text\": \"No newline after this one.\"}";
    const auto path = std::filesystem::temp_directory_path() / "reckon_batches_test.jsonl";
    {
        std::ofstream out(path, std::ios::binary);
        out << corpus;
    }
    const auto whole = ingest_bytes(corpus, path.string(), input_format::jsonl);
    for (const std::size_t batch : {std::size_t{64}, std::size_t{1000}, std::size_t{1} << 20}) {
        INFO("batch " << batch);
        ingest_result batched;
        corpus::detail::read_jsonl_file(path.string(), batch, batched);
        REQUIRE(batched.articles.size() == whole.articles.size());
        for (std::size_t i = 0; i < whole.articles.size(); ++i) {
            CHECK(batched.articles[i].id == whole.articles[i].id);
            CHECK(batched.articles[i].text == whole.articles[i].text);
            CHECK(batched.articles[i].where.line == whole.articles[i].where.line);
            CHECK(batched.articles[i].published.iso() == whole.articles[i].published.iso());
        }
        // the same messages at the same lines (a repair is told where its batch starts,
        // and once for each batch that holds bad bytes)
        const auto told = [](const ingest_result& r, bool repairs) {
            std::vector<std::pair<std::size_t, std::string>> out;
            for (const auto& d : r.diags.items())
                if ((d.name == "invalid-utf8") == repairs) out.emplace_back(d.line, d.message);
            std::sort(out.begin(), out.end());
            return out;
        };
        CHECK(told(batched, false) == told(whole, false));
        CHECK(batched.skipped == whole.skipped);
        if (batch < corpus.size()) {
            // the two bad lines fall in two batches: each is told at its line and its byte
            // in the file
            const std::vector<std::pair<std::size_t, std::string>> each{
                {153, "invalid UTF-8 at byte " + std::to_string(corpus.find('\xFE')) + "; 2 bad bytes were replaced with U+FFFD"},
                {214, "invalid UTF-8 at byte " + std::to_string(corpus.find('\xFF')) + "; 1 bad byte was replaced with U+FFFD"}};
            CHECK(told(batched, true) == each);
            CHECK(batched.repaired == 2);
        } else {
            CHECK(told(batched, true) == told(whole, true));
            CHECK(batched.repaired == whole.repaired);
        }
    }
    // the invalid byte is reported at its line of the file, not of its batch
    const auto bad = std::find_if(whole.diags.items().begin(), whole.diags.items().end(),
                                  [](const diagnostic& d) { return d.name == "invalid-utf8"; });
    REQUIRE(bad != whole.diags.items().end());
    CHECK(bad->line == 153);  // the first bad line: 150 articles, a line not JSON and an empty text before it
    std::filesystem::remove(path);
}

TEST_CASE("a large CSV reads in linear time", "[ingest][csv][scaling]") {
    // Compare two sizes in one run with a generous margin; no absolute times.
    const auto make = [](std::size_t rows) {
        std::string s = "unit_id,article_title,article_content,source,date,location,labels\n";
        for (std::size_t i = 0; i < rows; ++i)
            s += std::to_string(i) + ",t,\"Wed 05 Apr 2017 at least 14 civilians were killed \"\"quoted\"\" text\nmore\",nna,4/5/2017,idlib,1\n";
        return s;
    };
    const auto time = [&](std::size_t rows) {
        const std::string s = make(rows);
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = ingest_bytes(s, "big.csv", input_format::csv);
        const auto t1 = std::chrono::steady_clock::now();
        REQUIRE(r.articles.size() == rows);
        return std::chrono::duration<double>(t1 - t0).count();
    };
    time(2000);  // warm up
    const double small = time(20000);
    const double large = time(200000);
    CHECK(large / small < 10 * 2.5);
}

TEST_CASE("a large JSON Lines file is parsed in chunks with the lines, ids and warnings of one pass", "[ingest][jsonl]") {
    // Over 1 MB, so the reader cuts it into chunks for its threads; bad lines and
    // repeated ids fall in every chunk, and each must keep its own line number.
    std::string bytes;
    std::vector<std::size_t> bad_lines, dup_lines;
    const std::string body(300, 'x');
    std::size_t line = 0;
    for (int i = 0; i < 6000; ++i) {
        ++line;
        if (i % 997 == 5) {
            bytes += "not json at all\n";
            bad_lines.push_back(line);
            continue;
        }
        if (i % 1009 == 7) {
            bytes += "\n";  // blank lines count but hold nothing
            continue;
        }
        const bool dup = i % 1013 == 9;
        if (dup) dup_lines.push_back(line);
        const std::string id = dup ? "a0" : "a" + std::to_string(i);
        bytes += "{\"id\":\"" + id + "\",\"date\":\"2018-01-02\",\"text\":\"" + std::to_string(i) + " killed " + body + "\"}\n";
    }
    REQUIRE(bytes.size() > (1u << 20));
    const auto r = ingest_bytes(bytes, "big.jsonl", input_format::jsonl);
    CHECK(r.skipped == bad_lines.size());
    CHECK(r.articles.size() == 6000 - bad_lines.size() - 6);  // 6 blank lines (i = 7, 1016, ... 5052)
    std::vector<std::size_t> warned_bad, warned_dup;
    for (const auto& d : r.diags.items()) {
        if (d.name == "bad-json") warned_bad.push_back(d.line);
        if (d.name == "duplicate-id") warned_dup.push_back(d.line);
    }
    CHECK(warned_bad == bad_lines);
    CHECK(warned_dup == dup_lines);
    // Every article knows its line: the text starts with its index i, and line = i + 1.
    for (const auto& a : r.articles) {
        const std::size_t i = std::stoul(a.text.substr(0, a.text.find(' ')));
        REQUIRE(a.where.line == i + 1);
    }
    // Repeated ids were made unique in line order.
    CHECK(by_id(r, "a0")->where.line == 1);
    CHECK(by_id(r, "a0#2") != nullptr);
    CHECK(by_id(r, "a0#2")->where.line == dup_lines.front());
}
