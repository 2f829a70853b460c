// The change report as text (for the terminal and e-mail) and JSON (for tools).
// The HTML and DOCX "ændringsoversigt" go through the document renderers.
#pragma once

#include <string>

#include "model_diff.hpp"

namespace kvs::diff {

std::string to_text(const StandardDiff& d, const SourceFile& old_file, const SourceFile& new_file);
std::string to_json(const StandardDiff& d, const SourceFile& old_file, const SourceFile& new_file);

}  // namespace kvs::diff
