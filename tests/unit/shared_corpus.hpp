#pragma once
// The corpora in ../shared/corpus are for development and measurement; a clean clone
// has none. A test that needs one asks for it here: when the file is absent the test
// prints the skip marker and returns, and CTest reports it as skipped (the unit tests'
// SKIP_REGULAR_EXPRESSION in tests/CMakeLists.txt), as the script tests do with exit 77.
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

inline std::optional<std::string> shared_corpus_file(const std::string& relative) {
    const std::string path = std::string(RECKON_SOURCE_DIR) + "/../shared/corpus/" + relative;
    if (std::filesystem::exists(path)) return path;
    std::cout << "reckon-test-skipped: " << path << " is absent\n";
    return std::nullopt;
}
