// kbc's checks: every malformed input gives "file:line: message" and writes nothing.
#include <algorithm>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "kb/calibration.hpp"
#include "kb/compiler.hpp"
#include "kb/fts_tokenizer.hpp"
#include "kb/knowledge_base.hpp"
#include "kb/statement.hpp"
#include "kb_folder.hpp"
#include "site/config.hpp"

#include <sqlite3.h>
#include <memory>

namespace fs = std::filesystem;
using namespace ha;

namespace {

using test::kb_folder;
using test::messages;

std::string article(const std::string& id, const std::string& lang, const std::string& body,
                    const std::string& extra = "") {
  return "---\nid: " + id + "\ntitle: Title of " + id + "\nlanguage: " + lang +
         "\ncategory: account\naudience: customer\nkind: howto\ntags: [one, two]\n" + extra +
         "---\n" + body;
}

}  // namespace

TEST_CASE("kbc builds a knowledge base that the engine can search", "[kbc]") {
  kb_folder kb;
  kb.write("articles/account/reset.en.md",
           article("reset", "en", "Choose **Forgot password**. See [locked](kb:locked).\n"));
  kb.write("articles/account/reset.sr.md",
           article("reset", "sr", "Izaberite **Zaboravljena lozinka**.\n"));
  kb.write("articles/account/locked.en.md", article("locked", "en", "Wait 15 minutes.\n"));
  const auto r = kb.compile();
  INFO(messages(r).size());
  REQUIRE(r.ok());
  CHECK(r.stats.articles == 2);
  CHECK(r.stats.by_language.at("sr-Latn") == 1);

  auto opened = kb::knowledge_base::open_file(kb.output().string());
  REQUIRE(opened.ok());
  auto found = opened.value().search("zaboravljena lozinka", {});
  REQUIRE(found.ok());
  REQUIRE(found.value().hits.size() == 1);
  CHECK(found.value().hits[0].id == "reset");

  auto a = opened.value().get_article("reset", "en");
  REQUIRE(a.ok());
  CHECK_THAT(a.value().html, Catch::Contains("<strong>Forgot password</strong>"));
  CHECK_THAT(a.value().html, Catch::Contains("href=\"#article/locked\" data-article=\"locked\""));
}

