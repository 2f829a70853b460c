// One diagnostic type for every phase: reading, parsing, semantic analysis and the
// compliance checks all report through a DiagnosticSink, which collects (it never
// stops at the first problem) so a writer sees every mistake in one run.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "source_file.hpp"

namespace kvs {

/// Severity in the Danish terms of the rule catalogue.
enum class Severity { fejl, advarsel, raad };

/// Danish word for a severity as printed ("fejl", "advarsel", "råd").
const char* severity_word(Severity s);

struct DiagnosticNote {
  std::string message;
  std::shared_ptr<const SourceFile> file;
  std::optional<SourceRange> where;
};

/// The legal or evidential source a finding rests on (filled by the checker).
struct Provision {
  std::string citation;          ///< e.g. "serviceloven § 79 a, stk. 6"
  std::string version;           ///< e.g. "serviceloven-2019"
  std::string text;              ///< the provision quoted, or a paraphrase
  bool paraphrase = false;       ///< text is a paraphrase, not the wording of the act
  bool unverified = false;       ///< the wording has not been verified against the act
};

struct Diagnostic {
  Severity severity = Severity::fejl;
  std::string code;                     ///< stable: KVS-Lnnn, KVS-Pnnn, KVS-Snnn, or a rule id
  std::string message;                  ///< plain Danish
  std::string path;                     ///< file name as given on the command line
  std::shared_ptr<const SourceFile> file;  ///< for the source excerpt; null for I/O errors
  std::optional<SourceRange> where;
  std::string suggestion;               ///< "mente du …?" or a fix hint
  std::vector<DiagnosticNote> notes;
  std::optional<Provision> provision;
  bool acknowledged = false;            ///< acknowledged in the source (kept, never dropped)
  std::string acknowledgement_reason;
};

class DiagnosticSink {
 public:
  void report(Diagnostic d);
  /// Shorthand for a diagnostic at a range of a file.
  Diagnostic& error(const SourceFile& file, SourceRange where, std::string code,
                    std::string message);
  Diagnostic& warning(const SourceFile& file, SourceRange where, std::string code,
                      std::string message);

  /// Shared ownership of a file for a diagnostic; the file must be held by a shared_ptr.
  static std::shared_ptr<const SourceFile> share(const SourceFile& file);

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
  int count(Severity s, bool include_acknowledged = false) const;
  bool has_errors() const { return count(Severity::fejl) > 0; }
  /// Sort by file, then position, keeping report order for ties.
  void sort_by_position();

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace kvs
