// The one Embind bindings file: the only place where C++ meets JavaScript.
//
// JavaScript gets one long-lived handle, `Engine`, and plain JS objects back. Every call
// returns {ok: true, ...} or {ok: false, error: {code, message}}; no C++ exception and no
// raw pointer crosses. Names are camelCase here and snake_case in core.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <optional>
#include <string>

#include "common/json_io.hpp"

#include "site/config.hpp"
#include "handoff/package.hpp"
#include "kb/fts_tokenizer.hpp"
#include "kb/knowledge_base.hpp"
#include "kb/paged.hpp"
#include "kb/schema.hpp"
#include "session/session.hpp"
#include "text/tokenizer.hpp"
#include "text/transliterate.hpp"

using emscripten::val;

namespace {

val failure(const ha::error& e) {
  val error = val::object();
  error.set("code", std::string(ha::to_string(e.code)));
  error.set("message", e.message);
  val out = val::object();
  out.set("ok", false);
  out.set("error", error);
  return out;
}

val success() {
  val out = val::object();
  out.set("ok", true);
  return out;
}

val strings(const std::vector<std::string>& items) {
  val array = val::array();
  for (const auto& item : items) array.call<void>("push", item);
  return array;
}

// An option of a JS object, used only when it has the expected type: anything else
// (a missing key, a string for a number, NaN, Infinity) is the fallback, never a throw.
val option(const val& options, const char* key) {
  if (options.isUndefined() || options.isNull() || options.typeOf().as<std::string>() != "object") {
    return val::undefined();
  }
  return options[key];
}

std::string string_option(const val& options, const char* key, const std::string& fallback) {
  const val v = option(options, key);
  return v.isString() ? v.as<std::string>() : fallback;
}

bool bool_option(const val& options, const char* key, bool fallback) {
  const val v = option(options, key);
  return v.isTrue() ? true : v.isFalse() ? false : fallback;
}

// A whole number from 1 to max_count; the fallback for anything else.
std::size_t count_option(const val& options, const char* key, std::size_t fallback,
                         double max_count = 1000) {
  const val v = option(options, key);
  if (!v.isNumber()) return fallback;
  const double d = v.as<double>();
  return std::isfinite(d) && d >= 1 && d <= max_count ? static_cast<std::size_t>(d) : fallback;
}

class engine {
 public:
  // A knowledge base read in pages (kb/paged.hpp): layout {pageSize, pageCount,
  // chunkPages} from kb/manifest.json. Then addHot() and addChunk() give it bytes, and
  // openPages() opens it. Any call may then answer {ok: false, error: {code:
  // 'pages_missing'}, chunks: [index, ...]}: add those chunks and call again.
  val use_pages(const val& layout) {
    ha::kb::page_layout l;
    l.page_size = static_cast<std::uint32_t>(count_option(layout, "pageSize", 0, 65536));
    l.page_count = static_cast<std::uint32_t>(count_option(layout, "pageCount", 0, 1 << 24));
    l.chunk_pages = static_cast<std::uint32_t>(count_option(layout, "chunkPages", 0, 1024));
    auto checked = ha::kb::page_store::check(l);
    if (!checked) return failure(checked.err());
    kb_.reset();
    pages_ = std::make_shared<ha::kb::page_store>(checked.value());
    return success();
  }

  // The hot pages: their numbers (an array) and their bytes, one after another.
  val add_hot(const val& numbers, const std::string& bytes) {
    if (!pages_) return failure({ha::errc::invalid_argument, "no paged knowledge base"});
    std::vector<std::uint32_t> list;
    const auto length = numbers.isArray() ? numbers["length"].as<unsigned>() : 0u;
    for (unsigned i = 0; i < length; ++i) {
      const val n = numbers[i];
      if (!n.isNumber()) return failure({ha::errc::invalid_argument, "page numbers are numbers"});
      const double d = n.as<double>();
      if (!(d >= 0 && d < 4294967296.0))
        return failure({ha::errc::invalid_argument, "no such page"});
      list.push_back(static_cast<std::uint32_t>(d));
    }
    if (auto added = pages_->add_pages(list, bytes); !added) return failure(added.err());
    return success();
  }

