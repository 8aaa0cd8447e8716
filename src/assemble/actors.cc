#include "assemble/actors.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <unordered_map>

#include "places/key.h"

namespace veille::assemble {

using recognize::LexiconEntry;
using recognize::SectionId;
using namespace std::string_view_literals;  // as in assemble.cc: size checked before bytes

namespace {

// The index of the first token that starts at or after `byte`.
uint32_t FirstTokenAt(const std::vector<Token>& tokens, uint32_t byte) {
  return static_cast<uint32_t>(std::lower_bound(tokens.begin(), tokens.end(), byte,
                                                [](const Token& tok, uint32_t b) { return tok.span.begin < b; }) -
                               tokens.begin());
}

// The longest entry of `section` that ends at token `last` and starts at most three tokens
// before it, not before `begin`.
const LexiconEntry* EndingAt(const recognize::Lexicon& lex, const recognize::Words& w, uint32_t begin, uint32_t last,
                             SectionId section, uint32_t& first) {
  for (uint32_t back = 3; back-- > 0;) {
    if (last < begin + back) continue;
    const LexiconEntry* e = lex.Match(w, last - back, section);
    if (e && e->words.size() == back + 1) {
      first = last - back;
      return e;
    }
  }
  return nullptr;
}

}  // namespace

std::optional<OrganisationName> OrganisationAt(const Input& in, const recognize::Lexicon& lex,
                                              const recognize::Words& w, const SectionsAt& at, uint32_t first,
                                              uint32_t end, const std::vector<uint8_t>* taken) {
  const auto& tokens = in.segmented.tokens;
  auto upper = [&](uint32_t i) {
    return places::StartsUpper(in.normalized.text.substr(tokens[i].span.begin, tokens[i].span.size()));
  };
  const SectionId kOrg = VEILLE_SECTION("org:*");
  // Asked about most words of a name: the lexicon only where an entry of the section may start.
  auto match = [&](uint32_t i, SectionId section) { return MayStartAt(at, i, section) ? lex.Match(w, i, section) : nullptr; };
  auto is = [&](uint32_t i, SectionId section) { return match(i, section) != nullptr; };
  uint32_t last = UINT32_MAX;
  std::string type;
  for (uint32_t j = first; j < end && !(taken && (*taken)[j]); ++j) {
    // An organisation word belongs to the name even in lower case ("Ligue des droits de
    // l'homme").
    if (const LexiconEntry* org = last != UINT32_MAX || upper(j) ? match(j, kOrg) : nullptr) {
      if (type.empty()) type = org->section.substr(4);
      last = std::min(end - 1, j + static_cast<uint32_t>(org->words.size()) - 1);
      j = last;
      continue;
    }
    if (upper(j)) {
      last = j;
      continue;
    }
    if (last == UINT32_MAX || w[j] == ","sv || w[j] == "("sv || w[j] == ";"sv) break;
    // "of", "de", "du": a link to the rest of the name.
    const bool link = (is(j, VEILLE_SECTION("name-link")) || is(j, VEILLE_SECTION("article"))) && j + 1 < end &&
                      (upper(j + 1) || MayStartAt(at, j + 1, kOrg));
    bool org_ahead = false;  // "Front populaire de libération"
    for (uint32_t k = j + 1; k < end && k <= j + 2 && !org_ahead && !link; ++k) {
      if (w[k] == ","sv || w[k] == "("sv || (taken && (*taken)[k])) break;
      org_ahead = match(k, kOrg) != nullptr;
    }
    if (!link && !org_ahead) break;
  }
  if (type.empty() || last == UINT32_MAX) return std::nullopt;
  return OrganisationName{last, type};
}

void AddUnlistedActors(const Input& in, const recognize::Lexicon& lex, const recognize::Words& w, const SectionsAt& at,
                       std::vector<ActorMention>& actors, std::vector<TokenRange>& actor_tokens,
                       std::vector<bool>& postposed) {
  const auto& tokens = in.segmented.tokens;
  const std::string_view text = in.normalized.text;
  if (w.size() == 0) return;
  auto words_of = [&](uint32_t a, uint32_t b) {
    return std::string(text.substr(tokens[a].span.begin, tokens[b].span.end - tokens[a].span.begin));
  };
  auto upper = [&](uint32_t i) { return places::StartsUpper(text.substr(tokens[i].span.begin, tokens[i].span.size())); };
  const SectionId kDemonym = VEILLE_SECTION("demonym");
  const SectionId kArmedNoun = VEILLE_SECTION("armed-noun");
  const SectionId kOrg = VEILLE_SECTION("org:*");
  const SectionId kArticle = VEILLE_SECTION("article");
  auto is = [&](uint32_t i, SectionId section) { return i < w.size() && lex.Match(w, i, section) != nullptr; };

  std::vector<uint8_t> taken(w.size(), 0);  // inside an actor mention
  for (const auto& [first, last] : actor_tokens) std::fill(taken.begin() + first, taken.begin() + last + 1, 1);
  // Words that are no part of a person's name: places and dates.
  std::vector<uint8_t> not_name(w.size(), 0);
  auto mark = [&](Span span) {
    for (uint32_t k = FirstTokenAt(tokens, span.begin); k < tokens.size() && tokens[k].span.begin < span.end; ++k) not_name[k] = 1;
  };
  if (in.places) {
    for (const places::PlaceMention& pm : in.places->mentions) mark(pm.span);
  }
  for (const recognize::Date& d : in.recognized.dates) mark(d.span);

  // A former office holder is a private person: "Former Panamanian president", "l'ancien
  // président", "el ex presidente" (a demonym may stand between).
  const SectionId kFormer = VEILLE_SECTION("former");
  for (size_t a = 0; a < actors.size(); ++a) {
    uint32_t k = actor_tokens[a].first;
    if (actors[a].actor.type != "State forces"sv || k == 0) continue;
    if (k >= 2 && lex.Match(w, k - 1, kDemonym)) --k;
    if (is(k - 1, kFormer)) actors[a].actor.type = "Civilians";
  }

  std::vector<ActorMention> found;
  std::vector<TokenRange> found_tokens;
  auto add = [&](uint32_t first, uint32_t last, uint32_t si, Actor actor) {
    std::fill(taken.begin() + first, taken.begin() + last + 1, 1);
    found.push_back({Span{tokens[first].span.begin, tokens[last].span.end}, si, std::move(actor)});
    found_tokens.push_back({first, last});
  };

  // Persons named after a title: the title's actor, by surname.
  struct Person {
    std::string surname;
    Actor actor;
    uint32_t first, last;  // the name's tokens where it was introduced
  };
  std::vector<Person> persons;

  for (uint32_t si = 0; si < in.segmented.sentences.size(); ++si) {
    const Sentence& s = in.segmented.sentences[si];
    const uint32_t begin = s.first_token, end = s.first_token + s.token_count;
    // A state's military: "Russian artillery", "Two Russian rockets", "l'artillerie russe",
    // "les frappes aériennes russes", "drones ucranianos". The mention is the demonym, so that
    // it stands where the noun stands (before its verb, or after its noun).
    for (uint32_t i = begin; i < end; ++i) {
      if (taken[i] || !MayStartAt(at, i, kDemonym)) continue;
      const LexiconEntry* d = lex.Match(w, i, kDemonym);
      if (!d || d->args.empty()) continue;
      const uint32_t next = i + static_cast<uint32_t>(d->words.size());
      if (next > end) continue;
      // The noun before the demonym first ("la artillería rusa bombardeó": not the verb after).
      uint32_t noun_first = i;
      const LexiconEntry* before =
          i == begin || taken[i - 1] ? nullptr : EndingAt(lex, w, begin, i - 1, kArmedNoun, noun_first);
      const LexiconEntry* noun = !before && next < end && !taken[next] ? lex.Match(w, next, kArmedNoun) : nullptr;
      if (!noun && !before) continue;
      const std::string name =
          noun ? words_of(i, next + static_cast<uint32_t>(noun->words.size()) - 1) : words_of(noun_first, next - 1);
      add(i, next - 1, si, Actor{name, "State forces", d->args[0]});
      if (before) postposed[i] = true;
      i = next - 1;
    }
    // Organisations the lexicon does not know, named with an organisation word: "the Kivu
    // Popular Liberation Front", "el Frente Popular de Liberación de Kivu", "le Front
    // populaire de libération du Kivu" (lower-case words lead to an organisation word).
    for (uint32_t i = begin; i < end; ++i) {
      if (taken[i] || !upper(i) || is(i, kArticle)) continue;
      const std::optional<OrganisationName> org = OrganisationAt(in, lex, w, at, i, end, &taken);
      // One capitalised word alone ("Party officials said") is not a name.
      if (!org || org->last == i) continue;
      add(i, org->last, si, Actor{words_of(i, org->last), org->type, ""});
      i = org->last;
    }
  }
  // Persons named after a title of the lexicon: "opposition leader Ousmane Sonko", "Kenyan
  // President William Ruto", "le président kazakh, Kassym-Jomart Tokaïev".
  for (size_t a = 0; a < actors.size(); ++a) {
    const auto [first, last] = actor_tokens[a];
    const Sentence& s = in.segmented.sentences[actors[a].sentence];
    const uint32_t end = s.first_token + s.token_count;
    uint32_t k = last + 1;
    if (const LexiconEntry* d = k < end ? lex.Match(w, k, kDemonym) : nullptr) k += static_cast<uint32_t>(d->words.size());
    if (k < end && w[k] == ","sv) ++k;
    const uint32_t name_first = k;
    while (k < end && k - name_first < 4 && upper(k) && !taken[k] && !not_name[k] && !lex.Match(w, k, kDemonym) &&
           !lex.MayStart(w, k, kOrg)) {
      ++k;
    }
    if (k == name_first || (k < end && upper(k))) continue;
    const uint32_t name_last = k - 1;
    Actor person = actors[a].actor;
    person.name = words_of(name_first, name_last) + " (" + person.name + ")";
    persons.push_back({std::string(w[name_last]), person, name_first, name_last});
    std::fill(taken.begin() + name_first, taken.begin() + name_last + 1, 1);
  }
  if (!persons.empty()) {
    std::unordered_map<std::string, size_t> by_surname;
    for (size_t p = 0; p < persons.size(); ++p) by_surname.emplace(persons[p].surname, p);
    for (uint32_t si = 0; si < in.segmented.sentences.size(); ++si) {
      const Sentence& s = in.segmented.sentences[si];
      for (uint32_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
        if (taken[i] || not_name[i] || !upper(i)) continue;
        auto it = by_surname.find(std::string(w[i]));
        if (it == by_surname.end()) continue;
        add(i, i, si, persons[it->second].actor);
      }
    }
  }
  if (found.empty()) return;
  // Back in text order, with their token ranges alongside.
  for (size_t f = 0; f < found.size(); ++f) {
    actors.push_back(std::move(found[f]));
    actor_tokens.push_back(found_tokens[f]);
  }
  std::vector<size_t> order(actors.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return actor_tokens[x].first < actor_tokens[y].first; });
  std::vector<ActorMention> sorted_actors;
  std::vector<TokenRange> sorted_tokens;
  sorted_actors.reserve(order.size());
  sorted_tokens.reserve(order.size());
  for (size_t o : order) {
    sorted_actors.push_back(std::move(actors[o]));
    sorted_tokens.push_back(actor_tokens[o]);
  }
  actors = std::move(sorted_actors);
  actor_tokens = std::move(sorted_tokens);
}

