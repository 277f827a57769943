// Helpers shared by the unit tests: fixture files and small in-memory knowledge bases.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "kb/bm25.hpp"
#include "kb/vocabulary.hpp"

namespace ha::kb {
class knowledge_base;
}

namespace ha::test {

// The contents of a file under tests/fixtures/ (the tests run natively and under node with
// the real file system, so both builds read the same files).
std::string read_fixture(const std::string& relative_path);

// Replaces \uXXXX escapes with UTF-8, so fixture files can hold invisible characters.
std::string unescape(const std::string& s);

struct kb_row {
  std::string id, lang, title, category = "general", audience = "customer", kind = "howto";
  std::string tags, body;
};

// A kb.sqlite image made in memory with the real schema and tokenizer, as kbc would.
// flows: flow::to_json() documents, stored in the flows table (add a kb_row of kind
// "flow" with the same id to make one searchable).
// meta: more meta rows (key, value), e.g. "teams" and "handoff" as kbc writes them
// (or in place of the fixture's own, e.g. a damaged "row_lengths").
// pages: article id → its pages, space-separated as kbc stores them ("/internet /account").
// signals: (kind, phrase) as signals.yaml lists them, e.g. ("repeat_contact", "third time").
std::string make_kb_image(const std::vector<kb_row>& rows, int format = -1, int tokenizer = -1,
                          const std::vector<std::pair<std::string, std::string>>& flows = {},
                          const std::vector<std::pair<std::string, std::string>>& meta = {},
                          const std::map<std::string, std::string>& pages = {},
                          const std::vector<std::pair<std::string, std::string>>& signals = {});

// make_kb_image() where terms held by more than common_rows rows (kbc: 1,000) count as
// common: their counts in common_terms, and no completion of a word being typed
// (vocabulary.hpp); where the index lists a term in at most bounded_rows rows (kbc:
// 2,000; index_builder.hpp); and where a beginning's completions hold at most
// completed_rows rows together (kbc: 2,000).
std::string make_kb_image_common_above(const std::vector<kb_row>& rows, long long common_rows,
                                       long long bounded_rows = kb::bounded_term_rows,
                                       long long completed_rows = kb::completion_rows);

// The image as kbc leaves it: its index merged into one segment, the file rewritten in
// order, that segment's number in meta and the page maps (page_map.hpp); or, with listed
// false, neither of the two (a search in pages then finds its way row by row).
std::string as_kbc_leaves_it(const std::string& image, bool listed = true);

// A connection to a writable copy of image in memory, for reading or changing a fixture
// with SQL (close it with sqlite3_close), and the bytes of such a database.
sqlite3* open_copy(const std::string& image);
std::string serialized(sqlite3* db);

// The demo knowledge base as tools/build.sh made it (build/site/kb.sqlite, which the test
// command builds first), opened once: for what only the real knowledge-base folder has
// (signals.yaml, the dictionaries' real words, the words of every language).
const kb::knowledge_base& built_demo();

// A small help center: one article in several languages, one in English only, one for agents.
const std::vector<kb_row>& small_help_center();

}  // namespace ha::test
