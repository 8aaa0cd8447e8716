#include "store/store.h"

#include <gtest/gtest.h>

namespace veille::store {
namespace {

pipeline::Analysis MakeAnalysis(const std::string& text, const std::string& country, double lat, double lon,
                                const std::string& plover, const std::string& date) {
  pipeline::Analysis a;
  a.doc.text = text;
  a.doc.id = "doc-" + text.substr(0, 8);
  a.lang = "en";
  Event e;
  e.doc_id = a.doc.id;
  e.event_id = a.doc.id + ":0";
  e.plover = plover;
  e.event_type = plover == "PROTEST" ? "Protests" : "Violence against civilians";
  e.sub_event_type = plover == "PROTEST" ? "Peaceful protest" : "Attack";
  e.date.value = ParseIsoDate(date);
  e.date.precision = "day";
  e.location = Location{"Place", country, "", lat, lon, 1, std::nullopt, "Place"};
  e.fatalities = plover == "PROTEST" ? 0 : 26;
  if (e.fatalities) e.figures.push_back({"killed", 26, 26, 26, false, "unknown", "", "26 people", 0, 9});
  e.evidence.push_back({0, static_cast<uint32_t>(text.size()), text});
  a.events.push_back(e);
  a.spans.push_back({"number", 0, 2, R"({"value":26})"});
  return a;
}

TEST(Store, AddingTheSameTextTwiceAddsNothing) {
  auto s = Store::Open(":memory:");
  ASSERT_TRUE(s) << s.error().message();
  auto a = MakeAnalysis("Gunmen killed 26 villagers.", "NG", 9.0, 7.5, "ASSAULT", "2022-01-06");
  EXPECT_EQ(s->Add(a), true);
  EXPECT_EQ(s->Add(a), false);
  EXPECT_EQ(*s->DocumentCount(), 1);
  EXPECT_EQ(s->Summarize()->events, 1);
  EXPECT_TRUE(s->Check().ok());
}

TEST(Store, TwoDocumentsWhoseEventsShareAnIdAreBothStored) {
  // Users give ids: two different texts may both be "doc-Gunmen k".
  auto s = Store::Open(":memory:");
  ASSERT_TRUE(s) << s.error().message();
  auto a = MakeAnalysis("Gunmen killed 26 villagers.", "NG", 9.0, 7.5, "ASSAULT", "2022-01-06");
  auto b = MakeAnalysis("Gunmen killed 26 villagers near Gusau.", "NG", 12.2, 6.7, "ASSAULT", "2022-01-07");
  ASSERT_EQ(a.events[0].event_id, b.events[0].event_id);
  EXPECT_EQ(s->Add(a), true);
  EXPECT_EQ(s->Add(b), true) << "the second document is stored whole, its event under another key";
  EXPECT_EQ(*s->DocumentCount(), 2);
  EXPECT_EQ(s->Summarize()->events, 2);
  EXPECT_TRUE(s->Check().ok());
}

TEST(Store, QueriesFilterByCountryTypeDatesTextAndDistance) {
  auto s = Store::Open(":memory:");
  ASSERT_TRUE(s);
  ASSERT_TRUE(s->Begin().ok());
  s->Add(MakeAnalysis("Thousands marched peacefully in Almaty.", "KZ", 43.25, 76.92, "PROTEST", "2022-01-04"));
  s->Add(MakeAnalysis("Police killed 26 protesters near Almaty.", "KZ", 43.30, 76.95, "ASSAULT", "2022-01-06"));
  s->Add(MakeAnalysis("Gunmen killed 26 villagers in Zamfara.", "NG", 12.1, 6.2, "ASSAULT", "2022-02-01"));
  ASSERT_TRUE(s->Commit().ok());
  auto count = [&](Filter f) { return s->Query(f)->size(); };
  EXPECT_EQ(count({}), 3u);
  EXPECT_EQ(count({.country = "kz"}), 2u);
  EXPECT_EQ(count({.type = "Attack"}), 2u);
  EXPECT_EQ(count({.type = "protest"}), 1u);
  EXPECT_EQ(count({.since = CivilDate{2022, 1, 5}}), 2u);
  EXPECT_EQ(count({.until = CivilDate{2022, 1, 5}}), 1u);
  EXPECT_EQ(count({.text = "villagers"}), 1u);
  EXPECT_EQ(count({.text = "almaty"}), 2u);
  EXPECT_EQ(count({.near = Near{43.25, 76.92, 10}}), 2u);
  EXPECT_EQ(count({.near = Near{43.25, 76.92, 1}}), 1u);
  EXPECT_EQ(count({.limit = 1}), 1u);
  auto events = s->Query({.country = "NG"});
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].fatalities, 26);
  ASSERT_EQ((*events)[0].figures.size(), 1u);
  EXPECT_EQ((*events)[0].figures[0].end, 9u);
  auto summary = s->Summarize();
  EXPECT_EQ(summary->events_by_country[0].first, "KZ");
  EXPECT_EQ(summary->top_figures.size(), 2u);
}

TEST(Store, ABadFullTextQueryIsAnErrorNotACrash) {
  auto s = Store::Open(":memory:");
  auto r = s->Query({.text = "\"unbalanced"});
  EXPECT_FALSE(r);
}

TEST(Store, OpeningAnUnwritablePathFails) {
  auto s = Store::Open("/nonexistent-dir/x/veille.db");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code(), StatusCode::kIOError);
}

}  // namespace
}  // namespace veille::store
