// Index rows numbered by length. bm25 needs each matching row's length; FTS5 keeps the
// lengths in a table of their own and reads one of its pages per matching row, which in
// a knowledge base read in pages (paged.hpp) is a download: at 100,000 articles, half of
// what a first search fetched (docs/benchmarks.md). So kbc numbers the rows (their
// rowids, shared by articles, bodies and articles_fts) in the order of their length code
// (bm25.hpp), and keeps where each code begins in meta 'row_lengths': a row's length is
// then known from its rowid alone, and the index keeps no table of lengths
// (columnsize = 0). Coding the length into the rowid's low bits instead made every
// index entry about a byte longer (the index 14 % larger at 10,000 articles).
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

 private:
  std::vector<std::pair<long long, std::uint8_t>> starts_;  // first rowid, code
};

// For kbc and the tests' fixtures, once articles and bodies are in and before the index
// is filled: numbers the rows by length (shortest first; rows of one length in the
// order they were added) and writes meta 'row_lengths'.
status number_rows_by_length(sqlite3* db);

}  // namespace ha::kb
