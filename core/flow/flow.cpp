#include "flow/flow.hpp"

#include <nlohmann/json.hpp>

#include "common/json_io.hpp"
#include "common/languages.hpp"
#include "text/transliterate.hpp"

namespace ha::flow {
namespace {

using detail::read_string;
using detail::read_strings;
using nlohmann::json;

constexpr std::pair<node_kind, std::string_view> kind_names[] = {
    {node_kind::question, "question"}, {node_kind::step, "step"},
    {node_kind::solution, "solution"}, {node_kind::article, "article"},
    {node_kind::handoff, "handoff"},
};

text read_text(const json& j, const char* key) {
  text out;
  const auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return out;
  for (const auto& [lang, value] : it->items()) {
    if (value.is_string()) out.emplace(lang, value.get<std::string>());
  }
  return out;
}

text_list read_text_list(const json& j, const char* key) {
  text_list out;
  const auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return out;
  for (const auto& [lang, value] : it->items()) out.emplace(lang, read_strings(value));
  return out;
}

json write_text(const text& t) {
  json out = json::object();
  for (const auto& [lang, value] : t) out[lang] = value;
  return out;
}

json write_text_list(const text_list& t) {
  json out = json::object();
  for (const auto& [lang, items] : t) out[lang] = items;
  return out;
}

// The languages kbc makes from another (languages.hpp): Serbian Cyrillic, letter by
// letter from Serbian Latin.
void add_made(text& t) {
  for (const ha::language& l : ha::languages) {
    if (l.written) continue;
    if (const auto it = t.find(std::string(l.made_from)); it != t.end()) {
      t[std::string(l.code)] = ha::text::serbian_latin_to_cyrillic(it->second);
    }
  }
}

void add_made(text_list& t) {
  for (const ha::language& l : ha::languages) {
    if (l.written) continue;
    if (const auto it = t.find(std::string(l.made_from)); it != t.end()) {
      std::vector<std::string> made;
      for (const auto& item : it->second) made.push_back(ha::text::serbian_latin_to_cyrillic(item));
      t[std::string(l.code)] = std::move(made);
    }
  }
}

}  // namespace

std::string_view to_string(node_kind kind) noexcept {
  for (const auto& [k, name] : kind_names) {
    if (k == kind) return name;
  }
  return "step";
}

const node* flow::find(std::string_view node_id) const noexcept {
  for (const node& n : nodes) {
    if (n.id == node_id) return &n;
  }
  return nullptr;
}

const std::string& pick(const text& t, std::string_view lang) {
  static const std::string none;
  for (const std::string_view candidate : ha::fallback_chain(lang)) {
    if (const auto it = t.find(candidate); it != t.end()) return it->second;
  }
  return t.empty() ? none : t.begin()->second;
}

const std::vector<std::string>& pick(const text_list& t, std::string_view lang) {
  static const std::vector<std::string> none;
  for (const std::string_view candidate : ha::fallback_chain(lang)) {
    if (const auto it = t.find(candidate); it != t.end()) return it->second;
  }
  return t.empty() ? none : t.begin()->second;
}

void add_made_languages(flow& f) {
  add_made(f.title);
  add_made(f.problem);
  add_made(f.summary);
  add_made(f.symptoms);
  for (node& n : f.nodes) {
    add_made(n.body);
    for (option& o : n.options) add_made(o.label);
    for (alternative& a : n.alternatives) {
      add_made(a.title);
      add_made(a.steps);
      add_made(a.why);
      add_made(a.avoid);
    }
  }
}

std::string to_json(const flow& f) {
  json nodes = json::array();
  for (const node& n : f.nodes) {
    json out{{"id", n.id}, {"type", std::string(to_string(n.kind))}, {"text", write_text(n.body)}};
    if (!n.options.empty()) {
      json options = json::array();
      for (const option& o : n.options)
        options.push_back({{"label", write_text(o.label)}, {"next", o.next}});
      out["options"] = std::move(options);
    }
    if (!n.alternatives.empty()) {
      json alternatives = json::array();
      for (const alternative& a : n.alternatives) {
        alternatives.push_back({{"title", write_text(a.title)},
                                {"steps", write_text_list(a.steps)},
                                {"why", write_text(a.why)},
                                {"avoid", write_text(a.avoid)},
                                {"article", a.article}});
      }
      out["alternatives"] = std::move(alternatives);
    }
    if (!n.next.empty()) out["next"] = n.next;
    if (!n.article.empty()) out["article"] = n.article;
    if (!n.team.empty()) out["team"] = n.team;
    if (!n.fields.empty()) out["fields"] = n.fields;
    nodes.push_back(std::move(out));
  }
  return detail::write(json{{"id", f.id},
                            {"team", f.team},
                            {"category", f.category},
                            {"pages", f.pages},
                            {"title", write_text(f.title)},
                            {"problem", write_text(f.problem)},
                            {"summary", write_text(f.summary)},
                            {"symptoms", write_text_list(f.symptoms)},
                            {"start", f.start},
                            {"nodes", std::move(nodes)}});
}

result<flow> from_json(std::string_view source) {
  const json j = json::parse(source.begin(), source.end(), nullptr, false);
  if (!j.is_object() || !j.contains("nodes") || !j["nodes"].is_array()) {
    return {errc::corrupt_database, "a stored flow is not valid JSON"};
  }
  flow f;
  f.id = read_string(j, "id");
  f.team = read_string(j, "team");
  f.category = read_string(j, "category");
  f.pages = read_strings(j, "pages");
  f.title = read_text(j, "title");
  f.problem = read_text(j, "problem");
  f.summary = read_text(j, "summary");
  f.symptoms = read_text_list(j, "symptoms");
  f.start = read_string(j, "start");
  for (const json& jn : j["nodes"]) {
    node n;
    n.id = read_string(jn, "id");
    const std::string type = read_string(jn, "type");
    bool known = false;
    for (const auto& [k, name] : kind_names) {
      if (name == type) {
        n.kind = k;
        known = true;
      }
    }
    if (!known || n.id.empty()) return {errc::corrupt_database, "flow " + f.id + " has a bad node"};
    n.body = read_text(jn, "text");
    n.next = read_string(jn, "next");
    n.article = read_string(jn, "article");
    n.team = read_string(jn, "team");
    n.fields = read_strings(jn, "fields");
    if (const auto it = jn.find("options"); it != jn.end() && it->is_array()) {
      for (const json& jo : *it)
        n.options.push_back({read_text(jo, "label"), read_string(jo, "next")});
    }
    if (const auto it = jn.find("alternatives"); it != jn.end() && it->is_array()) {
      for (const json& ja : *it) {
        n.alternatives.push_back({read_text(ja, "title"), read_text_list(ja, "steps"),
                                  read_text(ja, "why"), read_text(ja, "avoid"),
                                  read_string(ja, "article")});
      }
    }
    f.nodes.push_back(std::move(n));
  }
  if (f.id.empty() || !f.find(f.start)) {
    return {errc::corrupt_database, "a stored flow has no id or no start node"};
  }
  return f;
}

}  // namespace ha::flow
