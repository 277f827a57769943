// Our extensions of SQLite's FTS5. The tokenizer, registered under the name
// "assistant", makes FTS5 index knowledge-base text (kbc) and parse query strings
// (browser) with the same C++ code as text::tokenize(); the rank function orders hits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.hpp"

struct sqlite3;

namespace ha::kb {

// Bumped whenever the tokens produced for some text change. kb.sqlite records the
// version it was built with; a knowledge base from another version is refused, because
// its index would silently disagree with the queries. A test fingerprints the tokens of a
// fixed text and fails when they change while this number stays
// (tests/fixtures/tokenizer-fingerprint.txt).
inline constexpr int tokenizer_version = 8;

inline constexpr const char* tokenizer_name = "assistant";

class row_lengths;
class synonym_table;

// Common-word pairs. Stopwords ("how", "do", "i", "kako", "da") are in most rows, so a
// search cannot afford to read them, yet beside their neighbour they tell questions
// apart: "how do i say", "what is your", "da li". So every two neighbouring words of
// which at least one is a stopword are also indexed as one token, the pair token (the
// marker, the two canonical forms, a space between), at the second word's position.
// A query reads the pairs it has as terms of their own: rare enough to be cheap, and
// scored by how rare they are, at half a word's weight (see the rank function). Customer text never
// makes the marker: it is not a word character.
inline constexpr char pair_marker = '\x01';

// A query string that starts with this marker lists index terms, a space between
// ("\x02router route routine"): one phrase that matches a row holding any of them, as a
// prefix query would. It is how a word still being typed is searched (completed_from_table
// in query.hpp). Customer text never makes the marker either.
inline constexpr char completions_marker = '\x02';

// What stands at a word's position in a row for which every form of the word is left out
// of the index (see term_filter): the words after it keep their positions, so that
// "side by side" still means side by side. Never searched.
inline constexpr char gap_marker = '\x03';

// While kbc fills the index: the rows a bounded term is kept for (index_builder.hpp).
// A term not in `kept` is kept for every row.
struct term_filter {
  const std::unordered_map<std::string, std::vector<std::int64_t>>* kept = nullptr;  // sorted
  std::int64_t row = 0;  // the row being indexed
  bool keeps(const std::string& term) const;
};

// The forms a document's text is indexed as, word by word: for each word, its canonical
// form first, then its stems, synonym-group tokens and pair token (see tokenize in the
// .cpp, which emits them at one position).
std::vector<std::vector<std::string>> document_forms(std::string_view text,
                                                     const synonym_table* synonyms);

bool forms_pair(std::string_view left, std::string_view right);
std::string pair_token(std::string_view left, std::string_view right);

// The words FTS5 counts in a row of articles_fts (its columns' sizes added up): what
// kbc numbers the rows by (row_lengths.hpp).
std::uint32_t indexed_words(std::string_view title, std::string_view tags, std::string_view body);

// synonyms and filter (either may be null) must outlive the database connection: the
// tokenizer reads them whenever FTS5 tokenizes text. filter leaves forms of a document
// out of the index (kbc only). Also registers the SQL function plain_text(html)
// (text::html_text): an article's text, which kb.sqlite does not store apart from its HTML.
status register_tokenizer(sqlite3* db, const synonym_table* synonyms = nullptr,
                          const term_filter* filter = nullptr);

// The rank function searches order by, registered as an FTS5 auxiliary function:
//
//   rank MATCH 'assistant_rank(title_weight, tags_weight, body_weight, side_by_side,
//                              first_pair, rows_0, rows_1, ...)'
//
// It is bm25 (k1 1.2, b 0.75, the same formula and numbers as FTS5's bm25() with those
// column weights, negated: lower is better; a row's length is read from its rowid and
// `lengths`, within 2 %: row_lengths.hpp) plus a bonus for query words that stand
// side by side in the row as they did in the query ("credit score"), scored like one
// more word as rare as the rarer of the two. side_by_side is a bit mask over the query's
// phrases (FTS5 numbers them from 0 in MATCH order): bit p means phrase p and phrase
// p + 1 are consecutive words of the query. Without the last two arguments (or with
// side_by_side 0 and no pair tokens), the score is exactly FTS5's bm25. Phrases past 63 get no
// bonus. Phrases from first_pair on are pair tokens, scored by bm25 at half weight (see pair_weight
// in the .cpp). rows_p, when given and above 0, is the number of rows holding phrase p,
// for its weight; else FTS5 counts them (a term the index lists in its best rows only
// would be counted short: index_builder.hpp).
inline constexpr const char* rank_function_name = "assistant_rank";
// lengths must outlive the connection (empty: every row counts as of average length).
status register_rank_function(sqlite3* db, const row_lengths* lengths);

}  // namespace ha::kb
