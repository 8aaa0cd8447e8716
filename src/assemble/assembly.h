// The assembly of one document's events, step by step (docs/events.md, "Steps in the code").
// Internal to event assembly: Assembler::Assemble makes an Assembly and runs its steps in the
// order they are declared here; each step reads what the steps before it decided.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assemble/actors.h"
#include "assemble/assemble.h"

namespace veille::assemble {

using recognize::LexiconEntry;
using recognize::SectionId;
using recognize::Words;
// Class names and words are compared with string_view literals: a size check rejects most
// pairs before any byte is read (comparing a std::string with a char pointer measures the
// pointer first).
using namespace std::string_view_literals;

// "trigger:ASSAULT:Violence against civilians:Attack" -> its three parts ("-" is none).
struct EventClass {
  std::string plover, event_type, sub_event_type;
};
EventClass ParseClass(const std::string& section);

// Actor types and event classes, as ACLED codes them (docs/ontology.md).
inline bool Armed(const std::string& actor_type) {
  return actor_type == "State forces"sv || actor_type == "Rebel group"sv || actor_type == "Political militia"sv ||
         actor_type == "Identity militia"sv || actor_type == "External/Other forces"sv;
}

// People with no weapons of their own: a crowd, demonstrators, rioters.
inline bool Crowd(const std::string& actor_type) {
  return actor_type == "Protesters"sv || actor_type == "Rioters"sv || actor_type == "Civilians"sv;
}

inline bool Violent(const Event& e) {
  return e.plover == "ASSAULT"sv || e.event_type == "Riots"sv || e.event_type == "Battles"sv ||
         e.event_type == "Explosions/Remote violence"sv || e.event_type == "Violence against civilians"sv ||
         e.sub_event_type == "Protest with intervention"sv;
}

inline void SetClass(Event& e, const char* event_type, const char* sub_event_type, const char* plover) {
  e.event_type = event_type;
  e.sub_event_type = sub_event_type;
  e.plover = plover;
}

// The index of the first token that starts at or after `byte`.
inline uint32_t TokenAt(const std::vector<Token>& tokens, uint32_t byte) {
  return static_cast<uint32_t>(std::lower_bound(tokens.begin(), tokens.end(), byte,
                                                [](const Token& tok, uint32_t b) { return tok.span.begin < b; }) -
                               tokens.begin());
}

// What each figure of an event is besides its kind: part of an earlier toll (a subset, never
// added), or a toll revised ("the toll rose to 17", which replaces the earlier ones).
struct FigureRoles {
  std::vector<bool> subset, revised;
  void Add(bool is_subset, bool is_revised) {
    subset.push_back(is_subset);
    revised.push_back(is_revised);
  }
};

// One event told by another: its figures (and their roles) move over.
inline void AbsorbFigures(Event& to, FigureRoles& to_roles, const Event& from, const FigureRoles& from_roles) {
  for (size_t f = 0; f < from.figures.size(); ++f) {
    to.figures.push_back(from.figures[f]);
    to_roles.Add(from_roles.subset[f], from_roles.revised[f]);
  }
}
inline void FillActors(Event& to, const Event& from) {
  if (!to.actor1 && from.actor1) to.actor1 = from.actor1;
  if (!to.actor2 && from.actor2) to.actor2 = from.actor2;
}

// The state of one document's assembly, shared by its steps. Events are made one per kept
// trigger and never erased: an event merged into another keeps its slot with an empty PLOVER
// type, so that `event_sentence`, `event_trigger`, `subsets`, `listed_at` and `listed_on` stay
// parallel to `events`.
class Assembly {
 public:
  Assembly(const Input& input, const recognize::Lexicon& lexicon, const std::vector<EventClass>& classes_by_entry,
           const recognize::Words& words);

