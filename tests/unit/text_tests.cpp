#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>

#include "common/languages.hpp"
#include "fixtures.hpp"
#include "kb/fts_tokenizer.hpp"
#include "kb/query.hpp"
#include "kb/statement.hpp"
#include "text/fold.hpp"
#include "text/html.hpp"
#include "text/stem.hpp"
#include "text/stopwords.hpp"
#include "text/tokenizer.hpp"
#include "text/transliterate.hpp"
#include "text/utf8.hpp"

using namespace ha;

namespace {

struct token_case {
  int line;
  std::string input;
  std::string expected;  // tokens joined by single spaces
};

std::vector<token_case> token_cases() {
  std::vector<token_case> cases;
  std::istringstream in(test::read_fixture("tokens.txt"));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    const auto arrow = line.find(" => ");
    if (arrow == std::string::npos) FAIL("tokens.txt:" << n << ": no ' => ' in the line");
    cases.push_back({n, test::unescape(line.substr(0, arrow)), line.substr(arrow + 4)});
  }
  return cases;
}

// An in-memory database with one table of documents indexed by the assistant's
// tokenizer (doc) and the terms at each position of each (vocab). Closed with
// sqlite3_close_v2, which waits for statements still open.
struct fts_documents {
  sqlite3* db = nullptr;
  fts_documents() {
    REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
    REQUIRE(kb::register_tokenizer(db).ok());
    REQUIRE(sqlite3_exec(db,
                         "CREATE VIRTUAL TABLE doc USING fts5(body, tokenize='assistant');"
                         "CREATE VIRTUAL TABLE vocab USING fts5vocab(doc, 'instance');",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
  }
  ~fts_documents() { sqlite3_close_v2(db); }
  fts_documents(const fts_documents&) = delete;
  fts_documents& operator=(const fts_documents&) = delete;
};

std::string joined(const std::vector<text::token>& tokens) {
  std::string out;
  for (const auto& t : tokens) out += (out.empty() ? "" : " ") + t.text;
  return out;
}

}  // namespace

TEST_CASE("every line of tokens.txt gives its expected tokens", "[text]") {
  const auto cases = token_cases();
  REQUIRE(cases.size() >= 20);
  for (const auto& c : cases) {
    INFO("tokens.txt:" << c.line << ": " << c.input);
    CHECK(joined(text::tokenize(c.input)) == c.expected);
  }
}

TEST_CASE("an article's indexed tokens equal the same text typed as a query", "[text][fts]") {
  const fts_documents documents;
  sqlite3* db = documents.db;
  for (const auto& c : token_cases()) {
    INFO("tokens.txt:" << c.line << ": " << c.input);
    sqlite3_exec(db, "DELETE FROM doc", nullptr, nullptr, nullptr);
    kb::statement insert(db, "INSERT INTO doc(rowid, body) VALUES (1, ?1)");
    insert.bind(1, c.input);
    REQUIRE(insert.step() == SQLITE_DONE);

    // At each position the index holds the word's canonical form and its stems: exactly
    // what the tokenizer and the stemmers say.
    std::map<long long, std::set<std::string>> indexed;
    kb::statement terms(db, "SELECT offset, term FROM vocab");
    while (terms.step() == SQLITE_ROW) indexed[terms.integer(0)].insert(terms.text(1));
    std::map<long long, std::set<std::string>> expected;
    long long position = 0;
    std::string previous;
    for (const auto& t : text::tokenize(c.input)) {
      auto& forms = expected[position++];
      forms.insert(t.text);
      for (const auto& form : text::search_forms(t.text)) forms.insert(form);
      if (!previous.empty() && kb::forms_pair(previous, t.text)) {
        forms.insert(kb::pair_token(previous, t.text));
      }
      previous = t.text;
    }
    CHECK(indexed == expected);
    std::string canonical;
    for (const auto& [pos, forms] : indexed) {
      (void)forms;
      canonical += (canonical.empty() ? "" : " ") + text::tokenize(c.input).at(pos).text;
    }
    CHECK(canonical == c.expected);

    // The same text typed by a customer, rebuilt as a MATCH query, finds the document.
    const auto match = kb::build_match(c.input + " ");
    kb::statement search(db, "SELECT count(*) FROM doc WHERE doc MATCH ?1");
    search.bind(1, match.expression);
    REQUIRE(search.step() == SQLITE_ROW);
    CHECK(search.integer(0) == 1);
    // Each pair token of the query alone finds it too (neighbour tokens are a title's).
    for (const auto& pair : kb::query_pairs(kb::query_words(c.input + " "))) {
      if (pair.token[0] != kb::pair_marker) continue;
      search.reset();
      search.bind(1, '"' + pair.token + '"');
      REQUIRE(search.step() == SQLITE_ROW);
      CHECK(search.integer(0) == 1);
    }
  }
}

TEST_CASE("fold_word makes đ, dj and d spellings meet", "[text]") {
  CHECK(text::fold_word("Đurđevdan") == text::fold_word("Djurdjevdan"));
  CHECK(text::fold_word("Đurđevdan") == text::fold_word("Durdevdan"));
  CHECK(text::fold_word("Ђурђевдан") == text::fold_word("Durdevdan"));
}

TEST_CASE("has_cyrillic spots Cyrillic anywhere in the text", "[text]") {
  CHECK(text::has_cyrillic("ruter не ради"));
  CHECK_FALSE(text::has_cyrillic("ruter ne radi šifra"));
}

TEST_CASE("UTF-8 decoding survives any bytes", "[text][utf8]") {
  SECTION("valid text is valid") {
    CHECK(text::is_valid_utf8("šifra Ђ 😀"));
    CHECK(text::is_valid_utf8("\xEF\xBF\xBD"));  // U+FFFD itself
  }
  SECTION("invalid sequences are not") {
    CHECK_FALSE(text::is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(text::is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(text::is_valid_utf8("abc\xE2\x82"));       // truncated
    CHECK_FALSE(text::is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(text::is_valid_utf8("\xFF"));
  }
  SECTION("sanitize replaces bad bytes and drops NUL") {
    CHECK(text::sanitize(std::string("a\0b\xFF"
                                     "c",
                                     5)) ==
          "ab\xEF\xBF\xBD"
          "c");
  }
  SECTION("invalid bytes separate words and never crash the tokenizer") {
    CHECK(joined(text::tokenize("ruter\xFFmodem\xC3")) == "ruter modem");
    std::string noise;
    for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 131) & 0xFF);
    for (const auto& t : text::tokenize(noise)) CHECK(text::is_valid_utf8(t.text));
  }
  SECTION("truncate never cuts a character in two") {
    CHECK(text::truncate("šš", 3) == "š");
    CHECK(text::truncate("abc", 10) == "abc");
  }
}

TEST_CASE("tokens report where each word is in the input", "[text]") {
  const std::string input = "Šta je ŠIFRA?";
  const auto tokens = text::tokenize(input);
  REQUIRE(tokens.size() == 3);
  CHECK(input.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "ŠIFRA");
}

TEST_CASE("a very long word is cut to the token limit", "[text]") {
  const auto tokens = text::tokenize(std::string(10000, 'a'));
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].text.size() == text::max_token_bytes);
}

