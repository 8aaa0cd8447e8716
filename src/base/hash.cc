#include "base/hash.h"

#include <xxhash.h>

#include <cstdio>

namespace veille {

uint64_t Hash64(std::string_view bytes, uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

std::string HashHex(std::string_view bytes, uint64_t seed) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(Hash64(bytes, seed)));
  return buf;
}

}  // namespace veille
