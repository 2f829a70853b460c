#include "source_loader.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace kvs {
namespace {

constexpr int kMaxEncodingErrors = 20;

std::string normalise_line_ends(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\r') {
      out += '\n';
      if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
    } else {
      out += in[i];
    }
  }
  return out;
}

std::string to_nfc(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return utf8;
  // Almost every file is already in NFC: check on the UTF-8 itself (no UTF-16 copy).
  if (nfc->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status) &&
      U_SUCCESS(status))
    return utf8;
  status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  icu::UnicodeString n = nfc->normalize(u, status);
  if (U_FAILURE(status)) return utf8;
  std::string out;
  n.toUTF8String(out);
  return out;
}

}  // namespace

LoadedSource load_source_bytes(std::string name, std::string_view bytes, DiagnosticSink& sink) {
  LoadedSource result;
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) bytes.remove_prefix(3);
  std::string text = normalise_line_ends(bytes);

  // Validate, replacing each bad sequence by U+FFFD so the excerpt can still be shown.
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
  if (!bad.empty()) {
    result.file = std::make_shared<SourceFile>(name, std::move(clean));
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
  // Invisible characters pasted from Word or the web — a byte-order mark in the middle of
  // the file, zero-width spaces, control characters such as a form feed for a page break —
  // would make a field name unrecognisable without anything to see, and control
  // characters are not allowed in the XML of a Word document: drop them, and say where.
  text = to_nfc(text);
  std::string visible;
  visible.reserve(text.size());
  std::vector<std::uint32_t> invisible_at;
  const auto* t = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t copied = 0;  // text[copied, i) is still to be appended (copied in runs, not per byte)
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = t[i];
    std::size_t skip = 0;
    if (c < 0x20) skip = (c == '\t' || c == '\n') ? 0 : 1;
    else if (c == 0x7F) skip = 1;
    else if (c == 0xC2 && i + 1 < n && t[i + 1] <= 0x9F) skip = 2;  // C1 control
    else if (c == 0xEF && i + 2 < n && t[i + 1] == 0xBB && t[i + 2] == 0xBF) skip = 3;  // BOM
    else if (c == 0xE2 && i + 2 < n && t[i + 1] == 0x80 && t[i + 2] == 0x8B) skip = 3;  // zero-width space
    if (!skip) continue;
    visible.append(text, copied, i - copied);
    invisible_at.push_back(static_cast<std::uint32_t>(visible.size()));
    i += skip - 1;
    copied = i + 1;
  }
  visible.append(text, copied, n - copied);
  result.file = std::make_shared<SourceFile>(std::move(name), std::move(visible));
  for (std::uint32_t at : invisible_at) {
    auto& d = sink.warning(*result.file, {at, at}, "KVS-L004",
                           "et usynligt tegn (byte-order mark, nul-bredde mellemrum eller styretegn) er fjernet her");
    d.suggestion = "tegnet kommer ofte med, når tekst kopieres fra Word eller en hjemmeside; kvs fmt -w fjerner det";
  }
  result.ok = true;
  return result;
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
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return fail("fejl under læsning af filen");
  return load_source_bytes(path, buffer.str(), sink);
}

}  // namespace kvs
