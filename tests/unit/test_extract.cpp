// Extraction semantics: input sentences -> claims (outcome, category, bounds, source,
// date, parent, kind), odd text that must never crash, and linear time.
#include <catch2/catch.hpp>
#include <chrono>

#include "extract/extract.hpp"
#include "model/claim_id.hpp"
#include "registry/registry.hpp"

using namespace reckon;

namespace {

struct fixture {
    diagnostics diags;
    registry::source_registry sources = registry::load_sources(RECKON_TEST_DATA "/extract/sources.yaml", diags);
    registry::gazetteer places = registry::load_places(RECKON_TEST_DATA "/extract/places.yaml", diags);
};

const fixture& registries() {
    static const fixture f;
    return f;
}

article make(std::string text, date published = date::of_day(2018, 11, 14), std::string outlet = "") {
    article a;
    a.id = "t";
    a.text = std::move(text);
    a.body = {0, a.text.size()};
    a.published = published;
    a.outlet = std::move(outlet);
    return a;
}

std::vector<claim> run(const article& a, std::vector<extract::rejection>* rejected = nullptr) {
    extract::extract_context ctx;
    ctx.sources = &registries().sources;
    ctx.places = &registries().places;
    ctx.rejected = rejected;
    diagnostics d;
    return extract::extract_claims(a, ctx, d);
}

std::string bounds(const claim& c) {
    return "[" + (c.low ? std::to_string(*c.low) : std::string("null")) + "," +
           (c.high ? std::to_string(*c.high) : std::string("null")) + "]";
}

// One line per claim: outcome category bounds source date kind
std::string summary(const std::vector<claim>& cs) {
    std::string out;
    for (const auto& c : cs) {
        if (!out.empty()) out += " | ";
        out += std::string(to_string(c.outcome)) + " " + c.category + (c.side.empty() ? "" : "(" + c.side + ")") + " " +
               bounds(c) + " " + c.source + " " + (c.event_date.known() ? c.event_date.iso() : "-") + " " +
               std::string(to_string(c.kind));
    }
    return out;
}

}  // namespace

TEST_CASE("the registries used by these tests load without errors", "[extract]") {
    CHECK(registries().diags.errors() == 0);
    CHECK(registries().sources.find("SOHR") != nullptr);
}

TEST_CASE("sentences to claims", "[extract]") {
    struct row {
        const char* text;
        const char* expected;
    };
    // article date: Wednesday 2018-11-14, no outlet
    const row rows[] = {
        {"At least 14 civilians were killed on Saturday in air strikes, a monitor said.",
         "killed civilians [14,null] SOHR 2018-11-10 incident"},
        {"Air strikes killed 38 people on Sunday, the Syrian Observatory for Human Rights said.",
         "killed people [38,38] SOHR 2018-11-11 incident"},
        {"More than 30 civilians were wounded yesterday, state news agency SANA reported.",
         "injured civilians [31,null] SANA 2018-11-13 incident"},
        {"Five people are missing after the raid on Monday.", "missing people [5,5]  2018-11-12 incident"},
        {"The strike left dozens of pro-regime fighters dead last month.",
         "killed fighters(regime) [null,null]  2018-10 incident"},
        {"According to SANA, up to 25 people died in February.", "killed people [0,25] SANA 2018-02 incident"},
        {"The death toll rose to 112 on Tuesday.", "killed people [112,112]  2018-11-13 incident"},
        {"Syria's war has killed more than 360,000 people since it started in 2011.",
         "killed people [360001,null]  - cumulative"},
        {"The coalition estimates that 2,000 IS militants remain in the Hajin pocket.", ""},
        {"Some 5000 people were evacuated on Friday.", ""},
        {"The children, under the age of 18, returned in 2014.", ""},
        {"The bread now costs 200 pounds, up 15 percent since May 22.", ""},
        {"It was the 3 time in 24 hours.", ""},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        CHECK(summary(run(make(r.text))) == r.expected);
    }
}

TEST_CASE("breakdowns link to their parent and inherit an open upper bound", "[extract]") {
    const auto cs = run(make("Air strikes killed at least 23 civilians including 10 children in a village on Tuesday, "
                             "the Syrian Observatory for Human Rights said."));
    REQUIRE(cs.size() == 2);
    CHECK(cs[1].parent == cs[0].id);
    CHECK(cs[1].category == "children");
    CHECK(bounds(cs[1]) == "[10,null]");
    CHECK(cs[1].source == "SOHR");
    CHECK(cs[0].event_date.iso() == "2018-11-13");
}

