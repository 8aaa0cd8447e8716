// A reader for GNU gettext message catalogues (.mo), used as data: libgeonames ships its
// French, Spanish and Russian place names as catalogues keyed by GeoNames id ("1526384"),
// admin1 code ("KZ.02") or country code ("KZ"). Only the data files are read; the GPL
// library itself is not used.
//
// Format: a header of seven 32-bit words (magic 0x950412de in the file's byte order,
// revision, string count N, offset of the original-string table, offset of the translation
// table, hash table size and offset), then two tables of N (length, offset) pairs pointing at
// NUL-terminated strings. The hash table is not needed to read every entry and is ignored.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "veille/status.h"

namespace veille::places {

struct MoEntry {
  std::string key;          // msgid (context and plural forms dropped)
  std::string translation;  // first translation
};

// Parses a catalogue held in memory; `name` is used in error messages. Entries with an empty
// msgid (the catalogue header) are skipped. Any offset or length outside the data is a
// Corruption error.
Result<std::vector<MoEntry>> ParseMo(std::string_view data, const std::string& name);
Result<std::vector<MoEntry>> ReadMoFile(const std::string& path);

}  // namespace veille::places
