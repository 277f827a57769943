#include "kb/quick_writer.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>

#include "kb/bm25.hpp"
#include "kb/fts_tokenizer.hpp"
#include "common/languages.hpp"
#include "kb/quick_index.hpp"
#include "kb/statement.hpp"
#include "kb/synonyms.hpp"
#include "text/stem.hpp"
#include "text/tokenizer.hpp"

namespace ha::kb {
namespace {

using quick_format::put_number;
using quick_format::put_string;

struct closer {
  void operator()(sqlite3* db) const noexcept { sqlite3_close(db); }
};

result<std::unique_ptr<sqlite3, closer>> open_copy(const std::string& image) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    return {errc::internal, "SQLite could not open an in-memory database"};
  }
  std::unique_ptr<sqlite3, closer> db(raw);
  auto* buffer = static_cast<unsigned char*>(sqlite3_malloc64(image.size()));
  if (buffer == nullptr) return {errc::internal, "out of memory for the knowledge base"};
  std::memcpy(buffer, image.data(), image.size());
  const auto size = static_cast<sqlite3_int64>(image.size());
  if (sqlite3_deserialize(db.get(), "main", buffer, size, size,
                          SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) !=
      SQLITE_OK) {
    return {errc::corrupt_database, sqlite3_errmsg(db.get())};
  }
  if (auto registered = register_tokenizer(db.get()); !registered) return registered.err();
  return db;
}

// The start of a text, cut after a word, at most quick_excerpt_bytes.
std::string excerpt_of(std::string_view body) {
  if (body.size() <= quick_excerpt_bytes) return std::string(body);
  std::size_t end = 0;
  std::size_t pos = 0;
  for (text::token t; text::next_token(body, pos, t) && t.end <= quick_excerpt_bytes;) {
    end = t.end;
  }
  return std::string(body.substr(0, end)) + "…";
}

struct counts {
  std::uint32_t in_column[3] = {0, 0, 0};
};

using term_counts = std::map<std::string, std::map<std::size_t, counts>>;  // term → row → counts

struct term_shards {
  std::vector<std::string> files;  // unzipped, in term order
  std::vector<std::string> first;  // each one's first term
};

