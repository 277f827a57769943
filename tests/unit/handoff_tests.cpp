// What the handoff tells the customer and the agent: when a person will answer (working
// time in Belgrade, across weekends, holidays and clock changes) and what is taken out
// of the customer's text before it leaves the device. Both builds, no time-zone files.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "handoff/redact.hpp"
#include "site/reply_time.hpp"

using namespace ha;
using namespace ha::handoff;
using namespace ha::site;

namespace {

constexpr const char* belgrade_rule = "CET-1CEST,M3.5.0,M10.5.0/3";
constexpr long long ms_per_hour = 3'600'000;

const time_zone& belgrade() {
  static const time_zone zone = parse_time_zone(belgrade_rule).value();
  return zone;
}
const time_zone& utc_zone() {
  static const time_zone zone = parse_time_zone("UTC0").value();
  return zone;
}

civil_date date(const char* text) {
  return parse_date(text).value();
}

// An instant written as UTC wall-clock time.
long long utc(const char* day, int hour, int minute) {
  return to_utc(utc_zone(), date(day), hour, minute);
}
// An instant written as Belgrade wall-clock time.
long long local(const char* day, int hour, int minute) {
  return to_utc(belgrade(), date(day), hour, minute);
}

// "Sat 2026-12-05 10:00 +60": what the customer would be shown, with the offset.
std::string shown(const time_zone& zone, long long utc_ms) {
  if (utc_ms == -1) return "never";  // reply_due found no working time
  constexpr const char* names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  const local_time t = to_local(zone, utc_ms);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s %04d-%02d-%02d %02d:%02d %+d", names[t.weekday],
                t.date.year, t.date.month, t.date.day, t.hour, t.minute, t.offset);
  return buffer;
}

interval span(const char* text) {
  return parse_interval(text).value();
}

// Mon-Fri 08:00-20:00, Sat 09:00-14:00, Sun closed; Christmas (both), New Year.
business_hours support_hours() {
  business_hours h;
  h.zone = belgrade();
  for (int day = 1; day <= 5; ++day) h.week[day] = {span("08:00-20:00")};
  h.week[6] = {span("09:00-14:00")};
  h.holidays = {date("2026-12-25"), date("2027-01-01"), date("2027-01-07")};
  return h;
}

// When a case that arrives at a Belgrade wall-clock time is due.
std::string due(const business_hours& h, const char* day, int hour, int minute, int working) {
  return shown(h.zone, reply_due(h, local(day, hour, minute), working));
}

}  // namespace

TEST_CASE("POSIX time zone rules are read, whatever the hemisphere", "[handoff][reply_time]") {
  SECTION("Belgrade: POSIX signs are west-positive, so CET-1 is an hour east") {
    const time_zone& z = belgrade();
    CHECK(z.rule == belgrade_rule);
    CHECK(z.std_offset == 60);
    CHECK(z.has_dst);
    CHECK(z.dst_offset == 120);
    CHECK(z.dst_start.month == 3);
    CHECK(z.dst_start.week == 5);
    CHECK(z.dst_start.weekday == 0);
    CHECK(z.dst_start.minute == 120);  // the default, 02:00
    CHECK(z.dst_end.month == 10);
    CHECK(z.dst_end.minute == 180);
  }
  SECTION("zones without daylight saving, named in letters or by their offset") {
    auto z = parse_time_zone("UTC0");
    REQUIRE(z.ok());
    CHECK(z.value().std_offset == 0);
    CHECK_FALSE(z.value().has_dst);
    z = parse_time_zone("<+04>-4");
    REQUIRE(z.ok());
    CHECK(z.value().std_offset == 240);
    CHECK_FALSE(z.value().has_dst);
    CHECK(parse_time_zone("IST-5:30").value().std_offset == 330);
  }
  SECTION("explicit daylight offsets, change times past midnight or before it") {
    const time_zone us = parse_time_zone("EST5EDT,M3.2.0,M11.1.0").value();
    CHECK(us.std_offset == -300);
    CHECK(us.dst_offset == -240);
    const time_zone nuuk = parse_time_zone("<-02>2<-01>,M3.5.0/-1,M10.5.0/0").value();
    CHECK(nuuk.std_offset == -120);
    CHECK(nuuk.dst_offset == -60);
    CHECK(nuuk.dst_start.minute == -60);
    CHECK(nuuk.dst_end.minute == 0);
    CHECK(parse_time_zone("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0").value().dst_offset == 660);
    CHECK(parse_time_zone("XXX3YYY,M3.2.0/26,M11.1.0/-2:30").value().dst_start.minute == 26 * 60);
  }
  SECTION("rules this does not understand are refused with a reason") {
    for (const char* bad :
         {"", "CET", "CET-1CEST,J60,J300", "CET-1CEST,60,300", "CET-1CEST", "CET-1CEST,M3.5.0",
          "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.7,M10.5.0",
          "CET-25", "C-1", "<+0>-0", "<+04-4", "CET-1 CEST", "CET-1:5", "Europe/Belgrade", "%$#@!",
          "CET-1CEST,M3.5.0,M10.5.0/3x"}) {
      INFO(bad);
      const auto z = parse_time_zone(bad);
      REQUIRE_FALSE(z.ok());
      CHECK(z.err().code == errc::invalid_argument);
      CHECK_FALSE(z.err().message.empty());
    }
  }
}

