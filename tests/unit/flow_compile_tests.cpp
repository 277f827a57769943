// kbc's checks of troubleshooting flows. Every rule has a fixture under
// tests/fixtures/flows/: a small flow with one mistake and, on its first line, the
// diagnostic kbc must give ("# expect: <line>: <message>"). Add a file to add a case.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>

#include "fixtures.hpp"
#include "flow/flow.hpp"
#include "kb/compiler.hpp"
#include "kb/knowledge_base.hpp"
#include "kb_folder.hpp"

namespace fs = std::filesystem;
using namespace ha;

namespace {

using test::messages;

const char* const site_yaml =
    "languages: [en, sr]\n"
    "teams:\n"
    "  technical: {name: {en: Technical support, sr: Tehnička podrška}}\n"
    "  billing: {name: {en: Billing, sr: Naplata}}\n";

const char* const restart_article =
    "---\nid: restart-router\ntitle: Restart your router\nlanguage: en\ncategory: internet\n"
    "audience: customer\nkind: howto\ntags: [restart, router]\n---\nUnplug it and wait.\n";

// A knowledge base holding one article, site.yaml and the given flow files.
class flow_folder {
 public:
  flow_folder() {
    std::random_device rd;
    root_ = fs::temp_directory_path() / ("kbc-flow-test-" + std::to_string(rd()));
    fs::create_directories(root_ / "articles" / "internet");
    fs::create_directories(root_ / "flows");
    write("site.yaml", site_yaml);
    write("articles/internet/restart-router.en.md", restart_article);
  }
  ~flow_folder() { fs::remove_all(root_); }
  void write(const std::string& relative, const std::string& content) {
    std::ofstream(root_ / relative, std::ios::binary) << content;
  }
  kb::compile_result compile() { return kb::compile(root_, output()); }
  fs::path output() const { return root_ / "kb.sqlite"; }
  std::string path(const std::string& relative) const {
    return (root_ / relative).lexically_normal().string();
  }

 private:
  fs::path root_;
};

std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const auto& entry :
       fs::directory_iterator(std::string(HA_SOURCE_DIR) + "/tests/fixtures/flows")) {
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("every flow rule has a fixture that fails with its file:line message", "[kbc][flow]") {
  const std::vector<std::string> names = fixture_names();
  REQUIRE(names.size() >= 12);
  for (const std::string& name : names) {
    const std::string content = test::read_fixture("flows/" + name);
    const std::string first_line = content.substr(0, content.find('\n'));
    REQUIRE(first_line.rfind("# expect: ", 0) == 0);
    const std::string expected = first_line.substr(10);
    flow_folder kb;
    kb.write("flows/" + name, content);
    const auto r = kb.compile();
    INFO(name);
    if (expected == "nothing (a valid flow)") {
      CHECK(messages(r) == std::vector<std::string>{});
      CHECK(r.stats.flows == 1);
    } else {
      CHECK_THAT(messages(r), Catch::VectorContains(kb.path("flows/" + name) + ":" + expected));
      CHECK_FALSE(fs::exists(kb.output()));
    }
  }
}

TEST_CASE("a flow file that is not YAML, or is misnamed, is reported", "[kbc][flow]") {
  flow_folder kb;
  SECTION("not YAML") {
    kb.write("flows/broken.yaml", "id: broken\nnodes: [\n");
    const auto r = kb.compile();
    REQUIRE(r.errors.size() == 1);
    CHECK_THAT(kb::format(r.errors[0]),
               Catch::StartsWith(kb.path("flows/broken.yaml") + ":3: not valid YAML"));
  }
  SECTION("the file name does not match the id") {
    std::string content = test::read_fixture("flows/good-flow.yaml");
    kb.write("flows/other-name.yaml", content);
    CHECK_THAT(
        messages(kb.compile()),
        Catch::VectorContains(kb.path("flows/other-name.yaml") +
                              ":2: file name should be 'good-flow.yaml' for flow id 'good-flow'"));
  }
  SECTION("not UTF-8") {
    kb.write("flows/latin1.yaml", "id: latin1\ntitle: {en: caf\xe9}\n");
    CHECK_THAT(messages(kb.compile()),
               Catch::VectorContains(kb.path("flows/latin1.yaml") +
                                     ":2: the file is not valid UTF-8 (save it as UTF-8)"));
  }
}

TEST_CASE("a valid flow is stored, searchable and readable in both scripts", "[kbc][flow]") {
  flow_folder kb;
  kb.write("flows/good-flow.yaml", test::read_fixture("flows/good-flow.yaml"));
  const auto r = kb.compile();
  REQUIRE(messages(r) == std::vector<std::string>{});
  CHECK(r.stats.flows == 1);
  CHECK(r.stats.min_alternatives == 2);
  CHECK(r.stats.articles == 1);  // flows are not counted as articles
  CHECK_THAT(kb::stats_json(r.stats), Catch::Contains(R"("min_alternatives_per_solution": 2)"));

  auto opened = kb::knowledge_base::open_file(kb.output().string());
  REQUIRE(opened.ok());
  const kb::knowledge_base& base = opened.value();
  auto found = base.search("ruter ne radi", {});
  REQUIRE(found.ok());
  REQUIRE_FALSE(found.value().hits.empty());
  CHECK(found.value().hits[0].id == "good-flow");
  CHECK(found.value().hits[0].kind == "flow");
  // Asked for articles only, a search that finds both finds the article alone.
  const auto ids = [&](const kb::search_options& o) {
    const auto searched = base.search("router", o);
    std::vector<std::string> out;
    if (searched.ok()) {
      for (const auto& hit : searched.value().hits) out.push_back(hit.id);
    }
    return out;
  };
  kb::search_options articles;
  articles.include_flows = false;
  CHECK(ids({}) == std::vector<std::string>{"restart-router", "good-flow"});
  CHECK(ids(articles) == std::vector<std::string>{"restart-router"});
  CHECK(base.get_article("good-flow", "en").err().code == errc::not_found);

  const flow::flow* f = base.find_flow("good-flow");
  REQUIRE(f != nullptr);
  CHECK(f->nodes.size() == 3);
  CHECK(flow::pick(f->title, "sr-Cyrl") == "Проблем са рутером");
  CHECK(flow::pick(f->summary, "sr-Cyrl") == "кориснику не ради рутер");
  CHECK(flow::pick(f->problem, "en") == "your router does not work");
  CHECK(flow::pick(f->nodes[1].alternatives[0].steps, "sr-Cyrl")[0] == "Искључите га.");
  CHECK(base.find_flow("no-such-flow") == nullptr);
}

TEST_CASE("the demo knowledge base's flows pass every rule", "[kbc][flow][demo]") {
  const fs::path out = fs::temp_directory_path() /
                       ("kbc-demo-" + std::to_string(std::random_device{}()) + ".sqlite");
  const auto r = kb::compile(std::string(HA_SOURCE_DIR) + "/knowledge-base", out);
  fs::remove(out);
  CHECK(messages(r) == std::vector<std::string>{});
  CHECK(r.stats.flows >= 12);
  CHECK(r.stats.min_alternatives >= 3);
  for (const char* lang : {"en", "sr-Latn", "sr-Cyrl", "hr", "bs", "sl"}) {
    INFO(lang);
    CHECK(r.stats.flows_by_language.at(lang) == r.stats.flows);
  }
}