TEST_CASE("an article's text is read out of its HTML, and searched and quoted from it",
          "[kbc]") {
  kb_folder kb;
  kb.write("articles/a/modem.en.md",
           article("modem", "en",
                   "## Before you start\n\nThe modem from AT&T has a \"reset\" hole\nat the back.\n\n"
                   "- Hold it for *ten* seconds.\n- Wait for the green light.\n\n"
                   "| Light | Meaning |\n|---|---|\n| amber | firmware update |\n"));
  REQUIRE(kb.compile().ok());
  {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2(kb.output().c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
    REQUIRE(kb::register_tokenizer(db.get()).ok());
    kb::statement text(db.get(), "SELECT plain_text(html) FROM articles WHERE id = 'modem'");
    REQUIRE(text.step() == SQLITE_ROW);
    CHECK(text.text(0) ==
          "Before you start\nThe modem from AT&T has a \"reset\" hole at the back.\n"
          "Hold it for ten seconds.\nWait for the green light.\nLight\nMeaning\namber\n"
          "firmware update");
  }
  auto opened = kb::knowledge_base::open_file(kb.output().string());
  REQUIRE(opened.ok());
  auto found = opened.value().search("firmware update amber", {});
  REQUIRE(found.ok());
  REQUIRE(found.value().hits.size() == 1);
  // Lines that end without a stop (table cells, headings) are set apart in the snippet.
  CHECK_THAT(found.value().hits[0].snippet_html,
             Catch::Contains("<mark>amber</mark> · <mark>firmware</mark> <mark>update</mark>"));
  CHECK_THAT(found.value().hits[0].snippet_html, Catch::Contains("green light. Light · Meaning"));
  found = opened.value().search("AT&T modem", {});
  REQUIRE(found.ok());
  REQUIRE(!found.value().hits.empty());
  CHECK_THAT(found.value().hits[0].snippet_html, Catch::Contains("AT&amp;T"));
}

TEST_CASE("raw HTML in Markdown is not passed through", "[kbc][security]") {
  kb_folder kb;
  kb.write("articles/a/x.en.md",
           article("x", "en", "Hello <script>alert(1)</script> <img src=x onerror=alert(2)>\n"));
  REQUIRE(kb.compile().ok());
  auto a = kb::knowledge_base::open_file(kb.output().string()).value().get_article("x", "en");
  REQUIRE(a.ok());
  CHECK_THAT(a.value().html, !Catch::Contains("<script"));
  CHECK_THAT(a.value().html, !Catch::Contains("<img"));
  CHECK_THAT(a.value().html, Catch::Contains("&lt;script&gt;"));
}

TEST_CASE("malformed knowledge-base files give file:line errors", "[kbc]") {
  kb_folder kb;
  SECTION("front matter that is not YAML") {
    kb.write("articles/a/x.en.md", "---\nid: x\ntitle: [unclosed\n---\nText\n");
    const auto r = kb.compile();
    REQUIRE(r.errors.size() == 1);
    CHECK_THAT(kb::format(r.errors[0]), Catch::StartsWith(kb.path("articles/a/x.en.md") + ":"));
    CHECK_THAT(r.errors[0].message, Catch::Contains("not valid YAML"));
  }
  SECTION("no front matter") {
    kb.write("articles/a/x.en.md", "Just text\n");
    const auto r = kb.compile();
    REQUIRE(r.errors.size() == 1);
    CHECK(kb::format(r.errors[0]) ==
          kb.path("articles/a/x.en.md") +
              ":1: front matter must start with '---' on the first line");
  }
  SECTION("a missing field and an unknown one") {
    kb.write("articles/a/x.en.md",
             "---\nid: x\ntitle: T\nlanguage: en\ncategory: a\naudience: customer\n"
             "tags: [t]\ncolour: red\n---\nText\n");
    const auto m = messages(kb.compile());
    CHECK_THAT(m,
               Catch::VectorContains(kb.path("articles/a/x.en.md") +
                                     ":8: unknown front matter field 'colour' (known: id, title, "
                                     "language, category, audience, kind, tags, pages)"));
    CHECK_THAT(
        m, Catch::VectorContains(kb.path("articles/a/x.en.md") + ":2: front matter needs 'kind'"));
  }
  SECTION("an unknown language") {
    kb.write("articles/a/x.de.md", article("x", "de", "Text\n"));
    const auto r = kb.compile();
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 4);
    CHECK_THAT(r.errors[0].message, Catch::StartsWith("unknown language 'de'"));
  }
  SECTION("a duplicate id in one language") {
    kb.write("articles/a/x.en.md", article("x", "en", "Text\n"));
    kb.write("articles/b/x.en.md", article("x", "en", "Other text\n"));
    const auto r = kb.compile();
    REQUIRE(r.errors.size() == 1);
    CHECK_THAT(r.errors[0].message, Catch::StartsWith("duplicate id 'x' in language en"));
  }
  SECTION("a broken internal link, on its line") {
    kb.write("articles/a/x.en.md", article("x", "en", "First line.\n\nSee [this](kb:nowhere).\n"));
    const auto r = kb.compile();
    REQUIRE(r.errors.size() == 1);
    CHECK(kb::format(r.errors[0]) ==
          kb.path("articles/a/x.en.md") + ":12: link to a missing article 'kb:nowhere'");
  }
  SECTION("a dangerous link") {
    kb.write("articles/a/x.en.md", article("x", "en", "[click](javascript:alert(1))\n"));
    const auto r = kb.compile();
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 10);
    CHECK_THAT(r.errors[0].message, Catch::Contains("is not allowed"));
  }
  SECTION("a file that is not UTF-8") {
    kb.write("articles/a/x.en.md", article("x", "en", "Line one\nLine \xE8 two\n"));
    const auto r = kb.compile();
    REQUIRE(r.errors.size() == 1);
    CHECK(kb::format(r.errors[0]) ==
          kb.path("articles/a/x.en.md") + ":11: the file is not valid UTF-8 (save it as UTF-8)");
  }
  SECTION("a troubleshooting article without why and how-to-avoid sections") {
    kb.write("articles/a/x.en.md",
             "---\nid: x\ntitle: T\nlanguage: en\ncategory: a\naudience: customer\n"
             "kind: troubleshooting\ntags: [t]\n---\nTry this.\n\n## Why this happens\nReasons.\n");
    const auto m = messages(kb.compile());
    REQUIRE(m.size() == 1);
    CHECK_THAT(m[0], Catch::Contains("needs the section '## How to avoid it'"));
  }
  SECTION("a file name that does not match its id and language") {
    kb.write("articles/a/y.en.md", article("x", "en", "Text\n"));
    const auto r = kb.compile();
    REQUIRE(r.errors.size() == 1);
    CHECK_THAT(r.errors[0].message, Catch::StartsWith("file name should be 'x.en.md'"));
  }
}

