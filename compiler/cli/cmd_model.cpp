// kvs model: the semantic model of one file as JSON (for golden tests and tools).
#include <iostream>

#include "commands.hpp"
#include "compile.hpp"
#include "model_dump.hpp"

namespace kvs::cli {

int run_model(const Options& o) {
  if (o.files.size() != 1) {
    std::cerr << "kvs model: angiv præcis én .kvs-fil\n";
    return kUsage;
  }
  DiagnosticSink sink;
  Compilation c = compile_file(o.files[0], sink);
  if (c.io_error || sink.has_errors()) {
    print_text_diagnostics(std::cerr, sink);
    return c.io_error ? kUsage : kFindings;
  }
  std::cout << model::dump_json(*c.model, o.positions ? c.file.get() : nullptr);
  return kOk;
}

}  // namespace kvs::cli
