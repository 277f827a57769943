// The rules every troubleshooting flow must pass before kbc stores it (the YAML format
// is in knowledge-base/README.md). Each problem is reported at the line of the node,
// option or alternative it concerns:
//   - node ids are unique; every node can be reached from the start node;
//   - no dead end: a question has options; a step, solution and article have 'next';
//   - no loop without a way out: a handoff can be reached from every node, so a customer
//     who answers "no" to everything always reaches a person;
//   - a solution has at least two alternatives (P4), each with title, steps, why, avoid;
//   - every customer-facing text has every required language;
//   - every 'next', 'article' and 'team' names something that exists.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "flow/flow.hpp"

namespace ha::flow {

struct problem {
  int line = 0;
  std::string message;
};

struct validation_context {
  std::set<std::string, std::less<>> articles;  // article ids of the knowledge base
  std::set<std::string, std::less<>> teams;     // team ids from site.yaml
  std::vector<std::string> languages;           // content languages every text needs
  // team id → the fields it declares (site.yaml), which a handoff node may ask for
  std::map<std::string, std::set<std::string>, std::less<>> team_fields;
};

std::vector<problem> validate(const flow& f, const validation_context& context);

// The smallest number of alternatives of any solution in the flow (0 when it has none).
std::size_t min_alternatives(const flow& f);

}  // namespace ha::flow
