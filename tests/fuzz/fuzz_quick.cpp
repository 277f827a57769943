// The first-answer index (kb/quick_index.hpp) given damaged files: the input is a list of
// edits (1 byte naming the file, 2 bytes of offset, 1 byte of value) applied to a real
// index of the small help center. Opening, adding and searching give results or an error
// value, never a crash.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "kb/quick_index.hpp"
#include "kb/quick_writer.hpp"

namespace {

struct index_files {
  std::string head;
  std::vector<std::pair<std::string, std::string>> files;  // name, unzipped bytes
};

const index_files& original() {
  static const index_files files = [] {
    index_files out;
    const std::string image = ha::test::make_kb_image(ha::test::small_help_center());
    auto written = ha::kb::write_quick_index(image, [](std::string_view bytes) {
      return std::to_string(std::hash<std::string_view>{}(bytes));
    });
    if (!written.ok()) __builtin_trap();
    out.files = written.value().files;
    out.head = written.value().head;
    return out;
  }();
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  index_files files = original();
  for (std::size_t i = 0; i + 4 <= size; i += 4) {
    const std::size_t which = data[i] % (files.files.size() + 1);
    std::string& bytes = which == 0 ? files.head : files.files[which - 1].second;
    if (bytes.empty()) continue;
    const std::size_t at = (std::size_t{data[i + 1]} << 8 | data[i + 2]) % bytes.size();
    bytes[at] = static_cast<char>(data[i + 3]);
  }
  auto index = ha::kb::quick_index::open(files.head);
  if (!index.ok()) return 0;
  for (const auto& [name, bytes] : files.files) (void)index.value().add(name, bytes);
  ha::kb::search_options options;
  for (const char* q : {"reset password", "lozinka", "ro", "router lights", "лозинка"}) {
    (void)index.value().search(q, options);
  }
  return 0;
}
