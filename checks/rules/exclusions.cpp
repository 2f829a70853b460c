// undtagelse-hjemmel: every exclusion must rest on the act's exemption (<tilladt-undtagelse>),
// possibly narrowed further; a <betinget-undtagelse> ground (plejebolig, institution) is
// lawful only insofar as the people also meet the exemption → advarsel; anything else is a
// fejl. A case-by-case exception does not make a blanket exclusion lawful. The rule runs
// only where the applied version has duties, and only for exclusions that touch a group
// serving one of them (`gælder`).
#include <algorithm>

#include "coverage.hpp"
#include "rules.hpp"

namespace kvs::checks::rules {

namespace {

bool serves_a_duty(const CheckContext& cx, const model::TargetGroup& g) {
  for (auto [v, d] : cx.all_duties())
    if (coverage::conditions_within(g, *d) && coverage::touches(g, *d)) return true;
  return false;
}

bool touches_duties(const CheckContext& cx, const model::Exclusion& e) {
  if (e.applies_to.empty()) return true;
  for (const auto& ref : e.applies_to)
    if (const auto* g = cx.standard.find_group(ref.id); g && serves_a_duty(cx, *g)) return true;
  return false;
}

}  // namespace

void undtagelse_hjemmel(const CheckContext& cx, Reporter& r) {
  const law::LawVersion* version = nullptr;  // the statute with the duties
  for (auto* v : cx.applied.versions)
    if (!v->duties.empty()) {
      version = v;
      break;
    }
  if (!version) return;

  for (const auto& e : cx.standard.exclusions) {
    if (e.grounds.empty() || !touches_duties(cx, e)) continue;
    std::vector<const model::Term<model::ExclusionGround>*> unlawful, conditional;
    const law::ConditionalExclusion* conditional_rule = nullptr;
    for (const auto& g : e.grounds) {
      bool permitted = std::any_of(version->permitted_exclusions.begin(), version->permitted_exclusions.end(),
                                   [&](const law::PermittedExclusion& p) { return p.ground == g.value; });
      if (permitted) continue;
      auto c = std::find_if(version->conditional_exclusions.begin(), version->conditional_exclusions.end(),
                            [&](const law::ConditionalExclusion& p) { return p.ground == g.value; });
      if (c != version->conditional_exclusions.end()) {
        conditional.push_back(&g);
        if (!conditional_rule) conditional_rule = &*c;
      } else {
        unlawful.push_back(&g);
      }
    }
    if (unlawful.empty() && conditional.empty()) continue;
    auto who = [](const std::vector<const model::Term<model::ExclusionGround>*>& grounds) {
      std::string s;
      for (std::size_t i = 0; i < grounds.size(); ++i)
        s += (i ? (i + 1 == grounds.size() ? " eller " : ", ") : "") + std::string(model::label_of(grounds[i]->value));
      return s;
    };
    auto span = [](const std::vector<const model::Term<model::ExclusionGround>*>& grounds) {
      return SourceRange{grounds.front()->where.begin, grounds.back()->where.end};
    };

    std::string permitted_text;
    std::string source_id;
    for (const auto& p : version->permitted_exclusions) {
      permitted_text += (permitted_text.empty() ? "" : " eller ") + std::string(model::label_of(p.ground));
      if (source_id.empty()) source_id = p.provision;
    }
    if (source_id.empty() && !version->duties.empty()) source_id = version->duties.front().provision;

    if (!unlawful.empty()) {
      std::string msg = "undtagelsen af borgere, der " + who(unlawful) + ", har ingen hjemmel i loven";
      if (permitted_text.empty())
        msg += "; lovversionen tillader ingen undtagelser fra ordningen";
      else
        msg += "; loven tillader kun at undtage borgere, der " + permitted_text;
      auto& f = r.report(span(unlawful), msg, Severity::fejl);
      f.provision = cx.provision(*version, source_id);
      f.suggestion = permitted_text.empty()
                         ? "fjern undtagelsen, eller anerkend den med en frisættelse og dens grundlag"
                         : "fjern undtagelsen, begræns den til den lovlige grund (grund: " +
                               std::string(model::word_of(version->permitted_exclusions.front().ground)) +
                               "), eller anerkend den med en frisættelse og dens grundlag";
      if (e.case_by_case)
        f.notes.push_back({"at nogle undtagelsesvis kan få besøg efter en konkret vurdering, gør ikke en generel "
                           "undtagelse lovlig",
                           DiagnosticSink::share(cx.file), e.case_by_case->where});
    } else {
      std::string msg = "undtagelsen af borgere, der " + who(conditional) + ", er kun lovlig, for så vidt de " +
                        std::string(model::label_of(conditional_rule->needs));
      auto& f = r.report(span(conditional), msg, Severity::advarsel);
      f.provision = cx.provision(*version, conditional_rule->provision);
      f.suggestion = "begrund undtagelsen, eller skriv den som grund: " +
                     std::string(model::word_of(conditional_rule->needs)) + " med en indsnævring";
    }
  }
}

}  // namespace kvs::checks::rules
