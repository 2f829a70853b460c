// lovhenvisning and lovgrundlag-ophoerer: the standard's cited legal basis against the law
// versions (docs/law-data.md §2.2, §2.7): a citation must match a <hjemmel> of a version in
// force on the reference date; an act cited only as superseded (<afloeser>) gives advarsel;
// a provision repealed before the period starts (<ophaever>) gives fejl. A period that runs
// past a version's ophoerer gets lovgrundlag-ophoerer, naming the successor.
#include <algorithm>
#include <map>

#include "rules.hpp"

namespace kvs::checks::rules {

namespace {

std::string squash(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

bool same_act(std::string_view a, std::string_view b) { return model::fold(a) == model::fold(b); }

bool matches(const model::Citation& c, const law::Basis& b) {
  if (!same_act(c.act, b.act)) return false;
  if (!b.paragraph.empty()) return !c.paragraph.empty() && squash(c.paragraph) == squash(b.paragraph);
  if (!b.chapter.empty()) return c.paragraph.empty() && c.chapter == b.chapter;
  if (b.number) return c.number == b.number && (!c.date || c.date->year == b.year);
  return false;  // a title-only hjemmel never matches a numbered or paragraph citation
}

bool matches(const model::Citation& c, const law::Repeal& r) {
  if (!same_act(c.act, r.act)) return false;
  if (r.number) return c.number == r.number && (!c.date || c.date->year == r.year);
  return !c.paragraph.empty() && squash(c.paragraph) == squash(r.paragraph);
}

bool in_version(const model::Citation& c, const law::LawVersion& v) {
  return std::any_of(v.bases.begin(), v.bases.end(), [&](const law::Basis& b) { return matches(c, b); });
}

std::string statute_basis(const law::LawVersion& v) {
  for (const auto& b : v.bases)
    if (!b.paragraph.empty()) return v.act + " \u00a7 " + b.paragraph;
  return v.act_display();
}

void check_citation(const CheckContext& cx, Reporter& r, const model::Citation& c) {
  const auto& applied = cx.applied;
  for (auto* v : applied.versions) {
    if (!in_version(c, *v)) continue;
    for (int stk : c.stk) {
      bool exists = std::any_of(v->provisions.begin(), v->provisions.end(), [&](const law::Provision& p) {
        return !p.amending_act && squash(p.paragraph) == squash(c.paragraph) && p.stk == stk;
      });
      if (exists) continue;
      auto& f = r.report(c.where,
                         c.display() + " findes ikke: " + statute_basis(*v) + " har ikke stk. " + std::to_string(stk) +
                             " i den gældende lovversion (" + v->id + ")",
                         Severity::fejl);
      f.provision = Provision{statute_basis(*v), v->id, {}, false, !v->verified};
      f.suggestion = "ret stykkenummeret";
    }
    return;
  }
  // Repealed before the period starts?
  const law::LawVersion* old = nullptr;
  const law::LawVersion* future = nullptr;
  for (const auto& v : cx.law.versions) {
    if (!in_version(c, v)) continue;
    if (v.ends && *v.ends <= applied.reference) old = &v;
    else if (applied.reference < v.in_force && !future) future = &v;
  }
  if (old) {
    const law::Repeal* repeal = nullptr;
    const law::LawVersion* by = nullptr;
    for (auto* v : applied.versions)
      for (const auto& rp : v->repeals)
        if (!repeal && matches(c, rp)) {
          repeal = &rp;
          by = v;
        }
    std::string msg = c.display() + " er ";
    if (repeal) msg += "ophævet fra " + law::danish_date(repeal->date);
    else msg += "ikke længere gældende (sidst i " + old->id + ", ophørt " + old->ends->iso() + ")";
    msg += " og kan ikke være grundlaget for en standard, hvis periode begynder " + applied.reference.iso();
    const law::LawVersion* now = applied.versions.empty() ? nullptr : applied.versions.front();
    if (now) msg += "; nu gælder " + now->title + " [" + now->id + "]";
    auto& f = r.report(c.where, msg, Severity::fejl);
    if (repeal) {
      f.provision = Provision{by->title, by->id, by->act_display() + " ophæver " + repeal->display() + " fra " +
                                                    law::danish_date(repeal->date) + " \u2014 " + repeal->by,
                              true, !by->verified || !repeal->verified};
    } else if (now) {
      f.provision = Provision{now->title, now->id, {}, false, !now->verified};
    }
    if (now)
      f.suggestion = "henvis til det gældende grundlag (" + now->id + ")" +
                     (now->bases.empty() ? std::string() : ", fx  " + now->bases.front().act +
                                                               (now->bases.front().chapter.empty()
                                                                    ? std::string()
                                                                    : " kapitel " + now->bases.front().chapter));
    return;
  }
  if (future) {
    auto& f = r.report(c.where, c.display() + " træder først i kraft " + future->in_force.iso() +
                                    ", efter periodens første dag " + applied.reference.iso());
    f.provision = Provision{future->title, future->id, {}, false, !future->verified};
    f.suggestion = "henvis til det grundlag, der gælder på periodens første dag";
  }
  // Otherwise the citation is outside the law data (e.g. another paragraph of serviceloven,
  // sundhedsloven): not this rule's business.
}

}  // namespace

void lovhenvisning(const CheckContext& cx, Reporter& r) {
  const auto& s = cx.standard;
  if (s.legal_basis)
    for (const auto& c : s.legal_basis->citations) check_citation(cx, r, c);
  for (const auto& g : s.groups)
    for (const auto& c : g.legal_basis) check_citation(cx, r, c);

  if (!s.legal_basis || s.legal_basis->amendments.empty()) return;
  bool current = false;
  const model::AmendingAct* superseded = nullptr;
  const law::LawVersion* superseding = nullptr;
  for (const auto& a : s.legal_basis->amendments)
    for (auto* v : cx.applied.versions) {
      for (const auto& m : v->amending_acts)
        if (m.number == a.number && m.date && *m.date == a.date) current = true;
      for (const auto& o : v->superseded)
        if (o.number == a.number && o.date == a.date && !superseded) {
          superseded = &a;
          superseding = v;
        }
    }
  if (current || !superseded) return;
  std::string by;
  for (const auto& m : superseding->amending_acts) by += (by.empty() ? "" : " og ") + m.display();
  auto& f = r.report(superseded->where,
                     "standarden henviser kun til lov nr. " + std::to_string(superseded->number) + " af " +
                         law::danish_date(superseded->date) + ", som er afløst" +
                         (by.empty() ? std::string() : " af " + by) + " (gældende lovversion " + superseding->id + ")");
  f.provision = Provision{statute_basis(*superseding) + (by.empty() ? std::string() : " som affattet ved " + by),
                          superseding->id, {}, false, !superseding->verified};
  std::string cite;
  for (const auto& m : superseding->amending_acts)
    if (m.number && m.date) cite += (cite.empty() ? "" : "  og  ") + ("ændringslov: lov nr. " + std::to_string(m.number) + " af " + m.date->iso());
  f.suggestion = cite.empty() ? "henvis til den gældende ændringslov" : "henvis til den gældende affattelse:  " + cite;
}

void lovgrundlag_ophoerer(const CheckContext& cx, Reporter& r) {
  const auto& applied = cx.applied;
  if (!applied.period_end) return;
  std::map<Date, std::vector<const law::LawVersion*>> ending;
  for (auto* v : applied.versions)
    if (v->ends && *v->ends <= *applied.period_end) ending[*v->ends].push_back(v);
  for (const auto& [date, versions] : ending) {
    std::string names;
    for (std::size_t i = 0; i < versions.size(); ++i)
      names += (i ? (i + 1 == versions.size() ? " og " : ", ") : "") + versions[i]->id;
    std::string msg = "lovgrundlaget (" + names + ") ophører " + date.iso() + ", i løbet af standardens periode (" +
                      applied.reference.iso() + " til " + applied.period_end->iso() + ")";
    std::vector<const law::LawVersion*> successors;
    for (const auto& v : cx.law.versions)
      if (v.in_force == date) successors.push_back(&v);
    std::string repeals;
    bool verified = true;
    for (auto* s : successors) {
      verified = verified && s->verified;
      for (const auto& rp : s->repeals) {
        repeals += (repeals.empty() ? "" : "; ") + rp.display() + " ophæves fra " + law::danish_date(rp.date) + " \u2014 " + rp.by;
        verified = verified && rp.verified;
      }
    }
    if (successors.empty()) {
      msg += "; lovdataene har ingen version, der gælder derefter";
    } else {
      msg += "; fra " + date.iso() + " gælder ";
      for (std::size_t i = 0; i < successors.size(); ++i)
        msg += (i ? " og " : "") + successors[i]->title + " [" + successors[i]->id + "]";
    }
    msg += ". Standarden bedømmes efter reglerne på periodens første dag";
    auto& f = r.report(cx.standard.period_where.end ? cx.standard.period_where : cx.header(), msg);
    if (!successors.empty())
      f.provision = Provision{successors.front()->title, successors.front()->id, repeals, true, !verified};
    f.suggestion = "lav en ny standard for tiden fra " + date.iso() + " efter de nye regler, eller lad perioden slutte før " +
                   date.iso();
  }
}

}  // namespace kvs::checks::rules
