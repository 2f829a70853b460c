// mg-82-aarligt, mg-75, mg-80, mg-70-alene, risiko-alder: one function for every rule with
// a <pligt> in the law data. The ages, conditions and frequencies come from the duty; the
// standard's groups are added together (a union of age spans) to see whether they reach
// everyone the duty is about.
#include "coverage.hpp"

#include <algorithm>

#include "rules.hpp"

namespace kvs::checks::coverage {

using model::AgeRule;
using model::Frequency;

std::vector<Span> spans_of(const model::TargetGroup& g) {
  std::vector<Span> out;
  for (const auto& r : g.ages) {
    switch (r.kind) {
      case AgeRule::Kind::turns: break;
      case AgeRule::Kind::turns_onwards:
      case AgeRule::Kind::from_age: out.push_back({r.from, kOpen}); break;
      case AgeRule::Kind::range: out.push_back({r.from, r.to ? *r.to : kOpen}); break;
    }
  }
  return out;
}

bool covers(std::vector<Span> spans, int lo, int hi) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.lo < b.lo; });
  long reached = static_cast<long>(lo) - 1;  // every age <= reached is covered
  for (const auto& s : spans) {
    if (s.lo > reached + 1) break;
    if (s.hi == kOpen) return true;
    reached = std::max<long>(reached, s.hi);
    if (hi != kOpen && reached >= hi) return true;
  }
  return hi != kOpen && reached >= hi;
}

Span duty_span(const law::AgeSpec& a) {
  switch (a.kind) {
    case law::AgeSpec::Kind::from: return {a.from, kOpen};
    case law::AgeSpec::Kind::turns: return {a.from, a.from};
    case law::AgeSpec::Kind::interval: return {a.from, a.to ? *a.to : kOpen};
  }
  return {};
}

bool conditions_within(const model::TargetGroup& g, const law::Duty& d) {
  for (const auto& c : g.conditions) {
    if (!c.kind) return false;
    if (std::find(d.conditions.begin(), d.conditions.end(), *c.kind) == d.conditions.end()) return false;
  }
  return true;
}

bool touches(const model::TargetGroup& g, const law::Duty& d) {
  if (d.age.kind == law::AgeSpec::Kind::turns) {
    for (const auto& r : g.ages)
      if (r.covers_year_of_turning(d.age.from)) return true;
    return false;
  }
  Span want = duty_span(d.age);
  for (const auto& s : spans_of(g))
    if (s.lo <= want.hi && s.hi >= want.lo) return true;
  return false;
}

FrequencyFit frequency_fit(const model::TargetGroup& g, const law::Duty& d) {
  if (g.frequency.empty()) return FrequencyFit::unknown;
  switch (d.frequency) {
    case Frequency::aarligt:
      // The language has no count of visits a year: `årligt` is one visit a year.
      return g.has_frequency(Frequency::aarligt) && d.visits_per_year <= 1 ? FrequencyFit::ok
                                                                             : FrequencyFit::insufficient;
    case Frequency::en_gang:
      return g.has_frequency(Frequency::en_gang) || g.has_frequency(Frequency::aarligt) ? FrequencyFit::ok
                                                                                        : FrequencyFit::insufficient;
    case Frequency::efter_behov:
    case Frequency::flere_efter_behov:
      return g.has_frequency(Frequency::efter_behov) || g.has_frequency(Frequency::flere_efter_behov) ||
                     g.has_frequency(Frequency::aarligt)
                 ? FrequencyFit::ok
                 : FrequencyFit::insufficient;
  }
  return FrequencyFit::insufficient;
}

namespace {

std::string number_word(int n) {
  static const char* words[] = {"nul", "ét", "to", "tre", "fire"};
  return n >= 0 && n <= 4 ? words[n] : std::to_string(n);
}

std::string condition_clause(const law::Duty& d) {
  std::string s;
  for (std::size_t i = 0; i < d.conditions.size(); ++i)
    s += (i ? " og " : ", der ") + std::string(model::label_of(d.conditions[i]));
  return s;
}

}  // namespace

std::string who(const law::Duty& d) {
  std::string cond = condition_clause(d);
  switch (d.age.kind) {
    case law::AgeSpec::Kind::from: return "alle borgere på " + std::to_string(d.age.from) + " år og derover" + cond;
    case law::AgeSpec::Kind::turns:
      return "alle borgere" + cond + (cond.empty() ? "" : ",") + " i det år, de fylder " + std::to_string(d.age.from);
    case law::AgeSpec::Kind::interval:
      return "borgere på " + std::to_string(d.age.from) + "–" + std::to_string(d.age.to.value_or(d.age.from)) +
             " år" + cond;
  }
  return {};
}

std::string how_often(const law::Duty& d) {
  switch (d.frequency) {
    case Frequency::aarligt: return "mindst " + number_word(d.visits_per_year) + " besøg om året";
    case Frequency::en_gang: return "et besøg";
    default: return "besøg efter behov";
  }
}

