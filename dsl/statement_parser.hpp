// The X3-free interface to the statement grammar. The parse driver (parse.cpp) walks a
// file line by line and calls parse_statement for each statement, so one bad line gives
// one diagnostic and parsing goes on with the next line: a writer sees every syntax
// error of a file in one run.
#pragma once

#include <cstdint>
#include <string>

#include "ast.hpp"

namespace kvs::dsl {

struct StatementResult {
  enum class Kind { field, block_open, block_close, error };
  Kind kind = Kind::error;
  ast::Field field;       ///< for Kind::field
  ast::Block block;       ///< for Kind::block_open: header only (kind, id, title)
  /// Offset just after the statement (before any trailing comment and the line end).
  std::uint32_t end = 0;
  // For Kind::error:
  std::uint32_t error_at = 0;  ///< where the parser stopped
  std::string expected;        ///< grammar name of what was expected there (see parse.cpp)
  std::uint32_t context_at = 0;  ///< e.g. where an unterminated string or prose began
};

/// Parses one statement of `text` starting at `begin` (the first non-blank character of
/// a line that is neither blank nor a comment line).
StatementResult parse_statement(const std::string& text, std::uint32_t begin);

}  // namespace kvs::dsl
