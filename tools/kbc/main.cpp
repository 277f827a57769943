// kbc — the knowledge-base compiler.
//
//   kbc <knowledge-base-dir> -o <kb.sqlite>
//   kbc --corpus <articles.jsonl> -o <kb.sqlite>     plain-text articles, one JSON per line
//
// Checks every article and writes kb.sqlite. Problems are printed as
// "file:line: message" on stderr and the exit status is 1; no database is written then.
#include <cstring>
#include <iostream>
#include <string>

#include "kb/compiler.hpp"

namespace {

int usage() {
  std::cerr << "usage: kbc <knowledge-base-dir> -o <kb.sqlite>\n"
               "       kbc --corpus <articles.jsonl> -o <kb.sqlite>\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string source;
  std::string output;
  bool corpus = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--corpus") == 0) {
      corpus = true;
    } else if (std::strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
      output = argv[++i];
    } else if (argv[i][0] == '-') {
      return usage();
    } else if (source.empty()) {
      source = argv[i];
    } else {
      return usage();
    }
  }
  if (source.empty() || output.empty()) return usage();

  const ha::kb::compile_result result =
      corpus ? ha::kb::compile_corpus(source, output) : ha::kb::compile(source, output);
  for (const auto& d : result.errors) std::cerr << ha::kb::format(d) << '\n';
  if (!result.ok()) {
    std::cerr << "kbc: " << result.errors.size() << " problem(s); " << output << " not written\n";
    return 1;
  }
  std::cerr << "kbc: " << result.stats.articles << " articles -> " << output << '\n';
  return 0;
}
