// The grammar of dates and periods as news text writes them. Each top-level
// alternative of `phrase` is one shape; parse.cpp captures which shape matched and
// reads its numbers and words afterwards (actions sit only on whole alternatives, so a
// branch that fails half-way leaves nothing behind). The grammar runs locally at
// candidate word starts, never over a whole article.
#pragma once

#include <string_view>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "claims/keywords.hpp"
#include "model/date.hpp"

namespace reckon::grammar::when::rules {

namespace pegtl = tao::pegtl;
using claims::rules::keyword_list;

// A month or weekday name as one word. Months must be capitalised ("may" and "march"
// are verbs); abbreviations may end in a full stop ("Nov."). Weekdays are read in any
// case but only in full ("Sun" is a paper more often than a day), and a weekday may carry a possessive "s" whose apostrophe was stripped
// ("Tuesdays strike" in FA-KES).
template <bool Month>
struct calendar_name {
    using rule_t = calendar_name;
    using subs_t = pegtl::type_list<>;

    template <typename ParseInput>
    [[nodiscard]] static bool match(ParseInput& in) {
        const std::size_t available = in.size(12);
        const char* p = in.current();
        std::size_t n = 0;
        while (n < available && claims::rules::keywords::letter(p[n])) ++n;
        if (n < 3 || n > 10 || (n < available && (p[n] >= '0' && p[n] <= '9'))) return false;
        if (Month && !(p[0] >= 'A' && p[0] <= 'Z')) return false;
        const std::string_view w(p, n);
        std::size_t used = n;
        if (Month) {
            if (month_from_name(w) == 0) return false;
        } else if (weekday_from_name(w) < 0) {
            // "Tuesdays" (a stripped possessive), never "Tues" style abbreviations
            if (n < 7 || (p[n - 1] != 's' && p[n - 1] != 'S') || weekday_from_name(w.substr(0, n - 1)) < 0) return false;
        } else if (n < 6) {
            return false;  // "Sun", "Sat", "Wed": papers and words more often than days in running text
        }
        if (n <= 4 && used < available && p[used] == '.') ++used;  // "Nov.", "Sept."
        in.bump_in_this_line(used);
        return true;
    }
};
struct month_name : calendar_name<true> {};
struct weekday_name : calendar_name<false> {};

// clang-format off
struct blank : pegtl::one<' ', '\t'> {};
struct ws : pegtl::plus<blank> {};
struct gap : pegtl::seq<pegtl::opt<pegtl::one<','>>, pegtl::star<blank>> {};
template <class Word> struct kw : pegtl::seq<Word, pegtl::not_at<pegtl::alnum>> {};

// ---- numbers --------------------------------------------------------------------------
struct day_digits : pegtl::seq<pegtl::rep_min_max<1, 2, pegtl::digit>, pegtl::not_at<pegtl::digit>> {};
struct year_digits : pegtl::seq<pegtl::rep<4, pegtl::digit>, pegtl::not_at<pegtl::digit>> {};
struct short_year : pegtl::seq<pegtl::rep<2, pegtl::digit>, pegtl::not_at<pegtl::digit>> {};
struct ordinal_suffix : pegtl::sor<TAO_PEGTL_ISTRING("st"), TAO_PEGTL_ISTRING("nd"), TAO_PEGTL_ISTRING("rd"), TAO_PEGTL_ISTRING("th")> {};
// "12", "12th"
struct day_number : pegtl::seq<pegtl::rep_min_max<1, 2, pegtl::digit>, pegtl::opt<ordinal_suffix>, pegtl::not_at<pegtl::alnum>> {};
// "15th": the suffix required
struct day_ordinal : pegtl::seq<pegtl::rep_min_max<1, 2, pegtl::digit>, ordinal_suffix, pegtl::not_at<pegtl::alnum>> {};
inline constexpr std::string_view ordinal_words[] = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth", "thirtieth"};
struct ordinal_unit : keyword_list<ordinal_words> {};
inline constexpr std::string_view ordinal_tens[] = {"twenty", "thirty"};
// "fifth", "twenty-first", "thirty first"
struct day_word : pegtl::sor<pegtl::seq<keyword_list<ordinal_tens>, pegtl::one<'-', ' '>, ordinal_unit>, ordinal_unit> {};
// How many days, weeks...: "two", "24", "a", "a few"
inline constexpr std::string_view count_words[] = {
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "twenty", "thirty", "several", "few"};
struct count_word : keyword_list<count_words> {};
struct count : pegtl::sor<pegtl::seq<pegtl::rep_min_max<1, 3, pegtl::digit>, pegtl::not_at<pegtl::alnum>>,
                          pegtl::seq<count_word, pegtl::opt<ws, kw<TAO_PEGTL_ISTRING("few")>>>> {};
inline constexpr std::string_view unit_words[] = {"day", "days", "week", "weeks", "month", "months", "year", "years", "hours"};
struct unit_word : keyword_list<unit_words> {};

// ---- written dates ----------------------------------------------------------------------
// "2015-08-12"
struct iso_date : pegtl::seq<year_digits, pegtl::one<'-'>, day_digits, pegtl::one<'-'>, day_digits> {};
// "02/22/2016" (US: month first), "22.04.2016" and "22-04-2016" (day first), "02/22/16"
template <char Sep> struct numeric_with : pegtl::seq<day_digits, pegtl::one<Sep>, day_digits, pegtl::one<Sep>, pegtl::sor<year_digits, short_year>> {};
struct numeric_date : pegtl::sor<numeric_with<'/'>, numeric_with<'.'>, numeric_with<'-'>> {};
// "2/2013": a month
struct numeric_month_year : pegtl::seq<day_digits, pegtl::one<'/'>, year_digits> {};
// "4/22": a month and day, US order, nothing after
struct numeric_month_day : pegtl::seq<day_digits, pegtl::one<'/'>, day_digits, pegtl::not_at<pegtl::one<'/', '.'>, pegtl::digit>> {};
// "Jul 262016": FA-KES lost the comma and the space between the day and the year
struct glued_day_year : pegtl::sor<pegtl::seq<pegtl::rep<2, pegtl::digit>, year_digits>, pegtl::seq<pegtl::digit, year_digits>> {};
struct the_word : kw<TAO_PEGTL_ISTRING("the")> {};
struct of_word : kw<TAO_PEGTL_ISTRING("of")> {};
struct weekday_lead : pegtl::seq<weekday_name, gap> {};
// A year of five digits or more is a broken date ("May 22, 20188"), not a day without a year.
struct broken_year : pegtl::seq<gap, pegtl::rep<5, pegtl::digit>> {};
struct year_after : pegtl::seq<pegtl::opt<gap, year_digits>, pegtl::not_at<broken_year>> {};
// "June 12", "June 12th, 2016", "May fifth", "May the fifth", "Tuesday, June 12", "Jul 262016"
struct month_day : pegtl::seq<pegtl::opt<weekday_lead>, month_name, ws,
                              pegtl::sor<glued_day_year,
                                         pegtl::seq<pegtl::sor<day_number, pegtl::seq<pegtl::opt<the_word, ws>, day_word>>, year_after>>> {};
// "12 June", "the 12th of June 2016", "the fifth of May"
struct day_month : pegtl::seq<pegtl::opt<the_word, ws>, pegtl::sor<day_number, day_word>, ws, pegtl::opt<of_word, ws>, month_name,
                              year_after> {};
// "June 2016", "June, 2016"
struct month_year : pegtl::seq<month_name, gap, year_digits> {};
// (a month before a broken year is no bare month either)
// "early March", "mid-March", "late June 2016", "the end of May"; "mid-2015", "late 2014"
inline constexpr std::string_view part_words[] = {"early", "mid", "late"};
struct part_of_month : pegtl::seq<pegtl::sor<pegtl::seq<keyword_list<part_words, true>, pegtl::one<' ', '-'>>,
                                             pegtl::seq<the_word, ws, pegtl::sor<TAO_PEGTL_ISTRING("end"), TAO_PEGTL_ISTRING("beginning"),
                                                                                TAO_PEGTL_ISTRING("start"), TAO_PEGTL_ISTRING("middle")>,
                                                        ws, of_word, ws>>,
                                  pegtl::star<blank>, pegtl::sor<pegtl::seq<month_name, pegtl::opt<gap, year_digits>>, year_digits>> {};
// "the 15th"
struct the_ordinal : pegtl::seq<the_word, ws, day_ordinal> {};

// ---- relative to the article -----------------------------------------------------------
struct possessive : pegtl::sor<TAO_PEGTL_STRING("'s"), TAO_PEGTL_STRING("\xE2\x80\x99s")> {};
inline constexpr std::string_view day_words[] = {"yesterday", "today", "tonight", "overnight"};
inline constexpr std::string_view time_of_day[] = {"morning", "afternoon", "evening", "night"};
inline constexpr std::string_view this_last[] = {"this", "last", "past", "previous"};
struct this_or_last : keyword_list<this_last> {};
// "yesterday", "overnight", "last night", "this morning", "yesterday afternoon"
// "the day before yesterday"
struct before_yesterday : pegtl::seq<pegtl::opt<the_word, ws>, kw<TAO_PEGTL_ISTRING("day")>, ws, kw<TAO_PEGTL_ISTRING("before")>, ws,
                                     kw<TAO_PEGTL_ISTRING("yesterday")>> {};
struct relative_day : pegtl::sor<before_yesterday, pegtl::seq<keyword_list<day_words>, pegtl::opt<possessive>, pegtl::opt<ws, keyword_list<time_of_day>>>,
                                 pegtl::seq<this_or_last, ws, keyword_list<time_of_day>>> {};
// "two days ago", "a week ago"
struct ago : pegtl::seq<count, ws, unit_word, ws, kw<TAO_PEGTL_ISTRING("ago")>> {};
// "two days after", "a day earlier": counted from the event told before
struct event_offset : pegtl::seq<count, ws, pegtl::sor<kw<TAO_PEGTL_ISTRING("days")>, kw<TAO_PEGTL_ISTRING("day")>>, ws,
                                 pegtl::sor<kw<TAO_PEGTL_ISTRING("after")>, kw<TAO_PEGTL_ISTRING("later")>,
                                            kw<TAO_PEGTL_ISTRING("earlier")>, kw<TAO_PEGTL_ISTRING("before")>>> {};
// "the past three days", "the last 24 hours", "the previous two weeks"
struct rolling : pegtl::seq<pegtl::opt<the_word, ws>, this_or_last, ws, count, ws, unit_word> {};
// "last week", "this week", "earlier this month", "last year"
// "the weekend", "over the weekend": the weekend just past (or of this week), as "this weekend"
struct relative_unit : pegtl::sor<pegtl::seq<pegtl::opt<kw<TAO_PEGTL_ISTRING("earlier")>, ws>, this_or_last, ws,
                                             pegtl::sor<kw<TAO_PEGTL_ISTRING("week")>, kw<TAO_PEGTL_ISTRING("weekend")>,
                                                        kw<TAO_PEGTL_ISTRING("month")>, kw<TAO_PEGTL_ISTRING("year")>>, pegtl::opt<possessive>>,
                                  pegtl::seq<the_word, ws, kw<TAO_PEGTL_ISTRING("weekend")>, pegtl::opt<possessive>>> {};
// "Tuesday", "on Tuesday", "last Tuesday", "Tuesday's strike", "Tuesday night", "Wednesday-Thursday"
// "Saturday and Sunday": two days, a period
struct and_weekday : pegtl::seq<ws, kw<TAO_PEGTL_ISTRING("and")>, ws, weekday_name> {};
// "Tuesday into Wednesday", "Tuesday night to Wednesday" (after "overnight" or "the night of"):
// a night across midnight, from the first day to the second
struct into_weekday : pegtl::seq<pegtl::opt<ws, kw<TAO_PEGTL_ISTRING("night")>>, ws,
                                 pegtl::sor<kw<TAO_PEGTL_ISTRING("into")>, kw<TAO_PEGTL_ISTRING("to")>>, ws, weekday_name> {};
struct weekday : pegtl::seq<pegtl::opt<this_or_last, ws>, weekday_name, pegtl::opt<possessive>,
                            pegtl::opt<pegtl::sor<pegtl::seq<pegtl::one<'-'>, weekday_name>, and_weekday, into_weekday>>,
                            pegtl::opt<ws, keyword_list<time_of_day>>> {};
// "June", "last March", "last March's": a date only where the engine finds context for it
struct bare_month : pegtl::seq<pegtl::opt<this_or_last, ws>, month_name, pegtl::not_at<pegtl::one<'-'>>, pegtl::not_at<gap, pegtl::digit>,
                              pegtl::opt<possessive>> {};
// "2013", "2013's"
struct bare_year : pegtl::seq<year_digits, pegtl::not_at<pegtl::one<'-', '/', '.'>, pegtl::digit>, pegtl::opt<possessive>> {};

// The phrases that open with digits and those that open with a word: parse.cpp tries only
// the list the first byte allows.
struct digit_phrase : pegtl::sor<iso_date, numeric_date, numeric_month_year, numeric_month_day, day_month, ago, event_offset,
                                 bare_year> {};
struct word_phrase : pegtl::sor<part_of_month, month_day, day_month, month_year, the_ordinal, relative_day, ago, event_offset,
                                rolling, relative_unit, weekday, bare_month> {};
struct phrase : pegtl::sor<digit_phrase, word_phrase> {};
// clang-format on

}  // namespace reckon::grammar::when::rules

namespace tao::pegtl {

// For pegtl::analyze: a calendar name always consumes input when it matches.
template <typename Name, bool Month>
struct analyze_traits<Name, reckon::grammar::when::rules::calendar_name<Month>> : analyze_any_traits<> {};

}  // namespace tao::pegtl
