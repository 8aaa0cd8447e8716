// Folding for matching names: case-folded, accents removed, so that "Kazajistán",
// "KAZAJISTAN" and "kazajistan" meet. Used for lexicon and gazetteer keys, never for text
// that is shown to a user.
#pragma once

#include <string>
#include <string_view>

namespace veille::normalize {

// Unicode case folding, canonical decomposition with non-spacing marks removed, NFC.
// ASCII input takes a fast path.
std::string FoldForMatch(std::string_view text);
// The same, appended to `out` (no temporary string).
void AppendFoldedForMatch(std::string& out, std::string_view text);

}  // namespace veille::normalize
