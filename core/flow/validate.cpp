#include "flow/validate.hpp"

#include <algorithm>
#include <map>

#include "common/languages.hpp"

namespace ha::flow {
namespace {

// Source languages as authors name them in site.yaml and in the YAML of a flow.
std::string source_name(const std::string& lang) {
  return std::string(source_code(lang));
}

class checker {
 public:
  checker(const flow& f, const validation_context& context) : f_(f), context_(context) {}

  std::vector<problem> run() {
    check_flow();
    std::map<std::string, int> seen;
    for (const node& n : f_.nodes) {
      if (auto [it, fresh] = seen.try_emplace(n.id, n.line); !fresh) {
        add(n.line,
            "duplicate node id '" + n.id + "' (first at line " + std::to_string(it->second) + ")");
      }
      check_node(n);
    }
    if (f_.find(f_.start)) check_graph();
    return std::move(problems_);
  }

 private:
  void add(int line, std::string message) { problems_.push_back({line, std::move(message)}); }

  void translations(const text& t, int line, const std::string& what) {
    for (const std::string& lang : context_.languages) {
      const auto it = t.find(lang);
      if (it == t.end() || it->second.find_first_not_of(" \n\t") == std::string::npos) {
        add(line, what + " has no " + source_name(lang) + " text");
      }
    }
  }

  void translations(const text_list& t, int line, const std::string& what) {
    for (const std::string& lang : context_.languages) {
      const auto it = t.find(lang);
      if (it == t.end() || it->second.empty()) {
        add(line, what + " has no " + source_name(lang) + " text");
      }
    }
  }

  // A handoff asks only for fields its team declares in site.yaml.
  void fields(const node& n, const std::string& name) {
    const std::string& id = n.team.empty() ? f_.team : n.team;
    const auto declared = context_.team_fields.find(id);
    for (const std::string& field : n.fields) {
      if (declared != context_.team_fields.end() && declared->second.count(field)) continue;
      std::string known;
      if (declared != context_.team_fields.end()) {
        for (const auto& d : declared->second) known += (known.empty() ? "" : ", ") + d;
      }
      add(n.line, name + " asks for field '" + field + "', which team '" + id +
                      "' does not declare in site.yaml (its fields: " +
                      (known.empty() ? std::string("none") : known) + ")");
    }
  }

  void team(const std::string& id, int line) {
    if (!context_.teams.contains(id)) {
      std::string known;
      for (const auto& t : context_.teams) known += (known.empty() ? "" : ", ") + t;
      add(line, "team '" + id + "' is not in site.yaml (teams: " + known + ")");
    }
  }

  void article(const std::string& id, int line) {
    if (!context_.articles.contains(id)) add(line, "no article with id '" + id + "'");
  }

  void next(const node& n, const std::string& target, int line) {
    if (!target.empty() && !f_.find(target)) {
      add(line, "node '" + n.id + "' goes to '" + target + "', which is not a node of this flow");
    }
  }

  void check_flow() {
    team(f_.team, f_.line_of("team"));
    translations(f_.title, f_.line_of("title"), "the flow's title");
    translations(f_.problem, f_.line_of("problem"), "the flow's problem");
    if (!f_.summary.empty()) translations(f_.summary, f_.line_of("summary"), "the flow's summary");
    translations(f_.symptoms, f_.line_of("symptoms"), "the flow's symptoms");
    if (f_.nodes.empty()) add(f_.line_of("nodes"), "the flow has no nodes");
    if (!f_.start.empty() && !f_.find(f_.start)) {
      add(f_.line_of("start"), "start node '" + f_.start + "' is not a node of this flow");
    }
  }