TEST_CASE("kbc warns of ekavian forms in Croatian and Bosnian, ijekavian in Serbian", "[kbc]") {
  kb_folder kb;
  kb.write("articles/a/time.sr.md",
           article("time", "sr", "Uvek proverite vreme i sledeće korake.\n\nPromena je uvek moguća.\n"));
  kb.write("articles/a/time.hr.md",
           article("time", "hr", "Uvijek provjerite vrijeme i sljedeće korake.\n\nPromjena je uvijek moguća.\n"));
  SECTION("texts that keep to their variant build without a word") {
    const auto r = kb.compile();
    REQUIRE(r.ok());
    CHECK(r.warnings.empty());
  }
  SECTION("a Bosnian article with Serbian sentences, a Serbian one with a Croatian word") {
    kb.write("articles/a/news.bs.md",
             article("news", "bs", "Sve je u redu.\n\nUvek proverite vreme prije nego što počnete.\n"));
    kb.write("articles/a/news.sr.md", article("news", "sr", "Sve je u redu. Uvijek pitajte.\n"));
    const auto r = kb.compile();
    REQUIRE(r.ok());  // warnings do not stop the build
    std::vector<std::string> got;
    for (const auto& d : r.warnings) got.push_back(kb::format(d));
    CHECK(got == std::vector<std::string>{
                     kb.path("articles/a/news.bs.md") +
                         ":12: warning: ekavian 'uvek' in Bosnian text (the other Croatian and "
                         "Bosnian texts write 'uvijek')",
                     kb.path("articles/a/news.bs.md") +
                         ":12: warning: ekavian 'proverite' in Bosnian text (the other Croatian "
                         "and Bosnian texts write 'provjerite')",
                     kb.path("articles/a/news.bs.md") +
                         ":12: warning: ekavian 'vreme' in Bosnian text (the other Croatian and "
                         "Bosnian texts write 'vrijeme')",
                     kb.path("articles/a/news.sr.md") +
                         ":10: warning: ijekavian 'uvijek' in Serbian text (the other Serbian "
                         "texts write 'uvek')",
                 });
  }
  SECTION("a form the language's own texts choose is no slip: Bosnian 'prevara'") {
    kb.write("articles/a/scam.hr.md", article("scam", "hr", "Čuvajte se prijevare.\n"));
    kb.write("articles/a/scam.sr.md", article("scam", "sr", "Čuvajte se prevare.\n"));
    kb.write("articles/a/scam.bs.md", article("scam", "bs", "Čuvajte se prevare.\n"));
    kb.write("articles/a/sms.hr.md", article("sms", "hr", "Poruka je pokušaj prijevare.\n"));
    kb.write("articles/a/sms.sr.md", article("sms", "sr", "Poruka je pokušaj prevare.\n"));
    kb.write("articles/a/sms.bs.md", article("sms", "bs", "Poruka je pokušaj prevare.\n"));
    auto r = kb.compile();
    REQUIRE(r.ok());
    CHECK(r.warnings.empty());
    // Where the other Bosnian texts write the ijekavian form, the ekavian one is a slip.
    kb.write("articles/a/mail.bs.md", article("mail", "bs", "Lažni mail je vrsta prijevare.\n"));
    kb.write("articles/a/call.bs.md", article("call", "bs", "Lažni poziv je vrsta prijevare.\n"));
    r = kb.compile();
    REQUIRE(r.ok());
    REQUIRE(r.warnings.size() == 2);
    CHECK_THAT(kb::format(r.warnings[0]), Catch::Contains("ekavian 'prevare' in Bosnian text"));
  }
}

TEST_CASE("a failed build leaves the previous database untouched", "[kbc]") {
  kb_folder kb;
  kb.write("articles/a/x.en.md", article("x", "en", "Good text\n"));
  REQUIRE(kb.compile().ok());
  const auto size_before = fs::file_size(kb.output());

  kb.write("articles/a/y.en.md", article("y", "en", "[bad](kb:missing)\n"));
  REQUIRE_FALSE(kb.compile().ok());
  CHECK(fs::file_size(kb.output()) == size_before);
  CHECK(kb::knowledge_base::open_file(kb.output().string()).ok());
  for (const auto& entry : fs::directory_iterator(kb.output().parent_path())) {
    CHECK_THAT(entry.path().filename().string(), !Catch::Contains(".tmp-"));
  }
}

TEST_CASE("kbc --corpus builds from JSON Lines and reports bad lines", "[kbc]") {
  kb_folder kb;
  SECTION("good lines") {
    kb.write(
        "c.jsonl",
        R"({"id": "card_arrival", "lang": "en", "title": "Card arrival", "body": "Where is my card?", "tags": ["card"]})"
        "\n\n"
        R"({"id": "pin", "lang": "sr", "title": "PIN", "body": "Zaboravio sam PIN <b>"})"
        "\n");
    const auto r = kb::compile_corpus(kb.path("c.jsonl"), kb.output());
    REQUIRE(r.ok());
    CHECK(r.stats.articles == 2);
    auto opened = kb::knowledge_base::open_file(kb.output().string());
    REQUIRE(opened.ok());
    auto found = opened.value().search("where is my card", {});
    REQUIRE(found.ok());
    CHECK(found.value().hits.at(0).id == "card_arrival");
    CHECK(opened.value().get_article("pin", "sr-Latn").value().html ==
          "<p>Zaboravio sam PIN &lt;b&gt;</p>");
  }
  SECTION("a line that is not an article") {
    kb.write("c.jsonl",
             "{\"id\": \"a\", \"lang\": \"en\", \"title\": \"A\", \"body\": \"x\"}\n{not json\n");
    const auto r = kb::compile_corpus(kb.path("c.jsonl"), kb.output());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 2);
    CHECK_FALSE(fs::exists(kb.output()));
  }
}

