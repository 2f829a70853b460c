// The change report as a document (ændringsoversigt) for the council's agenda: built as
// the same document model the standards are rendered from, so it goes through the same
// HTML and DOCX renderers and templates.
#pragma once

#include "document.hpp"
#include "model_diff.hpp"

namespace kvs::diff {

render::Document change_document(const StandardDiff& d, const model::Standard& old_s, const SourceFile& old_file,
                                 const model::Standard& new_s, const SourceFile& new_file);

}  // namespace kvs::diff
