// Lowering: the AST of one file → the semantic model of one standard. Resolves
// references (group ids in exclusions, releases in acknowledgements) and rejects what
// cannot be meant (age 250, the range 81–65, an undefined group, a field given twice),
// reporting every problem it finds rather than stopping at the first.
#pragma once

#include <optional>

#include "ast.hpp"
#include "diagnostic.hpp"
#include "standard.hpp"

namespace kvs::model {

/// The model, as complete as the errors allow; check sink.has_errors() before trusting it.
/// `partial`: the tree comes from a file with syntax errors (see LowerContext::partial).
Standard lower(const SourceFile& file, const ast::Document& doc, DiagnosticSink& sink, bool partial = false);

/// The prose fields a standard may have at top level, in the order a template would
/// place them if the writer gives no order; each is rendered with a fixed heading.
const std::vector<std::string_view>& prose_field_keys();

}  // namespace kvs::model
