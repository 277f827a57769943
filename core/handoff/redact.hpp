// Sensitive data taken out of what a customer typed before anything leaves the device
// (P17): card numbers (Luhn-checked), IBANs (mod-97 checked), Serbian JMBG (date and
// check digit), and whatever follows a password word ("password", "lozinka", "šifra",
// "zaporka", "geslo" and their inflected forms, in Latin or Cyrillic) up to the end of
// the line.
//
//   redact("moja lozinka je Tajna123").text   // "moja lozinka •••••• ••••••"
//
// What each kind becomes (• is U+2022):
//   card      every digit but the last four, separators kept: "•••• •••• •••• 1111"
//   iban      all but the country code, spaces kept: "RS••••••••••••••••••••"
//   jmbg      all 13 digits: "•••••••••••••"
//   password  after the word, to the end of its line: each run of non-spaces becomes six
//             bullets and spaces stay ("lozinka: x y" → "lozinka: •••••• ••••••");
//             a word with no letter or digit after it on its line removes nothing.
// Invalid UTF-8 is copied through; the text is read once, left to right.
//
// What is removed becomes bullets, so the customer's preview and the agent's copy show
// that something was there without a word in any one language; the kinds found are
// listed for the package.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ha::handoff {

struct redaction {
  std::string text;
  std::vector<std::string> kinds;  // "card", "iban", "jmbg", "password"; each once, in that order
};

redaction redact(std::string_view text);

}  // namespace ha::handoff
