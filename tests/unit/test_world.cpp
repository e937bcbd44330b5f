// The world gazetteer index: compiled from small GeoNames-shaped inputs
// (tests/data/gazetteer), looked up, and refused with a located message when it is
// truncated, of another version, damaged or inconsistent.
#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>

#include "registry/world.hpp"
#include "registry/world_build.hpp"
#include "world_fixture.hpp"

using namespace reckon;
using registry::no_place;

namespace {

const std::string data_dir = RECKON_TEST_DATA "/gazetteer";

registry::world_inputs fixture_inputs() { return test::world_fixture_inputs(); }

std::string fixture_index() { return test::world_fixture_index(); }

registry::world_gazetteer loaded(const std::string& bytes) {
    registry::world_gazetteer g;
    diagnostics d;
    REQUIRE(g.load_bytes(bytes, "fixture.gaz", d));
    return g;
}

// The message of loading `bytes`, which must fail.
std::string refusal(const std::string& bytes) {
    registry::world_gazetteer g;
    diagnostics d;
    CHECK_FALSE(g.load_bytes(bytes, "bad.gaz", d));
    CHECK(g.empty());
    REQUIRE(d.errors() == 1);
    CHECK(d.items()[0].file == "bad.gaz");
    CHECK_FALSE(d.items()[0].hint.empty());
    return d.items()[0].message;
}

registry::world_header header_of(const std::string& bytes) {
    registry::world_header h;
    std::memcpy(&h, bytes.data(), sizeof h);
    return h;
}

// Rewrites the header and recomputes the checksum, as a careless tool would.
std::string with_header(std::string bytes, const registry::world_header& h) {
    std::memcpy(bytes.data(), &h, sizeof h);
    auto fixed = h;
    fixed.checksum = registry::world_checksum(std::string_view(bytes).substr(sizeof h));
    std::memcpy(bytes.data(), &fixed, sizeof fixed);
    return bytes;
}

std::string resealed(std::string bytes) { return with_header(bytes, header_of(bytes)); }

std::string entity_name(const registry::world_gazetteer& g, std::uint32_t entry) {
    return entry == no_place ? "none" : std::string(g.name(registry::entry_entity(entry)));
}

}  // namespace

TEST_CASE("names fold to ASCII keys", "[world]") {
    CHECK(registry::fold_latin("Şa‘dah") == "sa'dah");
    CHECK(registry::fold_latin("Dnipró") == "dnipro");
    CHECK(registry::fold_latin("Ḩajjah") == "hajjah");
    CHECK(registry::fold_latin("Straße") == "strasse");
    CHECK(registry::fold_latin("Сана") == "Сана");  // other scripts are kept as they are
    CHECK(registry::world_key("Al Hudaydah") == "hudaydah");
    CHECK(registry::world_key("Şa‘dah") == registry::world_key("Sadah"));
    CHECK(registry::world_key("McKeesport") == "mckeesport");
}

TEST_CASE("the index answers names, countries and divisions", "[world]") {
    const auto g = loaded(fixture_index());
    CHECK(g.provenance() == "test fixture");
    const auto us = g.country_of_code("US");
    const auto au = g.country_of_code("AU");
    REQUIRE(us != no_place);
    REQUIRE(au != no_place);
    CHECK(g.name(g.country_of_code("SY")) == "Syria");
    CHECK(g.country_of_code("ZZ") == no_place);

    const auto springfield = g.find("springfield");
    REQUIRE(springfield != no_place);
    CHECK(g.count(springfield) == 3);
    CHECK(g.entity(registry::entry_entity(g.best(springfield))).population == 116565);
    CHECK(g.entity(registry::entry_entity(g.best_in(springfield, au))).population == 33960);
    // Within a division: the Ohio one, though Illinois' is larger.
    const auto ohio = registry::entry_entity(g.best(g.find("ohio")));
    CHECK(g.entity(ohio).kind == registry::world_kind::division);
    CHECK(g.code(ohio) == "OH");
    const auto in_ohio = g.best_in(springfield, us, ohio);
    REQUIRE(in_ohio != no_place);
    CHECK(g.entity(registry::entry_entity(in_ohio)).population == 59680);
    CHECK(g.name(g.entity(registry::entry_entity(in_ohio)).parent) == "Clark County");
    CHECK(g.within(registry::entry_entity(in_ohio), ohio));
    CHECK(g.within(registry::entry_entity(in_ohio), us));
    CHECK_FALSE(g.within(registry::entry_entity(in_ohio), au));
    CHECK(g.best_in(springfield, g.country_of_code("YE")) == no_place);

    // Alternate names, folded names, demonyms and abbreviations, each with its form.
    const auto saada = g.find(registry::world_key("Saada"));
    REQUIRE(saada != no_place);
    // the governorate, shown as names.tsv says; the city (alternate "Saada") is as populous
    CHECK(entity_name(g, g.best(saada)) == "Saada");
    CHECK(g.count(saada) == 2);
    CHECK(g.count(g.find(registry::world_key("Sa'dah"))) == 2);  // the city and its governorate
    CHECK(registry::entry_form(g.best(g.find(registry::world_key("Sa'dah")))) == registry::name_form::official);
    const auto yemeni = g.best(g.find("yemeni"));
    CHECK(entity_name(g, yemeni) == "Yemen");
    CHECK(registry::entry_form(yemeni) == registry::name_form::adjective);
    CHECK(registry::entry_form(g.best(g.find(registry::world_key("Pa.")))) == registry::name_form::abbreviation);
    // A division is also found without the word for its kind.
    CHECK(entity_name(g, g.best(g.find("sanaa-governorate"))) == "Sanaa");  // shown without "Governorate"
    CHECK(g.find("sanaa") != no_place);
    CHECK(g.count(g.find("sanaa")) == 2);
    // Codes in capitals and other scripts are not indexed; neither are non-populated features.
    CHECK(g.find("sah") == no_place);
    CHECK(g.find("hill") == no_place);
    CHECK(g.find(registry::world_key("Nowhere")) == no_place);  // a country the ISO list lacks
    CHECK(g.find("") == no_place);
}

TEST_CASE("the index is the same bytes for the same inputs", "[world]") {
    CHECK(fixture_index() == fixture_index());
}

TEST_CASE("a damaged index is refused with its byte offset", "[world][bad-input]") {
    const std::string good = fixture_index();
    SECTION("empty") { CHECK(refusal("") == "truncated world gazetteer index: 0 bytes, shorter than its header (104) at byte 0"); }
    SECTION("not an index") {
        CHECK(refusal(std::string(200, 'x')) == "not a reckon world gazetteer index (no 'RECKGAZ' signature) at byte 0");
    }
    SECTION("truncated") {
        const auto cut = good.substr(0, good.size() - 100);
        CHECK(refusal(cut) == "truncated world gazetteer index: " + std::to_string(cut.size()) + " bytes, its header says " +
                                  std::to_string(good.size()) + " at byte " + std::to_string(cut.size()));
        CHECK(refusal(good.substr(0, 50)).rfind("truncated world gazetteer index: 50 bytes", 0) == 0);
    }
    SECTION("of another format version") {
        auto h = header_of(good);
        h.version = 2;
        CHECK(refusal(with_header(good, h)) == "world gazetteer index of format version 2, this reckon reads version 1 at byte 8");
    }
    SECTION("a changed byte") {
        auto bad = good;
        bad[bad.size() / 2] ^= 0x20;
        CHECK(refusal(bad) == "world gazetteer index does not match its checksum (damaged or edited) at byte 24");
    }
    SECTION("a section past the end, checksum recomputed") {
        auto h = header_of(good);
        h.entity_count = 1u << 26;
        CHECK(refusal(with_header(good, h)) == "the places section lies outside the file at byte " + std::to_string(h.entities_offset));
    }
    SECTION("a parent that is not an earlier place, checksum recomputed") {
        auto bad = good;
        const auto h = header_of(good);
        registry::world_entity e;
        const auto at = h.entities_offset + (h.entity_count - 1) * sizeof e;
        std::memcpy(&e, bad.data() + at, sizeof e);
        e.parent = h.entity_count + 5;
        std::memcpy(bad.data() + at, &e, sizeof e);
        CHECK(refusal(resealed(bad)) == "place " + std::to_string(h.entity_count - 1) +
                                            " has a parent or country that is not an earlier, wider place at byte " +
                                            std::to_string(at));
    }
    SECTION("a name entry naming no place, checksum recomputed") {
        auto bad = good;
        const auto h = header_of(good);
        const std::uint32_t nowhere = 0x0FFFFFF0u;
        std::memcpy(bad.data() + h.by_division_offset, &nowhere, 4);
        CHECK(refusal(resealed(bad)) == "name entry refers to no place at byte " + std::to_string(h.by_division_offset));
    }
}

TEST_CASE("a missing index file is an error with a hint", "[world][bad-input]") {
    registry::world_gazetteer g;
    diagnostics d;
    CHECK_FALSE(g.load(data_dir + "/no-such.gaz", d));
    REQUIRE(d.errors() == 1);
    CHECK(d.items()[0].message == "cannot open the world gazetteer index: No such file or directory");
    CHECK(d.items()[0].hint.find("scripts/setup") != std::string::npos);
}

