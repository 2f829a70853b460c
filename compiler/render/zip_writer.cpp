#include "zip_writer.hpp"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <limits>
#include <string_view>

namespace kvs::render {
namespace {

// 1 January 2000 12:00:00 as an MS-DOS time and date (APPNOTE §4.4.6): fixed, so the
// bytes do not depend on when or in which time zone a document was made.
constexpr std::uint16_t kDosTime = 12 << 11;
constexpr std::uint16_t kDosDate = ((2000 - 1980) << 9) | (1 << 5) | 1;
constexpr std::uint16_t kVersionNeeded = 20;                 // 2.0: deflate
constexpr std::uint16_t kVersionMadeBy = (3 << 8) | 20;      // Unix, so the mode below is read
constexpr std::uint16_t kFlagUtf8Names = 1 << 11;            // names are UTF-8 (bit 11)
constexpr std::uint32_t kExternalMode = 0100644u << 16;      // -rw-r--r--
constexpr std::size_t kStoreBelow = 4096;

// Level 2: a DOCX is small, and the compressor was a fifth of rendering time at level 6.
// Levels 1 and 2 both take zlib's fast path; 2 makes the four seeds' council DOCX 2.6 %
// smaller (88.3 -> 86.0 KB) for 0.05 % more instructions, level 3 4.5 % for 0.2 % more.
// Parts under 4 KB are stored: each deflate stream clears its 64 KB tables first, which
// cost more than compressing the small parts saved (callgrind, bench/).
constexpr int kLevel = 2;

void put16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>(v >> 8);
}
void put32(std::string& out, std::uint32_t v) {
  put16(out, static_cast<std::uint16_t>(v & 0xFFFF));
  put16(out, static_cast<std::uint16_t>(v >> 16));
}

struct Written {
  std::uint16_t method;
  std::uint32_t crc, compressed, size, offset;
};

/// One deflate stream per thread, made once and reset for each part: deflateInit2
/// allocates ~270 KB of tables, and a batch deflates two parts per DOCX. deflateReset
/// returns the stream to the state deflateInit2 leaves, so the bytes are the same.
class Deflater {
 public:
  Deflater() { ok_ = deflateInit2(&zs_, kLevel, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK; }
  ~Deflater() {
    if (ok_) deflateEnd(&zs_);
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  /// Raw deflate (no zlib header: ZIP stores the method itself) of `data` onto `out`.
  bool onto(std::string& out, std::string_view data, std::string& error) {
    if (!ok_ || deflateReset(&zs_) != Z_OK) {
      error = "zip: zlib kunne ikke startes";
      return false;
    }
    std::size_t start = out.size();
    out.resize(start + deflateBound(&zs_, static_cast<uLong>(data.size())));
    zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs_.avail_in = static_cast<uInt>(data.size());
    zs_.next_out = reinterpret_cast<Bytef*>(out.data() + start);
    zs_.avail_out = static_cast<uInt>(out.size() - start);
    int rc = deflate(&zs_, Z_FINISH);
    out.resize(start + zs_.total_out);
    if (rc != Z_STREAM_END) {
      error = "zip: komprimeringen mislykkedes";
      return false;
    }
    return true;
  }

 private:
  z_stream zs_{};
  bool ok_ = false;
};

/// The last bytes deflated under each part name on this thread, with their CRC and
/// compressed form. Most parts of a DOCX (the styles above all) come from the templates
/// and are the same in every document of a batch; compressing them again was a fifth of
/// the compressor's work. A hit needs the same name and byte-for-byte the same data.
struct Compressed {
  std::string name, data, deflated;
  std::uint32_t crc = 0;
};

class PartCache {
 public:
  /// The slot for `name`: the entry stored under it, or a fresh one (reusing the oldest).
  Compressed& slot(const std::string& name) {
    for (auto& c : slots_)
      if (c.name == name) return c;
    Compressed& c = slots_[next_++ % slots_.size()];
    c = Compressed{name, {}, {}, 0};
    return c;
  }

 private:
  std::array<Compressed, 16> slots_;
  std::size_t next_ = 0;
};

// The fields a local header and its central-directory entry share (APPNOTE §4.3.7, §4.3.12):
// version needed, flags, method, time, date, CRC-32, sizes and the name's length.
void shared_fields(std::string& out, const ZipEntry& e, const Written& w) {
  put16(out, kVersionNeeded);
  put16(out, kFlagUtf8Names);
  put16(out, w.method);
  put16(out, kDosTime);
  put16(out, kDosDate);
  put32(out, w.crc);
  put32(out, w.compressed);
  put32(out, w.size);
  put16(out, static_cast<std::uint16_t>(e.name.size()));
}

void local_header(std::string& out, const ZipEntry& e, const Written& w) {
  put32(out, 0x04034b50);
  shared_fields(out, e, w);
  put16(out, 0);  // no extra field
  out += e.name;
}

void central_header(std::string& out, const ZipEntry& e, const Written& w) {
  put32(out, 0x02014b50);
  put16(out, kVersionMadeBy);
  shared_fields(out, e, w);
  put16(out, 0);  // extra field
  put16(out, 0);  // comment
  put16(out, 0);  // disk number
  put16(out, 0);  // internal attributes
  put32(out, kExternalMode);
  put32(out, w.offset);
  out += e.name;
}

}  // namespace

std::string zip_archive(const std::vector<ZipEntry>& entries, std::string& error) {
  // Without ZIP64 every size and offset must fit in 32 bits and the count in 16: far beyond
  // any document (kvs reads at most 10 MB of source), but checked rather than assumed.
  constexpr std::size_t kMax = std::numeric_limits<std::uint32_t>::max();
  if (entries.empty() || entries.size() > 0xFFFF) {
    error = "zip: arkivet skal have mellem 1 og 65 535 dele";
    return {};
  }
  std::size_t total = 0;
  for (const auto& e : entries) total += e.data.size() + e.name.size() + 128;
  std::string out;
  out.reserve(total / 3);
  std::vector<Written> written;
  written.reserve(entries.size());
  thread_local Deflater deflater;
  thread_local PartCache cache;
  for (const auto& e : entries) {
    if (e.name.empty() || e.name.size() > 0xFFFF || e.data.size() > kMax || out.size() > kMax) {
      error = "zip: delen '" + e.name + "' er for stor eller har intet navn";
      return {};
    }
    Written w{};
    w.offset = static_cast<std::uint32_t>(out.size());
    w.size = static_cast<std::uint32_t>(e.data.size());
    w.method = e.data.size() < kStoreBelow ? 0 : Z_DEFLATED;
    Compressed* cached = w.method == 0 ? nullptr : &cache.slot(e.name);
    const bool hit = cached && cached->data == e.data;
    w.crc = hit ? cached->crc
                : static_cast<std::uint32_t>(crc32_z(0, reinterpret_cast<const Bytef*>(e.data.data()), e.data.size()));
    // The header goes first with the sizes left at zero, then is patched: the compressed
    // size is known only after compressing, and writing in place spares a copy of the data.
    std::size_t header_at = out.size();
    local_header(out, e, w);
    std::size_t data_at = out.size();
    if (w.method == 0) {
      out += e.data;
    } else if (hit) {
      out += cached->deflated;
    } else {
      if (!deflater.onto(out, e.data, error)) return {};
      cached->data = e.data;
      cached->deflated.assign(out, data_at, std::string::npos);
      cached->crc = w.crc;
    }
    if (out.size() - data_at > kMax) {
      error = "zip: delen '" + e.name + "' er for stor";
      return {};
    }
    w.compressed = static_cast<std::uint32_t>(out.size() - data_at);
    std::string header;
    local_header(header, e, w);
    out.replace(header_at, header.size(), header);
    written.push_back(w);
  }
  std::size_t directory_at = out.size();
  for (std::size_t i = 0; i < entries.size(); ++i) central_header(out, entries[i], written[i]);
  if (out.size() > kMax) {
    error = "zip: arkivet er for stort";
    return {};
  }
  const auto directory_size = static_cast<std::uint32_t>(out.size() - directory_at);
  put32(out, 0x06054b50);
  put16(out, 0);  // this disk
  put16(out, 0);  // disk of the central directory
  put16(out, static_cast<std::uint16_t>(entries.size()));
  put16(out, static_cast<std::uint16_t>(entries.size()));
  put32(out, directory_size);
  put32(out, static_cast<std::uint32_t>(directory_at));
  put16(out, 0);  // comment
  return out;
}

}  // namespace kvs::render
