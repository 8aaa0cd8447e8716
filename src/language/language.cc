#include "language/language.h"

// CLD2's public header uses FILE without including <cstdio>.
#include <cstdio>
#include <cld2/public/compact_lang_det.h>

namespace veille::language {

Guess Identify(std::string_view text, size_t max_bytes) {
  size_t len = std::min(text.size(), max_bytes);
  // Do not cut a UTF-8 sequence in two.
  while (len > 0 && len < text.size() && (static_cast<unsigned char>(text[len]) & 0xC0) == 0x80) --len;
  CLD2::Language langs[3];
  int percents[3];
  double scores[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language top = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(len), /*is_plain_text=*/true, /*cld_hints=*/nullptr,
      /*flags=*/0, langs, percents, scores, /*resultchunkvector=*/nullptr, &text_bytes, &reliable);
  Guess g;
  if (top == CLD2::UNKNOWN_LANGUAGE || top == CLD2::TG_UNKNOWN_LANGUAGE) return g;
  g.percent = percents[0];
  g.reliable = reliable;
  // Unreliable on very little text is not a guess worth acting on.
  if (!reliable && text_bytes < 40) return g;
  if (!reliable && percents[0] < 60) return g;
  g.code = CLD2::LanguageCode(top);
  return g;
}

}  // namespace veille::language
