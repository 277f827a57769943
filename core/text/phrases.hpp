// Phrases to spot in a customer's message, each under a kind: the knowledge base's
// frustration signals (signals.yaml) are kept in one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ha::text {

// A phrase's words must come in its order with at most two other words between
// neighbours; a word ending in * matches every word it begins; case, script and
// diacritics do not matter (words are compared in their canonical form).
class phrase_list {
 public:
  // Adds a phrase; false if it holds no word.
  bool add(std::string kind, std::string_view phrase);
  std::size_t size() const noexcept { return phrases_.size(); }

  struct match {
    std::string kind;
    std::string words;  // the customer's own words, from the first matched to the last
  };
  // Every kind found in text, once each, with the first phrase of it that matched.
  std::vector<match> find(std::string_view text) const;

 private:
  struct phrase {
    std::string kind;
    std::vector<std::string> words;  // canonical; a trailing '*' marks a beginning
  };
  std::vector<phrase> phrases_;
};

}  // namespace ha::text