TEST_CASE("an index file round-trips through load", "[world]") {
    const std::string path = std::string(RECKON_TEST_OUTPUT_DIR) + "/fixture.gaz";
    {
        std::ofstream out(path, std::ios::binary);
        const auto bytes = fixture_index();
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    registry::world_gazetteer g;
    diagnostics d;
    REQUIRE(g.load(path, d));
    CHECK(g.count(g.find("springfield")) == 3);
}

TEST_CASE("malformed GeoNames input is located", "[world][bad-input]") {
    const std::string path = std::string(RECKON_TEST_OUTPUT_DIR) + "/short-rows.txt";
    {
        std::ofstream out(path, std::ios::binary);
        out << "1\tA\tA\t\t0\t0\tP\tPPL\tUS\t\tPA\t\t\t\t100\t\t\tUTC\t2020-01-01\n";
        out << "2\tB\tonly four\n";
    }
    auto in = fixture_inputs();
    in.geonames = {path};
    diagnostics d;
    registry::world_build_stats stats;
    CHECK(registry::build_world_index(in, d, stats).empty());
    REQUIRE(d.errors() == 1);
    CHECK(d.items()[0].line == 2);
    CHECK(d.items()[0].message == "expected a GeoNames row of 19 tab-separated fields, got 3");

    in = fixture_inputs();
    in.names = path;  // not a names file
    diagnostics n;
    CHECK(registry::build_world_index(in, n, stats).empty());
    REQUIRE(n.errors() == 1);
    CHECK(n.items()[0].line == 1);
}

// ---- reading places against the index (extract/world_places.hpp) ------------------

#include "extract/world_places.hpp"

namespace {

struct reading {
    article a;
    std::string lower;
    extract::article_place where;
};

reading read(const extract::world_reader& r, std::string text, std::string outlet_country = "", std::string outlet = "") {
    reading out;
    out.a.id = "t";
    out.a.outlet = std::move(outlet);
    out.a.text = std::move(text);
    out.a.body = {0, out.a.text.size()};
    out.lower = extract::lower_case_of(out.a.text);
    out.where = r.read_article(out.a, out.a.text, out.lower, outlet_country);
    return out;
}

}  // namespace

TEST_CASE("an article's country and division come from its dateline and the names it uses", "[world][places]") {
    const auto g = loaded(fixture_index());
    const extract::world_reader r(&g, nullptr);
    REQUIRE(r.active());

    const auto pa = read(r, "Two shot\n\nMCKEESPORT, Pa. (KDKA) \xE2\x80\x94 Two men were shot on Friday night.");
    REQUIRE(pa.where.country != no_place);
    CHECK(g.code(pa.where.country) == "US");
    REQUIRE(pa.where.division != no_place);
    CHECK(g.name(pa.where.division) == "Pennsylvania");
    REQUIRE(pa.where.main != no_place);
    CHECK(g.name(pa.where.main) == "McKeesport");
    CHECK(r.key_of(pa.where.main) == "us/pennsylvania/allegheny-county/mckeesport");
    CHECK(pa.where.why.find("dateline 'MCKEESPORT'") != std::string::npos);

    const auto ye = read(r, "SANAA, May 14 (Reuters) - An air strike on a market in Saada killed 12 people, Yemeni officials said.");
    REQUIRE(ye.where.country != no_place);
    CHECK(g.code(ye.where.country) == "YE");
    const auto saada = r.settle(r.group_of("Saada"), "Saada", extract::place_evidence::locative, no_place, ye.where);
    REQUIRE(saada.entity != no_place);
    CHECK(g.name(saada.entity) == "Saada");
    // No Yemeni place is named Bab: the Syrian one is not taken for a Yemeni article.
    const auto bab = r.settle(r.group_of("Bab"), "Bab", extract::place_evidence::locative, no_place, ye.where);
    CHECK(bab.entity == no_place);
    CHECK(bab.why == "no place 'Bab' in Yemen (the article's country); 1 elsewhere");
    // Written next to it, another country is evidence enough.
    const auto syria = registry::entry_entity(g.best(g.find("syria")));
    CHECK(r.settle(r.group_of("Bab"), "Bab", extract::place_evidence::qualified, syria, ye.where).entity != no_place);

    const auto none = read(r, "Officials said on Friday that the toll had risen.");
    CHECK(none.where.country == no_place);
    CHECK(none.where.why == "no country: too little evidence");
}

TEST_CASE("a name many places share is settled by the article's division", "[world][places]") {
    const auto g = loaded(fixture_index());
    const extract::world_reader r(&g, nullptr);
    const auto springfield = r.group_of("Springfield");
    const auto ohio = read(r, "A man was shot in Springfield on Sunday, the Clark County coroner said.");
    const auto in_ohio = r.settle(springfield, "Springfield", extract::place_evidence::locative, no_place, ohio.where);
    REQUIRE(in_ohio.entity != no_place);
    CHECK(r.key_of(in_ohio.entity) == "us/ohio/clark-county/springfield");
    CHECK(in_ohio.why == "best of 3 'Springfield' in Ohio (the article's division)");

    const auto illinois = read(r, "A man was shot in Springfield, Illinois, on Sunday.");
    const auto in_illinois = r.settle(springfield, "Springfield", extract::place_evidence::locative, no_place, illinois.where);
    REQUIRE(in_illinois.entity != no_place);
    CHECK(g.name(g.entity(in_illinois.entity).division) == "Illinois");

    // With no country known, only words saying it is a place let the largest be taken.
    const extract::article_place nowhere;
    CHECK(r.settle(springfield, "Springfield", extract::place_evidence::none, no_place, nowhere).entity == no_place);
    CHECK(g.entity(r.settle(springfield, "Springfield", extract::place_evidence::locative, no_place, nowhere).entity).population ==
          116565);
    // An adjective never places a figure; an abbreviation only next to a city.
    CHECK(r.settle(r.group_of("Yemeni"), "Yemeni", extract::place_evidence::locative, no_place, nowhere).entity == no_place);
    CHECK(r.settle(r.group_of("Pa."), "Pa.", extract::place_evidence::locative, no_place, nowhere).entity == no_place);
}

TEST_CASE("a world place gives a claim its country, division and a path key", "[world][places]") {
    const auto g = loaded(fixture_index());
    diagnostics d;
    const auto overlay = registry::parse_places("country: SY\ngovernorates:\n  - name: Aleppo\n    variants: [Halab]\n", "o.yaml", d);
    REQUIRE(d.errors() == 0);
    CHECK(overlay.country() == "SY");
    const extract::world_reader r(&g, &overlay);
    claim c;
    const auto al_bab = registry::entry_entity(g.best(g.find("bab")));
    r.set_claim_place(c, al_bab);
    CHECK(c.country == "SY");
    CHECK(c.governorate == "Aleppo");
    CHECK(c.place_key == "sy/aleppo/bab");
    CHECK(extract::world_key_parents(c.place_key) == std::vector<std::string>{"sy/aleppo", "sy"});
    CHECK(extract::world_key_parents("al-shaafa").empty());

    claim area;
    const auto ohio = read(r, "Shots were fired in Clark County, Ohio, police said.");
    r.set_claim_area(area, ohio.where, true);
    CHECK(area.country == "US");
    CHECK(area.governorate == "Ohio");
    CHECK(area.place.empty());
}

// ---- the places reader with the world gazetteer (extract/places.cpp) ----------------

#include "extract/extract.hpp"

namespace {

std::vector<claim> extract_with_world(const registry::world_gazetteer& g, const registry::gazetteer& overlay, std::string text,
                                      const registry::source_registry* sources = nullptr) {
    article a;
    a.id = "w";
    a.text = std::move(text);
    a.body = {0, a.text.size()};
    a.published = date::of_day(2024, 5, 14);
    extract::extract_context ctx;
    ctx.places = &overlay;
    ctx.world = &g;
    ctx.sources = sources;
    diagnostics d;
    return extract::extract_claims(a, ctx, d);
}

}  // namespace

TEST_CASE("figures take their place, division and country from the world gazetteer", "[world][places]") {
    const auto g = loaded(fixture_index());
    diagnostics d;
    const auto overlay = registry::parse_places("country: SY\ngovernorates:\n  - name: Aleppo\n", "o.yaml", d);
    REQUIRE(d.errors() == 0);

    const auto pa = extract_with_world(g, overlay, "MCKEESPORT, Pa. (KDKA) \xE2\x80\x94 Two men were killed in a shooting on Friday.");
    REQUIRE(pa.size() == 1);
    CHECK(pa[0].country == "US");
    CHECK(pa[0].governorate == "Pennsylvania");
    CHECK(pa[0].place == "MCKEESPORT");
    CHECK(pa[0].place_key == "us/pennsylvania/allegheny-county/mckeesport");

    // A market no gazetteer knows lies in the town named with it; the Syrian Bab is not taken.
    const auto ye = extract_with_world(
        g, overlay, "SANAA, May 14 (Reuters) - An air strike on the Bab market in Saada killed 12 people, Yemeni officials said.");
    REQUIRE(ye.size() == 1);
    CHECK(ye[0].country == "YE");
    CHECK(ye[0].governorate == "Saada");
    CHECK(ye[0].place == "Saada");
    CHECK(ye[0].place_key.rfind("ye/saada/", 0) == 0);
    CHECK(ye[0].place_key.substr(ye[0].place_key.size() - 4) == "/bab");

    // A town named in the text of another article's country: kept as written, not placed abroad.
    const auto oh = extract_with_world(g, overlay, "Three people were wounded in Springfield, Ohio, and police said one was killed near Bab.");
    REQUIRE(oh.size() == 2);
    CHECK(oh[0].governorate == "Ohio");
    CHECK(oh[0].place_key == "us/ohio/clark-county/springfield");
    CHECK(oh[1].country == "US");
}

namespace {

// The words of `text` (a sentence of its own).
struct worded {
    std::string text, lower;
    std::vector<extract::word> words;
};

worded words_of(std::string text) {
    worded w;
    w.text = std::move(text);
    w.lower = extract::lower_case_of(w.text);
    w.words = extract::words_of(w.text, {0, w.text.size()}, w.lower);
    return w;
}

std::size_t index_of(const worded& w, std::string_view lower) {
    for (std::size_t i = 0; i < w.words.size(); ++i)
        if (w.words[i].lower == lower) return i;
    FAIL("no word " << lower);
    return 0;
}

}  // namespace

TEST_CASE("a place's name inside a person's or a building's name is no place", "[world][places]") {
    const auto ward = words_of("Police said Demetrius Springfield was arrested in Springfield on Sunday.");
    CHECK(extract::continues_name(ward.text, ward.words, 3));          // "Demetrius Springfield"
    CHECK_FALSE(extract::continues_name(ward.text, ward.words, 7));    // "in Springfield"
    const auto officer = words_of("according to Officer Dale Gaines, a spokesman");
    CHECK(extract::continues_name(officer.text, officer.words, index_of(officer, "gaines")));
    // "In", "Miami's", a day: they open no name
    const auto opening = words_of("In Springfield, Miami's Overtown and Sunday Springfield");
    CHECK_FALSE(extract::continues_name(opening.text, opening.words, 1));
    CHECK_FALSE(extract::continues_name(opening.text, opening.words, index_of(opening, "overtown")));
    CHECK_FALSE(extract::continues_name(opening.text, opening.words, opening.words.size() - 1));

    const auto hospital = words_of("taken to Springfield Memorial Hospital by Springfield Police");
    CHECK(extract::name_goes_on(hospital.text, hospital.words, index_of(hospital, "memorial")));
    CHECK_FALSE(extract::name_goes_on(hospital.text, hospital.words, index_of(hospital, "police")));
    // a headline in title case: every word is capitalised, nothing goes on
    const auto title = words_of("Four People Shot Dead Outside Springfield Nightclub Tonight");
    CHECK_FALSE(extract::name_goes_on(title.text, title.words, index_of(title, "nightclub")));
    CHECK_FALSE(extract::continues_name(title.text, title.words, index_of(title, "springfield")));
    CHECK(extract::function_word("in"));
    CHECK_FALSE(extract::function_word("springfield"));
}

TEST_CASE("a dateline many places share is settled by the places the body names", "[world][places]") {
    const auto g = loaded(fixture_index());
    const extract::world_reader r(&g, nullptr);
    // Illinois' Springfield is the most populous; the body's Clark County is in Ohio.
    const auto oh = read(r, "SPRINGFIELD \xE2\x80\x94 Two men were shot on Friday, the Clark County coroner said.");
    REQUIRE(oh.where.main != no_place);
    CHECK(r.key_of(oh.where.main) == "us/ohio/clark-county/springfield");
    CHECK(oh.where.why.find("dateline 'SPRINGFIELD' (by the body's places)") != std::string::npos);
    // Nothing in the body: the most populous.
    const auto il = read(r, "SPRINGFIELD \xE2\x80\x94 Two men were shot on Friday.");
    REQUIRE(il.where.main != no_place);
    CHECK(g.name(g.entity(il.where.main).division) == "Illinois");
}

TEST_CASE("an outlet known by its web host says where it is", "[world][places]") {
    const auto g = loaded(fixture_index());
    const extract::world_reader r(&g, nullptr);
    CHECK(g.code(r.host_home("wral.com").call_sign_country) == "US");
    CHECK(g.code(r.host_home("www.wdbj7.com").call_sign_country) == "US");
    CHECK(g.code(r.host_home("wbaltv.com").call_sign_country) == "US");
    CHECK(r.host_home("washingtonpost.com").call_sign_country == no_place);
    const auto sanaa = r.host_home("sanaaonline.net");
    REQUIRE(sanaa.place != no_place);
    CHECK(g.name(sanaa.place) == "Sanaa");
    CHECK(r.host_home("Reuters").place == no_place);  // a name, not a host

    article a;
    a.id = "h";
    a.outlet = "news.sanaaonline.net";
    a.text = "Officials said on Friday that the toll had risen.";
    a.body = {0, a.text.size()};
    const auto lower = extract::lower_case_of(a.text);
    const auto where = r.read_article(a, a.text, lower, "");
    REQUIRE(where.country != no_place);
    CHECK(g.code(where.country) == "YE");
    CHECK(where.why.find("outlet host 'news.sanaaonline.net' names Sanaa") != std::string::npos);
}

namespace {

// An overlay of one Syrian governorate: the world index decides everywhere else.
registry::gazetteer aleppo_overlay() {
    diagnostics d;
    auto overlay = registry::parse_places("country: SY\ngovernorates:\n  - name: Aleppo\n", "o.yaml", d);
    REQUIRE(d.errors() == 0);
    return overlay;
}

}  // namespace

TEST_CASE("a headline's figure and a neighbourhood's take the article's place", "[world][places]") {
    const auto g = loaded(fixture_index());
    const auto overlay = aleppo_overlay();
    const auto pa = extract_with_world(g, overlay,
                                       "Two men killed\n\nMCKEESPORT, Pa. (KDKA) \xE2\x80\x94 Police are investigating a shooting.\n\n"
                                       "Three people were wounded in the Springfield neighborhood on Friday.");
    REQUIRE(pa.size() == 2);
    CHECK(pa[0].headline);
    CHECK(pa[0].governorate == "Pennsylvania");
    CHECK(pa[0].place_key == "us/pennsylvania/allegheny-county/mckeesport");
    // not Springfield, Illinois: a part of McKeesport
    CHECK(pa[1].governorate == "Pennsylvania");
    CHECK(pa[1].place_key == "us/pennsylvania/allegheny-county/mckeesport/springfield");
}

TEST_CASE("a small town outside the article's division needs its state next to it", "[world][places]") {
    const auto g = loaded(fixture_index());
    const extract::world_reader r(&g, nullptr);
    extract::article_place ohio;
    ohio.country = g.country_of_code("US");
    ohio.division = registry::entry_entity(g.best_area(g.find("ohio")));
    const auto mckeesport = r.group_of("McKeesport");
    // "in McKeesport" of an Ohio report: McKeesport, Pennsylvania is not taken
    const auto far = r.settle(mckeesport, "McKeesport", extract::place_evidence::locative, no_place, ohio);
    CHECK(far.entity == no_place);
    CHECK(far.why == "no place 'McKeesport' in Ohio (the article's division) and nothing next to it names another");
    // "McKeesport, Pa." is
    const auto pa = registry::entry_entity(g.best_area(g.find("pennsylvania")));
    CHECK(r.settle(mckeesport, "McKeesport", extract::place_evidence::qualified, pa, ohio).entity != no_place);
    // a city is known by its name: Springfield, Illinois (116,565 people) from a Pennsylvania report
    extract::article_place pennsylvania;
    pennsylvania.country = g.country_of_code("US");
    pennsylvania.division = pa;
    const auto city = r.settle(r.group_of("Springfield"), "Springfield", extract::place_evidence::locative, no_place, pennsylvania);
    REQUIRE(city.entity != no_place);
    CHECK(g.name(g.entity(city.entity).division) == "Illinois");
}

TEST_CASE("the article's main place is a city it names anywhere when no dateline or 'in' says", "[world][places]") {
    const auto g = loaded(fixture_index());
    const extract::world_reader r(&g, nullptr);
    const auto ye = read(r, "Two people were killed on Friday, Sanaa officials said, and Sanaa hospitals were full.");
    REQUIRE(ye.where.country != no_place);
    CHECK(g.code(ye.where.country) == "YE");
    REQUIRE(ye.where.main != no_place);
    CHECK(g.name(ye.where.main) == "Sanaa");
    CHECK(ye.where.why.find("main place 'Sanaa' named 2 times (no dateline, none after 'in')") != std::string::npos);
    // a name is its own in a country when no other place there has it, or its city dwarfs the others
    CHECK(g.name(r.dominant(r.group_of("Sanaa"), g.country_of_code("YE"))) == "Sanaa");
    CHECK(r.dominant(r.group_of("Springfield"), g.country_of_code("US")) == no_place);  // 116,565 and 59,680
    CHECK(r.dominant(r.group_of("Sanaa"), g.country_of_code("US")) == no_place);
    // "Tulsa, OK": the comma before the state's abbreviation, over the space
    const auto ok = read(r, "Police said a man was shot at a McKeesport, Pa. home on Friday.");
    REQUIRE(ok.where.division != no_place);
    CHECK(g.name(ok.where.division) == "Pennsylvania");
    // the words it writes in lower case are common words, capitalised or not
    const auto words = words_of("Police said the police station was closed.");
    CHECK(ye.where.common_word(words.words[0]) == false);
    const auto police = read(r, "Police said the police station was closed in Sanaa.");
    CHECK(police.where.common_word(words.words[0]));
}

TEST_CASE("a figure whose sentence names only its area takes the article's main place", "[world][places]") {
    const auto g = loaded(fixture_index());
    const auto overlay = aleppo_overlay();
    const auto pa = extract_with_world(g, overlay, "MCKEESPORT, Pa. (KDKA) \xE2\x80\x94 Two Pennsylvania men were killed on Friday.");
    REQUIRE(pa.size() == 1);
    CHECK(pa[0].place == "MCKEESPORT");
    CHECK(pa[0].place_key == "us/pennsylvania/allegheny-county/mckeesport");
}

TEST_CASE("where a source sits gives way to the event's place, and unknown towns are kept as written", "[world][places]") {
    const auto g = loaded(fixture_index());
    const auto overlay = aleppo_overlay();
    const auto ye = extract_with_world(g, overlay,
                                       "SANAA, May 14 (Reuters) - An air strike hit a market in Saada on Sunday. "
                                       "Officials in Sanaa said 12 people were killed.");
    REQUIRE(ye.size() == 1);
    CHECK(ye[0].place == "Saada");
    // a town no gazetteer knows, with its country after "in"
    const auto unknown = extract_with_world(g, overlay, "Militants attacked a base in Qaryat Zuhra in Yemen's north, and 9 soldiers were killed.");
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].place == "Qaryat Zuhra");
    CHECK(unknown[0].country == "YE");
}

