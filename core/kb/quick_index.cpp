#include "kb/quick_index.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "kb/bm25.hpp"
#include "kb/languages.hpp"
#include "kb/query.hpp"
#include "kb/snippet.hpp"
#include "text/stem.hpp"
#include "text/fold.hpp"

namespace ha::kb {

namespace quick_format {

void put_number(std::string& out, std::uint64_t n) {
  do {
    auto byte = static_cast<unsigned char>(n & 0x7f);
    n >>= 7;
    if (n != 0) byte |= 0x80;
    out.push_back(static_cast<char>(byte));
  } while (n != 0);
}

void put_string(std::string& out, std::string_view s) {
  put_number(out, s.size());
  out.append(s);
}

std::uint64_t pack_counts(std::uint32_t title, std::uint32_t tags, std::uint32_t body) {
  return std::uint64_t{body} << 4 | std::min<std::uint32_t>(title, 3) << 2 |
         std::min<std::uint32_t>(tags, 3);
}

}  // namespace quick_format

namespace {

// Reads a file written with quick_format; any read past the end or out of range sets
// failed, and everything after reads as zero or empty.
class reader {
 public:
  explicit reader(std::string_view bytes) : bytes_(bytes) {}

  bool magic(std::string_view expected) {
    if (bytes_.substr(0, expected.size()) != expected || bytes_.size() <= expected.size()) {
      return fail();
    }
    at_ = expected.size();
    return true;
  }
  std::uint64_t number() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= bytes_.size()) return fail(), 0;
      const auto byte = static_cast<unsigned char>(bytes_[at_++]);
      n |= std::uint64_t{byte & 0x7fu} << shift;
      if ((byte & 0x80) == 0) return n;
    }
    return fail(), 0;
  }
  // A count of items that each take at least one byte: never more than the bytes left,
  // so a damaged count cannot make the reader reserve gigabytes.
  std::size_t count() {
    const std::uint64_t n = number();
    if (n > bytes_.size() - at_) return fail(), 0;
    return static_cast<std::size_t>(n);
  }
  std::string string() {
    const std::size_t n = count();
    if (failed_) return {};
    std::string s(bytes_.substr(at_, n));
    at_ += n;
    return s;
  }
  std::uint8_t byte() {
    if (at_ >= bytes_.size()) return fail(), 0;
    return static_cast<std::uint8_t>(bytes_[at_++]);
  }
  bool failed() const { return failed_; }
  bool at_end() const { return at_ == bytes_.size(); }

 private:
  bool fail() {
    failed_ = true;
    at_ = bytes_.size();
    return false;
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

error damaged(std::string_view what) {
  return {errc::corrupt_database, "the first-answer index is damaged: " + std::string(what)};
}

int language_bit(std::string_view lang) {
  for (std::size_t i = 0; i < content_languages.size(); ++i) {
    if (content_languages[i] == lang) return static_cast<int>(i);
  }
  return -1;
}

// The forms a query word is looked up by: its canonical form and its stem in each
// language (an article's words are stored as stems in the article's own language).
std::vector<std::string> lookup_forms(const std::string& canonical) {
  std::vector<std::string> forms{canonical};
  for (const text::stem_language language : text::all_stem_languages) {
    std::string stem = text::stem(canonical, language);
    if (std::find(forms.begin(), forms.end(), stem) == forms.end()) forms.push_back(std::move(stem));
  }
  return forms;
}

// One thing the query scores rows by, as an FTS5 phrase in the full search: a word (its
// forms, which are alternatives, and its synonym groups), the word being typed as a
// prefix, or a pair token.
struct phrase {
  std::vector<std::string> terms;   // alternatives; a row's frequency is their sum
  std::vector<std::string> groups;  // synonym group tokens: the frequency is at least theirs
  std::string prefix;               // when not empty: every term starting with it instead
  double weight = 1.0;
};

}  // namespace

