// UTF-8 decoding and encoding. Every function accepts arbitrary bytes: invalid or
// truncated sequences, overlong forms, surrogates and values above U+10FFFF decode to
// U+FFFD and consume exactly one byte, so a loop over decode() always ends and never
// reads past the end of the input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ha::text {

inline constexpr char32_t replacement_char = 0xFFFD;

// Decodes the code point that starts at s[i] and advances i past it. Requires i < s.size().
char32_t decode(std::string_view s, std::size_t& i) noexcept;

bool is_valid_utf8(std::string_view s) noexcept;

// Appends the UTF-8 encoding of cp (U+FFFD for a value that is not a scalar value).
void append_utf8(std::string& out, char32_t cp);

// A copy of s in which every invalid sequence is replaced by U+FFFD and NUL bytes are
// dropped: safe to store, display and hand to SQLite.
std::string sanitize(std::string_view s);

// Truncates s to at most max_bytes without cutting a multi-byte sequence in two.
std::string_view truncate(std::string_view s, std::size_t max_bytes) noexcept;

// Truncates valid UTF-8 to at most max_chars characters (code points, as JSON Schema's
// maxLength and a form's maxLength count them for text outside U+FFFF's planes too).
std::string_view truncate_chars(std::string_view s, std::size_t max_chars) noexcept;

// Valid UTF-8 of at most max_chars characters, for a customer's words kept in a record: s
// itself when it fits; else cut at the last space or line break among its final 40
// characters (inside a word only when there is none) and ended with "…", so whoever reads
// it sees that more was written.
std::string shorten(std::string_view s, std::size_t max_chars);

}  // namespace ha::text
