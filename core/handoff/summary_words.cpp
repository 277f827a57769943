#include "handoff/summary_words.hpp"

#include "common/json_io.hpp"
#include "common/languages.hpp"
#include "text/transliterate.hpp"

#include <algorithm>
#include <map>

namespace ha::handoff {

namespace {

using nlohmann::json;

struct text_key {
  const char* key;
  std::string summary_words::*field;
};

constexpr text_key text_keys[] = {
    {"case", &summary_words::case_word},
    {"priority_high", &summary_words::priority_high},
    {"problem", &summary_words::problem},
    {"customer_wrote", &summary_words::customer_wrote},
    {"tried", &summary_words::tried},
    {"nothing_tried", &summary_words::nothing_tried},
    {"read", &summary_words::read},
    {"helped_yes", &summary_words::helped_yes},
    {"helped_no", &summary_words::helped_no},
    {"searched", &summary_words::searched},
    {"rating", &summary_words::rating},
    {"contact", &summary_words::contact},
    {"no_contact", &summary_words::no_contact},
    {"message", &summary_words::message},
    {"update_of", &summary_words::update_of},
    {"reply_by", &summary_words::reply_by},
    {"no_reply_promise", &summary_words::no_reply_promise},
    {"asked", &summary_words::asked},
    {"unknown_team", &summary_words::unknown_team},
    {"quote_open", &summary_words::quote_open},
    {"quote_close", &summary_words::quote_close},
    {"date", &summary_words::date},
};

constexpr const char* answer_keys[] = {"answer_yes", "answer_partly", "answer_no"};

std::vector<std::string> known_keys() {
  std::vector<std::string> keys{"inherits", "weekdays", "months"};
  for (const text_key& k : text_keys) keys.emplace_back(k.key);
  for (const char* k : answer_keys) keys.emplace_back(k);
  for (std::string_view kind : signal_kinds) keys.push_back("signal_" + std::string(kind));
  return keys;
}

// The catalogue as written; null when there is none (or it is not a JSON object).
json written(const word_files& files, std::string_view code) {
  for (const auto& [file_code, text] : files) {
    if (file_code != code) continue;
    json j = json::parse(text, nullptr, false);
    return j.is_object() ? j : json();
  }
  return json();
}

// The catalogue with what it inherits filled in. A chain longer than the number of
// catalogues is a loop, and stops.
json resolved(const word_files& files, std::string_view code) {
  json out = json::object();
  std::string at(code);
  for (std::size_t step = 0; step <= files.size() && !at.empty(); ++step) {
    const json j = written(files, at);
    if (!j.is_object()) break;
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (!out.contains(it.key())) out[it.key()] = it.value();
    }
    at = detail::read_string(j, "inherits");
  }
  out.erase("inherits");
  return out;
}

template <std::size_t N>
void read_list(const json& j, const char* key, std::array<std::string, N>& out) {
  const std::vector<std::string> items = detail::read_strings(j, key);
  for (std::size_t i = 0; i < N && i < items.size(); ++i) out[i] = items[i];
}

summary_words words_of(const json& j) {
  summary_words w;
  for (const text_key& k : text_keys) w.*(k.field) = detail::read_string(j, k.key);
  for (std::size_t i = 0; i < w.answers.size(); ++i) {
    w.answers[i] = detail::read_string(j, answer_keys[i]);
  }
  for (std::size_t i = 0; i < w.signals.size(); ++i) {
    w.signals[i] = detail::read_string(j, ("signal_" + std::string(signal_kinds[i])).c_str());
  }
  read_list(j, "weekdays", w.weekdays);
  read_list(j, "months", w.months);
  return w;
}

// Serbian Cyrillic from Serbian Latin, the placeholders of a pattern ({weekday}) kept.
std::string made_text(std::string_view latin) {
  std::string out;
  std::size_t at = 0;
  while (at < latin.size()) {
    const std::size_t open = latin.find('{', at);
    const std::size_t close = open == std::string_view::npos ? open : latin.find('}', open);
    if (close == std::string_view::npos) {
      out += text::serbian_latin_to_cyrillic(latin.substr(at));
      break;
    }
    out += text::serbian_latin_to_cyrillic(latin.substr(at, open - at));
    out += latin.substr(open, close + 1 - open);
    at = close + 1;
  }
  return out;
}

summary_words made_words(summary_words w) {
  for (const text_key& k : text_keys) w.*(k.field) = made_text(w.*(k.field));
  for (std::string& s : w.answers) s = made_text(s);
  for (std::string& s : w.signals) s = made_text(s);
  for (std::string& s : w.weekdays) s = made_text(s);
  for (std::string& s : w.months) s = made_text(s);
  return w;
}

const std::map<std::string, summary_words, std::less<>>& all_words() {
  static const auto all = [] {
    std::map<std::string, summary_words, std::less<>> out;
    for (const language& l : languages) {
      out[std::string(l.code)] = l.written ? words_of(resolved(summary_word_files, l.code))
                                           : made_words(words_of(resolved(summary_word_files, l.made_from)));
    }
    return out;
  }();
  return all;
}

}  // namespace

