#include "text/tokenizer.hpp"

#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace ha::text {

bool next_token(std::string_view text, std::size_t& pos, token& out) {
  while (pos < text.size()) {
    const std::size_t start = pos;
    if (!is_word_char(decode(text, pos))) continue;
    std::size_t end = pos;
    while (end < text.size()) {
      std::size_t next = end;
      if (!is_word_char(decode(text, next))) break;
      end = next;
    }
    pos = end;
    std::string canonical = fold_word(text.substr(start, end - start));
    if (canonical.empty()) continue;  // only marks or signs: not a word
    canonical.resize(truncate(canonical, max_token_bytes).size());
    out = {std::move(canonical), start, end};
    return true;
  }
  return false;
}

std::vector<token> tokenize(std::string_view text) {
  std::vector<token> tokens;
  std::size_t pos = 0;
  for (token t; next_token(text, pos, t);) tokens.push_back(std::move(t));
  return tokens;
}

}  // namespace ha::text
