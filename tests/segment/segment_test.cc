#include "segment/segment.h"

#include <gtest/gtest.h>

#include "normalize/normalize.h"

namespace veille::segment {
namespace {

std::vector<std::string> Sentences(const std::string& text, const std::string& lang, Method m = Method::kFast) {
  static const Segmenter seg = *Segmenter::Create();
  Segmented s = seg.Segment(text, lang, m);
  std::vector<std::string> out;
  for (const Sentence& sent : s.sentences) out.push_back(text.substr(sent.span.begin, sent.span.size()));
  return out;
}

TEST(Segment, EnglishAbbreviationsDoNotEndSentences) {
  auto s = Sentences("Gen. Smith met Mr. Jones on Jan. 7 in Almaty. Police fired. \"We had no choice,\" he said.", "en");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "Gen. Smith met Mr. Jones on Jan. 7 in Almaty.");
  EXPECT_EQ(s[1], "Police fired.");
  EXPECT_EQ(s[2], "\"We had no choice,\" he said.");
}

TEST(Segment, FrenchAbbreviationsAndInitials) {
  auto s = Sentences("M. Tokaïev a parlé le 5 janv. à Almaty. Mme Dupont et J. Martin étaient là. Le bilan est lourd.",
                     "fr");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "M. Tokaïev a parlé le 5 janv. à Almaty.");
  EXPECT_EQ(s[1], "Mme Dupont et J. Martin étaient là.");
}

TEST(Segment, SpanishOpeningMarksAndAbbreviations) {
  auto s = Sentences("El Sr. Pérez habló con la Dra. Gómez. ¿Cuántos murieron? ¡Al menos 12! Según la Cruz Roja, 40.",
                     "es");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "El Sr. Pérez habló con la Dra. Gómez.");
  EXPECT_EQ(s[1], "¿Cuántos murieron?");
  EXPECT_EQ(s[2], "¡Al menos 12!");
}

TEST(Segment, LowercaseAfterAFullStopContinuesTheSentence) {
  auto s = Sentences("The toll stood at 12 a.m. on Friday. Later it rose.", "en");
  ASSERT_EQ(s.size(), 2u);
}

TEST(Segment, BlankLinesArePargraphsAndHeadlinesEndAtTheirLine) {
  static const Segmenter seg = *Segmenter::Create();
  std::string text = "Unrest in Almaty\nPolice fired tear gas on Thursday.\n\nThe ministry said 26 died.";
  Segmented s = seg.Segment(text, "en");
  ASSERT_EQ(s.sentences.size(), 3u);
  EXPECT_EQ(s.sentences[0].paragraph, 0u);
  EXPECT_EQ(s.sentences[1].paragraph, 0u);
  EXPECT_EQ(s.sentences[2].paragraph, 1u);
}

TEST(Segment, QuotesAndBracketsAfterTheFullStopStayWithTheSentence) {
  auto s = Sentences("He said: \"It is over.\" Then he left. (Police denied it.) Nothing else.", "en");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "He said: \"It is over.\"");
  EXPECT_EQ(s[2], "(Police denied it.)");
}

TEST(Tokenize, KeepsNumbersCompoundsAndElisionsTogether) {
  std::string text = "l'OTAN a compté 3,811 arrestations, 1.2 million, vingt-six morts et 10:30 U.S. aujourd'hui";
  std::vector<Token> toks;
  Tokenize(text, 0, toks);
  std::vector<std::string> words;
  for (const Token& t : toks) words.push_back(text.substr(t.span.begin, t.span.size()));
  std::vector<std::string> expected = {"l'", "OTAN", "a", "compté", "3,811", "arrestations", ",", "1.2", "million",
                                       ",", "vingt-six", "morts", "et", "10:30", "U.S.", "aujourd'hui"};
  EXPECT_EQ(words, expected);
  EXPECT_EQ(toks[4].kind, TokenKind::kNumber);
  EXPECT_EQ(toks[6].kind, TokenKind::kPunct);
}

// Differential: on text without abbreviations or initials, the fast splitter and ICU's
// sentence rules agree.
TEST(Segment, AgreesWithIcuOnPlainNewsText) {
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"en", "Security forces killed 26 people in Almaty. More than 740 were injured! Was it planned? The "
             "ministry said 3,811 people were arrested. \"It is over,\" he said. Prices rose 5.5 percent."},
      {"fr", "Les forces de l'ordre ont tué 26 personnes à Almaty. Plus de 740 ont été blessées ! Était-ce prévu ? "
             "Le ministère a fait état de 3 811 interpellations. « C'est fini », a-t-il dit."},
      {"es", "Las fuerzas de seguridad mataron a 26 personas en Almaty. ¿Fue planeado? Más de 740 resultaron "
             "heridos. El ministerio informó de 3.811 detenidos. Los precios subieron un 5,5 por ciento."},
  };
  for (const auto& [lang, raw] : texts) {
    std::string text = normalize::Normalize(raw).text;
    EXPECT_EQ(Sentences(text, lang, Method::kFast), Sentences(text, lang, Method::kIcu)) << lang;
  }
}

}  // namespace
}  // namespace veille::segment
