// Casualty, detention, displacement and participation figures: which numbers are about
// people harmed, detained or mobilised, of what kind, whose, and who said so.
//
// A number becomes a figure only through words of data/<lang>/figures.txt around it:
// a noun that is the figure ("26 morts"), people then a cue ("26 people were killed"),
// a cue then the number ("killed 26 people", "mataron a 26 personas"), or a toll ("the death
// toll rose to 26"). Numbers before units ("26 years", "40 cars") or after labels
// ("Article 19") never are. Everything else, the default, is not a figure: money,
// percentages, ages, durations, years, counts of things.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "recognize/lexicon.h"
#include "recognize/numbers.h"
#include "veille/event.h"

namespace veille::recognize {

struct FigureMention {
  uint32_t first = 0;  // first token of the evidence (cue or number)
  uint32_t last = 0;   // last token
  uint32_t number_first = 0, number_last = 0;
  Figure figure;       // kind, value, min, max, approx, group, source; text and offsets unset
  bool subset = false;  // part of a toll given before it ("dont quatre policiers")
  bool frame = false;   // a toll restated to list its parts: "Among the 11 dead were ..."
};

// Who reported the figures of a sentence: tokens [first, last] of the source's words.
struct SourceMention {
  uint32_t first = 0;
  uint32_t last = 0;
  bool anaphoric = false;  // "it", "ces données": the source is named in an earlier sentence
  // What the source governs from: its words with the verb or the "according to" that
  // introduces them ("Le gouvernement fait état de", "selon un décompte de la chaîne CNN").
  uint32_t reach_first = 0;
  uint32_t reach_last = 0;
};

class FigureRecognizer {
 public:
  static Result<FigureRecognizer> Create(std::string_view lang);
  void Bind(Vocabulary& vocabulary) { lex_.Bind(vocabulary); }

  // Figures among the `numbers` of the sentence of tokens [begin, end). `dates` are the
  // sentence's dates (first and last token), which may stand between people and their cue
  // ("Miles de personas salieron ayer a las calles").
  std::vector<FigureMention> Recognize(std::string_view text, const std::vector<Token>& tokens, const Words& words,
                                       uint32_t begin, uint32_t end, const std::vector<NumberMention>& numbers,
                                       const std::vector<std::pair<uint32_t, uint32_t>>& dates = {}) const;

  // The sources named in the sentence, in text order: "according to X", "X said", "said X".
  // `stops` are the dates, which a source never holds but a verb may have before its source;
  // `numbers` and `figures` end a source ("six deaths" in "the ministry acknowledged only six
  // deaths and said"), except a number that opens it ("según más de 20 testigos").
  // Where a clause of its own starts ("while", "tandis que", "mientras que"): a source across
  // one reaches a figure only when no source is on the figure's side.
  std::vector<uint32_t> ClauseBreaks(const Words& words, uint32_t begin, uint32_t end) const;

  std::vector<SourceMention> FindSources(const std::vector<Token>& tokens, const Words& words, uint32_t begin,
                                         uint32_t end, const std::vector<std::pair<uint32_t, uint32_t>>& stops,
                                         const std::vector<std::pair<uint32_t, uint32_t>>& numbers = {},
                                         const std::vector<std::pair<uint32_t, uint32_t>>& figures = {}) const;

 private:
  // The entry of a section family ("cue:*") ending exactly at token `end_exclusive`,
  // starting no earlier than `earliest`.
  const LexiconEntry* EndingAt(const Words& w, uint32_t earliest, uint32_t end_exclusive, SectionId section,
                               uint32_t* start) const;
  Lexicon lex_;
};

}  // namespace veille::recognize
