#include "kb/knowledge_base.hpp"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "flow/flow.hpp"
#include "site/config.hpp"
#include "kb/bm25.hpp"
#include "kb/page_map.hpp"
#include "kb/row_lengths.hpp"
#include "kb/fts_tokenizer.hpp"
#include "kb/language_words.hpp"
#include "common/languages.hpp"
#include "kb/paged.hpp"
#include "kb/query.hpp"
#include "kb/schema.hpp"
#include "kb/snippet.hpp"
#include "kb/spelling.hpp"
#include "kb/statement.hpp"
#include "kb/synonyms.hpp"
#include "text/fold.hpp"
#include "text/html.hpp"
#include "text/stem.hpp"
#include "text/stopwords.hpp"
#include "text/tokenizer.hpp"
#include "text/transliterate.hpp"
#include "text/utf8.hpp"

namespace ha::kb {
namespace {

// How many matching rows (all languages) are read at most before grouping them by
// article: enough for max_hits articles in six languages with room to spare.
constexpr int max_rows = 400;
constexpr std::size_t max_hits = 50;
// A search whose words are held by more rows than this together (counting a row once per
// word) looks at the rows holding every word first.
constexpr long long wide_search_rows = 2000;
// At most this many pair tokens are searched, the rarest, while they are held by at most
// pair_rows rows together (each by at most half of the rows): a pair in more rows costs
// more time than it tells apart.
constexpr std::size_t max_pairs = 4;
constexpr long long pair_rows = 500;
// Index terms whose row counts are kept between searches (about 50 bytes each).
constexpr std::size_t max_remembered_terms = 4096;

std::vector<std::string> split(const std::string& s, std::string_view sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string::npos) end = s.size();
    if (end > start) parts.push_back(s.substr(start, end - start));
    start = end + sep.size();
  }
  return parts;
}

// The size a SQLite image says it has: page size (offset 16) times page count (offset
// 28; kbc's files always carry it). 0 when the header does not say.
std::size_t image_bytes(std::string_view image) {
  const auto byte = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(image[i]));
  };
  const auto be32 = [&](std::size_t i) {
    return byte(i) << 24 | byte(i + 1) << 16 | byte(i + 2) << 8 | byte(i + 3);
  };
  std::uint32_t page_size = byte(16) << 8 | byte(17);
  if (page_size == 1) page_size = 65536;
  // The count is valid only when the "version valid for" number equals the change counter.
  if (be32(92) != be32(24)) return 0;
  return static_cast<std::size_t>(page_size) * be32(28);
}

error sqlite_error(sqlite3* db, std::string_view what) {
  const int rc = sqlite3_errcode(db);
  const bool corrupt = rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
  return {corrupt ? errc::corrupt_database : errc::internal,
          std::string(what) + ": " + sqlite3_errmsg(db)};
}

}  // namespace

// Statements prepared once when the knowledge base opens: preparing costs more than
// running them, and every keystroke runs a search.
struct knowledge_base::statements {
  explicit statements(sqlite3* db)
      // FTS5 ranks inside its own scan when asked for "ORDER BY rank" on the FTS table
      // alone; ?2 calls the rank function. The best rows are then read one by one (row)
      // and filtered (audience, category, flows): in a knowledge base read in pages, a
      // row whose page is missing is passed over and the others still read, so that one
      // round of fetching brings every missing row of a search.
      : rows(db, R"sql(
          SELECT rowid, rank FROM articles_fts
          WHERE articles_fts MATCH ?1 AND rank MATCH ?2
          ORDER BY rank LIMIT ?3)sql"),
        row(db, "SELECT id, audience, category, kind, lang, title FROM articles WHERE rowid = ?1"),
        versions(db,
                 "SELECT id, lang, title, category, audience, kind FROM articles WHERE rowid = ?1"),
        body(db, "SELECT plain_text(html) FROM articles WHERE rowid = ?1"),
        full_text(db,
                  "SELECT title || ' ' || tags, plain_text(html) FROM articles WHERE rowid = ?1"),
        article(db,
                "SELECT lang, title, category, audience, kind, html, tags, pages "
                "FROM articles WHERE id = ?1 AND kind != 'flow'"),
        flow(db, "SELECT json FROM flows WHERE id = ?1"),
        common_term(db, "SELECT docs FROM common_terms WHERE term = ?1"),
        term(db, "SELECT doc FROM temp.terms WHERE term = ?1"),
        term_prefix(db, "SELECT 1 FROM temp.terms WHERE term >= ?1 AND term < ?2 LIMIT 1"),
        completions(db, "SELECT terms FROM completions WHERE prefix = ?1"),
        real_word(db, "SELECT 1 FROM real_words WHERE word = ?1"),
        // FTS5's own tables: %_idx holds the first term of every leaf where a term starts
        // (its page number shifted left by one), %_data the leaves (docs/loading.md).
        first_leaf(db,
                   "SELECT pgno >> 1 FROM articles_fts_idx WHERE segid = ?1 AND term <= ?2 "
                   "ORDER BY term DESC LIMIT 1"),
        next_term_leaf(db,
                       "SELECT pgno >> 1 FROM articles_fts_idx WHERE segid = ?1 AND term > ?2 "
                       "ORDER BY term LIMIT 1"),
        leaf(db, "SELECT length(block) FROM articles_fts_data WHERE id = ?1") {}

  bool ok() const {
    return rows.ok() && row.ok() && versions.ok() && body.ok() && full_text.ok() && article.ok() &&
           flow.ok() && common_term.ok() && term.ok() && term_prefix.ok() && completions.ok() &&
           real_word.ok() && first_leaf.ok() && next_term_leaf.ok() && leaf.ok();
  }

  statement rows, row, versions, body, full_text, article, flow, common_term, term, term_prefix,
      completions, real_word, first_leaf, next_term_leaf, leaf;
};

void knowledge_base::closer::operator()(sqlite3* db) const noexcept {
  sqlite3_close(db);
}

knowledge_base::knowledge_base(std::unique_ptr<synonym_table> synonyms,
                               std::unique_ptr<sqlite3, closer> db)
    : synonyms_(std::move(synonyms)), db_(std::move(db)) {}
