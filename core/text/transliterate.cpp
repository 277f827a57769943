#include "text/transliterate.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "text/utf8.hpp"

namespace ha::text {
namespace {

// Word starts where "nj" or "dž" are two letters (a prefix ending in n/d before j/ž).
constexpr std::array<std::string_view, 16> split_digraph_prefixes = {
    "injekc", "injekt",  "injicir", "konjug", "konjunk", "anjon",  "tanjug", "vanjezičk",
    "nadživ", "nadžanj", "odžal",   "odživ",  "podžanr", "podžig", "podžup", "predživ"};

// Foreign, brand and technical words customers know in Latin, and units: they stay in
// Latin, with a Serbian ending of up to four letters too ("developerima", "linkom").
constexpr std::string_view keep_latin_words[] = {
    "email", "mail", "online", "offline", "bluetooth", "router", "android", "ios", "google",
    "adobe", "username", "developer", "source", "input", "output", "login", "logout",
    "cloud", "update", "software", "hardware", "browser", "chrome",
    "firefox", "safari", "facebook", "instagram", "viber", "whatsapp", "netflix", "spotify",
    "paypal", "visa", "mastercard", "samsung", "huawei", "xiaomi", "nokia", "apple", "microsoft",
    "windows", "office", "excel", "word", "zoom", "skype", "tiktok", "ghz", "mhz", "mbps", "gbps",
    "kbps"};
constexpr std::size_t max_ending = 4;

// Acronyms: in capitals they stay Latin in any sentence (SIM kartica, INTERNET NE RADI).
constexpr std::string_view acronyms[] = {
    "sim", "pin", "puk", "sms", "mms", "usb", "hdmi", "tv", "hd", "lte", "apn", "ip", "dns",
    "wps", "led", "pdf", "qr", "id", "ok", "eu", "usa", "iban", "swift", "faq", "gb", "mb",
    "kb", "tb"};
// Serbian acronyms, of Serbian words: a Cyrillic text writes them in Cyrillic (ПДВ, ЈМБГ,
// ПИБ, МУП), as Serbian forms and invoices do.
constexpr std::string_view serbian_acronyms[] = {"pdv", "jmbg", "pib", "mup", "ptt", "rts",
                                                 "nbs", "rfzo", "apr", "jkp", "eps"};
// A word in capitals this short, in a sentence not written in capitals, is an acronym.
constexpr std::size_t max_acronym_letters = 4;

// Where Serbian writes d and j as two letters although authors type đ as "dj": after
// these prefixes (odjava, podjednako, nadjačati, predjelo), and in ijekavian words.
constexpr std::string_view dj_prefixes[] = {"od", "pod", "nad", "pred"};
constexpr std::string_view ijekavian_dj[] = {"gdje", "ovdje", "ondje", "negdje", "nigdje",
                                             "svugdje", "djec", "djet", "djevojk", "djed",
                                             "nedjelj"};

struct letter {
  std::string_view latin_lower;
  std::string_view cyr_lower;
  std::string_view cyr_upper;
};

// Longest first: digraphs before their single letters.
constexpr letter letters[] = {
    {"dž", "џ", "Џ"}, {"dj", "ђ", "Ђ"}, {"lj", "љ", "Љ"}, {"nj", "њ", "Њ"}, {"a", "а", "А"}, {"b", "б", "Б"},
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

// The letters of Serbian Latin, in lower case (q, w, x, y and other letters are foreign).
bool is_serbian_letter(char32_t lc) {
  return (lc >= 'a' && lc <= 'z' && lc != 'q' && lc != 'w' && lc != 'x' && lc != 'y') ||
         lc == U'č' || lc == U'ć' || lc == U'đ' || lc == U'š' || lc == U'ž';
}

bool all_capitals(const std::vector<char32_t>& word) {
  if (word.size() < 2) return false;
  for (const char32_t cp : word) {
    if (!is_upper(cp)) return false;
  }
  return true;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Serbian writes "th" only where a prefix ending in t meets a word starting with h
// (prethodni, pothodnik, othraniti); anywhere else it is a foreign word's (Brother, Thomas).
constexpr std::string_view th_prefixes[] = {"pret", "nepret", "pot", "ot"};

bool serbian_th(const std::vector<char32_t>& word, std::size_t h_at) {
  const std::string before_h = lower_utf8(std::vector<char32_t>(word.begin(), word.begin() + h_at));
  return std::find(std::begin(th_prefixes), std::end(th_prefixes), before_h) !=
         std::end(th_prefixes);
}

// caps_sentence: the sentence the word stands in is written in capitals.
bool keep_in_latin(const std::vector<char32_t>& word, bool caps_sentence) {
  if (all_capitals(word)) {
    const std::string lower = lower_utf8(word);
    for (const auto a : serbian_acronyms) {
      if (lower == a) return false;  // PTT, not a doubled consonant of a foreign word
    }
  }
  char32_t before = 0;
  for (std::size_t k = 0; k < word.size(); ++k) {
    const char32_t lc = to_lower(word[k]);
    if (!is_serbian_letter(lc)) return true;                              // Über, Wi-Fi
    if (is_upper(word[k]) && k > 0 && !is_upper(word[k - 1])) return true;  // SavaNova, eSIM
    const bool vowel = lc == 'a' || lc == 'e' || lc == 'i' || lc == 'o' || lc == 'u';
    if (lc == before && !vowel && lc != 'j') return true;  // Jellena, muzzičkog (not najjači)
    if (before == 'p' && lc == 'h') return true;           // Photoshop
    if (before == 't' && lc == 'h' && !serbian_th(word, k)) return true;  // Brother, Thomas
    before = lc;
  }
  const std::string lower = lower_utf8(word);
  if (all_capitals(word)) {
    for (const auto a : acronyms) {
      if (lower == a) return true;
    }
    if (!caps_sentence && word.size() <= max_acronym_letters) return true;  // SIM, HDMI
  }
  for (const auto w : keep_latin_words) {
    if (starts_with(lower, w) && lower.size() - w.size() <= max_ending) return true;
  }
  return false;
}

std::string transliterate_word(const std::vector<char32_t>& word) {
  const std::string lower = lower_utf8(word);
  // Byte offsets in `lower` where a digraph is two letters.
  std::vector<std::size_t> split_at;
  for (const auto prefix : split_digraph_prefixes) {
    if (starts_with(lower, prefix)) {
      // The digraph that splits is the one whose first letter ends the prefix's stem:
      // "in|jekc", "kon|jug", "nad|živ" — find "nj"/"dž" inside the prefix.
      for (std::size_t k = 0; k + 1 < prefix.size(); ++k) {
        if (prefix.substr(k, 2) == "nj" || prefix.substr(k, 3) == "dž") split_at.push_back(k);
      }
      break;
    }
  }
  for (const auto prefix : dj_prefixes) {
    if (starts_with(lower, prefix) && lower.compare(prefix.size() - 1, 2, "dj") == 0) {
      split_at.push_back(prefix.size() - 1);
    }
  }
  for (const auto ijekavian : ijekavian_dj) {
    if (!starts_with(lower, ijekavian)) continue;
    for (std::size_t at = lower.find("dj"); at != std::string::npos; at = lower.find("dj", at + 1)) {
      split_at.push_back(at);
    }
  }
  std::string out;
  std::size_t byte = 0;  // offset in `lower` of word[k]
  for (std::size_t k = 0; k < word.size();) {
    const std::string_view rest = std::string_view(lower).substr(byte);
    const letter* match = nullptr;
    for (const letter& l : letters) {
      if (rest.rfind(l.latin_lower, 0) == 0) {
        const bool digraph = code_points(l.latin_lower).size() > 1;
        if (digraph && std::find(split_at.begin(), split_at.end(), byte) != split_at.end()) continue;
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

void transliterate_chunk(std::string& out, std::string_view chunk, bool caps_sentence) {
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
    if (pieces[k].word) pieces[k].keep = keep_in_latin(pieces[k].cps, caps_sentence) || touches_digit(k);
  }
  // Words joined by '-' are decided one by one (SIM-kartica), but a part of one or two
  // letters joined to a Latin word stays with it (Wi-Fi, e-mail).
  const auto hyphen = [&](std::size_t k) {
    return k < pieces.size() && pieces[k].cps == std::vector<char32_t>{'-'};
  };
  // Serbian case endings written after a hyphen (SMS-om, PDV-ima) are Cyrillic.
  const auto ending = [](const std::vector<char32_t>& part) {
    const std::string lower = lower_utf8(part);
    for (const std::string_view e : {"om", "em", "ov", "ev", "ih", "im", "ma"}) {
      if (lower == e) return true;
    }
    return false;
  };
  // Letters joined by an apostrophe are one word (rock'n'roll): Latin if any part is.
  const auto apostrophe = [&](std::size_t k) {
    return k < pieces.size() && (pieces[k].cps == std::vector<char32_t>{'\''} ||
                                 pieces[k].cps == std::vector<char32_t>{U'’'});
  };
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t k = 0; k + 2 < pieces.size(); ++k) {
      if (!pieces[k].word || !pieces[k + 2].word) continue;
      if (apostrophe(k + 1) && (pieces[k].keep || pieces[k + 2].keep)) {
        pieces[k].keep = pieces[k + 2].keep = true;
      }
      if (!hyphen(k + 1)) continue;
      if (pieces[k].keep && pieces[k + 2].cps.size() <= 2 && !ending(pieces[k + 2].cps)) {
        pieces[k + 2].keep = true;
      }
      if (pieces[k + 2].keep && pieces[k].cps.size() <= 2) pieces[k].keep = true;
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
  // The text as chunks between spaces, each with the spaces after it, grouped in
  // sentences (a chunk ending in . ! ? or followed by a line break ends one).
  struct chunk {
    std::string_view text, space;
  };
  std::vector<chunk> chunks;
  for (std::size_t i = 0; i < latin.size();) {
    std::size_t end = i;
    while (end < latin.size() && latin[end] != ' ' && latin[end] != '\n' && latin[end] != '\t') ++end;
    std::size_t next = end;
    while (next < latin.size() && (latin[next] == ' ' || latin[next] == '\n' || latin[next] == '\t')) {
      ++next;
    }
    chunks.push_back({latin.substr(i, end - i), latin.substr(end, next - end)});
    i = next;
  }
  std::string out;
  out.reserve(latin.size() * 2);
  for (std::size_t first = 0; first < chunks.size();) {
    std::size_t last = first;
    while (last + 1 < chunks.size()) {
      const std::string_view t = chunks[last].text;
      const bool ends = !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?');
      if (ends || chunks[last].space.find('\n') != std::string_view::npos) break;
      ++last;
    }
    // Written in capitals: two words or more, every word of two letters or more in capitals.
    int words = 0;
    bool capitals = true;
    for (std::size_t c = first; c <= last && capitals; ++c) {
      std::vector<char32_t> word;
      const std::vector<char32_t> cps = code_points(chunks[c].text);
      for (std::size_t k = 0; k <= cps.size(); ++k) {
        if (k < cps.size() && is_latin_letter(cps[k])) {
          word.push_back(cps[k]);
          continue;
        }
        if (word.size() >= 2) {
          ++words;
          capitals = capitals && all_capitals(word);
        }
        word.clear();
      }
    }
    for (std::size_t c = first; c <= last; ++c) {
      transliterate_chunk(out, chunks[c].text, capitals && words >= 2);
      out += chunks[c].space;
    }
    first = last + 1;
  }
  return out;
}

}  // namespace ha::text
