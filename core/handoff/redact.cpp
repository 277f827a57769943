#include "handoff/redact.hpp"

#include <algorithm>
#include <cstddef>

#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace ha::handoff {
namespace {

constexpr std::string_view bullet = "\u2022";
// A password's words become this many bullets each, whatever their length, so the
// package does not tell an attacker how long the password is.
constexpr std::string_view password_mask = "\u2022\u2022\u2022\u2022\u2022\u2022";

// Password words in canonical form (text::fold_word: lower case, Cyrillic as Latin, no
// diacritics), so "Šifra", "sifra" and "шифра" are one entry. Whole words only:
// "password" does not match "passwordless". ("pass" is left out: "I cannot pass the
// login page" holds no password.)
constexpr std::string_view password_words[] = {
    // English
    "password", "passwords", "passcode", "pwd",
    // Serbian, Croatian, Bosnian: lozinka, šifra, zaporka in their case forms
    "lozinka", "lozinke", "lozinki", "lozinku", "lozinkom", "lozinkama", "sifra", "sifre", "sifri",
    "sifru", "sifrom", "sifara", "siframa", "zaporka", "zaporke", "zaporki", "zaporku", "zaporkom",
    // Slovenian
    "geslo", "gesla", "geslu", "geslom", "gesli", "gesel"};
// The longest of them in UTF-8 ("лозинкама", 18 bytes); longer words are not folded.
constexpr std::size_t max_password_word_bytes = 24;

// Card numbers have 13-19 digits (ISO/IEC 7812); an IBAN has 15-34 characters
// (ISO 13616), which is at most nine groups of four.
constexpr int min_card_digits = 13;
constexpr int max_card_digits = 19;
constexpr std::size_t min_iban_chars = 15;
constexpr std::size_t max_iban_chars = 34;
constexpr std::size_t max_iban_groups = 9;
constexpr std::size_t jmbg_digits = 13;

enum kind { card, iban, jmbg, password, kind_count };
constexpr std::string_view kind_names[kind_count] = {"card", "iban", "jmbg", "password"};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
  return is_digit(c) || is_letter(c);
}
// Spaces a password line keeps, so the agent sees how many words there were.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
bool all_of(std::string_view s, bool (*pred)(char)) {
  return std::all_of(s.begin(), s.end(), pred);
}

bool has_word_char(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (text::is_word_char(text::decode(s, i))) return true;
  }
  return false;
}

bool is_password_word(std::string_view word) {
  if (word.size() > max_password_word_bytes) return false;
  const std::string folded = text::fold_word(word);
  return std::find(std::begin(password_words), std::end(password_words), folded) !=
         std::end(password_words);
}

// A run of digits between separators; [begin, end) are byte offsets into the text.
struct digit_run {
  std::size_t begin = 0, end = 0;
  std::size_t size() const { return end - begin; }
};

// JMBG: DDMMYYYRRBBBK. The date must exist (YYY 9xx is 1900s, 0xx 2000s) and K is the
// mod-11 check digit; a remainder that gives 10 or 11 is written as 0.
bool is_jmbg(std::string_view d) {
  if (d.size() != jmbg_digits) return false;
  const auto at = [&](std::size_t i) { return d[i] - '0'; };
  const int day = at(0) * 10 + at(1);
  const int month = at(2) * 10 + at(3);
  const int yyy = at(4) * 100 + at(5) * 10 + at(6);
  if (yyy >= 100 && yyy < 900) return false;
  const int year = yyy >= 900 ? 1000 + yyy : 2000 + yyy;
  constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > lengths[month - 1] + (month == 2 && leap ? 1 : 0)) return false;
  constexpr int weights[] = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 12; ++i) sum += at(i) * weights[i];
  int check = 11 - sum % 11;
  if (check > 9) check = 0;
  return check == at(12);
}

// ISO 13616: with the country and check digits moved to the end and letters read as
// A = 10 … Z = 35, an IBAN is a number that is 1 modulo 97. Fed one character at a time,
// so a candidate in groups is checked as it grows instead of from its start each time.
class mod97 {
 public:
  void add(char c) {
    if (is_digit(c)) {
      remainder_ = (remainder_ * 10 + (c - '0')) % 97;
    } else {
      const int value = (c >= 'a' ? c - 'a' : c - 'A') + 10;  // case does not matter
      remainder_ = (remainder_ * 100 + value) % 97;
    }
  }
  // True if the characters added so far, followed by `head` (the first four), pass.
  bool passes_with(std::string_view head) const {
    mod97 whole = *this;
    for (const char c : head) whole.add(c);
    return whole.remainder_ == 1;
  }

 private:
  int remainder_ = 0;
};

