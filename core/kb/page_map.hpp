// Where a table's rows lie in kb.sqlite, so that a search read in pages can ask for the
// pages a row needs in one round. SQLite finds a row by walking down its table's B-tree:
// the root (among the hot pages), an inner page, the leaf. In pages, each step whose page
// is not here yet is a round trip of its own (at 100,000 articles the inner pages of the
// index and of the texts are about 400 KB gzipped: too many to send at start). kbc writes,
// for each leaf of a table, its first rowid, its page and the inner page above it
// (table page_map, read when the knowledge base opens, so among the hot pages); the
// search asks for both pages of every row it is about to read (knowledge_base.cpp).
//
// The engine also makes the inner pages above the leaves from the map instead of
// fetching them (make_inner_page; format 11): a hit then costs its leaf alone. For that
// the map must be right, as any page of the file must: kbc writes it from the file's own
// B-trees, after every other page is final. A map that cannot be read is left out (it
// only saves rounds and bytes); one damaged into another valid map leads SQLite to other
// leaves, where it finds other rows or none, never outside the file.
#pragma once

#include <cstdint>
#include <map>
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
  // SQLite does) of image, encoded for the page_map table; of a WITHOUT ROWID table, its
  // leaves are numbered 1, 2, … in order (for pages(): a table read whole). Errors:
  // corrupt_database for a page that is not a B-tree page.
  static result<std::string> encode(std::string_view image, std::uint32_t root);

  // False (and an empty map) for bytes that are not an encoded map.
  bool load(std::string_view encoded);
  bool empty() const noexcept { return first_rowid_.empty(); }

  // The inner page and the leaf a read of rowid goes through below the root (numbered
  // from 1; 0 for "none": a table of one page, or no map).
  std::pair<std::uint32_t, std::uint32_t> pages_of(std::int64_t rowid) const;
  // Every leaf and inner page below the root (numbered from 1), for a table read whole.
  std::vector<std::uint32_t> pages() const;

  // The inner page `page` (numbered from 1) of a rowid table, made from the map: the
  // leaves below it and, between each two, the last rowid the left one can hold. SQLite
  // walks down it as down the page in the file (the keys may differ, the leaves each
  // rowid leads to do not), so a row's read needs its leaf only, not the inner page above
  // it (at 100,000 articles 165 of them in articles, about 2.9 KB gzipped each). False
  // when the map has no leaf below that page or they do not fit in one.
  bool make_inner_page(std::uint32_t page, std::size_t page_size, std::string& out) const;
  // The inner pages make_inner_page can make (numbered from 1).
  std::vector<std::uint32_t> inner_pages() const;

 private:
  std::vector<std::int64_t> first_rowid_;  // per leaf, in rowid order
  std::vector<std::uint32_t> leaf_, inner_;
  // Per inner page, its leaves' range [first, last) in the vectors above (leaves of one
  // inner page are neighbours in rowid order).
  std::map<std::uint32_t, std::pair<std::size_t, std::size_t>> below_;
};

// Writes the page_map rows of articles, articles_fts_data and words (the speller reads it
// whole, in one round with its map instead of a page a round) into db, whose file
// is image (as it is now: its own rows go to pages at the end of the file, which moves
// no other page).
status write_page_maps(sqlite3* db, std::string_view image);

}  // namespace ha::kb
