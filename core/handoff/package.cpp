#include "handoff/package.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>

#include "common/json_io.hpp"
#include "common/languages.hpp"
#include "flow/flow.hpp"
#include "handoff/redact.hpp"
#include "handoff/summary_words.hpp"
#include "kb/knowledge_base.hpp"
#include "session/session.hpp"
#include "site/config.hpp"
#include "text/transliterate.hpp"
#include "text/utf8.hpp"

namespace ha::handoff {

// The site's settings and clock (core/site), as this file speaks of them.
using site::config;
using site::field;
using site::local_time;
using site::parse_time_zone;
using site::reply_estimate;
using site::time_zone;

using nlohmann::json;

namespace {

// What a package keeps of the customer's own fields, in characters: the widget's form
// allows as many (maxLength), and the schema (docs/handoff.schema.json) says the same.
// Longer text from another caller is cut at a character, never inside one.
constexpr std::size_t max_page_chars = 500;   // a page path and #section
constexpr std::size_t max_field_chars = 200;  // name, contact
constexpr std::size_t max_message_chars = 4000;

// Valid UTF-8 of at most max_chars characters: invalid bytes become U+FFFD.
std::string cut(std::string_view s, std::size_t max_chars) {
  return std::string(text::truncate_chars(text::sanitize(s), max_chars));
}

constexpr std::string_view code_alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";  // 30 characters

// Luhn's algorithm over the code alphabet (mod 30): one wrong character always changes
// the check, and so does nearly every swap of two neighbours.
char check_character(std::string_view payload) {
  const int n = static_cast<int>(code_alphabet.size());
  int sum = 0;
  bool twice = true;
  for (auto it = payload.rbegin(); it != payload.rend(); ++it) {
    int v = static_cast<int>(code_alphabet.find(*it));
    if (twice) v *= 2;
    sum += v / n + v % n;
    twice = !twice;
  }
  return code_alphabet[static_cast<std::size_t>((n - sum % n) % n)];
}

using words = summary_words;

// The customer's words as they wrote them, in the reader's quotation marks.
std::string quoted(const words& w, const std::string& text) {
  return w.quote_open + text + w.quote_close;
}

int answer_index(std::string_view answer) {
  return answer == "yes" ? 0 : answer == "partly" ? 1 : 2;
}

std::size_t signal_index(std::string_view signal) {
  for (std::size_t i = 0; i < signal_kinds.size(); ++i) {
    if (signal_kinds[i] == signal) return i;
  }
  return signal_kinds.size() - 1;
}

std::string two(int n) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02d", n % 100);
  return buf;
}

std::string local_iso(const local_time& t) {
  const int off = t.offset < 0 ? -t.offset : t.offset;
  return std::to_string(t.date.year) + "-" + two(t.date.month) + "-" + two(t.date.day) + "T" +
         two(t.hour) + ":" + two(t.minute) + (t.offset < 0 ? "-" : "+") + two(off / 60) + ":" +
         two(off % 60);
}

const time_zone& utc() {
  static const time_zone zone = parse_time_zone("UTC0").value();
  return zone;
}

// ---- reading the conversation --------------------------------------------------------

// Every free text goes through one place, so none escapes redaction.
struct scrubber {
  std::set<std::string> kinds;
  std::string operator()(std::string_view text) {
    redaction r = redact(text);
    kinds.insert(r.kinds.begin(), r.kinds.end());
    return std::move(r.text);
  }
  json list() const {
    json out = json::array();
    for (const char* kind : {"card", "iban", "jmbg", "password"}) {
      if (kinds.count(kind)) out.push_back(kind);
    }
    return out;
  }
};

struct context {
  const kb::knowledge_base& kb;
  std::string lang;
  scrubber scrub;