bool is_iban_shape_start(std::string_view word) {
  return word.size() >= 4 && is_letter(word[0]) && is_letter(word[1]) && is_digit(word[2]) &&
         is_digit(word[3]) && all_of(word, is_alnum);
}

// One left-to-right pass. Each rule starts only where a word starts, and what it does
// not take is copied as it came, so the output differs from the input only in bullets.
class redactor {
 public:
  explicit redactor(std::string_view text) : in_(text) { out_.reserve(text.size()); }

  redaction run() {
    while (pos_ < in_.size()) {
      std::size_t next = pos_;
      const char32_t cp = text::decode(in_, next);
      const bool word_char = text::is_word_char(cp);
      if (word_char && !after_word_) {
        at_word_start();
        continue;
      }
      // Invalid bytes decode to U+FFFD but are copied as they are.
      out_.append(in_.substr(pos_, next - pos_));
      after_word_ = word_char;
      pos_ = next;
    }
    redaction r;
    r.text = std::move(out_);
    for (int k = 0; k < kind_count; ++k) {
      if (found_[k]) r.kinds.emplace_back(kind_names[k]);
    }
    return r;
  }

 private:
  // The end of the word (letters, digits, combining marks) that starts at `from`.
  std::size_t word_end(std::size_t from) const {
    std::size_t end = from;
    while (end < in_.size()) {
      std::size_t next = end;
      if (!text::is_word_char(text::decode(in_, next))) break;
      end = next;
    }
    return end;
  }

  void at_word_start() {
    const std::size_t end = word_end(pos_);
    const std::string_view word = in_.substr(pos_, end - pos_);
    if (is_password_word(word) && take_password(end)) return;
    if (is_letter(word[0]) && take_iban(end)) return;
    if (all_of(word, is_digit)) {
      take_numbers(end);
      return;
    }
    copy_to(end);
    after_word_ = true;
  }

  void copy_to(std::size_t end) {
    out_.append(in_.substr(pos_, end - pos_));
    pos_ = end;
  }

  // The rest of the line after a password word: each run of non-spaces becomes six
  // bullets. A word with no letter or digit after it on its line ("I forgot my
  // password.") is only a word: there is no password to hide.
  bool take_password(std::size_t word_end) {
    std::size_t line_end = in_.find('\n', word_end);
    if (line_end == std::string_view::npos) line_end = in_.size();
    const std::string_view rest = in_.substr(word_end, line_end - word_end);
    if (!has_word_char(rest)) return false;
    // A colon or an equals sign straight after the word is kept ("lozinka: ••••••"):
    // it is the customer's punctuation, not part of the password.
    std::size_t keep = 0;
    while (keep < rest.size() && (rest[keep] == ':' || rest[keep] == '=')) ++keep;
    copy_to(word_end + keep);
    bool in_run = false;
    for (const char c : rest.substr(keep)) {
      if (is_space(c)) {
        out_ += c;
        in_run = false;
      } else if (!in_run) {
        out_.append(password_mask);
        in_run = true;
      }
    }
    pos_ = line_end;
    after_word_ = false;
    found_[password] = true;
    return true;
  }

  // An IBAN written as one word, or in groups of four separated by single spaces (the
  // last group may be shorter). Groups are whole words of ASCII letters and digits; the
  // longest run of them that passes the check is taken, so a word after the IBAN that
  // happens to have four letters does not hide it.
  bool take_iban(std::size_t first_end) {
    const std::string_view first = in_.substr(pos_, first_end - pos_);
    if (!is_iban_shape_start(first)) return false;  // most words stop here
    std::size_t end = 0;
    if (first.size() == 4) {
      end = grouped_iban_end(first_end);
    } else if (first.size() >= min_iban_chars && first.size() <= max_iban_chars) {
      mod97 rest;
      for (const char c : first.substr(4)) rest.add(c);
      if (rest.passes_with(first.substr(0, 4))) end = first_end;
    }
    if (end == 0) return false;
    out_.append(first.substr(0, 2));  // the country stays readable
    for (const char c : in_.substr(pos_ + 2, end - pos_ - 2)) {
      if (c == ' ') {
        out_ += c;
      } else {
        out_.append(bullet);
      }
    }
    pos_ = end;
    after_word_ = true;
    found_[iban] = true;
    return true;
  }

