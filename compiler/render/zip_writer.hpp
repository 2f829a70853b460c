// A deterministic ZIP archive (the container of a DOCX file): entries in the order given,
// parts under 4 KB stored and larger ones deflated with libdeflate at level 1, every entry
// stamped with the same fixed time and mode, so the same input gives the same bytes
// (reproducible documents). Written by kvs itself rather than with libzip: libzip loads
// libcrypto, whose relocation alone cost every kvs process about 0.9 ms at start
// (bench/RESULTS.md), and a writer of this one shape is the local headers, the central
// directory and the end record (PKWARE APPNOTE 6.3, §4.3). The tests read every archive back
// with libzip. Each thread keeps one compressor and the last compressed form of each part
// name, so the parts every document of a batch shares (the styles) are compressed once.
#pragma once

#include <string>
#include <vector>

namespace kvs::render {

struct ZipEntry {
  std::string name;
  std::string data;
};

/// The archive's bytes; on failure an empty string and `error` set.
std::string zip_archive(const std::vector<ZipEntry>& entries, std::string& error);

}  // namespace kvs::render
