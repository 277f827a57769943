#include "kb/query.hpp"

#include <algorithm>

#include "text/stem.hpp"
#include "text/stopwords.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace ha::kb {

std::vector<query_word> query_words(std::string_view typed) {
  const std::string_view text = text::truncate(typed, max_query_bytes);
  auto tokens = text::tokenize(text);
  const bool still_typing =
      !tokens.empty() && tokens.back().end == text.size() && text.size() == typed.size();
  std::vector<query_word> words;
  for (std::size_t k = 0; k < tokens.size() && words.size() < max_query_words; ++k) {
    text::token& t = tokens[k];
    query_word w;
    w.raw = std::string(text.substr(t.begin, t.end - t.begin));
    w.typing = still_typing && k + 1 == tokens.size();
    w.stopword = !w.typing && text::is_stopword(t.text);
    w.canonical = std::move(t.text);
    w.begin = t.begin;
    w.end = t.end;
    w.index = words.size();
    words.push_back(std::move(w));
  }
  if (std::all_of(words.begin(), words.end(), [](const query_word& w) { return w.stopword; })) {
    for (query_word& w : words) w.stopword = false;
  }
  return words;
}

match_query build_match(const std::vector<query_word>& words) {
  match_query q;
  for (const query_word& w : words) {
    if (w.stopword) continue;
    std::vector<std::string> forms = text::search_forms(w.canonical);
    forms.insert(forms.begin(), w.canonical);
    // Synonyms are matched by the tokenizer (group tokens); here they are only marked.
    for (const std::string& synonym : w.synonyms) {
      forms.push_back(synonym);
      for (std::string& form : text::search_forms(synonym)) forms.push_back(std::move(form));
    }
    q.snippet.words.push_back(std::move(forms));
    if (w.typing) {
      q.snippet.prefix = w.canonical;
      q.snippet.prefix_word = q.snippet.words.size() - 1;
    }
  }
  q.words = q.snippet.words.size();
  q.expression = match_expression(words, false, &q.pairs, &q.pair_only);
  return q;
}

std::string match_expression(const std::vector<query_word>& words, bool every, std::uint64_t* pairs,
                             std::uint64_t* pair_only) {
  std::string expression;
  if (pairs != nullptr) *pairs = 0;
  if (pair_only != nullptr) *pair_only = 0;
  int phrase = 0;  // FTS5 numbers the phrases in the order they are written
  for (std::size_t k = 0; k < words.size(); ++k) {
    const query_word& w = words[k];
    if (!w.searched) continue;
    // Only the last word can be typing, so the word before has one phrase: the previous.
    if (pairs != nullptr && k > 0 && words[k - 1].searched && words[k - 1].index + 1 == w.index &&
        phrase < 64) {
      *pairs |= std::uint64_t{1} << (phrase - 1);
    }
    if (pair_only != nullptr && w.stopword && phrase < 64) *pair_only |= std::uint64_t{1} << phrase;
    phrase += w.typing ? 2 : 1;
    if (!expression.empty()) expression += every ? " AND " : " OR ";
    // The raw word holds only word characters (never a quote), so quoting it is safe; FTS5
    // folds it with our tokenizer exactly as it folded the indexed text.
    const std::string quoted = '"' + w.raw + '"';
    if (!w.typing) {
      expression += quoted;
    } else if (every) {
      expression += '(' + quoted + " OR " + quoted + "*)";
    } else {
      expression += quoted + " OR " + quoted + '*';
    }
  }
  return expression;
}

match_query build_match(std::string_view typed) {
  return build_match(query_words(typed));
}

}  // namespace ha::kb
