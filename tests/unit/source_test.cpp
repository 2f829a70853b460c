// Source files: line index, columns in characters, and what the loader accepts.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <unistd.h>

#include "source_file.hpp"
#include "source_loader.hpp"

using namespace kvs;

TEST_CASE("positions count characters, not bytes", "[source]") {
  SourceFile f("x.kvs", "æøå: 1\nlinje to\n\nsidst");
  CHECK(f.line_count() == 4);
  Position p = f.position(std::string("æøå").size());  // the ':' after three two-byte letters
  CHECK(p.line == 1);
  CHECK(p.column == 4);
  CHECK(f.position(std::string("æøå: 1\n").size()).line == 2);
  CHECK(f.line_text(2) == "linje to");
  CHECK(f.line_text(3).empty());
  CHECK(f.line_text(4) == "sidst");
  CHECK(f.position(9999).line == 4);  // past the end: clamped
}

TEST_CASE("the loader drops a BOM and normalises line ends", "[source]") {
  DiagnosticSink sink;
  auto l = load_source_bytes("x.kvs", "\xEF\xBB\xBF" "a\r\nb\rc\n", sink);
  REQUIRE(l.ok);
  CHECK(l.file->text() == "a\nb\nc\n");
  CHECK(sink.diagnostics().empty());
}

// verbatim(): the text is the bytes as read, so a document's fingerprint can be taken of
// it; any change the loader makes clears it.
TEST_CASE("the loader says whether the text is the file's bytes", "[source]") {
  const std::pair<const char*, bool> cases[] = {
      {"formål: at forebygge\n", true},  {"", true},
      {"\xEF\xBB\xBF" "a\n", false},      {"a\r\nb\n", false},
      {"a\rb", false},                   {"a\xCC\x8A", false},  // NFD å
      {"a\xE2\x80\x8B" "b", false},       // zero-width space dropped
  };
  for (const auto& [bytes, verbatim] : cases) {
    INFO(bytes);
    DiagnosticSink sink;
    auto l = load_source_bytes("x.kvs", bytes, sink);
    REQUIRE(l.ok);
    CHECK(l.file->verbatim() == verbatim);
    if (verbatim) CHECK(l.file->text() == bytes);
  }
}

TEST_CASE("the loader normalises to NFC", "[source]") {
  DiagnosticSink sink;
  // "å" written as a + combining ring above (U+030A) becomes the single letter U+00E5.
  auto l = load_source_bytes("x.kvs", "a\xCC\x8A", sink);
  REQUIRE(l.ok);
  CHECK(l.file->text() == "\xC3\xA5");
}

TEST_CASE("invalid UTF-8 is reported at its line and column", "[source]") {
  DiagnosticSink sink;
  auto l = load_source_bytes("x.kvs", "ok\nab\xFF" "c\n", sink);
  CHECK_FALSE(l.ok);
  REQUIRE(sink.diagnostics().size() == 1);
  const Diagnostic& d = sink.diagnostics()[0];
  CHECK(d.code == "KVS-L001");
  REQUIRE(d.where);
  Position p = l.file->position(d.where->begin);
  CHECK(p.line == 2);
  CHECK(p.column == 3);
}

TEST_CASE("overlong and truncated sequences are invalid too", "[source]") {
  for (std::string bad : {std::string("\xC0\xAF"), std::string("\xE2\x82"), std::string("\xED\xA0\x80")}) {
    DiagnosticSink sink;
    auto l = load_source_bytes("x.kvs", "a" + bad, sink);
    CHECK_FALSE(l.ok);
    CHECK_FALSE(sink.diagnostics().empty());
  }
}

TEST_CASE("NUL bytes are rejected", "[source]") {
  DiagnosticSink sink;
  auto l = load_source_bytes("x.kvs", std::string("a\0b", 3), sink);
  CHECK_FALSE(l.ok);
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].code == "KVS-L002");
}

TEST_CASE("missing files and folders give a Danish I/O diagnostic", "[source]") {
  DiagnosticSink sink;
  auto l = load_source_file("/nonexistent/x.kvs", sink);
  CHECK_FALSE(l.ok);
  CHECK_FALSE(l.file);
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].code == "KVS-L003");
  CHECK(sink.diagnostics()[0].message.find("findes ikke") != std::string::npos);
  DiagnosticSink sink2;
  load_source_file("/tmp", sink2);
  REQUIRE(sink2.diagnostics().size() == 1);
  CHECK(sink2.diagnostics()[0].message.find("mappe") != std::string::npos);
}

