// Reference data in veille's own versioned container: data converted at set-up time from
// Debian and npm packages (country names, the gazetteer) by `veille data build`.
//
// File layout (little-endian, written field by field; docs/formats/refdata.md):
//   magic "VEILLEDT" (8 bytes) | format version u32 | kind u32 | source hash u64 |
//   payload size u64 | payload checksum u64 (XXH3-64) | payload
// Loading checks every field, so a truncated, foreign or stale file is a Corruption error
// naming the file, never a crash or a silent wrong answer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "veille/status.h"

namespace veille::refdata {

inline constexpr uint32_t kFormatVersion = 1;
enum class Kind : uint32_t { kCountries = 1, kGazetteer = 2 };

Status WriteContainer(const std::string& path, Kind kind, uint64_t source_hash, std::string_view payload);
// Returns the payload after checking the header and checksum.
Result<std::string> ReadContainer(const std::string& path, Kind kind);

// A container mapped into memory read-only, for payloads laid out to be used in place (the
// gazetteer). Open checks the magic, version, kind and size; the checksum of the payload is
// checked only when asked, because hashing tens of megabytes would touch every page and cost
// more than the rest of the load (`veille data check` asks). Move-only; unmaps on destruction.
class MappedContainer {
 public:
  static Result<MappedContainer> Open(const std::string& path, Kind kind, bool verify_checksum);
  MappedContainer(MappedContainer&& other) noexcept;
  MappedContainer& operator=(MappedContainer&& other) noexcept;
  MappedContainer(const MappedContainer&) = delete;
  MappedContainer& operator=(const MappedContainer&) = delete;
  ~MappedContainer();

  std::string_view payload() const { return payload_; }
  uint64_t source_hash() const { return source_hash_; }
  // Hashes the payload and compares it with the header's checksum.
  Status VerifyChecksum() const;

 private:
  MappedContainer() = default;
  void* base_ = nullptr;
  size_t size_ = 0;
  std::string path_;
  std::string_view payload_;
  uint64_t source_hash_ = 0;
  uint64_t checksum_ = 0;
};

// Where converted data lives by default: <directory of the veille executable>/data.
std::string DefaultDataDir();

// Country names in many languages (from npm i18n-iso-countries), keyed by ISO 3166-1 alpha-2.
class Countries {
 public:
  static Result<Countries> Load(const std::string& path);
  // Builds the payload from the package's langs/<ll>.json files. Returns the number of names.
  static Result<size_t> Convert(const std::string& package_dir, const std::string& out_path);

  // The alpha-2 code of a name in any language ("Kazajistán", "côte d'ivoire"), or of a code.
  std::optional<std::string> CodeOf(std::string_view name_or_code) const;
  // The name in `lang`, falling back to English, then the code.
  std::string NameOf(std::string_view code, std::string_view lang = "en") const;
  size_t size() const { return names_.size(); }

 private:
  std::unordered_map<std::string, std::string> by_folded_name_;   // folded name -> code
  std::unordered_map<std::string, std::string> names_;            // "KZ/fr" -> name
};

}  // namespace veille::refdata
