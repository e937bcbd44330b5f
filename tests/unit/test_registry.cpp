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
    // one word, several, articles before the name or alone, apostrophes as written
    CHECK(registry::gazetteer::normalise("HOMS") == "homs");
    CHECK(registry::gazetteer::normalise("  Homs, ") == "homs");
    CHECK(registry::gazetteer::normalise("Al") == "al");
    CHECK(registry::gazetteer::normalise("Al Al") == "al");
    CHECK(registry::gazetteer::normalise("The Al-Bab") == "bab");
    CHECK(registry::gazetteer::normalise("Tal Al-Abyad") == "tal-al-abyad");
    CHECK(registry::gazetteer::normalise("Buqa'an") == "buqaan");
    CHECK(registry::gazetteer::normalise("Buqa\xE2\x80\x99" "an") == "buqaan");
    CHECK(registry::gazetteer::normalise("Ma`arrat") == "maarrat");
    CHECK(registry::gazetteer::normalise("Idlib'") == "idlib");
    CHECK(registry::gazetteer::normalise("S\xC3\xA3o Tom\xC3\xA9") == "s\xC3\xA3o-tom\xC3\xA9");
    CHECK(registry::gazetteer::normalise("").empty());
    CHECK(registry::gazetteer::normalise(" - ").empty());
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

// ---- the world part: bodies, countries, versions (docs/sources.md) ----------------

namespace {
const char* world_registry = R"(version: 2
sources:
  - name: Syrian Interior Ministry
    kind: government
    type: interior_ministry
    country: Syria
    aliases: [Syrian Interior Ministry]
  - name: SOHR
    kind: monitor
    aliases: [the monitor]
bodies:
  - id: police
    title: Police
    type: police
    kind: government
    local_title: Police
    written: [police, the police]
  - id: health_ministry
    title: Health Ministry
    type: health_ministry
    kind: government
    written: [the health ministry, ministry of health]
  - id: hospital
    title: ""
    type: hospital
    kind: local_media
    local_title: Hospital
    written: [Hospital]
countries:
  - name: Syria
    code: SY
    written: [Syria, Syrian]
    bodies: {police: Syrian Interior Ministry}
  - name: Yemen
    code: YE
    written: [Yemen, Yemeni]
    places: [Sanaa]
  - name: US
    code: US
    written: [United States, US, U.S., Pa.]
    local_titles: {police: Police Department}
)";
}  // namespace

TEST_CASE("bodies take the country they are written with, else none", "[registry][world]") {
    diagnostics d;
    const auto reg = registry::parse_sources(world_registry, "world.yaml", d);
    for (const auto& item : d.items()) WARN(render(item));
    REQUIRE(d.errors() == 0);
    const auto* police = reg.find_body("The Police");
    const auto* health = reg.find_body("ministry of health");
    REQUIRE(police);
    REQUIRE(health);
    CHECK(police->type == "police");
    const auto* syria = reg.find_country("syrian");
    const auto* yemen = reg.find_country("YE");
    const auto* us = reg.find_country("U.S.");
    REQUIRE(syria);
    REQUIRE(yemen);
    REQUIRE(us);
    // a country's own entry, else "<Country> <title>", else the bare title: never Syria's
    CHECK(reg.body_source(*police, syria) == "Syrian Interior Ministry");
    CHECK(reg.body_source(*police, yemen) == "Yemen Police");
    CHECK(reg.body_source(*health, yemen) == "Yemen Health Ministry");
    CHECK(reg.body_source(*police, nullptr) == "Police");
    CHECK(reg.body_source(*health, nullptr) == "Health Ministry");
    // local bodies, with the country's local title when it has one
    CHECK(reg.body_source(*police, us, "Homestead") == "Homestead Police Department");
    CHECK(reg.body_source(*police, yemen, "Taiz") == "Taiz Police");
    CHECK(reg.body_source(*police, nullptr, "Basra") == "Basra Police");
    const auto* hospital = reg.find_body("hospital");
    REQUIRE(hospital);
    CHECK(hospital->title.empty());
    CHECK(reg.body_source(*hospital, yemen, "Al-Thawra") == "Al-Thawra Hospital");
    // source types: given, or from the kind
    CHECK(reg.find("Syrian Interior Ministry")->type == "interior_ministry");
    CHECK(reg.find("SOHR")->type == "monitor");
    CHECK(registry::type_of_kind("military") == "army");
    CHECK(registry::type_of_kind("outlet") == "local_media");
    CHECK(registry::type_of_kind("nonsense").empty());
    CHECK(registry::kind_of_type("police") == "government");
    CHECK(registry::kind_of_type("rebel_group") == "military");
    CHECK(registry::kind_of_type("witness") == "local_media");
    for (const auto& t : registry::source_types()) {
        INFO(t);
        CHECK_FALSE(registry::kind_of_type(t).empty());
        CHECK(registry::type_of_kind(t) == t);
    }
}

TEST_CASE("an article's country is the one its country words name most", "[registry][world]") {
    diagnostics d;
    const auto reg = registry::parse_sources(world_registry, "world.yaml", d);
    REQUIRE(d.errors() == 0);
    auto country = [&](const char* text) {
        const auto* c = reg.country_of_text(text);
        return c ? c->name : std::string("none");
    };
    CHECK(country("SANAA, May 14 (Reuters) - Air strikes in Yemen's north, a Syrian said.") == "Yemen");
    CHECK(country("SANAA - Air strikes hit the city.") == "Yemen");  // a place of the country counts
    CHECK(reg.find_country("Sanaa") == nullptr);                     // but is not a country word
    CHECK(country("HOMESTEAD, Pa. (WPXI) - Two people were killed.") == "US");
    CHECK(country("Police said two men were found dead.") == "none");
    // "us" is a pronoun, "US" the country: an acronym matches only in capitals
    CHECK(country("He told us that the Syrian army shelled the town.") == "Syria");
    CHECK(country("The US and Yemen") == "US");  // a tie goes to the first written
    CHECK(country("yemen in lower case is not a name") == "none");
}

