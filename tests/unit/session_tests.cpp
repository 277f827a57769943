// The troubleshooting runner (core/flow) and the conversation (core/session), in both
// builds: a small flow in a knowledge base made in memory, walked as a customer would.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "demo_flow.hpp"
#include "fixtures.hpp"
#include "flow/runner.hpp"
#include "flow/validate.hpp"
#include "kb/knowledge_base.hpp"
#include "session/frustration.hpp"
#include "session/session.hpp"
#include "text/phrases.hpp"
#include "text/utf8.hpp"

using namespace ha;
using nlohmann::json;

using test::act;
using test::choose;
using test::conversation;
using test::demo;
using test::feedback;
using test::router_flow;
using test::start_router_flow;

TEST_CASE("the test flow itself passes the validator", "[flow]") {
  flow::validation_context context{{"router-lights"},
                                   {"technical"},
                                   {"en", "sr-Latn"},
                                   {{"technical", {"contract_number", "router_serial"}}}};
  const auto problems = flow::validate(router_flow(), context);
  for (const auto& p : problems) INFO(p.message);
  CHECK(problems.empty());
  CHECK(flow::min_alternatives(router_flow()) == 3);
}

TEST_CASE("the runner moves through questions, steps and alternatives in order", "[flow][runner]") {
  const flow::flow f = router_flow();
  flow::position p = flow::start(f);
  CHECK(p.node == "ask");
  CHECK(flow::choose(f, p, 2).err().code == errc::invalid_argument);
  CHECK(flow::proceed(f, p).err().code == errc::invalid_argument);
  p = flow::choose(f, p, 1).value();
  CHECK(p.node == "check");
  p = flow::proceed(f, p).value();
  CHECK(p == flow::position{"fix", 0});
  auto o = flow::answer(f, p, flow::feedback::no).value();
  CHECK_FALSE(o.solved);
  CHECK(o.next == flow::position{"fix", 1});
  o = flow::answer(f, o.next, flow::feedback::partly).value();
  CHECK(o.next == flow::position{"fix", 2});
  CHECK(flow::answer(f, o.next, flow::feedback::yes).value().solved);
  o = flow::answer(f, o.next, flow::feedback::no).value();
  CHECK(o.exhausted);
  CHECK(o.next.node == "person");
  CHECK(flow::answer(f, {"nowhere", 0}, flow::feedback::no).err().code == errc::not_found);
}

TEST_CASE("free text is restated before a flow starts, and can be turned down", "[session]") {
  conversation c;
  auto describe = act("describe");
  describe.text = "my router not working since this morning";
  REQUIRE(c.act(describe).ok());
  json v = c.view();
  CHECK(v["phase"] == "confirming");
  CHECK(v["described"] == "my router not working since this morning");
  CHECK(v["problem"] == "your router does not work");
  CHECK(v["flow"]["id"] == "router-fix");

  SECTION("confirmed: the flow starts at its first question") {
    REQUIRE(c.act(act("confirm")).ok());
    v = c.view("sr-Latn");
    CHECK(v["phase"] == "running");
    CHECK(v["node"]["text"] == "Da li je na svim uređajima?");
    CHECK(v["node"]["options"] == json::array({"Na svim", "Na jednom"}));
  }
  SECTION("turned down: back to searching, nothing started") {
    REQUIRE(c.act(act("reject")).ok());
    CHECK(c.view()["phase"] == "idle");
    CHECK(c.act(act("choose")).err().code == errc::invalid_argument);
  }
  SECTION("text that matches no flow leaves the customer searching, and says so") {
    describe.text = "recipe for sarma";
    REQUIRE(c.act(act("reject")).ok());
    REQUIRE(c.act(describe).ok());
    CHECK(c.view()["phase"] == "idle");
    CHECK(c.view()["noMatch"] == true);
  }
  SECTION("new words while it still asks: the old question goes") {
    describe.text = "recipe for sarma";
    REQUIRE(c.act(describe).ok());
    v = c.view();
    CHECK(v["phase"] == "idle");
    CHECK(v["noMatch"] == true);
    CHECK(v.value("described", "") != "my router not working since this morning");
  }
}