knowledge_base::~knowledge_base() = default;
knowledge_base::knowledge_base(knowledge_base&&) noexcept = default;
knowledge_base& knowledge_base::operator=(knowledge_base&&) noexcept = default;

result<knowledge_base> knowledge_base::open_image(std::string_view bytes) {
  if (bytes.empty()) return {errc::invalid_argument, "the knowledge base is empty"};
  constexpr std::string_view magic("SQLite format 3\0", 16);
  if (bytes.size() < 512 || bytes.substr(0, magic.size()) != magic) {
    return {errc::corrupt_database, "this is not a knowledge base (no SQLite header)"};
  }
  // A download cut short fails here: the header says how many pages the file has. (A full
  // integrity check read every page, a quarter of a second on a phone at every start; a
  // page damaged inside is reported by SQLite when a search reads it: corrupt_database.)
  if (image_bytes(bytes) != bytes.size()) {
    return {errc::corrupt_database, "the knowledge base is incomplete (a download cut short?)"};
  }

  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    return {errc::internal, "SQLite could not open an in-memory database"};
  }
  std::unique_ptr<sqlite3, closer> db(raw);
  // Filled from the knowledge base below, before FTS5 first tokenizes anything.
  auto synonyms = std::make_unique<synonym_table>();
  if (auto registered = register_tokenizer(db.get(), synonyms.get()); !registered) {
    return registered.err();
  }
  auto lengths = std::make_unique<row_lengths>();
  if (auto registered = register_rank_function(db.get(), lengths.get()); !registered) {
    return registered.err();
  }

  // SQLite takes ownership of a buffer from its own allocator and frees it on close.
  auto* buffer = static_cast<unsigned char*>(sqlite3_malloc64(bytes.size()));
  if (buffer == nullptr) return {errc::internal, "out of memory for the knowledge base"};
  std::memcpy(buffer, bytes.data(), bytes.size());
  const auto size = static_cast<sqlite3_int64>(bytes.size());
  if (sqlite3_deserialize(db.get(), "main", buffer, size, size,
                          SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) !=
      SQLITE_OK) {
    return sqlite_error(db.get(), "could not open the knowledge base");
  }
  return finish_open(std::move(synonyms), std::move(lengths), std::move(db), nullptr);
}

result<knowledge_base> knowledge_base::open_pages(std::shared_ptr<page_store> pages) {
  if (!pages) return {errc::invalid_argument, "no pages"};
  auto connected = open_paged_connection(*pages);
  if (!connected) return connected.err();
  std::unique_ptr<sqlite3, closer> db(connected.value());
  auto synonyms = std::make_unique<synonym_table>();
  if (auto registered = register_tokenizer(db.get(), synonyms.get()); !registered) {
    return registered.err();
  }
  auto lengths = std::make_unique<row_lengths>();
  if (auto registered = register_rank_function(db.get(), lengths.get()); !registered) {
    return registered.err();
  }
  const std::uint64_t before = pages->misses();
  auto opened = finish_open(std::move(synonyms), std::move(lengths), std::move(db), pages);
  if (pages->misses() != before) {
    return {errc::pages_missing, "opening the knowledge base needs more of its chunks"};
  }
  return opened;
}

std::uint64_t knowledge_base::misses() const noexcept {
  return pages_ ? pages_->misses() : 0;
}

status knowledge_base::complete_since(std::uint64_t misses_before) const {
  if (misses() == misses_before) return ok_status();
  return {errc::pages_missing, "this needs more of the knowledge base's chunks"};
}

namespace {

// The meta table (schema.hpp), key → value.
result<std::map<std::string, std::string>> read_meta(sqlite3* db) {
  statement meta(db, "SELECT key, value FROM meta");
  if (!meta.ok()) return {errc::corrupt_database, "this SQLite file is not a knowledge base"};
  std::map<std::string, std::string> values;
  int rc;
  while ((rc = meta.step()) == SQLITE_ROW) values[meta.text(0)] = meta.text(1);
  if (rc != SQLITE_DONE || !values.count("format_version")) {
    return {errc::corrupt_database, "the knowledge base is damaged (its settings cannot be read)"};
  }
  return values;
}

}  // namespace

