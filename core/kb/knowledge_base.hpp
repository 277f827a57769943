// A compiled knowledge base (kb.sqlite, made by kbc) opened for reading: search and
// article look-up. The same class runs natively (tests, benchmarks) and in the browser.
//
// Thread use: one knowledge_base per thread. Every method returns a result; nothing
// throws. Strings in and out are UTF-8; invalid input bytes are tolerated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/languages.hpp"
#include "common/result.hpp"
#include "text/langid.hpp"
#include "text/phrases.hpp"

struct sqlite3;

namespace ha::flow {
struct flow;
}
namespace ha::site {
struct config;
}

namespace ha::kb {

class page_store;
struct query_word;
struct match_query;
struct query_pair;
class word_matcher;
class spelling;
class page_map;
class row_lengths;
class synonym_table;

struct kb_info {
  int format_version = 0;
  int tokenizer_version = 0;
  std::string content_hash;  // of the knowledge-base sources, hex
  int articles = 0;          // distinct article ids
  long long rows = 0;        // rows in the index (article versions; sr-Cyrl is indexed as sr-Latn)
  double confidence_threshold = 0;  // what a confident answer needs (docs/confidence.md)
  double confidence_scale = 0;      // the score of a stray match here (calibration.hpp); 0: none
  // Up to this many bytes of pages, the service worker keeps the whole knowledge base
  // after the first answer, so that the help center works offline (site.yaml offline.max_mb).
  long long offline_bytes = 0;
};

struct search_options {
  std::string lang{base_language};  // the customer's language (see languages.hpp)
  std::size_t limit = 10;      // at most this many hits (capped at 50)
  bool include_agent = false;  // agent-only articles too (agent console)
  std::string category;        // only this category, when not empty
  bool include_flows = true;   // guided troubleshooting flows too, not only articles
  bool correct = true;         // replace misspelt words; false: search what was typed
  // The hits are shown in the language and script the customer writes in (Cyrillic typed
  // shows Cyrillic); true: in the language written but in the script of `lang`, which the
  // customer chose themselves (Serbian typed in Cyrillic under a Latin choice shows Latin).
  bool keep_script = false;
};

struct search_hit {
  std::string id;
  std::string lang;  // the version shown (may differ from the one that matched)
  std::string title;
  std::string category;
  std::string audience;
  std::string kind;
  std::string snippet_html;  // HTML-escaped text; matched words inside <mark>…</mark>
  double score = 0;          // higher is better
};

// The best hit is a confident answer when its confidence (see assess_confidence in
// knowledge_base.cpp) reaches this threshold, the same on every knowledge base
// (docs/confidence.md), unless site.yaml's search.confidence sets another.
inline constexpr double default_confidence_threshold = 0.48;
inline constexpr long long default_offline_bytes = 8LL * 1024 * 1024;

struct search_response {
  std::vector<search_hit> hits;  // best first, one per article id
  std::string lang;              // the language the hits are shown in when they exist
  // The language the query is written in (en, sr-Latn, sr-Cyrl, hr, bs, sl), or empty
  // when the words do not tell (text/langid.hpp). When set, the hits are shown in it.
  std::string query_lang;
  // The query as searched when words were corrected ("Showing results for …"), in the
  // customer's script; empty when nothing was corrected.
  std::string corrected;
  // How sure the best hit is an answer (see assess_confidence in knowledge_base.cpp):
  // the share of the query's words found together in it, its confidence (0 to 1, the
  // same meaning on every knowledge base), and whether that reaches the threshold. When
  // it does not, the assistant says so and offers a person instead of guessing.
  double coverage = 0;
  double confidence = 0;
  bool confident = false;
  // The query names another company's service that no article mentions ("facebook"):
  // never a confident answer, nor a problem to restate.
  bool other_service = false;
};

struct article {
  std::string id;
  std::string lang;
  std::string title;
  std::string category;
  std::string audience;
  std::string kind;
  std::string html;  // sanitised by kbc
  std::vector<std::string> tags;
  std::vector<std::string> pages;
  std::vector<std::string> languages;  // every language this article exists in
};

class knowledge_base {
 public:
  // Opens a copy of a kb.sqlite image held in memory (the browser's fetched file).
  // Errors: invalid_argument (empty), corrupt_database (not a knowledge base, or
  // damaged), version_mismatch (made by another format or tokenizer version).
  static result<knowledge_base> open_image(std::string_view bytes);
  // Reads the file and opens it as open_image() does; io_error when it cannot be read.
  static result<knowledge_base> open_file(const std::string& path);
  // Opens a knowledge base read in pages (paged.hpp). Errors as open_image(), and
  // pages_missing when chunks must be added to the store first.
  //
  // Read in pages, every method below can also fail with pages_missing (search, for_page,
  // get_article) or give an incomplete answer (find_flow's nullptr, team_name): the
  // caller checks the store's take_missing() after each call, adds the chunks it names
  // and calls again. Nothing learnt from an incomplete read is kept.
  static result<knowledge_base> open_pages(std::shared_ptr<page_store> pages);

