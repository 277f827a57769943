// Search with any bytes and options, on a small knowledge base in memory and on the same
// one read in pages: results or an empty list, never a crash, and the two agree.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "fixtures.hpp"
#include "kb/knowledge_base.hpp"
#include "kb/paged.hpp"
#include "text/utf8.hpp"

namespace {

const std::string& image() {
  static const std::string bytes = ha::test::make_kb_image(ha::test::small_help_center());
  return bytes;
}

const ha::kb::knowledge_base& whole() {
  static const auto kb = ha::kb::knowledge_base::open_image(image()).value();
  return kb;
}

// Read in pages of 1 page a chunk, every chunk given as it is asked for.
struct paged {
  std::shared_ptr<ha::kb::page_store> store;
  std::optional<ha::kb::knowledge_base> kb;
  paged() {
    ha::kb::page_layout layout{4096, static_cast<std::uint32_t>(image().size() / 4096), 1};
    store = std::make_shared<ha::kb::page_store>(layout);
    for (std::size_t i = 0; i < layout.chunk_count(); ++i) {
      if (!store->add_chunk(i, image().substr(i * 4096, 4096)).ok()) std::abort();
    }
    kb.emplace(ha::kb::knowledge_base::open_pages(store).value());
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static paged reader;
  static const char* const langs[] = {"en", "sr-Latn", "sr-Cyrl", "hr", "bs", "sl", "xx", ""};
  ha::kb::search_options options;
  options.lang = langs[data[0] & 7];
  options.limit = (data[0] >> 3) & 15;
  options.include_agent = data[0] & 0x80;
  options.include_flows = !(data[0] & 0x40);
  const std::string query(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto a = whole().search(query, options);
  const auto b = reader.kb->search(query, options);
  if (!a.ok() || !b.ok()) std::abort();
  if (a.value().hits.size() != b.value().hits.size()) std::abort();
  for (const auto& hit : a.value().hits) {
    if (!ha::text::is_valid_utf8(hit.snippet_html) || !ha::text::is_valid_utf8(hit.title)) std::abort();
  }
  if (!ha::text::is_valid_utf8(a.value().corrected)) std::abort();
  (void)whole().for_page(query, options);
  (void)whole().get_article(query, options.lang);
  return 0;
}
