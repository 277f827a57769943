// kbc — the knowledge-base compiler.
//
//   kbc <knowledge-base-dir> -o <kb.sqlite>
//   kbc --corpus <articles.jsonl> -o <kb.sqlite>     plain-text articles, one JSON per line
//   kbc --export-corpus <kb.sqlite> -o <articles.jsonl>   the reverse, for benchmarks
//   kbc --stats ...      also print counts by audience, language and kind as JSON
//   kbc ... --pages <dir> [--chunk-pages N]   also write the knowledge base as the browser
//                        reads it in pages (kb/paged_writer.hpp; N pages a chunk, chosen by
//                        its size when not given: write_pages)
//   kbc ... --site-module <file.js>   also write site.yaml's company and contacts as the
//                        JavaScript module the page is built with
//   kbc --language-module <file.js>   write the language table for the page (web/languages.js)
//
// Checks every article and writes kb.sqlite. Problems are printed as
// "file:line: message" on stderr and the exit status is 1; no database is written then.
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "kb/compiler.hpp"
#include "kb/paged_writer.hpp"

namespace {

int usage() {
  std::cerr << "usage: kbc <knowledge-base-dir> -o <kb.sqlite>\n"
               "       kbc --corpus <articles.jsonl> -o <kb.sqlite>\n"
               "       kbc --export-corpus <kb.sqlite> -o <articles.jsonl>\n"
               "       --stats  also print counts by audience, language and kind (JSON)\n"
               "       --pages <dir> [--chunk-pages N]  also write it in pages for the browser\n"
               "       --site-module <file.js>  also write site.yaml's company for the page\n"
               "       kbc --language-module <file.js>  write the language table for the page\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string source;
  std::string output;
  bool corpus = false;
  bool export_corpus = false;
  bool stats = false;
  std::string pages;
  std::string site_js;
  unsigned long chunk_pages = 0;  // chosen by the size (write_pages)
  if (argc == 3 && std::strcmp(argv[1], "--language-module") == 0) {
    std::ofstream out(argv[2], std::ios::binary);
    out << ha::kb::language_module();
    if (!out) std::cerr << argv[2] << ":0: cannot write the language module\n";
    return out ? 0 : 1;
  }
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--corpus") == 0) {
      corpus = true;
    } else if (std::strcmp(argv[i], "--stats") == 0) {
      stats = true;
    } else if (std::strcmp(argv[i], "--export-corpus") == 0) {
      export_corpus = true;
    } else if (std::strcmp(argv[i], "--pages") == 0 && i + 1 < argc) {
      pages = argv[++i];
    } else if (std::strcmp(argv[i], "--site-module") == 0 && i + 1 < argc) {
      site_js = argv[++i];
    } else if (std::strcmp(argv[i], "--chunk-pages") == 0 && i + 1 < argc) {
      chunk_pages = std::strtoul(argv[++i], nullptr, 10);
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
  for (const auto& d : result.warnings) std::cerr << ha::kb::format(d) << '\n';
  for (const auto& d : result.errors) std::cerr << ha::kb::format(d) << '\n';
  if (!result.ok()) {
    std::cerr << "kbc: " << result.errors.size() << " problem(s); " << output << " not written\n";
    return 1;
  }
  std::cerr << "kbc: " << result.stats.articles << " articles -> " << output << '\n';
  std::cerr << "kbc: a confident answer needs a confidence of " << result.stats.confidence_threshold
            << " (site.yaml search.confidence sets another); a stray match scores about "
            << result.stats.confidence_scale << " here (off-topic messages searched)\n";
  std::cerr << "kbc: " << result.stats.real_words << " words the speller keeps as written ("
            << (result.stats.dictionaries.empty() ? std::string("no hunspell dictionaries found: product names only")
                                                  : "dictionaries: " + [&] {
                                                      std::string names;
                                                      for (const auto& d : result.stats.dictionaries) names += (names.empty() ? "" : " ") + d;
                                                      return names;
                                                    }())
            << ")\n";
  if (!pages.empty()) {
    std::ifstream in(output, std::ios::binary);
    const std::string image((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto written = ha::kb::write_pages(image, pages, static_cast<std::uint32_t>(chunk_pages));
    if (!written) {
      std::cerr << pages << ":0: " << written.err().message << '\n';
      return 1;
    }
    std::cerr << "kbc: " << written.value().chunks << " chunks and " << written.value().hot_pages
              << " hot pages (" << written.value().hot_bytes << " B gzip; "
              << written.value().quick_bytes << " B first-answer index; "
              << written.value().total_bytes << " B in all) -> " << pages << '\n';
  }
  if (!site_js.empty()) {
    const auto module = ha::kb::site_module(output);
    std::ofstream out(site_js, std::ios::binary);
    if (!module || !(out << module.value())) {
      std::cerr << site_js << ":0: " << (module ? "cannot write the file" : module.err().message) << '\n';
      return 1;
    }
  }
  if (stats) std::cout << ha::kb::stats_json(result.stats) << '\n';
  return 0;
}
