#include "ingest/ingest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace veille::ingest {
namespace {

struct Collected {
  std::vector<Document> docs;
  std::vector<Notice> notices;
  std::vector<Rejection> rejections;
  Sink sink() {
    Sink s;
    s.on_document = [this](Document&& d) { docs.push_back(std::move(d)); };
    s.on_notice = [this](const Notice& n) { notices.push_back(n); };
    s.on_rejection = [this](const Rejection& r) { rejections.push_back(r); };
    return s;
  }
};

TEST(ReadTextArticle, TakesTheTitleLineAndKeepsTheRestVerbatim) {
  Collected c;
  Counts counts;
  ReadTextArticle("Title: Riots in Almaty\nSecurity forces killed 26 people.\r\n", {"a.txt", 0}, {}, c.sink(), counts);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "Riots in Almaty");
  EXPECT_EQ(c.docs[0].text, "Security forces killed 26 people.\r\n");
  EXPECT_EQ(c.docs[0].id.size(), 16u) << "a record without id gets a stable hash";
}

TEST(ReadTextArticle, StripsTheBomAndReportsInvalidBytesWithTheirFileOffset) {
  Collected c;
  Counts counts;
  ReadTextArticle("\xEF\xBB\xBF" "caf\xE9 au lait", {"latin1.txt", 0}, {}, c.sink(), counts);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "caf\xEF\xBF\xBD au lait");
  ASSERT_EQ(c.notices.size(), 1u);
  EXPECT_NE(c.notices[0].message.find("at byte 6"), std::string::npos) << c.notices[0].message;
}

TEST(ReadTextArticle, RejectsEmptyBlankAndOversizedFiles) {
  Collected c;
  Counts counts;
  Options small;
  small.max_record_bytes = 10;
  ReadTextArticle("", {"empty.txt", 0}, {}, c.sink(), counts);
  ReadTextArticle(" \n\t\n", {"blank.txt", 0}, {}, c.sink(), counts);
  ReadTextArticle("far more than ten bytes", {"big.txt", 0}, small, c.sink(), counts);
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.rejections.size(), 3u);
  EXPECT_EQ(c.rejections[0].ToString(), "empty.txt: empty file (0 bytes)");
  EXPECT_NE(c.rejections[2].reason.find("over the limit of 10"), std::string::npos);
  EXPECT_EQ(counts.rejections, 3u);
}

TEST(ReadTextArticle, RemovesNulBytesWithANotice) {
  Collected c;
  Counts counts;
  ReadTextArticle(std::string("abc\0def", 7), {"nul.txt", 0}, {}, c.sink(), counts);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "abcdef");
  ASSERT_EQ(c.notices.size(), 1u);
  EXPECT_NE(c.notices[0].message.find("NUL"), std::string::npos);
}

TEST(ReadJsonLines, ABrokenLineIsRejectedWithItsLineAndTheRestIsRead) {
  std::istringstream in(
      "{\"id\":\"a\",\"text\":\"First.\",\"published\":\"2022-01-07\",\"lang\":\"en\"}\n"
      "{\"id\":\"b\",\"text\":\"unterminated\n"
      "\n"
      "{\"id\":\"c\",\"text\":42}\n"
      "[1,2]\n"
      "{\"id\":\"d\",\"title\":\"no text\"}\n"
      "{\"id\":\"e\",\"text\":\"Last.\",\"published\":\"7 Jan\"}\r\n");
  Collected c;
  Counts counts;
  ReadJsonLines(in, "batch.jsonl", {}, c.sink(), counts);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "a");
  EXPECT_EQ(c.docs[0].lang, "en");
  ASSERT_TRUE(c.docs[0].published);
  EXPECT_EQ(FormatIsoDate(*c.docs[0].published), "2022-01-07");
  EXPECT_EQ(c.docs[1].id, "e");
  EXPECT_FALSE(c.docs[1].published) << "an unreadable date is dropped with a notice";
  ASSERT_EQ(c.rejections.size(), 4u);
  EXPECT_EQ(c.rejections[0].origin.ToString(), "batch.jsonl:2");
  EXPECT_EQ(c.rejections[1].origin.ToString(), "batch.jsonl:4");
  EXPECT_NE(c.rejections[1].reason.find("\"text\" is not a string"), std::string::npos);
  EXPECT_EQ(c.rejections[2].origin.ToString(), "batch.jsonl:5");
  EXPECT_EQ(c.rejections[3].origin.ToString(), "batch.jsonl:6");
  ASSERT_EQ(c.notices.size(), 1u);
  EXPECT_EQ(c.notices[0].origin.ToString(), "batch.jsonl:7");
}

TEST(ReadJsonLines, RepairsInvalidUtf8InsideARecordAndReportsTheByte) {
  std::istringstream in("{\"text\":\"ok\"}\n{\"text\":\"bad \xFF byte\"}\n");
  Collected c;
  Counts counts;
  ReadJsonLines(in, "x.jsonl", {}, c.sink(), counts);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].text, "bad \xEF\xBF\xBD byte");
  ASSERT_EQ(c.notices.size(), 1u);
  // Line 2 starts at byte 14; the bad byte is the 14th of the line.
  EXPECT_NE(c.notices[0].message.find("at byte 27"), std::string::npos) << c.notices[0].message;
}

TEST(ReadJsonLines, AppliesDefaults) {
  std::istringstream in("{\"text\":\"a\"}\n{\"text\":\"b\",\"lang\":\"fr\",\"published\":\"2021-05-01\"}\n");
  Options o;
  o.default_published = CivilDate{2022, 1, 7};
  o.default_lang = "es";
  Collected c;
  Counts counts;
  ReadJsonLines(in, "x.jsonl", o, c.sink(), counts);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].lang, "es");
  EXPECT_EQ(FormatIsoDate(*c.docs[0].published), "2022-01-07");
  EXPECT_EQ(c.docs[1].lang, "fr");
  EXPECT_EQ(FormatIsoDate(*c.docs[1].published), "2021-05-01");
}

TEST(ReadInputs, WalksFoldersRecursivelyInNameOrderAndReportsMissingPaths) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "veille_ingest_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "b.txt") << "Second article.";
  std::ofstream(dir / "a.txt") << "First article.";
  std::ofstream(dir / "sub" / "c.jsonl") << "{\"text\":\"Third.\"}\n{\"text\":\"Fourth.\"}\n";
  std::ofstream(dir / "notes.md") << "ignored";
  std::ofstream(dir / "empty.txt");
  Collected c;
  auto counts = ReadInputs({dir.string(), (dir / "missing.txt").string()}, {}, c.sink());
  ASSERT_TRUE(counts);
  ASSERT_EQ(c.docs.size(), 4u);
  EXPECT_EQ(c.docs[0].text, "First article.");
  EXPECT_EQ(c.docs[1].text, "Second article.");
  EXPECT_EQ(c.docs[2].text, "Third.");
  ASSERT_EQ(c.rejections.size(), 2u);  // empty.txt and the missing path
  EXPECT_NE(c.rejections[0].reason.find("empty"), std::string::npos);
  EXPECT_EQ(c.rejections[1].reason, "no such file or folder");
  fs::remove_all(dir);
}

TEST(ReadInputs, NoInputIsAUsageError) {
  Collected c;
  auto counts = ReadInputs({}, {}, c.sink());
  ASSERT_FALSE(counts);
  EXPECT_EQ(counts.error().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace veille::ingest
