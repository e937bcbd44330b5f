// The grammar of a casualty figure as reporters write it: an optional qualifier
// ("at least", "more than", "up to"), a quantity (digits with or without thousands
// separators, number words up to the hundreds of thousands, a dozen, a range, or a
// vague word kept as written), then what is counted ("civilians", "IS militants",
// "bodies of civilians", "civilian deaths"). The grammar runs locally at candidate
// positions found by a cheap scan (parse.cpp), never over the whole article.
//
// Outcome, attribution, place and date are found around the figure by the engine
// (engine/extract), which sees only the plain types of claims.hpp.
#pragma once

#include <tao/pegtl.hpp>

namespace reckon::grammar::claims::rules {

namespace pegtl = tao::pegtl;

// clang-format off

// ---- layout ----------------------------------------------------------------------
struct blank : pegtl::one<' ', '\t'> {};
struct ws : pegtl::plus<blank> {};
struct word_char : pegtl::sor<pegtl::alnum, pegtl::one<'-'>> {};
// A keyword ends where the word ends: "over" does not match "overran".
template <class Word> struct kw : pegtl::seq<Word, pegtl::not_at<pegtl::alnum>> {};
// A number word is not the start of a compound: "one-sided", "three-year-old".
template <class Word> struct num_kw : pegtl::seq<Word, pegtl::not_at<pegtl::alnum>, pegtl::not_at<pegtl::one<'-'>, pegtl::alpha>> {};

// ---- qualifiers --------------------------------------------------------------------
struct q_at_least : pegtl::sor<kw<TAO_PEGTL_ISTRING("at least")>, kw<TAO_PEGTL_ISTRING("no fewer than")>,
                               kw<TAO_PEGTL_ISTRING("no less than")>, kw<TAO_PEGTL_ISTRING("not less than")>,
                               kw<TAO_PEGTL_ISTRING("a minimum of")>> {};
struct q_more_than : pegtl::sor<kw<TAO_PEGTL_ISTRING("more than")>, kw<TAO_PEGTL_ISTRING("upwards of")>,
                                kw<TAO_PEGTL_ISTRING("in excess of")>, kw<TAO_PEGTL_ISTRING("over")>> {};
struct q_about : pegtl::sor<kw<TAO_PEGTL_ISTRING("about")>, kw<TAO_PEGTL_ISTRING("around")>,
                            kw<TAO_PEGTL_ISTRING("some")>, kw<TAO_PEGTL_ISTRING("roughly")>,
                            kw<TAO_PEGTL_ISTRING("nearly")>, kw<TAO_PEGTL_ISTRING("almost")>,
                            kw<TAO_PEGTL_ISTRING("approximately")>, kw<TAO_PEGTL_ISTRING("close to")>,
                            kw<TAO_PEGTL_ISTRING("an estimated")>, kw<TAO_PEGTL_ISTRING("estimated")>> {};
struct q_up_to : pegtl::sor<kw<TAO_PEGTL_ISTRING("up to")>, kw<TAO_PEGTL_ISTRING("as many as")>,
                            kw<TAO_PEGTL_ISTRING("at most")>> {};
struct q_less_than : pegtl::sor<kw<TAO_PEGTL_ISTRING("less than")>, kw<TAO_PEGTL_ISTRING("fewer than")>> {};
struct qualifier : pegtl::sor<q_at_least, q_more_than, q_up_to, q_less_than, q_about> {};

// ---- numbers ------------------------------------------------------------------------
// Digits: "5812", "5,812", "360,000". Never the start of "2nd", "18-year-old" is left
// to the engine (it sees the hyphen), "1.5" is not a count.
struct digit_groups : pegtl::seq<pegtl::rep_min_max<1, 3, pegtl::digit>, pegtl::plus<pegtl::one<','>, pegtl::rep<3, pegtl::digit>>, pegtl::not_at<pegtl::digit>> {};
struct digit_run : pegtl::plus<pegtl::digit> {};
struct digits : pegtl::seq<pegtl::sor<digit_groups, digit_run>, pegtl::not_at<pegtl::alpha>, pegtl::not_at<pegtl::one<'.', ','>, pegtl::digit>> {};

struct unit_word : pegtl::sor<
    num_kw<TAO_PEGTL_ISTRING("one")>, num_kw<TAO_PEGTL_ISTRING("two")>, num_kw<TAO_PEGTL_ISTRING("three")>,
    num_kw<TAO_PEGTL_ISTRING("four")>, num_kw<TAO_PEGTL_ISTRING("five")>, num_kw<TAO_PEGTL_ISTRING("six")>,
    num_kw<TAO_PEGTL_ISTRING("seven")>, num_kw<TAO_PEGTL_ISTRING("eight")>, num_kw<TAO_PEGTL_ISTRING("nine")>> {};
struct teen_word : pegtl::sor<
    num_kw<TAO_PEGTL_ISTRING("ten")>, num_kw<TAO_PEGTL_ISTRING("eleven")>, num_kw<TAO_PEGTL_ISTRING("twelve")>,
    num_kw<TAO_PEGTL_ISTRING("thirteen")>, num_kw<TAO_PEGTL_ISTRING("fourteen")>, num_kw<TAO_PEGTL_ISTRING("fifteen")>,
    num_kw<TAO_PEGTL_ISTRING("sixteen")>, num_kw<TAO_PEGTL_ISTRING("seventeen")>, num_kw<TAO_PEGTL_ISTRING("eighteen")>,
    num_kw<TAO_PEGTL_ISTRING("nineteen")>> {};
struct tens_word : pegtl::sor<
    kw<TAO_PEGTL_ISTRING("twenty")>, kw<TAO_PEGTL_ISTRING("thirty")>, kw<TAO_PEGTL_ISTRING("forty")>,
    kw<TAO_PEGTL_ISTRING("fifty")>, kw<TAO_PEGTL_ISTRING("sixty")>, kw<TAO_PEGTL_ISTRING("seventy")>,
    kw<TAO_PEGTL_ISTRING("eighty")>, kw<TAO_PEGTL_ISTRING("ninety")>> {};
struct a_word : kw<TAO_PEGTL_ISTRING("a")> {};
struct and_word : kw<TAO_PEGTL_ISTRING("and")> {};
struct hundred_word : kw<TAO_PEGTL_ISTRING("hundred")> {};
struct thousand_word : kw<TAO_PEGTL_ISTRING("thousand")> {};
struct dozen_word : kw<TAO_PEGTL_ISTRING("dozen")> {};
struct word_sep : pegtl::sor<pegtl::one<'-'>, ws> {};
struct and_sep : pegtl::seq<ws, pegtl::opt<and_word, ws>> {};

// "twenty-two", "twenty two", "twenty", "fourteen"
struct below_hundred : pegtl::sor<pegtl::seq<tens_word, pegtl::opt<word_sep, unit_word>>, teen_word, unit_word> {};
// "two hundred and five", "a hundred"
struct hundreds : pegtl::seq<pegtl::sor<below_hundred, a_word>, ws, hundred_word, pegtl::opt<and_sep, below_hundred>> {};
struct below_thousand : pegtl::sor<hundreds, below_hundred> {};
// "three thousand", "two hundred thousand", "a thousand and fifty"
struct thousands : pegtl::seq<pegtl::sor<below_thousand, a_word>, ws, thousand_word, pegtl::opt<and_sep, below_thousand>> {};
// "a dozen", "two dozen"
struct dozens_of : pegtl::seq<pegtl::sor<below_hundred, a_word>, ws, dozen_word> {};
struct word_number : pegtl::sor<dozens_of, thousands, below_thousand> {};

struct number : pegtl::sor<digits, word_number> {};

// ---- quantities -------------------------------------------------------------------------
struct range_dash : pegtl::seq<pegtl::star<blank>, pegtl::sor<pegtl::one<'-'>, TAO_PEGTL_STRING("\xE2\x80\x93")>, pegtl::star<blank>> {};
struct range_to : pegtl::seq<ws, pegtl::sor<kw<TAO_PEGTL_ISTRING("to")>, kw<TAO_PEGTL_ISTRING("or")>>, ws> {};
struct between_word : kw<TAO_PEGTL_ISTRING("between")> {};
// "between 20 and 30", "20 to 30", "20-30"
struct range_between : pegtl::seq<between_word, ws, number, ws, and_word, ws, number> {};
struct range_dashed : pegtl::seq<digits, range_dash, digits> {};
struct range_worded : pegtl::seq<number, range_to, number> {};
struct range : pegtl::sor<range_between, range_dashed, range_worded> {};
// Vague quantities kept as written for the rules to interpret.
struct vague_word : pegtl::sor<
    kw<TAO_PEGTL_ISTRING("dozens")>, kw<TAO_PEGTL_ISTRING("scores")>, kw<TAO_PEGTL_ISTRING("several")>,
    kw<TAO_PEGTL_ISTRING("hundreds")>, kw<TAO_PEGTL_ISTRING("thousands")>, kw<TAO_PEGTL_ISTRING("tens of")>,
    kw<TAO_PEGTL_ISTRING("a number of")>> {};
struct quantity : pegtl::sor<range, number> {};

// ---- what is counted ----------------------------------------------------------------------
struct noun_word : pegtl::sor<
    kw<TAO_PEGTL_ISTRING("people")>, kw<TAO_PEGTL_ISTRING("persons")>, kw<TAO_PEGTL_ISTRING("person")>,
    kw<TAO_PEGTL_ISTRING("civilians")>, kw<TAO_PEGTL_ISTRING("civilian")>,
    kw<TAO_PEGTL_ISTRING("children")>, kw<TAO_PEGTL_ISTRING("child")>, kw<TAO_PEGTL_ISTRING("kids")>,
    kw<TAO_PEGTL_ISTRING("babies")>, kw<TAO_PEGTL_ISTRING("infants")>, kw<TAO_PEGTL_ISTRING("minors")>,
    kw<TAO_PEGTL_ISTRING("women")>, kw<TAO_PEGTL_ISTRING("woman")>, kw<TAO_PEGTL_ISTRING("men")>, kw<TAO_PEGTL_ISTRING("man")>,
    kw<TAO_PEGTL_ISTRING("fighters")>, kw<TAO_PEGTL_ISTRING("militants")>, kw<TAO_PEGTL_ISTRING("rebels")>,
    kw<TAO_PEGTL_ISTRING("soldiers")>, kw<TAO_PEGTL_ISTRING("jihadists")>, kw<TAO_PEGTL_ISTRING("terrorists")>,
    kw<TAO_PEGTL_ISTRING("troops")>, kw<TAO_PEGTL_ISTRING("insurgents")>, kw<TAO_PEGTL_ISTRING("gunmen")>,
    kw<TAO_PEGTL_ISTRING("combatants")>, kw<TAO_PEGTL_ISTRING("servicemen")>, kw<TAO_PEGTL_ISTRING("policemen")>,
    kw<TAO_PEGTL_ISTRING("officers")>, kw<TAO_PEGTL_ISTRING("personnel")>, kw<TAO_PEGTL_ISTRING("members")>,
    kw<TAO_PEGTL_ISTRING("bodies")>, kw<TAO_PEGTL_ISTRING("corpses")>, kw<TAO_PEGTL_ISTRING("deaths")>,
    kw<TAO_PEGTL_ISTRING("dead")>, kw<TAO_PEGTL_ISTRING("victims")>, kw<TAO_PEGTL_ISTRING("casualties")>,
    kw<TAO_PEGTL_ISTRING("others")>, kw<TAO_PEGTL_ISTRING("residents")>, kw<TAO_PEGTL_ISTRING("students")>,
    kw<TAO_PEGTL_ISTRING("pupils")>, kw<TAO_PEGTL_ISTRING("workers")>, kw<TAO_PEGTL_ISTRING("doctors")>,
    kw<TAO_PEGTL_ISTRING("paramedics")>, kw<TAO_PEGTL_ISTRING("journalists")>, kw<TAO_PEGTL_ISTRING("refugees")>,
    kw<TAO_PEGTL_ISTRING("siblings")>, kw<TAO_PEGTL_ISTRING("brothers")>, kw<TAO_PEGTL_ISTRING("sons")>,
    kw<TAO_PEGTL_ISTRING("daughters")>, kw<TAO_PEGTL_ISTRING("relatives")>, kw<TAO_PEGTL_ISTRING("citizens")>,
    kw<TAO_PEGTL_ISTRING("locals")>, kw<TAO_PEGTL_ISTRING("villagers")>, kw<TAO_PEGTL_ISTRING("worshippers")>,
    kw<TAO_PEGTL_ISTRING("militiamen")>, kw<TAO_PEGTL_ISTRING("recruits")>, kw<TAO_PEGTL_ISTRING("guards")>,
    kw<TAO_PEGTL_ISTRING("forces")>, kw<TAO_PEGTL_ISTRING("lives")>, kw<TAO_PEGTL_ISTRING("tribesmen")>,
    kw<TAO_PEGTL_ISTRING("syrians")>, kw<TAO_PEGTL_ISTRING("iraqis")>, kw<TAO_PEGTL_ISTRING("kurds")>,
    kw<TAO_PEGTL_ISTRING("palestinians")>> {};
// The last noun of a compound is what is counted: "civilian deaths", "civilian members".
struct compound_tail : pegtl::sor<
    kw<TAO_PEGTL_ISTRING("deaths")>, kw<TAO_PEGTL_ISTRING("members")>, kw<TAO_PEGTL_ISTRING("casualties")>,
    kw<TAO_PEGTL_ISTRING("victims")>, kw<TAO_PEGTL_ISTRING("bodies")>, kw<TAO_PEGTL_ISTRING("fighters")>,
    kw<TAO_PEGTL_ISTRING("soldiers")>, kw<TAO_PEGTL_ISTRING("workers")>, kw<TAO_PEGTL_ISTRING("residents")>,
    kw<TAO_PEGTL_ISTRING("students")>> {};
struct category_noun : pegtl::seq<noun_word, pegtl::not_at<ws, compound_tail>> {};
// Words that end a noun phrase: a modifier is never one of them.
struct stop_word : pegtl::sor<
    kw<TAO_PEGTL_ISTRING("and")>, kw<TAO_PEGTL_ISTRING("or")>, kw<TAO_PEGTL_ISTRING("in")>, kw<TAO_PEGTL_ISTRING("on")>,
    kw<TAO_PEGTL_ISTRING("of")>, kw<TAO_PEGTL_ISTRING("at")>, kw<TAO_PEGTL_ISTRING("by")>, kw<TAO_PEGTL_ISTRING("the")>,
    kw<TAO_PEGTL_ISTRING("a")>, kw<TAO_PEGTL_ISTRING("an")>, kw<TAO_PEGTL_ISTRING("were")>, kw<TAO_PEGTL_ISTRING("was")>,
    kw<TAO_PEGTL_ISTRING("have")>, kw<TAO_PEGTL_ISTRING("has")>, kw<TAO_PEGTL_ISTRING("had")>, kw<TAO_PEGTL_ISTRING("are")>,
    kw<TAO_PEGTL_ISTRING("killed")>, kw<TAO_PEGTL_ISTRING("died")>, kw<TAO_PEGTL_ISTRING("wounded")>,
    kw<TAO_PEGTL_ISTRING("injured")>, kw<TAO_PEGTL_ISTRING("including")>, kw<TAO_PEGTL_ISTRING("who")>,
    kw<TAO_PEGTL_ISTRING("which")>, kw<TAO_PEGTL_ISTRING("that")>, kw<TAO_PEGTL_ISTRING("from")>,
    kw<TAO_PEGTL_ISTRING("to")>, kw<TAO_PEGTL_ISTRING("with")>, kw<TAO_PEGTL_ISTRING("as")>,
    kw<TAO_PEGTL_ISTRING("after")>, kw<TAO_PEGTL_ISTRING("since")>, kw<TAO_PEGTL_ISTRING("for")>,
    kw<TAO_PEGTL_ISTRING("among")>, kw<TAO_PEGTL_ISTRING("years")>, kw<TAO_PEGTL_ISTRING("year")>,
    kw<TAO_PEGTL_ISTRING("times")>, kw<TAO_PEGTL_ISTRING("percent")>> {};
struct modifier : pegtl::seq<pegtl::not_at<category_noun>, pegtl::not_at<stop_word>, pegtl::not_at<word_number>,
                            pegtl::not_at<vague_word>, pegtl::alpha, pegtl::star<word_char>> {};
struct modifiers : pegtl::rep_max<4, modifier, ws> {};
// "bodies of civilians", "members of the same family" keep the inner noun
struct of_word : kw<TAO_PEGTL_ISTRING("of")> {};
struct inner_noun : category_noun {};
struct of_noun : pegtl::seq<ws, of_word, ws, modifiers, inner_noun> {};
struct quote_mark : pegtl::sor<pegtl::one<'"'>, TAO_PEGTL_STRING("\xE2\x80\x9C")> {};
struct counted : pegtl::seq<modifiers, pegtl::opt<quote_mark>, category_noun, pegtl::opt<of_noun>> {};
// "dozens of pro-regime fighters", "hundreds of civilians"
struct vague_counted : pegtl::seq<vague_word, pegtl::opt<ws, of_word>, ws, counted> {};

// "dozens more were wounded", "wounding scores more", "several dozen wounded": the engine
// accepts these only right next to an outcome verb
struct more_word : pegtl::sor<kw<TAO_PEGTL_ISTRING("more")>, kw<TAO_PEGTL_ISTRING("others")>, kw<TAO_PEGTL_ISTRING("dozen")>> {};
struct vague_bare : pegtl::seq<vague_word, pegtl::opt<ws, more_word>> {};

// ---- the figure ------------------------------------------------------------------------------
struct qualifier_phrase : pegtl::seq<qualifier, ws> {};
struct counted_phrase : pegtl::seq<ws, counted> {};
struct figure : pegtl::sor<vague_counted,
                           pegtl::seq<pegtl::opt<qualifier_phrase>, quantity, pegtl::opt<counted_phrase>>,
                           vague_bare> {};

// clang-format on

}  // namespace reckon::grammar::claims::rules
