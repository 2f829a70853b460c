#include "source_loader.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace kvs {
namespace {

constexpr int kMaxEncodingErrors = 20;

// Word-at-a-time tests: almost all of a source file is printable ASCII, so the passes
// below look at 8 bytes per step and only decode the rare words that hold anything else.
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = 0x8080808080808080ull;

// Eight bytes with the first one in the lowest bits, so that the borrows and carries of
// the tests below run from earlier to later bytes and never disturb an earlier one.
std::uint64_t load8(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

// Each test gives 0x80 in every byte position that needs a closer look. A borrow or carry
// can mark a later byte wrongly, but only after a byte that is marked rightly, so the
// first mark is always exact.

// Bytes that are not ASCII, or NUL.
std::uint64_t non_ascii_or_nul(std::uint64_t w) { return (w | ((w - kOnes) & ~w)) & kHigh; }

// Bytes that are not printable ASCII (0x20..0x7E): control characters, DEL, multi-byte
// sequences. (w + kOnes only carries out of a byte that is marked already.)
std::uint64_t not_printable_ascii(std::uint64_t w) {
  return (w | (w + kOnes) | ((w - 0x20 * kOnes) & ~w)) & kHigh;
}

// Bytes 0xCC and above: exact in every position (no carries cross bytes).
std::uint64_t lead_of_u0300_or_above(std::uint64_t w) { return ((w & ~kHigh) + 0x34 * kOnes) & w & kHigh; }

// Position (0..7) of the first marked byte of a non-zero mask.
unsigned first_marked(std::uint64_t mask) { return static_cast<unsigned>(std::countr_zero(mask)) / 8; }

// The next position at or after `i` that `marks` (one of the tests above) picks out, found
// eight bytes at a time; the caller then looks at that byte itself. In the last seven
// bytes, where no whole word is left, every position is returned in turn.
template <class Marks>
std::size_t next_marked(const unsigned char* t, std::size_t i, std::size_t n, Marks marks) {
  for (; i + 8 <= n; i += 8)
    if (std::uint64_t m = marks(load8(t + i))) return i + first_marked(m);
  return i;
}

// CRLF and lone CR become LF, in place (the text only shrinks); a file without a CR is
// left untouched after one memchr pass. True if there was a CR.
bool normalise_line_ends(std::string& text) {
  std::size_t cr = text.find('\r');
  if (cr == std::string::npos) return false;
  char* out = text.data() + cr;
  const std::size_t n = text.size();
  std::size_t from = cr;
  while (cr != std::string::npos) {
    std::memmove(out, text.data() + from, cr - from);
    out += cr - from;
    *out++ = '\n';
    from = cr + 1;
    if (from < n && text[from] == '\n') ++from;
    cr = text.find('\r', from);
  }
  std::memmove(out, text.data() + from, n - from);
  out += n - from;
  text.resize(static_cast<std::size_t>(out - text.data()));
  return true;
}

// Offset of the first byte that starts an invalid UTF-8 sequence or is NUL; size() if none.
std::size_t first_bad_byte(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::size_t i = 0; (i = next_marked(s, i, text.size(), non_ascii_or_nul)) < text.size();) {
    auto at = static_cast<std::int32_t>(i);
    UChar32 c;
    U8_NEXT(s, at, length, c);
    if (c <= 0) return i;
    i = static_cast<std::size_t>(at);
  }
  return text.size();
}

// Validates like first_bad_byte, but builds the copy with each bad sequence replaced by
// U+FFFD (so the excerpt can still be shown) and reports every bad sequence at its place
// in that copy. Only called once a bad byte is known to exist.
LoadedSource report_bad_bytes(std::string name, const std::string& text, DiagnosticSink& sink) {
  LoadedSource result;
  std::string clean;
  clean.reserve(text.size());
  struct Bad { std::uint32_t offset; bool nul; unsigned char byte; };
  std::vector<Bad> bad;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  std::int32_t length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || c == 0) {
      bad.push_back({static_cast<std::uint32_t>(clean.size()), c == 0, s[start]});
      clean += "\xEF\xBF\xBD";
    } else {
      clean.append(text, start, i - start);
    }
  }
  result.file = std::make_shared<SourceFile>(std::move(name), std::move(clean));
  int n = 0;
  for (const Bad& b : bad) {
    if (++n > kMaxEncodingErrors) break;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", b.byte);
    auto& d = b.nul ? sink.error(*result.file, {b.offset, b.offset + 3}, "KVS-L002",
                                 "filen indeholder et NUL-tegn (byte 0x00)")
                    : sink.error(*result.file, {b.offset, b.offset + 3}, "KVS-L001",
                                 std::string("ugyldig UTF-8: byte ") + hex +
                                     " kan ikke læses som tekst");
    d.suggestion = b.nul ? "fjern tegnet; en .kvs-fil er ren tekst"
                         : "gem filen som UTF-8 (i Notesblok: Gem som → Kodning: UTF-8)";
  }
  return result;
}

// Every code point below U+0300 is a starter that NFC leaves alone and never composes
// with what precedes it (checked against ICU's data), and a line feed composes with
// nothing. So valid UTF-8 is in NFC exactly when each line that holds a lead byte of
// U+0300 or above (0xCC..0xF4) is; only those few lines are handed to ICU.
bool is_nfc(std::string_view text, const icu::Normalizer2& nfc) {
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; (i = next_marked(t, i, n, lead_of_u0300_or_above)) < n;) {
    if (t[i] < 0xCC) {  // one of the last bytes, which are not tested a word at a time
      ++i;
      continue;
    }
    std::size_t begin = text.rfind('\n', i);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    std::size_t end = std::min(text.find('\n', i), n);
    UErrorCode status = U_ZERO_ERROR;
    icu::StringPiece line(text.data() + begin, static_cast<int32_t>(end - begin));
    if (!nfc.isNormalizedUTF8(line, status) || U_FAILURE(status)) return false;
    i = end;
  }
  return true;
}

