// Which content language a customer wrote in, from a short query.
//
// Every word adds evidence for the languages it belongs to: each language's data file
// (core/text/langid/<code>.txt, built into the engine: its function words and telling
// words, such as ekavian "gde, mesec" against ijekavian "gdje, mjesec", or Slovenian
// "sem, kaj, že"), the knowledge base's own words that only some of its languages use
// (counted by kbc), and, for a word no list knows, its letter sequences in the knowledge
// base's text and the shapes a language's file says it has (ijekavian "dje, mje",
// participles in -o or -l, English letter pairs). The files also name the ways of putting
// words together that tell a language ("mogu da platim" against "mogu platiti") and
// letters a language does not write (no ć or đ in Slovenian). Cyrillic is Serbian. When
// the evidence cannot tell apart languages one stemmer serves (Serbian, Croatian,
// Bosnian), the customer's current language wins if it is one of them; when it cannot
// tell apart others, there is no answer and the page keeps its language.
// A language is identified once it is a row of the language table and has a data file;
// nothing here names one. Design and measurements: docs/language.md.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/languages.hpp"

namespace ha::text {

inline constexpr std::size_t identified_count = [] {
  std::size_t n = 0;
  for (const language& l : languages) n += l.written ? 1 : 0;
  return n;
}();

// The languages told apart: the table's languages authors write, by the name they give
// them ("sr"; a language kbc makes from another is identified as that one). Bit i of a
// language mask stands for identified_languages[i].
inline constexpr auto identified_languages = [] {
  std::array<std::string_view, identified_count> codes{};
  std::size_t n = 0;
  for (const language& l : languages) {
    if (l.written) codes[n++] = l.source;
  }
  return codes;
}();
using language_mask = std::uint8_t;
static_assert(identified_languages.size() <= 8, "a language mask has eight bits");
using language_scores = std::array<float, identified_languages.size()>;

// The plain form of a word for language evidence: lower case, č ć → c, š → s, ž → z,
// đ → dj, Cyrillic as fold_word() writes it. Unlike fold_word() it keeps "dj", which tells
// ijekavian "gdje" from ekavian "gde".
std::string plain_word(std::string_view word);

// A knowledge base's own evidence, made by kbc from its articles (kb/language_words.hpp):
// the words that only some of its languages use, and how often each language writes
// each three-letter sequence (for the words neither list knows).
struct language_model {
  std::unordered_map<std::string, language_mask> words;  // plain form → languages
  // Sequence of three letters of a plain word with "_" at its ends ("_ge", "ges", "slo",
  // "lo_") → log probability in each language (0 for a language without text).
  std::unordered_map<std::string, language_scores> grams;
  language_mask languages = 0;  // the languages the knowledge base has text in
};

struct language_guess {
  // A content language's stored code ("sr-Cyrl" for Cyrillic); empty when the text does
  // not tell.
  std::string lang;
  std::array<double, identified_languages.size()> scores{};  // evidence per language
};

// current: the language the customer sees now (a content language tag or empty).
// model may be null (the built-in evidence alone).
language_guess identify_language(std::string_view text, std::string_view current,
                                 const language_model* model);

// (stored code, the file's text), made by CMakeLists.txt from core/text/langid/*.txt.
using langid_file_list = std::vector<std::pair<std::string_view, std::string_view>>;
extern const langid_file_list langid_files;

// What is wrong with the data files, one message each ("hr.txt:3: unknown shape 'x'"):
// a line that is neither a comment, a directive nor words with weights, an unknown
// directive, shape or construction, a file or a language named that is no written
// language of the table. Empty when sound.
std::vector<std::string> langid_file_problems(const langid_file_list& files = langid_files);

}  // namespace ha::text