TEST_CASE("a breakdown across sentences and a sum of parts", "[extract]") {
    const auto cs = run(make(
        "Last Sunday the coalition carried out strikes that killed 28 people, the monitor said.\n"
        "\"On Tuesday, 22 bodies of civilians were retrieved including nine children, as well as the remains of six other "
        "people not yet identified,\" AFP quoted the observatory chief Rami Abdel Rahman as saying.",
        date::of_day(2018, 11, 18)));
    REQUIRE(cs.size() == 4);
    CHECK(summary(cs) ==
          "killed people [28,28] SOHR 2018-11-11 incident | killed civilians [22,22] SOHR 2018-11-11 incident | "
          "killed children [9,9] SOHR 2018-11-11 incident | killed people [6,6] SOHR 2018-11-11 incident");
    CHECK(cs[1].parent == cs[0].id);  // 22 + 6 = 28
    CHECK(cs[2].parent == cs[1].id);  // nine of the 22
    CHECK(cs[3].parent == cs[0].id);
    CHECK(cs[1].relay == std::vector<std::string>{"AFP"});
}

TEST_CASE("attribution: the speaker nearest before the figure, relays after it", "[extract]") {
    const auto cs = run(make("Seventeen children were among the family members killed in Abu Hassan village, the so-called "
                             "Syrian Observatory for Human Rights said, AFP reported. The Britain-based monitor reported at "
                             "least 36 people killed, with local media reporting upwards of 40.",
                             date::of_day(2018, 11, 18), "Press TV"));
    REQUIRE(cs.size() == 3);
    CHECK(cs[0].source == "SOHR");
    CHECK(cs[0].relay == std::vector<std::string>{"AFP", "Press TV"});
    CHECK(cs[0].place == "Abu Hassan");
    CHECK(cs[0].governorate == "Deir ez-Zor");
    CHECK(cs[1].source == "SOHR");
    CHECK(cs[2].source == "local media");
    CHECK(bounds(cs[2]) == "[41,null]");
    CHECK(cs[2].category == "people");
}

TEST_CASE("unattributed figures belong to the outlet", "[extract]") {
    const auto cs = run(make("Two people were killed in Douma on Friday.", date::of_day(2017, 4, 5), "reuters"));
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].source == "Reuters");
    CHECK(cs[0].place_key == "douma");
    CHECK(cs[0].governorate == "Rif Dimashq");
    CHECK(cs[0].event_date.iso() == "2017-03-31");
}

TEST_CASE("places resolve through variants and transliteration", "[extract]") {
    const auto cs = run(make("In February, air raids killed 25 civilians in the village of Shaafah in Deir Ezzor province."));
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].place == "Shaafah");
    CHECK(cs[0].place_key == "shaafa");
    CHECK(cs[0].governorate == "Deir ez-Zor");
    CHECK(cs[0].event_date.iso() == "2018-02");
    CHECK(cs[0].event_date.precision == date_precision::month);
    const auto unknown = run(make("Shelling killed 4 civilians in the village of Kafr Zita on Sunday."));
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].place == "Kafr Zita");
    CHECK(unknown[0].place_key == "kafr-zita");
}

TEST_CASE("the means of attack: the figure's sentence, the one before, else the article's opening", "[extract]") {
    const auto attack_of = [](const std::string& text) {
        const auto cs = run(make(text));
        REQUIRE(cs.size() == 1);
        return cs[0].attack;
    };
    CHECK(attack_of("Air strikes killed 12 civilians in Douma on Friday.") == "air strike");
    CHECK(attack_of("Regime helicopters dropped barrel bombs, killing 12 civilians in Douma.") == "air strike");
    CHECK(attack_of("Russian warplanes killed 12 civilians in Douma on Friday.") == "air strike");
    CHECK(attack_of("Artillery fire killed 12 civilians in Douma on Friday.") == "shelling");
    CHECK(attack_of("Rebel rockets killed 12 civilians in Douma on Friday.") == "shelling");
    CHECK(attack_of("A car bomb killed 12 civilians in Douma on Friday.") == "bombing");
    CHECK(attack_of("A suicide attack killed 12 civilians in Douma on Friday.") == "bombing");
    CHECK(attack_of("Fierce clashes killed 12 fighters in Douma on Friday.") == "clashes");
    // "car" and "air" alone are not a means; "bombing" alone is said of all of them
    CHECK(attack_of("A car hit 12 civilians in Douma on Friday, killing them.").empty());
    CHECK(attack_of("The bombing killed 12 civilians in Douma on Friday.").empty());
    CHECK(attack_of("12 civilians were killed in Douma on Friday.").empty());
    // the first means the sentence names decides
    CHECK(attack_of("Shelling after air strikes killed 12 civilians in Douma on Friday.") == "shelling");
    // the sentence before
    CHECK(attack_of("Air strikes hit Douma on Friday. They killed 12 civilians.") == "air strike");
    // the article's opening, for a figure further down that names none
    const auto cs = run(make("A car bomb exploded in Douma on Friday.\n\nResidents fled the area.\n\n"
                             "Shops were closed.\n\nThe toll rose to 12 dead, activists said.",
                             date::of_day(2018, 5, 1)));
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].attack == "bombing");
    // but not from further down than the opening
    const auto late = run(make("Residents fled Douma on Friday.\n\nShops were closed.\n\nSchools were shut.\n\n"
                               "A car bomb exploded.\n\nMarkets emptied.\n\nThe toll rose to 12 dead, activists said.",
                               date::of_day(2018, 5, 1)));
    REQUIRE(late.size() == 1);
    CHECK(late[0].attack.empty());
}