  // {id, title, kind}: an article or a flow as the customer saw it.
  json item(const std::string& id) const {
    if (const flow::flow* f = kb.find_flow(id)) {
      return {{"id", id}, {"title", flow::pick(f->title, lang)}, {"kind", "flow"}};
    }
    auto a = kb.get_article(id, lang);
    if (!a) return {{"id", id}, {"title", id}, {"kind", "unknown"}};
    return {{"id", id}, {"title", a.value().title}, {"kind", a.value().kind}};
  }
  json flow_ref(const std::string& id) const {
    const flow::flow* f = id.empty() ? nullptr : kb.find_flow(id);
    if (!f) return id.empty() ? json(nullptr) : json{{"id", id}, {"title", id}};
    return {{"id", id}, {"title", flow::pick(f->title, lang)}};
  }
};

const flow::node* node_of(const kb::knowledge_base& kb, const session::event& e) {
  const flow::flow* f = e.flow.empty() ? nullptr : kb.find_flow(e.flow);
  return f ? f->find(e.node) : nullptr;
}

struct sections {
  json timeline = json::array();
  json searches = json::array();
  json articles = json::array();
  json flow_path = json::array();
  json alternatives = json::array();
  json typed = json::array();
};

// Where each article read is in sections::articles, by its id.
using article_positions = std::map<std::string, std::size_t>;

// An event's entry in the timeline, with what every event has: when, what, and the flow
// and node it happened at.
json timeline_item(const session::event& e, const flow::node* n, const context& c) {
  json item{{"at", utc_iso(e.at)}, {"type", std::string(session::type_name(e))}};
  if (!e.flow.empty()) item["flow"] = c.flow_ref(e.flow);
  if (n) {
    item["node"] = {{"id", n->id},
                    {"kind", std::string(flow::to_string(n->kind))},
                    {"text", flow::pick(n->body, c.lang)}};
  }
  return item;
}

// A search, or free text described: the query and what it showed.
void read_search(const session::event& e, json& item, sections& out, context& c) {
  const std::string query = c.scrub(e.text);
  item["text"] = query;
  json shown = json::array();
  for (const std::string& id : e.shown) shown.push_back(c.item(id));
  item["shown"] = shown;
  out.searches.push_back({{"at", item["at"]},
                          {"query", query},
                          {"kind", e.type == session::event_type::describe ? "described" : "typed"},
                          {"shown", shown},
                          {"opened", json::array()}});
}

// Opened from a search: outside a guided fix, an article the search showed (the latest
// that did). One read from a fix's step came from the fix.
void note_opened_from_search(const std::string& article, json& searches) {
  for (auto search = searches.rbegin(); search != searches.rend(); ++search) {
    const json& shown = (*search)["shown"];
    if (std::none_of(shown.begin(), shown.end(),
                     [&](const json& x) { return x["id"] == article; })) {
      continue;
    }
    json& opened = (*search)["opened"];
    if (std::find(opened.begin(), opened.end(), article) == opened.end()) {
      opened.push_back(article);
    }
    break;
  }
}

// An article opened, or answered "Did this article help?": listed once, when first read,
// with the last answer.
void read_article(const session::event& e, json& item, sections& out, article_positions& positions,
                  context& c) {
  json article = c.item(e.article);
  item["article"] = article;
  if (e.type == session::event_type::helped) item["answer"] = e.answer;
  auto [it, fresh] = positions.try_emplace(e.article, out.articles.size());
  if (fresh) {
    out.articles.push_back(
        {{"id", e.article}, {"title", article["title"]}, {"at", item["at"]}, {"helped", nullptr}});
  }
  if (e.type == session::event_type::helped) {
    out.articles[it->second]["helped"] = e.answer == "yes";
  }
  if (e.type == session::event_type::opened && e.flow.empty()) {
    note_opened_from_search(e.article, out.searches);
  }
}

// A flow started, from the search results or a confirmed restatement.
void read_flow_start(json& item, sections& out) {
  out.flow_path.push_back({{"at", item["at"]}, {"flow", item["flow"]}, {"step", "started"}});
}

// The option chosen at a question (nothing when the node or option is gone).
void read_choice(const session::event& e, const flow::node* n, json& item, sections& out,
                 const context& c) {
  if (!n || e.option < 0 || static_cast<std::size_t>(e.option) >= n->options.size()) return;
  const std::string label =
      flow::pick(n->options[static_cast<std::size_t>(e.option)].label, c.lang);
  item["option"] = label;
  out.flow_path.push_back({{"at", item["at"]},
                           {"flow", item["flow"]},
                           {"step", "question"},
                           {"node", item["node"]},
                           {"answer", label}});
}

// "Done" at a step.
void read_step_done(const flow::node* n, json& item, sections& out) {
  if (!n) return;
  out.flow_path.push_back({{"at", item["at"]},
                           {"flow", item["flow"]},
                           {"step", "step"},
                           {"node", item["node"]},
                           {"answer", "done"}});
}

// "Did this solve it?" at an alternative or an article of a flow: what was tried and how
// it went.
void read_feedback(const session::event& e, const flow::node* n, json& item, sections& out,
                   context& c) {
  if (!n) return;
  item["answer"] = e.answer;
  json tried{{"at", item["at"]}, {"flow", item["flow"]}, {"node", n->id}, {"outcome", e.answer}};
  if (n->kind == flow::node_kind::solution && e.alternative >= 0 &&
      static_cast<std::size_t>(e.alternative) < n->alternatives.size()) {
    const auto& alt = n->alternatives[static_cast<std::size_t>(e.alternative)];
    tried["number"] = e.alternative + 1;
    tried["title"] = flow::pick(alt.title, c.lang);
    item["alternative"] = {{"number", e.alternative + 1}, {"title", tried["title"]}};
  } else {
    json article = c.item(n->article);
    tried["title"] = article["title"];
    tried["article"] = n->article;
    item["article"] = article;
  }
  // Answered again after going back to it: one entry, with the last answer.
  const auto same =
      std::find_if(out.alternatives.begin(), out.alternatives.end(), [&](const json& t) {
        return t["flow"] == tried["flow"] && t["node"] == tried["node"] &&
               t.value("number", 0) == tried.value("number", 0);
      });
  if (same != out.alternatives.end()) {
    (*same)["outcome"] = tried["outcome"];
    (*same)["at"] = tried["at"];
  } else {
    out.alternatives.push_back(tried);
  }
  out.flow_path.push_back(
      {{"at", item["at"]},
       {"flow", item["flow"]},
       {"step", n->kind == flow::node_kind::solution ? "alternative" : "article"},
       {"node", item["node"]},
       {"title", tried["title"]},
       {"answer", e.answer}});
}

// Text the customer typed, or wrote when asking for a person (nothing when empty).
void read_typed(const session::event& e, json& item, sections& out, context& c) {
  if (e.text.empty()) return;
  item["text"] = c.scrub(e.text);
  out.typed.push_back({{"at", item["at"]}, {"text", item["text"]}});
}

// One event: its entry in the timeline, and what it adds to the sections.
json read_event(const session::event& e, sections& out, article_positions& positions, context& c) {
  const flow::node* n = node_of(c.kb, e);
  json item = timeline_item(e, n, c);
  using session::event_type;
  switch (e.type) {
    case event_type::searched:
    case event_type::describe: read_search(e, item, out, c); break;
    case event_type::opened:
    case event_type::helped: read_article(e, item, out, positions, c); break;
    case event_type::start:
    case event_type::confirm: read_flow_start(item, out); break;
    case event_type::choose: read_choice(e, n, item, out, c); break;
    case event_type::next: read_step_done(n, item, out); break;
    case event_type::feedback: read_feedback(e, n, item, out, c); break;
    case event_type::rate:
      item["rating"] = e.rating;
      item["text"] = c.scrub(e.text);
      break;
    case event_type::typed:
    case event_type::ask_person: read_typed(e, item, out, c); break;
    case event_type::handoff_offered: item["reason"] = e.text; break;
    case event_type::sent:
      item["text"] = c.scrub(e.text);  // the case code: a later case refers to it
      break;
    case event_type::language: item["language"] = e.lang; break;
    // Only when and where: nothing more to tell (an unknown type from an older or edited
    // save is listed by its name).
    case event_type::reject:
    case event_type::back:
    case event_type::restart:
    case event_type::something_else:
    case event_type::leave:
    case event_type::unknown: break;
  }
  return item;
}

// One pass over the events: the timeline, and the same facts grouped for quick reading.
sections read_events(const session::state& s, context& c) {
  sections out;
  article_positions positions;
  for (const session::event& e : s.events) out.timeline.push_back(read_event(e, out, positions, c));
  return out;
}

std::string weekday_date(const local_time& t) {
  return std::to_string(t.date.year) + "-" + two(t.date.month) + "-" + two(t.date.day) + " " +
         two(t.hour) + ":" + two(t.minute);
}

// The promised time as the reader writes a date (the catalogue's `date`: "Saturday 27
// March 2027, 15:45", "subota, 27. 3. 2027. u 15:45", "sobota, 27. 3. 2027 ob 15.45"):
// the customer reads it in the preview, the agent in the summary. From reply.local_text
// ("2027-03-27 15:45"), as it stands when it cannot be read.
std::string spoken_due(const words& w, const json& reply) {
  const std::string local = reply["local_text"].get<std::string>();
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  if (std::sscanf(local.c_str(), "%4d-%2d-%2d %2d:%2d", &year, &month, &day, &hour, &minute) != 5 ||
      month < 1 || month > 12) {
    return local;
  }
  const std::pair<std::string_view, std::string> parts[] = {
      {"{weekday}", w.weekdays[static_cast<std::size_t>(reply["weekday"].get<int>() % 7)]},
      {"{day}", std::to_string(day)},
      {"{month}", std::to_string(month)},
      {"{month_name}", w.months[static_cast<std::size_t>(month - 1)]},
      {"{year}", std::to_string(year)},
      {"{hh}", two(hour)},
      {"{h}", std::to_string(hour)},
      {"{mm}", two(minute)}};
  std::string out;
  for (std::size_t at = 0; at < w.date.size();) {
    const auto part = std::find_if(std::begin(parts), std::end(parts), [&](const auto& p) {
      return std::string_view(w.date).substr(at, p.first.size()) == p.first;
    });
    if (part == std::end(parts)) {
      out += w.date[at++];
    } else {
      out += part->second;
      at += part->first.size();
    }
  }
  return out;
}

// The teams' clock as every reader's language writes it, " (UTC+1)", " (UTC+5:30)", from
// reply.local ("2026-12-05T10:30+01:00"); a zone's name (Europe/Belgrade) would be Latin
// in a Cyrillic sentence and means nothing to most customers. Nothing when unreadable.
std::string utc_offset(const std::string& local) {
  int hours = 0, minutes = 0;
  char sign = 0;
  if (local.size() < 6 ||
      std::sscanf(local.c_str() + local.size() - 6, "%c%2d:%2d", &sign, &hours, &minutes) != 3 ||
      (sign != '+' && sign != '-')) {
    return "";
  }
  if (hours == 0 && minutes == 0) return " (UTC)";
  return std::string(" (UTC") + sign + std::to_string(hours) +
         (minutes ? ":" + two(minutes) : std::string()) + ")";
}

// The summary's first line: the case, its team, how urgent and why, and whether the
// customer asked for a person.
std::string headline(const json& pkg, const words& w, const std::vector<session::signal>& signals) {
  std::string out = w.case_word + " " + pkg["case_code"].get<std::string>() + " · ";
  const json& team = pkg["team"];
  out += team["name"].is_string() && !team["name"].get<std::string>().empty()
             ? team["name"].get<std::string>()
             : w.unknown_team;
  if (pkg["priority"] == "high") {
    out += " · " + w.priority_high;
    std::string why;
    for (const session::signal& sig : signals) {
      if (!why.empty()) why += ", ";
      why += w.signals[signal_index(sig.kind)];
      // The words of a phrase ("third time"); capitals and exclamation marks are the
      // whole message, which the lines below quote already.
      if (!sig.words.empty() && sig.kind != "shouting" && sig.kind != "exclamations") {
        why += ": " + quoted(w, sig.words);
      }
    }
    if (!why.empty()) out += " (" + why + ")";
  }
  if (team["reason"] == "asked") out += " · " + w.asked;
  return out + "\n";
}

// The problem in the flow's words and in the customer's (the description, then the last
// three things they typed beyond it, when asking for a person for example).
std::string problem_lines(const json& pkg, const words& w) {
  std::string out;
  const json& problem = pkg["problem"];
  if (!problem["summary"].get<std::string>().empty()) {
    out += w.problem + ": " + problem["summary"].get<std::string>() + "\n";
  }
  if (!problem["customer_words"].get<std::string>().empty()) {
    out += w.customer_wrote + ": " + quoted(w, problem["customer_words"].get<std::string>()) + "\n";
  }
  const json& typed = pkg["typed"];
  for (std::size_t i = typed.size() > 3 ? typed.size() - 3 : 0; i < typed.size(); ++i) {
    out += w.customer_wrote + ": " + quoted(w, typed[i]["text"].get<std::string>()) + "\n";
  }
  return out;
}

// What the customer already did: the solutions tried and how each went, the articles
// read, the searches (each once) and the rating.
std::string done_lines(const json& pkg, const words& w) {
  std::string out;
  const json& tried = pkg["alternatives"];
  if (tried.empty()) {
    out += w.nothing_tried + "\n";
  } else {
    out += w.tried + ":";
    int i = 0;
    for (const json& t : tried) {
      out += (i++ ? "; " : " ") + t["title"].get<std::string>() + " — " +
             w.answers[answer_index(t["outcome"].get<std::string>())];
    }
    out += "\n";
  }
  if (!pkg["articles"].empty()) {
    out += w.read + ":";
    int i = 0;
    for (const json& a : pkg["articles"]) {
      out += (i++ ? "; " : " ") + a["title"].get<std::string>();
      if (a["helped"].is_boolean())
        out += " (" + (a["helped"].get<bool>() ? w.helped_yes : w.helped_no) + ")";
    }
    out += "\n";
  }
  // Each search once, and none the problem's lines above already quote.
  std::vector<std::string> queries{pkg["problem"]["customer_words"].get<std::string>()};
  const json& typed = pkg["typed"];
  for (std::size_t i = typed.size() > 3 ? typed.size() - 3 : 0; i < typed.size(); ++i) {
    queries.push_back(typed[i]["text"].get<std::string>());
  }
  const std::size_t quoted_above = queries.size();
  for (const json& q : pkg["searches"]) {
    const std::string text = q["query"].get<std::string>();
    if (!text.empty() && std::find(queries.begin(), queries.end(), text) == queries.end()) {
      queries.push_back(text);
    }
  }
  queries.erase(queries.begin(), queries.begin() + static_cast<std::ptrdiff_t>(quoted_above));
  if (!queries.empty()) {
    out += w.searched + ":";
    for (std::size_t i = 0; i < queries.size(); ++i)
      out += (i ? "; " : " ") + quoted(w, queries[i]);
    out += "\n";
  }
  if (pkg["satisfaction"]["rating"].is_number()) {
    out += w.rating + ": " + std::to_string(pkg["satisfaction"]["rating"].get<int>()) + "/5\n";
  }
  return out;
}

// What the customer wrote in the form, how to reach them and by when they were promised
// an answer.
std::string contact_lines(const json& pkg, const words& w) {
  std::string out;
  // What the team asked for (order number, contract number), each under its own label.
  if (pkg.contains("fields")) {
    for (const json& f : pkg["fields"]) {
      out += f["label"].get<std::string>() + ": " + f["value"].get<std::string>() + "\n";
    }
  }
  if (pkg.contains("message"))
    out += w.message + ": " + quoted(w, pkg["message"].get<std::string>()) + "\n";
  if (pkg.contains("customer")) {
    std::string who;
    for (const char* key : {"name", "contact"}) {
      if (!pkg["customer"].contains(key)) continue;
      if (!who.empty()) who += ", ";
      who += pkg["customer"][key].get<std::string>();
    }
    out += w.contact + ": " + who + "\n";
  } else {
    out += w.no_contact + "\n";
  }
  if (pkg["reply"].is_object()) {
    out += w.reply_by + ": " + spoken_due(w, pkg["reply"]) +
           utc_offset(pkg["reply"]["local"].get<std::string>()) + "\n";
  } else {
    out += w.no_reply_promise + "\n";
  }
  return out;
}

// The plain-text summary: the few lines an agent reads first (about 20 seconds).
std::string summary(const json& pkg, std::string_view lang,
                    const std::vector<session::signal>& signals) {
  const words& w = summary_words_for(lang);
  return headline(pkg, w, signals) + problem_lines(pkg, w) + done_lines(pkg, w) +
         contact_lines(pkg, w);
}

}  // namespace

