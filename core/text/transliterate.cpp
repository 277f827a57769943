#include "text/transliterate.hpp"

#include <array>
#include <vector>

#include "text/utf8.hpp"

namespace ha::text {
namespace {

// Word starts where "nj" or "dž" are two letters (a prefix ending in n/d before j/ž).
constexpr std::array<std::string_view, 16> split_digraph_prefixes = {
    "injekc", "injekt",  "injicir", "konjug", "konjunk", "anjon",  "tanjug", "vanjezičk",
    "nadživ", "nadžanj", "odžal",   "odživ",  "podžanr", "podžig", "podžup", "predživ"};

// Foreign words customers know in Latin, and units; they are not transliterated.
constexpr std::array<std::string_view, 17> keep_latin_words = {
    "mail",    "maila",   "mailu", "mailom", "mailove", "online", "offline", "bluetooth", "router",
    "routera", "android", "ios",   "ghz",    "mhz",     "mbps",   "gbps",    "kbps"};

struct letter {
  std::string_view latin_lower;
  std::string_view cyr_lower;
  std::string_view cyr_upper;
};

// Longest first: digraphs before their single letters.
constexpr letter letters[] = {
    {"dž", "џ", "Џ"}, {"lj", "љ", "Љ"}, {"nj", "њ", "Њ"}, {"a", "а", "А"}, {"b", "б", "Б"},
    {"c", "ц", "Ц"},  {"č", "ч", "Ч"},  {"ć", "ћ", "Ћ"},  {"d", "д", "Д"}, {"đ", "ђ", "Ђ"},
    {"e", "е", "Е"},  {"f", "ф", "Ф"},  {"g", "г", "Г"},  {"h", "х", "Х"}, {"i", "и", "И"},
    {"j", "ј", "Ј"},  {"k", "к", "К"},  {"l", "л", "Л"},  {"m", "м", "М"}, {"n", "н", "Н"},
    {"o", "о", "О"},  {"p", "п", "П"},  {"r", "р", "Р"},  {"s", "с", "С"}, {"š", "ш", "Ш"},
    {"t", "т", "Т"},  {"u", "у", "У"},  {"v", "в", "В"},  {"z", "з", "З"}, {"ž", "ж", "Ж"},
};

bool is_latin_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x17F);
}
bool is_upper(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || cp == U'Č' || cp == U'Ć' || cp == U'Đ' || cp == U'Š' ||
         cp == U'Ž';
}
char32_t to_lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  switch (cp) {
    case U'Č': return U'č';
    case U'Ć': return U'ć';
    case U'Đ': return U'đ';
    case U'Š': return U'š';
    case U'Ž': return U'ž';
    default: return cp;
  }
}

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) out.push_back(decode(s, i));
  return out;
}

std::string lower_utf8(const std::vector<char32_t>& word) {
  std::string out;
  for (const char32_t cp : word) append_utf8(out, to_lower(cp));
  return out;
}

bool keep_in_latin(const std::vector<char32_t>& word) {
  int upper = 0;
  for (std::size_t k = 0; k < word.size(); ++k) {
    const char32_t lc = to_lower(word[k]);
    if (lc == 'q' || lc == 'w' || lc == 'x' || lc == 'y') return true;
    if (is_upper(word[k])) {
      ++upper;
      if (k > 0 && !is_upper(word[k - 1])) return true;  // SavaNova, eSIM
    }
  }
  if (upper >= 2 && upper == static_cast<int>(word.size())) return true;  // SIM, HDMI
  const std::string lower = lower_utf8(word);
  for (const auto w : keep_latin_words) {
    if (lower == w) return true;
  }
  return false;
}

