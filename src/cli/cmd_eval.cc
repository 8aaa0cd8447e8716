// `veille eval GOLD.jsonl`: precision, recall and F1 per field against a gold set.
#include <fmt/core.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/cli.h"
#include "eval/eval.h"
#include "output/json.h"

namespace veille::cli {

namespace {

struct EvalOptions {
  std::vector<std::string> gold;
  std::string json_out;
  std::string misses_out;
  std::vector<std::string> minimums;  // metric=F1 floor
};

void PrintReport(const std::string& path, const eval::Report& r) {
  std::cout << fmt::format("{}: {} document(s)\n", path, r.documents);
  std::cout << fmt::format("  {:<28} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}\n", "field", "precision", "recall", "F1",
                           "tp", "fp", "fn");
  auto row = [](const std::string& name, const eval::Counts& c) {
    std::cout << fmt::format("  {:<28} {:>9.3f} {:>9.3f} {:>9.3f} {:>7} {:>7} {:>7}\n", name, c.Precision(),
                             c.Recall(), c.F1(), c.tp, c.fp, c.fn);
  };
  for (const auto& [name, c] : r.metrics) row(name, c);
  row("total", r.Total());
  for (const std::string& p : r.problems) std::cerr << p << "\n";
}

}  // namespace

Action AddEval(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "eval", "Score veille against gold sets: precision, recall and F1 per field, and a total.\n"
              "Example: veille eval tests/gold/figures/fr.jsonl --min figure.exact=0.95 --json report.json");
  auto o = std::make_shared<EvalOptions>();
  cmd->add_option("gold", o->gold, "gold set(s), JSON Lines")->required();
  cmd->add_option("--json", o->json_out, "also write the scores as JSON to this file");
  cmd->add_option("--misses", o->misses_out, "write the mismatches (JSON Lines) to this file, for error analysis");
  cmd->add_option("--min", o->minimums, "METRIC=F1: fail (exit 1) when METRIC's F1 is below the floor; repeatable");
  return [o] {
    auto p = pipeline::Pipeline::Create();
    if (!p) {
      std::cerr << "veille: " << p.error().ToString() << "\n";
      return kExitUsage;
    }
    int exit_code = kExitOk;
    nlohmann::json all = nlohmann::json::object();
    std::ofstream misses;
    if (!o->misses_out.empty()) misses.open(o->misses_out);
    for (const std::string& path : o->gold) {
      auto report = eval::EvaluateFile(path, *p);
      if (!report) {
        std::cerr << "veille: " << report.error().message() << "\n";
        return kExitUsage;
      }
      PrintReport(path, *report);
      if (!report->problems.empty()) exit_code = kExitRejected;
      for (const std::string& m : o->minimums) {
        size_t eq = m.find('=');
        double floor = 0;
        if (eq == std::string::npos || std::sscanf(m.c_str() + eq + 1, "%lf", &floor) != 1) {
          std::cerr << "veille: --min takes METRIC=F1, got \"" << m << "\"\n";
          return kExitUsage;
        }
        std::string metric = m.substr(0, eq);
        auto it = report->metrics.find(metric);
        double f1 = metric == "total" ? report->Total().F1() : (it == report->metrics.end() ? 0.0 : it->second.F1());
        if (f1 + 1e-9 < floor) {
          std::cerr << fmt::format("{}: {} F1 {:.3f} is below the floor {:.3f}\n", path, metric, f1, floor);
          exit_code = kExitRejected;
        }
      }
      all[path] = report->ToJson();
      if (misses) {
        for (const auto& miss : report->misses) misses << output::Dump(miss) << '\n';
      }
    }
    if (!o->json_out.empty()) {
      std::ofstream out(o->json_out);
      out << all.dump(2) << '\n';
      if (!out) {
        std::cerr << "veille: cannot write " << o->json_out << "\n";
        return kExitUsage;
      }
    }
    return exit_code;
  };
}

}  // namespace veille::cli
