#include "pipeline/pipeline.h"

#include "assemble/assemble.h"
#include "normalize/normalize.h"
#include "places/key.h"
#include "refdata/refdata.h"

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
  for (const recognize::FigureFound& fig : a.recognized.figures) {
    const Figure& f = fig.figure;
    Span o{f.start, f.end};
    if (fig.restated) continue;  // one figure: the restatement is evidence, not a new span
    json j = {{"figure_kind", f.kind}, {"value", f.value},  {"min", OrNull(f.min)},
              {"max", OrNull(f.max)},  {"approx", f.approx}, {"group", f.group},
              {"source", f.source.empty() ? json(nullptr) : json(f.source)}};
    a.spans.push_back({"figure", o.begin, o.end, j.dump(-1, ' ', false, json::error_handler_t::replace)});
  }
}

// --- places ---
// The annotate spans of the place mentions, in original offsets.
void AddPlaceSpans(Analysis& a) {
  for (const places::PlaceMention& m : a.places.mentions) {
    Span o = a.normalized.map.ToOriginal(m.span);
    json f = {{"name", m.name},
              {"country", m.country.empty() ? json(nullptr) : json(m.country)},
              {"admin1", m.admin1.empty() ? json(nullptr) : json(std::string(places::Admin1Label(m.admin1)))},
              {"lat", m.lat},
              {"lon", m.lon},
              {"geonames_id", OrNull(m.geonames_id)},
              {"feature", std::string(places::FeatureName(m.feature))},
              {"geo_precision", m.geo_precision},
              {"confidence", m.confidence},
              {"evidence", m.evidence}};
    a.spans.push_back({"place", o.begin, o.end, f.dump(-1, ' ', false, json::error_handler_t::replace)});
  }
}
// --- end places ---

// Figures carry their words and offsets in the user's text (they end up in events).
void MapFigures(Analysis& a) {
  const OffsetMap& map = a.normalized.map;
  for (recognize::FigureFound& fig : a.recognized.figures) {
    Span o = map.ToOriginal(fig.span);
    Figure& f = fig.figure;
    f.start = o.begin;
    f.end = o.end;
    f.text = a.doc.text.substr(o.begin, o.end - o.begin);
    if (fig.source_span.size() > 0) {
      Span so = map.ToOriginal(fig.source_span);
      f.source = a.doc.text.substr(so.begin, so.end - so.begin);
    }
  }
}

// Events, and the trigger and actor spans, in the user's offsets.
void AddEvents(Analysis& a, assemble::Assembled&& assembled, bool annotate) {
  const OffsetMap& map = a.normalized.map;
  for (Event& e : assembled.events) {
    for (Evidence& ev : e.evidence) {
      Span o = map.ToOriginal(Span{ev.start, ev.end});
      ev.start = o.begin;
      ev.end = o.end;
      ev.text = a.doc.text.substr(o.begin, o.end - o.begin);
    }
  }
  a.events = std::move(assembled.events);
  if (!annotate) return;
  for (const assemble::TriggerMention& t : assembled.triggers) {
    Span o = map.ToOriginal(t.span);
    json j = {{"plover", t.plover},
              {"event_type", t.event_type.empty() ? json(nullptr) : json(t.event_type)},
              {"sub_event_type", t.sub_event_type.empty() ? json(nullptr) : json(t.sub_event_type)},
              {"negated", t.negated},
              {"hypothetical", t.hypothetical}};
    a.spans.push_back({"trigger", o.begin, o.end, j.dump()});
  }
  for (const assemble::ActorMention& m : assembled.actors) {
    Span o = map.ToOriginal(m.span);
    json j = {{"name", m.actor.name}, {"type", m.actor.type},
              {"country", m.actor.country.empty() ? json(nullptr) : json(m.actor.country)}};
    a.spans.push_back({"actor", o.begin, o.end, j.dump(-1, ' ', false, json::error_handler_t::replace)});
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
  auto vocabularies = std::make_shared<recognize::Vocabularies>();
  auto recognizer = recognize::Recognizer::Create(vocabularies);
  if (!recognizer) return Err(recognizer.error());
  auto assembler = assemble::Assembler::Create(vocabularies);
  if (!assembler) return Err(assembler.error());
  Pipeline pipeline(options, std::move(*segmenter), std::move(vocabularies), std::move(*recognizer),
                    std::move(*assembler));
  if (Status s = pipeline.LoadPlaces(); !s.ok()) return Err(s);
  return pipeline;
}

// --- places ---
Status Pipeline::LoadPlaces() {
  std::string path = refdata::DefaultDataDir() + "/gazetteer.vdat";
  auto gazetteer = places::Gazetteer::Load(path);
  if (!gazetteer) {
    // Not built yet (`veille data build`): run without places rather than fail every verb.
    // A damaged file is an error the user must see.
    if (gazetteer.error().code() == StatusCode::kNotFound) return Status::Ok();
    return gazetteer.error();
  }
  gazetteer_ = std::make_shared<const places::Gazetteer>(std::move(*gazetteer));
  auto recognizer = places::Recognizer::Create(gazetteer_.get());
  if (!recognizer) return recognizer.error();
  places_ = std::make_shared<const places::Recognizer>(std::move(*recognizer));
  return Status::Ok();
}
// --- end places ---

void Pipeline::Segment(const Document& doc, NormalizedText& normalized, Segmented& segmented,
                       std::string_view lang) const {
  normalized = normalize::Normalize(doc.text);
  segmented = segmenter_.Segment(normalized.text, lang, options_.segmenter);
}

std::vector<recognize::Date> Pipeline::Dates(const Document& doc, std::string_view lang) const {
  NormalizedText normalized;
  Segmented segmented;
  Segment(doc, normalized, segmented, lang);
  recognize::DocumentContext context{lang, doc.published, recognize::IsUsStyledSource(doc.source), true};
  return recognizer_.Recognize(normalized, segmented, context).dates;
}

std::string Pipeline::Language(const Document& doc) const {
  if (!doc.lang.empty()) return doc.lang;
  return language::Identify(normalize::Normalize(doc.text).text).code;
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
  const recognize::Words words(a.normalized.text, a.segmented.tokens, vocabularies_->Find(a.lang));
  a.recognized = recognizer_.Recognize(a.normalized, a.segmented, words, context);
  MapFigures(a);
  if (options_.annotate) AddRecognizedSpans(a);
  // --- end numbers, dates, figures ---
  // --- places ---
  if (places_) {
    a.places = places_->Recognize(a.normalized, a.segmented, a.lang);
    if (options_.annotate) AddPlaceSpans(a);
  }
  // --- end places ---
  // --- events ---
  assemble::Input input{a.doc,        a.lang, a.normalized, a.segmented, a.recognized, places_ ? &a.places : nullptr,
                        &words};
  AddEvents(a, assembler_.Assemble(input), options_.annotate);
  // --- end events ---
  SortSpans(a);
  return a;
}

}  // namespace veille::pipeline
