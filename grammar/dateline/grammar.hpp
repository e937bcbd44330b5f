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

// "May 01, 2018", "Nov 14 2018"
struct month_day_year : pegtl::seq<month_name, sep_space, day_number, gap, year_number> {};
// "Sun 16 Apr 2017", "12 February 2015", "13 July 2018"
struct day_month_year : pegtl::seq<pegtl::opt<weekday_name, gap>, day_number, sep_space, month_name, gap, year_number> {};
// "05-02-2015", "06.04.2017", "05/02/2015"
struct numeric_sep : pegtl::one<'-', '.', '/'> {};
struct numeric_date : pegtl::seq<day_number, numeric_sep, month_number, numeric_sep, year_number> {};
// "2017-04-05"
struct iso_date : pegtl::seq<year_number, pegtl::one<'-'>, month_number, pegtl::one<'-'>, day_number> {};

struct written_date : pegtl::sor<iso_date, numeric_date, month_day_year, day_month_year> {};

// A column value is a whole field: M/D/YYYY or ISO.
struct column_mdy : pegtl::seq<month_number, pegtl::one<'/'>, day_number, pegtl::one<'/'>, year_number> {};
struct column_date : pegtl::seq<pegtl::star<pegtl::space>, pegtl::sor<iso_date, column_mdy>, pegtl::star<pegtl::space>, pegtl::eof> {};
// clang-format on

}  // namespace reckon::grammar::dateline
