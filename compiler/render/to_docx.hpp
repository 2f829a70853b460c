// Document → Word (DOCX): OOXML written with pugixml and packaged with libzip.
// Real Heading styles (Overskrift 1–4) from templates/docx/word/styles.xml, table header
// rows repeated on every page, language da-DK, title/author/keywords in
// docProps/core.xml and the source's SHA-256 and the kvs version as custom properties.
// Prose is written by walking the same cmark tree the HTML renderer renders.
// Entry order and timestamps are fixed, so the same input gives the same bytes.
#pragma once

#include <string>
#include <vector>

#include "document.hpp"
#include "templates.hpp"
#include "zip_writer.hpp"

namespace kvs::render {

/// The package parts in their fixed order ("word/document.xml" among them).
std::vector<ZipEntry> docx_parts(const Document& doc, const Templates& t);

/// The .docx bytes; on failure an empty string and `error` set.
std::string to_docx(const Document& doc, const Templates& t, std::string& error);

}  // namespace kvs::render
