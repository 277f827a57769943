// Turns what a customer typed into an FTS5 MATCH expression. Customer text never reaches
// MATCH as typed: the FTS5 query language has operators (AND, OR, NOT, NEAR, *, ^, :,
// parentheses, quotes) that would make ordinary text an error or change its meaning.
// Instead the text is split by our tokenizer and each word is rebuilt as a quoted
// string, which FTS5 then tokenizes with the same tokenizer as the index.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kb/snippet.hpp"

namespace ha::kb {

// Only the start of a longer query is searched: nobody types more into a search box,
// and every extra word costs time and dilutes the ranking.
inline constexpr std::size_t max_query_bytes = 1024;
inline constexpr std::size_t max_query_words = 32;

struct match_query {
  std::string expression;  // empty when the text holds no words
  std::size_t words = 0;
  snippet_query snippet;  // the same words, for marking them in snippets
};

// Stopwords are left out (unless the text is only stopwords). Words are OR-ed (ranking
// rewards the rows that hold more of them). While the customer
// is still typing (the text does not end in a space or punctuation), the last word also
// matches as a prefix, so "lozi" finds "lozinka".
match_query build_match(std::string_view typed);

}  // namespace ha::kb
