// Writing an output file so that nothing is lost: the bytes go to a temporary file in the
// same folder, are flushed to disk if they replace an earlier version, and only then renamed
// over the target. A failed run leaves an earlier good output untouched; a target that already
// holds the bytes is not touched at all.
#pragma once

#include <string>
#include <string_view>

namespace kvs {

/// Returns an empty string on success, else a Danish description of what went wrong.
/// `unchanged`, if given, is set to whether the file already held the bytes (left untouched).
std::string write_file_atomically(const std::string& path, std::string_view bytes, bool* unchanged = nullptr);

}  // namespace kvs
