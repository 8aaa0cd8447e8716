// Name keys: how a place name and a stretch of text are reduced to the same lookup key.
//
// A name is cut into pieces, maximal runs of letters, combining marks and digits. The key is
// the pieces, each folded (case folding, accents removed: normalize::FoldForMatch, one code
// point at a time from a table for the scripts news uses), joined by single spaces. So
// "Alma-Ata", "Alma Ata" and "ALMA-ATA" meet at "alma ata", "St. Petersburg" and
// "St Petersburg" at "st petersburg", and "Nouvelle-Calédonie" at "nouvelle caledonie".
//
// The converter (build.cc) and the matcher (recognize.cc) both use these functions, so a key
// built from the gazetteer always equals the key built from the same words in a text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille::places {

// A half-open byte range of one piece, relative to the text it was cut from.
struct Piece {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Appends the pieces of text[begin, end) to `out`, offsets relative to `text`.
void SplitPieces(std::string_view text, uint32_t begin, uint32_t end, std::vector<Piece>& out);

// Appends the folded form of one piece. Safe to call from many threads.
void AppendFolded(std::string_view piece, std::string& out);

// True when the bytes between two pieces may sit inside one name: spaces, hyphens and
// apostrophes (at most three bytes, no line break), or one full stop after a short piece
// ("St.", "Ft.", "EE.UU."). A comma, a bracket or a slash ends a name.
bool Joinable(std::string_view gap, std::string_view previous_piece);

// The key of a whole name, or empty when the name cannot occur as one stretch of text (it
// holds a comma, a bracket, or no letter).
std::string NameKey(std::string_view name);

// A first-level division named as ACLED and newsrooms name it, without the type word the
// gazetteer carries: "Zamfara State" -> "Zamfara", "Cauca Department" -> "Cauca", "Dhaka
// Division" -> "Dhaka". A name that would be left with only a direction or a generic word
// keeps it ("Free State", "Northern Region", "Capital Region").
std::string_view Admin1Label(std::string_view name);

// The first code point of a piece is an upper-case letter, or a letter of a script without
// case (Arabic, CJK): the piece may start a proper name.
bool StartsUpper(std::string_view piece);
// Every letter of the piece is upper case ("ALMATY", "US") and it has at least one.
bool AllUpper(std::string_view piece);

}  // namespace veille::places
