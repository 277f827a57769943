// Signs that a customer is losing patience, so that the assistant apologises and offers
// a person at once instead of making them try everything first (P8, P9). The phrases
// ("third time", "već sam zva*", insults, angry words) are the knowledge base's own
// (signals.yaml, see text/phrases.hpp); these two need no list.
#pragma once

#include <string_view>

namespace ha::session {

// Shouting: at least 8 letters, of which at least 70 % are capitals ("NE RADI NISTA").
// Acronyms in ordinary text (SIM, PIN, Wi-Fi) stay far below that share.
bool is_shouting(std::string_view text);

// Three exclamation marks or more ("NE RADI!!!", "why?!?!").
bool has_many_exclamations(std::string_view text);

}  // namespace ha::session
