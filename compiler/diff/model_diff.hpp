// What changed between two versions of a standard, as a council member would say it:
// one plain-Danish sentence per change, with the place in each file, plus word-level
// redlines of the prose and the findings that appeared or disappeared. Compares models,
// not text, so reordering or reformatting the file is not a change.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "redline.hpp"
#include "standard.hpp"

namespace kvs::diff {

struct Change {
  enum class Kind { added, removed, changed };
  Kind kind = Kind::changed;
  std::string area;      ///< målgruppe, undtagelse, risikogruppe, kontakt, godkendelse, lovgrundlag, …
  std::string sentence;  ///< one plain-Danish sentence
  std::optional<SourceRange> old_where, new_where;
};

struct ProseChange {
  std::string what;  ///< e.g. "Formål" or "målgruppen '75-årige'"
  std::vector<RedlinePiece> redline;
  std::optional<SourceRange> old_where, new_where;
};

struct FindingChange {
  bool appeared = true;  ///< false: it disappeared
  std::string code;
  Severity severity = Severity::raad;
  std::string message;
  std::optional<SourceRange> where;  ///< in the file where it is reported
};

struct StandardDiff {
  std::vector<Change> changes;
  std::vector<ProseChange> prose;
  std::vector<FindingChange> findings;
  bool empty() const { return changes.empty() && prose.empty() && findings.empty(); }
};

/// What the checker said about one version: its findings and the law versions applied
/// (ids, e.g. "serviceloven-2019 + bek-716-2019"); both empty when it did not run.
struct CheckSummary {
  std::vector<Diagnostic> findings;
  std::string law_versions;
};

/// Differences between the models and between what the checker said about them.
StandardDiff compare(const model::Standard& old_s, const model::Standard& new_s,
                     const CheckSummary& old_check = {}, const CheckSummary& new_check = {});

/// Danish description of age rules: "i det år, de fylder 75", "fra 82 år", "65–81 år".
std::string describe_ages(const std::vector<model::AgeRule>& ages);

}  // namespace kvs::diff
