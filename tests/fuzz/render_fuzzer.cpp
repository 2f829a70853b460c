// libFuzzer target for the checker and the HTML and DOCX renderers: any input that
// compiles must check and render (citizen and council edition) without a crash or
// sanitizer report; every DOCX part must be well-formed XML, and the HTML must contain no
// script element (nothing from a standard may run on a municipal web page). The input as
// prose must get the same LIX from lix()'s own walk of UAX #29 as from ICU's iterators.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <pugixml.hpp>

#include "check.hpp"
#include "compile.hpp"
#include "readability.hpp"
#include "render.hpp"

namespace {

struct Loaded {
  std::optional<kvs::render::Renderer> renderer;
  std::optional<kvs::checks::CheckData> data;
};

const Loaded& loaded() {
  static const Loaded l = [] {
    Loaded x;
    std::string error;
    x.renderer = kvs::render::Renderer::load(kvs::render::data_dir(), error);
    std::vector<kvs::law::LoadError> errors;
    x.data = kvs::checks::load_check_data(errors);
    if (!x.renderer || !x.data) std::abort();
    return x;
  }();
  return l;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const Loaded& l = loaded();
  {
    std::string_view prose(reinterpret_cast<const char*>(bytes), size);
    kvs::checks::Lix fast = kvs::checks::lix(prose, 6), icu = kvs::checks::lix_with_icu(prose, 6);
    if (fast.words != icu.words || fast.sentences != icu.sentences || fast.long_words != icu.long_words) std::abort();
  }
  kvs::DiagnosticSink sink;
  kvs::Compilation c = kvs::compile_text("fuzz.kvs", std::string_view(reinterpret_cast<const char*>(bytes), size), sink);
  if (!c.model || sink.has_errors()) return 0;
  kvs::render::RenderOptions options;
  options.reference_date = kvs::Date{2024, 6, 1};
  options.council = true;
  kvs::checks::check_standard(*c.model, *c.file, *l.data, options.reference_date, true, sink);
  options.findings = sink.diagnostics();
  options.checks_ran = true;
  kvs::render::Built built = l.renderer->build(*c.model, options);
  std::string html = l.renderer->html(built);
  // The HTML renderer writes no script of its own, so any "<script" came from the input.
  if (html.find("<script") != std::string::npos) std::abort();
  for (const auto& part : l.renderer->docx_parts(built)) {
    bool xml = part.name.ends_with(".xml") || part.name.ends_with(".rels");
    if (!xml) continue;
    pugi::xml_document doc;
    if (!doc.load_buffer(part.data.data(), part.data.size())) std::abort();
  }
  (void)l.renderer->markdown(built);
  return 0;
}
