// What a row's number says. kbc numbers the rows of articles (their rowids, shared by
// articles and articles_fts) so that two things need no page read in a knowledge base
// read in pages (paged.hpp):
//
// - Its length. bm25 needs each matching row's length; FTS5 keeps the lengths in a table
//   of their own and reads one of its pages per matching row, at 100,000 articles half of
//   what a first search fetched (docs/benchmarks.md). Articles are numbered in the order
//   of their length code (bm25.hpp) and meta 'row_lengths' keeps where each code begins:
//   a row's length is known from its rowid, and the index keeps no table of lengths
//   (columnsize = 0). Coding the length into the rowid's low bits instead made every
//   index entry about a byte longer (the index 14 % larger at 10,000 articles).
// - Its article and language. When some article is written in several languages, each
//   article has a block of rowids, one place per language (meta 'row_slots' lists them in
//   order): the article of a row and the row of its version in another language are
//   arithmetic, so a search passes over the other versions of an article it has already
//   found without reading them, and finds the version to show on the same page. An
//   article's versions then share one length, the mean of its indexed versions' (they
//   differ by about 12 % on the demo; with the mean, MRR@10 on the South Slavic set went
//   0.9096 → 0.9112, docs/loading.md). With one version per article, a row is an
//   article and its length its own.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"

struct sqlite3;

namespace ha::kb {

class row_lengths {
 public:
  // Reads meta 'row_lengths' (to_json's form). False when it is not that.
  bool load(std::string_view json);
  std::string to_json() const;
  // Rows from first_rowid on have this length code (called in increasing rowid order).
  void add(long long first_rowid, std::uint8_t code);
  bool empty() const noexcept { return starts_.empty(); }
  // The length in words of the row with this rowid, within 2 % (0 with no table).
  double words(long long rowid) const;

  // Reads meta 'row_slots' (languages, " " between; empty: one row per article). False
  // when it names a language twice or one the engine does not know.
  bool load_slots(std::string_view slots);
  // The article a rowid belongs to (a number; versions of one article share it).
  long long article_of(long long rowid) const noexcept;
  // The rowid of the same article's version in lang, or 0 when rows do not say (one row
  // per article) or lang has no place. The row may not exist (no such version).
  long long version_of(long long rowid, std::string_view lang) const noexcept;

 private:
  std::vector<std::pair<long long, std::uint8_t>> starts_;  // first rowid, code
  std::vector<std::string> slots_;  // the languages' places in an article's block
};

// For kbc and the tests' fixtures, once articles are in and before the index is filled:
// numbers the rows (articles by length, shortest first, those of one length in the order
// they were added; an article's versions in a block, as above) and writes meta
// 'row_lengths' and 'row_slots'.
status number_rows_by_length(sqlite3* db);

}  // namespace ha::kb
