#include "source_file.hpp"

#include <algorithm>
#include <cstring>

namespace kvs {

SourceFile::SourceFile(std::string name, std::string text, bool verbatim)
    : name_(std::move(name)), text_(std::move(text)), verbatim_(verbatim) {
  // memchr jumps from line feed to line feed instead of testing every byte.
  line_starts_.push_back(0);
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p))); ++p)
    line_starts_.push_back(static_cast<std::uint32_t>(p + 1 - begin));
}

Position SourceFile::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  int line = static_cast<int>(it - line_starts_.begin());
  std::uint32_t start = line_starts_[line - 1];
  int column = 1 + count_code_points(std::string_view(text_).substr(start, offset - start));
  return {line, column};
}

std::string_view SourceFile::line_text(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::uint32_t start = line_starts_[line - 1];
  std::uint32_t end = line < line_count() ? line_starts_[line] - 1
                                          : static_cast<std::uint32_t>(text_.size());
  return std::string_view(text_).substr(start, end - start);
}

int count_code_points(std::string_view s) {
  int n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace kvs
