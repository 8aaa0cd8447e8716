// UTF-8 validation and repair. Ingest runs every record through RepairUtf8 so that later
// stages can assume valid UTF-8 and never have to re-check.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille {

struct Utf8Repair {
  std::string text;                      // valid UTF-8
  std::vector<uint64_t> invalid_offsets; // byte offsets in the input of each invalid sequence
  uint64_t nul_count = 0;                // NUL bytes dropped
};

// Returns the text with every maximal invalid subsequence replaced by U+FFFD (as the
// Unicode standard recommends) and NUL bytes removed. Fast path: ASCII and valid input are
// copied in bulk.
Utf8Repair RepairUtf8(std::string_view input);

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid. Rejects overlongs,
// surrogates and code points above U+10FFFF.
int ValidSequenceLength(std::string_view s, size_t i);

// Decodes the code point at s[i] (which must be valid) and advances i. Inline: the tokenizer
// and the folding loops call it for nearly every byte.
inline char32_t DecodeUtf8(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char c = p[i];
  if (c < 0x80) {
    ++i;
    return c;
  }
  if (c < 0xE0) {
    char32_t r = ((c & 0x1F) << 6) | (p[i + 1] & 0x3F);
    i += 2;
    return r;
  }
  if (c < 0xF0) {
    char32_t r = ((c & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    i += 3;
    return r;
  }
  char32_t r = ((c & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) |
               (p[i + 3] & 0x3F);
  i += 4;
  return r;
}

void AppendUtf8(std::string& out, char32_t c);

}  // namespace veille
