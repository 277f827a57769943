// Snippets: the few words of an article around what the customer searched for, with the
// matched words marked. Our own instead of FTS5's snippet(): FTS5 re-runs the tokenizer
// over the whole column for every hit and compares every colocated form, which cost tens
// of milliseconds per search on long articles; here a word's stems are computed only
// when its first letters could match a query form.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ha::kb {

// Words of context in a search hit's snippet.
inline constexpr std::size_t snippet_words = 14;

struct snippet_query {
  // Per query word, the forms that count as a match (canonical form and stems).
  std::vector<std::vector<std::string>> words;
  // The word still being typed, matched as a prefix of a canonical form (may be empty),
  // and its index in words.
  std::string prefix;
  std::size_t prefix_word = 0;
};

// The query's forms prepared for matching many text words quickly. One search builds
// one and uses it for every hit: it remembers which query word each text word it has
// seen matched, so a word repeated across hits is stemmed only once. The memory grows
// with the distinct words read, which the callers bound (a snippet reads at most 4 KB
// of a text, and a search reads at most max_hits texts and one full article).
class word_matcher {
 public:
  explicit word_matcher(const snippet_query& query);

  // Which query word a text word (canonical form) matches, or -1.
  int operator()(const std::string& folded);
  std::size_t query_words() const noexcept { return query_words_; }

 private:
  int match(const std::string& folded) const;
  bool starts_with_form(std::uint32_t start) const {
    return std::binary_search(starts_.begin(), starts_.end(), start);
  }

  std::unordered_map<std::string, int> forms_;  // every form → its query word
  std::vector<std::uint32_t> starts_;           // first three letters of each form, packed, sorted
  std::string prefix_;
  int prefix_word_;
  std::size_t query_words_;
  std::unordered_map<std::string, int> seen_;  // text words already matched
};

// Appends plain text HTML-escaped, its lines joined: a line that ends without a stop
// (a heading, a list item) is set apart from the next by " · ", others by a space.
void append_snippet_text(std::string& out, std::string_view s);

// HTML-escaped text of about `window` words, matched words inside <mark>…</mark>, with
// "…" where the text was cut. The window with the most distinct query words wins; the
// text's start when nothing matches.
std::string snippet_html(std::string_view text, word_matcher& matching, std::size_t window);
std::string snippet_html(std::string_view text, const snippet_query& query, std::size_t window);

// How many different query words occur in the text (in any of their forms).
std::size_t distinct_matches(std::string_view text, word_matcher& matching);
// Which query words text holds (one flag per query word of matching, in its order).
std::vector<bool> matched_words(std::string_view text, word_matcher& matching);
// Which query words the head (title and tags) and one stretch of `window` words of the
// body hold together, for the stretch whose words weigh most (weights: one per query
// word of matching; words beyond it weigh nothing).
std::vector<bool> matched_in_passage(std::string_view head, std::string_view body,
                                     word_matcher& matching, const std::vector<double>& weights,
                                     std::size_t window);
std::size_t distinct_matches(std::string_view text, const snippet_query& query);

}  // namespace ha::kb
