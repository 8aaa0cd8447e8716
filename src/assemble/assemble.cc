#include "assemble/assemble.h"
#include "assemble/actors.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "base/data.h"
#include "base/hash.h"
#include "places/key.h"

namespace veille::assemble {

using recognize::LexiconEntry;
using recognize::SectionId;
using recognize::Words;
// Class names and words are compared with string_view literals: a size check rejects most
// pairs before any byte is read (comparing a std::string with a char pointer measures the
// pointer first).
using namespace std::string_view_literals;

namespace {

// An event dated more than this many days before publication is background (docs/ontology.md,
// "whether there is an event").
constexpr int64_t kBackgroundDays = 60;

// "trigger:ASSAULT:Violence against civilians:Attack" -> its three parts ("-" is none).
struct EventClass {
  std::string plover, event_type, sub_event_type;
};

EventClass ParseClass(const std::string& section) {
  EventClass c;
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t colon = section.find(':', start);
    parts.push_back(section.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (parts.size() >= 2) c.plover = parts[1];
  if (parts.size() >= 3 && parts[2] != "-"sv) c.event_type = parts[2];
  if (parts.size() >= 4 && parts[3] != "-"sv) c.sub_event_type = parts[3];
  return c;
}

}  // namespace

struct Assembler::Models {
  recognize::Lexicon lexicon;
  const recognize::Vocabulary* vocabulary;  // the language's, in vocabularies_
  std::vector<EventClass> classes;          // by entry id: the class of each trigger entry
  const EventClass& ClassOf(const LexiconEntry& trigger) const { return classes[trigger.id]; }
};

namespace {

bool Armed(const std::string& actor_type) {
  return actor_type == "State forces"sv || actor_type == "Rebel group"sv || actor_type == "Political militia"sv ||
         actor_type == "Identity militia"sv || actor_type == "External/Other forces"sv;
}

// People with no weapons of their own: a crowd, demonstrators, rioters.
bool Crowd(const std::string& actor_type) {
  return actor_type == "Protesters"sv || actor_type == "Rioters"sv || actor_type == "Civilians"sv;
}

bool Violent(const Event& e) {
  return e.plover == "ASSAULT"sv || e.event_type == "Riots"sv || e.event_type == "Battles"sv ||
         e.event_type == "Explosions/Remote violence"sv || e.event_type == "Violence against civilians"sv ||
         e.sub_event_type == "Protest with intervention"sv;
}

// Whether a figure of this kind describes this event.
bool Fits(const std::string& kind, const Event& e) {
  if (kind == "killed"sv || kind == "injured"sv) return Violent(e);
  if (kind == "arrested"sv) return e.sub_event_type == "Arrests"sv || e.event_type == "Protests"sv || e.event_type == "Riots"sv;
  if (kind == "participants"sv) return e.plover == "PROTEST"sv || e.event_type == "Protests"sv || e.event_type == "Riots"sv;
  if (kind == "missing"sv) return e.sub_event_type == "Abduction/forced disappearance"sv || Violent(e);
  if (kind == "displaced"sv) return Violent(e) || e.plover == "COERCE"sv;
  return false;
}

// The index of the first token that starts at or after `byte`.
uint32_t TokenAt(const std::vector<Token>& tokens, uint32_t byte) {
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
void AbsorbFigures(Event& to, FigureRoles& to_roles, const Event& from, const FigureRoles& from_roles) {
  for (size_t f = 0; f < from.figures.size(); ++f) {
    to.figures.push_back(from.figures[f]);
    to_roles.Add(from_roles.subset[f], from_roles.revised[f]);
  }
}
void FillActors(Event& to, const Event& from) {
  if (!to.actor1 && from.actor1) to.actor1 = from.actor1;
  if (!to.actor2 && from.actor2) to.actor2 = from.actor2;
}

void SetClass(Event& e, const char* event_type, const char* sub_event_type, const char* plover) {
  e.event_type = event_type;
  e.sub_event_type = sub_event_type;
  e.plover = plover;
}

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

// Where the dateline ends ("KABUL, June 4 (Veille Wire) -"): the dash after a dateline place
// opening the article; 0 without one.
uint32_t DatelineEnd(const Input& in) {
  uint32_t dateline_end = 0;
  if (in.places && !in.segmented.sentences.empty()) {
    const std::string_view text = in.normalized.text;
    for (const places::PlaceMention& pm : in.places->mentions) {
      if (!pm.dateline) continue;
      const std::string_view head = text.substr(0, std::min<size_t>(text.size(), pm.span.end + 80));
      for (std::string_view dash : {" - ", " \u2013 ", " \u2014 "}) {
        const size_t at = head.find(dash, pm.span.end);
        if (at != std::string_view::npos && (dateline_end == 0 || at < dateline_end)) dateline_end = static_cast<uint32_t>(at);
      }
      break;
    }
  }
  return dateline_end;
}

// Whether a statement or political move of PLOVER `g` (outside ACLED) takes a trigger of
// class `t` a few words after it as its object rather than as a happening of its own
// (docs/events.md, "statements and their objects"): what is demanded, refused, threatened,
// welcomed or alleged; the aid or troops a commitment promises ("pledged 5 million dollars in
// humanitarian aid", "authorised the deployment"); the ties a sanction cuts ("suspended the
// peace talks", "terminated the defence agreements").
bool GovernsObject(std::string_view g, const EventClass& t) {
  if (g == "REQUEST"sv || g == "REJECT"sv || g == "THREATEN"sv || g == "SUPPORT"sv || g == "ACCUSE"sv) return true;
  if (g == "AGREE"sv) return t.plover == "AID"sv || t.plover == "MOBILIZE"sv;
  if (g == "SANCTION"sv) {
    return t.event_type.empty() &&
           (t.plover == "AGREE"sv || t.plover == "CONSULT"sv || t.plover == "COOPERATE"sv || t.plover == "AID"sv);
  }
  return false;
}

// Exercises, drills and manoeuvres outside ACLED held by two states together are COOPERATE,
// not MOBILIZE (ontology rule 18): a word for "joint" within two words of the trigger
// ("joint naval exercises", "manœuvres navales communes", "maniobras conjuntas", "drills
// together"), or two states coordinated before it in its clause ("Russian and Chinese
// warships began", "US and Philippine troops began their annual exercises").
bool JointExercise(const Event& e, uint32_t first, uint32_t last, const Sentence& s, const recognize::Lexicon& lex,
                   const Words& w, const Input& in) {
  if (e.plover != "MOBILIZE"sv || !e.event_type.empty()) return false;
  auto is = [&](uint32_t i, SectionId section) { return i < w.size() && lex.Match(w, i, section) != nullptr; };
  const uint32_t begin = s.first_token, end = s.first_token + s.token_count;
  for (uint32_t i = first >= begin + 2 ? first - 2 : begin; i < std::min(end, last + 3); ++i) {
    if ((i < first || i > last) && is(i, VEILLE_SECTION("joint"))) return true;
  }
  // A state word: a demonym, or a country the place recogniser found.
  auto state_at = [&](uint32_t i) {
    if (is(i, VEILLE_SECTION("demonym"))) return true;
    if (!in.places) return false;
    for (const places::PlaceMention& pm : in.places->mentions) {
      if (pm.feature == places::Feature::kCountry && pm.span.end == in.segmented.tokens[i].span.end) return true;
    }
    return false;
  };
  for (uint32_t k = first; k-- > begin && first - k <= 10;) {
    if (w[k] == ","sv || w[k] == ";"sv) break;
    if (is(k, VEILLE_SECTION("conjunction")) && k > begin && k + 1 < first && state_at(k - 1) && state_at(k + 1)) {
      return true;
    }
  }
  return false;
}

}  // namespace

int64_t Fatalities(const std::vector<Figure>& figures, const std::vector<bool>& subset,
                   const std::vector<bool>& revised) {
  int64_t latest = -1;
  for (size_t k = 0; k < figures.size() && k < revised.size(); ++k) {
    if (revised[k] && figures[k].kind == "killed"sv) latest = std::max(latest, figures[k].value);
  }
  return latest >= 0 ? latest : Fatalities(figures, subset);
}

int64_t Fatalities(const std::vector<Figure>& figures, const std::vector<bool>& subset) {
  std::map<std::string, int64_t> lowest_by_group;
  for (size_t k = 0; k < figures.size(); ++k) {
    const Figure& f = figures[k];
    if (f.kind != "killed"sv || (k < subset.size() && subset[k])) continue;
    auto [it, inserted] = lowest_by_group.emplace(f.group, f.value);
    if (!inserted) it->second = std::min(it->second, f.value);
  }
  int64_t total = 0;
  for (const auto& [group, value] : lowest_by_group) total += value;
  return total;
}

Result<Assembler> Assembler::Create(std::shared_ptr<recognize::Vocabularies> vocabularies) {
  Assembler a;
  a.vocabularies_ = vocabularies ? std::move(vocabularies) : std::make_shared<recognize::Vocabularies>();
  auto models = ByLanguage<Models>::Create("events", [&a](std::string_view lang) -> Result<std::shared_ptr<const Models>> {
    auto lex = recognize::LoadLexicon(lang, "events");
    if (!lex) return Err(lex.error());
    recognize::Vocabulary& vocabulary = a.vocabularies_->For(lang);
    auto m = std::make_shared<Models>(Models{std::move(*lex), &vocabulary, {}});
    m->lexicon.Bind(vocabulary);
    for (const LexiconEntry& e : m->lexicon.entries()) m->classes.push_back(ParseClass(e.section));
    return std::shared_ptr<const Models>(std::move(m));
  });
  if (!models) return Err(models.error());
  a.models_ = std::move(*models);
  return a;
}

Assembled Assembler::Assemble(const Input& in) const {
  Assembled out;
  if (models_.empty()) return out;  // no event lexicons embedded
  const Models& m = models_.For(in.lang);
  const recognize::Lexicon& lex = m.lexicon;
  const auto& tokens = in.segmented.tokens;
  const std::string& text = in.normalized.text;
  // The document's words as the recognisers folded them, when numbered for this lexicon.
  std::optional<Words> own_words;
  if (!in.words || in.words->vocabulary() != m.vocabulary) own_words.emplace(text, tokens, m.vocabulary);
  const Words& w = own_words ? *own_words : *in.words;
  // Function words of the language (data/<lang>/events.txt): one-word sections.
  auto is = [&](uint32_t i, SectionId section) { return i < w.size() && lex.Match(w, i, section) != nullptr; };
  const SectionId kConjunction = VEILLE_SECTION("conjunction");  // and, et, y
  const SectionId kClauseEnd = VEILLE_SECTION("clause-end");      // while, but, as
  const SectionId kArticle = VEILLE_SECTION("article");          // the, la, los, l'
  const SectionId kAgentWord = VEILLE_SECTION("agent");          // by, par, por
  const SectionId kAnaphoric = VEILLE_SECTION("anaphoric");      // the, this, ces, dicho
  const SectionId kPronoun = VEILLE_SECTION("pronoun");          // he, it, il, ella
  const SectionId kInfinitive = VEILLE_SECTION("infinitive");    // to, de, d'; a second complement
  const SectionId kTrigger = VEILLE_SECTION("trigger:*");
  // The modality word that governs a phrase starting at word `first` of sentence `s`: the
  // nearest one before it in its clause, within six words. A denial covers the whole clause
  // it governs ("a nié que les forces de l'ordre aient tiré"), up to a conjunction that opens
  // another verb ("denied that ... and said officers had used tear gas"), and never a verb
  // joined right after a conjunction ("denied any involvement and accused").
  auto modality_before = [&](uint32_t first, const Sentence& s) -> const LexiconEntry* {
    const bool coordinated_verb = first > s.first_token && is(first - 1, kConjunction);
    bool past_conjunction = false;
    for (uint32_t k = first; k-- > s.first_token && first - k <= 12;) {
      if (w[k] == ","sv || w[k] == ";"sv || w[k] == "."sv) break;
      past_conjunction = past_conjunction || is(k, kConjunction);
      const LexiconEntry* mod = lex.Match(w, k, VEILLE_SECTION("modality:*"));
      if (!mod) continue;
      const bool denial = mod->section == "modality:denial"sv;
      if (denial && coordinated_verb) return nullptr;
      if (first - k > 6 && (!denial || past_conjunction)) continue;
      return mod;
    }
    return nullptr;
  };
  const SectionId kActor = VEILLE_SECTION("actor:*");
  const SectionId kDemonym = VEILLE_SECTION("demonym");
  auto span_of = [&](uint32_t a, uint32_t b) { return Span{tokens[a].span.begin, tokens[b].span.end}; };

  struct Found {
    const EventClass* cls;
    uint32_t first, last, sentence;
  };
  std::vector<Found> triggers;
  std::vector<ActorMention> actors;
  std::vector<std::pair<uint32_t, uint32_t>> actor_tokens;  // first, last of each actor
  for (uint32_t si = 0; si < in.segmented.sentences.size(); ++si) {
    const Sentence& s = in.segmented.sentences[si];
    const uint32_t begin = s.first_token, end = s.first_token + s.token_count;
    for (uint32_t i = begin; i < end; ++i) {
      if (!lex.StartsAt(w, i)) continue;
      const LexiconEntry* trigger_here = lex.Match(w, i, kTrigger);
      const LexiconEntry* actor_here = lex.Match(w, i, kActor);
      // The longer phrase wins: "government resigned" is a trigger, "riot police" an actor.
      // A phrase that is both names the doer of its own act ("a suicide bomber killed", "un
      // kamikaze"): both are kept.
      if (actor_here && trigger_here && trigger_here->words.size() >= actor_here->words.size()) {
        // The actor still acts: "the government resigned", "police fired tear gas".
        const uint32_t last = i + static_cast<uint32_t>(actor_here->words.size()) - 1;
        actors.push_back({span_of(i, last), si,
                          Actor{std::string(text.substr(tokens[i].span.begin, tokens[last].span.end - tokens[i].span.begin)),
                                actor_here->section.substr(actor_here->section.find(':') + 1),
                                actor_here->args.empty() ? "" : actor_here->args[0]}});
        actor_tokens.push_back({i, last});
        actor_here = nullptr;
      }
      if (const LexiconEntry* a = actor_here) {
        uint32_t last = i + static_cast<uint32_t>(a->words.size()) - 1;
        if (last >= end) continue;
        Actor actor{std::string(text.substr(tokens[i].span.begin, tokens[last].span.end - tokens[i].span.begin)),
                    a->section.substr(a->section.find(':') + 1), a->args.empty() ? "" : a->args[0]};
        // "forces kazakhes", "Kazakh security forces", "el ejército colombiano".
        for (uint32_t k : {i > begin ? i - 1 : UINT32_MAX, last + 1 < end ? last + 1 : UINT32_MAX}) {
          if (k == UINT32_MAX || !actor.country.empty()) continue;
          if (const LexiconEntry* d = lex.Match(w, k, kDemonym); d && !d->args.empty()) actor.country = d->args[0];
        }
        actors.push_back({span_of(i, last), si, std::move(actor)});
        actor_tokens.push_back({i, last});
        i = last;
        continue;
      }
      if (const LexiconEntry* t = trigger_here) {
        uint32_t last = i + static_cast<uint32_t>(t->words.size()) - 1;
        if (last >= end) continue;
        triggers.push_back({&m.ClassOf(*t), i, last, si});
        i = last;
      }
    }
  }
  // A date or an amount inside a phrase trigger is read through: "recuperó el sábado el
  // control", "a repris mardi le contrôle", "envió unos 5.000 soldados".
  {
    auto token_at = [&](uint32_t byte) { return TokenAt(tokens, byte); };
    bool added = false;
    // Dates, and amounts ("envió unos 5.000 soldados", "sent about 500 troops").
    struct Inside {
      Span span;
      uint32_t sentence;
    };
    std::vector<Inside> insides;
    for (const recognize::Date& d : in.recognized.dates) insides.push_back({d.span, d.sentence});
    for (const recognize::Number& n : in.recognized.numbers) insides.push_back({n.span, n.sentence});
    for (const Inside& d : insides) {
      const Sentence& s = in.segmented.sentences[d.sentence];
      const uint32_t begin = s.first_token, end = s.first_token + s.token_count;
      const uint32_t df = token_at(d.span.begin);
      const uint32_t after = token_at(d.span.end);  // first token after the date
      if (df <= begin || df >= end || after >= end || after <= df) continue;
      const uint32_t from = df >= begin + 3 ? df - 3 : begin;
      // Most dates and amounts follow no word that can start a trigger: skip them before
      // folding the words around them again.
      bool may_start = false;
      for (uint32_t j = from; j < df && !may_start; ++j) may_start = lex.MayStart(w, j, kTrigger);
      if (!may_start) continue;
      std::vector<uint32_t> around;
      for (uint32_t j = from; j < df; ++j) around.push_back(j);
      const uint32_t before_count = static_cast<uint32_t>(around.size());
      for (uint32_t j = after; j < std::min(end, after + 6); ++j) around.push_back(j);
      Words through(w, around);
      for (uint32_t j = 0; j < before_count; ++j) {
        const LexiconEntry* t = lex.Match(through, j, kTrigger);
        if (!t) continue;
        const uint32_t flast = j + static_cast<uint32_t>(t->words.size()) - 1;
        if (flast < before_count) continue;  // does not cross the date
        const uint32_t first = from + j, last = after + (flast - before_count);
        bool taken = false;
        // An actor at the phrase's start blocks it; one inside it ("envió unos 5.000 soldados")
        // is also the phrase's object.
        for (const auto& [af, al] : actor_tokens) taken = taken || (af <= first && first <= al);
        for (Found& other : triggers) {
          if (other.sentence != d.sentence || other.last < first || last < other.first) continue;
          taken = true;
          // The phrase read through the date is the longer reading.
          if (other.last - other.first + 1 < t->words.size()) {
            other = Found{&m.ClassOf(*t), first, last, d.sentence};
            added = true;
          }
        }
        if (!taken) {
          triggers.push_back({&m.ClassOf(*t), first, last, d.sentence});
          added = true;
        }
        break;
      }
    }
    if (added) {
      std::sort(triggers.begin(), triggers.end(), [](const Found& a, const Found& b) { return a.first < b.first; });
      triggers.erase(std::unique(triggers.begin(), triggers.end(),
                                 [](const Found& a, const Found& b) { return a.first == b.first && a.last == b.last; }),
                     triggers.end());
    }
  }
  // Actors the lexicon does not list as phrases (docs/events.md, step 4): a state's military
  // named by a demonym beside an armed noun, organisations named with an organisation word, and
  // persons named after a title.
  std::vector<bool> postposed_military(w.size(), false);  // "les frappes russes": agent after its noun
  AddUnlistedActors(in, lex, w, actors, actor_tokens, postposed_military);
  out.actors = actors;

  // Counts over a period ("at least 40 attacks so far this year", "300 peacekeepers killed
  // over the past decade") are background: a cumulative phrase covers its clause, or the
  // whole sentence when it opens it ("In the past twelve months, five attacks ...").
  std::vector<std::pair<uint32_t, uint32_t>> cumulative;  // sentence, token of the phrase
  const SectionId kCumulative = VEILLE_SECTION("cumulative");
  for (uint32_t si = 0; si < in.segmented.sentences.size(); ++si) {
    const Sentence& s = in.segmented.sentences[si];
    for (uint32_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
      if (lex.Match(w, i, kCumulative)) cumulative.push_back({si, i});
    }
  }
  auto is_background_count = [&](uint32_t sentence, uint32_t token) {
    for (const auto& [si, at] : cumulative) {
      if (si != sentence) continue;
      // Opening the sentence, after at most a count ("Ten years after ...", "Dix ans après").
      if (at <= in.segmented.sentences[si].first_token + 1) return true;
      bool boundary = false;
      for (uint32_t i = std::min(at, token) + 1; i < std::max(at, token) && !boundary; ++i) {
        boundary = w[i] == ","sv || w[i] == ";"sv || is(i, kClauseEnd);
      }
      if (!boundary) return true;
    }
    return false;
  };

  // Modality: a negation, a hypothesis, a future, a denial or a threat before the trigger in
  // its clause keeps it from being coded as a fact; a threat is coded as THREATEN.
  std::vector<Event> events;
  events.reserve(triggers.size() + 8);  // copies per speaker or place come on top
  // Read once per document rather than per trigger: long documents have thousands of both.
  std::vector<const std::string*> plovers_told;  // PLOVER types of the events made so far
  std::vector<bool> sentence_has_place(in.segmented.sentences.size(), false);
  if (in.places) {
    for (const places::PlaceMention& pm : in.places->mentions) {
      if (!pm.dateline && pm.sentence < sentence_has_place.size()) sentence_has_place[pm.sentence] = true;
    }
  }
  std::vector<uint32_t> event_sentence, event_trigger;
  std::vector<std::pair<uint32_t, uint32_t>> referred_attacks;  // "condemned the attack": sentence, token
  std::vector<bool> governed_trigger(triggers.size(), false);     // the object of a statement
  for (const Found& t : triggers) {
    const Sentence& s = in.segmented.sentences[t.sentence];
    TriggerMention tm{span_of(t.first, t.last), t.sentence, t.cls->plover, t.cls->event_type, t.cls->sub_event_type,
                      false, false};
    bool threat = false;
    if (const LexiconEntry* mod = modality_before(t.first, s)) {
      const std::string kind = mod->section.substr(mod->section.find(':') + 1);
      if (kind == "negation"sv || kind == "denial"sv) tm.negated = true;
      else tm.hypothetical = true;
      threat = kind == "threat"sv;
    }
    // Told after its noun: "une marche est prévue samedi", "los combates podrían reanudarse".
    for (uint32_t k = t.last + 1; k < s.first_token + s.token_count && k <= t.last + 4 && !tm.hypothetical; ++k) {
      if (w[k] == ","sv || w[k] == ";"sv || lex.MayStart(w, k, kTrigger)) break;
      tm.hypothetical = is(k, VEILLE_SECTION("modality-after"));
    }
    out.triggers.push_back(tm);
    if ((tm.negated || tm.hypothetical) && !threat) continue;
    // What a demand, a refusal or a threat is about is not a happening of its own: "demanded
    // the release of", "exigé le retrait de la mission", "pidió la renuncia", "threatened to
    // withdraw". A trigger a few words after such a trigger in its clause makes no event,
    // unless it is violence that the sentence tells as done.
    // Violence is governed only by an accusation's "of" ("accused the police of killing",
    // "acusó a la policía de ejecuciones"): an allegation, where a condemnation ("condemned
    // the killing of") refers to a killing that happened.
    {
      bool governed = false;
      const size_t ti = static_cast<size_t>(&t - triggers.data());
      // Triggers are in text order: the ones that may govern t stand just before it.
      for (size_t gi = ti; gi-- > 0 && triggers[gi].sentence == t.sentence;) {
        const Found& g = triggers[gi];
        // An accusation's allegation may come after its target and a date: "a accusé jeudi
        // l'armée burkinabè d'avoir exécuté".
        const std::string& gp = g.cls->plover;
        // A promise's aid comes after its amount ("prometió el lunes 5 millones de dólares en
        // ayuda humanitaria").
        const uint32_t reach = t.cls->plover == "ASSAULT"sv || (gp == "AGREE"sv && t.cls->plover == "AID"sv) ? 10 : 6;
        if (&g == &t || g.sentence != t.sentence || g.last >= t.first || t.first - g.last > reach) continue;
        // A governed trigger passes it on to the next one ("demanded the release of the
        // detained protesters", "convocaron una jornada de paro y marchas").
        const bool chained = governed_trigger[gi] && t.cls->plover != "ASSAULT"sv;
        if (!chained && (!g.cls->event_type.empty() || !GovernsObject(gp, *t.cls))) continue;
        if (t.cls->plover == "ASSAULT"sv && !chained) {
          bool alleged = false;
          for (uint32_t i = g.last + 1; i < t.first && !alleged && gp == "ACCUSE"sv; ++i) {
            alleged = is(i, VEILLE_SECTION("accused-of"));
          }
          // What a request asks someone to do: "urged the army to attack", "appelé la France
          // à s'attaquer au problème", "instó a Francia a atacar el problema".
          if (gp == "REQUEST"sv && t.first >= s.first_token + 2) {
            const uint32_t before = is(t.first - 1, VEILLE_SECTION("reflexive")) ? t.first - 2 : t.first - 1;
            alleged = is(before, kInfinitive);
          }
          if (!alleged) continue;
        }
        bool boundary = false;
        for (uint32_t i = g.last + 1; i < t.first && !boundary; ++i) {
          // "welcomed the agreement and called on": a second verb, not an object; but "appelé
          // au calme et au dialogue", "called for calm and an end to": a second object.
          // Two objects of one kind coordinated ("a new day of strikes and marches") share
          // their governor.
          const bool same_kind = chained && g.cls->plover == t.cls->plover && i + 1 == t.first;
          boundary = w[i] == ","sv || w[i] == ";"sv ||
                     (is(i, kConjunction) && !is(i + 1, kArticle) && !is(i + 1, kInfinitive) && !same_kind) ||
                     is(i, kClauseEnd);
        }
        governed = governed || !boundary;
      }
      if (governed) {
        governed_trigger[ti] = true;
        continue;
      }
    }
    // A statement made in the sentence of a count is still a statement.
    if (!t.cls->event_type.empty() && is_background_count(t.sentence, t.first)) continue;
    // Words that look like triggers but name something else: "aid agencies", "protest
    // organisers", "backed by", "supported by".
    bool blocked = false;
    for (uint32_t back = 0; back <= 5 && back <= t.first - s.first_token && !blocked; ++back) {
      const uint32_t k = t.first - back;
      if (const LexiconEntry* nt = lex.Match(w, k, VEILLE_SECTION("not-trigger"))) {
        blocked = k + nt->words.size() > t.first;
      }
    }
    if (blocked) continue;
    if (t.cls->plover == "SUPPORT"sv && t.last + 1 < s.first_token + s.token_count &&
        is(t.last + 1, kAgentWord)) {
      continue;  // "a counter-offensive supported by air strikes": not an act of support
    }
    // A noun after a definite article ("condemned the attack", "l'attaque", "el ataque")
    // refers to an event already told when the document has one of the same family.
    bool anaphoric = false;
    if (t.first > s.first_token) anaphoric = is(t.first - 1, kAnaphoric);
    // A happening named after a preposition and an article is a reference, told or not:
    // "during the protests", "tras el acuerdo", "frente a los ataques de la oposición".
    const bool referred = t.first >= s.first_token + 2 && is(t.first - 1, kAnaphoric) &&
                          is(t.first - 2, VEILLE_SECTION("reference-preposition"));
    if (referred && t.cls->plover != "ASSAULT"sv) continue;
    // A bare "seized", "captured", "retook" takes territory only when a place or a place word
    // is near ("seized the town of", "captured Kidal", "la base ... que l'armée a reprise"),
    // not "seized two vehicles".
    if (t.first == t.last && (t.cls->sub_event_type == "Non-state actor overtakes territory"sv ||
                              t.cls->sub_event_type == "Government regains territory"sv)) {
      const uint32_t from = t.first >= s.first_token + 8 ? t.first - 8 : s.first_token;
      const uint32_t to = std::min<uint32_t>(t.last + 5, s.first_token + s.token_count - 1);
      bool place_near = false;
      if (in.places) {
        for (const places::PlaceMention& pm : in.places->mentions) {
          place_near = place_near || (pm.span.begin >= tokens[from].span.begin && pm.span.begin < tokens[to].span.end &&
                                      pm.sentence == t.sentence);
        }
      }
      for (uint32_t i = from; i <= to && !place_near; ++i) place_near = i != t.first && is(i, VEILLE_SECTION("territory"));
      if (!place_near) continue;
    }
    // The verb of a toll said again ("still citing the same figure of 26 attackers killed")
    // tells no new happening: the figure is already on its event. A sentence that names a
    // place may be telling where part of the toll happened, as its own event.
    const bool names_place = sentence_has_place[t.sentence];
    for (const recognize::FigureFound& f : in.recognized.figures) {
      if (names_place) break;
      anaphoric = anaphoric || (f.restated && f.sentence == t.sentence && f.span.begin <= tokens[t.first].span.begin &&
                                tokens[t.last].span.end <= f.span.end);
    }
    if (anaphoric) {
      bool told = false;
      for (const std::string* p : plovers_told) told = told || *p == t.cls->plover;
      if (told) {
        if (t.cls->plover == "ASSAULT"sv) referred_attacks.push_back({t.sentence, t.first});
        continue;
      }
    }
    Event e;
    e.plover = t.cls->plover;
    e.event_type = t.cls->event_type;
    e.sub_event_type = t.cls->sub_event_type;
    if (threat) SetClass(e, "", "", "THREATEN");
    if (JointExercise(e, t.first, t.last, s, lex, w, in)) e.plover = "COOPERATE";
    // One event per class and sentence: a second trigger of the same class adds nothing.
    bool duplicate = false;
    for (size_t k = events.size(); k-- > 0 && event_sentence[k] == t.sentence && !duplicate;) {
      duplicate = events[k].plover == e.plover && events[k].sub_event_type == e.sub_event_type;
    }
    if (duplicate) continue;
    bool plover_new = true;
    for (const std::string* p : plovers_told) plover_new = plover_new && *p != e.plover;
    if (plover_new) plovers_told.push_back(&t.cls->plover);
    events.push_back(std::move(e));
    event_sentence.push_back(t.sentence);
    event_trigger.push_back(static_cast<uint32_t>(&t - triggers.data()));
  }

  // Actors: the subject (the first actor of the trigger's clause before it) acts, the first
  // after it is acted on; "by/par/por X" after a passive trigger acts. A country named as
  // the subject acts as its state ("Germany pledged", "Ukraine and Russia agreed").
  std::vector<ActorMention> country_actors;
  std::vector<uint32_t> country_first;
  if (in.places) {
    for (const places::PlaceMention& pm : in.places->mentions) {
      if (pm.feature != places::Feature::kCountry || pm.country.empty()) continue;
      // The place's first token.
      const uint32_t first = TokenAt(tokens, pm.span.begin);
      if (first == tokens.size()) continue;
      country_actors.push_back({pm.span, pm.sentence, Actor{pm.name, "State forces", pm.country}});
      country_first.push_back(first);
    }
  }
  // A capital speaks, or is spoken to, for its government in a statement ("Moscow accused
  // Kyiv", "Washington a appelé Pékin"); it never acts in a physical happening.
  const size_t capitals_from = country_actors.size();
  for (auto& [mention, first] : CapitalActors(in, lex, w)) {
    country_actors.push_back(std::move(mention));
    country_first.push_back(first);
  }
  auto acts_here = [&](size_t c, const EventClass& cls) { return c < capitals_from || cls.event_type.empty(); };
  // The actors of each sentence, as a range of `actors` (found in text order), so that each
  // event reads only its sentence's.
  std::vector<std::pair<size_t, size_t>> actors_of(in.segmented.sentences.size(), {0, 0});
  for (size_t a = actors.size(); a-- > 0;) actors_of[actors[a].sentence].first = a;
  for (size_t a = 0; a < actors.size(); ++a) actors_of[actors[a].sentence].second = a + 1;
  // Who tells a happening is not who takes part in it: "police and hospital officials said",
  // "according to the army", "selon la police", "según la policía".
  std::vector<bool> is_source(actors.size(), false);
  // Whether the actor starting at word `first` is named after a reporting verb that follows a
  // comma: the teller of an inverted incise (", dijo la policía"). Articles and the agent word
  // may stand between ("a été déclaré par le gouverneur").
  auto told_after_verb = [&](uint32_t first, const Sentence& s) {
    uint32_t p = first;
    while (p > s.first_token && first - p < 3 && (is(p - 1, kArticle) || is(p - 1, kAgentWord))) --p;
    for (uint32_t start = p; start-- > s.first_token && p - start <= 5;) {
      const LexiconEntry* r = lex.Match(w, start, VEILLE_SECTION("reporting"));
      if (!r) r = lex.Match(w, start, VEILLE_SECTION("told-by"));
      if (r && start + r->words.size() == p && start > s.first_token && w[start - 1] == ","sv) return true;
    }
    return false;
  };
  {
    const SectionId kReporting = VEILLE_SECTION("reporting");
    const SectionId kAccording = VEILLE_SECTION("according");
    for (size_t a = 0; a < actors.size(); ++a) {
      const Sentence& s = in.segmented.sentences[actors[a].sentence];
      const uint32_t end = s.first_token + s.token_count;
      const auto [first, last] = actor_tokens[a];
      bool source = false;
      for (uint32_t j = last + 1; j < end && j <= last + 4 && !source; ++j) {
        source = is(j, kReporting);
        if (w[j] == ","sv || w[j] == ";"sv || lex.MayStart(w, j, kTrigger)) break;
      }
      for (uint32_t back = 1; back <= 3 && back <= first - s.first_token && !source; ++back) {
        const LexiconEntry* according = lex.Match(w, first - back, kAccording);
        const uint32_t ends = first - back + (according ? static_cast<uint32_t>(according->words.size()) : 0);
        source = according && (ends == first || (ends + 1 == first && is(ends, kArticle)));
      }
      // Told after its verb: ", informó la fiscalía", ", a annoncé le gouvernement", ", has
      // declared the governor", ", a été déclaré par le gouverneur".
      source = source || told_after_verb(first, s);
      is_source[a] = source;
    }
  }
  // The people a toll counts are the harmed side, never the one that acts: "Four police
  // officers were killed", "tuant deux agents", "Cuatro policías murieron". In a protest or
  // a riot the crowd still acts; elsewhere such an actor is a victim (actor2, not actor1).
  std::vector<bool> is_victim(actors.size(), false);
  for (const recognize::FigureFound& f : in.recognized.figures) {
    const std::string& kind = f.figure.kind;
    if (kind != "killed"sv && kind != "injured"sv && kind != "missing"sv && kind != "arrested"sv) continue;
    for (size_t a = actors_of[f.sentence].first; a < actors_of[f.sentence].second; ++a) {
      is_victim[a] = is_victim[a] || (f.span.begin <= actors[a].span.begin && actors[a].span.end <= f.span.end);
    }
  }
  struct Extra {
    Event event;
    size_t like;  // the event whose trigger it shares
  };
  std::vector<Extra> extra_events;
  // Statements one side makes alone; joint acts (agreeing, meeting, cooperating) are one event
  // of both sides.
  auto pl_unilateral = [](const std::string& pl) {
    return pl == "ACCUSE"sv || pl == "REQUEST"sv || pl == "SUPPORT"sv || pl == "THREATEN"sv || pl == "REJECT"sv ||
           pl == "SANCTION"sv;
  };
  // A capitalised name from `from` (after an article) that ends a few words before `until`,
  // holding an organisation word; its type is the word's section.
  auto capitalised = [&](uint32_t i) {
    return places::StartsUpper(std::string_view(text).substr(tokens[i].span.begin, tokens[i].span.size()));
  };
  auto named_organisation = [&](uint32_t from, uint32_t until) -> std::optional<Actor> {
    uint32_t first = from;
    while (first < until && is(first, kArticle)) ++first;
    const std::optional<OrganisationName> org = OrganisationAt(in, lex, w, first, until, nullptr);
    if (!org || until - org->last > 5) return std::nullopt;
    const uint32_t last = org->last;
    const std::string& type = org->type;
    // Between the name and the trigger: a bracketed acronym, auxiliaries, adverbs, a date.
    for (uint32_t j = last + 1; j < until; ++j) {
      if (w[j] == ","sv || w[j] == ";"sv) return std::nullopt;
    }
    return Actor{std::string(text.substr(tokens[first].span.begin, tokens[last].span.end - tokens[first].span.begin)),
                 type, ""};
  };
  // What a trigger acts on when no actor of the lexicon comes first after it in its clause:
  // a country or a demonym for an act outside ACLED (a statement, a sanction, an agreement:
  // "accused Algeria of", "rejected an Egyptian proposal", "una propuesta egipcia"), and a
  // post or base of the state for violence (`[target:<actor type>]`: "attacked a police
  // post", "contre leur poste", "contra una base militar").
  std::vector<uint8_t> actor_at(w.size(), 0);  // 1 where an actor starts, 2 where one ends
  for (const auto& [first, last] : actor_tokens) {
    actor_at[first] |= 1;
    actor_at[last] |= 2;
  }
  auto object_after = [&](const Found& t, const Event& e, const ActorMention* after) -> std::optional<Actor> {
    const Sentence& s = in.segmented.sentences[t.sentence];
    uint32_t end = std::min(s.first_token + s.token_count, t.last + 9);
    const bool statement = e.event_type.empty();
    // The object a statement or promise governs is read through: "prometió el lunes 5
    // millones de dólares en ayuda humanitaria a Sudán" (the aid's recipient is the promise's).
    for (size_t g = 0; g < triggers.size() && statement; ++g) {
      if (governed_trigger[g] && triggers[g].sentence == t.sentence && triggers[g].first > t.last && triggers[g].first < end) {
        end = std::min(s.first_token + s.token_count, triggers[g].last + 9);
      }
    }
    const uint32_t until = after ? std::min(end, TokenAt(tokens, after->span.begin)) : end;
    for (uint32_t i = t.last + 1; i < until; ++i) {
      if (w[i] == ","sv || w[i] == ";"sv || is(i, kClauseEnd) || (actor_at[i] & 1)) break;
      if (statement) {
        // A country after "in" is where the act took place ("signed in Barbados").
        // But an envoy's country is the other side ("su embajador en México").
        const bool where = is(i - 1, VEILLE_SECTION("locative")) && !(i >= 2 && is(i - 2, VEILLE_SECTION("envoy")));
        for (size_t c = 0; c < country_actors.size() && !where; ++c) {
          if (country_first[c] == i) return country_actors[c].actor;
        }
        const LexiconEntry* d = lex.Match(w, i, kDemonym);
        // Beside an actor or a person's name, a demonym says whose it is ("expresidente panameño
        // Ricardo Martinelli", "Kenyan President"), not that a government is acted on.
        const bool beside_actor = (i + 1 < w.size() && ((actor_at[i + 1] & 1) || capitalised(i + 1))) ||
                                  (i > 0 && (actor_at[i - 1] & 2));
        if (d && !d->args.empty() && !beside_actor) {
          return Actor{std::string(text.substr(tokens[i].span.begin, tokens[i].span.size())), "State forces", d->args[0]};
        }
      } else if (e.plover == "ASSAULT"sv) {
        if (const LexiconEntry* target = lex.Match(w, i, VEILLE_SECTION("target:*"))) {
          const uint32_t last = i + static_cast<uint32_t>(target->words.size()) - 1;
          return Actor{std::string(text.substr(tokens[i].span.begin, tokens[last].span.end - tokens[i].span.begin)),
                       target->section.substr(target->section.find(':') + 1), ""};
        }
      }
    }
    return std::nullopt;
  };
  // The members of the subject of trigger `t` (actors of the lexicon and countries before it
  // in its clause, from `clause_start`) that are coordinated with the first: only commas, a
  // conjunction, articles, a demonym, or a bracketed acronym after a name ("la Organización
  // de los Estados Americanos (OEA), la Unión Europea y ...") stand between two of them.
  auto coordinated_subject = [&](const Found& t, uint32_t clause_start) {
    struct Subject {
      uint32_t first, last;
      const ActorMention* who;
    };
    std::vector<Subject> candidates;
    for (size_t a = actors_of[t.sentence].first; a < actors_of[t.sentence].second; ++a) {
      const auto [first, last] = actor_tokens[a];
      const bool gloss = first > 0 && w[first - 1] == "("sv && last + 1 < w.size() && w[last + 1] == ")"sv;
      if (first >= clause_start && last < t.first && !gloss) candidates.push_back({first, last, &actors[a]});
    }
    for (size_t c = 0; c < country_actors.size(); ++c) {
      const uint32_t first = country_first[c];
      if (country_actors[c].sentence != t.sentence || first < clause_start || first >= t.first) continue;
      if (!acts_here(c, *t.cls)) continue;
      uint32_t last = first;
      while (last + 1 < t.first && tokens[last + 1].span.begin < country_actors[c].span.end) ++last;
      bool inside = false;
      for (const Subject& s : candidates) inside = inside || (s.first <= last && first <= s.last);
      if (!inside) candidates.push_back({first, last, &country_actors[c]});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Subject& x, const Subject& y) { return x.first < y.first; });
    auto joins = [&](uint32_t from, uint32_t to) {
      if (from < to && w[from] == "("sv) {
        uint32_t close = from + 1;
        while (close < to && close - from <= 8 && w[close] != ")"sv) ++close;
        if (close >= to || w[close] != ")"sv) return false;
        from = close + 1;
      }
      if (from >= to || to - from > 5) return false;
      // One word may name the members of the second ("and the fighters of Boko Haram", "y
      // miembros del Clan del Golfo").
      bool conjunction = false, member_word = false;
      for (uint32_t i = from; i < to; ++i) {
        conjunction = conjunction || w[i] == ","sv || is(i, kConjunction);
        if (w[i] == ","sv || is(i, kConjunction) || is(i, kArticle) || is(i, kDemonym)) continue;
        if (member_word || !conjunction || i + 1 >= to || !is(i + 1, VEILLE_SECTION("genitive"))) return false;
        member_word = true;
        ++i;
      }
      return conjunction;
    };
    std::vector<const ActorMention*> members;
    for (size_t c = 0; c < candidates.size(); ++c) {
      // One member named twice over ("des miliciens Wazalendo"): the name.
      if (c > 0 && candidates[c].first == candidates[c - 1].last + 1) {
        members.back() = candidates[c].who;
        continue;
      }
      if (c > 0 && !joins(candidates[c - 1].last + 1, candidates[c].first)) break;
      // "Women and children" are one group of people, not two sides.
      if (c > 0 && candidates[c].who->actor.type == "Civilians"sv && candidates[c - 1].who->actor.type == "Civilians"sv) break;
      members.push_back(candidates[c].who);
    }
    return members;
  };
  // Whether a protest trigger follows trigger `t` closely in its clause: what a call or a threat
  // is about ("called for a general strike", "a appelé à manifester", "convocó un paro").
  auto calls_for_protest = [&](const Found& t) {
    for (size_t g = static_cast<size_t>(&t - triggers.data()) + 1; g < triggers.size(); ++g) {
      const Found& next = triggers[g];
      if (next.sentence != t.sentence || next.first > t.last + 8) break;
      bool boundary = false;
      for (uint32_t i = t.last + 1; i < next.first && !boundary; ++i) boundary = w[i] == ";"sv || is(i, kClauseEnd);
      if (boundary) break;
      if (next.cls->plover == "PROTEST"sv) return true;
    }
    const Sentence& s = in.segmented.sentences[t.sentence];
    // The call names its protest ("next protest", "annoncé une nouvelle journée de
    // mobilisation") or says it after.
    for (uint32_t i = t.first; i < s.first_token + s.token_count && i <= t.last + 8; ++i) {
      if (w[i] == ";"sv || is(i, kClauseEnd)) break;
      if (is(i, VEILLE_SECTION("protest-aim"))) return true;
    }
    return false;
  };
  for (size_t k = 0; k < events.size(); ++k) {
    const Found& t = triggers[event_trigger[k]];
    const Sentence& sentence = in.segmented.sentences[t.sentence];
    // The clause: from the last ';' (or clause word) before the trigger.
    uint32_t clause_start = sentence.first_token;
    for (uint32_t i = sentence.first_token; i < t.first; ++i) {
      if (w[i] == ";"sv || is(i, kClauseEnd)) clause_start = i + 1;
    }
    const ActorMention* before = nullptr;
    const ActorMention* after = nullptr;
    const ActorMention* agent = nullptr;
    const ActorMention* first_victim = nullptr;
    for (size_t a = actors_of[t.sentence].first; a < actors_of[t.sentence].second; ++a) {
      uint32_t first = actor_tokens[a].first;
      if (is_source[a]) {
        // A teller after the happening ("..., police said") never takes part in it. One before
        // it does when it tells its own act or statement: "UNICEF said ... and called for",
        // "the M23 said it had taken control".
        bool own_act = first < t.first && events[k].event_type.empty();
        for (uint32_t i = actor_tokens[a].second + 1; i < t.first && !own_act; ++i) own_act = is(i, kPronoun) || is(i, VEILLE_SECTION("possessive"));
        if (!own_act) continue;
      }
      // Those a toll counts are harmed, not acting (a crowd still demonstrates).
      const bool victim = is_victim[a] && events[k].event_type != "Protests"sv && events[k].event_type != "Riots"sv;
      if (victim && !first_victim) first_victim = &actors[a];
      const bool opens_trigger = first == t.first && actor_tokens[a].second <= t.last;
      if ((actor_tokens[a].second < t.first || opens_trigger) && first >= clause_start && !before && !victim) {
        before = &actors[a];
      }
      if (first > t.last && !after) after = &actors[a];
      if (first > t.last && first >= 1 && !agent && !victim &&
          (is(first - 1, kAgentWord) || (first >= 2 && is(first - 2, kAgentWord)))) {
        agent = &actors[a];
      }
    }
    // "Une frappe de drone de l'armée malienne", "un ataque con drones del ELN contra una base":
    // an armed actor named after a violent noun by "of" ("de", "del") carries it out.
    if (!before && !agent && after && events[k].plover == "ASSAULT"sv && Armed(after->actor.type)) {
      const uint32_t first = TokenAt(tokens, after->span.begin);
      // "de l'armée": the article stands between; "du régime", "des militaires": the article is
      // the genitive word itself.
      const bool contracted = first >= 1 && is(first - 1, kArticle) && is(first - 1, VEILLE_SECTION("genitive"));
      const uint32_t of = first >= 1 && is(first - 1, kArticle) && !contracted ? first - 1 : first;
      bool near = of >= 1 && of - 1 > t.last && of - 1 - t.last <= 3 && is(of - 1, VEILLE_SECTION("genitive"));
      for (uint32_t i = t.last + 1; i + 1 < of && near; ++i) near = w[i] != ","sv && !lex.MayStart(w, i, kActor);
      // "Les frappes russes", "los bombardeos rusos": a demonym right after its noun.
      near = near || (postposed_military[first] && first <= t.last + 2);
      if (near) {
        agent = after;
        after = nullptr;
        for (size_t a = actors_of[t.sentence].first; a < actors_of[t.sentence].second && !after; ++a) {
          if (actors[a].span.begin > agent->span.begin && !is_source[a]) after = &actors[a];
        }
      }
    }
    // The coordinated subject of the trigger: the actors and countries before it in its
    // clause, as far as they are joined by commas, conjunctions and articles.
    const std::vector<const ActorMention*> subjects = coordinated_subject(t, clause_start);
    // Every actor of a coordinated subject ("the African Union and the European Union called
    // for ...", "the United Nations, the EU and the United States condemned") makes its own
    // statement (docs/ontology.md: one event per actor of a statement); countries in the
    // list speak as their states.
    if (events[k].event_type.empty() && pl_unilateral(events[k].plover) && subjects.size() > 1) {
      for (size_t c = 1; c < subjects.size(); ++c) {
        Event copy = events[k];
        copy.actor1 = subjects[c]->actor;
        extra_events.push_back({std::move(copy), k});
      }
      // The event itself is the first speaker's ("Estados Unidos, la Unión Europea y ..."),
      // whether a country or an actor of the lexicon.
      before = subjects[0];
    }
    // Joint and reciprocal acts (fighting, agreeing, meeting, exercising together) stay one
    // event of both sides: the second member of the subject is the other side ("Soldiers and
    // Boko Haram fighters clashed", "Rusia y Ucrania acordaron", "Le gouvernement et quatorze
    // groupes armés ont signé").
    const std::string& pl = events[k].plover;
    const bool joint = (events[k].event_type.empty() && (pl == "AGREE"sv || pl == "CONSULT"sv || pl == "COOPERATE"sv)) ||
                       events[k].sub_event_type == "Armed clash"sv || events[k].sub_event_type == "Agreement"sv;
    const ActorMention* other_side = joint && subjects.size() > 1 && subjects[0] == before ? subjects[1] : nullptr;
    if (!before) {
      for (size_t c = 0; c < country_actors.size(); ++c) {
        if (country_actors[c].sentence == t.sentence && country_first[c] >= clause_start && country_first[c] < t.first &&
            acts_here(c, *t.cls)) {
          before = &country_actors[c];
          break;
        }
      }
    }
    // "He rejected calls for talks", "Il a dénoncé": a subject pronoun stands for the actor of
    // the story's last event told in the sentences just before.
    std::optional<Actor> resolved;
    if (!before && !agent) {
      // A clause that opens with its verb has the last subject ("Aceptó la renuncia del
      // Gobierno", where Spanish drops the pronoun).
      bool pronoun = t.first == clause_start || (t.first == clause_start + 1 && is(clause_start, kConjunction));
      for (uint32_t i = clause_start; i < t.first && !pronoun; ++i) {
        pronoun = is(i, kPronoun) && !is(i, VEILLE_SECTION("impersonal"));
      }
      for (size_t j = k; pronoun && j-- > 0;) {
        if (event_sentence[j] >= t.sentence) continue;
        if (t.sentence - event_sentence[j] > 3) break;
        if (events[j].actor1) {
          resolved = events[j].actor1;
          break;
        }
      }
    }
    // An organisation the lexicon does not know, named as the clause's subject: "La
    // Coordinadora Nacional de Derechos Humanos calificó", "The Kenya National Commission on
    // Human Rights said". Its capitalised name must hold an organisation word of the data
    // (`[org:<actor type>]`), which gives its type.
    if (!before && !agent && !resolved) resolved = named_organisation(clause_start, t.first);
    Event& e = events[k];
    if (resolved) e.actor1 = resolved;
    // What the trigger acts on, when named before any actor of the lexicon: a country or a
    // demonym for a statement ("accused Algeria", "una propuesta egipcia"), a post or a base of
    // the state for violence ("attacked a police post").
    std::optional<Actor> object = object_after(t, events[k], after);
    if (agent) {
      e.actor1 = agent->actor;
      if (before && before != agent) e.actor2 = before->actor;
      else if (after && after != agent) e.actor2 = after->actor;
    } else {
      if (before) e.actor1 = before->actor;
      if (after) e.actor2 = after->actor;
    }
    if (object && !(agent && before && before != agent)) e.actor2 = object;
    if (other_side) e.actor2 = other_side->actor;
    // "Des combats ont opposé l'armée aux rebelles", "enfrentamientos entre militares y
    // disidencias": a reciprocal act with no subject has its two sides after the trigger.
    if ((joint || e.event_type == "Riots"sv) && !before && !agent) {
      std::vector<size_t> candidates;
      for (size_t a = actors_of[t.sentence].first; a < actors_of[t.sentence].second; ++a) {
        if (!is_source[a] && !is_victim[a]) candidates.push_back(a);
      }
      const uint32_t sentence_end = sentence.first_token + sentence.token_count;
      if (auto sides = SidesAfterTrigger(lex, w, t.last, sentence_end, actor_tokens, candidates)) {
        e.actor1 = actors[sides->first].actor;
        e.actor2 = actors[sides->second].actor;
      }
    }
    // "Four police officers were killed when their patrol struck a landmine": with no one else
    // named, those the toll counts are the side acted on.
    if (!e.actor2 && first_victim && Violent(e)) e.actor2 = first_victim->actor;
    // "Atacaron hombres armados el martes un puesto de policía": Spanish names the subject after
    // a verb that opens the sentence; what follows it is acted on.
    if (in.lang == "es"sv && !before && !agent) {
      std::vector<size_t> candidates;
      for (size_t a = actors_of[t.sentence].first; a < actors_of[t.sentence].second; ++a) {
        if (!is_source[a] && !is_victim[a]) candidates.push_back(a);
      }
      if (auto c = PostverbalSubject(in, lex, w, sentence, t.first, t.last, actor_tokens, candidates)) {
        e.actor1 = actors[candidates[*c]].actor;
        e.actor2.reset();
        if (*c + 1 < candidates.size()) e.actor2 = actors[candidates[*c + 1]].actor;
        const uint32_t end = std::min(sentence.first_token + sentence.token_count, actor_tokens[candidates[*c]].second + 10);
        for (uint32_t i = actor_tokens[candidates[*c]].second + 1; i < end && !e.actor2; ++i) {
          if (w[i] == ","sv || w[i] == ";"sv || (actor_at[i] & 1)) break;
          if (const LexiconEntry* target = lex.Match(w, i, VEILLE_SECTION("target:*"))) {
            const uint32_t last = i + static_cast<uint32_t>(target->words.size()) - 1;
            e.actor2 = Actor{std::string(text.substr(tokens[i].span.begin, tokens[last].span.end - tokens[i].span.begin)),
                             target->section.substr(target->section.find(':') + 1), ""};
          }
        }
      }
    }
    // People who call for, or threaten, a protest are protesters in that act (docs/ontology.md
    // rule 24): "the union called for a general strike", "los mineros amenazaron con parar".
    if (e.actor1 && e.actor1->type == "Civilians"sv && (pl == "REQUEST"sv || pl == "THREATEN"sv) &&
        (t.cls->plover == "PROTEST"sv || calls_for_protest(t))) {
      e.actor1->type = "Protesters";
    }
    // Demonstrators who turn violent are rioters; a demonstrating crowd is protesters.
    if (e.actor1 && e.event_type == "Riots"sv && (e.actor1->type == "Protesters"sv || e.actor1->type == "Civilians"sv)) {
      e.actor1->type = "Rioters";
    }
    if (e.actor1 && e.event_type == "Protests"sv && e.actor1->type == "Civilians"sv) e.actor1->type = "Protesters";
    // "La police a dispersé un rassemblement de l'opposition": the people of a demonstration
    // named after its trigger are its demonstrators too.
    if (e.actor2 && e.event_type == "Protests"sv && e.sub_event_type != "Excessive force against protesters"sv &&
        e.actor2->type == "Civilians"sv && e.actor1 && e.actor1->type == "State forces"sv) {
      e.actor2->type = "Protesters";
    }
    if (e.event_type == "Protests"sv && e.actor1 && e.actor1->type != "Protesters"sv && e.actor2 &&
        e.actor2->type == "Protesters"sv) {
      std::swap(e.actor1, e.actor2);
    }
    // The state's forces do not demonstrate: named at a protest, they intervene in it
    // ("police arrested 12 people during a protest"); excessive force is theirs to act.
    if (e.event_type == "Protests"sv && e.sub_event_type != "Excessive force against protesters"sv && e.actor1 &&
        e.actor1->type == "State forces"sv && !e.actor2) {
      e.actor2 = std::move(e.actor1);
      e.actor1.reset();
    }

  }

