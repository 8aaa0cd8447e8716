// Numbers in text: digits with every grouping newsrooms use (3,811 / 3 811 / 3.811 / 3811),
// decimals before a scale word (1.2 million, 1,5 millions), number words (vingt-six,
// soixante-dix-huit, a hundred and twelve, ciento cincuenta), vague amounts (dozens, des
// dizaines, decenas) and qualifiers (more than, près de, hasta, between X and Y). The words
// are in data/<lang>/numbers.txt; this file only knows how they combine.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "recognize/lexicon.h"
#include "veille/text.h"

namespace veille::recognize {

struct NumberMention {
  uint32_t first = 0;         // first token, qualifier included
  uint32_t number_first = 0;  // first token of the number itself
  uint32_t last = 0;          // last token (inclusive)
  int64_t value = 0;
  std::optional<int64_t> min;
  std::optional<int64_t> max;
  bool approx = false;
  bool vague = false;      // "dozens", "des centaines": an amount, not a count
  bool weak = false;       // an article read as one ("a policeman"): a number only in a figure
  bool digits = false;     // written with digits
  bool plain_digits = false;  // digits with no grouping or decimal sign ("2019", "26")
  bool plain_digits_year() const { return plain_digits && value >= 1900 && value <= 2100; }
};

class NumberRecognizer {
 public:
  static Result<NumberRecognizer> Create(std::string_view lang);
  // Numbers the lexicon's words in the language's vocabulary, so that a text's number words
  // are found by the id Words already holds, without hashing them again.
  void Bind(Vocabulary& vocabulary);
  // Every number in tokens [begin, end) of a sentence, in text order, without overlaps.
  std::vector<NumberMention> Recognize(std::string_view text, const std::vector<Token>& tokens, const Words& words,
                                       uint32_t begin, uint32_t end) const;
  const Lexicon& lexicon() const { return lex_; }

 private:
  // Parses a number (digits or words, with a scale) starting at token i; returns the last
  // token used, or nullopt.
  std::optional<uint32_t> ParseNumber(std::string_view text, const std::vector<Token>& tokens, const Words& w,
                                      uint32_t i, uint32_t end, NumberMention& out) const;
  std::optional<uint32_t> ParseWords(const Words& w, uint32_t i, uint32_t end, NumberMention& out) const;

  // What a single folded word can be in a number.
  struct WordInfo {
    std::optional<int64_t> value, multiplier, scale;
    bool connector = false;
    bool article = false;
    bool bare_scale = false;  // "mil", "mille": a thousand without "one" before it
  };
  const WordInfo* Info(std::string_view word) const;
  // The same for the whole of word t of a text.
  const WordInfo* InfoAt(const Words& w, uint32_t t) const;

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  Lexicon lex_;
  std::unordered_map<std::string, WordInfo, Hash, std::equal_to<>> words_;
  const Vocabulary* vocabulary_ = nullptr;
  // Once bound: vocabulary id -> index in bound_infos_ + 1 (0: not a number word). Indices,
  // not pointers, so that a copy of the recogniser stays valid.
  std::vector<uint32_t> info_by_id_;
  std::vector<WordInfo> bound_infos_;
};

// Parses a digit token ("3,811", "3.811", "1.2"); `before_scale` when a scale word follows,
// which makes one separator followed by one or two digits a decimal sign.
std::optional<double> ParseDigits(std::string_view token, bool before_scale);

}  // namespace veille::recognize
