// The conversation with one customer: what they searched, opened and typed, which flow
// they are in and where, every answer with its time, and how it ended (solved and rated,
// or handed to a person). The whole state is plain data that serialises to JSON and
// restores exactly, so the browser saves it after every step and a reload continues
// where the customer was.
//
//   state s;                                    // idle
//   apply(s, {.type = action_type::describe, .at = t, .text = "internet ne radi"}, kb);
//   view(s, kb, "sr-Latn");                     // {"phase": "confirming", ...}
//
// Actions (action::type), each with the time it happened (ms since 1970, from the page):
//   describe {text}      free text: finds the best flow and asks to confirm it (P2)
//   start {flow}         a flow chosen from the search results: starts at once
//   confirm / reject     the restatement was right / was not
//   choose {option}      a question's answer (0-based)
//   next                 "Done" at a step
//   feedback {answer}    "Did this solve it?": yes, partly or no (P6)
//   back / restart       one step back / the same flow from the start
//   rate {rating, text}  1–5 stars and an optional comment, after "solved" (P7)
//   something_else       after "solved": back to searching
//   ask_person {text}    the customer wants a person (any time)
//   searched {text, shown}, opened {article}, typed {text}: recorded for the handoff
//   helped {article, answer}  "Did this article help?" yes or no: recorded
//   language {lang}      the page switched language or script (en, sr-Latn, sr-Cyrl, hr,
//                        bs, sl), by the customer's choice or following what they wrote:
//                        recorded
//   sent {text}          handoff: the case with this code was sent (kept until leave)
//   leave                back to searching, from wherever the customer was
// apply() returns invalid_argument for an action that does not fit the phase (the state
// is then unchanged); not_found for a flow or article the knowledge base lacks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "flow/runner.hpp"

namespace ha::kb {
class knowledge_base;
}

namespace ha::session {

enum class phase {
  idle,        // searching; no flow
  confirming,  // a flow was found from free text; the restatement waits for yes or no
  running,     // in a flow
  solved,      // "Did this solve it?" yes: "Anything else?" and the rating
  rated,       // thanked for the rating
  handoff,     // a person is offered (issue: handoff package)
};
std::string_view to_string(phase p) noexcept;

// What the customer or the page did (the list above). The names are those of the JSON
// actions, of the events of a saved conversation and of a handoff package's timeline.
enum class action_type {
  describe,
  start,
  confirm,
  reject,
  choose,
  next,
  feedback,
  back,
  restart,
  rate,
  something_else,
  leave,
  ask_person,
  searched,
  opened,
  typed,
  helped,
  language,
  sent,
};
// What a conversation records: each action as the event of the same name, and the offer
// of a person the flow itself made. unknown: a saved conversation (an older or edited
// one) named something else, kept as it was written (event::unknown_type) and saved
// again unchanged; nothing reads it.
enum class event_type {
  describe,
  start,
  confirm,
  reject,
  choose,
  next,
  feedback,
  back,
  restart,
  rate,
  something_else,
  leave,
  ask_person,
  searched,
  opened,
  typed,
  helped,
  language,
  sent,
  handoff_offered,  // the flow led to a person (text: the handoff's reason)
  unknown,
};
// The names, in one place (session.cpp). to_string(event_type::unknown) is "";
// event_type_from never gives unknown, nor action_type_from handoff_offered.
std::string_view to_string(action_type t) noexcept;
std::optional<action_type> action_type_from(std::string_view name) noexcept;
std::string_view to_string(event_type t) noexcept;
std::optional<event_type> event_type_from(std::string_view name) noexcept;
// The event an action is recorded as.
event_type event_of(action_type t) noexcept;

struct event {
  long long at = 0;                // ms since 1970
  // What happened; unknown_type is the name saved when it is one this version does not know.
  event_type type = event_type::unknown;
  std::string unknown_type;
  std::string flow;                // the flow it happened in, if any
  std::string node;                // the node it answered
  int alternative = -1;            // the alternative it answered (0-based), at a solution
  int option = -1;                 // the option chosen, at a question
  std::string answer;              // yes / partly / no
  std::string text;                // query, free text or comment (bounded, see session.cpp)
  std::string article;             // the article opened or suggested
  std::vector<std::string> shown;  // search results shown (ids)
  int rating = 0;
  std::string lang;                // language: the language switched to
  friend bool operator==(const event&, const event&) = default;
};

struct state {
  phase current = phase::idle;
  long long started_at = 0;             // first action
  long long flow_started_at = 0;        // when the current flow started
  long long updated_at = 0;             // last action
  std::string flow;                     // the current flow, if any
  std::vector<flow::position> path;     // positions visited in the flow; back() is current
  std::string described;                // free text the flow was found from
  std::vector<std::string> candidates;  // confirming: matching flows, best first
  std::string handoff_team;             // handoff: the team it goes to ("" unknown)
  std::string handoff_reason;           // handoff: "flow" (the flow says so), "exhausted", "asked"
  int no_in_a_row = 0;                  // "no" answers since the last "yes" ("partly": neither)
  int rating = 0;
  std::string comment;
  std::string case_code;      // handoff: the case sent, once it is
  std::vector<event> events;  // everything, oldest first
  friend bool operator==(const state&, const state&) = default;
};

struct action {
  action_type type{};  // every action names its own (no default meaning)
  long long at = 0;
  std::string text;                // describe, ask_person, searched, typed: what the customer wrote
  std::string lang;                // describe: the page's language (the search shows results in
                                   // it); language: the language switched to
  std::string flow;                // start
  std::string answer;              // feedback: yes / partly / no
  std::string article;             // opened
  int option = -1;                 // choose
  int rating = 0;                  // rate
  std::vector<std::string> shown;  // searched
};

// A frustration signal at the time of the last action, in this order: "repeated_no"
// (two or more "no" or "partly" in a row), "repeat_contact", "insult", "angry_words"
// (the knowledge base's phrases, see frustration.hpp), "shouting", "exclamations" (in
// anything typed), "long_time" (more than 10 minutes in the current flow). Any of them
// brings an apology and the offer of a person forward (P8, P9).
//
// reach: the whole conversation (what a person taking the case reads), or now (what
// the page acts on). Now, a mood (insult, angry words, shouting, exclamations) counts
// only when it is in the customer's latest words: one who writes calmly again is not
// kept on the way to a person for what they typed before. Having contacted us before
// stays true all along.
struct signal {
  std::string kind;
  std::string words;  // what the customer wrote that shows it (empty for the others)
};
// The name an event is saved and shown by: its type's, or the one saved when unknown.
std::string_view type_name(const event& e) noexcept;

enum class reach { whole_conversation, now };
bool is_mood(std::string_view kind);
std::vector<signal> frustration(const state& s, const kb::knowledge_base& kb, reach r);

status apply(state& s, const action& a, const kb::knowledge_base& kb);

// What the page shows now, as one JSON object, in lang (or the closest language the
// flow has). Documented field by field in session.cpp.
std::string view(const state& s, const kb::knowledge_base& kb, std::string_view lang);

std::string to_json(const state& s);
// Errors: invalid_argument when the JSON is not a saved session of this version.
result<state> from_json(std::string_view json);
// Errors: invalid_argument for a JSON that is not an action, without a valid time or
// type, or of an unknown type ("unknown action 'x'").
result<action> action_from_json(std::string_view json);

}  // namespace ha::session
