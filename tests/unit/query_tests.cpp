#include <catch2/catch.hpp>

#include "kb/fts_tokenizer.hpp"
#include "kb/query.hpp"

using ha::kb::build_match;
using ha::kb::neighbour_query;
using ha::kb::pair_token;
using ha::kb::completed_from_table;
using ha::kb::completions_marker;
using ha::kb::fts_match;
using ha::kb::match_expression;
using ha::kb::query_word;
using ha::kb::query_words;

TEST_CASE("customer text is rebuilt as quoted words, never passed to MATCH raw", "[query]") {
  SECTION("FTS5 operators become ordinary words") {
    // Two neighbouring words are also searched as a neighbour token (fts_tokenizer.hpp).
    const auto beside = [](const char* left, const char* right) {
      return R"( OR ")" + neighbour_query(left, right) + '"';
    };
    CHECK(build_match("ruter NEAR modem ").expression == R"("ruter" OR "modem")");  // syntax
    CHECK(build_match("ruter near modem ").expression ==
          R"("ruter" OR "near" OR "modem")" + beside("ruter", "near") + beside("near", "modem"));
    CHECK(build_match("\"x\" * ( ) : ^ NEAR(wifi kabl) ").expression ==
          R"("x" OR "wifi" OR "kabl")" + beside("wifi", "kabl"));
    // NOT is a stopword ("not"): searched only in its pairs, never as an operator.
    CHECK(build_match("ruter NOT modem ").expression ==
          R"("ruter" OR "modem" OR ")" + pair_token("ruter", "not") + R"(" OR ")" +
              pair_token("not", "modem") + '"');
  }
  SECTION("the last word is also a prefix while the customer is typing") {
    CHECK(build_match("zaboravio lozin").expression == R"("zaboravio" OR "lozin" OR "lozin"*)");
    CHECK(build_match("zaboravio lozinku?").expression ==
          R"("zaboravio" OR "lozinku" OR ")" + neighbour_query("zaboravio", "lozinku") + '"');
    // From two letters on: one letter (Latin or Cyrillic) is only itself.
    CHECK(build_match("lozinka b").expression == R"("lozinka" OR "b")");
    CHECK(build_match("lozinka б").expression == R"("lozinka" OR "б")");
    CHECK(build_match("lozinka za").expression == R"("lozinka" OR "za")");
  }
  SECTION("two to four letters being typed are searched as their completions") {
    std::vector<query_word> words = query_words("lozinka ro");
    words.back().completions = {"router", "route"};
    const fts_match match = match_expression(words, false);
    CHECK(match.expression == "\"lozinka\" OR \"ro\" OR \"" + std::string(1, completions_marker) +
                                  "router route\"");
    CHECK(match.first_pair == 3);  // the word and its completions are two phrases
    CHECK(match_expression(words, true).expression ==
          "\"lozinka\" AND (\"ro\" OR \"" + std::string(1, completions_marker) + "router route\")");
    CHECK(completed_from_table("ro"));
    CHECK(completed_from_table("руt"));
    CHECK(completed_from_table("rout"));
    CHECK_FALSE(completed_from_table("r"));
    CHECK_FALSE(completed_from_table("route"));
  }
  SECTION("the rank function learns where the pair tokens' phrases begin") {
    // Stopwords are not phrases of their own: "say" and "hello" are phrases 0 and 1.
    // The pair tokens' phrases come after the words' (the typed word has two).
    CHECK(build_match("how do i say hello ").first_pair == 2);
    CHECK(build_match("how do i lozin").first_pair == 2);
  }
  SECTION("text without words gives no query") {
    CHECK(build_match("").words == 0);
    CHECK(build_match("?!* \"\" 😡 ...").words == 0);
    CHECK(build_match(std::string("\0\0\0", 3)).words == 0);
  }
  SECTION("long input is bounded") {
    std::string huge;
    for (int i = 0; i < 100000; ++i) huge += "word ";
    const auto q = build_match(huge);
    CHECK(q.words == ha::kb::max_query_words);
    CHECK(q.expression.size() < 1000);
  }
}

TEST_CASE("snippets mark every form of the searched words", "[query][snippet]") {
  const std::string text =
      "Uvod koji nije važan. Ako ste zaboravili lozinku, otvorite stranicu za prijavu "
      "i izaberite opciju za novu lozinku. Ostatak teksta <b> nije bitan za ovo pitanje.";
  SECTION("inflected forms and a word still being typed are marked, the rest is cut") {
    const auto q = build_match("lozinka zabora");
    const std::string html = ha::kb::snippet_html(text, q.snippet, 8);
    CHECK(html ==
          "…Ako ste <mark>zaboravili</mark> <mark>lozinku</mark>, otvorite stranicu za "
          "prijavu…");
  }
  SECTION("text is escaped") {
    const auto q = build_match("ostatak ");
    CHECK_THAT(ha::kb::snippet_html(text, q.snippet, 6), Catch::Contains("&lt;b&gt;"));
  }
  SECTION("no match shows the start") {
    const auto q = build_match("ruter ");
    CHECK(ha::kb::snippet_html(text, q.snippet, 4) == "Uvod koji nije važan.…");
  }
}
