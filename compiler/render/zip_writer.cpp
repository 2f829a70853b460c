#include "zip_writer.hpp"

#include <zip.h>

#include <ctime>

namespace kvs::render {
namespace {

/// 1 January 2000 12:00 *local* time: libzip converts with localtime(), so building the
/// time_t from local fields gives the same DOS date and time in every time zone.
time_t fixed_time() {
  std::tm tm{};
  tm.tm_year = 100;
  tm.tm_mon = 0;
  tm.tm_mday = 1;
  tm.tm_hour = 12;
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

}  // namespace

std::string zip_archive(const std::vector<ZipEntry>& entries, std::string& error) {
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &zerr);
  if (!buffer) {
    error = "zip: " + std::string(zip_error_strerror(&zerr));
    zip_error_fini(&zerr);
    return {};
  }
  zip_source_keep(buffer);
  zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &zerr);
  if (!za) {
    error = "zip: " + std::string(zip_error_strerror(&zerr));
    zip_error_fini(&zerr);
    zip_source_free(buffer);
    return {};
  }
  time_t when = fixed_time();
  for (const auto& e : entries) {
    zip_source_t* src = zip_source_buffer(za, e.data.data(), e.data.size(), 0);
    zip_int64_t idx = src ? zip_file_add(za, e.name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
    if (idx < 0) {
      if (src) zip_source_free(src);
      error = "zip: " + std::string(zip_strerror(za));
      zip_discard(za);
      zip_source_free(buffer);
      return {};
    }
    // Level 1: a DOCX is small, and the compressor was a fifth of rendering time at level 6.
    // Parts under 4 KB are stored: each deflate stream clears its 64 KB tables first,
    // which cost more than compressing the small parts saved (callgrind, bench/).
    if (e.data.size() < 4096) zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
    else zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 1);
    zip_file_set_mtime(za, static_cast<zip_uint64_t>(idx), when, 0);
    zip_file_set_external_attributes(za, static_cast<zip_uint64_t>(idx), 0, ZIP_OPSYS_UNIX, 0100644u << 16);
  }
  if (zip_close(za) < 0) {
    error = "zip: " + std::string(zip_strerror(za));
    zip_discard(za);
    zip_source_free(buffer);
    return {};
  }
  std::string out;
  if (zip_source_open(buffer) == 0) {
    char chunk[65536];
    zip_int64_t n;
    while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<std::size_t>(n));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  if (out.empty()) error = "zip: arkivet er tomt";
  return out;
}

std::vector<ZipEntry> zip_entries(const std::string& archive, std::string& error) {
  std::vector<ZipEntry> out;
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &zerr);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY, &zerr) : nullptr;
  if (!za) {
    error = "zip: " + std::string(zip_error_strerror(&zerr));
    if (src) zip_source_free(src);
    zip_error_fini(&zerr);
    return out;
  }
  zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
    if (!f) continue;
    std::string data(static_cast<std::size_t>(st.size), '\0');
    zip_int64_t got = zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    if (got < 0) continue;
    data.resize(static_cast<std::size_t>(got));
    out.push_back({st.name, std::move(data)});
  }
  zip_close(za);
  return out;
}

}  // namespace kvs::render
