#include "base/data.h"

#include "base/lines.h"

#include <algorithm>

namespace veille {

std::vector<std::string> EmbeddedLanguages(std::string_view kind) {
  std::string file = "/";  // appended, not "+"-joined: GCC 12 warns falsely (-Wrestrict) on the latter
  file.append(kind).append(".txt");
  std::vector<std::string> langs;
  for (std::string_view path : EmbeddedPaths()) {
    if (!path.ends_with(file) || path.find('/') != path.size() - file.size()) continue;
    std::string lang(path.substr(0, path.find('/')));
    if (lang != "places") langs.push_back(std::move(lang));
  }
  std::sort(langs.begin(), langs.end());
  langs.erase(std::unique(langs.begin(), langs.end()), langs.end());
  return langs;
}

std::vector<std::string_view> DataLines(std::string_view content) {
  std::vector<std::string_view> lines;
  LineReader reader(content);
  std::string_view line;
  while (reader.Next(line)) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') continue;
    lines.push_back(line);
  }
  return lines;
}

}  // namespace veille
