#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

namespace veille::pipeline {
namespace {

TEST(Pipeline, DetectsLanguageOnlyWhenTheRecordGivesNone) {
  auto p = Pipeline::Create();
  ASSERT_TRUE(p);
  Document d;
  d.text = "Les forces de l\u2019ordre ont tu\u00e9 vingt-six personnes \u00e0 Almaty, selon le minist\u00e8re. "
           "M. Toka\u00efev a demand\u00e9 l\u2019aide de l\u2019OTSC.";
  Analysis a = p->Analyze(d);
  EXPECT_EQ(a.lang, "fr");
  EXPECT_TRUE(a.lang_detected);
  EXPECT_EQ(a.segmented.sentences.size(), 2u);
  d.lang = "es";
  Analysis given = p->Analyze(d);
  EXPECT_EQ(given.lang, "es");
  EXPECT_FALSE(given.lang_detected);
}

TEST(Pipeline, SentenceSpansMapBackToTheOriginalBytes) {
  auto p = Pipeline::Create();
  Document d;
  d.lang = "fr";
  d.text = "\u00ab\u00a0Non\u00a0\u00bb, dit-il. L\u2019OTAN a r\u00e9agi.";
  Analysis a = p->Analyze(d);
  ASSERT_EQ(a.segmented.sentences.size(), 2u);
  Span second = a.normalized.map.ToOriginal(a.segmented.sentences[1].span);
  EXPECT_EQ(d.text.substr(second.begin, second.end - second.begin), "L\u2019OTAN a r\u00e9agi.");
}

}  // namespace
}  // namespace veille::pipeline
