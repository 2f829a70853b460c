// The machine forms of `kvs check`: JSON (the diagnostics document of docs/diagnostics.md
// plus a `law` header naming the law versions applied to each file and why; schema in
// docs/findings-json.md) and SARIF 2.1.0 (the rule catalogue with help text, the legal
// provisions as a taxonomy, acknowledged findings as in-source suppressions). The human
// form is the diagnostic printer plus one line per file naming its law (law_line).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check.hpp"
#include "diagnostic.hpp"

namespace kvs::cli {

/// One file given to `kvs check`, and the law it was judged by (unset when the checks did
/// not run: unreadable file, or errors in the syntax or meaning).
struct CheckedFile {
  std::string path;
  std::optional<checks::AppliedLaw> law;
};

/// "standards/x.kvs: lovgrundlag serviceloven-2019 + bek-716-2019, i kraft … (…)"
std::string law_line(const CheckedFile& f);

std::string findings_to_json(const std::vector<Diagnostic>& diagnostics, const std::vector<CheckedFile>& files);

std::string findings_to_sarif(const std::vector<Diagnostic>& diagnostics, const std::vector<CheckedFile>& files,
                              const checks::CheckData& data);

}  // namespace kvs::cli
