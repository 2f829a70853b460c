// kvs check: read, parse and analyse every file; report all problems.
#include <iostream>

#include "commands.hpp"
#include "compile.hpp"
#include "diagnostic_printer.hpp"

namespace kvs::cli {

int run_check(const Options& o) {
  if (o.files.empty()) {
    std::cerr << "kvs check: angiv mindst én .kvs-fil\n";
    return kUsage;
  }
  DiagnosticSink sink;
  std::vector<Compilation> units;
  bool io_error = false;
  for (const auto& path : o.files) {
    DiagnosticSink file_sink;
    units.push_back(compile_file(path, file_sink));
    io_error |= units.back().io_error && !units.back().file;
    file_sink.sort_by_position();
    for (auto& d : file_sink.diagnostics()) sink.report(std::move(d));
  }
  if (o.format == OutputFormat::json) {
    std::cout << diagnostics_to_json(sink.diagnostics());
  } else {
    print_text_diagnostics(std::cout, sink);
    std::cout << o.files.size() << (o.files.size() == 1 ? " fil" : " filer") << " kontrolleret: "
              << format_summary(sink) << '\n';
  }
  if (io_error) return kUsage;
  if (sink.has_errors() || (o.strict && sink.count(Severity::advarsel) > 0)) return kFindings;
  return kOk;
}

}  // namespace kvs::cli
