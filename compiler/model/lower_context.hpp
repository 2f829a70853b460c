// Shared state of the lowering pass (AST → model): the file being lowered, the sink,
// and small helpers to report a diagnostic at an AST node.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "diagnostic.hpp"

namespace kvs::model {

struct LowerContext {
  const SourceFile& file;
  DiagnosticSink& sink;
  /// The tree is partial (the file had syntax errors): what seems missing may just be
  /// on a line that did not parse, so "missing" diagnostics are not reported.
  bool partial = false;

  Diagnostic& error(SourceRange where, std::string code, std::string message) {
    return sink.error(file, where, std::move(code), std::move(message));
  }
};

/// A field name a block accepts, and whether it may appear more than once.
struct FieldSpec {
  std::string_view key;
  bool repeatable = false;
};

/// Checks the field and block names of one block against what it accepts: reports
/// unknown names (with "mente du …?") and fields given twice. Each accepted item is
/// then lowered by the caller.
class NameChecker {
 public:
  NameChecker(LowerContext& cx, std::string owner, std::vector<FieldSpec> fields,
              std::vector<std::string_view> blocks);
  /// True if the field should be lowered (known and not a duplicate).
  bool accept(const ast::Field& f);
  /// True if the block should be lowered (known kind, not recovered from a syntax error).
  bool accept(const ast::Block& b);
  /// Report required fields that did not appear.
  void require(std::string_view key, SourceRange where, std::string example);
  bool seen(std::string_view key) const;

 private:
  std::vector<std::string> candidates() const;
  std::optional<std::string> suggestion(const std::string& name) const;
  LowerContext& cx_;
  std::string owner_;
  std::vector<FieldSpec> fields_;
  std::vector<std::string_view> blocks_;
  std::vector<std::pair<std::string, SourceRange>> seen_;
};

}  // namespace kvs::model
