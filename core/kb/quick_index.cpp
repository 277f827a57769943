#include "kb/quick_index.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <unordered_map>
#include <utility>

#include "kb/bm25.hpp"
#include "common/languages.hpp"
#include "kb/fts_tokenizer.hpp"
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

std::uint64_t pack_article(std::uint32_t languages, std::uint32_t rows, bool flow, bool agent) {
  return std::uint64_t{languages} << 5 | std::min<std::uint32_t>(rows, 7) << 2 |
         (flow ? 2u : 0u) | (agent ? 1u : 0u);
}

}  // namespace quick_format

std::string quick_shard_name(std::string_view key, std::size_t shard) {
  return std::string(key) + "-t" + std::to_string(shard) + ".bin";
}

std::string quick_texts_name(std::string_view key, std::string_view lang, std::size_t chunk) {
  return std::string(key) + "-" + std::string(lang) + "-" + std::to_string(chunk) + ".bin";
}

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

// The most term shards the word being typed may read as a prefix.
constexpr std::size_t max_prefix_shards = 2;

// One thing the query scores rows by, as an FTS5 phrase in the full search: a word (its
// forms, which are alternatives, and its synonym groups), the word being typed as a
// prefix, or a pair token.
struct phrase {
  std::vector<std::string> terms;   // alternatives; a row's frequency is their sum
  std::vector<std::string> groups;  // synonym group tokens: the frequency is at least theirs
  std::string prefix;               // when not empty: every term starting with it instead
  double weight = 1.0;
  // A pair weighed as no rarer than its word (query_pair::word): that word's phrase.
  std::optional<std::size_t> weigh_as;
};

// The shard that would hold a term, by the shards' first terms (the first shard for a
// term before them all).
std::size_t shard_holding(const std::vector<std::string>& shard_first, std::string_view term) {
  const auto after = std::upper_bound(shard_first.begin(), shard_first.end(), term,
                                      [](std::string_view t, const std::string& first) {
                                        return t < std::string_view(first);
                                      });
  return after == shard_first.begin() ? 0
                                      : static_cast<std::size_t>(after - shard_first.begin()) - 1;
}

using term_map = std::map<std::string, quick_index::term_postings, std::less<>>;

// The postings of a term (nullptr when no loaded row holds it; the shard must be loaded).
const quick_index::term_postings* postings_in(const term_map& terms, const std::string& term) {
  const auto it = terms.find(term);
  return it == terms.end() ? nullptr : &it->second;
}

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
  const std::string key = in.string();
  if (key.empty() || key.find_first_of("/\\.") != std::string::npos) {
    return damaged("the files' key is missing or not a name");
  }
  const std::size_t row_count = in.count();
  const std::uint64_t total_words = in.number();
  index.average_words_ =
      row_count > 0 ? static_cast<double>(total_words) / static_cast<double>(row_count) : 0;
  index.articles_.resize(in.count());
  std::uint64_t rows = 0;
  for (article_info& a : index.articles_) {
    const std::uint64_t packed = in.number();
    a.languages = static_cast<std::uint32_t>(packed >> 5);
    a.first_row = static_cast<std::uint32_t>(rows);
    rows += (packed >> 2) & 7;
    a.flow = (packed & 2) != 0;
    a.agent = (packed & 1) != 0;
  }
  if (rows != row_count) return damaged("the articles do not add up to the rows");
  index.rows_ = static_cast<std::uint32_t>(row_count);
  std::vector<std::vector<std::string>> groups(in.count());
  for (auto& group : groups) {
    group.resize(in.count());
    for (std::string& word : group) word = in.string();
  }
  index.synonyms_.assign(groups);
  const std::size_t shards = in.count();
  std::string first;
  for (std::size_t i = 0; i < shards && !in.failed(); ++i) {
    const std::uint64_t shared = in.number();
    if (shared > first.size()) return damaged("a shard's first term shares too much");
    first.resize(static_cast<std::size_t>(shared));
    first += in.string();
    if (i > 0 && !(index.shard_first_.back() < first)) return damaged("term shards out of order");
    index.shard_first_.push_back(first);
    index.files_.push_back(quick_shard_name(key, i));
  }
  index.text_articles_ = static_cast<std::uint32_t>(std::max<std::uint64_t>(in.number(), 1));
  const std::size_t languages = in.count();
  for (std::size_t l = 0; l < languages && !in.failed(); ++l) {
    const std::string lang = in.string();
    language_texts& texts = index.texts_[lang];
    texts.first_file = index.files_.size();
    const std::uint64_t chunks = in.number();
    if (chunks > index.articles_.size()) return damaged("more texts chunks than articles");
    texts.chunks = static_cast<std::size_t>(chunks);
    // A chunk is there when one of its articles is in the language.
    const int bit = language_bit(lang);
    for (std::size_t c = 0; c < texts.chunks; ++c) {
      bool any = false;
      const std::size_t end = std::min(index.articles_.size(), (c + 1) * index.text_articles_);
      for (std::size_t a = c * index.text_articles_; a < end && !any && bit >= 0; ++a) {
        any = ((index.articles_[a].languages >> bit) & 1) != 0;
      }
      index.files_.push_back(any ? quick_texts_name(key, lang, c) : std::string());
    }
  }
  if (in.failed() || !in.at_end()) return damaged("the head is cut short or too long");
  if (shards == 0 && row_count > 0) return damaged("no term shards");
  for (std::size_t i = 0; i < index.files_.size(); ++i) {
    if (!index.files_[i].empty()) index.file_index_.emplace(index.files_[i], i);
  }
  index.loaded_.assign(index.files_.size(), false);
  return index;
}

