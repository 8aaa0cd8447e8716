#include "assemble/assemble.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string_view>

#include "normalize/normalize.h"
#include "segment/segment.h"

namespace veille::assemble {
namespace {

Figure Killed(int64_t value, const std::string& group) {
  Figure f;
  f.kind = "killed";
  f.value = value;
  f.group = group;
  return f;
}

TEST(Fatalities, GroupsAddUpTheLowestOfAGroupCountsAndSubsetsNever) {
  // "killed 17 soldiers and 23 militants": two groups.
  EXPECT_EQ(Fatalities({Killed(17, "security_forces"), Killed(23, "militants")}, {false, false}), 40);
  // "police said 12 died; organisers said 30": one toll, two sources, the lowest counts.
  EXPECT_EQ(Fatalities({Killed(12, "unknown"), Killed(30, "unknown")}, {false, false}), 12);
  // "23 dead, including 5 police officers": the subset is inside the toll.
  EXPECT_EQ(Fatalities({Killed(23, "unknown"), Killed(5, "security_forces")}, {false, true}), 23);
  Figure injured = Killed(40, "unknown");
  injured.kind = "injured";
  EXPECT_EQ(Fatalities({injured}, {false}), 0);
}

TEST(Fatalities, ARevisedTollReplacesTheEarlierOnes) {
  // "Gunmen killed 12 villagers ... the toll had risen to 17": the revision counts.
  EXPECT_EQ(Fatalities({Killed(12, "civilians"), Killed(17, "unknown")}, {false, false}, {false, true}), 17);
  // "The toll rose to 23 ... the blast had initially killed 15, including six police officers".
  EXPECT_EQ(Fatalities({Killed(23, "unknown"), Killed(15, "unknown"), Killed(6, "security_forces")},
                       {false, false, true}, {true, false, false}),
            23);
  // No revision: ACLED's rule.
  EXPECT_EQ(Fatalities({Killed(12, "unknown"), Killed(30, "unknown")}, {false, false}, {false, false}), 12);
}

Assembled Assemble(const std::string& text, const std::string& lang) {
  static const segment::Segmenter seg = *segment::Segmenter::Create();
  static const recognize::Recognizer rec = *recognize::Recognizer::Create();
  static const Assembler assembler = *Assembler::Create();
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.published = CivilDate{2022, 1, 7};
  NormalizedText n = normalize::Normalize(text);
  Segmented s = seg.Segment(n.text, lang);
  recognize::Recognized r = rec.Recognize(n, s, {lang, doc.published, false});
  return assembler.Assemble(Input{doc, lang, n, s, r, nullptr});
}

TEST(Assembler, CodesEventsWithFiguresAndSkipsWhatDidNotHappen) {
  Assembled a = Assemble("Police arrested 3,811 people on Thursday. Unions threatened to strike. "
                    "The army denied that troops had fired on the crowd.",
                    "en");
  ASSERT_FALSE(a.events.empty());
  const Event& arrests = a.events.front();
  EXPECT_EQ(arrests.sub_event_type, "Arrests");
  EXPECT_EQ(arrests.plover, "COERCE");
  ASSERT_EQ(arrests.figures.size(), 1u);
  EXPECT_EQ(arrests.figures[0].value, 3811);
  ASSERT_TRUE(arrests.date.value);
  EXPECT_EQ(FormatIsoDate(*arrests.date.value), "2022-01-06");
  for (const Event& e : a.events) {
    EXPECT_NE(e.plover, "PROTEST") << "a threatened strike is not a protest";
    EXPECT_NE(e.plover, "ASSAULT") << "a denied shooting is not coded as a fact";
  }
  bool negated = false;
  for (const TriggerMention& t : a.triggers) negated = negated || t.negated;
  EXPECT_TRUE(negated) << "the denied trigger is still shown, flagged";
}

TEST(Assembler, SameInputGivesTheSameIds) {
  Assembled a = Assemble("Soldiers killed 12 civilians in a village near Gao on Monday.", "en");
  Assembled b = Assemble("Soldiers killed 12 civilians in a village near Gao on Monday.", "en");
  ASSERT_FALSE(a.events.empty());
  ASSERT_EQ(a.events.size(), b.events.size());
  EXPECT_EQ(a.events[0].event_id, b.events[0].event_id);
  EXPECT_EQ(a.events[0].fatalities, 12);
}

// How many events of `a` satisfy `pred`.
template <typename Pred>
int Count(const Assembled& a, Pred pred) {
  return static_cast<int>(std::count_if(a.events.begin(), a.events.end(), pred));
}
int CountPlover(const Assembled& a, std::string_view plover) {
  return Count(a, [&](const Event& e) { return e.plover == plover; });
}

TEST(Assembler, EachSpeakerOfACoordinatedSubjectMakesItsStatementButJointActsStayOne) {
  Assembled a = Assemble("The African Union, the European Union and the United Nations condemned the killings.", "en");
  std::set<std::string> speakers;
  for (const Event& e : a.events) {
    if (e.plover == "ACCUSE" && e.actor1) speakers.insert(e.actor1->name);
  }
  EXPECT_EQ(speakers.size(), 3u) << "one condemnation per speaker";

  Assembled b = Assemble("The government and the rebels signed a peace agreement in Doha on Friday.", "en");
  EXPECT_EQ(CountPlover(b, "AGREE"), 1) << "an agreement is one event of both sides";

  Assembled c = Assemble("The CSTO agreed on Wednesday to send peacekeepers at President Tokayev's request.", "en");
  EXPECT_LE(CountPlover(c, "REQUEST"), 1) << "actors that are not coordinated do not each make the request";
}

TEST(Assembler, CountsOverAPeriodAreBackgroundOnlyInTheirScope) {
  Assembled a = Assemble("So far this year, at least 40 attacks have killed more than 100 people in the province.", "en");
  EXPECT_EQ(CountPlover(a, "ASSAULT"), 0) << "a yearly count is not an event";

  Assembled b = Assemble("Gunmen killed 12 villagers on Sunday in the north, which has seen frequent attacks in recent years.",
                         "en");
  EXPECT_EQ(CountPlover(b, "ASSAULT"), 1) << "the phrase covers its own clause only";
  EXPECT_EQ(Count(b, [](const Event& e) { return e.plover == "ASSAULT" && e.fatalities != 12; }), 0);

  Assembled c = Assemble("Des hommes armés ont tué six civils mardi. Plus de 300 casques bleus ont été tués depuis dix ans.",
                         "fr");
  EXPECT_EQ(Count(c, [](const Event& e) { return e.fatalities == 306; }), 0)
      << "a count over ten years never lands on the attack";
}

TEST(Assembler, ATollToldBeforeItsHappeningJoinsTheFirstViolentEventAfterIt) {
  Assembled a = Assemble("The government reported 11 dead on Saturday. Its critics put the toll higher. "
                         "Gunmen attacked a village near Gao on Thursday.",
                         "en");
  int64_t fatalities = -1;
  for (const Event& e : a.events) {
    if (e.plover == "ASSAULT") fatalities = e.fatalities;
  }
  EXPECT_EQ(fatalities, 11);
}

TEST(Assembler, WhatADemandIsAboutIsNotAHappening) {
  Assembled a = Assemble("La oposición pidió la liberación de los dirigentes detenidos.", "es");
  EXPECT_EQ(CountPlover(a, "RETREAT"), 0) << "a release asked for is not a release";
  EXPECT_EQ(CountPlover(a, "REQUEST"), 1);
  Assembled b = Assemble("The European Union welcomed the agreement and called on all parties to respect it.", "en");
  EXPECT_GT(CountPlover(b, "REQUEST"), 0) << "a second verb after 'and' is its own statement";
}

TEST(Assembler, ADateOrAnAmountInsideAPhraseTriggerIsReadThrough) {
  Assembled a = Assemble("Las tropas del ejército recuperaron el sábado el control de la ciudad.", "es");
  EXPECT_GT(Count(a, [](const Event& e) { return e.sub_event_type == "Government regains territory"; }), 0);
  bool dated_trigger = false;
  for (const TriggerMention& t : a.triggers) dated_trigger = dated_trigger || t.span.size() > 30;
  EXPECT_TRUE(dated_trigger) << "the trigger's span runs across the date";
  Assembled b = Assemble("El Ejército envió unos 5.000 soldados a la frontera.", "es");
  EXPECT_GT(CountPlover(b, "MOBILIZE"), 0) << "an amount inside the phrase is read through too";
}

TEST(Assembler, PassiveArrestsAreThePolices) {
  Assembled a = Assemble("Three people were arrested on Monday.", "en");
  ASSERT_FALSE(a.events.empty());
  ASSERT_TRUE(a.events[0].actor1.has_value());
  EXPECT_EQ(a.events[0].actor1->type, "State forces");
  Assembled b = Assemble("El vocero presidencial acusó a la oposición de mentir.", "es");
  EXPECT_GT(Count(b, [](const Event& e) { return e.actor1 && e.actor1->type == "State forces"; }), 0);
}

TEST(Assembler, ACondemnationOfTheAttackIsAimedAtItsAuthors) {
  Assembled a = Assemble("Rebels attacked an army post near Gao on Monday. The United Nations condemned the attack.", "en");
  EXPECT_GT(Count(a, [](const Event& e) { return e.plover == "ACCUSE" && e.actor2 && e.actor2->type == "Rebel group"; }), 0);
}

TEST(Assembler, ASpanOfTimeNamedByItsProtestsIsContext) {
  Assembled a = Assemble("El presidente renunció el domingo tras tres semanas de protestas.", "es");
  EXPECT_EQ(CountPlover(a, "PROTEST"), 0) << "the weeks of protests are the reason, not news";
  EXPECT_GT(CountPlover(a, "RETREAT"), 0);
}

TEST(Assembler, ATellerIsNotAnActorOfWhatItTells) {
  Assembled a = Assemble("A suicide bomber killed at least 44 people at a rally on Sunday, police said.", "en");
  ASSERT_GT(CountPlover(a, "ASSAULT"), 0);
  EXPECT_EQ(Count(a, [](const Event& e) { return e.actor2 && e.actor2->name == "police"; }), 0)
      << "the police tell the toll; they are not its victims";
  Assembled b = Assemble("UNICEF said on Thursday it was deeply alarmed and called for the children's release.", "en");
  EXPECT_GT(Count(b, [](const Event& e) { return e.plover == "REQUEST" && e.actor1 && e.actor1->name == "UNICEF"; }), 0)
      << "a teller of its own statement speaks";
}

TEST(Assembler, ADenialDoesNotCoverAVerbJoinedAfterIt) {
  Assembled a = Assemble("The Taliban denied any involvement and accused the intelligence services of staging the blast.", "en");
  EXPECT_GT(CountPlover(a, "ACCUSE"), 0);
  EXPECT_EQ(CountPlover(a, "ASSAULT"), 0) << "the blast named in an accusation is an allegation";
  Assembled b = Assemble("Le ministre a nié que les forces de l'ordre aient tiré à balles réelles sur la foule.", "fr");
  EXPECT_EQ(CountPlover(b, "ASSAULT"), 0) << "the denial covers its whole clause";
}

TEST(Assembler, PlansAndReferencesAreNotHappenings) {
  EXPECT_EQ(CountPlover(Assemble("Une marche de l'opposition est prévue samedi à Dakar.", "fr"), "PROTEST"), 0);
  EXPECT_EQ(CountPlover(Assemble("El ministro renunció durante las protestas.", "es"), "PROTEST"), 0);
  Assembled c = Assemble("Militants seized two vehicles and fled.", "en");
  EXPECT_EQ(Count(c, [](const Event& e) { return e.sub_event_type == "Non-state actor overtakes territory"; }), 0)
      << "vehicles are not territory";
}

TEST(Assembler, EachSpeakerOfAListMakesItsStatement) {
  Assembled a = Assemble("La Organización de los Estados Americanos (OEA), la Unión Europea y Estados Unidos "
                         "expresaron su apoyo a la transición.",
                         "es");
  EXPECT_EQ(CountPlover(a, "SUPPORT"), 2) << "the bracketed acronym is the same speaker (no places: the country "
                                             "is not an actor here)";
  Assembled b = Assemble("A hospital received 160 wounded people, including women and children, a charity supporting it said.", "en");
  EXPECT_LE(CountPlover(b, "SUPPORT"), 1) << "women and children are one group, not two speakers";
}

}  // namespace
}  // namespace veille::assemble
