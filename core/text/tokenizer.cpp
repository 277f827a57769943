#include "text/tokenizer.hpp"

#include <array>

#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace ha::text {

namespace {

// is_word_char() for ASCII.
constexpr auto ascii_word_chars = [] {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c) {
    table[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  return table;
}();

// Whether the code point at text[pos] belongs to a word; advances next past it. ASCII,
// most of the text, is decided here without decoding.
inline bool word_char_at(std::string_view text, std::size_t pos, std::size_t& next) {
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    next = pos + 1;
    return ascii_word_chars[c];
  }
  next = pos;
  return is_word_char(decode(text, next));
}

}  // namespace

bool next_token(std::string_view text, std::size_t& pos, token& out) {
  while (pos < text.size()) {
    const std::size_t start = pos;
    if (!word_char_at(text, start, pos)) continue;
    std::size_t end = pos;
    for (std::size_t next; end < text.size() && word_char_at(text, end, next);) end = next;
    pos = end;
    fold_word_into(text.substr(start, end - start), out.text);
    if (out.text.empty()) continue;  // only marks or signs: not a word
    if (out.text.size() > max_token_bytes) {
      out.text.resize(truncate(out.text, max_token_bytes).size());
    }
    out.begin = start;
    out.end = end;
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

bool is_search_operator(std::string_view as_typed) noexcept {
  return as_typed == "AND" || as_typed == "OR" || as_typed == "NOT" || as_typed == "NEAR";
}

}  // namespace ha::text
