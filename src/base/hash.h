// Stable content hashes (XXH3 64-bit, from Debian's libxxhash): document ids for records
// without an id, and the content hash that makes ingesting the same article twice a no-op.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace veille {

uint64_t Hash64(std::string_view bytes, uint64_t seed = 0);
// 16 lowercase hex digits.
std::string HashHex(std::string_view bytes, uint64_t seed = 0);

}  // namespace veille
