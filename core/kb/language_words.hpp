// The knowledge base's own evidence for language identification (text/langid.hpp):
// the words that only some of its languages use and how often each language writes each
// sequence of three letters, counted by kbc from its customer articles and flows:
//   language_words(word, langs)   plain form (text::plain_word), language mask (bit i:
//                                 text::identified_languages[i], the language table's
//                                 order: a knowledge base is rebuilt with the table)
//   language_grams(gram, en, …)   "_ge", "ges"…: uses in each language, a column per
//                                 identified language named by its code, made here
#pragma once

#include "common/result.hpp"
#include "text/langid.hpp"

struct sqlite3;

namespace ha::kb {

// kbc: fills both tables from the articles (Serbian counted from its Latin rows).
status build_language_words(sqlite3* db);

// The tables as a model; empty when they are missing (an older knowledge base).
text::language_model load_language_model(sqlite3* db);

}  // namespace ha::kb
