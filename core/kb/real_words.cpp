#include "kb/real_words.hpp"

#include <hunspell/hunspell.hxx>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <thread>
#include <unordered_set>

#include "common/languages.hpp"
#include "kb/statement.hpp"
#include "text/fold.hpp"
#include "text/tokenizer.hpp"

namespace ha::kb {
namespace {

// Product and brand names customers type in lower case, which no dictionary has: never
// "phone" for "iphone". (Other companies' services, "gmail", "viber", are never corrected
// either: the speller leaves text::is_other_service words as typed.)
constexpr const char* product_names[] = {
    "iphone",  "ipad",  "imac",   "macbook",    "airpods",     "android", "samsung",    "galaxy",
    "huawei",  "honor", "xiaomi", "redmi",      "poco",        "nokia",   "motorola",   "pixel",
    "oneplus", "oppo",  "realme", "sony",       "xperia",      "visa",    "mastercard", "maestro",
    "windows", "macos", "ios",    "chromecast", "playstation", "xbox",    "nintendo",   "bluetooth",
    "esim",    "wifi",  "lte",    "volte",      "nfc",         "usb",     "hdmi"};

// The speller corrects words of 4 letters or more (spelling.cpp).
constexpr std::size_t shortest = 4;
// More letters that may carry a diacritic than this, and only the first ones are tried.
constexpr int max_marked_letters = 3;

struct dictionary_set {
  std::vector<std::unique_ptr<Hunspell>> all;
  std::vector<bool> latin_only;  // English: no č, ć, š, ž, đ to try
  std::vector<bool> latin2;      // the dictionary is in ISO 8859-2, not UTF-8 (sl, bs)
};

// č ć š ž đ in ISO 8859-2, for the dictionaries written in it.
std::string to_latin2(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80 || i + 1 >= utf8.size()) {
      out += utf8[i];
      continue;
    }
    const std::string_view two = std::string_view(utf8).substr(i, 2);
    ++i;
    if (two == "č") out += '\xE8';
    else if (two == "ć") out += '\xE6';
    else if (two == "š") out += '\xB9';
    else if (two == "ž") out += '\xBE';
    else if (two == "đ") out += '\xF0';
  }
  return out;
}

// The dictionaries of the content languages (the language table's column, as Debian
// names them; Serbian in its Latin spelling: Cyrillic queries fold to the same Latin
// words) that dir has.
std::vector<std::string> dictionaries_in(const std::string& dir) {
  std::vector<std::string> found;
  for (const language& l : languages) {
    if (l.dictionary.empty()) continue;
    const std::string name(l.dictionary);
    const std::string base = dir + "/" + name;
    std::error_code ec;
    if (std::filesystem::exists(base + ".dic", ec) && std::filesystem::exists(base + ".aff", ec)) {
      found.push_back(name);
    }
  }
  return found;
}

dictionary_set open_dictionaries(const std::string& dir) {
  dictionary_set set;
  for (const std::string& name : dictionaries_in(dir)) {
    const std::string base = dir + "/" + name;
    set.all.push_back(std::make_unique<Hunspell>((base + ".aff").c_str(), (base + ".dic").c_str()));
    // A language stemmed as English is spelled without č, ć, š, ž, đ.
    const auto row = std::find_if(languages.begin(), languages.end(),
                                  [&](const language& l) { return l.dictionary == name; });
    set.latin_only.push_back(row != languages.end() && row->stemmer == stemmer::english);
    const std::string encoding = set.all.back()->get_dic_encoding();
    set.latin2.push_back(encoding == "ISO8859-2" || encoding == "ISO-8859-2");
  }
  return set;
}

// The spellings a canonical word may stand for: c as c, č or ć; s as s or š; z as z or
// ž; d as d or đ (canonical forms have lost their diacritics).
void spellings(const std::string& canonical, std::vector<std::string>& out) {
  out.assign(1, std::string());
  int marked = 0;
  for (char c : canonical) {
    std::vector<const char*> options = {nullptr};
    if (marked < max_marked_letters) {
      if (c == 'c') options = {nullptr, "č", "ć"};
      if (c == 's') options = {nullptr, "š"};
      if (c == 'z') options = {nullptr, "ž"};
      if (c == 'd') options = {nullptr, "đ"};
      if (options.size() > 1) ++marked;
    }
    const std::size_t before = out.size();
    for (std::size_t i = 0; i < before; ++i) {
      for (std::size_t k = 1; k < options.size(); ++k) out.push_back(out[i] + options[k]);
      out[i] += c;
    }
  }
}

bool is_real(const dictionary_set& dicts, const std::string& canonical,
             std::vector<std::string>& scratch) {
  spellings(canonical, scratch);
  for (std::size_t d = 0; d < dicts.all.size(); ++d) {
    if (dicts.latin_only[d]) {
      if (dicts.all[d]->spell(canonical)) return true;
      continue;
    }
    for (const std::string& s : scratch) {
      if (dicts.all[d]->spell(dicts.latin2[d] ? to_latin2(s) : s)) return true;
    }
  }
  return false;
}

