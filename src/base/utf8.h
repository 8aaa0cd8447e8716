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

// Decodes the code point at s[i] (which must be valid) and advances i.
char32_t DecodeUtf8(std::string_view s, size_t& i);
void AppendUtf8(std::string& out, char32_t c);

}  // namespace veille
