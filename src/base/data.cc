#include "base/data.h"

#include "base/lines.h"

namespace veille {

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