result<knowledge_base> knowledge_base::finish_open(std::unique_ptr<synonym_table> synonyms,
                                                   std::unique_ptr<row_lengths> lengths,
                                                   std::unique_ptr<sqlite3, closer> db,
                                                   std::shared_ptr<page_store> pages) {
  knowledge_base kb(std::move(synonyms), std::move(db));
  kb.lengths_ = std::move(lengths);
  kb.pages_ = std::move(pages);
  auto values = read_meta(kb.db_.get());
  if (!values) return values.err();
  if (auto read = kb.read_settings(values.value()); !read) return read.err();
  if (auto loaded = kb.synonyms_->load(kb.db_.get()); !loaded) return loaded.err();
  // The index's own term list (canonical forms and stems), to tell known words from typos.
  if (sqlite3_exec(kb.db_.get(),
                   "CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, articles_fts, row)",
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    return sqlite_error(kb.db_.get(), "could not read the index's vocabulary");
  }
  {
    statement phrases(kb.db_.get(), "SELECT kind, phrase FROM signal_phrases");
    while (phrases.ok() && phrases.step() == SQLITE_ROW) {
      kb.signal_phrases_.add(phrases.text(0), phrases.text(1));
    }
  }
  kb.statements_ = std::make_unique<statements>(kb.db_.get());
  if (!kb.statements_->ok()) return sqlite_error(kb.db_.get(), "this is not a knowledge base");
  if (kb.pages_) kb.use_page_maps();
  return kb;
}

status knowledge_base::read_settings(std::map<std::string, std::string>& values) {
  const auto number = [&](const char* key) {
    const auto it = values.find(key);
    return it == values.end() ? 0 : std::atoi(it->second.c_str());
  };
  info_.format_version = number("format_version");
  info_.tokenizer_version = number("tokenizer_version");
  info_.content_hash = values["content_hash"];
  info_.articles = number("articles");
  // Team names are read once here; every handoff view asks for one.
  const auto teams = nlohmann::json::parse(values["teams"], nullptr, false);
  if (teams.is_object()) {
    for (const auto& [team, names] : teams.items()) {
      if (!names.is_object()) continue;
      for (const auto& [lang, name] : names.items()) {
        if (name.is_string()) team_names_[team][lang] = name.get<std::string>();
      }
    }
  }
  handoff_ = std::make_unique<site::config>();
  if (const auto it = values.find("handoff"); it != values.end()) {
    auto settings = site::config_from_json(it->second);
    if (!settings) return {errc::corrupt_database, "handoff settings: " + settings.err().message};
    *handoff_ = std::move(settings.value());
  }
  info_.rows = number("indexed_rows");
  // FTS5 numbers segments below 65,536 (a larger number is a damaged file: not used).
  if (const int segment = number("index_segment"); segment > 0 && segment < 65536) {
    index_segment_ = segment;
  }
  index_bound_ = number("index_bound");
  info_.offline_bytes = default_offline_bytes;
  if (const auto it = values.find("offline_bytes"); it != values.end()) {
    info_.offline_bytes = std::max(0LL, std::atoll(it->second.c_str()));
  }
  // site.yaml's search.confidence (checked by kbc), else the engine's one threshold; the
  // scale of this knowledge base's scores that kbc measured (calibration.hpp).
  info_.confidence_threshold = default_confidence_threshold;
  if (const auto it = values.find("confidence_threshold"); it != values.end() && !it->second.empty()) {
    const double threshold = std::strtod(it->second.c_str(), nullptr);
    if (threshold >= 0 && threshold <= 1) info_.confidence_threshold = threshold;
  }
  if (const auto it = values.find("confidence_scale"); it != values.end()) {
    const double scale = std::strtod(it->second.c_str(), nullptr);
    if (std::isfinite(scale) && scale > 0) info_.confidence_scale = scale;
  }
  if (info_.format_version != format_version) {
    return {errc::version_mismatch, "the knowledge base has format version " +
                                        std::to_string(info_.format_version) +
                                        ", this engine reads version " +
                                        std::to_string(format_version) + "; rebuild it with kbc"};
  }
  if (!lengths_->load(values["row_lengths"]) || !lengths_->load_slots(values["row_slots"])) {
    return {errc::corrupt_database, "the knowledge base is damaged (its row lengths cannot be read)"};
  }
  if (info_.tokenizer_version != tokenizer_version) {
    return {errc::version_mismatch,
            "the knowledge base was indexed with tokenizer version " +
                std::to_string(info_.tokenizer_version) + ", this engine uses version " +
                std::to_string(tokenizer_version) + "; rebuild it with kbc"};
  }
  return ok_status();
}

void knowledge_base::use_page_maps() {
  // Read at opening, so among the hot pages. A map that cannot be read is left out: it
  // only saves rounds and bytes.
  statement maps(db_.get(), "SELECT tbl, map FROM page_map");
  while (maps.ok() && maps.step() == SQLITE_ROW) {
    auto map = std::make_shared<page_map>();
    if (!map->load(maps.text(1)) || map->empty()) continue;
    const std::string table = maps.text(0);
    if (table == "articles_fts_data") {
      index_leaves_ = std::move(map);
    } else if (table == "articles") {
      article_rows_ = std::move(map);
    } else if (table == "words") {
      word_pages_ = map->pages();
    }
  }
  // The inner pages above the leaves of articles and of the index are made from their
  // maps instead of fetched (page_map::make_inner_page): a row's read then fetches its
  // leaf only. Not for a file with bytes reserved at the end of each page.
  unsigned char reserved = 1;
  if (pages_->read(&reserved, 1, 20) && reserved == 0) {
    const std::size_t page_size = pages_->layout().page_size;
    pages_->fill_with([rows = article_rows_, leaves = index_leaves_, page_size](
                          std::uint32_t page, std::string& out) {
      return (rows && rows->make_inner_page(page + 1, page_size, out)) ||
             (leaves && leaves->make_inner_page(page + 1, page_size, out));
    });
  }
}

result<knowledge_base> knowledge_base::open_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {errc::io_error, "cannot read " + path};
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return open_image(bytes);
}

result<search_response> knowledge_base::search(std::string_view query,
                                               const search_options& options) const {
  const std::uint64_t misses_before = misses();
  auto found = search_once(query, options);
  if (auto complete = complete_since(misses_before); !complete) return complete.err();
  return found;
}

// A search in three steps: what to search (the customer's language, corrections, the
// words and pairs to search), the best rows, and the hits as shown.
result<search_response> knowledge_base::search_once(std::string_view query,
                                                    const search_options& options) const {
  search_response response;
  identify_language(query, options, response);
  std::vector<query_word> words = query_words(query);
  if (words.empty()) return response;
  const std::vector<query_pair> pairs = plan_search(query, options, words, response);
  // Misspelt words have some language's letter sequences by chance ("routr restrat" read
  // as Croatian): the words as corrected say which language the customer writes.
  if (!response.corrected.empty()) {
    search_response corrected;
    identify_language(response.corrected, options, corrected);
    if (!corrected.query_lang.empty() && corrected.query_lang != response.query_lang) {
      response.query_lang = std::move(corrected.query_lang);
      response.lang = std::move(corrected.lang);
    }
  }
  auto found = read_best_rows(words, pairs, options);
  if (!found) return found.err();
  // The pages of the rows to show that are not here yet (each hit's text is on its
  // row's page), with the version in the language they are shown in: one round.
  for (const long long rowid : found.value().unread) {
    want_row(article_rows_.get(), rowid);
    if (const long long shown = lengths_->version_of(rowid, response.lang); shown != 0) {
      want_row(article_rows_.get(), shown);
    }
  }
  show_hits(found.value(), words, response);
  return response;
}

