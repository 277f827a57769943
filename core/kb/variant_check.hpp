// Ekavian and ijekavian: Serbian is written ekavian here ("vreme", "promena",
// "sledeći"), Croatian and Bosnian ijekavian ("vrijeme", "promjena", "sljedeći"). A
// Croatian or Bosnian text with ekavian forms (usually a Serbian sentence translated
// too little), or a Serbian one with ijekavian forms, reads as written by someone else.
// kbc warns of them (the build still succeeds: a word may be right in a name or a quote).
//
// No word list: the knowledge base's own texts decide. A word of an ijekavian text whose
// e, written ije or je, gives a word the other files of its variant use more than it,
// while the Serbian texts use it more than that other word, is an ekavian form
// ("promena": the Croatian texts write "promjena", the Serbian ones "promena"); the same
// the other way for Serbian texts. Common words decide by their counts ("je" is no
// ijekavian "e"). A form the other files of the text's own language write at least as
// often as its counterpart is that language's choice, not a slip: Bosnian "prevara",
// "pređite" beside Croatian "prijevara", "prijeđite".
#pragma once

#include <string>
#include <vector>

namespace ha::kb {

// One line of a source file in one language: a line of an article, or a language's
// entry in a flow ("hr: …").
struct variant_line {
  std::string file;
  int line = 0;
  std::string lang;  // sr-Latn, hr, bs (other languages are not checked)
  std::string text;
};

struct variant_mark {
  std::string file;
  int line = 0;
  std::string lang;
  std::string word;      // as the line writes it, lower case
  std::string expected;  // the form the other texts of its language use
};

// At most one mark per file and word, in the order of the lines.
std::vector<variant_mark> variant_marks(const std::vector<variant_line>& lines);

}  // namespace ha::kb
