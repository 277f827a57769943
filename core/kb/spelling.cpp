#include "kb/spelling.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <map>

#include "kb/statement.hpp"
#include "text/fold.hpp"
#include "text/tokenizer.hpp"

namespace ha::kb {
namespace {

constexpr std::size_t min_correctable = 4;

// One edit: the real words kbc protects are those one edit from a known word (spelling.hpp).
constexpr std::size_t allowed_edits = 1;

bool has_digit(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

status build_word_list(sqlite3* db) {
  // The Cyrillic twins repeat the Latin text; their words are counted from the Latin.
  statement rows(db,
                 "SELECT id, title || ' ' || tags || ' ' || plain_text(html) FROM articles "
                 "WHERE audience = 'customer' AND lang <> 'sr-Cyrl'");
  if (!rows.ok()) return {errc::internal, sqlite3_errmsg(db)};
  struct usage {
    std::map<std::string, int> spellings;  // lower-case surface form → occurrences
    std::vector<std::string> ids;          // articles using it (consecutive duplicates skipped)
  };
  std::map<std::string, usage> words;
  while (rows.step() == SQLITE_ROW) {
    const std::string id = rows.text(0);
    const std::string text = rows.text(1);
    for (const auto& t : text::tokenize(text)) {
      if (t.text.size() < min_correctable || has_digit(t.text)) continue;
      usage& u = words[t.text];
      ++u.spellings[text::to_lower(std::string_view(text).substr(t.begin, t.end - t.begin))];
      if (u.ids.empty() || u.ids.back() != id) u.ids.push_back(id);
    }
  }
  statement insert(db, "INSERT INTO words(word, display, docs) VALUES (?1, ?2, ?3)");
  if (!insert.ok()) return {errc::internal, sqlite3_errmsg(db)};
  for (auto& [word, u] : words) {
    std::sort(u.ids.begin(), u.ids.end());
    const auto docs = std::unique(u.ids.begin(), u.ids.end()) - u.ids.begin();
    const auto display = std::max_element(u.spellings.begin(), u.spellings.end(),
                                          [](auto& a, auto& b) { return a.second < b.second; });
    insert.reset();
    insert.bind(1, word).bind(2, display->first).bind(3, static_cast<long long>(docs));
    if (insert.step() != SQLITE_DONE) return {errc::internal, sqlite3_errmsg(db)};
  }
  return ok_status();
}

spelling spelling::load(sqlite3* db) {
  spelling s;
  statement rows(db, "SELECT word, display, docs FROM words");
  if (!rows.ok()) return s;
  while (rows.step() == SQLITE_ROW)
    s.entries_.push_back({rows.text(0), rows.text(1), rows.integer(2)});
  std::stable_sort(s.entries_.begin(), s.entries_.end(), [](const entry& a, const entry& b) {
    return a.word.size() != b.word.size() ? a.word.size() < b.word.size() : a.docs > b.docs;
  });
  return s;
}

bool spelling::may_correct(std::string_view canonical) noexcept {
  return canonical.size() >= min_correctable && !has_digit(canonical);
}

std::optional<correction> spelling::correct(std::string_view canonical) const {
  if (!may_correct(canonical)) return std::nullopt;
  const std::size_t limit = allowed_edits;
  // Only words whose length is within `limit` can be close enough.
  const auto by_length = [](const entry& e, std::size_t n) { return e.word.size() < n; };
  auto it = std::lower_bound(entries_.begin(), entries_.end(), canonical.size() - limit, by_length);
  const entry* best = nullptr;
  std::size_t best_distance = limit + 1;
  for (; it != entries_.end() && it->word.size() <= canonical.size() + limit; ++it) {
    const std::size_t d = edit_distance(canonical, it->word, std::min(limit, best_distance));
    if (d < best_distance || (d == best_distance && best && it->docs > best->docs)) {
      best = &*it;
      best_distance = d;
    }
  }
  if (best == nullptr || best_distance > limit) return std::nullopt;
  return correction{best->word, best->display};
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows of the dynamic-programming table: two back (for swaps), previous, current.
  std::vector<std::size_t> two(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], two[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(two, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

}  // namespace ha::kb
