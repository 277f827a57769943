// The first-answer module (quick.wasm): the first-answer index (kb/quick_index.hpp) and
// nothing else, no SQLite and no Emscripten runtime, so that it arrives and starts
// before the whole engine has. web/engine-worker.js instantiates it itself and calls these
// plain C functions: strings go in as UTF-8 bytes written into quick_buffer(), results
// come out as JSON text the same way. Every call reports failure as JSON; nothing throws.
#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "kb/quick_index.hpp"

namespace {

std::optional<ha::kb::quick_index> the_index;
std::string buffer;  // what JavaScript writes in and reads out
std::string out;

void put_json_string(std::string& to, std::string_view s) {
  to.push_back('"');
  for (const char c : s) {
    switch (c) {
      case '"': to += "\\\""; break;
      case '\\': to += "\\\\"; break;
      case '\n': to += "\\n"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          to += escaped;
        } else {
          to.push_back(c);
        }
    }
  }
  to.push_back('"');
}

const char* failure(const ha::error& e) {
  out = "{\"ok\":false,\"error\":{\"code\":";
  put_json_string(out, ha::to_string(e.code));
  out += ",\"message\":";
  put_json_string(out, e.message);
  out += "}}";
  return out.c_str();
}

void put_names(std::string& to, const std::vector<std::string>& names) {
  to += "\"files\":[";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) to.push_back(',');
    put_json_string(to, names[i]);
  }
  to += "]";
}

const char* files(const std::vector<std::string>& names) {
  out = "{\"ok\":true,";
  put_names(out, names);
  out += "}";
  return out.c_str();
}

}  // namespace

extern "C" {

// A buffer of n bytes for JavaScript to write the next call's input into.
EMSCRIPTEN_KEEPALIVE char* quick_buffer(std::size_t n) {
  buffer.assign(n, '\0');
  return buffer.data();
}

// Opens the index from the head file in the buffer, after the customer's language
// (lang_bytes): {ok, files} with the texts to fetch at once for that language.
EMSCRIPTEN_KEEPALIVE const char* quick_open(std::size_t lang_bytes) {
  if (lang_bytes > buffer.size()) return failure({ha::errc::invalid_argument, "no language"});
  const std::string lang = buffer.substr(0, lang_bytes);
  auto opened = ha::kb::quick_index::open(std::string_view(buffer).substr(lang_bytes));
  if (!opened) return failure(opened.err());
  the_index = std::move(opened.value());
  return files(the_index->texts_for(lang));
}

// Adds a file: its name (name_bytes at the buffer's start), then its unzipped bytes.
EMSCRIPTEN_KEEPALIVE const char* quick_add(std::size_t name_bytes) {
  if (!the_index) return failure({ha::errc::invalid_argument, "open the index first"});
  if (name_bytes > buffer.size()) return failure({ha::errc::invalid_argument, "no name"});
  const std::string_view all(buffer);
  if (auto added = the_index->add(all.substr(0, name_bytes), all.substr(name_bytes)); !added) {
    return failure(added.err());
  }
  return files({});
}

// Searches: the buffer holds the language (lang_bytes), then the query; flags: 1 guided
// fixes too, 2 keep the script of the language (the customer chose it). {ok, hits, lang, quick: true}
// or {ok: false, error: {code: "pages_missing"}, files: [...]}.
EMSCRIPTEN_KEEPALIVE const char* quick_search(std::size_t lang_bytes, int limit, int flags) {
  if (!the_index) return failure({ha::errc::invalid_argument, "open the index first"});
  if (lang_bytes > buffer.size()) return failure({ha::errc::invalid_argument, "no language"});
  ha::kb::search_options options;
  options.lang = buffer.substr(0, lang_bytes);
  options.limit = limit > 0 ? static_cast<std::size_t>(limit) : 10;
  options.include_flows = (flags & 1) != 0;  // guided fixes too
  options.keep_script = (flags & 2) != 0;  // the customer chose the script
  const auto response = the_index->search(std::string_view(buffer).substr(lang_bytes), options);
  if (!response.missing.empty()) {
    out = "{\"ok\":false,\"error\":{\"code\":\"pages_missing\",\"message\":\"files missing\"},";
    put_names(out, response.missing);
    out += "}";
    return out.c_str();
  }
  out = "{\"ok\":true,\"quick\":true,\"confident\":false,\"corrected\":\"\",\"lang\":";
  put_json_string(out, response.found.lang);
  out += ",\"hits\":[";
  bool first = true;
  for (const auto& hit : response.found.hits) {
    if (!first) out.push_back(',');
    first = false;
    const std::pair<const char*, const std::string*> fields[] = {
        {"id", &hit.id},         {"lang", &hit.lang}, {"title", &hit.title},
        {"category", &hit.category}, {"audience", &hit.audience}, {"kind", &hit.kind},
        {"snippetHtml", &hit.snippet_html}};
    char separator = '{';
    for (const auto& [key, value] : fields) {
      out.push_back(separator);
      separator = ',';
      put_json_string(out, key);
      out.push_back(':');
      put_json_string(out, *value);
    }
    out += ",\"score\":" + std::to_string(hit.score) + "}";
  }
  out += "]}";
  return out.c_str();
}

// The length of the last result (its bytes start at the returned pointer).
EMSCRIPTEN_KEEPALIVE std::size_t quick_result_bytes() {
  return out.size();
}

}  // extern "C"