  val add_chunk(double index, const std::string& bytes) {
    if (!pages_) return failure({ha::errc::invalid_argument, "no paged knowledge base"});
    if (!(index >= 0 && index < 1e9)) return failure({ha::errc::invalid_argument, "no such chunk"});
    if (auto added = pages_->add_chunk(static_cast<std::size_t>(index), bytes); !added) {
      return failure(added.err());
    }
    return success();
  }

  val open_pages() {
    if (!pages_) return failure({ha::errc::invalid_argument, "no paged knowledge base"});
    auto opened = ha::kb::knowledge_base::open_pages(pages_);
    if (!opened) return checked(failure(opened.err()));
    kb_.emplace(std::move(opened).value());
    return checked(opened_info());
  }

  // bytes: the kb.sqlite file (a Uint8Array or ArrayBuffer).
  val open(const std::string& bytes) {
    auto opened = ha::kb::knowledge_base::open_image(bytes);
    if (!opened) return failure(opened.err());
    pages_.reset();
    kb_.emplace(std::move(opened).value());
    return opened_info();
  }

  // options: {lang, limit, includeAgent, category, includeFlows}
  val search(const std::string& query, const val& options) const {
    return checked(search_now(query, options));
  }
  val for_page(const std::string& page, const val& options) const {
    return checked(for_page_now(page, options));
  }
  val article(const std::string& id, const std::string& lang) const {
    return checked(article_now(id, lang));
  }
  val converse(const std::string& state_json, const std::string& action_json,
               const std::string& lang) const {
    return checked(converse_now(state_json, action_json, lang));
  }
  val render(const std::string& state_json, const std::string& lang) const {
    return checked(render_now(state_json, lang));
  }
  val handoff(const std::string& state_json, const std::string& request_json) const {
    return checked(handoff_now(state_json, request_json));
  }

  // More for a case already sent: {ok, update} (the update as JSON text, docs/handoff.md)
  // or {ok: false, error}. request: {now, lang, case_code, message, seed}. Needs no
  // knowledge base: a customer may add to a case while the help center cannot open.
  val update(const std::string& request_json) const {
    auto request = ha::handoff::update_request_from_json(request_json);
    if (!request) return failure(request.err());
    auto built = ha::handoff::build_update(request.value());
    if (!built) return failure(built.err());
    val out = success();
    out.set("update", built.value());
    return out;
  }

 private:
  val search_now(const std::string& query, const val& options) const {
    if (!kb_) return failure({ha::errc::invalid_argument, "no knowledge base is open"});
    auto found = kb_->search(query, read_options(options));
    if (!found) return failure(found.err());
    val out = success();
    out.set("lang", found.value().lang);
    out.set("queryLang", found.value().query_lang);
    out.set("corrected", found.value().corrected);
    out.set("coverage", found.value().coverage);
    out.set("confidence", found.value().confidence);
    out.set("confident", found.value().confident);
    out.set("hits", hit_values(found.value().hits));
    return out;
  }

  // Suggestions for a page of the site before the customer types (P13): {ok, hits}, the
  // hits shaped as search()'s. options: {lang, limit, includeAgent, category}.
  val for_page_now(const std::string& page, const val& options) const {
    if (!kb_) return failure({ha::errc::invalid_argument, "no knowledge base is open"});
    auto found = kb_->for_page(page, read_options(options));
    if (!found) return failure(found.err());
    val out = success();
    out.set("hits", hit_values(found.value()));
    return out;
  }

  val article_now(const std::string& id, const std::string& lang) const {
    if (!kb_) return failure({ha::errc::invalid_argument, "no knowledge base is open"});
    auto found = kb_->get_article(id, lang);
    if (!found) return failure(found.err());
    const auto& a = found.value();
    val out = success();
    out.set("id", a.id);
    out.set("lang", a.lang);
    out.set("title", a.title);
    out.set("category", a.category);
    out.set("audience", a.audience);
    out.set("kind", a.kind);
    out.set("html", a.html);
    out.set("tags", strings(a.tags));
    out.set("pages", strings(a.pages));
    out.set("languages", strings(a.languages));
    return out;
  }

