// `veille data build`: converts the pinned npm/Debian reference packages into veille's own
// versioned container files (src/refdata/refdata.h). scripts/build runs it at set-up.
#include <fmt/core.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/cli.h"
#include "places/build.h"
#include "places/gazetteer.h"
#include "places/key.h"
#include "refdata/refdata.h"

namespace veille::cli {

Action AddData(CLI::App& app) {
  auto* cmd = app.add_subcommand("data", "Build or check veille's reference data (country names, gazetteer).\n"
                                         "Example: veille data build --packages packages/node_modules");
  auto packages = std::make_shared<std::string>("packages/node_modules");
  auto out = std::make_shared<std::string>(refdata::DefaultDataDir());
  auto* build = cmd->add_subcommand("build", "Convert the reference packages into veille's data files");
  build->add_option("--packages", *packages, "folder holding the npm packages")->capture_default_str();
  build->add_option("--out", *out, "output folder")->capture_default_str();
  auto* check = cmd->add_subcommand("check", "Load every data file and report what it holds");
  check->add_option("--dir", *out, "data folder")->capture_default_str();
  auto lookup = std::make_shared<std::vector<std::string>>();
  check->add_option("--lookup", *lookup, "also print the gazetteer entries of these names (repeatable)");
  cmd->require_subcommand(1);
  return [=] {
    if (build->parsed()) {
      std::error_code ec;
      std::filesystem::create_directories(*out, ec);
      if (ec) {
        std::cerr << "veille: cannot create " << *out << ": " << ec.message() << "\n";
        return kExitUsage;
      }
      std::string path = *out + "/countries.vdat";
      auto n = refdata::Countries::Convert(*packages + "/i18n-iso-countries", path);
      if (!n) {
        std::cerr << "veille: " << n.error().message() << "\n";
        return kExitRejected;
      }
      std::cout << fmt::format("{}: {} country names\n", path, *n);
      std::string gazetteer = *out + "/gazetteer.vdat";
      auto g = places::BuildGazetteer(*packages, gazetteer);
      if (!g) {
        std::cerr << "veille: " << g.error().message() << "\n";
        return kExitRejected;
      }
      for (const std::string& w : g->warnings) std::cerr << "veille: warning: " << w << "\n";
      const places::GazetteerStats& s = g->stats;
      std::cout << fmt::format("{}: {} places ({} cities, {} admin1, {} admin2, {} countries, {} regions), "
                               "{} names ({} from libgeonames, {} curated) under {} keys, {:.1f} MB\n",
                               gazetteer, s.places, s.cities, s.admin1, s.admin2, s.countries, s.regions, g->names,
                               g->mo_names, g->curated, s.keys, s.file_bytes / 1e6);
      return kExitOk;
    }
    auto c = refdata::Countries::Load(*out + "/countries.vdat");
    if (!c) {
      std::cerr << "veille: " << c.error().message() << "\n";
      return kExitRejected;
    }
    std::cout << fmt::format("{}/countries.vdat: {} country names in many languages\n", *out, c->size());
    // The full checksum is verified here rather than at every load (docs/formats/refdata.md).
    auto g = places::Gazetteer::Load(*out + "/gazetteer.vdat", /*verify_checksum=*/true);
    if (!g) {
      std::cerr << "veille: " << g.error().message() << "\n";
      return kExitRejected;
    }
    const places::GazetteerStats s = g->stats();
    std::cout << fmt::format("{}/gazetteer.vdat: {} places ({} cities, {} admin1, {} admin2, {} countries, "
                             "{} regions), {} keys, {} postings, checksum ok\n",
                             *out, s.places, s.cities, s.admin1, s.admin2, s.countries, s.regions, s.keys, s.postings);
    static constexpr const char* kKinds[] = {"primary", "localized", "curated", "shortened",
                                             "alternate", "demonym", "notplace"};
    for (const std::string& name : *lookup) {
      std::string key = places::NameKey(name);
      auto entry = g->Find(key);
      if (!entry) {
        std::cout << fmt::format("\"{}\" (key \"{}\"): not in the gazetteer\n", name, key);
        continue;
      }
      std::cout << fmt::format("\"{}\" (key \"{}\"): {} place(s){}{}\n", name, key, entry->posting_count,
                               entry->flags & places::kEntryPrefix ? ", starts longer names" : "",
                               entry->common ? fmt::format(", common word (mask {:#x})", entry->common) : "");
      for (uint32_t k = 0; k < entry->posting_count; ++k) {
        places::Posting p = g->posting(entry->first_posting + k);
        if (p.place == places::kNoPlace) {
          std::cout << fmt::format("  {} (langs {:#x})\n", kKinds[static_cast<int>(p.kind)], p.langs);
          continue;
        }
        places::Place pl = g->place(p.place);
        std::string admin1 = pl.admin1 == places::kNoPlace ? "" : std::string(g->place(pl.admin1).name);
        std::cout << fmt::format("  {:<9} {} {} {} [{}] {} pop {} at {:.4f},{:.4f} id {} (langs {:#x}, flags {})\n",
                                 kKinds[static_cast<int>(p.kind)], places::FeatureName(pl.feature), pl.name,
                                 pl.country, admin1, static_cast<int>(pl.rank), pl.population, pl.lat, pl.lon,
                                 pl.geonames_id, p.langs, p.flags);
      }
    }
    return kExitOk;
  };
}

}  // namespace veille::cli
