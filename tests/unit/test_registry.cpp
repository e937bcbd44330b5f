// The source registry and the gazetteer: loading, lookups, transliteration, and the
// messages for malformed files.
#include <catch2/catch.hpp>

#include "registry/registry.hpp"

using namespace reckon;

TEST_CASE("the source registry finds sources by name, alias and outlet", "[registry]") {
    diagnostics d;
    const auto reg = registry::load_sources(RECKON_TEST_DATA "/extract/sources.yaml", d);
    REQUIRE(d.errors() == 0);
    REQUIRE(reg.find("SOHR"));
    CHECK(reg.find("sohr")->full_name == "Syrian Observatory for Human Rights");
    CHECK(reg.find_alias("The Britain-based monitor")->name == "SOHR");
    CHECK(reg.find_alias("state-owned Al-Ikhbariya TV")->name == "Al-Ikhbariya");
    CHECK(reg.find_outlet("sana")->name == "SANA");
    CHECK(reg.find_outlet("ahram")->name == "Ahram Online");
    CHECK(reg.find_alias("nobody") == nullptr);
    CHECK(reg.find("SOHR")->kind == "monitor");
}

TEST_CASE("the gazetteer resolves variants and unseen transliterations", "[registry]") {
    diagnostics d;
    const auto gaz = registry::load_places(RECKON_TEST_DATA "/extract/places.yaml", d);
    REQUIRE(d.errors() == 0);
    const auto key = [&](const char* w) {
        const auto* p = gaz.resolve(w);
        return p ? p->key : std::string("unknown");
    };
    CHECK(key("Al-Shaafa") == "shaafa");
    CHECK(key("Shaafah") == "shaafa");
    CHECK(key("al Shaafa") == "shaafa");
    CHECK(key("Sousa") == "soussa");
    CHECK(key("Al-Soussa") == "soussa");
    CHECK(key("Deir Ezzor") == "deir-ez-zor");
    CHECK(key("Deir al-Zour") == "deir-ez-zor");
    CHECK(key("Dayr az-Zawr") == "deir-ez-zor");
    CHECK(key("Hasakeh") == "hasakah");
    CHECK(key("Hasaka") == "hasakah");
    CHECK(key("Raqa") == "raqqa");
    CHECK(key("Idleb") == "idlib");
    CHECK(key("Abu Kamal") == "albu-kamal");
    CHECK(key("Bu Kamal") == "albu-kamal");
    // unseen spellings through normalisation: doubled letters, ou/u, el-, apostrophes
    CHECK(key("El-Shafaa") == "shaafa");
    CHECK(key("Hassaka") == "hasakah");
    CHECK(key("Al Buqaan") == "buqaan");
    CHECK(key("Springfield") == "unknown");
    CHECK(registry::gazetteer::normalise("Al-Shaafa") == "shaafa");
    CHECK(registry::gazetteer::normalise("Kafr Zita") == "kafr-zita");
    // hierarchy
    CHECK(gaz.within("shaafa", "deir-ez-zor"));
    CHECK(gaz.within("shaafa", "albu-kamal"));
    CHECK_FALSE(gaz.within("shaafa", "idlib"));
    CHECK(gaz.resolve("Al-Shaafa")->governorate == "Deir ez-Zor");
    CHECK(gaz.resolve("Al-Shaafa")->type == "village");
}

TEST_CASE("malformed YAML reports file, line, column and what was expected", "[registry]") {
    diagnostics d;
    const auto reg = registry::load_sources(RECKON_TEST_DATA "/extract/malformed_sources.yaml", d);
    REQUIRE(d.errors() == 1);
    const auto& e = d.items()[0];
    CHECK(e.file == RECKON_TEST_DATA "/extract/malformed_sources.yaml");
    CHECK(e.line == 4);
    CHECK(e.column == 9);
    CHECK(e.message == "malformed YAML: end of sequence flow not found");
    CHECK(e.source_line == "  - name: SANA");
}

TEST_CASE("schema mistakes are located, with did-you-mean hints", "[registry]") {
    diagnostics d;
    registry::load_places(RECKON_TEST_DATA "/extract/bad_schema_places.yaml", d);
    d.sort();
    REQUIRE(d.errors() == 2);
    CHECK(d.items()[0].line == 5);
    CHECK(d.items()[0].column == 11);
    CHECK(d.items()[0].message == "unknown place type 'twon'");
    CHECK(d.items()[0].hint == "did you mean 'town'?");
    CHECK(d.items()[0].source_line == "    type: twon");
    CHECK(d.items()[0].length == 4);
    CHECK(d.items()[1].line == 9);
    CHECK(d.items()[1].message == "unknown governorate 'Idleb province' for place 'Jisr al-Shughur'");

    diagnostics d2;
    registry::parse_sources("sources:\n  name: SOHR\n", "inline.yaml", d2);
    REQUIRE(d2.errors() == 1);
    CHECK(d2.items()[0].message == "expected a sequence of sources under 'sources'");
    CHECK(d2.items()[0].line == 2);
    CHECK(d2.items()[0].column == 3);

    diagnostics d3;
    registry::parse_sources("sources:\n  - full_name: Nameless\n", "inline.yaml", d3);
    REQUIRE(d3.errors() == 1);
    CHECK(d3.items()[0].message == "missing 'name' in a source");

    diagnostics d4;
    const auto missing = registry::load_sources(RECKON_TEST_DATA "/extract/no_such_file.yaml", d4);
    CHECK(d4.errors() == 1);
    CHECK(missing.empty());
}

TEST_CASE("the shipped registries load without errors", "[registry]") {
    diagnostics d;
    const auto reg = registry::load_sources(RECKON_SOURCE_DIR "/rules/sources.yaml", d);
    const auto gaz = registry::load_places(RECKON_SOURCE_DIR "/rules/places.yaml", d);
    for (const auto& item : d.items()) WARN(render(item));
    CHECK(d.errors() == 0);
    CHECK(reg.sources().size() >= 27);
    CHECK(gaz.places().size() >= 150);
    for (const char* name : {"SOHR", "VDC", "SANA", "Al-Ikhbariya", "AFP", "Reuters", "AP", "Airwars", "WHO"}) {
        INFO(name);
        CHECK(reg.find(name) != nullptr);
    }
}