// The customer's language, from their words; the hits are shown in it.
void knowledge_base::identify_language(std::string_view query, const search_options& options,
                                       search_response& response) const {
  if (!language_model_) {
    const std::uint64_t misses_before = misses();
    auto loaded = std::make_unique<text::language_model>(load_language_model(db_.get()));
    // Not kept until all of it is here (the search is then asked again, see search()).
    if (misses() == misses_before) language_model_ = std::move(loaded);
  }
  response.query_lang = text::identify_language(query, options.lang, language_model_.get()).lang;
  const std::string_view written =
      response.query_lang.empty() ? std::string_view(options.lang) : response.query_lang;
  response.lang = std::string(display_language(written, text::has_cyrillic(query),
                                               options.keep_script, options.lang));
}

// Corrects misspelt words, adds each word's synonyms and completions, chooses the words
// and pairs to search and, in a knowledge base read in pages, fetches their doclists.
std::vector<query_pair> knowledge_base::plan_search(std::string_view query,
                                                    const search_options& options,
                                                    std::vector<query_word>& words,
                                                    search_response& response) const {
  correct(query, words, options.correct, response);
  for (query_word& w : words) {
    w.synonyms = synonyms_->other_words(w.canonical);
    if (w.typing && completed_from_table(w.canonical)) w.completions = completions_of(w.canonical);
  }
  skip_common_words(words);
  std::vector<query_pair> pairs = query_pairs(words);
  for (query_pair& pair : pairs) {
    if (pair.word > 0) pair.word_docs = words[pair.word - 1].docs;
  }
  choose_pairs(pairs);
  fetch_doclists(words, pairs);
  return pairs;
}