const summary_words& summary_words_for(std::string_view lang) {
  const auto& all = all_words();
  const auto it = all.find(lang);
  return it != all.end() ? it->second : all.find(base_language)->second;
}

std::vector<std::string> summary_catalogue_problems(const word_files& files) {
  std::vector<std::string> problems;
  const std::vector<std::string> keys = known_keys();
  for (const auto& [code, text] : files) {
    const std::string file = std::string(code) + ".json";
    const language* l = find_language(code);
    if (l == nullptr || l->code != code || !l->written) {
      problems.push_back(file + ": not a written content language (common/languages.hpp)");
    }
    const json j = written(files, code);
    if (!j.is_object()) {
      problems.push_back(file + ": not a JSON object");
      continue;
    }
    const std::string parent = detail::read_string(j, "inherits");
    const json inherited = parent.empty() ? json::object() : resolved(files, parent);
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key().starts_with("_")) continue;  // a note for the people who write it
      if (std::find(keys.begin(), keys.end(), it.key()) == keys.end()) {
        problems.push_back(file + ": unknown key '" + it.key() + "'");
      } else if (it.key() != "inherits" && inherited.contains(it.key()) &&
                 inherited[it.key()] == it.value()) {
        problems.push_back(file + ": '" + it.key() + "' repeats " + parent + ".json");
      }
    }
  }
  for (const language& l : languages) {
    if (!l.written) continue;
    const std::string file = std::string(l.code) + ".json";
    const json j = resolved(files, l.code);
    if (!written(files, l.code).is_object()) {
      problems.push_back(file + ": missing (every written content language needs one)");
      continue;
    }
    const summary_words w = words_of(j);
    for (const text_key& k : text_keys) {
      if ((w.*(k.field)).empty()) problems.push_back(file + ": '" + k.key + "' is missing");
    }
    for (std::size_t i = 0; i < w.answers.size(); ++i) {
      if (w.answers[i].empty()) problems.push_back(file + ": '" + answer_keys[i] + "' is missing");
    }
    for (std::size_t i = 0; i < w.signals.size(); ++i) {
      if (w.signals[i].empty()) {
        problems.push_back(file + ": 'signal_" + std::string(signal_kinds[i]) + "' is missing");
      }
    }
    if (detail::read_strings(j, "weekdays").size() != 7) {
      problems.push_back(file + ": 'weekdays' needs 7 names, Sunday first");
    }
    if (w.date.find("{month_name}") != std::string::npos &&
        detail::read_strings(j, "months").size() != 12) {
      problems.push_back(file + ": 'months' needs 12 names, as 'date' names the month");
    }
  }
  return problems;
}

}  // namespace ha::handoff
