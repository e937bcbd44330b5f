// The text writer against nlohmann's dump(2), byte for byte, and the tree builder
// against the tree it was given: hand-made values at the edges (empty containers,
// every control character, quotes, multi-byte UTF-8, extreme integers, doubles that
// print in every form) and random ones.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <random>
#include <string>

#include "support/json_tree.hpp"
#include "support/json_writer.hpp"

using namespace reckon;
using json = nlohmann::ordered_json;

namespace {

// Feeds a tree to a sink as the layouts do, call by call.
template <class Sink>
void replay(Sink& s, const json& j) {
    switch (j.type()) {
        case json::value_t::object:
            s.begin_object();
            for (const auto& [k, v] : j.items()) {
                s.key(k);
                replay(s, v);
            }
            s.end_object();
            break;
        case json::value_t::array:
            s.begin_array();
            for (const auto& v : j) replay(s, v);
            s.end_array();
            break;
        case json::value_t::string: s.value(j.get_ref<const std::string&>()); break;
        case json::value_t::boolean: s.value(j.get<bool>()); break;
        case json::value_t::number_integer: s.value(j.get<std::int64_t>()); break;
        case json::value_t::number_unsigned: s.value(j.get<std::uint64_t>()); break;
        case json::value_t::number_float: s.value(j.get<double>()); break;
        default: s.value(nullptr); break;
    }
}

std::string written(const json& j, unsigned depth = 0) {
    std::string out;
    json_writer w(out, depth);
    replay(w, j);
    return out;
}

// dump(2) of `j` as it reads `depth` levels down a larger document.
std::string dumped(const json& j, unsigned depth = 0) {
    const std::string text = j.dump(2);
    std::string out;
    for (const char c : text) {
        out += c;
        if (c == '\n') out.append(2 * static_cast<std::size_t>(depth), ' ');
    }
    return out;
}

json rebuilt(const json& j) {
    json_tree_builder tree;
    replay(tree, j);
    return tree.take();
}

std::string written_compact(const json& j) {
    std::string out;
    auto w = json_writer::compact(out);
    replay(w, j);
    return out;
}

void same_as_dump(const json& j) {
    INFO(j.dump(-1, ' ', true, json::error_handler_t::replace));
    for (unsigned depth : {0u, 1u, 3u}) CHECK(written(j, depth) == dumped(j, depth));
    CHECK(written_compact(j) == j.dump(-1, ' ', false, json::error_handler_t::replace));
    const json tree = rebuilt(j);
    CHECK(tree == j);
    CHECK(tree.dump(2) == j.dump(2));
}

std::string every_control_character() {
    std::string s;
    for (int c = 0; c < 0x20; ++c) s += static_cast<char>(c);
    return s + "\x7f";
}

// The message nlohmann gives when it refuses a string, or "" when it does not.
template <class Write>
std::string refusal(Write write) {
    try {
        write();
    } catch (const json::type_error& e) {
        return e.what();
    }
    return "";
}

// Random values: nested containers, strings from pieces that need every kind of care,
// integers of every size, doubles both short and full-length.
class random_json {
public:
    explicit random_json(unsigned seed) : m_rng(seed) {}

    json value(int depth) {
        switch (pick(depth > 0 ? 9 : 7)) {
            case 0: return nullptr;
            case 1: return pick(2) == 0;
            case 2: return text();
            case 3: return static_cast<std::int64_t>(m_rng()) >> pick(64);
            case 4: return static_cast<std::uint64_t>(m_rng()) >> pick(64);
            case 5: return short_double();
            case 6: return any_double();
            case 7: {
                json a = json::array();
                for (int n = pick(5); n > 0; --n) a.push_back(value(depth - 1));
                return a;
            }
            default: {
                json o = json::object();
                for (int n = pick(5); n > 0; --n) o[text()] = value(depth - 1);
                return o;
            }
        }
    }

private:
    int pick(int n) { return static_cast<int>(m_rng() % static_cast<unsigned>(n)); }

    std::string text() {
        static const char* const pieces[] = {"a", "Deir ez-Zor", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
                                             "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9d\x84\x9e",
                                             "\xef\xbf\xbd", "\xd8\xaf\xd9\x8a\xd8\xb1", "0", "{}"};
        std::string s;
        for (int n = pick(8); n > 0; --n) s += pieces[pick(static_cast<int>(std::size(pieces)))];
        return s;
    }
    double short_double() { return (pick(2) ? -1 : 1) * static_cast<double>(pick(100000)) / std::pow(10.0, pick(12) - 3); }
    double any_double() {
        for (;;) {
            const std::uint64_t bits = m_rng();
            double d;
            std::memcpy(&d, &bits, sizeof d);
            if (std::isfinite(d)) return d;
        }
    }

    std::mt19937_64 m_rng;
};

}  // namespace

