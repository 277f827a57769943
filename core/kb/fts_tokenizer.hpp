// Our extensions of SQLite's FTS5. The tokenizer, registered under the name
// "assistant", makes FTS5 index knowledge-base text (kbc) and parse query strings
// (browser) with the same C++ code as text::tokenize(); the rank function orders hits.
#pragma once

#include "common/result.hpp"

struct sqlite3;

namespace ha::kb {

// Bumped whenever the tokens produced for some text change. kb.sqlite records the
// version it was built with; a knowledge base from another version is refused, because
// its index would silently disagree with the queries.
inline constexpr int tokenizer_version = 3;

inline constexpr const char* tokenizer_name = "assistant";

class synonym_table;

// synonyms (may be null) must outlive the database connection: the tokenizer reads it
// whenever FTS5 tokenizes text.
status register_tokenizer(sqlite3* db, const synonym_table* synonyms = nullptr);

// The rank function searches order by, registered as an FTS5 auxiliary function:
//
//   rank MATCH 'assistant_rank(title_weight, tags_weight, body_weight, pairs, pair_only)'
//
// It is bm25 (k1 1.2, b 0.75, the same formula and numbers as FTS5's bm25() with those
// column weights, negated: lower is better) plus a bonus for query words that stand
// side by side in the row as they did in the query ("credit score", "how do I say"),
// scored like one more word as rare as the rarer of the two. pairs and pair_only are
// bit masks over the query's phrases (FTS5 numbers them from 0 in MATCH order): bit p
// of pairs means phrase p and phrase p + 1 are consecutive words of the query; bit p
// of pair_only means phrase p (a stopword) counts only in such a pair, and then as
// rare as its neighbour (two stopwords side by side count nothing). Without the two
// masks (or with 0), the score is exactly FTS5's bm25. Phrases past 63 get no bonus.
inline constexpr const char* rank_function_name = "assistant_rank";
status register_rank_function(sqlite3* db);

}  // namespace ha::kb
