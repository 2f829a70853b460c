#include "facts.hpp"

#include <algorithm>
#include <set>

#include "danish.hpp"

namespace kvs::render {

using model::AgeRule;
using model::AddressForm;

LawContext law_context(const model::Standard& s, const law::Library* lib, const Date& fallback) {
  LawContext c;
  if (auto start = s.period_start()) {
    c.reference = *start;
    c.reference_from_period = true;
  } else {
    c.reference = fallback;
  }
  if (!lib) return c;
  for (const law::Version* v : lib->in_force_on(c.reference)) {
    if (v->is_order()) {
      if (!c.order) c.order = v;
    } else if (!c.statute) {
      c.statute = v;
    }
  }
  auto end = s.period_end();
  if (c.statute && c.statute->ends && end && *c.statute->ends <= *end) {
    c.ending = c.statute;
    for (const law::Version* next : lib->successors(*c.statute))
      if (!next->is_order()) c.successor = next;
  }
  return c;
}

Facts::Facts(const model::Standard& s, const Phrases& p, const LawContext& law)
    : s_(s),
      p_(p),
      law_(law),
      form_(s.address_form.value_or(AddressForm::borgeren)),
      municipality_{{"kommune", s.municipality}, {"kommunes", s.municipality + "s"}} {}

std::string Facts::phrase(std::string_view id, const Phrases::Vars& vars) const {
  // The caller's slots first, then the municipality's (as if appended to `vars`).
  return typeset(p_.get(id, form_, vars, municipality_));
}

std::string Facts::we() const { return phrase("vi"); }

std::string Facts::quantity(const model::Quantity& q) const {
  std::string unit = q.unit;
  if (q.value < 2) {
    std::string singular = p_.attr("enhed." + q.unit, "ental");
    if (!singular.empty()) unit = singular;
  }
  std::string s = danish_number(q.value) + " " + unit;
  return q.approximate ? phrase("omtrent", {{"mængde", s}}) : s;
}

std::string Facts::timing(const model::Timing& t) const {
  std::string span = t.low == t.high || t.low == 0 ? std::to_string(t.high) : danish_range(t.low, t.high);
  return phrase(t.low == 0 && t.high > 0 ? "tidspunkt.inden" : "tidspunkt",
                {{"tid", span + " " + t.unit}, {"begivenhed", t.after}});
}

std::string Facts::ages(const model::TargetGroup& g) const {
  std::vector<std::string> parts;
  std::vector<std::string> turns;
  auto flush_turns = [&] {
    if (turns.empty()) return;
    parts.push_back(phrase(turns.size() == 1 ? "alder.fylder" : "alder.fylder-flere", {{"alder", join_list(turns)}}));
    turns.clear();
  };
  for (const AgeRule& r : g.ages) {
    if (r.kind == AgeRule::Kind::turns) {
      turns.push_back(std::to_string(r.from));
      continue;
    }
    flush_turns();
    switch (r.kind) {
      case AgeRule::Kind::turns_onwards:
        parts.push_back(phrase("alder.fylder-og-frem", {{"alder", std::to_string(r.from)}}));
        break;
      case AgeRule::Kind::from_age:
        parts.push_back(phrase("alder.fra", {{"alder", std::to_string(r.from)}}));
        break;
      case AgeRule::Kind::range:
        parts.push_back(r.to ? phrase("alder.interval", {{"alder", danish_range(r.from, *r.to)}})
                             : phrase("alder.fra", {{"alder", std::to_string(r.from)}}));
        break;
      default:
        break;
    }
  }
  flush_turns();
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? phrase("og-også") : "") + parts[i];
  return out;
}

std::string Facts::conditions(const model::TargetGroup& g) const {
  std::vector<std::string> clauses, free;
  for (const auto& c : g.conditions) {
    if (c.kind) clauses.push_back(phrase("betingelse." + std::string(model::word_of(*c.kind))));
    else free.push_back(typeset(c.free_text));
  }
  std::string out;
  // A free-text condition is the municipality's wording, not a clause we can inflect.
  if (!free.empty()) out += phrase("betingelse.fri", {{"tekst", join_list(free)}});
  if (!clauses.empty()) out += phrase("betingelse", {{"hvad", join_list(clauses)}});
  return out;
}

std::string Facts::meeting_noun(const model::Meeting& m) const {
  return phrase("møde." + std::string(model::word_of(m.kind)));
}