TEST_CASE("the actor: who struck, not who died", "[extract]") {
    const auto actor_of = [](const std::string& text) {
        const auto cs = run(make(text));
        REQUIRE(cs.size() == 1);
        return cs[0].actor;
    };
    CHECK(actor_of("Russian warplanes killed 12 civilians in Douma on Friday.") == "Russia");
    CHECK(actor_of("Shelling by rebels killed 12 civilians in Douma on Friday.") == "rebels");
    CHECK(actor_of("12 civilians were killed by IS in Douma on Friday.") == "IS");
    CHECK(actor_of("A car bomb by the Islamic State killed 12 civilians in Douma on Friday.") == "IS");
    CHECK(actor_of("Artillery fire by the SDF killed 12 civilians in Douma on Friday.") == "SDF");
    // the dead are named like actors: a count before the name says they are the victims
    CHECK(actor_of("5 government troops were killed in Douma on Friday.").empty());
    CHECK(actor_of("Five government troops were killed in Douma on Friday.").empty());
    // "is" the verb, and opposition activists who report, strike nobody
    CHECK(actor_of("The toll is 12 dead in Douma on Friday, as said by opposition activists.").empty());
}

TEST_CASE("a headline inside the body keeps no date or place of the story", "[extract]") {
    const auto cs = run(make("Air strikes killed at least 23 civilians in the village of Al-Qasr on Tuesday.\n\n"
                             "Missiles kill 26 pro-regime fighters in Syria including Iranians: monitor\n\n"
                             "The monitor relies on sources on the ground.",
                             date::of_day(2018, 5, 1)));
    REQUIRE(cs.size() == 2);
    CHECK(cs[1].headline);
    CHECK_FALSE(cs[1].event_date.known());
    CHECK(cs[1].place.empty());
    CHECK(cs[1].source == "SOHR");
    CHECK(cs[1].category == "fighters");
    CHECK(cs[1].side == "regime");
}

TEST_CASE("claim ids: the article, the sentence and the figure's place in it", "[extract][claim_id]") {
    const auto a = make("Air strikes killed 38 people on Sunday and wounded 12 others.");
    const auto first = run(a);
    const auto second = run(a);
    REQUIRE(first.size() == 2);
    // The hash is pinned: another hash would detach every decision written with these ids.
    CHECK(sentence_hash("Air strikes killed 38 people on Sunday and wounded 12 others.") == 0x560792a5u);
    CHECK(first[0].id == "t@s560792a5.0");
    CHECK(first[1].id == "t@s560792a5.1");
    CHECK(first[0].span.of(a.text) == "38");
    CHECK(offset_claim_id(first[0]) == "t@19");
    CHECK(second[0].id == first[0].id);
    CHECK(second[1].id == first[1].id);
    CHECK(first[0].sentence.of(a.text) == a.text);
}

