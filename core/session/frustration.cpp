#include "session/frustration.hpp"

#include <string>

#include "text/fold.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace ha::session {
namespace {

// Beginnings of words, in canonical form (lower case, Latin, no diacritics, đ → d): a
// word that starts with one counts. Each is long or specific enough not to start an
// ordinary word of a help center ("bes" would match "besplatno", so it is "besan").
constexpr std::string_view angry_stems[] = {
    // English
    "useless", "ridiculous", "terribl", "horribl", "awful", "furious", "angry", "pathetic", "worst",
    "disgrac", "unacceptabl", "outrag", "incompeten", "joke",
    // Serbian, Croatian, Bosnian (ekavian and ijekavian)
    "katastrof", "sramot", "uzas", "bezobraz", "nesposob", "ljut", "besan", "besn", "bijesan",
    "bijesn", "ocaj", "glupost", "idiot", "nenormaln", "lopov", "necuven",
    // Slovenian
    "grozn", "obupn", "jezen", "nezaslis", "beda", "zanic"};

bool starts_with(std::string_view word, std::string_view stem) {
  return word.size() >= stem.size() && word.compare(0, stem.size(), stem) == 0;
}

}  // namespace

bool has_angry_words(std::string_view input) {
  for (const text::token& t : text::tokenize(input)) {
    for (const std::string_view stem : angry_stems) {
      if (starts_with(t.text, stem)) return true;
    }
  }
  return false;
}

bool is_shouting(std::string_view input) {
  int letters = 0;
  int capitals = 0;
  for (std::size_t i = 0; i < input.size();) {
    const std::size_t at = i;
    const char32_t cp = text::decode(input, i);
    if (!text::is_word_char(cp) || (cp >= '0' && cp <= '9')) continue;
    const std::string original(input.substr(at, i - at));
    const std::string lower = text::to_lower(original);
    ++letters;
    if (lower != original) ++capitals;
  }
  return letters >= 8 && capitals * 10 >= letters * 7;
}

}  // namespace ha::session
