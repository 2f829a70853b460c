// A deterministic ZIP archive written with libzip: entries in the order given, every
// entry deflated with the same settings and stamped with the same fixed time, so the
// same input gives the same bytes (needed for reproducible DOCX files).
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

/// The entries of an archive in their stored order (for tests and tools); on failure an
/// empty list and `error` set.
std::vector<ZipEntry> zip_entries(const std::string& archive, std::string& error);

}  // namespace kvs::render
