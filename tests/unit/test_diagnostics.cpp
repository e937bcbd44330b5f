#include <catch2/catch.hpp>

#include "support/diagnostics.hpp"

using namespace reckon;

TEST_CASE("a diagnostic renders with its line, caret, underline and hint", "[diagnostics]") {
    diagnostic d;
    d.file = "rules/default.rules";
    d.line = 14;
    d.column = 7;
    d.length = 11;
    d.message = "unknown source kind 'state-media'";
    d.source_line = "trust state-media -> 0.6";
    d.hint = "did you mean 'state_media'?";
    CHECK(render(d) ==
          "rules/default.rules:14:7: error: unknown source kind 'state-media'\n"
          "  trust state-media -> 0.6\n"
          "        ^~~~~~~~~~~\n"
          "  hint: did you mean 'state_media'?\n");
}

TEST_CASE("diagnostics count, sort by position and summarise", "[diagnostics]") {
    diagnostics diags;
    CHECK(diags.summary() == "no problems");
    diags.warning("w", "b.txt", 3, 1, "later");
    diags.error("a.txt", 9, 2, "first file");
    diags.error("b.txt", 1, 1, "earlier");
    diags.sort();
    REQUIRE(diags.items().size() == 3);
    CHECK(diags.items()[0].message == "first file");
    CHECK(diags.items()[1].message == "earlier");
    CHECK(diags.summary() == "2 errors, 1 warning");
}

TEST_CASE("control bytes in a shown line do not reach the terminal", "[diagnostics]") {
    diagnostic d;
    d.file = "x";
    d.line = 1;
    d.column = 2;
    d.message = "m";
    d.source_line = std::string("a\x1b[31mb", 7);
    const std::string out = render(d);
    CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("positions of byte offsets and edit-distance suggestions", "[diagnostics]") {
    const auto p = position_of("ab\ncd\r\nef", 8);
    CHECK(p.line == 3);
    CHECK(p.column == 2);
    CHECK(p.line_text == "ef");
    CHECK(edit_distance("state-media", "state_media") == 1);
    CHECK(closest_match("state-media", {"monitor", "state_media", "wire"}) == "state_media");
    CHECK(closest_match("zzzzzz", {"monitor", "wire"}).empty());
}