  knowledge_base(knowledge_base&&) noexcept;
  knowledge_base& operator=(knowledge_base&&) noexcept;
  ~knowledge_base();

  const kb_info& info() const noexcept { return info_; }

  // Any text at all gives hits or an empty list; errors only for a damaged database.
  result<search_response> search(std::string_view query, const search_options& options) const;

  // What is tagged with this page of the site (front matter `pages`, e.g. "/internet"):
  // one hit per article or flow, in the customer's language or the closest, guided fixes
  // and troubleshooting first; for suggestions before the customer types (P13). The
  // snippet is the start of the text, HTML-escaped. Unknown pages give an empty list.
  result<std::vector<search_hit>> for_page(std::string_view page,
                                           const search_options& options) const;

  // The article in the customer's language, else the closest language that has it.
  // Flows are not articles: not_found for a flow's id.
  result<article> get_article(std::string_view id, std::string_view lang) const;

  // The troubleshooting flow with this id, or nullptr when there is none. Read on first
  // use and kept; the pointer stays valid as long as this knowledge base.
  const flow::flow* find_flow(std::string_view id) const;

  // A team's name from site.yaml in lang (or the closest language); the id when unknown.
  std::string team_name(std::string_view team, std::string_view lang) const;
  // The phrases that show a customer is losing patience (signals.yaml), by kind.
  const text::phrase_list& signal_phrases() const noexcept { return signal_phrases_; }

  // site.yaml's handoff settings (hours, holidays, channels); empty for a knowledge base
  // built without them.
  const site::config& handoff_config() const noexcept { return *handoff_; }

  // Read in pages: the pages (numbered from 0) this knowledge base makes from its page
  // maps instead of fetching them (page_map::make_inner_page); kbc leaves them out of the
  // hot pages.
  std::vector<std::uint32_t> made_pages() const;

