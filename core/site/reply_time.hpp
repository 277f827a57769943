// When a person will answer: working time counted in the team's own time zone, with its
// weekly hours, weekends and public holidays (P10: promise only what is true).
//
//   auto zone = parse_time_zone("CET-1CEST,M3.5.0,M10.5.0/3");   // Europe/Belgrade
//   business_hours h{zone.value(), week, holidays};
//   long long due = reply_due(h, now_ms, 120);                     // 2 working hours
//   local_time t = to_local(h.zone, due);                          // Monday 09:30
//
// Time zones are POSIX TZ rules (the last line of a tzdata file, see tzfile(5)), so the
// browser build needs no time-zone database: std offset, optional DST name and offset,
// and the change rules in the Mm.w.d[/time] form. Instants are ms since 1970 (UTC).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace ha::site {

struct time_zone {
  std::string rule;    // as given
  int std_offset = 0;  // minutes east of UTC in standard time (CET: +60)
  bool has_dst = false;
  int dst_offset = 0;  // minutes east of UTC in daylight saving time (CEST: +120)
  // The changes, Mm.w.d/time: month 1–12, week 1–5 (5 = last), weekday 0 = Sunday,
  // time in minutes after local midnight (of the time in force before the change).
  struct change {
    int month = 0, week = 0, weekday = 0, minute = 120;
  };
  change dst_start, dst_end;
};

// Errors: invalid_argument, with what is wrong, for a rule this does not understand
// (only the Mm.w.d form of change rules is accepted).
result<time_zone> parse_time_zone(std::string_view posix_rule);

struct civil_date {
  int year = 0, month = 0, day = 0;
  friend bool operator==(const civil_date&, const civil_date&) = default;
};

struct local_time {
  civil_date date;
  int weekday = 0;  // 0 = Sunday … 6 = Saturday
  int hour = 0, minute = 0;
  int offset = 0;  // minutes east of UTC in force at that instant
};

// Days since 1970-01-01 (proleptic Gregorian); differences count calendar days.
long long days_from_civil(civil_date date);

int offset_at(const time_zone& zone, long long utc_ms);  // minutes east of UTC
local_time to_local(const time_zone& zone, long long utc_ms);
// The instant a local wall-clock time names. A time skipped by the spring change is read
// with the offset before the change (02:30 → 03:30 CEST); a time that happens twice in
// autumn is the first of the two.
long long to_utc(const time_zone& zone, civil_date date, int hour, int minute);

// One span of working time, minutes after local midnight, [from, to).
struct interval {
  int from = 0, to = 0;
  friend bool operator==(const interval&, const interval&) = default;
};

struct business_hours {
  time_zone zone;
  std::array<std::vector<interval>, 7> week;  // by weekday, 0 = Sunday; empty = closed
  std::vector<civil_date> holidays;           // closed all day
};

// "08:00-16:30" → {480, 990}. Errors: invalid_argument (bad form, to ≤ from, past 24:00).
result<interval> parse_interval(std::string_view text);
// "2026-12-25". Errors: invalid_argument (bad form or no such day).
result<civil_date> parse_date(std::string_view text);
// "mon" … "sun" → 1 … 6, 0; -1 for anything else.
int weekday_from_name(std::string_view name);

// The instant when `working_minutes` of the team's working time have passed after
// `from_utc_ms`. A case that arrives out of hours starts counting when work starts.
// 0 minutes: the next instant the team is at work (from_utc_ms itself if it is).
// When no working time exists in the next 400 days, returns -1.
long long reply_due(const business_hours& hours, long long from_utc_ms, int working_minutes);

}  // namespace ha::site
