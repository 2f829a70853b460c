// kvs check: read, parse and analyse every file; where a file has no errors, judge it by
// the law in force on the first day of its period (or --dato) and report the findings.
#include <iostream>

#include "check.hpp"
#include "commands.hpp"
#include "compile.hpp"
#include "diagnostic_printer.hpp"
#include "findings_output.hpp"

namespace kvs::cli {

int run_check(const Options& o) {
  if (o.files.empty()) {
    std::cerr << "kvs check: angiv mindst én .kvs-fil\n";
    return kUsage;
  }
  if (o.format == OutputFormat::markdown) {
    std::cerr << "kvs check: vælg --format tekst, json eller sarif\n";
    return kUsage;
  }
  auto data = load_check_data_or_report();
  if (!data) return kUsage;
  Date check_date = o.check_date.value_or(Date::today());
  DiagnosticSink sink;
  std::vector<Compilation> units;
  std::vector<CheckedFile> checked;
  bool io_error = false;
  for (const auto& path : o.files) {
    DiagnosticSink file_sink;
    units.push_back(compile_file(path, file_sink));
    const Compilation& unit = units.back();
    io_error |= unit.io_error && !unit.file;
    CheckedFile f{path, std::nullopt};
    if (unit.model && unit.file && !file_sink.has_errors())
      f.law = checks::check_standard(*unit.model, *unit.file, *data, check_date, o.check_date.has_value(), file_sink);
    checked.push_back(std::move(f));
    file_sink.sort_by_position();
    for (auto& d : file_sink.diagnostics()) sink.report(std::move(d));
  }
  if (o.format == OutputFormat::json) {
    std::cout << findings_to_json(sink.diagnostics(), checked);
  } else if (o.format == OutputFormat::sarif) {
    std::cout << findings_to_sarif(sink.diagnostics(), checked, *data);
  } else {
    for (const auto& f : checked)
      std::cout << law_line(f) << '\n';
    if (!sink.diagnostics().empty()) std::cout << '\n';
    print_text_diagnostics(std::cout, sink);
    std::cout << o.files.size() << (o.files.size() == 1 ? " fil" : " filer") << " kontrolleret: "
              << format_summary(sink) << '\n';
  }
  if (io_error) return kUsage;
  if (sink.has_errors() || (o.strict && sink.count(Severity::advarsel) > 0)) return kFindings;
  return kOk;
}

}  // namespace kvs::cli
