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

// The most rows a term lists: a word in more rows lists those it weighs most in (its
// count for its row's length), with the number of all of them for its weight. A first
// search then reads at most this many rows per term, in a shard of a few KB however large
// the help center, where a common word at 100,000 articles held tens of thousands.
inline constexpr std::size_t quick_max_postings = 2000;

// The head's file name. Not named by its content like the others: a page asks for it at
// once, beside the manifest, instead of after it (a round trip sooner), and it names
// every other file of the index itself. Revalidated like the manifest.
inline constexpr const char* quick_head_file = "quick.bin";

struct quick_written {
  std::string head;  // the head's unzipped bytes
  std::string key;   // the hash every other file is named by
  // Every other file of the index, unzipped: the term shards in term order, then each
  // language's texts chunks. Named quick_shard_name / quick_texts_name with one key, a
  // hash of all of them: the head names them by that key alone, so it does not grow by a
  // name per file, and two builds with any byte different share no name.
  std::vector<std::pair<std::string, std::string>> files;  // name, bytes
};

// The name of some bytes (kbc: the start of their SHA-256, in hex).
using hash_bytes = std::function<std::string(std::string_view bytes)>;

// Reads the kb.sqlite image and writes the index in memory; the caller stores the files
// and the head (quick_head_file).
result<quick_written> write_quick_index(const std::string& image, const hash_bytes& hash);

}  // namespace ha::kb
