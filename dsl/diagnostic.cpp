#include "diagnostic.hpp"

#include <algorithm>
#include <stdexcept>

namespace kvs {

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::fejl: return "fejl";
    case Severity::advarsel: return "advarsel";
    case Severity::raad: return "råd";
  }
  return "fejl";
}

void DiagnosticSink::report(Diagnostic d) { diagnostics_.push_back(std::move(d)); }

std::shared_ptr<const SourceFile> DiagnosticSink::share(const SourceFile& file) {
  auto shared = file.weak_from_this().lock();
  if (!shared) throw std::logic_error("SourceFile " + file.name() + " must be owned by a shared_ptr");
  return shared;
}

Diagnostic& DiagnosticSink::error(const SourceFile& file, SourceRange where, std::string code,
                                  std::string message) {
  Diagnostic d;
  d.severity = Severity::fejl;
  d.code = std::move(code);
  d.message = std::move(message);
  d.path = file.name();
  d.file = share(file);
  d.where = where;
  diagnostics_.push_back(std::move(d));
  return diagnostics_.back();
}

Diagnostic& DiagnosticSink::warning(const SourceFile& file, SourceRange where, std::string code,
                                    std::string message) {
  Diagnostic& d = error(file, where, std::move(code), std::move(message));
  d.severity = Severity::advarsel;
  return d;
}

int DiagnosticSink::count(Severity s, bool include_acknowledged) const {
  return static_cast<int>(std::count_if(diagnostics_.begin(), diagnostics_.end(), [&](auto& d) {
    return d.severity == s && (include_acknowledged || !d.acknowledged);
  }));
}

void DiagnosticSink::sort_by_position() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](auto& a, auto& b) {
    if (a.path != b.path) return a.path < b.path;
    std::uint32_t pa = a.where ? a.where->begin : 0, pb = b.where ? b.where->begin : 0;
    return pa < pb;
  });
}

}  // namespace kvs
