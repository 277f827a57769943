// Where a table's rows lie in kb.sqlite, so that a search read in pages can ask for the
// pages a row needs in one round. SQLite finds a row by walking down its table's B-tree:
// the root (among the hot pages), an inner page, the leaf. In pages, each step whose page
// is not here yet is a round trip of its own (at 100,000 articles the inner pages of the
// index and of the texts are about 400 KB gzipped: too many to send at start). kbc writes,
// for each leaf of a table, its first rowid, its page and the inner page above it
// (table page_map, read when the knowledge base opens, so among the hot pages); the
// search asks for both pages of every row it is about to read (knowledge_base.cpp).
//
// The map is a hint: a wrong or missing one costs rounds, never a wrong answer (SQLite
// still reads the rows itself).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"

struct sqlite3;

namespace ha::kb {

class page_map {
 public:
  // The map of the rowid table whose B-tree starts at page `root` (numbered from 1, as
  // SQLite does) of image, encoded for the page_map table. Errors: corrupt_database for
  // a page that is not a table B-tree page.
  static result<std::string> encode(std::string_view image, std::uint32_t root);

  // False (and an empty map) for bytes that are not an encoded map.
  bool load(std::string_view encoded);
  bool empty() const noexcept { return first_rowid_.empty(); }

  // The inner page and the leaf a read of rowid goes through below the root (numbered
  // from 1; 0 for "none": a table of one page, or no map).
  std::pair<std::uint32_t, std::uint32_t> pages_of(std::int64_t rowid) const;

 private:
  std::vector<std::int64_t> first_rowid_;  // per leaf, in rowid order
  std::vector<std::uint32_t> leaf_, inner_;
};

// Writes the page_map rows of articles, bodies and articles_fts_data into db, whose file
// is image (as it is now: its own rows go to pages at the end of the file, which moves
// no other page).
status write_page_maps(sqlite3* db, std::string_view image);

}  // namespace ha::kb
