// The small knowledge base the conversation and handoff tests share: one flow (router-fix,
// three alternatives, a handoff to "technical"), an article, and site.yaml's handoff
// settings (Belgrade time, working hours, a holiday, channels). Header-only: it uses
// Catch2's CHECK inside conversation::act.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "fixtures.hpp"
#include "flow/flow.hpp"
#include "kb/knowledge_base.hpp"
#include "session/session.hpp"

namespace ha::test {

using nlohmann::json;

// meta 'teams' and 'handoff' as kbc writes them from site.yaml.
inline std::vector<std::pair<std::string, std::string>> demo_meta() {
  return {{"teams", R"({"technical": {"en": "Technical support", "sr-Latn": "Tehnička podrška",
                       "sr-Cyrl": "Техничка подршка"}})"},
          {"handoff", R"({"company": {"name": "SavaNova", "phone": "0800 100 200"},
              "time_zone": {"name": "Europe/Belgrade", "rule": "CET-1CEST,M3.5.0,M10.5.0/3"},
              "holidays": ["2026-12-25"], "categories": {"internet": "technical"},
              "hours": {"technical": {"mon": ["08:00-20:00"], "tue": ["08:00-20:00"],
                "wed": ["08:00-20:00"], "thu": ["08:00-20:00"], "fri": ["08:00-20:00"],
                "sat": ["09:00-14:00"]}},
              "channels": [{"type": "local", "reply_within": 120},
                           {"type": "email", "address": "help@example.com", "reply_within": 480},
                           {"type": "download"}],
              "fields": {"technical": [
                {"id": "contract_number", "label": {"en": "Contract number", "sr-Latn": "Broj ugovora",
                  "sr-Cyrl": "Број уговора"}, "pattern": "^[0-9]{6}$"},
                {"id": "router_serial", "label": {"en": "Router serial"}, "pattern": ""}]}})"}};
}

inline flow::alternative alt(const std::string& en, const std::string& sr) {
  return {{{"en", en}, {"sr-Latn", sr}},
          {{"en", {en + ": step one", en + ": step two"}}, {"sr-Latn", {sr + ": prvi korak"}}},
          {{"en", "Why: " + en}, {"sr-Latn", "Zašto: " + sr}},
          {{"en", "Avoid: " + en}, {"sr-Latn", "Izbegnite: " + sr}},
          "router-lights"};
}

inline flow::node make_node(std::string id, flow::node_kind kind, flow::text body = {}) {
  flow::node n;
  n.id = std::move(id);
  n.kind = kind;
  n.body = std::move(body);
  return n;
}

// ask ─ every device → fix (3 alternatives) → person (handoff)
//     └ one device  → check (step) → fix
inline flow::flow router_flow() {
  flow::flow f;
  f.id = "router-fix";
  f.team = "technical";
  f.category = "internet";
  f.title = {{"en", "Fix a router that does not work"},
             {"sr-Latn", "Popravka rutera koji ne radi"},
             {"sr-Cyrl", "Поправка рутера који не ради"}};
  f.problem = {{"en", "your router does not work"}, {"sr-Latn", "ruter Vam ne radi"}};
  f.summary = {{"en", "the customer's router does not work"},
               {"sr-Latn", "korisniku ne radi ruter"},
               {"sr-Cyrl", "кориснику не ради рутер"}};
  f.symptoms = {{"en", {"router not working"}}, {"sr-Latn", {"ruter ne radi"}}};
  f.start = "ask";
  flow::node ask =
      make_node("ask", flow::node_kind::question,
                {{"en", "Is it every device?"}, {"sr-Latn", "Da li je na svim uređajima?"}});
  ask.options = {{{{"en", "Every device"}, {"sr-Latn", "Na svim"}}, "fix"},
                 {{{"en", "One device"}, {"sr-Latn", "Na jednom"}}, "check"}};
  flow::node check =
      make_node("check", flow::node_kind::step,
                {{"en", "Turn Wi-Fi off and on."}, {"sr-Latn", "Isključite i uključite Wi-Fi."}});
  check.next = "fix";
  flow::node fix = make_node("fix", flow::node_kind::solution);
  fix.alternatives = {alt("Restart", "Restartujte"), alt("Check the cable", "Proverite kabl"),
                      alt("Reset", "Resetujte")};
  fix.next = "person";
  flow::node person =
      make_node("person", flow::node_kind::handoff,
                {{"en", "A technician will call you."}, {"sr-Latn", "Tehničar će Vas pozvati."}});
  person.fields = {"router_serial"};  // of the two fields "technical" declares
  f.nodes = {ask, check, fix, person};
  return f;
}

inline const kb::knowledge_base& demo() {
  static const kb::knowledge_base kb = [] {
    const std::vector<test::kb_row> rows = {
        {"router-lights", "en", "What the router lights mean", "internet", "customer", "info",
         "router, lights", "A red light means no connection."},
        {"router-fix", "en", "Fix a router that does not work", "internet", "customer", "flow",
         "router not working, router broken", "your router does not work"},
        {"router-fix", "sr-Latn", "Popravka rutera koji ne radi", "internet", "customer", "flow",
         "ruter ne radi, ruter pokvaren", "ruter Vam ne radi"},
    };
    return kb::knowledge_base::open_image(
               test::make_kb_image(rows, -1, -1, {{"router-fix", flow::to_json(router_flow())}},
                                   demo_meta(), {},
                                   {{"repeat_contact", "third time"},
                                    {"repeat_contact", "treći put"},
                                    {"repeat_contact", "već sam zva*"},
                                    {"angry_words", "katastrof*"},
                                    {"insult", "idioti"}}))
        .value();
  }();
  return kb;
}

// A conversation that checks, after every step, that saving and restoring gives the
// same state (what a reload in the browser does).
struct conversation {
  session::state s;
  long long clock = 1'700'000'000'000;

  status act(session::action a) {
    a.at = clock += 1000;
    const status done = session::apply(s, a, demo());
    auto restored = session::from_json(session::to_json(s));
    REQUIRE(restored.ok());
    CHECK(restored.value() == s);
    return done;
  }
  json view(const std::string& lang = "en") const {
    return json::parse(session::view(s, demo(), lang));
  }
};

// An action by its name (as the page sends it).
inline session::action act(std::string_view type) {
  session::action a;
  a.type = session::action_type_from(type).value();
  return a;
}
inline session::action choose(int option) {
  auto a = act("choose");
  a.option = option;
  return a;
}
inline session::action feedback(std::string answer) {
  auto a = act("feedback");
  a.answer = std::move(answer);
  return a;
}

inline session::action start_router_flow() {
  auto a = act("start");
  a.flow = "router-fix";
  return a;
}

}  // namespace ha::test