std::string case_code(std::uint64_t seed) {
  std::string payload;
  for (int i = 0; i < 7; ++i) {
    payload += code_alphabet[seed % code_alphabet.size()];
    seed /= code_alphabet.size();
  }
  payload += check_character(payload);
  return payload.substr(0, 4) + "-" + payload.substr(4);
}

bool valid_case_code(std::string_view code) {
  if (code.size() != 9 || code[4] != '-') return false;
  std::string payload = std::string(code.substr(0, 4)) + std::string(code.substr(5));
  for (char ch : payload) {
    if (code_alphabet.find(ch) == std::string_view::npos) return false;
  }
  return check_character(std::string_view(payload).substr(0, 7)) == payload[7];
}

std::string utc_iso(long long ms) {
  ms = std::clamp(ms, 0LL, detail::max_time_ms);
  const long long seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
  const int millis = static_cast<int>(ms - seconds * 1000);
  const local_time t = to_local(utc(), seconds * 1000);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", t.date.year, t.date.month,
                t.date.day, t.hour, t.minute, static_cast<int>(seconds % 60 + 60) % 60, millis);
  return buf;
}

namespace {

// "now": ms since 1970, a time before the year 10000.
status read_now(const json& j, const std::string& what, long long& out) {
  const auto number = j.find("now");
  if (number == j.end() || !number->is_number() || !detail::valid_time(number->get<double>())) {
    return {errc::invalid_argument, what + " needs 'now' (ms since 1970, before 10000)"};
  }
  out = static_cast<long long>(number->get<double>());
  return ok_status();
}

// "seed": 1 to 16 hex digits (JavaScript numbers hold only 53 bits).
status read_seed(const json& j, std::uint64_t& out) {
  const std::string seed = detail::read_string(j, "seed");
  if (seed.empty() || seed.size() > 16) {
    return {errc::invalid_argument, "'seed' must be 1 to 16 hex digits"};
  }
  out = 0;
  for (char ch : seed) {
    const int v = ch >= '0' && ch <= '9'   ? ch - '0'
                  : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                  : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                           : -1;
    if (v < 0) return {errc::invalid_argument, "'seed' must be hex digits"};
    out = out * 16 + static_cast<std::uint64_t>(v);
  }
  return ok_status();
}

}  // namespace

