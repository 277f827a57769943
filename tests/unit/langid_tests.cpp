// Which language the customer wrote in (text/langid.hpp), with the demo knowledge
// base's own evidence, as the engine uses it.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "common/languages.hpp"
#include "fixtures.hpp"
#include "kb/knowledge_base.hpp"
#include "text/langid.hpp"

using namespace ha;

namespace {

std::string query_lang(const char* query, const char* current = "en") {
  kb::search_options options;
  options.lang = current;
  auto found = test::built_demo().search(query, options);
  REQUIRE(found.ok());
  return found.value().query_lang;
}

bool serbo_croatian(const std::string& lang) {
  return lang == "sr-Latn" || lang == "hr" || lang == "bs";
}

}  // namespace

TEST_CASE("the customer's language is read from their words", "[text][langid]") {
  // What customers wrote on pages whose language the site did not set (issue 13).
  CHECK(serbo_croatian(query_lang("placanje karticom nije proslo")));
  CHECK(serbo_croatian(query_lang("naplaćeno mi je dvaput za isti račun")));
  CHECK(query_lang("paket ni prispel, čakam že teden dni") == "sl");
  CHECK(query_lang("my parcel has not arrived yet") == "en");
  CHECK(query_lang("нема интернета од јутрос") == "sr-Cyrl");
  CHECK(query_lang("gdje mogu vidjeti račun za prošli tjedan") == "hr");
  CHECK(query_lang("šta trebam uraditi da promijenim lozinku") == "bs");
  CHECK(query_lang("ne mogu da promenim lozinku") == "sr-Latn");

  SECTION("everyday words that differ tell Croatian, Serbian and Bosnian apart") {
    CHECK(query_lang("mobilni internet ne radi u inozemstvu") == "hr");
    CHECK(query_lang("mobilni internet ne radi u inostranstvu") == "sr-Latn");
    CHECK(query_lang("ne dobivam kod za potvrdu") == "hr");
    CHECK(query_lang("internet je spor uveče") == "sr-Latn");
    CHECK(query_lang("kurir nije ostavio obavještenje") == "bs");
    // Slovenian months are the Serbian ones: the other words decide.
    CHECK(query_lang("rabim kopijo računa za januar") == "sl");
    CHECK(query_lang("treba mi kopija računa za januar") == "sr-Latn");
    // Slovenian says "ni" where the others say "nema"; a company says where one lives.
    CHECK(query_lang("nema interneta") == "sr-Latn");
    CHECK(query_lang("HEP račun") == "hr");
  }
  SECTION("how the words are put together") {
    // A modal verb with the infinitive is Croatian or Bosnian; with da + present, Serbian
    // or Bosnian; the two together, or with "da li", Bosnian.
    CHECK(query_lang("želim otkazati pretplatu") == "hr");
    CHECK(query_lang("ne mogu se prijaviti u aplikaciju") == "hr");
    CHECK(query_lang("želim da otkažem pretplatu") == "sr-Latn");
    CHECK(query_lang("je li moguće platiti pouzećem") == "hr");
    CHECK(query_lang("želim razgovarati sa nekim") == "bs");
    // Slovenian has the infinitive after "želim" too: still Slovenian.
    CHECK(query_lang("želim govoriti z živo osebo") == "sl");
    CHECK(query_lang("zelim odjaviti narocnino") == "sl");
  }
  SECTION("word shapes only Slovenian has, in words no list knows") {
    // The past participle in -l (the others write -o), agent nouns in -lec.
    CHECK(query_lang("dostavljalec je pustil paket pred vrati") == "sl");
    CHECK(query_lang("prodajalec mi ni vrnil denarja") == "sl");
    // Nouns end in -l in every language: "signal", "profil", "portal" say nothing.
    CHECK(serbo_croatian(query_lang("signal ne radi na profilu")));
    CHECK(query_lang("ne mogu da otvorim portal") == "sr-Latn");
    CHECK(serbo_croatian(query_lang("materijal za automobil nije stigao")));
    // Croatian places in -vec and "šč", which Croatian writes too, are no Slovenian.
    CHECK(query_lang("nestalo struje: Čakovec, Vrbovec") != "sl");
    CHECK(query_lang("iščekujem povrat novca već tjedan dana") == "hr");
  }
  SECTION("text all three share keeps the customer's own language among them") {
    const char* shared = "zaboravio sam lozinku, a nije mi stigao kod";
    CHECK(query_lang(shared, "en") == "sr-Latn");
    CHECK(query_lang(shared, "hr") == "hr");
    CHECK(query_lang(shared, "bs") == "bs");
    CHECK(query_lang(shared, "sr-Cyrl") == "sr-Cyrl");
    // "kako" with the infinitive is Slovenian as well as Croatian and Bosnian: a
    // Slovenian reader who asks "kako aktivirati esim" is not taken to Bosnian.
    CHECK(query_lang("kako aktivirati esim", "sl") == "sl");
    CHECK(query_lang("kako nastaviti ruter", "sl") == "sl");
  }
  SECTION("a word every language writes, or a brand, does not tell") {
    CHECK(query_lang("internet") == "");
    CHECK(query_lang("wifi") == "");
    CHECK(query_lang("iphone 17") == "");
    CHECK(query_lang("") == "");
    CHECK(query_lang("!!! ???") == "");
    // Misspelt words are read as corrected: "routr restrat" had Croatian sequences.
    CHECK(query_lang("routr restrat") == "en");
    // Markup is no language: its letter sequences once made a tag Slovenian.
    CHECK(query_lang("<img src=x onerror=alert(1)>") == "");
    CHECK(query_lang("<b>paket ni prispel</b>") == "sl");
  }
  SECTION("the hits come in the language identified") {
    kb::search_options options;
    options.lang = "en";
    auto found = test::built_demo().search("paket ni prispel, čakam že teden dni", options);
    REQUIRE(found.ok());
    CHECK(found.value().lang == "sl");
  }
}

