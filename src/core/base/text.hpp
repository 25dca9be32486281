// The escaping layer: one function per output format. Every piece of free text that comes from an
// input file or a flag (descriptions, ids, agents, jurisdictions, pointers, file names) goes
// through the function of the format it is written in:
//   HTML      xml_escape (markup) or escape_html (markup, control and bidi characters)
//   Markdown  escape_markdown (HTML and Markdown syntax neutralised, one line)
//   text      escape_text (control and bidi-override characters made visible, one line)
//   JSON      nlohmann::json dump (already escapes; invalid UTF-8 is replaced)
// There is no CSV output; add escape_csv here when one appears.
#pragma once

#include <string>
#include <string_view>

namespace rlt {

/// Escape text for XML/HTML content and attribute values (&, <, >, ", ').
std::string xml_escape(std::string_view s);

/// Plain text on one line: C0/C1 control characters (NUL, ESC, CR, LF, TAB, DEL...), bidi
/// controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), the line and paragraph
/// separators U+2028/U+2029 and the backslash itself become visible escapes ("\n", "\u202E",
/// "\\"); invalid UTF-8 bytes become "\xNN". Everything else is kept.
std::string escape_text(std::string_view s);

/// Markdown inline text on one line: escape_text, then HTML special characters as entities and
/// every Markdown punctuation that can start a construct (links, emphasis, code, headings, lists,
/// tables, block quotes) backslash-escaped.
std::string escape_markdown(std::string_view s);

/// HTML content: escape_text, then xml_escape.
std::string escape_html(std::string_view s);

}  // namespace rlt