// Term shards: terms in byte order, each shard starting a new run of shared prefixes.
// number: an indexed row's number; length_code: by row number.
term_shards write_shards(const term_counts& terms, const std::vector<std::uint32_t>& number,
                         const std::vector<std::uint8_t>& length_code, double average_words) {
  term_shards out;
  std::string shard;
  std::size_t in_shard = 0;
  std::string last;
  const auto flush = [&] {
    if (in_shard == 0) return;
    std::string file(quick_terms_magic);
    file.push_back(static_cast<char>(quick_format_version));
    put_number(file, in_shard);
    file += shard;
    out.files.push_back(std::move(file));
    shard.clear();
    in_shard = 0;
    last.clear();
  };
  std::vector<std::pair<std::uint32_t, counts>> holders;
  for (const auto& [term, by_row] : terms) {
    // A pair token in one row only is half the dictionary and almost never searched.
    if (term[0] == pair_marker && by_row.size() < 2) continue;
    holders.clear();
    for (const auto& [row, n] : by_row) holders.emplace_back(number[row], n);
    if (holders.size() > quick_max_postings) {
      // A common word keeps the rows it weighs most in (bm25 without idf, which is the
      // same for all of them): the rest would rank below them for this word.
      const auto impact = [&](const std::pair<std::uint32_t, counts>& h) {
        double f = 0;
        for (std::size_t c = 0; c < column_weights.size(); ++c) f += column_weights[c] * h.second.in_column[c];
        return term_score(1, f, length_of(length_code[h.first]) / average_words);
      };
      std::nth_element(holders.begin(), holders.begin() + quick_max_postings - 1, holders.end(),
                       [&](const auto& x, const auto& y) {
                         const double a = impact(x), b = impact(y);
                         return a != b ? a > b : x.first < y.first;
                       });
      holders.resize(quick_max_postings);
    }
    std::sort(holders.begin(), holders.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    if (in_shard == 0) out.first.push_back(term);
    std::size_t shared = 0;
    while (shared < last.size() && shared < term.size() && last[shared] == term[shared]) ++shared;
    put_number(shard, shared);
    put_string(shard, std::string_view(term).substr(shared));
    put_number(shard, by_row.size());
    put_number(shard, holders.size());
    std::uint32_t previous_row = 0;
    for (const auto& [row, n] : holders) {
      put_number(shard, row - previous_row);
      previous_row = row;
      put_number(shard, quick_format::pack_counts(n.in_column[0], n.in_column[1], n.in_column[2]));
      shard.push_back(static_cast<char>(length_code[row]));
    }
    last = term;
    ++in_shard;
    if (shard.size() >= quick_shard_bytes) flush();
  }
  flush();
  return out;
}

using texts_by_language = std::map<std::string, std::map<std::uint32_t, quick_index::article_text>>;
using language_chunks = std::vector<std::pair<std::string, std::vector<std::string>>>;

// Each language's texts, in chunks of text_articles articles ("" for a chunk with no
// article in that language).
language_chunks write_texts(const texts_by_language& texts, std::size_t articles,
                            std::size_t text_articles) {
  const std::size_t text_chunks = (articles + text_articles - 1) / text_articles;
  language_chunks text_files;  // lang, chunks
  for (const auto& [lang, by_article] : texts) {
    std::vector<std::string> chunks(text_chunks);
    for (std::size_t c = 0; c < chunks.size(); ++c) {
      const auto begin = by_article.lower_bound(static_cast<std::uint32_t>(c * text_articles));
      const auto end = by_article.lower_bound(static_cast<std::uint32_t>((c + 1) * text_articles));
      if (begin == end) continue;
      std::string& file = chunks[c];
      file = quick_text_magic;
      file.push_back(static_cast<char>(quick_format_version));
      put_number(file, static_cast<std::size_t>(std::distance(begin, end)));
      for (auto it = begin; it != end; ++it) {
        const auto& x = it->second;
        put_number(file, it->first - c * text_articles);
        for (const std::string* field : {&x.id, &x.kind, &x.category, &x.title, &x.excerpt}) {
          put_string(file, *field);
        }
      }
    }
    text_files.emplace_back(lang, std::move(chunks));
  }

  return text_files;
}

// Articles in the order of their first row. Each indexed row (a Serbian Cyrillic row is
// not indexed: its Latin row stands for both) is counted by terms under its place in
// `indexed`; rows are then numbered article by article.
struct article_rows {
  quick_index::article_info info;
  std::vector<std::size_t> indexed;  // into `lengths`
};

// What the index is written from: the knowledge base's articles, read once.
struct index_source {
  std::vector<article_rows> articles;
  texts_by_language texts;             // lang → article → text
  std::vector<std::uint32_t> lengths;  // words of each indexed row, in reading order
  term_counts terms;                   // term → indexed row → counts
  std::uint64_t total_words = 0;
};

// Counts the terms of one indexed row's title, tags and body into terms, as the full
// index tokenizes them: stems, synonym groups and pair tokens. Returns the row's words.
std::uint32_t count_terms(const std::string (&columns)[3], text::stem_language language,
                          const synonym_table& synonyms, std::size_t row, term_counts& terms) {
  std::uint32_t words = 0;
  for (int c = 0; c < 3; ++c) {
    std::string previous;  // FTS5 reads each column apart: pairs do not cross them
    for (const text::token& t : text::tokenize(columns[c])) {
      ++words;
      ++terms[text::stem(t.text, language)][row].in_column[c];
      for (const std::string& group : synonyms.group_tokens(t.text)) {
        ++terms[group][row].in_column[c];
      }
      if (!previous.empty() && forms_pair(previous, t.text)) {
        ++terms[pair_token(previous, t.text)][row].in_column[c];
      }
      previous = t.text;
    }
  }
  return words;
}

// Reads every article row of the knowledge base, in rowid order: each article's
// languages and texts, and the terms of its indexed rows.
result<index_source> read_source(sqlite3* db, const synonym_table& synonyms) {
  index_source source;
  std::map<std::string, std::uint32_t> article_of;
  statement select(db,
                   "SELECT id, lang, kind, audience, category, title, tags, plain_text(html) "
                   "FROM articles "
                   "ORDER BY rowid");
  if (!select.ok()) return {errc::corrupt_database, sqlite3_errmsg(db)};
  int rc;
  while ((rc = select.step()) == SQLITE_ROW) {
    const std::string id = select.text(0);
    const std::string lang = select.text(1);
    const std::string kind = select.text(2);
    auto [at, added] = article_of.emplace(id, static_cast<std::uint32_t>(source.articles.size()));
    if (added) {
      source.articles.emplace_back();
      source.articles.back().info.flow = kind == "flow";
      source.articles.back().info.agent = select.text(3) != "customer";
    }
    article_rows& article = source.articles[at->second];
    for (std::size_t i = 0; i < content_languages.size(); ++i) {
      if (content_languages[i] == lang) article.info.languages |= 1u << i;
    }
    const std::string body = select.text(7);
    source.texts[lang][at->second] = {id, kind, select.text(4), select.text(5), excerpt_of(body)};
    if (is_made_language(lang)) continue;  // its words are its source's

    const std::size_t row = source.lengths.size();
    const std::string columns[3] = {select.text(5), select.text(6), body};
    const std::uint32_t words =
        count_terms(columns, language_or_base(lang).stemmer, synonyms, row, source.terms);
    source.lengths.push_back(words);
    article.indexed.push_back(row);
    source.total_words += words;
  }
  if (rc != SQLITE_DONE) return {errc::corrupt_database, sqlite3_errmsg(db)};
  return source;
}

// Rows numbered article by article, so that the article of a row is known without a table
// of rows.
struct row_numbers {
  std::vector<std::uint32_t> number;      // by place in reading order
  std::vector<std::uint8_t> length_code;  // by row number
};

// Numbers the indexed rows article by article. An article has at most 7 rows: the head
// keeps the count in three bits.
result<row_numbers> number_rows(const std::vector<article_rows>& articles,
                                const std::vector<std::uint32_t>& lengths) {
  row_numbers rows{std::vector<std::uint32_t>(lengths.size()),
                   std::vector<std::uint8_t>(lengths.size())};
  std::uint32_t next = 0;
  for (const article_rows& article : articles) {
    if (article.indexed.size() > 7) return {errc::internal, "an article has more than 7 index rows"};
    for (const std::size_t row : article.indexed) {
      rows.length_code[next] = kb::length_code(lengths[row]);
      rows.number[row] = next++;
    }
  }
  return rows;
}

// The key: a hash of every file, each with its length, in the order the head lists them.
std::string key_of(const std::vector<std::string>& shard_files, const language_chunks& text_files,
                   const hash_bytes& hash) {
  std::string all;
  const auto add_to_key = [&](const std::string& file) {
    put_number(all, file.size());
    all += file;
  };
  for (const std::string& file : shard_files) add_to_key(file);
  for (const auto& [lang, chunks] : text_files) {
    put_string(all, lang);
    for (const std::string& file : chunks) add_to_key(file);
  }
  return hash(all);
}

// The files the head names by the key: the term shards, then each language's texts
// chunks (those with an article in the language).
std::vector<std::pair<std::string, std::string>> named_files(const std::string& key,
                                                             std::vector<std::string> shard_files,
                                                             language_chunks text_files) {
  std::vector<std::pair<std::string, std::string>> files;
  for (std::size_t i = 0; i < shard_files.size(); ++i) {
    files.emplace_back(quick_shard_name(key, i), std::move(shard_files[i]));
  }
  for (auto& [lang, chunks] : text_files) {
    for (std::size_t c = 0; c < chunks.size(); ++c) {
      if (chunks[c].empty()) continue;
      files.emplace_back(quick_texts_name(key, lang, c), std::move(chunks[c]));
    }
  }
  return files;
}

// The head: the key, the rows and articles, the synonym groups, the shards' first terms
// and the texts chunks of each language (quick_index::open reads it).
std::string write_head(const std::string& key, const index_source& source,
                       const synonym_table& synonyms, const std::vector<std::string>& shard_first,
                       std::size_t text_articles, const language_chunks& text_files) {
  std::string head(quick_head_magic);
  head.push_back(static_cast<char>(quick_format_version));
  put_string(head, key);
  put_number(head, source.lengths.size());
  put_number(head, source.total_words);
  put_number(head, source.articles.size());
  for (const article_rows& a : source.articles) {
    put_number(head, quick_format::pack_article(a.info.languages, static_cast<std::uint32_t>(a.indexed.size()),
                                                a.info.flow, a.info.agent));
  }
  put_number(head, synonyms.groups().size());
  for (const auto& group : synonyms.groups()) {
    put_number(head, group.size());
    for (const std::string& word : group) put_string(head, word);
  }
  // The shards' first terms, each as the bytes it shares with the one before and the rest.
  put_number(head, shard_first.size());
  std::string last;
  for (const std::string& first : shard_first) {
    std::size_t shared = 0;
    while (shared < last.size() && shared < first.size() && last[shared] == first[shared]) ++shared;
    put_number(head, shared);
    put_string(head, std::string_view(first).substr(shared));
    last = first;
  }
  put_number(head, text_articles);
  put_number(head, text_files.size());
  for (const auto& [lang, chunks] : text_files) {
    put_string(head, lang);
    put_number(head, chunks.size());
  }
  return head;
}

}  // namespace

