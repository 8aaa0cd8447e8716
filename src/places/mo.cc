#include "places/mo.h"

#include <fstream>
#include <iterator>

namespace veille::places {

Result<std::vector<MoEntry>> ParseMo(std::string_view data, const std::string& name) {
  auto corrupt = [&](const std::string& what) { return Err(Status::Corruption(name + ": " + what)); };
  if (data.size() < 28) return corrupt("too short for a .mo header");
  auto byte = [&](size_t at) { return static_cast<uint32_t>(static_cast<unsigned char>(data[at])); };
  uint32_t magic_le = byte(0) | byte(1) << 8 | byte(2) << 16 | byte(3) << 24;
  bool little;
  if (magic_le == 0x950412de) {
    little = true;
  } else if (magic_le == 0xde120495) {
    little = false;
  } else {
    return corrupt("not a .mo catalogue (bad magic)");
  }
  auto word = [&](size_t at) -> uint32_t {
    if (little) return byte(at) | byte(at + 1) << 8 | byte(at + 2) << 16 | byte(at + 3) << 24;
    return byte(at) << 24 | byte(at + 1) << 16 | byte(at + 2) << 8 | byte(at + 3);
  };
  uint32_t revision = word(4);
  if ((revision >> 16) > 1) return corrupt("unsupported .mo major revision " + std::to_string(revision >> 16));
  uint64_t count = word(8), originals = word(12), translations = word(16);
  if (originals + count * 8 > data.size() || translations + count * 8 > data.size()) {
    return corrupt("string tables lie outside the file");
  }
  auto string_at = [&](uint64_t table, uint64_t i, std::string_view& out) {
    uint64_t length = word(table + i * 8), offset = word(table + i * 8 + 4);
    // The string is followed by a NUL that the length does not count.
    if (offset + length >= data.size()) return false;
    out = data.substr(offset, length);
    return true;
  };
  std::vector<MoEntry> entries;
  entries.reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    std::string_view key, value;
    if (!string_at(originals, i, key) || !string_at(translations, i, value)) {
      return corrupt("entry " + std::to_string(i) + " points outside the file");
    }
    // "context\x04msgid" and "msgid\0plural": keep the msgid and the first translation.
    if (size_t ctx = key.find('\x04'); ctx != std::string_view::npos) key.remove_prefix(ctx + 1);
    key = key.substr(0, key.find('\0'));
    value = value.substr(0, value.find('\0'));
    if (key.empty()) continue;
    entries.push_back({std::string(key), std::string(value)});
  }
  return entries;
}

Result<std::vector<MoEntry>> ReadMoFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Err(Status::NotFound("cannot open " + path));
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return ParseMo(data, path);
}

}  // namespace veille::places
