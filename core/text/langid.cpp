#include "text/langid.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <optional>

#include "common/languages.hpp"
#include "text/fold.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace ha::text {
namespace {

using scores = language_scores;
constexpr std::size_t language_count = identified_languages.size();
constexpr std::size_t none = language_count;

// The shapes of a word no list knows that say a language (the files' "@shape"), and the
// ways of putting words together ("@construction"); the functions below tell them.
enum class shape { ijekavian, participle_o, participle_l, english_letters };
constexpr std::array<std::string_view, 4> shape_names = {"ijekavian", "participle-o",
                                                         "participle-l", "english-letters"};
enum class construction {
  da_after_modal,
  infinitive_after_modal,
  infinitive_after_shared_modal,
  infinitive_after_kako,
  da_li,
  je_li,
  sa_before_other,
  future_apart,
  future_joined
};
constexpr std::array<std::string_view, 9> construction_names = {"da-after-modal",
                                                                "infinitive-after-modal",
                                                                "infinitive-after-shared-modal",
                                                                "infinitive-after-kako",
                                                                "da-li",
                                                                "je-li",
                                                                "sa-before-other",
                                                                "future-apart",
                                                                "future-joined"};

// Letters a language does not write: any of them in the text takes `weight` off it.
struct missing_letters {
  std::vector<std::string> letters;  // lower case
  scores weight{};
};

// A language the knowledge base may have no text in, and the ones whose words count for
// it then (weight: 1 as if its own, 0.5 half), nearest first ("@without-text").
struct stand_in {
  std::size_t language;
  float weight;
};

// Everything the data files say, by language.
struct langid_data {
  std::unordered_map<std::string, scores> written;  // words with their diacritics
  std::unordered_map<std::string, scores> plain;    // the same without them
  std::array<scores, shape_names.size()> shapes{};
  std::array<scores, construction_names.size()> constructions{};
  std::vector<missing_letters> missing;
  std::array<std::vector<stand_in>, language_count> stand_ins;
  // The language every other one borrows words from ("@loanwords"), or none, and how
  // much a word no list knows may count for it.
  std::size_t loan = none;
  float loan_cap = 0;
};

std::size_t identified_index(std::string_view code) {
  const language* row = find_language(code);
  if (row == nullptr) return none;
  if (!row->written) row = find_language(row->made_from);
  if (row == nullptr) return none;
  for (std::size_t i = 0; i < language_count; ++i) {
    if (identified_languages[i] == row->source) return i;
  }
  return none;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// "2", "1.5", "0.75": a weight from 0 to 10 (digits, a point and digits; std::from_chars
// for float is not in every C++ library this is built with).
std::optional<float> read_weight(std::string_view s) {
  long long digits = 0, divisor = 1;  // "1.25": 125 and 100
  bool point = false, any = false;
  for (char c : s) {
    if (c == '.' && !point) {
      point = true;
    } else if (c >= '0' && c <= '9' && digits < 100'000'000 && divisor < 1'000'000) {
      digits = digits * 10 + (c - '0');
      if (point) divisor *= 10;
      any = true;
    } else {
      return std::nullopt;
    }
  }
  const double w = static_cast<double>(digits) / static_cast<double>(divisor);
  if (!any || w > 10) return std::nullopt;
  return static_cast<float>(w);
}

// "word 1.5" → ("word", 1.5); no value for anything else.
std::optional<std::pair<std::string_view, float>> read_pair(std::string_view cell) {
  cell = trim(cell);
  const std::size_t space = cell.rfind(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const auto weight = read_weight(cell.substr(space + 1));
  const std::string_view word = trim(cell.substr(0, space));
  if (!weight || word.empty() || word.find(' ') != std::string_view::npos) return std::nullopt;
  return std::pair{word, *weight};
}

template <std::size_t N>
std::size_t name_index(const std::array<std::string_view, N>& names, std::string_view name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

// The parts of a list between separators, trimmed, empty ones left out.
std::vector<std::string_view> split(std::string_view list, char separator) {
  std::vector<std::string_view> parts;
  while (!list.empty()) {
    const std::size_t at = list.find(separator);
    if (const std::string_view part = trim(list.substr(0, at)); !part.empty()) {
      parts.push_back(part);
    }
    list = at == std::string_view::npos ? std::string_view() : list.substr(at + 1);
  }
  return parts;
}

// Reads the lines of one language's file into data, and says what is wrong with each.
class file_reader {
 public:
  file_reader(langid_data& data, std::size_t lang) : data_(data), lang_(lang) {}

  // One line, without its comment: words, or a directive. What is wrong with it, one
  // message each (the rest of the line is read).
  std::vector<std::string> read(std::string_view line) {
    problems_.clear();
    const std::size_t space = line.find(' ');
    const std::string_view directive = line.substr(0, space);
    const std::string_view args =
        space == std::string_view::npos ? std::string_view() : trim(line.substr(space + 1));
    if (line.front() != '@') {
      words(line);
    } else if (directive == "@shape" || directive == "@construction") {
      named_rule(directive, args);
    } else if (directive == "@lacks") {
      lacks(args);
    } else if (directive == "@without-text") {
      without_text(args);
    } else if (directive == "@loanwords") {
      loanwords(args);
    } else {
      problems_.push_back("unknown directive '" + std::string(directive) + "'");
    }
    return problems_;
  }

 private:
  void words(std::string_view line) {
    for (std::string_view cell : split(line, ',')) {
      if (const auto pair = read_pair(cell)) {
        data_.written[to_lower(pair->first)][lang_] += pair->second;
      } else {
        problems_.push_back("not a word and its weight: '" + std::string(cell) + "'");
      }
    }
  }

  void named_rule(std::string_view directive, std::string_view args) {
    const auto pair = read_pair(args);
    if (!pair) {
      problems_.push_back(std::string(directive) + " needs a name and a weight from 0 to 10");
      return;
    }
    const bool is_shape = directive == "@shape";
    const std::size_t i = is_shape ? name_index(shape_names, pair->first)
                                   : name_index(construction_names, pair->first);
    if (i >= (is_shape ? shape_names.size() : construction_names.size())) {
      problems_.push_back("unknown " + std::string(directive.substr(1)) + " '" +
                          std::string(pair->first) + "'");
    } else {
      (is_shape ? data_.shapes[i] : data_.constructions[i])[lang_] += pair->second;
    }
  }

  void lacks(std::string_view args) {
    const std::size_t last = args.rfind(' ');
    const auto weight =
        last == std::string_view::npos ? std::nullopt : read_weight(args.substr(last + 1));
    if (!weight) {
      problems_.push_back("@lacks needs letters and a weight");
      return;
    }
    missing_letters m;
    for (std::string_view letter : split(args.substr(0, last), ' ')) {
      m.letters.push_back(to_lower(letter));
    }
    m.weight[lang_] = *weight;
    data_.missing.push_back(std::move(m));
  }

  void without_text(std::string_view args) {
    for (std::string_view cell : split(args, ',')) {
      const auto pair = read_pair(cell);
      const std::size_t other = pair ? identified_index(pair->first) : none;
      if (other == none || other == lang_) {
        problems_.push_back("not another language and a weight: '" + std::string(cell) + "'");
      } else {
        data_.stand_ins[lang_].push_back({other, pair->second});
      }
    }
  }

  void loanwords(std::string_view args) {
    const auto weight = read_weight(args);
    if (!weight || (data_.loan != none && data_.loan != lang_)) {
      problems_.push_back("@loanwords needs a weight, in one language only");
      return;
    }
    data_.loan = lang_;
    data_.loan_cap = *weight;
  }

  langid_data& data_;
  std::size_t lang_;
  std::vector<std::string> problems_;
};

// The files' evidence, and what is wrong with them.
langid_data read_files(const langid_file_list& files, std::vector<std::string>* problems) {
  langid_data data;
  for (const auto& [code, text] : files) {
    const std::string name = std::string(code) + ".txt";
    const std::size_t lang = identified_index(code);
    const language* row = find_language(code);
    if (lang == none || row == nullptr || !row->written || row->code != code) {
      if (problems) problems->push_back(name + ": no written language of the table has this code");
      continue;
    }
    file_reader reader(data, lang);
    std::size_t number = 0;
    std::string_view rest = text;
    if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);  // a byte order mark
    while (!rest.empty()) {
      const std::size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      ++number;
      line = trim(line.substr(0, line.find('#')));
      if (line.empty()) continue;
      for (const std::string& what : reader.read(line)) {
        if (problems) problems->push_back(name + ":" + std::to_string(number) + ": " + what);
      }
    }
  }
  // Two languages that stand in for each other first, fully, would count a word they
  // share as no language's.
  for (std::size_t l = 0; l < language_count; ++l) {
    const auto& mine = data.stand_ins[l];
    if (mine.empty() || mine.front().weight < 1) continue;
    const auto& theirs = data.stand_ins[mine.front().language];
    if (!theirs.empty() && theirs.front().language == l && theirs.front().weight >= 1 &&
        l < mine.front().language && problems) {
      problems->push_back(std::string(identified_languages[l]) + " and " +
                          std::string(identified_languages[mine.front().language]) +
                          " stand in for each other first at weight 1: one of them at most");
    }
  }
  // A word without its diacritics is read as the word, unless it is itself a word of the
  // files ("se" is not "še").
  for (const auto& [word, weights] : data.written) {
    const std::string p = plain_word(word);
    if (p == word || data.written.count(p)) continue;
    scores& to = data.plain[p];
    for (std::size_t i = 0; i < language_count; ++i) to[i] += weights[i];
  }
  return data;
}

const langid_data& files() {
  static const langid_data data = read_files(langid_files, nullptr);
  return data;
}

// Letter pairs English spells with and the South Slavic languages hardly ever do.
constexpr std::string_view english_pairs[] = {"th", "sh", "ch", "wh", "ck", "ee", "oo", "ou",
                                              "ea", "ay", "ey", "ow", "aw", "ph", "gh"};
// Ijekavian spellings (gdje, mjesec, tjedan, vjera, pjesma, sjećam, cjena) and ije
// between consonants (vrijeme, cijena, lijepo).
constexpr std::string_view ijekavian_pairs[] = {"dje", "mje", "tje", "vje", "pje", "sje", "cje"};
// Past participles in -io/-ao/-eo are Serbian, Croatian or Bosnian (Slovenian: -il, -al);
// these words end so too and are not.
constexpr std::string_view not_participles[] = {"video", "radio", "audio", "studio", "stereo",
                                                "foto", "info", "ciao", "cao", "rodeo"};

constexpr float kb_word_weight = 0.75f;
// Letter sequences: evidence per sequence, as log-probability above the average.
constexpr double gram_weight = 1.0;
constexpr double gram_cap = 1.5;
constexpr double min_evidence = 0.75;  // less than this says nothing (one English-looking brand)
constexpr double clear_margin = 0.75;  // the best must lead the next by this much
// A customer reading a language other than English is moved to another one only on this
// much more evidence (see the decision below).
constexpr double switch_margin = 1.5;

void add(scores& to, const scores& weights) {
  for (std::size_t i = 0; i < to.size(); ++i) to[i] += weights[i];
}

// The words before the one being read: the last, and the last that is not a clitic.
struct words_before {
  std::string last;
  std::string word;
};

bool contains(std::string_view word, std::string_view part) {
  return word.find(part) != std::string_view::npos;
}

bool ends_with(std::string_view word, std::string_view end) {
  return word.size() >= end.size() && word.substr(word.size() - end.size()) == end;
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool ijekavian_spelling(std::string_view p) {
  for (std::string_view pair : ijekavian_pairs) {
    if (contains(p, pair) && p.substr(0, 3) != "obj" && p.substr(0, 3) != "pod") return true;
  }
  // ije between consonants, not the present tense of -iti verbs (dobijem, pijem, otkrijemo)
  for (std::size_t at = p.find("ije"); at != std::string_view::npos; at = p.find("ije", at + 1)) {
    if (at == 0 || is_vowel(p[at - 1]) || at + 3 >= p.size() || is_vowel(p[at + 3])) continue;
    const std::string_view rest = p.substr(at + 3);
    if (rest == "m" || rest == "s" || rest == "mo" || rest == "te") continue;
    if (p.substr(0, 5) == "prije" && p.size() > 5 && p[5] == 'm') continue;  // prijem
    if (p.substr(0, 4) == "nije" && p.size() > 4) continue;                  // nijedan
    return true;
  }
  return false;
}

bool participle_o(std::string_view p) {
  if (p.size() < 4) return false;
  if (!ends_with(p, "io") && !ends_with(p, "ao") && !ends_with(p, "eo")) return false;
  return std::find(std::begin(not_participles), std::end(not_participles), p) ==
         std::end(not_participles);
}

// Word shapes only Slovenian has, for a word no list knows: the past participle in -l
// ("pustil, zavrnil, naročil"; Serbian, Croatian and Bosnian write -o: "pustio"), verbal
// nouns in -itev/-atev ("prekinitev, namestitev"; they say "-anje") and agent nouns in
// -lec ("prodajalec, dostavljalec"; they say "-lac"). Nouns end in -l in every language
// too ("signal, profil, materijal"), hence the list below, "-ijal" and the consonant
// before the ending; -vec is left out (Croatian places: Čakovec, Vrbovec), and so is "šč"
// (Croatian and Serbian write it too: iščekujem, raščistiti).
constexpr std::string_view not_slovenian_participles[] = {
    "signal",  "kanal",    "portal",   "profil", "model",     "hotel",    "mobil",
    "email",   "mail",     "april",    "lokal",  "total",     "tunel",    "kabel",
    "level",   "final",    "manual",   "paypal", "ideal",     "normal",   "social",
    "digital", "material", "original", "global", "pedal",     "kapital",  "festival",
    "apel",    "hostel",   "panel",    "sal",    "automobil", "personal", "terminal"};

bool participle_l(std::string_view p) {
  if (p.size() >= 6 && (ends_with(p, "itev") || ends_with(p, "atev"))) return true;
  if (p.size() >= 7 && ends_with(p, "lec")) return true;
  if (p.size() < 5 || !(ends_with(p, "il") || ends_with(p, "al") || ends_with(p, "el"))) {
    return false;
  }
  if (is_vowel(p[p.size() - 3]) || ends_with(p, "ijal")) return false;  // mail, materijal
  return std::find(std::begin(not_slovenian_participles), std::end(not_slovenian_participles),
                   p) == std::end(not_slovenian_participles);
}

bool english_spelling(std::string_view p) {
  for (std::string_view pair : english_pairs) {
    if (contains(p, pair)) return true;
  }
  return p.find_first_of("wqxy") != std::string_view::npos;
}

// Short words that stand between a verb and what it governs ("mogu se prijaviti",
// "želim vam reći"), so that a construction is read across them.
bool is_clitic(std::string_view p) {
  for (std::string_view c : {"se", "si", "mi", "ti", "ga", "ih", "joj", "mu", "nam", "vam", "im",
                             "me", "te", "li", "je", "sam", "su", "ju"}) {
    if (p == c) return true;
  }
  return false;
}

// Verbs after which Serbian writes da + present ("mogu da platim") and Croatian and
// Bosnian mostly the infinitive ("mogu platiti"); Slovenian has the infinitive too, and
// some of these verbs ("moram", "želim"), so the construction there only says "not
// Serbian".
bool is_modal(std::string_view p) {
  for (std::string_view m :
       {"mogu", "moze", "mozes", "mozemo", "mozete", "trebam", "trebamo", "trebate", "hocu",
        "hocemo", "hocete", "pokusavam", "pokusao", "pokusala", "smijem", "zelio", "zeljela"}) {
    if (p == m) return true;
  }
  return false;
}

bool is_shared_modal(std::string_view p) {  // Serbian, Croatian, Bosnian and Slovenian
  for (std::string_view m : {"moram", "moramo", "morate", "zelim", "zelimo", "zelite"}) {
    if (p == m) return true;
  }
  return false;
}

bool is_infinitive(std::string_view p) {
  return p.size() >= 4 && (ends_with(p, "ti") || ends_with(p, "ci"));
}

// How the words are put together, against the word before (and the last one before it
// that is not a clitic); a language's file says which of these it has and how much each
// says ("@construction"):
//   - da-after-modal: "mogu da", "hoću da", "kako da" (da + present after a modal verb or
//     a question word; Serbian and Bosnian);
//   - infinitive-after-modal: "mogu se prijaviti" (Croatian, Bosnian);
//     infinitive-after-shared-modal: "želim otkazati", after a modal verb Slovenian has
//     too; infinitive-after-kako: "kako aktivirati" (Serbian writes it too, so less);
//   - da-li, je-li: the question asked with "da li" (Serbian, Bosnian) or "je li"
//     (Croatian);
//   - sa-before-other: "sa" before a word that does not start with s, z, š, ž or m
//     (Croatian writes "s operaterom", "sa" only where "s" would be hard to say);
//   - future-apart: "platit ću" (Croatian, Bosnian); future-joined: "platiću" (Serbian).
void add_construction_evidence(std::string_view written, std::string_view p,
                               const words_before& before, scores& s) {
  const auto& weight = files().constructions;
  const auto says = [&](construction c) { add(s, weight[static_cast<std::size_t>(c)]); };
  const std::string& previous = before.last;
  if (p == "da" &&
      (is_modal(previous) || is_shared_modal(previous) || previous == "treba" ||
       previous == "kako" || previous == "sta" || previous == "gde" || previous == "gdje")) {
    says(construction::da_after_modal);
  }
  if (is_infinitive(p) && is_modal(before.word)) says(construction::infinitive_after_modal);
  if (is_infinitive(p) && is_shared_modal(before.word)) {
    says(construction::infinitive_after_shared_modal);
  }
  if (is_infinitive(p) && before.word == "kako" && previous == "kako") {
    says(construction::infinitive_after_kako);
  }
  if (p == "li" && previous == "da") says(construction::da_li);
  if (p == "li" && previous == "je") says(construction::je_li);
  if (previous == "sa" && !p.empty() &&
      std::string_view("szm").find(p[0]) == std::string_view::npos) {
    says(construction::sa_before_other);
  }
  if ((written == "ću" || written == "ćeš" || written == "ćemo" || written == "ćete") &&
      ends_with(previous, "t")) {
    says(construction::future_apart);
  }
  if (written.size() > 6 && (ends_with(written, "iću") || ends_with(written, "aću"))) {
    says(construction::future_joined);
  }
}

// The text without what is markup or code rather than a sentence: tags ("<img src=x
// onerror=alert(1)>") and chunks joined by '=' ("lang=sl"). Their words are no evidence
// of a language (letter sequences of "onerror" looked Slovenian), so they become spaces.
std::string without_markup(std::string_view text) {
  std::string out(text);
  for (std::size_t open = out.find('<'); open != std::string::npos; open = out.find('<', open + 1)) {
    const std::size_t close = out.find('>', open);
    if (close == std::string::npos) break;
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(open),
              out.begin() + static_cast<std::ptrdiff_t>(close) + 1, ' ');
  }
  for (std::size_t eq = out.find('='); eq != std::string::npos; eq = out.find('=', eq + 1)) {
    std::size_t from = eq;
    while (from > 0 && out[from - 1] != ' ' && out[from - 1] != '\n') --from;
    std::size_t to = eq;
    while (to < out.size() && out[to] != ' ' && out[to] != '\n') ++to;
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(from),
              out.begin() + static_cast<std::ptrdiff_t>(to), ' ');
  }
  return out;
}

// A word neither list knows: how likely each language writes its letter sequences,
// relative to the average of the knowledge base's languages, at most gram_cap either way.
// A language without text there reads its nearest stand-in's sequences ("@without-text").
void add_gram_evidence(std::string_view p, const language_model& model, scores& s) {
  if (p.size() < 3) return;
  std::string padded(1, '_');  // built in steps: GCC 12 warns wrongly on "_" + s + "_"
  padded.append(p);
  padded += '_';
  std::array<double, language_count> log_p{};
  std::size_t grams = 0;
  for (std::size_t i = 0; i + 3 <= padded.size(); ++i) {
    const auto it = model.grams.find(padded.substr(i, 3));
    if (it == model.grams.end()) continue;
    for (std::size_t l = 0; l < log_p.size(); ++l) log_p[l] += it->second[l];
    ++grams;
  }
  if (grams == 0) return;
  language_mask present = model.languages;
  for (std::size_t l = 0; l < log_p.size(); ++l) {
    const std::vector<stand_in>& stand_ins = files().stand_ins[l];
    if ((model.languages & (1u << l)) || stand_ins.empty()) continue;
    const std::size_t nearest = stand_ins.front().language;
    if (!(model.languages & (1u << nearest))) continue;
    log_p[l] = log_p[nearest];
    present |= static_cast<language_mask>(1u << l);
  }
  double mean = 0;
  int count = 0;
  for (std::size_t l = 0; l < log_p.size(); ++l) {
    if (present & (1u << l)) {
      mean += log_p[l];
      ++count;
    }
  }
  mean /= count;
  for (std::size_t l = 0; l < log_p.size(); ++l) {
    if (!(present & (1u << l))) continue;
    const double e = gram_weight * (log_p[l] - mean) / static_cast<double>(grams);
    s[l] += static_cast<float>(std::clamp(e, -gram_cap, gram_cap));
  }
}

}  // namespace

std::string plain_word(std::string_view word) {
  const std::string lower = to_lower(word);
  std::string out;
  out.reserve(lower.size());
  for (std::size_t i = 0; i < lower.size();) {
    const char32_t cp = decode(lower, i);
    if (cp >= 0x400 && cp <= 0x4FF) {  // Cyrillic: its canonical Latin letters
      append_folded(out, cp);
      continue;
    }
    switch (cp) {
      case U'č': case U'ć': out += 'c'; break;
      case U'š': out += 's'; break;
      case U'ž': out += 'z'; break;
      case U'đ': out += "dj"; break;
      default: append_utf8(out, cp);
    }
  }
  return out;
}

namespace {

// A word of the knowledge base's own list (language_words), used by `langs`.
void add_knowledge_base_word(language_mask langs, const language_model& model,
                             const langid_data& data, scores& s) {
  // A word two or three languages share says less than a word of one; a language and its
  // nearest stand-in count as one here (Croatian and Bosnian: a word only they share,
  // "vratiti", "tjedan", says ijekavian, against Serbian, as fully as a Croatian one did
  // before the knowledge base had Bosnian text).
  int sharing = std::popcount(langs);
  for (std::size_t l = 0; l < language_count; ++l) {
    const std::vector<stand_in>& stand_ins = data.stand_ins[l];
    if ((langs & (1u << l)) && !stand_ins.empty() && stand_ins.front().weight >= 1 &&
        (langs & (1u << stand_ins.front().language))) {
      --sharing;
    }
  }
  const float weight = kb_word_weight / static_cast<float>(std::max(sharing, 1));
  for (std::size_t l = 0; l < language_count; ++l) {
    if (langs & (1u << l)) s[l] += weight;
  }
  // A language without text in the knowledge base: its stand-ins' words count for it,
  // the nearest one that uses this word at its weight (Bosnian: Croatian's fully,
  // Serbian's at half, as Bosnian words are often Serbian ones).
  for (std::size_t l = 0; l < language_count; ++l) {
    if (model.languages & (1u << l)) continue;
    for (const stand_in& in : data.stand_ins[l]) {
      if (langs & (1u << in.language)) {
        s[l] += weight * in.weight;
        break;
      }
    }
  }
}

// A word no list knows: its shapes and letter sequences. It may be a brand or a product
// ("wifi", "iphone"), which look English in every language: what it says for the loan
// language is capped, so that such a word alone does not make a query English.
void add_unknown_word(std::string_view p, const language_model* model, const langid_data& data,
                      scores& s) {
  const auto says = [&](shape k) -> const scores& {
    return data.shapes[static_cast<std::size_t>(k)];
  };
  scores spelling{};
  if (ijekavian_spelling(p)) add(spelling, says(shape::ijekavian));
  if (participle_o(p)) add(spelling, says(shape::participle_o));
  if (participle_l(p)) add(spelling, says(shape::participle_l));
  if (english_spelling(p)) add(spelling, says(shape::english_letters));
  if (model && !model->grams.empty()) add_gram_evidence(p, *model, spelling);
  if (data.loan != none) spelling[data.loan] = std::min(spelling[data.loan], data.loan_cap);
  add(s, spelling);
}

// What the words say, each on its own and with the word before it (the files' words, the
// knowledge base's words and letter groups, shapes, constructions).
// loan_words: how many words added to the loan language (English).
scores word_evidence(std::string_view text, const language_model* model, int& loan_words) {
  const langid_data& data = files();
  scores s{};
  words_before before;
  for (const token& t : tokenize(text)) {
    const float loan_before = data.loan == none ? 0 : s[data.loan];
    const std::string_view as_typed = text.substr(t.begin, t.end - t.begin);
    // Search syntax in capitals (AND, OR, NOT, NEAR) is no English.
    if (is_search_operator(as_typed)) continue;
    const std::string written = to_lower(as_typed);
    const std::string p = plain_word(written);
    if (p.find_first_not_of("0123456789") == std::string::npos) continue;
    bool known = false;
    if (const auto it = data.written.find(written); it != data.written.end()) {
      add(s, it->second);
      known = true;
    } else if (written == p) {  // typed without diacritics
      if (const auto pt = data.plain.find(p); pt != data.plain.end()) {
        add(s, pt->second);
        known = true;
      }
    }
    if (model) {
      if (const auto it = model->words.find(p); it != model->words.end()) {
        add_knowledge_base_word(it->second, *model, data, s);
        known = true;
      }
    }
    if (!known) add_unknown_word(p, model, data, s);
    add_construction_evidence(written, p, before, s);
    if (data.loan != none && s[data.loan] > loan_before) ++loan_words;
    before.last = p;
    if (!is_clitic(p)) before.word = p;
  }
  return s;
}

// Letters a language does not write ("@lacks": ć and đ are not Slovenian, and none of č,
// ć, đ, š, ž is English).
void letter_evidence(std::string_view text, scores& s) {
  const std::string lower = to_lower(text);
  for (const missing_letters& m : files().missing) {
    for (const std::string& letter : m.letters) {
      if (contains(lower, letter)) {
        for (std::size_t i = 0; i < s.size(); ++i) s[i] -= m.weight[i];
        break;
      }
    }
  }
}

// The language the evidence names clearly enough, or "" (see identify_language).
std::string decide(const scores& s, std::string_view current, int loan_words) {
  std::array<std::size_t, language_count> order{};
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return s[a] > s[b]; });
  const double best = s[order[0]];
  if (best < min_evidence) return {};
  // The language the customer reads now, without its script.
  const std::string_view reading = written_source(current);
  const std::size_t loan = files().loan;
  language_mask close = 0;  // languages within the margin of the best
  for (std::size_t i : order) {
    if (best - s[i] < clear_margin) close |= static_cast<language_mask>(1u << i);
  }
  std::size_t chosen = order[0];
  if (close != (1u << chosen)) {
    // Languages one stemmer serves (Serbian, Croatian, Bosnian), and the text does not
    // say which: the first in the table, unless the customer reads one of them (below).
    // Others among them (English, Slovenian): unclear.
    const ha::stemmer family = language_or_base(identified_languages[chosen]).stemmer;
    for (std::size_t i = 0; i < language_count; ++i) {
      if ((close & (1u << i)) && language_or_base(identified_languages[i]).stemmer != family) {
        return {};
      }
    }
    chosen = static_cast<std::size_t>(std::countr_zero(close));
  }
  // A customer who reads another language than the loan language (English, the page's
  // default) stays in it unless the text says clearly that it is another: one word the
  // knowledge base happens to use in one of them ("ruter") is not enough.
  for (std::size_t i = 0; i < language_count; ++i) {
    if (i != loan && identified_languages[i] == reading && s[chosen] - s[i] < switch_margin) {
      chosen = i;
    }
  }
  // Every other language borrows English words ("password", "refund", "reset"): one of
  // them does not take a customer who reads another language to English.
  if (chosen == loan && !current.empty() && reading != identified_languages[loan] &&
      loan_words < 2) {
    return {};
  }
  // Serbian in the script the customer reads.
  return std::string(display_language(identified_languages[chosen], false, true, current));
}

}  // namespace

language_guess identify_language(std::string_view text, std::string_view current,
                                 const language_model* model) {
  language_guess guess;
  if (has_cyrillic(text)) {
    guess.lang = display_language({}, true);
    if (const std::size_t i = identified_index(guess.lang); i != none) guess.scores[i] = 1;
    return guess;
  }
  const std::string prose = without_markup(text);
  int loan_words = 0;
  scores s = word_evidence(prose, model, loan_words);
  letter_evidence(prose, s);
  for (std::size_t i = 0; i < s.size(); ++i) guess.scores[i] = s[i];
  guess.lang = decide(s, current, loan_words);
  return guess;
}

std::vector<std::string> langid_file_problems(const langid_file_list& list) {
  std::vector<std::string> problems;
  read_files(list, &problems);
  return problems;
}

}  // namespace ha::text
