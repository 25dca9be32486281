// JSON parsing with positions: malformed input, duplicate keys, depth and size limits. The
// expected lines and columns are counted by hand in the literal inputs below.
#include <gtest/gtest.h>

#include <string>

#include "base/json_doc.hpp"

namespace rlt {
namespace {

TEST(JsonDoc, RecordsLineAndColumnOfMembers) {
  JsonDoc doc;
  Diagnostics d;
  //                         line 1: {
  //                         line 2:   "a": 1,
  //                         line 3:   "b": {"c": [10, 20]}
  ASSERT_TRUE(parse_json("{\n  \"a\": 1,\n  \"b\": {\"c\": [10, 20]}\n}", {}, doc, d));
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(doc.position("/a").line, 2);
  EXPECT_EQ(doc.position("/a").column, 3);  // the opening quote of "a"
  EXPECT_EQ(doc.position("/b/c").line, 3);
  EXPECT_EQ(doc.position("/b/c").column, 9);
  EXPECT_EQ(doc.position("/b/c/1").line, 3);
}

TEST(JsonDoc, MalformedJsonIsReportedWithPosition) {
  JsonDoc doc;
  Diagnostics d;
  EXPECT_FALSE(parse_json("{\n  \"a\": tru\n}", {}, doc, d));
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].code, "malformed_json");
  EXPECT_EQ(d.items()[0].pos.line, 2);
}

TEST(JsonDoc, TruncatedInputIsAnErrorNotACrash) {
  JsonDoc doc;
  Diagnostics d;
  EXPECT_FALSE(parse_json("{\"patient\": {\"age\": 6", {}, doc, d));
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d.items()[0].code, "malformed_json");
}

TEST(JsonDoc, BinaryInputIsAnError) {
  JsonDoc doc;
  Diagnostics d;
  std::string bin("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  EXPECT_FALSE(parse_json(bin, {}, doc, d));
  EXPECT_EQ(d.items()[0].code, "malformed_json");
}

TEST(JsonDoc, InvalidUtf8InAStringIsAnError) {
  JsonDoc doc;
  Diagnostics d;
  EXPECT_FALSE(parse_json("{\"a\": \"\xff\xfe\"}", {}, doc, d));
  EXPECT_FALSE(d.empty());
}

TEST(JsonDoc, DuplicateKeysAreReportedAndNotSilentlyOverwritten) {
  JsonDoc doc;
  Diagnostics d;
  parse_json("{\"ki67\": 5,\n \"ki67\": 50}", {}, doc, d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].to_string(),
            "/ki67 (line 2, column 2): expected each key at most once in an object, found a "
            "second \"ki67\"");
  EXPECT_EQ(doc.root["ki67"], 5);  // the first value stands; the second was reported
}

TEST(JsonDoc, DeepNestingStopsAtTheLimit) {
  JsonDoc doc;
  Diagnostics d;
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  EXPECT_FALSE(parse_json(deep, {}, doc, d));
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].code, "too_deep");
  EXPECT_EQ(d.items()[0].expected, "nesting of at most 64 levels");
}

TEST(JsonDoc, OversizedInputIsRefusedBeforeParsing) {
  JsonDoc doc;
  Diagnostics d;
  JsonLimits small;
  small.max_bytes = 10;
  EXPECT_FALSE(parse_json("{\"a\": \"0123456789\"}", small, doc, d));
  EXPECT_EQ(d.items()[0].to_string(),
            "(document): expected a document of at most 10 bytes, found 19 bytes");
}

TEST(JsonDoc, DiagnosticsStopStoringAtTheLimitButKeepCounting) {
  Diagnostics d;
  for (std::size_t i = 0; i < Diagnostics::limit + 5; ++i)
    d.add({"/x", {}, "a", "b", "c"});
  EXPECT_EQ(d.items().size(), Diagnostics::limit);
  EXPECT_EQ(d.not_shown(), 5u);
  EXPECT_EQ(d.size(), Diagnostics::limit + 5);
}

TEST(JsonDoc, PointerTokensAreEscaped) {
  EXPECT_EQ(pointer_escape("a/b~c"), "a~1b~0c");
}

}  // namespace
}  // namespace rlt
