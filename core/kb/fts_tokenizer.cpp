#include "kb/fts_tokenizer.hpp"

#include <sqlite3.h>

#include <fts5.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "kb/bm25.hpp"
#include "kb/query.hpp"
#include "kb/row_lengths.hpp"
#include "kb/synonyms.hpp"
#include "text/stem.hpp"
#include "text/html.hpp"
#include "text/stopwords.hpp"
#include "text/tokenizer.hpp"

namespace ha::kb {
namespace {

struct instance {
  const synonym_table* synonyms;
  const term_filter* filter;
};

int create(void* registered, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new instance(*static_cast<const instance*>(registered)));
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer* tokenizer) {
  delete reinterpret_cast<instance*>(tokenizer);
}

// Each word is indexed as its canonical form plus its English, South Slavic and Slovene
// stems, all at the same position (FTS5_TOKEN_COLOCATED). A query word is expanded the
// same way, and FTS5 treats colocated query tokens as alternatives, so a word matches
// when any of its forms meets any form of an indexed word. The language of neither
// the article nor the query has to be known, which matters when customers mix them.
// Words of a synonym group also carry the group's token (see synonyms.hpp), and a word
// beside a stopword carries the pair's token (see pair_token).
// A prefix query (the word still being typed) uses the canonical form only, and a
// query string that is a pair token is that token.
int tokenize(Fts5Tokenizer* tokenizer, void* ctx, int flags, const char* text, int size,
             int (*emit)(void*, int, const char*, int, int, int)) {
  if (size <= 0 || text == nullptr) return SQLITE_OK;
  const bool prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
  if ((flags & FTS5_TOKENIZE_QUERY) != 0 && text[0] == neighbour_marker) {
    int colocated = 0;
    for (const std::string& term : neighbour_terms({text, static_cast<std::size_t>(size)})) {
      if (const int rc = emit(ctx, colocated, term.data(), static_cast<int>(term.size()), 0, size);
          rc != SQLITE_OK) {
        return rc;
      }
      colocated = FTS5_TOKEN_COLOCATED;
    }
    return SQLITE_OK;
  }
  if ((flags & FTS5_TOKENIZE_QUERY) != 0 && text[0] == pair_marker) {
    return emit(ctx, 0, text, size, 0, size);
  }
  if ((flags & FTS5_TOKENIZE_QUERY) != 0 && text[0] == completions_marker) {
    // Terms as the index holds them, each an alternative at the one position.
    int colocated = 0;
    for (int at = 1; at < size;) {
      int end = at;
      while (end < size && text[end] != ' ') ++end;
      if (end > at) {
        if (const int rc = emit(ctx, colocated, text + at, end - at, at, end); rc != SQLITE_OK) {
          return rc;
        }
        colocated = FTS5_TOKEN_COLOCATED;
      }
      at = end + 1;
    }
    return SQLITE_OK;
  }
  const auto* self = reinterpret_cast<const instance*>(tokenizer);
  if ((flags & FTS5_TOKENIZE_DOCUMENT) != 0 && text[0] == terms_marker) {
    // A uses column or title_neighbours: terms as listed, those a filter leaves out left out.
    for (int at = 1; at < size;) {
      int end = at;
      while (end < size && text[end] != '\n') ++end;
      const std::string term(text + at, static_cast<std::size_t>(end - at));
      if (!term.empty() && (self->filter == nullptr || self->filter->keeps(term))) {
        if (const int rc = emit(ctx, 0, term.data(), static_cast<int>(term.size()), 0, 0);
            rc != SQLITE_OK) {
          return rc;
        }
      }
      at = end + 1;
    }
    return SQLITE_OK;
  }
  if ((flags & FTS5_TOKENIZE_DOCUMENT) != 0) {
    // The forms a filter leaves out are not emitted; the first one kept takes the
    // word's position (a word with none kept, the gap token).
    const std::string_view whole(text, static_cast<std::size_t>(size));
    for (const std::vector<std::string>& forms : document_forms(whole, self->synonyms)) {
      int colocated = 0;
      for (const std::string& form : forms) {
        if (self->filter != nullptr && !self->filter->keeps(form)) continue;
        if (const int rc = emit(ctx, colocated, form.data(), static_cast<int>(form.size()), 0, 0);
            rc != SQLITE_OK) {
          return rc;
        }
        colocated = FTS5_TOKEN_COLOCATED;
      }
      if (colocated == 0) {
        if (const int rc = emit(ctx, 0, &gap_marker, 1, 0, 0); rc != SQLITE_OK) return rc;
      }
    }
    return SQLITE_OK;
  }
  std::size_t pos = 0;
  for (text::token t; text::next_token({text, static_cast<std::size_t>(size)}, pos, t);) {
    const auto start = static_cast<int>(t.begin);
    const auto end = static_cast<int>(t.end);
    int rc = emit(ctx, 0, t.text.data(), static_cast<int>(t.text.size()), start, end);
    if (rc != SQLITE_OK) return rc;
    if (prefix) continue;
    std::vector<std::string> forms = text::search_forms(t.text);
    if (self->synonyms != nullptr) {
      for (std::string& group : self->synonyms->group_tokens(t.text)) forms.push_back(std::move(group));
    }
    for (const std::string& form : forms) {
      rc = emit(ctx, FTS5_TOKEN_COLOCATED, form.data(), static_cast<int>(form.size()), start, end);
      if (rc != SQLITE_OK) return rc;
    }
  }
  return SQLITE_OK;
}

// ---------------------------------------------------------------------------------------
// The rank function (see the header).


constexpr int neighbours_column = searched_columns + static_cast<int>(uses_columns.size());

// How often a phrase is used in a searched column when uses_columns[at] is the highest
// of that column's holding it (at -1: none): the middle of the range, on a log scale.
double uses_of(int at) {
  if (at < 0) return 1;
  const uses_column& column = uses_columns[static_cast<std::size_t>(at)];
  const auto next = static_cast<std::size_t>(at + 1);
  const bool last = next == uses_columns.size() || uses_columns[next].counted != column.counted;
  const double low = column.uses;
  const double high = last ? low * 1.5 : uses_columns[next].uses - 1;
  return std::sqrt(low * high);
}

// What the rank function needs about the whole query, computed on its first call for a
// query and kept by FTS5 as the function's auxiliary data until the query ends.
struct query_stats {
  std::vector<double> idf;  // per phrase
  double average_tokens = 0;
  std::vector<double> frequency;  // per phrase; scratch space for each row
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<sqlite3_int64*>(count);
  return SQLITE_OK;
}

// Inverse document frequency as bm25 has it, never zero or below: a phrase in more than
// half of the rows would otherwise count against a row. given[p], when above 0, is the
// count of rows holding phrase p (the index lists a common term in some of them only).
int compute_stats(const Fts5ExtensionApi* api, Fts5Context* fts, const std::vector<long long>& given,
                  query_stats& stats) {
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  for (int column = 0; rc == SQLITE_OK && column < searched_columns; ++column) {
    sqlite3_int64 in_column = 0;
    rc = api->xColumnTotalSize(fts, column, &in_column);
    tokens += in_column;
  }
  if (rc != SQLITE_OK) return rc;
  stats.average_tokens = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 0;
  const int phrases = api->xPhraseCount(fts);
  stats.idf.assign(static_cast<std::size_t>(phrases), 0);
  for (int p = 0; p < phrases; ++p) {
    sqlite3_int64 hits = 0;
    if (static_cast<std::size_t>(p) < given.size() && given[static_cast<std::size_t>(p)] > 0) {
      hits = given[static_cast<std::size_t>(p)];
    } else if ((rc = api->xQueryPhrase(fts, p, &hits, count_row)) != SQLITE_OK) {
      return rc;
    }
    const double n = static_cast<double>(rows);
    const double h = static_cast<double>(hits);
    const double idf = std::log((n - h + 0.5) / (h + 0.5));
    stats.idf[static_cast<std::size_t>(p)] = idf > 0 ? idf : 1e-6;
  }
  return SQLITE_OK;
}

void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
          sqlite3_value** argv) {
  auto* stats = static_cast<query_stats*>(api->xGetAuxdata(fts, 0));
  if (stats == nullptr) {
    auto fresh = std::make_unique<query_stats>();
    std::vector<long long> given;
    for (int a = searched_columns + 1; a < argc; ++a) given.push_back(sqlite3_value_int64(argv[a]));
    if (const int rc = compute_stats(api, fts, given, *fresh); rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    stats = fresh.get();
    const auto free_stats = [](void* p) { delete static_cast<query_stats*>(p); };
    if (const int rc = api->xSetAuxdata(fts, fresh.release(), free_stats); rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
  }
  const auto weight = [&](int column) {
    return column < argc ? sqlite3_value_double(argv[column]) : 1.0;
  };
  const auto first_pair = static_cast<std::size_t>(
      argc > searched_columns ? std::max(sqlite3_value_int(argv[searched_columns]), 0) : 1 << 30);

  // Each phrase's uses, weighted by column: once in the title, and in the tags and body
  // as often as the highest uses column holding it says.
  const std::size_t phrases = stats->idf.size();
  std::vector<double>& frequency = stats->frequency;
  frequency.assign(phrases, 0);
  int rc = SQLITE_OK;
  for (std::size_t p = 0; rc == SQLITE_OK && p < phrases; ++p) {
    Fts5PhraseIter iter;
    int column = -1;
    std::array<bool, searched_columns> in{};
    std::array<int, searched_columns> highest;  // a uses column, by its number in uses_columns
    highest.fill(-1);
    rc = api->xPhraseFirstColumn(fts, static_cast<int>(p), &iter, &column);
    for (; rc == SQLITE_OK && column >= 0; api->xPhraseNextColumn(fts, &iter, &column)) {
      if (column == neighbours_column) {
        frequency[p] += weight(0);  // side by side in the title
      } else if (column < searched_columns) {
        in[static_cast<std::size_t>(column)] = true;
      } else if (const auto at = static_cast<std::size_t>(column - searched_columns);
                 at < uses_columns.size()) {
        const auto counted = static_cast<std::size_t>(uses_columns[at].counted);
        highest[counted] = std::max(highest[counted], static_cast<int>(at));
      }
    }
    for (int c = 0; c < searched_columns; ++c) {
      if (in[static_cast<std::size_t>(c)]) {
        frequency[p] += weight(c) * uses_of(highest[static_cast<std::size_t>(c)]);
      }
    }
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  const auto* lengths = static_cast<const row_lengths*>(api->xUserData(fts));
  const double row_words = lengths ? lengths->words(api->xRowid(fts)) : 0;
  const double length_ratio =
      stats->average_tokens > 0 && row_words > 0 ? row_words / stats->average_tokens : 1;
  double score = 0;
  for (std::size_t p = 0; p < phrases; ++p) {
    if (frequency[p] > 0) {
      score += (p >= first_pair ? pair_weight : 1.0) *
               term_score(stats->idf[p], frequency[p], length_ratio);
    }
  }
  sqlite3_result_double(ctx, -score);
}

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

std::vector<std::vector<std::string>> document_forms(std::string_view text,
                                                     const synonym_table* synonyms) {
  std::vector<std::vector<std::string>> words;
  std::string previous;  // the word before
  std::size_t pos = 0;
  for (text::token t; text::next_token(text, pos, t);) {
    std::vector<std::string>& forms = words.emplace_back();
    forms.push_back(t.text);
    for (std::string& form : text::search_forms(t.text)) forms.push_back(std::move(form));
    if (synonyms != nullptr) {
      for (std::string& group : synonyms->group_tokens(t.text)) forms.push_back(std::move(group));
    }
    if (!previous.empty() && forms_pair(previous, t.text)) {
      forms.push_back(pair_token(previous, t.text));
    }
    previous = std::move(t.text);
  }
  return words;
}

std::vector<std::string> title_neighbour_tokens(std::string_view title) {
  std::vector<std::string> tokens;
  std::string previous;
  std::size_t pos = 0;
  for (text::token t; text::next_token(title, pos, t);) {
    const bool left_out = text::is_stopword(t.text) || single_letter(t.text);
    if (!previous.empty() && !left_out) {
      for (std::string& token : neighbour_tokens(previous, t.text)) {
        if (std::find(tokens.begin(), tokens.end(), token) == tokens.end()) {
          tokens.push_back(std::move(token));
        }
      }
    }
    previous = left_out ? std::string() : std::move(t.text);
  }
  return tokens;
}

std::string title_neighbours(std::string_view title) {
  std::string listed(1, terms_marker);
  for (const std::string& token : title_neighbour_tokens(title)) {
    if (listed.size() > 1) listed += '\n';
    listed += token;
  }
  return listed;
}

std::string uses_column_name(const uses_column& column) {
  return (column.counted == 1 ? "tags_" : "body_") + std::to_string(column.uses);
}

std::array<std::string, uses_columns.size()> repeated_forms(std::string_view tags,
                                                            std::string_view body,
                                                            const synonym_table* synonyms) {
  std::array<std::string, uses_columns.size()> columns;
  for (const auto& [counted, text] : {std::pair{1, tags}, std::pair{2, body}}) {
    std::map<std::string, int> uses;  // in byte order: the same text on every machine
    for (std::vector<std::string>& forms : document_forms(text, synonyms)) {
      std::sort(forms.begin(), forms.end());
      forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
      for (std::string& form : forms) ++uses[std::move(form)];
    }
    for (std::size_t at = 0; at < uses_columns.size(); ++at) {
      if (uses_columns[at].counted != counted) continue;
      std::string& listed = columns[at];
      listed += terms_marker;
      for (const auto& [form, count] : uses) {
        if (count < uses_columns[at].uses) continue;
        if (listed.size() > 1) listed += '\n';
        listed += form;
      }
    }
  }
  return columns;
}

bool term_filter::keeps(const std::string& term) const {
  if (kept == nullptr) return true;
  const auto rows = kept->find(term);
  return rows == kept->end() || std::binary_search(rows->second.begin(), rows->second.end(), row);
}

std::uint32_t indexed_words(std::string_view title, std::string_view tags, std::string_view body) {
  std::size_t words = 0;
  for (const std::string_view column : {title, tags, body}) words += text::tokenize(column).size();
  return static_cast<std::uint32_t>(words);
}


void plain_text(sqlite3_context* context, int, sqlite3_value** args) {
  const auto* html = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
  const int size = sqlite3_value_bytes(args[0]);
  const std::string text = text::html_text(html == nullptr ? std::string_view()
                                                           : std::string_view(html, size));
  sqlite3_result_text(context, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

status register_tokenizer(sqlite3* db, const synonym_table* synonyms, const term_filter* filter) {
  if (sqlite3_create_function_v2(db, "plain_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                 nullptr, plain_text, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return {errc::internal, "could not register plain_text()"};
  }
  fts5_api* api = fts5_api_of(db);
  if (api == nullptr) return {errc::internal, "this SQLite has no FTS5"};
  fts5_tokenizer methods{create, destroy, tokenize};
  // What every instance is made from (create copies it); SQLite frees it with the
  // connection.
  auto* registered = new instance{synonyms, filter};
  const auto forget = [](void* p) { delete static_cast<instance*>(p); };
  if (api->xCreateTokenizer(api, tokenizer_name, registered, &methods, forget) != SQLITE_OK) {
    return {errc::internal, "could not register the FTS5 tokenizer"};
  }
  return ok_status();
}

status register_rank_function(sqlite3* db, const row_lengths* lengths) {
  fts5_api* api = fts5_api_of(db);
  if (api == nullptr) return {errc::internal, "this SQLite has no FTS5"};
  if (api->xCreateFunction(api, rank_function_name, const_cast<row_lengths*>(lengths), rank,
                          nullptr) != SQLITE_OK) {
    return {errc::internal, "could not register the FTS5 rank function"};
  }
  return ok_status();
}

}  // namespace ha::kb
