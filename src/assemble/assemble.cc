#include "assemble/assemble.h"

#include <algorithm>
#include <map>
#include <optional>

#include "assemble/assembly.h"
#include "base/data.h"

namespace veille::assemble {

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

struct Assembler::Models {
  recognize::Lexicon lexicon;
  const recognize::Vocabulary* vocabulary;  // the language's, in vocabularies_
  std::vector<EventClass> classes;          // by entry id: the class of each trigger entry
};

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

Assembly::Assembly(const Input& input, const recognize::Lexicon& lexicon,
                   const std::vector<EventClass>& classes_by_entry, const Words& words)
    : in(input),
      lex(lexicon),
      classes(classes_by_entry),
      tokens(input.segmented.tokens),
      text(input.normalized.text),
      w(words) {
  lex.AllSectionsAt(w, sections_at);
}

Assembled Assembler::Assemble(const Input& in) const {
  if (models_.empty()) return Assembled();  // no event lexicons embedded
  const Models& m = models_.For(in.lang);
  // The document's words as the recognisers folded them, when numbered for this lexicon.
  std::optional<Words> own_words;
  if (!in.words || in.words->vocabulary() != m.vocabulary) {
    own_words.emplace(in.normalized.text, in.segmented.tokens, m.vocabulary);
  }
  Assembly a(in, m.lexicon, m.classes, own_words ? *own_words : *in.words);
  a.FindTriggersAndActors();
  a.ReadTriggersThroughDates();
  a.FindUnlistedActors();
  a.FindCumulativeCounts();
  a.BuildEventsFromTriggers();
  a.FindCountryActors();
  a.FindSourcesAndVictims();
  a.ChooseSides();
  a.NameClaimant();
  a.AddSpeakersStatements();
  a.AimCondemnations();
  a.AssignFigures();
  a.RefineClasses();
  a.JoinUnhurtEvents();
  a.DropDemandsOfMarches();
  a.AbsorbLessSpecific();
  a.JoinPloverReadings();
  a.JoinArrestsToProtests();
  a.SplitByPlaceLists();
  a.SplitByDayLists();
  a.CodeEvents();
  a.MakeIdsUnique();
  return a.Take();
}

}  // namespace veille::assemble
