// Shared by tests/unit/render_*_test.cpp: the renderer loaded from the source tree and
// the four bundled standards rendered with fixed options (so golden files are stable).
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "compile.hpp"
#include "golden.hpp"
#include "render.hpp"
#include "sha256.hpp"
#include "zip_reader.hpp"

namespace kvs::test {

/// The renderer with templates/ and checks/law/ from the source tree (loaded once).
inline const render::Renderer& renderer() {
  static const render::Renderer r = [] {
    std::string error;
    auto loaded = render::Renderer::load(KVS_SOURCE_DIR, error);
    if (!loaded) FAIL("templates: " << error);
    return *loaded;
  }();
  return r;
}

/// The bundled standards (standards/NAME.kvs).
inline const std::vector<std::string>& seed_names() {
  static const std::vector<std::string> names = {"hjoerring-2024", "haderslev-2024", "glostrup-2025", "soroe"};
  return names;
}

/// Options every golden render uses: the reference date 1 September 2025 for a standard
/// without a period (Sorø: after the change to ældreloven).
inline render::RenderOptions golden_options(const std::string& path, const std::string& bytes) {
  render::RenderOptions o;
  o.reference_date = Date{2025, 9, 1};
  o.source_name = path.substr(path.find_last_of('/') + 1);
  o.source_sha256 = render::sha256_hex(bytes);
  return o;
}

struct Rendered {
  Compilation unit;
  render::Built built;
};

/// Compiles standards/NAME.kvs (or any path) and builds its document.
inline std::unique_ptr<Rendered> render_file(const std::string& path, bool council = false) {
  DiagnosticSink sink;
  auto r = std::make_unique<Rendered>();
  r->unit = compile_file(path, sink);
  REQUIRE(r->unit.model);
  REQUIRE_FALSE(sink.has_errors());
  render::RenderOptions o = golden_options(path, read_file(path));
  o.council = council;
  r->built = renderer().build(*r->unit.model, o);
  return r;
}

inline std::unique_ptr<Rendered> render_seed(const std::string& name, bool council = false) {
  return render_file(source_path("standards/" + name + ".kvs"), council);
}

/// Compiles a standard given as text.
inline std::unique_ptr<Rendered> render_text(const std::string& text, Date reference = Date{2025, 9, 1}) {
  DiagnosticSink sink;
  auto r = std::make_unique<Rendered>();
  r->unit = compile_text("test.kvs", text, sink);
  INFO(text);
  REQUIRE(r->unit.model);
  render::RenderOptions o;
  o.reference_date = reference;
  o.source_name = "test.kvs";
  o.source_sha256 = render::sha256_hex(text);
  r->built = renderer().build(*r->unit.model, o);
  return r;
}

/// All text of the document body, one string.
inline std::string document_text(const render::Document& d) {
  std::string all;
  for (const auto* list : {&d.sections, &d.appendix})
    for (const auto& s : *list) {
      all += s.heading_text() + "\n";
      for (const auto& t : render::text_of(s.blocks)) all += t + "\n";
    }
  return all;
}

/// The package part `name` of a DOCX.
inline std::string docx_part(const std::string& docx, const std::string& name) {
  std::string error;
  for (auto& e : kvs::test::zip_entries(docx, error))
    if (e.name == name) return e.data;
  return {};
}

}  // namespace kvs::test
