// Writes a knowledge base as the browser reads it in pages (kb/paged.hpp), for any static
// host: kbc knowledge-base -o site/kb.sqlite --pages site/kb
//
//   site/kb/manifest.json      versions, page layout, the key, the hot pages
//   site/kb/<key>-<n>.bin      chunk n: chunk_pages SQLite pages, gzipped at build time
//   site/kb/<key>-hot.bin      the hot pages: what opening and most searches read
//   site/kb/quick.bin          the first-answer index's head (quick_index.hpp), and
//   site/kb/<key2>-….bin       its term shards and texts (named by a key of its own)
//
// The key is the start of the SHA-256 of the whole image: files never change, any cache
// may keep them for ever, two deployments never mix, and the manifest needs no name per
// file (docs/loading.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace ha::kb {

struct pages_written {
  std::size_t chunks = 0;
  std::size_t hot_pages = 0;
  std::uint64_t hot_bytes = 0;    // gzipped
  std::uint64_t quick_bytes = 0;  // the first-answer index (quick_index.hpp), gzipped
  std::uint64_t total_bytes = 0;  // every file, gzipped
};

// Chunk n's file name under the pages' key.
std::string page_chunk_name(std::string_view key, std::size_t chunk);

// The pages of image that opening reads, and those that at least `share` of the queries
// read (each query on a fresh connection, as a first search is), the most read first,
// while all of them gzipped one by one come to at most max_bytes (what opening reads is
// always in).
result<std::vector<std::uint32_t>> hot_pages(const std::string& image, std::uint32_t chunk_pages,
                                             const std::vector<std::string>& queries, double share,
                                             std::size_t max_bytes);

// hot_pages() for the first searches kbc imagines: the articles' titles and their first
// words, each page read by a tenth of them.
result<std::vector<std::uint32_t>> choose_hot_pages(const std::string& image,
                                                    std::uint32_t chunk_pages);

// Writes dir (emptied first) from the kb.sqlite image, with choose_hot_pages().
// chunk_pages 0 chooses: 4 (16 KiB chunks) for a help center small enough to be stored
// for offline use (its kb.sqlite at most twice offline_bytes: 16 MB unless site.yaml
// says otherwise), so that storing it takes fewer files; 1 for a larger one, whose
// searches read rows scattered over the file (a first search at 100,000 articles
// downloaded 222 KB in single pages against 418 KB in 16 KiB chunks: docs/loading.md).
result<pages_written> write_pages(const std::string& image, const std::filesystem::path& dir,
                                  std::uint32_t chunk_pages);

}  // namespace ha::kb
