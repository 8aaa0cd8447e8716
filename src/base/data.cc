#include "base/data.h"

namespace veille {

std::vector<std::string_view> DataLines(std::string_view content) {
  std::vector<std::string_view> lines;
  while (!content.empty()) {
    size_t eol = content.find('\n');
    std::string_view line = content.substr(0, eol);
    content = eol == std::string_view::npos ? std::string_view() : content.substr(eol + 1);
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
