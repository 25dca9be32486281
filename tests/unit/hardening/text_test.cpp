// Issue 9, safe text: the escaping layer (base/text.hpp) with the classic payloads. Expected
// strings are written out by hand from the rules in text.hpp.
#include <string>

#include <gtest/gtest.h>

#include "base/text.hpp"
#include "cli_run.hpp"

namespace rlt {
namespace {

using namespace std::string_literals;

const std::string kRlo = "\u202E";  // RIGHT-TO-LEFT OVERRIDE

TEST(EscapeText, ControlAndBidiBecomeVisible) {
  EXPECT_EQ(escape_text("plain ü text"), "plain ü text");
  EXPECT_EQ(escape_text("a\nQ1 forged"), "a\\nQ1 forged");
  EXPECT_EQ(escape_text("a\r\nb\tc"), "a\\r\\nb\\tc");
  EXPECT_EQ(escape_text("nul\0x"s), "nul\\u0000x");
  EXPECT_EQ(escape_text("esc\x1b[31m"), "esc\\u001B[31m");
  EXPECT_EQ(escape_text("evil" + kRlo + "gnp.exe"), "evil\\u202Egnp.exe");
  EXPECT_EQ(escape_text("\u2066x\u2069\u200F"), "\\u2066x\\u2069\\u200F");
  EXPECT_EQ(escape_text("line\u2028sep"), "line\\u2028sep");
  EXPECT_EQ(escape_text("back\\slash"), "back\\\\slash");
  EXPECT_EQ(escape_text("bad\xff\xc3"), "bad\\xFF\\xC3");    // invalid UTF-8
  EXPECT_EQ(escape_text("\xc0\xaf"), "\\xC0\\xAF");          // overlong '/'
  EXPECT_EQ(escape_text("\x7f\xc2\x85"), "\\u007F\\u0085");  // DEL and NEL
}

TEST(EscapeMarkdown, HtmlAndMarkdownAreNeutralised) {
  EXPECT_EQ(escape_markdown("<script>alert(1)</script>"),
            "&lt;script&gt;alert\\(1\\)&lt;/script&gt;");
  EXPECT_EQ(escape_markdown("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert\\(1\\)&gt;");
  EXPECT_EQ(escape_markdown("[x](javascript:alert(1))"), "\\[x\\]\\(javascript\\:alert\\(1\\)\\)");
  EXPECT_EQ(escape_markdown("**bold** _it_ `code`"), "\\*\\*bold\\*\\* \\_it\\_ \\`code\\`");
  EXPECT_EQ(escape_markdown("# h\n- item\n1. one | t |"),
            "\\# h\\\\n\\- item\\\\n1\\. one \\| t \\|");
  // No line structure from the input: a newline can never start a forged "Q1" line.
  EXPECT_EQ(escape_markdown("ok\n\n## Q1 Is RLT indicated? YES").find('\n'), std::string::npos);
  EXPECT_EQ(escape_markdown("a&b \"q\""), "a&amp;b &quot;q&quot;");
  EXPECT_EQ(escape_markdown("x" + kRlo), "x\\\\u202E");
}

TEST(EscapeHtml, MarkupControlsAndBidi) {
  EXPECT_EQ(xml_escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
  EXPECT_EQ(escape_html("<img onerror=x>\0"s + kRlo), "&lt;img onerror=x&gt;\\u0000\\u202E");
}

// The CLI's text outputs escape what they echo from the input.
TEST(EscapeCli, DiagnosticsAndIdsAreEscaped) {
  auto r = test::run_cli({"validate", "no\nsuch" + kRlo + ".json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err.find(kRlo), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no\\nsuch\\u202E.json"), std::string::npos) << r.err;
}

// The report renderers (src/core/engine/report.cpp, html.cpp) are being moved to a render layer;
// the escaping functions are wired into them at the merge. Until then this test is disabled. The
// fields that need escaping: case description, case id, agent/treatment names and ids, lesion and
// study ids, jurisdiction, policy ids, cycle ids, file names, every string quoted from the input
// in rationale/fact values (text: escape_text; Markdown: escape_markdown; HTML: xml_escape, kept).
// The jurisdiction is a closed set since policy format 2, so free text reaches the reports only
// from the case (description, ids, agents).
TEST(EscapeReports, ReportsEscapeFreeText) {
  const std::string c =
      std::string(RLT_SOURCE_DIR) + "/fuzz/corpus/regression/case/hostile-free-text.json";
  for (const char* fmt : {"text", "markdown", "html"}) {
    auto r = test::run_cli({"evaluate", c, "--format", fmt});
    ASSERT_EQ(r.code, 0) << r.err;
    // Plain text is not interpreted, so HTML there is only text; Markdown and HTML neutralise it.
    if (std::string_view(fmt) != "text") {
      EXPECT_EQ(r.out.find("<script>"), std::string::npos) << fmt;
      EXPECT_EQ(r.out.find("<img"), std::string::npos) << fmt;
      // a Markdown link is only a link in Markdown
      if (std::string_view(fmt) == "markdown") {
        EXPECT_EQ(r.out.find("](javascript:"), std::string::npos) << fmt;
      }
    }
    EXPECT_EQ(r.out.find(kRlo), std::string::npos) << fmt;
    EXPECT_EQ(r.out.find('\0'), std::string::npos) << fmt;
    EXPECT_EQ(r.out.find("\nQ1 Is RLT indicated? YES (forged)"), std::string::npos) << fmt;
    EXPECT_EQ(r.out.find("\nQ1 forged"), std::string::npos) << fmt;
  }
}

}  // namespace
}  // namespace rlt
