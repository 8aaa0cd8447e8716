#include "normalize/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <vector>

namespace veille::normalize {

namespace {

std::string FoldWithIcu(std::string_view text);

// Folded forms of U+0000..U+024F (Latin, with the accents of French and Spanish), computed
// once with ICU so that the common case needs no UTF-16 round trip.
constexpr char32_t kTableEnd = 0x250;
const std::vector<std::string>& LatinTable() {
  static const std::vector<std::string> table = [] {
    std::vector<std::string> t(kTableEnd);
    for (char32_t c = 0; c < kTableEnd; ++c) {
      std::string utf8;
      if (c < 0x80) {
        utf8.push_back(static_cast<char>(c));
      } else {
        utf8.push_back(static_cast<char>(0xC0 | (c >> 6)));
        utf8.push_back(static_cast<char>(0x80 | (c & 0x3F)));
      }
      t[c] = FoldWithIcu(utf8);
    }
    return t;
  }();
  return table;
}

}  // namespace

std::string FoldForMatch(std::string_view text) {
  std::string out;
  AppendFoldedForMatch(out, text);
  return out;
}

void AppendFoldedForMatch(std::string& out, std::string_view text) {
  bool latin = true;
  for (size_t i = 0; i < text.size() && latin; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // Two-byte sequences C2..C9 cover U+0080..U+027F; the table covers up to U+024F.
    if (c >= 0x80) latin = c >= 0xC2 && c <= 0xC9 && i + 1 < text.size() && (text[++i] & 0xC0) == 0x80 &&
                           (((c & 0x1F) << 6 | (static_cast<unsigned char>(text[i]) & 0x3F)) < kTableEnd);
  }
  if (latin) {
    const auto& table = LatinTable();
    out.reserve(out.size() + text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      } else {
        char32_t cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F);
        out += table[cp];
      }
    }
    // A lone combining mark could not have joined a letter: NFC text has none here.
    return;
  }
  out += FoldWithIcu(text);
}

namespace {

std::string FoldWithIcu(std::string_view text) {
  bool ascii = true;
  for (unsigned char c : text) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  s.foldCase();
  status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfd->normalize(s, status);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) stripped.append(c);
    i += U16_LENGTH(c);
  }
  status = U_ZERO_ERROR;
  icu::UnicodeString composed = nfc->normalize(stripped, status);
  std::string out;
  composed.toUTF8String(out);
  return out;
}

}  // namespace

}  // namespace veille::normalize