TEST_CASE("a town of another division in a sentence before is not the figure's", "[world][places]") {
    const auto g = loaded(fixture_index());
    const auto overlay = aleppo_overlay();
    // Springfield, Illinois is a city (taken when named with a figure); a sentence before, not
    const auto pa = extract_with_world(g, overlay,
                                       "MCKEESPORT, Pa. (KDKA) \xE2\x80\x94 The family had come from Springfield last year. "
                                       "Two men were killed on Sunday, police said.");
    REQUIRE(pa.size() == 1);
    CHECK(pa[0].place == "MCKEESPORT");
    CHECK(pa[0].governorate == "Pennsylvania");
}

TEST_CASE("transliterations of one name share a skeleton, short names have none", "[world][places]") {
    CHECK(extract::name_skeleton("Al Asharah") == "ashr");
    CHECK(extract::name_skeleton("Al-Ashara") == "ashr");
    CHECK(extract::name_skeleton("al-Asharah") == "ashr");
    CHECK(extract::name_skeleton("Darkūsh") == extract::name_skeleton("Darkoush"));
    CHECK(extract::name_skeleton("Deir Ezzor") == "drzr");
    CHECK(extract::name_skeleton("Deir ez-Zor") == "drzr");
    CHECK(extract::name_skeleton("Al-Ishara") != extract::name_skeleton("Al-Ashara"));  // the first letter is kept
    CHECK(extract::name_skeleton("Al Bab").empty());  // "b": too short to tell places apart
    CHECK(extract::name_skeleton("").empty());
}