TEST_CASE("registry versions and world sections: located errors with hints", "[registry][world]") {
    SECTION("a version this reckon does not read") {
        diagnostics d;
        const auto reg = registry::parse_sources("version: 3\nsources:\n  - name: SOHR\n", "v3.yaml", d);
        REQUIRE(d.errors() == 1);
        CHECK(d.items()[0].line == 1);
        CHECK(d.items()[0].column == 10);
        CHECK(d.items()[0].message == "unsupported source registry version '3'; this reckon reads versions 1 and 2");
        CHECK(d.items()[0].hint == "write 'version: 2' and the format of docs/sources.md, or use the reckon that wrote the file");
        CHECK(reg.empty());
    }
    SECTION("bodies in a version 1 file") {
        diagnostics d;
        registry::parse_sources("sources: []\nbodies: []\n", "v1.yaml", d);
        REQUIRE(d.errors() == 1);
        CHECK(d.items()[0].message == "'bodies' and 'countries' need registry version 2");
        CHECK(d.items()[0].line == 2);
    }
    SECTION("a misspelt top-level key") {
        diagnostics d;
        registry::parse_sources("version: 2\nsources: []\ncountires: []\n", "typo.yaml", d);
        REQUIRE(d.errors() == 1);
        CHECK(d.items()[0].message == "unknown top-level key 'countires' in the source registry");
        CHECK(d.items()[0].hint == "did you mean 'countries'?");
        CHECK(d.items()[0].line == 3);
    }
    SECTION("a country's body that names no source, an unknown body, a bad code, a bad type") {
        diagnostics d;
        const std::string yaml = "version: 2\n"
                                 "sources:\n"
                                 "  - name: Iraq Police Service\n"
                                 "    kind: government\n"
                                 "    type: polise\n"
                                 "bodies:\n"
                                 "  - id: police\n"
                                 "    title: Police\n"
                                 "    type: police\n"
                                 "    kind: government\n"
                                 "    written: [police]\n"
                                 "countries:\n"
                                 "  - name: Iraq\n"
                                 "    code: iraq\n"
                                 "    bodies: {police: Iraq Police Servise, polce: Iraq Police Service}\n";
        registry::parse_sources(yaml, "bad.yaml", d);
        d.sort();
        REQUIRE(d.errors() == 4);
        CHECK(d.items()[0].message == "unknown source type 'polise'");
        CHECK(d.items()[0].hint == "did you mean 'police'?");
        CHECK(d.items()[0].line == 5);
        CHECK(d.items()[1].message == "country code 'iraq' is not two capital letters");
        CHECK(d.items()[1].line == 14);
        CHECK(d.items()[2].message == "'Iraq Police Servise' is not a source of the registry");
        CHECK(d.items()[2].hint == "did you mean 'Iraq Police Service'?");
        CHECK(d.items()[2].line == 15);
        CHECK(d.items()[3].message == "unknown body 'polce' in country 'Iraq'");
        CHECK(d.items()[3].hint == "did you mean 'police'?");
    }
    SECTION("a body without written forms, a body defined twice") {
        diagnostics d;
        registry::parse_sources("version: 2\nsources: []\nbodies:\n  - {id: coroner, title: Coroner, type: coroner, kind: government}\n"
                                "  - {id: coroner, title: Coroner, type: coroner, kind: government, written: [coroner]}\n",
                                "dup.yaml", d);
        d.sort();
        REQUIRE(d.errors() == 2);
        CHECK(d.items()[0].message == "body 'coroner' has no 'written' forms");
        CHECK(d.items()[1].message == "body 'coroner' is defined twice");
        CHECK(d.items()[1].line == 5);
    }
}

TEST_CASE("the shipped registry knows the world's bodies and no Syrian default", "[registry][world]") {
    diagnostics d;
    const auto reg = registry::load_sources(RECKON_SOURCE_DIR "/rules/sources.yaml", d);
    REQUIRE(d.errors() == 0);
    // generic forms are bodies, not aliases of a Syrian entry
    for (const char* generic : {"police", "the health ministry", "the interior ministry", "state media", "state TV",
                                "a military source", "civil defence", "rescuers"}) {
        INFO(generic);
        CHECK(reg.find_alias(generic) == nullptr);
        CHECK(reg.find_body(generic) != nullptr);
    }
    const auto* syria = reg.find_country("Syria");
    const auto* iraq = reg.find_country("Iraqi");
    REQUIRE(syria);
    REQUIRE(iraq);
    CHECK(reg.body_source(*reg.find_body("police"), syria) == "Syrian Interior Ministry");
    CHECK(reg.body_source(*reg.find_body("state media"), syria) == "SANA");
    CHECK(reg.body_source(*reg.find_body("police"), iraq) == "Iraq Police");
    CHECK(reg.body_source(*reg.find_body("the army"), iraq) == "Iraqi military");
    CHECK(reg.body_source(*reg.find_body("police"), nullptr) == "Police");
    // every source a country names as its body exists
    for (const auto& c : reg.countries())
        for (const auto& [body, name] : c.bodies) {
            INFO(c.name << ": " << body);
            CHECK(reg.find(name) != nullptr);
        }
    CHECK(reg.find_outlet("Rudaw")->name == "Rudaw");
    CHECK(reg.find_alias("Rudaw")->name == "Rudaw");
}
