// The grammar of publication dates as outlets write them in datelines.
#pragma once

#include <tao/pegtl.hpp>

namespace reckon::grammar::dateline {

namespace pegtl = tao::pegtl;

// clang-format off
struct sep_space : pegtl::plus<pegtl::one<' ', '\t'>> {};
struct opt_comma : pegtl::opt<pegtl::one<','>> {};
struct gap : pegtl::seq<opt_comma, pegtl::star<pegtl::one<' ', '\t'>>> {};

// Numbers are bounded on both sides so "20188" is never read as 2018.
struct not_digit_after : pegtl::not_at<pegtl::digit> {};
struct day_number : pegtl::seq<pegtl::rep_min_max<1, 2, pegtl::digit>, not_digit_after> {};
struct month_number : pegtl::seq<pegtl::rep_min_max<1, 2, pegtl::digit>, not_digit_after> {};
struct year_number : pegtl::seq<pegtl::rep<4, pegtl::digit>, not_digit_after> {};

struct month_name : pegtl::seq<pegtl::plus<pegtl::alpha>, pegtl::opt<pegtl::one<'.'>>> {};
struct weekday_name : pegtl::seq<pegtl::plus<pegtl::alpha>, pegtl::opt<pegtl::one<'.'>>> {};

// "1st", "22nd", "3rd", "14th" after a day number
struct ordinal_suffix : pegtl::sor<TAO_PEGTL_ISTRING("st"), TAO_PEGTL_ISTRING("nd"), TAO_PEGTL_ISTRING("rd"), TAO_PEGTL_ISTRING("th")> {};
struct day_ordinal : pegtl::seq<pegtl::rep_min_max<1, 2, pegtl::digit>, pegtl::opt<ordinal_suffix>, pegtl::not_at<pegtl::alnum>> {};
struct of_word : pegtl::seq<TAO_PEGTL_ISTRING("of"), sep_space> {};
// "May 01, 2018", "Nov 14 2018", "August 1st, 2016", "Monday, May 1 2018"
// (a weekday is tried as a whole alternative: an opt<> would keep a month name as the weekday)
struct month_day_year_tail : pegtl::seq<month_name, sep_space, day_ordinal, gap, year_number> {};
struct month_day_year : pegtl::sor<pegtl::seq<weekday_name, gap, month_day_year_tail>, month_day_year_tail> {};
// "Sun 16 Apr 2017", "12 February 2015", "13 July 2018", "1st of August 2016"
struct day_month_year : pegtl::seq<pegtl::opt<weekday_name, gap>, day_ordinal, sep_space, pegtl::opt<of_word>, month_name, gap, year_number> {};
// FA-KES datelines lost the space between the day and the year: "Jul 262016", "Feb 022015"
struct glued_day_year : pegtl::sor<pegtl::seq<pegtl::rep<2, pegtl::digit>, year_number>, pegtl::seq<pegtl::digit, year_number>> {};
struct month_day_glued_year : pegtl::seq<month_name, sep_space, glued_day_year> {};
// "05-02-2015", "06.04.2017", "05/02/2015"
struct numeric_sep : pegtl::one<'-', '.', '/'> {};
struct numeric_date : pegtl::seq<day_number, numeric_sep, month_number, numeric_sep, year_number> {};
// "2017-04-05"
struct iso_date : pegtl::seq<year_number, pegtl::one<'-'>, month_number, pegtl::one<'-'>, day_number> {};
// "2017/04/05", "2017.04.05": year first, any separator
struct year_first_date : pegtl::seq<year_number, pegtl::one<'/', '.'>, month_number, pegtl::one<'/', '.'>, day_number> {};

struct written_date : pegtl::sor<iso_date, year_first_date, numeric_date, month_day_year, day_month_year, month_day_glued_year> {};

// A column value is a whole field: M/D/YYYY or ISO.
struct column_mdy : pegtl::seq<month_number, pegtl::one<'/'>, day_number, pegtl::one<'/'>, year_number> {};
struct column_date : pegtl::seq<pegtl::star<pegtl::space>, pegtl::sor<iso_date, column_mdy>, pegtl::star<pegtl::space>, pegtl::eof> {};
// clang-format on

}  // namespace reckon::grammar::dateline
