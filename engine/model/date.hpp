// Calendar dates with a precision. A casualty report may say "on Sunday" (a day),
// "last month" (a month) or "in 2017" (a year); the precision travels with the date
// so that matching can compare "February 2018" with "2018-02-14" honestly. A period
// is a run of whole days that is no calendar month or year: "last week", "the past
// three days", or the look-back window of a figure whose article names no date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reckon {

// `period` comes last so that the older values keep their numbers.
enum class date_precision { unknown, year, month, day, period };

std::string_view to_string(date_precision p);

struct date {
    int year = 0;   // proleptic Gregorian year, 0 when unknown
    int month = 0;  // 1..12, 0 when precision is year or unknown
    int day = 0;    // 1..31, 0 unless precision is day or period (its first day)
    date_precision precision = date_precision::unknown;
    int days = 0;   // period only: how many days it covers (>= 1)

    static date of_day(int y, int m, int d) { return {y, m, d, date_precision::day}; }
    static date of_month(int y, int m) { return {y, m, 0, date_precision::month}; }
    static date of_year(int y) { return {y, 0, 0, date_precision::year}; }
    // The days first..last (days since 1970-01-01); one day gives a day-precision date.
    static date of_period(std::int64_t first, std::int64_t last);

    bool known() const { return precision != date_precision::unknown; }
    // ISO 8601 at the date's precision: "2018-11-11", "2018-11", "2018", a period as an
    // ISO interval "2018-11-05/2018-11-11", or "".
    std::string iso() const;
    // Parses "YYYY-MM-DD", "YYYY-MM", "YYYY" or "YYYY-MM-DD/YYYY-MM-DD"; nullopt when
    // malformed or invalid.
    static std::optional<date> parse_iso(std::string_view text);

    // First and last day covered by the date, as days since 1970-01-01.
    std::int64_t first_day() const;
    std::int64_t last_day() const;

    friend bool operator==(const date& a, const date& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day && a.precision == b.precision && a.days == b.days;
    }
    friend bool operator!=(const date& a, const date& b) { return !(a == b); }
    friend bool operator<(const date& a, const date& b);
};

bool valid_ymd(int y, int m, int d);
int days_in_month(int y, int m);
// Days since 1970-01-01 (Howard Hinnant's civil calendar algorithm).
std::int64_t days_from_civil(int y, int m, int d);
date civil_from_days(std::int64_t days);
// 0 = Monday .. 6 = Sunday.
int weekday_of(std::int64_t days);
// Month number 1..12 from an English name or 3-letter abbreviation, any case; 0 if none.
int month_from_name(std::string_view name);
// Weekday 0 (Monday)..6 (Sunday) from an English name or abbreviation, any case; -1 if none.
int weekday_from_name(std::string_view name);

}  // namespace reckon
