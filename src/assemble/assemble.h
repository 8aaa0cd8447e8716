// Event assembly: from the recognised spans of a document to the events an analyst would
// code (docs/ontology.md). Version 0: lexical triggers (data/<lang>/events.txt) give the
// event class; modality words before a trigger in its clause keep it from being coded as a
// fact; actors come from the actor lexicon around the trigger; figures, date and place come
// from the trigger's sentence, else from the sentences before it in its paragraph; a few of
// the ontology's decision rules refine the class (excessive force, armed clash, arrests
// during a protest). Immutable after Create; thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "places/places.h"
#include "recognize/lexicon.h"
#include "base/by_language.h"
#include "recognize/recognize.h"
#include "veille/document.h"
#include "veille/event.h"
#include "veille/text.h"

namespace veille::assemble {

// A trigger or actor found in the text, for `veille annotate` (offsets into the normalised
// text; the pipeline maps them back).
struct TriggerMention {
  Span span;
  uint32_t sentence = 0;
  std::string plover, event_type, sub_event_type;
  bool negated = false;
  bool hypothetical = false;  // also future, denied, threatened
};

struct ActorMention {
  Span span;
  uint32_t sentence = 0;
  Actor actor;
};

struct Assembled {
  std::vector<TriggerMention> triggers;
  std::vector<ActorMention> actors;
  std::vector<Event> events;  // evidence offsets into the normalised text; the pipeline maps them
};

struct Input {
  const Document& doc;
  std::string_view lang;
  const NormalizedText& normalized;
  const Segmented& segmented;
  const recognize::Recognized& recognized;
  const places::DocumentPlaces* places;  // null when places are off
  // The document's folded words, when an earlier stage folded them in the vocabulary the
  // assembler shares with it; otherwise the assembler folds them itself.
  const recognize::Words* words = nullptr;
};

class Assembler {
 public:
  // The event lexicons number their words in `vocabularies` (shared with the recognisers);
  // without it, in vocabularies of their own.
  static Result<Assembler> Create(std::shared_ptr<recognize::Vocabularies> vocabularies = nullptr);
  Assembled Assemble(const Input& input) const;

 private:
  struct Models;
  std::shared_ptr<recognize::Vocabularies> vocabularies_;
  ByLanguage<Models> models_;  // empty when no event lexicon is embedded
};

// Fatalities by ACLED's convention from an event's figures: killed figures of different
// groups add up; of one group the lowest (most conservative) counts; subsets never add.
int64_t Fatalities(const std::vector<Figure>& figures, const std::vector<bool>& subset);
// The same, where a toll said to have risen ("the toll rose to 17") replaces the earlier ones
// (docs/ontology.md rule 26): the highest revised toll, when there is one.
int64_t Fatalities(const std::vector<Figure>& figures, const std::vector<bool>& subset,
                   const std::vector<bool>& revised);

}  // namespace veille::assemble