result<package_request> request_from_json(std::string_view text) {
  const json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (!j.is_object()) return {errc::invalid_argument, "a package request is a JSON object"};
  package_request r;
  if (const status read = read_now(j, "a package request", r.now); !read.ok()) return read.err();
  r.lang = detail::read_string(j, "lang");
  if (r.lang.empty()) r.lang = ha::base_language;
  r.page = detail::read_string(j, "page");
  r.name = detail::read_string(j, "name");
  r.contact = detail::read_string(j, "contact");
  r.message = detail::read_string(j, "message");
  if (const auto fields = j.find("fields"); fields != j.end() && fields->is_object()) {
    for (const auto& [id, value] : fields->items()) {
      if (value.is_string()) r.fields[id] = value.get<std::string>();
    }
  }
  r.channel = detail::read_string(j, "channel");
  if (r.channel.empty()) r.channel = "local";
  if (const status read = read_seed(j, r.seed); !read.ok()) return read.err();
  return r;
}

result<update_request> update_request_from_json(std::string_view text) {
  const json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (!j.is_object()) return {errc::invalid_argument, "an update request is a JSON object"};
  update_request r;
  if (const status read = read_now(j, "an update request", r.now); !read.ok()) return read.err();
  r.lang = detail::read_string(j, "lang");
  r.case_code = detail::read_string(j, "case_code");
  r.message = detail::read_string(j, "message");
  if (const status read = read_seed(j, r.seed); !read.ok()) return read.err();
  return r;
}

