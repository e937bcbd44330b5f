// Sources read anywhere (docs/sources.md): bodies qualified by a country or a local
// name, named people quoted with a role, and no Syrian default, on the shipped registry.
#include <catch2/catch.hpp>

#include "extract/extract.hpp"
#include "extract/source_reading.hpp"
#include "registry/registry.hpp"
#include "world_fixture.hpp"

using namespace reckon;

namespace {

const registry::source_registry& shipped() {
    static const registry::source_registry reg = [] {
        diagnostics d;
        auto r = registry::load_sources(RECKON_SOURCE_DIR "/rules/sources.yaml", d);
        REQUIRE(d.errors() == 0);
        return r;
    }();
    return reg;
}

const extract::source_reader& reader() {
    static const extract::source_reader r(shipped());
    return r;
}

// What `r` finds in one sentence, as "name/type" for an article about `country`.
std::vector<std::string> read_with(const extract::source_reader& r, const std::string& text, const registry::country* country) {
    const std::string lower = extract::lower_case_of(text);
    const auto ws = extract::words_of(text, {0, text.size()}, lower);
    // people first: a body inside a person's role ("police spokesman Musa Garba") is theirs
    std::vector<extract::read_source> found;
    r.people(text, ws, {}, found);
    std::vector<std::pair<std::size_t, std::size_t>> taken;
    for (const auto& f : found) taken.emplace_back(f.wb, f.we);
    r.bodies(text, ws, taken, found);
    std::vector<std::string> out;
    for (const auto& f : found) out.push_back(r.name_of(f, country) + "/" + r.type_of(f));
    std::sort(out.begin(), out.end());
    return out;
}

// What the reader finds in one sentence for an article about `country` (a registry name).
std::vector<std::string> read(const std::string& text, const char* country = nullptr) {
    return read_with(reader(), text, country ? shipped().find_country(country) : nullptr);
}

using names = std::vector<std::string>;

// The shipped registry over the test world gazetteer (Australia, Hungary and Spain have no
// pack in the registry; the US, Yemen, Syria and Lebanon have one).
const registry::world_gazetteer& world() {
    static const registry::world_gazetteer w = test::world_fixture();
    return w;
}

const extract::source_reader& world_reader() {
    static const extract::source_reader r(shipped(), &world());
    return r;
}

// As read(), with the world reader, for an article of the country of ISO code `code`.
std::vector<std::string> read_world(const std::string& text, const char* code = nullptr) {
    return read_with(world_reader(), text, code ? world_reader().country_of_code(code) : nullptr);
}

// One article through extraction with the shipped registry: "source/type" per claim.
std::vector<std::string> sources_of(const std::string& text, const std::string& outlet = "Reuters") {
    article a;
    a.id = "t";
    a.text = text;
    a.body = {0, a.text.size()};
    a.published = date::of_day(2024, 5, 14);
    a.outlet = outlet;
    extract::extract_context ctx;
    ctx.sources = &shipped();
    diagnostics d;
    std::vector<std::string> out;
    for (const auto& c : extract::extract_claims(a, ctx, d)) out.push_back(c.source + "/" + c.source_type);
    return out;
}

}  // namespace

TEST_CASE("a body takes the country written with it", "[sources][world]") {
    CHECK(read("Iraq's health ministry raised the toll.") == names{"Iraq Health Ministry/health_ministry"});
    CHECK(read("Iraqi police said nine people died.") == names{"Iraq Police/police"});
    CHECK(read("the Somali army said 47 militants were killed") == names{"Somalia Army/army"});
    // the Syrian pack names Syria's police after its ministry; the type is what was read
    CHECK(read("Syrian police said") == names{"Syrian Interior Ministry/police"});
    CHECK(read("the Iraqi army said") == names{"Iraqi military/army"});
    CHECK(read("killed eight people, the Ukrainian army's southern command said") == names{"Ukraine Army/army"});
}