TEST_CASE("escape_html makes text safe as content and attribute", "[text][html]") {
  CHECK(text::escape_html("<img src=x onerror=\"a('b')\">&") ==
        "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;");
}

TEST_CASE("html_text reads the words of rendered HTML as a line per block", "[text][html]") {
  // As md4c writes it: a newline after block tags, a soft break as a newline in text.
  CHECK(text::html_text("<h2>Before you start</h2>\n<p>Open the <strong>app</strong>\nand "
                        "wait.</p>\n<ul>\n<li>one</li>\n<li>\n<p>two</p>\n</li>\n</ul>\n") ==
        "Before you start\nOpen the app and wait.\none\ntwo");
  CHECK(text::html_text("<p>AT&amp;T &quot;Pro&quot; &lt;5&gt; &#1078;&#x436; line<br />\nnext</p>") ==
        "AT&T \"Pro\" <5> жж line next");
  CHECK(text::html_text("<pre><code>ping 1.1.1.1\nexit\n</code></pre>\n<p>done</p>") ==
        "ping 1.1.1.1\nexit\ndone");
  CHECK(text::html_text("<table>\n<thead>\n<tr>\n<th>Plan</th>\n<th>Price</th>\n</tr>\n"
                        "</thead>\n</table>\n<hr />\n<p>x</p>") == "Plan\nPrice\nx");
  // Whatever it is given, it gives text back and never reads past the end.
  CHECK(text::html_text("a &bogus; &#xZZ; &#0; &#55296; & < b") == "a &bogus; &#xZZ; &#0; &#55296; &");
  CHECK(text::html_text("").empty());
  CHECK(text::html_text("<p").empty());
}

