// `kvs fmt`: the canonical layout of a .kvs file, so that year-to-year diffs show only
// real changes. Works on the syntax tree (comments and blank lines are kept); it never
// reorders statements, since the order of sections is the document's order.
// Guarantees (tested): format(format(x)) == format(x), and the model of format(x)
// equals the model of x.
#pragma once

#include <string>

#include "ast.hpp"

namespace kvs::fmt {

std::string format(const ast::Document& doc);

}  // namespace kvs::fmt
