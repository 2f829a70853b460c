// libFuzzer target for the front end and the lowering: any bytes must give diagnostics
// or a model, never a crash, hang or sanitizer report. For inputs without syntax errors
// it also checks the formatter's promises: fmt(fmt(x)) == fmt(x) and the model of
// fmt(x) equals the model of x.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "compile.hpp"
#include "format.hpp"
#include "model_dump.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  kvs::DiagnosticSink sink;
  kvs::Compilation c = kvs::compile_text("fuzz.kvs", bytes, sink);
  if (c.io_error || c.syntax_errors || !c.syntax) return 0;
  std::string once = kvs::fmt::format(*c.syntax);
  kvs::DiagnosticSink sink2;
  kvs::Compilation again = kvs::compile_text("fuzz.kvs", once, sink2);
  if (again.syntax_errors || !again.syntax) std::abort();  // fmt produced unparsable text
  if (kvs::fmt::format(*again.syntax) != once) std::abort();  // not idempotent
  if (c.model && again.model && kvs::model::dump_json(*c.model) != kvs::model::dump_json(*again.model))
    std::abort();  // formatting changed the meaning
  return 0;
}
