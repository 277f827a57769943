// Splits UTF-8 text into words and gives each its canonical search form. The same
// function tokenizes knowledge-base text when kbc builds the index and customer text
// when the browser searches, so the two always agree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ha::text {

// A word longer than this (in canonical bytes) is cut to this length: no real word is
// that long, and it keeps hostile input from creating huge index terms.
inline constexpr std::size_t max_token_bytes = 64;

struct token {
  std::string text;   // canonical form (see fold_word)
  std::size_t begin;  // byte offset of the word in the input
  std::size_t end;    // byte offset one past the word
};

// Words are maximal runs of is_word_char() code points; invalid UTF-8 separates words.
std::vector<token> tokenize(std::string_view text);

// The next word at or after pos (which is advanced past it), for reading a long text
// only as far as needed. False when there is none (out is then unspecified). Reusing
// one token for a whole text reuses its memory.
bool next_token(std::string_view text, std::size_t& pos, token& out);

// FTS5's operators as people paste them, in capitals ("AND", "OR", "NOT", "NEAR"): search
// syntax, not words of a question, a language or a mood.
bool is_search_operator(std::string_view as_typed) noexcept;

}  // namespace ha::text
