// The handoff package (core/handoff/package, config), in both builds: a customer walks
// the test flow, fails every alternative and asks for a person; the package must carry
// everything they did, with sensitive data taken out, and an honest reply time.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "demo_flow.hpp"
#include "handoff/package.hpp"
#include "handoff/summary_words.hpp"
#include "site/config.hpp"

using namespace ha;
using nlohmann::json;

namespace {

// Friday 2026-12-04 19:30 in Belgrade (CET, UTC+1).
constexpr long long friday_evening = 1'796'409'000'000;

handoff::package_request request(std::string lang = "en") {
  handoff::package_request r;
  r.now = friday_evening;
  r.lang = std::move(lang);
  r.page = "/#internet";
  r.seed = 0x1234'5678'9abc'def0ULL;
  return r;
}

// Searched, read an article that did not help, walked the flow and said no three times.
test::conversation failed_flow() {
  test::conversation c;
  c.clock = friday_evening - 10 * 60 * 1000;
  auto searched = test::act("searched");
  searched.text = "router not working";
  searched.shown = {"router-fix", "router-lights"};
  REQUIRE(c.act(searched).ok());
  auto opened = test::act("opened");
  opened.article = "router-lights";
  REQUIRE(c.act(opened).ok());
  auto helped = test::act("helped");
  helped.article = "router-lights";
  helped.answer = "no";
  REQUIRE(c.act(helped).ok());
  REQUIRE(c.act(test::start_router_flow()).ok());
  REQUIRE(c.act(test::choose(0)).ok());  // every device → the solution
  REQUIRE(c.act(test::feedback("no")).ok());
  REQUIRE(c.act(test::feedback("partly")).ok());
  REQUIRE(c.act(test::feedback("no")).ok());
  REQUIRE(c.s.current == session::phase::handoff);
  return c;
}

// Every package these tests make is also written, one per line, to
// build/test-packages/catch2.jsonl; tests/js/handoff.test.mjs validates each against
// docs/handoff.schema.json (the schema validator lives in node).
void keep_for_schema_check(const std::string& package) {
  static bool first = true;
  const std::string dir = std::string(HA_SOURCE_DIR) + "/build/test-packages";
  std::ofstream out(dir + "/catch2.jsonl", first ? std::ios::trunc : std::ios::app);
  if (!out) return;  // the folder is made by tools/test.sh; without it there is nothing to check
  first = false;
  out << json::parse(package).dump() << "\n";
}

// Characters (code points) in valid UTF-8.
std::size_t text_chars(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
}

json build(const test::conversation& c, const handoff::package_request& r) {
  auto pkg = handoff::build_package(c.s, test::demo(), r);
  REQUIRE(pkg.ok());
  keep_for_schema_check(pkg.value());
  return json::parse(pkg.value());
}

}  // namespace

