// What kbc derives from the index's own vocabulary (FTS5's fts5vocab), inside the
// transaction that builds it.
#pragma once

#include "common/result.hpp"

struct sqlite3;

namespace ha::kb {

// The completions table (schema.hpp): what a word still being typed is searched as
// (query.hpp, completed_from_table). For every beginning of two and three letters of the
// index's terms, the terms starting with it that the most rows hold, at most
// max_completions, most rows first: "ro" -> "router route roaming …". Stems count as
// terms (a prefix query matched them too); pair and synonym-group tokens do not (they
// start with a marker, never typed), nor do stopwords and terms in more than half of the
// rows (they tell no article apart, and their doclists are the longest to read).
status build_completions(sqlite3* db);

}  // namespace ha::kb
