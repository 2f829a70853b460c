#include "compile.hpp"

#include "lower.hpp"
#include "parse.hpp"

namespace kvs {
namespace {

Compilation finish(LoadedSource loaded, DiagnosticSink& sink, bool lower_on_syntax_error) {
  Compilation c;
  c.file = std::move(loaded.file);
  if (!loaded.ok) {
    c.io_error = true;
    return c;
  }
  int before = sink.count(Severity::fejl);
  c.syntax = dsl::parse(*c.file, sink);
  c.syntax_errors = sink.count(Severity::fejl) > before;
  if (!c.syntax_errors || lower_on_syntax_error) c.model = model::lower(*c.file, *c.syntax, sink, c.syntax_errors);
  return c;
}

}  // namespace

Compilation compile_file(const std::string& path, DiagnosticSink& sink, bool lower_on_syntax_error) {
  return finish(load_source_file(path, sink), sink, lower_on_syntax_error);
}

Compilation compile_text(const std::string& name, std::string_view text, DiagnosticSink& sink,
                         bool lower_on_syntax_error) {
  return finish(load_source_bytes(name, text, sink), sink, lower_on_syntax_error);
}

}  // namespace kvs
