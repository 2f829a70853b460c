// report.html: one self-contained file (inline CSS, SVG and script; nothing fetched) that an
// evaluator opens from disk. One row per standard in Danish order, sortable and filterable in
// the browser; distributions as inline SVG beside the national figures with their N and year;
// the time series; findings by rule; the files that were skipped. lang="da", landmarks, table
// headers with scope, a caption, text beside every colour, and a data table under each chart.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <sstream>

#include "compare.hpp"
#include "csv.hpp"
#include "registry.hpp"

namespace kvs::compare {

namespace {

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// "58 %", "27,3 %": Danish decimal comma, one decimal only where it matters.
std::string pct(double v) {
  double r = std::round(v);
  if (std::fabs(v - r) < 0.05) return std::to_string(static_cast<int>(r)) + "\u00a0%";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  std::replace(s.begin(), s.end(), '.', ',');
  return s + "\u00a0%";
}

/// A vocabulary word as running text: "brev-uden-dato" → "brev uden dato".
template <class E>
std::string spoken(E v) {
  std::string s(model::word_of(v));
  std::replace(s.begin(), s.end(), '-', ' ');
  return s;
}

template <class E>
std::string spoken_list(const std::vector<E>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + spoken(x);
  return s;
}

/// Soft hyphens in the long compound words of the vocabularies, so narrow columns can break them.
std::string soft(std::string s) {
  static const std::pair<const char*, const char*> breaks[] = {
      {"informationsmøde", "informations&shy;møde"},
      {"arrangement", "arrange&shy;ment"},
      {"fødselsdagsarrangement", "fødselsdags&shy;arrangement"},
      {"seniormesse", "senior&shy;messe"},
      {"telefonsamtale", "telefon&shy;samtale"}};
  for (auto [word, with] : breaks)
    for (std::size_t at = s.find(word); at != std::string::npos; at = s.find(word, at + std::strlen(with)))
      s.replace(at, std::strlen(word), with);
  return s;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ---------------------------------------------------------------------------------------
// Charts

struct Bar {
  std::string label;
  std::optional<double> local;
  std::string local_text;
  std::optional<double> national;
  std::string national_text;  ///< value text, or the source's words when there is no number
};

std::vector<std::string> wrap(const std::string& s, std::size_t width) {
  std::vector<std::string> lines;
  std::string cur;
  std::istringstream in(s);
  std::string w;
  auto cps = [](const std::string& x) { return static_cast<std::size_t>(count_code_points(x)); };
  while (in >> w) {
    if (!cur.empty() && cps(cur) + 1 + cps(w) > width) {
      lines.push_back(cur);
      cur.clear();
    }
    cur += (cur.empty() ? "" : " ") + w;
  }
  if (!cur.empty()) lines.push_back(cur);
  if (lines.empty()) lines.push_back("");
  return lines;
}

constexpr const char* kLocalColour = "#1d4f91";
constexpr const char* kNationalColour = "#6f6f6f";

std::string bars_svg(const std::string& id, const std::string& title, const std::string& desc,
                     const std::vector<Bar>& bars, const std::string& local_legend,
                     const std::string& national_legend) {
  const int W = 660, label_w = 196, x0 = 204, span = 300, bar_h = 14, gap = 3, row_gap = 16, top = 40;
  bool has_national =
      std::any_of(bars.begin(), bars.end(), [](const Bar& b) { return b.national || !b.national_text.empty(); });
  int row_h = (has_national ? 2 * bar_h + gap : bar_h) + row_gap;
  int H = top + static_cast<int>(bars.size()) * row_h + 22;
  std::ostringstream o;
  o << "<svg class=\"chart-svg\" role=\"img\" aria-labelledby=\"" << id << "-t " << id << "-d\" viewBox=\"0 0 " << W
    << ' ' << H << "\" width=\"" << W << "\" height=\"" << H << "\" xmlns=\"http://www.w3.org/2000/svg\">";
  o << "<title id=\"" << id << "-t\">" << esc(title) << "</title><desc id=\"" << id << "-d\">" << esc(desc)
    << "</desc>";
  // Legend
  o << "<g class=\"legend\" font-size=\"12\"><rect x=\"" << x0 << "\" y=\"6\" width=\"12\" height=\"12\" fill=\""
    << kLocalColour << "\"/><text x=\"" << x0 + 17 << "\" y=\"16\">" << esc(local_legend) << "</text>";
  if (has_national)
    o << "<rect x=\"" << x0 << "\" y=\"22\" width=\"12\" height=\"12\" fill=\"" << kNationalColour << "\"/><text x=\""
      << x0 + 17 << "\" y=\"32\">" << esc(national_legend) << "</text>";
  o << "</g>";
  // Grid
  int grid_bottom = H - 20;
  for (int p = 0; p <= 100; p += 25) {
    int x = x0 + span * p / 100;
    o << "<line x1=\"" << x << "\" y1=\"" << top - 2 << "\" x2=\"" << x << "\" y2=\"" << grid_bottom << "\" stroke=\""
      << (p == 0 ? "#444" : "#d9d9d9") << "\" stroke-width=\"1\"/>";
    o << "<text x=\"" << x << "\" y=\"" << H - 6 << "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\">" << p
      << "\u00a0%</text>";
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    int y = top + static_cast<int>(i) * row_h + 2;
    auto lines = wrap(b.label, 30);
    int block = has_national ? 2 * bar_h + gap : bar_h;
    int ly = y + block / 2 - (static_cast<int>(lines.size()) - 1) * 7 + 4;
    o << "<text x=\"" << label_w << "\" y=\"" << ly << "\" font-size=\"12\" text-anchor=\"end\" fill=\"#1a1a1a\">";
    for (std::size_t k = 0; k < lines.size(); ++k)
      o << "<tspan x=\"" << label_w << "\" dy=\"" << (k ? 14 : 0) << "\">" << esc(lines[k]) << "</tspan>";
    o << "</text>";
    auto bar = [&](int by, std::optional<double> v, const std::string& text, const char* colour, bool italic) {
      int w = v ? static_cast<int>(std::lround(span * std::clamp(*v, 0.0, 100.0) / 100.0)) : 0;
      if (v)
        o << "<rect x=\"" << x0 << "\" y=\"" << by << "\" width=\"" << std::max(w, 1) << "\" height=\"" << bar_h
          << "\" fill=\"" << colour << "\"/>";
      o << "<text x=\"" << x0 + w + 6 << "\" y=\"" << by + bar_h - 3 << "\" font-size=\"12\" fill=\"#1a1a1a\""
        << (italic ? " font-style=\"italic\"" : "") << ">" << esc(text) << "</text>";
    };
    bar(y, b.local, b.local_text, kLocalColour, false);
    if (has_national) bar(y + bar_h + gap, b.national, b.national_text, kNationalColour, !b.national);
  }
  o << "</svg>";
  return o.str();
}

std::string local_text(const LocalShare& s) {
  if (!s.n) return "ingen standarder at tælle";
  // Whole percent: with a handful of standards a decimal only suggests precision there is not.
  return pct(std::round(*s.percent())) + " (" + std::to_string(s.k) + " af " + std::to_string(s.n) + ")";
}

std::string national_text(const FigureValue& v, const Basis& b) {
  if (!v.percent) return v.text + " (N=" + std::to_string(b.n) + ")";
  std::string s = (v.approximate ? "ca. " : "") + pct(*v.percent);
  if (v.count)
    s += " (" + std::to_string(*v.count) + " af " + std::to_string(b.n) + ")";
  else if (!v.text.empty())
    s += " (" + v.text + ", N=" + std::to_string(b.n) + ")";
  else
    s += " (N=" + std::to_string(b.n) + ")";
  return s;
}

std::string figure_html(const CompareResult& r, const Figure& f, std::size_t index) {
  std::string id = "fig-" + f.id;
  const Basis& basis = *f.basis;
  int n_local = 0;
  std::vector<Bar> bars;
  std::string desc;
  std::ostringstream rows;
  for (const auto& v : f.values) {
    LocalShare s = local_share(r, f, v);
    n_local = s.n;
    Bar b{v.label, s.percent(), local_text(s), v.percent, national_text(v, basis)};
    desc += v.label + ": disse standarder " + b.local_text + "; landsplan " + b.national_text + ". ";
    rows << "<tr><th scope=\"row\">" << esc(v.label) << "</th><td>" << esc(b.local_text) << "</td><td>"
         << esc(b.national_text) << "</td><td>" << esc(v.lines) << "</td></tr>";
    bars.push_back(std::move(b));
  }
  std::string local_legend = "Disse standarder (n=" + std::to_string(n_local) +
                             (f.local_base == LocalBase::datobrev_users ? ", der bruger datobrev)" : ")");
  std::string national_legend = "Landsplan " + std::to_string(basis.year) + " (N=" + std::to_string(basis.n) + ")";
  std::ostringstream o;
  o << "<figure class=\"chart\" id=\"" << id << "\" aria-labelledby=\"" << id << "-h\">";
  o << "<h3 id=\"" << id << "-h\">" << index << ". " << esc(f.title) << "</h3>";
  if (!f.question.empty()) o << "<p class=\"question\">" << esc(f.question) << "</p>";
  o << bars_svg(id + "-svg", f.title, desc, bars, local_legend, national_legend);
  o << "<figcaption><strong>Landstal:</strong> " << esc(basis.name) << ", N=" << basis.n << " (" << basis.year << "; "
    << esc(basis.lines) << ").";
  if (f.local_base == LocalBase::datobrev_users)
    o << " Landstallet er andele af de kommuner, der sender datobrev; standardernes andel er derfor også kun "
         "regnet blandt de standarder, der bruger datobrev til mindst én målgruppe.";
  o << " <strong>Disse standarder:</strong> hver kommune tælles én gang, med sin nyeste standard.</figcaption>";
  o << "<details><summary>Tallene som tabel</summary><table class=\"data\"><caption class=\"sr-only\">" << esc(f.title)
    << "</caption><thead><tr><th scope=\"col\">Målgruppe / forhold</th><th scope=\"col\">Disse standarder</th>"
       "<th scope=\"col\">Landsplan</th><th scope=\"col\">Kilde (linje i evalueringen)</th></tr></thead><tbody>"
    << rows.str() << "</tbody></table></details>";
  o << "</figure>";
  return o.str();
}

// ---------------------------------------------------------------------------------------
// Matrix cells

std::string offer_cell(const GroupOffer& o, const StandardRow& row) {
  std::ostringstream c;
  int rank = o.offer == Offer::ja ? 0 : o.offer == Offer::delvis ? 1 : 2;
  std::string sort = std::to_string(rank) + " " + word_list(o.invitations);
  std::string groups;
  for (const auto& id : o.groups) {
    std::string t = id;
    for (const auto& g : row.groups)
      if (g.id == id && !g.title.empty()) t = g.title;
    groups += (groups.empty() ? "" : "; ") + t;
  }
  c << "<td class=\"grp\" data-sort=\"" << esc(sort) << "\"";
  if (!groups.empty()) c << " title=\"" << esc("Standardens målgrupper: " + groups) << "\"";
  c << ">";
  if (!groups.empty()) c << "<span class=\"sr-only\">" << esc("Standardens målgrupper: " + groups) << ". </span>";
  switch (o.offer) {
    case Offer::ja:
      c << "<span class=\"tag ok\"><span aria-hidden=\"true\">✓ </span>Tilbydes</span>";
      break;
    case Offer::delvis:
      c << "<span class=\"tag part\"><span aria-hidden=\"true\">◐ </span>Delvis</span>";
      break;
    case Offer::nej:
      // Under ældreloven there are no statutory groups: no group for them is a choice, not a gap.
      if (row.statutory_duties)
        c << "<span class=\"tag bad\"><span aria-hidden=\"true\">✗ </span>Mangler</span>";
      else
        c << "<span class=\"tag neutral wrap\">Ingen målgruppe</span>";
      break;
  }
  if (!o.invitations.empty()) {
    c << "<span class=\"inv\">";
    for (std::size_t i = 0; i < o.invitations.size(); ++i) {
      bool dated = o.invitations[i] == model::Invitation::datobrev;
      c << (i ? ", " : "") << (dated ? "<b>" : "") << esc(spoken(o.invitations[i])) << (dated ? "</b>" : "");
    }
    c << "</span>";
  } else if (o.offer != Offer::nej) {
    c << "<span class=\"inv muted\">invitation ikke angivet</span>";
  }
  if (!o.meetings.empty()) c << "<span class=\"mt\">" << soft(esc(spoken_list(o.meetings))) << "</span>";
  if (o.needs_alternative)
    c << (o.alternative ? "<span class=\"alt\">+ individuelt alternativ</span>"
                        : "<span class=\"alt bad-text\">intet individuelt alternativ</span>");
  c << "</td>";
  return c.str();
}

std::string yes_no_cell(bool yes, const char* yes_text = "Ja", const char* no_text = "Nej") {
  return std::string("<td data-sort=\"") + (yes ? "0" : "1") + "\"><span class=\"tag " + (yes ? "ok" : "bad") + "\">" +
         (yes ? yes_text : no_text) + "</span></td>";
}

std::string findings_cell(const StandardRow& row) {
  std::ostringstream c;
  c << "<td class=\"fund\" data-sort=\"" << row.fejl * 10000 + row.advarsel * 100 + row.raad << "\">";
  c << "<span class=\"count " << (row.fejl ? "sev-fejl" : "zero") << "\">" << row.fejl << " fejl</span>";
  c << "<span class=\"count " << (row.advarsel ? "sev-advarsel" : "zero") << "\">" << row.advarsel
    << (row.advarsel == 1 ? " advarsel" : " advarsler") << "</span>";
  c << "<span class=\"count " << (row.raad ? "sev-raad" : "zero") << "\">" << row.raad << " råd</span>";
  if (row.acknowledged) c << "<span class=\"count zero\">" << row.acknowledged << " anerkendt</span>";
  std::string rules;
  for (const auto& [rule, n] : row.rule_counts()) {
    bool serious = false;
    for (const auto& f : row.findings)
      if (f.rule == rule && !f.acknowledged && f.severity != Severity::raad) serious = true;
    if (!serious) continue;
    rules += (rules.empty() ? "" : ", ") + rule + (n > 1 ? "\u00a0×" + std::to_string(n) : "");
  }
  if (!rules.empty()) c << "<span class=\"rules\">" << esc(rules) << "</span>";
  c << "</td>";
  return c.str();
}

std::string exclusions_cell(const StandardRow& row) {
  int bad = 0, cond = 0, ok = 0, unjudged = 0;
  for (const auto& e : row.exclusions) {
    bad += e.legality == Legality::uden_hjemmel;
    cond += e.legality == Legality::betinget;
    ok += e.legality == Legality::lovlig;
    unjudged += e.legality == Legality::ikke_vurderet;
  }
  std::ostringstream c;
  c << "<td class=\"excl\" data-sort=\"" << bad * 100 + cond << "\">";
  if (row.exclusions.empty()) {
    c << "<span class=\"muted\">ingen</span></td>";
    return c.str();
  }
  if (bad) c << "<span class=\"tag bad\">" << bad << " uden hjemmel</span>";
  if (cond) c << "<span class=\"tag part\">" << cond << " betinget</span>";
  if (ok) c << "<span class=\"tag ok\">" << ok << " lovlig" << (ok > 1 ? "e" : "") << "</span>";
  if (unjudged) c << "<span class=\"tag neutral\">" << unjudged << " ikke vurderet</span>";
  bool fold = row.exclusions.size() > 2;
  if (fold) c << "<details><summary>" << row.exclusions.size() << " grunde</summary>";
  c << "<ul class=\"plain\">";
  for (const auto& e : row.exclusions) {
    std::string grounds;
    for (auto g : e.grounds) grounds += (grounds.empty() ? "" : " / ") + spoken(g);
    const char* cls = e.legality == Legality::uden_hjemmel ? "bad-text"
                      : e.legality == Legality::betinget   ? "part-text"
                                                           : "";
    c << "<li><span class=\"" << cls << "\">" << esc(grounds) << "</span>";
    if (e.legality != Legality::lovlig)
      c << " <span class=\"muted\">(" << legality_word(e.legality) << (e.acknowledged ? ", anerkendt" : "")
        << ")</span>";
    c << "</li>";
  }
  c << "</ul>" << (fold ? "</details>" : "") << "</td>";
  return c.str();
}

std::string risk_cell(const StandardRow& row) {
  std::ostringstream c;
  c << "<td class=\"risk\" data-sort=\"" << row.categories.size() << "\">";
  if (row.categories.empty()) {
    c << "<span class=\"tag bad\">Ingen nævnt</span></td>";
    return c.str();
  }
  std::string list;
  for (const auto& cat : row.categories) list += (list.empty() ? "" : ", ") + spoken(cat.category);
  if (row.categories.size() <= 4) {
    c << "<span class=\"num\">" << row.categories.size() << "</span> " << esc(list);
  } else {
    c << "<details><summary><span class=\"num\">" << row.categories.size() << "</span> kategorier</summary>"
      << esc(list) << "</details>";
  }
  c << "</td>";
  return c.str();
}

std::string period_cell(const StandardRow& row) {
  std::ostringstream c;
  c << "<td data-sort=\"" << (row.year ? std::to_string(*row.year) : "9999") << "\">";
  c << "<span class=\"strong\">" << esc(row.period_label()) << "</span>";
  if (row.approved)
    c << "<span class=\"sub\">godkendt " << row.approved->iso() << "</span>";
  else
    c << "<span class=\"sub part-text\">ingen godkendelses&shy;dato</span>";
  c << "<span class=\"law\" title=\"" << esc("Lov anvendt efter " + row.law_reason) << "\">";
  if (row.law_versions.empty()) c << "<span class=\"tag bad\">ingen lovversion</span>";
  for (const auto& v : row.law_versions) c << "<span class=\"lawv\">" << esc(v) << "</span>";
  c << "<span class=\"sr-only\">, valgt efter " << esc(row.law_basis) << "</span></span></td>";
  return c.str();
}

std::string purpose_cell(const StandardRow& row) {
  std::ostringstream c;
  int rank = row.purpose == Purpose::lokalt ? 0 : row.purpose == Purpose::som_loven ? 1 : 2;
  c << "<td data-sort=\"" << rank << "\">";
  switch (row.purpose) {
    case Purpose::lokalt:
      c << "<span class=\"tag ok\">Lokalt</span>";
      break;
    case Purpose::som_loven:
      c << "<span class=\"tag neutral\">Som loven</span>";
      break;
    case Purpose::mangler:
      c << "<span class=\"tag bad\">Mangler</span>";
      break;
  }
  if (!row.purpose_terms.empty()) c << "<span class=\"sub\">" << esc(join_list(row.purpose_terms, ", ")) << "</span>";
  c << "</td>";
  return c.str();
}

std::string described_cell(Described d) {
  const char* cls = d == Described::ja ? "ok" : d == Described::delvis ? "part" : "bad";
  const char* text = d == Described::ja ? "Ja" : d == Described::delvis ? "Delvis" : "Nej";
  return std::string("<td data-sort=\"") + std::to_string(static_cast<int>(d)) + "\"><span class=\"tag " + cls + "\">" +
         text + "</span></td>";
}

// ---------------------------------------------------------------------------------------

constexpr const char* kStyle = R"CSS(
:root{--ink:#1a1a1a;--muted:#575757;--line:#d0d4da;--head:#eef1f5;--blue:#1d4f91;--ok-bg:#e3f1e6;--ok:#1b5e2d;
--part-bg:#fff1c7;--part:#6b4a00;--bad-bg:#fbe4e2;--bad:#9b1c13;--neutral-bg:#eceef1;--neutral:#3d434b;--focus:#c25400}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff;line-height:1.45}
body{margin:0}
a{color:var(--blue)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.site{background:#14325c;color:#fff;padding:1.4rem 1.25rem 1.2rem}
header.site h1{margin:0 0 .3rem;font-size:1.6rem;font-weight:650;letter-spacing:-.01em}
header.site p{margin:.1rem 0;color:#dfe7f3;font-size:.95rem}
nav.toc{background:#f4f6f9;border-bottom:1px solid var(--line);padding:.5rem 1.25rem;position:sticky;top:0;z-index:5}
nav.toc ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1.4rem}
nav.toc a{text-decoration:none;font-weight:550;font-size:.95rem}
nav.toc a:hover{text-decoration:underline}
main{padding:0 1.25rem 2rem;max-width:1800px}
section{margin-top:2rem}
h2{font-size:1.3rem;margin:0 0 .5rem;border-bottom:2px solid var(--blue);padding-bottom:.25rem}
h3{font-size:1.02rem;margin:0 0 .2rem}
p.intro{max-width:70rem;margin:.3rem 0 .9rem}
.cards{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0 0;padding:0;list-style:none}
.cards li{border:1px solid var(--line);border-radius:6px;padding:.7rem 1.1rem;flex:1 1 0;min-width:9rem;max-width:18rem;background:#fafbfc}
.cards .big{display:block;font-size:1.7rem;font-weight:700;color:var(--blue);line-height:1.1}
.cards .lbl{font-size:.88rem;color:var(--muted)}
.controls{display:flex;flex-wrap:wrap;gap:.6rem 1.5rem;align-items:center;margin:.6rem 0 .8rem;padding:.6rem .8rem;background:#f4f6f9;border:1px solid var(--line);border-radius:6px}
.controls label{font-size:.92rem;font-weight:550}
.controls input[type=search]{font:inherit;padding:.3rem .5rem;border:1px solid #8a929c;border-radius:4px;min-width:20rem}
.controls select{font:inherit;padding:.25rem .4rem;border:1px solid #8a929c;border-radius:4px;max-width:18rem}
#count{margin-left:auto;font-size:.92rem;color:var(--muted)}
.legend-line{font-size:.85rem;color:var(--muted);margin:.2rem 0 .6rem}
.table-wrap{overflow:auto;border:1px solid var(--line);border-radius:6px;max-height:80vh;scrollbar-width:thin}
table.matrix{border-collapse:separate;border-spacing:0;font-size:.78rem;min-width:100%}
table.matrix caption{text-align:left;font-size:.85rem;color:var(--muted);padding:.4rem .6rem;caption-side:top}
table.matrix th,table.matrix td{border-bottom:1px solid var(--line);border-right:1px solid #e6e9ed;padding:.36rem .32rem;vertical-align:top;text-align:left}
table.matrix thead th{position:sticky;top:0;background:var(--head);z-index:2;font-weight:650;padding:0;vertical-align:bottom}
table.matrix thead button{font:inherit;font-weight:650;color:var(--ink);background:none;border:0;padding:.45rem .4rem;width:100%;text-align:left;cursor:pointer;display:flex;gap:.3rem;align-items:center}
table.matrix thead button:hover{background:#e1e6ee}
table.matrix thead button .arrow{color:var(--muted);font-size:.75rem}
table.matrix th[aria-sort=ascending] .arrow::after{content:"▲"}
table.matrix th[aria-sort=descending] .arrow::after{content:"▼"}
table.matrix th:not([aria-sort]) .arrow::after{content:"↕"}
table.matrix tbody th{position:sticky;left:0;background:#fff;z-index:1;min-width:7rem;font-weight:650;font-size:.84rem}
table.matrix tbody tr:nth-child(even) td,table.matrix tbody tr:nth-child(even) th{background:#f8f9fb}
table.matrix tbody tr:hover td,table.matrix tbody tr:hover th{background:#eef4fb}
td.grp{min-width:6.2rem}
td.fund{min-width:5.6rem}
td.excl{min-width:6.8rem}
td.risk{min-width:6.4rem;max-width:12rem}
.law{display:block;margin-top:.25rem;padding-top:.2rem;border-top:1px dotted var(--line)}
.sub{display:block;font-weight:400;color:var(--muted);font-size:.76rem;margin-top:.1rem}
.strong{font-weight:600}
.inv,.mt,.alt,.rules{display:block;margin-top:.15rem}
.mt{color:var(--muted)}
.alt{font-size:.74rem}
.rules{font-size:.72rem;color:var(--muted)}
.muted{color:var(--muted)}
.tag{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:.74rem;font-weight:650;margin:0 .2rem .15rem 0;white-space:nowrap}
.tag.wrap{white-space:normal}
.tag.ok{background:var(--ok-bg);color:var(--ok)}
.tag.part{background:var(--part-bg);color:var(--part)}
.tag.bad{background:var(--bad-bg);color:var(--bad)}
.tag.neutral{background:var(--neutral-bg);color:var(--neutral)}
.bad-text{color:var(--bad)}
.part-text{color:var(--part)}
.count{display:block;font-size:.76rem;white-space:nowrap}
.count.zero{color:var(--muted)}
.count.sev-fejl{color:var(--bad);font-weight:700}
.count.sev-advarsel{color:var(--part);font-weight:700}
.count.sev-raad{color:var(--blue);font-weight:600}
.lawv{display:block;white-space:nowrap;font-size:.7rem}
.num{font-weight:700}
ul.plain{list-style:none;margin:.15rem 0 0;padding:0}
ul.plain li{margin:0}
details summary{cursor:pointer;color:var(--blue)}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(600px,1fr));gap:1.2rem}
figure.chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;background:#fff}
figure.chart .question{margin:0 0 .4rem;font-size:.85rem;color:var(--muted)}
figure.chart svg{max-width:100%;height:auto;font-family:inherit}
figure.chart figcaption{font-size:.8rem;color:var(--muted);margin-top:.3rem}
figure.chart details{font-size:.82rem;margin-top:.4rem}
table.data{border-collapse:collapse;font-size:.85rem;margin:.4rem 0}
table.data th,table.data td{border:1px solid var(--line);padding:.3rem .55rem;text-align:left;vertical-align:top}
table.data thead th{background:var(--head)}
table.data td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.data code,.nowrap{white-space:nowrap}
.bar{display:inline-block;height:.7rem;background:var(--blue);vertical-align:middle;margin-right:.4rem}
.bar.fejl{background:var(--bad)}.bar.advarsel{background:#8a6100}
ol.changes{margin:.1rem 0 .4rem;padding-left:1.2rem}
.step{font-weight:650;margin-top:.2rem}
dl.defs{display:grid;grid-template-columns:14rem 1fr;gap:.35rem 1rem;max-width:75rem;font-size:.92rem}
dl.defs dt{font-weight:650}
dl.defs dd{margin:0}
footer{border-top:1px solid var(--line);padding:1rem 1.25rem 2rem;font-size:.85rem;color:var(--muted)}
@media print{nav.toc,.controls{display:none}.table-wrap{max-height:none;overflow:visible}}
)CSS";

constexpr const char* kScript = R"JS(
(function(){
  var table=document.getElementById('matrix-table');
  if(!table) return;
  var tbody=table.tBodies[0];
  var heads=Array.prototype.slice.call(table.tHead.rows[table.tHead.rows.length-1].cells);
  var coll=(window.Intl&&Intl.Collator)?new Intl.Collator('da',{numeric:true,sensitivity:'base'}):null;
  function key(row,i){var c=row.cells[i];return c.hasAttribute('data-sort')?c.getAttribute('data-sort'):c.textContent.trim();}
  heads.forEach(function(th,i){
    var b=th.querySelector('button'); if(!b) return;
    b.addEventListener('click',function(){
      var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
      heads.forEach(function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',dir);
      var numeric=b.getAttribute('data-type')==='num';
      var rows=Array.prototype.slice.call(tbody.rows);
      rows.sort(function(a,c){
        var x=key(a,i),y=key(c,i),r;
        if(numeric) r=parseFloat(x)-parseFloat(y); else r=coll?coll.compare(x,y):(x<y?-1:x>y?1:0);
        if(r===0) r=(+a.getAttribute('data-order'))-(+c.getAttribute('data-order'));
        return dir==='ascending'?r:-r;
      });
      rows.forEach(function(r){tbody.appendChild(r);});
      document.getElementById('sort-status').textContent='Sorteret efter '+b.textContent.replace(/[▲▼↕]/g,'').trim()+(dir==='ascending'?', stigende':', faldende');
    });
  });
  var q=document.getElementById('filter'),law=document.getElementById('f-law'),scheme=document.getElementById('f-scheme'),
      only=document.getElementById('f-fejl'),count=document.getElementById('count');
  function apply(){
    var text=(q.value||'').toLocaleLowerCase('da').trim(),n=0,total=tbody.rows.length;
    Array.prototype.forEach.call(tbody.rows,function(r){
      var show=(!text||r.textContent.toLocaleLowerCase('da').indexOf(text)>=0)
        &&(!law.value||r.getAttribute('data-law')===law.value)
        &&(!scheme.value||r.getAttribute('data-scheme')===scheme.value)
        &&(!only.checked||(+r.getAttribute('data-fejl'))>0);
      r.hidden=!show; if(show) n++;
    });
    count.textContent='Viser '+n+' af '+total+(total===1?' standard':' standarder');
  }
  [q,law,scheme,only].forEach(function(el){el.addEventListener('input',apply);el.addEventListener('change',apply);});
  apply();
})();
)JS";

}  // namespace

std::string report_html(const CompareResult& r, const NationalFigures& figures, const ReportInfo& info) {
  std::ostringstream o;
  std::set<std::string> municipalities;
  for (const auto& row : r.rows) municipalities.insert(row.municipality);
  std::size_t with_errors = 0, with_warnings = 0;
  for (const auto& row : r.rows) {
    with_errors += row.fejl > 0;
    with_warnings += row.advarsel > 0;
  }
  std::map<std::size_t, std::size_t> series_of;  // row → series index
  for (std::size_t s = 0; s < r.series.size(); ++s)
    for (auto i : r.series[s].rows) series_of[i] = s;

  o << "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       "<meta name=\"generator\" content=\"kvs "
    << esc(info.version) << "\">\n<title>Kvalitetsstandarder for forebyggende hjemmebesøg side om side</title>\n<style>"
    << kStyle << "</style>\n</head>\n<body>\n";
  o << "<a class=\"skip\" href=\"#matrix\">Spring til sammenligningen</a>\n";
  o << "<header class=\"site\"><h1>Kvalitetsstandarder for forebyggende hjemmebesøg side om side</h1>"
    << "<p>" << plural(r.rows.size(), "standard", "standarder") << " fra "
    << plural(municipalities.size(), "kommune", "kommuner");
  if (!r.skipped.empty()) o << " · " << plural(r.skipped.size(), "fil", "filer") << " sprunget over";
  o << " · dannet " << esc(info.generated) << " med kvs " << esc(info.version) << "</p>";
  o << "<p>Hver standard er bedømt efter den lov, der gjaldt på første dag i dens periode; standarder uden år eller "
       "periode efter "
    << (r.check_date_given ? "kontroldatoen " : "dags dato, ") << r.check_date.iso() << ".</p></header>\n";
  o << "<nav class=\"toc\" aria-label=\"Indhold\"><ul><li><a href=\"#overblik\">Overblik</a></li>"
       "<li><a href=\"#matrix\">Standarderne side om side</a></li><li><a href=\"#fordelinger\">Fordelinger og "
       "landstal</a></li>"
       "<li><a href=\"#tidsserier\">Udvikling over tid</a></li><li><a href=\"#fund\">Fund pr. regel</a></li>";
  if (!r.skipped.empty()) o << "<li><a href=\"#sprunget-over\">Filer sprunget over</a></li>";
  o << "<li><a href=\"#om\">Sådan læses tallene</a></li></ul></nav>\n<main>\n";

  // Overview
  const auto& latest = r.latest;
  std::size_t datobrev82 = 0;
  const StatutoryGroup* g82 = figures.find_group("82+");
  for (auto i : latest)
    if (const GroupOffer* of = g82 ? r.rows[i].offer(g82->id) : nullptr)
      datobrev82 += std::find(of->invitations.begin(), of->invitations.end(), model::Invitation::datobrev) !=
                    of->invitations.end();
  o << "<section id=\"overblik\" aria-labelledby=\"h-overblik\"><h2 id=\"h-overblik\">Overblik</h2><ul class=\"cards\">"
    << "<li><span class=\"big\">" << r.rows.size() << "</span><span class=\"lbl\">standarder fra "
    << plural(municipalities.size(), "kommune", "kommuner") << "</span></li>"
    << "<li><span class=\"big\">" << with_errors
    << "</span><span class=\"lbl\">med fejl (lovkrav ikke opfyldt)</span></li>"
    << "<li><span class=\"big\">" << with_warnings << "</span><span class=\"lbl\">med advarsler</span></li>";
  if (g82)
    o << "<li><span class=\"big\">" << datobrev82 << " af " << latest.size()
      << "</span><span class=\"lbl\">kommuner inviterer " << esc(g82->name) << " med datobrev</span></li>";
  o << "<li><span class=\"big\">" << r.series.size() << "</span><span class=\"lbl\">kommuner med flere år</span></li>";
  if (!r.skipped.empty())
    o << "<li><span class=\"big\">" << r.skipped.size()
      << "</span><span class=\"lbl\"><a href=\"#sprunget-over\">filer sprunget over</a></span></li>";
  o << "</ul></section>\n";

  // Matrix
  std::set<std::string> laws;
  for (const auto& row : r.rows) laws.insert(join_list(row.law_versions, " + "));
  o << "<section id=\"matrix\" aria-labelledby=\"h-matrix\"><h2 id=\"h-matrix\">Standarderne side om side</h2>"
       "<p class=\"intro\">Én række pr. standard, i dansk alfabetisk orden (Aabenraa, Aalborg og Aarhus står under Å). "
       "Klik på en kolonneoverskrift for at sortere, og brug filtrene for at finde bestemte standarder. For hver "
       "lovbestemt "
       "målgruppe vises, om standardens egne målgrupper når hele målgruppen (vurderet ud fra alder, betingelser og "
       "hyppighed, "
       "ikke ud fra ordene), hvordan borgerne inviteres, og hvordan de mødes. Hold musen over en celle for at se, "
       "hvilke af "
       "standardens målgrupper der dækker den.</p>";
  o << "<div class=\"controls\" role=\"search\" aria-label=\"Filtrér standarderne\">"
       "<label for=\"filter\">Søg</label><input type=\"search\" id=\"filter\" placeholder=\"kommune, invitationsform, "
       "regel …\">"
       "<label for=\"f-law\">Lovgrundlag</label><select id=\"f-law\"><option value=\"\">alle</option>";
  for (const auto& l : laws)
    o << "<option value=\"" << esc(l) << "\">" << esc(l.empty() ? "(ingen)" : l) << "</option>";
  o << "</select><label for=\"f-scheme\">Ordning</label><select id=\"f-scheme\"><option value=\"\">alle</option>";
  for (const auto& e : model::vocabulary<model::Scheme>())
    o << "<option value=\"" << esc(e.word) << "\">" << esc(e.label) << "</option>";
  o << "</select><label><input type=\"checkbox\" id=\"f-fejl\"> kun standarder med fejl</label>"
       "<span id=\"count\" aria-live=\"polite\"></span></div>";
  o << "<p class=\"legend-line\"><span class=\"tag ok\">✓ Tilbydes</span> hele målgruppen nås · "
       "<span class=\"tag part\">◐ Delvis</span> kun en del (fx en snævrere betingelse eller ét alderstrin) · "
       "<span class=\"tag bad\">✗ Mangler</span> ingen af standardens målgrupper · <span class=\"tag neutral\">Ingen "
       "målgruppe</span> det samme for en standard efter ældreloven, som ikke har faste målgrupper · <b>datobrev</b> "
       "er "
       "fremhævet</p>";
  o << "<p id=\"sort-status\" class=\"sr-only\" aria-live=\"polite\"></p>";
  o << "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"h-matrix\" tabindex=\"0\"><table class=\"matrix\" "
       "id=\"matrix-table\">"
       "<caption>"
    << plural(r.rows.size(), "standard", "standarder")
    << ". Kolonnerne svarer til dimensionerne i Sundhedsstyrelsens evaluering (2023).</caption><thead><tr>";
  auto head = [&](const std::string& label, bool numeric, const std::string& cls = "", bool sorted = false) {
    o << "<th scope=\"col\"" << (cls.empty() ? "" : " class=\"" + cls + "\"")
      << (sorted ? " aria-sort=\"ascending\"" : "") << "><button type=\"button\""
      << (numeric ? " data-type=\"num\"" : "") << ">" << label
      << "<span class=\"arrow\" aria-hidden=\"true\"></span></button></th>";
  };
  head("Kommune", true, "", true);
  head("Periode og lov", true);
  for (const auto& g : figures.groups) head(esc(g.short_name), false, "grouphead");
  head("Risiko&shy;grupper", true);
  head("Undtagel&shy;ser", true);
  head("Opfølg&shy;ning", true);
  head("Kompe&shy;tencer", true);
  head("Formål", true);
  head("Fund", true);
  o << "</tr></thead><tbody>";
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const StandardRow& row = r.rows[i];
    o << "<tr id=\"std-" << i + 1 << "\" data-order=\"" << i << "\" data-law=\""
      << esc(join_list(row.law_versions, " + ")) << "\" data-scheme=\"" << esc(model::word_of(row.scheme))
      << "\" data-fejl=\"" << row.fejl << "\">";
    o << "<th scope=\"row\" data-sort=\"" << i << "\">" << esc(row.municipality) << "<span class=\"sub\">"
      << esc(row.display_path) << "</span>";
    if (row.scheme == model::Scheme::opsoegende_forebyggelse) o << "<span class=\"sub\">opsøgende forebyggelse</span>";
    if (auto it = series_of.find(i); it != series_of.end())
      o << "<span class=\"sub\"><a href=\"#ts-" << it->second + 1 << "\">se udviklingen</a></span>";
    o << "</th>";
    o << period_cell(row);
    for (const auto& g : figures.groups) {
      const GroupOffer* of = row.offer(g.id);
      if (of)
        o << offer_cell(*of, row);
      else
        o << "<td></td>";
    }
    o << risk_cell(row) << exclusions_cell(row) << yes_no_cell(row.follow_up) << described_cell(row.competences)
      << purpose_cell(row) << findings_cell(row);
    o << "</tr>";
  }
  o << "</tbody></table></div></section>\n";

  // Distributions
  o << "<section id=\"fordelinger\" aria-labelledby=\"h-fordelinger\"><h2 id=\"h-fordelinger\">Fordelinger og "
       "landstal</h2>"
       "<p class=\"intro\">De blå søjler er de sammenlignede standarder: hver kommune tælles én gang, med sin nyeste "
       "standard ("
    << plural(latest.size(), "kommune", "kommuner") << "). De grå søjler er landstallene fra " << esc(figures.source)
    << " med deres nævner (N) og år. Landstallene fra spørgeskemaet er kommunernes egne svar om praksis; standarderne "
       "er det, "
       "kommunerne har skrevet. En forskel kan derfor både betyde en anden praksis og en standard, der ikke beskriver "
       "praksis.</p>"
       "<div class=\"charts\">";
  for (std::size_t i = 0; i < figures.figures.size(); ++i) o << figure_html(r, figures.figures[i], i + 1);
  o << "</div></section>\n";

  // Time series
  o << "<section id=\"tidsserier\" aria-labelledby=\"h-tidsserier\"><h2 id=\"h-tidsserier\">Udvikling over tid</h2>";
  if (r.series.empty()) {
    o << "<p class=\"intro\">Ingen kommune har mere end én standard blandt de sammenlignede filer. Læg flere års "
         "standarder "
         "for samme kommune i mappen for at se, hvad der har ændret sig.</p>";
  } else {
    o << "<p class=\"intro\">Kommuner med standarder fra flere år, én linje pr. kommune, med hvad der har ændret sig "
         "fra år "
         "til år (sammenlignet på indholdet, ikke på ordlyden).</p>"
         "<table class=\"data\"><caption class=\"sr-only\">Ændringer pr. kommune</caption><thead><tr>"
         "<th scope=\"col\">Kommune</th><th scope=\"col\">Standarder</th><th scope=\"col\">Hvad ændrede "
         "sig</th></tr></thead><tbody>";
    for (std::size_t s = 0; s < r.series.size(); ++s) {
      const Series& se = r.series[s];
      o << "<tr id=\"ts-" << s + 1 << "\"><th scope=\"row\">" << esc(se.municipality) << "</th><td class=\"nowrap\">";
      for (std::size_t k = 0; k < se.rows.size(); ++k)
        o << (k ? " → " : "") << "<a href=\"#std-" << se.rows[k] + 1 << "\">" << esc(r.rows[se.rows[k]].period_label())
          << "</a>";
      o << "</td><td>";
      for (std::size_t k = 0; k < se.steps.size(); ++k) {
        o << "<div class=\"step\">" << esc(r.rows[se.rows[k]].period_label()) << " → "
          << esc(r.rows[se.rows[k + 1]].period_label()) << "</div>";
        if (se.steps[k].empty()) {
          o << "<p class=\"muted\">ingen ændringer i de sammenlignede forhold</p>";
          continue;
        }
        o << "<ol class=\"changes\">";
        for (const auto& c : se.steps[k]) o << "<li><b>" << esc(c.dimension) << ":</b> " << esc(c.summary) << "</li>";
        o << "</ol>";
      }
      o << "</td></tr>";
    }
    o << "</tbody></table>";
  }
  o << "</section>\n";

  // Findings by rule
  struct RuleStat {
    std::set<std::size_t> rows;
    int findings = 0;
    Severity worst = Severity::raad;
  };
  std::map<std::string, RuleStat> stats;
  for (std::size_t i = 0; i < r.rows.size(); ++i)
    for (const auto& f : r.rows[i].findings) {
      if (f.acknowledged) continue;
      auto& s = stats[f.rule];
      s.rows.insert(i);
      ++s.findings;
      if (f.severity < s.worst) s.worst = f.severity;
    }
  std::vector<std::pair<std::string, RuleStat>> ordered(stats.begin(), stats.end());
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    if (a.second.worst != b.second.worst) return a.second.worst < b.second.worst;
    return a.second.rows.size() > b.second.rows.size();
  });
  o << "<section id=\"fund\" aria-labelledby=\"h-fund\"><h2 id=\"h-fund\">Fund pr. regel</h2>"
       "<p class=\"intro\">Hvor mange standarder hver regel har fundet noget i (anerkendte fund er ikke talt med). "
       "Alle fund står i <code>fund.csv</code> og i tabellen <code>findings</code> i <code>kvs.sqlite</code>.</p>";
  if (ordered.empty()) {
    o << "<p>Ingen fund.</p>";
  } else {
    o << "<table class=\"data\"><caption class=\"sr-only\">Fund pr. regel</caption><thead><tr><th "
         "scope=\"col\">Regel</th>"
         "<th scope=\"col\">Hvad den kontrollerer</th><th scope=\"col\">Alvor</th><th scope=\"col\">Standarder med "
         "fund</th>"
         "<th scope=\"col\">Fund i alt</th><th scope=\"col\">Kommuner</th></tr></thead><tbody>";
    for (const auto& [rule, s] : ordered) {
      const checks::Rule* rr = checks::find_rule(rule);
      std::string sev = severity_word(s.worst);
      std::string names;
      for (auto i : s.rows)
        names += (names.empty() ? "" : ", ") + r.rows[i].municipality + " " + r.rows[i].period_label();
      int width = r.rows.empty() ? 0 : static_cast<int>(std::lround(120.0 * s.rows.size() / r.rows.size()));
      o << "<tr><th scope=\"row\"><code>" << esc(rule) << "</code></th><td>" << (rr ? esc(rr->title) : "")
        << "</td><td>"
        << "<span class=\"tag "
        << (s.worst == Severity::fejl       ? "bad"
            : s.worst == Severity::advarsel ? "part"
                                            : "neutral")
        << "\">" << esc(sev) << "</span></td><td class=\"n\"><span class=\"bar "
        << (s.worst == Severity::fejl       ? "fejl"
            : s.worst == Severity::advarsel ? "advarsel"
                                            : "")
        << "\" style=\"width:" << std::max(width, 2) << "px\" aria-hidden=\"true\"></span>" << s.rows.size() << " af "
        << r.rows.size() << "</td><td class=\"n\">" << s.findings << "</td><td>" << esc(names) << "</td></tr>";
    }
    o << "</tbody></table>";
  }
  o << "</section>\n";

  // Skipped
  if (!r.skipped.empty()) {
    o << "<section id=\"sprunget-over\" aria-labelledby=\"h-skip\"><h2 id=\"h-skip\">Filer, der ikke kunne "
         "sammenlignes</h2>"
         "<p class=\"intro\">Disse filer har fejl i sproget eller kunne ikke læses, så deres indhold kan ikke "
         "sammenlignes. "
         "Ret dem med <code>kvs check FIL</code> og kør sammenligningen igen. Alle deres fejl står i "
         "<code>fund.csv</code>.</p>"
         "<table class=\"data\"><caption class=\"sr-only\">Filer sprunget over</caption><thead><tr><th "
         "scope=\"col\">Fil</th>"
         "<th scope=\"col\">Første fejl</th><th scope=\"col\">Fejl i alt</th></tr></thead><tbody>";
    for (const auto& s : r.skipped) {
      int errors = 0;
      for (const auto& d : s.diagnostics) errors += d.severity == Severity::fejl;
      o << "<tr><th scope=\"row\"><code>" << esc(s.path) << "</code></th><td>" << esc(s.reason)
        << "</td><td class=\"n\">" << errors << "</td></tr>";
    }
    o << "</tbody></table></section>\n";
  }

  // Definitions
  o << "<section id=\"om\" aria-labelledby=\"h-om\"><h2 id=\"h-om\">Sådan læses tallene</h2><dl class=\"defs\">"
       "<dt>Lovbestemte målgrupper</dt><dd>De målgrupper, evalueringen opgør efter, som de står i "
    << esc(figures.law_version)
    << " (checks/law/). En standards egne målgrupper tælles med, når deres alder og betingelser rammer målgruppen: "
       "“fra 80 år, årligt” dækker 82+, “fylder 75 og 80” dækker både 75 og 80, og en målgruppe “bor alene” dækker "
       "ikke alle "
       "75-årige. <i>Delvis</i> betyder, at kun en del af målgruppen nås (fx kun det år, de fylder 82, eller en "
       "snævrere "
       "betingelse som mistet ægtefælle).</dd>"
       "<dt>Invitation og mødeform</dt><dd>Samlet over de af standardens målgrupper, der dækker den lovbestemte "
       "målgruppe. "
       "<i>Individuelt alternativ</i>: målgrupper, der mødes på anden måde end ved hjemmebesøg (fx informationsmøde "
       "eller "
       "seniormesse), skal have tilbud om et individuelt hjemmebesøg (bekendtgørelse nr. 716/2019 § 2); det står i "
       "målgruppens celle (“+ individuelt alternativ” eller “intet individuelt alternativ”).</dd>"
       "<dt>Risikogrupper</dt><dd>Standardens risikogrupper og de betingelser på dens målgrupper, der er risikogrupper "
       "(mistet ægtefælle, ægtefælle flyttet i plejebolig, tilflytter), samlet i sprogets faste kategorier.</dd>"
       "<dt>Undtagelser</dt><dd>Vurderet af kontrollen (regel <code>undtagelse-hjemmel</code>) efter den lov, der blev "
       "anvendt: "
       "<i>uden hjemmel</i> er en fejl, <i>betinget</i> er kun lovlig, for så vidt borgerne også modtager både "
       "personlig pleje "
       "og praktisk hjælp; under ældreloven er der ingen lovbestemte målgrupper og derfor intet at vurdere.</dd>"
       "<dt>Formål</dt><dd>En <b>heuristik</b> over teksten og den eneste kolonne, der læser prosa: formålet regnes "
       "som "
       "<i>lokalt</i>, når det nævner kommunens navn eller et af de lokale fokusområder, evalueringen fandt ("
    << esc(figures.purpose_lines) << "; søgeordene: " << esc(join_list(figures.local_focus_terms, ", "))
    << "); ellers som lovens standardformulering. Søgeordene står i checks/national_figures.xml.</dd>"
       "<dt>Fund</dt><dd>Kontrollens fund efter sværhed; anerkendte fund (med begrundelse i standarden) tælles for "
       "sig. "
       "Reglerne er beskrevet i docs/rules.md.</dd>"
       "<dt>Landstal</dt><dd>Fra checks/national_figures.xml, hvert tal med nævner, år og linje i evalueringen. Tal, "
       "kilden kun "
       "angiver med ord (“under halvdelen”), vises som ord.</dd></dl></section>\n";

  o << "</main>\n<footer><p>Dannet af <code>kvs compare</code> " << esc(info.version) << " den " << esc(info.generated)
    << ". Samme data: <code>standarder.csv</code> (én række pr. standard), <code>fund.csv</code> (én række pr. fund) "
       "og "
       "<code>kvs.sqlite</code> (skema i docs/compare.md). Landstal: "
    << esc(figures.source) << ".</p></footer>\n";
  o << "<script>" << kScript << "</script>\n</body>\n</html>\n";
  return o.str();
}

}  // namespace kvs::compare
