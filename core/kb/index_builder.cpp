#include "kb/index_builder.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

#include "kb/bm25.hpp"
#include "kb/fts_tokenizer.hpp"
#include "kb/statement.hpp"

namespace ha::kb {
namespace {

constexpr const char* rows_sql =
    "SELECT rowid, title, tags, plain_text(html) FROM articles WHERE lang != 'sr-Cyrl' "
    "ORDER BY rowid";

// One row of the index: its words' forms, column by column.
struct indexed_row {
  std::int64_t rowid = 0;
  std::array<std::vector<std::vector<std::string>>, 3> columns;  // title, tags, body
  std::vector<std::string> neighbours;  // the title's neighbour tokens (title_neighbours)
  std::size_t words() const {
    return columns[0].size() + columns[1].size() + columns[2].size();
  }
};

// Calls each(row) for every row to index, in rowid order. False on an error.
bool for_each_row(sqlite3* db, const synonym_table* synonyms,
                  const std::function<void(const indexed_row&)>& each) {
  statement rows(db, rows_sql);
  if (!rows.ok()) return false;
  indexed_row row;
  int rc;
  while ((rc = rows.step()) == SQLITE_ROW) {
    row.rowid = rows.integer(0);
    for (int c = 0; c < 3; ++c) row.columns[c] = document_forms(rows.text(c + 1), synonyms);
    row.neighbours = title_neighbour_tokens(rows.text(1));
    each(row);
  }
  return rc == SQLITE_DONE;
}

// A row where a term weighs more comes first; between equals, the shorter row (the
// lower rowid: rows are numbered by length, row_lengths.hpp).
struct weighed_row {
  double weight;
  std::int64_t rowid;
  bool operator>(const weighed_row& other) const {
    return weight != other.weight ? weight > other.weight : rowid < other.rowid;
  }
};

}  // namespace

result<term_counts> build_index(sqlite3* db, const synonym_table* synonyms, term_filter* filter,
                                long long max_rows) {
  const auto failed = [&] { return error{errc::internal, sqlite3_errmsg(db)}; };
  // The rows holding each term, and the words in all rows.
  term_counts counts;
  double all_words = 0;
  long long row_count = 0;
  const bool counted = for_each_row(db, synonyms, [&](const indexed_row& row) {
    std::vector<std::string> terms;
    for (const auto& column : row.columns) {
      for (const auto& forms : column) terms.insert(terms.end(), forms.begin(), forms.end());
    }
    terms.insert(terms.end(), row.neighbours.begin(), row.neighbours.end());
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    for (std::string& term : terms) ++counts[std::move(term)];
    all_words += static_cast<double>(row.words());
    ++row_count;
  });
  if (!counted) return failed();

  // The rows each term held by more than max_rows is kept for: the max_rows it weighs
  // most in, found with a heap per term whose top is the least of those kept so far.
  std::unordered_map<std::string, std::vector<std::int64_t>> kept;
  if (filter != nullptr) {
    using heap = std::priority_queue<weighed_row, std::vector<weighed_row>, std::greater<>>;
    std::unordered_map<std::string, heap> best;
    for (const auto& [term, rows] : counts) {
      if (rows > max_rows) best[term];
    }
    const double average = row_count > 0 ? all_words / static_cast<double>(row_count) : 1;
    if (!best.empty()) {
      std::unordered_map<std::string, double> frequency;  // of the row's bounded terms
      const bool weighed = for_each_row(db, synonyms, [&](const indexed_row& row) {
        frequency.clear();
        for (std::size_t c = 0; c < row.columns.size(); ++c) {
          for (const auto& forms : row.columns[c]) {
            for (const std::string& form : forms) {
              if (best.count(form) != 0) frequency[form] += column_weights[c];
            }
          }
        }
        for (const std::string& token : row.neighbours) {
          if (best.count(token) != 0) frequency[token] += column_weights[0];  // as in the title
        }
        const double ratio = average > 0 ? static_cast<double>(row.words()) / average : 1;
        for (const auto& [term, f] : frequency) {
          heap& top = best[term];
          const weighed_row candidate{term_score(1, f, ratio), row.rowid};
          if (static_cast<long long>(top.size()) < max_rows) {
            top.push(candidate);
          } else if (candidate > top.top()) {
            top.pop();
            top.push(candidate);
          }
        }
      });
      if (!weighed) return failed();
      for (auto& [term, top] : best) {
        std::vector<std::int64_t>& rows = kept[term];
        for (; !top.empty(); top.pop()) rows.push_back(top.top().rowid);
        std::sort(rows.begin(), rows.end());
      }
    }
    filter->kept = &kept;
  }

  std::string columns = "rowid, title, tags, body";
  std::string parameters = "?1, ?2, ?3, ?4";
  for (std::size_t at = 0; at < uses_columns.size(); ++at) {
    columns += ", " + uses_column_name(uses_columns[at]);
    parameters += ", ?" + std::to_string(5 + at);
  }
  columns += ", title_neighbours";
  parameters += ", ?" + std::to_string(5 + uses_columns.size());
  statement insert(db, "INSERT INTO articles_fts(" + columns + ") VALUES (" + parameters + ")");
  statement rows(db, rows_sql);
  bool inserted = insert.ok() && rows.ok();
  int rc = SQLITE_DONE;
  while (inserted && (rc = rows.step()) == SQLITE_ROW) {
    if (filter != nullptr) filter->row = rows.integer(0);
    insert.reset();
    const std::string tags = rows.text(2), body = rows.text(3);
    insert.bind(1, rows.integer(0)).bind(2, rows.text(1)).bind(3, tags).bind(4, body);
    const auto repeated = repeated_forms(tags, body, synonyms);
    for (std::size_t at = 0; at < repeated.size(); ++at) {
      insert.bind(static_cast<int>(5 + at), repeated[at]);
    }
    insert.bind(static_cast<int>(5 + repeated.size()), title_neighbours(rows.text(1)));
    inserted = insert.step() == SQLITE_DONE;
  }
  if (filter != nullptr) filter->kept = nullptr;
  if (!inserted || rc != SQLITE_DONE) return failed();
  statement meta(db, "INSERT INTO meta(key, value) VALUES (?1, ?2)");
  if (!meta.ok()) return failed();
  std::vector<std::pair<const char*, long long>> values = {{"indexed_rows", row_count}};
  if (filter != nullptr) values.emplace_back("index_bound", max_rows);
  for (const auto& [key, value] : values) {
    meta.reset();
    meta.bind(1, key).bind(2, std::to_string(value));
    if (meta.step() != SQLITE_DONE) return failed();
  }
  return counts;
}

}  // namespace ha::kb
