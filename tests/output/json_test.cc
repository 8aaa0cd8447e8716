#include "output/json.h"

#include <gtest/gtest.h>

namespace veille::output {
namespace {

Event SampleEvent() {
  Event e;
  e.doc_id = "doc-1";
  e.event_id = "doc-1:0";
  e.lang = "en";
  e.plover = "ASSAULT";
  e.event_type = "Violence against civilians";
  e.sub_event_type = "Attack";
  e.date.value = CivilDate{2022, 1, 6};
  e.date.precision = "day";
  e.date.text = "yesterday";
  e.date.relative = "-1d";
  e.location = Location{"Almaty", "KZ", "Almaty", 43.25667, 76.92861, 1, 1526384, "Almaty"};
  e.actor1 = Actor{"security forces", "State forces", "KZ"};
  e.fatalities = 26;
  e.figures.push_back({"killed", 26, 26, 26, false, "unknown", "the ministry", "26 people", 10, 19});
  e.evidence.push_back({0, 40, "Security forces killed 26 people."});
  e.confidence = 0.8;
  return e;
}

TEST(ToJson, UsesEveryFieldNameOfTheSpec) {
  nlohmann::json j = ToJson(SampleEvent());
  for (const char* key : {"doc_id", "event_id", "lang", "plover", "event_type", "sub_event_type", "date", "location",
                          "actor1", "actor2", "fatalities", "figures", "evidence", "confidence"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  for (const char* key : {"value", "precision", "text", "relative"}) EXPECT_TRUE(j["date"].contains(key)) << key;
  for (const char* key : {"name", "country", "admin1", "lat", "lon", "geo_precision", "geonames_id", "text"}) {
    EXPECT_TRUE(j["location"].contains(key)) << key;
  }
  for (const char* key : {"kind", "value", "min", "max", "approx", "group", "source", "text", "start", "end"}) {
    EXPECT_TRUE(j["figures"][0].contains(key)) << key;
  }
  EXPECT_EQ(j["date"]["value"], "2022-01-06");
  EXPECT_TRUE(j["actor2"].is_null());
  EXPECT_EQ(j["location"]["geonames_id"], 1526384);
}

TEST(ToJson, OutOfScopeEventsHaveNullAcledTypes) {
  Event e;
  e.plover = "REQUEST";
  nlohmann::json j = ToJson(e);
  EXPECT_TRUE(j["event_type"].is_null());
  EXPECT_TRUE(j["sub_event_type"].is_null());
  EXPECT_TRUE(j["date"]["value"].is_null());
  EXPECT_EQ(j["date"]["precision"], "unknown");
  EXPECT_TRUE(j["location"].is_null());
}

TEST(EventFromJson, RoundTripsTheFieldsAGoldSetUses) {
  Event e = SampleEvent();
  auto back = EventFromJson(ToJson(e));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->plover, e.plover);
  EXPECT_EQ(back->sub_event_type, e.sub_event_type);
  EXPECT_EQ(back->date.value, e.date.value);
  ASSERT_TRUE(back->location);
  EXPECT_EQ(back->location->country, "KZ");
  EXPECT_EQ(back->location->geonames_id, 1526384);
  ASSERT_EQ(back->figures.size(), 1u);
  EXPECT_EQ(back->figures[0].min, 26);
  EXPECT_EQ(back->fatalities, 26);
}

TEST(EventFromJson, RejectsBadDates) {
  auto e = EventFromJson(nlohmann::json::parse(R"({"plover":"PROTEST","date":{"value":"2022-02-30"}})"));
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message().find("2022-02-30"), std::string::npos);
}

TEST(Dump, NeverThrowsOnInvalidUtf8) {
  nlohmann::json j = {{"text", std::string("bad \xFF")}};
  EXPECT_NO_THROW(Dump(j));
}

// AppendJson promises the bytes of Dump(ToJson(e)); these events exercise every branch it
// writes by hand (nulls, escapes, control bytes, invalid UTF-8, awkward doubles).
TEST(AppendJson, WritesExactlyWhatDumpOfToJsonWrites) {
  std::vector<Event> events;
  events.push_back(SampleEvent());
  events.push_back(Event{});  // every optional field empty
  Event odd = SampleEvent();
  odd.doc_id = "quote \" backslash \\ tab \t newline \n return \r feed \f back \b bell \x07 del \x7f";
  odd.evidence.push_back({5, 9, "Zhanaözen — «Алматы» 🙂 \x01\x1f"});
  odd.evidence.push_back({1, 2, std::string("cut \xC3 in two \xFF\xFE")});
  odd.figures.push_back({"injured", -3, std::nullopt, 7, true, "protesters", "", "", 0, 4294967295u});
  odd.location->lat = 0.1 + 0.2;
  odd.location->lon = -180.0;
  odd.location->geonames_id = std::nullopt;
  odd.location->admin1.clear();
  odd.actor1->country.clear();
  odd.actor2 = Actor{"Rioters", "Rioters", "KZ"};
  odd.fatalities = -1;
  odd.confidence = 1e-7;
  events.push_back(odd);
  Event big = odd;
  big.confidence = 1e21;
  big.location->lat = 43.0;
  big.date.value.reset();
  events.push_back(big);
  for (const Event& e : events) {
    std::string direct;
    AppendJson(direct, e);
    EXPECT_EQ(direct, Dump(ToJson(e)));
  }
}

}  // namespace
}  // namespace veille::output