TEST_CASE("paragraphs_html keeps each line of plain text as a paragraph", "[text][html]") {
  const std::string text = "Problem: <no signal> & more\nIs the light red?\nRestart it";
  CHECK(text::paragraphs_html(text) ==
        "<p>Problem: &lt;no signal&gt; &amp; more</p>\n<p>Is the light red?</p>\n"
        "<p>Restart it</p>");
  CHECK(text::html_text(text::paragraphs_html(text)) == text);
  CHECK(text::paragraphs_html("\n \n").empty());
}

TEST_CASE("every line of cyrillic.txt and cyrillic-hard.txt transliterates as expected",
          "[text][cyrillic]") {
  // cyrillic-hard.txt: 343 sentences a Serbian editor checks (capitals, dj, foreign and
  // technical words, acronyms, addresses, hyphens), in both builds.
  for (const char* file : {"cyrillic.txt", "cyrillic-hard.txt"}) {
    std::istringstream in(test::read_fixture(file));
    std::string line;
    int cases = 0;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.empty() || line[0] == '#') continue;
      const auto arrow = line.find(" => ");
      REQUIRE(arrow != std::string::npos);
      INFO(file << ":" << n);
      CHECK(text::serbian_latin_to_cyrillic(line.substr(0, arrow)) == line.substr(arrow + 4));
      ++cases;
    }
    CHECK(cases >= 10);
  }
}

// Every token the index holds for a fixed text (tests/fixtures/tokenizer-sample.txt),
// hashed. When stems, stopwords, folding or pair tokens change, the hash changes, and a
// knowledge base built before no longer agrees with the queries: kb::tokenizer_version
// must then go up, so that such a knowledge base is refused rather than searched wrong.
// tests/fixtures/tokenizer-fingerprint.txt records "<version> <hash>".
TEST_CASE("the tokenizer's version goes up whenever the tokens it makes change", "[text][fts]") {
  const fts_documents documents;
  sqlite3* db = documents.db;
  std::istringstream sample(test::read_fixture("tokenizer-sample.txt"));
  std::string line;
  for (long long row = 1; std::getline(sample, line); ++row) {
    kb::statement insert(db, "INSERT INTO doc(rowid, body) VALUES (?1, ?2)");
    insert.bind(1, row);
    insert.bind(2, line);
    REQUIRE(insert.step() == SQLITE_DONE);
  }
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a over "row offset term\n"
  long long count = 0;
  kb::statement terms(db, "SELECT doc, offset, term FROM vocab ORDER BY doc, offset, term");
  while (terms.step() == SQLITE_ROW) {
    const std::string entry = std::to_string(terms.integer(0)) + " " +
                              std::to_string(terms.integer(1)) + " " + terms.text(2) + "\n";
    for (unsigned char ch : entry) hash = (hash ^ ch) * 0x100000001b3ULL;
    ++count;
  }
  REQUIRE(count > 3000);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  const std::string now = std::to_string(kb::tokenizer_version) + " " + hex;
  std::string recorded = test::read_fixture("tokenizer-fingerprint.txt");
  recorded = recorded.substr(0, recorded.find('\n'));
  INFO("tests/fixtures/tokenizer-fingerprint.txt says '"
       << recorded << "', the tokens now give '" << now
       << "'. If the tokens changed on "
          "purpose, raise kb::tokenizer_version "
          "(core/kb/fts_tokenizer.hpp) and record "
          "the new line.");
  CHECK(recorded == now);
}

