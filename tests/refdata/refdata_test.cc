#include "refdata/refdata.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace veille::refdata {
namespace {

namespace fs = std::filesystem;

class RefdataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("veille_refdata_" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "pkg" / "langs");
    std::ofstream(dir_ / "pkg" / "langs" / "en.json")
        << R"({"locale":"en","countries":{"KZ":"Kazakhstan","CI":["Côte d'Ivoire","Ivory Coast"]}})";
    std::ofstream(dir_ / "pkg" / "langs" / "es.json")
        << R"({"locale":"es","countries":{"KZ":"Kazajistán","CI":"Costa de Marfil"}})";
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(RefdataTest, ConvertsAndLoadsCountryNamesInEveryLanguage) {
  std::string out = (dir_ / "countries.vdat").string();
  auto n = Countries::Convert((dir_ / "pkg").string(), out);
  ASSERT_TRUE(n) << n.error().message();
  EXPECT_EQ(*n, 5u);
  auto c = Countries::Load(out);
  ASSERT_TRUE(c) << c.error().message();
  EXPECT_EQ(c->CodeOf("KAZAJISTAN"), "KZ");
  EXPECT_EQ(c->CodeOf("ivory coast"), "CI");
  EXPECT_EQ(c->CodeOf("kz"), "KZ");
  EXPECT_FALSE(c->CodeOf("Atlantis"));
  EXPECT_EQ(c->NameOf("KZ", "es"), "Kazajistán");
  EXPECT_EQ(c->NameOf("CI", "fr"), "Côte d'Ivoire") << "falls back to English";
}

TEST_F(RefdataTest, DetectsCorruptionTruncationAndForeignFiles) {
  std::string path = (dir_ / "x.vdat").string();
  ASSERT_TRUE(WriteContainer(path, Kind::kCountries, 7, "KZ\ten\tKazakhstan\n").ok());
  ASSERT_TRUE(ReadContainer(path, Kind::kCountries));
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(-3, std::ios::end);
    f.put('X');
  }
  auto flipped = ReadContainer(path, Kind::kCountries);
  ASSERT_FALSE(flipped);
  EXPECT_EQ(flipped.error().code(), StatusCode::kCorruption);
  EXPECT_NE(flipped.error().message().find("checksum"), std::string::npos);

  fs::resize_file(path, 50);
  auto truncated = ReadContainer(path, Kind::kCountries);
  ASSERT_FALSE(truncated);
  EXPECT_NE(truncated.error().message().find("truncated"), std::string::npos);

  std::ofstream(path, std::ios::trunc) << "not a veille file at all, but long enough for a header";
  auto foreign = ReadContainer(path, Kind::kCountries);
  ASSERT_FALSE(foreign);
  EXPECT_NE(foreign.error().message().find("bad magic"), std::string::npos);

  auto missing = ReadContainer((dir_ / "none.vdat").string(), Kind::kCountries);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace veille::refdata
