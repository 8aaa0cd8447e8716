// Iterates over the lines of a text held in memory, numbering them from 1, without copying.
#pragma once

#include <cstddef>
#include <string_view>

namespace veille {

class LineReader {
 public:
  explicit LineReader(std::string_view text) : rest_(text) {}
  // The next line without its '\n' (a trailing '\r' is kept); false at the end.
  bool Next(std::string_view& line) {
    if (rest_.empty()) return false;
    size_t eol = rest_.find('\n');
    line = rest_.substr(0, eol);
    rest_ = eol == std::string_view::npos ? std::string_view() : rest_.substr(eol + 1);
    ++number_;
    return true;
  }
  size_t number() const { return number_; }  // of the line last returned

 private:
  std::string_view rest_;
  size_t number_ = 0;
};

}  // namespace veille