TEST_CASE("a world place of the overlay's country takes the overlay's key by its folded name", "[world][places]") {
    const auto g = loaded(fixture_index());
    diagnostics d;
    // The overlay writes Al Bab without its article; GeoNames' name is "Al Bab".
    const auto overlay = registry::parse_places(
        "country: SY\ngovernorates:\n  - name: Aleppo\nplaces:\n  - {name: Bab, type: town, governorate: Aleppo}\n", "o.yaml", d);
    REQUIRE(d.errors() == 0);
    const extract::world_reader r(&g, &overlay);
    claim c;
    r.set_claim_place(c, registry::entry_entity(g.best(g.find("bab"))));
    CHECK(c.place_key == "bab");
    CHECK(c.governorate == "Aleppo");
    CHECK(c.country == "SY");
}

// ---- settling names by the article's other names (session 6) ---------------------

namespace {

// The fixture's index and a reader over it, for the tests below.
struct fixture_reader {
    const registry::world_gazetteer g = loaded(fixture_index());
    const extract::world_reader r{&g, nullptr};
};

// The ISO code of the country read for an article, "" when none.
std::string country_read(const registry::world_gazetteer& g, const reading& x) {
    return x.where.country == no_place ? std::string() : std::string(g.code(x.where.country));
}

}  // namespace

TEST_CASE_METHOD(fixture_reader, "a country's name is a town when the article names the state holding one", "[world][places]") {
    const auto lebanon = r.group_of("Lebanon");

    // Written next to it: the state says which Lebanon.
    const auto dated = read(r, "LEBANON, Pa. \xE2\x80\x94 A woman was hurt when shots were fired in Lebanon late on Friday.");
    CHECK(country_read(g, dated) == "US");
    REQUIRE(dated.where.main != no_place);
    CHECK(r.key_of(dated.where.main) == "us/pennsylvania/lebanon-county/lebanon");
    const auto town = r.settle(lebanon, "Lebanon", extract::place_evidence::locative, no_place, dated.where);
    REQUIRE(town.entity != no_place);
    CHECK(r.key_of(town.entity) == "us/pennsylvania/lebanon-county/lebanon");
    CHECK(town.why == "best of 3 'Lebanon' in Pennsylvania (the article's division), not the country");

    // In the body: the country is named nowhere else, the state holding a Lebanon is.
    const auto body = read(r, "A man was shot in Lebanon on Friday night, Pennsylvania state troopers said.");
    CHECK(country_read(g, body) == "US");
    CHECK(g.name(body.where.division) == "Pennsylvania");
    CHECK(body.where.why.find("'Lebanon' read as the town in Lebanon County") != std::string::npos);

    // The country, when the article says nothing of a state.
    const auto abroad = read(r, "Rockets fell near Beirut and in southern Lebanon on Friday.");
    CHECK(country_read(g, abroad) == "LB");
    CHECK(r.settle(lebanon, "Lebanon", extract::place_evidence::locative, no_place, abroad.where).why ==
          "best of 3 'Lebanon': a country");
}

TEST_CASE_METHOD(fixture_reader, "towns many divisions share are settled by the names the article uses with them", "[world][places]") {
    // Springfield is in Illinois and Ohio, Centerville in Ohio and Pennsylvania: together, Ohio.
    const auto both = read(r, "Shots were fired in Springfield on Friday and in Centerville on Saturday.");
    CHECK(country_read(g, both) == "US");
    REQUIRE(both.where.division != no_place);
    CHECK(g.name(both.where.division) == "Ohio");
    // A county named settles the town inside it: the Lucas County Toledo, not Spain's.
    const auto toledo = read(r, "Two men were wounded in Toledo overnight, the Lucas County coroner said.");
    CHECK(country_read(g, toledo) == "US");
    CHECK(g.name(toledo.where.division) == "Ohio");
    const auto settled = r.settle(r.group_of("Toledo"), "Toledo", extract::place_evidence::locative, no_place, toledo.where);
    REQUIRE(settled.entity != no_place);
    CHECK(r.key_of(settled.entity) == "us/ohio/lucas-county/toledo");
}

TEST_CASE_METHOD(fixture_reader, "a word that names a person in the article is not a place", "[world][places]") {
    // "Zala" is a Hungarian county; here it is the detective's surname.
    const auto story = read(r, "Three people were wounded in Springfield on Sunday, said Officer Marta Zala. "
                               "The men ran off, Zala added. Nobody was arrested, Zala said.");
    CHECK(country_read(g, story) == "US");
    CHECK(story.where.why.find("Zala") == std::string::npos);
    // a speaker alone is a person too
    const auto speaker = read(r, "Talks resumed on Monday, Zala told reporters in Springfield.");
    CHECK(speaker.where.why.find("Zala named") == std::string::npos);
    // "New York", "Los Angeles": the second word of a place is no surname
    extract::word w;
    w.lower = "zala";
    CHECK(story.where.person_word(w));
    w.lower = "springfield";
    CHECK_FALSE(story.where.person_word(w));
}

TEST_CASE("a building named after a saint keeps its name whole", "[world][places]") {
    const std::string text = "He was taken to St. Mary's Hospital. Miami's Overtown was quiet.";
    const auto lower = extract::lower_case_of(text);
    const auto ws = extract::words_of(text, {0, text.size()}, lower);
    std::size_t hospital = 0, overtown = 0;
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (ws[i].lower == "hospital") hospital = i;
        if (ws[i].lower == "overtown") overtown = i;
    }
    REQUIRE(hospital > 0);
    REQUIRE(overtown > 0);
    CHECK(extract::name_goes_on(text, ws, hospital));      // "Mary's" is part of the hospital's name
    CHECK_FALSE(extract::name_goes_on(text, ws, overtown));  // Overtown is a part of Miami
}

TEST_CASE_METHOD(fixture_reader, "a label opening a line is not a dateline", "[world][places]") {
    const auto a = read(r, "UPDATE: 9:15 p.m.\nMCKEESPORT, Pa. (KDKA) \xE2\x80\x94 Two men were shot on Friday night.");
    REQUIRE(a.where.main != no_place);
    CHECK(g.name(a.where.main) == "McKeesport");
    CHECK(a.where.dateline.of(a.a.text) == "MCKEESPORT");
}

