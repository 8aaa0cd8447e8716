#include "base/hash.h"

#include <xxhash.h>


namespace veille {

uint64_t Hash64(std::string_view bytes, uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

std::string HashHex(std::string_view bytes, uint64_t seed) {
  // By hand rather than snprintf: an id is made for every event, and formatting costs more
  // than hashing.
  static constexpr char kDigits[] = "0123456789abcdef";
  uint64_t h = Hash64(bytes, seed);
  std::string out(16, '0');
  for (int k = 15; k >= 0; --k, h >>= 4) out[static_cast<size_t>(k)] = kDigits[h & 0xF];
  return out;
}

}  // namespace veille
