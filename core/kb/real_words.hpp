// The words the speller must never replace (issue 13): real words of the supported
// languages that are one edit away from a word of the knowledge base (so the speller
// would otherwise take them for a typo of it), and product names. kbc finds them with
// Debian's hunspell dictionaries (hunspell-en-us, -sr, -hr, -bs, -sl), which stay on the
// build machine: the browser gets only this short list, in
//   real_words(word)   canonical form (text::fold_word)
#pragma once

#include <string>
#include <vector>

#include "common/result.hpp"

struct sqlite3;

namespace ha::kb {

struct real_words_report {
  std::vector<std::string> dictionaries;  // the ones found and used
  std::size_t candidates = 0;             // words one edit from the knowledge base's
  std::size_t kept = 0;                   // of them real, plus the product names
  bool from_cache = false;  // the list of the last build with the same words and dictionaries
};

// Reads the words table (build_word_list first), writes real_words. keep: names the
// author listed (site.yaml spelling.keep), added to the built-in product names.
// dictionary_dir: where the .dic/.aff files are (/usr/share/hunspell). Looking up every
// word one edit from the knowledge base's takes a minute or two on two cores; the list is
// kept in ~/.cache/help-assistant/real-words/ and reused while the words are the same.
result<real_words_report> build_real_words(sqlite3* db, const std::vector<std::string>& keep,
                                           const std::string& dictionary_dir);

}  // namespace ha::kb