TEST_CASE("an unqualified body is the article's country's, else stays generic", "[sources][world]") {
    CHECK(read("police said two men were found dead", "US") == names{"US Police/police"});
    CHECK(read("police said two men were found dead", "Syria") == names{"Syrian Interior Ministry/police"});
    CHECK(read("police said two men were found dead") == names{"Police/police"});
    CHECK(read("the health ministry said", "Yemen") == names{"Yemen Health Ministry/health_ministry"});
    CHECK(read("state media reported", "Syria") == names{"SANA/state_media"});
    CHECK(read("state media reported", "Russia") == names{"Russia state media/state_media"});
}

TEST_CASE("a local name before a body makes a local body", "[sources][world]") {
    CHECK(read("Two people died, Homestead police said.", "US") == names{"Homestead Police Department/police"});
    CHECK(read("the Memphis Police Department said", "US") == names{"Memphis Police Department/police"});
    CHECK(read("The Cuyahoga County Medical Examiner's Office identified the men", "US") ==
          names{"Cuyahoga County Medical Examiner/coroner"});
    CHECK(read("The Shelby County coroner said", "US") == names{"Shelby County Coroner/coroner"});
    CHECK(read("Doctors at Al-Thawra Hospital said 18 were admitted") == names{"Al-Thawra Hospital/hospital"});
    CHECK(read("Mirwais Regional Hospital said 50 wounded people had been brought in") ==
          names{"Mirwais Regional Hospital/hospital"});
    // no name: no hospital source; a day or a sentence opener is not a name
    CHECK(read("they were taken to the hospital").empty());
    CHECK(read("On Saturday police said", "US") == names{"US Police/police"});
    CHECK(read("Earlier, police said", "Iraq") == names{"Iraq Police/police"});
}

TEST_CASE("a named person quoted is a source of the type their role names", "[sources][world]") {
    CHECK(read("killed seven people, said Ahmed al-Hamzi, a health official in the city.") ==
          names{"Ahmed al-Hamzi/official"});
    CHECK(read("two others were wounded, sheriff's Sgt. Carla Brennan said.") == names{"Carla Brennan/sheriff"});
    CHECK(read("killed 23 villagers on Tuesday, police spokesman Musa Garba said.") ==
          names{"Musa Garba/police"});
    CHECK(read("killed 46 people, a Taliban government spokesman, Abdul Wali Karimi, said.") ==
          names{"Abdul Wali Karimi/official"});
    CHECK(read("A Houthi military spokesman, Yahya Saree, said 14 fighters had been killed") ==
          names{"Yahya Saree/rebel_group"});
    CHECK(read("killing two women, said Serhiy Marchenko, head of the regional military administration.") ==
          names{"Serhiy Marchenko/official"});
    // a role that is a listed source speaks for it
    CHECK(read("killing three children said media activist Yaarab Dali.") == names{"Activists/local_media"});
    // a name without a role, or one word, is no source
    CHECK(read("Carla Brennan was at the scene.").empty());
    CHECK(read("said Brennan, a sergeant.").empty());
}

TEST_CASE("extraction names world sources and never a Syrian one on another country's report", "[sources][world]") {
    CHECK(sources_of("SANAA, May 14 (Reuters) - Air strikes on a market in Saada killed at least 12 people, "
                     "the health ministry in Sanaa said.") == names{"Yemen Health Ministry (Houthi-run)/health_ministry"});
    CHECK(sources_of("MOSUL, Iraq (Reuters) - A car bomb killed nine people, Iraqi police said.") ==
          names{"Iraq Police/police"});
    CHECK(sources_of("LAKE CHARLES, La. (KPLC) - Two men were found shot dead, police said.", "KPLC") ==
          names{"US Police/police"});
    CHECK(sources_of("Two men were found shot dead, police said.", "KPLC") == names{"Police/police"});
    CHECK(sources_of("DAMASCUS - Two people were killed in Aleppo, police said.", "sana") ==
          names{"Syrian Interior Ministry/police"});
    // unattributed: the outlet given, with its type
    CHECK(sources_of("Militants killed 14 soldiers near Makhmour since August. Kurdistan 24 covered it.", "Rudaw") ==
          names{"Rudaw/local_media"});
    CHECK(sources_of("Five people in all have been killed in Austin this month.", "kxan.com") ==
          names{"kxan.com/local_media"});
    // "he added" after a named person is that person
    CHECK(sources_of("A drone killed two women, said Serhiy Marchenko, head of the regional military administration. "
                     "Four people were injured, he added.",
                     "Ukrainska Pravda") == names{"Serhiy Marchenko/official", "Serhiy Marchenko/official"});
}