result<std::string> build_update(const update_request& r) {
  if (!valid_case_code(r.case_code)) {
    return {errc::invalid_argument, "'" + cut(r.case_code, 20) + "' is not a case code"};
  }
  if (r.message.find_first_not_of(" \t\r\n") == std::string::npos) {
    return {errc::invalid_argument, "an update needs something to add"};
  }
  const std::string lang =
      ha::is_content_language(r.lang) ? r.lang : std::string(ha::base_language);
  scrubber scrub;
  json pkg;
  pkg["version"] = package_version;
  pkg["kind"] = "update";
  pkg["case_code"] = r.case_code;
  char id[17];
  std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(r.seed));
  pkg["update_id"] = id;
  pkg["created_at"] = utc_iso(r.now);
  pkg["language"] = lang;
  pkg["script"] = ha::language_or_base(lang).script;
  // Cut again after redaction, which can lengthen it (a password's words become six dots
  // each): the update's schema allows 4,000 characters.
  pkg["message"] = cut(scrub(cut(r.message, max_message_chars)), max_message_chars);
  pkg["redacted"] = scrub.list();
  const words& w = summary_words_for(lang);
  pkg["summary"] = w.update_of + " " + r.case_code + "\n" + w.message + ": " +
                   pkg["message"].get<std::string>() + "\n";
  return detail::write(pkg, 2);
}

