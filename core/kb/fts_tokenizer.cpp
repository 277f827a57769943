#include "kb/fts_tokenizer.hpp"

#include <sqlite3.h>

#include <fts5.h>

#include "kb/synonyms.hpp"
#include "text/stem.hpp"
#include "text/tokenizer.hpp"

namespace ha::kb {
namespace {

struct instance {
  const synonym_table* synonyms;
};

int create(void* synonyms, const char**, int, Fts5Tokenizer** out) {
  *out =
      reinterpret_cast<Fts5Tokenizer*>(new instance{static_cast<const synonym_table*>(synonyms)});
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
// Words of a synonym group also carry the group's token (see synonyms.hpp).
// A prefix query (the word still being typed) uses the canonical form only.
int tokenize(Fts5Tokenizer* tokenizer, void* ctx, int flags, const char* text, int size,
             int (*emit)(void*, int, const char*, int, int, int)) {
  if (size <= 0 || text == nullptr) return SQLITE_OK;
  const bool prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
  for (const text::token& t : text::tokenize({text, static_cast<std::size_t>(size)})) {
    const auto start = static_cast<int>(t.begin);
    const auto end = static_cast<int>(t.end);
    int rc = emit(ctx, 0, t.text.data(), static_cast<int>(t.text.size()), start, end);
    if (rc != SQLITE_OK) return rc;
    if (prefix) continue;
    std::vector<std::string> forms = text::search_forms(t.text);
    if (const synonym_table* synonyms = reinterpret_cast<instance*>(tokenizer)->synonyms) {
      for (std::string& group : synonyms->group_tokens(t.text)) forms.push_back(std::move(group));
    }
    for (const std::string& form : forms) {
      rc = emit(ctx, FTS5_TOKEN_COLOCATED, form.data(), static_cast<int>(form.size()), start, end);
      if (rc != SQLITE_OK) return rc;
    }
  }
  return SQLITE_OK;
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

status register_tokenizer(sqlite3* db, const synonym_table* synonyms) {
  fts5_api* api = fts5_api_of(db);
  if (api == nullptr) return {errc::internal, "this SQLite has no FTS5"};
  fts5_tokenizer methods{create, destroy, tokenize};
  if (api->xCreateTokenizer(api, tokenizer_name, const_cast<synonym_table*>(synonyms), &methods,
                            nullptr) != SQLITE_OK) {
    return {errc::internal, "could not register the FTS5 tokenizer"};
  }
  return ok_status();
}

}  // namespace ha::kb
