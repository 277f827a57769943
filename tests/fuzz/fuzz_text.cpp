// The text pipeline on any bytes: folding, tokenizing, stemming, transliterating,
// sanitising, cutting. Nothing may crash, and the outputs must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/fold.hpp"
#include "text/html.hpp"
#include "text/stem.hpp"
#include "text/tokenizer.hpp"
#include "text/transliterate.hpp"
#include "text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string clean = ha::text::sanitize(input);
  if (!ha::text::is_valid_utf8(clean)) std::abort();
  for (const auto& token : ha::text::tokenize(input)) {
    if (token.begin > token.end || token.end > input.size()) std::abort();
    (void)ha::text::search_forms(token.text);
    (void)ha::text::fold_word(token.text);
  }
  if (!ha::text::is_valid_utf8(ha::text::serbian_latin_to_cyrillic(clean))) std::abort();
  (void)ha::text::escape_html(input);
  (void)ha::text::to_lower(input);
  const std::string_view cut = ha::text::truncate_chars(clean, size % 64);
  if (!ha::text::is_valid_utf8(cut)) std::abort();
  if (!ha::text::is_valid_utf8(ha::text::truncate(clean, size % 97))) std::abort();
  return 0;
}
