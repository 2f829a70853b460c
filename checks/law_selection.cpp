#include "law_selection.hpp"

namespace kvs::checks {

bool AppliedLaw::has(std::string_view id) const {
  for (auto* v : versions)
    if (v->id == id) return true;
  return false;
}

std::string AppliedLaw::reason() const {
  switch (basis) {
    case Basis::period: return "første dag i standardens periode";
    case Basis::year: return "første dag i standardens periode, år " + std::to_string(reference.year);
    case Basis::check_date: return "kontroldatoen --dato, da standarden ikke angiver nogen periode";
    case Basis::today: return "dags dato, da standarden ikke angiver nogen periode; vælg en anden dato med --dato";
  }
  return {};
}

std::string AppliedLaw::describe() const {
  std::string s;
  for (auto* v : versions) s += (s.empty() ? "" : " + ") + v->id;
  if (s.empty()) return "ingen lovversion gælder " + reference.iso() + " (" + reason() + "); lovkravene er ikke kontrolleret";
  return s + ", i kraft " + reference.iso() + " (" + reason() + ")";
}

AppliedLaw select_law(const law::LawLibrary& law, const model::Standard& standard, const Date& check_date,
                      bool check_date_given) {
  AppliedLaw a;
  if (auto start = standard.period_start()) {
    a.reference = *start;
    a.basis = standard.valid_from ? AppliedLaw::Basis::period : AppliedLaw::Basis::year;
    a.period_end = standard.period_end();
  } else {
    a.reference = check_date;
    a.basis = check_date_given ? AppliedLaw::Basis::check_date : AppliedLaw::Basis::today;
  }
  a.versions = law.in_force_on(a.reference);
  return a;
}

}  // namespace kvs::checks