  void check_node(const node& n) {
    const std::string name = "node '" + n.id + "'";
    switch (n.kind) {
      case node_kind::question:
        translations(n.body, n.line, name + ": the question");
        if (n.options.size() < 2) {
          add(n.line,
              name + ": a question needs at least two options (it is a dead end otherwise)");
        }
        for (std::size_t i = 0; i < n.options.size(); ++i) {
          const option& o = n.options[i];
          translations(o.label, o.line, name + ": option " + std::to_string(i + 1));
          if (o.next.empty())
            add(o.line, name + ": option " + std::to_string(i + 1) + " needs 'next'");
          next(n, o.next, o.line);
        }
        break;
      case node_kind::step: translations(n.body, n.line, name + ": the step"); break;
      case node_kind::solution:
        if (!n.body.empty()) translations(n.body, n.line, name + ": the text");
        if (n.alternatives.size() < 2) {
          add(n.line, name + ": a solution needs at least two alternatives, it has " +
                          std::to_string(n.alternatives.size()) + " (P4)");
        }
        for (std::size_t i = 0; i < n.alternatives.size(); ++i) {
          const alternative& a = n.alternatives[i];
          const std::string what = name + ": alternative " + std::to_string(i + 1);
          translations(a.title, a.line, what + " 'title'");
          translations(a.steps, a.line, what + " 'steps'");
          translations(a.why, a.line, what + " 'why'");
          translations(a.avoid, a.line, what + " 'avoid'");
          if (!a.article.empty()) article(a.article, a.line);
        }
        break;
      case node_kind::article:
        if (!n.body.empty()) translations(n.body, n.line, name + ": the text");
        if (n.article.empty())
          add(n.line, name + ": an article node needs 'article'");
        else
          article(n.article, n.line);
        break;
      case node_kind::handoff:
        if (!n.body.empty()) translations(n.body, n.line, name + ": the text");
        if (!n.team.empty()) team(n.team, n.line);
        fields(n, name);
        break;
    }
    if (n.kind == node_kind::step || n.kind == node_kind::solution ||
        n.kind == node_kind::article) {
      if (n.next.empty()) {
        add(n.line, name + " is a dead end: a " + std::string(to_string(n.kind)) +
                        " needs 'next' (where to go " +
                        (n.kind == node_kind::step ? "after it" : "when it did not help") + ")");
      }
      next(n, n.next, n.line);
    }
  }

  std::vector<std::string> successors(const node& n) const {
    std::vector<std::string> out;
    for (const option& o : n.options) {
      if (f_.find(o.next)) out.push_back(o.next);
    }
    if (f_.find(n.next)) out.push_back(n.next);
    return out;
  }

  void check_graph() {
    // Reachable from the start.
    std::set<std::string> reached{f_.start};
    std::vector<std::string> todo{f_.start};
    while (!todo.empty()) {
      const node* n = f_.find(todo.back());
      todo.pop_back();
      for (const std::string& s : successors(*n)) {
        if (reached.insert(s).second) todo.push_back(s);
      }
    }
    for (const node& n : f_.nodes) {
      if (!reached.contains(n.id)) {
        add(n.line, "node '" + n.id + "' cannot be reached from the start node '" + f_.start + "'");
      }
    }
    // A handoff reachable from every node: walk the edges backwards from the handoffs.
    std::set<std::string> out_reached;
    for (const node& n : f_.nodes) {
      if (n.kind == node_kind::handoff) out_reached.insert(n.id);
    }
    for (bool grew = true; grew;) {
      grew = false;
      for (const node& n : f_.nodes) {
        if (out_reached.contains(n.id)) continue;
        const auto next_nodes = successors(n);
        if (std::any_of(next_nodes.begin(), next_nodes.end(),
                        [&](const std::string& s) { return out_reached.contains(s); })) {
          out_reached.insert(n.id);
          grew = true;
        }
      }
    }
    // Nodes that cannot reach a handoff lead into a dead end (reported by check_node) or
    // into a loop; each node of such a loop is reported.
    for (const node& n : f_.nodes) {
      if (reached.contains(n.id) && !out_reached.contains(n.id) && on_cycle(n)) {
        add(n.line, "node '" + n.id +
                        "' is in a loop with no way out: no handoff can be reached from it, so "
                        "a customer for whom nothing works never reaches a person");
      }
    }
  }

  // Whether n can be reached again from its own successors.
  bool on_cycle(const node& n) const {
    std::set<std::string> seen;
    std::vector<std::string> todo = successors(n);
    while (!todo.empty()) {
      const std::string id = todo.back();
      todo.pop_back();
      if (id == n.id) return true;
      if (!seen.insert(id).second) continue;
      for (const std::string& s : successors(*f_.find(id))) todo.push_back(s);
    }
    return false;
  }

  const flow& f_;
  const validation_context& context_;
  std::vector<problem> problems_;
};

}  // namespace

std::vector<problem> validate(const flow& f, const validation_context& context) {
  std::vector<problem> problems = checker(f, context).run();
  std::stable_sort(problems.begin(), problems.end(),
                   [](const problem& a, const problem& b) { return a.line < b.line; });
  return problems;
}

std::size_t min_alternatives(const flow& f) {
  std::size_t least = 0;
  bool any = false;
  for (const node& n : f.nodes) {
    if (n.kind != node_kind::solution) continue;
    least = any ? std::min(least, n.alternatives.size()) : n.alternatives.size();
    any = true;
  }
  return least;
}

}  // namespace ha::flow
