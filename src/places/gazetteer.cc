#include "places/gazetteer.h"

#include <bit>
#include <cstring>

#include "base/hash.h"

namespace veille::places {

static_assert(std::endian::native == std::endian::little,
              "the gazetteer is read in place; a big-endian port must byte-swap in the accessors");

namespace {

template <typename T>
T Read(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace

std::string_view FeatureName(Feature f) {
  switch (f) {
    case Feature::kCity: return "city";
    case Feature::kAdmin1: return "admin1";
    case Feature::kAdmin2: return "admin2";
    case Feature::kCountry: return "country";
    case Feature::kRegion: return "region";
  }
  return "city";
}

uint8_t LangBit(std::string_view lang) {
  if (lang == "fr") return kLangFr;
  if (lang == "es") return kLangEs;
  return kLangEn;
}

Result<Gazetteer> Gazetteer::Load(const std::string& path, bool verify_checksum) {
  auto file = refdata::MappedContainer::Open(path, refdata::Kind::kGazetteer, verify_checksum);
  if (!file) return Err(file.error());
  std::string_view p = file->payload();
  auto corrupt = [&](const std::string& what) { return Err(Status::Corruption(path + ": " + what)); };
  if (p.size() < layout::kHeaderSize) return corrupt("gazetteer payload shorter than its header");
  const char* h = p.data();
  if (Read<uint32_t>(h) != layout::kMagic) return corrupt("not a gazetteer payload (bad section magic)");
  Gazetteer g(std::move(*file));
  g.place_count_ = Read<uint32_t>(h + 4);
  g.slot_count_ = Read<uint32_t>(h + 8);
  g.entry_count_ = Read<uint32_t>(h + 12);
  g.posting_count_ = Read<uint32_t>(h + 16);
  g.strings_size_ = Read<uint64_t>(h + 24);
  struct Section {
    const char* name;
    uint64_t offset;
    uint64_t size;
    const char** out;
  };
  Section sections[] = {
      {"places", Read<uint64_t>(h + 32), uint64_t{g.place_count_} * layout::kPlaceSize, &g.places_},
      {"slots", Read<uint64_t>(h + 40), uint64_t{g.slot_count_} * layout::kSlotSize, &g.slots_},
      {"entries", Read<uint64_t>(h + 48), uint64_t{g.entry_count_} * layout::kEntrySize, &g.entries_},
      {"postings", Read<uint64_t>(h + 56), uint64_t{g.posting_count_} * layout::kPostingSize, &g.postings_},
      {"strings", Read<uint64_t>(h + 64), g.strings_size_, &g.strings_},
  };
  for (const Section& s : sections) {
    if (s.offset < layout::kHeaderSize || s.offset > p.size() || s.size > p.size() - s.offset || s.offset % 8 != 0) {
      return corrupt(std::string("section ") + s.name + " lies outside the payload");
    }
    *s.out = p.data() + s.offset;
  }
  // Open addressing needs a power-of-two table with room to spare; anything else would make
  // Find loop or index out of range.
  if (g.slot_count_ == 0 || !std::has_single_bit(g.slot_count_) || g.entry_count_ >= g.slot_count_) {
    return corrupt("bad hash table size");
  }
  for (uint32_t i = 0; i < g.place_count_; ++i) {
    Place pl = g.place(i);
    if (pl.feature == Feature::kCountry) g.countries_.emplace(std::string(pl.country), i);
  }
  return g;
}

std::optional<Entry> Gazetteer::Find(std::string_view key) const {
  uint64_t hash = Hash64(key);
  auto tag = static_cast<uint32_t>(hash >> 32);
  uint32_t mask = slot_count_ - 1;
  auto pos = static_cast<uint32_t>(hash) & mask;
  // The table is at most two-thirds full, so a probe run ends at an empty slot; the bound
  // only guards against a damaged file.
  for (uint32_t probes = 0; probes < slot_count_; ++probes, pos = (pos + 1) & mask) {
    uint64_t slot = Read<uint64_t>(slots_ + uint64_t{pos} * layout::kSlotSize);
    auto entry_plus_one = static_cast<uint32_t>(slot);
    if (entry_plus_one == 0) return std::nullopt;
    if (static_cast<uint32_t>(slot >> 32) != tag || entry_plus_one > entry_count_) continue;
    const char* e = entries_ + uint64_t{entry_plus_one - 1} * layout::kEntrySize;
    auto key_off = Read<uint32_t>(e);
    auto key_len = Read<uint16_t>(e + 4);
    if (uint64_t{key_off} + key_len > strings_size_) continue;
    std::string_view stored(strings_ + key_off, key_len);
    if (stored != key) continue;
    Entry out;
    out.key = stored;
    out.flags = static_cast<uint8_t>(e[6]);
    out.common = static_cast<uint8_t>(e[7]);
    out.first_posting = Read<uint32_t>(e + 8);
    out.posting_count = Read<uint32_t>(e + 12);
    if (out.first_posting > posting_count_ || out.posting_count > posting_count_ - out.first_posting) {
      out.posting_count = 0;
    }
    return out;
  }
  return std::nullopt;
}

Posting Gazetteer::posting(uint32_t i) const {
  Posting out;
  if (i >= posting_count_) return out;
  const char* p = postings_ + uint64_t{i} * layout::kPostingSize;
  out.place = Read<uint32_t>(p);
  if (out.place >= place_count_) out.place = kNoPlace;
  auto kind = static_cast<uint8_t>(p[4]);
  out.kind = kind <= static_cast<uint8_t>(NameKind::kNotPlace) ? static_cast<NameKind>(kind) : NameKind::kAlternate;
  out.langs = static_cast<uint8_t>(p[5]);
  out.flags = static_cast<uint8_t>(p[6]);
  return out;
}

Place Gazetteer::place(uint32_t i) const {
  Place out;
  if (i >= place_count_) return out;
  const char* r = places_ + uint64_t{i} * layout::kPlaceSize;
  out.index = i;
  out.geonames_id = Read<uint32_t>(r);
  out.lat = Read<int32_t>(r + 4) / 1e5;
  out.lon = Read<int32_t>(r + 8) / 1e5;
  out.population = Read<uint32_t>(r + 12);
  auto name_off = Read<uint32_t>(r + 16);
  auto name_len = Read<uint16_t>(r + 20);
  if (uint64_t{name_off} + name_len <= strings_size_) out.name = std::string_view(strings_ + name_off, name_len);
  out.country = std::string_view(r + 22, 2);
  out.admin1 = Read<uint32_t>(r + 24);
  if (out.admin1 >= place_count_) out.admin1 = kNoPlace;
  out.admin2 = Read<uint32_t>(r + 28);
  if (out.admin2 >= place_count_) out.admin2 = kNoPlace;
  auto feature = static_cast<uint8_t>(r[32]);
  out.feature = feature <= static_cast<uint8_t>(Feature::kRegion) ? static_cast<Feature>(feature) : Feature::kCity;
  auto rank = static_cast<uint8_t>(r[33]);
  out.rank = rank <= static_cast<uint8_t>(Rank::kPplc) ? static_cast<Rank>(rank) : Rank::kOther;
  return out;
}

std::optional<uint32_t> Gazetteer::CountryPlace(std::string_view code) const {
  auto it = countries_.find(std::string(code));
  if (it == countries_.end()) return std::nullopt;
  return it->second;
}

std::optional<uint32_t> Gazetteer::FindGeonamesId(int64_t id) const {
  for (uint32_t i = 0; i < place_count_; ++i) {
    if (Read<uint32_t>(places_ + uint64_t{i} * layout::kPlaceSize) == id) return i;
  }
  return std::nullopt;
}

GazetteerStats Gazetteer::stats() const {
  GazetteerStats s;
  const char* h = file_.payload().data();
  s.places = place_count_;
  s.cities = Read<uint32_t>(h + 72);
  s.admin1 = Read<uint32_t>(h + 76);
  s.admin2 = Read<uint32_t>(h + 80);
  s.countries = Read<uint32_t>(h + 84);
  s.regions = Read<uint32_t>(h + 88);
  s.keys = entry_count_;
  s.postings = posting_count_;
  s.file_bytes = file_.payload().size() + 40;
  return s;
}

}  // namespace veille::places
