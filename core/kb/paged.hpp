// A knowledge base read in pages, as the browser downloads it. kbc splits kb.sqlite into
// chunks of chunk_pages SQLite pages (kb/<hash>.bin, see tools/kbc and docs/loading.md);
// the engine is given the chunks it has, and SQLite reads through a read-only VFS that
// serves pages from them. A read of a page whose chunk is not here fails, and the chunk
// is noted as missing: the caller fetches the missing chunks and runs the call again
// (no Asyncify, no blocking: the "retry" pattern). Chunks never change (their name is the
// hash of their bytes), so everything read stays valid.
//
//   auto store = std::make_shared<page_store>(layout);
//   store->add_chunk(0, bytes_of_chunk_0);
//   auto kb = knowledge_base::open_pages(store);   // may need more chunks: see missing()
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

struct sqlite3;

namespace ha::kb {

struct page_layout {
  std::uint32_t page_size = 0;    // bytes, a power of two from 512 to 65536
  std::uint32_t page_count = 0;   // pages in the file
  std::uint32_t chunk_pages = 0;  // pages a chunk holds (the last chunk may hold fewer)

  std::size_t chunk_count() const;
  std::uint64_t file_bytes() const { return std::uint64_t{page_size} * page_count; }
  // The size chunk i must have.
  std::size_t chunk_bytes(std::size_t i) const;
};

class page_store {
 public:
  explicit page_store(page_layout layout);

  // Errors: invalid_argument for a layout that cannot be a SQLite file.
  static result<page_layout> check(page_layout layout);

  const page_layout& layout() const noexcept { return layout_; }

  // Keeps the bytes of chunk i. Errors: invalid_argument for an index out of range or
  // bytes of the wrong size.
  status add_chunk(std::size_t index, std::string bytes);
  bool has(std::size_t index) const;
  // Whether page (numbered from 0) is here: in its chunk, among the hot pages, or made.
  bool holds(std::uint32_t page);
  std::size_t chunks_held() const noexcept { return held_; }

  // Keeps single pages (numbered from 0, as offset / page size) apart from their chunks:
  // the "hot" pages every search reads, sent together at start. Errors: invalid_argument
  // for a page out of range or bytes that are not whole pages.
  status add_pages(const std::vector<std::uint32_t>& pages, std::string_view bytes);

  // A page that is not here is asked of filler first: one it can make (an inner page of
  // a table B-tree, from the page map: page_map.hpp) is made and kept instead of fetched.
  // filler(page, out) fills out with the page's bytes and returns true, or returns false.
  using page_filler = std::function<bool(std::uint32_t page, std::string& out)>;
  void fill_with(page_filler filler) { filler_ = std::move(filler); }

  // Counts, per page, the reads that reached this store (kbc uses it to choose the hot
  // pages); nullptr stops counting.
  void count_reads(std::vector<std::uint32_t>* counts) noexcept { counts_ = counts; }

  // Copies [offset, offset + n) when every chunk it touches is here; otherwise notes the
  // chunks that are not and returns false.
  bool read(void* out, std::size_t n, std::uint64_t offset);

  // Notes page's chunk as missing, as a read of it would, when it is not here: for pages
  // a computation knows it will read (page_map.hpp), asked for before SQLite walks down
  // to them.
  void want(std::uint32_t page);
  // The chunks reads asked for and did not find, since the last take_missing().
  std::vector<std::size_t> take_missing();
  // How many misses there have been in all: a computation that saw this number change
  // read something that was not here, and its result must not be kept.
  std::uint64_t misses() const noexcept { return misses_; }

 private:
  // Makes page with filler_ and keeps it among the single pages; false when it cannot.
  bool fill(std::uint32_t page);

  page_layout layout_;
  page_filler filler_;
  std::vector<std::string> chunks_;  // empty until given
  std::size_t held_ = 0;
  std::map<std::uint32_t, std::string> pages_;  // single pages, apart from their chunks
  std::vector<std::uint32_t>* counts_ = nullptr;
  std::set<std::size_t> missing_;
  std::uint64_t misses_ = 0;
};

// Opens a read-only SQLite connection whose main database is read from store (which must
// outlive it). Errors: internal when SQLite refuses.
result<sqlite3*> open_paged_connection(page_store& store);

}  // namespace ha::kb
