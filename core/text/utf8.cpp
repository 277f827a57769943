#include "text/utf8.hpp"

namespace ha::text {

char32_t decode(std::string_view s, std::size_t& i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return replacement_char;
  }
  if (s.size() - i < len) {
    ++i;
    return replacement_char;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return replacement_char;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return replacement_char;
  }
  i += len;
  return cp;
}

bool is_valid_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    if (decode(s, i) == replacement_char) {
      // U+FFFD written correctly (EF BF BD) is valid text; a decoding failure is not.
      if (i - at != 3) return false;
    }
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = replacement_char;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t cp = decode(s, i);
    if (cp == 0) continue;
    if (cp == replacement_char || cp >= 0x80) {
      append_utf8(out, cp);
    } else {
      out.append(s.substr(at, i - at));
    }
  }
  return out;
}

std::string_view truncate(std::string_view s, std::size_t max_bytes) noexcept {
  if (s.size() <= max_bytes) return s;
  std::size_t end = max_bytes;
  // Step back over continuation bytes to the start of the cut sequence.
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

std::string_view truncate_chars(std::string_view s, std::size_t max_chars) noexcept {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (chars++ == max_chars) return s.substr(0, i);
  }
  return s;
}

std::string shorten(std::string_view s, std::size_t max_chars) {
  if (truncate_chars(s, max_chars).size() == s.size()) return std::string(s);
  if (max_chars == 0) return {};
  std::string_view kept = truncate_chars(s, max_chars - 1);  // room for "…"
  // Back to the last space, tab or line break among the final 40 characters, if any.
  constexpr std::size_t stretch = 40;
  std::size_t at = kept.size();
  for (std::size_t seen = 0; at > 0 && seen < stretch; ++seen) {
    std::size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(kept[start]) & 0xC0) == 0x80) --start;
    const char c = kept[start];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      std::size_t end = start;
      while (end > 0 && (kept[end - 1] == ' ' || kept[end - 1] == '\n' || kept[end - 1] == '\t' ||
                         kept[end - 1] == '\r')) {
        --end;
      }
      if (end > 0) kept = kept.substr(0, end);
      break;
    }
    at = start;
  }
  return std::string(kept) + "…";
}

}  // namespace ha::text
