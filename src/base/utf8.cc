#include "base/utf8.h"

#include <cstring>

namespace veille {

int ValidSequenceLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (i + 1 >= n) return 0;
    unsigned char c1 = p[i + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogate
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (i + 1 >= n) return 0;
    unsigned char c1 = p[i + 1];
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 > 0x8F) return 0;  // above U+10FFFF
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

namespace {
// True when the 8 bytes at p are all ASCII and none is NUL.
inline bool AsciiNoNul8(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  if (w & 0x8080808080808080ULL) return false;
  // Classic "has zero byte" test.
  return ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) == 0;
}
}  // namespace

Utf8Repair RepairUtf8(std::string_view input) {
  Utf8Repair r;
  r.text.reserve(input.size());
  const auto* p = reinterpret_cast<const unsigned char*>(input.data());
  const size_t n = input.size();
  size_t i = 0;
  size_t run_start = 0;  // start of the pending run of bytes to copy unchanged
  auto flush = [&](size_t upto) {
    r.text.append(input.data() + run_start, upto - run_start);
  };
  while (i < n) {
    if (i + 8 <= n && AsciiNoNul8(p + i)) {
      i += 8;
      continue;
    }
    unsigned char c = p[i];
    if (c == 0) {
      flush(i);
      ++r.nul_count;
      ++i;
      run_start = i;
      continue;
    }
    int len = ValidSequenceLength(input, i);
    if (len > 0) {
      i += len;
      continue;
    }
    flush(i);
    r.invalid_offsets.push_back(i);
    r.text.append("\xEF\xBF\xBD");
    // Skip the maximal invalid subsequence: a lead byte plus the continuation bytes that a
    // valid sequence could have had, so one broken character gives one U+FFFD.
    ++i;
    while (i < n && (p[i] & 0xC0) == 0x80 && ValidSequenceLength(input, i) == 0 &&
           (i - r.invalid_offsets.back()) < 4 && c >= 0xC2 && c <= 0xF4) {
      ++i;
    }
    run_start = i;
  }
  flush(n);
  return r;
}

}  // namespace veille
