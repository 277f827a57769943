#include "flow/runner.hpp"

namespace ha::flow {

position start(const flow& f) {
  return {f.start, 0};
}

const node* at(const flow& f, const position& p) noexcept {
  return f.find(p.node);
}

result<position> choose(const flow& f, const position& p, std::size_t option) {
  const node* n = at(f, p);
  if (!n) return {errc::not_found, "no node '" + p.node + "' in flow " + f.id};
  if (n->kind != node_kind::question) {
    return {errc::invalid_argument, "node '" + n->id + "' is not a question"};
  }
  if (option >= n->options.size()) {
    return {errc::invalid_argument, "node '" + n->id + "' has no option " + std::to_string(option)};
  }
  return position{n->options[option].next, 0};
}

result<position> proceed(const flow& f, const position& p) {
  const node* n = at(f, p);
  if (!n) return {errc::not_found, "no node '" + p.node + "' in flow " + f.id};
  if (n->kind != node_kind::step)
    return {errc::invalid_argument, "node '" + n->id + "' is not a step"};
  return position{n->next, 0};
}

result<outcome> answer(const flow& f, const position& p, feedback fb) {
  const node* n = at(f, p);
  if (!n) return {errc::not_found, "no node '" + p.node + "' in flow " + f.id};
  if (n->kind != node_kind::solution && n->kind != node_kind::article) {
    return {errc::invalid_argument, "node '" + n->id + "' does not ask whether it helped"};
  }
  outcome out;
  out.next = p;
  if (fb == feedback::yes) {
    out.solved = true;
    return out;
  }
  if (n->kind == node_kind::solution && p.alternative + 1 < n->alternatives.size()) {
    out.next.alternative = p.alternative + 1;
    return out;
  }
  out.next = {n->next, 0};
  out.exhausted = true;
  return out;
}

}  // namespace ha::flow
