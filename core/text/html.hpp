// HTML escaping for text that goes into a page. Knowledge-base and customer text is
// always escaped; only kbc's own Markdown rendering produces markup.
#pragma once

#include <string>
#include <string_view>

namespace ha::text {

// Escapes & < > " ' so the result is safe as element content and as a quoted attribute.
std::string escape_html(std::string_view s);
void append_escaped_html(std::string& out, std::string_view s);

}  // namespace ha::text

namespace ha::text {

// The plain text of HTML as kbc renders it from Markdown (md4c: p, h1–h6, ul/ol/li,
// blockquote, pre/code, tables, hr, br, inline spans, character references): what is
// indexed, counted and cut into snippets. Each block ends a line; a line break inside
// one is a space, except in <pre>; references are decoded. The knowledge base stores
// only the HTML and reads its text through this (SQL: plain_text(html)), so the two
// can never disagree.
std::string html_text(std::string_view html);

// Lines of plain text as HTML paragraphs, escaped: html_text() gives the lines back.
std::string paragraphs_html(std::string_view text);

}  // namespace ha::text