TEST_CASE("no goes to the next alternative with an apology; yes asks for a rating", "[session]") {
  conversation c;
  REQUIRE(c.act(start_router_flow()).ok());
  REQUIRE(c.act(choose(0)).ok());
  json v = c.view();
  CHECK(v["node"]["type"] == "solution");
  CHECK(v["node"]["alternative"]["number"] == 1);
  CHECK(v["node"]["alternative"]["count"] == 3);
  CHECK(v["node"]["alternative"]["why"] == "Why: Restart");
  CHECK(v["node"]["alternative"]["avoid"] == "Avoid: Restart");
  CHECK(v["node"]["alternative"]["article"]["title"] == "What the router lights mean");
  // The language it opens in, so that the page can say when it is not the reader's.
  CHECK(v["node"]["alternative"]["article"]["lang"] == "en");
  CHECK(v["apology"] == false);

  REQUIRE(c.act(feedback("no")).ok());
  v = c.view();
  CHECK(v["node"]["alternative"]["number"] == 2);
  CHECK(v["apology"] == true);
  CHECK(v["tried"] == json::array({{{"title", "Restart"}, {"answer", "no"}}}));
  CHECK(c.act(feedback("maybe")).err().code == errc::invalid_argument);

  REQUIRE(c.act(feedback("yes")).ok());
  CHECK(c.view()["phase"] == "solved");
  CHECK(c.act(act("rate")).err().code == errc::invalid_argument);  // no stars
  auto rate = act("rate");
  rate.rating = 4;
  rate.text = "Quick, thanks";
  REQUIRE(c.act(rate).ok());
  v = c.view();
  CHECK(v["phase"] == "rated");
  CHECK(v["rating"] == 4);
  CHECK(v["comment"] == "Quick, thanks");

  // Every answer is in the record, with its time, in order.
  std::vector<std::string> types;
  for (const auto& e : c.s.events) types.emplace_back(session::type_name(e));
  CHECK(types == std::vector<std::string>{"start", "choose", "feedback", "feedback", "rate"});
  CHECK(c.s.events[2].answer == "no");
  CHECK(c.s.events[2].alternative == 0);
  CHECK(c.s.events[3].alternative == 1);
  CHECK(c.s.events[4].at > c.s.events[0].at);
}

TEST_CASE("partly is its own answer: progress is acknowledged, nothing is said to have failed",
          "[session]") {
  conversation c;
  REQUIRE(c.act(start_router_flow()).ok());
  REQUIRE(c.act(choose(1)).ok());
  REQUIRE(c.act(act("next")).ok());
  const json before = c.view();
  REQUIRE(c.act(feedback("partly")).ok());
  const json v = c.view();
  CHECK(v["phase"] == "running");
  CHECK(v["node"]["alternative"]["number"] ==
        before["node"]["alternative"]["number"].get<int>() + 1);  // the next solution
  CHECK(v["progress"] == true);
  CHECK(v["apology"] == false);
  CHECK(v["tried"].back()["answer"] == "partly");
  REQUIRE(c.act(feedback("no")).ok());
  CHECK(c.view()["apology"] == true);
  CHECK(c.view()["progress"] == false);
}

TEST_CASE("two solutions in a row that did not help: a person is offered before the last",
          "[session]") {
  conversation c;
  REQUIRE(c.act(start_router_flow()).ok());
  REQUIRE(c.act(choose(1)).ok());
  REQUIRE(c.act(act("next")).ok());
  REQUIRE(c.act(feedback("no")).ok());
  REQUIRE(c.act(feedback("no")).ok());
  const json v = c.view();
  CHECK(v["phase"] == "running");
  CHECK(v["offerPerson"] == true);
  CHECK(v["signals"] == json::array({"repeated_no"}));
}

