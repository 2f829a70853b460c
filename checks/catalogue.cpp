#include "catalogue.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "compile.hpp"
#include "diagnostic_printer.hpp"
#include "rule_case.hpp"
#include "rules/coverage.hpp"

namespace kvs::checks {

namespace {

std::vector<const law::LawVersion*> newest_first(const law::LawLibrary& lib) {
  std::vector<const law::LawVersion*> v;
  for (const auto& x : lib.versions) v.push_back(&x);
  std::stable_sort(v.begin(), v.end(), [](auto* a, auto* b) { return b->in_force < a->in_force; });
  return v;
}

std::string interval(const law::LawVersion& v) {
  return "i kraft " + v.in_force.iso() + (v.ends ? ", ophører " + v.ends->iso() : std::string());
}

std::string status(const law::LawVersion& v, const law::Provision* p) {
  std::string s;
  if (p) s = p->verbatim ? "ordret" : "parafrase";
  if (p ? !p->verified : !v.verified) s += std::string(s.empty() ? "" : ", ") + "ikke verificeret";
  return s.empty() ? s : " (" + s + ")";
}

std::string severity_text(const Rule& r) {
  std::string s = severity_word(r.severity);
  if (!r.severity_note.empty()) s += "; " + std::string(r.severity_note);
  return s;
}

}  // namespace

std::vector<std::string> rule_sources(const CheckData& data, const Rule& rule) {
  std::vector<std::string> out;
  switch (rule.source) {
    case SourceKind::duty:
      for (auto* v : newest_first(data.law))
        for (const auto& d : v->duties) {
          if (d.rule != rule.id) continue;
          const law::Provision* p = v->provision(d.provision);
          std::string cite = p ? v->cite(*p) : d.provision;
          for (const auto& j : d.jf)
            if (auto* q = v->provision(j)) cite += ", jf. \u00a7 " + q->paragraph + (q->stk ? ", stk. " + std::to_string(*q->stk) : "");
          out.push_back("`" + v->id + "` (" + interval(*v) + "): " + cite + status(*v, p) + " — " + coverage::how_often(d) +
                        " til " + coverage::who(d));
        }
      if (out.empty()) out.push_back("ingen lovversion har pligten");
      break;
    case SourceKind::content:
      for (auto* v : newest_first(data.law))
        for (const auto& c : v->content) {
          if (c.rule != rule.id) continue;
          const law::Provision* p = v->provision(c.provision);
          std::string tokens;
          for (const auto& t : c.tokens) tokens += (tokens.empty() ? "" : ", ") + t;
          if (c.months) tokens += ", højst " + std::to_string(*c.months) + " måneder";
          out.push_back("`" + v->id + "` (" + interval(*v) + "): " + (p ? v->cite(*p) : c.provision) + status(*v, p) +
                        " — krav: " + tokens);
        }
      if (out.empty()) out.push_back("ingen lovversion stiller kravet");
      break;
    case SourceKind::exclusion:
      for (auto* v : newest_first(data.law)) {
        if (v->duties.empty()) continue;
        std::string s = "`" + v->id + "` (" + interval(*v) + "): ";
        if (v->permitted_exclusions.empty()) {
          s += "ingen undtagelse tilladt (alle undtagelser er fejl)";
        } else {
          const auto& pe = v->permitted_exclusions.front();
          const law::Provision* p = v->provision(pe.provision);
          s += (p ? v->cite(*p) : pe.provision) + status(*v, p) + " — tilladt: " +
               std::string(model::word_of(pe.ground)) + " (" + pe.reference + ")";
          std::string cond;
          for (const auto& c : v->conditional_exclusions) cond += (cond.empty() ? "" : ", ") + std::string(model::word_of(c.ground));
          if (!cond.empty()) s += "; betinget (advarsel): " + cond;
        }
        out.push_back(s);
      }
      break;
    case SourceKind::citation:
      out.push_back("hver lovversions `<hjemmel>`, `<aendringslov>`, `<afloeser>` og `<ophaever>` (docs/law-data.md §2.2, §2.7)");
      break;
    case SourceKind::versions:
      out.push_back("lovversionernes `i-kraft` og `ophoerer` (docs/law-data.md §1)");
      break;
    case SourceKind::advice:
      if (auto* e = data.advice.find(rule.id)) {
        std::string s = (e->source.empty() ? data.advice.source : e->source) +
                        (e->evidence.empty() || e->evidence == "\u2014" ? "" : ", " + e->evidence);
        for (const auto& [k, n] : e->numbers) s += "; " + k + " = " + std::to_string(n);
        std::string groups;
        for (const auto& g : e->groups) groups += (groups.empty() ? "" : ", ") + g.describe();
        if (!groups.empty()) s += "; grupper: " + groups;
        out.push_back(s + " (checks/advice.xml)");
      }
      break;
    case SourceKind::none: out.push_back("—"); break;
  }
  return out;
}

std::string catalogue_text(const CheckData& data) {
  std::string out;
  for (const auto& r : rule_table()) {
    std::string id(r.id);
    id.resize(std::max<std::size_t>(id.size(), 28), ' ');
    std::string sev = severity_word(r.severity);
    while (count_code_points(sev) < 10) sev += ' ';
    out += id + sev + std::string(r.title) + "\n";
    for (const auto& s : rule_sources(data, r)) {
      std::string plain;
      for (char c : s)
        if (c != '`') plain += c;
      out += std::string(38, ' ') + plain + "\n";
    }
  }
  return out;
}

std::string catalogue_markdown(const CheckData& data, const std::string& examples_dir, const std::string& shown_root) {
  std::string md;
  md += "# Regelkatalog\n\n";
  md += "<!-- Genereret af `kvs rules --format markdown > docs/rules.md` fra regeltabellen (checks/registry.cpp),\n"
        "     lovdataene (checks/law/*.xml), rådsdataene (checks/advice.xml) og regeltestene (tests/checks/).\n"
        "     Ret ikke i filen: en test kræver, at den er lig det genererede. -->\n\n";
  md += "Hver regel har et fast id, en alvorlighed, en kilde og et eksempel. Kilden kommer fra lovdataene: "
        "for hver lovversion den bestemmelse, reglen bygger på. En standard bedømmes efter de lovversioner, der er i "
        "kraft på periodens første dag (docs/law-data.md).\n\n";
  md += "| alvorlighed | betydning | SARIF | afslutningskode |\n|---|---|---|---|\n"
        "| fejl | standarden opfylder ikke en lovpligt | error | 1 |\n"
        "| advarsel | standarden opfylder måske ikke en pligt, eller det kan ikke ses | warning | 0 (1 med --strict) |\n"
        "| råd | god praksis fra den nationale evaluering | note | 0 |\n\n";
  md += "Et fund kan anerkendes i standarden (`anerkendelse REGEL-ID { begrundelse: \"…\" }`); det vises da som "
        "anerkendt. En lovfejl kan kun anerkendes ved at nævne en frisættelse og dens grundlag.\n\n";
  md += "## Lovversioner\n\n| id | akt | i kraft | ophører | verificeret | titel |\n|---|---|---|---|---|---|\n";
  for (const auto& v : data.law.versions)
    md += "| `" + v.id + "` | " + v.act + " | " + v.in_force.iso() + " | " + (v.ends ? v.ends->iso() : "—") + " | " +
          (v.verified ? "ja" : "**nej**") + " | " + v.title + " |\n";
  md += "\n";

  struct Section {
    RuleKind kind;
    const char* heading;
  };
  for (auto [kind, heading] : {Section{RuleKind::legal, "Lovregler"}, Section{RuleKind::advice, "Råd"},
                               Section{RuleKind::meta, "Om selve kontrollen"}}) {
    md += std::string("## ") + heading + "\n\n";
    for (const auto& r : rule_table()) {
      if (r.kind != kind) continue;
      md += "### `" + std::string(r.id) + "` — " + std::string(r.title) + "\n\n";
      md += "- **Alvorlighed:** " + severity_text(r) + "\n";
      auto sources = rule_sources(data, r);
      if (sources.size() == 1) md += "- **Kilde:** " + sources[0] + "\n";
      else {
        md += "- **Kilde:**\n";
        for (const auto& s : sources) md += "  - " + s + "\n";
      }
      md += "- **Kontrollerer:** " + std::string(r.what) + "\n\n";
      std::string file = examples_dir + "/" + std::string(r.id) + "/fejl.kvs";
      auto c = read_rule_case(file);
      if (!c) {
        md += "_Intet eksempel._\n\n";
        continue;
      }
      std::string shown = std::filesystem::path(file).lexically_relative(shown_root).generic_string();
      CheckRun run = check_text(shown, c->text, data, c->date);
      std::string findings;
      for (const auto& d : run.sink.diagnostics())
        if (d.code == r.id || !run.law) findings += format_diagnostic(d);
      // The case's first comment line says what it shows: "# <rule>: <what>".
      std::string what = c->text.substr(0, c->text.find('\n'));
      if (auto colon = what.find(": "); what.rfind("# ", 0) == 0 && colon != std::string::npos) what = what.substr(colon + 2);
      else what.clear();
      md += "Eksempel: [`" + shown + "`](../" + shown + ")" + (what.empty() ? "" : " — " + what) + ":\n\n";
      md += "```\n" + findings + "```\n\n";
    }
  }
  return md;
}

}  // namespace kvs::checks