TEST_CASE_METHOD(fixture_reader, "an outlet's host: network affiliates, country domains, the town of a masthead", "[world][places]") {
    // a network's name and a channel number is a United States affiliate, not a Canadian call sign
    CHECK(g.code(r.host_home("cbs58.com").call_sign_country) == "US");
    CHECK(g.code(r.host_home("fox8.com").call_sign_country) == "US");
    // a country's domain; one sold to anyone says nothing
    CHECK(g.code(r.host_home("news.example.com.ye").domain_country) == "YE");
    CHECK(r.host_home("example.tv").domain_country == no_place);
    // the city a paper is named after, though a province of that name is more populous
    REQUIRE(g.entity(registry::entry_entity(g.best(g.find("toledo")))).kind == registry::world_kind::district);
    const auto blade = r.host_home("toledoblade.com");
    REQUIRE(blade.place != no_place);
    CHECK(r.key_of(blade.place) == "us/ohio/lucas-county/toledo");
}

TEST_CASE_METHOD(fixture_reader, "a town's own name comes before another's old name", "[world][places]") {
    // "Berytus" is a small Pennsylvania town and an old name of Beirut: alone, it says
    // nothing of Lebanon.
    const auto a = read(r, "Two people were hurt in Berytus on Friday.");
    CHECK(a.where.country == no_place);
    // with its state, the town
    const auto b = read(r, "Two people were hurt in Berytus, Pa., on Friday.");
    CHECK(country_read(g, b) == "US");
}

TEST_CASE_METHOD(fixture_reader, "a city named once gives the article its country, a day after it does not hide it", "[world][places]") {
    const auto once = read(r, "A man was hurt late on Friday, Kansas City police said.");
    CHECK(country_read(g, once) == "US");
    const auto day = read(r, "A man was shot in southwest Toledo Tuesday afternoon.");
    REQUIRE(day.where.main != no_place);
    CHECK(r.key_of(day.where.main) == "us/ohio/lucas-county/toledo");
}

TEST_CASE_METHOD(fixture_reader, "a town other countries share votes each of them, and a host names a town of two words", "[world][places]") {
    // Toledo is in Ohio and in Spain: the outlet's home decides, however often the town is named.
    const auto spanish = read(r, "Two men were wounded in Toledo overnight. The bar in Toledo was closed.", "ES");
    CHECK(country_read(g, spanish) == "ES");
    // alone, the most populous
    const auto alone = read(r, "Two men were wounded in Toledo overnight. The bar in Toledo was closed.");
    CHECK(country_read(g, alone) == "US");
    // a host glues the words of a town's name: "kansascity" is Kansas City
    const auto host = r.host_home("kansascity.com");
    REQUIRE(host.place != no_place);
    CHECK(r.key_of(host.place) == "us/missouri/jackson-county/kansas-city");
}

TEST_CASE_METHOD(fixture_reader, "the sources reader takes the article's country from the places reader", "[world][places][sources]") {
    const auto overlay = aleppo_overlay();
    diagnostics d;
    const auto sources = registry::load_sources(RECKON_SOURCE_DIR "/rules/sources.yaml", d);
    REQUIRE(d.errors() == 0);
    auto run = [&](std::string text) { return extract_with_world(g, overlay, std::move(text), &sources); };
    // The dateline and its state say the United States; the Yemeni relatives quoted do not
    // make "police" Yemen's.
    const auto us = run("MCKEESPORT, Pa. (KDKA) \xE2\x80\x94 Two men were killed in a shooting on Friday, police said. "
                        "Yemeni relatives of one of the men, who had come from Yemen, said they were stunned.");
    REQUIRE(!us.empty());
    CHECK(us[0].country == "US");
    CHECK(us[0].source == "US Police");
    // A report from Yemen: Yemen's.
    const auto ye = run("SANAA, May 14 (Reuters) - Three people were killed in a market in Saada, police said.");
    REQUIRE(!ye.empty());
    CHECK(ye[0].country == "YE");
    CHECK(ye[0].source == "Yemen Police");
    // An army fights abroad: "the army" of a report on Russian strikes in a Syrian town is
    // the one the article's words name most.
    const auto army = run("Russian jets struck Al Bab, Syria, on Friday. Five fighters were killed in Al Bab, the army said. "
                          "Russia said the strikes would go on.");
    REQUIRE(!army.empty());
    CHECK(army[0].country == "SY");
    CHECK(army[0].source == "Russia Army");
}

TEST_CASE_METHOD(fixture_reader, "a street or a neighbourhood named after a town is no evidence of the town", "[world][places]") {
    CHECK(read(r, "Two men were shot on Toledo Avenue late on Friday.").where.country == no_place);
    CHECK(read(r, "Two men were shot in the Toledo neighborhood late on Friday.").where.country == no_place);
    const auto town = read(r, "Two men were shot in Toledo late on Friday.");
    CHECK(country_read(g, town) == "US");
}

TEST_CASE_METHOD(fixture_reader, "a surname after a comma, a district after a town, a building's word are not places", "[world][places]") {
    // "Lucas" is a county's bare name and the officer's surname; after "the West Side," it
    // is still the officer (a state's name there would be the state).
    const auto officer = read(r, "Two people were hurt on Friday, said Officer Ann Lucas. Shots rang out on the West Side, Lucas said.");
    CHECK(officer.where.country == no_place);
    // After a town and a comma only a state or a country qualifies it: "Springfield, Toledo
    // police" is no Spanish province.
    const auto list = read(r, "Shots were fired in Springfield, Toledo police said.");
    CHECK(country_read(g, list) == "US");
    // "the University": a building, not the Queensland suburb of that name
    CHECK(read(r, "A student was hurt at the University on Friday.").where.country == no_place);
}

TEST_CASE_METHOD(fixture_reader, "the city an outlet's host names is not shared with its namesakes abroad", "[world][places]") {
    const auto blade = read(r, "Two men were hurt in a shooting at a club early on Sunday.", "", "toledoblade.com");
    CHECK(country_read(g, blade) == "US");
    REQUIRE(blade.where.division != no_place);
    CHECK(g.name(blade.where.division) == "Ohio");
}

TEST_CASE_METHOD(fixture_reader, "a town whose name is its own alone says where the article is", "[world][places]") {
    const auto own = read(r, "Two men were hurt on Friday night, Zalaegerszeg police said.");
    CHECK(country_read(g, own) == "HU");
    // a small town many places share says nothing without "in"
    CHECK(read(r, "Two men were hurt on Friday night, Centerville police said.").where.country == no_place);
}

// ---- session 7 ---------------------------------------------------------------------

TEST_CASE_METHOD(fixture_reader, "a city is its name's own though a larger county elsewhere shares it", "[world][places]") {
    // Oakland County, Michigan holds more people than Oakland, California; the county is
    // written with "County": the town's name alone is the city, twenty times its namesake.
    const auto us = g.country_of_code("US");
    const auto oakland = r.dominant(r.group_of("Oakland"), us);
    REQUIRE(oakland != no_place);
    CHECK(r.key_of(oakland) == "us/california/oakland");
    // so the city named twice outweighs a small town of its own name named once
    const auto story = read(r, "Shots rang out on the streets of Oakland on Friday. Eight people were hurt near Broadway, "
                               "Oakland police said.");
    REQUIRE(story.where.division != no_place);
    CHECK(g.name(story.where.division) == "California");
}

TEST_CASE_METHOD(fixture_reader, "a name's own towns come before the towns it is an old name of", "[world][places]") {
    // "York" is an old name of Warner Robins, Georgia (larger than York, Pennsylvania):
    // the towns that bear it as their own name are the ones it names.
    const auto york = read(r, "Four people were hurt in York late on Monday, police said.", "", "fox43.com");
    REQUIRE(york.where.division != no_place);
    CHECK(g.name(york.where.division) == "Pennsylvania");
}

TEST_CASE_METHOD(fixture_reader, "the capital and the state of one name: the dateline, 'D.C.' and the towns decide", "[world][places]") {
    // GeoNames writes "Washington, D.C.": its name before the comma is its own name too
    const auto capital = r.dominant(r.group_of("Washington"), g.country_of_code("US"));
    REQUIRE(capital != no_place);
    CHECK(g.name(capital) == "Washington, D.C.");
    // a dateline names a town, not the state of that name
    const auto dated = read(r, "WASHINGTON (AP) \xE2\x80\x94 Two men were shot in the city's southeast on Friday.");
    REQUIRE(dated.where.main != no_place);
    CHECK(g.name(dated.where.main) == "Washington, D.C.");
    CHECK(g.name(dated.where.division) == "District of Columbia");
    // "D.C." alone names the district; "Washington" alone only the country
    const auto dc = read(r, "Two men were shot in Washington on Friday, D.C. police said.");
    REQUIRE(dc.where.division != no_place);
    CHECK(g.name(dc.where.division) == "District of Columbia");
    const auto state = read(r, "Two men were shot in Seattle on Friday. Washington has seen more shootings this year.");
    REQUIRE(state.where.division != no_place);
    CHECK(g.name(state.where.division) == "Washington");
}

