// aarlig-revision: the standard states its year or period and its approval (body and date),
// and the approval is no older than the law's window (<indholdskrav krav="årlig-godkendelse"
// maaneder="N">) counted back from the period's first day. Missing facts: advarsel (the duty
// cannot be verified); an approval that is too old: fejl.
#include "rules.hpp"

namespace kvs::checks::rules {

namespace {

Date minus_months(const Date& d, int months) {
  int total = d.year * 12 + (d.month - 1) - months;
  Date out{total / 12, total % 12 + 1, d.day};
  while (!out.valid() && out.day > 28) --out.day;
  return out;
}

}  // namespace

void aarlig_revision(const CheckContext& cx, Reporter& r) {
  const auto& s = cx.standard;
  for (auto [version, req] : cx.content(r.rule().id)) {
    if (!req->has("årlig-godkendelse")) continue;
    int months = req->months.value_or(0);
    Provision source = cx.provision(*version, req->provision);
    auto start = s.period_start();
    std::optional<Date> approved = s.approval ? s.approval->date : std::nullopt;
    bool body = s.approval && !s.approval->body.empty();

    if (!start || !approved || !body) {
      std::string msg;
      SourceRange where = cx.header();
      if (!start && !approved) {
        msg = "standarden angiver hverken år, periode eller godkendelsesdato, så det kan ikke ses, om den er "
              "udarbejdet og godkendt inden for det seneste år";
      } else if (!start) {
        msg = "standarden angiver hverken år eller periode, så det kan ikke ses, om godkendelsen ligger højst " +
              std::to_string(months) + " måneder før periodens start";
      } else if (!approved) {
        where = s.approval ? s.approval->where : s.period_where;
        msg = "standarden angiver sit år" + std::string(s.valid_from ? " (periode)" : "") +
              ", men ikke hvornår den er godkendt";
      } else {
        where = s.approval->where;
        msg = "standarden angiver ikke, hvem der har godkendt den";
      }
      auto& f = r.report(where, msg, Severity::advarsel);
      f.provision = source;
      f.suggestion = !start ? "tilføj  år: ÅÅÅÅ  og  godkendt: ÅÅÅÅ-MM-DD af \"Organ\""
                            : "tilføj godkendelsen med dato:  godkendt: ÅÅÅÅ-MM-DD af \"Organ\"";
      continue;
    }
    Date limit = minus_months(*start, months);
    if (*approved < limit) {
      auto& f = r.report(s.approval->where,
                         "godkendelsen " + approved->iso() + " ligger mere end " + std::to_string(months) +
                             " måneder før periodens første dag " + start->iso() +
                             "; standarden skal udarbejdes mindst én gang om året");
      f.provision = source;
      f.suggestion = "få standarden godkendt igen (tidligst " + limit.iso() + ") og ret godkendt-datoen";
    }
  }
}

}  // namespace kvs::checks::rules