status quick_index::add(std::string_view name, std::string_view bytes) {
  const auto named = file_index_.find(std::string(name));
  if (named == file_index_.end()) {
    return {errc::invalid_argument, "the first-answer index has no file " + std::string(name)};
  }
  const std::size_t file = named->second;
  if (loaded_[file]) return ok_status();
  reader in(bytes);
  if (file < shard_first_.size()) {
    if (!in.magic(quick_terms_magic) || in.byte() != quick_format_version) {
      return damaged(std::string(name) + " is not a term shard");
    }
    std::map<std::string, term_postings, std::less<>> read;
    std::string term;
    const std::size_t count = in.count();
    for (std::size_t t = 0; t < count && !in.failed(); ++t) {
      const std::uint64_t shared = in.number();  // (bytes of the term before, not of the file)
      if (shared > term.size()) return damaged(std::string(name) + ": a term shares too much");
      term.resize(static_cast<std::size_t>(shared));
      term += in.string();
      term_postings& listed = read[term];
      const std::uint64_t holders = in.number();
      std::vector<posting>& list = listed.list;
      list.resize(in.count());
      if (holders < list.size() || holders > rows_) return damaged(std::string(name) + ": a term's row count is wrong");
      listed.holders = static_cast<std::uint32_t>(holders);
      std::uint64_t row = 0;
      for (posting& p : list) {
        row += in.number();
        if (row >= rows_) return damaged(std::string(name) + ": a row out of range");
        p.row = static_cast<std::uint32_t>(row);
        const std::uint64_t counts = in.number();
        p.in_column[0] = static_cast<std::uint16_t>((counts >> 2) & 3);
        p.in_column[1] = static_cast<std::uint16_t>(counts & 3);
        p.in_column[2] = static_cast<std::uint16_t>(std::min<std::uint64_t>(counts >> 4, 0xffff));
        p.length = in.byte();
      }
    }
    if (in.failed() || !in.at_end()) return damaged(std::string(name) + " is cut short");
    // Only terms within the shard's range count: a damaged shard cannot hide another's.
    const std::string_view first = shard_first_[file];
    for (auto& [word, list] : read) {
      if (word < first || shard_of(word) != file) continue;
      terms_.emplace(word, std::move(list));
    }
    loaded_[file] = true;
    return ok_status();
  }
  // A texts chunk: which language, which articles.
  auto texts = texts_.begin();
  while (texts != texts_.end() &&
         !(file >= texts->second.first_file && file < texts->second.first_file + texts->second.chunks)) {
    ++texts;
  }
  if (texts == texts_.end()) return damaged(std::string(name) + " is no texts chunk");
  const auto chunk = static_cast<std::uint32_t>(file - texts->second.first_file);
  if (!in.magic(quick_text_magic) || in.byte() != quick_format_version) {
    return damaged(std::string(name) + " is not a texts file");
  }
  std::map<std::uint32_t, article_text> read;
  const std::size_t count = in.count();
  for (std::size_t t = 0; t < count && !in.failed(); ++t) {
    const std::uint64_t article = std::uint64_t{chunk} * text_articles_ + in.number();
    if (article >= articles_.size() || article >= std::uint64_t{chunk + 1} * text_articles_) {
      return damaged(std::string(name) + ": an article out of range");
    }
    article_text& x = read[static_cast<std::uint32_t>(article)];
    x.id = in.string();
    x.kind = in.string();
    x.category = in.string();
    x.title = in.string();
    x.excerpt = in.string();
  }
  if (in.failed() || !in.at_end()) return damaged(std::string(name) + " is cut short");
  texts->second.articles.merge(read);
  loaded_[file] = true;
  return ok_status();
}

