// Byte classes for the ASCII fast paths of the tokenizer and the place matcher, which ask
// them of nearly every byte of every text: a table lookup instead of comparisons.
#pragma once

#include <array>

namespace veille {

inline constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return table;
}();

// True for the ASCII letters and digits (false for every byte of a multi-byte character).
inline bool IsAsciiAlnum(unsigned char c) { return kAsciiAlnum[c]; }

}  // namespace veille
