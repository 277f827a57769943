#include "text/fold.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace ha::text {
namespace {

// Base letters for U+00C0..U+00FF; '?' marks entries handled separately.
constexpr std::string_view latin1 =
    "aaaaaa?ceeeeiiii"   // C0-CF (C6 Æ)
    "dnooooo?ouuuuy??"   // D0-DF (D7 ×, DE Þ, DF ß)
    "aaaaaa?ceeeeiiii"   // E0-EF (E6 æ)
    "dnooooo?ouuuuy?y";  // F0-FF (F7 ÷, FE þ)

// Base letters for U+0100..U+017F (Latin Extended-A); '?' marks ligatures.
constexpr std::string_view latin_ext_a =
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "ii??jjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oo??rrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";

// Cyrillic U+0430..U+044F (Russian alphabet order), one Latin string each.
constexpr std::string_view cyrillic_basic[32] = {
    "a", "b", "v", "g", "d", "e", "z", "z", "i", "j",  "k", "l", "m", "n", "o",  "p",
    "r", "s", "t", "u", "f", "h", "c", "c", "s", "sc", "",  "y", "",  "e", "ju", "ja"};

// Cyrillic U+0450..U+045F: ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ. Serbian letters follow Serbian
// Latin with diacritics removed (ђ→đ→d, ћ→ć→c, џ→dž→dz).
constexpr std::string_view cyrillic_ext[16] = {"e", "e",  "d",  "g", "e", "dz", "i", "i",
                                               "j", "lj", "nj", "c", "k", "i",  "u", "dz"};

}  // namespace

bool is_word_char(char32_t cp) noexcept {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  if (cp < 0xC0) return false;                     // Latin-1 punctuation and symbols
  if (cp == 0xD7 || cp == 0xF7) return false;      // × ÷
  if (cp >= 0x2B0 && cp <= 0x2FF) return false;    // spacing modifier letters
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, currency, arrows, symbols
  if (cp >= 0x2E00 && cp <= 0x2E7F) return false;  // supplemental punctuation
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xD800 && cp <= 0xF8FF) return false;  // surrogates, private use
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;  // variation selectors
  if (cp >= 0xFE30 && cp <= 0xFE6F) return false;  // compatibility punctuation
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // full-width punctuation
  if (cp >= 0xFFF0) {
    // Specials (U+FFFD among them), emoji and pictographs, tags, private-use planes.
    if (cp <= 0xFFFF) return false;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;
    if (cp >= 0xE0000) return false;
  }
  return true;
}

void append_folded(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    return;
  }
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char base = latin1[cp - 0xC0];
    if (base != '?') {
      out += base;
    } else if (cp == 0xC6 || cp == 0xE6) {
      out += "ae";
    } else if (cp == 0xDE || cp == 0xFE) {
      out += "th";
    } else if (cp == 0xDF) {
      out += "ss";
    }
    return;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    const char base = latin_ext_a[cp - 0x100];
    if (base != '?') {
      out += base;
    } else {
      out += (cp == 0x132 || cp == 0x133) ? "ij" : "oe";
    }
    return;
  }
  if (cp >= 0x1C4 && cp <= 0x1CC) {  // Ǆ ǅ ǆ Ǉ ǈ ǉ Ǌ ǋ ǌ: one code point, two letters
    out += cp <= 0x1C6 ? "dz" : cp <= 0x1C9 ? "lj" : "nj";
    return;
  }
  if (cp >= 0x300 && cp <= 0x36F) return;  // combining marks: NFD input folds like NFC
  if (cp >= 0x400 && cp <= 0x45F) {
    if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;  // upper → lower
    if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
    if (cp >= 0x450) {
      out += cyrillic_ext[cp - 0x450];
    } else {
      out += cyrillic_basic[cp - 0x430];
    }
    return;
  }
  if (cp == 0x490 || cp == 0x491) {  // Ґ ґ
    out += 'g';
    return;
  }
  if (cp == 0x189 || cp == 0x256) {  // Ɖ ɖ, look-alikes of Đ typed by mistake
    out += 'd';
    return;
  }
  append_utf8(out, cp);
}

std::string fold_word(std::string_view word) {
  std::string out;
  fold_word_into(word, out);
  return out;
}

void fold_word_into(std::string_view word, std::string& out) {
  out.clear();
  // An ASCII word, most of the text, folds here without decoding: lower case and the
  // same "dj" rule as below.
  if (std::all_of(word.begin(), word.end(), [](char c) { return (c & 0x80) == 0; })) {
    out.assign(word);
    std::size_t n = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
      char c = out[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c == 'j' && n > 0 && out[n - 1] == 'd') continue;
      out[n++] = c;
    }
    out.resize(n);
    return;
  }
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    append_folded(out, decode(word, i));
    // "dj" → "d" as soon as it appears, so the result never holds "dj" (folding twice
    // gives the same word).
    if (out.size() >= 2 && out.back() == 'j' && out[out.size() - 2] == 'd') out.pop_back();
  }
}

std::string to_lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = decode(text, i);
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
        (cp >= 0x410 && cp <= 0x42F)) {
      cp += 0x20;
    } else if (cp >= 0x400 && cp <= 0x40F) {
      cp += 0x50;
    } else if (cp >= 0x100 && cp <= 0x17E && cp != 0x130 && cp != 0x138 && cp != 0x149) {
      // Pairs: even upper, odd lower, except in 0x139-0x148 and 0x179-0x17E (odd upper).
      const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
      if (odd_upper ? (cp % 2 == 1) : (cp % 2 == 0)) cp += 1;
    } else if (cp == 0x178) {
      cp = 0xFF;  // Ÿ → ÿ
    } else if (cp == 0x1C4 || cp == 0x1C7 || cp == 0x1CA) {
      cp += 2;  // Ǆ → ǆ
    } else if (cp == 0x1C5 || cp == 0x1C8 || cp == 0x1CB) {
      cp += 1;  // ǅ → ǆ
    }
    append_utf8(out, cp);
  }
  return out;
}

bool has_cyrillic(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = decode(text, i);
    if (cp >= 0x400 && cp <= 0x4FF) return true;
  }
  return false;
}

}  // namespace ha::text
