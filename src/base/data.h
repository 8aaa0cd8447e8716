// The project's own language data (data/<lang>/<kind>.txt), embedded in the binary at build
// time by cmake/embed_data.cmake. Files are plain UTF-8 text, one entry per line; '#' starts
// a comment line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace veille {

// The content of data/<path> ("fr/abbreviations.txt"), or empty if there is no such file.
std::string_view EmbeddedFile(std::string_view path);
std::vector<std::string_view> EmbeddedPaths();
// The languages that have data/<lang>/<kind>.txt ("numbers" -> {"en", "es", "fr"}), sorted.
// Shared folders such as data/places/ are not languages.
std::vector<std::string> EmbeddedLanguages(std::string_view kind);

// The entries of a data file: lines with surrounding spaces trimmed, blank lines and
// '#' comment lines skipped.
std::vector<std::string_view> DataLines(std::string_view content);

}  // namespace veille
