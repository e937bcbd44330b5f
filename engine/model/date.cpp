#include "model/date.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <tuple>
#include <utility>

namespace reckon {

std::string_view to_string(date_precision p) {
    switch (p) {
    case date_precision::day: return "day";
    case date_precision::month: return "month";
    case date_precision::year: return "year";
    case date_precision::period: return "period";
    case date_precision::unknown: break;
    }
    return "unknown";
}

bool operator<(const date& a, const date& b) {
    return std::tie(a.year, a.month, a.day, a.precision, a.days) < std::tie(b.year, b.month, b.day, b.precision, b.days);
}

date date::of_period(std::int64_t first, std::int64_t last) {
    if (last < first) std::swap(first, last);
    date d = civil_from_days(first);
    if (last == first) return d;
    d.precision = date_precision::period;
    d.days = static_cast<int>(last - first + 1);
    return d;
}

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[static_cast<std::size_t>(m - 1)];
}

bool valid_ymd(int y, int m, int d) {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153u * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2u) / 5u + static_cast<unsigned>(d) - 1u;
    const unsigned doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

date civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return date::of_day(static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d));
}

int weekday_of(std::int64_t days) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const std::int64_t w = (days + 3) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string date::iso() const {
    char buf[16];
    switch (precision) {
    case date_precision::day: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); return buf;
    case date_precision::month: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); return buf;
    case date_precision::year: std::snprintf(buf, sizeof buf, "%04d", year); return buf;
    case date_precision::period: {
        const date last = civil_from_days(last_day());
        char out[64];
        std::snprintf(out, sizeof out, "%04d-%02d-%02d/%04d-%02d-%02d", year, month, day, last.year, last.month, last.day);
        return out;
    }
    case date_precision::unknown: break;
    }
    return {};
}

namespace {
bool read_digits(std::string_view s, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}
}  // namespace

std::optional<date> date::parse_iso(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (s.size() == 4 && read_digits(s, 0, 4, y) && y >= 1) return date::of_year(y);
    if (s.size() == 7 && read_digits(s, 0, 4, y) && s[4] == '-' && read_digits(s, 5, 2, m) && y >= 1 && m >= 1 && m <= 12)
        return date::of_month(y, m);
    if (s.size() == 10 && read_digits(s, 0, 4, y) && s[4] == '-' && read_digits(s, 5, 2, m) && s[7] == '-' &&
        read_digits(s, 8, 2, d) && valid_ymd(y, m, d))
        return date::of_day(y, m, d);
    if (s.size() == 21 && s[10] == '/') {
        const auto first = parse_iso(s.substr(0, 10)), last = parse_iso(s.substr(11));
        if (first && last && first->precision == date_precision::day && last->precision == date_precision::day &&
            first->first_day() < last->first_day())
            return date::of_period(first->first_day(), last->first_day());
    }
    return std::nullopt;
}

std::int64_t date::first_day() const {
    switch (precision) {
    case date_precision::day:
    case date_precision::period: return days_from_civil(year, month, day);
    case date_precision::month: return days_from_civil(year, month, 1);
    case date_precision::year: return days_from_civil(year, 1, 1);
    case date_precision::unknown: break;
    }
    return 0;
}

std::int64_t date::last_day() const {
    switch (precision) {
    case date_precision::day: return days_from_civil(year, month, day);
    case date_precision::period: return days_from_civil(year, month, day) + days - 1;
    case date_precision::month: return days_from_civil(year, month, days_in_month(year, month));
    case date_precision::year: return days_from_civil(year, 12, 31);
    case date_precision::unknown: break;
    }
    return 0;
}

namespace {
bool iequals_prefix(std::string_view name, std::string_view full, std::size_t min_len) {
    if (name.size() < min_len || name.size() > full.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(name[i])) != full[i]) return false;
    return true;
}
}  // namespace

int month_from_name(std::string_view name) {
    static constexpr std::array<std::string_view, 12> months{"january", "february", "march",     "april",
                                                             "may",     "june",     "july",      "august",
                                                             "september", "october", "november", "december"};
    if (name.size() == 4 && iequals_prefix(name, "sept", 4)) return 9;
    for (std::size_t i = 0; i < months.size(); ++i) {
        // Either the full name or its three-letter abbreviation.
        if (name.size() == months[i].size() && iequals_prefix(name, months[i], 3)) return static_cast<int>(i) + 1;
        if (name.size() == 3 && iequals_prefix(name, months[i], 3)) return static_cast<int>(i) + 1;
    }
    return 0;
}

int weekday_from_name(std::string_view name) {
    static constexpr std::array<std::string_view, 7> days{"monday", "tuesday", "wednesday", "thursday",
                                                          "friday", "saturday", "sunday"};
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (name.size() == days[i].size() && iequals_prefix(name, days[i], 3)) return static_cast<int>(i);
        if (name.size() == 3 && iequals_prefix(name, days[i], 3)) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace reckon
