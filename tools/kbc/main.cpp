// kbc — the knowledge-base compiler.
//
//   kbc <knowledge-base-dir> -o <kb.sqlite>
//   kbc --corpus <articles.jsonl> -o <kb.sqlite>     plain-text articles, one JSON per line
//   kbc --export-corpus <kb.sqlite> -o <articles.jsonl>   the reverse, for benchmarks
//   kbc --stats ...      also print counts by audience, language and kind as JSON
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
               "       kbc --corpus <articles.jsonl> -o <kb.sqlite>\n"
               "       kbc --export-corpus <kb.sqlite> -o <articles.jsonl>\n"
               "       --stats  also print counts by audience, language and kind (JSON)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string source;
  std::string output;
  bool corpus = false;
  bool export_corpus = false;
  bool stats = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--corpus") == 0) {
      corpus = true;
    } else if (std::strcmp(argv[i], "--stats") == 0) {
      stats = true;
    } else if (std::strcmp(argv[i], "--export-corpus") == 0) {
      export_corpus = true;
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
  if (export_corpus) {
    const ha::status exported = ha::kb::export_corpus(source, output);
    if (!exported) std::cerr << source << ":0: " << exported.err().message << '\n';
    return exported ? 0 : 1;
  }

  const ha::kb::compile_result result =
      corpus ? ha::kb::compile_corpus(source, output) : ha::kb::compile(source, output);
  for (const auto& d : result.errors) std::cerr << ha::kb::format(d) << '\n';
  if (!result.ok()) {
    std::cerr << "kbc: " << result.errors.size() << " problem(s); " << output << " not written\n";
    return 1;
  }
  std::cerr << "kbc: " << result.stats.articles << " articles -> " << output << '\n';
  if (stats) std::cout << ha::kb::stats_json(result.stats) << '\n';
  return 0;
}
