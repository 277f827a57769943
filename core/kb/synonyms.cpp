#include "kb/synonyms.hpp"

#include <algorithm>

#include "text/stem.hpp"

namespace ha::kb {
namespace {

std::vector<std::string> forms_of(const std::string& canonical) {
  std::vector<std::string> forms = text::search_forms(canonical);
  forms.insert(forms.begin(), canonical);
  return forms;
}

}  // namespace

void synonym_table::assign(const std::vector<std::vector<std::string>>& groups) {
  groups_ = groups;
  form_groups_.clear();
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    for (const std::string& word : groups_[g]) {
      for (const std::string& form : forms_of(word)) {
        auto& list = form_groups_[form];
        if (std::find(list.begin(), list.end(), static_cast<int>(g)) == list.end()) {
          list.push_back(static_cast<int>(g));
        }
      }
    }
  }
}

std::vector<int> synonym_table::groups_of(const std::string& canonical) const {
  std::vector<int> groups;
  if (form_groups_.empty()) return groups;
  for (const std::string& form : forms_of(canonical)) {
    const auto it = form_groups_.find(form);
    if (it == form_groups_.end()) continue;
    for (const int g : it->second) {
      if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
    }
  }
  return groups;
}

std::vector<std::string> synonym_table::group_tokens(const std::string& canonical) const {
  std::vector<std::string> tokens;
  // '#' is never part of a word, so a group token cannot collide with an indexed word.
  for (const int g : groups_of(canonical)) {
    std::string token = std::to_string(g);  // (not "#" + ...: GCC 12 warns falsely)
    token.insert(token.begin(), '#');
    tokens.push_back(std::move(token));
  }
  return tokens;
}

std::vector<std::string> synonym_table::other_words(const std::string& canonical) const {
  std::vector<std::string> words;
  for (const int g : groups_of(canonical)) {
    for (const std::string& word : groups_[static_cast<std::size_t>(g)]) {
      if (word != canonical && std::find(words.begin(), words.end(), word) == words.end()) {
        words.push_back(word);
      }
    }
  }
  return words;
}

}  // namespace ha::kb
