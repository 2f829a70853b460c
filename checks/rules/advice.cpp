// The advice rules (råd) from the national evaluation: which groups they concern, which
// invitation forms count, and the evidence lines all come from checks/advice.xml.
#include <algorithm>

#include "rules.hpp"

namespace kvs::checks::rules {

namespace {

std::string quoted(const model::TargetGroup& g) { return "'" + (g.title.empty() ? g.id : g.title) + "'"; }

// Every advice finding names its evidence in the national evaluation.
Provision evidence(const AdviceData& data, const AdviceEntry* e) {
  Provision p;
  p.citation = e && !e->source.empty() ? e->source : data.source;
  if (e && !e->evidence.empty() && e->evidence != "\u2014") p.citation += ", " + e->evidence;
  p.version = "";
  p.paraphrase = false;  // no text is quoted: the citation names the evidence
  return p;
}

template <class E>
bool contains(const std::vector<E>& v, E x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

void raad_datobrev(const CheckContext& cx, Reporter& r) {
  const AdviceEntry* e = cx.advice.find(r.rule().id);
  if (!e) return;
  for (const auto& g : cx.standard.groups) {
    if (!e->selects(g) || g.invitations.empty()) continue;
    const auto& first = g.invitations.front();
    if (contains(e->good_invitations, first.value)) continue;
    auto& f = r.report(first.where, "målgruppen " + quoted(g) + " inviteres med " +
                                        std::string(model::label_of(first.value)) +
                                        "; de ældste og mest sårbare nås bedst med et datobrev (fast dato og "
                                        "tidspunkt, som borgeren kan framelde) eller en personlig henvendelse");
    f.provision = evidence(cx.advice, e);
    f.suggestion = "overvej  invitation: datobrev  (og  tilmelding: framelding)";
  }
}

void raad_saarbare_kollektiv(const CheckContext& cx, Reporter& r) {
  const AdviceEntry* e = cx.advice.find(r.rule().id);
  if (!e) return;
  for (const auto& g : cx.standard.groups) {
    if (!e->selects(g)) continue;
    bool only_open = !g.invitations.empty() && std::all_of(g.invitations.begin(), g.invitations.end(), [&](auto& i) {
      return contains(e->open_invitations, i.value);
    });
    bool only_collective = !g.meetings.empty() && std::all_of(g.meetings.begin(), g.meetings.end(), [](auto& m) {
      return model::is_collective(m.kind);
    });
    if (!only_open && !only_collective) continue;
    SourceRange where = only_open ? g.invitations.front().where : g.meetings.front().where;
    auto& f = r.report(where, "den sårbare målgruppe " + quoted(g) + " nås kun med " +
                                  std::string(only_open ? "åbne breve uden dato" : "kollektive arrangementer") +
                                  "; de mest sårbare siger oftest nej og falder fra");
    f.provision = evidence(cx.advice, e);
    f.suggestion = only_open ? "tilføj en personlig henvendelse eller et datobrev:  invitation: datobrev"
                             : "tilbyd også et individuelt besøg:  mødeform: hjemmebesøg";
  }
}

void raad_risikogrupper_bredde(const CheckContext& cx, Reporter& r) {
  const AdviceEntry* e = cx.advice.find(r.rule().id);
  if (!e) return;
  const auto& rg = cx.standard.risk_groups;
  bool broad = std::any_of(rg.begin(), rg.end(), [&](auto& g) { return !contains(e->narrow_categories, g.category.value); });
  if (broad) return;
  std::string narrow;
  for (auto c : e->narrow_categories) narrow += (narrow.empty() ? "" : ", ") + std::string(model::label_of(c));
  auto& f = r.report(rg.empty() ? cx.header() : rg.front().where,
                     rg.empty() ? "standarden nævner ingen særlige risikogrupper"
                                : "risikogrupperne stopper ved borgere, der " + narrow +
                                      "; overvej også fx ensomme, borgere udskrevet fra sygehus, eller borgere "
                                      "hvis ægtefælle er alvorligt syg");
  f.provision = evidence(cx.advice, e);
  f.suggestion = "tilføj flere  risikogruppe \"…\" { kategori: … }";
}

void raad_opfoelgning(const CheckContext& cx, Reporter& r) {
  if (auto* p = cx.standard.prose_field("opfølgning"); p && !p->value.empty()) return;
  auto& f = r.report(cx.header(), "standarden beskriver ikke opfølgningen efter besøget (feltet opfølgning)");
  f.provision = evidence(cx.advice, cx.advice.find(r.rule().id));
  f.suggestion = "tilføj  opfølgning: \"\"\" … \"\"\"";
}

void raad_selvhenvendelse(const CheckContext& cx, Reporter& r) {
  const auto& s = cx.standard;
  if (auto* p = s.prose_field("selvhenvendelse"); p && !p->value.empty()) return;
  for (const auto& g : s.groups) {
    for (const auto& d : g.detection)
      if (d.value == model::Detection::selvhenvendelse) return;
    for (const auto& i : g.invitations)
      if (i.value == model::Invitation::borgeren_henvender_sig) return;
  }
  for (const auto& g : s.risk_groups)
    for (const auto& d : g.detection)
      if (d.value == model::Detection::selvhenvendelse) return;
  auto& f = r.report(cx.header(), "standarden siger ikke, hvordan borgere (eller med samtykke pårørende og "
                                  "personale) selv kan bede om et besøg");
  f.provision = evidence(cx.advice, cx.advice.find(r.rule().id));
  f.suggestion = "tilføj  selvhenvendelse: \"\"\" … \"\"\"";
}

void raad_kompetencer(const CheckContext& cx, Reporter& r) {
  const auto& st = cx.standard.staff;
  bool professions = st && (!st->professions.empty() || !st->other_professions.empty());
  bool competences = st && st->competences && !st->competences->value.empty();
  if (professions && competences) return;
  std::string missing = !professions && !competences ? "personalets fagligheder og kompetencer"
                        : !professions                ? "personalets fagligheder"
                                                      : "personalets kompetencer";
  auto& f = r.report(st ? st->where : cx.header(), "standarden beskriver ikke " + missing);
  f.provision = evidence(cx.advice, cx.advice.find(r.rule().id));
  f.suggestion = "tilføj  personale { fagligheder: …  kompetencer: \"\"\" … \"\"\" }";
}

void raad_kontakt(const CheckContext& cx, Reporter& r) {
  for (const auto& c : cx.standard.contacts)
    if (!c.phones.empty() || !c.email.empty() || !c.address.empty() || !c.phone_hours.empty()) return;
  const auto& cs = cx.standard.contacts;
  auto& f = r.report(cs.empty() ? cx.header() : cs.front().where,
                     "dokumentet giver ikke borgeren en måde at komme i kontakt på (telefon, e-mail, adresse eller "
                     "telefontid)");
  f.provision = evidence(cx.advice, cx.advice.find(r.rule().id));
  f.suggestion = "tilføj  kontakt \"…\" { telefon: \"…\"  email: \"…\" }";
}

void raad_kollektiv_registrering(const CheckContext& cx, Reporter& r) {
  const model::Meeting* collective = nullptr;
  for (const auto& g : cx.standard.groups)
    for (const auto& m : g.meetings)
      if (model::is_collective(m.kind) && !collective) collective = &m;
  if (!collective) return;
  if (auto* p = cx.standard.prose_field("dokumentation"); p && !p->value.empty()) return;
  auto& f = r.report(collective->where, "standarden holder " + std::string(model::label_of(collective->kind)) +
                                            ", men siger ikke, hvordan deltagelsen registreres (feltet dokumentation)");
  f.provision = evidence(cx.advice, cx.advice.find(r.rule().id));
  f.suggestion = "tilføj  dokumentation: \"\"\" … \"\"\"  om registrering af deltagelsen";
}

}  // namespace kvs::checks::rules