std::string Facts::offer(const model::TargetGroup& g) const {
  const model::Meeting* main = g.meetings.empty() ? nullptr : &g.meetings.front();
  bool collective = main && model::is_collective(main->kind);
  std::string what;
  if (collective) {
    what = meeting_noun(*main);
  } else {
    // "Every year" says nothing for a group that only covers single calendar years.
    bool single_years = !g.ages.empty() && std::all_of(g.ages.begin(), g.ages.end(), [](const AgeRule& r) {
      return r.kind == AgeRule::Kind::turns;
    });
    std::string freq = g.has_frequency(model::Frequency::aarligt) && !single_years ? "hvad.årligt"
                       : g.has_frequency(model::Frequency::en_gang) ? "hvad.én-gang"
                       : g.has_frequency(model::Frequency::efter_behov) ? "hvad.efter-behov"
                                                                        : "hvad.én-gang";
    bool plural = freq == "hvad.efter-behov";
    std::string visit = main && main->kind != model::MeetingKind::hjemmebesoeg ? meeting_noun(*main)
                        : phrase(plural ? "besøg.flertal" : "besøg");
    if (main && !main->label.empty()) visit = phrase("besøg.som", {{"besøg", visit}, {"label", main->label}});
    what = phrase(freq, {{"besøg", visit}});
  }
  return phrase(collective ? "tilbud.kollektivt" : "tilbud",
                {{"hvad", what}, {"hvornår", ages(g)}, {"betingelse", conditions(g)}});
}

std::vector<std::string> Facts::offer_details(const model::TargetGroup& g) const {
  std::vector<std::string> out;
  bool collective = !g.meetings.empty() && model::is_collective(g.meetings.front().kind);
  if (g.alternative) {
    std::string as = g.alternative->label.empty() ? "" : phrase("detalje.som", {{"label", g.alternative->label}});
    out.push_back(phrase("detalje.alternativ", {{"som", as}}));
  }
  if (g.has_frequency(model::Frequency::flere_efter_behov)) out.push_back(phrase("detalje.flere"));
  if (g.timing) out.push_back(phrase("detalje.tidspunkt", {{"tid", timing(*g.timing)}}));
  if (g.duration)
    out.push_back(phrase(collective ? "detalje.varighed-kollektiv" : "detalje.varighed",
                         {{"varighed", quantity(*g.duration)}}));
  if (g.duration_couples) out.push_back(phrase("detalje.varighed-par", {{"varighed", quantity(*g.duration_couples)}}));
  return out;
}

std::vector<std::string> Facts::contact(const model::TargetGroup& g) const {
  std::vector<std::string> out;
  for (const auto& i : g.invitations) out.push_back(phrase("kontakt." + std::string(model::word_of(i.value))));
  if (g.enrolment) out.push_back(phrase("tilmelding." + std::string(model::word_of(g.enrolment->value))));
  if (!g.detection.empty()) {
    std::vector<std::string> ways;
    for (const auto& d : g.detection) ways.push_back(phrase("opsporing." + std::string(model::word_of(d.value))));
    out.push_back(phrase("opsporing", {{"veje", join_list(ways, "eller")}}));
  }
  return out;
}

namespace {

struct Interval {
  int lo = 0;
  std::optional<int> hi;  // empty: open
};

Interval interval_of(const AgeRule& r) {
  switch (r.kind) {
    case AgeRule::Kind::turns: return {r.from, r.from};
    case AgeRule::Kind::turns_onwards:
    case AgeRule::Kind::from_age: return {r.from, std::nullopt};
    case AgeRule::Kind::range: return {r.from, r.to};
  }
  return {};
}

Interval interval_of(const law::Duty& d) {
  switch (d.age) {
    case law::Duty::Age::turns: return {d.from, d.from};
    case law::Duty::Age::from: return {d.from, std::nullopt};
    case law::Duty::Age::interval: return {d.from, d.to};
  }
  return {};
}

bool within(const Interval& inner, const Interval& outer) {
  if (inner.lo < outer.lo) return false;
  if (!outer.hi) return true;
  return inner.hi && *inner.hi <= *outer.hi;
}

bool conditions_allowed(const model::TargetGroup& g, const law::Duty& d) {
  for (const auto& c : g.conditions) {
    if (!c.kind) return false;
    std::string w(model::word_of(*c.kind));
    if (std::find(d.conditions.begin(), d.conditions.end(), w) == d.conditions.end()) return false;
  }
  return true;
}

}  // namespace

bool Facts::meets(const model::TargetGroup& g, const law::Duty& d) {
  if (!conditions_allowed(g, d)) return false;
  for (const AgeRule& r : g.ages) {
    switch (d.age) {
      case law::Duty::Age::turns:
        if (r.covers_year_of_turning(d.from)) return true;
        break;
      case law::Duty::Age::from:
        if (r.covers_ages(d.from, std::nullopt)) return true;
        break;
      case law::Duty::Age::interval:
        if (r.covers_ages(d.from, d.to)) return true;
        break;
    }
  }
  return false;
}

std::string Facts::duty(const law::Duty& d) const {
  std::string krav;
  switch (d.age) {
    case law::Duty::Age::from:
      krav = d.visits > 1 ? phrase("krav.fra-flere", {{"alder", std::to_string(d.from)}, {"antal", std::to_string(d.visits)}})
                          : phrase("krav.fra", {{"alder", std::to_string(d.from)}});
      break;
    case law::Duty::Age::turns:
      krav = phrase("krav.fylder", {{"orden", danish_ordinal(d.from)}});
      break;
    case law::Duty::Age::interval:
      krav = phrase("krav.interval", {{"alder", d.to ? danish_range(d.from, *d.to) : std::to_string(d.from)}});
      break;
  }
  std::vector<std::string> conds;
  for (const auto& c : d.conditions)
    if (auto k = model::lookup<model::ConditionKind>(c)) conds.emplace_back(model::label_of(*k));
  if (!conds.empty()) krav = phrase("krav.betingelse", {{"krav", krav}, {"betingelse", join_list(conds)}});
  return krav;
}

