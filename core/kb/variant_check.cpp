#include "kb/variant_check.hpp"

#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include "common/languages.hpp"
#include "text/fold.hpp"
#include "text/tokenizer.hpp"

namespace ha::kb {
namespace {

enum variant { ekavian, ijekavian, unchecked };

variant variant_of(std::string_view lang) {
  const ha::language* l = find_language(lang);
  if (l == nullptr || !l->written) return unchecked;  // the Cyrillic twin is kbc's
  switch (l->reflex) {
    case yat_reflex::ekavian: return ekavian;
    case yat_reflex::ijekavian: return ijekavian;
    case yat_reflex::none: return unchecked;
  }
  return unchecked;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  for (const text::token& t : text::tokenize(text)) {
    words.push_back(text::to_lower(std::string_view(text).substr(t.begin, t.end - t.begin)));
  }
  return words;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The other variant's possible forms of a word: each e after a consonant written ije or
// je (ekavian → ijekavian), or each ije and je after a consonant written e (back).
std::vector<std::string> counterparts(const std::string& word, variant from) {
  std::vector<std::string> out;
  for (std::size_t i = 1; i < word.size(); ++i) {
    if (is_vowel(word[i - 1]) || static_cast<unsigned char>(word[i - 1]) < 'a') continue;
    if (from == ekavian && word[i] == 'e') {
      out.push_back(word.substr(0, i) + "ije" + word.substr(i + 1));
      out.push_back(word.substr(0, i) + "je" + word.substr(i + 1));
    } else if (from == ijekavian && word.compare(i, 3, "ije") == 0) {
      out.push_back(word.substr(0, i) + "e" + word.substr(i + 3));
    } else if (from == ijekavian && word.compare(i, 2, "je") == 0) {
      out.push_back(word.substr(0, i) + "e" + word.substr(i + 2));
    }
  }
  return out;
}

}  // namespace

std::vector<variant_mark> variant_marks(const std::vector<variant_line>& lines) {
  std::map<std::string, long long> uses[2];                         // by variant
  std::map<std::tuple<std::string, variant, std::string>, long long> in_file;  // file, variant, word
  std::map<std::pair<std::string, std::string>, long long> in_language;        // language, word
  std::map<std::tuple<std::string, std::string, std::string>, long long> in_file_language;
  for (const variant_line& l : lines) {
    const variant v = variant_of(l.lang);
    if (v == unchecked) continue;
    for (const std::string& w : words_of(l.text)) {
      ++uses[v][w];
      ++in_file[{l.file, v, w}];
      ++in_language[{l.lang, w}];
      ++in_file_language[{l.file, l.lang, w}];
    }
  }
  const auto count = [&](variant v, const std::string& w) {
    const auto it = uses[v].find(w);
    return it == uses[v].end() ? 0LL : it->second;
  };
  // Uses in the texts of a variant outside one file: what "the other texts" write.
  const auto elsewhere = [&](variant v, const std::string& w, const std::string& file) {
    const auto it = in_file.find({file, v, w});
    return count(v, w) - (it == in_file.end() ? 0 : it->second);
  };
  // Uses in the other files of one language (Bosnian alone, not with Croatian).
  const auto elsewhere_in = [&](const std::string& lang, const std::string& w,
                                const std::string& file) {
    const auto all = in_language.find({lang, w});
    const auto here = in_file_language.find({file, lang, w});
    return (all == in_language.end() ? 0 : all->second) -
           (here == in_file_language.end() ? 0 : here->second);
  };
  std::vector<variant_mark> marks;
  std::set<std::pair<std::string, std::string>> reported;  // file, word
  for (const variant_line& l : lines) {
    const variant own = variant_of(l.lang);
    if (own == unchecked) continue;
    const variant other = own == ekavian ? ijekavian : ekavian;
    for (const std::string& w : words_of(l.text)) {
      // The word is the other variant's (its texts use it more than its counterpart),
      // and its counterpart this one's (the other files of this variant use it more).
      for (const std::string& c : counterparts(w, other)) {
        // What the other texts of its own language write is its choice: Bosnian writes
        // "prevara" and "pređite" where Croatian writes "prijevara", "prijeđite".
        const long long own_choice = elsewhere_in(l.lang, w, l.file);
        if (own_choice > 0 && own_choice >= elsewhere_in(l.lang, c, l.file)) continue;
        if (elsewhere(own, c, l.file) > elsewhere(own, w, l.file) &&
            count(other, w) > count(other, c) &&
            reported.emplace(l.file, w).second) {
          marks.push_back({l.file, l.line, l.lang, w, c});
          break;
        }
      }
    }
  }
  return marks;
}

}  // namespace ha::kb
