// The synonyms table of kb.sqlite (see synonyms.hpp), apart from the table's own logic so
// that the first-answer engine (quick_index.hpp), which has no SQLite, can use the groups.
#include <sqlite3.h>

#include "kb/statement.hpp"
#include "kb/synonyms.hpp"

namespace ha::kb {

status synonym_table::load(sqlite3* db) {
  statement rows(db, "SELECT grp, word FROM synonyms ORDER BY grp, word");
  if (!rows.ok()) return {errc::corrupt_database, "the knowledge base has no synonyms table"};
  std::vector<std::vector<std::string>> groups;
  while (rows.step() == SQLITE_ROW) {
    const auto g = static_cast<std::size_t>(rows.integer(0));
    if (g >= 10000) return {errc::corrupt_database, "synonym group number out of range"};
    if (groups.size() <= g) groups.resize(g + 1);
    groups[g].push_back(rows.text(1));
  }
  assign(groups);
  return ok_status();
}

status synonym_table::store(sqlite3* db) const {
  statement insert(db, "INSERT OR IGNORE INTO synonyms(grp, word) VALUES (?1, ?2)");
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    for (const std::string& word : groups_[g]) {
      insert.reset();
      insert.bind(1, static_cast<long long>(g)).bind(2, word);
      if (insert.step() != SQLITE_DONE) return {errc::internal, sqlite3_errmsg(db)};
    }
  }
  return ok_status();
}

}  // namespace ha::kb