std::string transliterate_word(const std::vector<char32_t>& word) {
  const std::string lower = lower_utf8(word);
  std::size_t split_at = std::string::npos;  // byte offset in `lower` where a digraph splits
  for (const auto prefix : split_digraph_prefixes) {
    if (lower.rfind(prefix, 0) == 0) {
      // The digraph that splits is the one whose first letter ends the prefix's stem:
      // "in|jekc", "kon|jug", "nad|živ" — find "nj"/"dž" inside the prefix.
      for (std::size_t k = 0; k + 1 < prefix.size(); ++k) {
        if (prefix.substr(k, 2) == "nj" || prefix.substr(k, 3) == "dž") split_at = k;
      }
      break;
    }
  }
  std::string out;
  std::size_t byte = 0;  // offset in `lower` of word[k]
  for (std::size_t k = 0; k < word.size();) {
    const std::string_view rest = std::string_view(lower).substr(byte);
    const letter* match = nullptr;
    for (const letter& l : letters) {
      if (rest.rfind(l.latin_lower, 0) == 0) {
        const bool digraph = l.latin_lower.size() > 1 && l.latin_lower != "č" &&
                             l.latin_lower != "ć" && l.latin_lower != "đ" && l.latin_lower != "š" &&
                             l.latin_lower != "ž";
        if (digraph && byte == split_at) continue;
        match = &l;
        break;
      }
    }
    if (match == nullptr) {
      append_utf8(out, word[k]);
      std::string one;
      append_utf8(one, to_lower(word[k]));
      byte += one.size();
      ++k;
      continue;
    }
    out += is_upper(word[k]) ? match->cyr_upper : match->cyr_lower;
    // Advance over the Latin letters the match covered.
    const std::size_t letters_used = code_points(match->latin_lower).size();
    for (std::size_t used = 0; used < letters_used; ++used, ++k) {
      std::string one;
      append_utf8(one, to_lower(word[k]));
      byte += one.size();
    }
  }
  return out;
}

// A name with a dot inside, two letters or more on each side: a domain or an access
// point name (internet.savanova, app.savanova.rs), not the end of a sentence ("kraj.")
// or an abbreviation ("t.j.").
bool has_inner_dot(std::string_view chunk) {
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (std::size_t dot = chunk.find('.'); dot != std::string_view::npos;
       dot = chunk.find('.', dot + 1)) {
    if (dot >= 2 && dot + 2 < chunk.size() && letter(chunk[dot - 1]) && letter(chunk[dot - 2]) &&
        letter(chunk[dot + 1]) && letter(chunk[dot + 2])) {
      return true;
    }
  }
  return false;
}

bool chunk_is_address(std::string_view chunk) {
  return chunk.find('@') != std::string_view::npos || chunk.find("://") != std::string_view::npos ||
         chunk.find("www.") != std::string_view::npos ||
         chunk.find(".example") != std::string_view::npos || has_inner_dot(chunk);
}

void transliterate_chunk(std::string& out, std::string_view chunk) {
  if (chunk_is_address(chunk)) {
    out += chunk;
    return;
  }
  const std::vector<char32_t> cps = code_points(chunk);
  // Split into words (runs of Latin letters) and the rest.
  struct piece {
    std::vector<char32_t> cps;
    bool word;
    bool keep = false;
  };
  std::vector<piece> pieces;
  for (const char32_t cp : cps) {
    const bool w = is_latin_letter(cp);
    if (pieces.empty() || pieces.back().word != w) pieces.push_back({{}, w});
    pieces.back().cps.push_back(cp);
  }
  // Letters written against a digit are a code or a unit (5G, 4K, 2.4GHz): Latin.
  const auto touches_digit = [&](std::size_t k) {
    const auto digit = [](char32_t cp) { return cp >= '0' && cp <= '9'; };
    return (k > 0 && digit(pieces[k - 1].cps.back())) ||
           (k + 1 < pieces.size() && digit(pieces[k + 1].cps.front()));
  };
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    if (pieces[k].word) pieces[k].keep = keep_in_latin(pieces[k].cps) || touches_digit(k);
  }
  // Words joined by '-' are one compound: if one part stays Latin, all do (Wi-Fi, e-mail).
  const auto hyphen = [&](std::size_t k) {
    return k < pieces.size() && pieces[k].cps == std::vector<char32_t>{'-'};
  };
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t k = 0; k + 2 < pieces.size(); ++k) {
      if (pieces[k].word && hyphen(k + 1) && pieces[k + 2].word &&
          (pieces[k].keep || pieces[k + 2].keep)) {
        pieces[k].keep = pieces[k + 2].keep = true;
      }
    }
  }
  for (const piece& p : pieces) {
    if (p.word && !p.keep) {
      out += transliterate_word(p.cps);
    } else {
      for (const char32_t cp : p.cps) append_utf8(out, cp);
    }
  }
}

}  // namespace

std::string serbian_latin_to_cyrillic(std::string_view latin) {
  std::string out;
  out.reserve(latin.size() * 2);
  std::size_t i = 0;
  while (i < latin.size()) {
    std::size_t end = i;
    while (end < latin.size() && latin[end] != ' ' && latin[end] != '\n' && latin[end] != '\t')
      ++end;
    transliterate_chunk(out, latin.substr(i, end - i));
    while (end < latin.size() && (latin[end] == ' ' || latin[end] == '\n' || latin[end] == '\t')) {
      out += latin[end++];
    }
    i = end;
  }
  return out;
}

}  // namespace ha::text
