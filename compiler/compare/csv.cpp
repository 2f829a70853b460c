// standarder.csv (one row per standard) and fund.csv (one row per finding). Semicolon-separated
// UTF-8 with a byte-order mark, so Danish Excel opens them directly with æ, ø and å intact;
// fields are quoted as RFC 4180 describes. The columns are documented in docs/compare.md §3.
#include "csv.hpp"

#include <sstream>
#include <string_view>

#include "compare.hpp"

namespace kvs::compare {

namespace {

// One pass over the field (find_first_of with a set of four searched the set once per
// character: a fifth of writing the CSV files), appended in place.
void append_field(std::string& out, std::string_view s) {
  bool quote = !s.empty() && (s.front() == ' ' || s.back() == ' ');
  for (std::size_t i = 0; !quote && i < s.size(); ++i) {
    const char c = s[i];
    quote = c == ';' || c == '"' || c == '\n' || c == '\r';
  }
  if (!quote) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

/// One CSV line of `fields` (strings or string views) appended to `out`.
template <class Fields>
void append_line(std::string& out, const Fields& fields) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out += ';';
    first = false;
    append_field(out, field);
  }
  out += '\n';
}

}  // namespace

std::string csv_field(const std::string& s) {
  std::string out;
  append_field(out, s);
  return out;
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string line;
  append_line(line, fields);
  return line;
}

std::string column_prefix(const StatutoryGroup& g) {
  std::string s = "mg_";
  for (char c : g.id) {
    if (c == '+')
      s += "plus";
    else if (c == '-' || c == ' ')
      s += '_';
    else
      s += c;
  }
  return s;
}

std::string join_list(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

std::string exclusions_text(const StandardRow& r) {
  std::string s;
  for (const auto& e : r.exclusions) {
    std::string grounds;
    for (auto g : e.grounds) grounds += (grounds.empty() ? "" : " + ") + std::string(model::word_of(g));
    s += (s.empty() ? "" : ", ") + grounds + " (" + legality_word(e.legality) + (e.acknowledged ? ", anerkendt" : "") +
         ")";
  }
  return s;
}

std::string rules_text(const StandardRow& r) {
  std::string s;
  for (const auto& [rule, n] : r.rule_counts())
    s += (s.empty() ? "" : ", ") + rule + (n > 1 ? " ×" + std::to_string(n) : "");
  return s;
}

std::string alternative_word(const GroupOffer& o) {
  return o.needs_alternative ? (o.alternative ? "ja" : "nej") : "ikke relevant";
}

std::string standards_csv(const CompareResult& r, const NationalFigures& figures) {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::string> head = {"fil",      "kommune",     "aar",        "periode",        "ordning",
                                   "godkendt", "godkendt_af", "lovversion", "lov_valgt_efter"};
  for (const auto& g : figures.groups)
    for (const char* c : {"_tilbud", "_grupper", "_invitation", "_moedeform", "_alternativ"})
      head.push_back(column_prefix(g) + c);
  for (const char* c :
       {"individuelt_alternativ", "risikokategorier", "antal_risikokategorier", "undtagelser",
        "undtagelser_uden_hjemmel", "undtagelser_betingede", "opfoelgning", "kompetencer", "selvhenvendelse", "formaal",
        "formaal_lokale_ord", "fejl", "advarsel", "raad", "anerkendte", "regler"})
    head.push_back(c);
  out += csv_line(head);
  for (const auto& row : r.rows) {
    std::vector<std::string> f = {
        row.display_path,
        row.municipality,
        row.year ? std::to_string(*row.year) : "",
        row.period_start && row.period_end ? row.period_start->iso() + " til " + row.period_end->iso() : "",
        std::string(model::word_of(row.scheme)),
        row.approved ? row.approved->iso() : "",
        row.approved_by,
        join_list(row.law_versions, " + "),
        row.law_basis};
    for (const auto& g : figures.groups) {
      const GroupOffer* o = row.offer(g.id);
      f.push_back(o ? offer_word(o->offer) : "");
      f.push_back(o ? join_list(o->groups, ", ") : "");
      f.push_back(o ? word_list(o->invitations) : "");
      f.push_back(o ? word_list(o->meetings) : "");
      f.push_back(o ? alternative_word(*o) : "");
    }
    std::vector<std::string> cats;
    for (const auto& c : row.categories) cats.emplace_back(model::word_of(c.category));
    int unlawful = 0, conditional = 0;
    for (const auto& e : row.exclusions) {
      unlawful += e.legality == Legality::uden_hjemmel;
      conditional += e.legality == Legality::betinget;
    }
    f.push_back(row.individual_alternative);
    f.push_back(join_list(cats, ", "));
    f.push_back(std::to_string(cats.size()));
    f.push_back(exclusions_text(row));
    f.push_back(std::to_string(unlawful));
    f.push_back(std::to_string(conditional));
    f.push_back(row.follow_up ? "ja" : "nej");
    f.push_back(described_word(row.competences));
    f.push_back(row.self_referral ? "ja" : "nej");
    f.push_back(purpose_word(row.purpose));
    f.push_back(join_list(row.purpose_terms, ", "));
    f.push_back(std::to_string(row.fejl));
    f.push_back(std::to_string(row.advarsel));
    f.push_back(std::to_string(row.raad));
    f.push_back(std::to_string(row.acknowledged));
    f.push_back(rules_text(row));
    out += csv_line(f);
  }
  return out;
}

std::string findings_csv(const CompareResult& r) {
  std::string out = "\xEF\xBB\xBF";
  out += csv_line({"fil", "kommune", "aar", "status", "regel", "alvor", "linje", "kolonne", "besked", "lovkilde",
                   "lovversion", "anerkendt", "begrundelse"});
  // Written field by field: a line per finding, thousands of them in a national run.
  auto emit = [&](const std::string& path, const std::string& municipality, const std::string& year,
                  const std::string& status, const Finding& f) {
    const std::string line = f.line ? std::to_string(f.line) : "", column = f.column ? std::to_string(f.column) : "";
    const std::string_view fields[] = {path,      municipality,  year,       status,
                                       f.rule,    severity_word(f.severity), line, column,
                                       f.message, f.citation,    f.law_version, f.acknowledged ? "ja" : "nej",
                                       f.acknowledgement};
    append_line(out, fields);
  };
  const std::string compared = "sammenlignet", skipped = "sprunget over", none;
  for (const auto& row : r.rows)
    for (const auto& f : row.findings)
      emit(row.display_path, row.municipality, row.year ? std::to_string(*row.year) : "", compared, f);
  for (const auto& s : r.skipped)
    for (const auto& f : s.diagnostics) emit(s.path, none, none, skipped, f);
  return out;
}

}  // namespace kvs::compare
