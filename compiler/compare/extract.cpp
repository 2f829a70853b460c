// Extraction of one comparison row from a checked standard. Facts come from the model; what
// is lawful comes from the checker's findings (undtagelse-hjemmel for exclusions, the counts
// by severity and rule), never from rules re-implemented here. Which of the standard's groups
// serve a statutory group is reasoned over ages, conditions and frequency with the checker's
// own coverage helpers, so "fra 80, årligt" serves 82+ and "fylder 75 og 80" serves 75 and 80.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>

#include "row.hpp"
#include "rules/coverage.hpp"

namespace kvs::compare {

namespace cov = checks::coverage;
using model::AgeRule;

const char* offer_word(Offer o) {
  switch (o) {
    case Offer::ja:
      return "ja";
    case Offer::delvis:
      return "delvis";
    case Offer::nej:
      return "nej";
  }
  return "";
}

const char* legality_word(Legality l) {
  switch (l) {
    case Legality::lovlig:
      return "lovlig";
    case Legality::betinget:
      return "betinget";
    case Legality::uden_hjemmel:
      return "uden hjemmel";
    case Legality::ikke_vurderet:
      return "ikke vurderet";
  }
  return "";
}

const char* described_word(Described d) {
  switch (d) {
    case Described::ja:
      return "ja";
    case Described::delvis:
      return "delvis";
    case Described::nej:
      return "nej";
  }
  return "";
}

const char* purpose_word(Purpose p) {
  switch (p) {
    case Purpose::lokalt:
      return "lokalt";
    case Purpose::som_loven:
      return "som loven";
    case Purpose::mangler:
      return "mangler";
  }
  return "";
}

const GroupOffer* StandardRow::offer(std::string_view statutory) const {
  for (const auto& o : offers)
    if (o.statutory == statutory) return &o;
  return nullptr;
}

bool StandardRow::has_category(model::RiskCategory c) const {
  return std::any_of(categories.begin(), categories.end(), [&](const CategoryRow& r) { return r.category == c; });
}

bool StandardRow::uses(model::Invitation i) const {
  for (const auto& g : groups)
    if (std::find(g.invitations.begin(), g.invitations.end(), i) != g.invitations.end()) return true;
  return false;
}

std::string StandardRow::period_label() const {
  if (period_start && period_end &&
      !(period_start->month == 1 && period_start->day == 1 && period_end->month == 12 && period_end->day == 31 &&
        period_start->year == period_end->year))
    return period_start->iso() + "–" + period_end->iso();
  if (year) return std::to_string(*year);
  return "uden år";
}

std::vector<std::pair<std::string, int>> StandardRow::rule_counts() const {
  struct Count {
    std::string rule;
    int n = 0;
    Severity worst = Severity::raad;
  };
  std::vector<Count> counts;
  for (const auto& f : findings) {
    if (f.acknowledged) continue;
    auto it = std::find_if(counts.begin(), counts.end(), [&](const Count& c) { return c.rule == f.rule; });
    if (it == counts.end()) it = counts.insert(counts.end(), Count{f.rule, 0, f.severity});
    ++it->n;
    it->worst = std::min(it->worst, f.severity);
  }
  // The most serious first (fejl, advarsel, råd), then by rule id: stable across runs.
  std::sort(counts.begin(), counts.end(),
            [](const Count& a, const Count& b) { return a.worst != b.worst ? a.worst < b.worst : a.rule < b.rule; });
  std::vector<std::pair<std::string, int>> out;
  for (auto& c : counts) out.emplace_back(std::move(c.rule), c.n);
  return out;
}

namespace {

template <class T>
void add_unique(std::vector<T>& v, const T& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

std::string ages_text(const std::vector<AgeRule>& ages) {
  std::string s;
  for (std::size_t i = 0; i < ages.size(); ++i) {
    const auto& r = ages[i];
    // "fylder 75 og 80" is two rules; keep the writer's short form.
    bool continues = i > 0 && r.kind == AgeRule::Kind::turns && ages[i - 1].kind == AgeRule::Kind::turns;
    if (continues) {
      s += " og " + std::to_string(r.from);
      continue;
    }
    if (!s.empty()) s += ", ";
    switch (r.kind) {
      case AgeRule::Kind::turns:
        s += "fylder " + std::to_string(r.from);
        break;
      case AgeRule::Kind::turns_onwards:
        s += "fylder " + std::to_string(r.from) + " og frem";
        break;
      case AgeRule::Kind::from_age:
        s += "fra " + std::to_string(r.from);
        break;
      case AgeRule::Kind::range:
        s += r.to ? std::to_string(r.from) + "-" + std::to_string(*r.to) : "fra " + std::to_string(r.from);
        break;
    }
  }
  return s;
}

std::string conditions_text(const std::vector<model::Condition>& cs) {
  std::string s;
  for (const auto& c : cs) {
    if (!s.empty()) s += ", ";
    s += c.kind ? std::string(model::word_of(*c.kind)) : "\"" + c.free_text + "\"";
  }
  return s;
}

/// The age spans a group reaches for every age in them; a group without an age rule (the
/// municipality's own groups under ældreloven) reaches every age.
std::vector<cov::Span> spans(const model::TargetGroup& g) {
  if (g.ages.empty()) return {{0, cov::kOpen}};
  return cov::spans_of(g);
}

bool reaches_year(const model::TargetGroup& g, int age) {
  if (g.ages.empty()) return true;
  return std::any_of(g.ages.begin(), g.ages.end(), [&](const AgeRule& r) { return r.covers_year_of_turning(age); });
}

bool overlaps(const model::TargetGroup& g, const law::Duty& d) {
  if (d.age.kind == law::AgeSpec::Kind::turns) return reaches_year(g, d.age.from);
  if (g.ages.empty()) return true;
  cov::Span want = cov::duty_span(d.age);
  for (const auto& r : g.ages) {
    int lo = r.from;
    int hi = r.kind == AgeRule::Kind::turns ? r.from : (r.kind == AgeRule::Kind::range && r.to ? *r.to : cov::kOpen);
    if (lo <= want.hi && hi >= want.lo) return true;
  }
  return false;
}

bool has_risk_condition(const law::Duty& d) {
  return std::find(d.conditions.begin(), d.conditions.end(), model::ConditionKind::saerlig_risiko) !=
         d.conditions.end();
}

/// Does the group serve (part of) the statutory group? Over ages and conditions:
/// * its ages reach some of the duty's (a "fylder N" rule only the year they turn N);
/// * its conditions are the duty's own (none is always fine), or — for the risk group
///   (særlig risiko) — any condition other than living alone, or a risikogruppe names it;
/// * a group with no condition serves a duty that has one only if it reaches all its ages
///   ("fra 65" serves the 65–81 at risk; "fylder 75" does not).
bool serves(const model::Standard& s, const model::TargetGroup& g, const law::Duty& d) {
  if (!overlaps(g, d)) return false;
  bool strict = cov::conditions_within(g, d);
  bool risk = false;
  if (has_risk_condition(d)) {
    risk = !g.conditions.empty() &&
           std::none_of(g.conditions.begin(), g.conditions.end(),
                        [](const model::Condition& c) { return c.kind == model::ConditionKind::bor_alene; });
    for (const auto& rg : s.risk_groups)
      if (rg.group == g.id) risk = true;
  }
  if (!strict && !risk) return false;
  if (!d.conditions.empty() && g.conditions.empty()) {
    if (d.age.kind == law::AgeSpec::Kind::turns) return true;
    cov::Span want = cov::duty_span(d.age);
    return cov::covers(spans(g), want.lo, want.hi);
  }
  return true;
}

/// Does the group need the individual alternative (BEK 716/2019 § 2)? It meets in some form
/// other than a home visit and offers no home visit itself.
bool needs_alternative(const model::TargetGroup& g) {
  if (g.meetings.empty()) return false;
  return std::none_of(g.meetings.begin(), g.meetings.end(),
                      [](const model::Meeting& m) { return m.kind == model::MeetingKind::hjemmebesoeg; });
}

GroupOffer offer_for(const model::Standard& s, const StatutoryGroup& sg) {
  GroupOffer o;
  o.statutory = sg.id;
  const law::Duty& d = sg.duty;
  std::vector<const model::TargetGroup*> full;
  bool all_alternatives = true;
  for (const auto& g : s.groups) {
    if (!serves(s, g, d)) continue;
    o.groups.push_back(g.id);
    for (const auto& i : g.invitations) add_unique(o.invitations, i.value);
    for (const auto& m : g.meetings) add_unique(o.meetings, m.kind);
    if (needs_alternative(g)) {
      o.needs_alternative = true;
      all_alternatives = all_alternatives && g.alternative.has_value();
    }
    if (cov::conditions_within(g, d) && cov::frequency_fit(g, d) != cov::FrequencyFit::insufficient) full.push_back(&g);
  }
  o.alternative = o.needs_alternative && all_alternatives;
  bool complete = false;
  if (d.age.kind == law::AgeSpec::Kind::turns) {
    complete = std::any_of(full.begin(), full.end(),
                           [&](const model::TargetGroup* g) { return reaches_year(*g, d.age.from); });
  } else {
    std::vector<cov::Span> all;
    for (auto* g : full)
      for (auto sp : spans(*g)) all.push_back(sp);
    cov::Span want = cov::duty_span(d.age);
    complete = cov::covers(all, want.lo, want.hi);
  }
  o.offer = complete ? Offer::ja : o.groups.empty() ? Offer::nej : Offer::delvis;
  return o;
}

std::string lower_da(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toLower(icu::Locale("da"));
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::optional<model::RiskCategory> category_of(model::ConditionKind c) {
  switch (c) {
    case model::ConditionKind::mistet_aegtefaelle:
      return model::RiskCategory::mistet_aegtefaelle;
    case model::ConditionKind::aegtefaelle_flyttet:
      return model::RiskCategory::aegtefaelle_i_plejebolig;
    case model::ConditionKind::tilflytter:
      return model::RiskCategory::tilflytter;
    default:
      return std::nullopt;
  }
}

int line_of(const SourceFile& f, SourceRange r) { return f.position(r.begin).line; }

bool within(const Diagnostic& d, SourceRange r) {
  return d.where && d.where->begin >= r.begin && d.where->begin < std::max(r.end, r.begin + 1);
}

}  // namespace

Purpose classify_purpose(const std::string& purpose, const std::string& municipality,
                         const std::vector<std::string>& focus_terms, std::vector<std::string>& terms) {
  terms.clear();
  if (purpose.find_first_not_of(" \t\n") == std::string::npos) return Purpose::mangler;
  std::string text = lower_da(purpose);
  std::string name = municipality;
  if (auto k = name.rfind(" Kommune"); k != std::string::npos && k + 8 == name.size()) name.resize(k);
  name = lower_da(name);
  if (!name.empty() && text.find(name) != std::string::npos) terms.push_back("kommunens navn");
  for (const auto& t : focus_terms) {
    std::string lt = lower_da(t);
    if (text.find(lt) == std::string::npos) continue;
    // "ensom" is found inside "ensomhed": keep only the longest term that matched there.
    bool covered =
        std::any_of(terms.begin(), terms.end(), [&](const std::string& o) { return o.find(lt) != std::string::npos; });
    if (covered) continue;
    terms.erase(std::remove_if(terms.begin(), terms.end(),
                               [&](const std::string& o) { return lt.find(o) != std::string::npos; }),
                terms.end());
    terms.push_back(lt);
  }
  return terms.empty() ? Purpose::som_loven : Purpose::lokalt;
}

Finding finding_of(const Diagnostic& d, const std::string& law_version) {
  Finding f;
  f.rule = d.code;
  f.severity = d.severity;
  if (d.file && d.where) {
    Position p = d.file->position(d.where->begin);
    f.line = p.line;
    f.column = p.column;
  }
  f.message = d.message;
  if (d.provision) {
    f.citation = d.provision->citation;
    f.law_version = d.provision->version;
  }
  if (f.law_version.empty()) f.law_version = law_version;
  f.acknowledged = d.acknowledged;
  f.acknowledgement = d.acknowledgement_reason;
  return f;
}

StandardRow extract_row(const model::Standard& s, const SourceFile& file, const checks::AppliedLaw& applied,
                        const std::vector<Diagnostic>& diagnostics, const NationalFigures& figures) {
  StandardRow row;
  row.path = s.path.empty() ? file.name() : s.path;
  row.display_path = row.path;
  row.municipality = s.municipality;
  row.service = s.service;
  row.scheme = s.scheme;
  row.period_start = s.period_start();
  row.period_end = s.period_end();
  row.year = s.year ? s.year : (row.period_start ? std::optional<int>(row.period_start->year) : std::nullopt);
  if (s.approval) {
    row.approved = s.approval->date;
    row.approved_by = s.approval->body;
  }
  for (auto* v : applied.versions) row.law_versions.push_back(v->id);
  row.law_reason = applied.reason();
  switch (applied.basis) {
    case checks::AppliedLaw::Basis::period:
      row.law_basis = "periode";
      break;
    case checks::AppliedLaw::Basis::year:
      row.law_basis = "år";
      break;
    case checks::AppliedLaw::Basis::check_date:
      row.law_basis = "kontroldato";
      break;
    case checks::AppliedLaw::Basis::today:
      row.law_basis = "i dag";
      break;
  }

  row.statutory_duties = std::any_of(applied.versions.begin(), applied.versions.end(),
                                     [](const law::LawVersion* v) { return !v->duties.empty(); });
  for (const auto& sg : figures.groups) row.offers.push_back(offer_for(s, sg));

  bool needs_any = false, all_stated = true;
  for (const auto& g : s.groups) {
    OwnGroup og;
    og.id = g.id;
    og.title = g.title;
    og.ages = ages_text(g.ages);
    og.conditions = conditions_text(g.conditions);
    for (const auto& f : g.frequency) og.frequency.push_back(f.value);
    for (const auto& i : g.invitations) og.invitations.push_back(i.value);
    og.meetings = g.meetings;
    if (g.enrolment) og.enrolment = g.enrolment->value;
    og.has_alternative = g.alternative.has_value();
    og.needs_alternative = needs_alternative(g);
    for (const auto& sg : figures.groups)
      if (serves(s, g, sg.duty)) og.statutory.push_back(sg.id);
    og.line = line_of(file, g.where);
    if (og.needs_alternative) {
      needs_any = true;
      all_stated = all_stated && og.has_alternative;
    }
    row.groups.push_back(std::move(og));
  }
  row.individual_alternative = !needs_any ? "ikke relevant" : all_stated ? "ja" : "nej";

  // Risk categories: the named risk groups, and the conditions of target groups that are risk
  // groups in the evaluation's sense (mistet ægtefælle, ægtefælle flyttet, tilflytter).
  std::map<model::RiskCategory, std::string> cats;
  for (const auto& rg : s.risk_groups) {
    row.risks.push_back({rg.title, rg.category.value, rg.group, line_of(file, rg.where)});
    cats.emplace(rg.category.value, "risikogruppe");
  }
  for (const auto& g : s.groups)
    for (const auto& c : g.conditions)
      if (c.kind)
        if (auto cat = category_of(*c.kind)) cats.emplace(*cat, "betingelse");
  for (const auto& e : model::vocabulary<model::RiskCategory>())
    if (auto it = cats.find(e.value); it != cats.end()) row.categories.push_back({e.value, it->second});

  bool exclusions_judged = row.statutory_duties;
  for (const auto& e : s.exclusions) {
    ExclusionRow x;
    for (const auto& g : e.grounds) x.grounds.push_back(g.value);
    x.narrowing = e.narrowing;
    x.case_by_case = e.case_by_case.has_value();
    x.line = line_of(file, e.where);
    x.legality = exclusions_judged ? Legality::lovlig : Legality::ikke_vurderet;
    for (const auto& d : diagnostics) {
      if (d.code != "undtagelse-hjemmel" || !within(d, e.where)) continue;
      Legality l = d.severity == Severity::fejl ? Legality::uden_hjemmel : Legality::betinget;
      if (l == Legality::uden_hjemmel || x.legality != Legality::uden_hjemmel) x.legality = l;
      x.acknowledged = x.acknowledged || d.acknowledged;
    }
    row.exclusions.push_back(std::move(x));
  }

  if (auto* p = s.prose_field("opfølgning"); p && !p->value.empty()) row.follow_up = true;
  if (s.staff) {
    bool professions = !s.staff->professions.empty() || !s.staff->other_professions.empty();
    bool competences = s.staff->competences && !s.staff->competences->value.empty();
    row.competences = professions && competences   ? Described::ja
                      : professions || competences ? Described::delvis
                                                   : Described::nej;
  }
  if (auto* p = s.prose_field("selvhenvendelse"); p && !p->value.empty()) row.self_referral = true;
  for (const auto& g : s.groups) {
    for (const auto& d : g.detection) row.self_referral |= d.value == model::Detection::selvhenvendelse;
    for (const auto& i : g.invitations) row.self_referral |= i.value == model::Invitation::borgeren_henvender_sig;
  }
  for (const auto& g : s.risk_groups)
    for (const auto& d : g.detection) row.self_referral |= d.value == model::Detection::selvhenvendelse;

  const model::Text* purpose = s.prose_field("formål");
  row.purpose = classify_purpose(purpose ? purpose->value : std::string(), s.municipality, figures.local_focus_terms,
                                 row.purpose_terms);

  std::string applied_ids;
  for (const auto& id : row.law_versions) applied_ids += (applied_ids.empty() ? "" : " + ") + id;
  for (const auto& d : diagnostics) {
    Finding f = finding_of(d, applied_ids);
    if (f.acknowledged)
      ++row.acknowledged;
    else if (f.severity == Severity::fejl)
      ++row.fejl;
    else if (f.severity == Severity::advarsel)
      ++row.advarsel;
    else
      ++row.raad;
    row.findings.push_back(std::move(f));
  }
  return row;
}

}  // namespace kvs::compare
