#include "kb/snippet.hpp"

#include <algorithm>

#include "text/html.hpp"
#include "text/stem.hpp"
#include "text/tokenizer.hpp"

namespace ha::kb {
namespace {

// Which query word (index) a text token matches, or -1.
int matching_word(const std::string& folded, const snippet_query& q) {
  const auto shares_start = [&](const std::string& form) {
    const std::size_t n = std::min<std::size_t>(3, std::min(form.size(), folded.size()));
    return folded.compare(0, n, form, 0, n) == 0;
  };
  std::vector<std::string> stems;  // computed once, only if some form could match
  bool stemmed = false;
  for (std::size_t w = 0; w < q.words.size(); ++w) {
    for (const std::string& form : q.words[w]) {
      if (form == folded) return static_cast<int>(w);
      if (!shares_start(form)) continue;
      if (!stemmed) {
        stems = text::search_forms(folded);
        stemmed = true;
      }
      if (std::find(stems.begin(), stems.end(), form) != stems.end()) return static_cast<int>(w);
    }
  }
  if (!q.prefix.empty() && folded.compare(0, q.prefix.size(), q.prefix) == 0) {
    return static_cast<int>(q.words.size());
  }
  return -1;
}

void append_text(std::string& out, std::string_view s) {
  std::string flat(s);
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  text::append_escaped_html(out, flat);
}

}  // namespace

std::string snippet_html(std::string_view text, const snippet_query& query, std::size_t window) {
  const auto tokens = text::tokenize(text);
  if (tokens.empty()) return {};
  std::vector<int> match(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) match[i] = matching_word(tokens[i].text, query);

  // The window with the most distinct query words, then the most matches.
  std::size_t best = 0;
  std::pair<std::size_t, std::size_t> best_score{0, 0};
  const std::size_t width = std::min(window, tokens.size());
  for (std::size_t start = 0; start < tokens.size(); ++start) {
    if (match[start] < 0) continue;  // a best window starts at a match
    std::vector<bool> seen(query.words.size() + 1);
    std::pair<std::size_t, std::size_t> score{0, 0};
    for (std::size_t i = start; i < std::min(tokens.size(), start + width); ++i) {
      if (match[i] < 0) continue;
      ++score.second;
      if (!seen[static_cast<std::size_t>(match[i])]) {
        seen[static_cast<std::size_t>(match[i])] = true;
        ++score.first;
      }
    }
    if (score > best_score) {
      best_score = score;
      best = start;
    }
  }
  // Show a little context before the first match.
  const std::size_t lead = best_score.first > 0 ? std::min<std::size_t>(best, 2) : 0;
  std::size_t first = best - lead;
  std::size_t last = std::min(tokens.size(), first + width);  // one past
  if (last - first < width) first = last > width ? last - width : 0;

  std::string out;
  if (first > 0) out += "…";
  std::size_t at = tokens[first].begin;
  for (std::size_t i = first; i < last; ++i) {
    append_text(out, text.substr(at, tokens[i].begin - at));
    const std::string_view word = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (match[i] >= 0) out += "<mark>";
    text::append_escaped_html(out, word);
    if (match[i] >= 0) out += "</mark>";
    at = tokens[i].end;
  }
  if (last < tokens.size()) {
    // Keep punctuation that closes the last word (a full stop, a closing bracket).
    const std::size_t next = tokens[last].begin;
    std::string_view tail = text.substr(at, next - at);
    const std::size_t cut = tail.find_first_of(" \n");
    append_text(out, tail.substr(0, cut));
    out += "…";
  } else {
    append_text(out, text.substr(at));
  }
  return out;
}

}  // namespace ha::kb
