#include "kb/language_words.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "common/languages.hpp"
#include "kb/statement.hpp"
#include "text/tokenizer.hpp"

namespace ha::kb {
namespace {

constexpr std::size_t language_count = text::identified_languages.size();
using language_counts = std::array<long long, language_count>;

// A word counts for a language when that language uses it at least this share as often
// (relative to its amount of text) as the language that uses it most.
constexpr double share_of_most = 0.2;
// Words used fewer times than this in the whole knowledge base say little.
constexpr long long min_uses = 2;
// At most this many words per language are kept (the most used): evidence enough for
// short queries, and a bounded table for a knowledge base of any size.
constexpr std::size_t max_words_per_language = 1500;
// Letter sequences: those used at least this often, at most this many (the most used).
constexpr long long min_gram_uses = 3;
constexpr std::size_t max_grams = 6000;

// The identified language a stored code counts for, or -1 (a language kbc makes from
// another is counted from that one's rows).
int language_index(std::string_view lang) {
  if (is_made_language(lang)) return -1;
  const std::string_view source = written_source(lang);
  for (std::size_t i = 0; i < language_count; ++i) {
    if (text::identified_languages[i] == source) return static_cast<int>(i);
  }
  return -1;
}

// "en, sr, hr, bs, sl": language_grams' columns, one per identified language.
std::string gram_columns() {
  std::string columns;
  for (std::string_view code : text::identified_languages) {
    if (!columns.empty()) columns += ", ";
    columns += '"';
    columns += code;
    columns += '"';
  }
  return columns;
}

// language_grams: a column per identified language; the sequences used at least
// min_gram_uses times, at most max_grams of them (the most used).
status write_grams(sqlite3* db, const std::map<std::string, language_counts>& grams) {
  std::vector<std::pair<long long, const std::string*>> by_use;
  for (const auto& [gram, n] : grams) {
    long long uses = 0;
    for (long long c : n) uses += c;
    if (uses >= min_gram_uses) by_use.emplace_back(uses, &gram);
  }
  std::stable_sort(by_use.begin(), by_use.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  if (by_use.size() > max_grams) by_use.resize(max_grams);
  std::string create = "CREATE TABLE language_grams(gram TEXT PRIMARY KEY";
  std::string insert_sql = "INSERT INTO language_grams(gram, " + gram_columns() + ") VALUES (?1";
  for (std::size_t i = 0; i < language_count; ++i) {
    create += ", \"" + std::string(text::identified_languages[i]) + "\" INTEGER NOT NULL";
    insert_sql += ", ?" + std::to_string(i + 2);
  }
  create += ") WITHOUT ROWID";
  insert_sql += ")";
  if (sqlite3_exec(db, create.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return {errc::internal, sqlite3_errmsg(db)};
  }
  statement insert(db, insert_sql);
  if (!insert.ok()) return {errc::internal, sqlite3_errmsg(db)};
  for (const auto& [uses, gram] : by_use) {
    insert.reset();
    insert.bind(1, *gram);
    for (std::size_t i = 0; i < language_count; ++i) {
      insert.bind(static_cast<int>(i) + 2, grams.at(*gram)[i]);
    }
    if (insert.step() != SQLITE_DONE) return {errc::internal, sqlite3_errmsg(db)};
  }
  return ok_status();
}

}  // namespace

status build_language_words(sqlite3* db) {
  statement rows(db,
                 "SELECT lang, title || ' ' || tags || ' ' || plain_text(html) FROM articles "
                 "WHERE audience = 'customer'");
  if (!rows.ok()) return {errc::internal, sqlite3_errmsg(db)};
  std::map<std::string, language_counts> counts, grams;
  std::array<long long, language_count> totals{};
  while (rows.step() == SQLITE_ROW) {
    const int lang = language_index(rows.text(0));
    if (lang < 0) continue;
    const std::string text = rows.text(1);
    for (const text::token& t : text::tokenize(text)) {
      const std::string p = text::plain_word(std::string_view(text).substr(t.begin, t.end - t.begin));
      if (p.find_first_not_of("0123456789") == std::string::npos) continue;
      ++counts[p][static_cast<std::size_t>(lang)];
      ++totals[static_cast<std::size_t>(lang)];
      std::string padded(1, '_');  // built in steps: GCC 12 warns wrongly on "_" + s + "_"
      padded.append(p);
      padded += '_';
      for (std::size_t i = 0; i + 3 <= padded.size(); ++i) {
        ++grams[padded.substr(i, 3)][static_cast<std::size_t>(lang)];
      }
    }
  }
  text::language_mask present = 0;
  for (std::size_t i = 0; i < language_count; ++i) {
    if (totals[i] > 0) present |= static_cast<text::language_mask>(1u << i);
  }
  // Each word's languages: those that use it nearly as much as the one that uses it most.
  struct candidate {
    std::string word;
    text::language_mask langs;
    long long uses;
  };
  std::array<std::vector<candidate>, language_count> by_language;
  for (const auto& [word, n] : counts) {
    double most = 0;
    long long uses = 0;
    for (std::size_t i = 0; i < language_count; ++i) {
      if (totals[i] > 0) most = std::max(most, static_cast<double>(n[i]) / totals[i]);
      uses += n[i];
    }
    if (uses < min_uses) continue;
    text::language_mask langs = 0;
    std::size_t first = language_count;
    for (std::size_t i = 0; i < language_count; ++i) {
      if (totals[i] > 0 && static_cast<double>(n[i]) / totals[i] >= share_of_most * most) {
        langs |= static_cast<text::language_mask>(1u << i);
        first = std::min(first, i);
      }
    }
    if (langs == present) continue;  // every language uses it: no evidence
    by_language[first].push_back({word, langs, uses});
  }
  statement insert(db, "INSERT INTO language_words(word, langs) VALUES (?1, ?2)");
  if (!insert.ok()) return {errc::internal, sqlite3_errmsg(db)};
  for (std::vector<candidate>& list : by_language) {
    std::stable_sort(list.begin(), list.end(),
                     [](const candidate& a, const candidate& b) { return a.uses > b.uses; });
    if (list.size() > max_words_per_language) list.resize(max_words_per_language);
    for (const candidate& c : list) {
      insert.reset();
      insert.bind(1, c.word).bind(2, static_cast<long long>(c.langs));
      if (insert.step() != SQLITE_DONE) return {errc::internal, sqlite3_errmsg(db)};
    }
  }
  return write_grams(db, grams);
}

text::language_model load_language_model(sqlite3* db) {
  text::language_model model;
  statement rows(db, "SELECT word, langs FROM language_words");
  if (!rows.ok()) return model;
  while (rows.step() == SQLITE_ROW) {
    model.words.emplace(rows.text(0), static_cast<text::language_mask>(rows.integer(1)));
  }
  statement grams(db, "SELECT gram, " + gram_columns() + " FROM language_grams");
  if (!grams.ok()) return model;
  std::vector<std::pair<std::string, std::array<long long, language_count>>> read;
  std::array<long long, language_count> totals{};
  while (grams.step() == SQLITE_ROW) {
    std::array<long long, language_count> n{};
    for (std::size_t i = 0; i < language_count; ++i) {
      n[i] = grams.integer(static_cast<int>(i) + 1);
      totals[i] += n[i];
    }
    read.emplace_back(grams.text(0), n);
  }
  for (std::size_t i = 0; i < language_count; ++i) {
    if (totals[i] > 0) model.languages |= static_cast<text::language_mask>(1u << i);
  }
  // Log probabilities, smoothed so that a sequence a language never wrote is unlikely,
  // not impossible.
  const double smoothing = 0.5;
  for (const auto& [gram, n] : read) {
    std::array<float, language_count> log_p{};
    for (std::size_t i = 0; i < language_count; ++i) {
      if (totals[i] == 0) continue;
      log_p[i] = static_cast<float>(std::log((static_cast<double>(n[i]) + smoothing) /
                                             (static_cast<double>(totals[i]) +
                                              smoothing * static_cast<double>(read.size()))));
    }
    model.grams.emplace(gram, log_p);
  }
  return model;
}

}  // namespace ha::kb
