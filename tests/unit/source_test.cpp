// Source files: line index, columns in characters, and what the loader accepts.
#include <catch2/catch.hpp>

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
