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

#include <string_view>

#include <tao/pegtl.hpp>

#include "claims/keywords.hpp"

namespace reckon::grammar::claims::rules {

namespace pegtl = tao::pegtl;

// clang-format off

// ---- layout ----------------------------------------------------------------------
struct blank : pegtl::one<' ', '\t'> {};
struct ws : pegtl::plus<blank> {};
struct word_char : pegtl::sor<pegtl::alnum, pegtl::one<'-'>> {};
// A keyword ends where the word ends: "over" does not match "overran".
template <class Word> struct kw : pegtl::seq<Word, pegtl::not_at<pegtl::alnum>> {};
// Lists of one-word keywords are keyword_list<words> (keywords.hpp): the same as a sor of
// kw<> rules, one lookup instead of a comparison per keyword. keyword_list<words, false>:
// a number word is not the start of a compound ("one-sided", "three-year-old").

// ---- qualifiers --------------------------------------------------------------------
struct q_at_least : pegtl::sor<kw<TAO_PEGTL_ISTRING("at least")>, kw<TAO_PEGTL_ISTRING("no fewer than")>,
                               kw<TAO_PEGTL_ISTRING("no less than")>, kw<TAO_PEGTL_ISTRING("not less than")>,
                               kw<TAO_PEGTL_ISTRING("a minimum of")>> {};
struct q_more_than : pegtl::sor<kw<TAO_PEGTL_ISTRING("more than")>, kw<TAO_PEGTL_ISTRING("upwards of")>,
                                kw<TAO_PEGTL_ISTRING("in excess of")>, kw<TAO_PEGTL_ISTRING("over")>> {};
inline constexpr std::string_view about_words[] = {"about", "around", "some", "roughly", "nearly", "almost",
                                                  "approximately", "estimated"};
struct q_about : pegtl::sor<keyword_list<about_words>, kw<TAO_PEGTL_ISTRING("close to")>,
                            kw<TAO_PEGTL_ISTRING("an estimated")>> {};
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
// Digits grouped by spaces, as in much of Europe and in wire copy: "10 000", "1 250 000".
// The first group has at most three digits, every later group exactly three.
struct space_group : pegtl::seq<pegtl::one<' '>, pegtl::rep<3, pegtl::digit>, pegtl::not_at<pegtl::digit>> {};
struct space_grouped : pegtl::seq<pegtl::rep_min_max<1, 3, pegtl::digit>, pegtl::not_at<pegtl::digit>, pegtl::plus<space_group>,
                                  pegtl::not_at<pegtl::alpha>, pegtl::not_at<pegtl::one<'.', ','>, pegtl::digit>> {};
// Digits with a scale word: "2 million", "1.5 million", "3.2 thousand".
inline constexpr std::string_view scale_words[] = {"thousand", "million", "billion"};
struct scale_word : keyword_list<scale_words> {};
struct decimal : pegtl::seq<pegtl::plus<pegtl::digit>, pegtl::opt<pegtl::one<'.'>, pegtl::plus<pegtl::digit>>> {};
struct scaled_digits : pegtl::seq<pegtl::sor<digit_groups, decimal>, ws, scale_word> {};

inline constexpr std::string_view unit_words[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
struct unit_word : keyword_list<unit_words, false> {};
inline constexpr std::string_view teen_words[] = {"ten",     "eleven",    "twelve",   "thirteen", "fourteen",
                                                 "fifteen", "sixteen",   "seventeen", "eighteen", "nineteen"};
struct teen_word : keyword_list<teen_words, false> {};
inline constexpr std::string_view tens_words[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
struct tens_word : keyword_list<tens_words> {};
struct a_word : kw<TAO_PEGTL_ISTRING("a")> {};
struct and_word : kw<TAO_PEGTL_ISTRING("and")> {};
struct hundred_word : kw<TAO_PEGTL_ISTRING("hundred")> {};
struct thousand_word : kw<TAO_PEGTL_ISTRING("thousand")> {};
struct dozen_word : kw<TAO_PEGTL_ISTRING("dozen")> {};
struct million_word : pegtl::sor<kw<TAO_PEGTL_ISTRING("million")>, kw<TAO_PEGTL_ISTRING("billion")>> {};
struct half_word : kw<TAO_PEGTL_ISTRING("half")> {};
struct point_word : kw<TAO_PEGTL_ISTRING("point")> {};
struct zero_word : kw<TAO_PEGTL_ISTRING("zero")> {};
struct word_sep : pegtl::sor<pegtl::one<'-'>, ws> {};
struct and_sep : pegtl::seq<ws, pegtl::opt<and_word, ws>> {};

// "twenty-two", "twenty two", "twenty", "fourteen"
struct below_hundred : pegtl::sor<pegtl::seq<tens_word, pegtl::opt<word_sep, unit_word>>, teen_word, unit_word> {};
// "two hundred and five", "a hundred"
struct hundreds : pegtl::seq<pegtl::sor<below_hundred, a_word>, ws, hundred_word, pegtl::opt<and_sep, below_hundred>> {};
struct below_thousand : pegtl::sor<hundreds, below_hundred> {};
// What multiplies the first words of a number: "a dozen", "two dozen"; "two hundred and
// five", "two hundred thousand"; "three thousand", "a thousand and fifty".
struct thousand_tail : pegtl::seq<ws, thousand_word, pegtl::opt<and_sep, below_thousand>> {};
// "two million", "a million", "three hundred million"
struct million_tail : pegtl::seq<ws, million_word> {};
struct number_tail : pegtl::sor<pegtl::seq<ws, dozen_word>,
                                pegtl::seq<ws, hundred_word, pegtl::opt<and_sep, below_hundred>, pegtl::opt<pegtl::sor<million_tail, thousand_tail>>>,
                                million_tail, thousand_tail> {};
// "two point five million": the digits after the point are said one by one
struct point_digit : pegtl::sor<unit_word, zero_word> {};
struct point_tail : pegtl::seq<ws, point_word, pegtl::plus<ws, point_digit>, ws, pegtl::sor<million_word, thousand_word>> {};
// "half a million", "half a dozen", "a quarter of a million", "three quarters of a million"
struct fraction_scale : pegtl::sor<million_word, thousand_word, dozen_word, hundred_word> {};
struct half_number : pegtl::seq<half_word, ws, a_word, ws, fraction_scale> {};
struct quarter_word : pegtl::sor<kw<TAO_PEGTL_ISTRING("quarter")>, kw<TAO_PEGTL_ISTRING("quarters")>> {};
// (after the first word, so that "two", "a" are read once)
struct quarter_tail : pegtl::seq<ws, quarter_word, ws, kw<TAO_PEGTL_ISTRING("of")>, ws, a_word, ws, fraction_scale> {};
// "a couple of people", "A couple were shot": two
struct couple_tail : pegtl::seq<ws, kw<TAO_PEGTL_ISTRING("couple")>, pegtl::opt<ws, kw<TAO_PEGTL_ISTRING("of")>>> {};
// The first words are read once, then their multipliers; "a" alone is no number.
struct word_number : pegtl::sor<half_number, pegtl::seq<below_hundred, pegtl::sor<point_tail, quarter_tail, pegtl::opt<number_tail>>>,
                                pegtl::seq<a_word, pegtl::sor<number_tail, quarter_tail, couple_tail>>> {};

struct number : pegtl::sor<scaled_digits, space_grouped, digits, word_number> {};
// A number restated in the other notation: "forty-five (45)", "45 (forty-five)". The
// restatement is the same figure: it carries no action of its own.
struct restated : pegtl::sor<pegtl::plus<pegtl::digit>, pegtl::disable<word_number>> {};
struct restatement : pegtl::seq<pegtl::star<blank>, pegtl::one<'('>, pegtl::star<blank>, restated, pegtl::star<blank>, pegtl::one<')'>> {};
// "35+ dead": at least 35
struct plus_sign : pegtl::seq<pegtl::one<'+'>, pegtl::not_at<pegtl::digit>> {};
struct stated_number : pegtl::seq<number, pegtl::opt<restatement>, pegtl::opt<plus_sign>> {};

// ---- quantities -------------------------------------------------------------------------
struct range_dash : pegtl::seq<pegtl::star<blank>, pegtl::sor<pegtl::one<'-'>, TAO_PEGTL_STRING("\xE2\x80\x93")>, pegtl::star<blank>> {};
struct range_to : pegtl::seq<ws, pegtl::sor<kw<TAO_PEGTL_ISTRING("to")>, kw<TAO_PEGTL_ISTRING("or")>>, ws> {};
struct between_word : kw<TAO_PEGTL_ISTRING("between")> {};
// "between 20 and 30", "20 to 30", "20-30"
struct range_between : pegtl::seq<between_word, ws, number, ws, and_word, ws, number> {};
// (not "2015-08-12": a date)
struct range_dashed : pegtl::seq<digits, range_dash, digits, pegtl::not_at<pegtl::one<'-'>, pegtl::digit>> {};
struct range_worded : pegtl::seq<number, range_to, number> {};
struct range : pegtl::sor<range_between, range_dashed, range_worded> {};
// Vague quantities kept as written for the rules to interpret.
inline constexpr std::string_view vague_words[] = {"dozens", "scores", "several", "hundreds", "thousands"};
// ("hundreds of thousands" is one vague quantity, not "hundreds" of a noun "thousands")
struct vague_word : pegtl::sor<kw<TAO_PEGTL_ISTRING("hundreds of thousands")>, kw<TAO_PEGTL_ISTRING("tens of thousands")>,
                               keyword_list<vague_words>, kw<TAO_PEGTL_ISTRING("tens of")>,
                               kw<TAO_PEGTL_ISTRING("a number of")>> {};
struct quantity : pegtl::sor<range, stated_number> {};

// ---- what is counted ----------------------------------------------------------------------
inline constexpr std::string_view noun_words[] = {
    "people", "persons", "person", "civilians", "civilian", "children", "child", "kids",
    "babies", "infants", "minors", "women", "woman", "men", "man", "fighters",
    "militants", "rebels", "soldiers", "jihadists", "terrorists", "troops", "insurgents", "gunmen",
    "combatants", "servicemen", "policemen", "officers", "personnel", "members", "bodies", "corpses",
    "deaths", "dead", "victims", "casualties", "others", "residents", "students", "pupils",
    "workers", "doctors", "paramedics", "journalists", "refugees", "siblings", "brothers", "sons",
    "daughters", "relatives", "citizens", "locals", "villagers", "worshippers", "militiamen", "recruits",
    "guards", "forces", "lives", "tribesmen", "syrians", "iraqis", "kurds", "palestinians",
    // as local news counts people: "3 adults injured", "two teens were shot"
    "adults", "teens", "teenagers", "boys", "girls", "youths", "juveniles", "bystanders",
    "passengers", "cops", "deputies", "agents", "males", "females", "suspects", "patrons",
    // the internally displaced: "three IDPs were killed"; deaths counted as crimes: "Four homicides"
    "idps", "homicides", "murders", "killings", "slayings",
    // armed men and security forces: "three rangers", "two peacekeepers"
    "rangers", "peacekeepers", "detectives", "guardsmen", "marines", "commandos", "paratroopers", "gendarmes",
    "conscripts", "sentries", "troopers"};
struct noun_word : keyword_list<noun_words> {};
// The last noun of a compound is what is counted: "civilian deaths", "civilian members".
inline constexpr std::string_view compound_tails[] = {
    "deaths", "members", "casualties", "victims", "bodies", "fighters", "soldiers", "workers",
    "residents", "students"};
struct compound_tail : keyword_list<compound_tails> {};
struct category_noun : pegtl::seq<noun_word, pegtl::not_at<ws, compound_tail>> {};
// Words that end a noun phrase: a modifier is never one of them.
inline constexpr std::string_view stop_words[] = {
    "and", "or", "in", "on", "of", "at", "by", "the",
    "a", "an", "were", "was", "have", "has", "had", "are",
    "killed", "died", "wounded", "injured", "including", "who", "which", "that",
    "from", "to", "with", "as", "after", "since", "for", "among",
    "years", "year", "times", "percent"};
struct stop_word : keyword_list<stop_words> {};
// An age between the number and the noun describes each one counted: "Two 16-year-old
// boys", "three 20-year-old men" (the age is no count of its own).
struct age_unit : pegtl::sor<TAO_PEGTL_ISTRING("year"), TAO_PEGTL_ISTRING("month"), TAO_PEGTL_ISTRING("week")> {};
struct age_compound : pegtl::seq<pegtl::rep_min_max<1, 3, pegtl::digit>, pegtl::one<'-'>, age_unit, pegtl::opt<pegtl::one<'s', 'S'>>,
                                 pegtl::one<'-'>, TAO_PEGTL_ISTRING("old"), pegtl::not_at<word_char>> {};
struct modifier : pegtl::sor<age_compound,
                             pegtl::seq<pegtl::not_at<category_noun>, pegtl::not_at<stop_word>, pegtl::not_at<word_number>,
                                        pegtl::not_at<vague_word>, pegtl::alpha, pegtl::star<word_char>>> {};
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
inline constexpr std::string_view more_words[] = {"more", "others", "dozen"};
struct more_word : keyword_list<more_words> {};
struct vague_bare : pegtl::seq<vague_word, pegtl::opt<ws, more_word>> {};

// ---- the figure ------------------------------------------------------------------------------
struct qualifier_phrase : pegtl::seq<qualifier, ws> {};
struct counted_phrase : pegtl::seq<ws, counted> {};
struct figure : pegtl::sor<vague_counted,
                           pegtl::seq<pegtl::opt<qualifier_phrase>, quantity, pegtl::opt<counted_phrase>>,
                           vague_bare> {};

// clang-format on

}  // namespace reckon::grammar::claims::rules
