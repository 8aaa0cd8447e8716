#include "refdata/refdata.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "base/hash.h"
#include "base/lines.h"
#include "normalize/fold.h"

namespace veille::refdata {

namespace {

constexpr char kMagic[8] = {'V', 'E', 'I', 'L', 'L', 'E', 'D', 'T'};
constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 8 + 8;

void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
uint64_t GetLe(std::string_view in, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  return v;
}

}  // namespace

Status WriteContainer(const std::string& path, Kind kind, uint64_t source_hash, std::string_view payload) {
  std::string header(kMagic, 8);
  PutU32(header, kFormatVersion);
  PutU32(header, static_cast<uint32_t>(kind));
  PutU64(header, source_hash);
  PutU64(header, payload.size());
  PutU64(header, Hash64(payload));
  // Write to a temporary file and rename, so a reader never sees half a file.
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    if (!out) return Status::IOError("cannot write " + tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::IOError("cannot rename " + tmp + " to " + path + ": " + ec.message());
  return Status::Ok();
}

namespace {

// Checks a container header held in `head` (the file's first bytes) against the file size.
Status CheckHeader(const std::string& path, std::string_view head, uint64_t file_size, Kind kind) {
  if (file_size < kHeaderSize || std::memcmp(head.data(), kMagic, 8) != 0) {
    return Status::Corruption(path + ": not a veille reference data file (bad magic)");
  }
  uint32_t version = static_cast<uint32_t>(GetLe(head, 8, 4));
  if (version != kFormatVersion) {
    return Status::Corruption(path + ": format version " + std::to_string(version) + ", this veille reads " +
                              std::to_string(kFormatVersion) + " (run scripts/build)");
  }
  uint32_t file_kind = static_cast<uint32_t>(GetLe(head, 12, 4));
  if (file_kind != static_cast<uint32_t>(kind)) {
    return Status::Corruption(path + ": holds data of kind " + std::to_string(file_kind) + ", expected " +
                              std::to_string(static_cast<uint32_t>(kind)));
  }
  uint64_t size = GetLe(head, 24, 8);
  if (file_size - kHeaderSize != size) {
    return Status::Corruption(path + ": payload is " + std::to_string(file_size - kHeaderSize) +
                              " bytes, header says " + std::to_string(size) + " (truncated?)");
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> ReadContainer(const std::string& path, Kind kind) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Err(Status::NotFound("cannot open reference data " + path + " (run scripts/build)"));
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (Status s = CheckHeader(path, all, all.size(), kind); !s.ok()) return Err(s);
  uint64_t checksum = GetLe(all, 32, 8);
  std::string payload = all.substr(kHeaderSize);
  if (Hash64(payload) != checksum) return Err(Status::Corruption(path + ": checksum mismatch"));
  return payload;
}

Result<MappedContainer> MappedContainer::Open(const std::string& path, Kind kind, bool verify_checksum) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Err(Status::NotFound("cannot open reference data " + path + " (run scripts/build)"));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return Err(Status::IOError("cannot stat " + path));
  }
  auto file_size = static_cast<uint64_t>(st.st_size);
  if (file_size < kHeaderSize) {  // mapping an empty file fails; say why instead
    ::close(fd);
    return Err(Status::Corruption(path + ": not a veille reference data file (bad magic)"));
  }
  void* base = ::mmap(nullptr, file_size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);  // the mapping keeps the file open
  if (base == MAP_FAILED) return Err(Status::IOError("cannot map " + path));
  MappedContainer m;
  m.base_ = base;
  m.size_ = file_size;
  m.path_ = path;
  std::string_view all(static_cast<const char*>(base), file_size);
  if (Status s = CheckHeader(path, all, file_size, kind); !s.ok()) return Err(s);
  m.source_hash_ = GetLe(all, 16, 8);
  m.checksum_ = GetLe(all, 32, 8);
  m.payload_ = all.substr(kHeaderSize);
  if (verify_checksum) {
    if (Status s = m.VerifyChecksum(); !s.ok()) return Err(s);
  }
  return m;
}

MappedContainer::MappedContainer(MappedContainer&& other) noexcept { *this = std::move(other); }

MappedContainer& MappedContainer::operator=(MappedContainer&& other) noexcept {
  if (this != &other) {
    if (base_ != nullptr) ::munmap(base_, size_);
    base_ = std::exchange(other.base_, nullptr);
    size_ = std::exchange(other.size_, 0);
    path_ = std::move(other.path_);
    payload_ = std::exchange(other.payload_, {});
    source_hash_ = other.source_hash_;
    checksum_ = other.checksum_;
  }
  return *this;
}

MappedContainer::~MappedContainer() {
  if (base_ != nullptr) ::munmap(base_, size_);
}

Status MappedContainer::VerifyChecksum() const {
  if (Hash64(payload_) != checksum_) return Status::Corruption(path_ + ": checksum mismatch");
  return Status::Ok();
}

std::string DefaultDataDir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "data";
  return (exe.parent_path() / "data").string();
}

Result<size_t> Countries::Convert(const std::string& package_dir, const std::string& out_path) {
  namespace fs = std::filesystem;
  fs::path langs = fs::path(package_dir) / "langs";
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(langs, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec || files.empty()) return Err(Status::NotFound("no langs/*.json in " + package_dir));
  std::sort(files.begin(), files.end());
  // Payload: one "CC<TAB>lang<TAB>name" line per name; the first name of a language is its
  // display name, the others are aliases.
  std::string payload, sources;
  size_t names = 0;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream buffer;
    buffer << in.rdbuf();
    sources += buffer.str();
    auto j = nlohmann::json::parse(buffer.str(), nullptr, false);
    if (!j.is_object() || !j.contains("countries")) {
      return Err(Status::Corruption(file.string() + ": not an i18n-iso-countries language file"));
    }
    std::string lang = j.value("locale", file.stem().string());
    for (auto& [code, value] : j["countries"].items()) {
      auto add = [&](const nlohmann::json& name) {
        if (!name.is_string()) return;
        payload += code + "\t" + lang + "\t" + name.get<std::string>() + "\n";
        ++names;
      };
      if (value.is_array()) {
        for (const auto& v : value) add(v);
      } else {
        add(value);
      }
    }
  }
  if (Status s = WriteContainer(out_path, Kind::kCountries, Hash64(sources), payload); !s.ok()) return Err(s);
  return names;
}

