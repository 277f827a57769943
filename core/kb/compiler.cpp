#include "kb/compiler.hpp"

#include <md4c-html.h>
#include <md4c.h>
#include <sqlite3.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>

#include "flow/flow.hpp"
#include "flow/validate.hpp"
#include "site/config.hpp"
#include "kb/calibration.hpp"
#include "kb/flow_source.hpp"
#include "kb/fts_tokenizer.hpp"
#include "kb/row_lengths.hpp"
#include "kb/variant_check.hpp"
#include "kb/knowledge_base.hpp"
#include "kb/language_words.hpp"
#include "kb/page_map.hpp"
#include "common/languages.hpp"
#include "kb/real_words.hpp"
#include "kb/schema.hpp"
#include "kb/spelling.hpp"
#include "kb/statement.hpp"
#include "kb/synonyms.hpp"
#include "kb/vocabulary.hpp"
#include "text/html.hpp"
#include "text/tokenizer.hpp"
#include "text/transliterate.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace ha::kb {
namespace {

// Bounds on what authors write; each is far above any real article and stops a runaway
// file (a pasted log, a binary) from bloating the database every customer downloads.
constexpr std::size_t max_file_bytes = 256 * 1024;
constexpr std::size_t max_title_chars = 120;
constexpr std::size_t max_tags = 30;

const std::set<std::string, std::less<>> known_fields = {
    "id", "title", "language", "category", "audience", "kind", "tags", "pages"};
const std::set<std::string, std::less<>> kinds = {"howto", "troubleshooting", "info", "guide"};

struct source_article {
  std::string file;  // for diagnostics
  int line_of_body = 0;
  std::string id, lang, title, category, audience, kind;
  std::vector<std::string> tags, pages;
  std::string markdown;
  std::string html;
  std::string body;  // plain text of a flow or a corpus line, made into paragraphs (html)
  std::vector<std::pair<std::string, int>> links;  // href, line
};

class diagnostics {
 public:
  explicit diagnostics(std::vector<diagnostic>& out) : out_(out) {}
  void add(const std::string& file, int line, std::string message) {
    out_.push_back({file, line, std::move(message)});
  }

 private:
  std::vector<diagnostic>& out_;
};

bool is_id(std::string_view s) {
  if (s.empty() || s.size() > 80) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

int line_of_offset(std::string_view text, std::size_t offset) {
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

std::size_t first_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    if (s[i] == '\0') return at;
    if (text::decode(s, i) == text::replacement_char && i - at != 3) return at;
  }
  return std::string_view::npos;
}

// Collects link targets, images and code blocks while md4c parses the body (its plain
// text is read out of the HTML: text::html_text).
struct markdown_walk {
  std::vector<std::string> hrefs;
  int images = 0;
  int code_blocks = 0;
};

int on_enter_span(MD_SPANTYPE type, void* detail, void* user) {
  auto& walk = *static_cast<markdown_walk*>(user);
  if (type == MD_SPAN_A) {
    const auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
    walk.hrefs.emplace_back(a->href.text, a->href.size);
  } else if (type == MD_SPAN_IMG) {
    ++walk.images;
  }
  return 0;
}

int on_enter_block(MD_BLOCKTYPE type, void*, void* user) {
  if (type == MD_BLOCK_CODE) ++static_cast<markdown_walk*>(user)->code_blocks;
  return 0;
}

int noop_span(MD_SPANTYPE, void*, void*) {
  return 0;
}

int noop_block(MD_BLOCKTYPE, void*, void*) {
  return 0;
}

int noop_text(MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void*) {
  return 0;
}

constexpr unsigned md_flags =
    MD_DIALECT_COMMONMARK | MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;

markdown_walk walk_markdown(const std::string& markdown) {
  markdown_walk walk;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = md_flags;
  parser.enter_block = on_enter_block;
  parser.leave_block = noop_block;
  parser.enter_span = on_enter_span;
  parser.leave_span = noop_span;
  parser.text = noop_text;
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &walk);
  return walk;
}

void collect_html(const MD_CHAR* s, MD_SIZE size, void* user) {
  static_cast<std::string*>(user)->append(s, size);
}

// md4c escapes text and drops raw HTML (MD_FLAG_NOHTML); what is left to do is to turn
// internal kb: links into in-page links and open external ones in a new tab safely.
std::string render_html(const std::string& markdown) {
  std::string raw;
  md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), collect_html, &raw, md_flags, 0);
  std::string html;
  html.reserve(raw.size() + 64);
  constexpr std::string_view internal = "<a href=\"kb:";
  constexpr std::string_view external = "<a href=\"http";
  std::size_t i = 0;
  while (i < raw.size()) {
    if (raw.compare(i, internal.size(), internal) == 0) {
      const std::size_t start = i + internal.size();
      const std::size_t end = raw.find('"', start);
      const std::string id = raw.substr(start, end - start);
      html += "<a href=\"#article/" + id + "\" data-article=\"" + id + "\"";
      i = end + 1;
    } else if (raw.compare(i, external.size(), external) == 0) {
      html += "<a rel=\"noopener noreferrer\" target=\"_blank\" href=\"http";
      i += external.size();
    } else {
      html += raw[i++];
    }
  }
  return html;
}

// A YAML shape the readers did not expect (a map where a list belongs, say) is a
// diagnostic at its line, never an abort.
std::string shape_problem(const YAML::Exception& e, int& line) {
  line = e.mark.is_null() ? 1 : e.mark.line + 1;
  return "unexpected YAML here: " + e.msg;
}

std::string scalar(const YAML::Node& node) {
  return node.IsScalar() ? node.Scalar() : std::string();
}

std::uint64_t fnv1a(std::uint64_t h, std::string_view bytes) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Reads a source file whole, refusing one that is too large or not UTF-8 (diagnostics
// with the line of the first bad byte), and adds its name and bytes to the content hash.
bool read_source(const fs::path& path, const std::string& display, diagnostics& diag,
                 std::uint64_t& hash, std::string& content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag.add(display, 0, "cannot read the file");
    return false;
  }
  content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (content.size() > max_file_bytes) {
    diag.add(display, 0,
             "the file is larger than " + std::to_string(max_file_bytes / 1024) + " KB; split it");
    return false;
  }
  if (const std::size_t bad = first_invalid_utf8(content); bad != std::string::npos) {
    diag.add(display, line_of_offset(content, bad),
             content[bad] == '\0' ? "NUL byte in the file"
                                  : "the file is not valid UTF-8 (save it as UTF-8)");
    return false;
  }
  hash = fnv1a(fnv1a(hash, display), content);
  return true;
}

// The front matter of an article file (the YAML between its "---" lines) into front,
// and the Markdown after it into a; false (with a diagnostic) when there is none.
bool split_front_matter(const std::string& content, const std::string& display,
                        diagnostics& diag, std::string& front, source_article& a) {
  // Front matter: "---" on line 1, YAML, "---" on a line of its own.
  if (content.rfind("---\n", 0) != 0) {
    diag.add(display, 1, "front matter must start with '---' on the first line");
    return false;
  }
  const std::size_t close = content.find("\n---\n", 3);
  const std::size_t close_at_end =
      content.size() >= 4 && content.ends_with("\n---") ? content.size() - 4 : std::string::npos;
  const std::size_t end = close != std::string::npos ? close : close_at_end;
  if (end == std::string::npos) {
    diag.add(display, 1, "front matter is not closed by a '---' line");
    return false;
  }
  front = content.substr(4, end + 1 - 4);
  a.markdown = end + 5 <= content.size() ? content.substr(end + 5) : std::string();
  a.line_of_body = line_of_offset(content, end) + 2;
  return true;
}

// The front matter's fields into a, each checked (and that the article has text); false
// (with diagnostics) when one is missing or wrong.
// An article's front matter, read field by field; every problem is reported at its line.
class front_matter_fields {
 public:
  front_matter_fields(YAML::Node fm, const std::string& display, diagnostics& diag)
      : fm_(std::move(fm)), display_(display), diag_(diag) {}

  void fail(int line, std::string message) {
    diag_.add(display_, line, std::move(message));
    good_ = false;
  }
  bool good() const { return good_; }
  // The line of the field's value (its key's when the value is missing: the front
  // matter's first line).
  int line_of(const char* key) const { return fm_[key] ? line_of(fm_[key]) : 2; }
  static int line_of(const YAML::Node& n) { return n.Mark().line + 2; }