  // The steps, in the order Assembler::Assemble runs them.
  // 1. Triggers and actors of the lexicon (assembly_events.cc).
  void FindTriggersAndActors();     // one pass over each sentence's words
  void ReadTriggersThroughDates();  // "recuperó el sábado el control": phrases around a date or amount
  void FindUnlistedActors();        // demonyms beside armed nouns, organisations, titled persons
  void FindCumulativeCounts();      // "so far this year": counts that are background
  // 2. One event per trigger told as a fact, of a new happening (assembly_events.cc).
  void BuildEventsFromTriggers();
  // 3. Who acts and who is acted on, and the figures of each event (assembly_participants.cc).
  void FindCountryActors();
  void FindSourcesAndVictims();
  void ChooseSides();          // actor1 and actor2 of each event; one statement per speaker
  void NameClaimant();         // "JNIM claimed the attack": who carried out the story's violence
  void AddSpeakersStatements();
  void AimCondemnations();     // "the UN condemned the attack": at the attacker
  void AssignFigures();        // each figure to the event it counts
  // 4. Decision rules on the event class (assembly_classes.cc).
  void RefineClasses();
  // 5. One happening told by several triggers of a sentence is one event (assembly_classes.cc).
  void JoinUnhurtEvents();
  void DropDemandsOfMarches();
  void AbsorbLessSpecific();
  void JoinPloverReadings();
  void JoinArrestsToProtests();
  // 6. One event per place and per day of a list (assembly_lists.cc).
  void SplitByPlaceLists();
  void SplitByDayLists();
  // 7. Date, place, sides, evidence, fatalities, id and confidence of each event, and retellings
  // merged into their first telling (assembly_code.cc).
  void CodeEvents();
  void MakeIdsUnique();

  Assembled Take() { return std::move(out); }

 private:
  // A trigger of the lexicon at words [first, last] of a sentence.
  struct Found {
    const EventClass* cls;
    uint32_t first, last, sentence;
  };
  // A statement's copy for another speaker of a coordinated subject.
  struct Extra {
    Event event;
    size_t like;  // the event whose trigger it shares
  };

  const EventClass& ClassOf(const LexiconEntry& trigger) const { return classes[trigger.id]; }
  // Function words of the language (data/<lang>/events.txt): one-word sections.
  // Most words start no entry of the section: answered from sections_at, without the lexicon.
  [[gnu::always_inline]] bool MayStart(size_t i, SectionId section) const {
    return i < sections_at.size() && sections_at[i] && (*sections_at[i])[section];
  }
  [[gnu::always_inline]] const LexiconEntry* Match(size_t i, SectionId section) const {
    return MayStart(i, section) ? lex.Match(w, i, section) : nullptr;
  }
  [[gnu::always_inline]] bool Is(uint32_t i, SectionId section) const { return Match(i, section) != nullptr; }
  Span SpanOf(uint32_t a, uint32_t b) const { return Span{tokens[a].span.begin, tokens[b].span.end}; }

  // Shared by several steps.
  const LexiconEntry* ModalityBefore(uint32_t first, const Sentence& s) const;
  bool IsBackgroundCount(uint32_t sentence, uint32_t token) const;
  bool AfterSpellOf(uint32_t first, const Sentence& s) const;  // "after two days of riots"
  bool IsTopicOf(uint32_t first, const Sentence& s) const;  // "the response to the protests"
  bool IsAssailantsArrival(uint32_t first, const Sentence& s) const;  // "the assailants arrived"
  bool IsForecastWarning(uint32_t first, const Sentence& s) const;  // "the toll could rise, officials warned"
  bool IsUnrestTally(uint32_t sentence) const;  // arrests counted with the wounded
  const LexiconEntry* InSentence(uint32_t si, SectionId section) const;
  std::optional<CivilDate> DayTold(uint32_t sentence, uint32_t trigger_byte) const;
  static std::pair<int, int> Rank(const Event& e);  // family, specificity