TEST_CASE("who the speaker cites, coordinated speakers, anaphora and officials of a country", "[sources][world]") {
    // the cited source gave the figure; the speaker relays it
    CHECK(sources_of("Turkeys state-run Ananolu Agency reported 15 deaths citing a statement from Istanbul-based "
                     "Syrian Revolution General Commission.",
                     "dailysabah") == names{"SRGC/monitor"});
    // "a monitor and rebels said": the first of the two
    CHECK(sources_of("Thirty civilians were killed on Saturday in air strikes on a town a monitor and rebels said.",
                     "asharqalawsat") == names{"SOHR/monitor"});
    // "the ministry said" is the ministry named before
    CHECK(sources_of("Shelling killed five civilians on Wednesday, according to the Houthi-run health ministry. "
                     "The ministry said eight other people were wounded.",
                     "AP") == names{"Yemen Health Ministry (Houthi-run)/health_ministry",
                                    "Yemen Health Ministry (Houthi-run)/health_ministry"});
    // an official of a country whose government the registry lists speaks for it; "he" too
    CHECK(sources_of("Ercan Topaca the Governor of Hatay a Turkish province told Anadolu Agency that four people "
                     "injured in the blast are being treated. He added that four other victims had died.",
                     "trt") == names{"Turkish government/government", "Turkish government/government"});
    // a role that is a listed source: the person speaks for it
    CHECK(sources_of("\"A warplane killed three children and wounded five others\" said media activist Yaarab Dali.",
                     "alaraby") == names{"Activists/local_media", "Activists/local_media"});
}

TEST_CASE("every country the world gazetteer knows qualifies a body, not only the registry's packs", "[sources][world]") {
    // a country without a pack: its body is made from the gazetteer's name
    CHECK(read_world("police said two men were found dead", "AU") == names{"Australia Police/police"});
    CHECK(read_world("the health ministry said", "HU") == names{"Hungary Health Ministry/health_ministry"});
    // written next to the body, possessive or not, with a curly apostrophe too
    CHECK(read_world("Hungary's army said", "US") == names{"Hungary Army/army"});
    CHECK(read_world("Spain\u2019s National Police said") == names{"Spain Police/police"});
    CHECK(read_world("Australia's National Police said") == names{"Australia Police/police"});
    // a pack wins over the gazetteer's made country
    CHECK(read_world("police said two men were found dead", "SY") == names{"Syrian Interior Ministry/police"});
    CHECK(world_reader().country_of_code("US")->name == "US");
    CHECK(world_reader().country_of_code("AU")->name == "Australia");
    CHECK(world_reader().country_of_code("ZZ") == nullptr);
    // without the world gazetteer, such a country is no country: the body stays local
    CHECK(read("Hungary's army said") == names{"Army/army"});
    // a division's name before a body is a local name
    CHECK(read_world("Queensland police said", "AU") == names{"Queensland Police/police"});
}

TEST_CASE("a country written with several words qualifies a body", "[sources][world]") {
    CHECK(read("Burkina Faso's army said 40 attackers were killed") == names{"Burkina Faso Army/army"});
    CHECK(read("the Democratic Republic of Congo's army said") == names{"DR Congo Army/army"});
    CHECK(read("Saudi Arabia's defence ministry said") == names{"Saudi Arabia Defence Ministry/defence_ministry"});
}