std::string snippet(const law::Duty& d) {
  std::string s = "alder: ";
  switch (d.age.kind) {
    case law::AgeSpec::Kind::from: s += "fra " + std::to_string(d.age.from); break;
    case law::AgeSpec::Kind::turns: s += "fylder " + std::to_string(d.age.from); break;
    case law::AgeSpec::Kind::interval:
      s += std::to_string(d.age.from) + "-" + std::to_string(d.age.to.value_or(d.age.from));
      break;
  }
  if (!d.conditions.empty()) {
    s += "  ·  betingelse: ";
    for (std::size_t i = 0; i < d.conditions.size(); ++i)
      s += (i ? ", " : "") + std::string(model::word_of(d.conditions[i]));
  }
  return s + "  ·  hyppighed: " + std::string(model::word_of(d.frequency));
}

}  // namespace kvs::checks::coverage

namespace kvs::checks::rules {

using namespace coverage;

namespace {

bool covered_by(const std::vector<const model::TargetGroup*>& groups, const law::Duty& d) {
  if (d.age.kind == law::AgeSpec::Kind::turns) {
    for (auto* g : groups)
      for (const auto& r : g->ages)
        if (r.covers_year_of_turning(d.age.from)) return true;
    return false;
  }
  std::vector<Span> spans;
  for (auto* g : groups)
    for (auto s : spans_of(*g)) spans.push_back(s);
  Span want = duty_span(d.age);
  return covers(spans, want.lo, want.hi);
}

std::string quoted(const model::TargetGroup& g) { return "'" + (g.title.empty() ? g.id : g.title) + "'"; }

}  // namespace

void duty(const CheckContext& cx, Reporter& r) {
  const auto& groups = cx.standard.groups;
  for (auto [version, d] : cx.duties(r.rule().id)) {
    std::vector<const model::TargetGroup*> strict, loose;
    for (const auto& g : groups) {
      if (!conditions_within(g, *d)) continue;
      FrequencyFit fit = frequency_fit(g, *d);
      if (fit == FrequencyFit::ok) strict.push_back(&g);
      if (fit != FrequencyFit::insufficient) loose.push_back(&g);
    }
    if (covered_by(strict, *d)) continue;
    Provision source = cx.provision(*version, d->provision, d->jf);
    std::string duty_text = how_often(*d) + " til " + who(*d);

    if (covered_by(loose, *d)) {
      const model::TargetGroup* unknown = nullptr;
      for (auto* g : loose)
        if (frequency_fit(*g, *d) == FrequencyFit::unknown && touches(*g, *d)) unknown = g;
      auto& f = r.report(unknown ? unknown->where : cx.header(),
                         "det kan ikke ses, om standarden tilbyder " + duty_text + ": målgruppen " +
                             (unknown ? quoted(*unknown) : std::string("?")) + " angiver ingen hyppighed",
                         Severity::advarsel);
      f.provision = source;
      f.suggestion = "angiv hyppigheden i målgruppen:  hyppighed: " + std::string(model::word_of(d->frequency));
      continue;
    }

    // Explain with the nearest miss, in this order: a group with the right conditions and
    // frequency that reaches only part of the ages; one with the right conditions but too
    // few visits; one that reaches the ages but is narrowed by a condition.
    const model::TargetGroup* near = nullptr;
    std::string why;
    SourceRange where = groups.empty() ? cx.header() : groups.front().where;
    for (int pass = 0; pass < 3 && !near; ++pass) {
      for (const auto& g : groups) {
        if (!touches(g, *d)) continue;
        bool within = conditions_within(g, *d);
        FrequencyFit fit = frequency_fit(g, *d);
        if (pass == 0 && within && fit != FrequencyFit::insufficient) {
          near = &g;
          where = g.ages.empty() ? g.where : g.ages.front().where;
          why = "målgruppen " + quoted(g) + " dækker kun en del af alderen";
        } else if (pass == 1 && within && fit == FrequencyFit::insufficient) {
          near = &g;
          where = g.frequency.empty() ? g.where : g.frequency.front().where;
          std::string offered;
          for (std::size_t i = 0; i < g.frequency.size(); ++i)
            offered += (i ? ", " : "") + std::string(model::label_of(g.frequency[i].value));
          why = "målgruppen " + quoted(g) + " tilbydes " + offered;
          if (d->frequency == Frequency::aarligt && d->visits_per_year > 1 && g.has_frequency(Frequency::aarligt))
            why += " (ét besøg om året; loven kræver " + std::to_string(d->visits_per_year) + ")";
        } else if (pass == 2 && !within) {
          for (const auto& c : g.conditions) {
            if (c.kind && std::find(d->conditions.begin(), d->conditions.end(), *c.kind) != d->conditions.end())
              continue;
            near = &g;
            where = c.where;
            why = "målgruppen " + quoted(g) + " omfatter kun borgere, der " +
                  (c.kind ? std::string(model::label_of(*c.kind)) : "\u00bb" + c.free_text + "\u00ab");
            break;
          }
        }
        if (near) break;
      }
    }
    std::string message = "standarden opfylder ikke pligten til at tilbyde " + duty_text;
    if (near) message += "; " + why;
    else if (groups.empty()) message += "; standarden har ingen målgrupper";
    else message += "; ingen målgruppe dækker den";
    auto& f = r.report(where, message);
    f.provision = source;
    f.suggestion = "tilføj eller udvid en målgruppe:  " + snippet(*d);
  }
}

}  // namespace kvs::checks::rules