TEST_CASE("the writer lays out containers as dump(2) does", "[json_writer]") {
    same_as_dump(json::object());
    same_as_dump(json::array());
    same_as_dump(json::array({json::array(), json::object(), json::array({json::array()})}));
    same_as_dump(json{{"a", json::object()}, {"b", json::array()}, {"c", {{"d", json::array({1, 2, json::object()})}}}});
    same_as_dump(json{{"null", nullptr}, {"true", true}, {"false", false}, {"text", "x"}, {"list", {"p", "q"}}});
    same_as_dump(json::array({json{{"one", 1}}, json{{"two", json::array({json{{"three", 3}}})}}}));
    same_as_dump(json("top-level text"));
    same_as_dump(json(nullptr));
    json deep = json{{"bottom", 1}};
    for (int level = 0; level < 150; ++level) deep = level % 2 ? json{{"level", deep}} : json::array({deep, level});
    same_as_dump(deep);  // deeper than the writer's ready-made indentation
}

TEST_CASE("the writer escapes strings as dump does", "[json_writer]") {
    same_as_dump(json(every_control_character()));
    same_as_dump(json("quote \" backslash \\ slash / tab \t"));
    same_as_dump(json("caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e \xef\xbf\xbd \xd8\xaf\xd9\x8a\xd8\xb1 \xe4\xb8\xad"));
    same_as_dump(json(std::string("nul \0 inside", 12)));
    same_as_dump(json(""));
    same_as_dump(json{{every_control_character(), "key with control characters"}, {"\"quoted\"", "\\"}});
    // Each byte that needs care at each place of a text longer than the eight bytes the
    // writer scans at a time, and the bytes around them that do not.
    for (const std::string special : {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", " ", "!", "#", "[", "]", "\xc3\xa9", "\xe2\x82\xac"}) {
        for (std::size_t at = 0; at <= 20; ++at) {
            std::string text(20, 'x');
            text.insert(at, special);
            same_as_dump(json(text));
        }
    }
}

TEST_CASE("member names of every length and with bytes to escape are written as dump writes them", "[json_writer]") {
    // key() writes a short plain name in one append and hands the others to the string
    // writer: both sides of its length limit, and names it must escape or check
    json j = json::object();
    for (const std::size_t n : {0, 1, 8, 59, 60, 61, 200}) j[std::string(n, 'k')] = n;
    j["event_date"] = "2016-03-07";
    j["tab\tname"] = 1;
    j["caf\xc3\xa9"] = 2;
    j[std::string(59, 'q') + "\""] = 3;
    same_as_dump(j);
    same_as_dump(json::array({j, json{{"inner", j}}}));
}

TEST_CASE("the writer writes integers and doubles as dump does", "[json_writer]") {
    same_as_dump(json::array({std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(),
                              std::numeric_limits<std::uint64_t>::max(), std::int64_t{0}, std::uint64_t{0},
                              std::int64_t{-1}, std::uint64_t{10}, std::int64_t{-1000000007}}));
    const double doubles[] = {0.1, 0.5, 1.0, 0.45, 1e-7, 123456789.125, 0.0, -0.0, 2.0 / 3, 1e15, 1e16, 1e17,
                              123456789012345678.0, 1e21, 1e-4, 1e-5, 0.001, 5e-324, 1.7976931348623157e308,
                              -1.5, 100.0, 0.333, 0.967, std::numeric_limits<double>::min()};
    for (const double d : doubles) same_as_dump(json(d));
    // nlohmann writes what JSON cannot hold as null.
    for (const double d : {std::nan(""), std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()})
        CHECK(written(json(d)) == "null");
}

TEST_CASE("the writer refuses invalid UTF-8 with nlohmann's own error", "[json_writer]") {
    const std::string bad[] = {"ab\xff", "truncated \xe2\x82", "overlong \xc0\xaf", "surrogate \xed\xa0\x80",
                               "above U+10FFFF \xf4\x90\x80\x80", "lone continuation \x80 byte", "\xc3"};
    for (const auto& s : bad) {
        INFO(json(s).dump(-1, ' ', true, json::error_handler_t::replace));
        const std::string theirs = refusal([&] { (void)json(s).dump(2); });
        REQUIRE_FALSE(theirs.empty());
        CHECK(refusal([&] { (void)written(json::array({"fine", s})); }) == theirs);
        std::string out;
        json_writer w(out);
        w.begin_object();
        CHECK(refusal([&] { w.key(s); }) == theirs);
    }
}

TEST_CASE("the compact writer replaces invalid UTF-8 as dump(-1) with the replace handler does", "[json_writer]") {
    const std::string bad[] = {"ab\xff", "truncated \xe2\x82", "overlong \xc0\xaf", "surrogate \xed\xa0\x80",
                               "above U+10FFFF \xf4\x90\x80\x80", "lone continuation \x80 byte", "\xc3"};
    for (const auto& s : bad) {
        const json j = json::array({"fine", s, json::object({{"k", s}})});
        CHECK(written_compact(j) == j.dump(-1, ' ', false, json::error_handler_t::replace));
    }
}

TEST_CASE("the writer and the tree builder agree with dump(2) on random values", "[json_writer]") {
    for (unsigned seed = 1; seed <= 400; ++seed) {
        random_json random(seed);
        same_as_dump(random.value(4));
    }
}