TEST_CASE("language identification on 420 short queries written for the purpose",
          "[text][langid]") {
  // tests/relevance/langid.jsonl: 70 queries per language and script, 1–8 words, a third
  // of the Latin South Slavic ones without diacritics. The full table per language is
  // printed by tools/bench/langid.mjs; these are floors that catch a regression.
  std::ifstream in(std::string(HA_SOURCE_DIR) + "/tests/relevance/langid.jsonl");
  REQUIRE(in);
  struct tally {
    int right = 0, family = 0, all = 0;
  };
  std::map<std::string, tally> longer;  // 3+ words
  std::string line;
  while (std::getline(in, line)) {
    const auto item = nlohmann::json::parse(line);
    const std::string q = item["q"], lang = item["lang"];
    int words = 1;
    for (char c : q) words += c == ' ';
    if (words < 3) continue;
    const std::string got = query_lang(q.c_str());
    tally& t = longer[lang];
    ++t.all;
    t.right += got == lang;
    t.family += got == lang || (serbo_croatian(got) && serbo_croatian(lang));
  }
  REQUIRE(longer.size() == 6);
  for (const auto& [lang, t] : longer) {
    INFO(lang << ": " << t.right << " right, " << t.family << " in the language family, of "
              << t.all);
    if (lang == "en" || lang == "sr-Cyrl" || lang == "sr-Latn" || lang == "sl") {
      CHECK(t.right * 100 >= t.all * 90);
    }
    if (lang == "hr") CHECK(t.right * 100 >= t.all * 74);
    CHECK(t.family * 100 >= t.all * 90);
  }
}

TEST_CASE("the identifier's data files are read whole, and their mistakes are named",
          "[text][langid]") {
  // The shipped files (core/text/langid/*.txt): every line read.
  CHECK(text::langid_file_problems().empty());
  for (const auto& [code, text] : text::langid_files) {
    INFO(code);
    CHECK(find_language(code) != nullptr);
  }
  // An author's slip gets its file and line.
  const text::langid_file_list slips = {
      {"hr",
       "# Croatian\ntko 2, što\n@shape ijekavsko 1\n@mood angry 2\n@without-text hr 1\n"
       "@lacks 2\n@construction je-li 99\n"},
      {"xx", "word 1\n"},
      {"sr-Cyrl", "реч 1\n"}};
  const auto problems = text::langid_file_problems(slips);
  const std::vector<std::string> expected = {
      "hr.txt:2: not a word and its weight: 'što'",
      "hr.txt:3: unknown shape 'ijekavsko'",
      "hr.txt:4: unknown directive '@mood'",
      "hr.txt:5: not another language and a weight: 'hr 1'",
      "hr.txt:6: @lacks needs letters and a weight",
      "hr.txt:7: @construction needs a name and a weight from 0 to 10",
      "xx.txt: no written language of the table has this code",
      "sr-Cyrl.txt: no written language of the table has this code"};
  CHECK(problems == expected);
  // Written on another machine: a byte order mark, Windows line ends, a comment after the
  // words. Two languages each other's first stand-in, two languages of loanwords.
  const text::langid_file_list elsewhere = {
      {"hr",
       "\xEF\xBB\xBF@shape ijekavian 1\r\ntjedan 2 # week, and 'tko': who\r\n"
       "@without-text bs 1\r\n@loanwords 0.5\r\n"},
      {"bs", "sedmica 2\n@without-text hr 1\n@loanwords 0.5\n"}};
  CHECK(text::langid_file_problems(elsewhere) ==
        std::vector<std::string>{
            "bs.txt:3: @loanwords needs a weight, in one language only",
            "hr and bs stand in for each other first at weight 1: one of them at most"});
}

TEST_CASE("each kind of evidence weighs what the data files say, to the weight", "[text][langid]") {
  // The files' evidence alone (no knowledge base), per identified language in the table's
  // order (en, sr, hr, bs, sl). A change of a weight, a word or a rule shows here first.
  struct pinned {
    const char* query;
    const char* lang;
    std::array<double, 5> scores;
  };
  const pinned cases[] = {
      // ijekavian words, Croatian "tjedan"; č takes English down.
      {"gdje mogu vidjeti račun za prošli tjedan", "hr", {-3, 1.5, 7.5, 5.5, 0}},
      // Slovenian words, č, ž.
      {"paket ni prispel, čakam že teden dni", "sl", {-3, 0, 0, 0, 10.5}},
      // "hoću da", "sa" before o: Serbian and Bosnian; the first of them in the table.
      {"hocu da razgovaram sa operaterom", "sr-Latn", {0, 4, 2, 4, 0}},
      {"my parcel has not arrived yet", "en", {8.5, 0, 0, 0, 0}},
      // A modal verb Slovenian shares, with the infinitive.
      {"želim otkazati naročnino", "sl", {-3, 0, 1, 1, 3}},
      // "platit ću": the future written apart, Croatian and Bosnian; ć is not Slovenian.
      {"platit ću sutra karticom", "hr", {-3, 1.5, 2.5, 2.5, -2}},
  };
  REQUIRE(text::identified_languages.size() == 5);
  for (const pinned& c : cases) {
    INFO(c.query);
    const auto guess = text::identify_language(c.query, "", nullptr);
    CHECK(guess.lang == c.lang);
    for (std::size_t i = 0; i < 5; ++i) CHECK(guess.scores[i] == Approx(c.scores[i]));
  }
}