TEST_CASE("Belgrade's clocks change on the last Sundays of March and October",
          "[handoff][reply_time]") {
  const time_zone& z = belgrade();
  SECTION("autumn 2026: 03:00 CEST becomes 02:00 CET at 01:00Z") {
    CHECK(offset_at(z, utc("2026-10-25", 1, 0) - 1000) == 120);
    CHECK(offset_at(z, utc("2026-10-25", 1, 0)) == 60);
    CHECK(shown(z, utc("2026-10-25", 0, 59)) == "Sun 2026-10-25 02:59 +120");
    CHECK(shown(z, utc("2026-10-25", 1, 0)) == "Sun 2026-10-25 02:00 +60");
  }
  SECTION("spring 2027: 02:00 CET becomes 03:00 CEST at 01:00Z") {
    CHECK(offset_at(z, utc("2027-03-28", 1, 0) - 1000) == 60);
    CHECK(offset_at(z, utc("2027-03-28", 1, 0)) == 120);
    CHECK(shown(z, utc("2027-03-28", 1, 0)) == "Sun 2027-03-28 03:00 +120");
  }
  SECTION("a skipped time is read with the offset before the change") {
    const long long t = to_utc(z, date("2027-03-28"), 2, 30);
    CHECK(t == utc("2027-03-28", 1, 30));
    CHECK(shown(z, t) == "Sun 2027-03-28 03:30 +120");
  }
  SECTION("a time that happens twice is the first of the two") {
    CHECK(to_utc(z, date("2026-10-25"), 2, 30) == utc("2026-10-25", 0, 30));
    CHECK(shown(z, utc("2026-10-25", 1, 30)) == "Sun 2026-10-25 02:30 +60");  // the second
  }
  SECTION("ordinary winter and summer times") {
    CHECK(to_utc(z, date("2026-12-02"), 9, 0) == utc("2026-12-02", 8, 0));
    CHECK(to_utc(z, date("2026-07-01"), 9, 0) == utc("2026-07-01", 7, 0));
  }
  SECTION("in the southern hemisphere summer spans New Year") {
    const time_zone sydney = parse_time_zone("AEST-10AEDT,M10.1.0,M4.1.0/3").value();
    CHECK(offset_at(sydney, utc("2027-01-15", 0, 0)) == 660);
    CHECK(offset_at(sydney, utc("2026-07-15", 0, 0)) == 600);
    // 2026-10-04 02:00 AEST → 03:00 AEDT; 2027-04-04 03:00 AEDT → 02:00 AEST.
    CHECK(shown(sydney, utc("2026-10-03", 16, 0)) == "Sun 2026-10-04 03:00 +660");
    CHECK(shown(sydney, utc("2027-04-03", 16, 0)) == "Sun 2027-04-04 02:00 +600");
    CHECK(shown(sydney, utc("2027-04-03", 16, 0) - 60'000) == "Sun 2027-04-04 02:59 +660");
  }
}

TEST_CASE("dates: weekdays across years, leap days, and what parse_date accepts",
          "[handoff][reply_time]") {
  CHECK(shown(utc_zone(), utc("2026-12-02", 12, 0)) == "Wed 2026-12-02 12:00 +0");
  CHECK(shown(utc_zone(), utc("2027-01-01", 0, 0)) == "Fri 2027-01-01 00:00 +0");
  CHECK(shown(utc_zone(), utc("2000-02-29", 23, 59)) == "Tue 2000-02-29 23:59 +0");
  CHECK(shown(utc_zone(), utc("2100-03-01", 0, 0)) == "Mon 2100-03-01 00:00 +0");
  CHECK(shown(utc_zone(), utc("1969-12-31", 23, 0)) == "Wed 1969-12-31 23:00 +0");
  CHECK(utc("1970-01-01", 0, 0) == 0);
  CHECK(utc("2026-12-25", 0, 0) - utc("2026-12-24", 0, 0) == 24 * ms_per_hour);

  CHECK(parse_date("2028-02-29").value() == civil_date{2028, 2, 29});
  CHECK(parse_date("2000-02-29").ok());
  for (const char* bad : {"2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                          "2026-12-00", "2026-1-01", "26-12-25", "2026/12/25", "2026-12-25 ", ""}) {
    INFO(bad);
    CHECK(parse_date(bad).err().code == errc::invalid_argument);
  }
  CHECK(weekday_from_name("mon") == 1);
  CHECK(weekday_from_name("Sat") == 6);
  CHECK(weekday_from_name("sun") == 0);
  CHECK(weekday_from_name("monday") == -1);
  CHECK(weekday_from_name("") == -1);
}

TEST_CASE("working hours are read as hh:mm-hh:mm, up to 24:00", "[handoff][reply_time]") {
  CHECK(parse_interval("08:00-16:30").value() == interval{480, 990});
  CHECK(parse_interval("8:00 - 12:00").value() == interval{480, 720});
  CHECK(parse_interval("00:00-24:00").value() == interval{0, 1440});
  for (const char* bad : {"8-16", "16:00-08:00", "08:00-08:00", "08:00-25:00", "24:00-24:00",
                          "08:00-24:01", "08:60-09:00", "08:00", "08:0-09:00", "x", ""}) {
    INFO(bad);
    CHECK(parse_interval(bad).err().code == errc::invalid_argument);
  }
}

TEST_CASE("a reply is due after working time, skipping nights, weekends and holidays",
          "[handoff][reply_time]") {
  const business_hours h = support_hours();
  SECTION("Friday evening carries over to Saturday morning") {
    CHECK(due(h, "2026-12-04", 19, 0, 120) == "Sat 2026-12-05 10:00 +60");  // 60 + 60
    CHECK(due(h, "2026-12-04", 19, 0, 60) == "Fri 2026-12-04 20:00 +60");
  }
  SECTION("Saturday's short day carries over Sunday to Monday") {
    CHECK(due(h, "2026-12-05", 13, 30, 120) == "Mon 2026-12-07 09:30 +60");
  }
  SECTION("Christmas Day is skipped") {
    CHECK(due(h, "2026-12-24", 19, 30, 120) == "Sat 2026-12-26 10:30 +60");
  }
  SECTION("New Year on a Friday, then Saturday and the weekend") {
    CHECK(due(h, "2026-12-31", 19, 0, 180) == "Sat 2027-01-02 11:00 +60");
    CHECK(due(h, "2026-12-31", 19, 0, 420) == "Mon 2027-01-04 09:00 +60");  // 60 + 300 + 60
    CHECK(due(h, "2027-01-06", 19, 30, 60) == "Fri 2027-01-08 08:30 +60");  // Orthodox Christmas
  }
  SECTION("zero minutes: now if the team is at work, else when work starts") {
    CHECK(due(h, "2026-12-07", 10, 15, 0) == "Mon 2026-12-07 10:15 +60");
    CHECK(due(h, "2026-12-06", 12, 0, 0) == "Mon 2026-12-07 08:00 +60");
    CHECK(due(h, "2026-12-04", 20, 0, 0) == "Sat 2026-12-05 09:00 +60");  // 20:00 is closed
    CHECK(due(h, "2026-12-07", 3, 0, 0) == "Mon 2026-12-07 08:00 +60");
    CHECK(due(h, "2027-01-01", 10, 0, 0) == "Sat 2027-01-02 09:00 +60");
  }
  SECTION("a case out of hours counts from when work starts") {
    CHECK(due(h, "2026-12-06", 12, 0, 90) == "Mon 2026-12-07 09:30 +60");
  }
  SECTION("a team that never works gives no time, not a wrong one") {
    business_hours closed = h;
    closed.week = {};
    CHECK(reply_due(closed, local("2026-12-04", 10, 0), 60) == -1);
    CHECK(reply_due(closed, local("2026-12-04", 10, 0), 0) == -1);
    CHECK(reply_due(h, local("2026-12-04", 10, 0), 1'000'000) == -1);  // years of work
  }
  SECTION("intervals in any order, with a lunch break") {
    business_hours lunch = h;
    lunch.week[1] = {span("13:00-16:00"), span("08:00-12:00"), span("09:00-10:00")};
    CHECK(due(lunch, "2026-12-07", 11, 30, 60) == "Mon 2026-12-07 13:30 +60");
    CHECK(due(lunch, "2026-12-07", 7, 0, 420) == "Mon 2026-12-07 16:00 +60");
  }
}

TEST_CASE("reply times stay right across the clock changes", "[handoff][reply_time]") {
  const business_hours h = support_hours();
  SECTION("autumn: Saturday in summer time, Monday in winter time") {
    const long long from = local("2026-10-24", 13, 0);
    CHECK(from == utc("2026-10-24", 11, 0));
    const long long at = reply_due(h, from, 120);
    CHECK(shown(h.zone, at) == "Mon 2026-10-26 09:00 +60");
    CHECK(at == utc("2026-10-26", 8, 0));
  }
  SECTION("spring: Saturday in winter time, Monday in summer time") {
    const long long at = reply_due(h, local("2027-03-27", 13, 0), 120);
    CHECK(shown(h.zone, at) == "Mon 2027-03-29 09:00 +120");
    CHECK(at == utc("2027-03-29", 7, 0));
  }
  SECTION("a working day on the day of the change has its full hours") {
    business_hours sunday = h;
    sunday.week[0] = {span("08:00-16:00")};
    for (const char* change : {"2026-10-25", "2027-03-28"}) {
      INFO(change);
      const long long from = local(change, 8, 0);
      const long long at = reply_due(sunday, from, 8 * 60);
      CHECK(at - from == 8 * ms_per_hour);
      CHECK(to_local(h.zone, at).hour == 16);
    }
  }
  SECTION("round the clock, the autumn day has 25 hours and the spring day 23") {
    business_hours always = h;
    always.week.fill({span("00:00-24:00")});
    always.holidays.clear();
    CHECK(shown(h.zone, reply_due(always, local("2026-10-25", 0, 0), 24 * 60)) ==
          "Sun 2026-10-25 23:00 +60");
    CHECK(shown(h.zone, reply_due(always, local("2027-03-28", 0, 0), 24 * 60)) ==
          "Mon 2027-03-29 01:00 +120");
  }
}

TEST_CASE("card numbers are hidden but for their last four digits", "[handoff][redact]") {
  SECTION("with spaces, hyphens or none, in any language") {
    auto r = redact("Card 4111 1111 1111 1111, exp 12/27");
    CHECK(r.text == "Card •••• •••• •••• 1111, exp 12/27");
    CHECK(r.kinds == std::vector<std::string>{"card"});
    CHECK(redact("broj kartice 4111-1111-1111-1111").text == "broj kartice ••••-••••-••••-1111");
    CHECK(redact("moja kartica: 5555555555554444.").text == "moja kartica: ••••••••••••4444.");
    CHECK(redact("Број картице је 4111 1111 1111 1111").text ==
          "Број картице је •••• •••• •••• 1111");
    CHECK(redact("Amex 3782 822463 10005").text == "Amex •••• •••••• •0005");
  }
  SECTION("a card followed by another number is still found") {
    CHECK(redact("4111 1111 1111 1111 123").text == "•••• •••• •••• 1111 123");
    CHECK(redact("ref 12, 4111111111111111").text == "ref 12, ••••••••••••1111");
  }
  SECTION("numbers that fail Luhn or are longer stay as they are") {
    for (const char* kept : {"order 1234 5678 9012 3456", "račun 1234567890123456",
                             "41111111111111111111", "4111 1111 1111 111", "4111  1111 1111 1111",
                             "telefon 064 123 4567", "datum 2026-12-25"}) {
      INFO(kept);
      const redaction r = redact(kept);
      CHECK(r.text == kept);
      CHECK(r.kinds.empty());
    }
  }
}

TEST_CASE("IBANs keep only their country code", "[handoff][redact]") {
  SECTION("written as one word, in either case") {
    auto r = redact("Uplata na RS35260005601001611379 hvala");
    CHECK(r.text == "Uplata na RS•••••••••••••••••••• hvala");
    CHECK(r.kinds == std::vector<std::string>{"iban"});
    CHECK(redact("rs64160000000123456789").text == "rs••••••••••••••••••••");
    CHECK(redact("IBAN:HR1210010051863000160.").text == "IBAN:HR•••••••••••••••••••.");
  }
  SECTION("in groups of four, spaces kept") {
    CHECK(redact("IBAN: HR12 1001 0051 8630 0016 0 (Zagreb)").text ==
          "IBAN: HR•• •••• •••• •••• •••• • (Zagreb)");
    CHECK(redact("рачун RS35 2600 0560 1001 6113 79 је мој").text ==
          "рачун RS•• •••• •••• •••• •••• •• је мој");
    // A four-letter word after an IBAN of whole groups is not taken with it.
    CHECK(redact("BE68 5390 0754 7034 from Ana").text == "BE•• •••• •••• •••• from Ana");
  }
  SECTION("a wrong check digit leaves the text alone") {
    for (const char* kept : {"RS35260005601001611378", "HR13 1001 0051 8630 0016 0",
                             "RS35 26000560 1001611379", "AB12"}) {
      INFO(kept);
      CHECK(redact(kept).text == kept);
      CHECK(redact(kept).kinds.empty());
    }
  }
}

TEST_CASE("a JMBG is hidden completely, and comes before the card rule", "[handoff][redact]") {
  auto r = redact("JMBG 0101990710008");
  CHECK(r.text == "JMBG •••••••••••••");
  CHECK(r.kinds == std::vector<std::string>{"jmbg"});
  CHECK(redact("мој ЈМБГ је 1503985710002.").text == "мој ЈМБГ је •••••••••••••.");
  // Valid as a JMBG and as a Luhn number: a JMBG.
  r = redact("2802985000006");
  CHECK(r.text == "•••••••••••••");
  CHECK(r.kinds == std::vector<std::string>{"jmbg"});
  // Wrong check digit, a date that does not exist, a year of the 1100s, or too long.
  for (const char* kept : {"0101990710009", "3102990710005", "0101190710002", "01019907100080"}) {
    INFO(kept);
    CHECK(redact(kept).text == kept);
    CHECK(redact(kept).kinds.empty());
  }
}

TEST_CASE("whatever follows a password word on its line becomes bullets", "[handoff][redact]") {
  SECTION("each word of it becomes six bullets, spaces kept") {
    auto r = redact("my password is Hunter2");
    CHECK(r.text == "my password •••••• ••••••");
    CHECK(r.kinds == std::vector<std::string>{"password"});
    CHECK(redact("my password is Hunter2!").text == "my password •••••• ••••••");
    CHECK(redact("PASSWORD=abc").text == "PASSWORD=••••••");
    CHECK(redact("pwd:  x").text == "pwd:  ••••••");
    CHECK(redact("I cannot pass the login page").kinds.empty());
  }
  SECTION("Serbian, Croatian and Slovenian words, in their forms and both scripts") {
    CHECK(redact("lozinka: Tajna123").text == "lozinka: ••••••");
    CHECK(redact("zaboravio sam lozinku, nova je abc123").text ==
          "zaboravio sam lozinku•••••• •••••• •••••• ••••••");
    CHECK(redact("лозинка је тајна").text == "лозинка •••••• ••••••");
    CHECK(redact("Промењена ЛОЗИНКОМ xyz").text == "Промењена ЛОЗИНКОМ ••••••");
    CHECK(redact("Šifra WiFi-ja: mreza2024").text == "Šifra •••••• ••••••");
    CHECK(redact("sifra je 1234").text == "sifra •••••• ••••••");
    CHECK(redact("шифру сам послао").text == "шифру •••••• ••••••");
    CHECK(redact("zaporka je Kava").text == "zaporka •••••• ••••••");
    CHECK(redact("geslo je Mačka7").text == "geslo •••••• ••••••");
    CHECK(redact("brez gesla ne gre").text == "brez gesla •••••• ••••••");
  }
  SECTION("only the rest of that line") {
    const redaction r = redact("password: x1\nMy router is a TP-Link");
    CHECK(r.text == "password: ••••••\nMy router is a TP-Link");
    CHECK(redact("lozinka abc\r\nhvala").text == "lozinka ••••••\r\nhvala");
  }
  SECTION("a password word with nothing after it removes nothing") {
    for (const char* kept :
         {"I forgot my password", "Zaboravio sam lozinku.", "password?  \nhi", "passport 123456",
          "compass heading", "passwordless login", "geslov je x"}) {
      INFO(kept);
      const redaction r = redact(kept);
      CHECK(r.text == kept);
      CHECK(r.kinds.empty());
    }
  }
}

TEST_CASE("redaction lists each kind once, in a fixed order, and leaves other text alone",
          "[handoff][redact]") {
  SECTION("kinds in the order card, iban, jmbg, password") {
    const redaction r = redact(
        "lozinka je x\nJMBG 0101990710008, RS35260005601001611379, 4111111111111111 i "
        "5555 5555 5555 4444, JMBG 1503985710002");
    CHECK(r.kinds == std::vector<std::string>{"card", "iban", "jmbg", "password"});
    CHECK(r.text ==
          "lozinka •••••• ••••••\nJMBG •••••••••••••, RS••••••••••••••••••••, ••••••••••••1111 i "
          "•••• •••• •••• 4444, JMBG •••••••••••••");
  }
  SECTION("text with nothing sensitive comes back unchanged") {
    const char* plain =
        "Internet ne radi od jutros. Ruter TP-Link, kupljen 2024-05-01, telefon 064 123 4567. "
        "Интернет не ради! My passport expired; order #12345.";
    const redaction r = redact(plain);
    CHECK(r.text == plain);
    CHECK(r.kinds.empty());
    CHECK(redact("").text.empty());
  }
}

TEST_CASE("redaction survives hostile input", "[handoff][redact]") {
  SECTION("invalid UTF-8 and NUL bytes pass through") {
    using namespace std::string_literals;
    const std::string input =
        "\xff\xfe card 4111 1111 1111 1111\xc3 ok\0 \x80lozinka \xc3\xa9t\xe9\n\xf0\x9f"s;
    const redaction r = redact(input);
    CHECK(r.text == "\xff\xfe card •••• •••• •••• 1111\xc3 ok\0 \x80lozinka ••••••\n\xf0\x9f"s);
    CHECK(r.kinds == std::vector<std::string>{"card", "password"});
  }
  SECTION("a megabyte of text, digits or spaced digits") {
    std::string sentences;
    while (sentences.size() < 1'000'000)
      sentences += "Moja lozinka je tajna, kartica 4111 1111 1111 1111.\n";
    const redaction r = redact(sentences);
    CHECK(r.kinds == std::vector<std::string>{"password"});
    CHECK(r.text.find("tajna") == std::string::npos);

    const std::string digits(1'000'000, '7');
    CHECK(redact(digits).text == digits);
    std::string spaced;
    while (spaced.size() < 1'000'000) spaced += "1 ";
    CHECK(redact(spaced).text == spaced);
    std::string letters;
    while (letters.size() < 1'000'000) letters += "RS35 ";
    CHECK(redact(letters).text == letters);
  }
}
