#include "normalize/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <cstring>

#include "base/utf8.h"

namespace veille::normalize {

namespace {

// The replacement for a code point that normalisation rewrites, or nullptr to keep it.
// "" means drop. The table is the whole policy; see the header for why each class is folded.
const char* Replacement(char32_t c) {
  switch (c) {
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004:
    case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A:
    case 0x202F: case 0x205F: case 0x3000:
      return " ";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
    case 0x200E: case 0x200F:
      return "";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC: case 0x2032:
    case 0x00B4: case 0x02B9: case 0xFF07:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0x2039: case 0x203A: case 0xFF02:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return "-";
    case 0x2026: return "...";
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0x2028: case 0x2029: case 0x0085: return "\n";
    default: return nullptr;
  }
}

inline bool Ascii8NoCrTab(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  if (w & 0x8080808080808080ULL) return false;
  auto has_byte = [w](uint64_t b) {
    uint64_t x = w ^ (0x0101010101010101ULL * b);
    return ((x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL) != 0;
  };
  return !has_byte('\r') && !has_byte('\t');
}

class Builder {
 public:
  explicit Builder(std::string_view in) : in_(in) {
    out_.text.reserve(in.size() + 16);
    out_.original_size = static_cast<uint32_t>(in.size());
  }
  // Copies the pending in-step bytes up to `upto`.
  void Flush(size_t upto) {
    if (upto > run_start_) {
      out_.map.AddAnchor(static_cast<uint32_t>(out_.text.size()), static_cast<uint32_t>(run_start_));
      out_.text.append(in_.data() + run_start_, upto - run_start_);
    }
    run_start_ = upto;
  }
  void Replace(size_t begin, size_t end, std::string_view replacement) {
    Flush(begin);
    out_.map.AddAnchor(static_cast<uint32_t>(out_.text.size()), static_cast<uint32_t>(begin), true);
    out_.text.append(replacement);
    out_.map.AddAnchor(static_cast<uint32_t>(out_.text.size()), static_cast<uint32_t>(end));
    run_start_ = end;
  }
  size_t run_start() const { return run_start_; }
  NormalizedText Finish() {
    Flush(in_.size());
    return std::move(out_);
  }

 private:
  std::string_view in_;
  NormalizedText out_;
  size_t run_start_ = 0;
};

}  // namespace

NormalizedText Normalize(std::string_view in) {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  Builder b(in);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  size_t i = 0;
  size_t boundary = 0;  // start of the last character that NFC cannot join to what precedes
  while (i < n) {
    if (i + 8 <= n && Ascii8NoCrTab(p + i)) {
      boundary = i + 7;
      i += 8;
      continue;
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == '\r') {
        size_t end = (i + 1 < n && p[i + 1] == '\n') ? i + 2 : i + 1;
        b.Replace(i, end, "\n");
        i = boundary = end;
        continue;
      }
      if (c == '\t') {
        b.Replace(i, i + 1, " ");
        boundary = ++i;
        continue;
      }
      boundary = i++;
      continue;
    }
    size_t start = i;
    char32_t cp = DecodeUtf8(in, i);
    if (const char* r = Replacement(cp)) {
      b.Replace(start, i, r);
      boundary = i;
      continue;
    }
    if (nfc->hasBoundaryBefore(static_cast<UChar32>(cp))) {
      boundary = start;
      continue;
    }
    // A character that may combine with what precedes it: normalise the stretch from the
    // last boundary to the next one as a whole.
    size_t from = boundary < b.run_start() ? b.run_start() : boundary;
    size_t to = i;
    while (to < n) {
      size_t next = to;
      char32_t c2 = DecodeUtf8(in, next);
      if (c2 < 0x80 || Replacement(c2) || nfc->hasBoundaryBefore(static_cast<UChar32>(c2))) break;
      to = next;
    }
    std::string composed;
    icu::StringByteSink<std::string> sink(&composed);
    status = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, icu::StringPiece(in.data() + from, static_cast<int32_t>(to - from)), sink,
                       nullptr, status);
    if (U_SUCCESS(status) && composed != in.substr(from, to - from)) b.Replace(from, to, composed);
    i = to;
    boundary = to;  // conservative: the next character starts a new stretch
  }
  return b.Finish();
}

}  // namespace veille::normalize
