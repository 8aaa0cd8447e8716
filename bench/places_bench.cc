// Place recognition throughput and gazetteer load cost.
//
//   build/bench/places_bench --benchmark_counters_tabular=true
//
// The gazetteer is build/data/gazetteer.vdat (`veille data build`), or the file named by
// VEILLE_GAZETTEER. The texts are the articles of corpus/sample and the passages of the places
// gold sets (tests/gold/places): wire copy written for veille, dense in place names, which is
// the hard case for a matcher. Normalisation and segmentation run before the timed loop:
// BM_Recognize measures the places stage alone, BM_FullStage adds normalise + segment.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "normalize/normalize.h"
#include "places/places.h"
#include "segment/segment.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

std::string GazetteerPath() {
  if (const char* env = std::getenv("VEILLE_GAZETTEER")) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return (exe.parent_path().parent_path() / "data" / "gazetteer.vdat").string();
}

// Resident set size in kB, from /proc/self/status.
long RssKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

const places::Gazetteer* SharedGazetteer() {
  static const places::Gazetteer* g = [] {
    auto loaded = places::Gazetteer::Load(GazetteerPath());
    return loaded ? new places::Gazetteer(std::move(*loaded)) : nullptr;
  }();
  return g;
}

struct Doc {
  std::string text;
  NormalizedText normalized;
  Segmented segmented;
};

// The sample corpus (full wire articles), and with `gold` the places gold passages too.
std::vector<Doc> Texts(const std::string& lang, bool gold = true) {
  std::vector<Doc> docs;
  std::vector<std::string> files = {std::string(VEILLE_SOURCE_DIR) + "/corpus/sample/" + lang + ".jsonl"};
  if (gold) files.push_back(std::string(VEILLE_SOURCE_DIR) + "/tests/gold/places/" + lang + ".jsonl");
  for (const std::string& file : files) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string()) docs.push_back({j["text"].get<std::string>()});
    }
  }
  static const segment::Segmenter seg = *segment::Segmenter::Create();
  for (Doc& d : docs) {
    d.normalized = normalize::Normalize(d.text);
    d.segmented = seg.Segment(d.normalized.text, lang);
  }
  return docs;
}

void BM_Recognize(benchmark::State& state, const std::string& lang, bool gold) {
  const places::Gazetteer* g = SharedGazetteer();
  if (g == nullptr) {
    state.SkipWithError(("no gazetteer at " + GazetteerPath() + " (run veille data build)").c_str());
    return;
  }
  static const places::Recognizer recognizer = *places::Recognizer::Create(g);
  std::vector<Doc> docs = Texts(lang, gold);
  size_t bytes = 0, mentions = 0;
  for (const Doc& d : docs) bytes += d.text.size();
  for (auto _ : state) {
    for (const Doc& d : docs) {
      places::DocumentPlaces p = recognizer.Recognize(d.normalized, d.segmented, lang);
      mentions += p.mentions.size();
      benchmark::DoNotOptimize(p.mentions.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));  // documents
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["places_per_doc"] =
      static_cast<double>(mentions) / static_cast<double>(std::max<size_t>(1, state.iterations() * docs.size()));
}

void BM_FullStage(benchmark::State& state, const std::string& lang) {
  const places::Gazetteer* g = SharedGazetteer();
  if (g == nullptr) {
    state.SkipWithError("no gazetteer (run veille data build)");
    return;
  }
  static const places::Recognizer recognizer = *places::Recognizer::Create(g);
  static const segment::Segmenter seg = *segment::Segmenter::Create();
  std::vector<Doc> docs = Texts(lang);
  size_t bytes = 0;
  for (const Doc& d : docs) bytes += d.text.size();
  for (auto _ : state) {
    for (const Doc& d : docs) {
      NormalizedText n = normalize::Normalize(d.text);
      Segmented s = seg.Segment(n.text, lang);
      places::DocumentPlaces p = recognizer.Recognize(n, s, lang);
      benchmark::DoNotOptimize(p.mentions.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

// Load: map and check the header and section table (what every veille command does), and
// the same with the full checksum (what `veille data check` does). RSS is measured after
// recognising the gold texts with the loaded gazetteer, so the pages lookups touch count.
void BM_Load(benchmark::State& state, bool verify) {
  std::string path = GazetteerPath();
  if (!fs::exists(path)) {
    state.SkipWithError(("no gazetteer at " + path).c_str());
    return;
  }
  long rss_before = RssKb();
  long rss_after = 0;
  for (auto _ : state) {
    auto g = places::Gazetteer::Load(path, verify);
    if (!g) {
      state.SkipWithError(g.error().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(g->place_count());
    state.PauseTiming();
    auto r = places::Recognizer::Create(&*g);
    for (const char* lang : {"en", "fr", "es"}) {
      for (const Doc& d : Texts(lang)) benchmark::DoNotOptimize(r->Recognize(d.normalized, d.segmented, lang));
    }
    rss_after = std::max(rss_after, RssKb());
    state.ResumeTiming();
  }
  state.counters["file_MB"] = static_cast<double>(fs::file_size(path)) / 1e6;
  state.counters["rss_delta_MB"] = static_cast<double>(rss_after - rss_before) / 1e3;
}

// "corpus": the sample articles only; "dense": with the gold passages, about eight place
// names in 500 bytes, the worst case.
BENCHMARK_CAPTURE(BM_Recognize, en_corpus, std::string("en"), false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Recognize, fr_corpus, std::string("fr"), false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Recognize, es_corpus, std::string("es"), false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Recognize, en_dense, std::string("en"), true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Recognize, fr_dense, std::string("fr"), true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Recognize, es_dense, std::string("es"), true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_FullStage, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Load, mapped, false)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK_CAPTURE(BM_Load, checksum, true)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
}  // namespace veille
