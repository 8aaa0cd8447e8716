#include "pipeline/pipeline.h"

#include "normalize/normalize.h"

namespace veille::pipeline {

Result<Pipeline> Pipeline::Create(const Options& options) {
  auto segmenter = segment::Segmenter::Create();
  if (!segmenter) return Err(segmenter.error());
  return Pipeline(options, std::move(*segmenter));
}

void Pipeline::Segment(const Document& doc, NormalizedText& normalized, Segmented& segmented,
                       std::string_view lang) const {
  normalized = normalize::Normalize(doc.text);
  segmented = segmenter_.Segment(normalized.text, lang, options_.segmenter);
}

Analysis Pipeline::Analyze(Document doc) const {
  Analysis a;
  a.doc = std::move(doc);
  a.normalized = normalize::Normalize(a.doc.text);
  if (!a.doc.lang.empty()) {
    a.lang = a.doc.lang;
  } else {
    language::Guess g = language::Identify(a.normalized.text);
    a.lang = g.code;
    a.lang_detected = true;
  }
  a.segmented = segmenter_.Segment(a.normalized.text, a.lang, options_.segmenter);
  // Recognisers and event assembly plug in here (issues: numbers/dates, places, events).
  return a;
}

}  // namespace veille::pipeline
