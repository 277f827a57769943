#include "kb/query.hpp"

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
  // Stopwords are dropped unless nothing else is left ("to be or not to be" still
  // searches); a word still being typed is kept, as it may become a longer word.
  std::vector<query_word> words;
  std::vector<query_word> all;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const text::token& t = tokens[k];
    const bool typing = still_typing && k + 1 == tokens.size();
    query_word w{
        std::string(text.substr(t.begin, t.end - t.begin)), t.text, t.begin, t.end, typing, {}};
    if (!text::is_stopword(t.text) || typing) words.push_back(w);
    all.push_back(std::move(w));
  }
  if (words.empty()) words = std::move(all);
  if (words.size() > max_query_words) words.resize(max_query_words);
  return words;
}

match_query build_match(const std::vector<query_word>& words) {
  match_query q;
  q.words = words.size();
  for (const query_word& w : words) {
    std::vector<std::string> forms = text::search_forms(w.canonical);
    forms.insert(forms.begin(), w.canonical);
    // Synonyms are matched by the tokenizer (group tokens); here they are only marked.
    for (const std::string& synonym : w.synonyms) {
      forms.push_back(synonym);
      for (std::string& form : text::search_forms(synonym)) forms.push_back(std::move(form));
    }
    q.snippet.words.push_back(std::move(forms));
    if (w.typing) q.snippet.prefix = w.canonical;
    if (!w.searched) continue;
    // The raw word holds only word characters (never a quote), so quoting it is safe; FTS5
    // folds it with our tokenizer exactly as it folded the indexed text.
    if (!q.expression.empty()) q.expression += " OR ";
    q.expression += '"' + w.raw + '"';
    if (w.typing) q.expression += " OR \"" + w.raw + "\"*";
  }
  return q;
}

match_query build_match(std::string_view typed) {
  return build_match(query_words(typed));
}

}  // namespace ha::kb
