#include "site/config.hpp"

#include <nlohmann/json.hpp>

#include "common/json_io.hpp"

namespace ha::site {

using nlohmann::json;

namespace {

constexpr const char* day_names[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

}  // namespace

const channel* config::find_channel(std::string_view type) const {
  for (const auto& c : channels) {
    if (c.type == type) return &c;
  }
  return nullptr;
}

business_hours config::hours(std::string_view team) const {
  business_hours h;
  h.zone = zone;
  h.holidays = holidays;
  if (const auto it = teams.find(team); it != teams.end()) h.week = it->second;
  return h;
}

result<int> parse_duration(std::string_view text) {
  int total = 0;
  bool any = false;
  std::size_t i = 0;
  while (i < text.size()) {
    int n = 0;
    const std::size_t digits = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && n < 100000) {
      n = n * 10 + (text[i++] - '0');
    }
    if (i == digits || i == text.size()) break;
    const char unit = text[i++];
    if (unit == 'm') {
      total += n;
    } else if (unit == 'h') {
      total += n * 60;
    } else if (unit == 'd') {
      total += n * 8 * 60;
    } else {
      return {errc::invalid_argument, "unknown unit '" + std::string(1, unit) + "'"};
    }
    any = true;
  }
  if (!any || i != text.size()) {
    std::string message(1, '\'');
    message += text;
    message += "' is not a duration like 2h, 90m or 1h30m";
    return {errc::invalid_argument, message};
  }
  return total;
}

result<config> config_from_json(std::string_view text) {
  const json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return {errc::invalid_argument, "the handoff settings are not JSON"};
  config c;
  if (const auto it = j.find("company"); it != j.end() && it->is_object()) {
    c.company_name = detail::read_string(*it, "name");
    c.phone = detail::read_string(*it, "phone");
    c.email = detail::read_string(*it, "email");
    c.website = detail::read_string(*it, "website");
  }
  if (const auto it = j.find("time_zone"); it != j.end() && it->is_object()) {
    c.zone_name = detail::read_string(*it, "name");
    auto zone = parse_time_zone(detail::read_string(*it, "rule"));
    if (!zone) return zone.err();
    c.zone = std::move(zone.value());
  }
  for (const std::string& day : detail::read_strings(j, "holidays")) {
    auto date = parse_date(day);
    if (!date) return date.err();
    c.holidays.push_back(date.value());
  }
  if (const auto it = j.find("hours"); it != j.end() && it->is_object()) {
    for (const auto& [team, week] : it->items()) {
      auto& days = c.teams[team];
      if (!week.is_object()) continue;
      for (int d = 0; d < 7; ++d) {
        for (const std::string& span : detail::read_strings(week, day_names[d])) {
          auto parsed = parse_interval(span);
          if (!parsed) return parsed.err();
          days[static_cast<std::size_t>(d)].push_back(parsed.value());
        }
      }
    }
  }
  if (const auto it = j.find("categories"); it != j.end() && it->is_object()) {
    for (const auto& [category, team] : it->items()) {
      if (team.is_string()) c.category_teams[category] = team.get<std::string>();
    }
  }
  if (const auto it = j.find("channels"); it != j.end() && it->is_array()) {
    for (const auto& item : *it) {
      if (!item.is_object()) continue;
      channel ch{detail::read_string(item, "type"), detail::read_string(item, "url"),
                 detail::read_string(item, "address"),
                 static_cast<int>(detail::read_integer(item, "reply_within", -1))};
      c.channels.push_back(std::move(ch));
    }
  }
  if (const auto it = j.find("fields"); it != j.end() && it->is_object()) {
    for (const auto& [team, list] : it->items()) {
      if (!list.is_array()) continue;
      for (const auto& item : list) {
        if (!item.is_object()) continue;
        field f{detail::read_string(item, "id"), {}, detail::read_string(item, "pattern")};
        if (const auto label = item.find("label"); label != item.end() && label->is_object()) {
          for (const auto& [lang, value] : label->items()) {
            if (value.is_string()) f.label[lang] = value.get<std::string>();
          }
        }
        if (!f.id.empty()) c.fields[team].push_back(std::move(f));
      }
    }
  }
  return c;
}

reply_estimate estimate_reply(const config& c, std::string_view team, std::string_view channel_type,
                              long long from) {
  reply_estimate out;
  const channel* ch = c.find_channel(channel_type);
  if (ch == nullptr || ch->reply_within < 0 || !detail::valid_time(from)) return out;
  out.working_minutes = ch->reply_within;
  const bool known = c.teams.find(team) != c.teams.end();
  if (known) {
    out.team = std::string(team);
    out.due = reply_due(c.hours(team), from, ch->reply_within);
  } else {
    for (const auto& [id, week] : c.teams) {
      const long long due = reply_due(c.hours(id), from, ch->reply_within);
      if (due < 0) continue;
      if (due > out.due) out.due = due;
    }
  }
  if (out.due < 0) return out;
  // A promise reads as a time on the clock ("by 10:45", not "by 10:37:12"): rounded up
  // to the quarter hour, so it is never earlier than the working time allows. (Every
  // time zone's offset is a whole number of quarter hours.)
  constexpr long long quarter = 15 * 60 * 1000;
  out.due = (out.due + quarter - 1) / quarter * quarter;
  out.local = to_local(c.zone, out.due);
  out.days_ahead = static_cast<int>(days_from_civil(out.local.date) -
                                    days_from_civil(to_local(c.zone, from).date));
  return out;
}

}  // namespace ha::site