TEST_CASE("invisible characters are removed with a warning at their place", "[source]") {
  DiagnosticSink sink;
  auto l = load_source_bytes("x.kvs", "a: 1\n\xEF\xBB\xBF" "b: 2\nc\xE2\x80\x8B: 3\n", sink);
  REQUIRE(l.ok);
  CHECK(l.file->text() == "a: 1\nb: 2\nc: 3\n");
  REQUIRE(sink.diagnostics().size() == 2);
  CHECK(sink.diagnostics()[0].code == "KVS-L004");
  CHECK(sink.diagnostics()[0].severity == Severity::advarsel);
  Position p = l.file->position(sink.diagnostics()[1].where->begin);
  CHECK(p.line == 3);
  CHECK(p.column == 2);
}

TEST_CASE("control characters never reach the model (they are invalid in DOCX XML)", "[source]") {
  DiagnosticSink sink;
  auto l = load_source_bytes("x.kvs", std::string("a: \"x\x0c" "y\x01\x7f\xC2\x85z\"\tb\n"), sink);
  REQUIRE(l.ok);
  CHECK(l.file->text() == "a: \"xyz\"\tb\n");
  CHECK(sink.diagnostics().size() == 4);
}

// ---- The loader's fast passes against the straightforward byte-by-byte loader it replaced.

#include <random>
#include <tuple>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace {

struct Loaded {
  bool ok = false;
  std::string text;
  std::vector<std::tuple<std::string, std::uint32_t, std::uint32_t, std::string, std::string>> diagnostics;
  bool operator==(const Loaded&) const = default;
};

Loaded summary(const LoadedSource& l, const DiagnosticSink& sink) {
  Loaded r;
  r.ok = l.ok;
  r.text = l.file ? l.file->text() : "";
  for (const Diagnostic& d : sink.diagnostics())
    r.diagnostics.emplace_back(d.code, d.where->begin, d.where->end, d.message, d.suggestion);
  return r;
}

// The loader as it was: a copy per pass, appending byte by byte or code point by code point.
Loaded reference_load(std::string_view bytes) {
  Loaded r;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string text;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      text += '\n';
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      text += bytes[i];
    }
  }
  std::string clean;
  std::vector<std::tuple<std::uint32_t, bool, unsigned char>> bad;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c <= 0) {
      bad.emplace_back(static_cast<std::uint32_t>(clean.size()), c == 0, s[start]);
      clean += "\xEF\xBF\xBD";
    } else {
      clean.append(text, start, i - start);
    }
  }
  if (!bad.empty()) {
    r.text = clean;
    int n = 0;
    for (auto [offset, nul, byte] : bad) {
      if (++n > 20) break;
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", byte);
      r.diagnostics.emplace_back(nul ? "KVS-L002" : "KVS-L001", offset, offset + 3,
                                 nul ? std::string("filen indeholder et NUL-tegn (byte 0x00)")
                                     : std::string("ugyldig UTF-8: byte ") + hex + " kan ikke læses som tekst",
                                 nul ? "fjern tegnet; en .kvs-fil er ren tekst"
                                     : "gem filen som UTF-8 (i Notesblok: Gem som → Kodning: UTF-8)");
    }
    return r;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  std::string nfc;
  icu::Normalizer2::getNFCInstance(status)->normalize(u, status).toUTF8String(nfc);
  const auto* t = reinterpret_cast<const unsigned char*>(nfc.data());
  const std::size_t n = nfc.size();
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = t[i];
    std::size_t skip = 0;
    if (c < 0x20) skip = (c == '\t' || c == '\n') ? 0 : 1;
    else if (c == 0x7F) skip = 1;
    else if (c == 0xC2 && i + 1 < n && t[i + 1] <= 0x9F) skip = 2;
    else if (c == 0xEF && i + 2 < n && t[i + 1] == 0xBB && t[i + 2] == 0xBF) skip = 3;
    else if (c == 0xE2 && i + 2 < n && t[i + 1] == 0x80 && t[i + 2] == 0x8B) skip = 3;
    if (!skip) {
      r.text += nfc[i];
      continue;
    }
    auto at = static_cast<std::uint32_t>(r.text.size());
    r.diagnostics.emplace_back("KVS-L004", at, at,
                               "et usynligt tegn (byte-order mark, nul-bredde mellemrum eller styretegn) er fjernet her",
                               "tegnet kommer ofte med, når tekst kopieres fra Word eller en hjemmeside; kvs fmt -w fjerner det");
    i += skip - 1;
  }
  r.ok = true;
  return r;
}

