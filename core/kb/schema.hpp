// The layout of kb.sqlite, shared by the writer (kbc) and the reader (browser).
//
//   meta(key, value)         format_version, tokenizer_version, content_hash, counts
//                            (indexed_rows: the rows in articles_fts), index_segment,
//                            index_bound (index_builder.hpp), row_lengths and row_slots
//                            (what a rowid says: row_lengths.hpp)
//   articles(...)            one row per article per language (sr-Latn and sr-Cyrl are two),
//                            numbered as row_lengths.hpp says; it holds all a search reads
//                            for a hit (its title, the HTML its snippet's text is read
//                            from, shown when it is opened), so that a hit is one page
//   articles_fts             FTS5 index over title, tags and body, contentless (the text
//                            is in articles); sr-Cyrl rows are not in it
//                            (their sr-Latn row folds to the same terms and stands for both).
//                            No table of row sizes (columnsize = 0): a row's length in
//                            words is coded in its rowid (row_id, bm25.hpp)
//   words(word, display, docs)  the vocabulary for typo correction (see spelling.hpp)
//   common_terms(term, docs)  the row counts of the terms many rows hold, which FTS5
//                            would count by reading their whole doclists; the index
//                            lists such a term in its best rows only (index_builder.hpp)
//   completions(prefix, terms)  for every two- to four-letter beginning of an index
//                            term, the terms most rows hold that start with it (see
//                            completion_terms in query.hpp): a word being typed is
//                            searched as them; FTS5 keeps no prefix index
//   synonyms(grp, word)      groups of words searched as one (see synonyms.hpp)
//   article_pages(page, article, position)  the rows tagged with each page of the site
//                            (articles.pages), so that suggestions for a page read those
//                            rows only (page_suggestions.cpp)
//   page_map(tbl, map)       where the rows of articles, the index's leaves and the words
//                            table lie in the file, so that a search in pages asks for a
//                            row's page in one round and the engine makes the inner pages
//                            above them (page_map.hpp)
//   flows(id, team, json)    troubleshooting flows (flow/flow.hpp), every language inside;
//                            each is also in articles (kind 'flow', its text as paragraphs) so that
//                            search finds it by its title, symptoms and questions
//
// articles.html is sanitised HTML made by kbc (no raw HTML from authors, links checked).
// The article's plain text, the source of the index and of snippets, is not stored: it is
// read out of the HTML (SQL plain_text(html), text::html_text), so the two never disagree
// and a hit's row carries its words once (format 11 kept both side by side: 0.7 MB more
// gzip at 10,000 articles). In a knowledge base read in pages (paged.hpp) a search's hits
// lie far apart, a page each: the row that holds a hit's title holds its HTML too.
#pragma once

