// kbc on a knowledge-base folder an author got wrong: the input is split at lines of
// "=====" into an article (front matter and Markdown), a flow (YAML) and site.yaml (when
// absent, a valid one). kbc must answer with file:line diagnostics or a knowledge base
// that opens and searches; never a crash, an abort or an exception that escapes.
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "kb/compiler.hpp"
#include "kb/knowledge_base.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::string_view valid_site =
    "languages: [en, sr]\n"
    "teams:\n"
    "  technical: {name: {en: Technical support, sr: Tehnička podrška}}\n";

std::vector<std::string> parts(std::string_view input) {
  std::vector<std::string> out;
  constexpr std::string_view cut = "\n=====\n";
  while (out.size() < 2) {
    const std::size_t at = input.find(cut);
    if (at == std::string_view::npos) break;
    out.emplace_back(input.substr(0, at));
    input.remove_prefix(at + cut.size());
  }
  out.emplace_back(input);
  return out;
}

void write(const fs::path& file, std::string_view content) {
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(content.data(), content.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fs::path root = [] {
    const fs::path dir = fs::temp_directory_path() / ("fuzz-kbc-" + std::to_string(getpid()));
    // kbc's cache of real words (a file per set of words) in a folder of this run's,
    // removed at exit, not in the home.
    setenv("XDG_CACHE_HOME", (dir.string() + "-cache").c_str(), 1);
    // Two small dictionaries, not Debian's: loading those five took five seconds and
    // 800 MB an input under ASan, so the fuzzer ran one input a second and ran out of
    // memory on its own corpus; the real-word rules are the same with a short list.
    const fs::path words = dir.string() + "-dictionaries";
    fs::create_directories(words);
    std::ofstream(words / "en_US.aff") << "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n";
    std::ofstream(words / "en_US.dic") << "4\nrouter/S\nrestart\ncable/S\nunplug\n";
    std::ofstream(words / "hr_HR.aff") << "SET UTF-8\n";
    std::ofstream(words / "hr_HR.dic") << "3\nusmjerivač\nkabel\nponovno\n";
    setenv("HA_DICTIONARIES", words.c_str(), 1);
    std::atexit([] {
      const fs::path run = fs::temp_directory_path() / ("fuzz-kbc-" + std::to_string(getpid()));
      fs::remove_all(run);
      fs::remove_all(run.string() + "-cache");
      fs::remove_all(run.string() + "-dictionaries");
    });
    return dir;
  }();
  fs::remove_all(root);
  fs::create_directories(root / "articles" / "internet");
  fs::create_directories(root / "flows");
  const std::vector<std::string> files = parts({reinterpret_cast<const char*>(data), size});
  write(root / "articles" / "internet" / "restart-router.en.md", files[0]);
  if (files.size() > 1) write(root / "flows" / "router-fix.yaml", files[1]);
  write(root / "site.yaml", files.size() > 2 ? std::string_view(files[2]) : valid_site);

  const ha::kb::compile_result r = ha::kb::compile(root, root / "kb.sqlite");
  for (const ha::kb::diagnostic& d : r.errors) (void)ha::kb::format(d);
  if (r.ok()) {
    auto kb = ha::kb::knowledge_base::open_file((root / "kb.sqlite").string());
    if (!kb.ok()) __builtin_trap();  // kbc said it wrote a knowledge base that does not open
    (void)kb.value().search("router", {});
  }
  return 0;
}