std::optional<Actor> ClaimantOf(const Input& in, const recognize::Lexicon& lex, const recognize::Words& w,
                                const SectionsAt& at, const std::vector<ActorMention>& actors, const std::vector<TokenRange>& actor_tokens,
                                const std::vector<bool>& is_source,
                                const std::function<bool(uint32_t, const Sentence&)>& negated) {
  const SectionId kClaim = VEILLE_SECTION("claim");
  const SectionId kArticle = VEILLE_SECTION("article");
  auto non_state_armed = [](const std::string& type) {
    return type == "Rebel group"sv || type == "Political militia"sv || type == "Identity militia"sv;
  };
  for (uint32_t si = 0; si < in.segmented.sentences.size(); ++si) {
    const Sentence& s = in.segmented.sentences[si];
    for (uint32_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
      if (!MayStartAt(at, i, kClaim)) continue;
      const LexiconEntry* c = lex.Match(w, i, kClaim);
      if (!c || negated(i, s)) continue;
      const uint32_t after = i + static_cast<uint32_t>(c->words.size());
      const uint32_t agent = after < w.size() && lex.Match(w, after, kArticle) ? after + 1 : after;
      for (size_t a = 0; a < actors.size(); ++a) {
        if (actors[a].sentence != si || is_source[a] || !non_state_armed(actors[a].actor.type)) continue;
        const auto [first, last] = actor_tokens[a];
        if (last < i || first == agent || first == after) return actors[a].actor;
      }
    }
  }
  return std::nullopt;
}

