// Writing an output file so that nothing is lost: the bytes go to a temporary file in the
// same folder, are flushed, and only then renamed over the target. A failed run leaves
// an earlier good output untouched.
#pragma once

#include <string>
#include <string_view>

namespace kvs {

/// Returns an empty string on success, else a Danish description of what went wrong.
std::string write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace kvs