TEST_CASE("when nothing works, the customer is offered a person with everything tried",
          "[session]") {
  conversation c;
  REQUIRE(c.act(start_router_flow()).ok());
  REQUIRE(c.act(choose(1)).ok());
  REQUIRE(c.act(act("next")).ok());
  REQUIRE(c.act(feedback("no")).ok());
  CHECK(c.view()["offerPerson"] == false);
  REQUIRE(c.act(feedback("partly")).ok());
  // "Partly" is progress: it does not count as a second failure.
  json v = c.view();
  CHECK(v["phase"] == "running");
  CHECK(v["offerPerson"] == false);
  CHECK(v["signals"] == json::array());
  REQUIRE(c.act(feedback("no")).ok());
  // Two answers that did not help (one partly between them): the signal, at the handoff.
  CHECK(c.view()["signals"] == json::array({"repeated_no"}));
  v = c.view("sr-Latn");
  CHECK(v["phase"] == "handoff");
  CHECK(v["reason"] == "exhausted");
  CHECK(v["team"] == "technical");
  CHECK(v["text"] == "Tehničar će Vas pozvati.");
  CHECK(v["fields"] == json::array({"router_serial"}));  // what this step asks for
  CHECK(v["tried"].size() == 3);
  CHECK(v["tried"][2] == json{{"title", "Resetujte"}, {"answer", "no"}});
  CHECK(c.s.events.back().type == session::event_type::handoff_offered);

  SECTION("back returns to the last alternative") {
    REQUIRE(c.act(act("back")).ok());
    CHECK(c.view()["node"]["alternative"]["number"] == 3);
    // Answered again: listed once, with the new answer.
    REQUIRE(c.act(feedback("partly")).ok());
    const json again = c.view();
    CHECK(again["tried"].size() == 3);
    CHECK(again["tried"][2]["answer"] == "partly");
  }
  SECTION("once the case is sent, there is no going back into the fix") {
    CHECK(c.view()["canGoBack"] == true);
    auto sent = act("sent");
    sent.text = "K7-2QX9";
    REQUIRE(c.act(sent).ok());
    CHECK(c.view()["caseCode"] == "K7-2QX9");
    CHECK(c.view()["canGoBack"] == false);
    CHECK(c.act(act("back")).err().code == errc::invalid_argument);
    CHECK(c.view()["phase"] == "handoff");
    // Starting over is a new attempt: the sent case is not carried into it.
    REQUIRE(c.act(act("restart")).ok());
    CHECK(c.view()["phase"] == "running");
    CHECK(c.s.case_code.empty());
  }
  SECTION("start over begins the flow again, keeping the record") {
    const auto before = c.s.events.size();
    REQUIRE(c.act(act("restart")).ok());
    CHECK(c.view()["node"]["id"] == "ask");
    CHECK(c.s.events.size() == before + 1);
  }
}

TEST_CASE("the customer can ask for a person at any time and go back", "[session]") {
  conversation c;
  REQUIRE(c.act(start_router_flow()).ok());
  auto ask = act("ask_person");
  REQUIRE(c.act(ask).ok());
  json v = c.view();
  CHECK(v["phase"] == "handoff");
  CHECK(v["reason"] == "asked");
  CHECK(v["team"] == "technical");
  CHECK_FALSE(v.contains("fields"));  // asked outside the handoff step: all the team's fields
  REQUIRE(c.act(act("back")).ok());
  CHECK(c.view()["node"]["id"] == "ask");
  CHECK(c.act(act("back")).err().code == errc::invalid_argument);  // already at the start
}

