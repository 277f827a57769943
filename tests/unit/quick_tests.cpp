// The first-answer index (kb/quick_index.hpp): what answers a customer's first searches
// while the whole engine downloads. It must find what the whole search finds, in the
// customer's language, ask only for the files a search needs, and treat damaged files
// as errors, never as a crash.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>

#include "fixtures.hpp"
#include "kb/knowledge_base.hpp"
#include "kb/quick_index.hpp"
#include "kb/quick_writer.hpp"

using namespace ha;
using kb::quick_index;

namespace {

// An index written in memory: file name → unzipped bytes, and the head.
struct written_index {
  std::map<std::string, std::string> files;
  std::string head;
};

written_index write_index(const std::string& image) {
  written_index out;
  auto written = kb::write_quick_index(image, [](std::string_view bytes) {
    return std::to_string(std::hash<std::string_view>{}(bytes));
  });
  if (!written.ok()) FAIL(written.err().message);
  for (const auto& [name, bytes] : written.value().files) out.files[name] = bytes;
  REQUIRE(out.files.size() == written.value().files.size());
  out.head = written.value().head;
  return out;
}

// The worker's part: search, add the files asked for, search again. Counts the rounds.
kb::search_response search(quick_index& index, const written_index& files,
                           const std::string& query, const kb::search_options& options,
                           int* rounds = nullptr) {
  for (int round = 0;; ++round) {
    auto answer = index.search(query, options);
    if (answer.missing.empty()) {
      if (rounds != nullptr) *rounds = round;
      return answer.found;
    }
    REQUIRE(answer.found.hits.empty());
    for (const std::string& name : answer.missing) {
      REQUIRE(files.files.count(name) == 1);
      REQUIRE(index.add(name, files.files.at(name)).ok());
    }
    REQUIRE(round < 3);
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

kb::search_options in(const char* lang) {
  kb::search_options options;
  options.lang = lang;
  options.limit = 8;
  return options;
}

}  // namespace

TEST_CASE("the first answer finds the article the whole search finds first", "[kb][quick]") {
  // The demo knowledge base, when the build made it (tools/build.sh runs before the
  // tests); the small help center otherwise.
  std::string image = read_file(std::string(HA_SOURCE_DIR) + "/build/site/kb.sqlite");
  const bool demo = !image.empty();
  if (!demo) image = test::make_kb_image(test::small_help_center());
  auto whole = kb::knowledge_base::open_image(image);
  REQUIRE(whole.ok());
  const written_index files = write_index(image);
  auto index = quick_index::open(files.head);
  REQUIRE(index.ok());
  // Every file kbc wrote reads back (a shard's last term may share more bytes with the
  // one before than the file has left: that once made a shard unreadable).
  {
    auto every = quick_index::open(files.head);
    REQUIRE(every.ok());
    for (const auto& [name, bytes] : files.files) {
      INFO(name);
      CHECK(every.value().add(name, bytes).ok());
    }
  }

  // Customers' first questions, in every language, some still being typed.
  const std::vector<std::pair<std::string, const char*>> questions = {
      {"forgot password", "en"},
      {"reset my passw", "en"},
      {"router lights blinking", "en"},
      {"internet not working", "en"},
      {"how do i pay my bill", "en"},
      {"cancel contract", "en"},
      {"zaboravio sam lozinku", "sr-Latn"},
      {"ruter ne radi", "sr-Latn"},
      {"заборавио сам лозинку", "sr-Cyrl"},
      {"рачун за интернет", "sr-Cyrl"},
      {"ne radi mi internet", "hr"},
      {"kako platiti račun", "bs"},
      {"pozabil sem geslo", "sl"},
      {"internet ne dela", "sl"},
      {"roaming abroad", "en"},
      {"change wifi password", "en"},
      {"ne radi mi tv", "sr-Latn"},
      {"internet not working for two days", "en"},
      {"ne radi mi wifi", "bs"},
  };
  int same_first = 0;
  int asked = 0;
  for (const auto& [query, lang] : questions) {
    INFO(query << " / " << lang);
    const auto expected = whole.value().search(query, in(lang));
    REQUIRE(expected.ok());
    const auto got = search(index.value(), files, query, in(lang));
    CHECK_FALSE(got.confident);  // judging how sure is the whole engine's part
    CHECK(got.lang == expected.value().lang);
    if (expected.value().hits.empty()) continue;
    ++asked;
    REQUIRE_FALSE(got.hits.empty());
    if (got.hits[0].id != expected.value().hits[0].id) {
      std::printf("first answer: %s: %s (whole search: %s)\n", query.c_str(), got.hits[0].id.c_str(),
                  expected.value().hits[0].id.c_str());
      continue;
    }
    ++same_first;
    // Shown in the language the whole search shows it in.
    CHECK(got.hits[0].lang == expected.value().hits[0].lang);
  }
  // Measured on the demo: the same first hit for 12 of these 16 (the index stores one stem
  // per word where the whole one stores four, leaves out pairs found once, and has no
  // title neighbour tokens); the others are close calls, and the whole search replaces the
  // first answer as soon as it is ready.
  CAPTURE(same_first, asked);
  if (demo) CHECK(same_first * 10 >= asked * 7);
  if (demo) std::printf("first answer: the same first hit as the whole search for %d of %d questions\n", same_first, asked);
}

TEST_CASE("the first answer asks for the files a search needs, once", "[kb][quick]") {
  const std::string image = test::make_kb_image(test::small_help_center());
  const written_index files = write_index(image);
  auto index = quick_index::open(files.head);
  REQUIRE(index.ok());
  int rounds = 0;
  const auto first = search(index.value(), files, "reset password", in("en"), &rounds);
  CHECK(rounds == 1);  // the term shards and the texts together, in one round
  REQUIRE_FALSE(first.hits.empty());
  CHECK(first.hits[0].id == "reset-password");
  CHECK(first.hits[0].snippet_html.find("<mark>") != std::string::npos);
  const auto again = search(index.value(), files, "reset password", in("en"), &rounds);
  CHECK(rounds == 0);
  REQUIRE(again.hits.size() == first.hits.size());

  // Agent-only articles are not shown to customers; flows only when asked for.
  for (const auto& hit : again.hits) CHECK(hit.audience == "customer");
  kb::search_options agent = in("en");
  agent.include_agent = true;
  bool agent_found = false;
  for (const auto& hit : search(index.value(), files, "calm upset customer", agent).hits) {
    agent_found = agent_found || hit.audience == "agent";
  }
  CHECK(agent_found);

  // A Serbian customer typing Cyrillic reads the Cyrillic version.
  const auto cyrillic = search(index.value(), files, "лозинка", in("sr-Latn"));
  REQUIRE_FALSE(cyrillic.hits.empty());
  CHECK(cyrillic.lang == "sr-Cyrl");
  CHECK(cyrillic.hits[0].lang == "sr-Cyrl");

  // Words nobody wrote, stopwords alone, operators and nothing at all: no hits, no error.
  for (const char* text : {"xyzzy qwerty", "the and of", "\"*(^", "", "   "}) {
    INFO(text);
    CHECK(search(index.value(), files, text, in("en")).hits.empty());
  }
  CHECK(index.value().add("no-such-file.bin", "x").err().code == errc::invalid_argument);
}

TEST_CASE("every file of a first-answer index reads back, however its terms fall", "[kb][quick]") {
  // Many long words that share most of their letters, each in one article: shards end on
  // a word that shares more letters with the one before than the shard has bytes left.
  std::vector<test::kb_row> rows;
  for (int a = 0; a < 120; ++a) {
    std::string body;
    for (int w = 0; w < 40; ++w) body += "telekomunikacijskoj" + std::to_string(a * 40 + w) + "x ";
    rows.push_back({"a" + std::to_string(a), "hr", "Naslov " + std::to_string(a), "general",
                    "customer", "howto", "", body});
  }
  const written_index files = write_index(test::make_kb_image(rows));
  CHECK(files.files.size() > 3);
  auto index = quick_index::open(files.head);
  REQUIRE(index.ok());
  for (const auto& [name, bytes] : files.files) {
    INFO(name);
    CHECK(index.value().add(name, bytes).ok());
  }
  const auto found = search(index.value(), files, "telekomunikacijskoj4000x", in("hr"));
  REQUIRE_FALSE(found.hits.empty());
  CHECK(found.hits[0].id == "a100");
}

TEST_CASE("a damaged first-answer index gives an error, never a crash", "[kb][quick]") {
  const std::string image = test::make_kb_image(test::small_help_center());
  const written_index files = write_index(image);
  // Every cut of the head and of each file, and a flipped byte at every place.
  for (std::size_t n = 0; n < files.head.size(); ++n) {
    CHECK_FALSE(quick_index::open(files.head.substr(0, n)).ok());
  }
  for (const auto& [name, bytes] : files.files) {
    INFO(name);
    for (std::size_t n = 0; n < bytes.size(); ++n) {
      auto index = quick_index::open(files.head);
      REQUIRE(index.ok());
      CHECK_FALSE(index.value().add(name, bytes.substr(0, n)).ok());
      std::string flipped = bytes;
      flipped[n] = static_cast<char>(flipped[n] ^ 0x5a);
      auto other = quick_index::open(files.head);
      if (other.value().add(name, flipped).ok()) {
        // Whatever it read, searching it stays safe.
        (void)other.value().search("reset password", in("en"));
      }
    }
  }
  for (std::size_t n = 0; n < files.head.size(); ++n) {
    std::string flipped = files.head;
    flipped[n] = static_cast<char>(flipped[n] ^ 0x5a);
    auto index = quick_index::open(flipped);
    if (index.ok()) (void)index.value().search("reset password", in("en"));
  }
}

TEST_CASE("a word in more rows than the first-answer index lists still finds what it weighs most in",
          "[kb][quick]") {
  // "router" in 6,000 articles: the index lists the kb::quick_max_postings rows it weighs
  // most in, so that a search reads a few KB however large the help center. ("router" is
  // the last word of these articles in byte order: its shard holds little else.)
  std::vector<test::kb_row> rows;
  for (int a = 0; a < 6000; ++a) {
    std::string body = "home " + std::to_string(a) + " router";
    if (a % 3 == 0) body += " home";
    if (a == 4100) body += " zebra";
    rows.push_back({"a" + std::to_string(a), "en", "Home " + std::to_string(a), "general",
                    "customer", "howto", "", body});
  }
  rows.push_back({"titled", "en", "Router", "general", "customer", "howto", "", "Restart it."});
  const written_index files = write_index(test::make_kb_image(rows));
  auto index = quick_index::open(files.head);
  REQUIRE(index.ok());
  // What searching the word downloads: three bytes or more a row when all 6,000 were
  // listed.
  std::size_t shards = 0;
  for (const std::string& name : index.value().search("router", in("en")).missing) {
    const std::string& bytes = files.files.at(name);
    if (bytes.rfind(kb::quick_terms_magic, 0) == 0) shards += bytes.size();
  }
  CAPTURE(shards);
  CHECK(shards < 4 * kb::quick_max_postings + 1000);
  CHECK(shards < 6000 * 3);
  // The article about the word comes first; an article holding a rare word beside it is
  // found by the rare word, though not among the common word's best rows.
  const auto titled = search(index.value(), files, "router", in("en"));
  REQUIRE_FALSE(titled.hits.empty());
  CHECK(titled.hits[0].id == "titled");
  const auto rare = search(index.value(), files, "zebra router", in("en"));
  REQUIRE_FALSE(rare.hits.empty());
  CHECK(rare.hits[0].id == "a4100");
  // The common word weighs as little as a word in nearly every row should: its weight
  // comes from the count of all the rows holding it (6,001 of 6,001: bm25's idf about
  // 0.0001), not from the 2,000 listed (which would give about 1.1).
  CAPTURE(titled.hits[0].score, rare.hits[0].score);
  CHECK(titled.hits[0].score < 0.05);
  CHECK(rare.hits[0].score > 2 * titled.hits[0].score);
}
