#include "text/tokenizer.hpp"

#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace ha::text {

std::vector<token> tokenize(std::string_view text) {
  std::vector<token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    if (!is_word_char(decode(text, i))) continue;
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t next = end;
      if (!is_word_char(decode(text, next))) break;
      end = next;
    }
    std::string canonical = fold_word(text.substr(start, end - start));
    if (!canonical.empty()) {
      canonical.resize(truncate(canonical, max_token_bytes).size());
      tokens.push_back({std::move(canonical), start, end});
    }
    i = end;
  }
  return tokens;
}

}  // namespace ha::text
