// Printing diagnostics: the human form is GNU-style `file:line:col: fejl[KODE]: besked`
// (editors can jump to it) followed by the source line and an underline; the JSON form
// is documented in docs/diagnostics.md.
#pragma once

#include <string>
#include <vector>

#include "diagnostic.hpp"

namespace kvs {

/// Human-readable form of one diagnostic, ending in a newline.
std::string format_diagnostic(const Diagnostic& d);
/// "3 fejl, 1 advarsel, 2 råd" — the closing summary line (without newline).
std::string format_summary(const DiagnosticSink& sink);
/// All diagnostics as a JSON document (schema: docs/diagnostics.md).
std::string diagnostics_to_json(const std::vector<Diagnostic>& diagnostics);

}  // namespace kvs