Loaded load(std::string_view bytes) {
  DiagnosticSink sink;
  auto l = load_source_bytes("x.kvs", bytes, sink);
  return summary(l, sink);
}

// `bytes` saved to a temporary file and read back with load_source_file (the file path of
// the loader, not load_source_bytes); the file is removed again.
LoadedSource load_through_file(const std::string& bytes, DiagnosticSink& sink) {
  std::string path = "/tmp/kvs-source-test-" + std::to_string(::getpid()) + ".kvs";
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  LoadedSource l = load_source_file(path, sink);
  std::remove(path.c_str());
  return l;
}

}  // namespace

TEST_CASE("the loader's fast passes give what the byte-by-byte loader gave", "[source]") {
  const std::vector<std::string> edges = {
      "",                                   // empty file
      "\xEF\xBB\xBF",                       // only a BOM
      "\r", "\r\r\n\n\r", "a\r\n\r\nb\r",   // CR/CRLF mixes, CR at the end
      "\xEF\xBB\xBF" "a\r\nb",              // leading BOM then CRLF
      "abcdefgh\xFF", "abcdefghijklmno\xC3",  // bad byte at the very end, after whole words
      "\xC3", "æøå\xE2\x82", "abcdefg\xF0\x9F\x98",  // truncated sequences at the end
      "æ\xE2\x80\x8Bø", "\xE2\x80\x8B\xC3\xA5",      // zero-width space next to two-byte letters
      "å\xEF\xBB\xBF" "æ", "–\x0c–",                 // BOM and form feed between three-byte chars
      "a\xCC\x8A\xE2\x80\x8B", "a\xE2\x80\x8B\xCC\x8A",  // invisible next to a combining ring
      "\xC2\xA0\xC2\x9F\xC2\x80", "ab\x7F" "cdefghij\x01",  // NBSP kept, C1 and DEL dropped
      "\xEF\xBB", "\xE2\x80", "x\xC2",               // prefixes of invisible characters at the end
      "linje et\nlinje to med \xE2\x80\x9C" "citat\xE2\x80\x9D\nog a\xCC\x8A\n",  // NFC on a later line
      std::string("12345678\0abc", 12),
  };
  for (const std::string& e : edges) {
    INFO("input: " << e);
    CHECK(load(e) == reference_load(e));
  }
  // Random mixes of the pieces a source file is made of, including every kind of trouble.
  const std::vector<std::string> pieces = {
      "a", "formål: ", "abcdefghijklmnop", "æ", "ø", "å", "Å", "\n", "\r", "\r\n", "\t", " ",
      "\xEF\xBB\xBF", "\xE2\x80\x8B", "\x0c", "\x7f", "\xC2\x85", "\xC2\xA0", "–", "“", "€", "😀",
      "\xCC\x8A", "\xFF", "\xC3", "\xE2\x80", std::string("\0", 1), "\xED\xA0\x80", "\xC0\xAF"};
  std::mt19937 random(1234);
  for (int round = 0; round < 3000; ++round) {
    std::string input;
    int count = static_cast<int>(random() % 40);
    for (int i = 0; i < count; ++i) {
      // Mostly clean text, so the word-at-a-time paths run between the rare bad pieces.
      std::size_t k = random() % 4 ? random() % 12 : random() % pieces.size();
      input += pieces[k];
    }
    INFO("input: " << input);
    REQUIRE(load(input) == reference_load(input));
  }
}

TEST_CASE("a source file is read whole, also when it has more than one buffer", "[source]") {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "linje " + std::to_string(i) + ": æøå\n";
  DiagnosticSink sink;
  auto l = load_through_file(text, sink);
  REQUIRE(l.ok);
  CHECK(l.file->text() == text);
}

TEST_CASE("a file with a BOM, CRLF and lone CRs is cleaned in place like bytes are", "[source]") {
  std::string bytes = "\xEF\xBB\xBF" "a: 1\r\nb: \"æ\"\r\rc\r";
  DiagnosticSink sink;
  auto l = load_through_file(bytes, sink);
  REQUIRE(l.ok);
  CHECK(l.file->text() == "a: 1\nb: \"æ\"\n\nc\n");
  CHECK(sink.diagnostics().empty());
}