std::vector<std::string> Facts::beyond_law() const {
  std::vector<std::string> out;
  if (!law_.statute) return out;
  bool fixed_ages = std::any_of(s_.groups.begin(), s_.groups.end(), [](const auto& g) { return !g.ages.empty(); });
  if (law_.statute->duties.empty()) {
    if (fixed_ages) out.push_back(phrase("mere.ingen-faste-aldre", {{"lov", capitalize_first(law_.statute->act)}}));
    return out;
  }
  std::vector<std::string> more_visits;
  std::set<std::string> said;
  for (const auto& g : s_.groups) {
    bool met_any = false;
    for (const auto& d : law_.statute->duties) {
      if (!meets(g, d)) continue;
      met_any = true;
      Interval want = interval_of(d);
      for (const AgeRule& r : g.ages) {
        Interval have = interval_of(r);
        if (!within(want, have)) continue;
        bool lower = have.lo < want.lo && d.age != law::Duty::Age::turns;
        bool open_upper = want.hi && !have.hi && d.age == law::Duty::Age::interval;
        bool higher = want.hi && have.hi && *have.hi > *want.hi && d.age == law::Duty::Age::interval;
        if (!lower && !open_upper && !higher) continue;
        std::string tilbud;
        if (open_upper) tilbud = phrase("mere.uden-grænse", {{"alder", std::to_string(have.lo)}});
        else if (higher) tilbud = phrase("mere.interval", {{"alder", danish_range(have.lo, *have.hi)}});
        else tilbud = phrase("mere.fra", {{"alder", std::to_string(have.lo)}});
        std::string sentence = phrase("mere.alder", {{"krav", duty(d)}, {"vi", we()}, {"tilbud", tilbud}});
        if (said.insert(sentence).second) out.push_back(sentence);
        break;
      }
      if (d.frequency == "én-gang" && g.has_frequency(model::Frequency::flere_efter_behov)) {
        std::string age = danish_ordinal(d.from) + " år";
        std::vector<std::string> conds;
        for (const auto& c : d.conditions)
          if (auto k = model::lookup<model::ConditionKind>(c)) conds.emplace_back(model::label_of(*k));
        if (!conds.empty()) age += " (" + join_list(conds) + ")";
        if (std::find(more_visits.begin(), more_visits.end(), age) == more_visits.end()) more_visits.push_back(age);
      }
    }
    if (met_any) continue;
    // Not one of the law's groups: a condition the law does not name, or ages outside every duty.
    bool own = std::any_of(g.conditions.begin(), g.conditions.end(), [&](const model::Condition& c) {
      if (!c.kind) return true;
      std::string w(model::word_of(*c.kind));
      return std::none_of(law_.statute->duties.begin(), law_.statute->duties.end(), [&](const law::Duty& d) {
        return std::find(d.conditions.begin(), d.conditions.end(), w) != d.conditions.end();
      });
    });
    if (!own) {
      for (const AgeRule& r : g.ages) {
        bool inside = std::any_of(law_.statute->duties.begin(), law_.statute->duties.end(), [&](const law::Duty& d) {
          return conditions_allowed(g, d) && within(interval_of(r), interval_of(d));
        });
        if (!inside) own = true;
      }
    }
    if (own) out.push_back(phrase("mere.egen-gruppe", {{"gruppe", g.title}, {"vi", we()}}));
  }
  if (!more_visits.empty())
    out.insert(out.begin(), phrase("mere.flere", {{"aldre", join_list(more_visits)}, {"vi", we()}}));
  if (law_.ending && law_.successor && law_.successor->duties.empty() && fixed_ages) {
    std::string old;
    for (const auto& r : law_.successor->repeals)
      if (!r.paragraph.empty()) old = r.act + "s § " + r.paragraph;
    if (old.empty()) old = law_.ending->act;
    out.push_back(phrase("mere.skifte", {{"dato", danish_date(*law_.ending->ends)},
                                          {"gammel", old},
                                          {"ny", law_.successor->act}}));
  }
  return out;
}

std::string Facts::exclusion(const model::Exclusion& e) const {
  std::string narrowing = e.narrowing.empty() ? "" : phrase("undtagelse.indsnævring", {{"tekst", e.narrowing}});
  std::vector<std::string> grounds;
  for (const auto& g : e.grounds) grounds.emplace_back(model::label_of(g.value));
  return phrase("undtagelse", {{"grund", join_list(grounds, "eller")}, {"indsnævring", narrowing}});
}

}  // namespace kvs::render
