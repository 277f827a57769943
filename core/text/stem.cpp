#include "text/stem.hpp"

#include <algorithm>
#include <array>

#include "text/stopwords.hpp"

namespace ha::text {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_ascii_word(std::string_view w) {
  return std::all_of(w.begin(), w.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

// ---------------------------------------------------------------------------------------
// English: Porter (1980). m() counts vowel-consonant sequences in the stem; the rules
// strip or rewrite suffixes only when the stem left behind is long enough.
class porter {
 public:
  explicit porter(std::string word) : b_(std::move(word)) {}

  std::string run() {
    if (b_.size() <= 2) return b_;
    step1a();
    step1b();
    step1c();
    step2();
    step3();
    step4();
    step5();
    return b_;
  }

 private:
  std::string b_;

  bool consonant(std::size_t i) const {
    switch (b_[i]) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u': return false;
      case 'y': return i == 0 || !consonant(i - 1);
      default: return true;
    }
  }
  // The measure of b_[0, end): the number of VC sequences.
  int measure(std::size_t end) const {
    int m = 0;
    std::size_t i = 0;
    while (i < end && consonant(i)) ++i;
    while (i < end) {
      while (i < end && !consonant(i)) ++i;
      if (i >= end) break;
      while (i < end && consonant(i)) ++i;
      ++m;
    }
    return m;
  }
  bool has_vowel(std::size_t end) const {
    for (std::size_t i = 0; i < end; ++i) {
      if (!consonant(i)) return true;
    }
    return false;
  }
  bool double_consonant(std::size_t end) const {
    return end >= 2 && b_[end - 1] == b_[end - 2] && consonant(end - 1);
  }
  // consonant-vowel-consonant ending at end, the last not w, x or y.
  bool cvc(std::size_t end) const {
    if (end < 3 || !consonant(end - 1) || consonant(end - 2) || !consonant(end - 3)) return false;
    const char c = b_[end - 1];
    return c != 'w' && c != 'x' && c != 'y';
  }
  bool ends(std::string_view s) const { return ends_with(b_, s); }
  std::size_t stem_end(std::string_view suffix) const { return b_.size() - suffix.size(); }
  void replace(std::string_view suffix, std::string_view with) {
    b_.replace(stem_end(suffix), suffix.size(), with);
  }
  // Replaces suffix when the stem before it has measure > min.
  bool rule(std::string_view suffix, std::string_view with, int min) {
    if (!ends(suffix)) return false;
    if (measure(stem_end(suffix)) > min) replace(suffix, with);
    return true;
  }

  void step1a() {
    if (ends("sses"))
      replace("sses", "ss");
    else if (ends("ies"))
      replace("ies", "i");
    else if (ends("ss"))
      return;
    else if (ends("s"))
      replace("s", "");
  }
  void step1b() {
    bool again = false;
    if (ends("eed")) {
      if (measure(stem_end("eed")) > 0) replace("eed", "ee");
      return;
    }
    for (const std::string_view s : {"ed", "ing"}) {
      if (ends(s) && has_vowel(stem_end(s))) {
        replace(s, "");
        again = true;
        break;
      }
    }
    if (!again) return;
    if (ends("at") || ends("bl") || ends("iz")) {
      b_ += 'e';
    } else if (double_consonant(b_.size()) && !ends("l") && !ends("s") && !ends("z")) {
      b_.pop_back();
    } else if (measure(b_.size()) == 1 && cvc(b_.size())) {
      b_ += 'e';
    }
  }
  void step1c() {
    if (ends("y") && has_vowel(stem_end("y"))) b_.back() = 'i';
  }
  void step2() {
    static constexpr std::pair<std::string_view, std::string_view> rules[] = {
        {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"},   {"anci", "ance"},
        {"izer", "ize"},    {"abli", "able"},   {"alli", "al"},     {"entli", "ent"},
        {"eli", "e"},       {"ousli", "ous"},   {"ization", "ize"}, {"ation", "ate"},
        {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"}, {"fulness", "ful"},
        {"ousness", "ous"}, {"aliti", "al"},    {"iviti", "ive"},   {"biliti", "ble"}};
    for (const auto& [suffix, with] : rules) {
      if (rule(suffix, with, 0)) return;
    }
  }
  void step3() {
    static constexpr std::pair<std::string_view, std::string_view> rules[] = {
        {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
        {"ical", "ic"},  {"ful", ""},   {"ness", ""}};
    for (const auto& [suffix, with] : rules) {
      if (rule(suffix, with, 0)) return;
    }
  }
  void step4() {
    static constexpr std::string_view suffixes[] = {
        "al",  "ance", "ence", "er",  "ic",  "able", "ible", "ant", "ement", "ment",
        "ent", "ion",  "ou",   "ism", "ate", "iti",  "ous",  "ive", "ize"};
    // Longest match first among those that end the word.
    std::string_view best;
    for (const auto s : suffixes) {
      if (ends(s) && s.size() > best.size()) best = s;
    }
    if (best.empty()) return;
    const std::size_t end = stem_end(best);
    if (measure(end) <= 1) return;
    if (best == "ion" && !(end > 0 && (b_[end - 1] == 's' || b_[end - 1] == 't'))) return;
    b_.erase(end);
  }
  void step5() {
    if (ends("e")) {
      const int m = measure(b_.size() - 1);
      if (m > 1 || (m == 1 && !cvc(b_.size() - 1))) b_.pop_back();
    }
    if (measure(b_.size()) > 1 && double_consonant(b_.size()) && ends("l")) b_.pop_back();
  }
};

// ---------------------------------------------------------------------------------------
// Suffix stripping shared by the South Slavic stemmers: remove the longest listed suffix
// that leaves at least min_stem letters.
constexpr std::size_t min_stem = 3;

void strip_longest(std::string& w, std::initializer_list<std::string_view> suffixes) {
  std::string_view best;
  for (const auto s : suffixes) {
    if (s.size() > best.size() && ends_with(w, s) && w.size() - s.size() >= min_stem) best = s;
  }
  w.erase(w.size() - best.size());
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Serbian, Croatian, Bosnian.
std::string stem_bcs(std::string w) {
  // Jat: ijekavian "ije"/"je" after a consonant is ekavian "e" (mlijeko/mleko,
  // promjena/promena, vrijeme/vreme). Applied to both spellings, so they meet.
  for (std::size_t i = 1; i + 1 < w.size(); ++i) {
    if (is_vowel(w[i - 1])) continue;
    if (w.compare(i, 3, "ije") == 0) {
      w.replace(i, 3, "e");
    } else if (w.compare(i, 2, "je") == 0 && w[i - 1] != 'l' && w[i - 1] != 'n') {
      w.replace(i, 2, "e");
    }
  }
  // Iotation in past participles of verbs in -iti after a labial: zaboravljen →
  // zaborav (zaboraviti), ostavljen → ostav, upotrebljen → upotreb.
  for (const std::string_view labial : {"vlj", "blj", "plj", "mlj"}) {
    const std::size_t at = w.rfind(labial);
    if (at != std::string::npos && at + 3 < w.size() && w.compare(at + 3, 2, "en") == 0) {
      w.erase(at + 1, 2);
      break;
    }
  }
  strip_longest(
      w,
      {// nouns and adjectives
       "a", "e", "i", "o", "u", "om", "em", "ama", "ima", "ov", "ev", "ovi", "evi", "ova", "eva",
       "ove", "eve", "ovima", "evima", "ih", "im", "og", "oj", "oga", "ome", "omu", "emu", "ega",
       "iji", "ija", "ije", "iju", "ijih", "ijim", "ijoj", "ijom", "ijeg", "ijem", "nost", "nosti",
       "noscu", "ost", "osti", "oscu", "ic", "ica", "ice", "ici", "icu", "icom", "icama",
       // verbs: infinitive, present, past participle, passive participle, verbal noun
       "ati", "iti", "uti", "ovati", "ivati", "avati", "am", "as", "amo", "ate", "im", "is", "imo",
       "ite", "es", "emo", "ao", "io", "ila", "ilo", "ili", "ile", "ala", "alo", "ali", "ale", "eo",
       "ela", "elo", "eli", "ele", "en", "ena", "eno", "eni", "ene", "enu", "enog", "enom", "jen",
       "jena", "jeno", "jeni", "jene", "anje", "anja", "anju", "anjem", "enje", "enja", "enju",
       "enjem", "uci", "ajuci", "eci", "ici"});
  // Sound change: k/g/h become c/z/s before -i (greška → grešci); after stripping -i a
  // stem ending in consonant + "c" goes back to "k" (gresc → gresk, lozinc → lozink).
  if (w.size() > min_stem && w.back() == 'c' && !is_vowel(w[w.size() - 2])) w.back() = 'k';
  return w;
}

std::string stem_slovene(std::string w) {
  strip_longest(
      w, {// nouns and adjectives, singular, dual and plural
          "a", "e", "i", "o", "u", "om", "em", "ov", "ev", "ih", "im", "ah", "am", "ama", "ami",
          "ega", "emu", "ima", "imi", "ja", "je", "ji", "jo", "ju", "jem", "jih", "jev", "ost",
          "osti", "ostjo",
          // verbs
          "ati", "iti", "ovati", "evati", "am", "as", "amo", "ajo", "im", "is", "imo", "ijo", "em",
          "es", "emo", "ejo", "al", "ala", "alo", "ali", "ale", "il", "ila", "ilo", "ili", "ile",
          "el", "ela", "elo", "eli", "ele", "anje", "anja", "anju", "enje", "enja"});
  return w;
}

}  // namespace

namespace {

// Porter reduces a few everyday words to another everyday word: "evening" to "even"
// (so "slow in the evening" found articles that say "even"), "news" to "new",
// "business" to "busi" with "busy". Those keep a stem of their own.
std::string english_stem(std::string_view folded_word) {
  static constexpr std::pair<std::string_view, std::string_view> own_stems[] = {
      {"evening", "evening"}, {"evenings", "evening"}, {"news", "news"},
      {"business", "business"}, {"businesses", "business"}};
  for (const auto& [word, kept] : own_stems) {
    if (folded_word == word) return std::string(kept);
  }
  return porter(std::string(folded_word)).run();
}

}  // namespace

std::string stem(std::string_view folded_word, stem_language language) {
  // Only plain folded words are stemmed: digits, other scripts and very short words
  // are left as they are.
  if (folded_word.size() <= min_stem || !is_ascii_word(folded_word))
    return std::string(folded_word);
  if (std::any_of(folded_word.begin(), folded_word.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    return std::string(folded_word);
  }
  switch (language) {
    case stem_language::english: return english_stem(folded_word);
    case stem_language::bcs: return stem_bcs(std::string(folded_word));
    case stem_language::slovene: return stem_slovene(std::string(folded_word));
  }
  return std::string(folded_word);
}

std::vector<std::string> search_forms(std::string_view folded_word) {
  std::vector<std::string> forms;
  for (const stem_language language : all_stem_languages) {
    std::string s = stem(folded_word, language);
    // A stem that is a stopword is another word ("nije" read as ijekavian gives "ne"):
    // searched and marked as a form, it would match most rows of the language.
    if (s != folded_word && !is_stopword(s) &&
        std::find(forms.begin(), forms.end(), s) == forms.end()) {
      forms.push_back(std::move(s));
    }
  }
  return forms;
}

}  // namespace ha::text
