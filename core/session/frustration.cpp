#include "session/frustration.hpp"

#include <algorithm>
#include <string>

#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace ha::session {

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

bool has_many_exclamations(std::string_view input) {
  return std::count(input.begin(), input.end(), '!') >= 3;
}

}  // namespace ha::session
