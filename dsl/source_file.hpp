// A source file as the compiler sees it: its name, its text (valid UTF-8 in NFC with
// LF line ends), and a line index that turns byte offsets into line:column, where
// columns count characters (code points), not bytes, so æøå count as one.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kvs {

/// A half-open byte range [begin, end) into a SourceFile's text.
struct SourceRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool operator==(const SourceRange&) const = default;
};

/// A 1-based line and column; the column counts code points.
struct Position {
  int line = 1;
  int column = 1;
};

/// Diagnostics share ownership of the file they quote (so a diagnostic can outlive the
/// compilation that made it): create files with std::make_shared.
class SourceFile : public std::enable_shared_from_this<SourceFile> {
 public:
  /// `text` must already be valid UTF-8 with LF line ends (see load_source); `verbatim`:
  /// it is the file's bytes unchanged (see verbatim()).
  SourceFile(std::string name, std::string text, bool verbatim = false);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }

  /// Line and column of a byte offset (an offset past the end maps to the end).
  Position position(std::uint32_t offset) const;
  /// The text of a 1-based line, without its line end.
  std::string_view line_text(int line) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }
  /// The byte offset where a 1-based line starts.
  std::uint32_t line_start(int line) const { return line_starts_[line - 1]; }
  std::string_view slice(SourceRange r) const {
    return std::string_view(text_).substr(r.begin, r.end - r.begin);
  }

  /// The text is the file's bytes as read: the loader removed no byte-order mark, CR or
  /// invisible character and changed nothing to NFC. (A document's fingerprint is of the
  /// bytes as saved; with this it need not read the file again.)
  bool verbatim() const { return verbatim_; }

 private:
  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
  bool verbatim_;
};

/// Number of code points in a UTF-8 string (continuation bytes are not counted).
int count_code_points(std::string_view utf8);

}  // namespace kvs
