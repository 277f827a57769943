// The content languages of a knowledge base and the order in which a customer's
// language falls back to another when an article has no version in it.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace ha {

// BCP 47 tags used in kb.sqlite. Serbian is stored in both scripts; kbc makes the
// Cyrillic version from the Latin source, so the two are always in step.
inline constexpr std::array<std::string_view, 6> content_languages = {"en", "sr-Latn", "sr-Cyrl",
                                                                      "hr", "bs",      "sl"};

bool is_content_language(std::string_view lang) noexcept;

// The customer's language first, then the closest ones (sr ↔ bs ↔ hr, Slovenian to
// Croatian), English last. An unknown language falls back as English does.
std::span<const std::string_view> fallback_chain(std::string_view lang) noexcept;

// The language to show results in: `written`, the language of the customer's words (else
// the page's). A customer who types Cyrillic reads Serbian in Cyrillic, whatever
// Latin-script language the page was set to; unless they chose the page's language
// themselves (keep_script): then Serbian comes in the script of `chosen` (Cyrillic only
// for sr-Cyrl), whatever they type. Both search engines show results by this rule.
std::string_view display_language(std::string_view written, bool query_is_cyrillic,
                                  bool keep_script = false, std::string_view chosen = {}) noexcept;

}  // namespace ha
