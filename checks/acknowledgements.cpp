// Acknowledgements (`anerkendelse RULE-ID { begrundelse: "…"  frisættelse: ID }`): a finding of
// the named rule is kept and marked acknowledged with its reason, never dropped. An
// acknowledgement that matches nothing is itself reported; a fejl can only be acknowledged
// by naming a frisættelse and its basis; an unknown rule id gets "mente du …?".
#include <vector>

#include "check.hpp"
#include "spellcheck.hpp"

namespace kvs::checks {

namespace {

Diagnostic& meta(DiagnosticSink& sink, const SourceFile& file, SourceRange where, std::string_view rule,
                 std::string message) {
  const Rule* r = find_rule(rule);
  Diagnostic& d = sink.error(file, where, std::string(rule), std::move(message));
  d.severity = r ? r->severity : Severity::fejl;
  return d;
}

}  // namespace

void apply_acknowledgements(const model::Standard& standard, const SourceFile& file, DiagnosticSink& sink) {
  std::vector<std::string> ids;
  for (const auto& r : rule_table())
    if (r.kind != RuleKind::meta) ids.emplace_back(r.id);
  for (const auto& a : standard.acknowledgements) {
    SourceRange where = a.rule_where.end ? a.rule_where : a.where;
    const Rule* rule = find_rule(a.rule);
    if (!rule || rule->kind == RuleKind::meta) {
      auto& d = meta(sink, file, where, "anerkendelse-ukendt-regel", "der er ingen regel ved navn '" + a.rule + "'");
      if (auto guess = closest_word(a.rule, ids)) d.suggestion = "mente du '" + *guess + "'?";
      else d.suggestion = "se listen over regler med  kvs rules";
      continue;
    }
    const model::Release* release = nullptr;
    for (const auto& r : standard.releases)
      if (!a.release.empty() && r.id == a.release) release = &r;
    bool with_release = release && !release->basis.empty();

    std::size_t matched = 0, rejected = 0;
    // Only findings reported before this loop are candidates (not our own meta findings).
    std::size_t n = sink.diagnostics().size();
    for (std::size_t i = 0; i < n; ++i) {
      Diagnostic& d = sink.diagnostics()[i];
      if (d.code != a.rule || d.path != file.name() || d.acknowledged) continue;
      ++matched;
      if (d.severity == Severity::fejl && !with_release) {
        ++rejected;
        continue;
      }
      d.acknowledged = true;
      d.acknowledgement_reason = a.reason;
      if (release) d.acknowledgement_reason += " (frisættelse " + release->id + ": " + release->basis + ")";
    }
    if (matched == 0) {
      auto& d = meta(sink, file, where, "anerkendelse-uden-fund",
                     "anerkendelsen af '" + a.rule + "' svarer ikke til noget fund");
      d.suggestion = "fjern anerkendelsen, hvis forholdet er rettet";
    } else if (rejected > 0) {
      auto& d = meta(sink, file, where, "anerkendelse-afvist",
                     "anerkendelsen af '" + a.rule + "' afvises for " + std::to_string(rejected) +
                         (rejected == 1 ? " fejl" : " fejl") +
                         ": en lovfejl kan kun anerkendes ved at nævne en frisættelse med dens grundlag");
      d.suggestion = "tilføj  frisættelse: ID  i anerkendelsen og beskriv  frisættelse ID { grundlag: \"…\" }";
    }
  }
}

}  // namespace kvs::checks
