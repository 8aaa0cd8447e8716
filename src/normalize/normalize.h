// Normalisation: one canonical spelling for what newsrooms type many ways, with every
// normalised byte mapped back to the user's original text.
//
//   - Unicode NFC (ICU), so "é" typed as e + U+0301 matches the lexicons' "é";
//   - typographic apostrophes and primes (’ ʼ ′) become "'", curly and angle quotes (“ ” „ « »)
//     become '"', so "l’OTAN" and "l'OTAN" read alike;
//   - no-break, thin and other fixed-width spaces become ' ', so "3 811" with U+202F is one
//     number to the recognisers; zero-width spaces, soft hyphens and BOMs are dropped;
//   - dashes and the minus sign become '-', the ellipsis "...", ligatures (ﬁ) their letters;
//   - CRLF and CR line ends become '\n', tabs ' '.
// The text keeps its length where nothing changes (offsets in step), which is most of it.
#pragma once

#include <string_view>

#include "veille/text.h"

namespace veille::normalize {

// `text` must be valid UTF-8 (ingest guarantees it).
NormalizedText Normalize(std::string_view text);

}  // namespace veille::normalize
