#include "pipeline/pipeline.h"

#include "normalize/normalize.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace veille::pipeline {

namespace {

using nlohmann::json;

json OrNull(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

// The annotate spans of the number, date and figure recognisers, in original offsets.
void AddRecognizedSpans(Analysis& a) {
  const OffsetMap& map = a.normalized.map;
  auto original = [&](Span s) { return map.ToOriginal(s); };
  for (const recognize::Number& n : a.recognized.numbers) {
    Span o = original(n.span);
    json f = {{"value", n.mention.value}, {"min", OrNull(n.mention.min)}, {"max", OrNull(n.mention.max)},
              {"approx", n.mention.approx}};
    a.spans.push_back({"number", o.begin, o.end, f.dump()});
  }
  for (const recognize::Date& d : a.recognized.dates) {
    Span o = original(d.span);
    json f = {{"value", d.date.value ? json(FormatIsoDate(*d.date.value)) : json(nullptr)},
              {"precision", d.date.precision},
              {"relative", d.date.relative.empty() ? json(nullptr) : json(d.date.relative)}};
    a.spans.push_back({"date", o.begin, o.end, f.dump()});
  }
  for (recognize::FigureFound& fig : a.recognized.figures) {
    Span o = original(fig.span);
    Figure& f = fig.figure;
    f.start = o.begin;
    f.end = o.end;
    f.text = a.doc.text.substr(o.begin, o.end - o.begin);
    if (fig.source_span.size() > 0) {
      Span so = original(fig.source_span);
      f.source = a.doc.text.substr(so.begin, so.end - so.begin);
    }
    if (fig.restated) continue;  // one figure: the restatement is evidence, not a new span
    json j = {{"figure_kind", f.kind}, {"value", f.value},  {"min", OrNull(f.min)},
              {"max", OrNull(f.max)},  {"approx", f.approx}, {"group", f.group},
              {"source", f.source.empty() ? json(nullptr) : json(f.source)}};
    a.spans.push_back({"figure", o.begin, o.end, j.dump(-1, ' ', false, json::error_handler_t::replace)});
  }
}

void SortSpans(Analysis& a) {
  std::stable_sort(a.spans.begin(), a.spans.end(), [](const AnnotatedSpan& x, const AnnotatedSpan& y) {
    return x.start != y.start ? x.start < y.start : x.end > y.end;
  });
}

}  // namespace

Result<Pipeline> Pipeline::Create(const Options& options) {
  auto segmenter = segment::Segmenter::Create();
  if (!segmenter) return Err(segmenter.error());
  auto recognizer = recognize::Recognizer::Create();
  if (!recognizer) return Err(recognizer.error());
  return Pipeline(options, std::move(*segmenter), std::move(*recognizer));
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
  // --- numbers, dates, figures ---
  recognize::DocumentContext context{a.lang, a.doc.published, recognize::IsUsStyledSource(a.doc.source)};
  a.recognized = recognizer_.Recognize(a.normalized, a.segmented, context);
  AddRecognizedSpans(a);
  // --- end numbers, dates, figures ---
  SortSpans(a);
  return a;
}

}  // namespace veille::pipeline
