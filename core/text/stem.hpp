// Stemmers for the canonical (folded) form of a word: lower-case ASCII-like Latin with
// diacritics removed and đ/dj as d (see fold.hpp). They reduce inflected forms to a
// shared stem so that "lozinku", "lozinke" and "lozinka" meet, and "payments" meets
// "payment".
//
//   english  — the Porter (1980) algorithm, written from its published description
//   bcs      — Serbian, Croatian, Bosnian: our own light suffix stripper for the seven
//              cases, verb forms and adjective endings, with jat (ijekavian → ekavian)
//              and a few sound changes undone, working on folded text
//   slovene  — our own light suffix stripper for six cases and three numbers
//
// A stem is not a word; it only has to be the same for the forms that belong together.
// Words of three letters or fewer are returned unchanged, and a stem is never shorter
// than three letters, so short words are not reduced to noise.
#pragma once

#include "common/languages.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ha::text {

// Which stemmer: the language table's column (languages.hpp).
using stem_language = ha::stemmer;

inline constexpr stem_language all_stem_languages[] = {stem_language::english, stem_language::bcs,
                                                       stem_language::slovene};

std::string stem(std::string_view folded_word, stem_language language);

// The distinct stems of a word in every stem_language, leaving out the word itself:
// what the search index stores beside the word.
std::vector<std::string> search_forms(std::string_view folded_word);

}  // namespace ha::text