TEST_CASE("editing an earlier paragraph keeps a claim's id, editing its sentence changes it", "[extract][claim_id]") {
    const std::string story = "Air strikes killed 38 people in Idlib on Sunday, the Observatory said.\n\n"
                              "A second raid on Monday killed 12 civilians.";
    const auto before = make("The town was calm.\n\n" + story);
    const auto after = make("The town, home to 2 million people, had been calm for months. Shops had reopened.\n\n" + story);
    const auto x = run(before), y = run(after);
    REQUIRE(x.size() == 2);
    REQUIRE(y.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(x[i].span.of(before.text) == y[i].span.of(after.text));
        CHECK(x[i].id == y[i].id);
        CHECK(offset_claim_id(x[i]) != offset_claim_id(y[i]));  // what older ids did
    }
    // blanks and case inside the sentence do not count; its words do
    const auto reflowed = make("The town was calm.\n\nAir strikes  killed 38 people in Idlib on sunday, the Observatory said.");
    REQUIRE_FALSE(run(reflowed).empty());
    CHECK(run(reflowed)[0].id == x[0].id);
    const auto edited = make("The town was calm.\n\nAir strikes killed 38 people in Idlib late on Sunday, the Observatory said.");
    REQUIRE_FALSE(run(edited).empty());
    CHECK(run(edited)[0].id != x[0].id);
}

TEST_CASE("a sentence repeated in an article gives each copy's figures their own stable ids", "[extract][claim_id]") {
    const std::string repeated = "Air strikes killed 38 people in Idlib on Sunday.";
    const auto a = make(repeated + "\n\nRescuers searched the rubble.\n\n" + repeated);
    const auto b = make("Updated.\n\n" + repeated + "\n\nRescuers searched the rubble for hours.\n\n" + repeated);
    const auto x = run(a), y = run(b);
    REQUIRE(x.size() == 2);
    REQUIRE(y.size() == 2);
    const std::string anchor = sentence_anchor(sentence_hash(repeated), 1);
    CHECK(x[0].id == "t@" + anchor + ".0");
    CHECK(x[1].id == "t@" + anchor + "-2.0");
    CHECK(y[0].id == x[0].id);
    CHECK(y[1].id == x[1].id);
}

TEST_CASE("older offset ids still find their claim", "[extract][claim_id]") {
    CHECK(is_offset_claim_id("004_e7699034f6b04b7f@1179"));
    CHECK(is_offset_claim_id("mail@example.org@0"));
    CHECK_FALSE(is_offset_claim_id("004_e7699034f6b04b7f@s71cd3ab5.0"));
    CHECK_FALSE(is_offset_claim_id("004_e7699034f6b04b7f@"));
    CHECK_FALSE(is_offset_claim_id("no-at-sign"));
    CHECK(article_of_claim_id("mail@example.org@s71cd3ab5.0") == "mail@example.org");
    CHECK(article_of_claim_id("no-at-sign") == "no-at-sign");

    const auto a = make("The town was calm.\n\nAir strikes killed 38 people on Sunday and wounded 12 others.");
    const auto cs = run(a);
    REQUIRE(cs.size() == 2);
    const claim_finder finder(cs.size(), [&cs](std::size_t i) -> const claim& { return cs[i]; });
    const auto current = finder.find(cs[1].id);
    REQUIRE(current);
    CHECK(current->index == 1);
    CHECK_FALSE(current->by_offset);
    const auto old = finder.find("t@" + std::to_string(cs[1].span.begin));
    REQUIRE(old);
    CHECK(old->index == 1);
    CHECK(old->by_offset);
    CHECK_FALSE(finder.find("t@" + std::to_string(cs[1].span.begin + 1)));  // no figure starts there
    CHECK_FALSE(finder.find("u@" + std::to_string(cs[1].span.begin)));      // another article
    CHECK_FALSE(finder.find("t@s00000000.0"));
}

TEST_CASE("rejected numbers are listed with a reason", "[extract]") {
    std::vector<extract::rejection> rejected;
    run(make("Soldiers walk past damaged buildings in Damascus, Syria May 22, 20188. The coalition estimates that 2,000 IS "
             "militants remain in the pocket; 5 children under the age of 18 were killed."),
        &rejected);
    std::vector<std::string> texts;
    for (const auto& r : rejected) texts.push_back(r.text + ": " + r.reason);
    CHECK(std::find(texts.begin(), texts.end(), "22: a date") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "18: an age") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(),
                    "2,000 IS militants: no casualty outcome (killed, injured, missing) near the figure") != texts.end());
}

