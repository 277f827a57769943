// Synonyms from the knowledge base's configuration (site.yaml): groups of words that
// mean the same to customers ("ruter", "router", "modem").
//
// They work inside the tokenizer: every word of a group, in any of its forms (canonical
// or stem), is also indexed as the group's token "#<group>" at the same position, and a
// query word of a group carries the same token as an alternative. A query word then
// matches any word of its group, and counts once in the ranking however many of the
// group's words an article uses.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/result.hpp"

struct sqlite3;

namespace ha::kb {

class synonym_table {
 public:
  // Groups of canonical words, in site.yaml order.
  void assign(const std::vector<std::vector<std::string>>& groups);
  // Reads the synonyms table of a knowledge base; a missing table means no synonyms.
  status load(sqlite3* db);
  // Writes the groups into the synonyms table (kbc).
  status store(sqlite3* db) const;

  // The group tokens of a word given as its canonical form (none for most words).
  std::vector<std::string> group_tokens(const std::string& canonical) const;

  // The other words (canonical) of the word's groups, for marking them in snippets.
  std::vector<std::string> other_words(const std::string& canonical) const;

  const std::vector<std::vector<std::string>>& groups() const noexcept { return groups_; }

 private:
  std::vector<int> groups_of(const std::string& canonical) const;

  std::vector<std::vector<std::string>> groups_;
  std::map<std::string, std::vector<int>> form_groups_;  // canonical form or stem → groups
};

}  // namespace ha::kb