std::size_t quick_index::shard_of(std::string_view term) const {
  return shard_holding(shard_first_, term);
}

std::uint32_t quick_index::article_of(std::uint32_t row) const {
  const auto after = std::upper_bound(
      articles_.begin(), articles_.end(), row,
      [](std::uint32_t r, const article_info& a) { return r < a.first_row; });
  return static_cast<std::uint32_t>(after - articles_.begin()) - 1;
}

std::size_t quick_index::texts_file(std::string_view lang, std::uint32_t article) const {
  const auto texts = texts_.find(lang);
  const std::size_t chunk = article / text_articles_;
  if (texts == texts_.end() || chunk >= texts->second.chunks) return std::string::npos;
  const std::size_t file = texts->second.first_file + chunk;
  return files_[file].empty() ? std::string::npos : file;
}

std::vector<std::string> quick_index::texts_for(std::string_view lang) const {
  // A few chunks: the small help center's, fetched with the head.
  constexpr std::size_t few = quick_few_text_chunks;
  std::vector<std::string> names;
  for (const std::string_view language : fallback_chain(lang)) {
    const auto texts = texts_.find(language);
    if (texts == texts_.end() || texts->second.chunks == 0) continue;
    if (texts->second.chunks > few) return names;
    for (std::size_t c = 0; c < texts->second.chunks; ++c) {
      const std::size_t file = texts->second.first_file + c;
      if (!files_[file].empty() && !loaded_[file]) names.push_back(files_[file]);
    }
    return names;
  }
  return names;
}

