// Phrase lexicons: the language knowledge of the recognisers, read from data/<lang>/<kind>.txt.
//
// File format (reviewed like code):
//   [section]            starts a section; entries below belong to it
//   phrase<TAB>args      one entry: a phrase of one or more words, then optional arguments
//   # comment
// Phrases are tokenised like text and folded (case and accents), so "tués" matches "tues"
// and "Tués"; a phrase matches a run of whole tokens. Matching is longest-first.
//
// Speed: recognisers ask "does an entry of section S start at word i?" many times per word.
// Section names are interned once into SectionIds (VEILLE_SECTION caches the id at each call
// site), each lexicon numbers its first words in a Vocabulary shared by a language's
// lexicons so that a text's words are hashed once, and each first word keeps a bitset of the
// sections its entries belong to, so most questions are answered without looking further.
#pragma once

#include <bitset>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "veille/status.h"
#include "veille/text.h"

namespace veille::recognize {

// A section ("month", "cue:killed") or a family of sections ("cue:*"), interned process-wide.
using SectionId = uint16_t;
inline constexpr size_t kMaxSections = 512;
SectionId InternSection(std::string_view name);

}  // namespace veille::recognize

// The id of a section name, interned once per call site.
#define VEILLE_SECTION(name)                                                                 \
  ([]() -> ::veille::recognize::SectionId {                                                  \
    static const ::veille::recognize::SectionId id = ::veille::recognize::InternSection(name); \
    return id;                                                                               \
  }())

namespace veille::recognize {

// The first words of a language's lexicons, numbered, so that a text's words are looked up
// once (one hash each) and every lexicon then finds its entries by number.
class Vocabulary {
 public:
  uint32_t Intern(std::string_view word);
  uint32_t Find(std::string_view word) const { return Find(word, HashOf(word)); }
  // With the word's HashOf already computed (Words hashes while it folds).
  uint32_t Find(std::string_view word, uint64_t hash) const;
  static constexpr uint32_t kUnknown = UINT32_MAX;

  // FNV-1a: words are short, and an inline loop beats a call into a library's hash.
  static constexpr uint64_t kHashSeed = 1469598103934665603ULL;
  static constexpr uint64_t HashStep(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ULL; }
  static uint64_t HashOf(std::string_view word) {
    uint64_t h = kHashSeed;
    for (unsigned char c : word) h = HashStep(h, c);
    return h;
  }

 private:
  // Open addressing in a power-of-two table at most half full: one probe, rarely two, and no
  // node to follow, for the lookup that runs once per word of every text.
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0, length = 0;  // the word in chars_
    uint32_t id = kUnknown;           // kUnknown: empty slot
  };
  void Grow();
  std::vector<Slot> slots_ = std::vector<Slot>(64);
  std::string chars_;
  uint32_t size_ = 0;
};

// One Vocabulary per language, shared by every stage that matches lexicons (the recognisers
// and event assembly), so that a document's words are folded and looked up once for all of
// them. Filled while the stages are created; read-only afterwards.
class Vocabularies {
 public:
  Vocabulary& For(std::string_view lang);
  // The language's vocabulary, else the one of "und" (the union every stage falls back to
  // for an unknown language), else null.
  const Vocabulary* Find(std::string_view lang) const;

 private:
  std::map<std::string, std::unique_ptr<Vocabulary>, std::less<>> by_lang_;  // fixed addresses
};

// The folded words of one text: token i of a Segmented is word(i).
class Words {
 public:
  Words(std::string_view text, const std::vector<Token>& tokens, const Vocabulary* vocabulary = nullptr);
  // Some of another text's words, in the given order: a phrase read around a gap, without
  // folding or looking the words up again.
  Words(const Words& from, std::span<const uint32_t> indices);
  std::string_view operator[](size_t i) const { return {buffer_.data() + words_[i].start, words_[i].length}; }
  size_t size() const { return words_.size(); }
  // Shape of word i, noted while folding so recognisers need not scan it again.
  static constexpr uint8_t kHyphen = 1, kDigitStart = 2, kPossessive = 4;
  bool Has(size_t i, uint8_t flag) const { return (words_[i].flags & flag) != 0; }
  const Vocabulary* vocabulary() const { return vocabulary_; }
  uint32_t id(size_t i) const { return words_[i].id; }

 private:
  friend class Lexicon;
  const Vocabulary* vocabulary_ = nullptr;
  // One record per word, in one array: a document's words cost two allocations, not four.
  struct Word {
    uint32_t start = 0, length = 0;  // the folded word in buffer_
    uint32_t id = Vocabulary::kUnknown;  // its vocabulary id, when a vocabulary is given
    uint8_t flags = 0;
  };
  std::vector<Word> words_;
  std::string buffer_;
  // Without a vocabulary: each lexicon's lookup of word i, done once per word.
  struct Memo {
    const void* lexicon;
    std::vector<const void*> starts;
    std::vector<bool> known;
  };
  mutable std::vector<Memo> memo_;
};

struct LexiconEntry {
  std::string section;
  SectionId section_id = 0;
  SectionId family_id = 0;         // "cue:*" for "cue:killed"; the section itself otherwise
  std::vector<std::string> words;  // folded tokens of the phrase
  std::vector<std::string> args;   // the tab-separated arguments after the phrase
  std::vector<int64_t> numbers;    // each argument read as an integer (0 if it is not one), once
  int id = 0;                      // index in entries()
};

