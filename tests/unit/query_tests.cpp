#include <catch2/catch.hpp>

#include "kb/query.hpp"

using ha::kb::build_match;

TEST_CASE("customer text is rebuilt as quoted words, never passed to MATCH raw", "[query]") {
  SECTION("FTS5 operators become ordinary words") {
    CHECK(build_match("ruter NOT modem ").expression == R"("ruter" OR "modem")");
    CHECK(build_match("ruter NEAR modem ").expression == R"("ruter" OR "NEAR" OR "modem")");
    CHECK(build_match("\"a\" * ( ) : ^ NEAR(x y) ").expression == R"("NEAR" OR "x" OR "y")");
  }
  SECTION("the last word is also a prefix while the customer is typing") {
    CHECK(build_match("zaboravio lozi").expression == R"("zaboravio" OR "lozi" OR "lozi"*)");
    CHECK(build_match("zaboravio lozinku?").expression == R"("zaboravio" OR "lozinku")");
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