// Reads the best rows for these words and the chosen pair and neighbour tokens into found
// (see fts_tokenizer.hpp). The rank function's
// column weights: a word in the title counts most, then tags, then the body. Its bm25 is
// lower-is-better; it is negated into the score (higher is better). False on an error.
bool knowledge_base::read_rows(const std::vector<query_word>& searched, bool every,
                               const std::vector<query_pair>& pairs, const search_options& options,
                               std::size_t limit, found_rows& found) const {
  const fts_match match = match_expression(searched, every, pairs);
  statement& rows = statements_->rows;
  statement& row = statements_->row;
  std::string rank = std::string(rank_function_name) + '(' + std::to_string(column_weights[0]) +
                     ", " + std::to_string(column_weights[1]) + ", " +
                     std::to_string(column_weights[2]) + ", " + std::to_string(match.first_pair);
  // The count of a phrase the index lists in some of its rows only (index_builder.hpp),
  // or the rows a pair is weighed as (query_pair::word); FTS5 counts any other.
  for (std::size_t p = 0; p < match.phrase_rows.size(); ++p) {
    const long long held = match.phrase_rows[p];
    const long long weigh_as = p < match.weigh_as_rows.size() ? match.weigh_as_rows[p] : 0;
    rank += ", " + std::to_string(weigh_as > 0                              ? weigh_as
                                  : index_bound_ > 0 && held > index_bound_ ? held
                                                                            : 0);
  }
  rank += ')';
  rows.reset();
  rows.bind(1, match.expression).bind(2, rank).bind(3, static_cast<long long>(max_rows));
  // Rows come best first; an article's score is that of its best-matching version. Its
  // other versions are passed over unread (the rowid tells the article, row_lengths.hpp).
  found.rows.clear();
  std::set<long long> seen;  // articles
  found.unread.clear();
  int rc;
  while ((rc = rows.step()) == SQLITE_ROW && found.rows.size() + found.unread.size() < limit) {
    const long long rowid = rows.integer(0);
    if (!seen.insert(lengths_->article_of(rowid)).second) continue;
    // A row whose page is not here is not read: the reading that is shown asks for the
    // pages of its rows (search()), and a reading it replaces in this round asks for none.
    if (!row_here(rowid)) {
      found.unread.push_back(rowid);
      continue;
    }
    row.reset();
    row.bind(1, rowid);
    if (row.step() != SQLITE_ROW) {
      found.unread.push_back(rowid);
      continue;
    }
    if (!options.include_agent && row.text(1) != "customer") continue;
    if (!options.category.empty() && row.text(2) != options.category) continue;
    if (!options.include_flows && row.text(3) == "flow") continue;
    if (found.rows.empty()) found.best_rowid = rowid;
    found.rows.push_back({rowid,
                          {row.text(0), row.text(4), row.text(5), row.text(2), row.text(1),
                           row.text(3), {}, -rows.real(1)}});
  }
  row.reset();
  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

// FTS5 scores every row that holds any searched word: on a large knowledge base, most of
// the search time. When the searched words are held by many rows together, the rows
// holding all of them are read first (bm25 gives them about the scores the OR would, so
// they come in about the same order); when too few do, the rarest words alone (held by
// at most wide_search_rows rows), and all words only when that is too few too. Pair
// tokens are read with the OR only.
result<knowledge_base::found_rows> knowledge_base::read_best_rows(
    const std::vector<query_word>& words, const std::vector<query_pair>& pairs,
    const search_options& options) const {
  const std::size_t limit = std::min(std::max<std::size_t>(options.limit, 1), max_hits);
  found_rows found;
  std::vector<query_word> rarest;
  long long touched = 0;
  for (const query_word& w : words) {
    if (!w.searched || w.stopword) continue;
    rarest.push_back(w);
    touched += w.docs;
  }
  bool everything = true;  // whether the OR of every searched word is still to be read
  if (rarest.size() > 1 && touched > wide_search_rows) {
    if (!read_rows(rarest, true, pairs, options, limit, found)) return sqlite_error(db_.get(), "search");
    // Rows whose page is not here yet count: when they may be enough, the next reading
    // waits for them; when even all of them are too few, it is read now (its rows are
    // then asked for in the same round).
    const std::size_t candidates = found.rows.size() + found.unread.size();
    if (!found.unread.empty() && candidates >= limit) return found;
    everything = candidates < limit;
    std::stable_sort(rarest.begin(), rarest.end(),
                     [](const query_word& a, const query_word& b) { return a.docs < b.docs; });
    long long kept = 0;
    bool fewer = false;
    for (query_word& w : rarest) {
      w.searched = kept == 0 || kept + w.docs <= wide_search_rows;
      if (w.searched) kept += w.docs;
      fewer = fewer || !w.searched;
    }
    if (everything && fewer) {
      if (!read_rows(rarest, false, pairs, options, limit, found)) {
        return sqlite_error(db_.get(), "search");
      }
      const std::size_t wider = found.rows.size() + found.unread.size();
      if (!found.unread.empty() && wider >= limit) return found;
      everything = wider < limit;
    }
  }
  if (everything && !read_rows(words, false, pairs, options, limit, found)) {
    return sqlite_error(db_.get(), "search");
  }
  return found;
}

// Each article found in the version the customer reads (or the closest), with a snippet,
// and the confidence of the best.
void knowledge_base::show_hits(found_rows& found, const std::vector<query_word>& words,
                               search_response& response) const {
  statement& versions = statements_->versions;
  statement& body = statements_->body;
  // One matcher for every snippet and the confidence check: hits share most words.
  word_matcher matching(words_to_mark(words));
  const auto chain = fallback_chain(response.lang);
  for (found_row& row : found.rows) {
    // The row that matched is shown when it is in the customer's language (no other
    // version is read); else the first version the fallback chain has, in the same block
    // of rows (row_lengths.hpp).
    std::optional<std::pair<long long, search_hit>> shown;
    for (const std::string_view lang : chain) {
      if (lang == row.hit.lang) {
        shown.emplace(row.rowid, row.hit);
        break;
      }
      const long long rowid = lengths_->version_of(row.rowid, lang);
      if (rowid == 0) continue;
      want_row(article_rows_.get(), rowid);
      versions.reset();
      versions.bind(1, rowid);
      if (versions.step() != SQLITE_ROW || versions.text(0) != row.hit.id) continue;
      shown.emplace(rowid, search_hit{row.hit.id, versions.text(1), versions.text(2),
                                      versions.text(3), versions.text(4), versions.text(5), {},
                                      row.hit.score});
      break;
    }
    versions.reset();
    if (!shown) continue;
    auto& [rowid, hit] = *shown;
    body.reset();
    body.bind(1, rowid);
    if (body.step() == SQLITE_ROW) {
      hit.snippet_html = snippet_html(body.text(0), matching, snippet_words);
    }
    response.hits.push_back(std::move(hit));
  }
  if (!response.hits.empty()) assess_confidence(found.best_rowid, words, matching, response);
}

// How much a query word tells which article is meant: its inverse document frequency
// among the index rows (bm25's, kept above zero), for the rows holding it in any form.
// Weights are compared only within one query, so the share they add up to does not grow
// with the number of articles or the length of the query.
double word_weight(long long docs, long long rows) {
  const double n = static_cast<double>(std::max<long long>(docs, 1));
  const double all = static_cast<double>(std::max<long long>(rows, 1));
  return std::log(1.0 + (std::max(all - n, 0.0) + 0.5) / (n + 0.5));
}

// A word that no article holds weighs half of a word held by one row. It tells against
// the best hit (a question about something the help center never mentions, "iPhone 17
// on instalments in Germany", is not answered by an article that shares its common
// words), but less than a word the knowledge base holds elsewhere: a small help center
// has not written down every word its customers use for what it does cover. (Weighed
// as much as a rare word, it flagged most answerable questions on knowledge bases of
// 20 articles; weighed nothing, it made every question that shares a word an answer:
// docs/confidence.md.)
constexpr double unknown_word_share = 0.5;
// What the plain share of the query's words found counts for (see assess_confidence):
// two thirds of the words reach the default threshold.
constexpr double plain_share = 0.75;
// The words of an answer stand together: the title and tags, and one stretch of this
// many words of the text (a paragraph). An unrelated question often finds its words
// scattered over a long article (docs/confidence.md).
constexpr std::size_t passage_words = 48;

// The words of the query that make one of the knowledge base's frustration signals
// (signals.yaml: "third time", "već sam zvao"), in canonical form.
std::vector<std::string> knowledge_base::signal_words(const std::vector<query_word>& words) const {
  std::string text;
  for (const query_word& w : words) {
    text.append(w.raw);
    text.push_back(' ');
  }
  std::vector<std::string> out;
  for (const text::phrase_list::match& m : signal_phrases_.find(text)) {
    for (text::token& t : text::tokenize(m.words)) out.push_back(std::move(t.text));
  }
  return out;
}

// Confidence of the best hit: how much of the query's weight the words it holds together
// (in any form, synonyms included; in its title, tags and one passage) carry, read
// against how strongly it matches. Out-of-scope questions usually share a word or two
// with some article ("how do I cancel my gym membership" and "cancel contract") but not
// their telling words; in-scope questions find most of theirs in the right article.
// Stopwords do not count (most articles hold them), and a query of stopwords alone
// ("and or not") is never a confident match.
void knowledge_base::assess_confidence(long long rowid, const std::vector<query_word>& words,
                                       word_matcher& matching, search_response& response) const {
  std::vector<double> weights;     // one per query word that is not a stopword, in order
  std::vector<bool> circumstance;  // of the same words: one of time or waiting
  bool telling = false;            // a word that names a topic (see below)
  bool elsewhere = false;          // a service of another company the articles never name
  const std::vector<std::string> about_contact = signal_words(words);
  for (const query_word& w : words) {
    if (w.stopword) continue;
    circumstance.push_back(text::is_circumstance(w.canonical));
    // A single letter ("b" of "NEAR(a b)") tells nothing either way, nor do the words of
    // a frustration signal ("third time", "već sam zvao"): they are about the contact,
    // not the problem.
    if (single_letter(w.canonical) ||
        std::find(about_contact.begin(), about_contact.end(), w.canonical) != about_contact.end()) {
      weights.push_back(0);
      continue;
    }
    // A word still being typed that only starts some indexed word counts as a rare one.
    const bool unknown = w.docs == 0 && !w.typing;
    // (A service's whole name is that service, also while it is the word being typed.)
    elsewhere = elsewhere || (w.docs == 0 && text::is_other_service(w.canonical));
    weights.push_back(word_weight(w.docs, info_.rows) * (unknown ? unknown_word_share : 1.0));
    // Words of time alone ("what day is it today") are not a question a hit can answer,
    // nor is "nothing works": a topic needs a word that is neither of time nor vague.
    telling = telling || (!text::is_stopword(w.canonical) && !circumstance.back() &&
                          !text::is_vague(w.canonical));
  }
  statement& text = statements_->full_text;
  text.reset();
  text.bind(1, rowid);
  if (text.step() != SQLITE_ROW || weights.empty() || !telling) return;
  const std::vector<bool> found =
      matched_in_passage(text.text(0), text.text(1), matching, weights, passage_words);
  // "Waiting a week" is not what the question is about: once the best hit holds two of
  // its topic words, the words of time it lacks are left out ("paket ni prispel, čakam
  // že teden dni"). With one topic word in common they stay, and with them the doubt
  // ("please replay the last five minutes" shares only "replay" with an article).
  std::size_t topic_found = 0;
  for (std::size_t i = 0; i < weights.size() && i < found.size(); ++i) {
    if (weights[i] > 0 && found[i] && !circumstance[i]) ++topic_found;
  }
  double held = 0;
  double all = 0;
  std::size_t counted = 0;  // words with a weight (single letters have none)
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < weights.size() && i < found.size(); ++i) {
    if (weights[i] == 0) continue;
    if (circumstance[i] && !found[i] && topic_found >= 2) continue;
    all += weights[i];
    ++counted;
    if (!found[i]) continue;
    held += weights[i];
    ++distinct;
  }
  if (counted == 0) return;
  response.coverage = static_cast<double>(distinct) / static_cast<double>(counted);
  // The better of two readings of the same evidence: the share of the weight, and the
  // plain share of the words at three quarters. The weight alone doubts a description
  // with a rare word of circumstance ("my router is not working since this morning":
  // "morning" is in one article); the plain share alone trusts the common words of an
  // out-of-scope question.
  const double share = std::max(held / all, plain_share * response.coverage);
  // How strongly the best hit matches, against what a stray match scores on this
  // knowledge base (calibration.hpp): at that score the share stands as it is, below it
  // counts for less, above it for up to twice as much. A share says which words are
  // there; the score also says how much of the article is about them.
  const double score = std::max(response.hits.front().score, 0.0);
  const double scale = info_.confidence_scale;
  const double strength = scale > 0 ? 2 * score / (score + scale) : 1.0;
  response.confidence = std::min(1.0, share * strength);
  // About another company's service: the closest articles, but no answer (P3).
  response.other_service = elsewhere;
  if (elsewhere) {
    response.confidence = std::min(response.confidence, info_.confidence_threshold / 2);
  }
  response.confident = response.confidence >= info_.confidence_threshold && !elsewhere;
}

