// Writes the first-answer index (quick_index.hpp) of a compiled knowledge base, beside
// its pages: kbc ... --pages site/kb.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace ha::kb {

// Raw bytes of a term shard before gzip (about 5 KB after): a 1.6 Mbit/s phone link
// moves that in about 50 ms, so a search fetches what it needs in one round of a few files.
inline constexpr std::size_t quick_shard_bytes = 8 * 1024;

// The head's file name. Not named by its content like the others: a page asks for it at
// once, beside the manifest, instead of after it (a round trip sooner), and it names
// every other file of the index itself. Revalidated like the manifest.
inline constexpr const char* quick_head_file = "quick.bin";

struct quick_written {
  std::string head;                 // the head's unzipped bytes
  std::vector<std::string> shards;  // term shards' names, in term order
  std::vector<std::pair<std::string, std::string>> texts;  // language, file name (of each chunk)
};

// Stores a file (its unzipped bytes) and says its name; paged_writer gzips and names it.
using store_file = std::function<result<std::string>(std::string_view bytes)>;

// Reads the kb.sqlite image and stores the shards and texts through store; the caller
// writes the head (quick_head_file).
result<quick_written> write_quick_index(const std::string& image, const store_file& store);

}  // namespace ha::kb