std::optional<std::pair<size_t, size_t>> SidesAfterTrigger(const recognize::Lexicon& lex, const recognize::Words& w,
                                                           uint32_t trigger_last, uint32_t sentence_end,
                                                           const std::vector<TokenRange>& actor_tokens,
                                                           const std::vector<size_t>& candidates) {
  auto is = [&](uint32_t i, SectionId section) { return i < w.size() && lex.Match(w, i, section) != nullptr; };
  const SectionId kClauseEnd = VEILLE_SECTION("clause-end");
  auto boundary = [&](uint32_t i) { return w[i] == ","sv || w[i] == ";"sv || is(i, kClauseEnd); };
  size_t c = 0;
  while (c < candidates.size() && actor_tokens[candidates[c]].first <= trigger_last) ++c;
  // One side named twice over ("des miliciens Wazalendo", "militiamen of the Fano"): the name.
  while (c + 1 < candidates.size() && actor_tokens[candidates[c + 1]].first == actor_tokens[candidates[c]].second + 1) ++c;
  if (c + 1 >= candidates.size()) return std::nullopt;
  const auto [first_a, last_a] = actor_tokens[candidates[c]];
  const auto [first_b, last_b] = actor_tokens[candidates[c + 1]];
  if (first_a - trigger_last > 6 || last_b >= sentence_end || first_b <= last_a) return std::nullopt;
  for (uint32_t i = trigger_last + 1; i < first_a; ++i) {
    if (boundary(i)) return std::nullopt;
  }
  if (first_b - last_a > 4) return std::nullopt;
  size_t b = c + 1;
  while (b + 1 < candidates.size() && actor_tokens[candidates[b + 1]].first == actor_tokens[candidates[b]].second + 1) ++b;
  bool joined = false;
  for (uint32_t i = last_a + 1; i < first_b; ++i) {
    const bool join = is(i, VEILLE_SECTION("conjunction")) || is(i, VEILLE_SECTION("side-join"));
    if (!join && !is(i, VEILLE_SECTION("article")) && !is(i, VEILLE_SECTION("demonym"))) return std::nullopt;
    joined = joined || join;
  }
  if (!joined) return std::nullopt;
  return std::pair{candidates[c], candidates[b]};
}

