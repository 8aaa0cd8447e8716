// `veille data build`: converts the pinned npm/Debian reference packages into veille's own
// versioned container files (src/refdata/refdata.h). scripts/build runs it at set-up.
#include <fmt/core.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/cli.h"
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
      return kExitOk;
    }
    auto c = refdata::Countries::Load(*out + "/countries.vdat");
    if (!c) {
      std::cerr << "veille: " << c.error().message() << "\n";
      return kExitRejected;
    }
    std::cout << fmt::format("{}/countries.vdat: {} country names in many languages\n", *out, c->size());
    return kExitOk;
  };
}

}  // namespace veille::cli
