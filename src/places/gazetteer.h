// The gazetteer: every place veille can name, with its coordinates, country, admin1,
// population and names in many languages and scripts, in one memory-mapped file
// (`build/data/gazetteer.vdat`, refdata kind 2, layout in docs/formats/refdata.md).
//
// Loading maps the file and checks its header and section table: no parsing, no allocation
// per record, so it takes milliseconds and the pages are shared by every process using the
// same file. Lookups read the mapped sections in place; every index read from the file is
// bounds-checked, so a damaged file gives wrong answers or none, never a crash. A Gazetteer
// is immutable after Load and may be shared by threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "refdata/refdata.h"
#include "veille/status.h"

namespace veille::places {

enum class Feature : uint8_t { kCity = 0, kAdmin1 = 1, kAdmin2 = 2, kCountry = 3, kRegion = 4 };
std::string_view FeatureName(Feature f);  // "city", "admin1", "admin2", "country", "region"

// GeoNames feature codes of populated places, in increasing importance.
enum class Rank : uint8_t { kOther = 0, kPplx = 1, kPpl = 2, kPpla4 = 3, kPpla3 = 4, kPpla2 = 5, kPpla = 6, kPplc = 7 };

// How a name points at its place, from most to least trustworthy.
enum class NameKind : uint8_t {
  kPrimary = 0,    // the GeoNames name or ASCII name, an admin name, a country's display name
  kLocalized = 1,  // a translation tagged with its language (libgeonames .mo, i18n-iso-countries)
  kCurated = 2,    // veille's own data/<lang>/places.txt: variants, historical names, regions
  kShortened = 3,  // an admin name without its unit word ("Rivers State" -> "Rivers")
  kAlternate = 4,  // a GeoNames alternate name: any language, no tag
  kDemonym = 5,    // an adjective or demonym: evidence of a country, not a place mention
  kNotPlace = 6,   // an organisation or a person whose name holds a place name
};

// Language bits of a posting: the name is used in text of these languages only.
inline constexpr uint8_t kLangEn = 1, kLangFr = 2, kLangEs = 4, kLangAny = 0xFF;
uint8_t LangBit(std::string_view lang);  // en fr es, else kLangEn (the widest set of rules)

// Entry flags.
inline constexpr uint8_t kEntryName = 1;    // the key is a name (has postings)
inline constexpr uint8_t kEntryPrefix = 2;  // the key followed by " " starts a longer key
// Posting flags.
inline constexpr uint8_t kPostingAcronym = 1;  // written in capitals only ("US", "EE.UU."): match only so
inline constexpr uint8_t kPostingAbbrev = 2;   // "Calif.", "Fla.": only right after "<place>, "
inline constexpr uint8_t kPostingLowercase = 4;  // curated in lower case ("bande de Gaza"): may start so

inline constexpr uint32_t kNoPlace = 0xFFFFFFFF;
// The country field of a region that spans several countries ("Sahel"): no country.
inline constexpr std::string_view kNoCountry = "--";

struct Place {
  uint32_t index = kNoPlace;
  int64_t geonames_id = 0;  // 0 when the place has none in veille's sources (countries, most admin)
  double lat = 0;
  double lon = 0;
  uint32_t population = 0;
  std::string_view name;     // display name
  std::string_view country;  // ISO 3166-1 alpha-2
  uint32_t admin1 = kNoPlace;  // index of the admin1 place that holds it
  uint32_t admin2 = kNoPlace;
  Feature feature = Feature::kCity;
  Rank rank = Rank::kOther;
};

struct Posting {
  uint32_t place = kNoPlace;
  NameKind kind = NameKind::kAlternate;
  uint8_t langs = kLangAny;
  uint8_t flags = 0;
};

struct Entry {
  std::string_view key;
  uint8_t flags = 0;
  uint8_t common = 0;  // bits 0-2: a common word in en/fr/es (Debian word lists); bits 3-5: curated
  uint32_t first_posting = 0;
  uint32_t posting_count = 0;
};

struct GazetteerStats {
  uint32_t places = 0, cities = 0, admin1 = 0, admin2 = 0, countries = 0, regions = 0;
  uint32_t keys = 0, postings = 0;
  uint64_t file_bytes = 0;
};

class Gazetteer {
 public:
  // Maps `path`; `verify_checksum` also hashes the whole payload (slow: `veille data check`).
  static Result<Gazetteer> Load(const std::string& path, bool verify_checksum = false);

  // The entry of a folded key (places/key.h), or nullopt.
  std::optional<Entry> Find(std::string_view key) const;
  Posting posting(uint32_t i) const;
  Place place(uint32_t i) const;
  uint32_t place_count() const { return place_count_; }
  // The country place of an ISO alpha-2 code.
  std::optional<uint32_t> CountryPlace(std::string_view code) const;
  // Linear search by GeoNames id (tests and tools).
  std::optional<uint32_t> FindGeonamesId(int64_t id) const;
  GazetteerStats stats() const;
  uint64_t source_hash() const { return file_.source_hash(); }

 private:
  explicit Gazetteer(refdata::MappedContainer file) : file_(std::move(file)) {}
  refdata::MappedContainer file_;
  const char* places_ = nullptr;
  const char* slots_ = nullptr;
  const char* entries_ = nullptr;
  const char* postings_ = nullptr;
  const char* strings_ = nullptr;
  uint32_t place_count_ = 0, slot_count_ = 0, entry_count_ = 0, posting_count_ = 0;
  uint64_t strings_size_ = 0;
  std::unordered_map<std::string, uint32_t> countries_;  // "KZ" -> place index
};

// The payload layout, shared by the writer (build.cc) and the reader. All integers
// little-endian; sections 8-byte aligned.
namespace layout {
inline constexpr uint32_t kMagic = 0x315A4147;  // "GAZ1"
inline constexpr size_t kHeaderSize = 128;
inline constexpr size_t kPlaceSize = 40;
inline constexpr size_t kSlotSize = 8;
inline constexpr size_t kEntrySize = 16;
inline constexpr size_t kPostingSize = 8;
}  // namespace layout

}  // namespace veille::places
