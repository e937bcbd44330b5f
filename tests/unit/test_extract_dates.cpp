// Dates reader: the date a sentence names, against a fixed publication day.
#include <catch2/catch.hpp>

#include "extract/dates.hpp"
#include "extract/extract.hpp"
#include "registry/registry.hpp"
#include "extract_reader_fixture.hpp"

using namespace reckon;

namespace {

// The date sentence 0 names, ISO ("-" for none); published Wednesday 2018-11-14.
std::string own_date(const char* text) {
    test::reader_article a(text);
    const auto& si = a.read(0, extract::need_date);
    return si.own_date ? si.own_date->value.iso() : std::string("-");
}

// The event date date_of gives the figure written `number` in sentence s, ISO ("" when unknown).
std::string event_date_of(const char* text, const char* number, std::size_t s) {
    test::reader_article a(text);
    const auto* lf = a.figure(number);
    REQUIRE(lf != nullptr);
    a.read(s, extract::need_all);
    claim c;
    extract::date_of(a.context(), c, *lf, s);
    return c.event_date.known() ? c.event_date.iso() : std::string();
}

}  // namespace

TEST_CASE("dates: a sentence's own date against the publication day", "[extract][dates]") {
    struct row {
        const char* sentence;
        const char* expected;
    };
    const row rows[] = {
        {"Strikes killed 12 people on Tuesday.", "2018-11-13"},
        {"Strikes killed 12 people last Wednesday.", "2018-11-07"},
        {"Strikes killed 12 people yesterday.", "2018-11-13"},
        {"Strikes killed 12 people today.", "2018-11-14"},
        {"Strikes killed 12 people overnight.", "2018-11-13"},
        {"Strikes killed 12 people last month.", "2018-10"},
        {"Strikes killed 12 people this year.", "2018"},
        {"Strikes killed 12 people two days ago.", "2018-11-12"},
        {"Strikes killed 12 people on Nov 11.", "2018-11-11"},
        {"Strikes killed 12 people in December.", "2017-12"},
        {"Strikes killed 12 people in 2017.", "2017"},
        {"12 people were killed, the monitor said on Friday.", "-"},
        {"Strikes killed 12 people.", "-"},
        {"They may march on the town.", "-"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.sentence);
        CHECK(own_date(r.sentence) == r.expected);
    }
}

TEST_CASE("dates: sentences without a date word are not split for their date", "[extract][dates]") {
    const std::string with = "Strikes on Tuesday.", without = "Strikes killed 12 people.";
    CHECK(extract::may_hold_date(with, {0, with.size()}));
    CHECK_FALSE(extract::may_hold_date(without, {0, without.size()}));
}

TEST_CASE("dates: a claim without its own date takes the date of a sentence near it", "[extract][dates]") {
    test::reader_article a("Air strikes hit the town on Monday. Rescuers said 12 people were killed.");
    const auto* lf = a.figure("12");
    REQUIRE(lf != nullptr);
    a.read(1, extract::need_all);
    claim c;
    extract::date_of(a.context(), c, *lf, 1);
    CHECK(c.event_date.iso() == "2018-11-12");
}

TEST_CASE("dates: weekday, month and number words", "[extract][dates]") {
    CHECK(extract::weekday_index("monday") == 0);
    CHECK(extract::weekday_index("sunday") == 6);
    CHECK(extract::weekday_index("mondays") == -1);
    CHECK(extract::add_days(date::of_day(2018, 3, 1), -1).iso() == "2018-02-28");
}

TEST_CASE("dates: the forms of the date grammar in a sentence", "[extract][dates]") {
    // published Wednesday 2018-11-14
    const std::pair<const char*, const char*> rows[] = {
        {"Strikes killed 12 people on 11/02/2018.", "2018-11-02"},
        {"Strikes killed 12 people on 02.11.2018.", "2018-11-02"},
        {"Strikes killed 12 people last week.", "2018-11-05/2018-11-11"},
        {"Strikes killed 12 people over the past three days.", "2018-11-11/2018-11-14"},
        {"Tuesday's strike killed 12 people.", "2018-11-13"},
        {"Strikes killed 12 people on the fifth of November.", "2018-11-05"},
        {"Strikes killed 12 people in early October.", "2018-10"},
        {"Strikes killed 12 people last night.", "2018-11-13"},
        // the date that names the event comes first, not the day of the trial
        {"A court on Monday sentenced a man over the 2013 double homicide that killed two people.", "2013"},
        // a five-digit year spoils the date
        {"Syria May 22, 20188 photo of 12 people killed.", "-"},
    };
    for (const auto& [sentence, expected] : rows) {
        CAPTURE(sentence);
        CHECK(own_date(sentence) == expected);
    }
}