TEST_CASE("kbc --export-corpus writes what kbc --corpus reads back", "[kbc]") {
  kb_folder kb;
  kb.write("articles/a/x.sr.md", article("x", "sr", "Zaboravljena lozinka.\n"));
  kb.write("playbook/p.en.md",
           "---\nid: p\ntitle: P\nlanguage: en\ncategory: playbook\naudience: agent\nkind: guide\n"
           "tags: [t]\n---\nFor agents.\n");
  REQUIRE(kb.compile().ok());
  REQUIRE(kb::export_corpus(kb.output(), kb.path("c.jsonl")).ok());
  const auto again = kb::compile_corpus(kb.path("c.jsonl"), kb.path("again.sqlite"));
  REQUIRE(again.ok());
  CHECK(again.stats.articles == 1);  // agent articles are not exported
  CHECK(again.stats.by_language.at("sr-Cyrl") == 1);
  auto opened = kb::knowledge_base::open_file(kb.path("again.sqlite"));
  REQUIRE(opened.ok());
  CHECK(opened.value().search("лозинка", {}).value().hits.at(0).id == "x");
}

TEST_CASE("synonyms from site.yaml are searched as one word", "[kbc][synonyms]") {
  kb_folder kb;
  kb.write("articles/a/lights.sr.md",
           article("lights", "sr", "Lampice na ruteru pokazuju stanje.\n"));
  kb.write("articles/a/bill.en.md", article("bill", "en", "Your monthly bill explained.\n"));
  kb.write("site.yaml", "synonyms:\n  - [ruter, router, modem]\n  - [Račun, bill]\n");
  REQUIRE(kb.compile().ok());
  auto opened = kb::knowledge_base::open_file(kb.output().string());
  REQUIRE(opened.ok());
  const auto first = [&](const char* q) {
    auto found = opened.value().search(q, {});
    REQUIRE(found.ok());
    REQUIRE_FALSE(found.value().hits.empty());
    return found.value().hits[0];
  };
  CHECK(first("modem ").id == "lights");
  CHECK(first("routeru ").id == "lights");  // an inflected form of a group word
  CHECK(first("računu ").id == "bill");     // diacritics and case do not matter
  CHECK_THAT(first("modem ").snippet_html, Catch::Contains("<mark>ruteru</mark>"));
}

TEST_CASE("site.yaml may set how sure a search must be to answer", "[kbc][confidence]") {
  kb_folder kb;
  kb.write("articles/a/lights.en.md", article("lights", "en", "What the router lights mean.\n"));
  const auto search = [&](const std::string& site) {
    kb.write("site.yaml", site);
    REQUIRE(kb.compile().ok());
    auto opened = kb::knowledge_base::open_file(kb.output().string());
    REQUIRE(opened.ok());
    auto found = opened.value().search("lights blinking orange purple green ", {});
    REQUIRE(found.ok());
    REQUIRE_FALSE(found.value().hits.empty());
    return found.value();
  };
  // One of five words, the others held by no article: the search is sure of it, or not,
  // by the site's number.
  const auto plain = search("languages: [en]\n");
  CHECK(plain.confident == (plain.confidence >= kb::default_confidence_threshold));
  REQUIRE(plain.confidence > 0.1);
  REQUIRE(plain.confidence < 0.95);
  const auto setting = [](double value) { return "search:\n  confidence: " + std::to_string(value) + "\n"; };
  CHECK_FALSE(search(setting(plain.confidence + 0.04)).confident);
  CHECK(search(setting(plain.confidence - 0.04)).confident);
  kb.write("site.yaml", "search:\n  confidence: high\n");
  CHECK_THAT(messages(kb.compile()),
             Catch::VectorContains(kb.path("site.yaml") +
                                   ":2: 'search' takes 'confidence', a number from 0 to 1 (e.g. "
                                   "search: {confidence: 0.6})"));
}

