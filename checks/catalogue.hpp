// The rule catalogue for people: `kvs rules` (text) and docs/rules.md (Markdown), generated
// from the rule table, the law data and the advice data, so a lawyer can review every rule
// and its legal source without reading C++. Each rule's example is its failing test case
// (tests/checks/<rule-id>/fejl.kvs) with the findings the checker actually gives for it.
#pragma once

#include <string>

#include "check.hpp"

namespace kvs::checks {

/// One rule per line with severity, title and source (for a terminal).
std::string catalogue_text(const CheckData& data);
/// docs/rules.md. `examples_dir` holds <rule-id>/fejl.kvs; paths in the output are shown
/// relative to `shown_root`.
std::string catalogue_markdown(const CheckData& data, const std::string& examples_dir, const std::string& shown_root);

/// The sources of a rule in the law data, one line per law version (newest first).
std::vector<std::string> rule_sources(const CheckData& data, const Rule& rule);

}  // namespace kvs::checks