TEST_CASE("back from a person asked for at the fix's own offer of one is that offer again",
          "[session]") {
  conversation c;
  REQUIRE(c.act(start_router_flow()).ok());
  REQUIRE(c.act(choose(0)).ok());
  for (const char* answer : {"no", "no", "no"}) REQUIRE(c.act(feedback(answer)).ok());
  REQUIRE(c.view()["reason"] == "exhausted");
  REQUIRE(c.act(act("ask_person")).ok());  // "Write to us" under the offer
  CHECK(c.view()["reason"] == "asked");
  REQUIRE(c.act(act("back")).ok());
  // Not the handoff node drawn as a step of the fix: the offer, as it was.
  json v = c.view();
  CHECK(v["phase"] == "handoff");
  CHECK(v["reason"] == "exhausted");
  CHECK(v["team"] == "technical");
  CHECK(v["text"] == "A technician will call you.");
  CHECK(std::count_if(c.s.events.begin(), c.s.events.end(), [](const session::event& e) {
          return e.type == session::event_type::handoff_offered;
        }) == 1);  // offered once, by the fix
  REQUIRE(c.act(act("back")).ok());
  v = c.view();
  CHECK(v["phase"] == "running");
  CHECK(v["node"]["alternative"]["number"] == 3);
}

TEST_CASE("a language or script switch is recorded, and changes nothing else", "[session]") {
  conversation c;
  REQUIRE(c.act(start_router_flow()).ok());
  REQUIRE(c.act(choose(0)).ok());
  REQUIRE(c.act(feedback("no")).ok());
  auto to = act("language");
  to.lang = "sr-Cyrl";
  REQUIRE(c.act(to).ok());
  CHECK(c.s.events.back().type == session::event_type::language);
  CHECK(c.s.events.back().lang == "sr-Cyrl");
  CHECK(c.s.current == session::phase::running);
  // The page still answers the last step: the apology for the "no" stays.
  CHECK(c.view("sr-Cyrl")["apology"] == true);
  const session::state before = c.s;
  to.lang = "tlh";
  CHECK(c.act(to).err().code == errc::invalid_argument);
  to.lang.clear();
  CHECK(c.act(to).err().code == errc::invalid_argument);
  CHECK(c.s == before);
}

TEST_CASE("free text records as shown only the guided fixes it put on the screen", "[session]") {
  SECTION("restated: the fix restated and the other candidates") {
    conversation c;
    auto describe = act("describe");
    describe.text = "my router not working since this morning";
    REQUIRE(c.act(describe).ok());
    REQUIRE(c.view()["phase"] == "confirming");
    CHECK(c.s.events.back().shown == std::vector<std::string>{"router-fix"});
  }
  SECTION("found among the results, but not surely enough to restate: nothing shown") {
    conversation c;
    auto describe = act("describe");
    describe.text = "router lights broken";
    // The search finds the fix, below an article: the page says it is not sure it
    // understood and shows its search results, not the fix.
    kb::search_options options;
    options.limit = 6;
    const auto found = demo().search(describe.text, options);
    REQUIRE(found.ok());
    REQUIRE(found.value().hits.size() >= 2);
    REQUIRE(found.value().hits.front().kind != "flow");
    REQUIRE(std::any_of(found.value().hits.begin(), found.value().hits.end(),
                        [](const kb::search_hit& h) { return h.kind == "flow"; }));
    REQUIRE(c.act(describe).ok());
    CHECK(c.view()["phase"] == "idle");
    CHECK(c.s.events.back().type == session::event_type::describe);
    CHECK(c.s.events.back().shown.empty());
    CHECK(c.view()["noMatch"] == true);
  }
}

