// Typo correction from the knowledge base's own vocabulary.
//
// kbc stores every word of the customer-visible text in the table
//   words(word, display, docs)   canonical form, how it is written, articles using it
// A query word that the index does not know in any form (canonical or stem) is replaced
// by the closest known word one edit away (insert, delete, substitute, or swap two
// neighbours), the most-used word on a tie; unless it is a real word of a supported
// language or a product name (kbc's real_words, see real_words.hpp), which the customer
// meant. One edit, not two for long words: kbc can list every real word one edit from
// the knowledge base's words, not every one two edits away ("vremenska" is two from
// "vremena"). Shorter words and numbers are never corrected: too many real words are one
// edit apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

struct sqlite3;

namespace ha::kb {

// Fills the words table from the customer articles (kbc, and tests that build a
// knowledge base by hand).
status build_word_list(sqlite3* db);

struct correction {
  std::string word;     // canonical form, to search for
  std::string display;  // as written in the articles, to show the customer
};

class spelling {
 public:
  // Reads the words table. An empty or missing table gives a speller that corrects
  // nothing.
  static spelling load(sqlite3* db);

  // The closest known word, if one is close enough.
  std::optional<correction> correct(std::string_view canonical) const;
  // Whether correct() ever replaces this word (not a short word, not a number): when it
  // cannot, the word list is not read (in a knowledge base read in pages, 39 KB at
  // 100,000 articles, for a letter being typed).
  static bool may_correct(std::string_view canonical) noexcept;

  std::size_t size() const noexcept { return entries_.size(); }

 private:
  struct entry {
    std::string word;
    std::string display;
    long long docs;
  };
  std::vector<entry> entries_;  // sorted by word length, then by docs (descending)
};

// Damerau–Levenshtein distance (optimal string alignment) between two byte strings,
// or limit + 1 once it is certain to exceed limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace ha::kb
