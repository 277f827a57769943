// The help center's handoff settings from site.yaml, as kbc stores them in kb.sqlite
// (meta 'handoff', JSON): the company's contacts, the teams' time zone, working hours
// and holidays, and the channels a case can travel by with each one's reply target.
//
//   {"company": {"name", "phone", "email", "website"},
//    "time_zone": {"name": "Europe/Belgrade", "rule": "CET-1CEST,M3.5.0,M10.5.0/3"},
//    "holidays": ["2026-01-01", …],
//    "hours": {"billing": {"mon": ["08:00-20:00"], …, "sat": ["09:00-14:00"]}, …},
//    "categories": {"billing": "billing", "internet": "technical", …},
//    "channels": [{"type": "webhook", "url": "/handoff", "reply_within": 120}, …],
//    "fields": {"orders": [{"id": "order_number", "label": {"en": …, "sr-Latn": …},
//               "pattern": "^[0-9]{5,10}$"}], …}}
//
// reply_within is in minutes of the team's working time; a channel without it makes no
// promise (download).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "site/reply_time.hpp"

namespace ha::site {

struct channel {
  std::string type;       // local, webhook, email, download
  std::string url;        // webhook
  std::string address;    // email
  int reply_within = -1;  // working minutes; -1: no promise
};

// Something a team needs to take a case on (an order number, a contract number): the
// handoff form asks for it, the case carries it. pattern is an ECMAScript regular
// expression the whole value must match (the form checks it; kbc checked it compiles).
struct field {
  std::string id;
  std::map<std::string, std::string, std::less<>> label;  // content language → text
  std::string pattern;
};

struct config {
  std::string company_name, phone, email, website;
  std::string zone_name;
  time_zone zone;
  std::vector<civil_date> holidays;
  std::map<std::string, std::array<std::vector<interval>, 7>, std::less<>> teams;  // week
  std::map<std::string, std::string, std::less<>> category_teams;  // article category → team
  std::vector<channel> channels;
  std::map<std::string, std::vector<field>, std::less<>> fields;  // team → what it needs

  bool empty() const noexcept { return teams.empty(); }
  const channel* find_channel(std::string_view type) const;
  business_hours hours(std::string_view team) const;  // closed all week for an unknown team
};

// "2h", "90m", "1h30m", "3d" (days of 24 working hours are not meant: "d" is 8h, a
// working day). Errors: invalid_argument.
result<int> parse_duration(std::string_view text);

// Errors: invalid_argument with what is wrong (kbc checked the source, so only a damaged
// database gets here).
result<config> config_from_json(std::string_view json);

struct reply_estimate {
  long long due = -1;  // ms since 1970; -1 when nothing can be promised
  local_time local;    // due, in the teams' time zone
  int days_ahead = 0;  // local calendar days from `from` to `due` (0 today, 1 tomorrow)
  int working_minutes = -1;
  std::string team;  // the team counted ("" when the case's team is not known: the slowest)
};

// When a person answers a case for `team` sent by `channel_type` at `from` (ms since
// 1970), rounded up to the quarter hour. For an unknown team, the latest of all teams:
// a promise we can keep. Nothing is promised for a time outside 1970–9999.
reply_estimate estimate_reply(const config& c, std::string_view team, std::string_view channel_type,
                              long long from);

}  // namespace ha::site
