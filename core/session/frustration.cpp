#include "session/frustration.hpp"

#include <algorithm>
#include <string>

#include "text/fold.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace ha::session {

bool is_shouting(std::string_view input) {
  int letters = 0;
  int capitals = 0;
  for (const text::token& t : text::tokenize(input)) {
    const std::string_view word = input.substr(t.begin, t.end - t.begin);
    if (text::is_search_operator(word)) continue;  // "AND OR NOT" is syntax, not shouting
    for (std::size_t i = 0; i < word.size();) {
      const std::size_t at = i;
      const char32_t cp = text::decode(word, i);
      if (cp >= '0' && cp <= '9') continue;
      const std::string original(word.substr(at, i - at));
      ++letters;
      if (text::to_lower(original) != original) ++capitals;
    }
  }
  return letters >= 8 && capitals * 10 >= letters * 7;
}

bool has_many_exclamations(std::string_view input) {
  return std::count(input.begin(), input.end(), '!') >= 3;
}

}  // namespace ha::session
