// The first-answer index: what answers a customer's first searches while the whole
// engine (SQLite, and the knowledge base in pages) is still on its way. On a phone on a
// slow network the whole engine takes seconds to arrive; this index and the small module
// that reads it (core/wasm/quick_exports.cpp, no SQLite) arrive in a fraction of that,
// and the whole engine takes over, searching again, as soon as it is ready.
//
// kbc writes it beside the pages (quick_writer.hpp) as gzipped files:
//
//   head        per article: its languages, how many index rows it has, whether it is a
//               guided fix or for agents; the synonym groups; the first term of each
//               shard below, and the key the files below are named by. Rows are
//               numbered article by article, so the article of a row is known without a
//               table of rows.
//   term shards the index: each term with the rows holding it, how often in the title,
//               tags and body, and the row's length in words (as a one-byte logarithm);
//               terms in byte order, cut into shards of about 5 KB gzipped, so a search
//               fetches only the shards holding its words
//   texts       per language, in chunks of quick_text_articles articles: each article's
//               id, kind, category, title and the start of its text, fetched for the
//               hits shown
//
// It ranks as the full search does (bm25 with the same column weights and pair tokens,
// bm25.hpp), from a smaller index: each word is stored once, as its stem in the row's
// own language, where the full index stores its canonical form and three stems. What it
// leaves to the full search: typo correction, the title's neighbour tokens
// and the confidence check (its answers are never called confident). docs/loading.md has the numbers.
//
// Every file is read defensively: damaged bytes give corrupt_database, never a crash.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.hpp"
#include "kb/knowledge_base.hpp"
#include "kb/synonyms.hpp"

namespace ha::kb {

inline constexpr int quick_format_version = 3;

// Articles per texts chunk. A hit shown costs one chunk: in a large help center 8
// articles' titles and text starts (about 1.5 KB gzipped), so that the hits of a
// keystroke cost about as much as its term shards; a small one (up to
// quick_few_text_chunks chunks of 64 per language) is fetched whole with the head.
inline constexpr std::size_t quick_text_articles = 8;
inline constexpr std::size_t quick_small_text_articles = 64;
inline constexpr std::size_t quick_few_text_chunks = 4;

// The names of the files the head names by its key (quick_writer.hpp).
std::string quick_shard_name(std::string_view key, std::size_t shard);
std::string quick_texts_name(std::string_view key, std::string_view lang, std::size_t chunk);

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

  // In a small help center, the texts a customer in lang reads hits in (the closest
  // language that has any), when they are a few chunks: worth fetching with the head,
  // before the first search asks. Empty in a large one: each search asks for its own.
  std::vector<std::string> texts_for(std::string_view lang) const;

  // The hits for a query, best first, as knowledge_base::search() shapes them; or the
  // files missing for them (then found is empty). Any text gives hits or none.
  quick_response search(std::string_view query, const search_options& options) const;

  struct posting {
    std::uint32_t row;
    std::uint16_t in_column[3];  // how often in title, tags, body
    std::uint8_t length;         // the row's length in words, length_code (bm25.hpp)
  };
  struct term_postings {
    std::vector<posting> list;  // in row order; a common term's best rows only
    std::uint32_t holders = 0;  // how many rows hold it (for its weight)
  };
  struct article_info {
    std::uint32_t languages = 0;  // bit i: content_languages[i]
    std::uint32_t first_row = 0;  // its rows are first_row, first_row + 1, ...
    bool agent = false;           // for agents only
    bool flow = false;            // a guided fix
  };
  struct article_text {
    std::string id, kind, category, title, excerpt;
  };

 private:
  quick_index() = default;
  // The shard that would hold a term, by the shards' first terms.
  std::size_t shard_of(std::string_view term) const;
  // The article a row belongs to.
  std::uint32_t article_of(std::uint32_t row) const;
  // The file index of the texts chunk holding an article in lang (npos when none).
  std::size_t texts_file(std::string_view lang, std::uint32_t article) const;

  double average_words_ = 0;
  std::uint32_t rows_ = 0;
  std::vector<article_info> articles_;
  synonym_table synonyms_;
  std::vector<std::string> shard_first_;
  // Every file: the term shards (in term order), then each language's texts chunks.
  std::vector<std::string> files_;  // "" for a texts chunk no article has
  std::unordered_map<std::string, std::size_t> file_index_;  // name → index in files_
  std::vector<bool> loaded_;
  struct language_texts {
    std::size_t first_file = 0;  // index in files_ of its first chunk
    std::size_t chunks = 0;
    std::map<std::uint32_t, article_text> articles;  // of the chunks loaded
  };
  std::map<std::string, language_texts, std::less<>> texts_;
  std::uint32_t text_articles_ = quick_text_articles;
  std::map<std::string, term_postings, std::less<>> terms_;  // of loaded shards
};

// The bytes of the files (for the writer and the tests): LEB128 numbers and
// length-prefixed strings.
namespace quick_format {
void put_number(std::string& out, std::uint64_t n);
void put_string(std::string& out, std::string_view s);
// A row's counts of a term in one number: the body's count times 16, then the title's and
// the tags' counts of up to 3 in two bits each (more is rare, and counts as 3).
std::uint64_t pack_counts(std::uint32_t title, std::uint32_t tags, std::uint32_t body);
// An article's entry in the head: languages, row count (up to 7), guided fix, agents only.
std::uint64_t pack_article(std::uint32_t languages, std::uint32_t rows, bool flow, bool agent);
}  // namespace quick_format

}  // namespace ha::kb
