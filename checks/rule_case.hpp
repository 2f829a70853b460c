// A rule test case (tests/checks/<rule-id>/{ok,fejl}.kvs): a small .kvs file whose comment
// lines state the check date and the findings expected of that rule, so the file documents
// itself and docs/rules.md can show it as the rule's example:
//
//   # dato: 2024-06-01          (only for a standard without år/periode)
//   # forventet: fejl 12        (a finding of the rule, its severity and line; repeatable)
//
// An ok.kvs file expects no finding of its rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date.hpp"
#include "diagnostic.hpp"

namespace kvs::checks {

struct ExpectedFinding {
  Severity severity = Severity::fejl;
  int line = 0;
};

struct RuleCase {
  std::string path;
  std::string text;
  std::optional<Date> date;
  std::vector<ExpectedFinding> expected;
};

/// Reads a case file; nullopt if it cannot be read. Malformed header lines are reported in `error`.
std::optional<RuleCase> read_rule_case(const std::string& path, std::string* error = nullptr);

/// Severity from its Danish word ("fejl", "advarsel", "råd"/"raad").
std::optional<Severity> severity_from_word(std::string_view w);

}  // namespace kvs::checks
