#include "kb/snippet.hpp"

#include <algorithm>
#include <unordered_map>

#include "text/html.hpp"
#include "text/stem.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace ha::kb {
namespace {

// Only the start of a long text is searched for the best window: help articles are far
// shorter, and tokenizing a very long text for every hit would slow every search down.
constexpr std::size_t max_scanned_bytes = 4 * 1024;
// A window holding this many different query words is good enough to stop reading.
constexpr std::size_t enough_words = 3;

// The query's forms prepared for matching many text words quickly.
class matcher {
 public:
  explicit matcher(const snippet_query& q)
      : prefix_(q.prefix), prefix_word_(static_cast<int>(q.words.size())) {
    for (std::size_t w = 0; w < q.words.size(); ++w) {
      for (const std::string& form : q.words[w]) {
        forms_.emplace(form, static_cast<int>(w));
        starts_.push_back(form.substr(0, 3));
      }
    }
  }

  // Which query word a text word (canonical form) matches, or -1. Stems are computed
  // only for words that begin like some query form.
  int operator()(const std::string& folded) const {
    if (const auto it = forms_.find(folded); it != forms_.end()) return it->second;
    const std::string_view start = std::string_view(folded).substr(0, 3);
    if (std::find(starts_.begin(), starts_.end(), start) != starts_.end()) {
      for (const std::string& stem : text::search_forms(folded)) {
        if (const auto it = forms_.find(stem); it != forms_.end()) return it->second;
      }
    }
    if (!prefix_.empty() && folded.compare(0, prefix_.size(), prefix_) == 0) return prefix_word_;
    return -1;
  }

 private:
  std::unordered_map<std::string, int> forms_;
  std::vector<std::string> starts_;  // first three letters of each form
  std::string prefix_;
  int prefix_word_;
};

void append_text(std::string& out, std::string_view s) {
  std::string flat(s);
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  text::append_escaped_html(out, flat);
}

}  // namespace

std::string snippet_html(std::string_view text, const snippet_query& query, std::size_t window) {
  const std::string_view scanned = text::truncate(text, max_scanned_bytes);
  const matcher matching(query);
  const std::size_t wanted = query.words.size();
  // Read words until a window of `window` words holds every query word, or enough of
  // them, then `window` words more so the best window can be filled.
  std::vector<text::token> tokens;
  std::vector<int> match;
  std::size_t stop_at = std::string::npos;
  std::size_t pos = 0;
  for (text::token t; tokens.size() < stop_at && text::next_token(scanned, pos, t);) {
    match.push_back(matching(t.text));
    tokens.push_back(std::move(t));
    if (stop_at != std::string::npos || match.back() < 0 || wanted == 0) continue;
    std::vector<bool> seen(wanted);
    std::size_t distinct = 0;
    const std::size_t from = tokens.size() > window ? tokens.size() - window : 0;
    for (std::size_t i = from; i < tokens.size(); ++i) {
      if (match[i] >= 0 && !seen[static_cast<std::size_t>(match[i])]) {
        seen[static_cast<std::size_t>(match[i])] = true;
        ++distinct;
      }
    }
    if (distinct >= std::min(wanted, enough_words)) stop_at = tokens.size() + window;
  }
  if (tokens.empty()) return {};
  const bool cut_short = pos < text.size();

  // The window with the most distinct query words, then the most matches.
  std::size_t best = 0;
  std::pair<std::size_t, std::size_t> best_score{0, 0};
  const std::size_t width = std::min(window, tokens.size());
  for (std::size_t start = 0; start < tokens.size(); ++start) {
    if (match[start] < 0) continue;  // a best window starts at a match
    std::vector<bool> seen(query.words.size());
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
  } else if (cut_short) {
    const std::string_view rest = scanned.substr(at);
    append_text(out, rest.substr(0, rest.find_first_of(" \n")));
    out += "…";
  } else {
    append_text(out, text.substr(at));
  }
  return out;
}

std::size_t distinct_matches(std::string_view text, const snippet_query& query) {
  const matcher matching(query);
  std::vector<bool> seen(query.words.size());
  std::size_t distinct = 0;
  std::size_t pos = 0;
  for (text::token t; distinct < seen.size() && text::next_token(text, pos, t);) {
    const int m = matching(t.text);
    if (m >= 0 && !seen[static_cast<std::size_t>(m)]) {
      seen[static_cast<std::size_t>(m)] = true;
      ++distinct;
    }
  }
  return distinct;
}

}  // namespace ha::kb
