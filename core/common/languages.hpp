// The content languages of a knowledge base: one table, from which the rest of the core
// reads what it needs to know about a language (the name authors give it, the order in
// which a customer's language falls back to another, how it writes the old yat vowel).
#pragma once

#include <array>
#include <span>
#include <string_view>

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
  // The customer's language first, then the closest ones (sr ↔ bs ↔ hr, Slovenian to
  // Croatian), English last.
  std::array<std::string_view, 6> fallback;
};

// Serbian is stored in both scripts; kbc makes the Cyrillic version from the Latin source
// ("sr"), so the two are always in step.
inline constexpr std::array<language, 6> languages = {{
    {"en",
     "English",
     "en",
     true,
     "",
     yat_reflex::none,
     "Latn",
     stemmer::english,
     "Why this happens",
     "How to avoid it",
     {"en", "sr-Latn", "hr", "bs", "sl", "sr-Cyrl"}},
    {"sr-Latn",
     "Serbian",
     "sr",
     true,
     "",
     yat_reflex::ekavian,
     "Latn",
     stemmer::bcs,
     "Zašto se ovo dešava",
     "Kako da se ovo ne ponovi",
     {"sr-Latn", "sr-Cyrl", "bs", "hr", "en", "sl"}},
    {"sr-Cyrl",
     "Serbian Cyrillic",
     "sr-Cyrl",
     false,
     "sr-Latn",
     yat_reflex::ekavian,
     "Cyrl",
     stemmer::bcs,
     "",
     "",
     {"sr-Cyrl", "sr-Latn", "bs", "hr", "en", "sl"}},
    {"hr",
     "Croatian",
     "hr",
     true,
     "",
     yat_reflex::ijekavian,
     "Latn",
     stemmer::bcs,
     "Zašto se to događa",
     "Kako to izbjeći",
     {"hr", "bs", "sr-Latn", "en", "sl", "sr-Cyrl"}},
    {"bs",
     "Bosnian",
     "bs",
     true,
     "",
     yat_reflex::ijekavian,
     "Latn",
     stemmer::bcs,
     "Zašto se ovo dešava",
     "Kako ovo izbjeći",
     {"bs", "hr", "sr-Latn", "en", "sl", "sr-Cyrl"}},
    {"sl",
     "Slovenian",
     "sl",
     true,
     "",
     yat_reflex::none,
     "Latn",
     stemmer::slovene,
     "Zakaj se to zgodi",
     "Kako se temu izogniti",
     {"sl", "hr", "en", "bs", "sr-Latn", "sr-Cyrl"}},
}};

// The stored codes, in the table's order (a bit per language in the first-answer index).
inline constexpr std::array<std::string_view, languages.size()> content_languages = [] {
  std::array<std::string_view, languages.size()> codes{};
  for (std::size_t i = 0; i < languages.size(); ++i) codes[i] = languages[i].code;
  return codes;
}();

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

// The language to show results in: `written`, the language of the customer's words (else
// the page's). A customer who types Cyrillic reads Serbian in Cyrillic, whatever
// Latin-script language the page was set to; unless they chose the page's language
// themselves (keep_script): then Serbian comes in the script of `chosen` (Cyrillic only
// for sr-Cyrl), whatever they type. Both search engines show results by this rule.
std::string_view display_language(std::string_view written, bool query_is_cyrillic,
                                  bool keep_script = false, std::string_view chosen = {}) noexcept;

}  // namespace ha
