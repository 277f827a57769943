#include "text/phrases.hpp"

#include <algorithm>

#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace ha::text {
namespace {

// Other words allowed between two words of a phrase ("već sam vam zvao").
constexpr std::size_t max_gap = 2;

bool word_matches(const std::string& pattern, const std::string& word) {
  if (!pattern.empty() && pattern.back() == '*') {
    const std::size_t n = pattern.size() - 1;
    return word.size() >= n && word.compare(0, n, pattern, 0, n) == 0;
  }
  return word == pattern;
}

// The last token of a match of words[from…] starting at token at, or npos. failed marks
// the (word, token) pairs already known not to start a match, so that every pair is
// tried once: without it a long phrase of like words would take exponential time.
std::size_t match_from(const std::vector<std::string>& words, std::size_t from,
                       const std::vector<token>& tokens, std::size_t at, std::vector<char>& failed) {
  char& known_failed = failed[from * tokens.size() + at];
  if (known_failed || !word_matches(words[from], tokens[at].text)) return std::string::npos;
  if (from + 1 == words.size()) return at;
  for (std::size_t next = at + 1; next < tokens.size() && next <= at + 1 + max_gap; ++next) {
    const std::size_t end = match_from(words, from + 1, tokens, next, failed);
    if (end != std::string::npos) return end;
  }
  known_failed = 1;
  return std::string::npos;
}

}  // namespace

bool phrase_list::add(std::string kind, std::string_view text) {
  phrase p{std::move(kind), {}};
  for (const token& t : tokenize(text)) {
    // The tokenizer drops '*': it is put back on the words written with one.
    const bool beginning = t.end < text.size() && text[t.end] == '*';
    p.words.push_back(beginning ? t.text + '*' : t.text);
  }
  if (p.words.empty()) return false;
  phrases_.push_back(std::move(p));
  return true;
}

std::vector<phrase_list::match> phrase_list::find(std::string_view input) const {
  std::vector<match> found;
  if (phrases_.empty()) return found;
  const std::vector<token> tokens = tokenize(input);
  for (const phrase& p : phrases_) {
    const bool known = std::any_of(found.begin(), found.end(),
                                   [&](const match& m) { return m.kind == p.kind; });
    if (known) continue;
    std::vector<char> failed(p.words.size() * tokens.size(), 0);
    for (std::size_t at = 0; at < tokens.size(); ++at) {
      const std::size_t end = match_from(p.words, 0, tokens, at, failed);
      if (end == std::string::npos) continue;
      found.push_back({p.kind, sanitize(input.substr(
                                   tokens[at].begin, tokens[end].end - tokens[at].begin))});
      break;
    }
  }
  return found;
}

}  // namespace ha::text