Result<Countries> Countries::Load(const std::string& path) {
  auto payload = ReadContainer(path, Kind::kCountries);
  if (!payload) return Err(payload.error());
  Countries c;
  LineReader lines(*payload);
  std::string_view line;
  while (lines.Next(line)) {
    const size_t line_no = lines.number();
    size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    if (t1 != 2 || t2 == std::string_view::npos) {
      return Err(Status::Corruption(path + ": record " + std::to_string(line_no) + " is malformed"));
    }
    std::string code(line.substr(0, 2));
    std::string lang(line.substr(t1 + 1, t2 - t1 - 1));
    std::string name(line.substr(t2 + 1));
    c.names_.emplace(code + "/" + lang, name);  // the first name of a language wins
    c.by_folded_name_.emplace(normalize::FoldForMatch(name), code);
  }
  return c;
}

std::optional<std::string> Countries::CodeOf(std::string_view name_or_code) const {
  if (name_or_code.size() == 2) {
    std::string code{static_cast<char>(std::toupper(static_cast<unsigned char>(name_or_code[0]))),
                     static_cast<char>(std::toupper(static_cast<unsigned char>(name_or_code[1])))};
    if (names_.count(code + "/en")) return code;
  }
  auto it = by_folded_name_.find(normalize::FoldForMatch(name_or_code));
  if (it == by_folded_name_.end()) return std::nullopt;
  return it->second;
}

std::string Countries::NameOf(std::string_view code, std::string_view lang) const {
  std::string key(code);
  if (auto it = names_.find(key + "/" + std::string(lang)); it != names_.end()) return it->second;
  if (auto it = names_.find(key + "/en"); it != names_.end()) return it->second;
  return key;
}

}  // namespace veille::refdata
