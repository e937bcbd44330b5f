// Error messages of the loaders that no other test reaches (issue 8: every error
// message is exercised by a test). The checker's are in tests/golden/rules/messages.err.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "corpus/ingest.hpp"
#include "registry/registry.hpp"
#include "rules/ruleset.hpp"

using namespace reckon;
namespace fs = std::filesystem;

namespace {

// "line:col: message [hint]" for every diagnostic.
std::vector<std::string> shown(const diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.items()) {
        out.push_back(std::to_string(x.line) + ":" + std::to_string(x.column) + ": " + x.message +
                      (x.hint.empty() ? "" : " [" + x.hint + "]"));
    }
    return out;
}

}  // namespace

TEST_CASE("rules given as text refuse includes and data files", "[messages][rules]") {
    const auto r = rules::load_ruleset_text("include \"other.rules\"\ndata sources = \"s.yaml\"\ntrust t = 0.5\n",
                                            "text.rules", rules::file_access::refused);
    CHECK(r.rules == nullptr);
    CHECK(shown(r.diags) ==
          std::vector<std::string>{
              "1:10: include of 'other.rules' refused: these rules were given as text [load the rules from a file to use includes]",
              "2:6: data file 's.yaml' refused: these rules were given as text [load the rules from a file to use data files]"});
}

TEST_CASE("rules given as text load like the same file", "[messages][rules]") {
    const std::string text = "trust t = 0.5 when source.kind == \"state-media\"\n";
    const fs::path dir = fs::temp_directory_path() / ("reckon-messages-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "same.rules") << text;
    const auto from_file = rules::load_ruleset((dir / "same.rules").string());
    const auto from_text = rules::load_ruleset_text(text, (dir / "same.rules").string());
    CHECK(shown(from_text.diags) == shown(from_file.diags));
    CHECK(from_text.diags.errors() == 1);
    // Includes resolve against the directory of the name, as for a file.
    std::ofstream(dir / "inc.rules") << "trust u = 0.25\n";
    const auto with_include = rules::load_ruleset_text("include \"inc.rules\"\n", (dir / "root.rules").string());
    CHECK(with_include.diags.errors() == 0);
    REQUIRE(with_include.rules != nullptr);
    CHECK(with_include.rules->files().size() == 2);
    fs::remove_all(dir);
}

TEST_CASE("the syntax coverage rules check clean", "[messages][rules]") {
    const auto r = rules::load_ruleset(RECKON_TEST_DATA "/rules/syntax.rules");
    CHECK(r.diags.errors() == 0);
    CHECK(r.rules != nullptr);
}

TEST_CASE("a registry file that cannot be read", "[messages][registry]") {
    diagnostics d;
    registry::load_sources("/nonexistent/sources.yaml", d);
    REQUIRE(d.errors() == 1);
    CHECK(d.items().front().message.rfind("cannot read the file: ", 0) == 0);
}

TEST_CASE("errors per registry file are capped", "[messages][registry]") {
    // 60 bad items on one line: 50 errors, then one line for the rest.
    std::string yaml = "sources: [";
    for (int i = 0; i < 60; ++i) yaml += "a, ";
    yaml += "]\n";
    diagnostics d;
    registry::parse_sources(yaml, "s.yaml", d);
    REQUIRE(d.errors() == 51);
    CHECK(d.items().front().message == "expected a source (a mapping with 'name', 'kind', 'aliases')");
    CHECK(d.items().back().message == "too many errors (50); the rest are not shown");
}

TEST_CASE("a CSV header row with broken quotes", "[messages][corpus]") {
    const auto r = corpus::ingest_bytes("unit_id,\"article_content\nx,y\n", "h.csv", corpus::input_format::csv);
    CHECK(r.articles.empty());
    CHECK(shown(r.diags) == std::vector<std::string>{"1:0: malformed quotes in the header row"});
}

TEST_CASE("a folder with files of other kinds gets a note", "[messages][corpus]") {
    const fs::path dir = fs::temp_directory_path() / ("reckon-messages-folder-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "a.txt") << "2018-01-01\n9 people were killed.\n";
    std::ofstream(dir / "b.pdf") << "%PDF";
    const auto r = corpus::ingest(dir.string());
    CHECK(r.articles.size() == 1);
    CHECK(shown(r.diags) == std::vector<std::string>{"0:0: 1 file was ignored: only .txt, .csv and .jsonl files are read"});
    fs::remove_all(dir);
}
