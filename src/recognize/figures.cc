#include "recognize/figures.h"

#include <algorithm>
#include <optional>

namespace veille::recognize {

namespace {

// "cue:killed" -> "killed"; "person:civilians" -> "civilians".
std::string Suffix(const std::string& section) {
  size_t colon = section.find(':');
  return colon == std::string::npos ? std::string() : section.substr(colon + 1);
}

bool IsPunct(const std::vector<Token>& tokens, uint32_t i) { return tokens[i].kind == TokenKind::kPunct; }
bool IsQuote(std::string_view w) {
  return w == "\"" || w == "'" || w == "(" || w == ")" || w == "«" || w == "»" || w == "“" || w == "”" ||
         w == "‘" || w == "’";
}

// A word written with a capital, as names are: ASCII or a two-byte Latin capital (É, Á).
bool IsCapitalized(std::string_view text, const Token& token) {
  if (token.kind != TokenKind::kWord || token.span.begin >= text.size()) return false;
  const auto first = static_cast<unsigned char>(text[token.span.begin]);
  if (first >= 'A' && first <= 'Z') return true;
  if (first != 0xC3 || token.span.begin + 1 >= text.size()) return false;
  const auto second = static_cast<unsigned char>(text[token.span.begin + 1]);
  return second >= 0x80 && second <= 0x9E;
}

bool HasArg(const LexiconEntry* e, std::string_view arg) {
  if (!e) return false;
  for (const std::string& a : e->args) {
    if (a == arg) return true;
  }
  return false;
}

constexpr uint32_t kMaxAux = 5;          // auxiliaries, adverbs and quotes between people and cue
constexpr uint32_t kMaxCueHops = 3;      // link phrases between a cue and its number
// Words between a toll noun and its number: "el número de muertos por el ataque del viernes
// contra un mercado de Kayes subió a 37".
constexpr uint32_t kMaxTollGap = 14;
constexpr uint32_t kMaxUnknownWords = 3; // unlisted words in a noun phrase ("suspected Islamic State militants")

// What follows a number: the people it counts, a noun that makes it a figure, and where the
// noun phrase ends.
struct Phrase {
  const LexiconEntry* person = nullptr;  // the head person noun, for the group
  const LexiconEntry* noun = nullptr;    // "dead", "morts", "heridos"
  uint32_t last = 0;                     // last token of the noun phrase
  bool has_words = false;                // the phrase holds words (not just the number)
};

}  // namespace

Result<FigureRecognizer> FigureRecognizer::Create(std::string_view lang) {
  auto lex = LoadLexicon(lang, "figures");
  if (!lex) return Err(lex.error());
  FigureRecognizer r;
  r.lex_ = std::move(*lex);
  return r;
}

const LexiconEntry* FigureRecognizer::EndingAt(const Words& w, uint32_t earliest, uint32_t end_exclusive,
                                               SectionId section, uint32_t* start) const {
  const LexiconEntry* best = nullptr;
  for (uint32_t s = end_exclusive; s-- > earliest;) {
    const LexiconEntry* e = lex_.Match(w, s, section);
    if (e && s + e->words.size() > end_exclusive) {
      // The longest entry here runs past the end ("dont au moins" before the number "au
      // moins 1 167"): a shorter one may still end there. Rare, so the copy is cheap enough.
      std::vector<uint32_t> upto;
      for (uint32_t k = s; k < end_exclusive; ++k) upto.push_back(k);
      const Words head(w, upto);
      e = lex_.Match(head, 0, section);
    }
    if (e && s + e->words.size() == end_exclusive && (!best || e->words.size() > best->words.size())) {
      best = e;
      *start = s;
    }
    if (end_exclusive - s > 6) break;
  }
  return best;
}

std::vector<FigureMention> FigureRecognizer::Recognize(std::string_view text, const std::vector<Token>& tokens,
                                                       const Words& w, uint32_t begin, uint32_t end,
                                                       const std::vector<NumberMention>& numbers,
                                                       const std::vector<std::pair<uint32_t, uint32_t>>& dates) const {
  std::vector<FigureMention> out;
  auto match = [&](uint32_t i, SectionId section) -> const LexiconEntry* {
    return i < end ? lex_.Match(w, i, section) : nullptr;
  };
  auto len = [](const LexiconEntry* e) { return static_cast<uint32_t>(e->words.size()); };
  // Longest person noun or figure noun at i.
  auto people_or_noun = [&](uint32_t i, const LexiconEntry** person, const LexiconEntry** noun) {
    *person = match(i, VEILLE_SECTION("person:*"));
    *noun = match(i, VEILLE_SECTION("noun:*"));
    if (*person && *noun) {
      if (len(*noun) >= len(*person)) *person = nullptr;
      else *noun = nullptr;
    }
  };
  // A word that a noun phrase may hold without the lexicon knowing it ("opposition",
  // "gilets", "colombianos"): a plain word that is no cue, unit, auxiliary or label.
  auto free_word = [&](uint32_t i) {
    return i < end && tokens[i].kind == TokenKind::kWord && w[i].size() >= 4 && !match(i, VEILLE_SECTION("link")) &&
           !match(i, VEILLE_SECTION("cue:*")) && !match(i, VEILLE_SECTION("after:*")) &&
           !match(i, VEILLE_SECTION("aux")) && !match(i, VEILLE_SECTION("unit")) && !match(i, VEILLE_SECTION("source-before")) && !match(i, VEILLE_SECTION("source-verb")) &&
           !match(i, VEILLE_SECTION("subset")) && !match(i, VEILLE_SECTION("conjunction")) && !match(i, VEILLE_SECTION("phrase-end")) &&
           !match(i, VEILLE_SECTION("restate-after")) && !match(i, VEILLE_SECTION("complement"));
  };
  // People, or a possessive noun ("fishermen's"): what an adjective before them describes.
  auto names_people = [&](uint32_t i) {
    return i < end && (match(i, VEILLE_SECTION("person:*")) || (tokens[i].kind == TokenKind::kWord && w.Has(i, Words::kPossessive)));
  };
  // The length of an age before a person noun ("9-year-old", "26-year-old"), else 0.
  auto age_at = [&](uint32_t i) -> uint32_t {
    if (i >= end || tokens[i].kind != TokenKind::kNumber) return 0;
    uint32_t k = i + 1;
    if (k < end && w[k] == "-") ++k;
    const LexiconEntry* age = match(k, VEILLE_SECTION("age-adjective"));
    return age ? k + len(age) - i : 0;
  };
  // The people a bare number counts when they are named just before it: "Les manifestants
  // étaient 448 000", "Des manifestants, environ 3 000, ...", "Los manifestantes numeraron
  // cerca de 10.000".
  auto subject_before = [&](uint32_t first) -> const LexiconEntry* {
    uint32_t e = first, s = 0;
    if (e > begin && (w[e - 1] == "," || w[e - 1] == "—")) --e;  // "Demonstrators — 1.5 million"
    else if (EndingAt(w, begin, e, VEILLE_SECTION("subject-link"), &s)) e = s;
    const LexiconEntry* people = e > begin ? EndingAt(w, begin, e, VEILLE_SECTION("person:*"), &s) : nullptr;
    return people && !HasArg(people, "inherit") ? people : nullptr;
  };
  // An object after a verb: a count or people, perhaps after an article ("killed the two
  // hostages", "mataron a un policía", "mató al menos a 14 personas").
  // With `named`, an unlisted word after an article is an object too ("killed the mayor",
  // "ont abattu le maire", "asesinaron al alcalde"), unless it tells a time ("killed the day
  // before", "asesinados el martes", [object-time]).
  auto object_at = [&](uint32_t o, bool named = false) {
    bool article = false;
    for (int k = 0; k < 3 && o < end; ++k) {
      if (match(o, VEILLE_SECTION("person:*"))) return true;
      for (const NumberMention& m : numbers) {
        if (m.first == o || m.number_first == o) return true;
      }
      const LexiconEntry* start = match(o, VEILLE_SECTION("object-start"));
      if (!start) break;
      o += len(start);
      article = true;
    }
    return named && article && o < end && tokens[o].kind == TokenKind::kWord && !match(o, VEILLE_SECTION("object-time")) &&
           !match(o, VEILLE_SECTION("unit")) && !match(o, VEILLE_SECTION("cue:*")) && !match(o, VEILLE_SECTION("after:*")) &&
           !match(o, VEILLE_SECTION("noun:*")) && !match(o, VEILLE_SECTION("aux"));
  };
  // The last token of the date that starts at k ("ayer", "on Monday", "este domingo").
  auto date_from = [&](uint32_t k) -> std::optional<uint32_t> {
    for (const auto& [a, b] : dates) {
      if (a == k) return b;
    }
    return std::nullopt;
  };
  // Words that may stand inside a crowd's cue without changing it: a date or a short adverb
  // ("salieron ayer a las calles", "salieron este domingo de nuevo a las calles", "took again
  // to the streets"). The length of such a stretch at k, else 0.
  auto inner_gap = [&](uint32_t k) -> uint32_t {
    if (auto d = date_from(k)) return *d + 1 - k;
    if (const LexiconEntry* adv = match(k, VEILLE_SECTION("adverb"))) return len(adv);
    return 0;
  };
  // An entry of `section` read at r across dates and adverbs inside it; its last word goes
  // to `last`. Only an entry that a gap splits: one read without a gap is matched plainly.
  auto match_across = [&](uint32_t r, SectionId section, uint32_t* last) -> const LexiconEntry* {
    bool gap = false;
    for (uint32_t k = r + 1; k < end && k <= r + 4 && !gap; ++k) gap = inner_gap(k) > 0;
    if (!gap) return nullptr;
    std::vector<uint32_t> kept;
    for (uint32_t k = r; k < end && kept.size() < 8 && k < r + 16;) {
      if (IsPunct(tokens, k) && !IsQuote(w[k]) && w[k] != "'") break;
      if (const uint32_t skip = k > r ? inner_gap(k) : 0) {
        k += skip;
        continue;
      }
      kept.push_back(k++);
    }
    const Words view(w, kept);
    const LexiconEntry* e = lex_.Match(view, 0, section);
    if (!e || e->words.size() > kept.size()) return nullptr;
    const uint32_t l = kept[e->words.size() - 1];
    if (l == r + len(e) - 1) return nullptr;  // no gap inside it
    *last = l;
    return e;
  };
  // A thing a verb acts on, with no article or after one: "burned tyres", "brûlé des pneus",
  // "burned the flag".
  // A unit that tells a time ("days later", "the day before") is no object.
  auto thing_object = [&](uint32_t o) {
    if (o >= end || tokens[o].kind != TokenKind::kWord) return false;
    if (const LexiconEntry* start = match(o, VEILLE_SECTION("object-start"))) o += len(start);
    return o < end && match(o, VEILLE_SECTION("unit")) && !match(o, VEILLE_SECTION("object-time")) && !date_from(o);
  };
  // A crowd is counted whatever it does: "Hundreds of protesters burned the flag" is a crowd,
  // where "Two gunmen killed a policeman" counts no one.
  auto crowd_people = [&](const LexiconEntry* person) {
    return person && (Suffix(person->section) == "protesters" || HasArg(person, "mobilised"));
  };
  bool mixed_groups = false;
  bool own_link = false;  // the people are "theirs": "14 de sus miembros", "two of its men"
  bool own_of_thing = false;  // ... and "its": the owner is a force or an organisation, never people
  auto parse_phrase = [&](uint32_t j, uint32_t number_last, bool weak) {
    Phrase ph;
    mixed_groups = false;
    own_link = false;
    own_of_thing = false;
    ph.last = number_last;
    uint32_t p = j;
    if (p < end && IsQuote(w[p]) && w[p] != "(") ++p;  // "'no fewer than 60' soldiers", "« des dizaines » de"
    for (int links = 0; links < 2; ++links) {
      const LexiconEntry* l = match(p, VEILLE_SECTION("link"));
      if (!l) break;
      if (HasArg(l, "own")) own_link = true;  // "5 of their men", "deux de ses hommes"
      if (HasArg(l, "its")) own_of_thing = true;  // "7 of its delegates": an organisation's, not people's
      p += len(l);
    }
    const LexiconEntry *person = nullptr, *noun = nullptr;
    people_or_noun(p, &person, &noun);
    uint32_t unknown = 0;
    if (weak && age_at(p)) {
      // "a 9-year-old boy": the age stands between the article and the people it counts.
      const uint32_t age = age_at(p);
      people_or_noun(p + age, &person, &noun);
      if (person) p += age;
      else noun = nullptr;
    }
    uint32_t across_last = 0;  // a cue split by a date or an adverb ends the phrase: "panameños salieron ayer a las calles"
    while (!person && !noun && unknown < kMaxUnknownWords && free_word(p) && !weak && !date_from(p) &&
           !match_across(p, VEILLE_SECTION("after:*"), &across_last)) {
      // "Two opposition leaders", "des gilets jaunes": unlisted words before the cue.
      ++p;
      ++unknown;
      people_or_noun(p, &person, &noun);
    }
    if (!person && !noun) {
      if (unknown > 0) {
        ph.last = p - 1;
        ph.has_words = true;
      } else if (p > j) {
        ph.last = p - 1;  // "dix-sept d'entre eux ont été blessés", "12 other were wounded"
      }
      // "37 entre los manifestantes", "11 among the insurgents".
      if (const LexiconEntry* among = match(ph.last + 1, VEILLE_SECTION("group-prep"))) {
        uint32_t r = ph.last + 1 + len(among);
        if (const LexiconEntry* det = match(r, VEILLE_SECTION("link"))) r += len(det);
        if (const LexiconEntry* p2 = match(r, VEILLE_SECTION("person:*"))) {
          ph.person = p2;
          ph.last = r + len(p2) - 1;
          ph.has_words = true;
        }
      }
      return ph;
    }
    uint32_t q = p + len(person ? person : noun);
    ph.person = person;
    ph.noun = noun;
    // Chains: "rebel fighters", "members of the security forces", "civils tués", "heridos
    // entre los policías".
    for (int k = 0; k < 3; ++k) {
      uint32_t r = q;
      // Up to two links: "membres de la police", "integrantes de la Policía Nacional".
      for (int links = 0; links < 2; ++links) {
        const LexiconEntry* l = match(r, VEILLE_SECTION("link"));
        if (!l) break;
        r += len(l);
      }
      const LexiconEntry *p2 = nullptr, *n2 = nullptr;
      people_or_noun(r, &p2, &n2);
      // Before people a figure noun is their adjective: "people from the missing fishermen's
      // village" counts no one missing.
      if (n2 && r > q && names_people(r + len(n2))) n2 = nullptr;
      // "members of the rebel militia", "miembros de la banda criminal": an organisation
      // names the group of its members, though it counts no one itself.
      if (!p2 && !n2 && ph.person && r > q) p2 = match(r, VEILLE_SECTION("organisation:*"));
      if (!p2 && !n2 && free_word(q) && ph.person) {
        // One unlisted word between people and a noun: "familles indígenas desplazadas".
        people_or_noun(q + 1, &p2, &n2);
        p2 = nullptr;  // not a second group: "agentes de la Policía Nacional Civil"
        if (n2) r = q + 1;
      }
      if (p2) {
        // The head noun decides when it says who people are: "vecinos de los mineros" are
        // residents, "partisans des militaires" support them ([keeps-group]); "members of the
        // police", "people from the village" take the group after.
        const bool head_decides =
            r > q && ph.person && (Suffix(ph.person->section) != "unknown" || HasArg(ph.person, "keeps-group"));
        if (!HasArg(p2, "inherit") && !head_decides) ph.person = p2;
        q = r + len(p2);
      } else if (n2 && !ph.noun) {
        ph.noun = n2;
        q = r + len(n2);
      } else {
        break;
      }
    }
    // "37 policiers et gendarmes", "350 policías y gendarmes": people of one group.
    if (ph.person && match(q, VEILLE_SECTION("conjunction"))) {
      uint32_t r = q + 1;
      if (const LexiconEntry* l = match(r, VEILLE_SECTION("link"))) r += len(l);  // "civils et de soldats"
      const LexiconEntry* p2 = match(r, VEILLE_SECTION("person:*"));
      // "lost 12 soldiers and border guards reported that ...": people with a verb of their
      // own start the next clause.
      if (p2) {
        const uint32_t after_p2 = r + len(p2);
        uint32_t v = after_p2;
        while (v < after_p2 + 3 && match(v, VEILLE_SECTION("source-aux"))) ++v;
        if (match(v, VEILLE_SECTION("source-verb"))) p2 = nullptr;
      }
      if (p2 && !HasArg(p2, "inherit")) {
        // People of two groups counted together have no single group.
        if (p2->section != ph.person->section) mixed_groups = true;
        q = r + len(p2);
      }
    }
    // "among the protesters", "parmi les civils", "entre los policías".
    if (const LexiconEntry* among = match(q, VEILLE_SECTION("group-prep"))) {
      uint32_t r = q + len(among);
      if (const LexiconEntry* det = match(r, VEILLE_SECTION("link"))) r += len(det);
      if (const LexiconEntry* p2 = match(r, VEILLE_SECTION("person:*"))) {
        ph.person = p2;
        q = r + len(p2);
      }
    }
    ph.last = q - 1;
    ph.has_words = true;
    return ph;
  };

  struct Pending {
    NumberMention number;
    uint32_t phrase_last;
    std::string group;
  };
  std::vector<Pending> pending;  // counted people waiting for the cue of a later subject
  int previous_index = -1;  // the last figure of the sentence
  int toll_index = -1;      // the last figure that is no subset: whose group "others" take
  // Whether the sentence names kidnappers ("ravisseurs", "secuestradores"); looked up only
  // for the rare figure that needs it, and once.
  std::optional<bool> captors_named;
  auto sentence_has_captors = [&] {
    if (!captors_named) {
      captors_named = false;
      for (uint32_t k = begin; k < end && !*captors_named; ++k) {
        *captors_named = match(k, VEILLE_SECTION("captors")) != nullptr;
      }
    }
    return *captors_named;
  };
  uint32_t previous_number_last = 0;
  for (const NumberMention& n : numbers) {
    if (n.value <= 0) continue;
    if (n.first > begin) {
      uint32_t p = n.first - 1;
      // Labels and currencies: "Article 19", "Route 66", "$1.5 million".
      if (match(p, VEILLE_SECTION("label")) && !IsPunct(tokens, p)) continue;
      std::string_view prev = w[p];
      if (prev == "$" || prev == "€" || prev == "£" || prev == "us$" || prev == "n°") continue;
    }
    const FigureMention* previous = previous_index >= 0 ? &out[previous_index] : nullptr;
    // "28 killed, including 10 children, and 152 others wounded": the others are of the
    // toll's group, not of the subset's.
    const FigureMention* toll_figure = toll_index >= 0 ? &out[toll_index] : previous;
    const uint32_t j = n.last + 1;
    {
      uint32_t k = j;
      if (k < end && w[k] == "-") ++k;
      if (match(k, VEILLE_SECTION("unit"))) continue;  // "26 years", "a 26-year-old", "40 cars", "5 %"
      if (k + 1 < end && (w[k] == "de" || w[k] == "d'" || w[k] == "of" || w[k] == "del") &&
          (match(k + 1, VEILLE_SECTION("month")) || match(k + 1, VEILLE_SECTION("unit")))) {
        continue;  // "12 millions d'euros", "14 de Septiembre"
      }
    }
    if (n.value == 1 && !n.vague && j < end && (w[j] == "of" || w[j] == "des" || w[j] == "de") &&
        !(j + 1 < end && (w[j + 1] == "ellos" || w[j + 1] == "them"))) {
      continue;  // "one of the suspects", "l'un des", "uno de los"
    }
    Phrase ph = parse_phrase(j, n.last, n.weak);
    // An age without its unit after a person: "su hijo de 12 resultó herido", "a boy of 12".
    if (!ph.person && !ph.noun && n.first > begin + 1 && match(n.first - 1, VEILLE_SECTION("age-of"))) {
      uint32_t ps = 0;
      if (EndingAt(w, begin, n.first - 1, VEILLE_SECTION("person:*"), &ps)) continue;
    }
    // "Two gunmen killed a policeman": "killed" read as the noun of the gunmen has an object.
    // A crowd that did something is still counted: "Hundreds of protesters burned tyres".
    if (ph.person && ph.noun && ph.last + 1 < end && (object_at(ph.last + 1, true) || thing_object(ph.last + 1))) {
      if (!crowd_people(ph.person)) continue;
      ph.noun = nullptr;
    }
    // Whose figure it is, said after it: "36 blessés dans ses rangs", "300 morts côté
    // rebelle", "4 muertos en sus filas", past one adjective ("3 heridos ligeros ...").
    const LexiconEntry* side = nullptr;
    {
      uint32_t at = ph.last + 1;
      side = match(at, VEILLE_SECTION("group-after:*"));
      if (!side && free_word(at) && (side = match(at + 1, VEILLE_SECTION("group-after:*")))) ++at;
      if (side) ph.last = at + len(side) - 1;
    }
    // A qualifier after the people: "300 manifestants environ", "280 personnes au moins".
    const LexiconEntry* late_qualifier = nullptr;
    if (n.first == n.number_first && !n.vague && n.min && n.max && *n.min == *n.max) {
      late_qualifier = match(ph.last + 1, VEILLE_SECTION("qualifier-after"));
      if (!late_qualifier && ph.last != n.last) late_qualifier = match(n.last + 1, VEILLE_SECTION("qualifier-after"));
    }
    // A cue after the phrase: "were killed", "ont été blessés", "resultaron heridos". On the
    // way it may pass auxiliaries and adverbs, quotes, one unlisted adjective ("presos
    // políticos permanecen detenidos") and a short complement ("un hombre de 26 años murió",
    // "dos pasajeros de la línea 12 resultaron heridos").
    const LexiconEntry* after = nullptr;
    uint32_t after_last = 0;
    bool after_in_relative = false;  // "80 personas que marchaban": the cue describes them
    bool got_away = false;           // "400 détenus se sont évadés": no longer held or harmed
    bool agent = false;              // "Two gunmen killed a policeman": they did it
    {
      bool aux_after_relative = false;  // "who were burned": a passive after the relative pronoun
      bool adjective_used = false, complement_used = false, subset_used = false;
      auto verb_at = [&](uint32_t k) {
        const LexiconEntry* v = match(k, VEILLE_SECTION("aux"));
        return v ? v : match(k, VEILLE_SECTION("after:*"));
      };
      // The first verb (or, with `or_cue`, cue) from k before `stop` with no punctuation on
      // the way; nullopt when there is none.
      auto skip_to_verb = [&](uint32_t k, uint32_t stop, bool or_cue) -> std::optional<uint32_t> {
        for (; k < stop && !IsPunct(tokens, k); ++k) {
          const LexiconEntry* v = verb_at(k);
          if (!v && or_cue) v = match(k, VEILLE_SECTION("cue:*"));
          // Before people it is their adjective: "from the missing fishermen's village".
          if (v && names_people(k + len(v))) continue;
          if (v) return k;
        }
        return std::nullopt;
      };
      for (uint32_t r = ph.last + 1, hops = 0; r < end && hops <= kMaxAux + 4; ++hops) {
        if (match(r, VEILLE_SECTION("got-away"))) {
          got_away = true;
          break;
        }
        after = match(r, VEILLE_SECTION("after:*"));
        if (!after) after = match(r, VEILLE_SECTION("cue:*"));
        if (!after && ph.has_words) after = match(r, VEILLE_SECTION("noun:*"));
        uint32_t across_last = 0;
        if (!after && ((after = match_across(r, VEILLE_SECTION("after:*"), &across_last)) ||
                       (after = match_across(r, VEILLE_SECTION("cue:*"), &across_last)))) {
          // "salieron ayer a las calles", "salieron este domingo de nuevo a las calles"
          after_last = across_last;
          break;
        }
        if (after && HasArg(after, "sg") && n.value != 1) {
          // "Miles de simpatizantes del expresidente arrestado se congregaron": a singular
          // participle tells someone else.
          r += len(after);
          after = nullptr;
          continue;
        }
        if (after) {
          after_last = r + len(after) - 1;
          // "Two gunmen killed a policeman", "Dos hombres mataron a un policía": a verb with
          // its own object (a count or people after it) is done by the people before it.
          // Only a cue of either side is a transitive verb; an after-only cue ("murieron en")
          // has no object.
          const bool verb = after->family_id == VEILLE_SECTION("cue:*") || after->family_id == VEILLE_SECTION("noun:*");
          if (after->family_id == VEILLE_SECTION("cue:*") && object_at(after_last + 1, ph.person != nullptr)) {
            after = nullptr;
            agent = true;
          } else if (verb && (thing_object(after_last + 1) ||
                              (after_in_relative && !aux_after_relative && free_word(after_last + 1) &&
                               !date_from(after_last + 1) && !match(after_last + 1, VEILLE_SECTION("object-time"))))) {
            // "hundreds of protesters who burned tyres": right after a relative pronoun (no
            // passive auxiliary) a verb with a bare object is what the people did.
            after = nullptr;
            agent = true;
          }
          break;
        }
        if (const LexiconEntry* among = match(r, VEILLE_SECTION("among-verb"))) {
          // "64 officiers étaient parmi les blessés", "were among the dead": the figure is of
          // the kind of the people it is among.
          uint32_t k = r + len(among);
          while (const LexiconEntry* l = match(k, VEILLE_SECTION("link"))) k += len(l);
          const LexiconEntry* kind_word = match(k, VEILLE_SECTION("noun:*"));
          if (!kind_word) kind_word = match(k, VEILLE_SECTION("after:*"));  // "parmi ceux tenus en détention"
          if (!kind_word) {
            if (const LexiconEntry* people = match(k, VEILLE_SECTION("person:*"))) {
              k += len(people);
              kind_word = match(k, VEILLE_SECTION("cue:*"));
              if (!kind_word) kind_word = match(k, VEILLE_SECTION("after:*"));
            }
          }
          if (kind_word) {
            after = kind_word;
            after_last = k + len(kind_word) - 1;
          }
          break;
        }
        if (const LexiconEntry* of = r == ph.last + 1 && !ph.person && !ph.noun ? match(r, VEILLE_SECTION("of-them")) : nullptr) {
          r += len(of);  // "8 of them escaped"
        } else if (const LexiconEntry* aux = match(r, VEILLE_SECTION("aux"))) {
          if (HasArg(aux, "relative")) after_in_relative = true;
          else if (after_in_relative) aux_after_relative = true;
          r += len(aux);
        } else if (const uint32_t gap = inner_gap(r)) {
          // A date or a short adverb: "Thousands of farmers on Monday blocked", "avaient
          // pourtant manifesté", "ont hier défilé".
          r += gap;
        } else if (w[r] == "," && (ph.person || ph.noun) && !after_in_relative) {
          // A parenthesis between the people and the verb: "neuf personnes, dont quatre
          // policiers, ont été tuées"; or the comma closing it after a subset.
          uint32_t close = r + 1;
          while (close < end && close <= r + 12 && w[close] != ",") ++close;
          // Only a finite verb closes it: "..., killing 20" starts another clause.
          if (verb_at(r + 1)) {
            ++r;
          } else if (close < end && w[close] == "," &&
                     (verb_at(close + 1) ||
                      (match(r + 1, VEILLE_SECTION("subset")) && match(close + 1, VEILLE_SECTION("cue:*"))))) {
            // After a subset the participle is the verb too: "595 people, including
            // combatants, wounded".
            r = close + 1;
          } else {
            break;
          }
        } else if (w[r] == "(") {
          // An acronym or a short aside in brackets: "two volunteers (VDP) have perished".
          uint32_t close = r + 1;
          while (close < end && close <= r + 5 && w[close] != ")") ++close;
          if (close < end && w[close] == ")") r = close + 1;
          else break;
        } else if (IsQuote(w[r])) {
          ++r;
        } else if (const LexiconEntry* q = match(r, VEILLE_SECTION("qualifier-after"))) {
          r += len(q);
        } else if (!adjective_used && ph.has_words && r == ph.last + 1 && free_word(r)) {
          adjective_used = true;
          ++r;
        } else if (const LexiconEntry* sub = !subset_used && (ph.person || ph.noun) && !after_in_relative
                                                 ? match(r, VEILLE_SECTION("subset"))
                                                 : nullptr) {
          // A subset without commas, as machine translation writes it: "39 persons including
          // 2 police were died". Up to six words, no punctuation, then the verb.
          subset_used = true;
          auto verb = skip_to_verb(r + len(sub), std::min(end, r + 8), false);
          if (!verb) break;
          r = *verb;
        } else if (!complement_used && ph.has_words && match(r, VEILLE_SECTION("complement"))) {
          // Skip "de 26 años", "of the 3rd battalion": up to six words, no punctuation.
          complement_used = true;
          auto verb = skip_to_verb(r + 1, std::min(end, r + 7), true);
          if (!verb) break;
          r = *verb;
        } else {
          break;
        }
      }
    }
    // A cue before the number: "killed 26", "ont tué 26 personnes", "mataron a 26",
    // "arrested a total of 5,120".
    const LexiconEntry* before = nullptr;
    uint32_t before_first = 0;
    for (uint32_t e = n.first, hops = 0; e > begin && hops <= kMaxCueHops; ++hops) {
      uint32_t s = 0, s2 = 0;
      const LexiconEntry* c = EndingAt(w, begin, e, VEILLE_SECTION("cue:*"), &s);
      const LexiconEntry* b = EndingAt(w, begin, e, VEILLE_SECTION("before:*"), &s2);
      if (b && (!c || len(b) >= len(c))) {
        c = b;
        s = s2;
      }
      if (!c && hops == 0) {
        // French and Spanish put the verb first: "Ont perdu la vie 11 personnes", "murieron
        // 12 civiles", "fueron detenidas 3.811 personas".
        uint32_t s3 = 0;
        if (const LexiconEntry* a = EndingAt(w, begin, e, VEILLE_SECTION("after:*"), &s3); a && len(a) >= 2) {
          c = a;
          s = s3;
        }
      }
      if (c && HasArg(c, "needs-person") && !ph.person) c = nullptr;  // "lost 3-1" is a score
      if (c) {
        before = c;
        before_first = s;
        break;
      }
      if (IsQuote(w[e - 1])) {
        --e;  // "« neutralisé » 37 terroristes", "killed 'dozens' of soldiers"
        continue;
      }
      uint32_t ls = 0;
      const LexiconEntry* link = EndingAt(w, begin, e, VEILLE_SECTION("cue-link"), &ls);
      if (!link && e - 1 > begin && match(e - 1, VEILLE_SECTION("conjunction"))) {
        // "detained the prime minister and at least four cabinet members": a named object
        // (a few words, no count, no verb) coordinated before the number shares its cue.
        for (uint32_t k = e - 1, words = 0; k-- > begin && words < 5; ++words) {
          bool counted = false;  // "a blessé onze élèves et un enseignant": a count of its own
          for (const NumberMention& m : numbers) counted = counted || (m.first <= k && k <= m.last);
          if (IsPunct(tokens, k) || tokens[k].kind == TokenKind::kNumber || counted) break;
          uint32_t cs = 0;
          const LexiconEntry* c = EndingAt(w, begin, k, VEILLE_SECTION("cue:*"), &cs);
          if (!c) c = EndingAt(w, begin, k, VEILLE_SECTION("before:*"), &cs);
          if (c && words >= 1 && !HasArg(c, "needs-person")) {
            before = c;
            before_first = cs;
            break;
          }
          if (match(k, VEILLE_SECTION("cue:*")) || match(k, VEILLE_SECTION("after:*")) || match(k, VEILLE_SECTION("aux")) ||
              match(k, VEILLE_SECTION("source-verb"))) {
            break;
          }
        }
        break;
      }
      if (!link) break;
      e = ls;
    }
    // A toll: "the death toll rose to 26", "le bilan est passé à 30", "la cifra bajó a 84".
    const LexiconEntry* toll = nullptr;
    uint32_t toll_first = 0;
    bool toll_min = false;
    if (!before) {
      uint32_t s = 0;
      uint32_t link_start = n.first;
      if (const LexiconEntry* link = EndingAt(w, begin, n.first, VEILLE_SECTION("toll-link"), &s)) {
        link_start = s;
        toll_min = HasArg(link, "min");  // "has passed 2,000", "supera las 500"
      }
      for (uint32_t k = link_start; k-- > begin && link_start - k <= kMaxTollGap;) {
        if (const LexiconEntry* t = lex_.Match(w, k, VEILLE_SECTION("toll:*"))) {
          if (k + t->words.size() <= link_start) {
            toll = t;
            toll_first = k;
          }
          break;
        }
        if (IsPunct(tokens, k) && !IsQuote(w[k])) break;
        // The toll had its own number: "bajó a 84 después de que varias personas".
        if (tokens[k].kind == TokenKind::kNumber) break;
      }
    }
    // A subset of a toll already given: "including 11 minors", "dont quatre policiers",
    // "entre ellos 5 policías", "22 de ellos niños".
    bool subset = false;
    if (n.first > begin) {
      uint32_t s = 0;
      if (EndingAt(w, begin, n.first, VEILLE_SECTION("subset"), &s)) subset = true;
    }
    // "22 de ellos niños", "37 of them seriously", "dix-sept d'entre eux".
    bool of_them_subset = false;
    if (const LexiconEntry* of_them = match(j, VEILLE_SECTION("of-them"))) {
      subset = true;
      of_them_subset = true;
      ph = parse_phrase(j + len(of_them), j + len(of_them) - 1, false);
    }
    // A breakdown after a colon: "4 muertos: 3 manifestantes y un agente", "11 dead: 6 police
    // officers and 5 attackers".
    if (!subset && previous && !previous->subset && previous->last + 1 < n.first) {
      bool colon = false, only_colon = true;
      for (uint32_t k = previous->last + 1; k < n.first; ++k) {
        if (w[k] == ":" || w[k] == "—") colon = true;
        else only_colon = false;
      }
      subset = colon && only_colon;
    }
    // The people among a toll restated: "Entre los 312 arrestados hay 40 menores", "Among the
    // 11 dead were two children".
    if (!subset && previous && previous->frame && ph.person && !HasArg(ph.person, "inherit")) subset = true;
    // "de las cuales 147 son policías", "of which 3 are women": who the subset is, said after it.
    if (subset && !ph.person) {
      if (const LexiconEntry* copula = match(j, VEILLE_SECTION("subset-copula"))) {
        if (const LexiconEntry* people = match(j + len(copula), VEILLE_SECTION("person:*"))) {
          ph.person = people;
          ph.last = j + len(copula) + len(people) - 1;
        }
      }
    }
    // "19 other provinces", "two more cars": "other" before a thing is no people.
    if ((!ph.person || HasArg(ph.person, "inherit")) && !ph.noun && match(ph.last + 1, VEILLE_SECTION("unit"))) continue;
    const bool bare = !ph.has_words || ph.person || ph.noun;  // no unlisted noun after the number
    std::string kind;
    if (ph.noun) {
      kind = Suffix(ph.noun->section);
      // People named by what happened to them first and killed after count as killed:
      // "two of the wounded later died", "ont exécuté sommairement onze otages", "68 presos
      // murieron". A generic "a fait", "dejando" before the noun is no killing.
      if ((kind == "injured" || kind == "missing" || kind == "arrested") &&
          ((after && Suffix(after->section) == "killed") || (before && before->section == "cue:killed"))) {
        kind = "killed";
      }
    } else if (after && !(before && after_in_relative)) kind = Suffix(after->section);
    else if (before) kind = Suffix(before->section);
    else if (after) kind = Suffix(after->section);
    else if (toll && bare) kind = Suffix(toll->section);
    // "Two gunmen killed a policeman": the gunmen are no figure; a crowd is.
    if (agent && kind.empty() && !crowd_people(ph.person)) continue;
    // Held or seized by kidnappers is missing, not arrested: "Kidnappers freed 14 of the 32
    // passengers seized", "18 were still being held".
    if (kind == "arrested" && (HasArg(after, "held") || HasArg(before, "held") || (!after && !before)) &&
        sentence_has_captors()) {
      kind = "missing";
    }
    // Without a word of its own, a number close after a figure shares its kind: "killed 17
    // soldiers and 23 militants", "18 heridos entre los policías y 37 entre los
    // manifestantes", "3 811 selon le ministère, et 4 300 selon l'opposition".
    bool inherited = false;
    if (kind.empty() && previous && subset) {
      // A part told by an action of no figure kind is no figure: "140 of them were brought
      // before a judge", "450 d'entre elles ont été expulsées", "la policía identificó a 12
      // de ellas".
      if (of_them_subset && !ph.noun) {
        if (n.first > begin && match(n.first - 1, VEILLE_SECTION("object-marker"))) continue;
        // Past the auxiliaries and adverbs, a verb that is no cue: "had already been brought".
        uint32_t v = ph.last + 1, auxes = 0;
        while (const LexiconEntry* aux = match(v, VEILLE_SECTION("aux"))) {
          v += len(aux);
          ++auxes;
        }
        if (auxes > 0 && v < end && tokens[v].kind == TokenKind::kWord && !match(v, VEILLE_SECTION("cue:*")) &&
            !match(v, VEILLE_SECTION("after:*")) && !match(v, VEILLE_SECTION("noun:*")) &&
            !match(v, VEILLE_SECTION("person:*")) && !match(v, VEILLE_SECTION("among-verb"))) {
          continue;
        }
      }
      kind = previous->figure.kind;  // "dont 9 transportés à l'hôpital", "of which 5 critical"
      inherited = true;
    }
    // An article counts here only before people who end the phrase: "and a civilian driver",
    // not "a police spokesman said".
    const bool weak_people = n.weak && ph.person && !free_word(ph.last + 1);
    uint32_t source_intro_last = 0;
    // "40 protesters were detained and 6 were tortured": a count with a verb of its own that
    // is no cue is told by another action, and shares no kind.
    bool own_verb = false;
    if (kind.empty() && previous && !ph.has_words) {
      uint32_t v = ph.last + 1, auxes = 0;
      while (const LexiconEntry* aux = match(v, VEILLE_SECTION("aux"))) {
        v += len(aux);
        ++auxes;
      }
      own_verb = auxes > 0 && v < end && tokens[v].kind == TokenKind::kWord && !match(v, VEILLE_SECTION("cue:*")) &&
                 !match(v, VEILLE_SECTION("after:*")) && !match(v, VEILLE_SECTION("noun:*")) &&
                 !match(v, VEILLE_SECTION("person:*")) && !match(v, VEILLE_SECTION("among-verb")) &&
                 !match(v, VEILLE_SECTION("got-away"));
    }
    if (kind.empty() && previous && !own_verb && !n.plain_digits_year() && bare && (!n.weak || weak_people)) {
      bool close = n.first > previous->last;
      bool joined = false;
      uint32_t place_words = 0;
      for (uint32_t k = previous->last + 1; k < n.first && close; ++k) {
        if (const LexiconEntry* conj = match(k, VEILLE_SECTION("conjunction"))) {
          joined = true;
          k += len(conj) - 1;  // "along with", "ainsi que"
        } else if (w[k] == "," || w[k] == ";") {
          joined = true;
        } else if (const LexiconEntry* at = match(k, VEILLE_SECTION("place-prep"));
                   at && k + len(at) < n.first && IsCapitalized(text, tokens[k + len(at)])) {
          // "killed 2 protesters in Baghdad and one in Nasiriyah": where the first were.
          k += len(at);
          while (k + 1 < n.first && IsCapitalized(text, tokens[k + 1])) ++k;
          place_words += 4;
        } else if (!match(k, VEILLE_SECTION("cue-link")) && !match(k, VEILLE_SECTION("link"))) {
          close = false;
        }
      }
      close = close && joined && n.first - previous_number_last <= 6 + place_words;
      // "40.000, según los sindicatos", "les 150 évoquées la veille", "the 38 announced
      // initially": another count of the same people.
      const uint32_t intro = j < end && w[j] == "," ? j + 1 : j;
      const LexiconEntry* according = match(intro, VEILLE_SECTION("source-before"));
      bool sourced = according != nullptr || match(j, VEILLE_SECTION("restate-after")) != nullptr;
      // The figure reaches its source's introduction, so that the source is the nearest.
      if (according) source_intro_last = intro + len(according) - 1;
      uint32_t rs = 0;
      if (EndingAt(w, begin, n.first, VEILLE_SECTION("restate-before"), &rs)) sourced = true;
      bool among = match(j, VEILLE_SECTION("group-prep")) != nullptr || side != nullptr;
      if (close || sourced || among || subset) {
        kind = previous->figure.kind;
        inherited = true;
      }
    }
    std::string group = ph.person && !mixed_groups ? Suffix(ph.person->section) : "unknown";
    const LexiconEntry* subject = ph.person || ph.noun ? nullptr : subject_before(n.first);
    if (subject) group = Suffix(subject->section);
    if (subset && !previous && !ph.person) {
      // "Les policiers ont été pris à partie : dix-sept d'entre eux ont été blessés": the
      // people named last before the subset.
      for (uint32_t k = n.first; k-- > begin;) {
        if (const LexiconEntry* people = match(k, VEILLE_SECTION("person:*")); people && !HasArg(people, "inherit")) {
          group = Suffix(people->section);
          break;
        }
      }
    }
    if (ph.person && HasArg(ph.person, "inherit")) group = toll_figure ? toll_figure->figure.group : "unknown";
    if (own_link && group == "unknown") {
      // "border guards reported that 5 of their men were missing", "l'état-major déplore la
      // mort de deux de ses hommes": theirs are of the group of whoever was named before.
      for (uint32_t k = n.first; k-- > begin;) {
        if (match(k, VEILLE_SECTION("force"))) {
          group = "security_forces";
          break;
        }
        if (own_of_thing) continue;
        if (const LexiconEntry* people = match(k, VEILLE_SECTION("person:*")); people && !HasArg(people, "inherit")) {
          group = Suffix(people->section);
          break;
        }
      }
    }
    if (subset && !ph.person && previous) group = previous->figure.group;  // "dont trois par balle"
    // A second count of the same people: "448 000 selon la CGT et 118 000 selon le ministère".
    if (inherited && !subset && !ph.person && previous) group = previous->figure.group;
    if (!ph.person && toll_figure && n.first > begin && match(n.first - 1, VEILLE_SECTION("inherit-before"))) {
      group = toll_figure->figure.group;  // "otros cinco resultaron heridos"
    }
    if (!ph.person && toll_figure && match(j, VEILLE_SECTION("inherit-after"))) {
      group = toll_figure->figure.group;  // "wounded 9 more", "docenas más heridas"
    }
    if (!ph.person && ph.noun && match(j, VEILLE_SECTION("partitive"))) {
      // "two of the wounded later died": of the group of the figure that counted the wounded.
      for (size_t k = out.size(); k-- > 0;) {
        if (out[k].figure.kind == Suffix(ph.noun->section)) {
          group = out[k].figure.group;
          break;
        }
      }
    }
    if (!ph.person && previous && !subset) {
      // "4 soldiers killed and 9 wounded", "2 guardias murieron y por lo menos 9 fueron heridos".
      bool coordinated = previous->last < n.first;
      bool saw_conjunction = false;
      for (uint32_t k = previous->last + 1; k < n.first && coordinated; ++k) {
        if (match(k, VEILLE_SECTION("conjunction"))) saw_conjunction = true;
        else if (!IsPunct(tokens, k)) coordinated = false;
      }
      if (coordinated && saw_conjunction) group = toll_figure->figure.group;
    }
    if (side && !ph.person) group = Suffix(side->section);
    // "9 victimes, toutes des enfants", "12 dead, all of them civilians": an apposition names
    // the group of everyone counted.
    if (group == "unknown" && ph.last + 2 < end && w[ph.last + 1] == ",") {
      if (const LexiconEntry* all = match(ph.last + 2, VEILLE_SECTION("all-of-them"))) {
        const LexiconEntry* people = match(ph.last + 2 + len(all), VEILLE_SECTION("person:*"));
        if (people && !HasArg(people, "inherit")) group = Suffix(people->section);
      }
    }
    // "Les forces de sécurité ont tué 12 militants" (translated from English): people killed by
    // an active verb are fighters, though the word alone names activists.
    if (ph.person && HasArg(ph.person, "fighters-if-killed") && kind == "killed" && before &&
        before->section == "cue:killed" && before->words.back() != "de" && before->words.back() != "d'") {
      group = "militants";
    }
    // "L'armée a perdu 17 hommes", "lost four of their own": a force counts its own dead.
    if (before && HasArg(before, "own") && group == "unknown") group = "security_forces";
    if (toll && !ph.person && group == "unknown") {
      // "the number of children seized at 227", "le nombre de manifestants ... 6 000": the
      // people the toll counts.
      // Only people after "of": "el balance oficial" names no people.
      for (uint32_t k = toll_first + 1; k < n.first && k <= toll_first + len(toll) + 1; ++k) {
        if (!match(k - 1, VEILLE_SECTION("link")) && w[k - 1] != "of" && w[k - 1] != "de") continue;
        const LexiconEntry* counted = match(k, VEILLE_SECTION("person:*"));
        if (counted && !HasArg(counted, "inherit")) {
          group = Suffix(counted->section);
          break;
        }
      }
    }
    // Activists and strikers count as participants without being protesters.
    // Protesters quoted are no crowd size: "Several protesters said they would stay",
    // "Plusieurs manifestants ont affirmé".
    auto quoted = [&](uint32_t k) {
      for (int hops = 0; hops < 4 && k < end; ++hops) {
        if (match(k, VEILLE_SECTION("source-verb"))) return true;
        const LexiconEntry* skip = match(k, VEILLE_SECTION("source-aux"));
        if (!skip) skip = match(k, VEILLE_SECTION("aux"));
        if (!skip || HasArg(skip, "relative")) {
          if (const uint32_t gap = inner_gap(k)) {
            k += gap;
            continue;
          }
          return false;
        }
        k += len(skip);
      }
      return false;
    };
    // "Several protesters", "algunos manifestantes" with no cue of their own pick out some of
    // a crowd, not its size (docs/annotation.md): a vague few needs a cue.
    const bool a_few = n.vague && n.value == 3;
    if (!previous && ph.person && HasArg(ph.person, "mobilised") && kind.empty() && !n.weak && !a_few &&
        !quoted(ph.last + 1)) {
      kind = "participants";
    }
    if (kind.empty() && (ph.person || subject) && group == "protesters" && !n.weak && !a_few && !quoted(ph.last + 1)) {
      kind = "participants";
    }
    if (kind.empty()) {
      // Perhaps the subject of a later cue: "Cuatro agentes y un civil murieron".
      if (ph.has_words && (ph.person || ph.noun) && ph.last + 1 < end && match(ph.last + 1, VEILLE_SECTION("conjunction"))) {
        pending.push_back({n, ph.last, group});
      }
      continue;
    }
    // An article read as one ("a policeman was killed", "mató a un soldado") needs people,
    // or a cue before it and a noun after it ("la muerte de un abogado").
    // Only after a cue that names a death or an arrest with a preposition: "la muerte de",
    // "the killing of" (not "dejó un saldo", "arrested a total of").
    auto nominal_cue = [&](const LexiconEntry* cue) {
      if (!cue) return false;
      std::string_view last = cue->words.back();
      return last == "de" || last == "of" || last == "d'" || last == "del";
    };
    bool weak_noun = n.weak && nominal_cue(before) && j < end && tokens[j].kind == TokenKind::kWord &&
                     !match(j, VEILLE_SECTION("unit")) && !match(j, VEILLE_SECTION("link")) && w[j].size() >= 3;
    if (n.weak && !ph.person && !ph.noun && !weak_noun && !subset) continue;
    // "dont un qui reste dans un état grave" is one of the toll; "dont une majorité de civils"
    // is no count.
    // So is "dont un grand nombre de mineurs" (two words before the link).
    if (n.weak && !ph.person && !ph.noun && !weak_noun && free_word(j)) {
      uint32_t k = j + 1;
      if (free_word(k) && !match(k, VEILLE_SECTION("link"))) ++k;
      if (match(k, VEILLE_SECTION("link")) && k + 1 < end &&
          (match(k + 1, VEILLE_SECTION("person:*")) || match(k + 1, VEILLE_SECTION("link")))) {
        continue;
      }
    }
    // People who escaped, were freed or rescued are no figure of the noun that names them:
    // "Plus de 400 détenus se sont évadés", "23 others were rescued".
    if (got_away && !before) continue;
    if (n.weak && !(after || ph.noun || before || inherited)) continue;
    if (n.weak && weak_noun && !ph.person) {
      ph.last = j;  // the noun belongs to the figure's words
    }
    // A bare year is not a count unless people or a figure noun follow it.
    if (n.plain_digits && n.value >= 1900 && n.value <= 2100 && !ph.person && !ph.noun) continue;
    // Security forces deployed are not participants ("mobilised 5,000 soldiers").
    if (kind == "participants" && group == "security_forces") continue;
    // A generic action ("blocked", "joined") makes participants only of people, not of
    // unlisted nouns ("18,000 containers blocked the canal").
    if (kind == "participants" && !ph.person && ph.has_words && after && HasArg(after, "needs-person")) continue;
    FigureMention f;
    f.number_first = n.first;
    f.number_last = n.last;
    f.first = n.first;
    f.last = std::max(n.last, ph.last);
    if (after && (ph.noun == nullptr || after_last > f.last)) f.last = std::max(f.last, after_last);
    if (before && !ph.noun && !after) f.first = before_first;
    if (toll && !before && !ph.noun && !after) f.first = toll_first;
    if (inherited) f.last = std::max(f.last, source_intro_last);
    f.figure.kind = kind;
    f.figure.value = n.value;
    f.figure.min = n.min;
    f.figure.max = n.max;
    if (n.weak) f.figure.min = f.figure.max = 1;
    f.figure.approx = n.approx;
    f.figure.group = group;
    f.subset = subset;
    {
      uint32_t k = n.first, s = 0;
      if (EndingAt(w, begin, k, VEILLE_SECTION("link"), &s)) k = s;
      f.frame = k > begin && EndingAt(w, begin, k, VEILLE_SECTION("group-prep"), &s);
    }
    if (toll && toll_min && kind == Suffix(toll->section)) f.figure.max.reset();
    if (late_qualifier) {
      if (HasArg(late_qualifier, "min")) {
        f.figure.max.reset();
      } else if (HasArg(late_qualifier, "approx")) {
        f.figure.approx = true;
        f.figure.min.reset();
        f.figure.max.reset();
      }
    }
    out.push_back(f);
    previous_index = static_cast<int>(out.size()) - 1;
    if (!subset) toll_index = previous_index;
    previous_number_last = n.last;
  }
  // Coordinated subjects share the cue that follows the last one: the figure after the
  // conjunction gives its kind to the people before it.
  for (const Pending& p : pending) {
    for (size_t k = 0; k < out.size(); ++k) {
      const FigureMention& next = out[k];
      // Only the conjunction, quotes or a link may stand between them: in "37 terroristes et
      // déplore 33 blessés" the people before the verb are no subject of its figure.
      bool adjacent = next.number_first > p.phrase_last + 1 && next.number_first <= p.phrase_last + 3;
      for (uint32_t k = p.phrase_last + 2; adjacent && k < next.first; ++k) {
        adjacent = IsQuote(w[k]) || match(k, VEILLE_SECTION("link"));
      }
      if (adjacent && next.last > next.number_last && next.first == next.number_first) {
        FigureMention f;
        f.number_first = f.first = p.number.first;
        f.number_last = p.number.last;
        f.last = p.phrase_last;
        f.figure.kind = next.figure.kind;
        f.figure.value = p.number.value;
        f.figure.min = p.number.weak ? std::optional<int64_t>(1) : p.number.min;
        f.figure.max = p.number.weak ? std::optional<int64_t>(1) : p.number.max;
        f.figure.approx = p.number.approx;
        f.figure.group = p.group;
        out.insert(out.begin() + static_cast<long>(k), f);
        break;
      }
    }
  }
  // A number glued to its figure noun, as machine output writes it: "26morts", "26muertos",
  // "40injured". The tokenizer keeps such a word whole; the noun is looked up on its own.
  bool glued = false;
  for (uint32_t k = begin; k < end; ++k) {
    if (tokens[k].kind != TokenKind::kWord || !w.Has(k, Words::kDigitStart)) continue;
    const std::string_view word = w[k];
    size_t digits = 0;
    while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
    if (digits == 0 || digits > 7 || digits == word.size() || word[0] == '0') continue;
    const std::string rest(word.substr(digits));
    const std::vector<Token> rest_tokens{Token{Span{0, static_cast<uint32_t>(rest.size())}, TokenKind::kWord}};
    const Words rest_words(rest, rest_tokens);
    const LexiconEntry* noun = lex_.Match(rest_words, 0, VEILLE_SECTION("noun:*"));
    if (!noun || noun->words.size() != 1) continue;
    int64_t value = 0;
    for (size_t d = 0; d < digits; ++d) value = value * 10 + (word[d] - '0');
    if (digits == 4 && value >= 1900 && value <= 2100) continue;
    FigureMention f;
    f.first = f.last = f.number_first = f.number_last = k;
    f.figure.kind = Suffix(noun->section);
    f.figure.value = value;
    f.figure.min = f.figure.max = value;
    f.figure.approx = false;
    f.figure.group = "unknown";
    out.push_back(f);
    glued = true;
  }
  if (glued) {
    std::stable_sort(out.begin(), out.end(),
                     [](const FigureMention& a, const FigureMention& b) { return a.number_first < b.number_first; });
  }
  return out;
}

std::vector<uint32_t> FigureRecognizer::ClauseBreaks(const Words& w, uint32_t begin, uint32_t end) const {
  std::vector<uint32_t> out;
  for (uint32_t i = begin; i < end; ++i) {
    if (lex_.Match(w, i, VEILLE_SECTION("clause-break"))) out.push_back(i);
  }
  return out;
}

std::vector<SourceMention> FigureRecognizer::FindSources(const std::vector<Token>& tokens, const Words& w,
                                                         uint32_t begin, uint32_t end,
                                                         const std::vector<std::pair<uint32_t, uint32_t>>& stops,
                                                         const std::vector<std::pair<uint32_t, uint32_t>>& numbers,
                                                         const std::vector<std::pair<uint32_t, uint32_t>>& figures) const {
  // The last token of the date, number or figure holding token i, or nullopt.
  auto held_by = [](const std::vector<std::pair<uint32_t, uint32_t>>& spans, uint32_t i) -> std::optional<uint32_t> {
    for (const auto& [a, b] : spans) {
      if (i >= a && i <= b) return b;
    }
    return std::nullopt;
  };
  // A source is a short noun phrase: it ends at punctuation, a date, a number, a figure or a
  // verb.
  auto stop_at = [&](uint32_t i) {
    if (IsPunct(tokens, i) && w[i] != "'" && w[i] != "-") return true;
    if (tokens[i].kind == TokenKind::kNumber) return true;
    // "an estimate by", "a report by": after an article a reporting verb is a count noun.
    const bool count_noun = i > begin && lex_.Match(w, i - 1, VEILLE_SECTION("count-article")) &&
                            lex_.Match(w, i, VEILLE_SECTION("source-count"));
    if ((!count_noun && lex_.Match(w, i, VEILLE_SECTION("source-verb"))) || lex_.Match(w, i, VEILLE_SECTION("cue:*")) ||
        lex_.Match(w, i, VEILLE_SECTION("after:*")) || lex_.Match(w, i, VEILLE_SECTION("source-stop"))) {
      return true;
    }
    return held_by(stops, i) || held_by(numbers, i) || held_by(figures, i);
  };
  // A source mention, or nullopt when the words name a count and not who made it ("Le bilan
  // officiel fait état de 17 morts").
  auto make = [&](uint32_t first, uint32_t last) -> std::optional<SourceMention> {
    // "health officials cited by AFP", "l'état-major dans un communiqué": what follows is not
    // the source.
    for (uint32_t k = first + 1; k <= last; ++k) {
      if (lex_.Match(w, k, VEILLE_SECTION("source-tail"))) {
        last = k - 1;
        break;
      }
    }
    SourceMention m{first, last, false, first, last};
    // "a count by local media", "un bilan communiqué par la gendarmerie": the reporter.
    for (uint32_t k = first; k < last; ++k) {
      if (const LexiconEntry* strip = lex_.Match(w, k, VEILLE_SECTION("source-strip")); strip && k == first) {
        if (first + strip->words.size() <= last) m.first = first + static_cast<uint32_t>(strip->words.size());
        break;
      }
    }
    // "a new count communicated Thursday by the local authorities", "un bilan provisoire du
    // ministère", "según un balance provisional del Ministerio": the count is not who
    // reported it. The count noun is among the first three words, its preposition among the
    // five after it.
    for (uint32_t c = m.first; c < m.first + 3 && c <= last; ++c) {
      const LexiconEntry* count = lex_.Match(w, c, VEILLE_SECTION("source-count"));
      if (!count) continue;
      bool stripped = false;
      for (uint32_t k = c + static_cast<uint32_t>(count->words.size()); k <= c + 6 && k < last; ++k) {
        if (const LexiconEntry* of = lex_.Match(w, k, VEILLE_SECTION("source-of"))) {
          if (k + of->words.size() <= last) {
            m.first = k + static_cast<uint32_t>(of->words.size());
            stripped = true;
          }
          break;
        }
      }
      if (!stripped && c + count->words.size() + 1 >= last + 1) return std::nullopt;  // the count alone
      break;
    }
    const LexiconEntry* ana = lex_.Match(w, m.first, VEILLE_SECTION("source-anaphor"));
    m.anaphoric = ana && m.first + ana->words.size() == m.last + 1;
    return m;
  };
  constexpr uint32_t kMaxSourceTokens = 10;
  std::vector<SourceMention> out;
  for (uint32_t i = begin; i < end; ++i) {
    // "according to X", "selon X", "según X", "de source hospitalière".
    if (const LexiconEntry* e = lex_.Match(w, i, VEILLE_SECTION("source-before"))) {
      uint32_t keep = HasArg(e, "keep-last") ? 1 : 0;
      uint32_t s = i + static_cast<uint32_t>(e->words.size()) - keep;
      uint32_t k = s + keep;
      // "según más de 20 testigos": a number that opens the source belongs to it.
      for (const auto& [a, b] : numbers) {
        if (a == k && !held_by(figures, k)) k = b + 1;
      }
      while (k < end && k - s < kMaxSourceTokens + 4) {
        if (!stop_at(k)) {
          ++k;
          continue;
        }
        // "a count communicated Thursday by the authorities": a date before "by" is no end.
        auto date_end = held_by(stops, k);
        if (date_end && *date_end + 1 < end && lex_.Match(w, *date_end + 1, VEILLE_SECTION("source-of"))) {
          k = *date_end + 1;
          continue;
        }
        break;
      }
      if (k > s) {
        if (auto m = make(s, k - 1)) {
          m->reach_first = i;
          out.push_back(*m);
        }
      }
      i = k > i ? k - 1 : i;
      continue;
    }
    const LexiconEntry* v = lex_.Match(w, i, VEILLE_SECTION("source-verb"));
    if (!v) continue;
    // "claimed the lives of" (a cue marked not-source), "an estimate by" (a count after an
    // article) are no reporting verbs.
    if (const LexiconEntry* c = lex_.Match(w, i, VEILLE_SECTION("before:*"));
        c && c->words.size() > v->words.size() && HasArg(c, "not-source")) {
      continue;
    }
    if (i > begin && lex_.Match(w, i - 1, VEILLE_SECTION("count-article")) && lex_.Match(w, i, VEILLE_SECTION("source-count"))) continue;
    uint32_t after = i + static_cast<uint32_t>(v->words.size());
    // "a dit", "ont annoncé", "ha informado": the auxiliary belongs to the verb.
    uint32_t verb_start = i;
    while (verb_start > begin && lex_.Match(w, verb_start - 1, VEILLE_SECTION("source-aux"))) --verb_start;
    // "..., said the ministry." / "..., a indiqué la police." / "..., announced Sunday the
    // governor" (a date may stand between the verb and the source).
    for (const auto& [a, b] : stops) {
      if (after >= a && after <= b) after = b + 1;
    }
    if (verb_start > begin && IsPunct(tokens, verb_start - 1) && after < end && !stop_at(after)) {
      uint32_t k = after;
      while (k < end && k - after < kMaxSourceTokens && !stop_at(k)) ++k;
      if (auto m = make(after, k - 1)) {
        m->reach_first = verb_start;
        out.push_back(*m);
      }
      i = k - 1;
      continue;
    }
    // "The ministry said ...", "..., the ministry said.", "rights groups say".
    uint32_t s = verb_start;
    while (s > begin && verb_start - s < kMaxSourceTokens && !stop_at(s - 1)) --s;
    if (s == verb_start && s > begin && lex_.Match(w, s - 1, VEILLE_SECTION("source-relative"))) --s;  // "qui a précisé"
    // Drop a leading conjunction: "mais l'Organisation ... avance", "tandis que le ministère".
    while (s < verb_start && (lex_.Match(w, s, VEILLE_SECTION("conjunction")) || lex_.Match(w, s, VEILLE_SECTION("source-lead")))) ++s;
    if (s < verb_start && verb_start - s <= 8) {
      // "le parquet de Lille, qui a précisé que ...": the relative pronoun stands for the
      // source named just before it.
      const uint32_t verb_last = i + static_cast<uint32_t>(v->words.size()) - 1;
      if (lex_.Match(w, s, VEILLE_SECTION("source-relative"))) {
        // The words before the relative pronoun: "un bilan contesté par les autorités de
        // Lagos qui n'évoquent que 2 morts"; else the source named before.
        uint32_t e = s, r = s;
        if (e > begin && w[e - 1] == ",") --e;
        // The source named just before ("..., informed the civil protection, which added").
        const bool just_named = !out.empty() && out.back().last + 1 >= e;
        r = e;
        while (!just_named && r > begin && e - r < kMaxSourceTokens && !stop_at(r - 1)) --r;
        while (r < e && (lex_.Match(w, r, VEILLE_SECTION("conjunction")) || lex_.Match(w, r, VEILLE_SECTION("source-lead")))) ++r;
        std::optional<SourceMention> named = r < e ? make(r, e - 1) : std::nullopt;
        if (named && !named->anaphoric) {
          named->reach_last = verb_last;
          out.push_back(*named);
        } else if (!out.empty()) {
          out.push_back(out.back());
          out.back().reach_last = verb_last;
        }
      } else if (s + 1 == verb_start && lex_.Match(w, s, VEILLE_SECTION("count-article"))) {
        // "après l'annonce du report": an article alone before a reporting word makes it a
        // noun, and names no one.
      } else if (auto m = make(s, verb_start - 1)) {
        m->reach_last = verb_last;
        out.push_back(*m);
      }
    }
  }
  return out;
}

}  // namespace veille::recognize
