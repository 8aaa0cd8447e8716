// `veille bench`: throughput in MB/s and documents/s per core over a corpus, with the
// machine described, so that figures in notes can be reproduced and compared.
#include <fmt/core.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/cli.h"

namespace veille::cli {

namespace {

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("model name")) return line.substr(line.find(':') + 2);
  }
  return "unknown CPU";
}

struct BenchOptions {
  InputOptions input;
  std::string stage = "extract";
  double target_mb = 100;
};

}  // namespace

Action AddBench(CLI::App& app) {
  auto* cmd = app.add_subcommand("bench", "Measure throughput (MB/s and documents/s on one core) over a corpus repeated\n"
                                          "to a target size. Stages: segment (normalise + sentences/tokens), dates (the same and\n"
                                          "dates, as date parsers are compared), extract (the whole pipeline, events written as JSON).\n"
                                          "Example: veille bench corpus/sample --stage segment --mb 100");
  auto o = std::make_shared<BenchOptions>();
  AddInputOptions(*cmd, o->input, /*inputs_required=*/false);
  cmd->add_option("--stage", o->stage, "segment, dates (normalise + segment + dates) or extract")
      ->check(CLI::IsMember({"segment", "dates", "extract"}))
      ->capture_default_str();
  cmd->add_option("--mb", o->target_mb, "process the corpus repeatedly until this many MB are done")
      ->capture_default_str();
  return [o] {
    if (o->input.inputs.empty()) o->input.inputs.push_back("corpus/sample");
    pipeline::Options pipeline_options;
    pipeline_options.annotate = false;  // measure what `extract` runs
    auto p = pipeline::Pipeline::Create(pipeline_options);
    if (!p) {
      std::cerr << "veille: " << p.error().ToString() << "\n";
      return kExitUsage;
    }
    std::vector<Document> docs;
    ingest::Options options;
    options.max_record_bytes = o->input.max_bytes;
    options.default_lang = o->input.lang;
    ingest::Sink sink;
    sink.on_document = [&](Document&& d) { docs.push_back(std::move(d)); };
    auto counts = ingest::ReadInputs(o->input.inputs, options, sink);
    if (!counts || docs.empty()) {
      std::cerr << "veille bench: no documents to measure\n";
      return kExitUsage;
    }
    // Languages are decided once, outside the timing of `segment` and `dates`, as a record
    // would give them.
    uint64_t corpus_bytes = 0;
    for (auto& d : docs) {
      corpus_bytes += d.text.size();
      if (o->stage != "extract") d.lang = p->Language(d);
    }
    const uint64_t target = static_cast<uint64_t>(o->target_mb * 1e6);
    const unsigned threads = o->input.threads ? o->input.threads : 1;
    std::atomic<uint64_t> bytes{0}, documents{0}, sink_sum{0};
    auto start = std::chrono::steady_clock::now();
    auto work = [&] {
    while (bytes < target) {
      for (const Document& d : docs) {
        if (o->stage == "segment") {
          NormalizedText n;
          Segmented s;
          p->Segment(d, n, s, d.lang);
          sink_sum += s.tokens.size() + s.sentences.size();
        } else if (o->stage == "dates") {
          sink_sum += p->Dates(d, d.lang).size();
        } else {
          // As `veille extract` does: analyse, then write each event as a JSON line.
          pipeline::Analysis a = p->Analyze(d);
          sink_sum += EventLines(a, /*acled_only=*/false).size() + a.segmented.sentences.size();
        }
        bytes += d.text.size();
        ++documents;
      }
    }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << fmt::format("machine: {}, {} hardware threads; veille {} ({} build)\n", CpuModel(),
                             std::thread::hardware_concurrency(), VEILLE_VERSION,
#ifdef NDEBUG
                             "optimised"
#else
                             "debug"
#endif
    );
    std::cout << fmt::format("corpus: {} documents, {:.2f} MB, repeated to {:.1f} MB ({} documents)\n", docs.size(),
                             corpus_bytes / 1e6, bytes / 1e6, documents.load());
    std::cout << fmt::format("stage {}: {:.1f} MB/s, {:.0f} documents/s on {} ({:.2f} s; checksum {})\n",
                             o->stage, bytes / 1e6 / seconds, documents / seconds,
                             threads == 1 ? std::string("one core") : std::to_string(threads) + " threads", seconds,
                             sink_sum.load());
    // The yardstick for a day of news at wire scale: 300,000 articles of 3 KB.
    constexpr double kWireDayMb = 300000 * 3e3 / 1e6;
    std::cout << fmt::format("a wire day (300,000 articles of 3 KB, {:.0f} MB) at this rate: {:.0f} s\n", kWireDayMb,
                             kWireDayMb / (bytes / 1e6 / seconds));
    return kExitOk;
  };
}

}  // namespace veille::cli
