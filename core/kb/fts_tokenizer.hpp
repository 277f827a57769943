// Registers our tokenizer with SQLite's FTS5 under the name "assistant", so that FTS5
// indexes knowledge-base text (kbc) and parses query strings (browser) with the same
// C++ code as text::tokenize().
#pragma once

#include "common/result.hpp"

struct sqlite3;

namespace ha::kb {

// Bumped whenever the tokens produced for some text change. kb.sqlite records the
// version it was built with; a knowledge base from another version is refused, because
// its index would silently disagree with the queries.
inline constexpr int tokenizer_version = 3;

inline constexpr const char* tokenizer_name = "assistant";

class synonym_table;

// synonyms (may be null) must outlive the database connection: the tokenizer reads it
// whenever FTS5 tokenizes text.
status register_tokenizer(sqlite3* db, const synonym_table* synonyms = nullptr);

}  // namespace ha::kb