  // The conversation: state is a saved session (session.hpp's JSON; "" for a new one),
  // action one action as JSON. Returns {ok, state, view}: the new state to save and what
  // to show, both as JSON text (the page stores the state as it is, in IndexedDB).
  val converse_now(const std::string& state_json, const std::string& action_json,
                   const std::string& lang) const {
    if (!kb_) return failure({ha::errc::invalid_argument, "no knowledge base is open"});
    auto state = load_state(state_json);
    if (!state) return failure(state.err());
    auto action = ha::session::action_from_json(action_json);
    if (!action) return failure(action.err());
    if (auto applied = ha::session::apply(state.value(), action.value(), *kb_); !applied) {
      return failure(applied.err());
    }
    return conversation(state.value(), lang);
  }

  // What a saved conversation shows now, in lang (after a reload or a language change).
  val render_now(const std::string& state_json, const std::string& lang) const {
    if (!kb_) return failure({ha::errc::invalid_argument, "no knowledge base is open"});
    auto state = load_state(state_json);
    if (!state) return failure(state.err());
    return conversation(state.value(), lang);
  }

  // The handoff package for a conversation at the offer of a person (handoff/package.hpp):
  // request is {now, lang, page, name, contact, message, channel, seed}. {ok, package}
  // with the package as JSON text, exactly what the customer previews and sends.
  val handoff_now(const std::string& state_json, const std::string& request_json) const {
    if (!kb_) return failure({ha::errc::invalid_argument, "no knowledge base is open"});
    auto state = load_state(state_json);
    if (!state) return failure(state.err());
    auto request = ha::handoff::request_from_json(request_json);
    if (!request) return failure(request.err());
    auto pkg = ha::handoff::build_package(state.value(), *kb_, request.value());
    if (!pkg) return failure(pkg.err());
    val out = success();
    out.set("package", pkg.value());
    return out;
  }

 public:
  // When a person answers a case for team sent by channel at now (ms since 1970):
  // {ok, dueAt (ms, or null when nothing is promised), local {year, month, day, weekday
  // (0 = Sunday), hour, minute}, daysAhead, workingMinutes, timeZone}.
  val reply_time(const std::string& team, const std::string& channel, double now) const {
    if (!kb_) return failure({ha::errc::invalid_argument, "no knowledge base is open"});
    if (!ha::detail::valid_time(now)) {
      return failure({ha::errc::invalid_argument, "'now' must be ms since 1970, before 10000"});
    }
    const auto& settings = kb_->handoff_config();
    const auto r =
        ha::site::estimate_reply(settings, team, channel, static_cast<long long>(now));
    val out = success();
    out.set("timeZone", settings.zone_name);
    if (r.due < 0) {
      out.set("dueAt", val::null());
      return out;
    }
    val local = val::object();
    local.set("year", r.local.date.year);
    local.set("month", r.local.date.month);
    local.set("day", r.local.date.day);
    local.set("weekday", r.local.weekday);
    local.set("hour", r.local.hour);
    local.set("minute", r.local.minute);
    out.set("dueAt", static_cast<double>(r.due));
    out.set("local", local);
    out.set("daysAhead", r.days_ahead);
    out.set("workingMinutes", r.working_minutes);
    return out;
  }

  // site.yaml's contacts and handoff channels: {ok, company {name, phone, email,
  // website}, channels [{type, url, address, replyWithin}], timeZone, fields {team:
  // [{id, label, pattern}]}}.
  val settings() const {
    if (!kb_) return failure({ha::errc::invalid_argument, "no knowledge base is open"});
    const auto& c = kb_->handoff_config();
    val company = val::object();
    company.set("name", c.company_name);
    company.set("phone", c.phone);
    company.set("email", c.email);
    company.set("website", c.website);
    val channels = val::array();
    for (const auto& ch : c.channels) {
      val item = val::object();
      item.set("type", ch.type);
      if (!ch.url.empty()) item.set("url", ch.url);
      if (!ch.address.empty()) item.set("address", ch.address);
      item.set("replyWithin", ch.reply_within);
      channels.call<void>("push", item);
    }
    // What each team needs to take a case on: {team: [{id, label {lang: text}, pattern}]}.
    val fields = val::object();
    for (const auto& [team, list] : c.fields) {
      val items = val::array();
      for (const auto& f : list) {
        val item = val::object();
        item.set("id", f.id);
        val label = val::object();
        for (const auto& [lang, text] : f.label) label.set(lang, text);
        item.set("label", label);
        item.set("pattern", f.pattern);
        items.call<void>("push", item);
      }
      fields.set(team, items);
    }
    val out = success();
    out.set("company", company);
    out.set("channels", channels);
    out.set("timeZone", c.zone_name);
    out.set("fields", fields);
    return out;
  }

