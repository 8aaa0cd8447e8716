#include "eval/eval.h"

#include <gtest/gtest.h>

namespace veille::eval {
namespace {

Event Ev(const std::string& plover, const std::string& sub, int64_t killed, const std::string& evidence) {
  Event e;
  e.plover = plover;
  e.sub_event_type = sub;
  if (killed) e.figures.push_back({"killed", killed, killed, killed, false, "unknown", "", "", 0, 0});
  e.evidence.push_back({0, 0, evidence});
  return e;
}

TEST(ScoreEvents, MatchesByTypeAndEvidenceAndScoresFields) {
  std::string text = "Police killed 26 people. NATO called for calm.";
  std::vector<Event> gold = {Ev("ASSAULT", "Excessive force against protesters", 26, "Police killed 26 people."),
                             Ev("REQUEST", "", 0, "NATO called for calm.")};
  Event p1 = Ev("ASSAULT", "Attack", 26, "");
  p1.evidence = {{0, 24, "Police killed 26 people."}};
  Event p2 = Ev("PROTEST", "Peaceful protest", 0, "");
  p2.evidence = {{0, 6, "Police"}};  // same sentence as the ASSAULT, which p1 matches better
  Report r;
  ScoreEvents(text, gold, {p1, p2}, r);
  EXPECT_EQ(r.metrics["events"].tp, 1);
  EXPECT_EQ(r.metrics["events"].fn, 1);
  EXPECT_EQ(r.metrics["events"].fp, 1);
  EXPECT_EQ(r.metrics["plover"].tp, 1);
  EXPECT_EQ(r.metrics["plover"].fn, 1);  // the missed REQUEST
  EXPECT_EQ(r.metrics["sub_event_type"].tp, 0);
  EXPECT_EQ(r.metrics["sub_event_type"].fn, 1);
  EXPECT_EQ(r.metrics["figures.killed"].tp, 1);
  EXPECT_NEAR(r.metrics["events"].F1(), 0.5, 1e-9);
}

TEST(ScoreSpans, ExactMatchNeedsEveryGoldFieldAndTrapsCountFalsePositives) {
  std::string text = "Police killed 26 people and burned 40 cars.";
  auto gold = nlohmann::json::parse(
      R"([{"kind":"figure","text":"26 people","figure_kind":"killed","value":26,"min":26,"max":26,"approx":false,"group":"unknown"}])");
  std::vector<pipeline::AnnotatedSpan> predicted = {
      {"figure", 14, 23, R"({"figure_kind":"killed","value":26,"min":26,"max":26,"approx":false,"group":"civilians"})"},
      {"figure", 35, 42, R"({"figure_kind":"killed","value":40})"},
      {"date", 0, 6, "{}"},  // not a scored kind in this file
  };
  Report r;
  ScoreSpans("d", text, gold, {"figure"}, predicted, r);
  EXPECT_EQ(r.metrics["figure"].tp, 1);
  EXPECT_EQ(r.metrics["figure"].fp, 1);
  EXPECT_EQ(r.metrics["figure.exact"].tp, 0);
  EXPECT_EQ(r.metrics["figure.value"].tp, 1);
  EXPECT_EQ(r.metrics["figure.group"].fn, 1);
  EXPECT_EQ(r.metrics.count("date"), 0u);
}

TEST(Counts, PrecisionRecallF1) {
  Counts c{8, 2, 8};
  EXPECT_NEAR(c.Precision(), 0.8, 1e-9);
  EXPECT_NEAR(c.Recall(), 0.5, 1e-9);
  EXPECT_NEAR(c.F1(), 2 * 0.8 * 0.5 / 1.3, 1e-9);
  EXPECT_EQ(Counts{}.F1(), 1.0) << "nothing to find and nothing found is perfect";
}

}  // namespace
}  // namespace veille::eval
