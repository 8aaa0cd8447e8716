// `veille ingest` and `veille run` (the main job): articles into the embedded store.
#include <fmt/core.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/cli.h"
#include "refdata/refdata.h"
#include "store/store.h"

namespace veille::cli {

namespace {

struct IngestReport {
  int exit_code = kExitOk;
  int64_t added = 0;
  int64_t skipped = 0;  // already stored
  ingest::Counts counts;
};

// Documents are committed in batches: one transaction per kBatch documents keeps ingest
// fast, and a killed process loses at most the open batch, which a re-run completes.
constexpr int kBatch = 256;

IngestReport IngestInto(const InputOptions& o, const std::string& db_path) {
  IngestReport report;
  auto store = store::Store::Open(db_path);
  if (!store) {
    std::cerr << "veille: " << store.error().message() << "\n";
    report.exit_code = kExitUsage;
    return report;
  }
  auto p = pipeline::Pipeline::Create();
  if (!p) {
    std::cerr << "veille: " << p.error().ToString() << "\n";
    report.exit_code = kExitUsage;
    return report;
  }
  int in_batch = 0;
  bool failed = false;
  if (Status s = store->Begin(); !s.ok()) {
    std::cerr << "veille: " << s.message() << "\n";
    report.exit_code = kExitUsage;
    return report;
  }
  report.exit_code = ForEachAnalysis(
      o, *p,
      [&](pipeline::Analysis&& a) {
        auto added = store->Add(a);
        if (!added) {
          std::cerr << "veille: " << added.error().message() << "\n";
          failed = true;
          return;
        }
        (*added ? report.added : report.skipped)++;
        if (++in_batch == kBatch) {
          in_batch = 0;
          Status s = store->Commit();
          if (s.ok()) s = store->Begin();
          if (!s.ok()) {
            std::cerr << "veille: " << s.message() << "\n";
            failed = true;
          }
        }
      },
      &report.counts);
  if (Status s = store->Commit(); !s.ok()) {
    std::cerr << "veille: " << s.message() << "\n";
    failed = true;
  }
  if (failed && report.exit_code == kExitOk) report.exit_code = kExitRejected;
  return report;
}

void PrintIngestLine(const IngestReport& r, const std::string& db) {
  std::cout << fmt::format("{}: {} document(s) added, {} already stored, {} rejected ({:.1f} MB read)\n", db, r.added,
                           r.skipped, r.counts.rejections, r.counts.bytes / 1e6);
}

}  // namespace

Action AddIngest(CLI::App& app) {
  auto* cmd = app.add_subcommand("ingest", "Add articles and their events to the store; an article already stored is skipped.\n"
                                           "Example: veille ingest reports/ --db veille.db");
  auto o = std::make_shared<InputOptions>();
  auto db = std::make_shared<std::string>("veille.db");
  AddInputOptions(*cmd, *o);
  cmd->add_option("--db", *db, "SQLite database file")->capture_default_str();
  return [o, db] {
    IngestReport r = IngestInto(*o, *db);
    PrintIngestLine(r, *db);
    return r.exit_code;
  };
}

Action AddRun(CLI::App& app) {
  auto* cmd = app.add_subcommand("run", "The main job: ingest a folder of articles into the store and summarise it.\n"
                                        "Example: veille run corpus/sample --db veille.db");
  auto o = std::make_shared<InputOptions>();
  auto db = std::make_shared<std::string>("veille.db");
  AddInputOptions(*cmd, *o, /*inputs_required=*/false);
  cmd->add_option("--db", *db, "SQLite database file")->capture_default_str();
  return [o, db] {
    if (o->inputs.empty()) {
      if (!std::filesystem::exists("corpus/sample")) {
        std::cerr << "veille run: give a folder of articles (no corpus/sample here)\n";
        return kExitUsage;
      }
      o->inputs.push_back("corpus/sample");
    }
    IngestReport r = IngestInto(*o, *db);
    if (r.exit_code == kExitUsage) return r.exit_code;
    PrintIngestLine(r, *db);
    auto store = store::Store::Open(*db);
    if (!store) return kExitUsage;
    auto s = store->Summarize();
    if (!s) {
      std::cerr << "veille: " << s.error().message() << "\n";
      return kExitRejected;
    }
    std::cout << fmt::format("\nStore {}: {} documents, {} events\n", *db, s->documents, s->events);
    std::cout << "Documents by language:";
    for (const auto& [lang, n] : s->documents_by_lang) std::cout << fmt::format("  {} {}", lang, n);
    std::cout << "\nEvents by type:";
    if (s->events_by_type.empty()) std::cout << "  (none)";
    for (const auto& [type, n] : s->events_by_type) std::cout << fmt::format("\n  {:<40} {:>6}", type, n);
    std::cout << "\nEvents by country:";
    if (s->events_by_country.empty()) std::cout << "  (none)";
    auto countries = refdata::Countries::Load(refdata::DefaultDataDir() + "/countries.vdat");
    for (const auto& [c, n] : s->events_by_country) {
      std::cout << fmt::format("\n  {:<3} {:<28} {:>6}", c, countries ? countries->NameOf(c) : "", n);
    }
    std::cout << "\nTop figures:";
    if (s->top_figures.empty()) std::cout << "  (none)";
    for (const auto& f : s->top_figures) {
      std::cout << fmt::format("\n  {:>8} {:<12} {:<16} \"{}\"{}", f.value, f.kind, f.group, f.text,
                               f.source.empty() ? "" : " (" + f.source + ")");
    }
    std::cout << fmt::format("\n\nQuery it:  build/veille query --db {} --country KZ --since 2022-01-01\n"
                             "           build/veille query --db {} --text \"police\" --format jsonl\n"
                             "Export it: build/veille export --db {} --format geojson > events.geojson\n",
                             *db, *db, *db);
    return r.exit_code;
  };
}

}  // namespace veille::cli
