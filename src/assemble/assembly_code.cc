// Step 7 of an assembly: each event's date, place, sides, evidence, fatalities, id and
// confidence, and a retelling merged into its first telling (docs/events.md, step 7).
#include "assemble/assembly.h"

#include <cmath>
#include <map>
#include <string>
#include <unordered_set>

#include "base/hash.h"
#include "places/key.h"

namespace veille::assemble {

namespace {

// An event dated more than this many days before publication is background (docs/ontology.md,
// "whether there is an event").
constexpr int64_t kBackgroundDays = 60;

// Sides that the class of an event decides, once its class is final (ACLED's actor coding):
// - excessive force is the state's against demonstrators, whatever the word order put first
//   ("police named at a protest" may have been read as its other side);
// - violence other than a demonstration's, with no one named on the receiving end, has the
//   side its toll counts ("killing two officers", "faisant six morts parmi les militaires"); a
//   battle only an armed one;
// - arrests with no one named are of the demonstrators the toll counts, or, outside a story
//   of unrest, of civilians.
void SettleSides(Event& e, bool story_of_unrest) {
  auto type_of = [](const std::optional<Actor>& a) { return a ? a->type : std::string(); };
  if (e.sub_event_type == "Excessive force against protesters"sv) {
    if (type_of(e.actor2) == "State forces"sv && type_of(e.actor1) != "State forces"sv) std::swap(e.actor1, e.actor2);
    // The state on both sides (its police named where the protest was told, then taken as the
    // other side of the shooting): the receiving end is the demonstrators.
    if (type_of(e.actor2) == "State forces"sv && type_of(e.actor1) == "State forces"sv) e.actor2.reset();
    if (e.actor2 && Crowd(e.actor2->type)) e.actor2->type = "Protesters";
    if (!e.actor2) e.actor2 = Actor{"Protesters", "Protesters", ""};
    // Unarmed people who use force on demonstrators ("ruling party supporters armed with
    // sticks attacked demonstrators") are a mob: Rioters (rules 11 and 23; civilians never act).
    if (e.actor1 && (e.actor1->type == "Civilians"sv || e.actor1->type == "Protesters"sv)) e.actor1->type = "Rioters";
  }
  // A riot is the crowd's act: the state's forces it clashes with are on the receiving end
  // ("clashes between security forces and protesters").
  if (e.event_type == "Riots"sv && type_of(e.actor1) == "State forces"sv && e.actor2 && Crowd(e.actor2->type)) {
    std::swap(e.actor1, e.actor2);
    if (e.actor1->type != "Rioters"sv) e.actor1->type = "Rioters";
  }
  const bool arrests = e.sub_event_type == "Arrests"sv;
  if (e.actor2 || !(arrests || (Violent(e) && e.event_type != "Protests"sv && e.event_type != "Riots"sv))) return;
  static const std::map<std::string, std::string> kSideOfGroup = {
      {"security_forces", "State forces"}, {"civilians", "Civilians"}, {"protesters", "Protesters"}};
  for (const Figure& f : e.figures) {
    auto side = kSideOfGroup.find(f.group);
    const bool harm = arrests ? f.kind == "arrested"sv : (f.kind == "killed"sv || f.kind == "injured"sv || f.kind == "missing"sv);
    if (!harm || side == kSideOfGroup.end() || side->second == type_of(e.actor1)) continue;
    if ((arrests && side->second != "Protesters"sv) || (e.event_type == "Battles"sv && !Armed(side->second))) continue;
    e.actor2 = Actor{side->second, side->second, ""};
    return;
  }
  if (arrests && !story_of_unrest) e.actor2 = Actor{"Civilians", "Civilians", ""};
}

}  // namespace

// A date that dates the telling rather than the happening: the dateline's (when the story
// was filed), one said with its reporting verb ("a rights group said on Tuesday", "a
// affirmé mardi", "an army statement on Sunday said"), or the day a toll that names the
// happening was revised ("the death toll from an attack ... rose to 40 on Tuesday", "le
// bilan de l'attentat s'est alourdi mercredi").
bool Assembly::TellingDate(const recognize::Date& d, const Found& t) const {
  const SectionId kReportingVerb = VEILLE_SECTION("reporting"), kToldBy = VEILLE_SECTION("told-by");
  if (d.sentence != t.sentence) return false;
  if (d.span.end <= dateline_end) return true;
  const uint32_t first = TokenAt(tokens, d.span.begin), after = TokenAt(tokens, d.span.end);
  const uint32_t sentence_first = in.segmented.sentences[t.sentence].first_token;
  for (uint32_t i = first > sentence_first + 3 ? first - 3 : sentence_first; i < first; ++i) {
    for (SectionId section : {kReportingVerb, kToldBy}) {
      const LexiconEntry* r = Match(i, section);
      if (r && i + r->words.size() == first) return true;
    }
  }
  if (Is(after, kReportingVerb) || Is(after, kToldBy)) return true;
  const uint32_t tb = tokens[t.first].span.begin, te = tokens[t.last].span.end;
  for (const recognize::FigureFound& f : in.recognized.figures) {
    if (f.sentence == t.sentence && (f.figure.kind == "killed"sv || f.figure.kind == "injured"sv) &&
        f.span.begin < tb && te < f.span.end) {
      return true;
    }
  }
  return false;
}

// An event made only by the verb of a toll ("22 people had been killed", "nueve personas
// murieron") in a sentence that names no place tells the toll of a happening already told.
bool Assembly::TollOnly(const Found& t) const {
  const uint32_t tb = tokens[t.first].span.begin, te = tokens[t.last].span.end;
  for (const recognize::FigureFound& f : in.recognized.figures) {
    if (f.sentence == t.sentence && (f.figure.kind == "killed"sv || f.figure.kind == "injured"sv) &&
        f.span.begin <= tb && te <= f.span.end) {
      return true;
    }
  }
  return false;
}

// The date of an event (docs/ontology.md rule 28): the date of the trigger's sentence
// nearest the trigger, else the last one of the sentences before it in its paragraph; none
// is an unknown date, not the publication date. The dateline's date ("KABUL, June 4 (Veille
// Wire) -") is when the story was filed, and a date said with the verb of saying dates the
// statement ("The army said on Thursday that its soldiers had killed 11 militants ... on
// Tuesday"): an event of ACLED's kinds takes another day of its sentence instead (a day,
// not a period: "since 2013", "depuis lundi" say when something began, not when it happened).
const recognize::Date* Assembly::HappeningDate(const Event& e, const Found& t, const Sentence& s) const {
  const recognize::Date* date = nullptr;
  const recognize::Date* happening = nullptr;
  uint32_t best = UINT32_MAX, best_happening = UINT32_MAX;
  const uint32_t tb = tokens[t.first].span.begin;
  for (const recognize::Date& d : in.recognized.dates) {
    if (d.sentence != t.sentence) continue;
    uint32_t distance = tb > d.span.begin ? tb - d.span.begin : d.span.begin - tb;
    if (d.span.end <= dateline_end) distance += 1u << 20;
    if (distance < best) {
      best = distance;
      date = &d;
    }
    if (d.span.end > dateline_end && d.date.precision == "day"sv && !d.date.relative.starts_with("since") &&
        distance < best_happening && !TellingDate(d, t)) {
      best_happening = distance;
      happening = &d;
    }
  }
  if (date && happening && date != happening && !e.event_type.empty() && TellingDate(*date, t)) date = happening;
  if (!date) {
    for (const recognize::Date& d : in.recognized.dates) {
      if (d.sentence < t.sentence && in.segmented.sentences[d.sentence].paragraph == s.paragraph) date = &d;
    }
  }
  return date;
}

// Date, place, evidence, fatalities, id, confidence.
void Assembly::CodeEvents() {
  out.events.reserve(events.size());
  for (size_t k = 0; k < events.size(); ++k) {
    Event& e = events[k];
    if (e.plover.empty()) continue;
    const uint32_t si = event_sentence[k];
    const Sentence& s = in.segmented.sentences[si];
    const Found& t = triggers[event_trigger[k]];
    const recognize::Date* date = listed_on[k] ? listed_on[k] : HappeningDate(e, t, s);
    if (date) e.date = date->date;
    // "Nine soldiers were killed, the army said in a statement on Tuesday": a date in the
    // teller's incise after the trigger dates the telling, not the happening; such an event
    // may still be a retelling of one told on another day.
    bool date_of_telling = false;
    if (date && date->sentence == si) {
      for (uint32_t i = t.last + 1, end = TokenAt(tokens, date->span.begin); i < end && !date_of_telling; ++i) {
        date_of_telling = Is(i, VEILLE_SECTION("reporting")) || Is(i, VEILLE_SECTION("told-by"));
      }
    }
    date_of_telling = date_of_telling || (date && TellingDate(*date, t));
    const bool date_told = date && date->sentence == si && !date_of_telling;
    // Background: an event dated well before the publication ("in December 2011", "since
    // March") is context, not news of the day.
    if (e.date.value && in.doc.published &&
        recognize::DaysFromCivil(*e.date.value) < recognize::DaysFromCivil(*in.doc.published) - kBackgroundDays &&
        date && date->sentence == si) {
      continue;
    }
    if (listed_at[k]) e.location = listed_at[k];
    else if (in.places) {
      // A country that strikes ("Russia launched strikes on Ukraine") is not where it struck;
      // a country that speaks, gives or agrees is placed where it does so.
      std::vector<Span> acting;
      for (const ActorMention& c : country_actors) {
        if (c.sentence != si || e.plover != "ASSAULT"sv) continue;
        for (const std::optional<Actor>* a : {&e.actor1, &e.actor2}) {
          if (*a && (*a)->name == c.actor.name && (*a)->country == c.actor.country) acting.push_back(c.span);
        }
      }
      e.location = places::EventLocation(*in.places, in.segmented, si, acting);
    }
    // ACLED codes the crowd of a demonstration even when no word names it, and gives local
    // actors the country of the event.
    if (!e.actor1 && e.event_type == "Protests"sv && e.sub_event_type != "Excessive force against protesters"sv) {
      e.actor1 = Actor{"Protesters", "Protesters", ""};
    }
    if (!e.actor1 && e.event_type == "Riots"sv) e.actor1 = Actor{"Rioters", "Rioters", ""};
    // Arrests, curfews, emergencies and shutdowns told in the passive ("three people were
    // arrested", "a curfew is in force") are the state's acts.
    if (!e.actor1 && e.sub_event_type == "Arrests"sv) e.actor1 = Actor{"Police", "State forces", ""};
    if (!e.actor1 && e.plover == "COERCE"sv && e.event_type == "Strategic developments"sv && e.sub_event_type == "Other"sv) {
      e.actor1 = Actor{"Government", "State forces", ""};
    }
    SettleSides(e, story_of_unrest);
    // A condemnation with no one named on the receiving end is aimed at whoever carried out
    // the story's violence ("the EU condemned the strikes", "El alcalde condenó los hechos",
    // "a condamné « ces actes barbares »").
    if (e.plover == "ACCUSE"sv && e.event_type.empty() && !e.actor2 && e.actor1 && story_attacker &&
        story_attacker->name != e.actor1->name) {
      e.actor2 = story_attacker;
    }
    // What demonstrators, citizens, organisations and international bodies demand, denounce
    // or threaten, they address to the state when no one else is named: "Los manifestantes
    // exigen la renuncia de la presidenta", "La CIDH pidió que las medidas sean
    // excepcionales", "the union threatened a 48-hour strike".
    // Not a call to the caller's own supporters ("called on its supporters to take to the
    // streets", "a appelé ses partisans", "llamó a sus simpatizantes"): that names no other side.
    bool to_own_side = false;
    for (uint32_t i = t.last + 1; i <= t.last + 5 && i < w.size() && !to_own_side; ++i) {
      to_own_side = Is(i, VEILLE_SECTION("own-supporters"));
    }
    if ((e.plover == "REQUEST"sv || e.plover == "ACCUSE"sv || e.plover == "THREATEN"sv) && e.event_type.empty() &&
        !e.actor2 && e.actor1 && (Crowd(e.actor1->type) || e.actor1->type == "External/Other forces"sv) && !to_own_side) {
      e.actor2 = Actor{"Government", "State forces", ""};
    }
    // A concession in a story of unrest is made to the demonstrators.
    if (e.plover == "CONCEDE"sv && e.event_type.empty() && !e.actor2 && story_of_unrest) {
      e.actor2 = Actor{"Protesters", "Protesters", ""};
    }
    // Clashes at a demonstration are with the police unless the sentence names another side.
    if (e.sub_event_type == "Violent demonstration"sv && !e.actor2 &&
        InSentence(si, VEILLE_SECTION("trigger:ASSAULT:Battles:Armed clash"))) {
      e.actor2 = Actor{"Police", "State forces", ""};
    }
    // Violence against civilians has civilians on the receiving end by definition; an
    // explosion does when its dead or wounded are civilians (ACLED's actor coding).
    if (!e.actor2 && (e.event_type == "Violence against civilians"sv || e.event_type == "Explosions/Remote violence"sv)) {
      bool civilian_victims = e.event_type == "Violence against civilians"sv;
      for (const Figure& f : e.figures) {
        civilian_victims = civilian_victims || (f.kind != "participants"sv && f.kind != "arrested"sv &&
                                                (f.group == "civilians"sv || f.group == "unknown"sv));
      }
      if (civilian_victims && !(e.actor1 && e.actor1->type == "Civilians"sv)) e.actor2 = Actor{"Civilians", "Civilians", ""};
    }
    for (std::optional<Actor>* a : {&e.actor1, &e.actor2}) {
      if (*a && (*a)->country.empty() && e.location && !e.location->country.empty() &&
          (*a)->type != "External/Other forces"sv) {
        (*a)->country = e.location->country;
      }
      // A state's forces acting on another country's soil are external forces
      // (docs/ontology.md, actors); a diplomatic act is not "on soil".
      if (*a && (*a)->type == "State forces"sv && e.location && !e.location->country.empty() &&
          !(*a)->country.empty() && (*a)->country != e.location->country && !e.event_type.empty()) {
        (*a)->type = "External/Other forces";
      }
    }
    if (!story_attacker && e.actor1 && e.plover == "ASSAULT"sv && !e.event_type.empty() && e.actor1->type != "Civilians"sv) {
      story_attacker = e.actor1;
    }
    e.evidence.push_back({s.span.begin, s.span.end, std::string(text.substr(s.span.begin, s.span.size()))});
    e.fatalities = Fatalities(e.figures, subsets[k].subset, subsets[k].revised);
    e.doc_id = in.doc.id;
    e.lang = std::string(in.lang);
    e.event_id = in.doc.id + ":" +
                 HashHex(std::to_string(tokens[t.first].span.begin) + "|" + e.plover + "|" + e.sub_event_type + "|" +
                         (e.actor1 ? e.actor1->name : std::string()) +
                         (listed_at[k] ? "|" + listed_at[k]->name : std::string()))
                     .substr(0, 10);
    double confidence = 0.4;
    if (e.actor1) confidence += 0.15;
    if (e.location) confidence += 0.15;
    if (e.date.value) confidence += 0.1;
    if (!e.figures.empty()) confidence += 0.1;
    if (!e.event_type.empty()) confidence += 0.05;
    // A judgement to two decimals: a sum of weights would print as 0.9500000000000001.
    e.confidence = std::round(std::min(1.0, confidence) * 100) / 100;
    // A happening told again or told in detail in the next sentences ("Gunmen then opened fire
    // on the column", "A night watchman was shot dead at the gate") is one event: an event of
    // the same family (violence, or demonstration) within four sentences, at the same place
    // and day, joins the earlier one; the more specific class and every figure are kept.
    const bool place_told = listed_at[k].has_value() || sentence_has_place[si];
    const bool toll_told = Violent(e) && TollOnly(t);
    bool merged = false;
    const auto [family, level] = Rank(e);
    // A retelling joins the nearest earlier telling of its own class before one of its family
    // ("repelled an assault on Sake" is the fighting the lead told, not the shelling told
    // since).
    for (int pass = 0; pass < 2 && !merged; ++pass) {
      for (size_t j = out.events.size(); j-- > 0 && !merged;) {
        Event& prior = out.events[j];
        const uint32_t pj = out_sentence[j];
        // Copies made per speaker or per place come after later events: they are separate on
        // purpose and are not merged back (measured: merging them costs 0.003-0.004 F1).
        if (pj > si || si - pj > 4) break;
        const auto [prior_family, prior_level] = Rank(prior);
        bool same_class = prior.plover == e.plover && prior.sub_event_type == e.sub_event_type;
        bool same_family = family != 0 && family == prior_family;
        // Property burnt or looted after a riot is told is the riot's damage (an attack's may be
        // a raid of its own: "then set fire to a dozen houses").
        const bool damage_of_prior = e.sub_event_type == "Looting/property destruction"sv && prior_family == 1;
        // A place inside the country named by the other is the same place: "in northern Burkina
        // Faso" then "near Djibo".
        // So is a place inside the province the other named, for a retelling with no day of its
        // own ("in the northwestern Bajaur district" then "The bomber detonated his explosives
        // ... near Khar").
        auto within = [&](const Location& inner, const Location& outer) {
          return inner.country == outer.country && outer.geo_precision == 3 &&
                 (outer.admin1.empty() || (!date_told && inner.admin1 == outer.admin1));
        };
        // A retelling that names no place and no day of its own ("its fighters had killed nine
        // soldiers in the attack") is placed by its neighbours, not by what it says.
        bool same_place = !e.location || !prior.location || e.location->name == prior.location->name ||
                          within(*e.location, *prior.location) || within(*prior.location, *e.location) ||
                          (!place_told && !date_told && !e.event_type.empty()) || (toll_told && !place_told);
        bool same_day = !e.date.value || !prior.date.value || e.date.value == prior.date.value || date_of_telling ||
                        out_telling_date[j];
        // The speakers of a coordinated subject each make their statement.
        bool same_speaker = !e.event_type.empty() || si != pj || !e.actor1 || !prior.actor1 ||
                            e.actor1->name == prior.actor1->name;
        // Statements, demands and other acts outside ACLED are each their own event when told
        // by another speaker: "The UN called for calm ... The EU called for talks".
        const bool other_speaker = e.event_type.empty() && si != pj &&
                                   (!e.actor1 || !prior.actor1 || e.actor1->name != prior.actor1->name);
        if (!same_place || !same_day || !same_speaker || other_speaker) continue;
        // A toll told on its own joins the violent happening before it, whatever its class.
        const bool toll_of_prior = toll_told && Violent(prior);
        if (pass == 0 && !same_class) continue;
        if (same_class || same_family || damage_of_prior || toll_of_prior) {
          prior.evidence.insert(prior.evidence.end(), e.evidence.begin(), e.evidence.end());
          if (!prior.date.value && e.date.value) prior.date = e.date;
          // The day of the happening replaces the day it was told.
          if (out_telling_date[j] && date_told && e.date.value) {
            prior.date = e.date;
            out_telling_date[j] = false;
          }
          // The retelling's place inside the first telling's country is the more precise one:
          // "an attack in northern Burkina Faso", then "near Djibo" (ACLED codes the most
          // precise place the story gives).
          if (e.location && prior.location && e.location->country == prior.location->country &&
              e.location->geo_precision < prior.location->geo_precision && place_told) {
            prior.location = e.location;
          }
          if (same_family && level > prior_level && !toll_told) {
            prior.plover = e.plover;
            prior.event_type = e.event_type;
            prior.sub_event_type = e.sub_event_type;
          }
          FillActors(prior, e);
          AbsorbFigures(prior, out_subsets[j], e, subsets[k]);
          prior.fatalities = Fatalities(prior.figures, out_subsets[j].subset, out_subsets[j].revised);
          merged = true;
        }
      }
    }
    if (merged) continue;
    out_sentence.push_back(si);
    out_subsets.push_back(subsets[k]);
    out_place_told.push_back(place_told);
    out_telling_date.push_back(date_of_telling);
    out.events.push_back(std::move(e));
  }
}

// Ids are unique in a document even when two events share trigger, class and actor (the
// store keys events by id): a repeat takes an ordinal, the same on every run.
void Assembly::MakeIdsUnique() {
  std::unordered_set<std::string> ids;
  ids.reserve(out.events.size());
  for (Event& e : out.events) {
    if (ids.insert(e.event_id).second) continue;  // unique: no copy of the id needed
    const std::string base = e.event_id;
    for (int n = 2; !ids.insert(e.event_id).second; ++n) e.event_id = base + "-" + std::to_string(n);
  }
}

}  // namespace veille::assemble
