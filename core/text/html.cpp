#include "text/html.hpp"

#include <array>

#include "text/utf8.hpp"

namespace ha::text {

void append_escaped_html(std::string& out, std::string_view s) {
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  append_escaped_html(out, s);
  return out;
}

namespace {

// Elements whose end ends a line of the text (md4c's blocks, less the lists around
// the items).
bool ends_line(std::string_view name) {
  static constexpr std::array<std::string_view, 17> blocks = {
      "p",     "li",    "h1",    "h2", "h3", "h4", "h5", "h6",        "blockquote",
      "pre",   "table", "thead", "tbody", "tr", "th", "td", "hr"};
  for (const auto b : blocks) {
    if (b == name) return true;
  }
  return false;
}

bool is_block(std::string_view name) {
  return ends_line(name) || name == "ul" || name == "ol";
}

void end_line(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.back() != '\n') out += '\n';
}

void append_space(std::string& out) {
  if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
}

// "&amp;" → "&", "&#1078;" / "&#x436;" → "ж"; an unknown or broken reference stays as
// written. `i` is at the '&' and moves past what was read.
void append_reference(std::string& out, std::string_view html, std::size_t& i) {
  const std::size_t end = html.find(';', i);
  if (end == std::string_view::npos || end - i > 10) {
    out += html[i++];
    return;
  }
  const std::string_view name = html.substr(i + 1, end - i - 1);
  char32_t cp = 0;
  if (name == "amp") cp = '&';
  else if (name == "lt") cp = '<';
  else if (name == "gt") cp = '>';
  else if (name == "quot") cp = '"';
  else if (name == "apos") cp = '\'';
  else if (name == "nbsp") cp = ' ';
  else if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    for (std::size_t k = hex ? 2 : 1; k < name.size() && cp <= 0x10FFFF; ++k) {
      const char c = name[k];
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) {
        cp = 0;
        break;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    out += html[i++];
    return;
  }
  if (cp < 0x20) append_space(out);
  else append_utf8(out, cp);
  i = end + 1;
}

}  // namespace

std::string html_text(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  int in_pre = 0;
  bool after_block_tag = false;
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, end - i - 1);
      const bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.remove_prefix(1);
      std::size_t name_end = 0;
      while (name_end < tag.size() && tag[name_end] != ' ' && tag[name_end] != '/' &&
             tag[name_end] != '\n') {
        ++name_end;
      }
      const std::string_view name = tag.substr(0, name_end);
      if (name == "pre") in_pre += closing ? -1 : 1;
      if (name == "br") append_space(out);
      if (ends_line(name) && (closing || name == "hr")) end_line(out);
      after_block_tag = is_block(name);
      i = end + 1;
      continue;
    }
    const bool was_after_block_tag = after_block_tag;
    after_block_tag = false;
    if (c == '&') {
      append_reference(out, html, i);
    } else if (c == '\n' && in_pre > 0) {
      out += '\n';
      ++i;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      // md4c writes a newline after each block tag (not text) and for a soft break.
      if (!(c == '\n' && was_after_block_tag)) append_space(out);
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string paragraphs_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      if (!out.empty()) out += '\n';
      out += "<p>";
      append_escaped_html(out, line);
      out += "</p>";
    }
    start = end + 1;
  }
  return out;
}

}  // namespace ha::text
