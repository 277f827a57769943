// Snippets: the few words of an article around what the customer searched for, with the
// matched words marked. Our own instead of FTS5's snippet(): FTS5 re-runs the tokenizer
// over the whole column for every hit and compares every colocated form, which cost tens
// of milliseconds per search on long articles; here a word's stems are computed only
// when its first letters could match a query form.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ha::kb {

struct snippet_query {
  // Per query word, the forms that count as a match (canonical form and stems).
  std::vector<std::vector<std::string>> words;
  // The word still being typed, matched as a prefix of a canonical form (may be empty).
  std::string prefix;
};

// HTML-escaped text of about `window` words, matched words inside <mark>…</mark>, with
// "…" where the text was cut. The window with the most distinct query words wins; the
// text's start when nothing matches.
std::string snippet_html(std::string_view text, const snippet_query& query, std::size_t window);

// How many different query words occur in the text (in any of their forms).
std::size_t distinct_matches(std::string_view text, const snippet_query& query);

}  // namespace ha::kb
