// The measures a national figure counts (the `maal` of <tal> in checks/national_figures.xml),
// evaluated on a comparison row. docs/compare.md §5 lists them.
#include <algorithm>

#include "compare.hpp"

namespace kvs::compare {

namespace {

bool individual(model::MeetingKind k) {
  // A visit the evaluation counts as individual (figure 11): at home or at a centre, one to one.
  // Phone and online conversations are not countable visits (L2971-2977).
  return k == model::MeetingKind::hjemmebesoeg || k == model::MeetingKind::samtale_paa_center;
}

}  // namespace

bool has_metric(const StandardRow& r, const FigureValue& v) {
  const std::string& m = v.metric;
  if (m.starts_with("invitation:")) {
    auto inv = model::lookup<model::Invitation>(std::string_view(m).substr(11));
    const GroupOffer* o = r.offer(v.group);
    return inv && o && std::find(o->invitations.begin(), o->invitations.end(), *inv) != o->invitations.end();
  }
  if (m.starts_with("bruger:")) {
    auto inv = model::lookup<model::Invitation>(std::string_view(m).substr(7));
    return inv && r.uses(*inv);
  }
  if (m == "moedeform:individuel" || m == "moedeform:kollektiv") {
    const GroupOffer* o = r.offer(v.group);
    if (!o) return false;
    bool want_individual = m == "moedeform:individuel";
    return std::any_of(o->meetings.begin(), o->meetings.end(),
                       [&](model::MeetingKind k) { return want_individual ? individual(k) : model::is_collective(k); });
  }
  if (m == "risikokategori") {
    auto c = model::lookup<model::RiskCategory>(v.category);
    return c && r.has_category(*c);
  }
  if (m == "selvhenvendelse") return r.self_referral;
  if (m == "beskriver:formaal") return r.purpose != Purpose::mangler;
  if (m == "formaal:lokalt") return r.purpose == Purpose::lokalt;
  if (m == "beskriver:opfoelgning") return r.follow_up;
  if (m == "beskriver:risikogrupper") return !r.categories.empty();
  if (m == "beskriver:kompetencer") return r.competences != Described::nej;
  return false;
}

LocalShare local_share(const CompareResult& r, const Figure& f, const FigureValue& v) {
  LocalShare s;
  for (std::size_t i : r.latest) {
    const StandardRow& row = r.rows[i];
    if (f.local_base == LocalBase::datobrev_users && !row.uses(model::Invitation::datobrev)) continue;
    ++s.n;
    if (has_metric(row, v)) ++s.k;
  }
  return s;
}

}  // namespace kvs::compare
