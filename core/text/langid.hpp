// Which supported language a customer wrote in, from a short query: English, Serbian
// (either script), Croatian, Bosnian or Slovenian.
//
// Every word adds evidence for the languages it belongs to: a built-in lexicon of
// function words and telling words (ekavian "gde, mesec, vreme" against ijekavian "gdje,
// mjesec, vrijeme"; "tko, tjedan, tisuća" against "ko, sedmica, hiljada"; Slovenian "sem,
// kaj, že, geslo"), the knowledge base's own words that only some of its languages use
// (counted by kbc), the ijekavian spellings "dje, mje, tje…", English letter pairs ("th",
// "sh"), and letters a language lacks (no ć or đ in Slovenian, no č, š, ž, ć, đ in
// English). Cyrillic is Serbian. When the evidence cannot tell Serbian, Croatian and
// Bosnian apart, the customer's current language wins if it is one of them; when it
// cannot tell the others apart, there is no answer and the page keeps its language.
// Design and measurements: docs/language.md.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ha::text {

// The languages told apart; bit i of a language mask stands for identified_languages[i].
inline constexpr std::array<std::string_view, 5> identified_languages = {"en", "sr", "hr", "bs",
                                                                         "sl"};
using language_mask = std::uint8_t;

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
  std::unordered_map<std::string, std::array<float, 5>> grams;
  language_mask languages = 0;  // the languages the knowledge base has text in
};

struct language_guess {
  // en, sr-Latn, sr-Cyrl, hr, bs or sl; empty when the text does not tell.
  std::string lang;
  std::array<double, identified_languages.size()> scores{};  // evidence per language
};

// current: the language the customer sees now (a content language tag or empty).
// model may be null (the built-in evidence alone).
language_guess identify_language(std::string_view text, std::string_view current,
                                 const language_model* model);

}  // namespace ha::text