TEST_CASE("site.yaml says how much of the knowledge base is kept for offline use", "[kbc]") {
  kb_folder kb;
  kb.write("articles/a/lights.en.md", article("lights", "en", "What the router lights mean.\n"));
  const auto offline_bytes = [&](const std::string& site) {
    kb.write("site.yaml", site);
    REQUIRE(kb.compile().ok());
    auto opened = kb::knowledge_base::open_file(kb.output().string());
    REQUIRE(opened.ok());
    return opened.value().info().offline_bytes;
  };
  CHECK(offline_bytes("languages: [en]\n") == kb::default_offline_bytes);
  CHECK(offline_bytes("offline:\n  max_mb: 2\n") == 2 * 1024 * 1024);
  CHECK(offline_bytes("offline: {max_mb: 0}\n") == 0);  // only what was searched
  kb.write("site.yaml", "offline:\n  max_mb: lots\n");
  CHECK_THAT(messages(kb.compile()),
             Catch::VectorContains(kb.path("site.yaml") +
                                   ":2: 'offline' takes 'max_mb', the megabytes of knowledge base "
                                   "kept for offline use, 0 to 1024 (e.g. offline: {max_mb: 8})"));
  kb.write("site.yaml", "offline: 8\n");
  CHECK_FALSE(kb.compile().ok());
}

TEST_CASE("kbc measures what a stray match scores from off-topic messages searched in the knowledge base",
          "[kbc][confidence]") {
  kb_folder kb;
  kb.write("articles/a/lights.en.md", article("lights", "en", "What the router lights mean.\n"));
  kb.write("articles/a/bill.en.md", article("bill", "en", "Pay a bill by card or transfer.\n"));
  kb.write("articles/a/bill.sl.md", article("bill", "sl", "Račun plačate s kartico.\n"));
  const auto r = kb.compile();
  REQUIRE(r.ok());
  // One threshold for every knowledge base; the scale is this one's, and the engine uses both.
  CHECK(r.stats.confidence_threshold == Approx(kb::default_confidence_threshold));
  CHECK(r.stats.confidence_scale >= 0);
  auto opened = kb::knowledge_base::open_file(kb.output().string());
  REQUIRE(opened.ok());
  CHECK(opened.value().info().confidence_threshold == Approx(kb::default_confidence_threshold));
  CHECK(opened.value().info().confidence_scale == Approx(r.stats.confidence_scale).margin(1e-5));

  const std::set<std::string> languages = {"en", "sl"};
  const auto calibrated = [&](const std::string& messages) {
    auto c = kb::calibrate_confidence(kb.output().string(), languages, messages);
    REQUIRE(c.ok());
    return c.value();
  };
  // Messages that share no word with any article: no stray match, no scale (the engine
  // then reads the share of words alone).
  const auto unrelated =
      calibrated("en\tbanana bread recipe\nen\twho won the match\nsl\tkje je Bled\n");
  CHECK(unrelated.messages == 3);
  CHECK(unrelated.matched == 0);
  CHECK(unrelated.scale == 0);
  // Languages the knowledge base does not hold are not searched.
  CHECK(calibrated("hr\trouter lights\nbs\tpay a bill\nen\tbanana\n").messages == 1);
  // The median of the best scores, each language weighing alike: English messages that
  // match an article fully, three times as many, do not outweigh Slovenian ones that
  // match a word of it.
  const auto repeat = [](const std::string& line, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += line;
    return out;
  };
  const auto strong = calibrated(repeat("en\trouter lights\n", kb::min_matched)).scale;
  const auto weak = calibrated(repeat("sl\tkartico\n", kb::min_matched)).scale;
  REQUIRE(weak > 0);
  REQUIRE(strong > weak);
  const auto weighed = calibrated(repeat("en\trouter lights\n", 3 * kb::min_matched) +
                                  repeat("sl\tkartico\n", kb::min_matched));
  CHECK(weighed.matched == 4 * kb::min_matched);
  CHECK(weighed.scale == Approx(weak));
  // Too few matches tell no typical score.
  CHECK(calibrated(repeat("en\trouter lights\n", kb::min_matched - 1)).scale == 0);
}

TEST_CASE("a malformed site.yaml gives file:line errors", "[kbc][synonyms]") {
  kb_folder kb;
  kb.write("articles/a/x.en.md", article("x", "en", "Text\n"));
  SECTION("a group of one word and an entry of two words") {
    kb.write("site.yaml", "synonyms:\n  - [ruter]\n  - [sign in, login]\n");
    const auto m = messages(kb.compile());
    CHECK_THAT(m, Catch::VectorContains(kb.path("site.yaml") +
                                        ":2: a synonym group is a list of at least two words, e.g. "
                                        "[ruter, router]"));
    CHECK_THAT(m, Catch::VectorContains(kb.path("site.yaml") +
                                        ":3: synonym 'sign in' must be a single word"));
    CHECK_FALSE(fs::exists(kb.output()));
  }
  SECTION("not YAML") {
    kb.write("site.yaml", "synonyms: [ruter, [router\n");
    const auto r = kb.compile();
    REQUIRE(r.errors.size() == 1);
    CHECK_THAT(r.errors[0].message, Catch::StartsWith("not valid YAML"));
  }
}

