#include "fixtures.hpp"

#include <sqlite3.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>

#include "kb/vocabulary.hpp"
#include "kb/fts_tokenizer.hpp"
#include "kb/row_lengths.hpp"
#include "kb/knowledge_base.hpp"
#include "kb/page_map.hpp"
#include "kb/schema.hpp"
#include "kb/spelling.hpp"
#include "kb/statement.hpp"
#include "text/html.hpp"
#include "text/utf8.hpp"

namespace ha::test {

namespace {
// What make_kb_image() takes as common and the most rows it indexes a term in
// (make_kb_image_common_above sets them for one image).
long long common_term_rows = kb::common_term_rows;
long long bounded_term_rows = kb::bounded_term_rows;
long long completion_rows = kb::completion_rows;
}  // namespace

std::string read_fixture(const std::string& relative_path) {
  const std::string path = std::string(HA_SOURCE_DIR) + "/tests/fixtures/" + relative_path;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read fixture " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\\u") == 0 && i + 6 <= s.size()) {
      text::append_utf8(out, static_cast<char32_t>(std::stoul(s.substr(i + 2, 4), nullptr, 16)));
      i += 5;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string make_kb_image(const std::vector<kb_row>& rows, int format, int tokenizer,
                          const std::vector<std::pair<std::string, std::string>>& flows,
                          const std::vector<std::pair<std::string, std::string>>& meta,
                          const std::map<std::string, std::string>& pages,
                          const std::vector<std::pair<std::string, std::string>>& signals) {
  kb::term_filter filter;  // outlives db
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  if (!kb::register_tokenizer(db, nullptr, &filter).ok()) throw std::runtime_error("tokenizer");
  auto exec = [&](const std::string& sql) {
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sqlite3_errmsg(db));
    }
  };
  exec(kb::schema_sql);
  {
    kb::statement insert(db,
                         "INSERT INTO articles(id, lang, title, category, audience, kind, tags, "
                         "pages, source, html) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,'test',?9)");
    for (const auto& r : rows) {
      insert.reset();
      insert.bind(1, r.id).bind(2, r.lang).bind(3, r.title).bind(4, r.category).bind(5, r.audience);
      insert.bind(6, r.kind).bind(7, r.tags);
      const auto tagged = pages.find(r.id);
      insert.bind(8, tagged == pages.end() ? std::string() : tagged->second);
      insert.bind(9, text::paragraphs_html(r.body));
      if (insert.step() != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
    }
  }
  if (!kb::number_rows_by_length(db).ok()) throw std::runtime_error("row lengths");
  exec(kb::article_pages_sql);
  {
    kb::statement insert(db, "INSERT INTO flows(id, team, json) VALUES (?1, '', ?2)");
    for (const auto& [id, json] : flows) {
      insert.reset();
      insert.bind(1, id).bind(2, json);
      if (insert.step() != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
    }
  }
  exec("INSERT INTO meta VALUES ('format_version', '" +
       std::to_string(format < 0 ? kb::format_version : format) + "')");
  exec("INSERT INTO meta VALUES ('tokenizer_version', '" +
       std::to_string(tokenizer < 0 ? kb::tokenizer_version : tokenizer) + "')");
  exec("INSERT INTO meta VALUES ('content_hash', 'test'), ('articles', '" +
       std::to_string(rows.size()) + "')");
  {
    kb::statement insert(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
    for (const auto& [key, value] : meta) {
      insert.reset();
      insert.bind(1, key).bind(2, value);
      if (insert.step() != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
    }
  }
  {
    kb::statement insert(db, "INSERT INTO signal_phrases(kind, lang, phrase) VALUES (?1, 'en', ?2)");
    for (const auto& [kind, phrase] : signals) {
      insert.reset();
      insert.bind(1, kind).bind(2, phrase);
      if (insert.step() != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
    }
  }
  if (!kb::build_word_list(db).ok()) throw std::runtime_error("words");
  const auto counts = kb::build_index(db, nullptr, &filter, bounded_term_rows);
  if (!counts) throw std::runtime_error("index: " + counts.err().message);
  if (!kb::build_completions(db, common_term_rows, completion_rows).ok()) {
    throw std::runtime_error("completions");
  }
  if (!kb::build_common_terms(db, counts.value(), common_term_rows).ok()) {
    throw std::runtime_error("common terms");
  }
  sqlite3_int64 size = 0;
  unsigned char* bytes = sqlite3_serialize(db, "main", &size, 0);
  std::string image(reinterpret_cast<char*>(bytes), static_cast<std::size_t>(size));
  sqlite3_free(bytes);
  sqlite3_close(db);
  return image;
}

std::string make_kb_image_common_above(const std::vector<kb_row>& rows, long long common_rows,
                                       long long bounded_rows, long long completed_rows) {
  struct restore {
    ~restore() {
      common_term_rows = kb::common_term_rows;
      bounded_term_rows = kb::bounded_term_rows;
      completion_rows = kb::completion_rows;
    }
  } restored;
  common_term_rows = common_rows;
  bounded_term_rows = bounded_rows;
  completion_rows = completed_rows;
  return make_kb_image(rows);
}

sqlite3* open_copy(const std::string& image) {
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  auto* buffer = static_cast<unsigned char*>(sqlite3_malloc64(image.size()));
  std::memcpy(buffer, image.data(), image.size());
  const auto size = static_cast<sqlite3_int64>(image.size());
  sqlite3_deserialize(db, "main", buffer, size, size,
                      SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  return db;
}

std::string serialized(sqlite3* db) {
  sqlite3_int64 bytes = 0;
  unsigned char* out = sqlite3_serialize(db, "main", &bytes, 0);
  std::string result(reinterpret_cast<char*>(out), static_cast<std::size_t>(bytes));
  sqlite3_free(out);
  return result;
}

std::string as_kbc_leaves_it(const std::string& image, bool listed) {
  sqlite3* db = open_copy(image);
  if (!kb::register_tokenizer(db).ok()) throw std::runtime_error("tokenizer");
  const auto exec = [&](const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string(sql) + ": " + sqlite3_errmsg(db));
    }
  };
  exec("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')");
  if (listed) exec(kb::index_segment_sql);
  exec("VACUUM");
  if (listed && !kb::write_page_maps(db, serialized(db)).ok()) throw std::runtime_error("page maps");
  std::string result = serialized(db);
  sqlite3_close(db);
  return result;
}


const kb::knowledge_base& built_demo() {
  static const std::unique_ptr<kb::knowledge_base> kb = [] {
    std::ifstream in(std::string(HA_SOURCE_DIR) + "/build/site/kb.sqlite", std::ios::binary);
    if (!in) throw std::runtime_error("build/site/kb.sqlite is missing: run tools/build.sh first");
    auto opened = kb::knowledge_base::open_image(
        std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    if (!opened) throw std::runtime_error("build/site/kb.sqlite: " + opened.err().message);
    return std::make_unique<kb::knowledge_base>(std::move(opened.value()));
  }();
  return *kb;
}

// A small help center: one article in several languages, one in English only, one for agents.
const std::vector<kb_row>& small_help_center() {
  static const std::vector<kb_row> r = {
      {"reset-password", "en", "Reset your password", "account", "customer", "howto",
       "password, forgot password, sign in",
       "Open the sign-in page and choose Forgot password. We send a link to your e-mail."},
      {"reset-password", "sr-Latn", "Promena lozinke", "account", "customer", "howto",
       "lozinka, šifra, prijava",
       "Otvorite stranicu za prijavu i izaberite Zaboravljena lozinka. Šaljemo vezu na e-mail."},
      {"reset-password", "sr-Cyrl", "Промена лозинке", "account", "customer", "howto",
       "лозинка, шифра, пријава",
       "Отворите страницу за пријаву и изаберите Заборављена лозинка. Шаљемо везу на e-mail."},
      {"reset-password", "hr", "Promjena lozinke", "account", "customer", "howto",
       "lozinka, zaporka, prijava",
       "Otvorite stranicu za prijavu i odaberite Zaboravljena lozinka."},
      {"router-lights", "en", "What the router lights mean", "internet", "customer", "info",
       "router, modem, lights, <blink>",
       "A red light on the router means there is no connection. Use <b> as a word & more."},
      {"router-lights", "sr-Latn", "Šta znače svetla na ruteru", "internet", "customer", "info",
       "ruter, modem, lampice, uređaj",
       "Crveno svetlo na ruteru znači da nema veze. Uređaj treba restartovati."},
      {"calming-upset-customer", "en", "Calming an upset customer", "playbook", "agent", "guide",
       "angry, upset, calm",
       "Listen first, then restate the problem and apologise plainly for the router trouble."},
  };
  return r;
}

}  // namespace ha::test
