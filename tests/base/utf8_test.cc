#include "base/utf8.h"

#include <gtest/gtest.h>

namespace veille {
namespace {

TEST(RepairUtf8, KeepsValidTextUnchanged) {
  std::string text = "Almaty, Алматы, 阿拉木圖, l’OTAN, 🙂 and plain ASCII long enough for the fast path.";
  Utf8Repair r = RepairUtf8(text);
  EXPECT_EQ(r.text, text);
  EXPECT_TRUE(r.invalid_offsets.empty());
  EXPECT_EQ(r.nul_count, 0u);
}

TEST(RepairUtf8, ReplacesInvalidBytesAndReportsTheirOffsets) {
  std::string text = std::string("abc\xFF") + "def" + "\xC3" + "ghi";  // stray byte, truncated 2-byte sequence
  Utf8Repair r = RepairUtf8(text);
  EXPECT_EQ(r.text, "abc\xEF\xBF\xBD" "def\xEF\xBF\xBD" "ghi");
  ASSERT_EQ(r.invalid_offsets.size(), 2u);
  EXPECT_EQ(r.invalid_offsets[0], 3u);
  EXPECT_EQ(r.invalid_offsets[1], 7u);
}

TEST(RepairUtf8, RejectsOverlongsSurrogatesAndOutOfRange) {
  for (std::string bad : {std::string("\xC0\xAF"), std::string("\xE0\x80\xAF"), std::string("\xED\xA0\x80"),
                          std::string("\xF4\x90\x80\x80"), std::string("\xF8\x88\x80\x80\x80")}) {
    Utf8Repair r = RepairUtf8("x" + bad + "y");
    EXPECT_FALSE(r.invalid_offsets.empty()) << "accepted an invalid sequence";
    EXPECT_EQ(r.invalid_offsets[0], 1u);
    EXPECT_EQ(r.text.front(), 'x');
    EXPECT_EQ(r.text.back(), 'y');
  }
}

TEST(RepairUtf8, TruncatedSequenceAtEndGivesOneReplacement) {
  Utf8Repair r = RepairUtf8("caf\xC3");
  EXPECT_EQ(r.text, "caf\xEF\xBF\xBD");
  EXPECT_EQ(r.invalid_offsets.size(), 1u);
  Utf8Repair r3 = RepairUtf8("x\xE2\x82");  // first two bytes of "€"
  EXPECT_EQ(r3.text, "x\xEF\xBF\xBD");
}

TEST(RepairUtf8, DropsNulBytes) {
  std::string text("a\0b\0\0c", 6);
  Utf8Repair r = RepairUtf8(text);
  EXPECT_EQ(r.text, "abc");
  EXPECT_EQ(r.nul_count, 3u);
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  for (char32_t c : {U'a', U'é', U'€', U'🙂', U'\u202F'}) {
    std::string s;
    AppendUtf8(s, c);
    size_t i = 0;
    EXPECT_EQ(DecodeUtf8(s, i), c);
    EXPECT_EQ(i, s.size());
    EXPECT_EQ(ValidSequenceLength(s, 0), static_cast<int>(s.size()));
  }
}

}  // namespace
}  // namespace veille
