// Prose from the .kvs (CommonMark) as a cmark tree, parsed once and shared by every
// renderer: HTML renders it with cmark in safe mode, DOCX walks the same tree node by
// node, Markdown prints it back with cmark.
//
// Before anyone sees the tree it is made safe and typeset:
// * raw HTML (blocks and inline) becomes literal text, so it is shown, never executed;
// * links with other schemes than http, https, mailto and tel lose their target;
// * images become their alt text (documents are self-contained);
// * text gets Danish typography (typeset());
// * headings are moved so the prose's top heading sits at `heading_base`.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct cmark_node;

namespace kvs::render {

class Prose {
 public:
  /// Parses `markdown`; the shallowest heading in it becomes level `heading_base`.
  Prose(std::string_view markdown, int heading_base);
  ~Prose();
  Prose(const Prose&) = delete;
  Prose& operator=(const Prose&) = delete;

  /// The document node (CMARK_NODE_DOCUMENT); owned by this object.
  cmark_node* root() const { return root_; }
  /// HTML of the tree (cmark_render_html without CMARK_OPT_UNSAFE).
  std::string html() const;
  /// CommonMark of the tree.
  std::string commonmark() const;
  /// Plain text, one string per paragraph, heading or list item (for LIX and comparisons).
  std::vector<std::string> text_blocks() const;
  /// All text in one string.
  std::string plain_text() const;
  /// Does the prose consist of exactly one paragraph?
  bool single_paragraph() const;
  /// Does the prose contain a list?
  bool has_list() const;
  /// Does the prose contain a heading? Without one, the heading base changes nothing.
  bool has_headings() const { return has_headings_; }

 private:
  cmark_node* root_ = nullptr;
  bool has_headings_ = false;
};

/// Is `url` safe to link to from a public document?
bool is_safe_url(std::string_view url);

}  // namespace kvs::render
