// The first-answer index: what answers a customer's first searches while the whole
// engine (SQLite, and the knowledge base in pages) is still on its way. On a phone on a
// slow network the whole engine takes seconds to arrive; this index and the small module
// that reads it (core/wasm/quick_exports.cpp, no SQLite) arrive in a fraction of that,
// and the whole engine takes over, searching again, as soon as it is ready.
//
// kbc writes it beside the pages (quick_writer.hpp) as content-named, gzipped files:
//
//   head        the row and article tables (which article a row is, its length in words,
//               its kind, audience, category and languages), the synonym groups, and the
//               names of the files below
//   term shards the index: each term with the rows holding it and how often in the title,
//               tags and body; terms in byte order, cut into shards of a few tens of KB,
//               so a search fetches only the shards holding its words
//   texts       per language, each article's title and the start of its text
//
// It ranks as the full search does (bm25 with the same column weights and pair tokens,
// bm25.hpp), from a smaller index: each word is stored once, as its stem in the row's
// own language, where the full index stores its canonical form and three stems. What it
// leaves to the full search: typo correction, the side-by-side bonus, and the confidence
// check (its answers are never called confident). docs/loading.md has the numbers.
//
// Every file is read defensively: damaged bytes give corrupt_database, never a crash.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "kb/knowledge_base.hpp"
#include "kb/synonyms.hpp"

namespace ha::kb {

inline constexpr int quick_format_version = 1;

// File magic numbers (four bytes, then the format version as one byte).
inline constexpr std::string_view quick_head_magic = "HAQH";
inline constexpr std::string_view quick_terms_magic = "HAQT";
inline constexpr std::string_view quick_text_magic = "HAQX";

// How much of an article's text a text file keeps for the snippet (bytes, cut at a word).
inline constexpr std::size_t quick_excerpt_bytes = 200;

struct quick_response {
  search_response found;  // never confident; no corrections
  // Files the search needs that have not been added: fetch them, add them, search again.
  std::vector<std::string> missing;
};

class quick_index {
 public:
  // Reads a head file (unzipped). Errors: corrupt_database, version_mismatch.
  static result<quick_index> open(std::string_view head);

  // Adds a file the head names (a term shard or a language's texts). Errors:
  // invalid_argument (a name the head does not know), corrupt_database.
  status add(std::string_view name, std::string_view bytes);

  // The texts file a customer in lang reads hits in (the closest language that has
  // one): worth fetching with the head, before the first search asks. Empty when none.
  std::string texts_for(std::string_view lang) const;

  // The hits for a query, best first, as knowledge_base::search() shapes them; or the
  // files missing for them (then found is empty). Any text gives hits or none.
  quick_response search(std::string_view query, const search_options& options) const;

  struct posting {
    std::uint32_t row;
    std::uint16_t in_column[3];  // how often in title, tags, body
  };
  struct row_info {
    std::uint32_t article;
    std::uint32_t words;
  };
  struct article_info {
    std::string id, kind, audience, category;
    std::uint32_t languages = 0;  // bit i: content_languages[i]
  };
  struct article_text {
    std::string title, excerpt;
  };

 private:
  quick_index() = default;
  // The shard that would hold a term, by the shards' first terms.
  std::size_t shard_of(std::string_view term) const;
  // The postings of a term (nullptr when no loaded row holds it; the shard must be loaded).
  const std::vector<posting>* postings(const std::string& term) const;

  std::vector<row_info> rows_;
  double average_words_ = 0;
  std::vector<article_info> articles_;
  synonym_table synonyms_;
  std::vector<std::string> shard_first_;
  std::vector<std::string> files_;  // the term shards' files, then the texts' files
  std::vector<bool> shard_loaded_;
  std::map<std::string, std::size_t, std::less<>> text_file_;  // language → its texts file
  std::map<std::string, std::vector<posting>, std::less<>> terms_;      // of loaded shards
  std::map<std::string, std::map<std::uint32_t, article_text>, std::less<>> texts_;  // language → article → text
};

// The bytes of the files (for the writer and the tests): LEB128 numbers and
// length-prefixed strings.
namespace quick_format {
void put_number(std::string& out, std::uint64_t n);
void put_string(std::string& out, std::string_view s);
// A row's counts of a term in one number: the body's count times 16, then the title's and
// the tags' counts of up to 3 in two bits each (more is rare, and counts as 3).
std::uint64_t pack_counts(std::uint32_t title, std::uint32_t tags, std::uint32_t body);
}  // namespace quick_format

}  // namespace ha::kb
