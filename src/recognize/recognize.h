// The recognisers of numbers, dates and figures over one document, per language: the
// stage between segmentation and event assembly. Immutable after Create; thread-safe.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/by_language.h"
#include "recognize/dates.h"
#include "recognize/figures.h"
#include "recognize/numbers.h"
#include "veille/text.h"

namespace veille::recognize {

// Spans carry byte offsets into the normalised text and the index of their sentence.
struct Number {
  Span span;
  uint32_t sentence = 0;
  NumberMention mention;
};

struct Date {
  Span span;
  uint32_t sentence = 0;
  DateValue date;  // text: the normalised words
};

struct FigureFound {
  Span span;
  uint32_t sentence = 0;
  Figure figure;       // text and offsets unset: the pipeline maps them to the original
  Span source_span;    // empty when no source is named
  bool restated = false;  // the same toll said again: one figure, extra evidence
  bool subset = false;    // part of an earlier toll: not added to it in fatalities
};

struct Recognized {
  std::vector<Number> numbers;
  std::vector<Date> dates;
  std::vector<FigureFound> figures;
};

struct DocumentContext {
  std::string_view lang;
  std::optional<CivilDate> published;
  bool month_first_dates = false;  // a US-styled source: 03/04/2022 is 4 March
  bool dates_only = false;         // skip numbers and figures (date benchmarks)
};

class Recognizer {
 public:
  // The lexicons number their words in `vocabularies` (one per language, shared with the
  // other stages that match lexicons); without it, in vocabularies of their own.
  static Result<Recognizer> Create(std::shared_ptr<Vocabularies> vocabularies = nullptr);
  Recognized Recognize(const NormalizedText& text, const Segmented& segmented, const DocumentContext& context) const;
  // The same, reading the words already folded for the document (`words` of
  // segmented.tokens); they are folded again only when numbered in another vocabulary.
  Recognized Recognize(const NormalizedText& text, const Segmented& segmented, const Words& words,
                       const DocumentContext& context) const;

 private:
  struct Models {
    NumberRecognizer numbers;
    DateRecognizer dates;
    FigureRecognizer figures;
    const Vocabulary* vocabulary;  // the language's, in vocabularies_
  };
  static Result<std::shared_ptr<const Models>> Load(std::string_view lang, Vocabularies& vocabularies);
  std::shared_ptr<Vocabularies> vocabularies_;
  ByLanguage<Models> models_;
};

// True when `source` names a US outlet, whose numeric dates are month first.
bool IsUsStyledSource(std::string_view source);

}  // namespace veille::recognize