TEST_CASE("dates: a follow-up article dates its figures to the past event it names", "[extract][dates]") {
    test::reader_article a("A man was sentenced on Monday for the 2013 double homicide. The two victims were killed at their home.");
    a.read(1, extract::need_all);
    claim c;
    const auto* lf = a.figure("two");
    REQUIRE(lf != nullptr);
    extract::date_of(a.context(), c, *lf, 1);
    CHECK(c.event_date.iso() == "2013");
}

TEST_CASE("dates: a background date long before the article is not borrowed", "[extract][dates]") {
    test::reader_article a("The regime first used warplanes in July 2012. Strikes killed 15 people in the town.");
    const auto* lf = a.figure("15");
    REQUIRE(lf != nullptr);
    a.read(1, extract::need_all);
    claim c;
    extract::date_of(a.context(), c, *lf, 1);
    CHECK_FALSE(c.event_date.known());  // left to the publication window
}

TEST_CASE("dates: a list entry's date long before the article is no dateline", "[extract][dates]") {
    // published 2018-11-14: "Month Year:" at a paragraph's start opens an entry of a list of past attacks
    CHECK(own_date("March 1994: Six people were killed at a bakery.") == "1994-03");
    CHECK(own_date("June 2009: A gunman killed three people at a bus stop.") == "2009-06");
    // a dateline carries the day of the report: still not the event's date
    CHECK(own_date("ALEPPO, Nov 12 \xE2\x80\x94 Strikes killed 12 people.") == "-");
    CHECK(own_date("November 2018: Strikes killed 12 people.") == "-");
}

TEST_CASE("dates: a photo caption's date is not the event's", "[extract][dates]") {
    const char* captions[] = {
        "A picture taken on November 2 shows rubble in the square. Strikes killed 15 people in the town.",
        "Rescuers search the rubble in this handout photo provided by the civil defence on November 3. Strikes killed 15 people in the town.",
        "Photo: smoke rises over the town on November 5. Strikes killed 15 people in the town.",
    };
    for (const char* text : captions) {
        CAPTURE(text);
        CHECK(event_date_of(text, "15", 1).empty());  // left to the publication window
    }
    // a caption run into the story: the story's own day still dates it
    CHECK(own_date("In this photo taken on November 2 rescuers help a woman (AP photo) BEIRUT Air strikes killed 21 civilians Sunday.") ==
          "2018-11-11");
    CHECK(own_date("Rescuers carry a child in Aleppo on November 9 (Photo AFP) Shelling killed 15 people.") == "-");
    // a date told in the story still dates the figures after it
    CHECK(event_date_of("Air strikes hit the town on Monday. A photo shows the damage. Strikes killed 15 people in the town.", "15", 2) ==
          "2018-11-12");
}

TEST_CASE("dates: a page's stamp after the publication day is an update's, not the event's", "[extract][dates]") {
    // published Wednesday 2018-11-14: an update stamped later says when the page changed
    CHECK(own_date("4 shot, 1 dead in shooting Updated: Friday, November 16, 2018 11:47 AM") == "-");
    CHECK(own_date("Shooting leaves two dead Updated on November 20, 2018 Police said two men were killed.") == "-");
    CHECK(own_date("Shooting leaves two dead Published 12:06 PM, Nov 16, 2018 Two men were killed.") == "-");
    CHECK(own_date("Shooting leaves two dead Last modified at 9 AM Nov 16, 2018 Two men were killed on Saturday.") == "2018-11-10");
    // a figure under such a stamp takes the story's day, not the update's
    CHECK(event_date_of("Teen killed in shooting Updated: Friday, November 16, 2018. A teen was shot dead on Saturday night, police said. "
                        "Two others were hurt.",
                        "Two", 2) == "2018-11-10");
    // a stamp on the publication day says no more than the publication: read as before
    CHECK(own_date("Shooting leaves two dead Updated on November 14, 2018 Police said two men were killed.") == "2018-11-14");
    // a later date that no stamp introduces still reads (a plan, a hearing)
    CHECK(own_date("The two men killed will be buried on November 16, 2018.") == "2018-11-16");
}

