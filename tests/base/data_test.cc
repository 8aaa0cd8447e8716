#include "base/data.h"

#include <gtest/gtest.h>

namespace veille {
namespace {

TEST(DataLines, SkipsCommentsAndBlanksAndTrims) {
  auto lines = DataLines("# comment\n  Gen \n\nM\r\n#x\njanv");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "Gen");
  EXPECT_EQ(lines[1], "M");
  EXPECT_EQ(lines[2], "janv");
}

TEST(EmbeddedData, HoldsEachLanguagesAbbreviations) {
  for (const char* lang : {"en", "fr", "es"}) {
    std::string path = std::string(lang) + "/abbreviations.txt";
    EXPECT_FALSE(EmbeddedFile(path).empty()) << path;
  }
  EXPECT_TRUE(EmbeddedFile("xx/none.txt").empty());
}

}  // namespace
}  // namespace veille