  // Every field is one the compiler knows.
  void check_known() {
    for (const auto& entry : fm_) {
      const std::string key = scalar(entry.first);
      if (!known_fields.contains(key)) {
        fail(line_of(entry.first), "unknown front matter field '" + key +
                                       "' (known: id, title, language, category, audience, "
                                       "kind, tags, pages)");
      }
    }
  }
  std::string required(const char* key) {
    const YAML::Node n = fm_[key];
    if (!n || !n.IsScalar() || n.Scalar().empty()) {
      fail(n ? line_of(n) : 2, std::string("front matter needs '") + key + "'");
      return {};
    }
    return n.Scalar();
  }
  std::vector<std::string> list(const char* key, bool needed) {
    std::vector<std::string> items;
    const YAML::Node n = fm_[key];
    if (!n) {
      if (needed) fail(2, std::string("front matter needs '") + key + "' (a list)");
      return items;
    }
    if (!n.IsSequence()) {
      fail(line_of(n), std::string("'") + key + "' must be a list, e.g. [a, b]");
      return items;
    }
    for (const auto& item : n) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        fail(line_of(item), std::string("every item of '") + key + "' must be a word or phrase");
      } else {
        items.push_back(item.Scalar());
      }
    }
    return items;
  }

 private:
  YAML::Node fm_;
  const std::string& display_;
  diagnostics& diag_;
  bool good_ = true;
};

// The values an article's fields may take (the fields are read: each is empty when
// missing, which was reported already).
void check_article_fields(source_article& a, front_matter_fields& f) {
  if (!a.id.empty() && !is_id(a.id)) {
    f.fail(f.line_of("id"), "id '" + a.id + "' may use only a-z, 0-9 and '-'");
  }
  a.lang = std::string(stored_code(a.lang));
  // Serbian is written in Latin; the Cyrillic version is made by kbc, never written.
  const ha::language* written = find_language(a.lang);
  if (!a.lang.empty() && (written == nullptr || !written->written)) {
    f.fail(f.line_of("language"), "unknown language '" + a.lang +
                                      "' (use en, sr, hr, bs or sl; Serbian is written in Latin "
                                      "and kbc makes the Cyrillic version)");
  }
  if (!a.audience.empty() && a.audience != "customer" && a.audience != "agent") {
    f.fail(f.line_of("audience"), "audience must be 'customer' or 'agent'");
  }
  if (!a.kind.empty() && !kinds.contains(a.kind)) {
    f.fail(f.line_of("kind"), "kind must be howto, troubleshooting, info or guide");
  }
  if (!a.category.empty() && !is_id(a.category)) {
    f.fail(f.line_of("category"), "category may use only a-z, 0-9 and '-'");
  }
  if (!a.title.empty() && a.title.size() > max_title_chars) {
    f.fail(f.line_of("title"),
           "title is longer than " + std::to_string(max_title_chars) + " bytes");
  }
  if (a.tags.size() > max_tags) f.fail(f.line_of("tags"), "more than 30 tags");
  for (const auto& page : a.pages) {
    if (page.empty() || page[0] != '/')
      f.fail(f.line_of("pages"), "page '" + page + "' must start with '/'");
  }
  if (a.markdown.find_first_not_of(" \n\t") == std::string::npos) {
    f.fail(a.line_of_body, "the article has no text");
  }
}

bool read_front_matter(const std::string& front, const std::string& display,
                       diagnostics& diag, source_article& a) {
  YAML::Node fm;
  try {
    fm = YAML::Load(front);
  } catch (const YAML::Exception& e) {
    diag.add(display, e.mark.line + 2, "front matter is not valid YAML: " + e.msg);
    return false;
  }
  if (!fm.IsMap()) {
    diag.add(display, 2, "front matter must be a YAML mapping (key: value lines)");
    return false;
  }
  front_matter_fields f(fm, display, diag);
  f.check_known();
  a.id = f.required("id");
  a.title = f.required("title");
  a.lang = f.required("language");
  a.category = f.required("category");
  a.audience = f.required("audience");
  a.kind = f.required("kind");
  a.tags = f.list("tags", true);
  a.pages = f.list("pages", false);
  check_article_fields(a, f);
  return f.good();
}

// The article's HTML from its Markdown, with its links, images and the sections
// a troubleshooting article needs checked; false (with diagnostics) when one is wrong.
bool read_body(const std::string& display, diagnostics& diag, source_article& a) {
  bool good = true;
  const markdown_walk walk = walk_markdown(a.markdown);
  a.html = render_html(a.markdown);
  const auto body_line = [&](std::string_view needle) {
    const std::size_t at = a.markdown.find(needle);
    return at == std::string::npos ? a.line_of_body
                                   : a.line_of_body + line_of_offset(a.markdown, at) - 1;
  };
  if (walk.images > 0) {
    diag.add(display, body_line("!["), "images are not supported; describe the step in words");
    good = false;
  }
  for (const std::string& href : walk.hrefs) {
    const int line = body_line(href);
    if (href.rfind("kb:", 0) == 0) {
      a.links.emplace_back(href.substr(3), line);
    } else if (href.rfind("https://", 0) != 0 && href.rfind("http://", 0) != 0 &&
               href.rfind("mailto:", 0) != 0 && href.rfind("tel:", 0) != 0) {
      diag.add(display, line,
               "link '" + href + "' is not allowed: use kb:<article-id>, https:, mailto: or tel:");
      good = false;
    }
  }
  // Troubleshooting articles explain why the problem happens and how to avoid it (P5),
  // under the headings of their language (languages.hpp).
  if (const language* l = find_language(a.lang); a.kind == "troubleshooting" && l != nullptr) {
    for (const std::string_view heading : {l->why_heading, l->avoid_heading}) {
      const std::string line = "## " + std::string(heading);
      if (heading.empty() || a.markdown.find(line + "\n") != std::string::npos ||
          a.markdown.ends_with(line)) {
        continue;
      }
      diag.add(display, a.line_of_body,
               "a troubleshooting article needs the section '" + line + "'");
      good = false;
    }
  }
  return good;
}

// Reads one article file into `a` and adds it to the content hash; returns false (with
// diagnostics) if it is unusable.
bool read_article(const fs::path& path, const std::string& display, diagnostics& diag,
                  source_article& a, std::uint64_t& hash) {
  a.file = display;
  std::string content;
  if (!read_source(path, display, diag, hash, content)) return false;
  content.erase(std::remove(content.begin(), content.end(), '\r'), content.end());
  if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.erase(0, 3);  // byte-order mark
  std::string front;
  if (!split_front_matter(content, display, diag, front, a)) return false;
  if (!read_front_matter(front, display, diag, a)) return false;
  // Filename and front matter must agree, so that a file's name tells what it holds.
  const std::string expected = a.id + "." + std::string(source_code(a.lang)) + ".md";
  if (path.filename() != expected) {
    diag.add(display, 2,
             "file name should be '" + expected + "' for id '" + a.id + "' and language '" +
                 std::string(source_code(a.lang)) + "'");
    return false;
  }
  return read_body(display, diag, a);
}

// The Cyrillic version of rendered HTML: only text is transliterated; tags, attribute
// values (link targets), character references and <code> stay as they are.
std::string cyrillic_html(const std::string& html) {
  std::string out;
  out.reserve(html.size() * 2);
  bool in_code = false;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      const std::size_t end = html.find('>', i);
      const std::string tag = html.substr(i, end - i + 1);
      if (tag.rfind("<code", 0) == 0) in_code = true;
      if (tag == "</code>") in_code = false;
      out += tag;
      i = end + 1;
    } else if (html[i] == '&') {
      const std::size_t end = html.find(';', i);
      out += html.substr(i, end - i + 1);
      i = end + 1;
    } else {
      const std::size_t end = std::min(html.find('<', i), html.find('&', i));
      const std::string_view text = std::string_view(html).substr(i, end - i);
      out += in_code ? std::string(text) : text::serbian_latin_to_cyrillic(text);
      i = end == std::string::npos ? html.size() : end;
    }
  }
  return out;
}

