// Fills the full-text index (articles_fts) once the articles are in: kbc, and the tests'
// fixtures.
//
// A term held by more than bounded_term_rows rows (bm25.hpp) is indexed only in the
// bounded_term_rows rows it weighs most in: its count in each column, weighted by the
// rank function's column weights, against the row's length (bm25 without the idf, which
// is the same for all of them; the rank function counts a title once and the uses of a
// word by range, near enough). A search then reads a short doclist for any word, where a
// common word at 100,000 articles had one of tens of thousands of rows, most of a first
// search's download. Its true count is kept in common_terms and given to the rank
// function for its weight (knowledge_base.cpp). Rows it is left out of are still found
// by their other words; a word with no form kept in a row leaves a gap token there
// (fts_tokenizer.hpp), so that the row's size still counts it.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "common/result.hpp"

struct sqlite3;

namespace ha::kb {

struct term_filter;
class synonym_table;

// The rows holding each index term, before any is left out.
using term_counts = std::unordered_map<std::string, long long>;

// Indexes every row of articles but the Serbian Cyrillic ones (their Latin rows fold to
// the same terms and stand for both: schema.hpp) and records the row count in meta. synonyms and filter must be the ones the
// connection's tokenizer was registered with (register_tokenizer); a null filter indexes
// every term in every row. max_rows: the most rows a term is indexed in.
result<term_counts> build_index(sqlite3* db, const synonym_table* synonyms, term_filter* filter,
                                long long max_rows);

}  // namespace ha::kb
