// The canonical search form of text. Every word is indexed and queried in this form:
// lower case, Cyrillic transliterated to Latin (Serbian letters as Serbian Latin), Latin
// diacritics removed, combining marks dropped. Display always uses the original text.
//
// đ/Đ, Cyrillic ђ and the typed digraph "dj" all fold to "d", so the three ways
// customers write the letter (đ, dj, d) meet; see fold_word().
#pragma once

#include <string>
#include <string_view>

namespace ha::text {

// True for code points that belong to a word: letters, digits and combining marks in
// any script. Punctuation, symbols, spaces, emoji, private-use and control characters,
// and U+FFFD separate words.
bool is_word_char(char32_t cp) noexcept;

// Appends the folded form of one word character to out (nothing for combining marks,
// Cyrillic hard and soft signs). Code points without a folding are appended unchanged.
void append_folded(std::string& out, char32_t cp);

// The canonical form of one word (UTF-8 in, UTF-8 out): append_folded() for each code
// point, then every "dj" becomes "d". Folding "dj" as well as "đ" makes đ/dj/d meet; the
// words it merges by accident are rare in a help center, and in ijekavian text it even
// meets the ekavian form (djeca/deca, nedjelja/nedelja, podjela/podela).
std::string fold_word(std::string_view word);
// The same into out (replacing what it held), reusing its memory: for loops over many words.
void fold_word_into(std::string_view word, std::string& out);

// Lower case for display (diacritics kept): ASCII, Latin-1, Latin Extended-A, the
// Latin digraph letters and Cyrillic. Other code points are copied unchanged.
std::string to_lower(std::string_view text);

// True if the text holds at least one Cyrillic letter.
bool has_cyrillic(std::string_view text) noexcept;

}  // namespace ha::text