TEST_CASE("dates: an undated figure gets the publication window", "[extract][dates]") {
    CHECK(extract::publication_window(date::of_day(2018, 11, 14)).iso() == "2018-11-11/2018-11-14");
    CHECK(extract::publication_window(date::of_day(2018, 11, 14)).precision == date_precision::period);
    CHECK(extract::publication_window(date::of_month(2018, 11)).iso() == "2018-11");
    CHECK_FALSE(extract::publication_window(date{}).known());
}

TEST_CASE("dates: night-time and two-day wording", "[extract][dates]") {
    // published Wednesday 2018-11-14. A night named by both its days is both (a period, which
    // same_span keeps apart from a daytime toll of either day); a night named by one word or
    // one day is that evening's day, as other sources date the same night.
    struct row {
        const char* sentence;
        const char* expected;
    };
    const row rows[] = {
        // a night named by both its days
        {"Strikes overnight Tuesday into Wednesday killed 12 people.", "2018-11-13/2018-11-14"},
        {"Strikes overnight Monday to Tuesday killed 12 people.", "2018-11-12/2018-11-13"},
        {"Strikes on Tuesday night into Wednesday killed 12 people.", "2018-11-13/2018-11-14"},
        {"Strikes in the night of Sunday to Monday killed 12 people.", "2018-11-11/2018-11-12"},
        // the night before the article: its eve
        {"Strikes killed 12 people overnight.", "2018-11-13"},
        {"More than a dozen air strikes were carried out overnight in the east of the city.", "2018-11-13"},
        {"Overnight shelling killed 12 people.", "2018-11-13"},
        {"Strikes killed 12 people last night.", "2018-11-13"},
        {"Strikes killed 12 people yesterday evening.", "2018-11-13"},
        // a night or hour named by one day: that day
        {"Strikes killed 12 people overnight Tuesday.", "2018-11-13"},
        {"Strikes killed 12 people late on Tuesday.", "2018-11-13"},
        {"Strikes killed 12 people late Monday.", "2018-11-12"},
        {"Strikes killed 12 people on Monday night.", "2018-11-12"},
        {"Strikes killed 12 people early Sunday.", "2018-11-11"},
        {"Strikes killed 12 people in the early hours of Friday.", "2018-11-09"},
        {"Strikes killed 12 people Saturday night.", "2018-11-10"},
        {"Strikes killed 12 people this morning.", "2018-11-14"},
        {"Strikes killed 12 people tonight.", "2018-11-14"},
        // negatives: days that are no night, a night that is no date, the day of a report
        {"Strikes killed 12 people from Tuesday to Thursday.", "2018-11-06/2018-11-08"},
        {"The night sky lit up as 12 people were killed.", "-"},
        {"Strikes killed 12 people, the monitor said overnight.", "-"},
        {"Strikes killed 12 people to the north.", "-"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.sentence);
        CHECK(own_date(r.sentence) == r.expected);
    }
}

TEST_CASE("dates: a figure after a night-time sentence takes the night's date, not the report's", "[extract][dates]") {
    CHECK(event_date_of("Air strikes pounded the east of the city overnight. Rescuers said on Wednesday that 13 people had been killed.",
                        "13", 1) == "2018-11-13");
    CHECK(event_date_of("Air strikes pounded the city overnight Tuesday into Wednesday. Rescuers said on Wednesday that 13 people had "
                        "been killed.",
                        "13", 1) == "2018-11-13/2018-11-14");
}