result<quick_index> quick_index::open(std::string_view head) {
  reader in(head);
  if (!in.magic(quick_head_magic)) return damaged("not a first-answer index head");
  if (const int version = in.byte(); version != quick_format_version) {
    return {errc::version_mismatch, "the first-answer index has format version " +
                                        std::to_string(version) + ", this engine reads version " +
                                        std::to_string(quick_format_version) +
                                        "; rebuild it with kbc"};
  }
  quick_index index;
  const std::size_t row_count = in.count();
  const std::uint64_t total_words = in.number();
  index.average_words_ =
      row_count > 0 ? static_cast<double>(total_words) / static_cast<double>(row_count) : 0;
  const std::size_t article_count = in.count();
  index.articles_.resize(article_count);
  for (article_info& a : index.articles_) {
    a.id = in.string();
    a.kind = in.string();
    a.audience = in.string();
    a.category = in.string();
    a.languages = static_cast<std::uint32_t>(in.number());
  }
  index.rows_.resize(row_count);
  for (row_info& r : index.rows_) {
    r.article = static_cast<std::uint32_t>(in.number());
    r.words = static_cast<std::uint32_t>(in.number());
    if (r.article >= article_count) return damaged("a row of no article");
  }
  std::vector<std::vector<std::string>> groups(in.count());
  for (auto& group : groups) {
    group.resize(in.count());
    for (std::string& word : group) word = in.string();
  }
  index.synonyms_.assign(groups);
  const std::size_t shards = in.count();
  for (std::size_t i = 0; i < shards; ++i) {
    index.shard_first_.push_back(in.string());
    index.files_.push_back(in.string());
    if (i > 0 && !(index.shard_first_[i - 1] < index.shard_first_[i])) {
      return damaged("term shards out of order");
    }
  }
  index.shard_loaded_.assign(shards, false);
  const std::size_t texts = in.count();
  for (std::size_t i = 0; i < texts; ++i) {
    std::string lang = in.string();
    index.text_file_[lang] = i;
    index.texts_[lang];
    index.files_.push_back(in.string());
  }
  if (in.failed() || !in.at_end()) return damaged("the head is cut short or too long");
  if (shards == 0 && row_count > 0) return damaged("no term shards");
  return index;
}

status quick_index::add(std::string_view name, std::string_view bytes) {
  const auto named = std::find(files_.begin(), files_.end(), name);
  if (named == files_.end()) {
    return {errc::invalid_argument, "the first-answer index has no file " + std::string(name)};
  }
  const auto file = static_cast<std::size_t>(named - files_.begin());
  reader in(bytes);
  if (file < shard_loaded_.size()) {
    if (shard_loaded_[file]) return ok_status();
    if (!in.magic(quick_terms_magic) || in.byte() != quick_format_version) {
      return damaged(std::string(name) + " is not a term shard");
    }
    std::map<std::string, std::vector<posting>, std::less<>> read;
    std::string term;
    const std::size_t count = in.count();
    for (std::size_t t = 0; t < count && !in.failed(); ++t) {
      const std::size_t shared = in.count();
      if (shared > term.size()) return damaged(std::string(name) + ": a term shares too much");
      term.resize(shared);
      term += in.string();
      std::vector<posting>& list = read[term];
      list.resize(in.count());
      std::uint64_t row = 0;
      for (posting& p : list) {
        row += in.number();
        if (row >= rows_.size()) return damaged(std::string(name) + ": a row out of range");
        p.row = static_cast<std::uint32_t>(row);
        const std::uint64_t counts = in.number();
        p.in_column[0] = static_cast<std::uint16_t>((counts >> 2) & 3);
        p.in_column[1] = static_cast<std::uint16_t>(counts & 3);
        p.in_column[2] = static_cast<std::uint16_t>(std::min<std::uint64_t>(counts >> 4, 0xffff));
      }
    }
    if (in.failed() || !in.at_end()) return damaged(std::string(name) + " is cut short");
    // Only terms within the shard's range count: a damaged shard cannot hide another's.
    const std::string_view first = shard_first_[file];
    for (auto& [word, list] : read) {
      if (word < first || shard_of(word) != file) continue;
      terms_.emplace(word, std::move(list));
    }
    shard_loaded_[file] = true;
    return ok_status();
  }
  std::string lang;
  for (const auto& [language, i] : text_file_) {
    if (shard_loaded_.size() + i == file) lang = language;
  }
  auto& texts = texts_[lang];
  if (!texts.empty()) return ok_status();
  if (!in.magic(quick_text_magic) || in.byte() != quick_format_version) {
    return damaged(std::string(name) + " is not a texts file");
  }
  std::map<std::uint32_t, article_text> read;
  const std::size_t count = in.count();
  for (std::size_t t = 0; t < count && !in.failed(); ++t) {
    const auto article = in.number();
    article_text& x = read[static_cast<std::uint32_t>(std::min<std::uint64_t>(article, 0xffffffff))];
    x.title = in.string();
    x.excerpt = in.string();
    if (article >= articles_.size()) return damaged(std::string(name) + ": no such article");
  }
  if (in.failed() || !in.at_end() || read.empty()) {
    return damaged(std::string(name) + " is cut short");
  }
  texts = std::move(read);
  return ok_status();
}

