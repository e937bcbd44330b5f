// run_striped: every item once, in stripes, and an exception on a worker thread comes
// back to the caller instead of ending the process.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>

#include "support/parallel.hpp"

using namespace reckon;

TEST_CASE("run_striped visits every item once on any number of threads", "[parallel]") {
    for (unsigned jobs : {1u, 2u, 3u, 8u}) {
        std::vector<int> seen(1000, 0);
        run_striped(seen.size(), jobs, [&](std::size_t first, std::size_t step) {
            for (std::size_t i = first; i < seen.size(); i += step) ++seen[i];
        });
        INFO("jobs " << jobs);
        CHECK(std::count(seen.begin(), seen.end(), 1) == 1000);
    }
}

TEST_CASE("an exception on a worker thread is rethrown to the caller", "[parallel]") {
    for (unsigned jobs : {1u, 2u, 4u}) {
        std::atomic<int> done{0};
        const auto work = [&](std::size_t first, std::size_t step) {
            for (std::size_t i = first; i < 500; i += step) {
                if (i == 301) throw std::runtime_error("bad item 301");
                ++done;
            }
        };
        INFO("jobs " << jobs);
        CHECK_THROWS_WITH(run_striped(500, jobs, work), "bad item 301");
        CHECK(done.load() >= 1);  // the other stripes ran
    }
}
