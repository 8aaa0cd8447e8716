// Step 3 of an assembly: who acts and who is acted on in each event, and the figures each
// event counts (docs/events.md, steps 4 and 5).
#include "assemble/assembly.h"

#include <algorithm>
#include <map>

#include "assemble/actors.h"
#include "places/key.h"

namespace veille::assemble {

namespace {

// Statements one side makes alone; joint acts (agreeing, meeting, cooperating) are one event
// of both sides.
bool Unilateral(const std::string& pl) {
  return pl == "ACCUSE"sv || pl == "REQUEST"sv || pl == "SUPPORT"sv || pl == "THREATEN"sv || pl == "REJECT"sv ||
         pl == "SANCTION"sv;
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

}  // namespace

// Actors: the subject (the first actor of the trigger's clause before it) acts, the first
// after it is acted on; "by/par/por X" after a passive trigger acts. A country named as
// the subject acts as its state ("Germany pledged", "Ukraine and Russia agreed").
void Assembly::FindCountryActors() {
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
  capitals_from = country_actors.size();
  for (auto& [mention, first] : CapitalActors(in, lex, w, sections_at)) {
    country_actors.push_back(std::move(mention));
    country_first.push_back(first);
  }
}

void Assembly::FindSourcesAndVictims() {
  // The actors of each sentence, as a range of `actors` (found in text order), so that each
  // event reads only its sentence's.
  actors_of.assign(in.segmented.sentences.size(), {0, 0});
  for (size_t a = actors.size(); a-- > 0;) actors_of[actors[a].sentence].first = a;
  for (size_t a = 0; a < actors.size(); ++a) actors_of[actors[a].sentence].second = a + 1;
  // Who tells a happening is not who takes part in it: "police and hospital officials said",
  // "according to the army", "selon la police", "según la policía".
  is_source.assign(actors.size(), false);
  const SectionId kReporting = VEILLE_SECTION("reporting");
  const SectionId kAccording = VEILLE_SECTION("according");
  for (size_t a = 0; a < actors.size(); ++a) {
    const Sentence& s = in.segmented.sentences[actors[a].sentence];
    const uint32_t end = s.first_token + s.token_count;
    const auto [first, last] = actor_tokens[a];
    bool source = false;
    for (uint32_t j = last + 1; j < end && j <= last + 4 && !source; ++j) {
      source = Is(j, kReporting);
      if (w[j] == ","sv || w[j] == ";"sv || MayStart(j, kTrigger)) break;
    }
    for (uint32_t back = 1; back <= 3 && back <= first - s.first_token && !source; ++back) {
      const LexiconEntry* according = Match(first - back, kAccording);
      const uint32_t ends = first - back + (according ? static_cast<uint32_t>(according->words.size()) : 0);
      source = according && (ends == first || (ends + 1 == first && Is(ends, kArticle)));
    }
    // Told after its verb: ", informó la fiscalía", ", a annoncé le gouvernement", ", has
    // declared the governor", ", a été déclaré par le gouverneur".
    source = source || ToldAfterVerb(first, s);
    is_source[a] = source;
  }
  // The people a toll counts are the harmed side, never the one that acts: "Four police
  // officers were killed", "tuant deux agents", "Cuatro policías murieron". In a protest or
  // a riot the crowd still acts; elsewhere such an actor is a victim (actor2, not actor1).
  is_victim.assign(actors.size(), false);
  for (const recognize::FigureFound& f : in.recognized.figures) {
    const std::string& kind = f.figure.kind;
    if (kind != "killed"sv && kind != "injured"sv && kind != "missing"sv && kind != "arrested"sv) continue;
    for (size_t a = actors_of[f.sentence].first; a < actors_of[f.sentence].second; ++a) {
      is_victim[a] = is_victim[a] || (f.span.begin <= actors[a].span.begin && actors[a].span.end <= f.span.end);
    }
  }
}

// Whether the actor starting at word `first` is named after a reporting verb that follows a
// comma: the teller of an inverted incise (", dijo la policía"). Articles and the agent word
// may stand between ("a été déclaré par le gouverneur").
bool Assembly::ToldAfterVerb(uint32_t first, const Sentence& s) const {
  uint32_t p = first;
  while (p > s.first_token && first - p < 3 && (Is(p - 1, kArticle) || Is(p - 1, kAgentWord))) --p;
  for (uint32_t start = p; start-- > s.first_token && p - start <= 5;) {
    const LexiconEntry* r = Match(start, VEILLE_SECTION("reporting"));
    if (!r) r = Match(start, VEILLE_SECTION("told-by"));
    if (r && start + r->words.size() == p && start > s.first_token && w[start - 1] == ","sv) return true;
  }
  return false;
}

bool Assembly::Capitalised(uint32_t i) const {
  return places::StartsUpper(std::string_view(text).substr(tokens[i].span.begin, tokens[i].span.size()));
}

// A capitalised name from `from` (after an article) that ends a few words before `until`,
// holding an organisation word; its type is the word's section.
std::optional<Actor> Assembly::NamedOrganisation(uint32_t from, uint32_t until) const {
  uint32_t first = from;
  while (first < until && Is(first, kArticle)) ++first;
  const std::optional<OrganisationName> org = OrganisationAt(in, lex, w, sections_at, first, until, nullptr);
  if (!org || until - org->last > 5) return std::nullopt;
  const uint32_t last = org->last;
  const std::string& type = org->type;
  // Between the name and the trigger: a bracketed acronym, auxiliaries, adverbs, a date.
  for (uint32_t j = last + 1; j < until; ++j) {
    if (w[j] == ","sv || w[j] == ";"sv) return std::nullopt;
  }
  return Actor{std::string(text.substr(tokens[first].span.begin, tokens[last].span.end - tokens[first].span.begin)),
               type, ""};
}

// What a trigger acts on when no actor of the lexicon comes first after it in its clause:
// a country or a demonym for an act outside ACLED (a statement, a sanction, an agreement:
// "accused Algeria of", "rejected an Egyptian proposal", "una propuesta egipcia"), and a
// post or base of the state for violence (`[target:<actor type>]`: "attacked a police
// post", "contre leur poste", "contra una base militar").
std::optional<Actor> Assembly::ObjectAfter(const Found& t, const Event& e, const ActorMention* after) const {
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
    if (w[i] == ","sv || w[i] == ";"sv || Is(i, kClauseEnd) || (actor_at[i] & 1)) break;
    if (statement) {
      // A country after "in" is where the act took place ("signed in Barbados").
      // But an envoy's country is the other side ("su embajador en México").
      const bool where = Is(i - 1, VEILLE_SECTION("locative")) && !(i >= 2 && Is(i - 2, VEILLE_SECTION("envoy")));
      for (size_t c = 0; c < country_actors.size() && !where; ++c) {
        if (country_first[c] == i) return country_actors[c].actor;
      }
      const LexiconEntry* d = Match(i, kDemonym);
      // Beside an actor or a person's name, a demonym says whose it is ("expresidente panameño
      // Ricardo Martinelli", "Kenyan President"), not that a government is acted on.
      const bool beside_actor = (i + 1 < w.size() && ((actor_at[i + 1] & 1) || Capitalised(i + 1))) ||
                                (i > 0 && (actor_at[i - 1] & 2));
      if (d && !d->args.empty() && !beside_actor) {
        return Actor{std::string(text.substr(tokens[i].span.begin, tokens[i].span.size())), "State forces", d->args[0]};
      }
    } else if (e.plover == "ASSAULT"sv) {
      if (const LexiconEntry* target = Match(i, VEILLE_SECTION("target:*"))) {
        const uint32_t last = i + static_cast<uint32_t>(target->words.size()) - 1;
        return Actor{std::string(text.substr(tokens[i].span.begin, tokens[last].span.end - tokens[i].span.begin)),
                     target->section.substr(target->section.find(':') + 1), ""};
      }
    }
  }
  return std::nullopt;
}

// The members of the subject of trigger `t` (actors of the lexicon and countries before it
// in its clause, from `clause_start`) that are coordinated with the first: only commas, a
// conjunction, articles, a demonym, or a bracketed acronym after a name ("la Organización
// de los Estados Americanos (OEA), la Unión Europea y ...") stand between two of them.
std::vector<const ActorMention*> Assembly::CoordinatedSubject(const Found& t, uint32_t clause_start) const {
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
    if (!ActsHere(c, *t.cls)) continue;
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
      conjunction = conjunction || w[i] == ","sv || Is(i, kConjunction);
      if (w[i] == ","sv || Is(i, kConjunction) || Is(i, kArticle) || Is(i, kDemonym)) continue;
      if (member_word || !conjunction || i + 1 >= to || !Is(i + 1, VEILLE_SECTION("genitive"))) return false;
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
}

// Whether a protest trigger follows trigger `t` closely in its clause: what a call or a threat
// is about ("called for a general strike", "a appelé à manifester", "convocó un paro").
bool Assembly::CallsForProtest(const Found& t) const {
  for (size_t g = static_cast<size_t>(&t - triggers.data()) + 1; g < triggers.size(); ++g) {
    const Found& next = triggers[g];
    if (next.sentence != t.sentence || next.first > t.last + 8) break;
    bool boundary = false;
    for (uint32_t i = t.last + 1; i < next.first && !boundary; ++i) boundary = w[i] == ";"sv || Is(i, kClauseEnd);
    if (boundary) break;
    if (next.cls->plover == "PROTEST"sv) return true;
  }
  const Sentence& s = in.segmented.sentences[t.sentence];
  // The call names its protest ("next protest", "annoncé une nouvelle journée de
  // mobilisation") or says it after.
  for (uint32_t i = t.first; i < s.first_token + s.token_count && i <= t.last + 8; ++i) {
    if (w[i] == ";"sv || Is(i, kClauseEnd)) break;
    if (Is(i, VEILLE_SECTION("protest-aim"))) return true;
  }
  return false;
}

void Assembly::ChooseSides() {
  actor_at.assign(w.size(), 0);
  for (const auto& [first, last] : actor_tokens) {
    actor_at[first] |= 1;
    actor_at[last] |= 2;
  }
  for (size_t k = 0; k < events.size(); ++k) {
    const Found& t = triggers[event_trigger[k]];
    const Sentence& sentence = in.segmented.sentences[t.sentence];
    // The clause: from the last ';' (or clause word) before the trigger.
    uint32_t clause_start = sentence.first_token;
    for (uint32_t i = sentence.first_token; i < t.first; ++i) {
      if (w[i] == ";"sv || Is(i, kClauseEnd)) clause_start = i + 1;
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
        for (uint32_t i = actor_tokens[a].second + 1; i < t.first && !own_act; ++i) own_act = Is(i, kPronoun) || Is(i, VEILLE_SECTION("possessive"));
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
          (Is(first - 1, kAgentWord) || (first >= 2 && Is(first - 2, kAgentWord)))) {
        agent = &actors[a];
      }
    }
    // "Une frappe de drone de l'armée malienne", "un ataque con drones del ELN contra una base":
    // an armed actor named after a violent noun by "of" ("de", "del") carries it out.
    if (!before && !agent && after && events[k].plover == "ASSAULT"sv && Armed(after->actor.type)) {
      const uint32_t first = TokenAt(tokens, after->span.begin);
      // "de l'armée": the article stands between; "du régime", "des militaires": the article is
      // the genitive word itself.
      const bool contracted = first >= 1 && Is(first - 1, kArticle) && Is(first - 1, VEILLE_SECTION("genitive"));
      const uint32_t of = first >= 1 && Is(first - 1, kArticle) && !contracted ? first - 1 : first;
      bool near = of >= 1 && of - 1 > t.last && of - 1 - t.last <= 3 && Is(of - 1, VEILLE_SECTION("genitive"));
      for (uint32_t i = t.last + 1; i + 1 < of && near; ++i) near = w[i] != ","sv && !MayStart(i, kActor);
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
    const std::vector<const ActorMention*> subjects = CoordinatedSubject(t, clause_start);
    // Every actor of a coordinated subject ("the African Union and the European Union called
    // for ...", "the United Nations, the EU and the United States condemned") makes its own
    // statement (docs/ontology.md: one event per actor of a statement); countries in the
    // list speak as their states.
    if (events[k].event_type.empty() && Unilateral(events[k].plover) && subjects.size() > 1) {
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
            ActsHere(c, *t.cls)) {
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
      bool pronoun = t.first == clause_start || (t.first == clause_start + 1 && Is(clause_start, kConjunction));
      for (uint32_t i = clause_start; i < t.first && !pronoun; ++i) {
        pronoun = Is(i, kPronoun) && !Is(i, VEILLE_SECTION("impersonal"));
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
    if (!before && !agent && !resolved) resolved = NamedOrganisation(clause_start, t.first);
    Event& e = events[k];
    if (resolved) e.actor1 = resolved;
    // What the trigger acts on, when named before any actor of the lexicon: a country or a
    // demonym for a statement ("accused Algeria", "una propuesta egipcia"), a post or a base of
    // the state for violence ("attacked a police post").
    std::optional<Actor> object = ObjectAfter(t, events[k], after);
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
          if (const LexiconEntry* target = Match(i, VEILLE_SECTION("target:*"))) {
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
        (t.cls->plover == "PROTEST"sv || CallsForProtest(t))) {
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
}

// A claim of responsibility ("The Islamic State group's regional affiliate claimed
// responsibility", "Le groupe JNIM a revendiqué l'attaque", "revendiqué par l'État
// islamique") names who carried out the story's violence where the text only said gunmen or
// a suicide bomber, or no one. A claim that no one made ("No group has claimed") names no one.
void Assembly::NameClaimant() {
  if (std::optional<Actor> claimant = ClaimantOf(in, lex, w, sections_at, actors, actor_tokens, is_source, [&](uint32_t i, const Sentence& s) {
        const LexiconEntry* mod = ModalityBefore(i, s);
        return mod && (mod->section == "modality:negation"sv || mod->section == "modality:denial"sv);
      })) {
    for (Event& e : events) {
      const bool armed_violence = e.plover == "ASSAULT"sv && (e.event_type == "Battles"sv ||
                                                            e.event_type == "Explosions/Remote violence"sv ||
                                                            e.event_type == "Violence against civilians"sv);
      if (armed_violence && (!e.actor1 || e.actor1->type == "Political militia"sv)) e.actor1 = claimant;
    }
  }
}

void Assembly::AddSpeakersStatements() {
  for (Extra& x : extra_events) {
    events.push_back(std::move(x.event));
    event_sentence.push_back(event_sentence[x.like]);
    event_trigger.push_back(event_trigger[x.like]);
  }
}

// "The UN condemned the attack": the condemnation is aimed at whoever carried the attack
// out, the actor1 of the story's first violent event (the one its lead tells).
void Assembly::AimCondemnations() {
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
}

// Figures: each goes to the event of its sentence whose trigger is nearest and fits its
// kind, else to the last fitting event earlier in the paragraph.
void Assembly::AssignFigures() {
  const auto& figures = in.recognized.figures;
  subsets.resize(events.size());
  dateline_end = DatelineEnd(in);
  for (const recognize::FigureFound& f : figures) {
    if (f.restated) continue;
    const uint32_t figure_token = TokenAt(tokens, f.span.begin);
    if (figure_token < tokens.size() && IsBackgroundCount(f.sentence, figure_token)) continue;
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
    if (best < 0) best = DemonstrationOfToll(f);
    if (best < 0) best = StoryEventOfLaterToll(f);
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
    if (best < 0 || CountedOverDays(f, best)) continue;
    events[best].figures.push_back(f.figure);
    subsets[best].Add(f.subset, RevisedToll(f));
  }
}

// The day a sentence tells (the date nearest its trigger, not the dateline's), else the
// last one told earlier in its paragraph.
std::optional<CivilDate> Assembly::DayTold(uint32_t sentence, uint32_t trigger_byte) const {
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
}

// A toll given later in the story with no fitting event of its own ("Hospital sources
// counted 43 dead") belongs to the last fitting event of the few sentences before it; but
// an event told in between on an earlier day and with no toll of its own ("Fighting had
// broken out on Friday") is background: the toll goes to the later happening that has one.
int Assembly::StoryEventOfLaterToll(const recognize::FigureFound& f) const {
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
    return DayTold(event_sentence[k], tokens[triggers[event_trigger[k]].first].span.begin);
  };
  const auto near_day = day_of(nearest), holder_day = day_of(holder);
  if (near_day && holder_day && recognize::DaysFromCivil(*near_day) < recognize::DaysFromCivil(*holder_day)) return holder;
  return nearest;
}

// A toll of a demonstration's sentence with no violent event of its own ("des
// manifestations ... qui ont fait une cinquantaine de morts") is the demonstration's: force
// killed or wounded people at it (excessive force, until the story says the crowd rioted).
int Assembly::DemonstrationOfToll(const recognize::FigureFound& f) {
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
}

// A toll said to have risen ("the toll had risen to 17", "le bilan s'est alourdi à 23
// morts", "la cifra de muertos ascendió a 23"): a revision word in the figure or just before.
bool Assembly::RevisedToll(const recognize::FigureFound& f) const {
  const SectionId kTollRevised = VEILLE_SECTION("toll-revised");
  if (f.figure.kind != "killed"sv || f.subset) return false;
  const uint32_t first = TokenAt(tokens, f.span.begin), end = TokenAt(tokens, f.span.end);
  const uint32_t sentence_first = in.segmented.sentences[f.sentence].first_token;
  for (uint32_t i = first > sentence_first + 6 ? first - 6 : sentence_first; i < end; ++i) {
    if (Is(i, kTollRevised)) return true;
  }
  return false;
}

// A toll counted since a day well before the event's ("24 muertos desde el 28 de abril",
// "31 morts depuis le 10 juin") sums many days: it is no figure of that event.
bool Assembly::CountedOverDays(const recognize::FigureFound& f, int k) const {
  const SectionId kSince = VEILLE_SECTION("since");
  if (f.figure.kind != "killed"sv && f.figure.kind != "injured"sv && f.figure.kind != "missing"sv) return false;
  const uint32_t first = TokenAt(tokens, f.span.begin), last = TokenAt(tokens, f.span.end);
  for (const recognize::Date& d : in.recognized.dates) {
    if (d.sentence != f.sentence || !d.date.value) continue;
    const uint32_t at = TokenAt(tokens, d.span.begin);
    if (!Is(at, kSince) || at + 6 < first || at > last + 6) continue;
    const auto day = DayTold(event_sentence[k], tokens[triggers[event_trigger[k]].first].span.begin);
    if (day && recognize::DaysFromCivil(*day) - recognize::DaysFromCivil(*d.date.value) > 3) return true;
  }
  return false;
}

}  // namespace veille::assemble