TEST_CASE("frustration brings the offer of a person forward", "[session][frustration]") {
  SECTION("the knowledge base's phrases: in order, a little apart, any form and script") {
    text::phrase_list list;
    REQUIRE(list.add("repeat_contact", "već sam zva*"));
    REQUIRE(list.add("angry_words", "katastrof*"));
    REQUIRE_FALSE(list.add("insult", " !! "));
    const auto kinds = [&](std::string_view message) {
      std::vector<std::string> found;
      for (const auto& m : list.find(message)) found.push_back(m.kind + ": " + m.words);
      return found;
    };
    CHECK(kinds("Već sam vam zvao juče!") ==
          std::vector<std::string>{"repeat_contact: Već sam vam zvao"});
    CHECK(kinds("ВЕЋ САМ ЗВАЛА, ОВО ЈЕ КАТАСТРОФА") ==
          std::vector<std::string>{"repeat_contact: ВЕЋ САМ ЗВАЛА", "angry_words: КАТАСТРОФА"});
    CHECK(kinds("vec sam vam juce zvao").size() == 1);          // two words between
    CHECK(kinds("vec sam vam juce ujutru zvao").empty());       // three: too far apart
    CHECK(kinds("zvao sam već").empty());                       // not in the phrase's order
    CHECK(kinds("već sam zvanično prijavio").size() == 1);      // a beginning matches more
  }
  SECTION("every test message of signals-messages.tsv, with the demo's signals.yaml") {
    const kb::knowledge_base& site = test::built_demo();
    REQUIRE(site.signal_phrases().size() > 300);
    std::istringstream lines(test::read_fixture("signals-messages.tsv"));
    std::string line;
    int checked = 0;
    while (std::getline(lines, line)) {
      const std::size_t a = line.find('\t'), b = line.find('\t', a + 1);
      if (a == std::string::npos || b == std::string::npos) continue;
      const std::string expected = line.substr(a + 1, b - a - 1), message = line.substr(b + 1);
      std::vector<std::string> found;
      for (const auto& m : site.signal_phrases().find(message)) found.push_back(m.kind);
      INFO(line);
      if (expected == "none") {
        CHECK(found.empty());
      } else {
        CHECK(std::find(found.begin(), found.end(), expected) != found.end());
      }
      ++checked;
    }
    CHECK(checked >= 200);
  }
  SECTION("exclamation marks") {
    CHECK(session::has_many_exclamations("NIŠTA NE RADI!!!"));
    CHECK(session::has_many_exclamations("why?!?! again?!"));
    CHECK_FALSE(session::has_many_exclamations("Hvala! Radi!"));
  }
  SECTION("shouting in capitals, but not acronyms") {
    CHECK(session::is_shouting("NE RADI NIŠTA VEĆ DVA DANA"));
    CHECK(session::is_shouting("ИНТЕРНЕТ НЕ РАДИ"));
    CHECK_FALSE(session::is_shouting("my SIM PIN does not work"));
    CHECK_FALSE(session::is_shouting("OK"));
    // Search syntax in capitals is no shouting ("AND OR NOT" got an apology for anger).
    CHECK_FALSE(session::is_shouting("AND OR NOT"));
    CHECK_FALSE(session::is_shouting("router NEAR lights AND NOT wifi"));
    CHECK(session::is_shouting("AND NOW NOTHING WORKS"));
  }
  SECTION("in a conversation") {
    conversation c;
    REQUIRE(c.act(start_router_flow()).ok());
    CHECK(c.view()["offerPerson"] == false);
    auto typed = act("typed");
    typed.text = "INTERNET NE RADI VEC TRI DANA";
    REQUIRE(c.act(typed).ok());
    CHECK(c.view()["signals"] == json::array({"shouting"}));
    c.clock += 11 * 60 * 1000;  // eleven minutes later
    REQUIRE(c.act(choose(0)).ok());
    CHECK(c.view()["signals"] == json::array({"shouting", "long_time"}));
  }
  SECTION("a customer who writes for the third time, angry, is offered a person at once") {
    conversation c;
    auto described = act("describe");
    described.text = "NIŠTA NE RADI!!! treći put vam se javljam";
    REQUIRE(c.act(described).ok());
    const json v = c.view();
    CHECK(v["signals"] == json::array({"repeat_contact", "exclamations"}));
    CHECK(v["offerPerson"] == true);
    const auto signals = session::frustration(c.s, demo(), session::reach::whole_conversation);
    REQUIRE(signals.size() == 2);
    CHECK(signals[0].words == "treći put");
    CHECK(signals[1].words == "NIŠTA NE RADI!!! treći put vam se javljam");
  }
  SECTION(
      "one who writes calmly again is no longer kept on the way to a person, unless they wrote "
      "before") {
    conversation c;
    auto described = act("describe");
    described.text = "INTERNET NE RADI!!!";
    REQUIRE(c.act(described).ok());
    CHECK(c.view()["signals"] == json::array({"shouting", "exclamations"}));
    CHECK(c.view()["offerPersonAnyway"] == false);  // new words may be calm
    // Steps without words keep the mood.
    REQUIRE(c.act(act("leave")).ok());
    CHECK(c.view()["offerPerson"] == true);
    auto calm = act("searched");
    calm.text = "kako da promenim PIN";
    REQUIRE(c.act(calm).ok());
    CHECK(c.view()["signals"] == json::array());
    CHECK(c.view()["offerPerson"] == false);
    // A person who takes the case still reads how it began.
    const auto whole = session::frustration(c.s, demo(), session::reach::whole_conversation);
    REQUIRE(whole.size() == 2);
    CHECK(whole[0].kind == "shouting");
    // Writing again, in any mood, stays true all along.
    auto again = act("describe");
    again.text = "treći put vam se javljam zbog interneta";
    REQUIRE(c.act(again).ok());
    calm.text = "internet spor";
    REQUIRE(c.act(calm).ok());
    CHECK(c.view()["signals"] == json::array({"repeat_contact"}));
    CHECK(c.view()["offerPersonAnyway"] == true);
    // Upset again: the mood is back.
    calm.text = "NIŠTA NE RADI!!!";
    REQUIRE(c.act(calm).ok());
    CHECK(c.view()["signals"] == json::array({"repeat_contact", "shouting", "exclamations"}));
  }
}