  // One past the longest valid IBAN in groups whose first group (four characters) ends
  // at `at`, or 0 if there is none.
  std::size_t grouped_iban_end(std::size_t at) const {
    const std::string_view head = in_.substr(pos_, 4);
    mod97 rest;  // the groups after the first
    std::size_t chars = head.size();
    std::size_t found = 0;
    for (std::size_t groups = 1; groups < max_iban_groups; ++groups) {
      if (at + 1 >= in_.size() || in_[at] != ' ') break;
      const std::size_t end = alnum_word_end(at + 1);
      const std::size_t size = end - (at + 1);
      if (size == 0 || size > 4) break;
      for (const char c : in_.substr(at + 1, size)) rest.add(c);
      chars += size;
      at = end;
      if (chars >= min_iban_chars && chars <= max_iban_chars && rest.passes_with(head)) {
        found = end;
      }
      if (size < 4) break;  // only the last group may be short
    }
    return found;
  }

  // The end of a word of ASCII letters and digits that starts at `from`, or `from` when
  // the word there holds other characters (it is then no IBAN group).
  std::size_t alnum_word_end(std::size_t from) const {
    std::size_t end = from;
    while (end < in_.size() && is_alnum(in_[end])) ++end;
    if (end == from || end == in_.size()) return end;
    std::size_t next = end;
    return text::is_word_char(text::decode(in_, next)) ? from : end;
  }

  // Digit words joined by single spaces or hyphens ("4111 1111-1111 1111"), read from
  // the left: a 13-digit group that is a JMBG is one; otherwise the longest span of whole
  // groups starting here with 13-19 digits that passes Luhn is a card, so a card followed
  // by another number ("… 1111 123") is still found. Groups are never split: no card is
  // read out of the middle of a longer run of digits.
  void take_numbers(std::size_t first_end) {
    std::vector<digit_run> groups = {{pos_, first_end}};
    std::size_t at = first_end;
    while (at + 1 < in_.size() && (in_[at] == ' ' || in_[at] == '-') && is_digit(in_[at + 1])) {
      const std::size_t end = word_end(at + 1);
      if (!all_of(in_.substr(at + 1, end - at - 1), is_digit)) break;
      groups.push_back({at + 1, end});
      at = end;
    }
    std::size_t g = 0;
    while (g < groups.size()) {
      if (group_is_jmbg(groups[g])) {
        copy_to(groups[g].begin);
        for (std::size_t i = 0; i < jmbg_digits; ++i) out_.append(bullet);
        pos_ = groups[g].end;
        found_[jmbg] = true;
        ++g;
        continue;
      }
      const std::size_t last = card_end(groups, g);
      if (last == g) {
        ++g;
        continue;
      }
      copy_to(groups[g].begin);
      mask_card(groups[last - 1].end);
      found_[card] = true;
      g = last;
    }
    copy_to(groups.back().end);
    after_word_ = true;
  }

  bool group_is_jmbg(digit_run group) const {
    return group.size() == jmbg_digits && is_jmbg(in_.substr(group.begin, group.size()));
  }

  // One past the last group of the card that starts at group `first`, or `first` when
  // none does. A JMBG group ends the search: it is not part of a card.
  std::size_t card_end(const std::vector<digit_run>& groups, std::size_t first) const {
    // Digit sums by position from the left (even, odd), plain and doubled: the Luhn sum of
    // every candidate length comes from them without reading its digits again. The last
    // digit is never doubled, so for n digits position n-1's parity is plain.
    int plain[2] = {0, 0};
    int doubled[2] = {0, 0};
    int digits = 0;
    std::size_t best = first;
    for (std::size_t g = first; g < groups.size() && !group_is_jmbg(groups[g]); ++g) {
      if (digits + static_cast<int>(groups[g].size()) > max_card_digits) break;
      for (std::size_t i = groups[g].begin; i < groups[g].end; ++i) {
        const int d = in_[i] - '0';
        plain[digits % 2] += d;
        doubled[digits % 2] += d * 2 > 9 ? d * 2 - 9 : d * 2;
        ++digits;
      }
      const int sum = plain[(digits - 1) % 2] + doubled[digits % 2];
      if (digits >= min_card_digits && sum % 10 == 0) best = g + 1;  // longest wins
    }
    return best;
  }

  // Every digit up to `end` but the last four becomes a bullet; separators stay.
  void mask_card(std::size_t end) {
    const std::string_view number = in_.substr(pos_, end - pos_);
    const auto total = std::count_if(number.begin(), number.end(), is_digit);
    long seen = 0;
    for (const char c : number) {
      if (!is_digit(c)) {
        out_ += c;
      } else if (++seen <= total - 4) {
        out_.append(bullet);
      } else {
        out_ += c;
      }
    }
    pos_ = end;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  bool after_word_ = false;  // the code point before pos_ belongs to a word
  std::string out_;
  bool found_[kind_count] = {};
};

}  // namespace

redaction redact(std::string_view text) {
  return redactor(text).run();
}

}  // namespace ha::handoff
