// The CSV reader on arbitrary bytes: never crashes; every article it returns has text.
#include <cstdint>

#include "corpus/ingest.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    using namespace reckon;
    const auto r = corpus::ingest_bytes(std::string(reinterpret_cast<const char*>(bytes), size), "fuzz.csv", corpus::input_format::csv);
    for (const auto& a : r.articles) {
        fuzz::require(!a.text.empty(), "an article has text");
        fuzz::require(!a.id.empty(), "an article has an id");
    }
    return 0;
}
