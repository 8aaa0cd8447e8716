// Phrase lexicons: the language knowledge of the recognisers, read from data/<lang>/<kind>.txt.
//
// File format (reviewed like code):
//   [section]            starts a section; entries below belong to it
//   phrase<TAB>args      one entry: a phrase of one or more words, then optional arguments
//   # comment
// Phrases are tokenised like text and folded (case and accents), so "tués" matches "tues"
// and "Tués"; a phrase matches a run of whole tokens. Matching is longest-first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "veille/status.h"
#include "veille/text.h"

namespace veille::recognize {

// The folded words of one text: token i of a Segmented is word(i).
class Words {
 public:
  Words(std::string_view text, const std::vector<Token>& tokens);
  std::string_view operator[](size_t i) const { return {buffer_.data() + ranges_[i].first, ranges_[i].second}; }
  size_t size() const { return ranges_.size(); }

 private:
  std::string buffer_;
  std::vector<std::pair<uint32_t, uint32_t>> ranges_;
};

struct LexiconEntry {
  std::string section;
  std::vector<std::string> words;  // folded tokens of the phrase
  std::vector<std::string> args;   // the tab-separated arguments after the phrase
  int id = 0;                      // index in entries()
};

class Lexicon {
 public:
  // Parses a lexicon file; `name` is used in error messages ("fr/figures.txt:12").
  static Result<Lexicon> Parse(std::string_view content, const std::string& name);
  // Adds every entry of `other` (for the union used when the language is unknown).
  void Merge(const Lexicon& other);

  // The longest entry of `section` whose words start at token `i`, or nullptr.
  // `section` may end in '*' to accept any section with that prefix ("killed.*").
  const LexiconEntry* Match(const Words& w, size_t i, std::string_view section) const;
  // The longest entry of any section starting at token `i`.
  const LexiconEntry* MatchAny(const Words& w, size_t i) const;
  // True when word `i` alone is an entry of the section.
  bool Has(const Words& w, size_t i, std::string_view section) const { return Match(w, i, section) != nullptr; }

  const std::vector<LexiconEntry>& entries() const { return entries_; }

 private:
  void Index(size_t entry);
  std::vector<LexiconEntry> entries_;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // First folded word -> entries starting with it, longest first.
  std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>> by_first_;
};

// Tokenises and folds a phrase the way Words does for text.
std::vector<std::string> FoldPhrase(std::string_view phrase);

// The lexicon data/<lang>/<kind>.txt; for an unknown language, the union of every language's.
Result<Lexicon> LoadLexicon(std::string_view lang, std::string_view kind);

}  // namespace veille::recognize