TEST_CASE("signals.yaml and spelling.keep are checked with file:line errors, and kept",
          "[kbc][signals]") {
  kb_folder kb;
  kb.write("articles/a/bill.en.md", article("bill", "en", "Your monthly bill explained.\n"));
  SECTION("the speller keeps the real words the dictionaries know, and the names listed") {
    // "eden" is one letter from "teden" (week), which is no typo of it.
    kb.write("articles/a/week.sl.md",
             article("week", "sl", "Paket prispe v eden ali dveh dneh.\n"));
    kb.write("site.yaml", "spelling:\n  keep: [novabox]\n");
    const char* before = std::getenv("HA_DICTIONARIES");
    const std::string saved = before ? before : "";
    setenv("HA_DICTIONARIES", "/usr/share/hunspell", 1);
    const auto r = kb.compile();
    setenv("HA_DICTIONARIES", saved.c_str(), 1);
    REQUIRE(r.ok());
    auto opened = kb::knowledge_base::open_file(kb.output().string());
    REQUIRE(opened.ok());
    const auto corrected = [&](const char* q) {
      return opened.value().search(q, {}).value().corrected;
    };
    // tools/setup.sh installs the dictionaries: without them this test must fail.
    REQUIRE(r.stats.dictionaries.size() == 5);
    CHECK(corrected("teden ") == "");
    CHECK(corrected("paekt ") == "paket ");
    CHECK(corrected("novabox ") == "");
    CHECK(corrected("iphone ") == "");
  }
  SECTION("a valid file: its phrases and names reach the knowledge base") {
    kb.write("signals.yaml",
             "repeat_contact:\n  en: [third time]\n  sl: [že tretjič]\n"
             "insult:\n  sr: [lopovi jedni]\n");
    kb.write("site.yaml", "spelling:\n  keep: [novabox]\n");
    REQUIRE(kb.compile().ok());
    auto opened = kb::knowledge_base::open_file(kb.output().string());
    REQUIRE(opened.ok());
    CHECK(opened.value().signal_phrases().size() == 3);
    const auto found = opened.value().signal_phrases().find("Pišem vam ŽE TRETJIČ");
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == "repeat_contact");
    kb::search_options options;
    CHECK(opened.value().search("novabox ", options).value().corrected.empty());
  }
  SECTION("unknown kinds and languages, empty phrases, a bad keep list") {
    kb.write("signals.yaml",
             "repeat_contact:\n  de: [dritte mal]\n  en: ['!!']\nannoyed:\n  en: [meh]\n");
    kb.write("site.yaml", "spelling:\n  keep: [nova box]\n");
    const auto m = messages(kb.compile());
    const std::string signals = kb.path("signals.yaml"), site = kb.path("site.yaml");
    CHECK_THAT(m, Catch::VectorContains(signals +
                                        ":2: unknown language 'de' (known: en, sr, hr, bs or sl)"));
    CHECK_THAT(m, Catch::VectorContains(signals + ":3: a phrase must hold at least one word"));
    CHECK_THAT(m, Catch::VectorContains(
                      signals +
                      ":4: unknown kind 'annoyed' (known: repeat_contact, insult, angry_words)"));
    CHECK_THAT(
        m, Catch::VectorContains(site + ":2: 'nova box' in spelling.keep must be a single word"));
    CHECK_FALSE(fs::exists(kb.output()));
  }
}

