// Serbian Latin → Serbian Cyrillic, for making the Cyrillic version of an article from
// its Latin source (kbc), so the two scripts never drift apart.
//
// Latin → Cyrillic is not one-to-one: "nj", "lj" and "dž" are usually one letter (њ, љ, џ)
// but two in a few words (konjunkcija, injekcija, nadživeti); authors type đ as "dj", but
// d and j are two letters after od-, pod-, nad-, pred- (odjava) and in ijekavian words
// (gdje, djeca); and foreign words, brand names, acronyms, addresses and links must stay
// in Latin. Each word is Cyrillic or Latin as a whole, never both. The rules, in order:
//   - a whitespace-separated chunk holding '@', "://", "www." or ".example", or a dot
//     between letters (app.savanova.rs), stays as is;
//   - a word stays Latin when it has a letter Serbian does not write (q, w, x, y, ä, ü, é…),
//     a doubled consonant other than jj (Jellena; najjači is Serbian), "ph", "th" (Brother;
//     not after the prefixes pret-, pot-, ot-: prethodni, pothranjen), a capital
//     after a small letter (SavaNova, eSIM), when it is a known foreign or technical word
//     with up to four letters of Serbian ending (developerima, Google), an acronym of the
//     list in capitals (SIM, PIN, USB), or a word in capitals of at most four letters in a
//     sentence that is not written in capitals; a sentence in capitals is transliterated
//     (LJUDI, JAZAVAC DŽEF → ЉУДИ, ЈАЗАВАЦ ЏЕФ), and so are Serbian acronyms of a list
//     (PDV, JMBG, PIB, MUP → ПДВ, ЈМБГ, ПИБ, МУП);
//   - across a hyphen each part is decided alone (SIM-картица), but a part of one or two
//     letters that is not a case ending stays with a Latin part (Wi-Fi, e-mail, PDV-a;
//     PDV-ом); letters joined by an apostrophe are one word (rock'n'roll);
//   - letters written against a digit are a code or a unit (5G, 2.4GHz): Latin.
// tests/fixtures/cyrillic.txt and cyrillic-hard.txt (365 cases) hold them.
#pragma once

#include <string>
#include <string_view>

namespace ha::text {

std::string serbian_latin_to_cyrillic(std::string_view latin);

}  // namespace ha::text