TEST_CASE_METHOD(fixture_reader, "two streets named together, a square, a township are no towns", "[world][places]") {
    CHECK(read(r, "Two men were shot near Toledo and Pine avenues late on Friday.").where.country == no_place);
    CHECK(read(r, "A crowd had gathered in Toledo Square when shots rang out.").where.country == no_place);
    CHECK(read(r, "Two men were shot in Toledo Township late on Friday.").where.country == no_place);
    const auto overlay = aleppo_overlay();
    const auto township = extract_with_world(g, overlay, "LEBANON, Pa. \xE2\x80\x94 Two men were killed in Toledo Township on Friday.");
    REQUIRE(township.size() == 1);
    CHECK(township[0].place == "Toledo Township");
    CHECK(township[0].governorate == "Pennsylvania");
    const auto streets = extract_with_world(g, overlay, "LEBANON, Pa. \xE2\x80\x94 Two men were killed near Toledo and Pine streets on Friday.");
    REQUIRE(streets.size() == 1);
    CHECK(streets[0].place == "LEBANON");
}

TEST_CASE_METHOD(fixture_reader, "a surname with an age after it is a person's though a city bears it", "[world][places]") {
    // Toledo is a city of 150,000 people; "Marcus Toledo, 19," is a man
    const auto story = read(r, "Police arrested Marcus Toledo, 19, in Springfield, Ohio. Toledo was held on Friday.");
    extract::word w;
    w.lower = "toledo";
    CHECK(story.where.person_word(w));
    CHECK(story.where.why.find("Toledo named") == std::string::npos);
}

TEST_CASE_METHOD(fixture_reader, "a name many towns share is the one near where the article is written from", "[world][places]") {
    // Centerville, Pennsylvania lies 35 km from McKeesport; Centerville, Ohio 375 km off.
    const auto us = g.country_of_code("US");
    const auto mckeesport = registry::entry_entity(g.best(g.find("mckeesport")));
    const auto centerville = r.nearest(r.group_of("Centerville"), mckeesport);
    REQUIRE(centerville != no_place);
    CHECK(r.key_of(registry::entry_entity(centerville)) == "us/pennsylvania/washington-county/centerville");
    // none within reach of Toledo (Centerville, Ohio is 230 km away)
    CHECK(r.nearest(r.group_of("Centerville"), registry::entry_entity(g.best(g.find("toledo")))) == no_place);
    // a report filed from McKeesport whose votes went to Ohio: the town near McKeesport,
    // not the article division's far one
    extract::article_place where;
    where.country = us;
    where.division = registry::entry_entity(g.best(g.find("ohio")));
    where.near = mckeesport;
    const auto settled = r.settle(r.group_of("Centerville"), "Centerville", extract::place_evidence::locative, no_place, where);
    REQUIRE(settled.entity != no_place);
    CHECK(r.key_of(settled.entity) == "us/pennsylvania/washington-county/centerville");
    CHECK(settled.why.find("near McKeesport") != std::string::npos);
    // the dateline's town is where the article is written from
    const auto dated = read(r, "MCKEESPORT, Pa. (KDKA) \xE2\x80\x94 Two men were shot on Friday.");
    CHECK(dated.where.near == mckeesport);
}

TEST_CASE("a name's first word is found written out or shortened", "[world][build]") {
    // GeoNames writes "Saint Marys"; news write "St. Marys" as often
    const auto g = loaded(fixture_index());
    const auto full = g.find(registry::world_key("Saint Marys"));
    const auto brief = g.find(registry::world_key("St. Marys"));
    REQUIRE(full != no_place);
    REQUIRE(brief != no_place);
    CHECK(registry::entry_entity(g.best(full)) == registry::entry_entity(g.best(brief)));
    CHECK(registry::entry_form(g.best(brief)) == registry::name_form::official);
    // the place keeps its own name
    CHECK(g.name(registry::entry_entity(g.best(brief))) == "Saint Marys");
}

TEST_CASE("a saint's name with a possessive before a hospital's words is a building", "[world][places]") {
    const std::string text = "She was taken to St. Joseph's Regional Medical Center.";
    const auto lower = extract::lower_case_of(text);
    const auto ws = extract::words_of(text, {0, text.size()}, lower);
    std::size_t regional = 0;
    for (std::size_t i = 0; i < ws.size(); ++i)
        if (ws[i].lower == "regional") regional = i;
    REQUIRE(regional > 0);
    CHECK(extract::name_goes_on(text, ws, regional));
}

TEST_CASE_METHOD(fixture_reader, "a United States network's name before a place is an affiliate in the United States", "[world][places]") {
    // "fox" + a name: an affiliate, so the United States, and never a city abroad of that name
    const auto abroad = r.host_home("foxbeirut.com");
    CHECK(g.code(abroad.call_sign_country) == "US");
    CHECK(abroad.place == no_place);
    const auto home = r.host_home("nbctoledo.com");
    REQUIRE(home.place != no_place);
    CHECK(r.key_of(home.place) == "us/ohio/lucas-county/toledo");
}

// ---- session 8 ---------------------------------------------------------------------

TEST_CASE("a place outside the article's division named in passing is not the figure's", "[world][places]") {
    const auto g = loaded(fixture_index());
    const auto overlay = aleppo_overlay();
    // "a Kansas City man": his home town, not where the Pennsylvania shooting was
    const auto passing = extract_with_world(g, overlay,
                                            "MCKEESPORT, Pa. (KDKA) \xE2\x80\x94 A Kansas City man was killed on Friday night.");
    REQUIRE(passing.size() == 1);
    CHECK(passing[0].place_key == "us/pennsylvania/allegheny-county/mckeesport");
    // "in Kansas City" says where it happened
    const auto in = extract_with_world(g, overlay,
                                       "MCKEESPORT, Pa. (KDKA) \xE2\x80\x94 A man was killed in Kansas City on Friday night.");
    REQUIRE(in.size() == 1);
    CHECK(in[0].place_key == "us/missouri/jackson-county/kansas-city");
    // inside the article's division a town named in passing is still the figure's
    const auto home = extract_with_world(g, overlay,
                                         "PITTSBURGH, Pa. (KDKA) \xE2\x80\x94 A Lebanon man was killed on Friday night, Pennsylvania police said.");
    REQUIRE(home.size() == 1);
    CHECK(home[0].governorate == "Pennsylvania");
}

TEST_CASE_METHOD(fixture_reader, "the Democratic Republic of the Congo is not the Republic of the Congo", "[world][places]") {
    // five words: not the last four, another country's name
    const auto drc = read(r, "Gunmen killed nine villagers in the Democratic Republic of the Congo on Sunday, officials said.");
    CHECK(country_read(g, drc) == "CD");
    const auto brief = read(r, "Gunmen killed nine villagers in DR Congo on Sunday, officials said.");
    CHECK(country_read(g, brief) == "CD");
    const auto other = read(r, "Gunmen killed nine villagers in the Republic of the Congo on Sunday, officials said.");
    CHECK(country_read(g, other) == "CG");
    // the figure of a report filed from Goma keeps Goma when its sentence names only the country
    const auto overlay = aleppo_overlay();
    const auto goma = extract_with_world(g, overlay,
                                         "GOMA (Reuters) - Rebels killed 12 civilians in eastern Democratic Republic of the Congo on Sunday.");
    REQUIRE(goma.size() == 1);
    CHECK(goma[0].country == "CD");
    CHECK(goma[0].place_key == "cd/north-kivu/goma");
    // a town named after "in" elsewhere is not so sure: the country alone
    const auto later = extract_with_world(g, overlay,
                                          "Rebels killed 12 civilians in eastern Democratic Republic of the Congo on Sunday. "
                                          "Officials in Goma said the army had left.");
    REQUIRE(later.size() == 1);
    CHECK(later[0].country == "CD");
    CHECK(later[0].place.empty());
}

TEST_CASE_METHOD(fixture_reader, "a country's name joined to a longer name by 'de' is not the country", "[world][places]") {
    // a favela of Rio named after a country is no evidence of that country
    const auto rio = read(r, "RIO DE JANEIRO (Reuters) - Police killed 8 men in a raid on the Vila de Israel favelas, officials said.");
    CHECK(country_read(g, rio) == "BR");
    CHECK(rio.where.why.find("Israel") == std::string::npos);
    CHECK(rio.where.why.find("abroad") == std::string::npos);
    const auto words = words_of("a raid on the Vila de Israel favelas and in Israel");
    CHECK(extract::after_name_connector(words.words, index_of(words, "israel")));
    CHECK_FALSE(extract::after_name_connector(words.words, words.words.size() - 1));
    // a name of several words joined by "de" is read whole in a sentence: Rio de Janeiro, not Rio Bonito
    const auto overlay = aleppo_overlay();
    const auto figure = extract_with_world(g, overlay,
                                           "Police said 8 men were killed in a raid in the north of Rio de Janeiro on Thursday.");
    REQUIRE(figure.size() == 1);
    CHECK(figure[0].place == "Rio de Janeiro");
    CHECK(figure[0].country == "BR");
    CHECK(figure[0].governorate == "Rio de Janeiro");
}