TEST_CASE("a Cyrillic article and its Latin source index to the same tokens", "[text][cyrillic]") {
  const std::string latin =
      "Crveno svetlo na ruteru znači da nema veze; uređaj će se ponovo pokrenuti.";
  CHECK(joined(text::tokenize(text::serbian_latin_to_cyrillic(latin))) ==
        joined(text::tokenize(latin)));
}

TEST_CASE("every line of stems.txt stems to one stem", "[text][stem]") {
  std::istringstream in(test::read_fixture("stems.txt"));
  std::string line;
  int groups = 0;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    const auto colon = line.find(": ");
    REQUIRE(colon != std::string::npos);
    const std::string language = line.substr(0, colon);
    const auto lang = language == "en"    ? text::stem_language::english
                      : language == "bcs" ? text::stem_language::bcs
                                          : text::stem_language::slovene;
    std::istringstream forms(line.substr(colon + 2));
    std::string form;
    std::set<std::string> stems;
    std::string shown;
    while (forms >> form) {
      const std::string s = text::stem(text::fold_word(form), lang);
      stems.insert(s);
      shown += form + "→" + s + " ";
    }
    INFO("stems.txt:" << n << ": " << shown);
    CHECK(stems.size() == 1);
    ++groups;
  }
  CHECK(groups >= 20);
}

TEST_CASE("the English stemmer follows Porter's published examples", "[text][stem]") {
  const std::pair<const char*, const char*> cases[] = {{"caresses", "caress"},
                                                       {"ponies", "poni"},
                                                       {"cats", "cat"},
                                                       {"feed", "feed"},
                                                       {"agreed", "agre"},
                                                       {"plastered", "plaster"},
                                                       {"motoring", "motor"},
                                                       {"hopping", "hop"},
                                                       {"filing", "file"},
                                                       {"happy", "happi"},
                                                       {"relational", "relat"},
                                                       {"conditional", "condit"},
                                                       {"generalization", "gener"},
                                                       {"electrical", "electr"},
                                                       {"adjustable", "adjust"},
                                                       {"probate", "probat"},
                                                       {"controll", "control"},
                                                       {"roll", "roll"}};
  for (const auto& [word, expected] : cases) {
    INFO(word);
    CHECK(text::stem(word, text::stem_language::english) == expected);
  }
  // Everyday words Porter would merge with another one keep their own stem.
  CHECK(text::stem("evenings", text::stem_language::english) == "evening");
  CHECK(text::stem("even", text::stem_language::english) !=
        text::stem("evening", text::stem_language::english));
  CHECK(text::stem("news", text::stem_language::english) !=
        text::stem("new", text::stem_language::english));
  CHECK(text::stem("business", text::stem_language::english) !=
        text::stem("busy", text::stem_language::english));
}

TEST_CASE("stemmers leave short words, numbers and other scripts alone", "[text][stem]") {
  for (const auto lang : text::all_stem_languages) {
    CHECK(text::stem("sim", lang) == "sim");
    CHECK(text::stem("5g", lang) == "5g");
    CHECK(text::stem("192168", lang) == "192168");
    CHECK(text::stem("\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97", lang) ==
          "\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97");
  }
}