 private:
  val opened_info() const {
    const auto& info = kb_->info();
    val out = success();
    out.set("formatVersion", info.format_version);
    out.set("tokenizerVersion", info.tokenizer_version);
    out.set("contentHash", info.content_hash);
    out.set("articles", info.articles);
    out.set("confidenceThreshold", info.confidence_threshold);
    out.set("confidenceScale", info.confidence_scale);
    return out;
  }

  // An answer from a knowledge base read in pages that needed chunks it does not have
  // is replaced by the list of them: the caller fetches them and calls again.
  val checked(val answer) const {
    if (!pages_) return answer;
    const std::vector<std::size_t> missing = pages_->take_missing();
    if (missing.empty()) return answer;
    val out = failure({ha::errc::pages_missing, "fetch these chunks and call again"});
    val chunks = val::array();
    for (std::size_t i : missing) chunks.call<void>("push", static_cast<double>(i));
    out.set("chunks", chunks);
    return out;
  }

  static ha::kb::search_options read_options(const val& options) {
    ha::kb::search_options o;
    o.lang = string_option(options, "lang", std::string(ha::base_language));
    o.limit = count_option(options, "limit", 10);
    o.include_agent = bool_option(options, "includeAgent", false);
    o.category = string_option(options, "category", "");
    o.include_flows = bool_option(options, "includeFlows", true);
    o.correct = bool_option(options, "correct", true);
    o.keep_script = bool_option(options, "keepScript", false);
    return o;
  }

  static val hit_values(const std::vector<ha::kb::search_hit>& found) {
    val hits = val::array();
    for (const auto& h : found) {
      val hit = val::object();
      hit.set("id", h.id);
      hit.set("lang", h.lang);
      hit.set("title", h.title);
      hit.set("category", h.category);
      hit.set("audience", h.audience);
      hit.set("kind", h.kind);
      hit.set("snippetHtml", h.snippet_html);
      hit.set("score", h.score);
      hits.call<void>("push", hit);
    }
    return hits;
  }

  static ha::result<ha::session::state> load_state(const std::string& json) {
    if (json.empty()) return ha::session::state{};
    return ha::session::from_json(json);
  }

  val conversation(const ha::session::state& state, const std::string& lang) const {
    val out = success();
    out.set("state", ha::session::to_json(state));
    out.set("view", ha::session::view(state, *kb_, lang));
    return out;
  }

  std::shared_ptr<ha::kb::page_store> pages_;  // outlives kb_, which reads through it
  std::optional<ha::kb::knowledge_base> kb_;
};

std::string to_cyrillic(const std::string& latin) {
  return ha::text::serbian_latin_to_cyrillic(latin);
}

// The canonical tokens of a text, for tests and for authors checking how a word is indexed.
val tokenize(const std::string& text) {
  val out = val::array();
  for (const auto& t : ha::text::tokenize(text)) {
    val token = val::object();
    token.set("text", t.text);
    token.set("begin", static_cast<double>(t.begin));
    token.set("end", static_cast<double>(t.end));
    out.call<void>("push", token);
  }
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(help_assistant) {
  emscripten::class_<engine>("Engine")
      .constructor<>()
      .function("open", &engine::open)
      .function("usePages", &engine::use_pages)
      .function("addHot", &engine::add_hot)
      .function("addChunk", &engine::add_chunk)
      .function("openPages", &engine::open_pages)
      .function("search", &engine::search)
      .function("forPage", &engine::for_page)
      .function("article", &engine::article)
      .function("converse", &engine::converse)
      .function("render", &engine::render)
      .function("handoff", &engine::handoff)
      .function("update", &engine::update)
      .function("replyTime", &engine::reply_time)
      .function("settings", &engine::settings);
  emscripten::function("tokenize", &tokenize);
  // Serbian Latin → Cyrillic as kbc writes the Cyrillic articles (text/transliterate.hpp):
  // for tests that check the page keeps one script, and for authors.
  emscripten::function("toCyrillic", &to_cyrillic);
  emscripten::constant("formatVersion", ha::kb::format_version);
  emscripten::constant("tokenizerVersion", ha::kb::tokenizer_version);
}
