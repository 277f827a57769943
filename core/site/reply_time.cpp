#include "site/reply_time.hpp"

#include <algorithm>
#include <cstddef>
#include <string>

namespace ha::site {
namespace {

constexpr long long ms_per_minute = 60'000;
constexpr long long minutes_per_day = 24 * 60;
constexpr long long ms_per_day = minutes_per_day * ms_per_minute;

// A tzdata footer is under 50 bytes; anything much longer is not a rule but a mistake,
// and the bound keeps the error message (which quotes the rule) short.
constexpr std::size_t max_rule_bytes = 128;
// POSIX limits a UTC offset to 24 hours; the change time may reach 167 hours (the
// tzfile(5) extension that lets a rule name "the Saturday before the last Sunday").
constexpr int max_offset_hours = 24;
constexpr int max_change_hours = 167;
// How far ahead reply_due looks. More than a year, so a team closed for the holidays
// and a long summer break still gets a date, but a team that never works ends the walk.
constexpr int max_days_ahead = 400;

// Division that rounds towards minus infinity: instants before 1970 (and local times
// just before midnight) must land on the earlier day, not on 1970-01-01.
long long floor_div(long long a, long long b) {
  const long long q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}
long long floor_mod(long long a, long long b) {
  return a - floor_div(a, b) * b;
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

// The inverse of days_from_civil, by the same March-based cycles.
civil_date civil_from_days(long long days) {
  const long long shifted = days + 719468;
  const long long cycle = floor_div(shifted, 146097);
  const long long day_of_cycle = shifted - cycle * 146097;  // 0 … 146096
  // One day less per four years, one more per century, one less for the cycle's last
  // day (its final leap day): then every year of the cycle divides as 365 days.
  const long long year_of_cycle =
      (day_of_cycle - day_of_cycle / 1460 + day_of_cycle / 36524 - day_of_cycle / 146096) / 365;
  const long long day_of_year =
      day_of_cycle - (365 * year_of_cycle + year_of_cycle / 4 - year_of_cycle / 100);
  const long long month_from_march = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  const int month =
      static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  const int year = static_cast<int>(year_of_cycle + cycle * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int weekday_of(long long days) {
  return static_cast<int>(floor_mod(days + 4, 7));  // 1970-01-01 was a Thursday
}

// The day a Mm.w.d rule names in one year: week 1–4 counts from the first such weekday,
// week 5 is the last one (the fourth or the fifth).
civil_date change_day(const time_zone::change& c, int year) {
  if (c.week == 5) {
    const int last = days_in_month(year, c.month);
    const int last_weekday = weekday_of(days_from_civil({year, c.month, last}));
    return {year, c.month, last - (last_weekday - c.weekday + 7) % 7};
  }
  const int first_weekday = weekday_of(days_from_civil({year, c.month, 1}));
  return {year, c.month, 1 + (c.weekday - first_weekday + 7) % 7 + (c.week - 1) * 7};
}

// The UTC instant of a change: its time is read in the offset in force before it.
long long change_instant(const time_zone::change& c, int year, int offset_before) {
  return days_from_civil(change_day(c, year)) * ms_per_day +
         (c.minute - offset_before) * ms_per_minute;
}

long long local_ms(civil_date date, int hour, int minute) {
  return days_from_civil(date) * ms_per_day + (hour * 60LL + minute) * ms_per_minute;
}

// --- POSIX TZ parsing -----------------------------------------------------------------

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Reads a rule left to right; every read either consumes what it understood or
// reports what it expected, so an error can say where the rule went wrong.
class rule_reader {
 public:
  explicit rule_reader(std::string_view rule) : rule_(rule) {}

  bool done() const { return pos_ >= rule_.size(); }
  char peek() const { return done() ? '\0' : rule_[pos_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  error fail(const std::string& what) const {
    return {errc::invalid_argument, "time zone \"" + std::string(rule_) + "\": " + what +
                                        " at offset " + std::to_string(pos_)};
  }

  // Up to max_digits decimal digits; -1 if there is none.
  int number(int max_digits) {
    int value = -1;
    for (int n = 0; n < max_digits && is_digit(peek()); ++n) {
      value = (value < 0 ? 0 : value * 10) + (rule_[pos_++] - '0');
    }
    return value;
  }

  // A zone name: three or more letters, or <…> holding letters, digits, '+' and '-'
  // (for zones named by their offset, such as <+04>).
  status name(const char* which) {
    const std::size_t start = pos_;
    if (eat('<')) {
      while (is_letter(peek()) || is_digit(peek()) || peek() == '+' || peek() == '-') ++pos_;
      if (pos_ - start - 1 < 3) return fail(std::string("the ") + which + " name is too short");
      if (!eat('>')) return fail(std::string("the ") + which + " name needs a closing '>'");
      return ok_status();
    }
    while (is_letter(peek())) ++pos_;
    if (pos_ - start < 3) {
      return fail(std::string("expected a ") + which + " name of three or more letters");
    }
    return ok_status();
  }

  // [+-]h[h][:mm[:ss]] as signed minutes (seconds are dropped: no zone in use today has
  // them, and the rest of the module counts in minutes).
  result<int> hours_minutes(int max_hours, const char* what) {
    int sign = 1;
    if (eat('-')) {
      sign = -1;
    } else {
      eat('+');
    }
    const int hours = number(3);
    if (hours < 0) return fail(std::string("expected ") + what);
    if (hours > max_hours) return fail(std::string(what) + " is out of range");
    int minutes = 0;
    if (eat(':')) {
      minutes = two_digits_below_60();
      if (minutes < 0) return fail(std::string("expected two-digit minutes in ") + what);
      if (eat(':') && two_digits_below_60() < 0) {
        return fail(std::string("expected two-digit seconds in ") + what);
      }
    }
    return sign * (hours * 60 + minutes);
  }

  // Mm.w.d[/time]
  result<time_zone::change> change() {
    if (!eat('M')) return fail("only change rules of the form Mm.w.d are supported");
    time_zone::change c;
    c.month = number(2);
    if (c.month < 1 || c.month > 12) return fail("expected a month 1-12");
    if (!eat('.')) return fail("expected '.' after the month");
    c.week = number(1);
    if (c.week < 1 || c.week > 5) return fail("expected a week 1-5");
    if (!eat('.')) return fail("expected '.' after the week");
    c.weekday = number(1);
    if (c.weekday < 0 || c.weekday > 6) return fail("expected a weekday 0-6");
    if (eat('/')) {
      auto minute = hours_minutes(max_change_hours, "a change time");
      if (!minute) return minute.err();
      c.minute = minute.value();
    }
    return c;
  }

 private:
  int two_digits_below_60() {
    if (!is_digit(peek()) || pos_ + 1 >= rule_.size() || !is_digit(rule_[pos_ + 1])) return -1;
    const int value = number(2);
    return value < 60 ? value : -1;
  }

  std::string_view rule_;
  std::size_t pos_ = 0;
};

bool starts_offset(char c) {
  return is_digit(c) || c == '+' || c == '-';
}

// The part after the standard time: DST name, optional offset, and the two changes.
status read_daylight_saving(rule_reader& r, time_zone& zone) {
  if (status s = r.name("daylight saving time"); !s) return s;
  zone.has_dst = true;
  zone.dst_offset = zone.std_offset + 60;  // POSIX: one hour ahead unless given
  if (starts_offset(r.peek())) {
    auto offset = r.hours_minutes(max_offset_hours, "a UTC offset");
    if (!offset) return offset.err();
    zone.dst_offset = -offset.value();
  }
  // POSIX leaves the changes implementation-defined when they are missing; guessing
  // (glibc uses the old US dates) would give wrong reply times, so ask for them.
  if (!r.eat(',')) return r.fail("expected ',' and the daylight saving change rules");
  auto start = r.change();
  if (!start) return start.err();
  if (!r.eat(',')) return r.fail("expected ',' and the rule for the end of daylight saving");
  auto end = r.change();
  if (!end) return end.err();
  zone.dst_start = start.value();
  zone.dst_end = end.value();
  return ok_status();
}

// --- reply_due ------------------------------------------------------------------------

// A day's intervals in order, overlaps merged and clamped to the day, so that no
// working minute is counted twice whatever order the configuration lists them in.
std::vector<interval> tidy(std::vector<interval> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const interval& a, const interval& b) { return a.from < b.from; });
  std::vector<interval> out;
  for (interval span : spans) {
    span.from = std::max(span.from, 0);
    span.to = std::min(span.to, static_cast<int>(minutes_per_day));
    if (span.to <= span.from) continue;
    if (!out.empty() && span.from <= out.back().to) {
      out.back().to = std::max(out.back().to, span.to);
    } else {
      out.push_back(span);
    }
  }
  return out;
}

bool is_holiday(const business_hours& hours, civil_date date) {
  return std::find(hours.holidays.begin(), hours.holidays.end(), date) != hours.holidays.end();
}

bool parse_clock(std::string_view text, int& minutes) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon < 1 || colon > 2 || text.size() != colon + 3) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != colon && !is_digit(text[i])) return false;
  }
  int hour = 0;
  for (std::size_t i = 0; i < colon; ++i) hour = hour * 10 + (text[i] - '0');
  const int minute = (text[colon + 1] - '0') * 10 + (text[colon + 2] - '0');
  if (minute >= 60 || hour > 24 || (hour == 24 && minute != 0)) return false;
  minutes = hour * 60 + minute;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

// Days since 1970-01-01 in the proleptic Gregorian calendar. The year is counted from
// 1 March, so February (and its leap day) comes last: month lengths from March on then
// follow (153 * m + 2) / 5, and every 400-year cycle has the same 146097 days.
long long days_from_civil(civil_date date) {
  const long long year = date.year - (date.month <= 2 ? 1 : 0);
  const long long cycle = floor_div(year, 400);
  const long long year_of_cycle = year - cycle * 400;        // 0 … 399
  const long long month_from_march = (date.month + 9) % 12;  // March = 0
  const long long day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
  const long long day_of_cycle =
      year_of_cycle * 365 + year_of_cycle / 4 - year_of_cycle / 100 + day_of_year;
  constexpr long long days_0000_03_01_to_1970 = 719468;
  return cycle * 146097 + day_of_cycle - days_0000_03_01_to_1970;
}

result<time_zone> parse_time_zone(std::string_view posix_rule) {
  if (posix_rule.empty()) return error{errc::invalid_argument, "time zone: the rule is empty"};
  if (posix_rule.size() > max_rule_bytes) {
    return error{errc::invalid_argument,
                 "time zone: the rule is longer than " + std::to_string(max_rule_bytes) + " bytes"};
  }
  time_zone zone;
  zone.rule = std::string(posix_rule);
  rule_reader r(posix_rule);
  if (status s = r.name("standard time"); !s) return s.err();
  // Required: a bare "CET" says nothing about where the zone is.
  auto offset = r.hours_minutes(max_offset_hours, "the UTC offset of standard time");
  if (!offset) return offset.err();
  zone.std_offset = -offset.value();  // POSIX counts west of Greenwich as positive
  if (!r.done()) {
    if (status s = read_daylight_saving(r, zone); !s) return s.err();
  }
  if (!r.done()) return r.fail("unexpected text after the rule");
  return zone;
}

int offset_at(const time_zone& zone, long long utc_ms) {
  if (!zone.has_dst) return zone.std_offset;
  // The changes of the year in force locally; they are months away from New Year, so
  // which offset decides the year does not matter.
  const long long local_std = utc_ms + zone.std_offset * ms_per_minute;
  const int year = civil_from_days(floor_div(local_std, ms_per_day)).year;
  const long long start = change_instant(zone.dst_start, year, zone.std_offset);
  const long long end = change_instant(zone.dst_end, year, zone.dst_offset);
  // Northern rules have daylight saving between start and end of one year; southern
  // ones (start in spring = October) have it outside the span from end to start.
  const bool in_dst =
      start < end ? (utc_ms >= start && utc_ms < end) : !(utc_ms >= end && utc_ms < start);
  return in_dst ? zone.dst_offset : zone.std_offset;
}

local_time to_local(const time_zone& zone, long long utc_ms) {
  local_time t;
  t.offset = offset_at(zone, utc_ms);
  const long long local = utc_ms + t.offset * ms_per_minute;
  const long long days = floor_div(local, ms_per_day);
  const long long minute_of_day = floor_div(local - days * ms_per_day, ms_per_minute);
  t.date = civil_from_days(days);
  t.weekday = weekday_of(days);
  t.hour = static_cast<int>(minute_of_day / 60);
  t.minute = static_cast<int>(minute_of_day % 60);
  return t;
}

long long to_utc(const time_zone& zone, civil_date date, int hour, int minute) {
  const long long local = local_ms(date, hour, minute);
  const long long as_std = local - zone.std_offset * ms_per_minute;
  if (!zone.has_dst) return as_std;
  const long long as_dst = local - zone.dst_offset * ms_per_minute;
  const bool std_fits = offset_at(zone, as_std) == zone.std_offset;
  const bool dst_fits = offset_at(zone, as_dst) == zone.dst_offset;
  if (std_fits && dst_fits) return std::min(as_std, as_dst);  // twice: the first
  if (std_fits) return as_std;
  if (dst_fits) return as_dst;
  // Skipped: the change lies between the two readings, and the earlier reading is
  // still before it, so its offset is the one in force before the change.
  const long long earlier = std::min(as_std, as_dst);
  return local - offset_at(zone, earlier) * ms_per_minute;
}

result<interval> parse_interval(std::string_view text) {
  const std::string_view spec = trim(text);
  const std::size_t dash = spec.find('-');
  interval span;
  if (dash == std::string_view::npos || !parse_clock(trim(spec.substr(0, dash)), span.from) ||
      !parse_clock(trim(spec.substr(dash + 1)), span.to)) {
    return error{errc::invalid_argument,
                 "working hours \"" + std::string(text) + "\": expected hh:mm-hh:mm"};
  }
  if (span.from >= static_cast<int>(minutes_per_day) || span.to <= span.from) {
    return error{errc::invalid_argument,
                 "working hours \"" + std::string(text) + "\": the end must be after the start"};
  }
  return span;
}

result<civil_date> parse_date(std::string_view text) {
  const auto bad = [&](const char* what) {
    return error{errc::invalid_argument, "date \"" + std::string(text) + "\": " + what};
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad("expected YYYY-MM-DD");
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && i != 7 && !is_digit(text[i])) return bad("expected YYYY-MM-DD");
  }
  const auto digits = [&](std::size_t at, std::size_t n) {
    int value = 0;
    for (std::size_t i = at; i < at + n; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  const civil_date date{digits(0, 4), digits(5, 2), digits(8, 2)};
  if (date.month < 1 || date.month > 12) return bad("no such month");
  if (date.day < 1 || date.day > days_in_month(date.year, date.month)) return bad("no such day");
  return date;
}

int weekday_from_name(std::string_view name) {
  constexpr std::string_view names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  if (name.size() != 3) return -1;
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  for (int day = 0; day < 7; ++day) {
    if (lower == names[day]) return day;
  }
  return -1;
}

long long reply_due(const business_hours& hours, long long from_utc_ms, int working_minutes) {
  std::array<std::vector<interval>, 7> week;
  for (std::size_t day = 0; day < week.size(); ++day) week[day] = tidy(hours.week[day]);
  long long remaining = std::max(working_minutes, 0) * ms_per_minute;
  const long long first_day = days_from_civil(to_local(hours.zone, from_utc_ms).date);
  // Local days, so each span's ends go through to_utc on their own date: on the day the
  // clocks change, 08:00-16:00 is still eight real hours.
  for (long long day = first_day; day <= first_day + max_days_ahead; ++day) {
    const civil_date date = civil_from_days(day);
    if (is_holiday(hours, date)) continue;
    for (const interval& span : week[weekday_of(day)]) {
      const long long start =
          std::max(to_utc(hours.zone, date, span.from / 60, span.from % 60), from_utc_ms);
      const long long end = to_utc(hours.zone, date, span.to / 60, span.to % 60);
      if (start >= end) continue;
      if (remaining <= end - start) return start + remaining;
      remaining -= end - start;
    }
  }
  return -1;
}

}  // namespace ha::site
