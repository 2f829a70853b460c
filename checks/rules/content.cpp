// Content a standard must contain (<indholdskrav>): formaal-indhold, tilrettelaeggelse,
// risiko-grupper, alternativ-hjemmebesoeg, sammentaenkning, aeldrelov-forebyggelse and
// aeldrelov-opsoegende. The law data says which rule needs which content tokens; this file
// knows only how each token is met in a .kvs model (docs/law-data.md §2.6). A rule with no
// <indholdskrav> in the applied versions is not evaluated (e.g. before 2016).
#include <algorithm>
#include <set>

#include "rules.hpp"

namespace kvs::checks::rules {

namespace {

std::string quoted(const model::TargetGroup& g) { return "'" + (g.title.empty() ? g.id : g.title) + "'"; }

// A top-level prose field that satisfies a token.
struct FieldToken {
  std::string_view token, field, what;
};
constexpr FieldToken kFieldTokens[] = {
    {"formål", "formål", "formålet med besøget"},
    {"indhold", "indhold", "indholdet af besøget"},
    {"sammentænkning", "sammentænkning", "hvordan tilbuddet tænkes sammen med anden forebyggelse"},
    {"generel-forebyggelse", "generel-forebyggelse", "den generelle forebyggende indsats"},
};

bool field_present(const CheckContext& cx, const FieldToken& t) {
  if (auto* p = cx.standard.prose_field(std::string(t.field)); p && !p->value.empty()) return true;
  if (t.token == "sammentænkning" && !cx.standard.partners.empty()) return true;
  return false;
}

bool is_home(const model::Meeting& m) { return m.kind == model::MeetingKind::hjemmebesoeg; }

}  // namespace

void content(const CheckContext& cx, Reporter& r) {
  const auto& s = cx.standard;
  std::set<std::string> done;
  for (const auto& entry : cx.content(r.rule().id)) {
    // Not a structured binding: clang 14 (the fuzzing compiler) cannot capture one in a lambda.
    const auto* version = entry.first;
    const auto* req = entry.second;
    Provision source = cx.provision(*version, req->provision);
    auto fresh = [&](const std::string& token) { return req->has(token) && done.insert(token).second; };

    for (const auto& t : kFieldTokens) {
      if (!fresh(std::string(t.token)) || field_present(cx, t)) continue;
      std::string what(t.what);
      auto& f = r.report(cx.header(), "standarden beskriver ikke" + std::string(what.rfind("hvordan", 0) == 0 ? ", " : " ") +
                                          what + " (feltet " +
                                          std::string(t.field) + ")");
      f.provision = source;
      f.suggestion = "tilføj  " + std::string(t.field) + ": \"\"\" … \"\"\"";
    }

    bool invitation = fresh("invitation"), meeting = fresh("mødeform");
    if (invitation || meeting) {
      for (const auto& g : s.groups) {
        std::vector<std::string> missing;
        if (invitation && g.invitations.empty()) missing.push_back("hvordan borgerne inviteres (invitation)");
        if (meeting && g.meetings.empty()) missing.push_back("mødeformen (mødeform)");
        if (missing.empty()) continue;
        std::string what = missing[0] + (missing.size() > 1 ? " og " + missing[1] : "");
        auto& f = r.report(g.where, "målgruppen " + quoted(g) + " beskriver ikke " + what);
        f.provision = source;
        f.suggestion = "tilføj fx  invitation: datobrev  og  mødeform: hjemmebesøg";
      }
    }

    if (fresh("individuelt-alternativ")) {
      for (const auto& g : s.groups) {
        if (g.meetings.empty() || std::any_of(g.meetings.begin(), g.meetings.end(), is_home)) continue;
        if (g.alternative && is_home(*g.alternative)) continue;
        const auto& m = g.meetings.front();
        auto& f = r.report(m.where, "målgruppen " + quoted(g) + " tilbydes " + std::string(model::label_of(m.kind)) +
                                        " i stedet for et hjemmebesøg, men får ikke at vide, at den i stedet kan få "
                                        "et individuelt besøg i hjemmet");
        f.provision = source;
        f.suggestion = "tilføj i målgruppen:  alternativ: hjemmebesøg";
      }
    }

    if (fresh("risikogrupper")) {
      const model::TargetGroup* risk_group = nullptr;
      for (const auto& g : s.groups)
        if (g.has_condition(model::ConditionKind::saerlig_risiko)) risk_group = risk_group ? risk_group : &g;
      if (s.risk_groups.empty()) {
        auto& f = r.report(risk_group ? risk_group->where : cx.header(),
                           "standarden nævner ikke, hvilke særlige risikogrupper tilbuddet efter behov er målrettet");
        f.provision = source;
        f.suggestion = "tilføj fx  risikogruppe \"Borgere, der har mistet en ægtefælle\" { kategori: mistet-ægtefælle }";
      } else {
        // How they are offered visits: found via some route, or offered through a target group
        // (the risk group's own `målgruppe`, or the group for those at special risk) that
        // says how it invites or finds them.
        auto offers = [](const model::TargetGroup* g) {
          return g && (!g->invitations.empty() || !g->detection.empty());
        };
        bool how = offers(risk_group) ||
                   std::any_of(s.risk_groups.begin(), s.risk_groups.end(), [&](const model::RiskGroup& g) {
                     return !g.detection.empty() || (!g.group.empty() && offers(s.find_group(g.group)));
                   });
        if (!how) {
          auto& f = r.report(s.risk_groups.front().where,
                             "standarden siger ikke, hvordan borgere i de særlige risikogrupper findes og får "
                             "tilbudt besøg");
          f.provision = source;
          f.suggestion = "tilføj  findes-via: …  i risikogrupperne, eller en målgruppe med betingelse: særlig-risiko "
                         "og invitation";
        }
      }
    }

    if (fresh("opsøgende-målgrupper") && s.groups.empty() && s.risk_groups.empty()) {
      auto& f = r.report(cx.header(), "standarden beskriver ikke, hvem den opsøgende indsats er rettet mod "
                                      "(ingen målgrupper eller risikogrupper)");
      f.provision = source;
      f.suggestion = "tilføj en målgruppe- eller risikogruppe-blok";
    }
    if (fresh("opsporing")) {
      bool found = std::any_of(s.groups.begin(), s.groups.end(), [](auto& g) { return !g.detection.empty(); }) ||
                   std::any_of(s.risk_groups.begin(), s.risk_groups.end(), [](auto& g) { return !g.detection.empty(); });
      if (!found) {
        auto& f = r.report(s.groups.empty() ? cx.header() : s.groups.front().where,
                           "standarden siger ikke, hvordan borgere med et forebyggelsespotentiale findes (findes-via)");
        f.provision = source;
        f.suggestion = "tilføj fx  findes-via: dataudtræk, bekymringshenvendelse  i målgrupperne";
      }
    }
  }
}

}  // namespace kvs::checks::rules
