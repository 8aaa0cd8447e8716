// Steps 1 and 2 of an assembly: the triggers and actors the lexicon finds, and one event per
// trigger told as a fact, of a happening not told before (docs/events.md, steps 1-3).
#include "assemble/assembly.h"

#include <algorithm>

#include "assemble/actors.h"

namespace veille::assemble {

namespace {

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

// The modality word that governs a phrase starting at word `first` of sentence `s`: the
// nearest one before it in its clause, within six words. A denial covers the whole clause
// it governs ("a nié que les forces de l'ordre aient tiré"), up to a conjunction that opens
// another verb ("denied that ... and said officers had used tear gas"), and never a verb
// joined right after a conjunction ("denied any involvement and accused").
const LexiconEntry* Assembly::ModalityBefore(uint32_t first, const Sentence& s) const {
  const bool coordinated_verb = first > s.first_token && Is(first - 1, kConjunction);
  bool past_conjunction = false;
  for (uint32_t k = first; k-- > s.first_token && first - k <= 12;) {
    if (w[k] == ","sv || w[k] == ";"sv || w[k] == "."sv) break;
    past_conjunction = past_conjunction || Is(k, kConjunction);
    const LexiconEntry* mod = Match(k, VEILLE_SECTION("modality:*"));
    if (!mod) continue;
    const bool denial = mod->section == "modality:denial"sv;
    if (denial && coordinated_verb) return nullptr;
    if (first - k > 6 && (!denial || past_conjunction)) continue;
    return mod;
  }
  return nullptr;
}

void Assembly::FindTriggersAndActors() {
  for (uint32_t si = 0; si < in.segmented.sentences.size(); ++si) {
    const Sentence& s = in.segmented.sentences[si];
    const uint32_t begin = s.first_token, end = s.first_token + s.token_count;
    for (uint32_t i = begin; i < end; ++i) {
      if (!sections_at[i]) continue;  // no entry of any section starts here
      const LexiconEntry* trigger_here = Match(i, kTrigger);
      const LexiconEntry* actor_here = Match(i, kActor);
      // The longer phrase wins: "government resigned" is a trigger, "riot police" an actor.
      // A phrase that is both names the doer of its own act ("a suicide bomber killed", "un
      // kamikaze"): both are kept.
      if (actor_here && trigger_here && trigger_here->words.size() >= actor_here->words.size()) {
        // The actor still acts: "the government resigned", "police fired tear gas".
        const uint32_t last = i + static_cast<uint32_t>(actor_here->words.size()) - 1;
        actors.push_back({SpanOf(i, last), si,
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
          if (const LexiconEntry* d = Match(k, kDemonym); d && !d->args.empty()) actor.country = d->args[0];
        }
        actors.push_back({SpanOf(i, last), si, std::move(actor)});
        actor_tokens.push_back({i, last});
        i = last;
        continue;
      }
      if (const LexiconEntry* t = trigger_here) {
        uint32_t last = i + static_cast<uint32_t>(t->words.size()) - 1;
        if (last >= end) continue;
        triggers.push_back({&ClassOf(*t), i, last, si});
        i = last;
      }
    }
  }
}

// A date or an amount inside a phrase trigger is read through: "recuperó el sábado el
// control", "a repris mardi le contrôle", "envió unos 5.000 soldados".
void Assembly::ReadTriggersThroughDates() {
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
    for (uint32_t j = from; j < df && !may_start; ++j) may_start = MayStart(j, kTrigger);
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
          other = Found{&ClassOf(*t), first, last, d.sentence};
          added = true;
        }
      }
      if (!taken) {
        triggers.push_back({&ClassOf(*t), first, last, d.sentence});
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
void Assembly::FindUnlistedActors() {
  postposed_military.assign(w.size(), false);
  AddUnlistedActors(in, lex, w, sections_at, actors, actor_tokens, postposed_military);
  out.actors = actors;
}

// Counts over a period ("at least 40 attacks so far this year", "300 peacekeepers killed
// over the past decade") are background: a cumulative phrase covers its clause, or the
// whole sentence when it opens it ("In the past twelve months, five attacks ...").
void Assembly::FindCumulativeCounts() {
  const SectionId kCumulative = VEILLE_SECTION("cumulative");
  // Locals: the push_back below would otherwise make the compiler reread them through
  // `this` for every token of the document.
  const recognize::Lexicon& lexicon = lex;
  const Words& words = w;
  const auto& at = sections_at;
  const std::vector<Sentence>& sentences = in.segmented.sentences;
  for (uint32_t si = 0; si < sentences.size(); ++si) {
    const uint32_t end = sentences[si].first_token + sentences[si].token_count;
    for (uint32_t i = sentences[si].first_token; i < end; ++i) {
      if (at[i] && (*at[i])[kCumulative] && lexicon.Match(words, i, kCumulative)) cumulative.push_back({si, i});
    }
  }
}

bool Assembly::IsBackgroundCount(uint32_t sentence, uint32_t token) const {
  for (const auto& [si, at] : cumulative) {
    if (si != sentence) continue;
    // Opening the sentence, after at most a count ("Ten years after ...", "Dix ans après").
    if (at <= in.segmented.sentences[si].first_token + 1) return true;
    bool boundary = false;
    for (uint32_t i = std::min(at, token) + 1; i < std::max(at, token) && !boundary; ++i) {
      boundary = w[i] == ","sv || w[i] == ";"sv || Is(i, kClauseEnd);
    }
    if (!boundary) return true;
  }
  return false;
}

// Modality: a negation, a hypothesis, a future, a denial or a threat before the trigger in
// its clause keeps it from being coded as a fact; a threat is coded as THREATEN.
// A happening named as the spell a sentence's news comes after or amid is background (rule 9):
// "after two days of riots", "after months of student-led protests", "après deux jours
// d'émeutes", "tras dos días de disturbios". The words before the trigger are "of", a
// period word ("days", "semaines", "meses"), an optional count, and a background preposition.
bool Assembly::AfterSpellOf(uint32_t first, const Sentence& s) const {
  const uint32_t start = s.first_token;
  // One modifier may stand between "of" and the happening ("months of student-led protests").
  for (uint32_t skip = 0; skip <= 1; ++skip) {
    if (first < start + 3 + skip) return false;
    uint32_t k = first - 1 - skip;
    if (!Is(k, VEILLE_SECTION("spell-of"))) continue;
    if (!Is(k - 1, VEILLE_SECTION("spell"))) continue;
    // The count or quantifier before the period word, if any ("two", "several", "deux").
    for (uint32_t back = 2; back <= 3 && k >= start + back; ++back) {
      if (Is(k - back, VEILLE_SECTION("spell-preposition"))) return true;
    }
  }
  return false;
}

// A warning that something may happen is a forecast, not a threat (ontology rule 8): "the
// toll could rise, officials warned", "los combates podrían reanudarse, advirtieron
// diplomáticos", "les prix pourraient flamber, a averti l'ONU". The warning word and a
// forecast modal ("could", "podrían", "pourraient") stand in one sentence, and the modal is
// not followed by a passive ("could be shot", "podrían ser detenidos"), which tells what
// the speaker may do to someone.
bool Assembly::IsForecastWarning(uint32_t first, const Sentence& s) const {
  if (!Is(first, VEILLE_SECTION("warning"))) return false;
  const uint32_t end = s.first_token + s.token_count;
  for (uint32_t k = s.first_token; k + 1 < end; ++k) {
    if (Is(k, VEILLE_SECTION("forecast-modal")) && !Is(k + 1, VEILLE_SECTION("passive-auxiliary"))) return true;
  }
  return false;
}

// How attackers came is part of their attack, not a deployment (ontology rule 10, sub-actions
// are not events): "the assailants arrived on motorcycles", "les assaillants sont arrivés à
// moto", "los atacantes llegaron en motocicletas". An arrival word with an attacker word just
// before it makes no event.
bool Assembly::IsAssailantsArrival(uint32_t first, const Sentence& s) const {
  if (!Is(first, VEILLE_SECTION("arrival"))) return false;
  for (uint32_t back = 1; back <= 2 && first >= s.first_token + back; ++back) {
    if (Is(first - back, VEILLE_SECTION("assailants"))) return true;
  }
  return false;
}

// A happening named as the topic of a reaction is not told as news (ontology rule 9): "the
// police response to the protests", "une enquête sur les violences", "la respuesta a las
// protestas". A repression ("the crackdown on protests", "la répression des manifestations a
// fait 50 morts") is left out: it often tells the violent protest itself. The reaction noun and its preposition
// (section topic-of) stand right before the trigger, or before its article.
bool Assembly::IsTopicOf(uint32_t first, const Sentence& s) const {
  for (uint32_t back = 1; back <= 4 && first >= s.first_token + back; ++back) {
    const uint32_t k = first - back;
    if (const LexiconEntry* e = lex.Match(w, k, VEILLE_SECTION("topic-of"))) {
      const uint32_t end = k + static_cast<uint32_t>(e->words.size());
      if (end == first || (end + 1 == first && Is(end, kAnaphoric))) return true;
    }
  }
  return false;
}

void Assembly::BuildEventsFromTriggers() {
  events.reserve(triggers.size() + 8);  // copies per speaker or place come on top
  // Read once per document rather than per trigger: long documents have thousands of both.
  std::vector<const std::string*> plovers_told;  // PLOVER types of the events made so far
  sentence_has_place.assign(in.segmented.sentences.size(), false);
  if (in.places) {
    for (const places::PlaceMention& pm : in.places->mentions) {
      if (!pm.dateline && pm.sentence < sentence_has_place.size()) sentence_has_place[pm.sentence] = true;
    }
  }
  governed_trigger.assign(triggers.size(), false);
  for (const Found& t : triggers) {
    const Sentence& s = in.segmented.sentences[t.sentence];
    TriggerMention tm{SpanOf(t.first, t.last), t.sentence, t.cls->plover, t.cls->event_type, t.cls->sub_event_type,
                      false, false};
    bool threat = false;
    if (const LexiconEntry* mod = ModalityBefore(t.first, s)) {
      const std::string kind = mod->section.substr(mod->section.find(':') + 1);
      if (kind == "negation"sv || kind == "denial"sv) tm.negated = true;
      else tm.hypothetical = true;
      threat = kind == "threat"sv;
    }
    // Told after its noun: "une marche est prévue samedi", "los combates podrían reanudarse".
    for (uint32_t k = t.last + 1; k < s.first_token + s.token_count && k <= t.last + 4 && !tm.hypothetical; ++k) {
      if (w[k] == ","sv || w[k] == ";"sv || MayStart(k, kTrigger)) break;
      tm.hypothetical = Is(k, VEILLE_SECTION("modality-after"));
    }
    out.triggers.push_back(tm);
    if ((tm.negated || tm.hypothetical) && !threat) continue;
    if (t.cls->plover == "THREATEN"sv && IsForecastWarning(t.first, s)) continue;
    if (t.cls->plover == "MOBILIZE"sv && IsAssailantsArrival(t.first, s)) continue;
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
            alleged = Is(i, VEILLE_SECTION("accused-of"));
          }
          // What a request asks someone to do: "urged the army to attack", "appelé la France
          // à s'attaquer au problème", "instó a Francia a atacar el problema".
          if (gp == "REQUEST"sv && t.first >= s.first_token + 2) {
            const uint32_t before = Is(t.first - 1, VEILLE_SECTION("reflexive")) ? t.first - 2 : t.first - 1;
            alleged = Is(before, kInfinitive);
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
                     (Is(i, kConjunction) && !Is(i + 1, kArticle) && !Is(i + 1, kInfinitive) && !same_kind) ||
                     Is(i, kClauseEnd);
        }
        governed = governed || !boundary;
      }
      if (governed) {
        governed_trigger[ti] = true;
        continue;
      }
    }
    // A statement made in the sentence of a count is still a statement.
    if (!t.cls->event_type.empty() && IsBackgroundCount(t.sentence, t.first)) continue;
    // Words that look like triggers but name something else: "aid agencies", "protest
    // organisers", "backed by", "supported by".
    bool blocked = false;
    for (uint32_t back = 0; back <= 5 && back <= t.first - s.first_token && !blocked; ++back) {
      const uint32_t k = t.first - back;
      if (const LexiconEntry* nt = Match(k, VEILLE_SECTION("not-trigger"))) {
        blocked = k + nt->words.size() > t.first;
      }
    }
    if (blocked) continue;
    if (t.cls->plover == "SUPPORT"sv && t.last + 1 < s.first_token + s.token_count &&
        Is(t.last + 1, kAgentWord)) {
      continue;  // "a counter-offensive supported by air strikes": not an act of support
    }
    // A noun after a definite article ("condemned the attack", "l'attaque", "el ataque")
    // refers to an event already told when the document has one of the same family.
    bool anaphoric = false;
    if (t.first > s.first_token) anaphoric = Is(t.first - 1, kAnaphoric);
    // A happening named after a preposition and an article is a reference, told or not:
    // "during the protests", "tras el acuerdo", "frente a los ataques de la oposición".
    const bool referred = t.first >= s.first_token + 2 && Is(t.first - 1, kAnaphoric) &&
                          Is(t.first - 2, VEILLE_SECTION("reference-preposition"));
    if (referred && t.cls->plover != "ASSAULT"sv) continue;
    if (AfterSpellOf(t.first, s) || IsTopicOf(t.first, s)) continue;
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
      for (uint32_t i = from; i <= to && !place_near; ++i) place_near = i != t.first && Is(i, VEILLE_SECTION("territory"));
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
}

}  // namespace veille::assemble
