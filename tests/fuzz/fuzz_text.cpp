// The text pipeline on any bytes: folding, tokenizing, stemming, transliterating,
// sanitising, cutting, reading text out of HTML, telling the language and finding phrases. Nothing may crash, the
// outputs must be valid UTF-8, and an identified language must be one of the six.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/fold.hpp"
#include "text/html.hpp"
#include "text/langid.hpp"
#include "text/phrases.hpp"
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
  // Text read out of any markup is valid UTF-8 when the markup is (references included),
  // and so is the text read back from paragraphs made of it.
  if (!ha::text::is_valid_utf8(ha::text::html_text(clean))) std::abort();
  if (!ha::text::is_valid_utf8(ha::text::html_text(ha::text::paragraphs_html(clean)))) std::abort();
  (void)ha::text::to_lower(input);
  const std::string_view cut = ha::text::truncate_chars(clean, size % 64);
  if (!ha::text::is_valid_utf8(cut)) std::abort();
  if (!ha::text::is_valid_utf8(ha::text::truncate(clean, size % 97))) std::abort();
  if (!ha::text::is_valid_utf8(ha::text::plain_word(input))) std::abort();
  for (const char* current : {"en", "sr-Cyrl", "hr"}) {
    const std::string lang = ha::text::identify_language(input, current, nullptr).lang;
    if (!lang.empty() && lang != "en" && lang != "sr-Latn" && lang != "sr-Cyrl" && lang != "hr" &&
        lang != "bs" && lang != "sl") {
      std::abort();
    }
  }
  // Phrases as signals.yaml writes them, some matched against the input itself.
  static const ha::text::phrase_list phrases = [] {
    ha::text::phrase_list list;
    list.add("repeat_contact", "treći put");
    list.add("repeat_contact", "već sam zva*");
    list.add("insult", "a* b* c* d* e*");
    return list;
  }();
  for (const auto& m : phrases.find(input)) {
    if (!ha::text::is_valid_utf8(m.words)) std::abort();
  }
  ha::text::phrase_list own;
  own.add("x", input.substr(0, 40));
  (void)own.find(input);
  return 0;
}
