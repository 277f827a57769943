// Serbian Latin → Serbian Cyrillic, for making the Cyrillic version of an article from
// its Latin source (kbc), so the two scripts never drift apart.
//
// Latin → Cyrillic is not one-to-one: "nj", "lj" and "dž" are usually one letter (њ, љ, џ)
// but two in a few words (konjunkcija, injekcija, nadživeti), and foreign words, brand
// names, acronyms, addresses and links must stay in Latin. The rules, in order:
//   - a whitespace-separated chunk holding '@', "://", "www." or ".example" stays as is;
//   - a word with q, w, x or y, with a capital after a small letter (SavaNova, eSIM),
//     written in capitals (SIM, PIN, HDMI), or on the keep-Latin list stays as is;
//     a one-letter word joined to such a word by '-' stays with it (e-mail);
//   - otherwise each letter maps to its Cyrillic letter, digraphs to one letter except
//     after the known prefixes where they are two.
#pragma once

#include <string>
#include <string_view>

namespace ha::text {

std::string serbian_latin_to_cyrillic(std::string_view latin);

}  // namespace ha::text
