#include "zip_reader.hpp"

#include <zip.h>

namespace kvs::test {

std::vector<render::ZipEntry> zip_entries(const std::string& archive, std::string& error) {
  std::vector<render::ZipEntry> out;
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &zerr);
  // ZIP_CHECKCONS: also check that the central directory agrees with the local headers.
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) : nullptr;
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
    zip_file_t* f = nullptr;
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0 ||
        !(f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0))) {
      error = "zip: del " + std::to_string(i) + " kan ikke åbnes: " + zip_strerror(za);
      zip_discard(za);
      return {};
    }
    std::string data(static_cast<std::size_t>(st.size), '\0');
    zip_int64_t got = zip_fread(f, data.data(), st.size);
    // libzip checks the CRC when the whole entry has been read; a mismatch fails the read.
    char probe;
    bool tail_ok = got == static_cast<zip_int64_t>(st.size) && zip_fread(f, &probe, 1) == 0;
    zip_fclose(f);
    if (!tail_ok) {
      error = std::string("zip: ") + st.name + " kan ikke læses (forkert længde eller CRC)";
      zip_discard(za);
      return {};
    }
    out.push_back({st.name, std::move(data)});
  }
  zip_discard(za);
  return out;
}

}  // namespace kvs::test
