// Language identification with CLD2 (Debian libcld2): compiled-in tables, no model to load,
// about 80 languages. Unknown is a value ("und"), not an error.
#pragma once

#include <string>
#include <string_view>

namespace veille::language {

struct Guess {
  std::string code = "und";  // ISO 639-1 ("en", "fr", "es", ...) or "und" when unsure
  int percent = 0;           // share of the text in that language, 0..100
  bool reliable = false;
};

// Looks at no more than the first `max_bytes` of `text` (cut at a character boundary):
// language is a property of the whole article, and the head decides it.
Guess Identify(std::string_view text, size_t max_bytes = 8192);

}  // namespace veille::language
