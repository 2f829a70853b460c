// Turning bytes into a SourceFile: the only place that sees raw input. It drops a BOM,
// turns CRLF and lone CR into LF, rejects invalid UTF-8 and NUL bytes with a diagnostic
// at the exact line and column, and normalises to NFC with ICU so that "å" typed as
// a + combining ring compares equal to "å".
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "diagnostic.hpp"
#include "source_file.hpp"

namespace kvs {

/// Largest source file accepted, in bytes (docs/limits.md).
inline constexpr std::size_t kMaxSourceBytes = 16u * 1024u * 1024u;

struct LoadedSource {
  /// Always set when the bytes could be read, so diagnostics can quote it; when the
  /// input had invalid bytes they are shown as U+FFFD.
  std::shared_ptr<SourceFile> file;
  /// False when the text must not be parsed (invalid encoding, unreadable file).
  bool ok = false;
};

LoadedSource load_source_bytes(std::string name, std::string_view bytes, DiagnosticSink& sink);
LoadedSource load_source_file(const std::string& path, DiagnosticSink& sink);

/// Is this UTF-8 text in NFC? ICU looks only at the lines holding a character of U+0300 or
/// above (everything below is NFC on its own), so plain Danish text is checked in one scan.
/// The law data is held to NFC with the same test.
bool is_nfc_utf8(std::string_view valid_utf8);

}  // namespace kvs