TEST_CASE("actions and events have one name each, both ways", "[session]") {
  for (int i = 0; i <= static_cast<int>(session::action_type::sent); ++i) {
    const auto t = static_cast<session::action_type>(i);
    INFO(session::to_string(t));
    CHECK(!session::to_string(t).empty());
    CHECK(session::action_type_from(session::to_string(t)) == t);
    CHECK(session::to_string(session::event_of(t)) == session::to_string(t));
  }
  for (int i = 0; i < static_cast<int>(session::event_type::unknown); ++i) {
    const auto t = static_cast<session::event_type>(i);
    INFO(session::to_string(t));
    CHECK(session::event_type_from(session::to_string(t)) == t);
  }
  CHECK(session::to_string(session::action_type::something_else) == "something_else");
  CHECK(session::to_string(session::event_type::handoff_offered) == "handoff_offered");
  // The offer of a person is made by the flow, never sent as an action.
  CHECK(!session::action_type_from("handoff_offered"));
  CHECK(!session::action_type_from(""));
  CHECK(!session::event_type_from("Describe"));
  CHECK(session::to_string(session::event_type::unknown).empty());
}

TEST_CASE("a saved conversation restores exactly, and bad saves are refused", "[session]") {
  conversation c;
  REQUIRE(c.act(start_router_flow()).ok());
  REQUIRE(c.act(choose(0)).ok());
  const std::string saved = session::to_json(c.s);
  auto restored = session::from_json(saved);
  REQUIRE(restored.ok());
  CHECK(session::to_json(restored.value()) == saved);
  CHECK(session::view(restored.value(), demo(), "sr-Cyrl") ==
        session::view(c.s, demo(), "sr-Cyrl"));
  CHECK(json::parse(session::view(c.s, demo(), "sr-Cyrl"))["flow"]["title"] ==
        "Поправка рутера који не ради");

  for (const char* bad : {"", "[]", "{\"version\": 2}", "{\"version\": 1, \"phase\": \"dancing\"}",
                          "{\"version\": 1, \"phase\": \"running\"}",
                          "{\"version\":1,\"phase\":\"running\",\"flow\":\"x\"}"}) {
    INFO(bad);
    CHECK(session::from_json(bad).err().code == errc::invalid_argument);
  }
  // A save naming a flow the knowledge base no longer has: an error, not a crash.
  session::state gone = c.s;
  gone.flow = "removed-flow";
  CHECK(session::apply(gone, feedback("no"), demo()).err().code == errc::not_found);
  CHECK(json::parse(session::view(gone, demo(), "en"))["flow"].is_null());
  // ... but never a trap: the customer can still leave or ask for a person.
  session::state asked = gone;
  REQUIRE(session::apply(asked, act("ask_person"), demo()).ok());
  CHECK(asked.current == session::phase::handoff);
  REQUIRE(session::apply(gone, act("leave"), demo()).ok());
  CHECK(gone.current == session::phase::idle);
  CHECK(gone.flow.empty());
  // An action of no known type is refused (the page sends them as JSON).
  const auto dance = session::action_from_json(R"({"type": "dance", "at": 1700000000000})");
  CHECK(dance.err().code == errc::invalid_argument);
  CHECK(dance.err().message == "unknown action 'dance'");
}