 private:
  struct closer {
    void operator()(sqlite3* db) const noexcept;
  };
  knowledge_base(std::unique_ptr<synonym_table> synonyms, std::unique_ptr<sqlite3, closer> db);
  // Everything opening does once the connection reads the file.
  static result<knowledge_base> finish_open(std::unique_ptr<synonym_table> synonyms,
                                            std::unique_ptr<row_lengths> lengths,
                                            std::unique_ptr<sqlite3, closer> db,
                                            std::shared_ptr<page_store> pages);
  // Reads so far that found their page missing (0 for an image in memory).
  std::uint64_t misses() const noexcept;
  status complete_since(std::uint64_t misses_before) const;
  result<search_response> search_once(std::string_view query, const search_options& options) const;
  // The steps of a search (see search_once).
  struct found_row {
    long long rowid;
    search_hit hit;  // the row that matched, its score the article's
  };
  struct found_rows {
    std::vector<found_row> rows;  // the best row of each article, best first
    long long best_rowid = 0;     // the row that matched best, for the confidence check
    std::vector<long long> unread;  // rows passed over, their page not here (read in pages)
  };
  void identify_language(std::string_view query, const search_options& options,
                         search_response& response) const;
  std::vector<query_pair> plan_search(std::string_view query, const search_options& options,
                                      std::vector<query_word>& words,
                                      search_response& response) const;
  bool read_rows(const std::vector<query_word>& searched, bool every,
                 const std::vector<query_pair>& pairs, const search_options& options,
                 std::size_t limit, found_rows& found) const;
  result<found_rows> read_best_rows(const std::vector<query_word>& words,
                                    const std::vector<query_pair>& pairs,
                                    const search_options& options) const;
  void show_hits(found_rows& found, const std::vector<query_word>& words,
                 search_response& response) const;
  // Replaces words the index does not know by the closest known word; fills corrected.
  // A word being typed that is already a known word stops being a prefix.
  // With spell false (the customer asked for what they typed), nothing is replaced.
  void correct(std::string_view query, std::vector<query_word>& words, bool spell,
               search_response& response) const;
  // A word the speller must leave as it is: a real word or a product name (kbc's
  // real_words table), or a name typed with a capital inside it.
  bool is_real_word(const query_word& w) const;
  // Whether the index holds a word in some form, or (for the word being typed) holds
  // a word that starts with it.
  enum class word_status { known, prefix, unknown };
  word_status look_up(query_word& word) const;  // also sets word.docs
  // The index terms a word being typed of two to four letters is searched as (the
  // completions table; none when it is not there or its page is not here yet).
  std::vector<std::string> completions_of(const std::string& beginning) const;
  void skip_common_words(std::vector<query_word>& words) const;
  void choose_pairs(std::vector<query_pair>& pairs) const;  // sets docs and searched
  long long term_rows(const std::string& term) const;       // rows holding an index term
  void fetch_doclists(const std::vector<query_word>& words,
                      const std::vector<query_pair>& pairs) const;
  // prefix: the doclists of every term starting with `term` (a word being typed that the
  // completions table does not complete, searched as an FTS5 prefix).
  void ask_for_doclist(const std::string& term, bool prefix = false) const;
  std::vector<std::string> signal_words(const std::vector<query_word>& words) const;
  void assess_confidence(long long rowid, const std::vector<query_word>& words,
                         word_matcher& matching, search_response& response) const;

  // Declared before db_ so that they outlive the connection, whose tokenizer reads the
  // synonyms, rank function the row lengths and VFS the pages.
  std::shared_ptr<page_store> pages_;
  std::unique_ptr<synonym_table> synonyms_;
  std::unique_ptr<row_lengths> lengths_;
  std::unique_ptr<sqlite3, closer> db_;
  kb_info info_;
  // Where rows lie, in a knowledge base read in pages (page_map.hpp): the index's leaves
  // (by %_data row id), the texts and the articles' rows (by rowid).
  std::shared_ptr<const page_map> index_leaves_, article_rows_;
  std::vector<std::uint32_t> word_pages_;  // the words table's pages (read in pages)
  // Asks for the pages a read of this row will need when the map knows them; false
  // when it does not (the caller then reads the row to have them asked for).
  // Opening, after the connection: the meta table's settings (info_, team names, handoff
  // settings, row numbering; version checks), then, read in pages, the page maps.
  status read_settings(std::map<std::string, std::string>& values);
  void use_page_maps();
  // Whether the pages a read of this row of articles goes through are here, as far as
  // the page map tells (true when it cannot).
  bool row_here(long long rowid) const;
  bool want_row(const page_map* map, long long rowid) const;
  long long index_segment_ = -1;  // the index's one segment (meta); -1 when not known
  long long index_bound_ = 0;     // the most rows it lists a term in (meta); 0: no bound
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>>
      team_names_;  // from meta 'teams' (site.yaml): team → language → name
  std::unique_ptr<site::config> handoff_;  // from meta 'handoff'
  text::phrase_list signal_phrases_;          // from the signal_phrases table
  struct statements;
  std::unique_ptr<statements> statements_;
  // The speller is read on the first search that needs it, not at start-up.
  mutable std::unique_ptr<spelling> spelling_;
  // What tells its languages apart, read on the first search (see langid.hpp).
  mutable std::unique_ptr<text::language_model> language_model_;
  mutable std::map<std::string, std::unique_ptr<flow::flow>, std::less<>> flows_;
  // Rows holding each index term looked up lately (see look_up); bounded in the .cpp.
  mutable std::unordered_map<std::string, long long> term_docs_;
  // In a knowledge base read in pages: the index terms whose doclists are all here
  // (see fetch_doclists); bounded in the .cpp.
  mutable std::unordered_set<std::string> fetched_terms_;
};

}  // namespace ha::kb