// Every word one edit (insert, delete, substitute a letter, swap neighbours) from w.
void one_edit(const std::string& w, std::unordered_set<std::string>& out) {
  static constexpr std::string_view letters = "abcdefghijklmnopqrstuvwxyz";
  for (std::size_t i = 0; i <= w.size(); ++i) {
    for (char c : letters) out.insert(w.substr(0, i) + c + w.substr(i));
    if (i == w.size()) break;
    out.insert(w.substr(0, i) + w.substr(i + 1));
    for (char c : letters) {
      if (c != w[i]) out.insert(w.substr(0, i) + c + w.substr(i + 1));
    }
    if (i + 1 < w.size()) {
      std::string swapped = w;
      std::swap(swapped[i], swapped[i + 1]);
      out.insert(swapped);
    }
  }
}

// ~/.cache/help-assistant/real-words/<hash of the words, the dictionaries and these rules>.
std::filesystem::path cache_file(const std::unordered_set<std::string>& known,
                                 const std::string& dir, const std::vector<std::string>& names) {
  std::vector<std::string> sorted(known.begin(), known.end());
  std::sort(sorted.begin(), sorted.end());
  std::uint64_t h = 0xcbf29ce484222325ULL;
  const auto mix = [&](std::string_view bytes) {
    for (const unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ULL;
    h = (h ^ 0xFF) * 0x100000001b3ULL;
  };
  mix("real-words 2");  // bump when the rules above change
  for (const std::string& w : sorted) mix(w);
  for (const std::string& name : names) {
    std::error_code ec;
    mix(name);
    mix(std::to_string(std::filesystem::file_size(dir + "/" + name + ".dic", ec)));
    mix(std::to_string(std::filesystem::file_size(dir + "/" + name + ".aff", ec)));
  }
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  const std::filesystem::path base = xdg && *xdg ? std::filesystem::path(xdg)
                                     : home && *home ? std::filesystem::path(home) / ".cache"
                                                     : std::filesystem::temp_directory_path();
  char name[17];
  std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(h));
  return base / "help-assistant" / "real-words" / name;
}

// Writes the list, with the product names, into the real_words table.
result<real_words_report> store(sqlite3* db, std::set<std::string> kept,
                                const std::unordered_set<std::string>& known,
                                const std::vector<std::string>& keep, real_words_report report) {
  const auto add_name = [&](std::string_view name) {
    const auto tokens = text::tokenize(name);
    if (tokens.size() == 1 && !known.count(tokens[0].text)) kept.insert(tokens[0].text);
  };
  for (const char* name : product_names) add_name(name);
  for (const std::string& name : keep) add_name(name);
  statement insert(db, "INSERT INTO real_words(word) VALUES (?1)");
  if (!insert.ok()) return {errc::internal, sqlite3_errmsg(db)};
  for (const std::string& word : kept) {
    insert.reset();
    insert.bind(1, word);
    if (insert.step() != SQLITE_DONE) return {errc::internal, sqlite3_errmsg(db)};
  }
  report.kept = kept.size();
  return report;
}

}  // namespace

result<real_words_report> build_real_words(sqlite3* db, const std::vector<std::string>& keep,
                                           const std::string& dictionary_dir) {
  real_words_report report;
  std::unordered_set<std::string> known;
  {
    statement rows(db, "SELECT word FROM words");
    if (!rows.ok()) return {errc::internal, sqlite3_errmsg(db)};
    while (rows.step() == SQLITE_ROW) known.insert(rows.text(0));
  }
  // The same words and dictionaries give the same list: kept from the last build.
  const std::vector<std::string> names = dictionaries_in(dictionary_dir);
  report.dictionaries = names;
  if (names.empty()) return store(db, {}, known, keep, report);
  const std::filesystem::path cached = cache_file(known, dictionary_dir, names);
  if (std::ifstream in(cached); in) {
    std::set<std::string> kept;
    for (std::string line; std::getline(in, line);) kept.insert(line);
    report.from_cache = true;
    return store(db, kept, known, keep, report);
  }
  std::unordered_set<std::string> near;
  for (const std::string& w : known) {
    if (w.size() + 1 >= shortest) one_edit(w, near);
  }
  std::vector<std::string> candidates;
  for (const std::string& v : near) {
    // Canonical forms never hold "dj" (it folds to d): no query word can be such a word.
    if (v.size() >= shortest && !known.count(v) && v.find("dj") == std::string::npos) {
      candidates.push_back(v);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  report.candidates = candidates.size();

  // Two workers for a long list, each with its own dictionaries (hunspell objects are not
  // shared); loading them costs about a second, more than a short list takes.
  std::vector<char> real(candidates.size(), 0);
  const unsigned workers = candidates.size() < 20000
                               ? 1u
                               : std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < workers; ++t) {
    threads.emplace_back([&, t] {
      const dictionary_set dicts = open_dictionaries(dictionary_dir);
      std::vector<std::string> scratch;
      for (std::size_t i = t; i < candidates.size(); i += workers) {
        real[i] = is_real(dicts, candidates[i], scratch) ? 1 : 0;
      }
    });
  }
  for (std::thread& t : threads) t.join();

  std::set<std::string> kept;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (real[i]) kept.insert(candidates[i]);
  }
  {
    std::error_code ec;
    std::filesystem::create_directories(cached.parent_path(), ec);
    const std::filesystem::path temp = cached.string() + ".tmp";
    {
      std::ofstream out(temp);
      for (const std::string& word : kept) out << word << '\n';
    }
    std::filesystem::rename(temp, cached, ec);  // a cache that cannot be written is no error
  }
  return store(db, kept, known, keep, report);
}

}  // namespace ha::kb
