// Reading a ZIP archive back, for the tests: with libzip, an implementation independent of
// kvs's own writer (compiler/render/zip_writer.cpp), so every DOCX the tests open is also
// a check that the writer produced an archive another ZIP reader accepts.
#pragma once

#include <string>
#include <vector>

#include "zip_writer.hpp"

namespace kvs::test {

/// The entries of an archive in their stored order; on failure an empty list and `error` set
/// (also when an entry cannot be read, or its CRC does not match).
std::vector<render::ZipEntry> zip_entries(const std::string& archive, std::string& error);

}  // namespace kvs::test
