#include "output/export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace veille::output {
namespace {

std::vector<Event> Events() {
  Event a;
  a.event_id = "d:0";
  a.plover = "PROTEST";
  a.event_type = "Protests";
  a.sub_event_type = "Peaceful protest";
  a.date.value = CivilDate{2022, 1, 5};
  a.date.precision = "day";
  a.location = Location{"Almaty", "KZ", "Almaty", 43.25, 76.92, 1, std::nullopt, "Almaty"};
  a.evidence.push_back({0, 10, "Thousands marched, \"peacefully\"."});
  Event b;
  b.event_id = "d:1";
  b.plover = "REQUEST";
  return {a, b};
}

TEST(WriteEvents, CsvUsesAcledColumnNamesAndEscapes) {
  std::ostringstream out;
  ASSERT_TRUE(WriteEvents(Events(), "csv", out).ok());
  std::string csv = out.str();
  std::string header = csv.substr(0, csv.find('\n'));
  for (const char* col : {"event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                          "actor1", "admin1", "location", "latitude", "longitude", "geo_precision", "notes",
                          "fatalities"}) {
    EXPECT_NE(header.find(col), std::string::npos) << col;
  }
  EXPECT_NE(csv.find("\"Thousands marched, \"\"peacefully\"\".\""), std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);
}

TEST(WriteEvents, GeoJsonHoldsOnlyLocatedEventsWithLonLatOrder) {
  std::ostringstream out;
  ASSERT_TRUE(WriteEvents(Events(), "geojson", out).ok());
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["type"], "FeatureCollection");
  ASSERT_EQ(j["features"].size(), 1u);
  EXPECT_EQ(j["features"][0]["geometry"]["coordinates"][0], 76.92);
  EXPECT_EQ(j["features"][0]["properties"]["plover"], "PROTEST");
}

TEST(WriteEvents, JsonlWritesOneRecordPerLineAndUnknownFormatsFail) {
  std::ostringstream out;
  ASSERT_TRUE(WriteEvents(Events(), "jsonl", out).ok());
  std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  std::ostringstream bad;
  Status s = WriteEvents(Events(), "xml", bad);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace veille::output
