// `veille data build`: converts the pinned npm/Debian reference packages into veille's own
// versioned container files (src/refdata/refdata.h). scripts/build runs it at set-up.
#include <fmt/core.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/cli.h"
#include "places/build.h"
#include "places/gazetteer.h"
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
    return kExitOk;
  };
}

}  // namespace veille::cli
