// The rule catalogue: every rule the checker reports, one row each, like ninja's tool
// table — id (stable, from rules.md), Danish title, default severity, where its legal or
// evidential source is found in the data, what it checks, and the function that runs it.
// docs/rules.md is generated from this table and the law data (`kvs rules --format markdown`).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "diagnostic.hpp"

namespace kvs::checks {

struct CheckContext;
class Reporter;

enum class RuleKind {
  legal,   ///< judged against the law version applied (rules.md, "Legal rules")
  advice,  ///< best practice from the national evaluation (råd)
  meta     ///< about the check itself: acknowledgements, missing law versions
};

/// Where the source of a rule's findings is found in the law data.
enum class SourceKind {
  duty,        ///< a <pligt regel="id">
  content,     ///< an <indholdskrav regel="id">
  exclusion,   ///< <tilladt-undtagelse> / <betinget-undtagelse>
  citation,    ///< <hjemmel>, <aendringslov>, <afloeser>, <ophaever>
  versions,    ///< the versions' i-kraft / ophoerer
  advice,      ///< checks/advice.xml (evidence in the national evaluation)
  none
};

struct Rule {
  std::string_view id;
  std::string_view title;     ///< Danish, short
  Severity severity;          ///< the usual severity of its findings
  RuleKind kind;
  SourceKind source;
  std::string_view what;      ///< Danish: what it checks (for docs/rules.md)
  std::string_view severity_note;  ///< when some findings get another severity, and why
  void (*run)(const CheckContext&, Reporter&);  ///< null for meta rules
};

/// Every rule in catalogue order.
std::span<const Rule> rule_table();
/// The rule with this id, or null.
const Rule* find_rule(std::string_view id);

}  // namespace kvs::checks