TEST_CASE("a map where a list belongs is a file:line error, never an abort", "[kbc]") {
  kb_folder kb;
  kb.write("articles/a/x.en.md", article("x", "en", "Text\n"));
  const std::string site = kb.path("site.yaml");
  SECTION("site.yaml languages") {
    kb.write("site.yaml", "languages: {en: x}\n");
    CHECK_THAT(
        messages(kb.compile()),
        Catch::VectorContains(site + ":1: 'languages' must be a list, e.g. [en, sr, hr, sl]"));
  }
  SECTION("a team's categories") {
    kb.write("site.yaml",
             "teams:\n  billing:\n    name: {en: Billing}\n    categories: {billing: x}\n");
    CHECK_THAT(messages(kb.compile()),
               Catch::VectorContains(
                   site + ":4: team 'billing': 'categories' is a list, e.g. [billing, contract]"));
  }
  SECTION("a team's fields") {
    kb.write("site.yaml",
             "teams:\n  orders:\n    name: {en: Orders}\n    fields:\n"
             "      - {id: order_number, label: {en: Order number}, pattern: \"^[0-9\"}\n"
             "      - {id: Order-Nr, label: {en: x}}\n"
             "      - {id: note, pattern: x}\n");
    const auto found = messages(kb.compile());
    const std::string bad_pattern =
        site + ":5: field 'order_number': pattern '^[0-9' is not a regular expression (";
    CHECK(std::any_of(found.begin(), found.end(),
                      [&](const std::string& m) { return m.rfind(bad_pattern, 0) == 0; }));
    CHECK_THAT(found, Catch::VectorContains(
                          site + ":6: field id 'Order-Nr' may use only a-z, 0-9 and '_'"));
    CHECK_THAT(found,
               Catch::VectorContains(site + ":7: field 'note' needs 'label' with at least en, e.g. "
                                            "{en: Order number, sr: Broj porudžbine}"));
  }
  SECTION("a flow's pages") {
    kb.write("flows/x-fix.yaml", "id: x-fix\npages: {a: b}\n");
    CHECK_THAT(messages(kb.compile()),
               Catch::VectorContains(kb.path("flows/x-fix.yaml") +
                                     ":2: 'pages' must be a list, e.g. [/internet]"));
  }
  SECTION("front matter of any shape") {
    for (const char* front :
         {"tags: {a: b}\n", "tags: [[a]]\n", "id: [x]\n", "language: {a: 1}\n"}) {
      kb.write("articles/a/y.en.md", "---\n" + std::string(front) + "---\nText\n");
      INFO(front);
      CHECK_FALSE(kb.compile().ok());
    }
  }
  CHECK_FALSE(fs::exists(kb.output()));
}

TEST_CASE("site.yaml's handoff settings are checked line by line", "[kbc][handoff]") {
  kb_folder kb;
  kb.write("articles/a/x.en.md", article("x", "en", "Text\n"));
  const std::string good_zone =
      "time_zone: {name: Europe/Belgrade, rule: \"CET-1CEST,M3.5.0,M10.5.0/3\"}\n";
  const auto errors_for = [&](const std::string& yaml) {
    kb.write("site.yaml", yaml);
    return messages(kb.compile());
  };
  const std::string site = kb.path("site.yaml");

  SECTION("a good configuration is stored for the engine") {
    CHECK(errors_for(
              good_zone +
              "holidays:\n  - {date: 2026-12-25, name: Christmas}\n"
              "channels:\n  - {type: local, reply_within: 1h30m}\n  - {type: download}\n"
              "teams:\n  billing:\n    name: {en: Billing}\n"
              "    hours: {mon-fri: \"08:00-16:00\", sat: [\"09:00-11:00\", \"12:00-13:00\"]}\n"
              "    categories: [billing, contract]\n")
              .empty());
    auto opened = kb::knowledge_base::open_file(kb.output().string());
    REQUIRE(opened.ok());
    const auto& settings = opened.value().handoff_config();
    CHECK(settings.zone_name == "Europe/Belgrade");
    REQUIRE(settings.holidays.size() == 1);
    CHECK(settings.find_channel("local")->reply_within == 90);
    CHECK(settings.find_channel("download")->reply_within == -1);
    const auto& week = settings.teams.at("billing");
    CHECK(week[1].size() == 1);  // Monday
    CHECK(week[6].size() == 2);  // Saturday: two spans
    CHECK(week[0].empty());      // Sunday: closed
    CHECK(settings.category_teams.at("contract") == "billing");
  }
  SECTION("each mistake names its line") {
    const auto m = errors_for(
        "time_zone: {name: X, rule: \"CET\"}\n"                              // 1
        "holidays:\n  - {date: 2026-02-30}\n"                                // 2-3
        "channels:\n"                                                        // 4
        "  - {type: pigeon}\n"                                               // 5
        "  - {type: webhook, reply_within: 2h}\n"                            // 6
        "  - {type: email, address: help@example.com}\n"                     // 7
        "  - {type: local, reply_within: soon}\n"                            // 8
        "teams:\n  billing:\n    name: {en: Billing}\n"                      // 9-11
        "    hours: {mon-fri: \"16:00-08:00\", someday: \"08:00-09:00\"}\n"  // 12
        "  orders:\n    name: {en: Orders}\n"
        "    categories: [x, x]\n");  // 13-15
    const auto has = [&](const std::string& line_and_message) {
      INFO(line_and_message);
      for (const auto& s : m) INFO(s);
      CHECK(std::any_of(m.begin(), m.end(), [&](const std::string& s) {
        return s.rfind(site + ":" + line_and_message, 0) == 0;
      }));
    };
    has("1: time zone rule: ");
    has("3: holiday '2026-02-30': ");
    has("5: channel type 'pigeon' is unknown");
    has("6: a webhook needs 'url'");
    has("7: channel 'email' needs 'reply_within'");
    has("8: reply_within: ");
    has("12: '16:00-08:00': ");
    has("12: 'someday' is not a day or a range of days");
    has("13: team 'orders' needs 'hours'");
    has("15: category 'x' already belongs to team 'orders'");
    CHECK_FALSE(fs::exists(kb.output()));
  }
}

