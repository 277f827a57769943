// kbc's work: read a knowledge-base folder (Markdown articles with YAML front matter),
// check it, and write kb.sqlite. Native only (it uses yaml-cpp and md4c from Debian).
//
// Layout read:  <dir>/articles/**/<id>.<lang>.md   customer articles
//               <dir>/playbook/**/<id>.<lang>.md   agent-only articles
//               <dir>/flows/<id>.yaml             troubleshooting flows (flow/validate.hpp)
//               <dir>/site.yaml                   settings: languages, teams, synonyms
//
// Every problem found becomes a diagnostic with file and line; when there is any, no
// database is written (and an existing one is left as it was): the output is written
// to a temporary file and renamed into place only after everything succeeded.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace ha::kb {

struct diagnostic {
  std::string file;  // as found under the source folder, e.g. knowledge-base/articles/a.en.md
  int line = 0;      // 1-based; 0 when the problem is not at one line
  std::string message;
};

// "file:line: message", the form editors and CI logs understand.
std::string format(const diagnostic& d);

struct compile_stats {
  int articles = 0;                        // distinct ids
  std::map<std::string, int> by_language;  // rows per content language
  std::map<std::string, int> by_audience;  // distinct ids per audience
  std::map<std::string, int> by_kind;      // distinct ids per kind
  // audience → language → articles (what an author checks coverage with)
  std::map<std::string, std::map<std::string, int>> by_audience_language;
  int flows = 0;                                 // troubleshooting flows
  std::map<std::string, int> flows_by_language;  // flows per content language
  int min_alternatives = -1;  // fewest alternatives of any solution; -1: no flows
  // The speller's list of words never to replace (real_words.hpp), and the dictionaries
  // it was made with (none found: only the product names are kept).
  int real_words = 0;
  std::vector<std::string> dictionaries;
  // The confidence a search needs to be an answer (the engine's default, or site.yaml's
  // search.confidence), and the score a stray match reaches here (calibration.hpp).
  double confidence_threshold = 0;
  double confidence_scale = 0;
};

// The statistics as one JSON object (kbc --stats):
//   {"articles": N, "by_audience_language": {"customer": {"en": N, ...}, "agent": {...}},
//    "by_kind": {...}, "flows": N, "flows_by_language": {...},
//    "min_alternatives_per_solution": N (null without flows)}
std::string stats_json(const compile_stats& stats);

struct compile_result {
  std::vector<diagnostic> errors;
  // What the build goes on despite: ekavian forms in Croatian or Bosnian text, ijekavian
  // in Serbian (variant_check.hpp).
  std::vector<diagnostic> warnings;
  compile_stats stats;
  bool ok() const noexcept { return errors.empty(); }
};

compile_result compile(const std::filesystem::path& source_dir,
                       const std::filesystem::path& output);

// Builds a knowledge base from a JSON Lines file of plain-text articles, one
// {"id", "lang", "title", "body", "tags": [...]} per line (the format of the relevance
// benchmarks). For benchmarks and for importing another help center's export.
compile_result compile_corpus(const std::filesystem::path& jsonl,
                              const std::filesystem::path& output);

// Writes the customer articles of a built kb.sqlite as JSON Lines in the format
// compile_corpus() reads (one line per article per language), so other search engines
// can be benchmarked on exactly the same text.
status export_corpus(const std::filesystem::path& kb_sqlite, const std::filesystem::path& jsonl);

// The JavaScript module the page is built with (`export const site = {company: {name,
// phone, phone_abroad, email, website, phone_hours, phone_free}, holidays: ["2026-01-01",
// …], languages: [...], timeZone: "Europe/Belgrade"}`: the languages site.yaml lists, []
// when it lists none; the teams' holidays and time zone, by which the contact line says
// the phone is shut now), from a built kb.sqlite: the
// widget's contact line and the page's names come from site.yaml, not from code, and are
// there even when the engine cannot start.
result<std::string> site_module(const std::filesystem::path& kb_sqlite);

// The JavaScript module web/languages.js (`export const languageTable = [{code, source,
// script, madeFrom, autonym, fallback: [...]}, ...]`): the language table as the page
// needs it, each fallback chain whole, so the page and the core read one table.
std::string language_module();

}  // namespace ha::kb
