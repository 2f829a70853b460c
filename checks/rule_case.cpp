#include "rule_case.hpp"

#include <fstream>
#include <sstream>

namespace kvs::checks {

std::optional<Severity> severity_from_word(std::string_view w) {
  if (w == "fejl") return Severity::fejl;
  if (w == "advarsel") return Severity::advarsel;
  if (w == "råd" || w == "raad") return Severity::raad;
  return std::nullopt;
}

std::optional<RuleCase> read_rule_case(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  RuleCase c;
  c.path = path;
  c.text = ss.str();
  std::istringstream lines(c.text);
  int n = 0;
  for (std::string line; std::getline(lines, line);) {
    ++n;
    if (line.rfind("# dato:", 0) == 0) {
      std::istringstream v(line.substr(7));
      std::string d;
      v >> d;
      c.date = Date::parse(d);
      if (!c.date && error) *error += path + ":" + std::to_string(n) + ": ugyldig dato '" + d + "'\n";
    } else if (line.rfind("# forventet:", 0) == 0) {
      std::istringstream v(line.substr(12));
      std::string sev;
      int at = 0;
      v >> sev >> at;
      auto s = severity_from_word(sev);
      if (!s || at <= 0) {
        if (error) *error += path + ":" + std::to_string(n) + ": skriv  # forventet: fejl|advarsel|råd LINJE\n";
        continue;
      }
      c.expected.push_back({*s, at});
    }
  }
  return c;
}

}  // namespace kvs::checks
