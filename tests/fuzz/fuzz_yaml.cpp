// The YAML loaders (source registry and gazetteer) on arbitrary text: never crash;
// a failure is a diagnostic with a position.
#include <cstdint>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    using namespace reckon;
    const std::string_view text(reinterpret_cast<const char*>(bytes), size);
    diagnostics diags;
    registry::parse_sources(text, "fuzz.yaml", diags);
    registry::parse_places(text, "fuzz.yaml", diags);
    return 0;
}
