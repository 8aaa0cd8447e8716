#include <gtest/gtest.h>

#include "veille/text.h"

namespace veille {
namespace {

TEST(OffsetMap, EmptyMapIsIdentity) {
  OffsetMap m;
  EXPECT_EQ(m.ToOriginal(17u), 17u);
}

TEST(OffsetMap, ShiftsAfterAReplacementAndClampsInsideIt) {
  // Original "l’O" (’ is 3 bytes) normalised to "l'O".
  OffsetMap m;
  m.AddAnchor(0, 0);
  m.AddAnchor(1, 1, /*replaced=*/true);
  m.AddAnchor(2, 4);
  EXPECT_EQ(m.ToOriginal(0u), 0u);
  EXPECT_EQ(m.ToOriginal(1u), 1u);
  EXPECT_EQ(m.ToOriginal(2u), 4u);
  EXPECT_EQ(m.ToOriginalEnd(2u), 4u);
  EXPECT_EQ(m.ToOriginal(Span{0, 3}), (Span{0, 5}));
}

TEST(OffsetMap, ExpansionMapsInteriorOffsetsToTheWholeSequence) {
  // "…" (3 bytes) normalised to "..." (3 bytes) but replaced as a whole; "ﬁ" (3) to "fi" (2).
  OffsetMap m;
  m.AddAnchor(0, 0, true);
  m.AddAnchor(2, 3);
  EXPECT_EQ(m.ToOriginal(1u), 0u);     // inside "fi": the start of "ﬁ"
  EXPECT_EQ(m.ToOriginalEnd(1u), 3u);  // as an end: the end of "ﬁ"
  EXPECT_EQ(m.ToOriginal(5u), 6u);
}

TEST(OffsetMap, InStepAnchorsWithTheSameShiftAreMerged) {
  OffsetMap m;
  m.AddAnchor(0, 0);
  m.AddAnchor(10, 10);
  m.AddAnchor(20, 20);
  EXPECT_EQ(m.anchor_count(), 1u);
}

}  // namespace
}  // namespace veille