namespace {

// Each frustration signal, and the customer's own words that show it (for the phrase
// kinds, shouting and exclamation marks), so the agent sees why the case came first (P9).
void add_signals(json& pkg, const std::vector<session::signal>& signals, context& c) {
  pkg["priority"] = signals.empty() ? "normal" : "high";
  pkg["signals"] = json::array();
  pkg["signal_words"] = json::array();
  for (const session::signal& sig : signals) {
    pkg["signals"].push_back(sig.kind);
    if (!sig.words.empty()) {
      pkg["signal_words"].push_back({{"signal", sig.kind}, {"words", c.scrub(sig.words)}});
    }
  }
}

// When a person will answer (null when the team's hours never allow it).
json reply_part(const config& settings, const std::string& team, const package_request& r) {
  const reply_estimate reply = estimate_reply(settings, team, r.channel, r.now);
  if (reply.due < 0) return nullptr;
  return {{"channel", r.channel},
          {"working_minutes", reply.working_minutes},
          {"due_at", utc_iso(reply.due)},
          {"local", local_iso(reply.local)},
          {"local_text", weekday_date(reply.local)},
          {"weekday", reply.local.weekday},
          {"days_ahead", reply.days_ahead},
          {"time_zone", settings.zone_name}};
}

// What the customer wrote in the form: name and contact, the fields the case's team
// declares in site.yaml (in its order, those filled in; anything else the page sends is
// left out) and the message, each cut to its size and with secrets taken out.
void add_form(json& pkg, const package_request& r, const config& settings,
              const std::string& team, context& c) {
  json customer = json::object();
  if (!r.name.empty()) customer["name"] = cut(r.name, max_field_chars);
  if (!r.contact.empty()) customer["contact"] = cut(r.contact, max_field_chars);
  if (!customer.empty()) pkg["customer"] = customer;
  if (const auto declared = settings.fields.find(team); declared != settings.fields.end()) {
    json fields = json::array();
    for (const field& wanted : declared->second) {
      const auto given = r.fields.find(wanted.id);
      if (given == r.fields.end() || given->second.find_first_not_of(" \t\r\n") == std::string::npos) {
        continue;
      }
      // Cut again after redaction, which can lengthen it (the schema allows 200).
      const std::string value = cut(c.scrub(cut(given->second, max_field_chars)), max_field_chars);
      fields.push_back(
          {{"id", wanted.id}, {"label", flow::pick(wanted.label, c.lang)}, {"value", value}});
    }
    if (!fields.empty()) pkg["fields"] = std::move(fields);
  }
  if (!r.message.empty()) pkg["message"] = c.scrub(cut(r.message, max_message_chars));
}

}  // namespace

