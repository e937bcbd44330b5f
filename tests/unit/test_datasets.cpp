// Event data sets read in as claims (exchange/datasets.hpp): the layout from the
// header, each row a small article whose figures point into its text, rows that cannot
// be read skipped with a located warning, and nothing dropped without a word.
#include <catch2/catch.hpp>

#include "exchange/datasets.hpp"
#include "world_fixture.hpp"

using namespace reckon;

namespace {

exchange::dataset_rows read(const std::string& csv, diagnostics& diags) {
    exchange::dataset_rows rows;
    registry::world_gazetteer world;  // empty: places as written
    exchange::read_dataset(csv, "test.csv", {&world, nullptr}, rows, diags);
    return rows;
}

const std::string ucdp_header = "id,date_start,date_end,where_description,adm_1,country,source_original,deaths_civilians,best,low,high\n";
const std::string acled_header = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,location,admin1,country,source,notes,fatalities\n";

}  // namespace

TEST_CASE("the layout is read from the header", "[datasets]") {
    CHECK(exchange::layout_of_header({"id", "date_start", "best"}) == exchange::dataset_layout::ucdp);
    CHECK(exchange::layout_of_header({"event_id_cnty", "event_date", "fatalities"}) == exchange::dataset_layout::acled);
    CHECK(exchange::layout_of_header({"id", "text"}) == exchange::dataset_layout::unknown);
}

TEST_CASE("a UCDP row is a figure with its interval, civilians as its breakdown, dates and place", "[datasets]") {
    diagnostics diags;
    const auto rows = read(ucdp_header + "77,2016-05-03,2016-05-04,Kafr Nubl town,Idlib governorate,Syria,SOHR,4,12,10,16\n", diags);
    REQUIRE(diags.errors() == 0);
    REQUIRE(rows.articles.size() == 1);
    const auto& a = rows.articles[0];
    CHECK(a.id == "ucdp:77");
    CHECK(a.outlet == "UCDP GED");
    CHECK(a.published == date::of_day(2016, 5, 4));
    REQUIRE(rows.extracted[0].claims.size() == 2);
    const auto& best = rows.extracted[0].claims[0];
    CHECK(best.id == "ucdp:77@" + std::to_string(best.span.begin));
    CHECK(best.span.of(a.text) == "10 to 16");  // the figure points at itself in the row's text
    CHECK(best.value_text == "10 to 16");
    CHECK(a.text.find("(best estimate 12)") != std::string::npos);
    CHECK(best.low == 10);
    CHECK(best.high == 16);
    CHECK(best.qualifier == qualifier::range);
    CHECK(best.category == "people");
    CHECK(best.source == "UCDP GED");
    CHECK(best.source_text == "UCDP GED, citing SOHR");
    CHECK(best.event_date.iso() == "2016-05-03/2016-05-04");
    CHECK(best.place == "Kafr Nubl");  // "town" is UCDP's word for the kind of place
    CHECK(best.governorate == "Idlib");
    const auto& civilians = rows.extracted[0].claims[1];
    CHECK(civilians.span.of(a.text) == "4");
    CHECK(civilians.category == "civilians");
    CHECK(civilians.parent == best.id);
    CHECK(civilians.relation.empty());  // all the event's civilian deaths: compared with others' civilians
}

TEST_CASE("an ACLED row: fatalities on its day, to its time precision, with the actor and means", "[datasets]") {
    diagnostics diags;
    const auto rows = read(acled_header +
                               "YEM1,12 May 2023,2,Explosions/Remote violence,Air/drone strike,Saudi coalition,Sadah,Sadah,Yemen,Saba,\"Strikes, 5 killed\",5\n"
                               "YEM2,2023-05-13,1,Protests,Peaceful protest,,Sanaa,Amanat al Asimah,Yemen,Saba,,0\n",
                           diags);
    REQUIRE(diags.errors() == 0);
    REQUIRE(rows.articles.size() == 2);
    REQUIRE(rows.extracted[0].claims.size() == 1);
    const auto& c = rows.extracted[0].claims[0];
    CHECK(c.low == 5);
    CHECK(c.high == 5);
    CHECK(c.event_date.iso() == "2023-05-09/2023-05-15");  // precision 2: the week around the day
    CHECK(c.attack == "air strike");
    CHECK(c.actor == "Saudi coalition");
    CHECK(c.source == "ACLED");
    CHECK(rows.articles[0].text.find("Notes: Strikes, 5 killed") != std::string::npos);
    // ACLED's 0 is "no toll reported": an article without figures, not a claim of none.
    CHECK(rows.articles[1].id == "acled:YEM2");
    CHECK(rows.extracted[1].claims.empty());
}

TEST_CASE("rows that cannot be read are skipped with a located warning", "[datasets]") {
    diagnostics diags;
    const auto rows = read(ucdp_header +
                               "1,2016-05-03,,Aleppo,Aleppo,Syria,,,many,,\n"
                               "2,someday,,Aleppo,Aleppo,Syria,,,3,,\n"
                               "3,2016-05-03,,Aleppo\n"
                               "4,2016-05-03,,Aleppo,Aleppo,Syria,,,3,,\n"
                               "4,2016-05-05,,Aleppo,Aleppo,Syria,,,7,,\n",
                           diags);
    CHECK(rows.rows == 5);
    CHECK(rows.skipped == 3);
    REQUIRE(rows.articles.size() == 2);
    CHECK(rows.articles[1].id == "ucdp:4#2");  // a repeated id is renamed, and said
    CHECK(rows.extracted[1].claims[0].id.rfind("ucdp:4#2@", 0) == 0);
    std::string all;
    for (const auto& d : diags.items()) all += d.file + ":" + std::to_string(d.line) + ": " + d.message + "\n";
    CHECK(all.find("test.csv:2: row 1: best 'many' is not a count; row skipped") != std::string::npos);
    CHECK(all.find("test.csv:3: row 2: no readable date_start/date_end") != std::string::npos);
    CHECK(all.find("test.csv:4: row 3: it has 4 fields, the header 11; row skipped") != std::string::npos);
    CHECK(all.find("id 'ucdp:4' is used twice") != std::string::npos);
}

