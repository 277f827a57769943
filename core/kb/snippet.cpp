#include "kb/snippet.hpp"

#include <algorithm>
#include <cstdint>
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

// A word's first three bytes (fewer for a shorter word) packed into one number, to be
// compared at once.
std::uint32_t start_of(std::string_view w) {
  std::uint32_t packed = static_cast<std::uint32_t>(std::min<std::size_t>(w.size(), 3)) << 24;
  for (std::size_t i = 0; i < w.size() && i < 3; ++i) {
    packed |= static_cast<std::uint32_t>(static_cast<unsigned char>(w[i])) << (16 - 8 * i);
  }
  return packed;
}

bool ends_sentence(char c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',';
}

}  // namespace

void append_snippet_text(std::string& out, std::string_view s) {
  // The text's lines are its blocks: a heading or a list item ends without a stop, and
  // run together with what follows it would read as one sentence ("Before you start Open
  // the app"). Where a line ends without one, a middle dot stands between them.
  std::string flat;
  flat.reserve(s.size() + 4);
  bool line_ended = false;
  const auto join_lines = [&] {
    while (!flat.empty() && flat.back() == ' ') flat.pop_back();
    // Before this piece of text: the end of `out`, a word unless it is a stop.
    const char before = !flat.empty() ? flat.back()
                        : out.empty() || out.back() == '>' ? 'a'
                                                           : out.back();
    flat += ends_sentence(before) ? " " : " \u00B7 ";
  };
  for (const char c : s) {
    if (c == '\n') {
      line_ended = true;
      continue;
    }
    if (line_ended && c != ' ') {
      join_lines();
      line_ended = false;
    }
    if (!line_ended) flat += c;
  }
  if (line_ended) join_lines();
  text::append_escaped_html(out, flat);
}

word_matcher::word_matcher(const snippet_query& query)
    : prefix_(query.prefix),
      prefix_word_(static_cast<int>(query.prefix_word)),
      query_words_(query.words.size()) {
  for (std::size_t w = 0; w < query.words.size(); ++w) {
    for (const std::string& form : query.words[w]) {
      forms_.emplace(form, static_cast<int>(w));
      starts_.push_back(start_of(form));
    }
  }
  std::sort(starts_.begin(), starts_.end());
  starts_.erase(std::unique(starts_.begin(), starts_.end()), starts_.end());
}

int word_matcher::operator()(const std::string& folded) {
  // Most text words share no start with any query form: they are settled without a look-up.
  if (!starts_with_form(start_of(folded)) &&
      (prefix_.empty() || folded.compare(0, prefix_.size(), prefix_) != 0)) {
    return -1;
  }
  if (const auto it = seen_.find(folded); it != seen_.end()) return it->second;
  const int m = match(folded);
  seen_.emplace(folded, m);
  return m;
}

// Stems are computed only for words that begin like some query form.
int word_matcher::match(const std::string& folded) const {
  if (const auto it = forms_.find(folded); it != forms_.end()) return it->second;
  if (starts_with_form(start_of(folded))) {
    for (const std::string& stem : text::search_forms(folded)) {
      if (const auto it = forms_.find(stem); it != forms_.end()) return it->second;
    }
  }
  if (!prefix_.empty() && folded.compare(0, prefix_.size(), prefix_) == 0) return prefix_word_;
  return -1;
}

std::string snippet_html(std::string_view text, const snippet_query& query, std::size_t window) {
  word_matcher matching(query);
  return snippet_html(text, matching, window);
}

std::size_t distinct_matches(std::string_view text, const snippet_query& query) {
  word_matcher matching(query);
  return distinct_matches(text, matching);
}

std::string snippet_html(std::string_view text, word_matcher& matching, std::size_t window) {
  const std::string_view scanned = text::truncate(text, max_scanned_bytes);
  const std::size_t wanted = matching.query_words();
  // Read words until a window of `window` words holds every query word, or enough of
  // them, then `window` words more so the best window can be filled.
  struct word {
    std::size_t begin, end;  // byte offsets in text
  };
  std::vector<word> tokens;
  std::vector<int> match;
  std::vector<bool> seen(wanted);
  std::size_t stop_at = std::string::npos;
  std::size_t pos = 0;
  for (text::token t; tokens.size() < stop_at && text::next_token(scanned, pos, t);) {
    match.push_back(matching(t.text));
    tokens.push_back({t.begin, t.end});
    if (stop_at != std::string::npos || match.back() < 0 || wanted == 0) continue;
    std::fill(seen.begin(), seen.end(), false);
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
    std::fill(seen.begin(), seen.end(), false);
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
    append_snippet_text(out, text.substr(at, tokens[i].begin - at));
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
    append_snippet_text(out, tail.substr(0, cut));
    out += "…";
  } else if (cut_short) {
    const std::string_view rest = scanned.substr(at);
    append_snippet_text(out, rest.substr(0, rest.find_first_of(" \n")));
    out += "…";
  } else {
    append_snippet_text(out, text.substr(at));
  }
  return out;
}

std::vector<bool> matched_words(std::string_view text, word_matcher& matching) {
  std::vector<bool> seen(matching.query_words());
  std::size_t distinct = 0;
  std::size_t pos = 0;
  for (text::token t; distinct < seen.size() && text::next_token(text, pos, t);) {
    const int m = matching(t.text);
    if (m >= 0 && !seen[static_cast<std::size_t>(m)]) {
      seen[static_cast<std::size_t>(m)] = true;
      ++distinct;
    }
  }
  return seen;
}

std::vector<bool> matched_in_passage(std::string_view head, std::string_view body,
                                     word_matcher& matching, const std::vector<double>& weights,
                                     std::size_t window) {
  const std::vector<bool> in_head = matched_words(head, matching);
  const auto weight = [&](std::size_t m) { return m < weights.size() ? weights[m] : 0.0; };
  struct hit {
    std::size_t at;  // word number in the body
    std::size_t word;
  };
  std::vector<hit> hits;
  std::size_t pos = 0;
  std::size_t at = 0;
  for (text::token t; text::next_token(body, pos, t); ++at) {
    const int m = matching(t.text);
    if (m >= 0 && !in_head[static_cast<std::size_t>(m)]) hits.push_back({at, static_cast<std::size_t>(m)});
  }
  std::vector<bool> best = in_head;
  double best_weight = 0;
  std::vector<int> count(in_head.size());
  double held = 0;  // of the body's words in the stretch
  std::size_t first = 0;
  for (std::size_t last = 0; last < hits.size(); ++last) {
    if (count[hits[last].word]++ == 0) held += weight(hits[last].word);
    for (; hits[last].at - hits[first].at >= window; ++first) {
      if (--count[hits[first].word] == 0) held -= weight(hits[first].word);
    }
    if (held > best_weight + 1e-12) {
      best_weight = held;
      best = in_head;
      for (std::size_t k = first; k <= last; ++k) best[hits[k].word] = true;
    }
  }
  return best;
}

std::size_t distinct_matches(std::string_view text, word_matcher& matching) {
  const std::vector<bool> seen = matched_words(text, matching);
  return static_cast<std::size_t>(std::count(seen.begin(), seen.end(), true));
}

}  // namespace ha::kb
