// Unit tests of the number, date and figure recognisers: the rules that combine the words of
// data/<lang>/*.txt. Coverage at scale is the job of the gold sets (tests/gold/).
#include "recognize/recognize.h"

#include <gtest/gtest.h>

#include "normalize/normalize.h"
#include "segment/segment.h"

namespace veille::recognize {
namespace {

Recognized Recognise(const std::string& text, const std::string& lang, std::optional<CivilDate> published = CivilDate{2022, 1, 7}) {
  static const segment::Segmenter seg = *segment::Segmenter::Create();
  static const Recognizer rec = *Recognizer::Create();
  NormalizedText n = normalize::Normalize(text);
  Segmented s = seg.Segment(n.text, lang);
  return rec.Recognize(n, s, DocumentContext{lang, published, false});
}

std::vector<int64_t> Values(const Recognized& r) {
  std::vector<int64_t> v;
  for (const Number& n : r.numbers) v.push_back(n.mention.value);
  return v;
}

// One number per sentence, read to its value.
struct NumberCase {
  const char* text;
  const char* lang;
  int64_t value;
};

void ExpectEachValue(std::initializer_list<NumberCase> cases) {
  for (const NumberCase& c : cases) {
    EXPECT_EQ(Values(Recognise(c.text, c.lang)), std::vector<int64_t>{c.value}) << c.text;
  }
}

TEST(Numbers, WordsCombineInEachLanguage) {
  ExpectEachValue({{"Il y a eu vingt-six morts.", "fr", 26},
                   {"On compte soixante-dix-huit blessés.", "fr", 78},
                   {"On compte quatre-vingt-dix blessés.", "fr", 90},
                   {"Vingt et un soldats sont morts.", "fr", 21},
                   {"A hundred and twelve people died.", "en", 112},
                   {"Murieron ciento cincuenta personas.", "es", 150},
                   {"Hubo dos mil quinientos detenidos.", "es", 2500},
                   {"Mil quinientos manifestantes marcharon.", "es", 1500}});
}

TEST(Numbers, DigitGroupingsAndScales) {
  ExpectEachValue({{"Police arrested 3,811 people.", "en", 3811},
                   {"La police a interpellé 3\u202f811 personnes.", "fr", 3811},
                   {"Fueron detenidas 3.811 personas.", "es", 3811},
                   {"Some 1.2 million people fled.", "en", 1200000},
                   {"Plus de 1,5 millions de déplacés.", "fr", 1500000}});
}

TEST(Numbers, QualifiersRangesAndVagueAmounts) {
  auto r = Recognise("Between 30 and 40 people were killed and more than 740 were injured.", "en");
  ASSERT_EQ(r.numbers.size(), 2u);
  EXPECT_EQ(r.numbers[0].mention.min, 30);
  EXPECT_EQ(r.numbers[0].mention.max, 40);
  EXPECT_EQ(r.numbers[1].mention.min, 740);
  EXPECT_FALSE(r.numbers[1].mention.max.has_value());
  auto two = Recognise("Two and three people were seen.", "en");
  EXPECT_EQ(two.numbers.size(), 2u) << "\"and\" makes a range only after \"between\"";
  auto dozens = Recognise("Des dizaines de manifestants ont été blessés.", "fr");
  ASSERT_EQ(dozens.numbers.size(), 1u);
  EXPECT_EQ(dozens.numbers[0].mention.value, 12);
  EXPECT_TRUE(dozens.numbers[0].mention.approx);
}

TEST(Dates, RelativeExpressionsResolveIntoThePast) {
  // 7 January 2022 was a Friday.
  auto r = Recognise("Hier, la police a tiré. Lundi, l'armée est intervenue. Il y a trois jours, rien.", "fr");
  ASSERT_EQ(r.dates.size(), 3u);
  EXPECT_EQ(FormatIsoDate(*r.dates[0].date.value), "2022-01-06");
  EXPECT_EQ(FormatIsoDate(*r.dates[1].date.value), "2022-01-03");
  EXPECT_EQ(r.dates[1].date.relative, "weekday:mon");
  EXPECT_EQ(FormatIsoDate(*r.dates[2].date.value), "2022-01-04");
  auto es = Recognise("El pasado martes, el 2 de enero y en marzo de 2021.", "es");
  ASSERT_EQ(es.dates.size(), 3u);
  EXPECT_EQ(FormatIsoDate(*es.dates[0].date.value), "2022-01-04");
  EXPECT_EQ(FormatIsoDate(*es.dates[1].date.value), "2022-01-02");
  EXPECT_EQ(es.dates[2].date.precision, "month");
}

TEST(Dates, WithoutAPublicationDateRelativeValuesAreUnknown) {
  auto r = Recognise("Yesterday troops fired on 7 January 2022.", "en", std::nullopt);
  ASSERT_EQ(r.dates.size(), 2u);
  EXPECT_FALSE(r.dates[0].date.value.has_value());
  EXPECT_EQ(r.dates[0].date.precision, "unknown");
  EXPECT_EQ(r.dates[0].date.relative, "-1d");
  EXPECT_EQ(FormatIsoDate(*r.dates[1].date.value), "2022-01-07") << "absolute dates need no publication date";
}

TEST(Dates, NamesAreNotDates) {
  EXPECT_TRUE(Recognise("The Good Friday Agreement was signed.", "en").dates.empty());
  EXPECT_TRUE(Recognise("Los manifestantes llegaron a la Plaza de Mayo.", "es").dates.empty());
}

TEST(Figures, KindsValuesGroupsAndSources) {
  auto r = Recognise("Security forces killed 26 protesters in Almaty, the Interior Ministry said.", "en");
  ASSERT_EQ(r.figures.size(), 1u);
  EXPECT_EQ(r.figures[0].figure.kind, "killed");
  EXPECT_EQ(r.figures[0].figure.value, 26);
  EXPECT_EQ(r.figures[0].figure.group, "protesters");
  EXPECT_EQ(r.figures[0].figure.source, "the Interior Ministry");
  auto fr = Recognise("18 agents des forces de l'ordre sont morts et plus de 740 personnes ont été blessées.", "fr");
  ASSERT_EQ(fr.figures.size(), 2u);
  EXPECT_EQ(fr.figures[0].figure.group, "security_forces");
  EXPECT_EQ(fr.figures[1].figure.kind, "injured");
  EXPECT_EQ(fr.figures[1].figure.min, 740);
}

TEST(Figures, NumbersThatAreNotAboutPeopleAreNeverFigures) {
  for (const auto& [text, lang] : std::vector<std::pair<std::string, std::string>>{
           {"A 26-year-old man was arrested.", "en"},
           {"Un homme de 26 ans a été arrêté pendant 180 jours.", "fr"},
           {"Los saqueadores quemaron 40 autos y 12 tiendas.", "es"},
           {"Article 19 of the decree bans gatherings of 50 days.", "en"},
           {"Les prix ont augmenté de 12 % et 1,5 million d'euros ont été perdus.", "fr"}}) {
    auto r = Recognise(text, lang);
    for (const FigureFound& f : r.figures) {
      EXPECT_NE(f.figure.kind, "killed") << text;
      EXPECT_NE(f.figure.kind, "injured") << text;
    }
    EXPECT_TRUE(r.figures.size() <= 1) << text;
  }
}

TEST(Figures, ARestatedTollIsOneFigure) {
  auto r = Recognise("Eleven people were killed in the raid. The 11 dead were buried on Sunday.", "en");
  int distinct = 0;
  for (const FigureFound& f : r.figures) distinct += f.restated ? 0 : 1;
  EXPECT_EQ(distinct, 1);
}

TEST(Figures, MachineTranslatedTollsWithoutCommasOrWithMinimum) {
  // The subset stands between the people and the verb with no commas around it.
  auto r = Recognise("Police said 39 persons including 2 police were died in the clashes.", "en");
  ASSERT_EQ(r.figures.size(), 2u);
  EXPECT_EQ(r.figures[0].figure.kind, "killed");
  EXPECT_EQ(r.figures[0].figure.value, 39);
  EXPECT_FALSE(r.figures[0].subset);
  EXPECT_TRUE(r.figures[1].subset);
  auto m = Recognise("The drone attack killed minimum 31 civilians.", "en");
  ASSERT_EQ(m.figures.size(), 1u);
  EXPECT_EQ(m.figures[0].figure.min, 31);
  EXPECT_EQ(m.figures[0].figure.group, "civilians");
  // A subset word that no verb follows is not skipped over.
  auto n = Recognise("About 40 trucks including fuel tankers reached the town.", "en");
  for (const FigureFound& f : n.figures) EXPECT_NE(f.figure.kind, "killed");
}

// Each figure as "kind/group", in text order: the shape a rule gives a sentence.
std::vector<std::string> KindsAndGroups(const Recognized& r) {
  std::vector<std::string> out;
  for (const FigureFound& f : r.figures) out.push_back(f.figure.kind + "/" + f.figure.group);
  return out;
}

TEST(Figures, WordsAfterTheNumberGiveQualifiersAndSides) {
  auto q = Recognise("Selon la police, 280 personnes au moins ont été tuées.", "fr");
  ASSERT_EQ(q.figures.size(), 1u);
  EXPECT_EQ(q.figures[0].figure.min, 280);
  EXPECT_FALSE(q.figures[0].figure.max.has_value());
  EXPECT_EQ(KindsAndGroups(Recognise("Les combats ont fait 40 morts côté rebelle et 7 dans les rangs de l'armée.", "fr")),
            (std::vector<std::string>{"killed/militants", "killed/security_forces"}));
}

TEST(Figures, BreakdownsAndPeopleNamedBeforeTheirCount) {
  auto b = Recognise("Los choques dejaron 9 muertos: 5 policías y 4 manifestantes.", "es");
  EXPECT_EQ(KindsAndGroups(b), (std::vector<std::string>{"killed/unknown", "killed/security_forces", "killed/protesters"}));
  ASSERT_EQ(b.figures.size(), 3u);
  EXPECT_TRUE(b.figures[1].subset);
  EXPECT_EQ(KindsAndGroups(Recognise("Les manifestants étaient 12 000 selon la préfecture et 30 000 selon les syndicats.", "fr")),
            (std::vector<std::string>{"participants/protesters", "participants/protesters"}));
}

TEST(Figures, PeopleWhoGotAwayOrWereHeldByKidnappers) {
  EXPECT_TRUE(Recognise("More than 200 inmates escaped from the prison after the assault.", "en").figures.empty());
  auto held = Recognise("The kidnappers released 6 of the hostages, and 11 were still being held.", "en");
  bool missing = false;
  for (const FigureFound& f : held.figures) missing |= f.figure.value == 11 && f.figure.kind == "missing";
  EXPECT_TRUE(missing);
  auto cent = Recognise("Le double attentat a fait cent morts.", "fr");
  ASSERT_EQ(cent.figures.size(), 1u);
  EXPECT_EQ(cent.figures[0].figure.value, 100);
  EXPECT_EQ(KindsAndGroups(Recognise("L'armée a perdu douze hommes dans l'embuscade.", "fr")),
            (std::vector<std::string>{"killed/security_forces"}));
}

}  // namespace
}  // namespace veille::recognize
