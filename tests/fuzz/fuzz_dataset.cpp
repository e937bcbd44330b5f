// The UCDP GED / ACLED data-set reader on arbitrary bytes: never crashes; every row is
// either an article or a reported skip; every claim points into its own row's text.
#include <cstdint>
#include <set>
#include <string>

#include "exchange/datasets.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    using namespace reckon;
    diagnostics diags;
    exchange::dataset_rows out;
    exchange::place_data where;
    where.overlay = &fuzz::data().places;
    exchange::read_dataset(std::string(reinterpret_cast<const char*>(bytes), size), "fuzz.csv", where, out, diags);
    fuzz::require(out.articles.size() == out.extracted.size(), "one extraction per row article");
    fuzz::require(out.articles.size() <= out.rows, "no more articles than rows");
    fuzz::require(diags.errors() == 0 || out.articles.empty(), "a refused file gives no rows");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < out.articles.size(); ++i) {
        const auto& a = out.articles[i];
        fuzz::require(!a.id.empty() && ids.insert(a.id).second, "row ids are present and distinct");
        for (const auto& c : out.extracted[i].claims) {
            fuzz::require(c.article == a.id, "a claim names its row");
            fuzz::require(c.span.begin <= c.span.end && c.span.end <= a.text.size(), "a claim's figure lies in its row's text");
            fuzz::require(c.sentence.end <= a.text.size(), "a claim's sentence lies in its row's text");
        }
    }
    return 0;
}
