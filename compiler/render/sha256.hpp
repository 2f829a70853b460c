// SHA-256 of a byte string, as lower-case hex: the fingerprint of a source file that a
// rendered document carries in its metadata, so a council can show that the published
// file is the approved one.
#pragma once

#include <string>
#include <string_view>

namespace kvs::render {

/// Lower-case hexadecimal SHA-256 (FIPS 180-4) of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace kvs::render
