// chunked_vector: a vector's indexing and iteration, elements that keep their addresses
// as it grows across chunks, and every element destroyed once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>

#include "support/chunked_vector.hpp"

using namespace reckon;

namespace {
// Large enough that a chunk holds few of them, so a few hundred cross many chunks.
struct big {
    std::string name;
    char padding[20000] = {};
};
}  // namespace

TEST_CASE("chunked_vector indexes and iterates as a vector across chunks", "[chunked_vector]") {
    chunked_vector<big> v;
    CHECK(v.empty());
    std::vector<const big*> addresses;
    for (int i = 0; i < 300; ++i) {
        big& b = v.emplace_back();
        b.name = "element " + std::to_string(i) + " with a name longer than the short-string buffer";
        addresses.push_back(&b);
    }
    REQUIRE(v.size() == 300);
    for (std::size_t i = 0; i < v.size(); ++i) {
        INFO(i);
        CHECK(v[i].name == "element " + std::to_string(i) + " with a name longer than the short-string buffer");
        CHECK(&v[i] == addresses[i]);  // growing moved nothing
    }
    CHECK(v.front().name.rfind("element 0 ", 0) == 0);
    CHECK(v.back().name.rfind("element 299 ", 0) == 0);
    std::size_t seen = 0;
    for (const auto& b : v) seen += b.name.empty() ? 0 : 1;
    CHECK(seen == 300);
    const auto found = std::find_if(v.begin(), v.end(), [](const big& b) { return b.name.rfind("element 150 ", 0) == 0; });
    CHECK(found - v.begin() == 150);
    CHECK(std::distance(v.cbegin(), v.cend()) == 300);
}

TEST_CASE("chunked_vector of ints: push_back, copy, move and random access", "[chunked_vector]") {
    chunked_vector<int> v;
    for (int i = 0; i < 200000; ++i) v.push_back(i);
    CHECK(std::accumulate(v.begin(), v.end(), 0LL) == 199999LL * 200000 / 2);
    CHECK(*(v.begin() + 123456) == 123456);
    CHECK(v.end()[-1] == 199999);
    chunked_vector<int> copy = v;
    copy[5] = -5;
    CHECK(v[5] == 5);
    CHECK(copy.size() == v.size());
    chunked_vector<int> moved = std::move(copy);
    CHECK(moved[5] == -5);
    CHECK(moved.size() == 200000);
    CHECK(copy.empty());  // NOLINT: a moved-from chunked_vector is empty
    moved.clear();
    CHECK(moved.empty());
    CHECK(moved.bytes() == 0);
    moved.push_back(7);
    CHECK(moved[0] == 7);
}

TEST_CASE("chunked_vector destroys each element once", "[chunked_vector]") {
    const auto counter = std::make_shared<int>(0);
    {
        chunked_vector<std::shared_ptr<int>> v;
        for (int i = 0; i < 100000; ++i) v.push_back(counter);
        CHECK(counter.use_count() == 100001);
        chunked_vector<std::shared_ptr<int>> other;
        other.push_back(counter);
        other = std::move(v);
        CHECK(counter.use_count() == 100001);
    }
    CHECK(counter.use_count() == 1);
}
