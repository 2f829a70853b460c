#include "check.hpp"

#include <algorithm>

namespace kvs::checks {

std::vector<std::pair<const law::LawVersion*, const law::Duty*>> CheckContext::duties(std::string_view rule) const {
  std::vector<std::pair<const law::LawVersion*, const law::Duty*>> out;
  for (auto* v : applied.versions)
    for (const auto& d : v->duties)
      if (d.rule == rule) out.emplace_back(v, &d);
  return out;
}

std::vector<std::pair<const law::LawVersion*, const law::Duty*>> CheckContext::all_duties() const {
  std::vector<std::pair<const law::LawVersion*, const law::Duty*>> out;
  for (auto* v : applied.versions)
    for (const auto& d : v->duties) out.emplace_back(v, &d);
  return out;
}

std::vector<std::pair<const law::LawVersion*, const law::ContentRequirement*>> CheckContext::content(
    std::string_view rule) const {
  std::vector<std::pair<const law::LawVersion*, const law::ContentRequirement*>> out;
  for (auto* v : applied.versions)
    for (const auto& c : v->content)
      if (c.rule == rule) out.emplace_back(v, &c);
  return out;
}

SourceRange CheckContext::header() const {
  for (int line = 1; line <= file.line_count(); ++line) {
    std::string_view t = file.line_text(line);
    auto b = t.find_first_not_of(" \t");
    if (b == std::string_view::npos || t[b] == '#') continue;
    auto e = t.find_last_not_of(" \t");
    std::uint32_t start = file.line_start(line);
    return {static_cast<std::uint32_t>(start + b), static_cast<std::uint32_t>(start + e + 1)};
  }
  return {0, 0};
}

Provision CheckContext::provision(const law::LawVersion& v, std::string_view id, const std::vector<std::string>& jf) const {
  Provision out;
  out.version = v.id;
  out.unverified = !v.verified;
  const law::Provision* p = v.provision(id);
  if (!p) {
    out.citation = v.act_display();
    return out;
  }
  out.citation = v.cite(*p);
  out.text = p->text;
  out.paraphrase = !p->verbatim;
  out.unverified = !p->verified;
  for (const auto& q : jf) {
    const law::Provision* r = v.provision(q);
    if (!r) continue;
    out.citation += ", jf. \u00a7 " + r->paragraph;
    if (r->stk) out.citation += ", stk. " + std::to_string(*r->stk);
    out.unverified = out.unverified || !r->verified;
    out.paraphrase = out.paraphrase || !r->verbatim;
  }
  return out;
}

Diagnostic& Reporter::report(SourceRange where, std::string message, std::optional<Severity> severity) {
  Diagnostic d;
  d.severity = severity.value_or(rule_.severity);
  d.code = std::string(rule_.id);
  d.message = std::move(message);
  d.path = cx_.file.name();
  d.file = DiagnosticSink::share(cx_.file);
  d.where = where;
  sink_.report(std::move(d));
  return sink_.diagnostics().back();
}

std::optional<CheckData> load_check_data(std::vector<law::LoadError>& errors) {
  auto law = law::load_law(law::law_dir(), errors);
  auto advice = load_advice(advice_path(), errors);
  if (!law || !advice) return std::nullopt;
  return CheckData{std::move(*law), std::move(*advice)};
}

AppliedLaw check_standard(const model::Standard& standard, const SourceFile& file, const CheckData& data,
                          const Date& check_date, bool check_date_given, DiagnosticSink& sink) {
  AppliedLaw applied = select_law(data.law, standard, check_date, check_date_given);
  CheckContext cx{standard, file, data.law, applied, data.advice};
  if (applied.versions.empty()) {
    Reporter r(*find_rule("lovversion-mangler"), cx, sink);
    auto& d = r.report(standard.period_where.end ? standard.period_where : cx.header(),
                       "ingen lovversion i lovdataene gælder " + applied.reference.iso() +
                           "; lovkravene er ikke kontrolleret");
    d.suggestion = "kontrollér standardens år eller periode, eller tilføj den manglende lovversion i checks/law/";
  }
  for (const auto& rule : rule_table()) {
    if (!rule.run) continue;
    if (rule.kind == RuleKind::legal && applied.versions.empty()) continue;
    Reporter r(rule, cx, sink);
    rule.run(cx, r);
  }
  apply_acknowledgements(standard, file, sink);
  return applied;
}

namespace {

CheckRun finish(CheckRun run, const CheckData& data, std::optional<Date> check_date) {
  if (run.unit.model && run.unit.file && !run.sink.has_errors())
    run.law = check_standard(*run.unit.model, *run.unit.file, data, check_date.value_or(Date::today()),
                             check_date.has_value(), run.sink);
  run.sink.sort_by_position();
  return run;
}

}  // namespace

CheckRun check_text(const std::string& name, std::string_view text, const CheckData& data,
                    std::optional<Date> check_date) {
  CheckRun run;
  run.unit = compile_text(name, text, run.sink);
  return finish(std::move(run), data, check_date);
}

CheckRun check_file(const std::string& path, const CheckData& data, std::optional<Date> check_date) {
  CheckRun run;
  run.unit = compile_file(path, run.sink);
  return finish(std::move(run), data, check_date);
}

}  // namespace kvs::checks
