// The JSON Lines reader on arbitrary bytes: never crashes; ids are unique.
#include <cstdint>
#include <set>

#include "corpus/ingest.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    using namespace reckon;
    const auto r = corpus::ingest_bytes(std::string(reinterpret_cast<const char*>(bytes), size), "fuzz.jsonl", corpus::input_format::jsonl);
    std::set<std::string> ids;
    for (const auto& a : r.articles) fuzz::require(ids.insert(a.id).second, "article ids are unique");
    return 0;
}
