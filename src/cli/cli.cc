#include "cli/cli.h"

#include <fmt/core.h>

#include <atomic>
#include <future>
#include <iostream>
#include <thread>
#include <utility>
#include <map>

namespace veille::cli {

void AddInputOptions(CLI::App& cmd, InputOptions& o, bool inputs_required) {
  auto* in = cmd.add_option("inputs", o.inputs, ".txt or .jsonl files, folders (recursive), or - for stdin");
  if (inputs_required) in->required();
  cmd.add_option("--published", o.published,
                 "publication date (YYYY-MM-DD) for records without one; relative dates resolve against it");
  cmd.add_option("--lang", o.lang, "language of records without one: auto (detect), en, fr, es, ...");
  cmd.add_option("--max-bytes", o.max_bytes, "largest accepted article or record, in bytes")->capture_default_str();
  cmd.add_option("--threads", o.threads, "worker threads analysing documents (0: one per hardware thread)")
      ->capture_default_str();
}

namespace {

// Ingest and analysis in batches: `make` turns each analysis into a Result on the worker
// threads (the analysis itself, or the text a verb prints), and `hand_on` receives them on
// this thread in input order.
template <typename Result>
int AnalyseInBatches(const InputOptions& o, const pipeline::Pipeline& p,
                     const std::function<Result(pipeline::Analysis&&)>& make,
                     const std::function<void(Result&&)>& hand_on_one, ingest::Counts* counts_out) {
  ingest::Options options;
  options.max_record_bytes = o.max_bytes;
  options.default_lang = o.lang;
  if (!o.published.empty()) {
    options.default_published = ParseIsoDate(o.published);
    if (!options.default_published) {
      std::cerr << "veille: --published must be a date YYYY-MM-DD, got \"" << o.published << "\"\n";
      return kExitUsage;
    }
  }
  // Documents are analysed in batches by worker threads (the Pipeline is immutable and
  // shared); results are handed on in input order, so output and store order never depend
  // on the number of threads. While one batch is analysed, this thread reads the next one
  // and hands on the results of the one before, so reading and writing overlap the analysis.
  const unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  constexpr size_t kBatch = 256;
  auto analyse = [&p, &make, threads](std::vector<Document> docs) {
    std::vector<Result> results(docs.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t k; (k = next.fetch_add(1)) < docs.size();) results[k] = make(p.Analyze(std::move(docs[k])));
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads && t < docs.size(); ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    return results;
  };
  std::vector<Document> batch;
  std::future<std::vector<Result>> pending;
  auto hand_on = [&](std::future<std::vector<Result>> done) {
    if (!done.valid()) return;
    for (Result& r : done.get()) hand_on_one(std::move(r));
  };
  // Starts the batch read so far, then hands on the one before while it runs.
  auto flush = [&] {
    if (batch.empty()) return;
    auto previous = std::exchange(pending, std::async(std::launch::async, analyse, std::move(batch)));
    batch.clear();
    hand_on(std::move(previous));
  };
  ingest::Sink sink;
  sink.on_document = [&](Document&& d) {
    batch.push_back(std::move(d));
    if (batch.size() == kBatch) flush();
  };
  sink.on_notice = [](const Notice& n) { std::cerr << n.origin.ToString() << ": warning: " << n.message << "\n"; };
  sink.on_rejection = [](const ingest::Rejection& r) { std::cerr << r.ToString() << " (record rejected)\n"; };
  auto counts = ingest::ReadInputs(o.inputs, options, sink);
  flush();
  hand_on(std::move(pending));
  if (!counts) {
    std::cerr << "veille: " << counts.error().message() << "\n";
    return kExitUsage;
  }
  if (counts_out) *counts_out = *counts;
  if (counts->rejections > 0) {
    std::cerr << fmt::format("veille: {} record(s) rejected, {} read\n", counts->rejections, counts->documents);
    return kExitRejected;
  }
  return kExitOk;
}

}  // namespace

int ForEachAnalysis(const InputOptions& o, const pipeline::Pipeline& p,
                    const std::function<void(pipeline::Analysis&&)>& on_analysis, ingest::Counts* counts_out) {
  return AnalyseInBatches<pipeline::Analysis>(
      o, p, [](pipeline::Analysis&& a) { return std::move(a); }, on_analysis, counts_out);
}

int PrintEachAnalysis(const InputOptions& o, const pipeline::Pipeline& p,
                      const std::function<std::string(const pipeline::Analysis&)>& render) {
  return AnalyseInBatches<std::string>(
      o, p, [&render](pipeline::Analysis&& a) { return render(a); },
      [](std::string&& text) { std::cout << text; }, nullptr);
}

int Main(int argc, char** argv) {
  CLI::App app{"veille: news articles in, geocoded, evidence-linked events out.\n"
               "Example: veille run corpus/sample && veille query --country KZ"};
  app.set_version_flag("--version", std::string("veille ") + VEILLE_VERSION);
  app.require_subcommand(1);
  std::map<CLI::App*, Action> actions;
  auto add = [&](Action (*adder)(CLI::App&)) {
    size_t before = app.get_subcommands({}).size();
    Action action = adder(app);
    actions[app.get_subcommands({})[before]] = std::move(action);
  };
  add(AddRun);
  add(AddIngest);
  add(AddExtract);
  add(AddAnnotate);
  add(AddQuery);
  add(AddExport);
  add(AddEval);
  add(AddBench);
  add(AddData);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (auto& [cmd, action] : actions) {
    if (cmd->parsed()) return action();
  }
  return kExitUsage;
}

}  // namespace veille::cli
