// Signs that a customer is losing patience, so that the assistant offers a person
// earlier instead of making them try everything first (P8, P9).
#pragma once

#include <string_view>

namespace ha::session {

// Angry or despairing words in any supported language (English, Serbian in either
// script, Croatian, Bosnian, Slovenian), found in any inflected form, with or without
// diacritics: "useless", "užas", "katastrofa", "sramota", "grozno"...
bool has_angry_words(std::string_view text);

// Shouting: at least 8 letters, of which at least 70 % are capitals ("NE RADI NISTA").
// Acronyms in ordinary text (SIM, PIN, Wi-Fi) stay far below that share.
bool is_shouting(std::string_view text);

}  // namespace ha::session
