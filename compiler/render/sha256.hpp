// SHA-256 of a byte string, as lower-case hex: the fingerprint of a source file that a
// rendered document carries in its metadata, so a council can show that the published
// file is the approved one.
#pragma once

#include <string>
#include <string_view>

namespace kvs::render {

/// Lower-case hexadecimal SHA-256 (FIPS 180-4) of `bytes`. Uses the x86 SHA
/// instructions when the CPU has them, else the portable code (compiled for BMI2 when
/// the CPU has that); all give the same digest.
std::string sha256_hex(std::string_view bytes);

/// The two implementations behind sha256_hex, so tests can run each explicitly.
namespace sha256_detail {
/// Does this CPU have the SHA and SSE4.1 instructions (x86-64 only)?
bool hardware_available();
/// Does this CPU have BMI2 (x86-64 only)?
bool bmi2_available();
std::string portable_hex(std::string_view bytes);
/// The portable rounds compiled for BMI2 when bmi2_available(), else portable_hex.
std::string bmi2_hex(std::string_view bytes);
/// The SHA-NI path when hardware_available(), else the portable one.
std::string hardware_hex(std::string_view bytes);
}  // namespace sha256_detail

}  // namespace kvs::render
