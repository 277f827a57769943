// The content languages of a knowledge base: one table, from which the rest of the core
// reads what it needs to know about a language (the name authors give it, the order in
// which a customer's language falls back to another, how it writes the old yat vowel).
#pragma once

#include <array>
#include <span>
#include <string_view>
#include <vector>

namespace ha {

// How a South Slavic language writes the old yat vowel: Serbian "mleko, reč" (ekavian),
// Croatian and Bosnian "mlijeko, riječ" (ijekavian). Articles are checked against it.
enum class yat_reflex { none, ekavian, ijekavian };

// The stemmer a language's words are stored by (text/stem.hpp): English, the one for
// Bosnian, Croatian and Serbian together, Slovenian.
enum class stemmer { english, bcs, slovene };

struct language {
  std::string_view code;       // the BCP 47 tag stored in kb.sqlite
  std::string_view name;       // in English, for kbc's messages
  std::string_view source;     // the name authors give it in the knowledge base's files
  bool written;                // false: kbc makes it from `made_from`
  std::string_view made_from;  // (Serbian Cyrillic from Serbian Latin, letter by letter)
  yat_reflex reflex;
  std::string_view script;  // ISO 15924: "Latn", "Cyrl"
  ha::stemmer stemmer;
  // The section headings a troubleshooting article has in this language (P5: why it
  // happens, how to avoid it); kbc checks for them. Empty for a language kbc makes.
  std::string_view why_heading, avoid_heading;
  // After the language itself, the closest ones, nearest first, separated by spaces (sr ↔
  // bs ↔ hr, Slovenian to Croatian, English); fallback_chain() adds the ones not named.
  std::string_view fallback;
  std::string_view dictionary;  // hunspell's name for its dictionary ("hr_HR"), or ""
  std::string_view autonym;     // its name in itself, for the page's menu ("Hrvatski")
  // Where a browser has no dates in it, the languages whose month and day names stand in,
  // nearest first, separated by spaces (Bosnian: Serbian Latin's, then Croatian's).
  std::string_view dates;
};

// The rows are data (common/language_table.inc): adding a language is a row there and
// its data files. A build may read another table, HA_LANGUAGE_TABLE (a test's seventh
// language). Serbian is stored in both scripts; kbc makes the Cyrillic version from the
// Latin source ("sr"), so the two are always in step.
#ifndef HA_LANGUAGE_TABLE
#define HA_LANGUAGE_TABLE "common/language_table.inc"
#endif
inline constexpr auto languages = std::to_array<language>({
#include HA_LANGUAGE_TABLE
});

// The stored codes, in the table's order (a bit per language in the first-answer index).
inline constexpr std::array<std::string_view, languages.size()> content_languages = [] {
  std::array<std::string_view, languages.size()> codes{};
  for (std::size_t i = 0; i < languages.size(); ++i) codes[i] = languages[i].code;
  return codes;
}();

namespace detail {

constexpr bool in_table(std::string_view code) {
  for (const language& l : languages) {
    if (l.code == code) return true;
  }
  return false;
}

// Calls f with each code of a row's fallback column.
template <typename F>
constexpr void for_each_listed(std::string_view list, F f) {
  while (!list.empty()) {
    const std::size_t space = list.find(' ');
    const std::string_view code = list.substr(0, space);
    if (!code.empty()) f(code);
    list = space == std::string_view::npos ? std::string_view() : list.substr(space + 1);
  }
}

// Every code a fallback column names is a row of the table.
constexpr bool fallbacks_known() {
  bool known = true;
  for (const language& l : languages) {
    const auto check = [&](std::string_view code) { known = known && in_table(code); };
    for_each_listed(l.fallback, check);
    for_each_listed(l.dates, check);
  }
  return known;
}
static_assert(fallbacks_known(), "a fallback or dates column names a language that is not a row");

using chain = std::array<std::string_view, languages.size()>;

// Each row's whole chain: itself, the languages its column names, then the rest in the
// table's order; each language once.
constexpr std::array<chain, languages.size()> make_chains() {
  std::array<chain, languages.size()> chains{};
  for (std::size_t i = 0; i < languages.size(); ++i) {
    std::size_t n = 0;
    const auto add = [&](std::string_view code) {
      for (std::size_t k = 0; k < n; ++k) {
        if (chains[i][k] == code) return;
      }
      chains[i][n++] = code;
    };
    add(languages[i].code);
    for_each_listed(languages[i].fallback, add);
    for (const language& l : languages) add(l.code);
  }
  return chains;
}

}  // namespace detail

// fallback_chain()'s answers, row by row.
inline constexpr auto fallback_chains = detail::make_chains();

// The language every text must have, and what an unknown language is read as: the
// table's first row.
inline constexpr std::string_view base_language = languages.front().code;

// The row of a stored code or of the name an author writes ("sr"); null for neither.
const language* find_language(std::string_view code_or_source) noexcept;
// The row of a stored code or source name; the base language's row for anything else.
const language& language_or_base(std::string_view code_or_source) noexcept;
// Whether kbc makes this language from another (it is then not indexed: its words are
// its source's, in another script).
bool is_made_language(std::string_view code) noexcept;

bool is_content_language(std::string_view lang) noexcept;

// What an author wrote as it is stored ("sr" → "sr-Latn"); anything else as it is.
std::string_view stored_code(std::string_view source) noexcept;
// How an author writes a stored code ("sr-Latn" → "sr"); anything else as it is.
std::string_view source_code(std::string_view code) noexcept;
// The name authors give the language a stored code is written from, whatever its script
// ("sr-Cyrl" and "sr-Latn" → "sr"); anything else as it is.
std::string_view written_source(std::string_view code) noexcept;
// The language kbc makes from a stored code ("sr-Latn" → "sr-Cyrl"), or "".
std::string_view derived_language(std::string_view code) noexcept;
// The languages an author may write, for messages: "en, sr, hr, bs or sl".
std::string_view source_codes_text() noexcept;

// The customer's language first, then the closest ones. An unknown language falls back as
// English does.
std::span<const std::string_view> fallback_chain(std::string_view lang) noexcept;

// Where a browser has no dates in a language: the language itself, then those whose
// month and day names stand in (the table's dates column); an unknown code, alone.
std::vector<std::string_view> date_languages(std::string_view lang);

// The language to show results in: `written`, the language of the customer's words (else
// the page's). A customer who types Cyrillic reads Serbian in Cyrillic, whatever
// Latin-script language the page was set to; unless they chose the page's language
// themselves (keep_script): then Serbian comes in the script of `chosen` (Cyrillic only
// for sr-Cyrl), whatever they type. Both search engines show results by this rule.
std::string_view display_language(std::string_view written, bool query_is_cyrillic,
                                  bool keep_script = false, std::string_view chosen = {}) noexcept;

}  // namespace ha