TEST_CASE("the country a text names most counts the world's countries too", "[sources][world]") {
    // the registry's reading stands unless a country without a pack is written more often
    CHECK(world_reader().country_of_text("Hungary sent troops. Hungary's army and a Syrian envoy met.")->name ==
          "Hungary");
    CHECK(world_reader().country_of_text("Syrian forces and Hungary met in Syria.")->name == "Syria");
    CHECK(world_reader().country_of_text("Australia and Yemen") != nullptr);
    CHECK(world_reader().country_of_text("Two men were found dead in a car.") == nullptr);
    // a word in lower case is no country name
    CHECK(world_reader().country_of_text("spain and hungary") == nullptr);
}

TEST_CASE("an official named by role only speaks for the local officials", "[sources][world]") {
    CHECK(read("killed 15 people in the camp, the provincial governor said.") == names{"Local officials/official"});
    CHECK(read("killed 14 people, the state information minister said.") == names{"Local officials/official"});
    CHECK(read("the district commissioner told reporters") == names{"Local officials/official"});
    // a body among the modifiers is that body's
    CHECK(read("the state police commissioner said", "US") == names{"US Police/police"});
    // no report verb, or no determiner: nobody speaks
    CHECK(read("the governor visited the camp").empty());
    CHECK(read("Governor said").empty());
}

TEST_CASE("a ranked officer named before an apposition is the speaker", "[sources][world]") {
    CHECK(read("Police Lieutenant Colonel Ramon Dizon, the city police director, said two men were shot.") ==
          names{"Ramon Dizon/police"});
    // the body the apposition names is the person's when the role before the name names none
    CHECK(read("Officer Dana Whitlock, a spokeswoman for the Lakeview Police Department, said one man died.") ==
          names{"Dana Whitlock/police"});
    // an apposition with no verb after it: no person (its body is a mention, not a speaker)
    CHECK(read("Police Lieutenant Colonel Ramon Dizon, the city police director, visited the scene.") ==
          names{"Police/police", "Police/police"});
}

TEST_CASE("police commands are any country's police, and joined subjects speak together", "[sources][world]") {
    CHECK(read("the state police command said", "Nigeria") == names{"Nigeria Police/police"});
    CHECK(read("the Police Command said", "Syria") == names{"Syrian Interior Ministry/police"});
    // "X and Y said": the first named speaks, however long the second
    CHECK(sources_of("Air strikes killed 11 villagers in the region, residents and a local resistance group said.",
                     "Frontier Post") == names{"Local sources/witness"});
    CHECK(sources_of("At least 40 people were killed in shelling on the town, health workers and residents have "
                     "told the BBC.",
                     "BBC") == names{"Medical sources/hospital"});
    // the reach starts again after the joined source
    CHECK(sources_of("A gas attack killed at least 58 people in the province, a war monitor and medical workers in "
                     "the rebel-held area said.",
                     "Reuters") == names{"SOHR/monitor"});
}

TEST_CASE("an organisation named as written and quoted is a source of the type its words say", "[sources][world]") {
    CHECK(read("Floods killed at least 30 people in the city, the Emergency Medicine Centre said.") ==
          names{"Emergency Medicine Centre/civil_defence"});
    CHECK(read("according to the State Emergency Operations Centre, 12 people died") ==
          names{"State Emergency Operations Centre/civil_defence"});
    // a body's own form inside is read as that body
    CHECK(read("according to the National Disaster Management Agency, 12 people died") ==
          names{"Civil Defence/civil_defence"});
    CHECK(read("the Provincial Health Office said nine were admitted") ==
          names{"Provincial Health Office/health_ministry"});
    CHECK(read("the Red Sea Medicine Institute said") == names{"Red Sea Medicine Institute/hospital"});
    CHECK(read("the Regional Human Rights Commission said") == names{"Regional Human Rights Commission/ngo"});
    CHECK(read("the Tana River Peace Committee said") == names{"Tana River Peace Committee/official"});
    // not quoted, one word, or a body of its own: not read here
    CHECK(read("the Emergency Medicine Centre was full").empty());
    CHECK(read("the Office said").empty());
    CHECK(read("the Memphis Police Department said", "US") == names{"Memphis Police Department/police"});
    // right after a named source, the name is that source's
    CHECK(sources_of("The U.N. Security Council said that forces killed 1300 people.") == names{"UN/un_agency"});
}

