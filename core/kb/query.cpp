#include "kb/query.hpp"

#include "text/stem.hpp"
#include "text/stopwords.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace ha::kb {

match_query build_match(std::string_view typed) {
  const std::string_view text = text::truncate(typed, max_query_bytes);
  auto tokens = text::tokenize(text);
  const bool still_typing =
      !tokens.empty() && tokens.back().end == text.size() && text.size() == typed.size();
  // Stopwords are dropped unless nothing else is left ("to be or not to be" still
  // searches); a word still being typed is kept, as it may become a longer word.
  std::vector<text::token> content;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const bool last = k + 1 == tokens.size();
    if (!text::is_stopword(tokens[k].text) || (last && still_typing)) content.push_back(tokens[k]);
  }
  if (!content.empty()) tokens = std::move(content);
  if (tokens.size() > max_query_words) tokens.resize(max_query_words);

  match_query q;
  q.words = tokens.size();
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    // The raw word holds only word characters (never a quote), so quoting it is safe; FTS5
    // folds it with our tokenizer exactly as it folded the indexed text.
    const std::string_view word = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
    if (!q.expression.empty()) q.expression += " OR ";
    q.expression += '"';
    q.expression += word;
    q.expression += '"';
    std::vector<std::string> forms = text::search_forms(tokens[k].text);
    forms.insert(forms.begin(), tokens[k].text);
    q.snippet.words.push_back(std::move(forms));
    if (still_typing && k + 1 == tokens.size() && tokens[k].end == text.size()) {
      q.expression += " OR \"";
      q.expression += word;
      q.expression += "\"*";
      q.snippet.prefix = tokens[k].text;
    }
  }
  return q;
}

}  // namespace ha::kb