TEST_CASE("a village the body names is where it happened, not the dateline's town", "[world][places]") {
    const auto g = loaded(fixture_index());
    const auto overlay = aleppo_overlay();
    // the figure's sentence names no place; the body's one village no gazetteer knows
    const auto ye = extract_with_world(g, overlay,
                                       "SANAA: Three people were killed on Monday, officials said. Gunmen had attacked "
                                       "Bani Qarwash village before dawn.");
    REQUIRE(ye.size() == 1);
    CHECK(ye[0].place == "Bani Qarwash");
    CHECK(ye[0].country == "YE");
    CHECK(ye[0].place_key == "ye/sanaa/bani-qarwash");
    // a county named with the figure holds the village
    const auto pa = extract_with_world(g, overlay,
                                       "MCKEESPORT, Pa. (KDKA) \xE2\x80\x94 Two men were killed in Allegheny County on Friday. "
                                       "The shots were fired in the village of Glenmoor Heights.");
    REQUIRE(pa.size() == 1);
    CHECK(pa[0].place == "Glenmoor Heights");
    CHECK(pa[0].place_key == "us/pennsylvania/allegheny-county/glenmoor-heights");
    // two villages: the body does not say which, the dateline's town stands
    const auto two = extract_with_world(g, overlay,
                                        "SANAA: Three people were killed on Monday, officials said. Gunmen had attacked "
                                        "Bani Qarwash village and Wadi Zahr village before dawn.");
    REQUIRE(two.size() == 1);
    CHECK(two[0].place == "SANAA");
}

// ---- session 9 ---------------------------------------------------------------------

TEST_CASE_METHOD(fixture_reader, "a county of another division called by its bare name is not taken", "[world][places]") {
    const auto pa = read(r, "MCKEESPORT, Pa. (KDKA) \xE2\x80\x94 Two men were shot on Friday night.");
    REQUIRE(pa.where.division != no_place);
    REQUIRE(g.name(pa.where.division) == "Pennsylvania");
    // "Jackson" of a Pennsylvania report is a person, not Jackson County, Missouri
    const auto bare = r.settle(r.group_of("Jackson"), "Jackson", extract::place_evidence::locative, no_place, pa.where);
    CHECK(bare.entity == no_place);
    CHECK(bare.why == "no place 'Jackson' in Pennsylvania (the article's division); a county elsewhere named without 'County' is not taken");
    // written with "County", or next to its state, it is the county
    const auto county = r.settle(r.group_of("Jackson County"), "Jackson County", extract::place_evidence::locative, no_place, pa.where);
    REQUIRE(county.entity != no_place);
    CHECK(r.key_of(county.entity) == "us/missouri/jackson-county");
    const auto missouri = registry::entry_entity(g.best_area(g.find("missouri")));
    CHECK(r.settle(r.group_of("Jackson"), "Jackson", extract::place_evidence::qualified, missouri, pa.where).entity != no_place);
    // in an article of its own division the bare name is still the county
    const auto mo = read(r, "A man was shot in Kansas City on Friday, Missouri police said.");
    REQUIRE(mo.where.division != no_place);
    REQUIRE(g.name(mo.where.division) == "Missouri");
    const auto home = r.settle(r.group_of("Jackson"), "Jackson", extract::place_evidence::locative, no_place, mo.where);
    REQUIRE(home.entity != no_place);
    CHECK(r.key_of(home.entity) == "us/missouri/jackson-county");
}

TEST_CASE_METHOD(fixture_reader, "a dateline's last part after its county is the state", "[world][places]") {
    const auto pa = read(r, "MCKEESPORT, ALLEGHENY COUNTY, Pa. -- Two men were shot on Friday night.");
    REQUIRE(pa.where.main != no_place);
    CHECK(r.key_of(pa.where.main) == "us/pennsylvania/allegheny-county/mckeesport");
    CHECK(pa.where.why.find("dateline 'MCKEESPORT'") != std::string::npos);
    // a date after the country is not a part: "SANAA, Yemen, May 14 (Reuters) -"
    const auto ye = read(r, "SANAA, Yemen, May 14 (Reuters) - An air strike killed 12 people, officials said.");
    REQUIRE(ye.where.main != no_place);
    CHECK(g.name(ye.where.main) == "Sanaa");
    CHECK(g.code(ye.where.country) == "YE");
}

TEST_CASE_METHOD(fixture_reader, "a town's own police, sheriff or mayor says its name is a town", "[world][places]") {
    // McKeesport, 19,453 people, the only town of its name: before "police" it is a town
    const auto police = read(r, "McKeesport police said two men were shot on Friday night.");
    CHECK(country_read(g, police) == "US");
    REQUIRE(police.where.division != no_place);
    CHECK(g.name(police.where.division) == "Pennsylvania");
    // alone, a small town's name says nothing: capitalised words are often only words
    const auto alone = read(r, "Two McKeesport men were shot on Friday night.");
    CHECK(country_read(g, alone).empty());
    const auto words = words_of("the McKeesport Police Department and McKeesport Avenue");
    CHECK(extract::town_body_after(words.text, words.words, index_of(words, "mckeesport") + 1));
    CHECK_FALSE(extract::town_body_after(words.text, words.words, words.words.size() - 1));
}

TEST_CASE_METHOD(fixture_reader, "a bureau's dateline over an event named in another country is not where it happened", "[world][places]") {
    // filed from Beirut, the strike was in Sanaa: a city of one country only
    const auto abroad = read(r, "BEIRUT (Reuters) - An air strike killed five people in Sanaa on Monday, officials said.");
    CHECK(country_read(g, abroad) == "YE");
    CHECK(abroad.where.why.find("the dateline is abroad") != std::string::npos);
    REQUIRE(abroad.where.main != no_place);
    CHECK(g.name(abroad.where.main) == "Sanaa");
    // a town the dateline's country has too, or a name several countries share, is no such evidence
    const auto home = read(r, "BEIRUT (Reuters) - An air strike killed five people in Beirut on Monday, officials said.");
    CHECK(country_read(g, home) == "LB");
    const auto shared = read(r, "BEIRUT (Reuters) - A man from Springfield was killed in Springfield on Monday, officials said.");
    CHECK(country_read(g, shared) == "LB");
    CHECK(shared.where.why.find("abroad") == std::string::npos);
}

TEST_CASE_METHOD(fixture_reader, "small towns named without 'in' choose a division only when nothing else does", "[world][places]") {
    // a call sign gives the country; Centerville (Ohio, 23,000; Pennsylvania, 3,000) the division
    const auto faint = read(r, "Police said two Centerville men were shot on Friday night.", "", "wral.com");
    CHECK(country_read(g, faint) == "US");
    REQUIRE(faint.where.division != no_place);
    CHECK(g.name(faint.where.division) == "Ohio");
    CHECK(faint.where.faint_division);
    CHECK(faint.where.why.find("only towns named without 'in' say so") != std::string::npos);
    // a state named decides, however small its towns
    const auto named = read(r, "Police said two Centerville men were shot on Friday night, Pennsylvania troopers said.", "", "wral.com");
    REQUIRE(named.where.division != no_place);
    CHECK(g.name(named.where.division) == "Pennsylvania");
    CHECK_FALSE(named.where.faint_division);
    // and without a country they say nothing
    const auto none = read(r, "Police said two Centerville men were shot on Friday night.");
    CHECK(none.where.country == no_place);
    CHECK(none.where.division == no_place);
}

// ---- session 10 --------------------------------------------------------------------

namespace {

// The claims of `text` read with the fixture index and an overlay of another country.
std::vector<claim> extract_in_fixture(const registry::world_gazetteer& g, std::string text) {
    diagnostics d;
    const auto overlay = registry::parse_places("country: SY\ngovernorates:\n  - name: Aleppo\n", "o.yaml", d);
    REQUIRE(d.errors() == 0);
    return extract_with_world(g, overlay, std::move(text));
}

}  // namespace

TEST_CASE("a town after a hospital's name is where the wounded were taken", "[world][places]") {
    const auto taken = words_of("He was taken to a hospital in Toledo and later to Mercy Medical Center in Springfield.");
    CHECK(extract::care_place_at(taken.words, index_of(taken, "toledo")));
    CHECK(extract::care_place_at(taken.words, index_of(taken, "springfield")));
    // a community centre is a place where things happen; a bare "in" is the event's
    const auto other = words_of("Shots were fired at the community center in Toledo and in Springfield.");
    CHECK_FALSE(extract::care_place_at(other.words, index_of(other, "toledo")));
    CHECK_FALSE(extract::care_place_at(other.words, index_of(other, "springfield")));
}

TEST_CASE_METHOD(fixture_reader, "a hospital's town is not the article's main place", "[world][places]") {
    const auto x = read(r, "Two men were taken to a hospital in Toledo after they were shot in Centerville on Friday, Ohio police said.");
    REQUIRE(x.where.division != no_place);
    CHECK(g.name(x.where.division) == "Ohio");
    REQUIRE(x.where.main != no_place);
    CHECK(g.name(x.where.main) == "Centerville");
    // named alone, it is still the only town the article gives
    const auto alone = read(r, "Two men were taken to a hospital in Toledo on Friday, Ohio police said.");
    REQUIRE(alone.where.main != no_place);
    CHECK(g.name(alone.where.main) == "Toledo");
}