TEST_CASE("a long message is kept whole, and one too long says it was cut", "[session]") {
  // 3,000 characters of Cyrillic (6,000 bytes) once kept 1,000 of them, cut inside a word.
  std::string cyrillic;
  while (text::truncate_chars(cyrillic, 3000).size() == cyrillic.size()) {
    cyrillic += "рутер трепће црвено ";
  }
  cyrillic = std::string(text::truncate_chars(cyrillic, 3000));
  conversation c;
  auto describe = act("describe");
  describe.text = cyrillic;
  REQUIRE(c.act(describe).ok());
  CHECK(c.s.events.back().text == cyrillic);

  std::string longer;
  for (int i = 0; i < 300; ++i) longer += "интернет не ради ";
  conversation d;
  describe.text = longer;
  REQUIRE(d.act(describe).ok());
  const std::string& kept = d.s.events.back().text;
  CHECK(text::truncate_chars(kept, 4000).size() == kept.size());
  CHECK(kept.ends_with(" ради…"));  // at a space, never inside a word
  CHECK(longer.starts_with(kept.substr(0, kept.size() - std::string("…").size())));

  // Exactly as many characters as the form allows is kept whole; a line break is a place
  // to cut too, and the spaces before the cut go.
  const std::string full(4000, 'a');
  CHECK(text::shorten(full, 4000) == full);
  CHECK(text::shorten(full + "b", 4000) == std::string(3999, 'a') + "…");
  CHECK(text::shorten("prvi red  \nдруги ред", 12) == "prvi red…");
  CHECK(text::shorten("ab", 0).empty());
}