namespace ha::kb {

// Bumped whenever the tables or the meaning of a column change.
inline constexpr int format_version = 13;

// A search in pages fetches a page for each hit's row and each leaf of a doclist it
// reads, so a page is small: 2 KiB holds a row or two of a typical article, and FTS5
// writes leaves that fit one page (its 'pgsz'). With 4 KiB pages a keystroke at 100,000
// articles fetched 39 KB at most, with 2 KiB 29 KB (docs/benchmarks.md).
inline constexpr int database_page_size = 2048;
inline constexpr int index_leaf_bytes = 1900;

inline constexpr const char* schema_sql = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE articles(
  rowid    INTEGER PRIMARY KEY,
  id       TEXT NOT NULL,
  lang     TEXT NOT NULL,
  title    TEXT NOT NULL,
  category TEXT NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('customer', 'agent')),
  kind     TEXT NOT NULL,
  tags     TEXT NOT NULL,   -- tags joined by ", " (searched, and shown to agents)
  pages    TEXT NOT NULL,   -- site paths joined by " "
  source   TEXT NOT NULL,   -- knowledge-base file it came from
  html     TEXT NOT NULL,   -- shown when opened; plain_text(html) is indexed and snippeted
  UNIQUE (id, lang)
);
CREATE TABLE article_pages(
  page     TEXT NOT NULL,     -- a path of the site ("/internet") an article is tagged with
  article  INTEGER NOT NULL,  -- its row in articles
  position INTEGER NOT NULL,  -- 0: the first page the article names
  PRIMARY KEY (page, article)
) WITHOUT ROWID;
CREATE TABLE words(
  word    TEXT PRIMARY KEY,  -- canonical form
  display TEXT NOT NULL,     -- the most common way it is written, lower case
  docs    INTEGER NOT NULL   -- customer articles using it
) WITHOUT ROWID;
-- language_grams, a column per identified language, is made by language_words.cpp.
CREATE TABLE language_words(
  word  TEXT PRIMARY KEY,   -- plain form (text::plain_word)
  langs INTEGER NOT NULL    -- the languages that use it (text::identified_languages bits)
) WITHOUT ROWID;
CREATE TABLE signal_phrases(
  kind   TEXT NOT NULL,   -- repeat_contact, insult, angry_words (signals.yaml)
  lang   TEXT NOT NULL,   -- the language it was written for (all are searched)
  phrase TEXT NOT NULL    -- words; a trailing * marks a beginning (text/phrases.hpp)
);
CREATE TABLE real_words(
  word TEXT PRIMARY KEY   -- canonical; the speller never replaces it (real_words.hpp)
) WITHOUT ROWID;
CREATE TABLE common_terms(
  term TEXT PRIMARY KEY,    -- an index term held by more than common_term_rows rows
  docs INTEGER NOT NULL     -- the rows holding it (vocabulary.hpp)
) WITHOUT ROWID;
CREATE TABLE completions(
  prefix TEXT PRIMARY KEY,  -- two to four letters (code points) of a canonical form
  terms  TEXT NOT NULL      -- index terms starting with it, most rows first, " " between
) WITHOUT ROWID;
CREATE TABLE synonyms(
  grp  INTEGER NOT NULL,  -- group number, in site.yaml order
  word TEXT NOT NULL,     -- canonical form
  PRIMARY KEY (grp, word)
) WITHOUT ROWID;
CREATE TABLE flows(
  id   TEXT PRIMARY KEY,
  team TEXT NOT NULL,
  json TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE page_map(
  tbl TEXT NOT NULL,   -- a table read row by row: articles, articles_fts_data
  map BLOB NOT NULL    -- where its rows lie (page_map.hpp); written last by kbc
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, tags, body,
  tags_2, tags_3, tags_4, body_2, body_3, body_4, body_6, body_8, body_16, body_32,
  title_neighbours,
  content = '', columnsize = 0, detail = column, tokenize = 'assistant'
);
)sql";

// The pages each row is tagged with (articles.pages, " " between), once the rows have
// their final numbers.
inline constexpr const char* article_pages_sql = R"sql(
INSERT INTO article_pages(page, article, position)
WITH RECURSIVE split(article, position, page, rest) AS (
  SELECT rowid, -1, '', pages || ' ' FROM articles WHERE pages != ''
  UNION ALL
  SELECT article, position + 1, substr(rest, 1, instr(rest, ' ') - 1),
         substr(rest, instr(rest, ' ') + 1)
  FROM split WHERE rest != ''
)
SELECT page, article, min(position) FROM split WHERE position >= 0 AND page != ''
GROUP BY page, article;
)sql";

// Once the index is optimised it is one segment; its number lets a search in pages find
// where a term's doclist lies (knowledge_base::ask_for_doclist in the .cpp). Not written
// when there are several.
inline constexpr const char* index_segment_sql = R"sql(
INSERT INTO meta(key, value)
  SELECT 'index_segment', min(segid) FROM articles_fts_idx HAVING min(segid) = max(segid);
)sql";

}  // namespace ha::kb
