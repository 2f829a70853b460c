#include <iostream>
#include <map>

#include "commands.hpp"
#include "diagnostic_printer.hpp"

namespace kvs::cli {

void print_text_diagnostics(std::ostream& out, const DiagnosticSink& sink) {
  std::map<std::string, int> printed, skipped;
  for (const auto& d : sink.diagnostics()) {
    if (printed[d.path] >= kMaxPrintedPerFile) {
      ++skipped[d.path];
      continue;
    }
    ++printed[d.path];
    out << format_diagnostic(d);
  }
  for (const auto& [path, n] : skipped)
    out << path << ": … og " << n << " meddelelser mere (kun de første " << kMaxPrintedPerFile
        << " vises)\n";
}

}  // namespace kvs::cli
