#include "kb/row_lengths.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <nlohmann/json.hpp>

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

status number_rows_by_length(sqlite3* db) {
  const auto fail = [&](std::string_view what) -> status {
    return {errc::internal, std::string(what) + ": " + sqlite3_errmsg(db)};
  };
  struct row {
    long long rowid;
    std::uint8_t code;
  };
  std::vector<row> rows;
  {
    statement select(db,
                     "SELECT a.rowid, a.title, a.tags, b.body FROM articles a "
                     "JOIN bodies b ON b.rowid = a.rowid ORDER BY a.rowid");
    if (!select.ok()) return fail("reading rows");
    int rc;
    while ((rc = select.step()) == SQLITE_ROW) {
      rows.push_back({select.integer(0),
                      length_code(indexed_words(select.text(1), select.text(2), select.text(3)))});
    }
    if (rc != SQLITE_DONE) return fail("reading rows");
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const row& a, const row& b) { return a.code < b.code; });
  // Out of the way first (rowids are positive), then each to its place.
  if (sqlite3_exec(db, "UPDATE articles SET rowid = -rowid; UPDATE bodies SET rowid = -rowid;",
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    return fail("numbering rows");
  }
  statement move_article(db, "UPDATE articles SET rowid = ?1 WHERE rowid = ?2");
  statement move_body(db, "UPDATE bodies SET rowid = ?1 WHERE rowid = ?2");
  if (!move_article.ok() || !move_body.ok()) return fail("numbering rows");
  row_lengths lengths;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto rowid = static_cast<long long>(i + 1);
    for (statement* move : {&move_article, &move_body}) {
      move->reset();
      move->bind(1, rowid).bind(2, -rows[i].rowid);
      if (move->step() != SQLITE_DONE) return fail("numbering rows");
    }
    if (i == 0 || rows[i].code != rows[i - 1].code) lengths.add(rowid, rows[i].code);
  }
  statement meta(db, "INSERT INTO meta(key, value) VALUES ('row_lengths', ?1)");
  meta.bind(1, lengths.to_json());
  if (!meta.ok() || meta.step() != SQLITE_DONE) return fail("row lengths");
  return ok_status();
}

}  // namespace ha::kb