TEST_CASE("the reply time counts the team's working time from site.yaml", "[handoff][package]") {
  const site::config& settings = test::demo().handoff_config();
  REQUIRE(settings.zone_name == "Europe/Belgrade");
  REQUIRE(settings.teams.count("technical") == 1);

  SECTION("Friday 19:30 with two working hours: 30 minutes on Friday, 90 on Saturday") {
    const auto r = site::estimate_reply(settings, "technical", "local", friday_evening);
    CHECK(r.working_minutes == 120);
    CHECK(r.local.date == site::civil_date{2026, 12, 5});
    CHECK(r.local.weekday == 6);
    CHECK((r.local.hour == 10 && r.local.minute == 30));
    CHECK(r.days_ahead == 1);
  }
  SECTION("e-mail's eight hours run past the weekend and the holiday-free Monday") {
    const auto r = site::estimate_reply(settings, "technical", "email", friday_evening);
    // 30 min Fri, 300 min Sat (09–14), Sunday closed, 150 min Monday from 08:00.
    CHECK(r.local.date == site::civil_date{2026, 12, 7});
    CHECK((r.local.hour == 10 && r.local.minute == 30));
    CHECK(r.days_ahead == 3);
  }
  SECTION("a promise is a time on the clock: rounded up to the quarter hour") {
    // Friday 19:37:12 + 2 h: 22 min 48 s on Friday, the rest from 09:00 on Saturday.
    const auto r =
        site::estimate_reply(settings, "technical", "local", friday_evening + 432'000);
    CHECK((r.local.hour == 10 && r.local.minute == 45));
    CHECK(r.due % (15 * 60 * 1000) == 0);
  }
  SECTION("a channel with no target, or an unknown channel, promises nothing") {
    CHECK(site::estimate_reply(settings, "technical", "download", friday_evening).due == -1);
    CHECK(site::estimate_reply(settings, "technical", "fax", friday_evening).due == -1);
  }
  SECTION("a case with no team gets the slowest team's time (here the only one)") {
    const auto known = site::estimate_reply(settings, "technical", "local", friday_evening);
    const auto unknown = site::estimate_reply(settings, "", "local", friday_evening);
    CHECK(unknown.due == known.due);
    CHECK(unknown.team.empty());
  }
  SECTION("durations as site.yaml writes them") {
    CHECK(site::parse_duration("2h").value() == 120);
    CHECK(site::parse_duration("1h30m").value() == 90);
    CHECK(site::parse_duration("1d").value() == 480);
    for (const char* bad : {"", "2", "h", "2x", "2h 30m", "-1h"}) {
      INFO(bad);
      CHECK_FALSE(site::parse_duration(bad).ok());
    }
  }
}

TEST_CASE("a case code reads well over the phone and catches a misheard character",
          "[handoff][package]") {
  const std::string code = handoff::case_code(0x1234'5678'9abc'def0ULL);
  CHECK(code.size() == 9);
  CHECK(code[4] == '-');
  CHECK(code.find_first_of("01ILOU") == std::string::npos);
  CHECK(handoff::valid_case_code(code));
  CHECK(handoff::case_code(1) != handoff::case_code(2));
  const std::string alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  int swaps_caught = 0, swaps = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i == 4) continue;
    for (char other : alphabet) {
      if (other == code[i]) continue;
      std::string wrong = code;
      wrong[i] = other;
      INFO(wrong);
      CHECK_FALSE(handoff::valid_case_code(wrong));
    }
    const std::size_t j = i + 1 == 4 ? 5 : i + 1;
    if (j < code.size() && code[i] != code[j]) {
      std::string swapped = code;
      std::swap(swapped[i], swapped[j]);
      ++swaps;
      swaps_caught += handoff::valid_case_code(swapped) ? 0 : 1;
    }
  }
  CHECK(swaps_caught == swaps);
  CHECK_FALSE(handoff::valid_case_code("ABCD-EFG"));
  CHECK_FALSE(handoff::valid_case_code("abcd-efgh"));
}

