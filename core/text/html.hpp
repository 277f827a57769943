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
