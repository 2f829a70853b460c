// Document → CommonMark (for the benchmark and for review in plain text). Prose is printed
// back by cmark from the same tree the other renderers use; tables become pipe tables.
#pragma once

#include <string>

#include "document.hpp"

namespace kvs::render {

std::string to_markdown(const Document& doc);

}  // namespace kvs::render
