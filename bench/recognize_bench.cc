// Throughput of the recognisers (numbers, dates, figures) on normalised, segmented wire
// text in three languages: the part of the pipeline that issue 3 asks to run at 50 MB/s.
// Run: build/bench/recognize_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "normalize/normalize.h"
#include "recognize/recognize.h"
#include "segment/segment.h"

namespace veille {
namespace {

// The sample corpus's article texts for one language, concatenated.
std::string CorpusText(const std::string& lang) {
  std::ifstream in(std::string(VEILLE_SOURCE_DIR) + "/corpus/sample/" + lang + ".jsonl");
  std::stringstream all;
  std::string line;
  while (std::getline(in, line)) {
    size_t at = line.find("\"text\": \"");
    if (at == std::string::npos) continue;
    std::string text = line.substr(at + 9);
    text = text.substr(0, text.rfind('"'));
    for (size_t k = 0; (k = text.find("\\n", k)) != std::string::npos;) text.replace(k, 2, "\n");
    all << text << "\n\n";
  }
  return all.str();
}

void BM_Recognize(benchmark::State& state, const std::string& lang) {
  static const segment::Segmenter seg = *segment::Segmenter::Create();
  static const recognize::Recognizer rec = *recognize::Recognizer::Create();
  // Documents of about 3 KB, as wire articles are.
  std::string corpus = CorpusText(lang);
  std::vector<std::pair<NormalizedText, Segmented>> docs;
  for (size_t at = 0; at + 3000 <= corpus.size(); at += 3000) {
    NormalizedText n = normalize::Normalize(corpus.substr(at, 3000));
    Segmented s = seg.Segment(n.text, lang);
    docs.emplace_back(std::move(n), std::move(s));
  }
  recognize::DocumentContext context{lang, CivilDate{2022, 1, 7}, false};
  size_t bytes = 0, figures = 0;
  for (auto _ : state) {
    for (const auto& [n, s] : docs) {
      recognize::Recognized r = rec.Recognize(n, s, context);
      figures += r.figures.size();
      bytes += n.text.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * docs.size()),
                                                benchmark::Counter::kIsRate);
  benchmark::DoNotOptimize(figures);
}

BENCHMARK_CAPTURE(BM_Recognize, en, std::string("en"));
BENCHMARK_CAPTURE(BM_Recognize, fr, std::string("fr"));
BENCHMARK_CAPTURE(BM_Recognize, es, std::string("es"));

}  // namespace
}  // namespace veille
