// Normalisation and segmentation throughput on wire-style text in three languages, swept by
// document size. Run: build/bench/segment_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include "normalize/normalize.h"
#include "segment/segment.h"

namespace veille {
namespace {

// A paragraph per language, with the typography real wires use (curly apostrophes,
// no-break spaces in numbers, abbreviations), repeated to the requested size.
std::string WireText(size_t bytes, const std::string& lang) {
  std::string para;
  if (lang == "fr") {
    para = "BAMAKO, 12 mars (Veille Wire) \u2013 Des hommes arm\u00e9s ont tu\u00e9 au moins 26 civils dans le "
           "centre du Mali, a indiqu\u00e9 M. Traor\u00e9, le maire de la commune. \u00ab\u00a0C\u2019est un "
           "massacre\u00a0\u00bb, a-t-il d\u00e9clar\u00e9 \u00e0 l\u2019AFP. Plus de 3\u202f811 personnes ont "
           "fui leurs foyers depuis le 5 janv., selon l\u2019ONU.\n\n";
  } else if (lang == "es") {
    para = "LIMA, 3 de mayo (Veille Wire) - Al menos 12 manifestantes murieron el martes en enfrentamientos con "
           "la polic\u00eda en el sur del Per\u00fa, inform\u00f3 la Defensor\u00eda del Pueblo. \u00bfQui\u00e9n "
           "dio la orden? El Sr. P\u00e9rez neg\u00f3 que los agentes dispararan. M\u00e1s de 740 heridos fueron "
           "atendidos.\n\n";
  } else {
    para = "ALMATY, Jan 7 (Veille Wire) - Security forces killed 26 people in Almaty on Thursday, the Interior "
           "Ministry said, and 3,811 were arrested. Gen. Smith said troops had orders to \u201cshoot to kill.\u201d "
           "More than 740 people were injured, according to Dr. Aliyev.\n\n";
  }
  std::string out;
  while (out.size() < bytes) out += para;
  return out;
}

void BM_Normalize(benchmark::State& state, const std::string& lang) {
  std::string text = WireText(static_cast<size_t>(state.range(0)), lang);
  for (auto _ : state) {
    NormalizedText n = normalize::Normalize(text);
    benchmark::DoNotOptimize(n.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_Segment(benchmark::State& state, const std::string& lang, segment::Method method) {
  static const segment::Segmenter seg = *segment::Segmenter::Create();
  std::string text = normalize::Normalize(WireText(static_cast<size_t>(state.range(0)), lang)).text;
  for (auto _ : state) {
    Segmented s = seg.Segment(text, lang, method);
    benchmark::DoNotOptimize(s.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_NormalizeAndSegment(benchmark::State& state, const std::string& lang) {
  static const segment::Segmenter seg = *segment::Segmenter::Create();
  std::string text = WireText(static_cast<size_t>(state.range(0)), lang);
  for (auto _ : state) {
    NormalizedText n = normalize::Normalize(text);
    Segmented s = seg.Segment(n.text, lang);
    benchmark::DoNotOptimize(s.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(state.iterations());  // documents
}

BENCHMARK_CAPTURE(BM_Normalize, en, std::string("en"))->Range(1 << 10, 1 << 20);
BENCHMARK_CAPTURE(BM_Normalize, fr, std::string("fr"))->Range(1 << 10, 1 << 20);
BENCHMARK_CAPTURE(BM_Segment, en_fast, std::string("en"), segment::Method::kFast)->Arg(3 << 10)->Arg(1 << 20);
BENCHMARK_CAPTURE(BM_Segment, en_icu, std::string("en"), segment::Method::kIcu)->Arg(3 << 10)->Arg(1 << 20);
BENCHMARK_CAPTURE(BM_NormalizeAndSegment, en, std::string("en"))->Arg(3 << 10)->Arg(1 << 20);
BENCHMARK_CAPTURE(BM_NormalizeAndSegment, fr, std::string("fr"))->Arg(3 << 10)->Arg(1 << 20);
BENCHMARK_CAPTURE(BM_NormalizeAndSegment, es, std::string("es"))->Arg(3 << 10)->Arg(1 << 20);

}  // namespace
}  // namespace veille