result<quick_written> write_quick_index(const std::string& image, const hash_bytes& hash) {
  auto opened = open_copy(image);
  if (!opened) return opened.err();
  sqlite3* db = opened.value().get();
  synonym_table synonyms;
  if (auto loaded = synonyms.load(db); !loaded) return loaded.err();
  const auto read = read_source(db, synonyms);
  if (!read) return read.err();
  const index_source& source = read.value();
  const auto numbered = number_rows(source.articles, source.lengths);
  if (!numbered) return numbered.err();

  const double average_words =
      source.lengths.empty()
          ? 1
          : static_cast<double>(source.total_words) / static_cast<double>(source.lengths.size());
  term_shards shards = write_shards(source.terms, numbered.value().number,
                                    numbered.value().length_code, average_words);
  const std::size_t text_articles =
      source.articles.size() <= quick_few_text_chunks * quick_small_text_articles
          ? quick_small_text_articles
          : quick_text_articles;
  language_chunks text_files = write_texts(source.texts, source.articles.size(), text_articles);

  quick_written written;
  written.key = key_of(shards.files, text_files, hash);
  written.head = write_head(written.key, source, synonyms, shards.first, text_articles, text_files);
  written.files = named_files(written.key, std::move(shards.files), std::move(text_files));
  return written;
}

}  // namespace ha::kb
