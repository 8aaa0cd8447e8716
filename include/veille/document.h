// The value types that flow through veille's stages. Every offset is a byte offset into
// Document::text, the UTF-8 text exactly as the user gave it (after invalid bytes were
// replaced, which ingest reports), so evidence always points into what the user supplied.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace veille {

// A calendar day. Plain fields: dates flow between stages as values.
struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Parses "YYYY-MM-DD" (a real calendar day); nullopt otherwise.
std::optional<CivilDate> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(const CivilDate& date);
int DaysInMonth(int year, int month);

// Where a record came from, for diagnostics: "reports/a.jsonl:12" or "<stdin>".
struct Origin {
  std::string path;
  int64_t line = 0;  // 1-based line for JSON Lines records, 0 for whole files
  std::string ToString() const;
};

struct Document {
  std::string id;         // the record's id, else a stable hash of its text
  std::string url;
  std::string title;
  std::string text;       // valid UTF-8: the user's text with invalid bytes replaced by U+FFFD
  std::optional<CivilDate> published;
  std::string lang;       // ISO 639-1 as given by the record, or empty to detect
  std::string source;     // the outlet, when the record names it
  Origin origin;
};

// A half-open byte range [begin, end) into Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A problem found while reading input that did not stop the batch: an invalid byte that was
// replaced, a BOM, a NUL. Rejections (records that were skipped) are reported separately.
struct Notice {
  Origin origin;
  std::string message;
};

}  // namespace veille
