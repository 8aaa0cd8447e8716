// Sentences and tokens over normalised text, with byte spans.
//
// The default splitter is veille's own single pass: it breaks after . ! ? (and closing
// quotes or brackets) when white space and an upper-case letter, digit, opening quote or
// Spanish ¿ ¡ follow, never after an abbreviation of the language's data file
// (data/<lang>/abbreviations.txt: "M.", "janv.", "Gen.", "Sr.") or an initial ("J."), and
// always at blank lines. It uses ICU's character properties for letters outside ASCII.
// ICU's own sentence BreakIterator (locale "<lang>@ss=standard", the abbreviation
// suppressions of CLDR) is available as Method::kIcu, followed by the same abbreviation
// filter; it is the reference in the differential tests. The default is measured faster at
// the same output on news text (docs/performance.md).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "veille/status.h"
#include "veille/text.h"

namespace veille::segment {

enum class Method { kFast, kIcu };

class Segmenter {
 public:
  // Loads the abbreviation lists of every language in data/. Thread-safe after creation.
  static Result<Segmenter> Create();

  // `lang` selects the abbreviation list; an unknown language uses the union of all lists.
  Segmented Segment(std::string_view text, std::string_view lang, Method method = Method::kFast) const;

  // True when `word` (without its dot) is an abbreviation in `lang`.
  bool IsAbbreviation(std::string_view word, std::string_view lang) const;

 private:
  struct Abbreviations {
    std::unordered_set<std::string> exact;
    std::unordered_set<std::string> folded;  // lower-cased, matched case-insensitively
  };
  const Abbreviations& For(std::string_view lang) const;
  void SplitIcu(std::string_view text, std::string_view lang, Segmented& out) const;

  std::unordered_map<std::string, Abbreviations> by_lang_;
  Abbreviations all_;
};

// Tokens of one stretch of text, appended to `out` with offsets shifted by `base`.
void Tokenize(std::string_view text, uint32_t base, std::vector<Token>& out);

}  // namespace veille::segment