/// True if the text was not in NFC (and now is).
bool to_nfc(std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || is_nfc(utf8, *nfc)) return false;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  icu::UnicodeString n = nfc->normalize(u, status);
  if (U_FAILURE(status)) return false;
  std::string out;
  n.toUTF8String(out);
  utf8 = std::move(out);
  return true;
}

// Length of the invisible character that starts at t[i] (0 if there is none): a control
// character other than tab and line feed, DEL, a C1 control, a BOM, a zero-width space.
std::size_t invisible_length(const unsigned char* t, std::size_t i, std::size_t n) {
  unsigned char c = t[i];
  if (c < 0x20) return (c == '\t' || c == '\n') ? 0 : 1;
  if (c == 0x7F) return 1;
  if (c == 0xC2 && i + 1 < n && t[i + 1] <= 0x9F) return 2;                        // C1 control
  if (c == 0xEF && i + 2 < n && t[i + 1] == 0xBB && t[i + 2] == 0xBF) return 3;  // BOM
  if (c == 0xE2 && i + 2 < n && t[i + 1] == 0x80 && t[i + 2] == 0x8B) return 3;  // zero-width space
  return 0;
}

// Offset of the next invisible character at or after `from` (n if none); its length in *len.
std::size_t find_invisible(const unsigned char* t, std::size_t from, std::size_t n, std::size_t* len) {
  for (std::size_t i = from; (i = next_marked(t, i, n, not_printable_ascii)) < n; ++i)
    if ((*len = invisible_length(t, i, n))) return i;
  return n;
}

// Invisible characters pasted from Word or the web — a byte-order mark in the middle of
// the file, zero-width spaces, control characters such as a form feed for a page break —
// would make a field name unrecognisable without anything to see, and control
// characters are not allowed in the XML of a Word document: drop them, and record where
// (offsets in the text without them). The text is copied only when it has any.
std::vector<std::uint32_t> drop_invisible(std::string& text) {
  std::vector<std::uint32_t> invisible_at;
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t len = 0;
  std::size_t at = find_invisible(t, 0, n, &len);
  if (at == n) return invisible_at;
  std::string visible;
  visible.reserve(n);
  std::size_t copied = 0;  // text[copied, at) is still to be appended (copied in runs, not per byte)
  for (; at < n; at = find_invisible(t, copied, n, &len)) {
    visible.append(text, copied, at - copied);
    invisible_at.push_back(static_cast<std::uint32_t>(visible.size()));
    copied = at + len;
  }
  visible.append(text, copied, n - copied);
  text = std::move(visible);
  return invisible_at;
}

// The whole stream, read straight into one string of the size stat gave (a stream buffer
// and its copy cost more than the file); a file that grew meanwhile is still read to its end.
std::string read_all(std::ifstream& in, std::size_t expected) {
  std::string bytes(expected, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(expected));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  char more[4096];
  while (in && (in.read(more, sizeof more), in.gcount() > 0)) bytes.append(more, static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// The loader proper, on bytes it may change in place (a file read is not copied again).
LoadedSource load_source_text(std::string name, std::string text, DiagnosticSink& sink) {
  const bool bom = text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0;
  if (bom) text.erase(0, 3);
  const bool line_ends = normalise_line_ends(text);
  if (first_bad_byte(text) != text.size()) return report_bad_bytes(std::move(name), text, sink);
  const bool nfc = to_nfc(text);
  std::vector<std::uint32_t> invisible_at = drop_invisible(text);
  const bool verbatim = !bom && !line_ends && !nfc && invisible_at.empty();
  LoadedSource result;
  result.file = std::make_shared<SourceFile>(std::move(name), std::move(text), verbatim);
  for (std::uint32_t at : invisible_at) {
    auto& d = sink.warning(*result.file, {at, at}, "KVS-L004",
                           "et usynligt tegn (byte-order mark, nul-bredde mellemrum eller styretegn) er fjernet her");
    d.suggestion = "tegnet kommer ofte med, når tekst kopieres fra Word eller en hjemmeside; kvs fmt -w fjerner det";
  }
  result.ok = true;
  return result;
}

}  // namespace

bool is_nfc_utf8(std::string_view valid_utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) && is_nfc(valid_utf8, *nfc);
}

LoadedSource load_source_bytes(std::string name, std::string_view bytes, DiagnosticSink& sink) {
  return load_source_text(std::move(name), std::string(bytes), sink);
}

LoadedSource load_source_file(const std::string& path, DiagnosticSink& sink) {
  auto fail = [&](std::string message) {
    Diagnostic d;
    d.code = "KVS-L003";
    d.message = std::move(message);
    d.path = path;
    sink.report(std::move(d));
    return LoadedSource{};
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return fail("kan ikke åbne filen: " + std::string(errno == ENOENT ? "den findes ikke" : std::strerror(errno)));
  if (S_ISDIR(st.st_mode)) return fail("kan ikke åbne filen: det er en mappe");
  if (static_cast<std::size_t>(st.st_size) > kMaxSourceBytes)
    return fail("filen er for stor (" + std::to_string(st.st_size / (1024 * 1024)) +
                " MB); en kvalitetsstandard må højst fylde " +
                std::to_string(kMaxSourceBytes / (1024 * 1024)) + " MB");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("kan ikke læse filen: " + std::string(std::strerror(errno)));
  std::string bytes = read_all(in, static_cast<std::size_t>(st.st_size));
  if (in.bad()) return fail("fejl under læsning af filen");
  return load_source_text(path, std::move(bytes), sink);
}

}  // namespace kvs
