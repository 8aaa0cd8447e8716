#include "places/key.h"

#include <unicode/uchar.h>

#include "base/ascii.h"
#include "base/utf8.h"
#include "normalize/fold.h"

namespace veille::places {

namespace {

bool IsPieceChar(char32_t c) {
  if (c < 0x80) return IsAsciiAlnum(static_cast<unsigned char>(c));
  auto u = static_cast<UChar32>(c);
  if (u_isalnum(u)) return true;
  int8_t t = u_charType(u);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

// Folded forms of U+0080..U+052F (Latin-1, Latin Extended, IPA, Greek, Cyrillic), computed
// once with FoldForMatch. Without the table every accented letter would cost an ICU
// normalisation, which would make French and Spanish text several times slower to match.
constexpr char32_t kTableEnd = 0x530;

const std::array<std::string, kTableEnd>& FoldTable() {
  static const std::array<std::string, kTableEnd> table = [] {
    std::array<std::string, kTableEnd> t;
    for (char32_t c = 0x80; c < kTableEnd; ++c) {
      std::string utf8;
      AppendUtf8(utf8, c);
      t[c] = normalize::FoldForMatch(utf8);
    }
    return t;
  }();
  return table;
}

}  // namespace

void SplitPieces(std::string_view text, uint32_t begin, uint32_t end, std::vector<Piece>& out) {
  size_t i = begin;
  const size_t n = std::min<size_t>(end, text.size());
  while (i < n) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (!IsAsciiAlnum(b)) {
        ++i;
        continue;
      }
    } else {
      size_t probe = i;
      if (!IsPieceChar(DecodeUtf8(text, probe))) {
        i = probe;
        continue;
      }
    }
    size_t start = i;
    while (i < n) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        if (!IsAsciiAlnum(c)) break;
        ++i;
        continue;
      }
      size_t probe = i;
      if (!IsPieceChar(DecodeUtf8(text, probe))) break;
      i = probe;
    }
    out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i)});
  }
}

void AppendFolded(std::string_view piece, std::string& out) {
  const auto& table = FoldTable();
  size_t i = 0;
  while (i < piece.size()) {
    auto b = static_cast<unsigned char>(piece[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + ('a' - 'A')) : static_cast<char>(b));
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = DecodeUtf8(piece, i);
    if (c < kTableEnd) {
      out += table[c];
    } else {
      out += normalize::FoldForMatch(piece.substr(start, i - start));
    }
  }
}

bool Joinable(std::string_view gap, std::string_view previous_piece) {
  if (gap.empty() || gap.size() > 3) return false;
  int stops = 0;
  for (char c : gap) {
    if (c == '.') {
      ++stops;
    } else if (c != ' ' && c != '-' && c != '\'') {
      return false;
    }
  }
  return stops == 0 || (stops == 1 && gap.front() == '.' && previous_piece.size() <= 4);
}

std::string NameKey(std::string_view name) {
  std::vector<Piece> pieces;
  SplitPieces(name, 0, static_cast<uint32_t>(name.size()), pieces);
  if (pieces.empty()) return {};
  // Anything but joinable separators between pieces, or punctuation other than a final full
  // stop around them, means the name is not one stretch of running text.
  std::string_view head = name.substr(0, pieces.front().begin);
  for (char c : head) {
    if (c != ' ' && c != '\'' && c != '-') return {};
  }
  std::string_view tail = name.substr(pieces.back().end);
  for (char c : tail) {
    if (c != ' ' && c != '.') return {};
  }
  std::string key;
  for (size_t k = 0; k < pieces.size(); ++k) {
    if (k > 0) {
      std::string_view gap = name.substr(pieces[k - 1].end, pieces[k].begin - pieces[k - 1].end);
      std::string_view prev = name.substr(pieces[k - 1].begin, pieces[k - 1].end - pieces[k - 1].begin);
      if (!Joinable(gap, prev)) return {};
      key.push_back(' ');
    }
    AppendFolded(name.substr(pieces[k].begin, pieces[k].end - pieces[k].begin), key);
  }
  return key;
}

std::string_view Admin1Label(std::string_view name) {
  static constexpr std::string_view kTypeWords[] = {" Province", " County",      " Region",   " Department", " District",
                                                    " Oblast",   " Governorate", " Division", " State"};
  // What must not be left alone: it names no place without the type word.
  static constexpr std::string_view kTooGeneric[] = {"Free",     "Capital",  "Central",      "Northern",     "Southern",
                                                     "Eastern",  "Western",  "North",        "South",        "East",
                                                     "West",     "Northeastern", "Southeastern", "Northwestern",
                                                     "Southwestern", "Upper", "Lower"};
  for (std::string_view type : kTypeWords) {
    if (name.size() <= type.size() || !name.ends_with(type)) continue;
    const std::string_view rest = name.substr(0, name.size() - type.size());
    if (rest.ends_with(" Regional")) return name;
    for (std::string_view generic : kTooGeneric) {
      if (rest == generic) return name;
    }
    return rest;
  }
  return name;
}

bool StartsUpper(std::string_view piece) {
  if (piece.empty()) return false;
  auto b = static_cast<unsigned char>(piece[0]);
  if (b < 0x80) return b >= 'A' && b <= 'Z';
  size_t i = 0;
  auto c = static_cast<UChar32>(DecodeUtf8(piece, i));
  if (u_isupper(c) || u_istitle(c)) return true;
  // Scripts without case: any letter may start a name.
  return u_isalpha(c) && !u_hasBinaryProperty(c, UCHAR_CASED);
}

bool AllUpper(std::string_view piece) {
  bool letter = false;
  size_t i = 0;
  while (i < piece.size()) {
    auto b = static_cast<unsigned char>(piece[i]);
    if (b < 0x80) {
      if (b >= 'a' && b <= 'z') return false;
      if (b >= 'A' && b <= 'Z') letter = true;
      ++i;
      continue;
    }
    auto c = static_cast<UChar32>(DecodeUtf8(piece, i));
    if (u_islower(c)) return false;
    if (u_isupper(c)) letter = true;
  }
  return letter;
}

}  // namespace veille::places