TEST_CASE("fire services, civil protection, mayors' offices, commissioners and named armed groups", "[sources][world]") {
    CHECK(read("Floods killed 22 people, civil protection said.", "Italy") == names{"Civil Defence/civil_defence"});
    CHECK(read("The fire service said three people died.", "Iraq") == names{"Iraq Fire Service/civil_defence"});
    CHECK(read("the Lakeview Fire Department said", "US") == names{"Lakeview Fire Department/civil_defence"});
    CHECK(read("killed 13 people in a bar, the mayor's office said.") == names{"Local officials/official"});
    CHECK(read("near the town, the county commissioner, Joseph Kamau, said.") == names{"Joseph Kamau/official"});
    // an army named by words that name no country is an armed group, as written
    CHECK(read("a spokesman for the Arakan Army said") == names{"Arakan Army/rebel_group"});
    CHECK(read("the Kachin Independence Army said") == names{"Kachin Independence Army/rebel_group"});
    CHECK(read("the Somali Army said") == names{"Somalia Army/army"});
}

TEST_CASE("extraction over the world gazetteer names the bodies of a country without a pack", "[sources][world]") {
    const auto run = [](const std::string& text, const std::string& outlet) {
        article a;
        a.id = "t";
        a.text = text;
        a.body = {0, a.text.size()};
        a.published = date::of_day(2024, 5, 14);
        a.outlet = outlet;
        extract::extract_context ctx;
        ctx.sources = &shipped();
        ctx.world = &world();
        diagnostics d;
        std::vector<std::string> out;
        for (const auto& c : extract::extract_claims(a, ctx, d)) out.push_back(c.source + "/" + c.source_type + "/" + c.country);
        return out;
    };
    CHECK(run("ZALAEGERSZEG, Hungary (Reuters) - Two men were found dead in a flat, police said.", "Reuters") ==
          names{"Hungary Police/police/HU"});
    // a wire's home (AP: the US) is no evidence of where its report is
    CHECK(run("An air strike on a flat in Beirut killed three people, the health ministry said.", "AP") ==
          names{"Lebanon Health Ministry/health_ministry/LB"});
}

TEST_CASE("health officials, organisations named after their country, statements a source issued", "[sources][world]") {
    CHECK(read("Two children died in the shelling, health officials said.", "Yemen") ==
          names{"Yemen Health Ministry/health_ministry"});
    CHECK(read("Palestinian health officials said") == names{"Gaza Health Ministry/health_ministry"});
    CHECK(read("A spokesperson for the Ethiopian Human Rights Commission said 12 people were killed.") ==
          names{"Ethiopian Human Rights Commission/ngo"});
    CHECK(sources_of("At least nine people were killed, according to a statement from the Somali army.", "AFP") ==
          names{"Somalia Army/army"});
    CHECK(sources_of("At least nine people were killed, according to figures released by the health ministry.", "AFP") ==
          names{"Health Ministry/health_ministry"});
}

TEST_CASE("a head of state's office is a government source, not the wire that relays it", "[sources][world]") {
    CHECK(read("A bomb killed 12 people at a market, the presidency said in a statement.", "Afghanistan") ==
          names{"Afghanistan Presidency/government"});
    CHECK(read("the presidential office said", "Nigeria") == names{"Nigeria Presidency/government"});
    CHECK(sources_of("Five people were killed, according to a statement from the Afghan presidency, AFP reported.", "AFP") ==
          names{"Afghanistan Presidency/government"});
    // in Syria the presidency is the Syrian government's voice
    CHECK(read("the presidency said", "Syria") == names{"Syrian government/government"});
}