// A word in more than half of the rows barely changes bm25 (its inverse document
// frequency is about zero) but makes FTS5 score every one of those rows: on a large
// knowledge base, most of the search time. It is left out of MATCH when the query has a
// rarer word, and still counts for snippets and confidence.
void knowledge_base::skip_common_words(std::vector<query_word>& words) const {
  const auto common = [&](const query_word& w) { return 2 * w.docs > info_.rows; };
  // A word no row holds is not rarer: searched alone, it finds nothing (in a help center
  // of a few articles, every word it does hold is in more than half of the rows).
  const bool rare_word = std::any_of(words.begin(), words.end(), [&](const query_word& w) {
    return !w.stopword && (w.docs > 0 || w.typing) && !common(w);
  });
  // The words are all searched when all of them are common. Stopwords are searched
  // only in pairs (see choose_pairs).
  for (query_word& w : words) w.searched = !w.stopword && (!common(w) || !rare_word);
  // Words about the contact, not the problem, are not searched when the query names
  // something else; they still count for snippets (and confidence reads them apart):
  // - a span of time ("for two days", "već dva dana", "teden dni": two words of time side
  //   by side) says how long: "internet not working for two days" found the double
  //   charge ("charged two times") first;
  // - a frustration signal's words (signals.yaml: "treći put", "third time") say how
  //   often: "ТРЕЋИ ПУТ… ИНТЕРНЕТ НЕ РАДИ" found mobile data abroad ("na putu") first.
  std::vector<bool> aside = spans_of_time(words);
  const std::vector<std::string> about_contact = signal_words(words);
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (std::find(about_contact.begin(), about_contact.end(), words[k].canonical) !=
        about_contact.end()) {
      aside[k] = true;
    }
  }
  bool other = false;
  for (std::size_t k = 0; k < words.size(); ++k) other = other || (words[k].searched && !aside[k]);
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (aside[k] && other) words[k].searched = false;
  }
}

void knowledge_base::choose_pairs(std::vector<query_pair>& pairs) const {
  // Pair tokens and neighbour tokens (fts_tokenizer.hpp) are chosen apart, each the
  // rarest first, up to max_pairs and pair_rows rows.
  for (const char marker : {pair_marker, neighbour_marker}) {
    std::vector<query_pair*> rarest;
    for (query_pair& pair : pairs) {
      if (pair.token[0] != marker) continue;
      if (marker == neighbour_marker) {
        pair.docs = 0;  // the rows of the most common of its terms
        for (const std::string& term : neighbour_terms(pair.token)) {
          pair.docs = std::max(pair.docs, term_rows(term));
        }
      } else {
        pair.docs = term_rows(pair.token);
      }
      pair.searched = false;
      if (pair.docs > 0 && 2 * pair.docs <= info_.rows) rarest.push_back(&pair);
    }
    std::stable_sort(rarest.begin(), rarest.end(),
                     [](const query_pair* a, const query_pair* b) { return a->docs < b->docs; });
    long long kept = 0;
    for (std::size_t k = 0; k < rarest.size() && k < max_pairs; ++k) {
      if (kept + rarest[k]->docs > pair_rows) break;
      kept += rarest[k]->docs;
      rarest[k]->searched = true;
    }
  }
}

