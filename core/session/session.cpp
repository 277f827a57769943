#include "session/session.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "common/json_io.hpp"
#include "site/config.hpp"
#include "kb/knowledge_base.hpp"
#include "common/languages.hpp"
#include "kb/query.hpp"
#include "kb/snippet.hpp"
#include "session/frustration.hpp"
#include "text/utf8.hpp"

namespace ha::session {
namespace {

using detail::read_integer;
using detail::read_string;
using detail::read_strings;
using nlohmann::json;

// Bounds that keep a saved conversation small (it is written to IndexedDB after every
// step and travels with a handoff): far longer than any real text or conversation.
// A text is kept to as many characters as the handoff form's message allows (a longer
// one ends with "…": the agent sees it was cut).
constexpr std::size_t max_text_chars = 4000;
constexpr std::size_t max_events = 500;
constexpr std::size_t max_path = 200;
constexpr std::size_t max_shown = 10;
constexpr std::size_t max_candidates = 20;
// A guided fix that is the best hit for free text and holds at least this share of its
// words is restated even when the search is not confident: a description with a word of
// circumstance ("my router is not working since this morning") names its problem.
constexpr double restatable_coverage = 0.5;
// Longer than this in one flow is a sign of trouble: offer a person (P8).
constexpr long long long_time_ms = 10LL * 60 * 1000;
// The customer's words kept with a signal (a shouted message may be long).
constexpr std::size_t max_signal_words = 200;

constexpr std::pair<phase, std::string_view> phase_names[] = {
    {phase::idle, "idle"},     {phase::confirming, "confirming"}, {phase::running, "running"},
    {phase::solved, "solved"}, {phase::rated, "rated"},           {phase::handoff, "handoff"},
};

// The name of each event, and of the action recorded as it (none for the offer of a
// person, which only the flow makes): the one place they are spelt, in the order of
// event_type (checked below).
struct type_entry {
  event_type event;
  std::optional<action_type> action;
  std::string_view name;
};
constexpr type_entry type_names[] = {
    {event_type::describe, action_type::describe, "describe"},
    {event_type::start, action_type::start, "start"},
    {event_type::confirm, action_type::confirm, "confirm"},
    {event_type::reject, action_type::reject, "reject"},
    {event_type::choose, action_type::choose, "choose"},
    {event_type::next, action_type::next, "next"},
    {event_type::feedback, action_type::feedback, "feedback"},
    {event_type::back, action_type::back, "back"},
    {event_type::restart, action_type::restart, "restart"},
    {event_type::rate, action_type::rate, "rate"},
    {event_type::something_else, action_type::something_else, "something_else"},
    {event_type::leave, action_type::leave, "leave"},
    {event_type::ask_person, action_type::ask_person, "ask_person"},
    {event_type::searched, action_type::searched, "searched"},
    {event_type::opened, action_type::opened, "opened"},
    {event_type::typed, action_type::typed, "typed"},
    {event_type::helped, action_type::helped, "helped"},
    {event_type::language, action_type::language, "language"},
    {event_type::sent, action_type::sent, "sent"},
    {event_type::handoff_offered, std::nullopt, "handoff_offered"},
};

// Every event type but unknown has its entry, at its own place; every action type too.
constexpr bool type_names_complete() {
  int actions = 0;
  for (std::size_t i = 0; i < std::size(type_names); ++i) {
    if (type_names[i].event != static_cast<event_type>(i)) return false;
    if (type_names[i].action && *type_names[i].action != static_cast<action_type>(actions++)) {
      return false;
    }
  }
  return std::size(type_names) == static_cast<std::size_t>(event_type::unknown) &&
         actions == static_cast<int>(action_type::sent) + 1;
}
static_assert(type_names_complete());

// An integer field of a saved conversation that fits an int: a count or an index
// (-1, "none", when missing or out of range).
int small_number(const json& j, const char* key) {
  const long long v = read_integer(j, key, -1);
  return v >= -1 && v <= 1000000 ? static_cast<int>(v) : -1;
}

std::string bounded(std::string_view s) {
  return text::shorten(text::sanitize(s), max_text_chars);
}

status wrong_phase(const state& s, const action& a) {
  return {errc::invalid_argument, "'" + std::string(to_string(a.type)) +
                                      "' does not fit the conversation now (" +
                                      std::string(to_string(s.current)) + ")"};
}

event record(const state& s, const action& a) {
  event e;
  e.at = a.at;
  e.type = event_of(a.type);
  e.flow = s.flow;
  if (!s.path.empty()) e.node = s.path.back().node;
  e.text = bounded(a.text);
  e.article = bounded(a.article);
  for (std::size_t i = 0; i < a.shown.size() && i < max_shown; ++i)
    e.shown.push_back(bounded(a.shown[i]));
  return e;
}

void push(state& s, event e) {
  if (s.events.size() >= max_events) s.events.erase(s.events.begin());
  s.events.push_back(std::move(e));
}

// Arriving at a node: a handoff node ends the flow's part with the offer of a person.
void settle(state& s, const flow::flow& f, bool exhausted) {
  const flow::node* n = flow::at(f, s.path.back());
  if (!n || n->kind != flow::node_kind::handoff) {
    s.current = phase::running;
    return;
  }
  s.current = phase::handoff;
  s.handoff_team = f.team_of(*n);
  s.handoff_reason = exhausted ? "exhausted" : "flow";
}

void begin(state& s, const flow::flow& f, long long at) {
  s.flow = f.id;
  s.path = {flow::start(f)};
  s.flow_started_at = at;
  s.no_in_a_row = 0;
  s.candidates.clear();
  s.handoff_team.clear();
  s.handoff_reason.clear();
  settle(s, f, false);
}

void leave(state& s) {
  s.current = phase::idle;
  s.flow.clear();
  s.path.clear();
  s.candidates.clear();
  s.handoff_team.clear();
  s.handoff_reason.clear();
  s.no_in_a_row = 0;
}

status move_to(state& s, const flow::flow& f, flow::position p, bool exhausted) {
  if (s.path.size() >= max_path) return {errc::invalid_argument, "the conversation is too long"};
  s.path.push_back(std::move(p));
  settle(s, f, exhausted);
  return ok_status();
}

// Whether the customer's words (any form) name the flow: its title or symptoms, in any
// language, hold one of them. Words that only its steps hold are how it says things,
// not what it is about ("napravim" of "kako da napravim sarmu" is in "napravite restart").
bool named_by(const flow::flow& f, const std::string& text) {
  kb::word_matcher matching(kb::build_match(text + ' ').snippet);
  std::string named;
  for (const auto& [lang, title] : f.title) named += title + '\n';
  for (const auto& [lang, items] : f.symptoms) {
    for (const std::string& item : items) named += item + '\n';
  }
  return kb::distinct_matches(named, matching) > 0;
}

// The flows among the best hits of a search for text, best first. likely: the best hit
// is a flow, and the search is confident of it or the flow holds at least half of the
// customer's words (restatable_coverage), one of them in its title or symptoms (named_by);
// only then is it restated (a guess the customer
// confirms or turns down, P2). Otherwise the customer is told plainly that the assistant
// is not sure it understood, and sees the closest topics and a person: a restatement of
// a problem the customer never had ("your order was cancelled" for a question about a
// phone's price abroad) is worse than none (P3, P12).
std::vector<std::string> matching_flows(const kb::knowledge_base& kb, const std::string& text,
                                        const std::string& lang, bool& likely) {
  kb::search_options options;
  options.lang = lang.empty() ? std::string(base_language) : lang;
  options.limit = 6;
  std::vector<std::string> ids;
  likely = false;
  auto found = kb.search(text, options);
  if (!found || found.value().hits.empty()) return ids;
  const kb::search_response& result = found.value();
  const kb::search_hit& best = result.hits.front();
  const flow::flow* f = best.kind == "flow" ? kb.find_flow(best.id) : nullptr;
  likely = f != nullptr && !result.other_service &&
           (result.confident || (result.coverage >= restatable_coverage && named_by(*f, text)));
  for (const auto& hit : result.hits) {
    if (hit.kind == "flow") ids.push_back(hit.id);
  }
  return ids;
}

// Outside a flow, a person comes from the team of what the customer was reading (P11):
// the last article opened, else the best result of the last search if the engine was
// sure of it, by the category's team in site.yaml. "" when nothing says: a search that
// was not sure shows a guess, and its team would ask for the wrong details (an order
// number for a question about a phone's price abroad).
std::string team_of_reading(const state& s, const kb::knowledge_base& kb) {
  const auto& teams = kb.handoff_config().category_teams;
  const auto team_of = [&](const std::string& id) -> std::string {
    if (const flow::flow* f = kb.find_flow(id)) return f->team;
    auto a = kb.get_article(id, base_language);
    if (!a) return {};
    const auto it = teams.find(a.value().category);
    return it == teams.end() ? std::string() : it->second;
  };
  const auto sure_of = [&](const std::string& text) {
    kb::search_options options;
    options.limit = 1;
    const auto found = kb.search(text, options);
    return found && found.value().confident;
  };
  for (auto e = s.events.rbegin(); e != s.events.rend(); ++e) {
    std::string team;
    if (e->type == event_type::opened || e->type == event_type::helped) team = team_of(e->article);
    if (e->type == event_type::searched && !e->shown.empty()) {
      if (!sure_of(e->text)) return {};  // the last search was a guess: no older one counts
      team = team_of(e->shown.front());
    }
    if (!team.empty()) return team;
  }
  return {};
}

// The last step the page answered: what is only recorded (a search, an article opened or
// answered, text typed, a language switch) does not change what the page shows.
const event* last_step(const state& s) {
  for (auto e = s.events.rbegin(); e != s.events.rend(); ++e) {
    switch (e->type) {
      case event_type::searched:
      case event_type::opened:
      case event_type::typed:
      case event_type::helped:
      case event_type::language: break;
      default: return &*e;
    }
  }
  return nullptr;
}

}  // namespace

std::string_view to_string(phase p) noexcept {
  for (const auto& [k, name] : phase_names) {
    if (k == p) return name;
  }
  return "idle";
}

std::string_view to_string(action_type t) noexcept {
  for (const type_entry& x : type_names) {
    if (x.action == t) return x.name;
  }
  return {};
}

std::optional<action_type> action_type_from(std::string_view name) noexcept {
  for (const type_entry& x : type_names) {
    if (x.name == name) return x.action;
  }
  return std::nullopt;
}

std::string_view to_string(event_type t) noexcept {
  for (const type_entry& x : type_names) {
    if (x.event == t) return x.name;
  }
  return {};
}

std::optional<event_type> event_type_from(std::string_view name) noexcept {
  for (const type_entry& x : type_names) {
    if (x.name == name) return x.event;
  }
  return std::nullopt;
}

event_type event_of(action_type t) noexcept {
  for (const type_entry& x : type_names) {
    if (x.action == t) return x.event;
  }
  return event_type::unknown;
}

std::string_view type_name(const event& e) noexcept {
  return e.type == event_type::unknown ? std::string_view(e.unknown_type) : to_string(e.type);
}

namespace {

// The signals in one piece of the customer's words: the knowledge base's phrases, then
// shouting and exclamations.
std::vector<signal> said_in(const event& e, const kb::knowledge_base& kb) {
  std::vector<signal> said;
  const auto note = [&](std::string kind, std::string_view words) {
    said.push_back({std::move(kind), std::string(text::truncate(words, max_signal_words))});
  };
  for (auto& m : kb.signal_phrases().find(e.text)) note(m.kind, m.words);
  if (is_shouting(e.text)) note("shouting", e.text);
  if (has_many_exclamations(e.text)) note("exclamations", e.text);
  return said;
}

bool has_kind(const std::vector<signal>& signals, std::string_view kind) {
  return std::any_of(signals.begin(), signals.end(),
                     [&](const signal& x) { return x.kind == kind; });
}

}  // namespace

bool is_mood(std::string_view kind) {
  return kind == "insult" || kind == "angry_words" || kind == "shouting" || kind == "exclamations";
}

std::vector<signal> frustration(const state& s, const kb::knowledge_base& kb, reach r) {
  std::vector<signal> found;
  if (s.no_in_a_row >= 2) found.push_back({"repeated_no", {}});
  std::vector<signal> said;    // from the customer's words, one per kind, the first seen
  std::vector<signal> latest;  // from their latest words
  for (const event& e : s.events) {
    if (e.text.empty() || e.type == event_type::handoff_offered) continue;
    latest = said_in(e, kb);
    for (signal& x : latest) {
      if (!has_kind(said, x.kind)) said.push_back(x);
    }
  }
  for (const char* kind : {"repeat_contact", "insult", "angry_words", "shouting", "exclamations"}) {
    if (r == reach::now && is_mood(kind) && !has_kind(latest, kind)) continue;
    for (const signal& x : said) {
      if (x.kind == kind) found.push_back(x);
    }
  }
  if (s.current == phase::running && s.flow_started_at > 0 &&
      s.updated_at - s.flow_started_at > long_time_ms) {
    found.push_back({"long_time", {}});
  }
  return found;
}

namespace {

// Free text: the guided fixes it may describe; the best restated when it is a likely match.
status on_describe(state& next, event& e, const action& a, const kb::knowledge_base& kb) {
  bool likely = false;
  const std::string text = bounded(a.text);
  std::vector<std::string> flows = matching_flows(kb, text, a.lang, likely);
  if (!flows.empty() && likely) {
    // Shown: the guided fixes the page now offers (the one restated, then the others).
    // None when nothing is restated: the page shows its search results instead.
    e.shown = flows;
    leave(next);
    next.current = phase::confirming;
    next.flow = flows.front();
    next.described = text;
    next.candidates = std::move(flows);
  } else if (next.current == phase::confirming) {
    // New words while "is that right?" still asks about the old ones: the old question
    // goes (it kept "You wrote 'wifi slow'" over a question about roaming prices).
    leave(next);
    next.described.clear();
  }
  return ok_status();
}

// A choice at a question, or "next" after a step.
status on_move(const state& s, state& next, event& e, const action& a, const flow::flow* current) {
  if (s.current != phase::running || !current) return wrong_phase(s, a);
  const bool choice = a.type == action_type::choose;
  auto moved = choice ? flow::choose(*current, s.path.back(),
                                     static_cast<std::size_t>(std::max(a.option, 0)))
                      : flow::proceed(*current, s.path.back());
  if (!moved) return moved.err();
  if (choice) {
    if (a.option < 0) return {errc::invalid_argument, "choose needs an option number"};
    e.option = a.option;
  }
  if (auto done = move_to(next, *current, moved.value(), false); !done) return done;
  return ok_status();
}

// "Did this solve it?": yes, partly or no.
status on_feedback(const state& s, state& next, event& e, const action& a,
                   const flow::flow* current) {
  if (s.current != phase::running || !current) return wrong_phase(s, a);
  flow::feedback fb;
  if (a.answer == "yes")
    fb = flow::feedback::yes;
  else if (a.answer == "partly")
    fb = flow::feedback::partly;
  else if (a.answer == "no")
    fb = flow::feedback::no;
  else
    return {errc::invalid_argument, "feedback is yes, partly or no"};
  auto answered = flow::answer(*current, s.path.back(), fb);
  if (!answered) return answered.err();
  e.answer = a.answer;
  if (flow::at(*current, s.path.back())->kind == flow::node_kind::solution) {
    e.alternative = static_cast<int>(s.path.back().alternative);
  } else {
    e.article = flow::at(*current, s.path.back())->article;
  }
  if (answered.value().solved) {
    next.current = phase::solved;
    next.no_in_a_row = 0;
  } else {
    // "Partly" is progress, not a failure: it neither counts towards "did not help twice
    // in a row" nor starts the count again.
    if (fb == flow::feedback::no) ++next.no_in_a_row;
    if (auto done = move_to(next, *current, answered.value().next, answered.value().exhausted);
        !done) {
      return done;
    }
  }
  return ok_status();
}

// Back one step in the fix (or from the offer of a person to where the customer was).
status on_back(const state& s, state& next, const action& a, const flow::flow* current) {
  const bool in_flow =
      s.current == phase::running || s.current == phase::handoff || s.current == phase::solved;
  if (!in_flow || !current || s.path.empty()) return wrong_phase(s, a);
  // A case sent is not taken back by stepping into the fix again.
  if (s.current == phase::handoff && !s.case_code.empty()) return wrong_phase(s, a);
  // From an offer of a person the customer asked for, back is where they were.
  const bool asked = s.current == phase::handoff && s.handoff_reason == "asked";
  if (!asked && s.current != phase::solved) {
    if (s.path.size() < 2) return wrong_phase(s, a);
    next.path.pop_back();
  }
  next.current = phase::running;
  next.handoff_team.clear();
  next.handoff_reason.clear();
  // Asked at the fix's own offer of a person: back is that offer again, for its reason.
  if (asked) {
    const auto offered = std::find_if(s.events.rbegin(), s.events.rend(), [](const event& x) {
      return x.type == event_type::handoff_offered;
    });
    settle(next, *current, offered != s.events.rend() && offered->text == "exhausted");
  }
  return ok_status();
}

// The customer asks for a person: the team of the fix or of what they were reading.
status on_ask_person(const state& s, state& next, const flow::flow* current,
                     const kb::knowledge_base& kb) {
  if (s.current != phase::handoff) next.case_code.clear();
  next.current = phase::handoff;
  next.handoff_reason = "asked";
  next.handoff_team = current ? current->team : team_of_reading(s, kb);
  if (current && !s.path.empty()) {
    const flow::node* n = flow::at(*current, s.path.back());
    if (n && n->kind == flow::node_kind::handoff) next.handoff_team = current->team_of(*n);
  }
  return ok_status();
}

// "Did this article help?": recorded with the customer's yes or no.
status on_helped(event& e, const action& a) {
  if (a.article.empty() || (a.answer != "yes" && a.answer != "no")) {
    return {errc::invalid_argument, "helped needs an article and the answer yes or no"};
  }
  e.answer = a.answer;
  return ok_status();
}

// The page switched language or script: recorded, the conversation stays where it is.
status on_language(event& e, const action& a) {
  if (!ha::is_content_language(a.lang)) {
    return {errc::invalid_argument, "language needs one of the content languages"};
  }
  e.lang = a.lang;
  return ok_status();
}

// The case went out: its code is kept until the customer leaves.
status on_sent(const state& s, state& next, const action& a) {
  if (s.current != phase::handoff || a.text.empty()) return wrong_phase(s, a);
  next.case_code = bounded(a.text);
  return ok_status();
}

// A flow chosen from the search results: it starts at once, from wherever the customer was.
status on_start(state& next, event& e, const action& a, const kb::knowledge_base& kb) {
  const flow::flow* f = kb.find_flow(a.flow);
  if (!f) return {errc::not_found, "no flow '" + a.flow + "' in the knowledge base"};
  e.flow = f->id;
  leave(next);
  next.described.clear();
  begin(next, *f, a.at);
  return ok_status();
}

// The restatement was right: its flow starts.
status on_confirm(const state& s, state& next, const action& a, const flow::flow* current) {
  if (s.current != phase::confirming || !current) return wrong_phase(s, a);
  begin(next, *current, a.at);
  return ok_status();
}

// The restatement was wrong: back to searching, with the other flows found.
status on_reject(const state& s, state& next, const action& a) {
  if (s.current != phase::confirming) return wrong_phase(s, a);
  // The flows offered after the one the customer turned down (none in a damaged save).
  std::vector<std::string> others;
  if (!s.candidates.empty()) others.assign(s.candidates.begin() + 1, s.candidates.end());
  leave(next);
  next.candidates = std::move(others);
  return ok_status();
}

// The same flow from the start.
status on_restart(const state& s, state& next, const action& a, const flow::flow* current) {
  if (!current || s.current == phase::rated) return wrong_phase(s, a);
  begin(next, *current, a.at);
  // A case sent stays sent (the device keeps it, with its code); walking the fix again is
  // a new attempt, and a case it comes to is a new one.
  next.case_code.clear();
  return ok_status();
}

// Stars and an optional comment, after "solved".
status on_rate(const state& s, state& next, event& e, const action& a) {
  if (s.current != phase::solved) return wrong_phase(s, a);
  if (a.rating < 1 || a.rating > 5) return {errc::invalid_argument, "a rating is 1 to 5"};
  e.rating = a.rating;
  next.rating = a.rating;
  next.comment = bounded(a.text);
  next.current = phase::rated;
  return ok_status();
}

// "Something else" after "solved", or leaving from anywhere: back to searching, and a case
// sent is behind the customer.
status on_leave(state& next) {
  leave(next);
  next.described.clear();
  next.case_code.clear();
  return ok_status();
}

// A search, an article opened, text typed: only recorded (record() keeps what the event
// needs); what the customer looked at travels with a handoff.
status on_recorded_only() {
  return ok_status();
}

// The handler of the action's type. Each checks that the action fits the conversation,
// then changes next and adds to e what the event keeps.
status on_action(const state& s, state& next, event& e, const action& a, const flow::flow* current,
                 const kb::knowledge_base& kb) {
  switch (a.type) {
    case action_type::searched:
    case action_type::opened:
    case action_type::typed: return on_recorded_only();
    case action_type::helped: return on_helped(e, a);
    case action_type::language: return on_language(e, a);
    case action_type::sent: return on_sent(s, next, a);
    case action_type::describe: return on_describe(next, e, a, kb);
    case action_type::start: return on_start(next, e, a, kb);
    case action_type::confirm: return on_confirm(s, next, a, current);
    case action_type::reject: return on_reject(s, next, a);
    case action_type::choose:
    case action_type::next: return on_move(s, next, e, a, current);
    case action_type::feedback: return on_feedback(s, next, e, a, current);
    case action_type::back: return on_back(s, next, a, current);
    case action_type::restart: return on_restart(s, next, a, current);
    case action_type::rate: return on_rate(s, next, e, a);
    case action_type::something_else:
    case action_type::leave: return on_leave(next);
    case action_type::ask_person: return on_ask_person(s, next, current, kb);
  }
  // Only a value cast from outside the enumeration (action_from_json gives none).
  return {errc::invalid_argument, "unknown action"};
}

// The action taken: its times and its event kept in next, which becomes the conversation.
void finish_step(state& s, state next, event e, const action& a) {
  if (next.started_at == 0) next.started_at = a.at;
  next.updated_at = std::max(next.updated_at, a.at);
  push(next, std::move(e));
  // The flow itself led to a person: recorded after the answer that led there.
  if (next.current == phase::handoff && next.handoff_reason != "asked" &&
      (s.current != phase::handoff || s.path != next.path)) {
    event offered;
    offered.at = a.at;
    offered.type = event_type::handoff_offered;
    offered.flow = next.flow;
    offered.node = next.path.back().node;
    offered.text = next.handoff_reason;
    push(next, std::move(offered));
  }
  s = std::move(next);
}

}  // namespace

status apply(state& s, const action& a, const kb::knowledge_base& kb) {
  const action_type type = a.type;
  const flow::flow* current = s.flow.empty() ? nullptr : kb.find_flow(s.flow);
  // A saved conversation may name a flow a newer knowledge base no longer has: the steps
  // inside a flow then fail, but the customer can still leave, search or ask for a person.
  const bool in_flow_step = type == action_type::confirm || type == action_type::choose ||
                            type == action_type::next || type == action_type::feedback ||
                            type == action_type::back || type == action_type::restart;
  if (in_flow_step && !s.flow.empty() && !current) {
    return {errc::not_found, "no flow '" + s.flow + "' in the knowledge base"};
  }
  state next = s;
  event e = record(s, a);
  if (auto done = on_action(s, next, e, a, current, kb); !done) return done;
  finish_step(s, std::move(next), std::move(e), a);
  return ok_status();
}

namespace {

// What every part of the view reads: the conversation, the knowledge base, the page's
// language and the current flow (null when there is none or the knowledge base lacks it).
struct view_context {
  const state& s;
  const kb::knowledge_base& kb;
  std::string_view lang;
  const flow::flow* f;
};

// {id, title} of each of the flows that the knowledge base has.
json flow_summaries(const view_context& c, const std::vector<std::string>& ids) {
  json list = json::array();
  for (const std::string& id : ids) {
    if (const flow::flow* other = c.kb.find_flow(id)) {
      list.push_back({{"id", id}, {"title", flow::pick(other->title, c.lang)}});
    }
  }
  return list;
}

// What was tried in the current flow, in order, with the customer's answers: each once,
// with the last answer given to it (after going back to it, it was listed twice).
json tried_in_flow(const view_context& c) {
  json tried = json::array();
  if (!c.f) return tried;
  std::vector<std::pair<std::string, int>> listed;  // (node, alternative) of each entry
  for (const event& e : c.s.events) {
    if (e.type != event_type::feedback || e.flow != c.f->id || e.at < c.s.flow_started_at) continue;
    const flow::node* n = c.f->find(e.node);
    if (!n) continue;
    std::string title;
    if (n->kind == flow::node_kind::solution && e.alternative >= 0 &&
        static_cast<std::size_t>(e.alternative) < n->alternatives.size()) {
      title = flow::pick(n->alternatives[static_cast<std::size_t>(e.alternative)].title, c.lang);
    } else if (n->kind == flow::node_kind::article) {
      auto a = c.kb.get_article(n->article, c.lang);
      title = a ? a.value().title : n->article;
    }
    const std::pair<std::string, int> key{e.node, e.alternative};
    const auto before = std::find(listed.begin(), listed.end(), key);
    if (before != listed.end()) {
      tried[static_cast<std::size_t>(before - listed.begin())]["answer"] = e.answer;
    } else {
      listed.push_back(key);
      tried.push_back({{"title", title}, {"answer", e.answer}});
    }
  }
  return tried;
}

// Whether the conversation is at a position in a flow the knowledge base has.
bool in_flow_path(const view_context& c) {
  return c.f && !c.s.path.empty();
}

// Whether "Back" makes sense now.
bool can_go_back(const view_context& c) {
  // Once a case is sent the conversation ends at it: nothing to go back into.
  const bool sent = c.s.current == phase::handoff && !c.s.case_code.empty();
  return in_flow_path(c) && !sent &&
         ((c.s.current == phase::running && c.s.path.size() > 1) || c.s.current == phase::solved ||
          c.s.current == phase::handoff);
}

// Searching: whether the last free text found no flow to restate, and the flows offered.
void view_idle(json& v, const view_context& c) {
  const event* last = last_step(c.s);
  v["noMatch"] = last && last->type == event_type::describe && last->shown.empty();
  v["suggestions"] = flow_summaries(c, c.s.candidates);
}

// The restatement: the customer's words, the flow's problem, and the other flows found.
void view_confirming(json& v, const view_context& c) {
  const std::vector<std::string>& found = c.s.candidates;
  v["described"] = c.s.described;
  v["problem"] = c.f ? flow::pick(c.f->problem, c.lang) : std::string();
  v["candidates"] = flow_summaries(
      c, std::vector<std::string>(found.begin() + (found.empty() ? 0 : 1), found.end()));
}

// The alternative of a solution the customer is at: what to do, why, what to avoid, and
// the article it points to (null when none).
json alternative_view(const view_context& c, const flow::node& n, std::size_t i) {
  const flow::alternative& alt = n.alternatives[i];
  json article = nullptr;
  if (!alt.article.empty()) {
    auto a = c.kb.get_article(alt.article, c.lang);
    // lang: the language it will open in (the page says so when it is not the reader's).
    article = {{"id", alt.article},
               {"title", a ? a.value().title : alt.article},
               {"lang", a ? a.value().lang : std::string()}};
  }
  return {{"number", i + 1},
          {"count", n.alternatives.size()},
          {"title", flow::pick(alt.title, c.lang)},
          {"steps", flow::pick(alt.steps, c.lang)},
          {"why", flow::pick(alt.why, c.lang)},
          {"avoid", flow::pick(alt.avoid, c.lang)},
          {"article", article}};
}

// The node the customer is at: its text and options, and its article or alternative.
json node_view(const view_context& c, const flow::node& n, const flow::position& p) {
  json node{{"id", n.id},
            {"type", std::string(flow::to_string(n.kind))},
            {"text", flow::pick(n.body, c.lang)}};
  json options = json::array();
  for (const flow::option& o : n.options) options.push_back(flow::pick(o.label, c.lang));
  node["options"] = options;
  if (n.kind == flow::node_kind::article) {
    node["article"] = n.article;
    auto a = c.kb.get_article(n.article, c.lang);
    node["articleTitle"] = a ? a.value().title : n.article;
    node["articleLang"] = a ? a.value().lang : std::string();
  }
  if (n.kind == flow::node_kind::solution && p.alternative < n.alternatives.size()) {
    node["alternative"] = alternative_view(c, n, p.alternative);
  }
  return node;
}

// In a flow: the node, how the last answer is taken up, and what was tried.
void view_running(json& v, const view_context& c) {
  if (!in_flow_path(c)) return;
  const flow::position& p = c.s.path.back();
  const flow::node* n = flow::at(*c.f, p);
  if (!n) return;
  v["node"] = node_view(c, *n, p);
  const event* last = last_step(c.s);
  // After "no" the next step comes with an apology; after "partly" with a word on the
  // progress made: the step helped, it did not fail.
  const bool answered = last && last->type == event_type::feedback;
  v["apology"] = answered && last->answer == "no";
  v["progress"] = answered && last->answer == "partly";
  v["tried"] = tried_in_flow(c);
}

// Solved, or rated: the rating and comment given.
void view_solved(json& v, const view_context& c) {
  v["rating"] = c.s.rating;
  v["comment"] = c.s.comment;
}

// The offer of a person: the team and why, the handoff node's words and the fields it asks
// for, what was tried, and the case once it is sent.
void view_handoff(json& v, const view_context& c) {
  v["team"] = c.s.handoff_team;
  v["teamName"] =
      c.s.handoff_team.empty() ? std::string() : c.kb.team_name(c.s.handoff_team, c.lang);
  v["reason"] = c.s.handoff_reason;
  std::string note;
  if (in_flow_path(c)) {
    const flow::node* n = flow::at(*c.f, c.s.path.back());
    if (n && n->kind == flow::node_kind::handoff) {
      note = flow::pick(n->body, c.lang);
      // The team's fields this step asks for (empty: all the team declares).
      if (!n->fields.empty()) v["fields"] = n->fields;
    }
  }
  v["text"] = note;
  v["tried"] = tried_in_flow(c);
  v["caseCode"] = c.s.case_code;
}

}  // namespace

// The view: what the page shows now.
//   phase        idle | confirming | running | solved | rated | handoff
//   flow         {id, title, team} of the current flow, or null
//   canGoBack    whether "Back" makes sense now
//   signals      frustration signals now (see frustration()); offerPerson: any of them;
//                offerPersonAnyway: any but a mood, so whatever the customer writes next
//   idle:        noMatch (the last free text found no flow to restate), suggestions [{id, title}]
//   confirming:  described (the customer's words), problem (the flow's), candidates
//   running:     node {id, type, text, options [label], article, alternative
//                {number, count, title, steps, why, avoid, article}}, apology (the
//                last answer was no), progress (it was partly), tried [{title, answer}]
//   solved/rated rating, comment
//   handoff:     team, reason (flow | exhausted | asked), text (the handoff node's), tried,
//                caseCode (after "sent": the case the customer sent; "" before)
std::string view(const state& s, const kb::knowledge_base& kb, std::string_view lang) {
  const flow::flow* f = s.flow.empty() ? nullptr : kb.find_flow(s.flow);
  const view_context c{s, kb, lang, f};
  json v;
  v["phase"] = std::string(to_string(s.current));
  v["lang"] = std::string(lang);
  v["flow"] = nullptr;
  if (f) v["flow"] = {{"id", f->id}, {"title", flow::pick(f->title, lang)}, {"team", f->team}};
  v["teamName"] = nullptr;
  const std::vector<signal> signals = frustration(s, kb, reach::now);
  v["signals"] = json::array();
  for (const signal& x : signals) v["signals"].push_back(x.kind);
  v["offerPerson"] = !signals.empty();
  v["offerPersonAnyway"] =
      std::any_of(signals.begin(), signals.end(), [](const signal& x) { return !is_mood(x.kind); });
  v["canGoBack"] = can_go_back(c);
  switch (s.current) {
    case phase::idle: view_idle(v, c); break;
    case phase::confirming: view_confirming(v, c); break;
    case phase::running: view_running(v, c); break;
    case phase::solved:
    case phase::rated: view_solved(v, c); break;
    case phase::handoff: view_handoff(v, c); break;
  }
  return detail::write(v);
}

std::string to_json(const state& s) {
  json events = json::array();
  for (const event& e : s.events) {
    json je{{"at", e.at}, {"type", std::string(type_name(e))}};
    if (!e.flow.empty()) je["flow"] = e.flow;
    if (!e.node.empty()) je["node"] = e.node;
    if (e.alternative >= 0) je["alternative"] = e.alternative;
    if (e.option >= 0) je["option"] = e.option;
    if (!e.answer.empty()) je["answer"] = e.answer;
    if (!e.text.empty()) je["text"] = e.text;
    if (!e.article.empty()) je["article"] = e.article;
    if (!e.shown.empty()) je["shown"] = e.shown;
    if (e.rating) je["rating"] = e.rating;
    if (!e.lang.empty()) je["lang"] = e.lang;
    events.push_back(std::move(je));
  }
  json path = json::array();
  for (const flow::position& p : s.path)
    path.push_back({{"node", p.node}, {"alternative", p.alternative}});
  return detail::write(json{{"version", 1},
                            {"phase", std::string(to_string(s.current))},
                            {"startedAt", s.started_at},
                            {"flowStartedAt", s.flow_started_at},
                            {"updatedAt", s.updated_at},
                            {"flow", s.flow},
                            {"path", std::move(path)},
                            {"described", s.described},
                            {"candidates", s.candidates},
                            {"handoffTeam", s.handoff_team},
                            {"handoffReason", s.handoff_reason},
                            {"noInARow", s.no_in_a_row},
                            {"rating", s.rating},
                            {"comment", s.comment},
                            {"caseCode", s.case_code},
                            {"events", std::move(events)}});
}

result<state> from_json(std::string_view source) {
  const json j = json::parse(source.begin(), source.end(), nullptr, false);
  if (!j.is_object() || read_integer(j, "version") != 1) {
    return {errc::invalid_argument, "not a saved conversation of this version"};
  }
  state s;
  const std::string name = read_string(j, "phase");
  bool known = false;
  for (const auto& [p, n] : phase_names) {
    if (n == name) {
      s.current = p;
      known = true;
    }
  }
  if (!known) return {errc::invalid_argument, "unknown phase '" + name + "'"};
  s.started_at = read_integer(j, "startedAt");
  s.flow_started_at = read_integer(j, "flowStartedAt");
  s.updated_at = read_integer(j, "updatedAt");
  if (!detail::valid_time(s.started_at) || !detail::valid_time(s.flow_started_at) ||
      !detail::valid_time(s.updated_at)) {
    return {errc::invalid_argument, "a saved conversation with a time outside 1970–9999"};
  }
  s.flow = read_string(j, "flow");
  if (const auto it = j.find("path"); it != j.end() && it->is_array()) {
    for (const auto& p : *it) {
      if (s.path.size() >= max_path)
        return {errc::invalid_argument, "the conversation is too long"};
      s.path.push_back({read_string(p, "node"),
                        static_cast<std::size_t>(std::max(0LL, read_integer(p, "alternative")))});
    }
  }
  // A saved conversation is bounded as a live one is (it may have been edited).
  s.described = bounded(read_string(j, "described"));
  s.candidates = read_strings(j, "candidates");
  if (s.candidates.size() > max_candidates) s.candidates.resize(max_candidates);
  s.handoff_team = bounded(read_string(j, "handoffTeam"));
  s.handoff_reason = bounded(read_string(j, "handoffReason"));
  s.no_in_a_row = std::max(0, small_number(j, "noInARow"));
  s.rating = std::max(0, small_number(j, "rating"));
  s.comment = bounded(read_string(j, "comment"));
  s.case_code = bounded(read_string(j, "caseCode"));
  if (const auto it = j.find("events"); it != j.end() && it->is_array()) {
    // The newest max_events, as push() keeps them.
    const std::size_t skipped = it->size() > max_events ? it->size() - max_events : 0;
    for (std::size_t i = skipped; i < it->size(); ++i) {
      const json& je = (*it)[i];
      event e;
      e.at = std::clamp(read_integer(je, "at"), 0LL, detail::max_time_ms);
      // A type this version does not know is kept as it was written.
      std::string type = bounded(read_string(je, "type"));
      if (const auto named = event_type_from(type)) {
        e.type = *named;
      } else {
        e.unknown_type = std::move(type);
      }
      e.flow = bounded(read_string(je, "flow"));
      e.node = bounded(read_string(je, "node"));
      e.alternative = small_number(je, "alternative");
      e.option = small_number(je, "option");
      e.answer = bounded(read_string(je, "answer"));
      e.text = bounded(read_string(je, "text"));
      e.article = bounded(read_string(je, "article"));
      for (const std::string& id : read_strings(je, "shown")) {
        if (e.shown.size() < max_shown) e.shown.push_back(bounded(id));
      }
      e.rating = std::max(0, small_number(je, "rating"));
      e.lang = bounded(read_string(je, "lang"));
      s.events.push_back(std::move(e));
    }
  }
  if ((s.current == phase::running || s.current == phase::confirming) && s.flow.empty()) {
    return {errc::invalid_argument, "a saved conversation in a flow names no flow"};
  }
  if (s.current == phase::running && s.path.empty()) {
    return {errc::invalid_argument, "a saved conversation in a flow has no position"};
  }
  return s;
}

result<action> action_from_json(std::string_view source) {
  const json j = json::parse(source.begin(), source.end(), nullptr, false);
  if (!j.is_object()) return {errc::invalid_argument, "an action is a JSON object"};
  action a;
  const std::string type = read_string(j, "type");
  a.at = read_integer(j, "at", -1);
  if (!detail::valid_time(a.at)) {
    return {errc::invalid_argument, "an action needs 'at' (ms since 1970, before 10000)"};
  }
  a.text = read_string(j, "text");
  a.lang = read_string(j, "lang");
  a.flow = read_string(j, "flow");
  a.answer = read_string(j, "answer");
  a.article = read_string(j, "article");
  a.option = static_cast<int>(read_integer(j, "option", -1));
  a.rating = static_cast<int>(read_integer(j, "rating"));
  a.shown = read_strings(j, "shown");
  if (type.empty()) return {errc::invalid_argument, "an action needs a type"};
  const auto known = action_type_from(type);
  if (!known) return {errc::invalid_argument, "unknown action '" + type + "'"};
  a.type = *known;
  return a;
}

}  // namespace ha::session