TEST_CASE("a restored conversation is bounded as a live one, and hostile saves never crash",
          "[session]") {
  SECTION("a save with too many events keeps the newest, as a live conversation does") {
    json many = json::parse(session::to_json(conversation{}.s));
    many["events"] = json::array();
    for (int i = 0; i < 5000; ++i) {
      many["events"].push_back({{"at", i}, {"type", "typed"}, {"text", std::string(5000, 'a')}});
    }
    auto restored = session::from_json(many.dump());
    REQUIRE(restored.ok());
    CHECK(restored.value().events.size() == 500);
    CHECK(restored.value().events.front().at == 4500);
    const std::string& cut = restored.value().events.back().text;
    CHECK(text::truncate_chars(cut, 4000).size() == cut.size());
    CHECK(cut.ends_with("…"));
  }
  SECTION("an event of a type this version does not know is kept as it was written") {
    conversation c;
    REQUIRE(c.act(start_router_flow()).ok());
    json saved = json::parse(session::to_json(c.s));
    saved["events"].push_back({{"at", 1}, {"type", "solved"}, {"text", "x"}});
    saved["events"].push_back({{"at", 2}, {"type", ""}});
    auto restored = session::from_json(saved.dump());
    REQUIRE(restored.ok());
    CHECK(restored.value().events[1].type == session::event_type::unknown);
    CHECK(session::type_name(restored.value().events[1]) == "solved");
    CHECK(session::type_name(restored.value().events[2]).empty());
    CHECK(json::parse(session::to_json(restored.value())) == saved);
  }
  SECTION("a path longer than any flow is refused") {
    conversation c;
    REQUIRE(c.act(start_router_flow()).ok());
    json long_path = json::parse(session::to_json(c.s));
    for (int i = 0; i < 300; ++i) long_path["path"].push_back({{"node", "x"}, {"alternative", 0}});
    CHECK(session::from_json(long_path.dump()).err().code == errc::invalid_argument);
  }
  SECTION("times outside 1970–9999 are refused, in a save and in an action") {
    json bad = json::parse(session::to_json(conversation{}.s));
    bad["updatedAt"] = -1;
    CHECK(session::from_json(bad.dump()).err().code == errc::invalid_argument);
    for (const char* action :
         {R"({"type": "leave"})", R"({"type": "leave", "at": -5})",
          R"({"type": "leave", "at": 1e300})", R"({"type": "leave", "at": 9223372036854775807})"}) {
      INFO(action);
      CHECK(session::action_from_json(action).err().code == errc::invalid_argument);
    }
    CHECK(session::action_from_json(R"({"type": "leave", "at": 1700000000000})").ok());
  }
  SECTION("turning down a restatement in a save that lists no flows") {
    json confirming = json::parse(session::to_json(conversation{}.s));
    confirming["phase"] = "confirming";
    confirming["flow"] = "router-fix";
    confirming["candidates"] = json::array();
    auto restored = session::from_json(confirming.dump());
    REQUIRE(restored.ok());
    session::state s = restored.value();
    auto reject = act("reject");
    reject.at = 1'700'000'000'000;
    REQUIRE(session::apply(s, reject, demo()).ok());
    CHECK(s.current == session::phase::idle);
  }
  SECTION("a language that is not UTF-8 still gives a view") {
    conversation c;
    REQUIRE(c.act(start_router_flow()).ok());
    CHECK(json::parse(session::view(c.s, demo(), "\xff\xfe\x80"))["lang"] ==
          "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
  }
}

TEST_CASE("free text restates a fix only when the customer's words name it", "[session]") {
  // The demo knowledge base: twelve fixes whose steps share everyday verbs with anything.
  const kb::knowledge_base& kb = test::built_demo();
  const auto phase_after = [&](const std::string& text, const std::string& lang) {
    session::state s;
    session::action a;
    a.type = session::action_type::describe;
    a.text = text;
    a.lang = lang;
    a.at = 1;
    REQUIRE(session::apply(s, a, kb).ok());
    return std::string(session::to_string(s.current));
  };
  // "napravim" is only in a fix's steps ("napravite"): a recipe is not a broken internet.
  CHECK(phase_after("kako da napravim sarmu", "sr-Latn") == "idle");
  CHECK(phase_after("koliko košta iphone 17 na rate u Nemačkoj", "sr-Latn") == "idle");
  // "Nothing works" says something is wrong, not what: no fix is restated for it.
  CHECK(phase_after("NOTHING WORKS!!! third time I am contacting you", "en") == "idle");
  CHECK(phase_after("nothing works", "en") == "idle");
  // Words of the fix's title or symptoms, beside words of circumstance, name it.
  CHECK(phase_after("нема интернета од јутрос", "sr-Cyrl") == "confirming");
  CHECK(phase_after("my home internet stopped working yesterday", "en") == "confirming");
}