long long knowledge_base::term_rows(const std::string& term) const {
  auto known = term_docs_.find(term);
  if (known == term_docs_.end()) {
    // Every key press searches the words typed so far again: their counts are kept.
    if (term_docs_.size() >= max_remembered_terms) term_docs_.clear();
    // A common term's count is kbc's (common_terms); FTS5 counts any other by reading its
    // doclist, which is short.
    const std::uint64_t misses_before = misses();
    statement& common = statements_->common_term;
    common.reset();
    common.bind(1, term);
    const bool listed = common.step() == SQLITE_ROW;
    long long rows = listed ? common.integer(0) : 0;
    common.reset();
    if (misses() != misses_before) return 0;  // not all of it was read: asked again later
    if (!listed) {
      statement& exact = statements_->term;
      exact.reset();
      exact.bind(1, term);
      rows = exact.step() == SQLITE_ROW ? exact.integer(0) : 0;
      exact.reset();
    }
    if (misses() != misses_before) return rows;  // not all of it was read: not kept
    known = term_docs_.emplace(term, rows).first;
  }
  return known->second;
}

// FTS5 reads the doclists of a query's terms in step and stops at the first page that
// is not here, so in a knowledge base read in pages they would come a chunk per round
// trip (at 100,000 articles, up to 60 rounds for one search). Read one term at a time
// first, every term's next chunks are asked for in the same round, and a term read in
// order gets read-ahead (web/engine-worker.js): about ten rounds at most. A term's
// doclist is read so once; its chunks then stay.
void knowledge_base::fetch_doclists(const std::vector<query_word>& words,
                                    const std::vector<query_pair>& pairs) const {
  if (!pages_) return;
  std::vector<std::string> terms;
  for (const query_word& w : words) {
    if (!w.searched || w.stopword) continue;
    terms.push_back(w.canonical);
    for (std::string& form : text::search_forms(w.canonical)) terms.push_back(std::move(form));
    for (std::string& group : synonyms_->group_tokens(w.canonical)) terms.push_back(std::move(group));
    for (const std::string& completion : w.completions) terms.push_back(completion);
    if (w.typing && !completed_from_table(w.canonical)) ask_for_doclist(w.canonical, true);
  }
  for (const query_pair& pair : pairs) {
    if (!pair.searched) continue;
    if (pair.token[0] == neighbour_marker) {
      for (std::string& term : neighbour_terms(pair.token)) terms.push_back(std::move(term));
    } else {
      terms.push_back(pair.token);
    }
  }
  if (fetched_terms_.size() + terms.size() > max_remembered_terms) fetched_terms_.clear();
  statement& doclist = statements_->term;  // counting a term's rows reads all its doclist
  for (const std::string& term : terms) {
    if (fetched_terms_.count(term) != 0) continue;
    const std::uint64_t misses_before = misses();
    doclist.reset();
    doclist.bind(1, term);
    while (doclist.step() == SQLITE_ROW) {
    }
    doclist.reset();
    if (misses() == misses_before) {
      fetched_terms_.insert(term);
    } else {
      ask_for_doclist(term);
    }
  }
}

std::vector<std::uint32_t> knowledge_base::made_pages() const {
  std::vector<std::uint32_t> out;
  for (const auto* map : {article_rows_.get(), index_leaves_.get()}) {
    if (map == nullptr) continue;
    for (const std::uint32_t page : map->inner_pages()) out.push_back(page - 1);
  }
  return out;
}

bool knowledge_base::row_here(long long rowid) const {
  if (!pages_ || !article_rows_) return true;  // unknown: SQLite's read tells
  const auto [inner, leaf] = article_rows_->pages_of(rowid);
  return (leaf == 0 || pages_->holds(leaf - 1)) && (inner == 0 || pages_->holds(inner - 1));
}

bool knowledge_base::want_row(const page_map* map, long long rowid) const {
  if (map == nullptr || !pages_) return false;
  const auto [inner, leaf] = map->pages_of(rowid);
  if (leaf == 0) return false;
  if (inner != 0) pages_->want(inner - 1);  // the store numbers pages from 0
  pages_->want(leaf - 1);
  return true;
}

// A doclist read up to a missing leaf lies on the leaves from the one where its term
// starts to the next one where a term starts (FTS5's %_idx lists those): ask for all of
// them at once (one round, where reading leaf by leaf took one a round). When they are
// few (every doclist is short: kbc lists a term in at most bounded_term_rows rows), with
// the first; else once the first is here, as the leaves after it may then hold the next
// term's doclist rather than this one's. A prefix's terms lie together, on the leaves
// from the one where the prefix starts to the next one where a term after all of them
// starts: FTS5 reads every one of them (a round each, 14 for "poja" at 100,000
// articles), so they are asked for at once.
void knowledge_base::ask_for_doclist(const std::string& term, bool prefix) const {
  if (index_segment_ < 0) return;
  constexpr long long few_leaves = 8;
  constexpr long long most_leaves = 256;  // a damaged %_idx must not ask for the whole file
  constexpr int segment_shift = 37;  // FTS5's %_data row id: segment << 37 | leaf
  const std::string key = '0' + term;  // FTS5 keys a term of the main index by '0'
  // After every term starting with the prefix (UTF-8 has no byte 0xff).
  const std::string beyond = prefix ? key + '\xff' : key;
  const auto leaf_of = [&](statement& find, const std::string& bound) -> long long {
    find.reset();
    find.bind(1, index_segment_).bind_blob(2, bound);
    const long long leaf = find.step() == SQLITE_ROW ? find.integer(0) : -1;
    find.reset();
    return leaf;
  };
  const long long first = leaf_of(statements_->first_leaf, key);
  const long long last = leaf_of(statements_->next_term_leaf, beyond);
  if (first < 1 || last <= first || last - first > most_leaves) return;
  statement& leaf = statements_->leaf;
  const auto touch = [&](long long page) {
    const long long rowid = index_segment_ << segment_shift | page;
    if (want_row(index_leaves_.get(), rowid)) return;
    leaf.reset();
    leaf.bind(1, rowid);
    leaf.step();
    leaf.reset();
  };
  const std::uint64_t before = misses();
  touch(first);
  if (!prefix && misses() != before && last - first > few_leaves) return;
  for (long long page = first + 1; page <= last; ++page) touch(page);
}