  // A claim of responsibility ("The Islamic State group's regional affiliate claimed
  // responsibility", "Le groupe JNIM a revendiqué l'attaque", "revendiqué par l'État
  // islamique") names who carried out the story's violence where the text only said gunmen or
  // a suicide bomber, or no one. A claim that no one made ("No group has claimed") names no one.
  if (std::optional<Actor> claimant = ClaimantOf(in, lex, w, actors, actor_tokens, is_source, [&](uint32_t i, const Sentence& s) {
        const LexiconEntry* mod = modality_before(i, s);
        return mod && (mod->section == "modality:negation"sv || mod->section == "modality:denial"sv);
      })) {
    for (Event& e : events) {
      const bool armed_violence = e.plover == "ASSAULT"sv && (e.event_type == "Battles"sv ||
                                                            e.event_type == "Explosions/Remote violence"sv ||
                                                            e.event_type == "Violence against civilians"sv);
      if (armed_violence && (!e.actor1 || e.actor1->type == "Political militia"sv)) e.actor1 = claimant;
    }
  }
  for (Extra& x : extra_events) {
    events.push_back(std::move(x.event));
    event_sentence.push_back(event_sentence[x.like]);
    event_trigger.push_back(event_trigger[x.like]);
  }
  // "The UN condemned the attack": the condemnation is aimed at whoever carried the attack
  // out, the actor1 of the story's first violent event (the one its lead tells).
  for (size_t k = 0; k < events.size(); ++k) {
    if (events[k].plover != "ACCUSE"sv || events[k].actor2) continue;
    const Found& t = triggers[event_trigger[k]];
    bool refers = false;
    for (const auto& [si, at] : referred_attacks) refers = refers || (si == t.sentence && at > t.last);
    if (!refers) continue;
    for (size_t j = 0; j < events.size(); ++j) {
      if (event_sentence[j] < t.sentence && events[j].plover == "ASSAULT"sv && events[j].actor1) {
        events[k].actor2 = events[j].actor1;
        break;
      }
    }
  }
  // Figures: each goes to the event of its sentence whose trigger is nearest and fits its
  // kind, else to the last fitting event earlier in the paragraph.
  const auto& figures = in.recognized.figures;
  std::vector<FigureRoles> subsets(events.size());
  const uint32_t dateline_end = DatelineEnd(in);
  // The day a sentence tells (the date nearest its trigger, not the dateline's), else the
  // last one told earlier in its paragraph.
  auto day_told = [&](uint32_t sentence, uint32_t trigger_byte) -> std::optional<CivilDate> {
    const recognize::Date* date = nullptr;
    uint32_t best = UINT32_MAX;
    for (const recognize::Date& d : in.recognized.dates) {
      if (d.sentence != sentence || d.span.end <= dateline_end || !d.date.value) continue;
      const uint32_t distance = trigger_byte > d.span.begin ? trigger_byte - d.span.begin : d.span.begin - trigger_byte;
      if (distance < best) {
        best = distance;
        date = &d;
      }
    }
    if (!date) {  // else the last date told earlier in the paragraph
      const uint32_t paragraph = in.segmented.sentences[sentence].paragraph;
      for (const recognize::Date& d : in.recognized.dates) {
        if (d.sentence < sentence && in.segmented.sentences[d.sentence].paragraph == paragraph &&
            d.span.end > dateline_end && d.date.value) {
          date = &d;
        }
      }
    }
    return date ? date->date.value : std::nullopt;
  };
  // A toll given later in the story with no fitting event of its own ("Hospital sources
  // counted 43 dead") belongs to the last fitting event of the few sentences before it; but
  // an event told in between on an earlier day and with no toll of its own ("Fighting had
  // broken out on Friday") is background: the toll goes to the later happening that has one.
  auto story_event_of_later_toll = [&](const recognize::FigureFound& f) -> int {
    int nearest = -1, holder = -1;
    for (size_t k = events.size(); k-- > 0;) {
      if (event_sentence[k] >= f.sentence || f.sentence - event_sentence[k] > 5 || !Fits(f.figure.kind, events[k])) {
        continue;
      }
      if (nearest < 0) nearest = static_cast<int>(k);
      bool toll = false;
      for (const Figure& g : events[k].figures) toll = toll || g.kind == "killed"sv || g.kind == "injured"sv;
      if (toll) {
        holder = static_cast<int>(k);
        break;
      }
    }
    if (nearest < 0 || holder < 0 || holder == nearest || f.figure.kind == "arrested"sv || f.figure.kind == "participants"sv) {
      return nearest;
    }
    auto day_of = [&](int k) {
      return day_told(event_sentence[k], tokens[triggers[event_trigger[k]].first].span.begin);
    };
    const auto near_day = day_of(nearest), holder_day = day_of(holder);
    if (near_day && holder_day && recognize::DaysFromCivil(*near_day) < recognize::DaysFromCivil(*holder_day)) return holder;
    return nearest;
  };
  // A toll of a demonstration's sentence with no violent event of its own ("des
  // manifestations ... qui ont fait une cinquantaine de morts") is the demonstration's: force
  // killed or wounded people at it (excessive force, until the story says the crowd rioted).
  auto demonstration_of_toll = [&](const recognize::FigureFound& f) -> int {
    if (f.figure.kind != "killed"sv && f.figure.kind != "injured"sv) return -1;
    int best = -1;
    uint32_t best_distance = UINT32_MAX;
    for (size_t k = 0; k < events.size(); ++k) {
      if (event_sentence[k] != f.sentence || events[k].event_type != "Protests"sv) continue;
      const uint32_t tb = tokens[triggers[event_trigger[k]].first].span.begin;
      const uint32_t distance = tb > f.span.begin ? tb - f.span.begin : f.span.begin - tb;
      if (distance < best_distance) {
        best = static_cast<int>(k);
        best_distance = distance;
      }
    }
    if (best >= 0 && !Violent(events[best])) {
      SetClass(events[best], "Protests", "Excessive force against protesters", "ASSAULT");
    }
    return best;
  };
  // A toll said to have risen ("the toll had risen to 17", "le bilan s'est alourdi à 23
  // morts", "la cifra de muertos ascendió a 23"): a revision word in the figure or just before.
  const SectionId kTollRevised = VEILLE_SECTION("toll-revised");
  auto revised_toll = [&](const recognize::FigureFound& f) {
    if (f.figure.kind != "killed"sv || f.subset) return false;
    const uint32_t first = TokenAt(tokens, f.span.begin), end = TokenAt(tokens, f.span.end);
    const uint32_t sentence_first = in.segmented.sentences[f.sentence].first_token;
    for (uint32_t i = first > sentence_first + 6 ? first - 6 : sentence_first; i < end; ++i) {
      if (is(i, kTollRevised)) return true;
    }
    return false;
  };
  // A toll counted since a day well before the event's ("24 muertos desde el 28 de abril",
  // "31 morts depuis le 10 juin") sums many days: it is no figure of that event.
  const SectionId kSince = VEILLE_SECTION("since");
  auto counted_over_days = [&](const recognize::FigureFound& f, int k) {
    if (f.figure.kind != "killed"sv && f.figure.kind != "injured"sv && f.figure.kind != "missing"sv) return false;
    const uint32_t first = TokenAt(tokens, f.span.begin), last = TokenAt(tokens, f.span.end);
    for (const recognize::Date& d : in.recognized.dates) {
      if (d.sentence != f.sentence || !d.date.value) continue;
      const uint32_t at = TokenAt(tokens, d.span.begin);
      if (!is(at, kSince) || at + 6 < first || at > last + 6) continue;
      const auto day = day_told(event_sentence[k], tokens[triggers[event_trigger[k]].first].span.begin);
      if (day && recognize::DaysFromCivil(*day) - recognize::DaysFromCivil(*d.date.value) > 3) return true;
    }
    return false;
  };
  for (const recognize::FigureFound& f : figures) {
    if (f.restated) continue;
    const uint32_t figure_token = TokenAt(tokens, f.span.begin);
    if (figure_token < tokens.size() && is_background_count(f.sentence, figure_token)) continue;
    int best = -1;
    uint32_t best_distance = UINT32_MAX;
    for (size_t k = 0; k < events.size(); ++k) {
      if (event_sentence[k] != f.sentence || !Fits(f.figure.kind, events[k])) continue;
      const Found& t = triggers[event_trigger[k]];
      uint32_t tb = tokens[t.first].span.begin;
      uint32_t distance = tb > f.span.begin ? tb - f.span.begin : f.span.begin - tb;
      if (distance < best_distance) {
        best = static_cast<int>(k);
        best_distance = distance;
      }
    }
    if (best < 0) best = demonstration_of_toll(f);
    if (best < 0) best = story_event_of_later_toll(f);
    if (best < 0 && (f.figure.kind == "killed"sv || f.figure.kind == "injured"sv)) {
      // A toll told before its happening ("The government reported 11 dead since Thursday.
      // ... Clashes broke out on Thursday afternoon") belongs to the first violent event of
      // the next few sentences, when no violent event stands before it.
      bool event_before = false;
      for (size_t k = 0; k < events.size() && !event_before && event_sentence[k] <= f.sentence; ++k) {
        event_before = Fits(f.figure.kind, events[k]);
      }
      for (size_t k = 0; k < events.size() && !event_before; ++k) {
        if (event_sentence[k] > f.sentence && event_sentence[k] - f.sentence <= 4 && Fits(f.figure.kind, events[k]) &&
            (best < 0 || event_sentence[k] < event_sentence[best])) {
          best = static_cast<int>(k);
        }
      }
    }
    if (best < 0 || counted_over_days(f, best)) continue;
    events[best].figures.push_back(f.figure);
    subsets[best].Add(f.subset, revised_toll(f));
  }

