#include "normalize/normalize.h"

#include <gtest/gtest.h>

#include <random>

namespace veille::normalize {
namespace {

// The original bytes behind a normalised span.
std::string Back(const std::string& original, const NormalizedText& n, size_t begin, size_t end) {
  Span s = n.map.ToOriginal(Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  return original.substr(s.begin, s.end - s.begin);
}

TEST(Normalize, LeavesPlainTextAloneWithAnIdentityMap) {
  std::string text = "Security forces killed 26 people in Almaty on Thursday.";
  NormalizedText n = Normalize(text);
  EXPECT_EQ(n.text, text);
  EXPECT_EQ(Back(text, n, 23, 25), "26");
}

TEST(Normalize, FoldsApostrophesQuotesDashesAndSpaces) {
  std::string text = "l\u2019OTAN \u00ab\u00a0non\u00a0\u00bb \u2014 3\u202f811 arr\u00eat\u00e9s\u2026";
  NormalizedText n = Normalize(text);
  EXPECT_EQ(n.text, "l'OTAN \" non \" - 3 811 arr\u00eat\u00e9s...");
  size_t at = n.text.find("3 811");
  EXPECT_EQ(Back(text, n, at, at + 5), "3\u202f811");
  size_t otan = n.text.find("OTAN");
  EXPECT_EQ(Back(text, n, otan, otan + 4), "OTAN");
  EXPECT_EQ(Back(text, n, 0, 2), "l\u2019");
}

TEST(Normalize, ComposesDecomposedAccents) {
  std::string text = "Tokai\u0308ev a de\u0301clare\u0301";  // Tokaïev a déclaré, decomposed
  NormalizedText n = Normalize(text);
  EXPECT_EQ(n.text, "Toka\u00efev a d\u00e9clar\u00e9");
  size_t at = n.text.find("d\u00e9clar\u00e9");
  EXPECT_EQ(Back(text, n, at, n.text.size()), "de\u0301clare\u0301");
}

TEST(Normalize, TurnsCrlfIntoNewlinesAndDropsInvisibleCharacters) {
  std::string text = "Line one.\r\nLine\u00ad two\u200b.\rEnd\tnow";
  NormalizedText n = Normalize(text);
  EXPECT_EQ(n.text, "Line one.\nLine two.\nEnd now");
  size_t end = n.text.find("End");
  EXPECT_EQ(Back(text, n, end, end + 3), "End");
}

TEST(Normalize, ExpandsLigatures) {
  std::string text = "con\ufb01rm\u00e9 o\ufb03ce";
  NormalizedText n = Normalize(text);
  EXPECT_EQ(n.text, "confirm\u00e9 office");
  size_t office = n.text.find("office");
  EXPECT_EQ(Back(text, n, office, office + 6), "o\ufb03ce");
}

// Property: every normalised word maps back to original bytes that normalise to that word,
// on random mixes of the characters normalisation rewrites.
TEST(Normalize, RoundTripOnRandomText) {
  const std::vector<std::string> pieces = {"a", "Z", " ", "\n", "\r\n", "\u2019", "\u00a0", "\u202f", "\u2014",
                                           "\u00e9", "e\u0301", "\ufb01", "\u2026", "\u200b", "3", "\u0410",
                                           "\u00ab", ".", "\t", "\U0001F642"};
  std::mt19937 rng(42);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int len = 1 + rng() % 40;
    for (int i = 0; i < len; ++i) text += pieces[rng() % pieces.size()];
    NormalizedText n = Normalize(text);
    // Whole text and every prefix boundary map monotonically inside the original.
    uint32_t prev = 0;
    for (uint32_t k = 0; k <= n.text.size(); ++k) {
      uint32_t o = n.map.ToOriginal(k);
      ASSERT_LE(o, text.size());
      ASSERT_GE(o, prev) << "offsets must not go backwards";
      prev = o;
    }
    EXPECT_EQ(n.map.ToOriginalEnd(static_cast<uint32_t>(n.text.size())), text.size());
    // Each maximal run of ASCII letters and digits comes back as itself.
    for (size_t i = 0; i < n.text.size();) {
      if (!std::isalnum(static_cast<unsigned char>(n.text[i]))) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < n.text.size() && std::isalnum(static_cast<unsigned char>(n.text[j]))) ++j;
      std::string back = Back(text, n, i, j);
      EXPECT_EQ(Normalize(back).text, n.text.substr(i, j - i)) << "text: " << text;
      i = j;
    }
  }
}

}  // namespace
}  // namespace veille::normalize
