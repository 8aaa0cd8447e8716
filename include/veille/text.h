// Normalised text and the map back to the original bytes, sentences and tokens: the output
// of the normalise and segment stages that every recogniser reads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "veille/document.h"

namespace veille {

// Maps byte offsets of a normalised text back to byte offsets of the original. Stored as
// anchors where the two texts stop moving in step; between anchors the shift is constant.
class OffsetMap {
 public:
  // Records that normalised offset `normalized` corresponds to original offset `original`.
  // Until the next anchor the two texts move in step, unless `replaced` says that the bytes
  // up to the next anchor replace the original bytes up to the next anchor as a whole (a
  // curly apostrophe became "'"). Anchors must be added in non-decreasing order.
  void AddAnchor(uint32_t normalized, uint32_t original, bool replaced = false);
  // The original offset of a normalised offset. An offset inside a replaced sequence maps to
  // the start of that sequence in the original, so spans never cut a character in two.
  uint32_t ToOriginal(uint32_t normalized) const;
  // For span ends: an offset inside a replaced sequence maps to the end of that sequence.
  uint32_t ToOriginalEnd(uint32_t normalized) const;
  Span ToOriginal(Span normalized) const { return {ToOriginal(normalized.begin), ToOriginalEnd(normalized.end)}; }
  size_t anchor_count() const { return anchors_.size(); }
  bool empty() const { return anchors_.empty(); }

 private:
  struct Anchor {
    uint32_t normalized;
    uint32_t original;
    bool replaced;
  };
  std::vector<Anchor> anchors_;
  friend class OffsetMapTestPeer;
};

struct NormalizedText {
  std::string text;  // NFC, straight apostrophes and quotes, plain spaces, '-' for dashes
  OffsetMap map;     // normalised offset -> offset in Document::text
  uint32_t original_size = 0;
};

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

struct Token {
  Span span;  // into NormalizedText::text
  TokenKind kind;
};

struct Sentence {
  Span span;                  // into NormalizedText::text, trailing space excluded
  uint32_t first_token = 0;   // index into Segmented::tokens
  uint32_t token_count = 0;
  uint32_t paragraph = 0;     // 0-based paragraph index (paragraphs are split by blank lines)
};

struct Segmented {
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
};

}  // namespace veille