  // The first entry of a section (or family) in a sentence that no negation or denial just
  // before it in its clause turns away ("denied that police had fired live ammunition").
  auto in_sentence = [&](uint32_t si, SectionId section) -> const LexiconEntry* {
    const Sentence& s = in.segmented.sentences[si];
    for (uint32_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
      const LexiconEntry* found = lex.Match(w, i, section);
      if (!found) continue;
      const LexiconEntry* mod = modality_before(i, s);
      if (!mod || (mod->section != "modality:negation"sv && mod->section != "modality:denial"sv)) return found;
    }
    return nullptr;
  };
  const SectionId kInstrument = VEILLE_SECTION("instrument:*");
  const SectionId kLethalForce = VEILLE_SECTION("lethal-force");
  // An aircraft named as the doer before a bombing word in its clause ("L'aviation soudanaise a
  // bombardé", "The military council jet fighter has dropped bomb"): the bomb came from the air.
  const SectionId kAirInstrument = VEILLE_SECTION("instrument:Explosions/Remote violence:Air/drone strike");
  auto air_doer_before = [&](uint32_t trigger_first, uint32_t sentence_first) {
    for (uint32_t back = 1; back <= 10 && trigger_first >= sentence_first + back; ++back) {
      const uint32_t i = trigger_first - back;
      // A list of weapons ("19 missiles et 19 drones", "18 drones et 5 missiles ont été
      // abattus") names what was fired, not who fired it.
      if (w[i] == ","sv || w[i] == ";"sv || is(i, kClauseEnd) || is(i, VEILLE_SECTION("conjunction"))) return false;
      if (is(i, kAirInstrument)) return true;
    }
    return false;
  };
  // People told as demonstrating after the trigger in its clause ("fired on hundreds of people
  // who were protesting", "contra cientos de personas que protestaban"): they are protesters.
  const SectionId kProtesting = VEILLE_SECTION("protesting");
  auto told_as_protesting = [&](const Found& t) {
    const Sentence& s = in.segmented.sentences[t.sentence];
    for (uint32_t i = t.last + 1; i < s.first_token + s.token_count && i <= t.last + 10; ++i) {
      if (w[i] == ";"sv || is(i, kClauseEnd)) break;
      if (is(i, kProtesting)) return true;
    }
    return false;
  };
  // A crowd that does not demonstrate named in the clause before the trigger: "Angry residents
  // beat to death", "Des supporters de deux clubs rivaux se sont affrontés".
  const SectionId kMobCrowd = VEILLE_SECTION("mob-crowd");
  auto mob_subject = [&](const Found& t) {
    const Sentence& s = in.segmented.sentences[t.sentence];
    for (uint32_t back = 1; back <= 10 && t.first >= s.first_token + back; ++back) {
      const uint32_t i = t.first - back;
      if (w[i] == ";"sv || is(i, kClauseEnd)) return false;
      if (is(i, kMobCrowd)) return true;
    }
    return false;
  };
  // Decision rules of docs/ontology.md that the trigger alone cannot make.
  bool story_of_unrest = false;  // the article tells demonstrations or riots
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
      const LexiconEntry* weapon = in_sentence(si, kInstrument);
      if (weapon && generic_explosive && weapon->section.find("Suicide bomb") == std::string::npos &&
          weapon->section.find("Air/drone strike") == std::string::npos) {
        weapon = nullptr;
      }
      // A mine or a grenade beside shooting at armed people (`[ground-assault]`: "opened fire",
      // "ambushed", "ouvert le feu", "abrieron fuego") is the opening of a ground assault,
      // not how the shooting was done (rule 15, exception): the fight keeps its own class and
      // absorbs the explosive's event.
      if (weapon && !generic_explosive && is(triggers[event_trigger[k]].first, VEILLE_SECTION("ground-assault")) &&
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
      running_total = is(i, kSince);
    }
    DamageInStoryOfRiot(e, riot_told_before && !running_total);
    // A bombardment by aircraft is an air strike (rule 15): "L'aviation soudanaise a bombardé",
    // "the jet fighter has dropped bomb".
    if (e.sub_event_type == "Shelling/artillery/missile attack"sv || e.sub_event_type == "Remote explosive/landmine/IED"sv) {
      if (air_doer_before(triggers[event_trigger[k]].first, in.segmented.sentences[si].first_token)) {
        SetClass(e, "Explosions/Remote violence", "Air/drone strike", "ASSAULT");
      }
    }
    // Dispersal with live fire: excessive force rather than an intervention.
    if (e.sub_event_type == "Protest with intervention"sv && in_sentence(si, kLethalForce)) {
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
                             told_as_protesting(triggers[event_trigger[k]]);
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
    MobWithoutDemonstration(e, mob_subject(triggers[event_trigger[k]]));
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
  // One happening told with a general and a specific word ("an air strike ... killed 43",
  // "shot dead three protesters as thousands marched") is one event: in a sentence the most
  // specific class of a family absorbs the others and their figures.
  auto rank = [](const Event& e) -> std::pair<int, int> {  // family, specificity
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
  };
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
  // What demonstrators march for is the demonstration's: "marched to demand the release of
  // an imam", "un sit-in pour réclamer". A demand made otherwise in the sentence stands.
  for (size_t k = 0; k < events.size(); ++k) {
    if (events[k].plover != "REQUEST"sv || !events[k].event_type.empty()) continue;
    const uint32_t at = triggers[event_trigger[k]].first;
    // A purpose word earlier in the clause ("pour soutenir la junte et demander le départ").
    bool purpose = false;
    for (uint32_t back = 1; back <= 6 && back <= at && !purpose; ++back) {
      if (w[at - back] == ","sv || w[at - back] == ";"sv) break;
      purpose = is(at - back, VEILLE_SECTION("purpose"));
    }
    // A participle that describes the crowd: "led by young men demanding jobs", "des
    // manifestants réclamant".
    purpose = purpose || is(at, VEILLE_SECTION("demand-participle"));
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
  auto planted_or_thrown = [](const Event& e) {
    return e.sub_event_type == "Remote explosive/landmine/IED"sv || e.sub_event_type == "Grenade"sv;
  };
  auto ground_fight = [&](size_t k) {
    return events[k].sub_event_type == "Armed clash"sv && is(triggers[event_trigger[k]].first, VEILLE_SECTION("ground-assault"));
  };
  for (size_t k = 0; k < events.size(); ++k) {
    auto [family, level] = rank(events[k]);
    if (family == 0 || events[k].plover.empty()) continue;
    for (size_t j = 0; j < events.size(); ++j) {
      if (j == k || event_sentence[j] != event_sentence[k] || events[j].plover.empty()) continue;
      auto [f2, l2] = rank(events[j]);
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
  // "Signed a peace agreement": the plain PLOVER reading of a word joins the ACLED-coded
  // event of the same PLOVER type in its sentence.
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
  // Arrests during a protest belong to the protest (it becomes a protest with intervention).
  for (size_t k = 0; k < events.size(); ++k) {
    if (events[k].sub_event_type != "Arrests"sv || events[k].plover.empty()) continue;
    for (size_t j = 0; j < events.size(); ++j) {
      const bool near = event_sentence[j] == event_sentence[k] ||
                        (event_sentence[j] < event_sentence[k] && event_sentence[k] - event_sentence[j] <= 2 &&
                         in.segmented.sentences[event_sentence[j]].paragraph ==
                             in.segmented.sentences[event_sentence[k]].paragraph);
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

  // The same physical happening in each place of a list ("protests were also reported in
  // Mombasa, Kisumu and Nyeri") is one event per place (docs/ontology.md rule 10); a
  // statement or a decree that covers several places stays one event at the first.
  // Physical happenings, which take place somewhere on some day: told of a list of places or
  // days, they are one event each.
  auto splits = [](const Event& e) {
    return e.event_type == "Protests"sv || e.event_type == "Riots"sv || e.event_type == "Battles"sv ||
           e.event_type == "Violence against civilians"sv || e.event_type == "Explosions/Remote violence"sv ||
           (e.plover == "MOBILIZE"sv && e.sub_event_type == "Change to group/activity"sv);
  };
  std::vector<std::optional<Location>> listed_at(events.size());
  // A copy of event k for another place or day of a list; the list's figures stay with k.
  auto copy_event = [&](size_t k, std::optional<Location> at) {
    Event copy = events[k];
    copy.figures.clear();
    events.push_back(std::move(copy));
    event_sentence.push_back(event_sentence[k]);
    event_trigger.push_back(event_trigger[k]);
    subsets.emplace_back();
    listed_at.push_back(std::move(at));
  };
  if (in.places) {
    const SectionId kListJoin = VEILLE_SECTION("list-join");
    const auto& mentions = in.places->mentions;
    auto first_token_at = [&](uint32_t byte) { return TokenAt(tokens, byte); };
    // Whether only commas and list words lie between two mentions of one sentence: 0 no,
    // 1 commas only, 2 with a list word.
    auto joined = [&](const places::PlaceMention& a, const places::PlaceMention& b) {
      uint32_t i = first_token_at(a.span.end), end = first_token_at(b.span.begin);
      if (i >= end || end - i > 4) return 0;
      int kind = 1;
      while (i < end) {
        if (w[i] == ","sv) {
          ++i;
          continue;
        }
        const LexiconEntry* j = lex.Match(w, i, kListJoin);
        if (!j || i + j->words.size() > end) return 0;
        i += static_cast<uint32_t>(j->words.size());
        kind = 2;
      }
      return kind;
    };
    const size_t before_split = events.size();
    for (size_t k = 0; k < before_split; ++k) {
      if (events[k].plover.empty() || !splits(events[k])) continue;
      const uint32_t si = event_sentence[k];
      std::optional<Location> at = places::EventLocation(*in.places, in.segmented, si);
      if (!at) continue;
      size_t anchor = mentions.size();
      for (size_t m = 0; m < mentions.size() && anchor == mentions.size(); ++m) {
        if (mentions[m].sentence == si && !mentions[m].dateline && mentions[m].name == at->name) anchor = m;
      }
      if (anchor == mentions.size() || mentions[anchor].feature == places::Feature::kCountry) continue;
      // The list says where this trigger happened: it follows the trigger closely ("marchas
      // en Córdoba, Rosario y La Plata"), not in another clause of the sentence. A list that
      // opens the sentence says where too: "In Kisumu and Mombasa, police fired tear gas".
      const Found& t = triggers[event_trigger[k]];
      const uint32_t anchor_token = first_token_at(mentions[anchor].span.begin);
      const bool fronted = anchor_token < t.first && anchor_token <= in.segmented.sentences[si].first_token + 2;
      if (!fronted && (anchor_token <= t.last || anchor_token - t.last > 16)) continue;
      bool other_clause = false;
      for (uint32_t i = t.last + 1; i < anchor_token && !other_clause; ++i) {
        other_clause = w[i] == ";"sv || is(i, kClauseEnd);
      }
      if (other_clause) continue;
      // Places of the list are alike (all towns, or all provinces), and none holds another
      // ("Datu Hoffer, Maguindanao" is one place).
      auto alike = [&](const places::PlaceMention& m) {
        return m.sentence == si && !m.dateline && !m.near && m.geo_precision == mentions[anchor].geo_precision &&
               m.feature != places::Feature::kCountry && m.name != mentions[anchor].admin1 &&
               m.admin1 != mentions[anchor].name && m.name != mentions[anchor].name;
      };
      // A list ends with a list word ("A, B and C"); commas alone are an apposition
      // ("the suburb of Port-au-Prince, Carrefour").
      std::vector<size_t> members;
      size_t listed = 0;
      for (size_t m = anchor + 1; m < mentions.size() && alike(mentions[m]); ++m) {
        int join = joined(mentions[members.empty() ? anchor : members.back()], mentions[m]);
        if (join == 0) break;
        members.push_back(m);
        if (join == 2) listed = members.size();
      }
      for (size_t i = 0; i < listed; ++i) copy_event(k, places::ToLocation(mentions[members[i]]));
    }
  }
  // The same happening on each day of a list ("clashed on Monday and Tuesday", "samedi et
  // dimanche", "el lunes y el martes") is one event per day, as ACLED codes one per day and
  // place (docs/ontology.md rule 10). Only days joined by a list word make a list: "on
  // Monday, and the governor imposed a curfew on Tuesday" dates two acts.
  std::vector<const recognize::Date*> listed_on(events.size(), nullptr);
  {
    const SectionId kListJoin = VEILLE_SECTION("list-join");
    const auto& dates = in.recognized.dates;
    auto days_joined = [&](const recognize::Date& a, const recognize::Date& b) {
      if (a.sentence != b.sentence || a.date.precision != "day"sv || b.date.precision != "day"sv ||
          a.date.value == b.date.value) {
        return false;
      }
      uint32_t i = TokenAt(tokens, a.span.end), end = TokenAt(tokens, b.span.begin);
      if (i >= end || end - i > 3) return false;
      bool list_word = false;
      while (i < end) {
        if (w[i] == ","sv) {
          ++i;
          continue;
        }
        const LexiconEntry* j = lex.Match(w, i, kListJoin);
        if (!j || i + j->words.size() > end) return false;
        i += static_cast<uint32_t>(j->words.size());
        list_word = true;
      }
      return list_word;
    };
    const size_t before_split = events.size();
    for (size_t k = 0; k < before_split; ++k) {
      if (events[k].plover.empty() || !splits(events[k])) continue;
      const uint32_t si = event_sentence[k];
      const uint32_t tb = tokens[triggers[event_trigger[k]].first].span.begin;
      // The day the event would take: its sentence's date nearest the trigger.
      size_t nearest = dates.size();
      uint32_t best = UINT32_MAX;
      for (size_t d = 0; d < dates.size(); ++d) {
        if (dates[d].sentence != si || dates[d].span.end <= dateline_end) continue;
        const uint32_t distance = tb > dates[d].span.begin ? tb - dates[d].span.begin : dates[d].span.begin - tb;
        if (distance < best) {
          best = distance;
          nearest = d;
        }
      }
      if (nearest == dates.size()) continue;
      size_t first = nearest, last = nearest;
      while (first > 0 && days_joined(dates[first - 1], dates[first])) --first;
      while (last + 1 < dates.size() && days_joined(dates[last], dates[last + 1])) ++last;
      // The event keeps the day it would take anyway (and so merges as it would have); the
      // other days of the list are copies.
      for (size_t d = first; d <= last; ++d) {
        if (d == nearest) continue;
        copy_event(k, listed_at[k]);
        listed_on.push_back(&dates[d]);
      }
    }
  }

  // Date, place, evidence, fatalities, id, confidence.
  // A date that dates the telling rather than the happening: the dateline's (when the story
  // was filed), one said with its reporting verb ("a rights group said on Tuesday", "a
  // affirmé mardi", "an army statement on Sunday said"), or the day a toll that names the
  // happening was revised ("the death toll from an attack ... rose to 40 on Tuesday", "le
  // bilan de l'attentat s'est alourdi mercredi").
  const SectionId kReportingVerb = VEILLE_SECTION("reporting"), kToldBy = VEILLE_SECTION("told-by");
  auto telling_date = [&](const recognize::Date& d, const Found& t) {
    if (d.sentence != t.sentence) return false;
    if (d.span.end <= dateline_end) return true;
    const uint32_t first = TokenAt(tokens, d.span.begin), after = TokenAt(tokens, d.span.end);
    const uint32_t sentence_first = in.segmented.sentences[t.sentence].first_token;
    for (uint32_t i = first > sentence_first + 3 ? first - 3 : sentence_first; i < first; ++i) {
      for (SectionId section : {kReportingVerb, kToldBy}) {
        const LexiconEntry* r = lex.Match(w, i, section);
        if (r && i + r->words.size() == first) return true;
      }
    }
    if (is(after, kReportingVerb) || is(after, kToldBy)) return true;
    const uint32_t tb = tokens[t.first].span.begin, te = tokens[t.last].span.end;
    for (const recognize::FigureFound& f : in.recognized.figures) {
      if (f.sentence == t.sentence && (f.figure.kind == "killed"sv || f.figure.kind == "injured"sv) &&
          f.span.begin < tb && te < f.span.end) {
        return true;
      }
    }
    return false;
  };
  // An event made only by the verb of a toll ("22 people had been killed", "nueve personas
  // murieron") in a sentence that names no place tells the toll of a happening already told.
  auto toll_only = [&](const Found& t) {
    const uint32_t tb = tokens[t.first].span.begin, te = tokens[t.last].span.end;
    for (const recognize::FigureFound& f : in.recognized.figures) {
      if (f.sentence == t.sentence && (f.figure.kind == "killed"sv || f.figure.kind == "injured"sv) &&
          f.span.begin <= tb && te <= f.span.end) {
        return true;
      }
    }
    return false;
  };
  // The date of an event (docs/ontology.md rule 28): the date of the trigger's sentence
  // nearest the trigger, else the last one of the sentences before it in its paragraph; none
  // is an unknown date, not the publication date. The dateline's date ("KABUL, June 4 (Veille
  // Wire) -") is when the story was filed, and a date said with the verb of saying dates the
  // statement ("The army said on Thursday that its soldiers had killed 11 militants ... on
  // Tuesday"): an event of ACLED's kinds takes another day of its sentence instead (a day,
  // not a period: "since 2013", "depuis lundi" say when something began, not when it happened).
  auto happening_date = [&](const Event& e, const Found& t, const Sentence& s) -> const recognize::Date* {
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
          distance < best_happening && !telling_date(d, t)) {
        best_happening = distance;
        happening = &d;
      }
    }
    if (date && happening && date != happening && !e.event_type.empty() && telling_date(*date, t)) date = happening;
    if (!date) {
      for (const recognize::Date& d : in.recognized.dates) {
        if (d.sentence < t.sentence && in.segmented.sentences[d.sentence].paragraph == s.paragraph) date = &d;
      }
    }
    return date;
  };
  std::optional<Actor> story_attacker;  // actor1 of the story's first armed violence, as coded
  std::vector<uint32_t> out_sentence;
  std::vector<FigureRoles> out_subsets;
  std::vector<bool> out_place_told;  // the event's own sentence (or list) names its place
  std::vector<bool> out_telling_date;  // the event's date is its teller's ("said on Tuesday")
  out.events.reserve(events.size());
  for (size_t k = 0; k < events.size(); ++k) {
    Event& e = events[k];
    if (e.plover.empty()) continue;
    const uint32_t si = event_sentence[k];
    const Sentence& s = in.segmented.sentences[si];
    const Found& t = triggers[event_trigger[k]];
    const recognize::Date* date = listed_on[k] ? listed_on[k] : happening_date(e, t, s);
    if (date) e.date = date->date;
    // "Nine soldiers were killed, the army said in a statement on Tuesday": a date in the
    // teller's incise after the trigger dates the telling, not the happening; such an event
    // may still be a retelling of one told on another day.
    bool date_of_telling = false;
    if (date && date->sentence == si) {
      for (uint32_t i = t.last + 1, end = TokenAt(tokens, date->span.begin); i < end && !date_of_telling; ++i) {
        date_of_telling = is(i, VEILLE_SECTION("reporting")) || is(i, VEILLE_SECTION("told-by"));
      }
    }
    date_of_telling = date_of_telling || (date && telling_date(*date, t));
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
      to_own_side = is(i, VEILLE_SECTION("own-supporters"));
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
        in_sentence(si, VEILLE_SECTION("trigger:ASSAULT:Battles:Armed clash"))) {
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
    e.confidence = std::min(1.0, confidence);
    // A happening told again or told in detail in the next sentences ("Gunmen then opened fire
    // on the column", "A night watchman was shot dead at the gate") is one event: an event of
    // the same family (violence, or demonstration) within four sentences, at the same place
    // and day, joins the earlier one; the more specific class and every figure are kept.
    const bool place_told = listed_at[k].has_value() || sentence_has_place[si];
    const bool toll_told = Violent(e) && toll_only(t);
    bool merged = false;
    const auto [family, level] = rank(e);
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
        const auto [prior_family, prior_level] = rank(prior);
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
  // Ids are unique in a document even when two events share trigger, class and actor (the
  // store keys events by id): a repeat takes an ordinal, the same on every run.
  std::unordered_set<std::string> ids;
  for (Event& e : out.events) {
    const std::string base = e.event_id;
    for (int n = 2; !ids.insert(e.event_id).second; ++n) e.event_id = base + "-" + std::to_string(n);
  }
  return out;
}

}  // namespace veille::assemble
