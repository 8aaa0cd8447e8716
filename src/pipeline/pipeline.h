// The pipeline: wires the stages for one document, in the data-flow order
// normalise -> language -> sentences/tokens -> recognisers -> event assembly.
// It holds no extraction logic of its own. A Pipeline is immutable after Create and may be
// shared by threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "assemble/assemble.h"
#include "language/language.h"
#include "places/places.h"
#include "recognize/recognize.h"
#include "segment/segment.h"
#include "veille/document.h"
#include "veille/event.h"
#include "veille/status.h"
#include "veille/text.h"

namespace veille::pipeline {

struct Options {
  segment::Method segmenter = segment::Method::kFast;
  // Build Analysis::spans, the JSON-ready view that `annotate`, the store and `eval` read.
  // `extract` turns it off: the events carry what it prints. Default: on.
  bool annotate = true;
};

// A recognised stretch of text as `veille annotate` prints it. Offsets are into
// Document::text. `fields` holds the kind-specific fields as a JSON object text.
struct AnnotatedSpan {
  std::string kind;  // date, place, number, figure, actor, trigger
  uint32_t start = 0;
  uint32_t end = 0;
  std::string fields_json;  // e.g. {"value":26,"min":26,...}; "{}" when none
};

struct Analysis {
  Document doc;
  std::string lang;            // the record's, else CLD2's guess, else "und"
  bool lang_detected = false;  // true when CLD2 chose it
  NormalizedText normalized;
  Segmented segmented;
  recognize::Recognized recognized;  // numbers, dates, figures (offsets into `normalized`)
  places::DocumentPlaces places;     // place mentions (offsets into `normalized`)
  std::vector<AnnotatedSpan> spans;  // recogniser output, in text order
  std::vector<Event> events;         // assembled events, in document order
};

class Pipeline {
 public:
  static Result<Pipeline> Create(const Options& options = {});
  Analysis Analyze(Document doc) const;
  // Normalise, segment and read dates only: what `veille bench --stage dates` measures
  // against other date parsers.
  std::vector<recognize::Date> Dates(const Document& doc, std::string_view lang) const;
  // The record's language, else CLD2's guess on the normalised text, as Analyze decides it.
  std::string Language(const Document& doc) const;
  // Normalise and segment only: the part measured by `veille bench --stage segment`.
  void Segment(const Document& doc, NormalizedText& normalized, Segmented& segmented,
               std::string_view lang) const;

 // The gazetteer (build/data/gazetteer.vdat), or null when it was not built: places are then
  // not recognised.
  const places::Gazetteer* gazetteer() const { return gazetteer_.get(); }

 private:
  // Loads the gazetteer from refdata::DefaultDataDir(); a missing file leaves places off.
  Status LoadPlaces();
  std::shared_ptr<const places::Gazetteer> gazetteer_;
  std::shared_ptr<const places::Recognizer> places_;  // holds a pointer to *gazetteer_
  Options options_;
  segment::Segmenter segmenter_;
  // One per language, shared by the recognisers' and the assembler's lexicons, so that a
  // document's words are folded and looked up once.
  std::shared_ptr<const recognize::Vocabularies> vocabularies_;
  recognize::Recognizer recognizer_;
  assemble::Assembler assembler_;
  Pipeline(Options o, segment::Segmenter s, std::shared_ptr<const recognize::Vocabularies> v, recognize::Recognizer r,
           assemble::Assembler a)
      : options_(o),
        segmenter_(std::move(s)),
        vocabularies_(std::move(v)),
        recognizer_(std::move(r)),
        assembler_(std::move(a)) {}
};

}  // namespace veille::pipeline