  // Steps 2 and 3.
  bool ActsHere(size_t c, const EventClass& cls) const { return c < capitals_from || cls.event_type.empty(); }
  bool ToldAfterVerb(uint32_t first, const Sentence& s) const;
  bool Capitalised(uint32_t i) const;
  std::optional<Actor> NamedOrganisation(uint32_t from, uint32_t until) const;
  std::optional<Actor> ObjectAfter(const Found& t, const Event& e, const ActorMention* after) const;
  std::vector<const ActorMention*> CoordinatedSubject(const Found& t, uint32_t clause_start) const;
  bool CallsForProtest(const Found& t) const;
  int StoryEventOfLaterToll(const recognize::FigureFound& f) const;
  int DemonstrationOfToll(const recognize::FigureFound& f);
  bool RevisedToll(const recognize::FigureFound& f) const;
  bool CountedOverDays(const recognize::FigureFound& f, int k) const;
  // Step 4.
  bool AirDoerBefore(uint32_t trigger_first, uint32_t sentence_first) const;
  bool ToldAsProtesting(const Found& t) const;
  bool MobSubject(const Found& t) const;
  // Step 6.
  void CopyEvent(size_t k, std::optional<Location> at);
  // Step 7.
  bool TellingDate(const recognize::Date& d, const Found& t) const;
  bool TollOnly(const Found& t) const;
  const recognize::Date* HappeningDate(const Event& e, const Found& t, const Sentence& s) const;

  // The document.
  const Input& in;
  const recognize::Lexicon& lex;
  const std::vector<EventClass>& classes;  // by lexicon entry id
  const std::vector<Token>& tokens;
  const std::string& text;
  const recognize::Words& w;  // the document's words, numbered for `lex`
  const SectionId kConjunction = VEILLE_SECTION("conjunction");  // and, et, y
  const SectionId kClauseEnd = VEILLE_SECTION("clause-end");      // while, but, as
  const SectionId kArticle = VEILLE_SECTION("article");          // the, la, los, l'
  const SectionId kAgentWord = VEILLE_SECTION("agent");          // by, par, por
  const SectionId kAnaphoric = VEILLE_SECTION("anaphoric");      // the, this, ces, dicho
  const SectionId kPronoun = VEILLE_SECTION("pronoun");          // he, it, il, ella
  const SectionId kInfinitive = VEILLE_SECTION("infinitive");    // to, de, d'; a second complement
  const SectionId kTrigger = VEILLE_SECTION("trigger:*");
  const SectionId kActor = VEILLE_SECTION("actor:*");
  const SectionId kDemonym = VEILLE_SECTION("demonym");
  // By word: the sections whose entries may start there (null: none), looked up once.
  SectionsAt sections_at;

  // Step 1.
  std::vector<Found> triggers;  // in text order
  std::vector<ActorMention> actors;
  std::vector<std::pair<uint32_t, uint32_t>> actor_tokens;  // first, last of each actor
  std::vector<bool> postposed_military;  // "les frappes russes": agent after its noun
  std::vector<std::pair<uint32_t, uint32_t>> cumulative;  // sentence, token of the phrase
  // Step 2.
  std::vector<Event> events;
  std::vector<uint32_t> event_sentence, event_trigger;  // parallel to `events`
  std::vector<bool> sentence_has_place;
  std::vector<std::pair<uint32_t, uint32_t>> referred_attacks;  // "condemned the attack": sentence, token
  std::vector<bool> governed_trigger;  // the object of a statement
  // Step 3.
  std::vector<ActorMention> country_actors;  // countries, then capitals from `capitals_from`
  std::vector<uint32_t> country_first;
  size_t capitals_from = 0;
  std::vector<std::pair<size_t, size_t>> actors_of;  // by sentence: its range of `actors`
  std::vector<bool> is_source, is_victim;            // parallel to `actors`
  std::vector<uint8_t> actor_at;  // by word: 1 where an actor starts, 2 where one ends
  std::vector<Extra> extra_events;
  std::vector<FigureRoles> subsets;  // parallel to `events`
  uint32_t dateline_end = 0;
  // Step 4.
  bool story_of_unrest = false;  // the article tells demonstrations or riots
  // Step 6.
  std::vector<std::optional<Location>> listed_at;   // parallel to `events`: a place of a list
  std::vector<const recognize::Date*> listed_on;    // parallel to `events`: a day of a list
  // Step 7.
  std::optional<Actor> story_attacker;  // actor1 of the story's first armed violence, as coded
  std::vector<uint32_t> out_sentence;   // parallel to `out.events`
  std::vector<FigureRoles> out_subsets;
  std::vector<bool> out_place_told;    // the event's own sentence (or list) names its place
  std::vector<bool> out_telling_date;  // the event's date is its teller's ("said on Tuesday")
  Assembled out;
};

}  // namespace veille::assemble
