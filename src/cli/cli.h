// The `veille` command line: one verb per file (run, ingest, extract, annotate, query,
// export, eval, bench), parsed with CLI11. Exit codes, as ../shared/spec/events.md says:
// 0 when every record was read, 1 when some were rejected (the rest are still processed) or
// a check failed, 2 on a usage error.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace veille::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;
inline constexpr int kExitUsage = 2;

int Main(int argc, char** argv);

// Options shared by the verbs that read articles.
struct InputOptions {
  std::vector<std::string> inputs;
  std::string published;  // YYYY-MM-DD
  std::string lang = "auto";
  uint64_t max_bytes = 10ull << 20;
  unsigned threads = 0;  // 0: one per hardware thread
};
void AddInputOptions(CLI::App& cmd, InputOptions& o, bool inputs_required = true);

// Runs ingest and the pipeline over the inputs, calling `on_analysis` for each document in
// input order, and reporting notices and rejections on stderr. Returns the exit code.
int ForEachAnalysis(const InputOptions& o, const pipeline::Pipeline& p,
                    const std::function<void(pipeline::Analysis&&)>& on_analysis,
                    ingest::Counts* counts_out = nullptr);
// The same for verbs that print: `render` makes each document's output text on the worker
// threads, and the texts are written to standard output in input order.
int PrintEachAnalysis(const InputOptions& o, const pipeline::Pipeline& p,
                      const std::function<std::string(const pipeline::Analysis&)>& render);

// What `veille extract` prints for one document: its events as JSON Lines, only those in
// ACLED's scope when asked. `veille bench --stage extract` measures the same.
std::string EventLines(const pipeline::Analysis& a, bool acled_only);

// Each verb registers its subcommand and returns the action to run when it is chosen.
using Action = std::function<int()>;
Action AddRun(CLI::App& app);
Action AddIngest(CLI::App& app);
Action AddExtract(CLI::App& app);
Action AddAnnotate(CLI::App& app);
Action AddQuery(CLI::App& app);
Action AddExport(CLI::App& app);
Action AddEval(CLI::App& app);
Action AddBench(CLI::App& app);
Action AddData(CLI::App& app);

}  // namespace veille::cli