TEST_CASE("dates: a day attached to a statement dates the statement, not the event it tells of", "[extract][dates]") {
    // published Wednesday 2018-11-14. The day after a verb of saying or a statement's noun
    // (with "reporters", "at a news conference" and the like between) is the telling's.
    const char* statements[] = {
        "The two governments were trading conflicting assertions Tuesday about who fired the shells that killed 30 people.",
        "Ministers traded accusations on Tuesday over a raid that killed 30 villagers.",
        "The army denied on Tuesday that its drones carried out the strike that killed 30 people.",
        "The governor told reporters at a news conference on Tuesday that the blast killed 30 workers.",
        "The rebels insisted Tuesday that the bombing, which killed 30, was not theirs.",
        "In a tweet Tuesday the minister condemned the attack that left 30 dead.",
        "The ministry on Tuesday denied any role in the ambush that killed 30 soldiers.",
        "Police on Tuesday blamed the gang for the shooting that killed three men.",
    };
    for (const char* s : statements) {
        CAPTURE(s);
        CHECK(own_date(s) == "-");
    }
    // the event's own day in the subordinate clause still dates it (wire style: Nairobi,
    // Kabul, Lagos desks write the same sentence)
    CHECK(own_date("Officials said Tuesday that an attack on Monday killed 12 people.") == "2018-11-12");
    CHECK(own_date("The governor told AFP on Tuesday that gunmen killed 12 villagers on Sunday.") == "2018-11-11");
    CHECK(own_date("The group on Tuesday accused troops of killing 12 herders last Friday.") == "2018-11-09");
    // a day attached to the event, not the telling, is the event's
    CHECK(own_date("A car bomb on Tuesday claimed 12 lives, officials said.") == "2018-11-13");
    CHECK(own_date("Gunmen killed 12 villagers on Tuesday, the governor said in a statement.") == "2018-11-13");
    // the statement's day is not borrowed by the next sentence's figure either
    CHECK(event_date_of("Officials traded accusations Tuesday over the raid. The raid killed 14 people in the market.", "14", 1).empty());
}

TEST_CASE("dates: a caption credited to a wire dates the picture unless it shows the attack", "[extract][dates]") {
    const auto date_of_15 = [](const char* text) {
        diagnostics d;
        for (const auto& c : extract::extract_claims(test::article_of(text), test::test_registries().ctx, d))
            if (c.low == 15) return c.event_date.iso();
        return std::string("none");
    };
    // "... in the capital Tuesday November 13 2018. (AP)": a picture of the statements' day
    CHECK(date_of_15("The city counts its dead. The president greets his guest at the palace in Kabul Afghanistan on November 13 "
                     "2018. (AP) Strikes killed 15 people in the town.") == "2018-11-11/2018-11-14");
    CHECK(date_of_15("The city counts its dead. The president greets his guest at the palace in Kabul Afghanistan on November 13 "
                     "2018. Strikes killed 15 people in the town.") == "2018-11-13");  // without the credit: read as before
    // a caption of the attack's site has the attack's day
    CHECK(date_of_15("The city counts its dead. A man inspects the site of a car bomb attack in Kabul Afghanistan on November 12 "
                     "2018. (Agencies) The blast killed 15 people.") == "2018-11-12");
}

TEST_CASE("dates: an undated figure takes the day of the same toll told again in its article", "[extract][dates]") {
    const auto claims = [](const char* text) {
        diagnostics d;
        return extract::extract_claims(test::article_of(text), test::test_registries().ctx, d);
    };
    // (the later sentence is past the article's opening, so no other rule lends its day)
    const std::string filler = "The envoy spoke to reporters. Aid groups asked for access to the town. The talks went on. "
                               "The envoy spoke again. Aid groups asked again. The talks went on. The envoy left. "
                               "Aid groups waited. The talks went on. The envoy came back. Aid groups waited. The talks ended. ";
    // the toll in the statement's relative clause is the toll of the attack dated later
    const auto cs = claims(("The two governments were trading conflicting assertions Tuesday about who launched the attack "
                            "that killed 72 people. " + filler + "At least 72 people died in the attack on Monday.").c_str());
    REQUIRE(cs.size() == 2);
    CHECK(cs[0].event_date.iso() == "2018-11-12");
    CHECK(cs[1].event_date.iso() == "2018-11-12");
    // small tolls repeat by chance in a round-up: the window, not another figure's day
    const auto small = claims(("Officials traded accusations Tuesday over shelling that killed two people. " + filler +
                               "Two people died in a separate strike on Monday.").c_str());
    REQUIRE(small.size() == 2);
    CHECK(small[0].event_date.iso() == "2018-11-11/2018-11-14");
    CHECK(small[1].event_date.iso() == "2018-11-12");
}