// Serbian is written in Latin; its Cyrillic twin is made here so both are always in step.
source_article cyrillic_twin(const source_article& latin) {
  source_article cyr = latin;
  cyr.lang = std::string(derived_language(latin.lang));
  cyr.title = text::serbian_latin_to_cyrillic(latin.title);
  for (auto& tag : cyr.tags) tag = text::serbian_latin_to_cyrillic(tag);
  cyr.html = cyrillic_html(latin.html);
  return cyr;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

std::string hex(std::uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = digits[v & 15];
  return out;
}

// What kbc takes from site.yaml.
struct site_config {
  std::vector<std::vector<std::string>> synonyms;        // groups of canonical words
  std::vector<std::string> languages{std::string(base_language)};  // every flow text needs these
  bool languages_listed = false;                         // site.yaml lists them
  std::set<std::string, std::less<>> teams;              // handoff teams
  nlohmann::json team_names = nlohmann::json::object();  // team → language → name
  nlohmann::json handoff = nlohmann::json::object();     // see site/config.hpp
  std::string confidence;  // search.confidence: the engine's threshold, "" for its own
  long long offline_bytes = default_offline_bytes;  // offline.max_mb, in bytes
  struct signal_phrase {
    std::string kind, lang, phrase;
  };
  std::vector<signal_phrase> signals;      // signals.yaml
  std::vector<std::string> spelling_keep;  // spelling.keep: names the speller must not touch
};

// "mon-fri" → {1, …, 5}; "sun" → {0}; "fri-mon" wraps. Empty when it is not days.
std::vector<int> day_range(std::string_view text) {
  const std::size_t dash = text.find('-');
  const int from = site::weekday_from_name(text.substr(0, dash));
  const int to =
      dash == std::string_view::npos ? from : site::weekday_from_name(text.substr(dash + 1));
  if (from < 0 || to < 0) return {};
  std::vector<int> days{from};
  for (int d = from; d != to;) days.push_back(d = (d + 1) % 7);
  return days;
}

// The line of a node of site.yaml, as an author counts it.
int yaml_line(const YAML::Node& n) {
  return n.Mark().line + 1;
}

// A team's `hours:` (or the company's `phone_hours:`) → {"mon": ["08:00-20:00"], …},
// with every day named once.
nlohmann::json read_hours(const YAML::Node& hours, const std::string& display,
                          const std::string& who, diagnostics& diag) {
  static constexpr const char* names[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  nlohmann::json week = nlohmann::json::object();
  if (!hours.IsMap()) {
    diag.add(display, yaml_line(hours),
             who + ": hours map days to times, e.g. {mon-fri: \"08:00-16:00\"}");
    return week;
  }
  for (const auto& entry : hours) {
    const std::string days = scalar(entry.first);
    const std::vector<int> range = day_range(days);
    if (range.empty()) {
      diag.add(display, yaml_line(entry.first),
               "'" + days + "' is not a day or a range of days (mon … sun, e.g. mon-fri)");
      continue;
    }
    std::vector<YAML::Node> spans;
    if (entry.second.IsSequence()) {
      for (const auto& span : entry.second) spans.push_back(span);
    } else {
      spans.push_back(entry.second);
    }
    for (const auto& span : spans) {
      const std::string written = scalar(span);
      if (auto parsed = site::parse_interval(written); !parsed) {
        diag.add(display, yaml_line(span), "'" + written + "': " + parsed.err().message);
        continue;
      }
      // A day named twice (mon-fri and fri) works in both spans.
      for (const int d : range) week[names[d]].push_back(written);
    }
  }
  return week;
}

// A team's `fields:` (what it needs to take a case on) → [{"id", "label": {lang: text},
// "pattern"}]: ids of a-z, 0-9 and '_', a label in at least English, and a pattern that
// is a valid ECMAScript regular expression (the widget checks values with it).
nlohmann::json read_fields(const YAML::Node& fields, const std::string& display,
                           const std::string& team, diagnostics& diag) {
  nlohmann::json out = nlohmann::json::array();
  if (!fields.IsSequence()) {
    diag.add(display, yaml_line(fields),
             "team '" + team +
                 "': 'fields' is a list, e.g. [{id: order_number, label: {en: Order "
                 "number}, pattern: \"^[0-9]{5,10}$\"}]");
    return out;
  }
  std::set<std::string> seen;
  for (const auto& item : fields) {
    if (!item.IsMap()) {
      diag.add(display, yaml_line(item),
               "team '" + team + "': a field is a map of id, label and pattern");
      continue;
    }
    const std::string id = item["id"] ? scalar(item["id"]) : std::string();
    const bool id_ok =
        !id.empty() && id.size() <= 40 && std::all_of(id.begin(), id.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        });
    if (!id_ok) {
      diag.add(display, yaml_line(item), "field id '" + id + "' may use only a-z, 0-9 and '_'");
      continue;
    }
    if (!seen.insert(id).second) {
      diag.add(display, yaml_line(item), "team '" + team + "' has field '" + id + "' twice");
      continue;
    }
    nlohmann::json label = nlohmann::json::object();
    if (item["label"] && item["label"].IsMap()) {
      for (const auto& entry : item["label"]) {
        const std::string lang(stored_code(scalar(entry.first)));
        label[lang] = scalar(entry.second);
        if (const auto made = derived_language(lang); !made.empty()) {
          label[std::string(made)] = text::serbian_latin_to_cyrillic(scalar(entry.second));
        }
      }
    }
    if (!label.contains(base_language)) {
      diag.add(
          display, yaml_line(item),
          "field '" + id +
              "' needs 'label' with at least en, e.g. {en: Order number, sr: Broj porudžbine}");
      continue;
    }
    const std::string pattern = item["pattern"] ? scalar(item["pattern"]) : std::string();
    if (!pattern.empty()) {
      try {
        (void)std::regex(pattern, std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        diag.add(display, yaml_line(item["pattern"]),
                 "field '" + id + "': pattern '" + pattern + "' is not a regular expression (" +
                     e.what() + ")");
        continue;
      }
    }
    out.push_back({{"id", id}, {"label", label}, {"pattern", pattern}});
  }
  return out;
}

// company: contacts, when the phone answers (shown beside the number), whether calls are
// free.
void read_company(const YAML::Node& company, const std::string& display, nlohmann::json& out,
                  diagnostics& diag) {
  for (const char* key : {"name", "phone", "phone_abroad", "email", "website"}) {
    if (company[key]) out[key] = scalar(company[key]);
  }
  if (const YAML::Node hours = company["phone_hours"]) {
    out["phone_hours"] = read_hours(hours, display, "company 'phone_hours'", diag);
  }
  if (const YAML::Node free = company["phone_free"]) {
    const std::string written = scalar(free);
    if (written != "true" && written != "false") {
      diag.add(display, yaml_line(free), "company 'phone_free' is true or false");
    } else {
      out["phone_free"] = written == "true";
    }
  }
}

// time_zone: {name, rule}, the rule checked.
void read_time_zone(const YAML::Node& zone, const std::string& display, nlohmann::json& out,
                    diagnostics& diag) {
  if (!zone.IsMap() || !zone["name"] || !zone["rule"]) {
    diag.add(display, yaml_line(zone),
             "'time_zone' needs 'name' and 'rule', e.g. {name: Europe/Belgrade, rule: "
             "\"CET-1CEST,M3.5.0,M10.5.0/3\"}");
  } else if (auto parsed = site::parse_time_zone(scalar(zone["rule"])); !parsed) {
    diag.add(display, yaml_line(zone["rule"]), "time zone rule: " + parsed.err().message);
  } else {
    out = {{"name", scalar(zone["name"])}, {"rule", scalar(zone["rule"])}};
  }
}

// holidays: a list of dates (or {date, name}), each checked.
nlohmann::json read_holidays(const YAML::Node& holidays, const std::string& display,
                             diagnostics& diag) {
  nlohmann::json out = nlohmann::json::array();
  if (!holidays) return out;
  if (!holidays.IsSequence()) {
    diag.add(display, yaml_line(holidays),
             "'holidays' must be a list of {date: YYYY-MM-DD, name: …}");
    return out;
  }
  for (const auto& day : holidays) {
    const YAML::Node date = day.IsMap() ? day["date"] : day;
    const std::string written = date ? scalar(date) : std::string();
    if (auto parsed = site::parse_date(written); !parsed) {
      diag.add(display, yaml_line(day), "holiday '" + written + "': " + parsed.err().message);
    } else {
      out.push_back(written);
    }
  }
  return out;
}

// One channel of `channels`, or null (with a diagnostic) when it is unusable.
nlohmann::json read_channel(const YAML::Node& ch, const std::string& display, diagnostics& diag) {
  const std::string type = ch.IsMap() && ch["type"] ? scalar(ch["type"]) : std::string();
  nlohmann::json entry = {{"type", type}};
  if (type != "local" && type != "webhook" && type != "email" && type != "download") {
    diag.add(display, yaml_line(ch),
             "channel type '" + type + "' is unknown (use local, webhook, email or download)");
    return nullptr;
  }
  if (type == "webhook") {
    const std::string url = ch["url"] ? scalar(ch["url"]) : std::string();
    if (url.empty() ||
        (url[0] != '/' && url.rfind("https://", 0) != 0 && url.rfind("http://localhost", 0) != 0)) {
      diag.add(display, yaml_line(ch),
               "a webhook needs 'url': a path on this site (/handoff) or an https:// address");
      return nullptr;
    }
    entry["url"] = url;
  }
  if (type == "email") {
    const std::string address = ch["address"] ? scalar(ch["address"]) : std::string();
    if (address.find('@') == std::string::npos) {
      diag.add(display, yaml_line(ch), "an email channel needs 'address', e.g. help@example.com");
      return nullptr;
    }
    entry["address"] = address;
  }
  if (const YAML::Node within = ch["reply_within"]) {
    if (auto minutes = site::parse_duration(scalar(within)); !minutes) {
      diag.add(display, yaml_line(within), "reply_within: " + minutes.err().message);
    } else {
      entry["reply_within"] = minutes.value();
    }
  } else if (type != "download") {
    diag.add(display, yaml_line(ch),
             "channel '" + type + "' needs 'reply_within' (working time, e.g. 2h): P10");
  }
  return entry;
}

// The handoff settings: company contacts, time zone, holidays and channels (the teams'
// hours are read with the teams).
void read_handoff(const YAML::Node& root, const std::string& display, site_config& site,
                  diagnostics& diag) {
  nlohmann::json& out = site.handoff;
  // Each part is set only when something of it was read (the page tells an absent
  // company from an empty one; channels without a time zone are reported).
  if (const YAML::Node company = root["company"]; company && company.IsMap()) {
    nlohmann::json read = nlohmann::json::object();
    read_company(company, display, read, diag);
    if (!read.empty()) out["company"] = std::move(read);
  }
  if (const YAML::Node zone = root["time_zone"]) {
    nlohmann::json read;
    read_time_zone(zone, display, read, diag);
    if (!read.is_null()) out["time_zone"] = std::move(read);
  }
  out["holidays"] = read_holidays(root["holidays"], display, diag);
  out["channels"] = nlohmann::json::array();
  const YAML::Node channels = root["channels"];
  if (!channels) return;
  if (!channels.IsSequence()) {
    diag.add(display, yaml_line(channels), "'channels' must be a list of {type: …}");
    return;
  }
  for (const auto& ch : channels) {
    if (nlohmann::json entry = read_channel(ch, display, diag); !entry.is_null()) {
      out["channels"].push_back(std::move(entry));
    }
  }
  if (!out.contains("time_zone")) {
    diag.add(display, yaml_line(channels), "channels need a 'time_zone' to count reply times in");
  }
}

// A scalar that is a number and nothing else ("0.6", "8"), else -1.
double number_of(const YAML::Node& node) {
  if (!node || !node.IsScalar()) return -1;
  const std::string written = node.Scalar();
  char* end = nullptr;
  const double value = std::strtod(written.c_str(), &end);
  return end == written.c_str() || *end != '\0' ? -1 : value;
}

// A node's line in site.yaml (yaml-cpp counts from 0).
int site_line(const YAML::Node& n) { return n.Mark().line + 1; }

// site.yaml's languages: the ones the site offers, in its order.
void read_site_languages(const YAML::Node& root, const std::string& display, site_config& site,
                         diagnostics& diag) {
  if (const YAML::Node langs = root["languages"]) {
    site.languages.clear();
    site.languages_listed = true;
    if (!langs.IsSequence() || langs.size() == 0) {
      diag.add(display, site_line(langs), "'languages' must be a list, e.g. [en, sr, hr, sl]");
    }
    // Only a list is read item by item: a map's items are pairs, not nodes.
    for (const auto& lang : langs.IsSequence() ? langs : YAML::Node(YAML::NodeType::Sequence)) {
      const ha::language* known = find_language(scalar(lang));
      if (known == nullptr || !known->written) {
        diag.add(display, site_line(lang),
                 "unknown language '" + scalar(lang) + "' (use " + std::string(source_codes_text()) + ")");
        continue;
      }
      site.languages.push_back(std::string(known->code));
    }
  }
}

// site.yaml's teams: names, the categories each answers for, hours and the fields it
// asks the customer for.
void read_teams(const YAML::Node& root, const std::string& display, site_config& site,
                diagnostics& diag) {
  if (const YAML::Node teams = root["teams"]) {
    if (!teams.IsMap()) {
      diag.add(display, site_line(teams), "'teams' must map a team id to its settings");
    } else {
      for (const auto& team : teams) {
        const std::string id = scalar(team.first);
        if (!is_id(id)) {
          diag.add(display, site_line(team.first),
                   "team id '" + id + "' may use only a-z, 0-9, '-'");
        }
        site.teams.insert(id);
        nlohmann::json names = nlohmann::json::object();
        if (team.second.IsMap() && team.second["name"] && team.second["name"].IsMap()) {
          for (const auto& name : team.second["name"]) {
            const std::string lang(stored_code(scalar(name.first)));
            names[lang] = scalar(name.second);
            if (const auto made = derived_language(lang); !made.empty()) {
              names[std::string(made)] = text::serbian_latin_to_cyrillic(scalar(name.second));
            }
          }
        }
        if (names.empty()) {
          diag.add(display, site_line(team.first),
                   "team '" + id + "' needs 'name', e.g. {en: Billing, sr: Naplata}");
        }
        // The article categories this team answers for: a customer who asks for a
        // person after reading such an article reaches this team (P11).
        if (team.second.IsMap() && team.second["categories"]) {
          const YAML::Node categories = team.second["categories"];
          if (!categories.IsSequence()) {
            diag.add(display, site_line(categories),
                     "team '" + id + "': 'categories' is a list, e.g. [billing, contract]");
          }
          for (const auto& category :
               categories.IsSequence() ? categories : YAML::Node(YAML::NodeType::Sequence)) {
            const std::string name = scalar(category);
            if (site.handoff["categories"].contains(name)) {
              diag.add(display, site_line(category),
                       "category '" + name + "' already belongs to team '" +
                           site.handoff["categories"][name].get<std::string>() + "'");
              continue;
            }
            site.handoff["categories"][name] = id;
          }
        }
        if (team.second.IsMap() && team.second["hours"]) {
          site.handoff["hours"][id] = read_hours(team.second["hours"], display, "team '" + id + "'", diag);
        } else if (root["channels"]) {
          diag.add(display, site_line(team.first),
                   "team '" + id +
                       "' needs 'hours', e.g. {mon-fri: \"08:00-16:00\"}: reply "
                       "times are counted in them");
        }
        if (team.second.IsMap() && team.second["fields"]) {
          site.handoff["fields"][id] = read_fields(team.second["fields"], display, id, diag);
        }
        site.team_names[id] = std::move(names);
      }
    }
  }
}

// site.yaml's search, offline and spelling settings.
void read_site_settings(const YAML::Node& root, const std::string& display, site_config& site,
                        diagnostics& diag) {
  if (const YAML::Node search = root["search"]) {
    const YAML::Node confidence = search.IsMap() ? search["confidence"] : YAML::Node();
    const double value = number_of(confidence);
    if (!(value >= 0 && value <= 1)) {
      diag.add(
          display, site_line(confidence ? confidence : search),
          "'search' takes 'confidence', a number from 0 to 1 (e.g. search: {confidence: 0.6})");
    } else {
      site.confidence = std::to_string(value);
    }
  }
  if (const YAML::Node offline = root["offline"]) {
    const YAML::Node max_mb = offline.IsMap() ? offline["max_mb"] : YAML::Node();
    const double value = number_of(max_mb);
    if (!(value >= 0 && value <= 1024)) {
      diag.add(display, site_line(max_mb ? max_mb : offline),
               "'offline' takes 'max_mb', the megabytes of knowledge base kept for offline use, "
               "0 to 1024 (e.g. offline: {max_mb: 8})");
    } else {
      site.offline_bytes = static_cast<long long>(value * 1024 * 1024);
    }
  }
  if (const YAML::Node spelling = root["spelling"]) {
    const YAML::Node keep = spelling.IsMap() ? spelling["keep"] : YAML::Node();
    if (!keep || !keep.IsSequence()) {
      diag.add(display, site_line(spelling),
               "'spelling' takes 'keep', a list of names never to correct (e.g. spelling: {keep: "
               "[iphone]})");
    } else {
      for (const auto& name : keep) {
        const std::string written = scalar(name);
        if (text::tokenize(written).size() != 1) {
          diag.add(display, site_line(name),
                   "'" + written + "' in spelling.keep must be a single word");
          continue;
        }
        site.spelling_keep.push_back(written);
      }
    }
  }
}

// site.yaml's synonym groups.
void read_synonyms(const YAML::Node& root, const std::string& display, site_config& site,
                   diagnostics& diag) {
  const YAML::Node groups = root["synonyms"];
  if (!groups) return;
  if (!groups.IsSequence()) {
    diag.add(display, site_line(groups), "'synonyms' must be a list of word lists");
    return;
  }
  for (const auto& group : groups) {
    if (!group.IsSequence() || group.size() < 2) {
      diag.add(display, site_line(group),
               "a synonym group is a list of at least two words, e.g. [ruter, router]");
      continue;
    }
    std::vector<std::string> words;
    for (const auto& word : group) {
      const std::string written = scalar(word);
      const auto tokens = text::tokenize(written);
      if (tokens.size() != 1) {
        diag.add(display, site_line(word), "synonym '" + written + "' must be a single word");
        continue;
      }
      words.push_back(tokens[0].text);
    }
    site.synonyms.push_back(std::move(words));
  }
}

// Reads <dir>/site.yaml when there is one and adds it to the content hash.
site_config read_site(const fs::path& path, diagnostics& diag, std::uint64_t& hash) {
  site_config site;
  std::error_code ec;
  if (!fs::exists(path, ec)) return site;
  const std::string display = path.lexically_normal().string();
  std::string content;
  if (!read_source(path, display, diag, hash, content)) return site;
  YAML::Node root;
  try {
    root = YAML::Load(content);
  } catch (const YAML::Exception& e) {
    diag.add(display, e.mark.line + 1, "not valid YAML: " + e.msg);
    return site;
  }
  if (!root.IsMap()) {
    diag.add(display, 1, "site.yaml must be a mapping (key: value lines)");
    return site;
  }
  read_site_languages(root, display, site, diag);
  read_teams(root, display, site, diag);
  read_handoff(root, display, site, diag);
  read_site_settings(root, display, site, diag);
  read_synonyms(root, display, site, diag);
  return site;
}

// The kinds of frustration signal signals.yaml may list (see session::frustration).
constexpr std::string_view signal_kinds[] = {"repeat_contact", "insult", "angry_words"};

// Reads <dir>/signals.yaml when there is one (kind → language → phrases) into
// site.signals and adds it to the content hash.
void read_signals(const fs::path& path, diagnostics& diag, std::uint64_t& hash, site_config& site) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return;
  const std::string display = path.lexically_normal().string();
  std::string content;
  if (!read_source(path, display, diag, hash, content)) return;
  YAML::Node root;
  try {
    root = YAML::Load(content);
  } catch (const YAML::Exception& e) {
    diag.add(display, e.mark.line + 1, "not valid YAML: " + e.msg);
    return;
  }
  if (!root.IsMap()) {
    diag.add(display, 1,
             "signals.yaml must map a kind (repeat_contact, insult, angry_words) to lists");
    return;
  }
  const auto one_of = [](const auto& list, std::string_view v) {
    return std::find(std::begin(list), std::end(list), v) != std::end(list);
  };
  for (const auto& kind : root) {
    const std::string k = scalar(kind.first);
    if (!one_of(signal_kinds, k)) {
      diag.add(display, yaml_line(kind.first),
               "unknown kind '" + k + "' (known: repeat_contact, insult, angry_words)");
      continue;
    }
    if (!kind.second.IsMap()) {
      diag.add(display, yaml_line(kind.second),
               "'" + k + "' must map a language (" + std::string(source_codes_text()) +
                   ") to a list of phrases");
      continue;
    }
    for (const auto& lang : kind.second) {
      const std::string l = scalar(lang.first);
      // The languages authors write (Serbian once: Cyrillic matches the same words).
      if (const language* row = find_language(l);
          row == nullptr || row->source != l || !row->written) {
        diag.add(display, yaml_line(lang.first),
                 "unknown language '" + l + "' (known: " + std::string(source_codes_text()) + ")");
        continue;
      }
      if (!lang.second.IsSequence()) {
        diag.add(display, yaml_line(lang.second),
                 "the phrases of '" + k + "' in '" + l + "' must be a list");
        continue;
      }
      for (const auto& item : lang.second) {
        const std::string phrase = item.IsScalar() ? item.as<std::string>() : std::string();
        if (text::tokenize(phrase).empty()) {
          diag.add(display, yaml_line(item), "a phrase must hold at least one word");
          continue;
        }
        site.signals.push_back({k, l, phrase});
      }
    }
  }
}

struct source_flow {
  std::string file;
  flow::flow f;
};

// Reads every <dir>/flows/*.yaml, checks it against the articles and site.yaml, and adds
// it to the content hash. Problems become diagnostics; only valid flows are returned.
std::vector<source_flow> read_flows(const fs::path& dir,
                                    const std::set<std::string, std::less<>>& article_ids,
                                    const site_config& site, diagnostics& diag,
                                    std::uint64_t& hash) {
  std::vector<source_flow> flows;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return flows;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  flow::validation_context context{article_ids, site.teams, site.languages, {}};
  if (site.handoff.contains("fields")) {
    for (const auto& [team, list] : site.handoff["fields"].items()) {
      for (const auto& field : list) context.team_fields[team].insert(field["id"].get<std::string>());
    }
  }
  std::map<std::string, std::string> seen;  // flow id → file
  for (const fs::path& path : files) {
    const std::string display = path.lexically_normal().string();
    std::string content;
    if (!read_source(path, display, diag, hash, content)) continue;
    source_flow sf{display, {}};
    std::vector<flow::problem> problems;
    bool read = false;
    try {
      read = read_flow_yaml(content, sf.f, problems);
    } catch (const YAML::Exception& e) {
      int line = 1;
      const std::string problem = shape_problem(e, line);
      problems.push_back({line, problem});
    }
    if (read) {
      const int id_line = sf.f.line_of("id");
      if (!is_id(sf.f.id))
        problems.push_back({id_line, "flow id '" + sf.f.id + "' may use only a-z, 0-9 and '-'"});
      if (path.filename() != sf.f.id + ".yaml") {
        problems.push_back(
            {id_line, "file name should be '" + sf.f.id + ".yaml' for flow id '" + sf.f.id + "'"});
      }
      if (article_ids.contains(sf.f.id)) {
        problems.push_back(
            {id_line, "flow id '" + sf.f.id + "' is also an article's id; give the flow its own"});
      }
      if (auto [it, fresh] = seen.try_emplace(sf.f.id, display); !fresh) {
        problems.push_back(
            {id_line, "duplicate flow id '" + sf.f.id + "' (also in " + it->second + ")"});
      }
      for (flow::problem& p : flow::validate(sf.f, context)) problems.push_back(std::move(p));
    }
    for (const flow::problem& p : problems) diag.add(display, p.line, p.message);
    if (problems.empty()) flows.push_back(std::move(sf));
  }
  return flows;
}

// A flow as searchable rows (one per language), so that a search finds it by its title,
// symptoms, the problem it solves and its questions.
std::vector<source_article> flow_rows(const source_flow& sf) {
  std::vector<source_article> rows;
  const flow::flow& f = sf.f;
  for (const auto& [lang, title] : f.title) {
    source_article a;
    a.file = sf.file;
    a.id = f.id;
    a.lang = lang;
    a.title = title;
    a.category = f.category;
    a.audience = "customer";
    a.kind = "flow";
    a.pages = f.pages;
    if (const auto it = f.symptoms.find(lang); it != f.symptoms.end()) a.tags = it->second;
    a.body = flow::pick(f.problem, lang);
    for (const flow::node& n : f.nodes) {
      if (n.kind == flow::node_kind::question) a.body += "\n" + flow::pick(n.body, lang);
      for (const flow::alternative& alt : n.alternatives)
        a.body += "\n" + flow::pick(alt.title, lang);
    }
    a.html = text::paragraphs_html(a.body);  // searched, never shown: the flow opens instead
    rows.push_back(std::move(a));
  }
  return rows;
}


// The page_map table (page_map.hpp), written once the file's pages have their places:
// after VACUUM and the last change to the tables it maps.
status write_page_maps(const fs::path& file) {
  std::string image;
  {
    std::ifstream in(file, std::ios::binary);
    image.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
  if (opened != SQLITE_OK) return {errc::io_error, "cannot write " + file.string()};
  if (auto written = kb::write_page_maps(db.get(), image); !written) {
    return {written.err().code, file.string() + ": " + written.err().message};
  }
  return ok_status();
}

// The sources into the new database: articles (numbered by their length), flows,
// synonyms, frustration signals and the site's settings. Returns what failed, or "".
std::string insert_sources(sqlite3* db, const std::vector<source_article>& articles,
                           const std::vector<source_flow>& flows, const synonym_table& synonyms,
                           const site_config& site, const compile_stats& stats,
                           const std::string& content_hash) {
  statement insert(db,
                   "INSERT INTO articles(id, lang, title, category, audience, kind, tags, pages, "
                   "source, html) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!insert.ok()) return "insert";
  for (const source_article& a : articles) {
    insert.reset();
    insert.bind(1, a.id).bind(2, a.lang).bind(3, a.title).bind(4, a.category);
    insert.bind(5, a.audience).bind(6, a.kind).bind(7, join(a.tags, ", "));
    insert.bind(8, join(a.pages, " ")).bind(9, a.file).bind(10, a.html);
    if (insert.step() != SQLITE_DONE) return "insert " + a.file;
  }
  if (auto numbered = number_rows_by_length(db); !numbered) return "rows";
  if (sqlite3_exec(db, article_pages_sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return "article pages";
  }
  statement insert_flow(db, "INSERT INTO flows(id, team, json) VALUES (?1, ?2, ?3)");
  for (const source_flow& sf : flows) {
    insert_flow.reset();
    insert_flow.bind(1, sf.f.id).bind(2, sf.f.team).bind(3, flow::to_json(sf.f));
    if (insert_flow.step() != SQLITE_DONE) return "insert " + sf.file;
  }
  if (auto stored = synonyms.store(db); !stored) return "synonyms";
  statement insert_signal(db, "INSERT INTO signal_phrases(kind, lang, phrase) VALUES (?1, ?2, ?3)");
  for (const auto& [kind, lang, phrase] : site.signals) {
    insert_signal.reset();
    insert_signal.bind(1, kind).bind(2, lang).bind(3, phrase);
    if (insert_signal.step() != SQLITE_DONE) return "signals";
  }
  statement meta(db, "INSERT INTO meta(key, value) VALUES (?1, ?2)");
  const std::pair<std::string, std::string> values[] = {
      {"format_version", std::to_string(format_version)},
      {"tokenizer_version", std::to_string(tokenizer_version)},
      {"content_hash", content_hash},
      {"articles", std::to_string(stats.articles)},
      {"teams", site.team_names.dump()},
      {"handoff", site.handoff.dump()},
      {"confidence_threshold", site.confidence},
      {"offline_bytes", std::to_string(site.offline_bytes)},
      // The languages the widget offers (site.js); none listed: every one.
      {"site_languages",
       (site.languages_listed ? nlohmann::json(site.languages) : nlohmann::json::array()).dump()},
  };
  for (const auto& [key, value] : values) {
    meta.reset();
    meta.bind(1, key).bind(2, value);
    if (meta.step() != SQLITE_DONE) return "meta";
  }
  return {};
}

// What searching needs, made from the sources: the word lists the speller and the
// language identifier read, the index and the tables beside it; then the file is
// committed and packed. Returns what failed, or "".
std::string build_search_tables(sqlite3* db, const site_config& site, term_filter& filter,
                                const synonym_table& synonyms, compile_stats& stats) {
  if (auto words = build_word_list(db); !words) return "words";
  const char* dir = std::getenv("HA_DICTIONARIES");
  auto real = build_real_words(db, site.spelling_keep, dir ? dir : "/usr/share/hunspell");
  if (!real) return "real words";
  stats.dictionaries = real.value().dictionaries;
  stats.real_words = static_cast<int>(real.value().kept);
  if (auto words = build_language_words(db); !words) return "language words";
  auto counts = build_index(db, &synonyms, &filter, bounded_term_rows);
  if (!counts) return "index";
  if (sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts) VALUES ('optimize');", nullptr,
                   nullptr, nullptr) != SQLITE_OK ||
      sqlite3_exec(db, index_segment_sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return "index";
  }
  if (auto completions = build_completions(db); !completions) return "completions";
  if (auto common = build_common_terms(db, counts.value()); !common) return "common terms";
  if (sqlite3_exec(db, "COMMIT; VACUUM;", nullptr, nullptr, nullptr) != SQLITE_OK) return "index";
  return {};
}

// The score a stray match reaches on the knowledge base written at file, which confidence
// is read against (calibration.hpp), into its meta table and stats.
status store_confidence_scale(const fs::path& file, const std::vector<source_article>& articles,
                              const site_config& site, compile_stats& stats) {
  std::set<std::string> languages;
  for (const source_article& a : articles) {
    if (a.audience == "customer") languages.insert(a.lang);
  }
  auto calibrated = calibrate_confidence(file.string(), languages);
  if (!calibrated) {
    return {calibrated.err().code, "calibrating confidence: " + calibrated.err().message};
  }
  stats.confidence_scale = calibrated.value().scale;
  stats.confidence_threshold = site.confidence.empty()
                                   ? default_confidence_threshold
                                   : std::strtod(site.confidence.c_str(), nullptr);
  sqlite3* db = nullptr;
  const std::string sql = "INSERT INTO meta(key, value) VALUES ('confidence_scale', '" +
                          std::to_string(calibrated.value().scale) + "')";
  const bool stored =
      sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK &&
      sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  if (!stored) return {errc::io_error, "cannot write " + file.string()};
  return ok_status();
}

// Writes the database to a file of its own beside output, in steps (schema, sources,
// search tables, confidence scale, page maps), and moves it to output only when all
// went well: a failed build leaves the last good knowledge base in place.
status write_database(const fs::path& output, const std::vector<source_article>& articles,
                      const std::vector<source_flow>& flows, const site_config& site,
                      compile_stats& stats, const std::string& content_hash) {
  const fs::path temp = output.string() + ".tmp-" + std::to_string(::getpid());
  std::error_code ignored;
  fs::remove(temp, ignored);
  const auto given_up = [&](status failed) {
    fs::remove(temp, ignored);
    return failed;
  };
  {
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(temp.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
      sqlite3_close(raw);
      return given_up({errc::io_error, "cannot create " + temp.string()});
    }
    synonym_table synonyms;  // read by the tokenizer: outlives the connection below
    synonyms.assign(site.synonyms);
    term_filter filter;  // the tokenizer's while the index is filled (outlives db)
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
    const auto fail = [&](const std::string& what) {
      std::string message = what + ": " + sqlite3_errmsg(db.get());
      db.reset();
      return given_up({errc::io_error, message});
    };
    if (auto registered = register_tokenizer(db.get(), &synonyms, &filter); !registered) {
      return fail("tokenizer");
    }
    const std::string setup = "PRAGMA journal_mode=OFF; PRAGMA page_size=" +
                              std::to_string(database_page_size) + "; BEGIN;";
    const std::string leaves = "INSERT INTO articles_fts(articles_fts, rank) VALUES ('pgsz', " +
                               std::to_string(index_leaf_bytes) + ")";
    if (sqlite3_exec(db.get(), setup.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_exec(db.get(), schema_sql, nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_exec(db.get(), leaves.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      return fail("schema");
    }
    if (auto what = insert_sources(db.get(), articles, flows, synonyms, site, stats, content_hash);
        !what.empty()) {
      return fail(what);
    }
    if (auto what = build_search_tables(db.get(), site, filter, synonyms, stats); !what.empty()) {
      return fail(what);
    }
  }
  if (auto scaled = store_confidence_scale(temp, articles, site, stats); !scaled) {
    return given_up(scaled);
  }
  if (auto mapped = write_page_maps(temp); !mapped) return given_up(mapped);
  fs::rename(temp, output, ignored);
  if (ignored) return given_up({errc::io_error, "cannot write " + output.string()});
  return ok_status();
}

// Counts what is written into result.stats and writes the database (articles, then the
// flows' searchable rows).
void write_all(std::vector<source_article> articles, const std::vector<source_flow>& flows,
               const site_config& site, std::uint64_t hash, const fs::path& output,
               compile_result& result) {
  std::set<std::string> ids;
  std::map<std::string, std::set<std::string>> ids_by_audience, ids_by_kind;
  for (const source_article& a : articles) {
    ids.insert(a.id);
    ids_by_audience[a.audience].insert(a.id);
    ids_by_kind[a.kind].insert(a.id);
    ++result.stats.by_language[a.lang];
    ++result.stats.by_audience_language[a.audience][a.lang];
  }
  result.stats.articles = static_cast<int>(ids.size());
  for (const auto& [k, v] : ids_by_audience)
    result.stats.by_audience[k] = static_cast<int>(v.size());
  for (const auto& [k, v] : ids_by_kind) result.stats.by_kind[k] = static_cast<int>(v.size());
  result.stats.flows = static_cast<int>(flows.size());
  for (const source_flow& sf : flows) {
    const int least = static_cast<int>(flow::min_alternatives(sf.f));
    if (result.stats.min_alternatives < 0 || least < result.stats.min_alternatives) {
      result.stats.min_alternatives = least;
    }
    for (const auto& [lang, title] : sf.f.title) ++result.stats.flows_by_language[lang];
    for (source_article& row : flow_rows(sf)) articles.push_back(std::move(row));
  }
  if (auto written = write_database(output, articles, flows, site, result.stats, hex(hash));
      !written) {
    result.errors.push_back({output.string(), 0, written.err().message});
  }
}

}  // namespace

std::string stats_json(const compile_stats& stats) {
  nlohmann::json least = nullptr;
  if (stats.min_alternatives >= 0) least = stats.min_alternatives;
  return nlohmann::json{{"articles", stats.articles},
                        {"by_audience_language", stats.by_audience_language},
                        {"by_kind", stats.by_kind},
                        {"flows", stats.flows},
                        {"flows_by_language", stats.flows_by_language},
                        {"min_alternatives_per_solution", least}}
      .dump(2);
}

// Ekavian forms in Croatian and Bosnian files, ijekavian in Serbian (variant_check.hpp),
// line by line: an article's every line, a flow's lines of each language ("hr: …"). Not
// the tags or symptoms: they are what customers type, in whichever form they type it.
void warn_of_variants(const std::vector<source_article>& articles,
                      const std::vector<source_flow>& flows, std::vector<diagnostic>& warnings) {
  std::vector<variant_line> lines;
  const auto read_lines = [](const std::string& file, auto&& each) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) each(n, line);
  };
  const auto checked = [](std::string_view lang) {
    const ha::language* l = find_language(lang);
    return l != nullptr && l->written && l->reflex != yat_reflex::none;
  };
  for (const source_article& a : articles) {
    if (!checked(a.lang)) continue;
    read_lines(a.file, [&](int n, const std::string& line) {
      if (line.rfind("tags:", 0) != 0) lines.push_back({a.file, n, a.lang, line});
    });
  }
  for (const source_flow& sf : flows) {
    bool symptoms = false;  // inside the top-level key symptoms
    read_lines(sf.file, [&](int n, const std::string& line) {
      const std::size_t start = line.find_first_not_of(' ');
      if (start == std::string::npos) return;
      if (start == 0) symptoms = line.rfind("symptoms:", 0) == 0;
      if (symptoms) return;
      for (const ha::language& l : ha::languages) {
        if (!checked(l.code)) continue;
        const std::string key = std::string(l.source) + ":";
        if (line.compare(start, key.size(), key) == 0) {
          lines.push_back({sf.file, n, std::string(l.code), line.substr(start + key.size())});
        }
      }
    });
  }
  // "Croatian and Bosnian": the languages that write the yat as `reflex` does.
  const auto names_of = [](yat_reflex reflex) {
    std::string names;
    for (const ha::language& l : ha::languages) {
      if (!l.written || l.reflex != reflex) continue;
      names += std::string(names.empty() ? "" : " and ") + std::string(l.name);
    }
    return names;
  };
  for (const variant_mark& m : variant_marks(lines)) {
    const ha::language& l = *find_language(m.lang);
    const bool ekavian_here = l.reflex == yat_reflex::ijekavian;
    warnings.push_back({m.file, m.line,
                        std::string("warning: ") + (ekavian_here ? "ekavian" : "ijekavian") + " '" + m.word +
                            "' in " + std::string(l.name) + " text (the other " + names_of(l.reflex) +
                            " texts write '" + m.expected + "')"});
  }
}

std::string format(const diagnostic& d) {
  return d.file + ":" + std::to_string(d.line) + ": " + d.message;
}

namespace {

// The articles' Markdown files under articles/ and playbook/, with the folder each is in
// (it implies the audience), sorted: the same sources always give the same database and
// hash.
std::vector<std::pair<fs::path, std::string>> article_files(const fs::path& source_dir) {
  std::vector<std::pair<fs::path, std::string>> files;
  std::error_code ec;
  for (const char* folder : {"articles", "playbook"}) {
    const fs::path root = source_dir / folder;
    if (!fs::is_directory(root, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".md") {
        files.emplace_back(it->path(), folder);
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Each file read on its own; one that cannot be read is reported and left out.
std::vector<source_article> read_articles(
    const std::vector<std::pair<fs::path, std::string>>& files, diagnostics& diag,
    std::uint64_t& hash) {
  std::vector<source_article> articles;
  for (const auto& [path, folder] : files) {
    source_article a;
    const std::string display = path.lexically_normal().string();
    try {
      if (!read_article(path, display, diag, a, hash)) continue;
    } catch (const YAML::Exception& e) {
      int line = 1;
      const std::string problem = shape_problem(e, line);
      diag.add(display, line, problem);
      continue;
    }
    if (folder == "playbook" && a.audience != "agent") {
      diag.add(display, 2, "articles under playbook/ are for agents: set 'audience: agent'");
      continue;
    }
    articles.push_back(std::move(a));
  }
  return articles;
}

// Across files: one version per id and language, translations that agree on what they
// are, links to articles that exist. Returns the articles' ids.
std::set<std::string, std::less<>> check_across_articles(
    const std::vector<source_article>& articles, diagnostics& diag) {
  std::map<std::pair<std::string, std::string>, const source_article*> seen;
  std::map<std::string, const source_article*> first_of_id;
  for (const source_article& a : articles) {
    if (auto [it, fresh] = seen.try_emplace({a.id, a.lang}, &a); !fresh) {
      diag.add(a.file, 2,
               "duplicate id '" + a.id + "' in language " + a.lang + " (also in " +
                   it->second->file + ")");
    }
    auto [first, fresh] = first_of_id.try_emplace(a.id, &a);
    if (!fresh) {
      const source_article& o = *first->second;
      if (o.category != a.category || o.audience != a.audience || o.kind != a.kind) {
        diag.add(a.file, 2,
                 "translations of '" + a.id + "' disagree on category, audience or kind (see " +
                     o.file + ")");
      }
    }
  }
  for (const source_article& a : articles) {
    for (const auto& [target, line] : a.links) {
      if (!first_of_id.contains(target)) {
        diag.add(a.file, line, "link to a missing article 'kb:" + target + "'");
      }
    }
  }
  std::set<std::string, std::less<>> ids;
  for (const auto& [id, a] : first_of_id) ids.insert(id);
  return ids;
}

// site.yaml and signals.yaml; a file of the wrong shape is reported at its line.
site_config read_site_files(const fs::path& source_dir, diagnostics& diag, std::uint64_t& hash) {
  site_config read;
  const auto shaped = [&](const fs::path& file, const auto& reading) {
    try {
      reading();
    } catch (const YAML::Exception& e) {
      int line = 1;
      const std::string problem = shape_problem(e, line);
      diag.add(file.lexically_normal().string(), line, problem);
    }
  };
  shaped(source_dir / "site.yaml", [&] { read = read_site(source_dir / "site.yaml", diag, hash); });
  shaped(source_dir / "signals.yaml",
         [&] { read_signals(source_dir / "signals.yaml", diag, hash, read); });
  return read;
}

}  // namespace

compile_result compile(const fs::path& source_dir, const fs::path& output) {
  compile_result result;
  diagnostics diag(result.errors);
  std::error_code ec;
  if (!fs::is_directory(source_dir, ec)) {
    diag.add(source_dir.string(), 0, "not a folder");
    return result;
  }
  const auto files = article_files(source_dir);
  if (files.empty()) {
    diag.add((source_dir / "articles").string(), 0, "no articles (*.md) found");
    return result;
  }
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  std::vector<source_article> articles = read_articles(files, diag, hash);
  const auto article_ids = check_across_articles(articles, diag);
  const site_config site = read_site_files(source_dir, diag, hash);
  std::vector<source_flow> flows = read_flows(source_dir / "flows", article_ids, site, diag, hash);
  if (!result.ok()) return result;

  warn_of_variants(articles, flows, result.warnings);

  const std::size_t sources = articles.size();
  for (std::size_t k = 0; k < sources; ++k) {
    if (!derived_language(articles[k].lang).empty()) articles.push_back(cyrillic_twin(articles[k]));
  }
  for (source_flow& sf : flows) flow::add_made_languages(sf.f);

  write_all(std::move(articles), flows, site, hash, output, result);
  return result;
}

compile_result compile_corpus(const fs::path& jsonl, const fs::path& output) {
  compile_result result;
  diagnostics diag(result.errors);
  const std::string display = jsonl.lexically_normal().string();
  std::ifstream in(jsonl, std::ios::binary);
  if (!in) {
    diag.add(display, 0, "cannot read the file");
    return result;
  }
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  std::vector<source_article> articles;
  std::set<std::pair<std::string, std::string>> seen;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    hash = fnv1a(hash, line);
    const auto json = nlohmann::json::parse(line, nullptr, false);
    const auto field = [&](const char* key) -> std::string {
      if (!json.is_object() || !json.contains(key) || !json[key].is_string()) return {};
      return text::sanitize(json[key].get<std::string>());
    };
    source_article a;
    a.file = display;
    a.id = field("id");
    a.lang = field("lang");
    a.title = field("title");
    a.body = field("body");
    a.lang = std::string(stored_code(a.lang));
    if (json.is_discarded() || a.id.empty() || a.title.empty() || !is_content_language(a.lang)) {
      diag.add(display, n,
               "expected a JSON object with string fields id, lang (en, sr, hr, bs, sl), "
               "title and body");
      continue;
    }
    if (!seen.emplace(a.id, a.lang).second) {
      diag.add(display, n, "duplicate id '" + a.id + "' in language " + a.lang);
      continue;
    }
    if (json.contains("tags") && json["tags"].is_array()) {
      for (const auto& tag : json["tags"]) {
        if (tag.is_string()) a.tags.push_back(text::sanitize(tag.get<std::string>()));
      }
    }
    a.category = "general";
    a.audience = "customer";
    a.kind = "info";
    a.html = text::paragraphs_html(a.body);
    articles.push_back(std::move(a));
  }
  if (articles.empty() && result.ok()) diag.add(display, 0, "no articles in the file");
  if (!result.ok()) return result;
  write_all(std::move(articles), {}, site_config{}, hash, output, result);
  return result;
}

status export_corpus(const fs::path& kb_sqlite, const fs::path& jsonl) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(kb_sqlite.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    return {errc::io_error, "cannot open " + kb_sqlite.string()};
  }
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
  if (auto registered = register_tokenizer(db.get()); !registered) return registered;
  statement rows(db.get(),
                 "SELECT id, lang, title, plain_text(html), tags FROM articles "
                 "WHERE audience = 'customer' ORDER BY id, lang");
  if (!rows.ok()) return {errc::corrupt_database, kb_sqlite.string() + " is not a knowledge base"};
  std::ofstream out(jsonl, std::ios::binary);
  if (!out) return {errc::io_error, "cannot write " + jsonl.string()};
  while (rows.step() == SQLITE_ROW) {
    nlohmann::json tags = nlohmann::json::array();
    std::istringstream list(rows.text(4));
    for (std::string tag; std::getline(list, tag, ',');) {
      const auto start = tag.find_first_not_of(' ');
      if (start != std::string::npos) tags.push_back(tag.substr(start));
    }
    out << nlohmann::json{{"id", rows.text(0)},
                          {"lang", rows.text(1)},
                          {"title", rows.text(2)},
                          {"body", rows.text(3)},
                          {"tags", tags}}
               .dump()
        << '\n';
  }
  return out ? ok_status() : status{errc::io_error, "cannot write " + jsonl.string()};
}

result<std::string> site_module(const fs::path& kb_sqlite) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(kb_sqlite.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    return {errc::io_error, "cannot open " + kb_sqlite.string()};
  }
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
  statement handoff(db.get(), "SELECT value FROM meta WHERE key = 'handoff'");
  if (!handoff.ok()) return {errc::corrupt_database, kb_sqlite.string() + " is not a knowledge base"};
  nlohmann::json company = nlohmann::json::object();
  std::string zone;  // the teams' time zone: the phone's hours are in it
  nlohmann::json holidays = nlohmann::json::array();  // the phone is shut then too
  if (handoff.step() == SQLITE_ROW) {
    const auto settings = nlohmann::json::parse(handoff.text(0), nullptr, false);
    if (settings.is_object() && settings.contains("company")) company = settings["company"];
    if (settings.is_object() && settings.contains("time_zone") &&
        settings["time_zone"]["name"].is_string()) {
      zone = settings["time_zone"]["name"].get<std::string>();
    }
    if (settings.is_object() && settings.contains("holidays") && settings["holidays"].is_array()) {
      for (const auto& day : settings["holidays"]) {
        if (day.is_string()) holidays.push_back(day);
      }
    }
  }
  statement listed(db.get(), "SELECT value FROM meta WHERE key = 'site_languages'");
  nlohmann::json languages = nlohmann::json::array();
  if (listed.ok() && listed.step() == SQLITE_ROW) {
    languages = nlohmann::json::parse(listed.text(0), nullptr, false);
    if (!languages.is_array()) languages = nlohmann::json::array();
  }
  // JSON is JavaScript; "</" and U+2028/9 escaped all the same, for any host page.
  std::string json = nlohmann::json{
      {"company", company},
      {"languages", languages},
      {"timeZone", zone},
      {"holidays",
       holidays}}.dump(-1, ' ', true);
  for (std::size_t at = 0; (at = json.find("</", at)) != std::string::npos; at += 2) json.replace(at, 2, "<\\/");
  return "// Written by kbc from site.yaml: what the page shows before the engine has started\n"
         "// (the company's name and contacts). Do not edit: edit site.yaml.\n"
         "export const site = " + json + ";\n";
}

std::string language_module() {
  std::string out =
      "// Made by kbc --language-module from core/common/language_table.inc: the content\n"
      "// languages as the core reads them (each fallback chain whole). Do not edit: edit the\n"
      "// table and run tools/language-module.sh (tests/js/language-codes.test.mjs checks it).\n"
      "export const languageTable = [\n";
  for (const language& l : languages) {
    const auto chain = fallback_chain(l.code);
    const std::vector<std::string_view> dates = date_languages(l.code);
    const nlohmann::json row = {
        {"code", l.code},
        {"source", l.source},
        {"script", l.script},
        {"madeFrom", l.made_from},
        {"autonym", l.autonym},
        {"reflex", l.reflex == yat_reflex::ekavian     ? "ekavian"
                   : l.reflex == yat_reflex::ijekavian ? "ijekavian"
                                                       : ""},
        {"dates", dates},
        {"fallback", std::vector<std::string_view>(chain.begin(), chain.end())}};
    out += "  " + row.dump(-1, ' ', false) + ",\n";
  }
  return out + "];\n";
}

}  // namespace ha::kb
