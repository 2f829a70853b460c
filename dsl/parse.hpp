// The front end's whole interface: source text in, syntax tree out, syntax errors to
// the sink. Nothing here mentions Spirit; the grammar lives in statement_grammar.cpp.
#pragma once

#include "ast.hpp"
#include "diagnostic.hpp"
#include "source_file.hpp"

namespace kvs::dsl {

/// Deepest block nesting accepted (docs/limits.md); the language needs three levels.
inline constexpr int kMaxNesting = 16;

/// Parses a whole file. Always returns a tree — on syntax errors a partial one, with one
/// diagnostic per bad statement — so later phases can still report what they can.
ast::Document parse(const SourceFile& file, DiagnosticSink& sink);

}  // namespace kvs::dsl
