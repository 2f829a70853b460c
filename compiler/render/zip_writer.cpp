#include "zip_writer.hpp"

#include <libdeflate.h>

#include <array>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

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

// The compressor is libdeflate at level 1 (Debian's libdeflate-dev; zlib before): on the 98
// corpus's word/document.xml parts (3.1 MB) it deflates and CRCs in 8.2 ms against zlib level
// 2's 15.5 ms, and 2 % smaller (573 against 585 KB), so level 1 is both faster and smaller than
// what it replaced; its level 2 takes 60 % longer for 2 % less (bench/RESULTS.md §6).
// Parts under 4 KB are stored: each call first clears the match finder's hash table, which
// costs more than compressing a few hundred bytes saves.
constexpr int kLevel = 1;
constexpr std::uint16_t kMethodStored = 0, kMethodDeflate = 8;  // APPNOTE §4.4.5

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

/// One compressor per thread, made once: libdeflate_alloc_compressor allocates its match
/// finder's tables, and a batch deflates a part or two per DOCX. Each call compresses one
/// whole buffer from a fresh state, so the bytes depend only on the data.
class Deflater {
 public:
  Deflater() : c_(libdeflate_alloc_compressor(kLevel)) {}
  ~Deflater() { libdeflate_free_compressor(c_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  /// Raw deflate (no zlib header: ZIP stores the method itself) of `data` onto `out`.
  bool onto(std::string& out, std::string_view data, std::string& error) {
    if (!c_) {
      error = "zip: komprimeringen kunne ikke startes";
      return false;
    }
    // Into the thread's scratch buffer, then appended: growing `out` by the bound would
    // zero five times the bytes the compressed part needs, on every part.
    const std::size_t bound = libdeflate_deflate_compress_bound(c_, data.size());
    if (scratch_.size() < bound) scratch_.resize(bound);
    std::size_t n = libdeflate_deflate_compress(c_, data.data(), data.size(), scratch_.data(), scratch_.size());
    if (n == 0) {  // only if the bound was too small, which libdeflate promises it is not
      error = "zip: komprimeringen mislykkedes";
      return false;
    }
    out.append(reinterpret_cast<const char*>(scratch_.data()), n);
    return true;
  }

 private:
  libdeflate_compressor* c_;
  std::vector<unsigned char> scratch_;
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
    w.method = e.data.size() < kStoreBelow ? kMethodStored : kMethodDeflate;
    Compressed* cached = w.method == kMethodStored ? nullptr : &cache.slot(e.name);
    const bool hit = cached && cached->data == e.data;
    w.crc = hit ? cached->crc
                : libdeflate_crc32(0, e.data.data(), e.data.size());
    // The header goes first with the sizes left at zero, then is patched: the compressed
    // size is known only after compressing, and writing in place spares a copy of the data.
    std::size_t header_at = out.size();
    local_header(out, e, w);
    std::size_t data_at = out.size();
    if (w.method == kMethodStored) {
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