namespace {

// The phrases of a query's words, as the full search writes its MATCH expression
// (query.cpp): each word but a stopword, the word being typed also as a prefix (unless it
// is a single letter), and each pair.
std::vector<phrase> phrases_of(const std::vector<query_word>& words,
                               const synonym_table& synonyms) {
  std::vector<phrase> phrases;
  std::vector<std::optional<std::size_t>> phrase_of_word;
  // A span of time is not searched when the query names something else (as
  // knowledge_base::skip_common_words).
  const std::vector<bool> of_time = spans_of_time(words);
  bool other = false;
  for (std::size_t k = 0; k < words.size(); ++k)
    other = other || (!words[k].stopword && !of_time[k]);
  for (std::size_t k = 0; k < words.size(); ++k) {
    const query_word& w = words[k];
    phrase_of_word.emplace_back();
    if (w.stopword || (of_time[k] && other)) continue;
    phrase_of_word.back() = phrases.size();
    phrase p;
    p.terms = lookup_forms(w.canonical);
    p.groups = synonyms.group_tokens(w.canonical);
    phrases.push_back(std::move(p));
    if (w.typing && !single_letter(w.canonical)) {
      phrase typed;
      typed.prefix = w.canonical;
      phrases.push_back(std::move(typed));
    }
  }
  for (const query_pair& pair : query_pairs(words)) {
    if (pair.token[0] == neighbour_marker) continue;  // the first-answer index has none
    phrase p;
    p.terms = {pair.token};
    p.weight = pair_weight;
    if (pair.word > 0) p.weigh_as = phrase_of_word[pair.word - 1];
    phrases.push_back(std::move(p));
  }
  return phrases;
}

// The shards that may hold terms starting with a prefix: the one that would hold the
// prefix, and those after it whose first term still starts with it.
std::vector<std::size_t> prefix_shards(const std::vector<std::string>& shard_first,
                                       const std::string& prefix) {
  const std::size_t first = shard_holding(shard_first, prefix);
  std::vector<std::size_t> spanned;
  for (std::size_t s = first; s < shard_first.size(); ++s) {
    if (s > first && shard_first[s].compare(0, prefix.size(), prefix) > 0) break;
    spanned.push_back(s);
  }
  return spanned;
}

// Every shard a phrase may read. A prefix whose words fill more than max_prefix_shards
// shards (two letters in a large help center) is left to the whole engine, and cleared:
// fetching them would cost more than the word can tell, keystroke after keystroke; the
// word as typed is still searched.
std::set<std::size_t> shards_needed(std::vector<phrase>& phrases,
                                    const std::vector<std::string>& shard_first) {
  std::set<std::size_t> needed;
  for (phrase& p : phrases) {
    for (const auto* list : {&p.terms, &p.groups}) {
      for (const std::string& term : *list) needed.insert(shard_holding(shard_first, term));
    }
    if (p.prefix.empty()) continue;
    const std::vector<std::size_t> spanned = prefix_shards(shard_first, p.prefix);
    if (spanned.size() > max_prefix_shards) {
      p.prefix.clear();
      continue;
    }
    needed.insert(spanned.begin(), spanned.end());
  }
  return needed;
}

// How often a row holds a term, each column's count weighted as bm25 weighs it.
double weighted_count(const quick_index::posting& at) {
  double f = 0;
  for (std::size_t c = 0; c < column_weights.size(); ++c) f += column_weights[c] * at.in_column[c];
  return f;
}

// The rows holding one phrase: how often each holds it, and how many hold it.
struct phrase_rows {
  std::unordered_map<std::uint32_t, double> frequency;  // row → weighted count
  // How many rows hold the phrase: those scored, or more when a common term lists only
  // its best rows (quick_max_postings).
  std::uint32_t holders = 0;
};

// The rows holding a phrase, from its prefix, its terms and its synonym groups. Notes each
// row's length against the average in length_ratio, which bm25 needs for every row.
phrase_rows rows_holding(const phrase& p, const term_map& terms, double average_words,
                         std::unordered_map<std::uint32_t, double>& length_ratio) {
  phrase_rows held;
  const auto add_term = [&](const quick_index::term_postings& term,
                            std::unordered_map<std::uint32_t, double>& into) {
    held.holders = std::max(held.holders, term.holders);
    for (const quick_index::posting& at : term.list) {
      into[at.row] += weighted_count(at);
      if (average_words > 0) length_ratio.emplace(at.row, length_of(at.length) / average_words);
    }
  };
  if (!p.prefix.empty()) {
    for (auto it = terms.lower_bound(p.prefix);
         it != terms.end() && it->first.compare(0, p.prefix.size(), p.prefix) == 0; ++it) {
      add_term(it->second, held.frequency);
    }
  }
  for (const std::string& term : p.terms) {
    if (const auto* listed = postings_in(terms, term)) add_term(*listed, held.frequency);
  }
  for (const std::string& group : p.groups) {
    std::unordered_map<std::uint32_t, double> in_group;
    if (const auto* listed = postings_in(terms, group)) add_term(*listed, in_group);
    for (const auto& [row, f] : in_group) held.frequency[row] = std::max(held.frequency[row], f);
  }
  return held;
}

// bm25 over the rows holding any phrase (fts_tokenizer.cpp's rank function, without the
// title's neighbour tokens, with exact counts of uses): each row's score.
std::unordered_map<std::uint32_t, double> row_scores(const std::vector<phrase>& phrases,
                                                     const term_map& terms, std::uint32_t row_count,
                                                     double average_words) {
  const double rows = static_cast<double>(row_count);
  std::unordered_map<std::uint32_t, double> scores;
  std::unordered_map<std::uint32_t, double> length_ratio;  // row → its length / the average
  std::vector<double> holders(phrases.size());             // per phrase: the rows holding it
  for (std::size_t k = 0; k < phrases.size(); ++k) {
    const phrase& p = phrases[k];
    const phrase_rows held = rows_holding(p, terms, average_words, length_ratio);
    holders[k] = static_cast<double>(std::max<std::size_t>(held.frequency.size(), held.holders));
    if (held.frequency.empty()) continue;
    // A pair's word comes before it (phrases_of).
    const double hits =
        p.weigh_as && *p.weigh_as < k ? std::max(holders[k], holders[*p.weigh_as]) : holders[k];
    double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
    if (idf <= 0) idf = 1e-6;
    for (const auto& [row, f] : held.frequency) {
      const auto ratio = length_ratio.find(row);
      scores[row] += p.weight * term_score(idf, f, ratio == length_ratio.end() ? 1 : ratio->second);
    }
  }
  return scores;
}

// The scored rows, best first; equal scores by row, so the order never depends on the map.
std::vector<std::pair<double, std::uint32_t>> best_first(
    const std::unordered_map<std::uint32_t, double>& scores) {
  std::vector<std::pair<double, std::uint32_t>> best;
  best.reserve(scores.size());
  for (const auto& [row, score] : scores) best.emplace_back(score, row);
  std::sort(best.begin(), best.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  return best;
}

// Whether the options show an article: one for agents, or a guided fix, only when asked.
bool shown(const quick_index::article_info& article, const search_options& options) {
  return (options.include_agent || !article.agent) && (options.include_flows || !article.flow);
}

// The language an article is shown in: the first of the chain it is written in (empty
// when it has none of them).
std::string_view shown_language(std::span<const std::string_view> chain, std::uint32_t languages) {
  for (const std::string_view l : chain) {
    const int bit = language_bit(l);
    if (bit >= 0 && ((languages >> bit) & 1) != 0) return l;
  }
  return {};
}

// Asks for a file once, however many hits need it.
void add_missing(std::vector<std::string>& missing, const std::string& name) {
  if (std::find(missing.begin(), missing.end(), name) == missing.end()) missing.push_back(name);
}

// A hit as knowledge_base::search() shapes it, from the article's texts in lang.
search_hit hit_of(const quick_index::article_text& x, std::string_view lang, bool agent,
                  word_matcher& matching, double score) {
  return {x.id, std::string(lang), x.title, x.category, agent ? "agent" : "customer", x.kind,
          snippet_html(x.excerpt, matching, snippet_words), score};
}

}  // namespace

quick_response quick_index::search(std::string_view query, const search_options& options) const {
  quick_response response;
  search_response& found = response.found;
  found.lang = std::string(display_language(options.lang, text::has_cyrillic(query),
                                            options.keep_script, options.lang));
  std::vector<query_word> words = query_words(query);
  if (words.empty() || rows_ == 0) return response;
  for (query_word& w : words) w.synonyms = synonyms_.other_words(w.canonical);

  // Every shard a phrase may read must be here.
  std::vector<phrase> phrases = phrases_of(words, synonyms_);
  for (const std::size_t s : shards_needed(phrases, shard_first_)) {
    if (!loaded_[s]) response.missing.push_back(files_[s]);
  }
  if (!response.missing.empty()) {
    // A small help center's texts come in the same round.
    for (std::string& name : texts_for(found.lang)) response.missing.push_back(std::move(name));
    return response;
  }
  const auto best = best_first(row_scores(phrases, terms_, rows_, average_words_));

  // One hit per article, in the customer's language or the closest.
  const std::size_t limit = std::clamp<std::size_t>(options.limit, 1, 50);
  const auto chain = fallback_chain(found.lang);
  word_matcher matching(words_to_mark(words));
  std::set<std::uint32_t> seen;
  std::size_t taken = 0;  // hits, and hits whose texts are still to come
  for (const auto& [score, row] : best) {
    if (taken >= limit) break;
    const std::uint32_t a = article_of(row);
    const article_info& article = articles_[a];
    if (!seen.insert(a).second) continue;
    if (!shown(article, options)) continue;
    const std::string_view lang = shown_language(chain, article.languages);
    const std::size_t file = texts_file(lang, a);
    if (file == std::string::npos) continue;
    ++taken;
    if (!loaded_[file]) {
      add_missing(response.missing, files_[file]);
      continue;
    }
    const auto& texts = texts_.find(lang)->second.articles;
    const auto x = texts.find(a);
    if (x == texts.end()) continue;
    if (!options.category.empty() && x->second.category != options.category) {
      --taken;
      continue;
    }
    found.hits.push_back(hit_of(x->second, lang, article.agent, matching, score));
  }
  if (!response.missing.empty()) found.hits.clear();
  return response;
}

}  // namespace ha::kb
