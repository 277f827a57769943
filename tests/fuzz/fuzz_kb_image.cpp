// Opening a damaged knowledge base, whole and read in pages: the input is a list of
// edits (3 bytes of offset, 1 byte of value) applied to a real image. Opening and
// searching give results or an error value, never a crash.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fixtures.hpp"
#include "kb/knowledge_base.hpp"
#include "kb/paged.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // As kbc leaves it (one index segment, named in meta), so that a search in pages
  // works out where doclists lie from %_idx, which the edits may damage too.
  static const std::string original =
      ha::test::as_kbc_leaves_it(ha::test::make_kb_image(ha::test::small_help_center()));
  std::string image = original;
  for (std::size_t i = 0; i + 4 <= size; i += 4) {
    const std::size_t at = (std::size_t{data[i]} << 16 | std::size_t{data[i + 1]} << 8 | data[i + 2]) % image.size();
    image[at] = static_cast<char>(data[i + 3]);
  }
  if (auto kb = ha::kb::knowledge_base::open_image(image); kb.ok()) {
    for (const char* q : {"lozinka", "router", "ro", "šifra zaboravljena"}) (void)kb.value().search(q, {});
    (void)kb.value().for_page("/account", {});
  }
  // In pages, given as they are asked for (as the browser does), for a bounded number
  // of rounds: a damaged file must not make a search ask for ever.
  ha::kb::page_layout layout{4096, static_cast<std::uint32_t>(image.size() / 4096), 1};
  auto store = std::make_shared<ha::kb::page_store>(layout);
  const auto give_missing = [&] {
    const auto missing = store->take_missing();
    for (std::size_t i : missing) (void)store->add_chunk(i, image.substr(i * 4096, 4096));
    return !missing.empty();
  };
  for (int round = 0; round < 50; ++round) {
    auto kb = ha::kb::knowledge_base::open_pages(store);
    if (give_missing()) continue;
    if (kb.ok()) {
      for (const char* q : {"lozinka", "router", "ro"}) (void)kb.value().search(q, {});
      if (give_missing()) continue;
    }
    break;
  }
  return 0;
}