result<std::string> build_package(const session::state& s, const kb::knowledge_base& kb,
                                  const package_request& r) {
  if (s.current != session::phase::handoff) {
    return {errc::invalid_argument, "a case is made only when a person is offered"};
  }
  // A language the package cannot be written in (empty, unknown, not UTF-8) is English.
  context c{kb, ha::is_content_language(r.lang) ? r.lang : std::string(ha::base_language), {}};
  const flow::flow* f = s.flow.empty() ? nullptr : kb.find_flow(s.flow);
  const std::vector<session::signal> signals =
      session::frustration(s, kb, session::reach::whole_conversation);

  json pkg;
  pkg["version"] = package_version;
  pkg["case_code"] = case_code(r.seed);
  pkg["created_at"] = utc_iso(r.now);
  pkg["language"] = c.lang;
  pkg["script"] = ha::language_or_base(c.lang).script;
  pkg["page"] = cut(r.page, max_page_chars);

  // The problem: the flow's restatement (which the customer confirmed, P2) as said of
  // the customer (its `summary`; the agent is not the one whose internet is down), and
  // the customer's words; with no flow, what they last searched for.
  sections ev = read_events(s, c);
  std::string customer_words = c.scrub(s.described);
  std::string restated =
      !f ? std::string() : flow::pick(f->summary.empty() ? f->problem : f->summary, c.lang);
  if (!f && customer_words.empty() && !ev.searches.empty()) {
    customer_words = ev.searches.back()["query"].get<std::string>();
  }
  pkg["problem"] = {
      {"summary", restated}, {"customer_words", customer_words}, {"flow", c.flow_ref(s.flow)}};

  pkg["team"] = {
      {"id", s.handoff_team},
      {"name", s.handoff_team.empty() ? std::string() : kb.team_name(s.handoff_team, c.lang)},
      {"reason", s.handoff_reason.empty() ? std::string("asked") : s.handoff_reason}};
  add_signals(pkg, signals, c);
  pkg["reply"] = reply_part(kb.handoff_config(), s.handoff_team, r);
  add_form(pkg, r, kb.handoff_config(), s.handoff_team, c);

  pkg["searches"] = std::move(ev.searches);
  pkg["articles"] = std::move(ev.articles);
  pkg["flow_path"] = std::move(ev.flow_path);
  pkg["alternatives"] = std::move(ev.alternatives);
  pkg["typed"] = std::move(ev.typed);
  const bool solved = std::any_of(s.events.begin(), s.events.end(), [](const session::event& e) {
    return e.type == session::event_type::feedback && e.answer == "yes";
  });
  pkg["satisfaction"] = {{"solved", solved},
                         {"rating", s.rating > 0 ? json(s.rating) : json(nullptr)},
                         {"comment", c.scrub(s.comment)}};
  pkg["timeline"] = std::move(ev.timeline);
  pkg["redacted"] = c.scrub.list();
  pkg["summary"] = summary(pkg, c.lang, signals);
  return detail::write(pkg, 2);
}

}  // namespace ha::handoff
