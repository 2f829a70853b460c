// What a rule sees and how it reports. A rule is a function over a CheckContext (the
// standard, its source file, the law versions applied to it, the advice data) that
// reports findings through a Reporter, which stamps each finding with the rule id, the
// file, and the legal provision it rests on.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "advice_data.hpp"
#include "compile.hpp"
#include "diagnostic.hpp"
#include "law_loader.hpp"
#include "law_selection.hpp"
#include "registry.hpp"
#include "source_file.hpp"
#include "standard.hpp"

namespace kvs::checks {

struct CheckContext {
  const model::Standard& standard;
  const SourceFile& file;
  const law::LawLibrary& law;
  const AppliedLaw& applied;
  const AdviceData& advice;

  /// The duties (<pligt regel="rule">) of the applied versions.
  std::vector<std::pair<const law::LawVersion*, const law::Duty*>> duties(std::string_view rule) const;
  /// Every duty of the applied versions.
  std::vector<std::pair<const law::LawVersion*, const law::Duty*>> all_duties() const;
  /// The content requirements (<indholdskrav regel="rule">) of the applied versions.
  std::vector<std::pair<const law::LawVersion*, const law::ContentRequirement*>> content(std::string_view rule) const;
  /// The place a missing top-level thing is reported: the first statement of the file.
  SourceRange header() const;
  /// The provision `id` of `v` as a finding's source (quoted or marked as paraphrase).
  Provision provision(const law::LawVersion& v, std::string_view id,
                      const std::vector<std::string>& jf = {}) const;
};

class Reporter {
 public:
  Reporter(const Rule& rule, const CheckContext& cx, DiagnosticSink& sink) : rule_(rule), cx_(cx), sink_(sink) {}
  /// A finding of this rule at `where`, with the rule's default severity unless given.
  Diagnostic& report(SourceRange where, std::string message, std::optional<Severity> severity = {});
  const Rule& rule() const { return rule_; }

 private:
  const Rule& rule_;
  const CheckContext& cx_;
  DiagnosticSink& sink_;
};

/// The law data and the advice data, loaded once per run.
struct CheckData {
  law::LawLibrary law;
  AdviceData advice;
};
/// Loads both from law::data_dir(); nullopt with `errors` filled on any problem.
std::optional<CheckData> load_check_data(std::vector<law::LoadError>& errors);

/// Chooses the law for `standard`, runs every legal and advice rule, then applies the
/// standard's acknowledgements. Findings go to `sink` (path = file.name()).
AppliedLaw check_standard(const model::Standard& standard, const SourceFile& file, const CheckData& data,
                          const Date& check_date, bool check_date_given, DiagnosticSink& sink);

/// One file through the whole pipeline (read, parse, lower, check): what tests, the catalogue
/// and tools use. The checks run only when the front end reported no fejl.
struct CheckRun {
  Compilation unit;
  DiagnosticSink sink;              ///< every diagnostic, sorted by position
  std::optional<AppliedLaw> law;    ///< set when the checks ran
};
CheckRun check_text(const std::string& name, std::string_view text, const CheckData& data,
                    std::optional<Date> check_date);
CheckRun check_file(const std::string& path, const CheckData& data, std::optional<Date> check_date);

/// Marks findings matched by the standard's `anerkendelse` blocks as acknowledged and
/// reports acknowledgements that match nothing, name an unknown rule, or try to
/// acknowledge a fejl without a frisættelse.
void apply_acknowledgements(const model::Standard& standard, const SourceFile& file, DiagnosticSink& sink);

}  // namespace kvs::checks