TEST_CASE("a figure whose sentence names only a hospital's town takes the article's main place", "[world][places]") {
    const auto g = loaded(fixture_index());
    const auto cs = extract_in_fixture(g,
                                       "CENTERVILLE, Ohio \xE2\x80\x94 Police were called to a party on Friday night.\n\n"
                                       "Officers said a gunman opened fire there. The music stopped. The crowd ran.\n\n"
                                       "Three men were wounded and taken to Kettering Medical Center in Toledo, where one of them died.");
    REQUIRE_FALSE(cs.empty());
    for (const auto& c : cs) {
        INFO(c.value_text << " " << c.place);
        CHECK(c.place == "CENTERVILLE");
        CHECK(c.governorate == "Ohio");
    }
}

TEST_CASE("a place written with a possessive is named without it", "[world][places]") {
    const auto g = loaded(fixture_index());
    // the article's main place, named only in a possessive
    const auto cs = extract_in_fixture(g,
                                       "Toledo's police chief spoke on Friday about the party.\n\nNo one was arrested. The street was closed. "
                                       "The music stopped.\n\nFour people were shot, Ohio officials said.");
    REQUIRE_FALSE(cs.empty());
    CHECK(cs[0].place == "Toledo");
    CHECK(cs[0].place_key == "us/ohio/lucas-county/toledo");
}

TEST_CASE_METHOD(fixture_reader, "a section of a city lies in that city", "[world][places]") {
    const auto westport = registry::entry_entity(g.best(g.find("westport")));
    const auto kansas_city = registry::entry_entity(g.best(g.find("kansas-city")));
    REQUIRE(g.entity(westport).feature == registry::world_feature::section);
    CHECK(r.city_of_section(westport) == kansas_city);
    CHECK(r.city_of_section(kansas_city) == no_place);  // a town is no section
}

TEST_CASE("a figure in a section of a city is placed in the city, under the section's own key", "[world][places]") {
    const auto g = loaded(fixture_index());
    const auto cs = extract_in_fixture(g, "Two men were killed in Westport on Friday night, Missouri police said.");
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].place == "Kansas City");
    CHECK(cs[0].governorate == "Missouri");
    // the key stays the section's, beside the city's: two sections of a city are two places
    CHECK(cs[0].place_key == "us/missouri/jackson-county/westport");
    // written as a district, it is an area of its own
    const auto district = extract_in_fixture(g, "Two men were killed in the Westport district on Friday night, Missouri police said.");
    REQUIRE(district.size() == 1);
    CHECK(district[0].place == "Westport");
}

TEST_CASE_METHOD(fixture_reader, "a city's section is found by its name and the city", "[world][places]") {
    const auto westport = registry::entry_entity(g.best(g.find("westport")));
    const auto kansas_city = registry::entry_entity(g.best(g.find("kansas-city")));
    CHECK(r.section_named(g.find("westport"), kansas_city) == westport);
    CHECK(r.section_named(g.find("westport"), westport) == no_place);  // a section holds no section
    CHECK(r.section_named(g.find("kansas-city"), kansas_city) == no_place);  // a town is no section
    CHECK(r.section_named(no_place, kansas_city) == no_place);
}

TEST_CASE("a section written as a neighbourhood of its city has the key it has written alone", "[world][places]") {
    // issue 15/18: "the X neighborhood" of a city gave "city/x" while "in X" gave the section's key
    const auto g = loaded(fixture_index());
    const auto alone = extract_in_fixture(g, "Two men were killed in Westport on Friday night, Kansas City police said.");
    const auto sub = extract_in_fixture(g, "Two men were killed in the Westport neighborhood on Friday night, Kansas City police said.");
    const auto of_city = extract_in_fixture(g, "Two men were killed in the Westport neighborhood of Kansas City on Friday night.");
    const auto unknown = extract_in_fixture(g, "Two men were killed in the Quillmore neighborhood on Friday night, Kansas City police said.");
    REQUIRE(alone.size() == 1);
    REQUIRE(sub.size() == 1);
    REQUIRE(of_city.size() == 1);
    REQUIRE(unknown.size() == 1);
    CHECK(alone[0].place_key == "us/missouri/jackson-county/westport");
    CHECK(sub[0].place_key == alone[0].place_key);
    CHECK(of_city[0].place_key == alone[0].place_key);
    CHECK(sub[0].place == "Kansas City");
    // a neighbourhood no gazetteer knows still ends the city's key
    CHECK(unknown[0].place_key == "us/missouri/jackson-county/kansas-city/quillmore");
}

// ---- session 10, places9: small towns abroad named without their country ----------

TEST_CASE("a country the article has only small towns of loses to one it has a city of", "[world][places]") {
    const auto g = loaded(fixture_index());
    // a town of 60,000 people abroad named twice after "in" (a namesake of a neighbourhood
    // the gazetteer lacks) and a city of the article's own country named once
    const auto cs = extract_in_fixture(g,
                                       "Two men were shot dead in Zalaegerszeg on Sunday night.\n\nA third man was hurt in "
                                       "Zalaegerszeg an hour later, Seattle police said.");
    REQUIRE_FALSE(cs.empty());
    for (const auto& c : cs) {
        CHECK(c.country == "US");
        CHECK(c.governorate == "Washington");
        CHECK(c.place == "Seattle");
    }
}

TEST_CASE("a country named alone does not take the article from its small towns", "[world][places]") {
    const auto g = loaded(fixture_index());
    // "from Spain" is where a victim came from, not a place of the article: the Hungarian
    // town stays, as do a Yemeni and a Brazilian one with nothing else named
    const auto hu = extract_in_fixture(g, "Two men were shot dead in Zalaegerszeg on Sunday night. One of them had come from Spain. "
                                          "Shops in Zalaegerszeg closed early.");
    REQUIRE_FALSE(hu.empty());
    CHECK(hu[0].country == "HU");
    CHECK(hu[0].place == "Zalaegerszeg");
    const auto br = extract_in_fixture(g, "Three people were killed in Rio Bonito on Monday, police said.");
    REQUIRE_FALSE(br.empty());
    CHECK(br[0].country == "BR");
    CHECK(br[0].place == "Rio Bonito");
}

// ---- session 11, places10: frequent English words as place names ------------------

TEST_CASE("a name that is a frequent English word is flagged in the index", "[world]") {
    const auto g = loaded(fixture_index());
    const auto buy = g.find("buy");
    REQUIRE(buy != no_place);
    CHECK(g.common_word(buy));
    REQUIRE(g.find("springfield") != no_place);
    CHECK_FALSE(g.common_word(g.find("springfield")));
    // an index built without word lists flags nothing
    auto in = fixture_inputs();
    in.common_words.clear();
    diagnostics d;
    registry::world_build_stats stats;
    const auto bare = loaded(registry::build_world_index(in, d, stats));
    CHECK(stats.common_words == 0);
    CHECK_FALSE(bare.common_word(bare.find("buy")));
}

TEST_CASE("a word list that is not a JSON array of words is a located error", "[world][bad-input]") {
    const std::string path = std::string(RECKON_TEST_OUTPUT_DIR) + "/common-words-bad.json";
    {
        std::ofstream out(path);
        out << "{\"words\": 1}";
    }
    auto in = fixture_inputs();
    in.common_words = {path};
    diagnostics d;
    registry::world_build_stats stats;
    CHECK(registry::build_world_index(in, d, stats).empty());
    REQUIRE(d.errors() == 1);
    CHECK(d.items()[0].file == path);
}

TEST_CASE("a town named by a frequent English word needs words saying it is a place", "[world][places]") {
    const auto g = loaded(fixture_index());
    // "Buy" opening a sentence is the word, not the Spanish town, however often it is written
    const auto credit = extract_in_fixture(g, "Buy tickets here, a sign read.\n\nTwo men were shot dead on Sunday night.\n\n"
                                              "Buy tickets there, another read.");
    REQUIRE_FALSE(credit.empty());
    for (const auto& c : credit) {
        CHECK(c.country != "ES");
        CHECK(c.place != "Buy");
    }
    // after "in" it is the town
    const auto town = extract_in_fixture(g, "Two men were shot dead in Buy on Sunday night, police said.");
    REQUIRE_FALSE(town.empty());
    CHECK(town[0].country == "ES");
    CHECK(town[0].place == "Buy");
    // in a line of capitals "in" says nothing: "IN BUY" is no evidence
    const auto caps = extract_in_fixture(g, "TWO MEN SHOT DEAD IN BUY\n\nTwo men were shot dead on Sunday night.");
    REQUIRE_FALSE(caps.empty());
    for (const auto& c : caps) CHECK(c.country != "ES");
    // a town of the article's own division keeps its name alone ("Mobile police" of an Alabama report)
    const auto home = extract_in_fixture(g, "Pennsylvania state troopers were called on Sunday.\n\nTwo men were wounded on Main "
                                            "Street, Harmony police said.");
    REQUIRE(home.size() == 1);
    CHECK(home[0].governorate == "Pennsylvania");
    CHECK(home[0].place == "Harmony");
}

TEST_CASE_METHOD(fixture_reader, "a day's abbreviation before a month is not a place", "[world][places]") {
    // a page's time stamp ("Mon Mar 09") twice, and nothing else: no country
    const auto stamp = read(r, "Two men were shot dead on Sunday night.\n\n(Mon Mar 09 08:15:00 2015)\n\n(Mon Mar 09 09:40:00 2015)");
    CHECK(country_read(g, stamp).empty());
    // the town of that name after "in" is still read
    const auto town = read(r, "Two men were shot dead in Mon on Sunday night.");
    CHECK(country_read(g, town) == "AU");
}
