#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "support/atomic_file.hpp"

using namespace reckon;
namespace fs = std::filesystem;

TEST_CASE("an output file is replaced whole and leaves no temporary behind", "[atomic]") {
    const fs::path dir = fs::temp_directory_path() / "reckon_atomic_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string target = (dir / "out.json").string();
    write_file_atomically(target, "first");
    write_file_atomically(target, "second version");
    CHECK(read_file(target) == "second version");
    std::size_t entries = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        (void)e;
        ++entries;
    }
    CHECK(entries == 1);
    fs::remove_all(dir);
}

TEST_CASE("a write failure throws io_error naming the path", "[atomic]") {
    CHECK_THROWS_AS(write_file_atomically("/nonexistent-dir/x/out.json", "x"), io_error);
    if (fs::exists("/dev/full")) {
        CHECK_THROWS_WITH(write_file_atomically("/dev/full", std::string(1 << 16, 'x')),
                          Catch::Contains("/dev/full"));
    }
    CHECK_THROWS_WITH(read_file("/nonexistent-file"), Catch::Contains("cannot read '/nonexistent-file'"));
}
