#include "kb/query.hpp"

#include <algorithm>

#include "kb/fts_tokenizer.hpp"
#include "text/stem.hpp"
#include "text/stopwords.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace ha::kb {
namespace {

}  // namespace

bool completed_from_table(std::string_view canonical) {
  std::size_t next = 0;
  std::size_t letters = 0;
  while (next < canonical.size() && letters <= completed_letters_max) {
    text::decode(canonical, next);
    ++letters;
  }
  return letters >= 2 && letters <= completed_letters_max;
}

bool single_letter(std::string_view canonical) {
  std::size_t next = 0;
  if (canonical.empty()) return false;
  text::decode(canonical, next);
  return next == canonical.size();
}

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
    w.typing = still_typing && k + 1 == tokens.size() && !single_letter(t.text);
    // Search syntax some customers paste ("NEAR(a b)") is not a word they mean.
    w.stopword = (!w.typing && text::is_stopword(t.text)) || text::is_search_operator(w.raw);
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

snippet_query words_to_mark(const std::vector<query_word>& words) {
  snippet_query snippet;
  for (const query_word& w : words) {
    if (w.stopword) continue;
    std::vector<std::string> forms = text::search_forms(w.canonical);
    forms.insert(forms.begin(), w.canonical);
    // Synonyms are matched by the tokenizer (group tokens); here they are only marked.
    for (const std::string& synonym : w.synonyms) {
      forms.push_back(synonym);
      for (std::string& form : text::search_forms(synonym)) forms.push_back(std::move(form));
    }
    snippet.words.push_back(std::move(forms));
    if (w.typing) {
      snippet.prefix = w.canonical;
      snippet.prefix_word = snippet.words.size() - 1;
    }
  }
  return snippet;
}

match_query build_match(const std::vector<query_word>& words) {
  match_query q;
  q.snippet = words_to_mark(words);
  q.words = q.snippet.words.size();
  static_cast<fts_match&>(q) = match_expression(words, false, query_pairs(words));
  return q;
}

std::vector<query_pair> query_pairs(const std::vector<query_word>& words) {
  std::vector<query_pair> pairs;
  for (std::size_t k = 1; k < words.size(); ++k) {
    const query_word& left = words[k - 1];
    const query_word& right = words[k];
    if (right.typing || left.index + 1 != right.index) continue;
    if (forms_pair(left.canonical, right.canonical)) {
      query_pair pair{pair_token(left.canonical, right.canonical)};
      if (text::is_object_pronoun(right.canonical) && !text::is_stopword(left.canonical)) {
        pair.word = k;  // "radi mi": the word, to whom
      } else if (text::is_circumstance(left.canonical) && !text::is_stopword(left.canonical)) {
        pair.word = k;  // "two for": how long or when
      } else if (text::is_circumstance(right.canonical) && !text::is_stopword(right.canonical)) {
        pair.word = k + 1;  // "for two", "već dva"
      }
      pairs.push_back(std::move(pair));
    } else if (!left.stopword && !right.stopword && !single_letter(left.canonical) &&
               !single_letter(right.canonical)) {
      pairs.push_back({neighbour_query(left.canonical, right.canonical)});
    }
  }
  return pairs;
}

std::vector<bool> spans_of_time(const std::vector<query_word>& words) {
  std::vector<bool> span(words.size());
  const auto of_time = [&](std::size_t k) {
    return !words[k].stopword && text::is_circumstance(words[k].canonical);
  };
  for (std::size_t k = 1; k < words.size(); ++k) {
    if (words[k - 1].index + 1 == words[k].index && of_time(k - 1) && of_time(k)) {
      span[k - 1] = span[k] = true;
    }
  }
  return span;
}

fts_match match_expression(const std::vector<query_word>& words, bool every,
                           const std::vector<query_pair>& pairs) {
  fts_match match;
  std::string& expression = match.expression;
  const auto searched = [](const query_word& w) { return w.searched && !w.stopword; };
  int phrase = 0;  // FTS5 numbers the phrases in the order they are written
  for (std::size_t k = 0; k < words.size(); ++k) {
    const query_word& w = words[k];
    if (!searched(w)) continue;
    if (!expression.empty()) expression += every ? " AND " : " OR ";
    // The raw word holds only word characters (never a quote), so quoting it is safe; FTS5
    // folds it with our tokenizer exactly as it folded the indexed text.
    const std::string quoted = '"' + w.raw + '"';
    // A word being typed also matches what it may become: the terms starting with it.
    std::string beginning;
    if (w.typing && !completed_from_table(w.canonical)) {
      beginning = quoted + '*';
    } else if (w.typing && !w.completions.empty()) {
      // Index terms (word characters, stems, digits: never a quote or a space inside).
      beginning = std::string("\"") + completions_marker;
      for (const std::string& term : w.completions) {
        if (beginning.size() > 2) beginning += ' ';
        beginning += term;
      }
      beginning += '"';
    }
    phrase += beginning.empty() ? 1 : 2;
    match.phrase_rows.push_back(w.docs);
    if (!beginning.empty()) match.phrase_rows.push_back(0);
    if (beginning.empty()) {
      expression += quoted;
    } else if (every) {
      expression += '(' + quoted + " OR " + beginning + ')';
    } else {
      expression += quoted + " OR " + beginning;
    }
  }
  match.first_pair = phrase;
  if (every) return match;
  for (const query_pair& pair : pairs) {
    if (!pair.searched) continue;
    if (!expression.empty()) expression += " OR ";
    // The token holds word characters, the marker and a space: never a quote.
    expression += '"' + pair.token + '"';
    match.phrase_rows.push_back(pair.docs);
    match.weigh_as_rows.resize(match.phrase_rows.size());
    if (pair.word_docs > pair.docs) match.weigh_as_rows.back() = pair.word_docs;
  }
  return match;
}

match_query build_match(std::string_view typed) {
  return build_match(query_words(typed));
}

bool forms_pair(std::string_view left, std::string_view right) {
  return text::is_stopword(left) || text::is_stopword(right);
}

std::string neighbour_query(std::string_view left, std::string_view right) {
  std::string query(1, neighbour_marker);
  query += left;
  query += ' ';
  query += right;
  return query;
}

std::vector<std::string> neighbour_tokens(std::string_view left, std::string_view right) {
  std::vector<std::string> tokens;
  for (const text::stem_language language : text::all_stem_languages) {
    std::string token(1, neighbour_marker);
    token += text::stem(left, language);
    token += ' ';
    token += text::stem(right, language);
    if (std::find(tokens.begin(), tokens.end(), token) == tokens.end()) {
      tokens.push_back(std::move(token));
    }
  }
  return tokens;
}

std::vector<std::string> neighbour_terms(std::string_view query) {
  if (query.empty() || query[0] != neighbour_marker) return {};
  const std::size_t space = query.find(' ');
  if (space == std::string_view::npos) return {};
  return neighbour_tokens(query.substr(1, space - 1), query.substr(space + 1));
}

std::string pair_token(std::string_view left, std::string_view right) {
  std::string token;
  token.reserve(left.size() + right.size() + 2);
  token += pair_marker;
  token += left;
  token += ' ';
  token += right;
  return token;
}

}  // namespace ha::kb
