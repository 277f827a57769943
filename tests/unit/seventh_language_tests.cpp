// A seventh content language, added as a row of the language table and data files only
// (tests/fixtures/seventh-language: the row, a catalogue of handoff-summary words, the
// words that tell it in a customer's message). Built
// with that table by tools/test.sh (CMake: HA_LANGUAGE_FIXTURE); everything here must work
// without a line of the core changed. The language, "qaa" (ISO 639's codes for local use),
// writes made-up English.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "common/languages.hpp"
#include "handoff/summary_words.hpp"
#include "kb/compiler.hpp"
#include "kb/knowledge_base.hpp"
#include "kb_folder.hpp"
#include "text/langid.hpp"

namespace fs = std::filesystem;
using namespace ha;

namespace {

constexpr std::string_view seventh = "qaa";

using test::kb_folder;
using test::messages;

std::string article(const std::string& id, const std::string& lang, const std::string& title,
                    const std::string& kind, const std::string& body) {
  return "---\nid: " + id + "\ntitle: " + title + "\nlanguage: " + lang +
         "\ncategory: internet\naudience: customer\nkind: " + kind + "\ntags: [modem]\n---\n" +
         body;
}

}  // namespace

TEST_CASE("the seventh language is a row of the table like the others", "[seventh]") {
  REQUIRE(languages.size() == 7);
  const language* l = find_language(seventh);
  REQUIRE(l != nullptr);
  CHECK(is_content_language(seventh));
  CHECK(stored_code(seventh) == seventh);
  CHECK(std::find(content_languages.begin(), content_languages.end(), seventh) !=
        content_languages.end());
  // kbc's messages name it among the languages an author may write.
  CHECK_THAT(std::string(source_codes_text()), Catch::EndsWith("sl or qaa"));
  // Its chain: itself, the languages its row names, then the rest in the table's order.
  const auto chain = fallback_chain(seventh);
  CHECK(std::vector<std::string_view>(chain.begin(), chain.end()) ==
        std::vector<std::string_view>{"qaa", "en", "sl", "sr-Latn", "sr-Cyrl", "hr", "bs"});
  // And every other language's chain now ends with it.
  for (const language& other : languages) {
    INFO(other.code);
    CHECK(fallback_chain(other.code).size() == languages.size());
    if (other.code != seventh) CHECK(fallback_chain(other.code).back() == seventh);
  }
}

TEST_CASE("the page's copy of the table has the seventh language", "[seventh]") {
  const std::string module = kb::language_module();
  CHECK_THAT(module, Catch::Contains(R"("autonym":"Testiš","code":"qaa")"));
  CHECK_THAT(module,
             Catch::Contains(R"("fallback":["qaa","en","sl","sr-Latn","sr-Cyrl","hr","bs"])"));
}

TEST_CASE("the seventh language's handoff summary reads its own catalogue", "[seventh]") {
  CHECK(handoff::summary_catalogue_problems(handoff::summary_word_files).empty());
  const auto& words = handoff::summary_words_for(seventh);
  CHECK(words.case_word == "Kais");
  CHECK(words.problem == "Problem hir");
  CHECK(words.contact == handoff::summary_words_for("en").contact);  // inherited
}

TEST_CASE("the seventh language is told from a customer's words by its data file", "[seventh]") {
  CHECK(text::langid_file_problems().empty());
  REQUIRE(text::identified_languages.size() == 6);
  CHECK(text::identified_languages.back() == seventh);
  // On a page in English, in the page's default language, and with nothing set.
  for (const char* current : {"en", ""}) {
    INFO(current);
    CHECK(text::identify_language("de modem lait iz red", current, nullptr).lang == seventh);
    CHECK(text::identify_language("wai dis hapens", current, nullptr).lang == seventh);
    CHECK(text::identify_language("the modem light is red", current, nullptr).lang == "en");
  }
  // The five languages before it are told as before.
  CHECK(text::identify_language("paket ni prispel, čakam že teden dni", "en", nullptr).lang ==
        "sl");
  CHECK(text::identify_language("gdje mogu vidjeti račun za prošli tjedan", "en", nullptr).lang ==
        "hr");
}

TEST_CASE("kbc builds the seventh language's articles and the engine finds them", "[seventh]") {
  kb_folder kb;
  const std::string why = "\n\n## Wai dis hapens\nDe kabel iz lous.\n\n## Hau tu avoyd it\nKip it tait.\n";
  kb.write("articles/internet/modem.en.md",
           article("modem", "en", "The modem light is red", "troubleshooting",
                   "Restart the modem.\n\n## Why this happens\nA loose cable.\n\n"
                   "## How to avoid it\nKeep it tight.\n"));
  kb.write("articles/internet/modem.qaa.md",
           article("modem", "qaa", "De modem lait iz red", "troubleshooting",
                   "Ristart de modem." + why));
  kb.write("articles/internet/speed.en.md",
           article("speed", "en", "Slow internet in the evening", "howto",
                   "Evening traffic slows the modem down.\n"));

  SECTION("a troubleshooting article needs the headings of its own language") {
    kb.write("articles/internet/modem.qaa.md",
             article("modem", "qaa", "De modem lait iz red", "troubleshooting",
                     "Ristart de modem.\n\n## Why this happens\nA loose cable.\n"));
    const auto r = kb.compile();
    CHECK_FALSE(r.ok());
    const auto m = messages(r);
    CHECK(std::any_of(m.begin(), m.end(), [](const std::string& s) {
      return s.find("modem.qaa.md") != std::string::npos &&
             s.find("'## Wai dis hapens'") != std::string::npos;
    }));
  }

  SECTION("a customer writing it finds its article, and English where it has none") {
    const auto r = kb.compile();
    INFO(messages(r).size());
    REQUIRE(r.ok());
    CHECK(r.stats.by_language.at(std::string(seventh)) == 1);
    auto opened = kb::knowledge_base::open_file(kb.output().string());
    REQUIRE(opened.ok());
    kb::search_options options;
    options.lang = std::string(seventh);
    options.include_flows = false;
    auto found = opened.value().search("modem lait", options);
    REQUIRE(found.ok());
    REQUIRE_FALSE(found.value().hits.empty());
    CHECK(found.value().hits[0].id == "modem");
    CHECK(found.value().hits[0].lang == seventh);
    CHECK(found.value().hits[0].title == "De modem lait iz red");
    // Its words say which language the customer writes, on a page in English too.
    kb::search_options from_english = options;
    from_english.lang = "en";
    auto told = opened.value().search("de modem lait iz red", from_english);
    REQUIRE(told.ok());
    CHECK(told.value().query_lang == seventh);
    CHECK(told.value().hits[0].lang == seventh);
    // "speed" has no version in it: the next language of its chain, English.
    auto evening = opened.value().search("evening", options);
    REQUIRE(evening.ok());
    REQUIRE_FALSE(evening.value().hits.empty());
    CHECK(evening.value().hits[0].id == "speed");
    CHECK(evening.value().hits[0].lang == "en");
    auto read = opened.value().get_article("modem", std::string(seventh));
    REQUIRE(read.ok());
    CHECK(read.value().lang == seventh);
  }
}
