// Document → one self-contained HTML file (inline CSS from templates/html/style.css,
// lang="da", landmarks, one h1, tables with th/scope, a print stylesheet).
#pragma once

#include <string>

#include "document.hpp"

namespace kvs::render {

/// `css` is inlined in a <style> element.
std::string to_html(const Document& doc, const std::string& css);

}  // namespace kvs::render
