#include "kb/row_lengths.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "common/languages.hpp"
#include "kb/bm25.hpp"
#include "kb/fts_tokenizer.hpp"
#include "kb/statement.hpp"

namespace ha::kb {

bool row_lengths::load(std::string_view json) {
  starts_.clear();
  const auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_array()) return false;
  for (const auto& start : parsed) {
    if (!start.is_array() || start.size() != 2 || !start[0].is_number_integer() ||
        !start[1].is_number_integer()) {
      starts_.clear();
      return false;
    }
    const long long rowid = start[0].get<long long>();
    const long long code = start[1].get<long long>();
    if (code < 0 || code > 255 || (!starts_.empty() && rowid <= starts_.back().first)) {
      starts_.clear();
      return false;
    }
    starts_.emplace_back(rowid, static_cast<std::uint8_t>(code));
  }
  return true;
}

std::string row_lengths::to_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [rowid, code] : starts_) out.push_back({rowid, code});
  return out.dump();
}

void row_lengths::add(long long first_rowid, std::uint8_t code) {
  starts_.emplace_back(first_rowid, code);
}

double row_lengths::words(long long rowid) const {
  auto after = std::upper_bound(starts_.begin(), starts_.end(), rowid,
                                [](long long r, const auto& start) { return r < start.first; });
  if (after == starts_.begin()) return 0;
  return length_of(std::prev(after)->second);
}

bool row_lengths::load_slots(std::string_view slots) {
  slots_.clear();
  std::size_t start = 0;
  while (start < slots.size()) {
    const std::size_t end = std::min(slots.find(' ', start), slots.size());
    const std::string lang(slots.substr(start, end - start));
    if (!is_content_language(lang) || std::find(slots_.begin(), slots_.end(), lang) != slots_.end()) {
      slots_.clear();
      return false;
    }
    slots_.push_back(lang);
    start = end + 1;
  }
  return true;
}

long long row_lengths::article_of(long long rowid) const noexcept {
  if (slots_.empty()) return rowid;
  return (rowid - 1) / static_cast<long long>(slots_.size());
}

long long row_lengths::version_of(long long rowid, std::string_view lang) const noexcept {
  const auto slot = std::find(slots_.begin(), slots_.end(), lang);
  if (slot == slots_.end() || rowid < 1) return 0;
  const auto size = static_cast<long long>(slots_.size());
  return (rowid - 1) / size * size + (slot - slots_.begin()) + 1;
}

status number_rows_by_length(sqlite3* db) {
  const auto fail = [&](std::string_view what) -> status {
    return {errc::internal, std::string(what) + ": " + sqlite3_errmsg(db)};
  };
  struct row {
    long long rowid;
    std::string lang;
  };
  struct article {
    std::vector<row> rows;
    double words = 0;   // of its indexed rows (sr-Cyrl rows are not indexed)
    int indexed = 0;
    double first_words = 0;  // of its first row, for an article with none indexed
    std::uint8_t code = 0;
  };
  std::vector<article> articles;
  bool versions = false;
  {
    std::map<std::string, std::size_t, std::less<>> index;
    statement select(
        db, "SELECT rowid, id, lang, title, tags, plain_text(html) FROM articles ORDER BY rowid");
    if (!select.ok()) return fail("reading rows");
    int rc;
    while ((rc = select.step()) == SQLITE_ROW) {
      const auto [at, added] = index.emplace(select.text(1), articles.size());
      if (added) articles.emplace_back();
      article& a = articles[at->second];
      versions = versions || !added;
      a.rows.push_back({select.integer(0), select.text(2)});
      const auto words = static_cast<double>(
          indexed_words(select.text(3), select.text(4), select.text(5)));
      if (a.rows.size() == 1) a.first_words = words;
      if (is_made_language(a.rows.back().lang)) continue;  // not indexed
      a.words += words;
      ++a.indexed;
    }
    if (rc != SQLITE_DONE) return fail("reading rows");
  }
  // The languages' places in a block: those the knowledge base has, in the engine's order.
  std::vector<std::string> slots;
  if (versions) {
    for (const std::string_view lang : content_languages) {
      const bool used = std::any_of(articles.begin(), articles.end(), [&](const article& a) {
        return std::any_of(a.rows.begin(), a.rows.end(), [&](const row& r) { return r.lang == lang; });
      });
      if (used) slots.emplace_back(lang);
    }
  }
  for (article& a : articles) {
    const double mean = a.indexed > 0 ? a.words / a.indexed : a.first_words;
    a.code = length_code(static_cast<std::uint32_t>(std::lround(mean)));
  }
  std::stable_sort(articles.begin(), articles.end(),
                   [](const article& a, const article& b) { return a.code < b.code; });
  // Out of the way first (rowids are positive), then each to its place.
  if (sqlite3_exec(db, "UPDATE articles SET rowid = -rowid;", nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    return fail("numbering rows");
  }
  statement move(db, "UPDATE articles SET rowid = ?1 WHERE rowid = ?2");
  if (!move.ok()) return fail("numbering rows");
  const auto block = static_cast<long long>(std::max<std::size_t>(slots.size(), 1));
  row_lengths lengths;
  for (std::size_t k = 0; k < articles.size(); ++k) {
    const long long first = static_cast<long long>(k) * block + 1;
    for (const row& r : articles[k].rows) {
      const auto slot = std::find(slots.begin(), slots.end(), r.lang);
      const long long rowid = first + (slot == slots.end() ? 0 : slot - slots.begin());
      move.reset();
      move.bind(1, rowid).bind(2, -r.rowid);
      if (move.step() != SQLITE_DONE) return fail("numbering rows");
    }
    if (k == 0 || articles[k].code != articles[k - 1].code) lengths.add(first, articles[k].code);
  }
  std::string joined;
  for (const std::string& lang : slots) joined += (joined.empty() ? "" : " ") + lang;
  statement meta(db, "INSERT INTO meta(key, value) VALUES ('row_lengths', ?1), ('row_slots', ?2)");
  meta.bind(1, lengths.to_json()).bind(2, joined);
  if (!meta.ok() || meta.step() != SQLITE_DONE) return fail("row lengths");
  return ok_status();
}

}  // namespace ha::kb
