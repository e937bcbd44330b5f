// Outcomes reader: what happened to the people a figure counts and who they are.
#include <catch2/catch.hpp>

#include "extract/outcomes.hpp"
#include "extract_reader_fixture.hpp"

using namespace reckon;

namespace {

// The outcome find_outcome gives the figure written `number` ("none" for none).
std::string outcome_of(const char* sentence, const char* number, bool* combined = nullptr) {
    test::reader_article a(sentence);
    const auto* lf = a.figure(number);
    if (!lf) return "no figure";
    bool immediate = false, both = false, direct = false;
    std::size_t after_aux = 99;
    const auto o = extract::find_outcome(a.context(), *lf, a.context().sentence_infos[lf->sentence], immediate, both, after_aux, direct);
    if (combined) *combined = both;
    return o ? std::string(to_string(*o)) : std::string("none");
}

struct outcome_row {
    const char* sentence;
    const char* number;
    const char* outcome;
};

void check_outcomes(const std::vector<outcome_row>& rows) {
    for (const auto& r : rows) {
        CAPTURE(r.sentence);
        CHECK(outcome_of(r.sentence, r.number) == r.outcome);
    }
}

}  // namespace

TEST_CASE("outcomes: the outcome of a figure from the words around it", "[extract][outcomes]") {
    check_outcomes({
        {"Air strikes killed 38 civilians.", "38", "killed"},
        {"20 people were wounded in the attack.", "20", "injured"},
        {"Three children are missing after the flood.", "Three", "missing"},
        {"The death toll rose to 112 on Sunday.", "112", "killed"},
        {"At least seven people were killed and 20 wounded.", "20", "injured"},
        {"Those killed in the village included 32 civilians.", "32", "killed"},
        {"The lives of 18 civilians were lost.", "18", "killed"},
        // a military statement's noun for its kills: "the elimination of 34 gunmen"
        {"The army confirmed the elimination of 34 gunmen near the dam.", "34", "killed"},
        {"Militants kidnapped 900 villagers.", "900", "none"},
        {"The convoy carried 40 tonnes of food.", "40", "none"},
    });
}

TEST_CASE("outcomes: killed and wounded counted together are marked", "[extract][outcomes]") {
    bool combined = false;
    CHECK(outcome_of("Shelling killed or wounded 40 people.", "40", &combined) != "none");
    CHECK(combined);
    CHECK(outcome_of("Shelling killed 40 people.", "40", &combined) == "killed");
    CHECK_FALSE(combined);
    // written with a sign between the two outcomes
    outcome_of("73 Killed & Wounded in Shelling", "73", &combined);
    CHECK(combined);
    outcome_of("Clinics counted 25 killed/injured overnight.", "25", &combined);
    CHECK(combined);
}

TEST_CASE("outcomes: the category and side of the victims from the figure's noun", "[extract][outcomes]") {
    struct row {
        const char* sentence;
        const char* number;
        const char* category;
        const char* side;
    };
    const row rows[] = {
        {"Strikes killed 12 civilians.", "12", "civilians", ""},
        {"Strikes killed 12 children.", "12", "children", ""},
        {"Strikes killed 12 women.", "12", "women", ""},
        {"Strikes killed 12 people.", "12", "people", ""},
        {"Strikes killed 12 IS militants.", "12", "fighters", "IS"},
        {"Strikes killed 12 pro-regime fighters.", "12", "fighters", "regime"},
        {"Strikes killed 12 rebels.", "12", "fighters", "rebels"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.sentence);
        test::reader_article a(r.sentence);
        const auto* lf = a.figure(r.number);
        REQUIRE(lf != nullptr);
        const auto cat = extract::read_category(lf->f);
        CHECK(cat.known);
        CHECK(cat.category == r.category);
        CHECK(cat.side == r.side);
    }
}

TEST_CASE("outcomes: a more specific group ranks above its total", "[extract][outcomes]") {
    CHECK(extract::category_rank("people") < extract::category_rank("civilians"));
    CHECK(extract::category_rank("civilians") < extract::category_rank("children"));
    CHECK(extract::category_rank("fighters") == extract::category_rank("civilians"));
}

TEST_CASE("outcomes: a group and its predicate across an apposition", "[extract][outcomes]") {
    check_outcomes({
        {"Four teens, the youngest was 12, were shot on the court.", "Four", "injured"},
        {"Three people \xE2\x80\x94 two men and a woman \xE2\x80\x94 were killed.", "Three", "killed"},
        {"Six students - all from the same school - were wounded.", "Six", "injured"},
        {"Five people, police said, were hurt.", "Five", "injured"},
        // a list, not an apposition: no predicate right after the second comma
        {"Five people, two dogs, and a cat lived there.", "Five", "none"},
    });
}