TEST_CASE("kbc --stats counts articles by audience, language and kind", "[kbc]") {
  kb_folder kb;
  kb.write("articles/a/x.sr.md", article("x", "sr", "Tekst.\n"));
  kb.write("articles/a/x.en.md", article("x", "en", "Text.\n"));
  const auto r = kb.compile();
  REQUIRE(r.ok());
  const std::string json = kb::stats_json(r.stats);
  CHECK_THAT(json, Catch::Contains(R"("sr-Cyrl": 1)"));
  CHECK_THAT(json, Catch::Contains(R"("customer": {)"));
  CHECK_THAT(json, Catch::Contains(R"("howto": 1)"));
  CHECK(r.stats.by_audience_language.at("customer").at("en") == 1);
}

TEST_CASE("site.yaml's company reaches the page as a module, its phone hours checked",
          "[kbc][site]") {
  kb_folder kb;
  kb.write("articles/a/lights.en.md", article("lights", "en", "What the router lights mean.\n"));
  kb.write("site.yaml",
           "company:\n"
           "  name: Kestrel </script> Telecom\n"
           "  phone: \"01 555 0100\"\n"
           "  phone_free: false\n"
           "  phone_abroad: \"+386 1 555 0100\"\n"
           "  phone_hours: {mon-fri: \"08:00-16:00\", sat: [\"09:00-12:00\", \"13:00-15:00\"]}\n"
           "  email: help@kestrel.example\n"
           "time_zone: {name: Europe/Ljubljana, rule: \"CET-1CEST,M3.5.0,M10.5.0/3\"}\n"
           "holidays: [{date: 2026-12-25, name: Christmas}, {date: 2026-12-26, name: Independence "
           "Day}]\n");
  REQUIRE(kb.compile().ok());
  auto module = kb::site_module(kb.output());
  REQUIRE(module.ok());
  const std::string& js = module.value();
  CHECK_THAT(js, Catch::StartsWith("// Written by kbc from site.yaml"));
  CHECK_THAT(js, Catch::Contains("export const site = {\"company\":{"));
  CHECK_THAT(js, Catch::Contains("\"phone\":\"01 555 0100\""));
  CHECK_THAT(js, Catch::Contains("\"phone_free\":false"));
  CHECK_THAT(js, Catch::Contains("\"phone_abroad\":\"+386 1 555 0100\""));
  CHECK_THAT(js, Catch::Contains("\"sat\":[\"09:00-12:00\",\"13:00-15:00\"]"));
  CHECK_THAT(js, Catch::Contains("\"fri\":[\"08:00-16:00\"]"));
  CHECK_THAT(js, !Catch::Contains("</script>"));  // safe inside any page
  CHECK_THAT(js, Catch::Contains("Kestrel <\\/script> Telecom"));
  // The phone's hours are the teams' clock: the page names it to a reader elsewhere.
  CHECK_THAT(js, Catch::Contains("\"timeZone\":\"Europe/Ljubljana\""));
  // On the teams' holidays the line is shut too: the page says so.
  CHECK_THAT(js, Catch::Contains("\"holidays\":[\"2026-12-25\",\"2026-12-26\"]"));

  kb.write("site.yaml", "company:\n  name: X\n  phone_free: yes please\n  phone_hours: {weekdays: \"08:00-16:00\"}\n");
  const auto said = messages(kb.compile());
  CHECK_THAT(said, Catch::VectorContains(kb.path("site.yaml") + ":3: company 'phone_free' is true or false"));
  CHECK_THAT(said, Catch::VectorContains(kb.path("site.yaml") +
                                         ":4: 'weekdays' is not a day or a range of days (mon … sun, e.g. mon-fri)"));

  // No company in site.yaml: an empty one, never an error; the languages it lists.
  kb.write("site.yaml", "languages: [en]\n");
  REQUIRE(kb.compile().ok());
  CHECK_THAT(kb::site_module(kb.output()).value(),
             Catch::Contains(
                 "export const site = "
                 "{\"company\":{},\"holidays\":[],\"languages\":[\"en\"],\"timeZone\":\"\"};"));
  kb.write("site.yaml", "synonyms:\n  - [ruter, router]\n");
  REQUIRE(kb.compile().ok());
  CHECK_THAT(
      kb::site_module(kb.output()).value(),
      Catch::Contains("export const site = "
                      "{\"company\":{},\"holidays\":[],\"languages\":[],\"timeZone\":\"\"};"));
  CHECK_FALSE(kb::site_module(kb.path("nothing-here.sqlite")).ok());
}
