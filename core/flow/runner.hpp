// Walking a troubleshooting flow: a deterministic state machine over flow::flow. A
// position is a node and, at a solution, the alternative being tried. Every function is
// pure: the same flow, position and answer always give the same next position, which is
// what lets the conversation be saved as data and continued after a reload.
//
// Errors: invalid_argument when the answer does not fit the node (an option number
// out of range, feedback at a question); not_found when the position names no node.
#pragma once

#include <cstddef>
#include <string>

#include "common/result.hpp"
#include "flow/flow.hpp"

namespace ha::flow {

struct position {
  std::string node;
  std::size_t alternative = 0;  // at a solution: the alternative shown (0-based)
  friend bool operator==(const position&, const position&) = default;
};

// "Did this solve it?"
enum class feedback { yes, partly, no };

struct outcome {
  bool solved = false;  // the customer said yes
  // Where the customer is next (unchanged when solved). Reaching a handoff node means
  // the flow offers a person; exhausted says it is because nothing worked.
  position next;
  bool exhausted = false;  // the last alternative (or the article) did not help
};

position start(const flow& f);
// The node at p, or nullptr when p names none.
const node* at(const flow& f, const position& p) noexcept;
// A question's answer: option is 0-based.
result<position> choose(const flow& f, const position& p, std::size_t option);
// "Done" at a step.
result<position> proceed(const flow& f, const position& p);
// The satisfaction check after a solution's alternative or a suggested article. No and
// partly both move on: to the next alternative, else to the node's 'next'.
result<outcome> answer(const flow& f, const position& p, feedback fb);

}  // namespace ha::flow
