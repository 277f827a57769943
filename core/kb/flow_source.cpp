#include "kb/flow_source.hpp"

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>

#include "common/languages.hpp"

namespace ha::kb {
namespace {

using fields = std::set<std::string, std::less<>>;

const fields flow_fields = {"id",      "team",    "category", "pages", "title",
                            "problem", "summary", "symptoms", "start", "nodes"};
const fields node_fields = {"id",   "type",    "text", "options", "alternatives",
                            "next", "article", "team", "fields"};
const fields option_fields = {"label", "next"};
const fields alternative_fields = {"title", "steps", "why", "avoid", "article"};

// Bounds that keep one flow small enough to read on a phone and to store in every
// customer's download; far above any real troubleshooting conversation.
constexpr std::size_t max_nodes = 60;
constexpr std::size_t max_items = 12;  // options of a question, alternatives, steps

class reader {
 public:
  explicit reader(std::vector<flow::problem>& problems) : problems_(problems) {}

  static int line_of(const YAML::Node& n) { return n.Mark().line + 1; }
  void add(int line, std::string message) { problems_.push_back({line, std::move(message)}); }

  void known(const YAML::Node& map, const fields& allowed, const std::string& what) {
    for (const auto& entry : map) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
      if (!allowed.contains(key)) {
        std::string list;
        for (const auto& f : allowed) list += (list.empty() ? "" : ", ") + f;
        add(line_of(entry.first),
            "unknown field '" + key + "' in " + what + " (known: " + list + ")");
      }
    }
  }

  std::string string(const YAML::Node& map, const char* key) {
    const YAML::Node n = map[key];
    if (!n) return {};
    if (!n.IsScalar()) {
      add(line_of(n), std::string("'") + key + "' must be a single value");
      return {};
    }
    return n.Scalar();
  }

  // "sr" is Serbian written in Latin; the Cyrillic version is made by kbc.
  std::string language(const YAML::Node& key) {
    const std::string lang = key.IsScalar() ? key.Scalar() : std::string();
    if (const ha::language* known = find_language(lang); known != nullptr && known->written) {
      return std::string(known->code);
    }
    add(line_of(key), "unknown language '" + lang + "' (use " + std::string(source_codes_text()) + ")");
    return {};
  }

  flow::text text(const YAML::Node& map, const char* key) {
    flow::text out;
    const YAML::Node n = map[key];
    if (!n) return out;
    if (!n.IsMap()) {
      add(line_of(n),
          std::string("'") + key + "' must map languages to text, e.g. {en: ..., sr: ...}");
      return out;
    }
    for (const auto& entry : n) {
      const std::string lang = language(entry.first);
      if (lang.empty()) continue;
      if (!entry.second.IsScalar()) {
        add(line_of(entry.second),
            std::string("'") + key + "' in " + entry.first.Scalar() + " must be text");
        continue;
      }
      out[lang] = entry.second.Scalar();
    }
    return out;
  }

  flow::text_list text_list(const YAML::Node& map, const char* key) {
    flow::text_list out;
    const YAML::Node n = map[key];
    if (!n) return out;
    if (!n.IsMap()) {
      add(line_of(n),
          std::string("'") + key + "' must map languages to lists, e.g. {en: [...], sr: [...]}");
      return out;
    }
    for (const auto& entry : n) {
      const std::string lang = language(entry.first);
      if (lang.empty()) continue;
      if (!entry.second.IsSequence() || entry.second.size() > max_items) {
        add(line_of(entry.second), std::string("'") + key + "' in " + entry.first.Scalar() +
                                       " must be a list of at most " + std::to_string(max_items) +
                                       " items");
        continue;
      }
      std::vector<std::string> items;
      for (const auto& item : entry.second) {
        if (!item.IsScalar() || item.Scalar().empty()) {
          add(line_of(item), std::string("every item of '") + key + "' must be text");
        } else {
          items.push_back(item.Scalar());
        }
      }
      out[lang] = std::move(items);
    }
    return out;
  }

  const YAML::Node sequence(const YAML::Node& map, const char* key) {
    const YAML::Node n = map[key];
    if (n && (!n.IsSequence() || n.size() > max_items)) {
      add(line_of(n), std::string("'") + key + "' must be a list of at most " +
                          std::to_string(max_items) + " items");
      return YAML::Node();
    }
    return n;
  }