TEST_CASE("a row without an id is named by its file and row, and so are its claims", "[datasets][bad-input]") {
    // Found by the dataset fuzz target: the article took the new name, its claims kept "ucdp:".
    diagnostics diags;
    const auto rows = read(ucdp_header + ",2016-05-03,,Aleppo,Aleppo,Syria,,,3,,\n", diags);
    REQUIRE(rows.articles.size() == 1);
    CHECK(rows.articles[0].id == "ucdp:test.csv:1");
    REQUIRE(rows.extracted[0].claims.size() == 1);
    CHECK(rows.extracted[0].claims[0].article == "ucdp:test.csv:1");
    CHECK(rows.extracted[0].claims[0].id.rfind("ucdp:test.csv:1@", 0) == 0);
}

TEST_CASE("bytes that are not UTF-8 are repaired and reported, as in a corpus file", "[datasets][bad-input]") {
    diagnostics diags;
    const auto rows = read(acled_header + "X1,2020-01-01,1,Battles,Armed clash,,Caf\xff,Aleppo,Syria,,,3\n", diags);
    REQUIRE(rows.articles.size() == 1);
    CHECK(rows.extracted[0].claims[0].place == "Caf\xEF\xBF\xBD");  // U+FFFD
    REQUIRE(diags.warnings() == 1);
    CHECK(diags.items()[0].name == "invalid-utf8");
    CHECK(diags.items()[0].line == 2);
}

TEST_CASE("a CSV in neither layout is an error that names the columns needed", "[datasets]") {
    diagnostics diags;
    const auto rows = read("unit_id,article_content\n1,text\n", diags);
    CHECK(rows.articles.empty());
    REQUIRE(diags.errors() == 1);
    CHECK(diags.items()[0].message == "neither a UCDP GED nor an ACLED header: 'unit_id,article_content'");
    CHECK(diags.items()[0].hint.find("event_id_cnty") != std::string::npos);
    diagnostics empty;
    read("", empty);
    CHECK(empty.errors() == 1);
}

// ---- with a world gazetteer (the fixture of tests/data/gazetteer) -----------------

TEST_CASE("rows are placed as the extractor places figures, within their division and country", "[datasets][world]") {
    const auto world = test::world_fixture();
    diagnostics diags;
    exchange::dataset_rows rows;
    exchange::read_dataset(acled_header +
                               "US1,2024-05-14,1,Violence against civilians,Attack,,Springfield,Ohio,United States,,,2\n"
                               "US2,2024-05-14,1,Violence against civilians,Attack,,McKeesport,Pennsylvania,United States,,,1\n"
                               "SY1,2024-05-14,1,Battles,Armed clash,,Nowhere Village,Aleppo,Syria,,,3\n",
                           "w.csv", {&world, nullptr}, rows, diags);
    REQUIRE(diags.errors() == 0);
    REQUIRE(rows.extracted.size() == 3);
    // Of three Springfields, Ohio's.
    CHECK(rows.extracted[0].claims[0].place_key == "us/ohio/clark-county/springfield");
    CHECK(rows.extracted[0].claims[0].country == "US");
    CHECK(rows.extracted[0].claims[0].governorate == "Ohio");
    CHECK(rows.extracted[1].claims[0].place_key == "us/pennsylvania/allegheny-county/mckeesport");
    // A village the gazetteer lacks: kept as written (without the data set's word for
    // its kind), under the division found.
    CHECK(rows.extracted[2].claims[0].place == "Nowhere");
    CHECK(rows.extracted[2].claims[0].place_key == "sy/aleppo/nowhere");
    CHECK(rows.extracted[2].claims[0].country == "SY");
}

TEST_CASE("a place key is located: coordinates and second-level division", "[datasets][world]") {
    const auto world = test::world_fixture();
    const auto at = exchange::locate({&world, nullptr}, "us/ohio/clark-county/springfield");
    REQUIRE(at);
    REQUIRE(at->latitude);
    CHECK(*at->latitude == 39.92);
    CHECK(*at->longitude == -83.8);
    CHECK(at->adm_2 == "Clark County");
    CHECK(at->kind == registry::world_kind::place);
    // A division: no coordinates (GeoNames gives divisions none), its kind said.
    const auto ohio = exchange::locate({&world, nullptr}, "us/ohio");
    REQUIRE(ohio);
    CHECK_FALSE(ohio->latitude);
    CHECK(ohio->kind == registry::world_kind::division);
    // A path the gazetteer does not give back, or a place only written in the text: none.
    CHECK_FALSE(exchange::locate({&world, nullptr}, "us/pennsylvania/springfield"));
    CHECK_FALSE(exchange::locate({&world, nullptr}, "sy/aleppo/nowhere"));
    CHECK_FALSE(exchange::locate({&world, nullptr}, ""));
}