TEST_CASE("odd text never crashes", "[extract][odd]") {
    CHECK(run(make("")).empty());
    CHECK(run(make("   \n\n  ")).empty());
    CHECK(run(make("no sentences here just words and 12")).empty());
    // 1 MB without a full stop
    std::string long_text;
    while (long_text.size() < (1u << 20)) long_text += "killed 3 people and ";
    const auto many = run(make(long_text));
    CHECK(many.size() == long_text.size() / 20);
    // 30-digit numbers: rejected with a diagnostic
    article big = make("Air strikes killed 123456789012345678901234567890 people on Sunday.");
    extract::extract_context ctx;
    diagnostics d;
    std::vector<extract::rejection> rejected;
    ctx.rejected = &rejected;
    CHECK(extract::extract_claims(big, ctx, d).empty());
    REQUIRE(d.warnings() == 1);
    CHECK(d.items()[0].message.find("is too large to be a casualty count") != std::string::npos);
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0].reason == "number too large to be a count");
    // invalid UTF-8 remnants after repair: U+FFFD next to figures
    const auto repaired = run(make("\xEF\xBF\xBD" "14 civilians were killed \xEF\xBF\xBD\xEF\xBF\xBD on Sunday\xEF\xBF\xBD."));
    REQUIRE(repaired.size() == 1);
    CHECK(bounds(repaired[0]) == "[14,14]");
    // no registries at all
    CHECK(extract::extract_claims(make("38 people were killed."), extract::extract_context{}, d).size() == 1);
    // a figure at the very end of the text, and unknown dates
    CHECK(run(make("killed 7", date{})).size() == 1);
}

TEST_CASE("a 10 MB article of number words and digits extracts in linear time", "[extract][linear]") {
    const std::string unit =
        "Fourteen civilians were killed and 38 people were wounded, at least twenty-two hundred 5,812 dozens of fighters died. ";
    auto build = [&](std::size_t bytes) {
        std::string s;
        while (s.size() < bytes) s += unit;
        return make(std::move(s));
    };
    const auto small = build(1u << 20);
    const auto large = build(10u << 20);
    const auto time = [&](const article& a, std::size_t& count) {
        const auto t0 = std::chrono::steady_clock::now();
        count = run(a).size();
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    std::size_t n_small = 0, n_large = 0;
    const double t_small = time(small, n_small);
    const double t_large = time(large, n_large);
    // four claims per unit: 14 civilians killed, 38 people wounded, "wounded, at least
    // twenty-two hundred" (2200, the verb right before it), dozens of fighters died;
    // 5,812 has no outcome of its own
    const std::size_t units_small = (small.text.size() + unit.size() - 1) / unit.size();
    const std::size_t units_large = (large.text.size() + unit.size() - 1) / unit.size();
    CHECK(n_small == 4 * units_small);
    CHECK(n_large == 4 * units_large);
    // ten times the text may take at most ~25 times as long (generous for noisy machines)
    INFO("1 MB: " << t_small << " s, 10 MB: " << t_large << " s");
    CHECK(t_large < 25 * t_small + 0.5);
}

TEST_CASE("random mixtures of figure words, punctuation and broken bytes never crash", "[extract][odd]") {
    static const char* const vocabulary[] = {
        "at least", "more than", "up to", "between", "and", "20", "5,812", "1,", ",000", "twenty-", "-two", "hundred",
        "a dozen", "dozens", "of", "people", "civilians", "were", "killed", "wounded", "including", "children", "said",
        "the", "Observatory", "SANA", "AFP", "reported", "on", "Sunday", "last", "month", "In", "February", "since",
        "2014", ".", ",", "\"", "\n", "\xE2\x80\x9C", "\xEF\xBF\xBD", "\xC3\xA9", "-", "'", ":", "village", "of",
        "Al-Shaafa", "Deir", "Ezzor", "province", "toll", "rose", "to", "99999999999999999999999", "0", "one", "he",
        "added", "its", "It", "Missiles kill 26 fighters: monitor\n", "(", ")", "two days after", "yesterday"};
    const std::size_t n = sizeof vocabulary / sizeof vocabulary[0];
    std::uint64_t state = 42;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(state >> 33);
    };
    std::size_t total = 0;
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const std::size_t words = next() % 200;
        for (std::size_t i = 0; i < words; ++i) {
            text += vocabulary[next() % n];
            if (next() % 4 != 0) text += ' ';
        }
        const auto claims = run(make(text, round % 3 == 0 ? date{} : date::of_day(2018, 11, 14)));
        for (const auto& c : claims) {
            CHECK(c.span.end <= text.size());
            CHECK(c.span.begin < c.span.end);
            CHECK(c.sentence.begin <= c.span.begin);
            CHECK(c.span.end <= c.sentence.end);
            if (c.low && c.high) CHECK(*c.low <= *c.high);
        }
        total += claims.size();
    }
    CHECK(total > 0);
}
