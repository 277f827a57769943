// Turns what a customer typed into an FTS5 MATCH expression. Customer text never reaches
// MATCH as typed: the FTS5 query language has operators (AND, OR, NOT, NEAR, *, ^, :,
// parentheses, quotes) that would make ordinary text an error or change its meaning.
// Instead the text is split by our tokenizer and each word is rebuilt as a quoted
// string, which FTS5 then tokenizes with the same tokenizer as the index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kb/snippet.hpp"

namespace ha::kb {

// Only the start of a longer query is searched: nobody types more into a search box,
// and every extra word costs time and dilutes the ranking.
inline constexpr std::size_t max_query_bytes = 1024;
inline constexpr std::size_t max_query_words = 32;

// A MATCH expression and what the rank function must know of its phrases (FTS5 numbers
// them from 0 in the order they are written; see fts_tokenizer.hpp).
struct fts_match {
  std::string expression;          // empty when the text holds no words
  int first_pair = 0;              // the phrases from here on are pair tokens
  // Per phrase: the rows holding it as the search counted them (query_word::docs,
  // query_pair::docs; 0 for the completions of a word being typed).
  std::vector<long long> phrase_rows;
  // Per phrase: the rows to weigh it by when more than it is held in (a pair scored as no
  // rarer than its word: query_pair::word); 0: weighed by the rows holding it.
  std::vector<long long> weigh_as_rows;
};

struct match_query : fts_match {
  std::size_t words = 0;
  snippet_query snippet;  // the same words, for marking them in snippets
};

// One word of a query as the customer typed it.
struct query_word {
  std::string raw;        // the typed word (word characters only)
  std::string canonical;  // its canonical form (see text::fold_word)
  std::size_t begin = 0;  // byte offsets in the typed text
  std::size_t end = 0;
  std::size_t index = 0;              // its place among the query's words (0 for the first)
  bool typing = false;                // the last word, still being typed: also matches as a prefix
  // A word being typed of two to four letters: the index terms it also matches (see
  // completed_from_table); longer ones match as an FTS5 prefix.
  std::vector<std::string> completions;
  std::vector<std::string> synonyms;  // other words of its synonym groups, for snippets
  long long docs = 0;                 // index rows holding it (0 when not looked up)
  bool searched = true;               // false: too common to narrow the search (see search)
  // A stopword is not searched by itself, only in the pair tokens it makes with its
  // neighbours ("how do", "do i", "i say" tell intent-style questions apart; see
  // pair_token in fts_tokenizer.hpp). It is not marked in snippets and does not count
  // for confidence.
  bool stopword = false;
};

// A pair token of the query (see pair_token in fts_tokenizer.hpp).
struct query_pair {
  std::string token;
  long long docs = 0;    // index rows holding it (0 when not looked up)
  bool searched = true;  // false: too common, or in no row (see search)
  // For a pair that names no topic, its word's place in the words given to query_pairs
  // plus one (0: none), and the rows holding that word (set by the search once it has
  // counted them). Such a pair is scored as no rarer than its word: a word and the object
  // pronoun after it ("radi mi", "works for me": to whom), a stopword and a word of time
  // ("for two", "već dva": how long). "radi mi" is rare only because one article's
  // symptoms say "ne radi mi internet", and "ne radi mi tv" found that article first;
  // "for two" found the double charge for "internet not working for two days". Other
  // pairs keep their own rarity ("internet not", "my card", "da li"): capping every pair
  // of a word and the stopword after it cost banking77 0.019 MRR@10 and put "internet
  // not working" below a double charge (docs/benchmarks.md).
  std::size_t word = 0;
  long long word_docs = 0;
};

// Per word: whether it is in a span of time, two words of time side by side ("for two
// days", "već dva dana", "teden dni"): how long, not what about (text::is_circumstance).
std::vector<bool> spans_of_time(const std::vector<query_word>& words);

// The query's pair tokens: one for each two neighbouring words of which one is a
// stopword (by the word, not the stopword flag: "who are you" has two), and a neighbour
// token for two others (not search syntax, not single letters), unless the second is
// still being typed.
std::vector<query_pair> query_pairs(const std::vector<query_word>& words);

// A word still being typed matches the index terms that start with it. FTS5 keeps no
// prefix index (it held every term again under each beginning of two and three letters,
// stems and pair tokens too, and doubled the index: docs/benchmarks.md), so for two to
// four letters, which begin thousands of terms in a large knowledge base, the word is
// searched as the max_completions terms starting with it that most rows hold (kbc's
// completions table); a longer beginning is few enough terms for FTS5 to read them all.
// (Four letters were left to FTS5 until 2026-12-06: at 100,000 articles "poja" read 31
// KB of doclists, every term starting with it.)
inline constexpr std::size_t max_completions = 16;
inline constexpr std::size_t completed_letters_max = 4;
bool completed_from_table(std::string_view canonical);

// Whether a word (canonical form) is one letter. One letter is no prefix worth searching:
// every word starting with it would be read ("reset p" would score thousands of rows on a
// large knowledge base while the customer types on), so it is searched as the word it is;
// and it tells nothing about whether a hit answers the query.
bool single_letter(std::string_view canonical);

// The words of the query, bounded by max_query_bytes and max_query_words. Stopwords are
// flagged (see query_word::stopword) unless nothing else is left ("to be or not to be"
// then counts as typed) or the word is still being typed (it may become a longer word).
std::vector<query_word> query_words(std::string_view typed);

// The MATCH expression for the query words: words other than stopwords are OR-ed, and
// so are the query's pair tokens (ranking rewards the rows that hold more of them); the
// snippet query holds the words that are not stopwords. While the
// customer is still typing (the text does not end in a space or punctuation), the last word also
// matches as a prefix, so "lozi" finds "lozinka" (from two letters on: two to four
// through query_word::completions, which search() looks up).
// (search() builds the same from its own parts, after typo correction and with only the
// pairs it chose; build_match shows and tests the whole query of a text.)
match_query build_match(std::string_view typed);
match_query build_match(const std::vector<query_word>& words);

// The words to mark in snippets: those that are not stopwords, each with its forms and
// synonyms; the word being typed also as a prefix.
snippet_query words_to_mark(const std::vector<query_word>& words);

// The MATCH expression alone, for the searched words that are not stopwords and the
// searched pair tokens: all OR-ed as in build_match, or, when `every` is true, only rows
// that hold every searched word, in some form (pair tokens are then left out: they
// would add the rows holding only them). Words stand side by side by query_word::index.
fts_match match_expression(const std::vector<query_word>& words, bool every,
                           const std::vector<query_pair>& pairs = {});

}  // namespace ha::kb
