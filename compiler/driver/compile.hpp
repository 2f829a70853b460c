// One standard through the front half of the pipeline: read → parse → lower. Shared by
// every subcommand, so `check`, `fmt`, `render` and `compare` see a file the same way.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "ast.hpp"
#include "diagnostic.hpp"
#include "source_loader.hpp"
#include "standard.hpp"

namespace kvs {

struct Compilation {
  std::shared_ptr<SourceFile> file;          ///< shared with the diagnostics that quote it
  std::optional<ast::Document> syntax;       ///< set when the file could be read
  std::optional<model::Standard> model;      ///< set when the syntax tree could be lowered
  bool io_error = false;                     ///< unreadable file or invalid encoding
  bool syntax_errors = false;
};

/// Runs read, parse and (unless the syntax had errors and `lower_on_syntax_error` is
/// false) lowering; every diagnostic goes to `sink`.
Compilation compile_file(const std::string& path, DiagnosticSink& sink, bool lower_on_syntax_error = true);
Compilation compile_text(const std::string& name, std::string_view text, DiagnosticSink& sink,
                         bool lower_on_syntax_error = true);

}  // namespace kvs