TEST_CASE("stopwords only rank: not marked or counted unless nothing else is left",
          "[text][query]") {
  CHECK(text::is_stopword("the"));
  CHECK(text::is_stopword("kako"));
  CHECK(text::is_stopword("zakaj"));
  CHECK_FALSE(text::is_stopword("lozinka"));
  // Stopwords are searched only in the pairs they make with their neighbours.
  const auto pair = [](const char* left, const char* right) {
    return " OR \"" + kb::pair_token(left, right) + '"';
  };
  const auto english = kb::build_match("how do I reset my password?");
  CHECK(english.expression == R"("reset" OR "password")" + pair("how", "do") + pair("do", "i") +
                                  pair("i", "reset") + pair("reset", "my") +
                                  pair("my", "password"));
  CHECK(english.words == 2);
  CHECK(english.snippet.words.size() == 2);
  const auto serbian = kb::build_match("Kako da promenim lozinku ");
  CHECK(serbian.expression == R"("promenim" OR "lozinku")" + pair("kako", "da") +
                                  pair("da", "promenim") + " OR \"" +
                                  kb::neighbour_query("promenim", "lozinku") + '"');
  CHECK(serbian.words == 2);
  // Nothing else left: the words count as typed, and their pairs still tell them apart.
  const auto only_stopwords = kb::build_match("who are you ");
  CHECK(only_stopwords.words == 3);
  CHECK(only_stopwords.expression ==
        R"("who" OR "are" OR "you")" + pair("who", "are") + pair("are", "you"));
  CHECK(kb::build_match("to be or not to be ").words == 6);
  // A word still being typed makes no pair yet.
  CHECK(kb::build_match("how do i sa").expression.find(kb::pair_token("i", "sa")) ==
        std::string::npos);
}

TEST_CASE("the language table: each language named once, falling back through all the others",
          "[languages]") {
  std::set<std::string_view> codes(content_languages.begin(), content_languages.end());
  CHECK(codes.size() == languages.size());
  for (const language& l : languages) {
    INFO(l.code);
    CHECK(find_language(l.code) == &l);
    CHECK(stored_code(source_code(l.code)) == l.code);
    // Every chain starts with the language itself and holds every language once.
    const auto chain = fallback_chain(l.code);
    CHECK(chain.front() == l.code);
    CHECK(chain.size() == languages.size());
    CHECK(std::set<std::string_view>(chain.begin(), chain.end()) == codes);
    // A language kbc makes comes from one an author writes, and it is not written.
    if (!l.made_from.empty()) {
      CHECK_FALSE(l.written);
      REQUIRE(find_language(l.made_from) != nullptr);
      CHECK(find_language(l.made_from)->written);
      CHECK(derived_language(l.made_from) == l.code);
      CHECK(is_made_language(l.code));
      CHECK(written_source(l.code) == find_language(l.made_from)->source);
      CHECK(l.why_heading.empty());  // articles are made, not written, in it
    } else {
      CHECK_FALSE(is_made_language(l.code));
      CHECK(written_source(l.code) == l.source);
      // An author writes troubleshooting articles in it: they need its P5 headings.
      CHECK_FALSE(l.why_heading.empty());
      CHECK_FALSE(l.avoid_heading.empty());
    }
    CHECK((l.script == "Latn" || l.script == "Cyrl"));
  }
  CHECK(base_language == languages.front().code);
  CHECK(&language_or_base("xx") == &languages.front());
  CHECK(written_source("sr-Cyrl") == "sr");
  CHECK(written_source("xx") == "xx");
  CHECK(stored_code("sr") == "sr-Latn");
  CHECK(source_code("sr-Latn") == "sr");
  CHECK(source_code("xx") == "xx");
  CHECK(find_language("xx") == nullptr);
  CHECK(derived_language("hr").empty());
  CHECK(source_codes_text() == "en, sr, hr, bs or sl");
  CHECK(fallback_chain("sr").front() == "sr-Latn");
  CHECK(fallback_chain("de").front() == "en");
  const auto hr = fallback_chain("hr");
  CHECK(std::vector<std::string_view>(hr.begin(), hr.end()) ==
        std::vector<std::string_view>{"hr", "bs", "sr-Latn", "en", "sl", "sr-Cyrl"});
  const auto sl = fallback_chain("sl");
  CHECK(std::vector<std::string_view>(sl.begin(), sl.end()) ==
        std::vector<std::string_view>{"sl", "hr", "en", "bs", "sr-Latn", "sr-Cyrl"});
}