class Lexicon {
 public:
  // Parses a lexicon file; `name` is used in error messages ("fr/figures.txt:12").
  static Result<Lexicon> Parse(std::string_view content, const std::string& name);
  // Adds every entry of `other` (for the union used when the language is unknown).
  void Merge(const Lexicon& other);
  // Numbers this lexicon's first words in `vocabulary`, so that texts read with it are
  // matched without hashing. The vocabulary must outlive the lexicon's use.
  void Bind(Vocabulary& vocabulary);

  // The longest entry of the section (or family, "cue:*") whose words start at token `i`.
  // Inlined everywhere: most questions are answered "no" by the first word alone, and a
  // call would cost more than the answer (about a million questions per MB of text).
  [[gnu::always_inline]] const LexiconEntry* Match(const Words& w, size_t i, SectionId section) const {
    if (i >= w.size()) return nullptr;
    const Starts* starting = Starting(w, i);
    if (!starting || !starting->sections[section]) return nullptr;
    return MatchIn(*starting, w, i, section);
  }
  const LexiconEntry* Match(const Words& w, size_t i, std::string_view section) const {
    return Match(w, i, InternSection(section));
  }
  // The longest entry of any section (or family) in `mask` whose words start at token `i`:
  // one question for a set of sections, reading the first word's entries once.
  const LexiconEntry* MatchAny(const Words& w, size_t i, const std::bitset<kMaxSections>& mask) const {
    const Starts* starting = i < w.size() ? Starting(w, i) : nullptr;
    if (!starting || !(starting->sections & mask).any()) return nullptr;
    return MatchInAny(*starting, w, i, mask);
  }
  // True when some entry starts with word i: a cheap test before trying every section.
  bool StartsAt(const Words& w, size_t i) const { return i < w.size() && Starting(w, i) != nullptr; }
  // True when an entry of any section in `mask` may start at word i: one test for a family
  // of sections.
  bool MayStartAny(const Words& w, size_t i, const std::bitset<kMaxSections>& mask) const {
    const std::bitset<kMaxSections>* sections = SectionsAt(w, i);
    return sections && (*sections & mask).any();
  }
  // True when an entry of the section may start at word i (its first word fits; the rest of
  // the phrase is not checked): cheaper than Match, for filters.
  bool MayStart(const Words& w, size_t i, SectionId section) const {
    const std::bitset<kMaxSections>* sections = SectionsAt(w, i);
    return sections && (*sections)[section];  // [] not test(): no range check to throw
  }

  // The sections and families whose entries may start at word i, or null when none does: for
  // a caller that asks about the same words again and again, to look each word up once.
  const std::bitset<kMaxSections>* SectionsAt(const Words& w, size_t i) const {
    const Starts* s = i < w.size() ? Starting(w, i) : nullptr;
    return s ? &s->sections : nullptr;
  }

  // SectionsAt of every word of `w`, in one pass that checks the binding once.
  void AllSectionsAt(const Words& w, std::vector<const std::bitset<kMaxSections>*>& out) const;

  const std::vector<LexiconEntry>& entries() const { return entries_; }

 private:
  // The entries that start with one word, longest first within each section.
  struct Starts {
    std::vector<uint32_t> ids;  // grouped by section, longest phrase first within a group
    struct Group {
      SectionId section, family;
      uint32_t begin, end;  // range in ids
      // Once bound: the group's phrases of two words or more by the vocabulary id of their
      // second word (longest first within an id), so that a question reads only the phrases
      // the next word allows; and where the one-word phrase is, if any.
      std::vector<std::pair<uint32_t, uint32_t>> by_second;  // (second word id, index in ids)
      uint32_t single = UINT32_MAX;                          // index in ids
    };
    std::vector<Group> groups;
    std::bitset<kMaxSections> sections;  // sections and families present among them
  };
  void Index(size_t entry);
  void Finalize();
  // Inline: the recognisers call it for nearly every word.
  [[gnu::always_inline]] const Starts* Starting(const Words& w, size_t i) const {
    if (bound_ == w.vocabulary_ && bound_) {
      uint32_t id = w.words_[i].id;
      return id < by_id_.size() ? by_id_[id] : nullptr;
    }
    return StartingSlow(w, i);
  }
  const Starts* StartingSlow(const Words& w, size_t i) const;
  const LexiconEntry* MatchIn(const Starts& starting, const Words& w, size_t i, SectionId section) const;
  const LexiconEntry* MatchInAny(const Starts& starting, const Words& w, size_t i,
                                 const std::bitset<kMaxSections>& mask) const;
  template <typename Wanted>
  const LexiconEntry* MatchInGroups(const Starts& starting, const Words& w, size_t i, Wanted wanted) const;

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<LexiconEntry> entries_;
  std::unordered_map<std::string, Starts, Hash, std::equal_to<>> by_first_;
  const Vocabulary* bound_ = nullptr;
  std::vector<const Starts*> by_id_;  // vocabulary id -> entries starting with that word
};

// Tokenises and folds a phrase the way Words does for text.
std::vector<std::string> FoldPhrase(std::string_view phrase);

// The lexicon data/<lang>/<kind>.txt; for an unknown language, the union of every language's.
Result<Lexicon> LoadLexicon(std::string_view lang, std::string_view kind);

}  // namespace veille::recognize
