// kvs fmt: print (or with -w rewrite) each file in canonical form. A file with syntax
// errors is never rewritten: formatting a partial tree would lose text.
#include <iostream>

#include "atomic_file.hpp"
#include "commands.hpp"
#include "compile.hpp"
#include "format.hpp"

namespace kvs::cli {

int run_fmt(const Options& o) {
  if (o.files.empty()) {
    std::cerr << "kvs fmt: angiv mindst én .kvs-fil\n";
    return kUsage;
  }
  int status = kOk;
  for (const auto& path : o.files) {
    DiagnosticSink sink;
    Compilation c = compile_file(path, sink, /*lower_on_syntax_error=*/false);
    if (c.io_error || c.syntax_errors) {
      print_text_diagnostics(std::cerr, sink);
      std::cerr << path << ": ikke formateret, fordi filen har fejl\n";
      status = c.io_error ? kUsage : std::max(status, int(kFindings));
      continue;
    }
    std::string formatted = fmt::format(*c.syntax);
    bool changed = formatted != c.file->text();
    if (o.check_only) {
      if (changed) {
        std::cout << path << ": ikke i kanonisk form (kør 'kvs fmt -w " << path << "')\n";
        status = std::max(status, int(kFindings));
      }
    } else if (o.write) {
      if (changed) {
        if (std::string err = write_file_atomically(path, formatted); !err.empty()) {
          std::cerr << "kvs fmt: " << err << '\n';
          status = kUsage;
        }
      }
    } else {
      std::cout << formatted;
    }
  }
  return status;
}

}  // namespace kvs::cli
