#include "common/languages.hpp"

#include <algorithm>
#include <string>

namespace ha {

const language* find_language(std::string_view code_or_source) noexcept {
  const auto it = std::find_if(languages.begin(), languages.end(), [&](const language& l) {
    return l.code == code_or_source || (l.written && l.source == code_or_source);
  });
  return it == languages.end() ? nullptr : &*it;
}

const language& language_or_base(std::string_view code_or_source) noexcept {
  const language* l = find_language(code_or_source);
  return l != nullptr ? *l : languages.front();
}

bool is_made_language(std::string_view code) noexcept {
  const language* l = find_language(code);
  return l != nullptr && !l->written;
}

bool is_content_language(std::string_view lang) noexcept {
  return std::find(content_languages.begin(), content_languages.end(), lang) !=
         content_languages.end();
}

std::string_view stored_code(std::string_view source) noexcept {
  const language* l = find_language(source);
  return l != nullptr ? l->code : source;
}

std::string_view source_code(std::string_view code) noexcept {
  const language* l = find_language(code);
  return l != nullptr && l->code == code ? l->source : code;
}

std::string_view written_source(std::string_view code) noexcept {
  const language* l = find_language(code);
  if (l != nullptr && !l->written) l = find_language(l->made_from);
  return l != nullptr ? l->source : code;
}

std::string_view derived_language(std::string_view code) noexcept {
  for (const language& l : languages) {
    if (!l.made_from.empty() && l.made_from == code) return l.code;
  }
  return {};
}

std::string_view source_codes_text() noexcept {
  static const std::string text = [] {
    std::string out;
    std::size_t left = std::count_if(languages.begin(), languages.end(),
                                     [](const language& l) { return l.written; });
    for (const language& l : languages) {
      if (!l.written) continue;
      out += l.source;
      --left;
      if (left > 1) out += ", ";
      if (left == 1) out += " or ";
    }
    return out;
  }();
  return text;
}

std::span<const std::string_view> fallback_chain(std::string_view lang) noexcept {
  return fallback_chains[static_cast<std::size_t>(&language_or_base(lang) - languages.data())];
}

std::string_view display_language(std::string_view written, bool query_is_cyrillic,
                                  bool keep_script, std::string_view chosen) noexcept {
  // Cyrillic words are read in the language the table writes in Cyrillic.
  const auto cyrillic = std::find_if(languages.begin(), languages.end(),
                                     [](const language& l) { return l.script == "Cyrl"; });
  const language* w =
      query_is_cyrillic && cyrillic != languages.end() ? &*cyrillic : find_language(written);
  if (w == nullptr) return base_language;
  // A language stored in two scripts: the one written and the one kbc makes from it.
  const std::string_view source = w->written ? w->code : w->made_from;
  const std::string_view made = derived_language(source);
  if (keep_script && !made.empty()) return chosen == made ? made : source;
  return w->code;
}

std::vector<std::string_view> date_languages(std::string_view lang) {
  std::vector<std::string_view> out{lang};
  if (const language* l = find_language(lang)) {
    out.front() = l->code;
    detail::for_each_listed(l->dates, [&](std::string_view code) { out.push_back(code); });
  }
  return out;
}

}  // namespace ha