TEST_CASE("the package carries every search, article, answer and outcome", "[handoff][package]") {
  const test::conversation c = failed_flow();
  const json pkg = build(c, request());

  CHECK(pkg["version"] == 1);
  CHECK(pkg["case_code"] == handoff::case_code(0x1234'5678'9abc'def0ULL));
  CHECK(pkg["created_at"] == "2026-12-04T18:30:00.000Z");
  CHECK(pkg["language"] == "en");
  CHECK(pkg["script"] == "Latn");
  CHECK(pkg["page"] == "/#internet");
  // Said of the customer, for the agent (the restatement the customer confirmed is
  // "your router does not work").
  CHECK(pkg["problem"]["summary"] == "the customer's router does not work");
  CHECK(pkg["problem"]["flow"]["id"] == "router-fix");
  CHECK(pkg["team"] ==
        json{{"id", "technical"}, {"name", "Technical support"}, {"reason", "exhausted"}});
  CHECK(pkg["priority"] == "high");
  CHECK(pkg["signals"] == json{"repeated_no"});

  REQUIRE(pkg["searches"].size() == 1);
  CHECK(pkg["searches"][0]["query"] == "router not working");
  CHECK(pkg["searches"][0]["shown"][0] ==
        json{{"id", "router-fix"}, {"title", "Fix a router that does not work"}, {"kind", "flow"}});
  CHECK(pkg["searches"][0]["opened"] == json{"router-lights"});
  REQUIRE(pkg["articles"].size() == 1);
  CHECK(pkg["articles"][0]["title"] == "What the router lights mean");
  CHECK(pkg["articles"][0]["helped"] == false);

  REQUIRE(pkg["alternatives"].size() == 3);
  const char* titles[] = {"Restart", "Check the cable", "Reset"};
  const char* outcomes[] = {"no", "partly", "no"};
  for (int i = 0; i < 3; ++i) {
    CHECK(pkg["alternatives"][i]["number"] == i + 1);
    CHECK(pkg["alternatives"][i]["title"] == titles[i]);
    CHECK(pkg["alternatives"][i]["outcome"] == outcomes[i]);
  }
  // started, the question's answer, then the three alternatives.
  REQUIRE(pkg["flow_path"].size() == 5);
  CHECK(pkg["flow_path"][0]["step"] == "started");
  CHECK(pkg["flow_path"][1]["node"]["text"] == "Is it every device?");
  CHECK(pkg["flow_path"][1]["answer"] == "Every device");
  CHECK(pkg["flow_path"][4]["answer"] == "no");

  // The timeline holds every event, in order, with time stamps.
  CHECK(pkg["timeline"].size() == c.s.events.size());
  CHECK(pkg["timeline"].front()["type"] == "searched");
  CHECK(pkg["timeline"].back()["type"] == "handoff_offered");

  CHECK(pkg["reply"]["channel"] == "local");
  CHECK(pkg["reply"]["due_at"] == "2026-12-05T09:30:00.000Z");
  CHECK(pkg["reply"]["local"] == "2026-12-05T10:30+01:00");
  CHECK_FALSE(pkg.contains("customer"));  // nothing given, nothing invented
  CHECK(pkg["satisfaction"] == json{{"solved", false}, {"rating", nullptr}, {"comment", ""}});

  const std::string summary = pkg["summary"];
  for (const char* part :
       {"Case ", "Technical support", "urgent",
        "two or more answers in a row that did not help",
        "Problem: the customer's router does not work", "Restart — did not help",
        "Check the cable — helped partly", "What the router lights mean (did not help)",
        "\u201Crouter not working\u201D", "No contact given",
        "Reply promised by: Saturday 5 December 2026, 10:30 (UTC+1)"}) {
    INFO(part);
    CHECK(summary.find(part) != std::string::npos);
  }
}

TEST_CASE("free text in the package is redacted, in English and Serbian", "[handoff][package]") {
  test::conversation c = failed_flow();
  auto asked = test::act("ask_person");
  asked.text = "Moja kartica je 4111 1111 1111 1111, lozinka je Tajna123";
  REQUIRE(c.act(asked).ok());
  handoff::package_request r = request("sr-Latn");
  r.name = "Ana";
  r.contact = "ana@example.com";
  r.message = "Pay from IBAN RS35260005601001611379, JMBG 0101990710008, my password is hunter2";
  const json pkg = build(c, r);
  const std::string text = pkg.dump();
  for (const char* secret :
       {"4111 1111 1111 1111", "Tajna123", "RS35260005601001611379", "0101990710008", "hunter2"}) {
    INFO(secret);
    CHECK(text.find(secret) == std::string::npos);
  }
  CHECK(pkg["redacted"] == json{"card", "iban", "jmbg", "password"});
  CHECK(pkg["typed"].back()["text"] ==
        "Moja kartica je •••• •••• •••• 1111, lozinka •••••• ••••••");
  CHECK(pkg["customer"] == json{{"name", "Ana"}, {"contact", "ana@example.com"}});
  CHECK(pkg["team"]["name"] == "Tehnička podrška");
  CHECK(pkg["team"]["reason"] == "asked");
  const std::string summary = pkg["summary"];
  CHECK(summary.find("Slučaj ") == 0);
  CHECK(summary.find("Kontakt: Ana, ana@example.com") != std::string::npos);
  CHECK(summary.find("Obećan odgovor do: subota, 5. 12. 2026. u 10:30 (UTC+1)") !=
        std::string::npos);
}

TEST_CASE("a Cyrillic customer's package speaks Cyrillic, but codes stay readable",
          "[handoff][package]") {
  const json pkg = build(failed_flow(), request("sr-Cyrl"));
  CHECK(pkg["script"] == "Cyrl");
  const std::string summary = pkg["summary"];
  CHECK(summary.find("Случај " + pkg["case_code"].get<std::string>()) == 0);
  CHECK(summary.find("Техничка подршка") != std::string::npos);
  CHECK(pkg["problem"]["summary"] == "кориснику не ради рутер");
  CHECK(summary.find("(UTC+1)") != std::string::npos);  // no Latin zone name
  CHECK(summary.find("Europe/Belgrade") == std::string::npos);
}

TEST_CASE("a Bosnian customer's summary uses Bosnian words", "[handoff][package]") {
  const std::string summary = build(failed_flow(), request("bs"))["summary"];
  CHECK(summary.find("Probano: Restartujte — nije pomoglo; Proverite kabl — djelimično pomoglo") !=
        std::string::npos);
  CHECK(summary.find("Kontakt nije ostavljen: korisnik će se javiti sa šifrom slučaja") !=
        std::string::npos);
  CHECK(summary.find("Obećan odgovor do: subota") != std::string::npos);
}

TEST_CASE("a solution answered again after going back is one entry, with the last answer",
          "[handoff][package]") {
  test::conversation c = failed_flow();  // no, partly, no: at the offer of a person
  REQUIRE(c.act(test::act("back")).ok());
  REQUIRE(c.act(test::feedback("partly")).ok());
  const json pkg = build(c, request("en"));
  REQUIRE(pkg["alternatives"].size() == 3);
  CHECK(pkg["alternatives"][2]["outcome"] == "partly");
  CHECK(pkg["alternatives"][0]["outcome"] == "no");
}

TEST_CASE("the summary quotes the customer as the reader's language does, each search once",
          "[handoff][package]") {
  test::conversation c = failed_flow();  // searched "router not working" first
  auto again = test::act("searched");
  again.text = "wifi drops";
  again.shown = {"router-fix"};
  REQUIRE(c.act(again).ok());
  auto asked = test::act("ask_person");
  asked.text = "router not working";  // the same words again, now to a person
  REQUIRE(c.act(asked).ok());
  const std::string en = build(c, request("en"))["summary"];
  INFO(en);
  CHECK(en.find("Customer wrote: \u201Crouter not working\u201D") != std::string::npos);
  // The words quoted as the problem are not quoted again among the searches.
  CHECK(en.find("Searched: \u201Cwifi drops\u201D\n") != std::string::npos);
  CHECK(en.find('"') == std::string::npos);
  for (const char* lang : {"sr-Latn", "sr-Cyrl", "hr", "bs", "sl"}) {
    INFO(lang);
    const std::string summary = build(c, request(lang))["summary"];
    CHECK(summary.find(": \u201Erouter not working\u201C") != std::string::npos);
    CHECK(summary.find(": \u201Ewifi drops\u201C\n") != std::string::npos);
    CHECK(summary.find('"') == std::string::npos);
  }
}

TEST_CASE("the summary's words are data, one sound catalogue per written language",
          "[handoff][package]") {
  CHECK(handoff::summary_catalogue_problems().empty());
  for (const std::string& problem : handoff::summary_catalogue_problems()) FAIL_CHECK(problem);
  // Serbian Cyrillic has no catalogue: its words are made from the Latin ones, the
  // placeholders of the date left as they are.
  const auto& cyrillic = handoff::summary_words_for("sr-Cyrl");
  CHECK(cyrillic.case_word == "Случај");
  CHECK(cyrillic.date == "{weekday}, {day}. {month}. {year}. у {hh}:{mm}");
  // Bosnian inherits Croatian's words but for its own.
  CHECK(handoff::summary_words_for("bs").read == handoff::summary_words_for("hr").read);
  CHECK(handoff::summary_words_for("bs").searched == "Pretraga");
  CHECK(handoff::summary_words_for("hr").searched == "Pretraživano");
  CHECK(handoff::summary_words_for("xx").case_word == "Case");  // English for the unknown

  // The check finds what a translator can get wrong.
  const handoff::word_files broken = {{"en", R"({"case": "Case"})"},
                                      {"hr", R"({"case": "Slučaj", "colour": "boja"})"},
                                      {"bs", R"({"inherits": "hr", "case": "Slučaj"})"},
                                      {"xx", R"({})"},
                                      {"sl", "not json"}};
  const auto problems = handoff::summary_catalogue_problems(broken);
  for (const char* expected :
       {"en.json: 'priority_high' is missing", "en.json: 'weekdays' needs 7 names, Sunday first",
        "hr.json: unknown key 'colour'", "bs.json: 'case' repeats hr.json",
        "xx.json: not a written content language (common/languages.hpp)",
        "sl.json: not a JSON object",
        "sr-Latn.json: missing (every written content language needs one)"}) {
    INFO(expected);
    CHECK(std::find(problems.begin(), problems.end(), expected) != problems.end());
  }
}

TEST_CASE("a package is made only at a handoff, from a well-formed request", "[handoff][package]") {
  test::conversation c;
  REQUIRE(c.act(test::start_router_flow()).ok());
  CHECK(handoff::build_package(c.s, test::demo(), request()).err().code == errc::invalid_argument);

  CHECK(handoff::request_from_json(R"({"now": 1, "seed": "ff"})").value().seed == 255);
  CHECK(handoff::request_from_json(R"({"now": 1, "seed": "ff"})").value().channel == "local");
  for (const char* bad :
       {"", "[]", R"({"seed": "ff"})", R"({"now": 1})", R"({"now": 1, "seed": "xyz"})",
        R"({"now": 1, "seed": "12345678901234567"})"}) {
    INFO(bad);
    CHECK_FALSE(handoff::request_from_json(bad).ok());
  }
  CHECK(handoff::utc_iso(0) == "1970-01-01T00:00:00.000Z");
  CHECK(handoff::utc_iso(1'796'409'000'123) == "2026-12-04T18:30:00.123Z");
}

TEST_CASE("the timeline carries a language switch and the code of a case sent",
          "[handoff][package]") {
  test::conversation c = failed_flow();
  auto to = test::act("language");
  to.lang = "sr-Cyrl";
  REQUIRE(c.act(to).ok());
  const std::string code = handoff::case_code(42);
  auto sent = test::act("sent");
  sent.text = code;
  REQUIRE(c.act(sent).ok());
  REQUIRE(c.act(test::act("ask_person")).ok());  // a second case, after the first was sent
  const json pkg = build(c, request("sr-Cyrl"));
  const json& timeline = pkg["timeline"];
  REQUIRE(timeline.size() == c.s.events.size());
  const std::size_t n = timeline.size();
  CHECK(timeline[n - 3]["type"] == "language");
  CHECK(timeline[n - 3]["language"] == "sr-Cyrl");
  CHECK(timeline[n - 2]["type"] == "sent");
  CHECK(timeline[n - 2]["text"] == code);
  CHECK(timeline[n - 1]["type"] == "ask_person");
}

TEST_CASE("an article is opened from the search that showed it, never from a guided fix",
          "[handoff][package]") {
  SECTION("read from a step of the fix: not opened from the search before it") {
    test::conversation c;
    auto searched = test::act("searched");
    searched.text = "router not working";
    searched.shown = {"router-fix"};
    REQUIRE(c.act(searched).ok());
    REQUIRE(c.act(test::start_router_flow()).ok());
    REQUIRE(c.act(test::choose(0)).ok());
    auto opened = test::act("opened");
    opened.article = "router-lights";  // "Read more" under the first alternative
    REQUIRE(c.act(opened).ok());
    REQUIRE(c.act(test::act("ask_person")).ok());
    const json pkg = build(c, request());
    REQUIRE(pkg["searches"].size() == 1);
    CHECK(pkg["searches"][0]["opened"] == json::array());
    REQUIRE(pkg["articles"].size() == 1);
    CHECK(pkg["articles"][0]["id"] == "router-lights");
  }
  SECTION("from the results on screen: the latest search that showed it") {
    test::conversation c;
    auto searched = test::act("searched");
    searched.text = "router lights";
    searched.shown = {"router-lights", "router-fix"};
    REQUIRE(c.act(searched).ok());
    auto described = test::act("describe");  // Enter: restates nothing, the results stay
    described.text = "router lights";
    REQUIRE(c.act(described).ok());
    REQUIRE(c.s.current == session::phase::idle);
    auto opened = test::act("opened");
    opened.article = "router-lights";
    REQUIRE(c.act(opened).ok());
    REQUIRE(c.act(test::act("ask_person")).ok());
    const json pkg = build(c, request());
    REQUIRE(pkg["searches"].size() == 2);
    CHECK(pkg["searches"][0]["opened"] == json{"router-lights"});
    CHECK(pkg["searches"][1]["kind"] == "described");
    CHECK(pkg["searches"][1]["opened"] == json::array());
  }
}

TEST_CASE("outside a flow, a person comes from the team of what the customer read",
          "[handoff][package]") {
  SECTION("the article's category names the team (site.yaml)") {
    test::conversation c;
    auto opened = test::act("opened");
    opened.article = "router-lights";  // category internet → technical
    REQUIRE(c.act(opened).ok());
    REQUIRE(c.act(test::act("ask_person")).ok());
    CHECK(c.s.handoff_team == "technical");
    CHECK(build(c, request())["team"]["name"] == "Technical support");
  }
  SECTION("the best result of the last search, when nothing was opened") {
    test::conversation c;
    auto searched = test::act("searched");
    searched.text = "router";
    searched.shown = {"router-lights"};
    REQUIRE(c.act(searched).ok());
    REQUIRE(c.act(test::act("ask_person")).ok());
    CHECK(c.s.handoff_team == "technical");
  }
  SECTION("not the best result of a search that was not sure of it: a guess") {
    test::conversation c;
    auto before = test::act("searched");  // an earlier topic does not count either
    before.text = "router";
    before.shown = {"router-lights"};
    REQUIRE(c.act(before).ok());
    auto searched = test::act("searched");
    searched.text = "koliko košta telefon na rate u Nemačkoj";
    searched.shown = {"router-lights"};
    REQUIRE(c.act(searched).ok());
    REQUIRE(c.act(test::act("ask_person")).ok());
    CHECK(c.s.handoff_team.empty());
  }
  SECTION("nothing read: no team, and the slowest team's reply time") {
    test::conversation c;
    REQUIRE(c.act(test::act("ask_person")).ok());
    CHECK(c.s.handoff_team.empty());
    const json pkg = build(c, request());
    CHECK(pkg["team"]["id"] == "");
    CHECK(pkg["reply"].is_object());
    CHECK(pkg["summary"].get<std::string>().find("team to be chosen") != std::string::npos);
  }
}

TEST_CASE("a long Cyrillic message is kept whole, and a cut never splits a character",
          "[handoff][package]") {
  // 2,302 Cyrillic characters (4,604 bytes): the widget's form allows 4,000 characters.
  // Cutting at 4,000 bytes split a character, and writing the package then threw.
  std::string message;
  while (text_chars(message) < 2296) message += "Рачун ";  // 6 characters, 11 bytes
  while (text_chars(message) < 2302) message += "ж";
  REQUIRE(text_chars(message) == 2302);
  message += " картица 4111 1111 1111 1111";

  handoff::package_request r = request("sr-Cyrl");
  r.message = message;
  r.name = std::string(199, 'x') + "ж";  // a cut at 200 bytes would fall inside ж
  const json pkg = build(failed_flow(), r);
  const std::string kept = pkg["message"];
  CHECK(kept.rfind(message.substr(0, message.size() - 19), 0) == 0);  // the words, whole
  CHECK(kept.find("4111 1111 1111 1111") == std::string::npos);       // the card, redacted
  CHECK(kept.find("1111") != std::string::npos);                      // its last four stay
  CHECK(pkg["customer"]["name"] == r.name);

  SECTION("text longer than the form allows is cut at a character, as the schema counts") {
    handoff::package_request huge = request("sr-Cyrl");
    std::string long_text;
    while (long_text.size() < 40000) long_text += "ж";
    huge.message = long_text;
    huge.name = long_text;
    huge.page = long_text;
    const json cut = build(failed_flow(), huge);
    for (const char* key : {"message", "page"}) {
      const std::string s = key == std::string("page") ? cut["page"].get<std::string>()
                                                       : cut["message"].get<std::string>();
      INFO(key);
      CHECK(s.size() < long_text.size());
      CHECK(s.size() % 2 == 0);  // ж is 2 bytes: no half character at the end
    }
    CHECK(text_chars(cut["message"]) == 4000);  // as many as the form allows
    CHECK(text_chars(cut["page"]) == 500);
    CHECK(text_chars(cut["customer"]["name"]) == 200);
  }
  SECTION("invalid UTF-8 from the page becomes U+FFFD, never a failure") {
    handoff::package_request bad = request("\xff\xfe");
    bad.message = "ne radi \xc3\x28 \xe2\x82";
    bad.name = "\x80\x80";
    bad.page = "/\xed\xa0\x80";
    const json made = build(failed_flow(), bad);
    CHECK(made["language"] == "en");
    CHECK(made["message"].get<std::string>().find("\xef\xbf\xbd") != std::string::npos);
  }
}

TEST_CASE("times outside 1970–9999 are refused where they enter", "[handoff][package]") {
  for (const char* bad : {R"({"now": -1, "seed": "ff"})", R"({"now": 1e300, "seed": "ff"})",
                          R"({"now": 9223372036854775807, "seed": "ff"})"}) {
    INFO(bad);
    CHECK(handoff::request_from_json(bad).err().code == errc::invalid_argument);
  }
  const auto& settings = test::demo().handoff_config();
  CHECK(site::estimate_reply(settings, "billing", "local", -5).due == -1);
  CHECK(site::estimate_reply(settings, "billing", "local", 9'000'000'000'000'000'000).due == -1);
  CHECK(handoff::utc_iso(-1) == "1970-01-01T00:00:00.000Z");
}

TEST_CASE("more about a case already sent goes out as an update with the same case code",
          "[handoff][update]") {
  handoff::update_request r;
  r.now = friday_evening;
  r.lang = "sr-Cyrl";
  r.case_code = handoff::case_code(0x1234'5678'9abc'def0ULL);
  r.message = "Zaboravio sam: kartica 4111 1111 1111 1111, broj porudžbine 48213.";
  r.seed = 0xabcdef;
  auto built = handoff::build_update(r);
  REQUIRE(built.ok());
  const json u = json::parse(built.value());
  keep_for_schema_check(built.value());
  CHECK(u["kind"] == "update");
  CHECK(u["case_code"] == r.case_code);
  CHECK(u["update_id"] == "0000000000abcdef");
  CHECK(u["created_at"] == "2026-12-04T18:30:00.000Z");
  CHECK(u["script"] == "Cyrl");
  // Redacted like every other free text of a case; the order number stays.
  CHECK(u["message"] == "Zaboravio sam: kartica •••• •••• •••• 1111, broj porudžbine 48213.");
  CHECK(u["redacted"] == json{"card"});
  CHECK(u["summary"].get<std::string>().rfind("Допуна случаја " + r.case_code + "\n", 0) == 0);

  r.seed = 0xabcdf0;
  CHECK(json::parse(handoff::build_update(r).value())["update_id"] != u["update_id"]);

  SECTION("a message that redaction lengthens is still at most 4,000 characters") {
    r.message = "lozinka:";
    while (r.message.size() < 3990) r.message += " a";
    const json long_one = json::parse(handoff::build_update(r).value());
    CHECK(text_chars(long_one["message"].get<std::string>()) <= 4000);
    CHECK(long_one["redacted"] == json{"password"});
  }
  SECTION("an update needs a real case code and something to add") {
    r.case_code = "K7PM-Q9XE";  // one character wrong: the check character catches it
    CHECK(handoff::build_update(r).err().code == errc::invalid_argument);
    r.case_code = handoff::case_code(1);
    r.message = " \n\t";
    CHECK(handoff::build_update(r).err().code == errc::invalid_argument);
  }
  SECTION("the page's request is read like a case's") {
    auto read = handoff::update_request_from_json(
        R"({"now": 1796409000000, "lang": "hr", "case_code": "ABCD-EFGH", "message": "x", "seed": "ff"})");
    REQUIRE(read.ok());
    CHECK(read.value().seed == 255);
    CHECK(read.value().lang == "hr");
    CHECK(handoff::update_request_from_json(R"({"lang": "hr"})").err().code ==
          errc::invalid_argument);
    CHECK(handoff::update_request_from_json(R"({"now": 1, "seed": "xyz"})").err().code ==
          errc::invalid_argument);
  }
}

TEST_CASE("what the team needs goes with the case, under its label, in the team's order",
          "[handoff][package][fields]") {
  const test::conversation c = failed_flow();  // the technical team's case
  handoff::package_request r = request("sr-Cyrl");
  r.fields = {{"router_serial", "RX-4111 1111 1111 1111"},
              {"contract_number", "482130"},
              {"shoe_size", "42"}};  // not a field of this team: left out
  const json pkg = build(c, r);
  keep_for_schema_check(pkg.dump());
  REQUIRE(pkg.contains("fields"));
  CHECK(pkg["fields"] ==
        json::array({
            {{"id", "contract_number"}, {"label", "Број уговора"}, {"value", "482130"}},
            {{"id", "router_serial"},
             {"label", "Router serial"},
             {"value", "RX-•••• •••• •••• 1111"}},
        }));
  const std::string summary = pkg["summary"];
  CHECK(summary.find("Број уговора: 482130\n") != std::string::npos);
  SECTION("a value that redaction lengthens is still at most 200 characters") {
    std::string value = "lozinka";
    while (value.size() < 190) value += " a";
    r.fields = {{"router_serial", value}};
    const json lengthened = build(c, r);
    CHECK(text_chars(lengthened["fields"][0]["value"].get<std::string>()) <= 200);
  }
  SECTION("nothing given, no fields") {
    r.fields = {{"contract_number", "  "}};
    CHECK_FALSE(build(c, r).contains("fields"));
  }
  SECTION("read from the page's request") {
    auto read = handoff::request_from_json(
        R"({"now": 1, "seed": "1", "fields": {"contract_number": "482130", "n": 5}})");
    REQUIRE(read.ok());
    CHECK(read.value().fields.size() == 1);
    CHECK(read.value().fields.at("contract_number") == "482130");
  }
}