  bool node(const YAML::Node& yn, flow::node& n) {
    if (!yn.IsMap()) {
      add(line_of(yn), "a node must be a mapping with id and type");
      return false;
    }
    n.line = line_of(yn);
    known(yn, node_fields, "a node");
    n.id = string(yn, "id");
    if (n.id.empty()) add(n.line, "a node needs an 'id'");
    const std::string type = string(yn, "type");
    bool found = false;
    for (const auto kind :
         {flow::node_kind::question, flow::node_kind::step, flow::node_kind::solution,
          flow::node_kind::article, flow::node_kind::handoff}) {
      if (type == flow::to_string(kind)) {
        n.kind = kind;
        found = true;
      }
    }
    if (!found) {
      add(n.line, "node '" + n.id + "' needs 'type': question, step, solution, article or handoff");
      return false;
    }
    n.body = text(yn, "text");
    n.next = string(yn, "next");
    n.article = string(yn, "article");
    n.team = string(yn, "team");
    for (const auto& yf : sequence(yn, "fields"))
      n.fields.push_back(yf.IsScalar() ? yf.Scalar() : "");
    for (const auto& yo : sequence(yn, "options")) {
      if (!yo.IsMap()) {
        add(line_of(yo), "an option must be a mapping with label and next");
        continue;
      }
      known(yo, option_fields, "an option");
      n.options.push_back({text(yo, "label"), string(yo, "next"), line_of(yo)});
    }
    for (const auto& ya : sequence(yn, "alternatives")) {
      if (!ya.IsMap()) {
        add(line_of(ya), "an alternative must be a mapping with title, steps, why and avoid");
        continue;
      }
      known(ya, alternative_fields, "an alternative");
      n.alternatives.push_back({text(ya, "title"), text_list(ya, "steps"), text(ya, "why"),
                                text(ya, "avoid"), string(ya, "article"), line_of(ya)});
    }
    const auto misplaced = [&](bool present, const char* field, const char* kinds) {
      if (present) add(n.line, "node '" + n.id + "': '" + field + "' belongs only to " + kinds);
    };
    misplaced(!n.options.empty() && n.kind != flow::node_kind::question, "options", "questions");
    misplaced(!n.alternatives.empty() && n.kind != flow::node_kind::solution, "alternatives",
              "solutions");
    misplaced(!n.article.empty() && n.kind != flow::node_kind::article, "article",
              "article nodes (alternatives have their own 'article')");
    misplaced(!n.team.empty() && n.kind != flow::node_kind::handoff, "team", "handoffs");
    misplaced(!n.fields.empty() && n.kind != flow::node_kind::handoff, "fields", "handoffs");
    misplaced(!n.next.empty() &&
                  (n.kind == flow::node_kind::question || n.kind == flow::node_kind::handoff),
              "next", "steps, solutions and article nodes (a question's options have their own)");
    return true;
  }

 private:
  std::vector<flow::problem>& problems_;
};

}  // namespace

static bool read_root(reader& r, const YAML::Node& root, flow::flow& f,
                      std::vector<flow::problem>& problems);

bool read_flow_yaml(std::string_view content, flow::flow& f, std::vector<flow::problem>& problems) {
  reader r(problems);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(content));
  } catch (const YAML::Exception& e) {
    r.add(e.mark.line + 1, "not valid YAML: " + e.msg);
    return false;
  }
  if (!root.IsMap()) {
    r.add(1, "a flow must be a YAML mapping (id, team, title, ... nodes)");
    return false;
  }
  return read_root(r, root, f, problems);
}

static bool read_root(reader& r, const YAML::Node& root, flow::flow& f,
                      std::vector<flow::problem>& problems) {
  const std::size_t before = problems.size();
  r.known(root, flow_fields, "the flow");
  for (const auto& entry : root) {
    if (entry.first.IsScalar()) f.lines[entry.first.Scalar()] = reader::line_of(entry.first);
  }
  f.id = r.string(root, "id");
  f.team = r.string(root, "team");
  f.category = r.string(root, "category");
  f.start = r.string(root, "start");
  for (const char* required : {"id", "team", "category", "start"}) {
    if (!root[required]) r.add(1, std::string("the flow needs '") + required + "'");
  }
  if (const YAML::Node pages = root["pages"]) {
    if (!pages.IsSequence())
      r.add(reader::line_of(pages), "'pages' must be a list, e.g. [/internet]");
    for (const auto& page : pages.IsSequence() ? pages : YAML::Node(YAML::NodeType::Sequence)) {
      const std::string path = page.IsScalar() ? page.Scalar() : std::string();
      if (path.empty() || path[0] != '/') {
        r.add(reader::line_of(page), "page '" + path + "' must start with '/'");
      } else {
        f.pages.push_back(path);
      }
    }
  }
  f.title = r.text(root, "title");
  f.problem = r.text(root, "problem");
  f.summary = r.text(root, "summary");
  f.symptoms = r.text_list(root, "symptoms");
  const YAML::Node nodes = root["nodes"];
  if (!nodes || !nodes.IsSequence() || nodes.size() == 0 || nodes.size() > max_nodes) {
    r.add(nodes ? reader::line_of(nodes) : 1,
          "'nodes' must be a list of 1 to " + std::to_string(max_nodes) + " nodes");
    return false;
  }
  for (const auto& yn : nodes) {
    flow::node n;
    if (r.node(yn, n)) f.nodes.push_back(std::move(n));
  }
  return problems.size() == before;
}

}  // namespace ha::kb