std::vector<std::string> knowledge_base::completions_of(const std::string& beginning) const {
  std::vector<std::string> terms;
  statement& lookup = statements_->completions;
  lookup.reset();
  lookup.bind(1, beginning);
  if (lookup.step() == SQLITE_ROW) {
    const std::string listed = lookup.text(0);
    for (std::size_t at = 0; at < listed.size() && terms.size() < max_completions;) {
      const std::size_t end = std::min(listed.find(' ', at), listed.size());
      // kbc writes index terms; a damaged table's quote would break the MATCH expression.
      const std::string term = listed.substr(at, end - at);
      if (!term.empty() && term.find('"') == std::string::npos) terms.push_back(term);
      at = end + 1;
    }
  }
  lookup.reset();
  return terms;
}

knowledge_base::word_status knowledge_base::look_up(query_word& word) const {
  std::vector<std::string> forms = text::search_forms(word.canonical);
  forms.insert(forms.begin(), word.canonical);
  word.docs = 0;
  for (const std::string& form : forms) word.docs = std::max(word.docs, term_rows(form));
  if (word.docs > 0) return word_status::known;
  if (!word.typing) return word_status::unknown;
  // A word still being typed is fine while some indexed word starts with it.
  statement& prefix = statements_->term_prefix;
  prefix.reset();
  prefix.bind(1, word.canonical).bind(2, word.canonical + "\xff");
  return prefix.step() == SQLITE_ROW ? word_status::prefix : word_status::unknown;
}

bool knowledge_base::is_real_word(const query_word& w) const {
  // A capital after the first letter: a name as its maker writes it.
  std::size_t first = 0;
  if (!w.raw.empty()) text::decode(w.raw, first);
  const std::string rest = w.raw.substr(first);
  if (text::to_lower(rest) != rest) return true;
  statement& lookup = statements_->real_word;
  lookup.reset();
  lookup.bind(1, w.canonical);
  return lookup.step() == SQLITE_ROW;
}

void knowledge_base::correct(std::string_view query, std::vector<query_word>& words, bool spell,
                             search_response& response) const {
  std::string shown;  // the query with corrected words replaced, for the customer
  std::size_t copied = 0;
  const bool cyrillic = text::has_cyrillic(query);
  for (query_word& w : words) {
    // In a knowledge base read in pages, a word whose count is not all here yet is not
    // taken for a typo: the search is asked again once its pages have come, and reading
    // the speller's word lists meanwhile would only download them for nothing.
    const std::uint64_t misses_before = misses();
    const word_status status = look_up(w);
    // A last word that is already a whole known word is searched as that word: its
    // prefix would add every longer word that starts with it and blur the ranking
    // (the stems already find its other forms).
    if (status == word_status::known) w.typing = false;
    if (status != word_status::unknown || !spell || misses() != misses_before) continue;
    if (!spelling::may_correct(w.canonical)) continue;
    // A real word of a supported language, or a product name, is what the customer
    // meant, even when no article has it (Slovenian "teden" is no typo of "eden"); so is
    // a name typed with a capital inside it ("iPhone"), and another company's service
    // ("gmail" is no typo of "email").
    if (text::is_other_service(w.canonical) || is_real_word(w) || misses() != misses_before) {
      continue;
    }
    if (!spelling_) {
      // Read whole: every page of it asked for at once (page_map.hpp).
      if (pages_) {
        for (const std::uint32_t page : word_pages_) pages_->want(page - 1);
      }
      auto loaded = std::make_unique<spelling>(spelling::load(db_.get()));
      if (misses() != misses_before) return;  // the word list is not all here yet
      spelling_ = std::move(loaded);
    }
    const auto fix = spelling_->correct(w.canonical);
    if (!fix) continue;
    shown.append(query.substr(copied, w.begin - copied));
    shown += cyrillic ? text::serbian_latin_to_cyrillic(fix->display) : fix->display;
    copied = w.end;
    w.raw = fix->word;
    w.canonical = fix->word;
    w.typing = false;
    look_up(w);  // its row count, for confidence
  }
  if (copied == 0) return;
  shown.append(query.substr(copied));
  response.corrected = text::sanitize(text::truncate(shown, max_query_bytes));
}

result<article> knowledge_base::get_article(std::string_view id, std::string_view lang) const {
  statement& versions = statements_->article;
  versions.reset();
  versions.bind(1, id);
  std::map<std::string, article> by_lang;
  int rc;
  while ((rc = versions.step()) == SQLITE_ROW) {
    article a;
    a.id = std::string(id);
    a.lang = versions.text(0);
    a.title = versions.text(1);
    a.category = versions.text(2);
    a.audience = versions.text(3);
    a.kind = versions.text(4);
    a.html = versions.text(5);
    a.tags = split(versions.text(6), ", ");
    a.pages = split(versions.text(7), " ");
    by_lang.emplace(a.lang, std::move(a));
  }
  if (rc != SQLITE_DONE) return sqlite_error(db_.get(), "article");
  if (by_lang.empty()) return {errc::not_found, "no article with id " + text::sanitize(id)};

  std::vector<std::string> languages;
  for (const auto& [l, a] : by_lang) languages.push_back(l);
  for (const std::string_view l : fallback_chain(lang)) {
    if (auto it = by_lang.find(std::string(l)); it != by_lang.end()) {
      it->second.languages = languages;
      return std::move(it->second);
    }
  }
  // A language outside the chain (cannot happen with content_languages): take any.
  auto& any = by_lang.begin()->second;
  any.languages = languages;
  return std::move(any);
}

const flow::flow* knowledge_base::find_flow(std::string_view id) const {
  if (const auto it = flows_.find(id); it != flows_.end()) return it->second.get();
  statement& query = statements_->flow;
  query.reset();
  query.bind(1, id);
  if (query.step() != SQLITE_ROW) return nullptr;
  auto parsed = flow::from_json(query.text(0));
  if (!parsed) return nullptr;
  auto stored = std::make_unique<flow::flow>(std::move(parsed).value());
  const flow::flow* f = stored.get();
  flows_.emplace(std::string(id), std::move(stored));
  return f;
}

std::string knowledge_base::team_name(std::string_view team, std::string_view lang) const {
  const auto it = team_names_.find(team);
  if (it == team_names_.end()) return std::string(team);
  const std::string& picked = flow::pick(it->second, lang);
  return picked.empty() ? std::string(team) : picked;
}

}  // namespace ha::kb
