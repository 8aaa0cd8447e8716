// Steps 4 and 5 of an assembly: the decision rules of docs/ontology.md on the class of each
// event, and the events of one sentence that tell one happening joined (docs/events.md, step 6).
#include "assemble/assembly.h"

#include <string>

namespace veille::assemble {

namespace {

// A crowd's violence is a riot, whatever words tell it (docs/ontology.md rules 11 and 12):
// - rioters or demonstrators who attack, storm, burn or loot make a Violent demonstration, not
//   an attack on civilians or a looting of its own ("Rioters ... set fire to a tax office");
// - force met by people the text calls rioters ("shot dead two rioters who were trying to
//   storm a police station", "a abattu deux émeutiers", "abatió a dos alborotadores") is their
//   riot: rioters are no armed side (no Armed clash) and not peaceful demonstrators (no
//   Excessive force). The crowd is actor1, the force it faced actor2.
// Returns whether the class changed.
bool CrowdViolenceIsRiot(Event& e) {
  const std::string& t = e.sub_event_type;
  const bool act_of_force = t == "Attack"sv || t == "Armed clash"sv || t == "Excessive force against protesters"sv ||
                            t == "Violent demonstration"sv;
  if (e.actor1 && (e.actor1->type == "Protesters"sv || e.actor1->type == "Rioters"sv) &&
      (t == "Attack"sv || t == "Looting/property destruction"sv || t == "Non-state actor overtakes territory"sv)) {
    SetClass(e, "Riots", "Violent demonstration", "PROTEST");
    e.actor1->type = "Rioters";
    return true;
  }
  if (act_of_force && e.actor2 && e.actor2->type == "Rioters"sv && (!e.actor1 || Armed(e.actor1->type))) {
    SetClass(e, "Riots", "Violent demonstration", "PROTEST");
    std::swap(e.actor1, e.actor2);
    return true;
  }
  return false;
}

// Property burnt or looted with no doer named, in a story that tells a riot before it ("In
// Nakuru, the county assembly building was set on fire", "À Ziguinchor, la mairie a été
// incendiée"), is the riot of that place: the crowd's damage, not a strategic development.
bool DamageInStoryOfRiot(Event& e, bool riot_told_before) {
  if (!riot_told_before || e.sub_event_type != "Looting/property destruction"sv) return false;
  if (e.actor1 && e.actor1->type != "Protesters"sv && e.actor1->type != "Rioters"sv) return false;
  SetClass(e, "Riots", "Violent demonstration", "PROTEST");
  if (e.actor1) e.actor1->type = "Rioters";
  return true;
}

// An attack whose receiving end is armed (its toll counts soldiers or police, and no civilians) is
// a battle (docs/ontology.md rule 14), even when the attacker is not named ("Two soldiers were
// killed when their convoy came under attack", "un ataque contra un convoy ... la muerte de un
// militar"): one-sided ambushes and raids on armed people are Armed clashes. A crowd doing it
// is a riot, decided elsewhere. Returns whether the class changed.
bool AttackOnArmedIsBattle(Event& e) {
  if (e.event_type != "Violence against civilians"sv || e.sub_event_type != "Attack"sv) return false;
  if (e.actor1) return false;  // a named doer: the rule on both sides armed decides
  // The toll says who was on the receiving end: the state's forces, and no civilians. (An
  // armed actor merely named near the trigger, "as authorities lifted a curfew", says nothing.)
  bool armed_harmed = false, unarmed_harmed = false;
  for (const Figure& f : e.figures) {
    if (f.kind != "killed"sv && f.kind != "injured"sv) continue;
    if (f.group == "security_forces"sv) armed_harmed = true;
    else if (f.group == "civilians"sv || f.group == "protesters"sv) unarmed_harmed = true;
  }
  if (!armed_harmed || unarmed_harmed) return false;
  SetClass(e, "Battles", "Armed clash", "ASSAULT");
  return true;
}

// Violence by a crowd that gathered for no demonstration, named as such before the trigger
// (`[mob-crowd]`: "Angry residents beat to death", "Des supporters ... se sont affrontés",
// "Vecinos enfurecidos lincharon"), is Mob violence (rule 11): the crowd is Rioters; its victims,
// when not named, are Civilians; two crowds fighting are Rioters on both sides. Demonstrators
// attacked by such a crowd are excessive force instead (rule 11, "State forces, or whoever"),
// which the rules before this one decide. Returns whether the class changed.
bool MobWithoutDemonstration(Event& e, bool mob_subject) {
  const std::string& t = e.sub_event_type;
  if (!mob_subject || (t != "Attack"sv && t != "Armed clash"sv)) return false;
  if (e.actor1 && Armed(e.actor1->type)) return false;  // a named armed group is no mob
  if (e.actor2 && e.actor2->type == "Protesters"sv) return false;
  const bool reciprocal = t == "Armed clash"sv;
  SetClass(e, "Riots", "Mob violence", "ASSAULT");
  if (e.actor1) e.actor1->type = "Rioters";
  else e.actor1 = Actor{"Rioters", "Rioters", ""};
  if (reciprocal && (!e.actor2 || Crowd(e.actor2->type))) e.actor2 = Actor{"Rioters", "Rioters", ""};
  if (!e.actor2) e.actor2 = Actor{"Civilians", "Civilians", ""};
  return true;
}

// Property burnt or looted where people were killed or wounded is no mere destruction (rule 21:
// "with nobody harmed"): "Gunmen attacked the village, burning a dozen houses; at least four
// civilians were killed" is an Attack. Returns whether the class changed.
bool HarmMakesDamageAnAttack(Event& e) {
  if (e.sub_event_type != "Looting/property destruction"sv || e.plover != "ASSAULT"sv) return false;
  bool harm = false;
  for (const Figure& f : e.figures) harm = harm || f.kind == "killed"sv || f.kind == "injured"sv;
  if (!harm) return false;
  SetClass(e, "Violence against civilians", "Attack", "ASSAULT");
  return true;
}

}  // namespace

// The first entry of a section (or family) in a sentence that no negation or denial just
// before it in its clause turns away ("denied that police had fired live ammunition").
const LexiconEntry* Assembly::InSentence(uint32_t si, SectionId section) const {
  const Sentence& s = in.segmented.sentences[si];
  for (uint32_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
    const LexiconEntry* found = Match(i, section);
    if (!found) continue;
    const LexiconEntry* mod = ModalityBefore(i, s);
    if (!mod || (mod->section != "modality:negation"sv && mod->section != "modality:denial"sv)) return found;
  }
  return nullptr;
}

// An aircraft named as the doer before a bombing word in its clause ("L'aviation soudanaise a
// bombardé", "The military council jet fighter has dropped bomb"): the bomb came from the air.
bool Assembly::AirDoerBefore(uint32_t trigger_first, uint32_t sentence_first) const {
  const SectionId kAirInstrument = VEILLE_SECTION("instrument:Explosions/Remote violence:Air/drone strike");
  for (uint32_t back = 1; back <= 10 && trigger_first >= sentence_first + back; ++back) {
    const uint32_t i = trigger_first - back;
    // A list of weapons ("19 missiles et 19 drones", "18 drones et 5 missiles ont été
    // abattus") names what was fired, not who fired it.
    if (w[i] == ","sv || w[i] == ";"sv || Is(i, kClauseEnd) || Is(i, VEILLE_SECTION("conjunction"))) return false;
    if (Is(i, kAirInstrument)) return true;
  }
  return false;
}

// People told as demonstrating after the trigger in its clause ("fired on hundreds of people
// who were protesting", "contra cientos de personas que protestaban"): they are protesters.
bool Assembly::ToldAsProtesting(const Found& t) const {
  const SectionId kProtesting = VEILLE_SECTION("protesting");
  const Sentence& s = in.segmented.sentences[t.sentence];
  for (uint32_t i = t.last + 1; i < s.first_token + s.token_count && i <= t.last + 10; ++i) {
    if (w[i] == ";"sv || Is(i, kClauseEnd)) break;
    if (Is(i, kProtesting)) return true;
  }
  return false;
}

// A crowd that does not demonstrate named in the clause before the trigger: "Angry residents
// beat to death", "Des supporters de deux clubs rivaux se sont affrontés".
bool Assembly::MobSubject(const Found& t) const {
  const SectionId kMobCrowd = VEILLE_SECTION("mob-crowd");
  const Sentence& s = in.segmented.sentences[t.sentence];
  for (uint32_t back = 1; back <= 10 && t.first >= s.first_token + back; ++back) {
    const uint32_t i = t.first - back;
    if (w[i] == ";"sv || Is(i, kClauseEnd)) return false;
    if (Is(i, kMobCrowd)) return true;
  }
  return false;
}

// Decision rules of docs/ontology.md that the trigger alone cannot make.
void Assembly::RefineClasses() {
  const SectionId kInstrument = VEILLE_SECTION("instrument:*");
  const SectionId kLethalForce = VEILLE_SECTION("lethal-force");
  const SectionId kSince = VEILLE_SECTION("since");
  for (const Event& e : events) story_of_unrest = story_of_unrest || e.event_type == "Protests"sv || e.event_type == "Riots"sv;
  for (size_t k = 0; k < events.size(); ++k) {
    Event& e = events[k];
    const uint32_t si = event_sentence[k];
    // In a story of unrest, clashes with no armed side named are the unrest's: "Des
    // affrontements ont aussi été signalés à Ziguinchor".
    if (story_of_unrest && e.sub_event_type == "Armed clash"sv &&
        (!e.actor1 || Crowd(e.actor1->type)) &&
        !(e.actor2 && Armed(e.actor2->type) && e.actor2->type != "State forces"sv)) {
      SetClass(e, "Riots", "Violent demonstration", "PROTEST");
    }
    // A weapon named with a general attack word says how it was made: "a drone hit a fire
    // station", "shelling ... killed", "a grenade thrown into".
    // A bomber or a drone also says how an explosive was delivered ("a car packed with
    // explosives driven by a suicide attacker", "drones loaded with explosives").
    const bool generic_explosive = e.sub_event_type == "Remote explosive/landmine/IED"sv;
    if ((e.sub_event_type == "Attack"sv && e.event_type == "Violence against civilians"sv) || generic_explosive) {
      const LexiconEntry* weapon = InSentence(si, kInstrument);
      if (weapon && generic_explosive && weapon->section.find("Suicide bomb") == std::string::npos &&
          weapon->section.find("Air/drone strike") == std::string::npos) {
        weapon = nullptr;
      }
      // A mine or a grenade beside shooting at armed people (`[ground-assault]`: "opened fire",
      // "ambushed", "ouvert le feu", "abrieron fuego") is the opening of a ground assault,
      // not how the shooting was done (rule 15, exception): the fight keeps its own class and
      // absorbs the explosive's event.
      if (weapon && !generic_explosive && Is(triggers[event_trigger[k]].first, VEILLE_SECTION("ground-assault")) &&
          e.actor2 && Armed(e.actor2->type) && (!e.actor1 || Armed(e.actor1->type)) &&
          (weapon->section.find("Remote explosive") != std::string::npos ||
           weapon->section.find("Grenade") != std::string::npos)) {
        weapon = nullptr;
      }
      if (weapon) {
        const EventClass cls = ParseClass("trigger:ASSAULT:" + weapon->section.substr(weapon->section.find(':') + 1));
        SetClass(e, cls.event_type.c_str(), cls.sub_event_type.c_str(), "ASSAULT");
      }
    }
    // Demonstrators or rioters who attack, storm, burn or loot: a violent demonstration.
    CrowdViolenceIsRiot(e);
    // Damage with no doer after a riot is told: that place's riot.
    bool riot_told_before = false;
    for (size_t j = 0; j < k && !riot_told_before; ++j) {
      riot_told_before = event_sentence[j] < si && events[j].event_type == "Riots"sv && !events[j].plover.empty();
    }
    // Damage counted since a day ("plus de 80 commerces ... pillés ou incendiés" after
    // "interpellées depuis lundi") sums the unrest: no riot of its own is made of it.
    bool running_total = false;
    const Sentence& ss = in.segmented.sentences[si];
    for (uint32_t i = ss.first_token; riot_told_before && i < ss.first_token + ss.token_count && !running_total; ++i) {
      running_total = Is(i, kSince);
    }
    DamageInStoryOfRiot(e, riot_told_before && !running_total);
    // A bombardment by aircraft is an air strike (rule 15): "L'aviation soudanaise a bombardé",
    // "the jet fighter has dropped bomb".
    if (e.sub_event_type == "Shelling/artillery/missile attack"sv || e.sub_event_type == "Remote explosive/landmine/IED"sv) {
      if (AirDoerBefore(triggers[event_trigger[k]].first, in.segmented.sentences[si].first_token)) {
        SetClass(e, "Explosions/Remote violence", "Air/drone strike", "ASSAULT");
      }
    }
    // Dispersal with live fire: excessive force rather than an intervention.
    if (e.sub_event_type == "Protest with intervention"sv && InSentence(si, kLethalForce)) {
      SetClass(e, "Protests", "Excessive force against protesters", "ASSAULT");
    }
    bool protest_here = false, protesters_hurt = false;
    for (size_t j = 0; j < events.size(); ++j) {
      if (j != k && event_sentence[j] == si && events[j].event_type == "Protests"sv) protest_here = true;
    }
    for (const Figure& f : e.figures) {
      if ((f.kind == "killed"sv || f.kind == "injured"sv) && f.group == "protesters"sv) protesters_hurt = true;
    }
    bool state_actor = e.actor1 && e.actor1->type == "State forces"sv;
    bool protester_victims = (e.actor2 && e.actor2->type == "Protesters"sv) || protesters_hurt ||
                             ToldAsProtesting(triggers[event_trigger[k]]);
    // Killing or wounding non-violent demonstrators: excessive force.
    if (e.event_type == "Violence against civilians"sv && e.sub_event_type == "Attack"sv &&
        (protester_victims || (protest_here && state_actor))) {
      SetClass(e, "Protests", "Excessive force against protesters", "ASSAULT");
    }
    // Both sides armed: a battle.
    if (e.event_type == "Violence against civilians"sv && e.sub_event_type == "Attack"sv && e.actor1 && e.actor2 &&
        Armed(e.actor1->type) && Armed(e.actor2->type)) {
      SetClass(e, "Battles", "Armed clash", "ASSAULT");
    }
    // An attack on armed people with no attacker named: a battle too.
    AttackOnArmedIsBattle(e);
    // Residents, fans or vigilantes who attack or fight: mob violence.
    MobWithoutDemonstration(e, MobSubject(triggers[event_trigger[k]]));
    // Force met by rioters, whatever the rules above made of it, is their riot.
    CrowdViolenceIsRiot(e);
    // A government or its head resigning is a strategic development (docs/ontology.md rule on
    // resignations); a minister resigning stays outside ACLED.
    if (e.plover == "RETREAT"sv && e.event_type.empty() && e.actor1 && e.actor1->type == "State forces"sv) {
      const std::string who = e.actor1->name;
      bool head = who.find("overnment") != std::string::npos || who.find("ouvernement") != std::string::npos ||
                  who.find("obierno") != std::string::npos || who.find("resident") != std::string::npos ||
                  who.find("remier") != std::string::npos || who.find("rime") != std::string::npos;
      if (head) SetClass(e, "Strategic developments", "Other", "RETREAT");
    }
    // A peaceful protest with deaths at the hands of the state.
    if (e.sub_event_type == "Peaceful protest"sv && protesters_hurt) {
      SetClass(e, "Protests", "Excessive force against protesters", "ASSAULT");
    }
  }
}

// One happening told with a general and a specific word ("an air strike ... killed 43",
// "shot dead three protesters as thousands marched") is one event: in a sentence the most
// specific class of a family absorbs the others and their figures.
std::pair<int, int> Assembly::Rank(const Event& e) {
  const std::string& t = e.sub_event_type;
  if (t == "Peaceful protest"sv) return {1, 1};
  if (t == "Protest with intervention"sv) return {1, 2};
  if (t == "Excessive force against protesters"sv) return {1, 3};
  if (t == "Violent demonstration"sv || t == "Mob violence"sv) return {1, 4};
  // Burning and looting told beside an attack or a riot are part of it.
  if (t == "Looting/property destruction"sv) return {2, 0};
  // Artillery or air support inside a ground fight is the fight's (ontology rule 15); a bomb
  // carried or planted, an abduction or a rape says more than the fight; a place changing
  // hands by fighting is the territory sub-event (rule 14).
  if (t == "Attack"sv) return {2, 1};
  if (t == "Shelling/artillery/missile attack"sv || t == "Air/drone strike"sv) return {2, 2};
  if (t == "Armed clash"sv) return {2, 3};
  if (e.event_type == "Explosions/Remote violence"sv || t == "Sexual violence"sv || t == "Abduction/forced disappearance"sv) {
    return {2, 4};
  }
  if (t == "Government regains territory"sv || t == "Non-state actor overtakes territory"sv) return {2, 5};
  return {0, 0};
}

void Assembly::JoinUnhurtEvents() {
  // An event of the sentence told by `joined` with no one killed or wounded joins the event
  // told by `joins` (its figures and actors move over).
  auto join_unhurt = [&](auto joins, auto joined) {
    for (size_t k = 0; k < events.size(); ++k) {
      if (!joins(events[k]) || events[k].plover.empty()) continue;
      for (size_t j = 0; j < events.size(); ++j) {
        if (j == k || event_sentence[j] != event_sentence[k] || !joined(events[j]) || events[j].plover.empty()) continue;
        bool harm = false;
        for (const Figure& f : events[j].figures) harm = harm || f.kind == "killed"sv || f.kind == "injured"sv;
        if (harm) continue;
        AbsorbFigures(events[k], subsets[k], events[j], subsets[j]);
        FillActors(events[k], events[j]);
        events[j].plover.clear();
      }
    }
  };
  // A weapon stopped is not a weapon used: "defused an improvised explosive device", "shot
  // down 18 of the 20 missiles fired".
  join_unhurt([](const Event& e) { return e.sub_event_type == "Disrupted weapons use"sv; },
              [](const Event& e) { return e.event_type == "Explosions/Remote violence"sv; });
  // "Gunmen attacked the commune and burned a dozen houses": what happened is the destruction.
  join_unhurt([](const Event& e) { return e.sub_event_type == "Looting/property destruction"sv; },
              [](const Event& e) { return e.sub_event_type == "Attack"sv; });
  // Damage told with killings or wounds is an attack (or, a crowd's, its riot).
  for (Event& e : events) {
    if (!e.plover.empty() && HarmMakesDamageAnAttack(e)) CrowdViolenceIsRiot(e);
  }
}

// What demonstrators march for is the demonstration's: "marched to demand the release of
// an imam", "un sit-in pour réclamer". A demand made otherwise in the sentence stands.
void Assembly::DropDemandsOfMarches() {
  for (size_t k = 0; k < events.size(); ++k) {
    if (events[k].plover != "REQUEST"sv || !events[k].event_type.empty()) continue;
    const uint32_t at = triggers[event_trigger[k]].first;
    // A purpose word earlier in the clause ("pour soutenir la junte et demander le départ").
    bool purpose = false;
    for (uint32_t back = 1; back <= 6 && back <= at && !purpose; ++back) {
      if (w[at - back] == ","sv || w[at - back] == ";"sv) break;
      purpose = Is(at - back, VEILLE_SECTION("purpose"));
    }
    // A participle that describes the crowd: "led by young men demanding jobs", "des
    // manifestants réclamant".
    purpose = purpose || Is(at, VEILLE_SECTION("demand-participle"));
    // "demonstrators demanding the release of": the crowd's demand, told as its description.
    for (size_t a = 0; a < actors.size() && !purpose; ++a) {
      purpose = actor_tokens[a].second + 1 == at &&
                (actors[a].actor.type == "Protesters"sv || actors[a].actor.type == "Rioters"sv);
    }
    if (!purpose) continue;

    for (size_t j = 0; j < events.size(); ++j) {
      if (j != k && event_sentence[j] == event_sentence[k] && !events[j].plover.empty() &&
          (events[j].event_type == "Protests"sv || events[j].event_type == "Riots"sv)) {
        // Whom the demand is addressed to is not whom the crowd faced: no actor moves over.
        events[k].plover.clear();
        break;
      }
    }
  }
}

void Assembly::AbsorbLessSpecific() {
  auto planted_or_thrown = [](const Event& e) {
    return e.sub_event_type == "Remote explosive/landmine/IED"sv || e.sub_event_type == "Grenade"sv;
  };
  auto ground_fight = [&](size_t k) {
    return events[k].sub_event_type == "Armed clash"sv && Is(triggers[event_trigger[k]].first, VEILLE_SECTION("ground-assault"));
  };
  for (size_t k = 0; k < events.size(); ++k) {
    auto [family, level] = Rank(events[k]);
    if (family == 0 || events[k].plover.empty()) continue;
    for (size_t j = 0; j < events.size(); ++j) {
      if (j == k || event_sentence[j] != event_sentence[k] || events[j].plover.empty()) continue;
      auto [f2, l2] = Rank(events[j]);
      // Clashes around a demonstration are the demonstration's.
      // A riot absorbs its clashes, its damage, and killings told with no killer named ("seven
      // people have been killed in clashes between security forces and protesters").
      const bool told_of_riot = events[j].sub_event_type == "Armed clash"sv ||
                                events[j].sub_event_type == "Looting/property destruction"sv ||
                                (events[j].sub_event_type == "Attack"sv && !events[j].actor1);
      bool absorbed = (f2 == family && l2 < level) || (family == 1 && f2 == 2 && told_of_riot);
      // A mine, a roadside bomb or a grenade set off inside a ground assault on armed people is
      // a detail of the fight (rule 15, exception): "struck a landmine ... and gunmen then
      // opened fire on the soldiers" is one Armed clash.
      if (planted_or_thrown(events[k]) && ground_fight(j)) absorbed = false;
      if (ground_fight(k) && planted_or_thrown(events[j])) absorbed = true;
      if (!absorbed) continue;
      // Clashes between demonstrators and the police make the demonstration violent.
      if (family == 1 && events[j].sub_event_type == "Armed clash"sv) {
        SetClass(events[k], "Riots", "Violent demonstration", "PROTEST");
        if (events[k].actor1 && events[k].actor1->type == "Protesters"sv) events[k].actor1->type = "Rioters";
      }
      AbsorbFigures(events[k], subsets[k], events[j], subsets[j]);
      FillActors(events[k], events[j]);
      events[j].plover.clear();
    }
  }
}

// "Signed a peace agreement": the plain PLOVER reading of a word joins the ACLED-coded
// event of the same PLOVER type in its sentence.
void Assembly::JoinPloverReadings() {
  for (size_t k = 0; k < events.size(); ++k) {
    if (events[k].plover.empty() || events[k].event_type.empty()) continue;
    for (size_t j = 0; j < events.size(); ++j) {
      if (j == k || event_sentence[j] != event_sentence[k] || !events[j].event_type.empty() ||
          events[j].plover != events[k].plover) {
        continue;
      }
      FillActors(events[k], events[j]);
      AbsorbFigures(events[k], subsets[k], events[j], subsets[j]);
      events[j].plover.clear();
    }
  }
}

// Arrests during a protest belong to the protest (it becomes a protest with intervention).
// A tally of the unrest: a count of arrests told with a count of the wounded ("the
// ministry said 133 people had been detained and 50 officers injured", "66 personas han sido
// aprehendidas y 14 policías resultaron heridos", "80 interpellations et 149 policiers
// blessés"). It sums up the protests told before it, however far back, rather than telling
// arrests of its own (ontology rule 10: the arrests and injuries of a protest are the protest).
// A death toll with arrests ("80 morts ... des centaines de personnes arrêtées") is a claim
// about a crackdown, which may be a happening of its own; it does not count as a tally.
bool Assembly::IsUnrestTally(uint32_t sentence) const {
  bool arrested = false, hurt = false;
  for (const recognize::FigureFound& f : in.recognized.figures) {
    if (f.sentence != sentence) continue;
    arrested = arrested || f.figure.kind == "arrested"sv;
    hurt = hurt || f.figure.kind == "injured"sv;
  }
  return arrested && hurt;
}

void Assembly::JoinArrestsToProtests() {
  for (size_t k = 0; k < events.size(); ++k) {
    if (events[k].sub_event_type != "Arrests"sv || events[k].plover.empty()) continue;
    const bool tally = IsUnrestTally(event_sentence[k]);
    for (size_t j = 0; j < events.size(); ++j) {
      const bool near = event_sentence[j] == event_sentence[k] ||
                        (event_sentence[j] < event_sentence[k] && event_sentence[k] - event_sentence[j] <= 2 &&
                         in.segmented.sentences[event_sentence[j]].paragraph ==
                             in.segmented.sentences[event_sentence[k]].paragraph) ||
                        (tally && event_sentence[j] < event_sentence[k]);
      if (j == k || !near || (events[j].event_type != "Protests"sv && events[j].event_type != "Riots"sv) ||
          events[j].plover.empty()) {
        continue;
      }
      if (events[j].sub_event_type == "Peaceful protest"sv) events[j].sub_event_type = "Protest with intervention";
      AbsorbFigures(events[j], subsets[j], events[k], subsets[k]);
      events[k].plover.clear();  // merged
      break;
    }
  }
}

}  // namespace veille::assemble
