// `veille query` and `veille export`: read events back from the store.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/cli.h"
#include "output/export.h"
#include "refdata/refdata.h"
#include "store/store.h"

namespace veille::cli {

namespace {

struct QueryOptions {
  std::string db = "veille.db";
  std::string country, type, since, until, text, near, format;
  int64_t limit = 0;
};

void AddQueryOptions(CLI::App& cmd, QueryOptions& q) {
  cmd.add_option("--db", q.db, "SQLite database file")->capture_default_str();
  cmd.add_option("--country", q.country, "country: ISO 3166-1 alpha-2 code or a name in any language, e.g. KZ, Kazakhstan, Kazajistán");
  cmd.add_option("--type", q.type, "PLOVER type, ACLED event type or sub-event type, e.g. PROTEST, Riots, Arrests");
  cmd.add_option("--since", q.since, "first event date, YYYY-MM-DD");
  cmd.add_option("--until", q.until, "last event date, YYYY-MM-DD");
  cmd.add_option("--text", q.text, "full-text query over evidence sentences (SQLite FTS5 syntax)");
  cmd.add_option("--near", q.near, "lat,lon,km: events within km of a point");
  cmd.add_option("--limit", q.limit, "at most this many events (0: all)");
}

int RunQuery(const QueryOptions& q) {
  store::Filter f;
  f.country = q.country;
  if (q.country.size() != 2 && !q.country.empty()) {
    // A country name in any language the reference data knows: "Kazakhstan", "Kazajistán".
    auto countries = refdata::Countries::Load(refdata::DefaultDataDir() + "/countries.vdat");
    std::optional<std::string> code = countries ? countries->CodeOf(q.country) : std::nullopt;
    if (!code) {
      std::cerr << "veille: unknown country \"" << q.country << "\" (give an ISO code such as KZ"
                << (countries ? "" : "; " + countries.error().message()) << ")\n";
      return kExitUsage;
    }
    f.country = *code;
  }
  f.type = q.type;
  f.text = q.text;
  f.limit = q.limit;
  auto date = [](const std::string& s, const char* flag, std::optional<CivilDate>& out) {
    if (s.empty()) return true;
    out = ParseIsoDate(s);
    if (!out) std::cerr << "veille: " << flag << " must be a date YYYY-MM-DD, got \"" << s << "\"\n";
    return out.has_value();
  };
  if (!date(q.since, "--since", f.since) || !date(q.until, "--until", f.until)) return kExitUsage;
  if (!q.near.empty()) {
    store::Near n;
    if (std::sscanf(q.near.c_str(), "%lf,%lf,%lf", &n.lat, &n.lon, &n.km) != 3 || n.km <= 0 || n.lat < -90 ||
        n.lat > 90 || n.lon < -180 || n.lon > 180) {
      std::cerr << "veille: --near must be lat,lon,km (e.g. 43.25,76.95,50), got \"" << q.near << "\"\n";
      return kExitUsage;
    }
    f.near = n;
  }
  auto store = store::Store::Open(q.db);
  if (!store) {
    std::cerr << "veille: " << store.error().message() << "\n";
    return kExitUsage;
  }
  auto events = store->Query(f);
  if (!events) {
    std::cerr << "veille: " << events.error().message() << "\n";
    return kExitUsage;
  }
  auto countries = refdata::Countries::Load(refdata::DefaultDataDir() + "/countries.vdat");
  output::CountryNamer namer;
  if (countries) namer = [&](std::string_view code) { return countries->NameOf(code); };
  Status s = output::WriteEvents(*events, q.format, std::cout, namer);
  if (!s.ok()) {
    std::cerr << "veille: " << s.message() << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

Action AddQuery(CLI::App& app) {
  auto* cmd = app.add_subcommand("query", "Find events in the store.\n"
                                          "Example: veille query --country KZ --type Riots --since 2022-01-01 --format table");
  auto q = std::make_shared<QueryOptions>();
  q->format = "table";
  AddQueryOptions(*cmd, *q);
  cmd->add_option("--format", q->format, "table, jsonl or csv")
      ->check(CLI::IsMember({"table", "jsonl", "csv"}))
      ->capture_default_str();
  return [q] { return RunQuery(*q); };
}

Action AddExport(CLI::App& app) {
  auto* cmd = app.add_subcommand("export", "Export events from the store (the query filters apply).\n"
                                           "Example: veille export --format geojson > events.geojson");
  auto q = std::make_shared<QueryOptions>();
  q->format = "jsonl";
  AddQueryOptions(*cmd, *q);
  cmd->add_option("--format", q->format, "jsonl (spec record), csv (ACLED column names) or geojson")
      ->check(CLI::IsMember({"jsonl", "csv", "geojson"}))
      ->capture_default_str();
  return [q] { return RunQuery(*q); };
}

}  // namespace veille::cli
