// What kbc derives from the index's own vocabulary (FTS5's fts5vocab), inside the
// transaction that builds it.
#pragma once

#include "common/result.hpp"
#include "kb/bm25.hpp"
#include "kb/index_builder.hpp"

struct sqlite3;

namespace ha::kb {

// Terms held by more rows than this are common (see build_common_terms and
// build_completions).
inline constexpr long long common_term_rows = 1000;
static_assert(bounded_term_rows > common_term_rows,
              "a term the index lists in some rows only must have its count in common_terms");

// The completions table (schema.hpp): what a word still being typed is searched as
// (query.hpp, completed_from_table). For every beginning of two to four letters of the
// index's terms, the terms starting with it that the most rows hold, at most
// max_completions, most rows first: "ro" -> "router route roaming …". Stems count as
// terms (a prefix query matched them too); pair, neighbour and synonym-group tokens do
// not (they start with a marker, never typed), nor do stopwords, terms in more than half of the
// rows and terms in more than max_rows rows (they tell few articles apart, and
// their doclists are the longest to read). Nor, once the terms listed hold listed_rows
// rows together, the next ones: in a help center of 100,000 articles the 16
// completions of two letters held up to 16,000 rows, whose doclists made a keystroke
// of the whole engine about 100 KB; the demo's most common completions hold a few dozen.
inline constexpr long long completion_rows = 2000;
status build_completions(sqlite3* db, long long max_rows = common_term_rows,
                         long long listed_rows = completion_rows);

// The common_terms table (schema.hpp): every index term more than min_rows rows hold,
// with their count (from build_index: the index itself lists a common term in some of
// its rows only). A search needs each query word's row count before it chooses what
// to search (the rarest words, pairs, confidence); FTS5 counts a term by reading its
// whole doclist, which for a common word in a large knowledge base read in pages is a
// download of its own (at 100,000 articles, up to a few hundred KB) for a word that is
// then often not searched at all.
status build_common_terms(sqlite3* db, const term_counts& counts,
                          long long min_rows = common_term_rows);

}  // namespace ha::kb