std::size_t quick_index::shard_of(std::string_view term) const {
  const auto after = std::upper_bound(shard_first_.begin(), shard_first_.end(), term,
                                      [](std::string_view t, const std::string& first) {
                                        return t < std::string_view(first);
                                      });
  return after == shard_first_.begin() ? 0
                                       : static_cast<std::size_t>(after - shard_first_.begin()) - 1;
}

const std::vector<quick_index::posting>* quick_index::postings(const std::string& term) const {
  const auto it = terms_.find(term);
  return it == terms_.end() ? nullptr : &it->second;
}

std::string quick_index::texts_for(std::string_view lang) const {
  for (const std::string_view language : fallback_chain(lang)) {
    if (const auto it = text_file_.find(language); it != text_file_.end()) {
      return files_[shard_loaded_.size() + it->second];
    }
  }
  return {};
}

quick_response quick_index::search(std::string_view query, const search_options& options) const {
  quick_response response;
  search_response& found = response.found;
  found.lang = std::string(display_language(options.lang, text::has_cyrillic(query)));
  std::vector<query_word> words = query_words(query);
  if (words.empty() || rows_.empty()) return response;
  for (query_word& w : words) w.synonyms = synonyms_.other_words(w.canonical);

  // The phrases, as the full search writes its MATCH expression (query.cpp).
  std::vector<phrase> phrases;
  for (const query_word& w : words) {
    if (w.stopword) continue;
    phrase p;
    p.terms = lookup_forms(w.canonical);
    p.groups = synonyms_.group_tokens(w.canonical);
    phrases.push_back(std::move(p));
    if (w.typing && !single_letter(w.canonical)) {
      phrase typed;
      typed.prefix = w.canonical;
      phrases.push_back(std::move(typed));
    }
  }
  for (const query_pair& pair : query_pairs(words)) {
    phrase p;
    p.terms = {pair.token};
    p.weight = pair_weight;
    phrases.push_back(std::move(p));
  }

  // Every shard a phrase may read must be here.
  std::set<std::size_t> needed;
  for (const phrase& p : phrases) {
    for (const auto* list : {&p.terms, &p.groups}) {
      for (const std::string& term : *list) needed.insert(shard_of(term));
    }
    if (!p.prefix.empty()) {
      for (std::size_t s = shard_of(p.prefix); s < shard_first_.size(); ++s) {
        if (s > shard_of(p.prefix) && shard_first_[s].compare(0, p.prefix.size(), p.prefix) > 0) {
          break;
        }
        needed.insert(s);
      }
    }
  }
  for (const std::size_t s : needed) {
    if (!shard_loaded_[s]) response.missing.push_back(files_[s]);
  }
  if (!response.missing.empty()) {
    // The texts the hits will most likely be shown in come in the same round.
    for (const std::string_view language : fallback_chain(found.lang)) {
      const auto texts = texts_.find(language);
      if (texts == texts_.end()) continue;
      if (texts->second.empty()) {
        response.missing.push_back(files_[shard_loaded_.size() + text_file_.find(language)->second]);
      }
      break;
    }
    return response;
  }

  // bm25 over the rows holding any phrase (fts_tokenizer.cpp's rank function, without the
  // side-by-side bonus).
  const double rows = static_cast<double>(rows_.size());
  std::unordered_map<std::uint32_t, double> scores;
  for (const phrase& p : phrases) {
    std::unordered_map<std::uint32_t, double> frequency;
    const auto count = [](const posting& at) {
      double f = 0;
      for (std::size_t c = 0; c < column_weights.size(); ++c) f += column_weights[c] * at.in_column[c];
      return f;
    };
    const auto add_term = [&](const std::vector<posting>& list,
                              std::unordered_map<std::uint32_t, double>& into) {
      for (const posting& at : list) into[at.row] += count(at);
    };
    if (!p.prefix.empty()) {
      for (auto it = terms_.lower_bound(p.prefix);
           it != terms_.end() && it->first.compare(0, p.prefix.size(), p.prefix) == 0; ++it) {
        add_term(it->second, frequency);
      }
    }
    for (const std::string& term : p.terms) {
      if (const auto* list = postings(term)) add_term(*list, frequency);
    }
    for (const std::string& group : p.groups) {
      std::unordered_map<std::uint32_t, double> in_group;
      if (const auto* list = postings(group)) add_term(*list, in_group);
      for (const auto& [row, f] : in_group) frequency[row] = std::max(frequency[row], f);
    }
    if (frequency.empty()) continue;
    const double hits = static_cast<double>(frequency.size());
    double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
    if (idf <= 0) idf = 1e-6;
    for (const auto& [row, f] : frequency) {
      const double ratio =
          average_words_ > 0 ? static_cast<double>(rows_[row].words) / average_words_ : 1;
      scores[row] += p.weight * term_score(idf, f, ratio);
    }
  }
  std::vector<std::pair<double, std::uint32_t>> best;
  best.reserve(scores.size());
  for (const auto& [row, score] : scores) best.emplace_back(score, row);
  std::sort(best.begin(), best.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });

  // One hit per article, in the customer's language or the closest.
  const std::size_t limit = std::clamp<std::size_t>(options.limit, 1, 50);
  const auto chain = fallback_chain(found.lang);
  word_matcher matching(words_to_mark(words));
  std::set<std::uint32_t> seen;
  std::size_t taken = 0;  // hits, and hits whose texts are still to come
  for (const auto& [score, row] : best) {
    if (taken >= limit) break;
    const std::uint32_t a = rows_[row].article;
    const article_info& article = articles_[a];
    if (!seen.insert(a).second) continue;
    if (!options.include_agent && article.audience != "customer") continue;
    if (!options.category.empty() && article.category != options.category) continue;
    if (!options.include_flows && article.kind == "flow") continue;
    std::string_view lang;
    for (const std::string_view l : chain) {
      const int bit = language_bit(l);
      if (bit >= 0 && ((article.languages >> bit) & 1) != 0) {
        lang = l;
        break;
      }
    }
    const auto texts = texts_.find(lang);
    if (lang.empty() || texts == texts_.end()) continue;
    ++taken;
    if (texts->second.empty()) {
      const std::string& file = files_[shard_loaded_.size() + text_file_.find(lang)->second];
      if (std::find(response.missing.begin(), response.missing.end(), file) ==
          response.missing.end()) {
        response.missing.push_back(file);
      }
      continue;
    }
    const auto x = texts->second.find(a);
    if (x == texts->second.end()) continue;
    found.hits.push_back({article.id, std::string(lang), x->second.title, article.category,
                          article.audience, article.kind,
                          snippet_html(x->second.excerpt, matching, snippet_words), score});
  }
  if (!response.missing.empty()) found.hits.clear();
  return response;
}

}  // namespace ha::kb
