#include "common/languages.hpp"

#include <algorithm>

namespace ha {
namespace {

using chain = std::array<std::string_view, 6>;
constexpr chain en{"en", "sr-Latn", "hr", "bs", "sl", "sr-Cyrl"};
constexpr chain sr_latn{"sr-Latn", "sr-Cyrl", "bs", "hr", "en", "sl"};
constexpr chain sr_cyrl{"sr-Cyrl", "sr-Latn", "bs", "hr", "en", "sl"};
constexpr chain hr{"hr", "bs", "sr-Latn", "en", "sl", "sr-Cyrl"};
constexpr chain bs{"bs", "hr", "sr-Latn", "en", "sl", "sr-Cyrl"};
constexpr chain sl{"sl", "hr", "en", "bs", "sr-Latn", "sr-Cyrl"};

}  // namespace

bool is_content_language(std::string_view lang) noexcept {
  return std::find(content_languages.begin(), content_languages.end(), lang) !=
         content_languages.end();
}

std::span<const std::string_view> fallback_chain(std::string_view lang) noexcept {
  if (lang == "sr-Latn" || lang == "sr") return sr_latn;
  if (lang == "sr-Cyrl") return sr_cyrl;
  if (lang == "hr") return hr;
  if (lang == "bs") return bs;
  if (lang == "sl") return sl;
  return en;
}

std::string_view display_language(std::string_view written, bool query_is_cyrillic,
                                  bool keep_script, std::string_view chosen) noexcept {
  const bool serbian =
      query_is_cyrillic || written == "sr" || written == "sr-Latn" || written == "sr-Cyrl";
  if (keep_script && serbian) return chosen == "sr-Cyrl" ? "sr-Cyrl" : "sr-Latn";
  if (query_is_cyrillic && !keep_script) return "sr-Cyrl";
  if (written == "sr") return "sr-Latn";
  return is_content_language(written) ? written : "en";
}

}  // namespace ha
