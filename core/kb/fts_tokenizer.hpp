// Our extensions of SQLite's FTS5. The tokenizer, registered under the name
// "assistant", makes FTS5 index knowledge-base text (kbc) and parse query strings
// (browser) with the same C++ code as text::tokenize(); the rank function orders hits.
#pragma once

#include <array>
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
// marker, the two canonical forms, a space between), with the second word.
// A query reads the pairs it has as terms of their own: rare enough to be cheap, and
// scored by how rare they are, at half a word's weight (see the rank function). Customer text never
// makes the marker: it is not a word character.
inline constexpr char pair_marker = '\x01';

// A query string that starts with this marker lists index terms, a space between
// ("\x02router route routine"): one phrase that matches a row holding any of them, as a
// prefix query would. It is how a word still being typed is searched (completed_from_table
// in query.hpp). Customer text never makes the marker either.
inline constexpr char completions_marker = '\x02';

// What stands for a word in a row for which every form of the word is left out of the
// index (see term_filter), so that the row's size still counts the word (bm25's average
// row length is read from the index's sizes). Never searched.
inline constexpr char gap_marker = '\x03';

// Words side by side in a title. The index keeps no positions, so each two neighbouring
// words of a title that are not stopwords (nor single letters) are also listed in a
// column of their own (title_neighbours), as neighbour tokens: the marker, the two
// words' stems by one stemmer, a space between; one token per stemmer (text/stem.hpp),
// so that "router light" meets "router lights" and "broja telefona" "broj telefona"
// whatever the language. A query searches its own neighbouring words so: the query
// string neighbour_marker + "left right" (canonical forms) stands for their tokens, as
// alternatives at one position, scored as a pair token in the title.
inline constexpr char neighbour_marker = '\x05';
std::string neighbour_query(std::string_view left, std::string_view right);
// The neighbour tokens of two words, distinct.
std::vector<std::string> neighbour_tokens(std::string_view left, std::string_view right);
// The terms a neighbour query string stands for (empty for any other string).
std::vector<std::string> neighbour_terms(std::string_view query);
// A title's neighbour tokens, distinct, and the title_neighbours column's text for it
// (terms_marker and the tokens).
std::vector<std::string> title_neighbour_tokens(std::string_view title);
std::string title_neighbours(std::string_view title);

// How often a word is used. The index keeps which columns hold a term, not where or how
// often (detail=column: positions made the index half again as large). So kbc also lists
// the forms an article's tags or body use at least a few times (each word counted once
// however many of its forms are alike) in columns of their own, one per count in
// uses_columns, and the rank function reads how often a query word is used from the
// columns that hold it. (Titles are short: a word in one counts once.)
inline constexpr int searched_columns = 3;  // title, tags, body; the uses columns follow,
                                            // then title_neighbours
struct uses_column {
  int counted;  // the searched column whose uses it counts: 1 tags, 2 body
  int uses;     // holds the forms used at least this often there
};
// clang-format off
inline constexpr std::array<uses_column, 10> uses_columns = {{
    {1, 2}, {1, 3}, {1, 4},                                   // tags_2 ... tags_4
    {2, 2}, {2, 3}, {2, 4}, {2, 6}, {2, 8}, {2, 16}, {2, 32}  // body_2 ... body_32
}};
// clang-format on
// "tags_2", "body_16": the names of the uses columns, as schema.hpp has them.
std::string uses_column_name(const uses_column& column);

// A column's text that starts with this marker is a list of index terms, '\n' between (a
// pair token holds a space), indexed as they are: how kbc fills the uses columns.
// Customer text never makes the marker: it is not a word character.
inline constexpr char terms_marker = '\x04';

// The texts of the uses columns for an article's tags and body text: for each, the marker
// and the forms used at least that often.
std::array<std::string, uses_columns.size()> repeated_forms(std::string_view tags,
                                                            std::string_view body,
                                                            const synonym_table* synonyms);

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
//   rank MATCH 'assistant_rank(title_weight, tags_weight, body_weight, first_pair,
//                              rows_0, rows_1, ...)'
//
// It is bm25 (k1 1.2, b 0.75, the formula of FTS5's bm25() with those column weights,
// negated: lower is better; a row's length is read from its rowid and `lengths`, within
// 2 %: row_lengths.hpp). How often a phrase is used in the tags and body is read from
// the uses columns that hold it (the middle of the range each stands for); in the title
// it counts once. A neighbour token found in title_neighbours counts as in the title.
// Phrases from first_pair on are pair and neighbour tokens, scored at half weight (see
// pair_weight). rows_p, when given and above 0, is the number of rows holding phrase p,
// for its weight; else FTS5 counts them (a term the index lists in its best rows only
// would be counted short: index_builder.hpp).
inline constexpr const char* rank_function_name = "assistant_rank";
// lengths must outlive the connection (empty: every row counts as of average length).
status register_rank_function(sqlite3* db, const row_lengths* lengths);

}  // namespace ha::kb