std::optional<size_t> PostverbalSubject(const Input& in, const recognize::Lexicon& lex, const recognize::Words& w,
                                        const Sentence& s, uint32_t trigger_first, uint32_t trigger_last,
                                        const std::vector<TokenRange>& actor_tokens,
                                        const std::vector<size_t>& candidates) {
  const auto& tokens = in.segmented.tokens;
  for (uint32_t i = s.first_token; i < trigger_first; ++i) {
    bool in_date = false;
    for (const recognize::Date& d : in.recognized.dates) {
      in_date = in_date || (d.span.begin <= tokens[i].span.begin && tokens[i].span.end <= d.span.end);
    }
    if (!in_date) return std::nullopt;
  }
  size_t c = 0;
  while (c < candidates.size() && actor_tokens[candidates[c]].first <= trigger_last) ++c;
  if (c == candidates.size()) return std::nullopt;
  const uint32_t first = actor_tokens[candidates[c]].first;
  if (first - trigger_last > 4) return std::nullopt;
  for (uint32_t i = trigger_last + 1; i < first; ++i) {
    if (w[i] == ","sv || w[i] == ";"sv || lex.Match(w, i, VEILLE_SECTION("object-marker"))) return std::nullopt;
  }
  return c;
}

std::vector<std::pair<ActorMention, uint32_t>> CapitalActors(const Input& in, const recognize::Lexicon& lex,
                                                             const recognize::Words& w, const SectionsAt& at) {
  std::vector<std::pair<ActorMention, uint32_t>> out;
  const SectionId kCapital = VEILLE_SECTION("capital");
  const SectionId kInPlace = VEILLE_SECTION("in-place");
  const auto& tokens = in.segmented.tokens;
  for (uint32_t si = 0; si < in.segmented.sentences.size(); ++si) {
    const Sentence& s = in.segmented.sentences[si];
    for (uint32_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
      if (!MayStartAt(at, i, kCapital)) continue;
      const LexiconEntry* c = lex.Match(w, i, kCapital);
      if (!c || c->args.empty()) continue;
      const uint32_t last = i + static_cast<uint32_t>(c->words.size()) - 1;
      if (last >= s.first_token + s.token_count) continue;
      if (i > s.first_token && lex.Match(w, i - 1, kInPlace)) continue;
      // The dateline's city ("NIAMEY, Aug 5 (Veille Wire) -") is where the story was filed.
      bool dateline = false;
      if (in.places) {
        for (const places::PlaceMention& pm : in.places->mentions) {
          dateline = dateline || (pm.dateline && pm.span.begin <= tokens[i].span.begin && tokens[i].span.begin < pm.span.end);
        }
      }
      if (dateline) continue;
      const Span span{tokens[i].span.begin, tokens[last].span.end};
      out.push_back({ActorMention{span, si,
                                  Actor{std::string(in.normalized.text.substr(span.begin, span.size())), "State forces",
                                        c->args[0]}},
                     i});
      i = last;
    }
  }
  return out;
}

}  // namespace veille::assemble
