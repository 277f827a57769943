// A troubleshooting flow: a small graph of questions, steps, solutions with ordered
// alternatives, article suggestions and handoffs (see knowledge-base/README.md for the
// YAML that authors write). kbc reads the YAML, checks it with validate() and stores the
// flow in kb.sqlite as JSON (to_json); the browser reads it back with from_json().
//
// Customer-facing text is held per language, keyed by the content languages of
// languages.hpp ("en", "sr-Latn", "sr-Cyrl", "hr", "bs", "sl"); pick() chooses the
// customer's language or the closest one present. All text is UTF-8 plain text, never
// HTML: the page sets it as textContent.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace ha::flow {

using text = std::map<std::string, std::string, std::less<>>;                    // lang → text
using text_list = std::map<std::string, std::vector<std::string>, std::less<>>;  // lang → items

enum class node_kind { question, step, solution, article, handoff };
std::string_view to_string(node_kind kind) noexcept;

struct option {
  text label;
  std::string next;  // node id
  int line = 0;      // source line, for kbc's diagnostics only (not stored)
};

struct alternative {
  text title;
  text_list steps;
  text why;             // why the problem happens (P5)
  text avoid;           // how to avoid it next time (P5)
  std::string article;  // optional article id with more detail
  int line = 0;
};

struct node {
  std::string id;
  node_kind kind = node_kind::step;
  text body;                              // the question, the step, an intro, a note
  std::vector<option> options;            // question
  std::vector<alternative> alternatives;  // solution, tried in order
  std::string next;     // step: after it; solution: none worked; article: it did not help
  std::string article;  // article: the article suggested
  std::string team;     // handoff: the team (empty: the flow's team)
  // handoff: which of the team's fields (site.yaml teams.<id>.fields) the form asks for
  // here, in this order; empty: all of them.
  std::vector<std::string> fields;
  int line = 0;
};

struct flow {
  std::string id;
  std::string team;  // default team of handoffs
  std::string category;
  std::vector<std::string> pages;
  text title;    // shown in search results
  text problem;  // the problem as understood, said back before the flow starts (P2)
  // The same problem said of the customer, for the agent who reads the case ("the
  // customer's home internet is not working"); optional, `problem` when absent.
  text summary;
  text_list symptoms;
  std::string start;
  std::vector<node> nodes;
  // Source line of each top-level field ("id", "team", "title", ...), for kbc's
  // diagnostics only (not stored); 1 when unknown.
  std::map<std::string, int, std::less<>> lines;
  int line_of(std::string_view field) const noexcept {
    const auto it = lines.find(field);
    return it == lines.end() ? 1 : it->second;
  }

  const node* find(std::string_view node_id) const noexcept;
  // The team a handoff node routes to.
  const std::string& team_of(const node& handoff) const noexcept {
    return handoff.team.empty() ? team : handoff.team;
  }
};

// The text in lang, else in the closest language that has it (languages.hpp), else "".
const std::string& pick(const text& t, std::string_view lang);
const std::vector<std::string>& pick(const text_list& t, std::string_view lang);

// Adds the version of every text in each language kbc makes from another (languages.hpp:
// Serbian Cyrillic from Serbian Latin); kbc does this once, so both always say the same.
void add_made_languages(flow& f);

std::string to_json(const flow& f);
// Errors: corrupt_database when the JSON is not a flow this version wrote.
result<flow> from_json(std::string_view json);

}  // namespace ha::flow
