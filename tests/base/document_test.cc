#include <gtest/gtest.h>

#include "veille/document.h"
#include "veille/status.h"

namespace veille {
namespace {

TEST(IsoDate, ParsesRealCalendarDaysOnly) {
  auto d = ParseIsoDate("2022-01-07");
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, (CivilDate{2022, 1, 7}));
  EXPECT_TRUE(ParseIsoDate("2024-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2022-13-01"));
  EXPECT_FALSE(ParseIsoDate("2022-1-7"));
  EXPECT_FALSE(ParseIsoDate("07/01/2022"));
  EXPECT_EQ(FormatIsoDate({2022, 1, 7}), "2022-01-07");
}

TEST(Origin, NamesFileAndLine) {
  EXPECT_EQ((Origin{"a.jsonl", 12}).ToString(), "a.jsonl:12");
  EXPECT_EQ((Origin{"a.txt", 0}).ToString(), "a.txt");
}

TEST(Status, CarriesCodeAndMessage) {
  Status s = Status::InvalidArgument("bad.jsonl:3: invalid JSON");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.ToString(), "invalid argument: bad.jsonl:3: invalid JSON");
  EXPECT_TRUE(Status::Ok().ok());
  Result<int> r = Err(Status::NotFound("x"));
  EXPECT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace veille
