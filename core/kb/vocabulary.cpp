#include "kb/vocabulary.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "kb/fts_tokenizer.hpp"
#include "kb/query.hpp"
#include "kb/statement.hpp"
#include "text/stopwords.hpp"
#include "text/utf8.hpp"

namespace ha::kb {

namespace {

// The index's terms with the number of rows holding each, while it lives.
class vocabulary {
 public:
  explicit vocabulary(sqlite3* db) : db_(db) {
    created_ =
        sqlite3_exec(
            db, "CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, articles_fts, row)",
            nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~vocabulary() {
    if (created_) sqlite3_exec(db_, "DROP TABLE temp.vocabulary", nullptr, nullptr, nullptr);
  }
  vocabulary(const vocabulary&) = delete;
  vocabulary& operator=(const vocabulary&) = delete;
  bool ok() const { return created_; }

 private:
  sqlite3* db_;
  bool created_ = false;
};

}  // namespace

status build_completions(sqlite3* db, long long max_rows, long long listed_rows_max) {
  const vocabulary terms_of_index(db);
  if (!terms_of_index.ok()) return {errc::internal, sqlite3_errmsg(db)};
  long long rows = 0;
  {
    statement count(db, "SELECT value FROM meta WHERE key = 'indexed_rows'");
    if (count.ok() && count.step() == SQLITE_ROW) rows = std::atoll(count.text(0).c_str());
  }
  using holder = std::pair<long long, std::string>;  // rows holding the term, the term
  std::map<std::string, std::vector<holder>> by_beginning;
  {
    statement terms(db, "SELECT term, doc FROM temp.vocabulary");
    if (!terms.ok()) return {errc::internal, sqlite3_errmsg(db)};
    while (terms.step() == SQLITE_ROW) {
      const std::string term = terms.text(0);
      // Pair, gap and neighbour tokens (a control character first) and group tokens.
      if (term.empty() || static_cast<unsigned char>(term[0]) < 0x20 || term[0] == '#') continue;
      // Stopwords and terms in more than half of the rows tell no article apart, and
      // reading them costs the most (whole words like them are not searched either);
      // nor do terms in more than max_rows rows to the two or three letters of a
      // word being typed, and in a large knowledge base read in pages their doclists
      // made each such keystroke a download of hundreds of KB.
      if (text::is_stopword(term) || 2 * terms.integer(1) > rows ||
          terms.integer(1) > max_rows) {
        continue;
      }
      std::size_t end = 0;
      for (std::size_t letters = 1; letters <= completed_letters_max && end < term.size();
           ++letters) {
        text::decode(term, end);
        // A term equal to its beginning is found by the word itself.
        if (letters >= 2 && end < term.size()) {
          by_beginning[term.substr(0, end)].emplace_back(terms.integer(1), term);
        }
      }
    }
  }
  statement insert(db, "INSERT INTO completions(prefix, terms) VALUES (?1, ?2)");
  if (!insert.ok()) return {errc::internal, sqlite3_errmsg(db)};
  for (auto& [beginning, holders] : by_beginning) {
    const std::size_t kept = std::min(holders.size(), max_completions);
    std::partial_sort(holders.begin(), holders.begin() + static_cast<std::ptrdiff_t>(kept),
                      holders.end(), [](const holder& a, const holder& b) {
                        return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    std::string listed;
    long long listed_rows = 0;
    for (std::size_t k = 0; k < kept; ++k) {
      // Together at most listed_rows_max rows (the first always): each is a doclist a
      // keystroke reads.
      listed_rows += holders[k].first;
      if (k > 0 && listed_rows > listed_rows_max) break;
      if (k > 0) listed += ' ';
      listed += holders[k].second;
    }
    insert.reset();
    insert.bind(1, beginning).bind(2, listed);
    if (insert.step() != SQLITE_DONE) return {errc::internal, sqlite3_errmsg(db)};
  }
  insert.reset();
  return ok_status();
}

status build_common_terms(sqlite3* db, const term_counts& counts, long long min_rows) {
  std::vector<std::pair<std::string, long long>> common;
  for (const auto& [term, rows] : counts) {
    if (rows > min_rows) common.emplace_back(term, rows);
  }
  std::sort(common.begin(), common.end());
  statement insert(db, "INSERT INTO common_terms(term, docs) VALUES (?1, ?2)");
  if (!insert.ok()) return {errc::internal, sqlite3_errmsg(db)};
  for (const auto& [term, rows] : common) {
    insert.reset();
    insert.bind(1, term).bind(2, rows);
    if (insert.step() != SQLITE_DONE) return {errc::internal, sqlite3_errmsg(db)};
  }
  return ok_status();
}

}  // namespace ha::kb
