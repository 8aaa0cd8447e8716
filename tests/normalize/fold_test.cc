#include "normalize/fold.h"

#include <gtest/gtest.h>

namespace veille::normalize {
namespace {

TEST(FoldForMatch, FoldsCaseAndAccents) {
  EXPECT_EQ(FoldForMatch("Kazajistán"), "kazajistan");
  EXPECT_EQ(FoldForMatch("KAZAJISTAN"), "kazajistan");
  EXPECT_EQ(FoldForMatch("Côte d'Ivoire"), "cote d'ivoire");
  EXPECT_EQ(FoldForMatch("Straße"), "strasse");
  EXPECT_EQ(FoldForMatch("Алматы"), "алматы");
  EXPECT_EQ(FoldForMatch("São Tomé"), "sao tome");
}

}  // namespace
}  // namespace veille::normalize
