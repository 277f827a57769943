// knowledge_base::for_page: what the help center suggests on a page before the customer
// types anything (P13), from the pages each article and flow is tagged with.
#include <sqlite3.h>

#include <algorithm>
#include <map>

#include "flow/flow.hpp"
#include "kb/knowledge_base.hpp"
#include "common/languages.hpp"
#include "kb/snippet.hpp"
#include "kb/statement.hpp"
#include "text/html.hpp"
#include "text/utf8.hpp"

namespace ha::kb {

namespace {

constexpr std::size_t snippet_bytes = 160;

// The start of a text, cut after a whole word, with an ellipsis when cut.
std::string opening(std::string_view body) {
  std::string out;
  if (body.size() <= snippet_bytes) {
    append_snippet_text(out, body);
    return out;
  }
  std::string_view cut = text::truncate(body, snippet_bytes);
  if (const std::size_t space = cut.find_last_of(" \n"); space != std::string_view::npos && space > 40) {
    cut = cut.substr(0, space);
  }
  append_snippet_text(out, cut);
  out += "…";
  return out;
}

int kind_rank(const std::string& kind) {
  if (kind == "flow") return 0;
  if (kind == "troubleshooting") return 1;
  return 2;
}

struct candidate {
  search_hit hit;
  long long rowid = 0;
  std::size_t page_position = 0;  // 0: the page is the first one the article names
};

}  // namespace

result<std::vector<search_hit>> knowledge_base::for_page(std::string_view page,
                                                         const search_options& options) const {
  std::vector<search_hit> out;
  // A page is one path ("/internet"), as kbc requires of front matter.
  if (page.size() < 2 || page.size() > 200 || page[0] != '/' ||
      page.find_first_of(" \t\n") != std::string_view::npos) {
    return out;
  }
  // The articles tagged with the page (article_pages), then their rows: in a knowledge
  // base read in pages, every candidate's page is asked for in one round, and no other
  // row of articles is read.
  statement tagged(db_.get(), "SELECT article, position FROM article_pages WHERE page = ?1");
  if (!tagged.ok()) return {errc::corrupt_database, "this SQLite file is not a knowledge base"};
  tagged.bind(1, page);
  std::vector<std::pair<long long, std::size_t>> rows;
  int rc;
  while ((rc = tagged.step()) == SQLITE_ROW) {
    rows.emplace_back(tagged.integer(0), static_cast<std::size_t>(tagged.integer(1)));
  }
  if (rc != SQLITE_DONE) return {errc::corrupt_database, "the knowledge base could not be read"};
  for (const auto& [rowid, position] : rows) want_row(article_rows_.get(), rowid);
  statement row(db_.get(),
                "SELECT id, lang, title, category, audience, kind FROM articles WHERE rowid = ?1");
  if (!row.ok()) return {errc::corrupt_database, "this SQLite file is not a knowledge base"};
  // id → language → version
  std::map<std::string, std::map<std::string, candidate, std::less<>>, std::less<>> found;
  for (const auto& [rowid, position] : rows) {
    row.reset();
    row.bind(1, rowid);
    if (row.step() != SQLITE_ROW) continue;  // its page is not here yet: asked for
    candidate c;
    c.hit.id = row.text(0);
    c.hit.lang = row.text(1);
    c.hit.title = row.text(2);
    c.hit.category = row.text(3);
    c.hit.audience = row.text(4);
    c.hit.kind = row.text(5);
    if (c.hit.audience == "agent" && !options.include_agent) continue;
    if (!options.category.empty() && c.hit.category != options.category) continue;
    c.rowid = rowid;
    c.page_position = position;
    found[c.hit.id].emplace(c.hit.lang, std::move(c));
  }
  row.reset();

  std::vector<candidate> best;
  for (auto& [id, versions] : found) {
    for (const std::string_view l : fallback_chain(options.lang)) {
      if (auto it = versions.find(l); it != versions.end()) {
        best.push_back(std::move(it->second));
        break;
      }
    }
  }
  std::sort(best.begin(), best.end(), [](const candidate& a, const candidate& b) {
    const int ka = kind_rank(a.hit.kind), kb = kind_rank(b.hit.kind);
    if (ka != kb) return ka < kb;
    if (a.page_position != b.page_position) return a.page_position < b.page_position;
    return a.hit.title < b.hit.title;
  });
  const std::size_t limit = std::min<std::size_t>(options.limit, 50);
  statement body(db_.get(), "SELECT plain_text(html) FROM articles WHERE rowid = ?1");
  for (std::size_t i = 0; i < best.size() && i < limit; ++i) {
    search_hit& hit = best[i].hit;
    // A guided fix opens with its first question or step; its stored text runs the
    // restatement and the steps together, which reads badly as a snippet.
    const flow::flow* f = hit.kind == "flow" ? find_flow(hit.id) : nullptr;
    const flow::node* first = f ? f->find(f->start) : nullptr;
    if (first) {
      hit.snippet_html = opening(flow::pick(first->body, hit.lang));
    } else {
      body.reset();
      body.bind(1, best[i].rowid);
      if (body.step() == SQLITE_ROW) hit.snippet_html = opening(body.text(0));
      body.reset();
    }
    out.push_back(std::move(hit));
  }
  return out;
}

}  // namespace ha::kb
