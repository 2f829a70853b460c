#include "prose.hpp"

#include <cmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "block_pool.hpp"
#include "danish.hpp"

namespace kvs::render {
namespace {

// cmark's allocations — its nodes, literals and buffers, some 340 for a standard's prose —
// from the block pool where the pool serves operator new: through glibc's calloc, realloc
// and free they were 3 % of a batch's instructions (callgrind, bench/RESULTS.md §6). Under
// the sanitizers and the fuzzers, cmark's own allocator, so that they see its memory. Like
// cmark's own, these end the process when memory is exhausted: cmark does not check.
[[noreturn]] void out_of_memory() {
  std::fputs("kvs: ikke mere hukommelse (cmark)\n", stderr);
  std::abort();
}
void* pool_calloc(std::size_t count, std::size_t size) {
  void* p = block_pool::allocate_zeroed(count, size);
  if (!p) out_of_memory();
  return p;
}
void* pool_realloc(void* p, std::size_t n) {
  void* q = block_pool::reallocate(p, n);
  if (!q) out_of_memory();
  return q;
}
void pool_free(void* p) { block_pool::release(p); }
cmark_mem g_pool_mem{pool_calloc, pool_realloc, pool_free};

cmark_mem* prose_mem() {
  static cmark_mem* mem = block_pool::serves_operator_new() ? &g_pool_mem : cmark_get_default_mem_allocator();
  return mem;
}

/// A string cmark made (a rendering), freed by the allocator it came from.
struct FreeChars {
  void operator()(char* p) const { prose_mem()->free(p); }
};
using CString = std::unique_ptr<char, FreeChars>;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void collect(cmark_node* node, std::vector<cmark_node*>& out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    out.push_back(c);
    collect(c, out);
  }
}

/// Replace `node` by a text node holding `literal` (inline) or a paragraph with it (block).
void replace_with_text(cmark_node* node, const std::string& literal, bool block) {
  cmark_node* text = cmark_node_new_with_mem(CMARK_NODE_TEXT, prose_mem());
  cmark_node_set_literal(text, literal.c_str());
  if (block) {
    cmark_node* para = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, prose_mem());
    cmark_node_append_child(para, text);
    cmark_node_replace(node, para);
  } else {
    cmark_node_replace(node, text);
  }
  cmark_node_free(node);
}

std::string trim_newlines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

void inline_text(cmark_node* node, std::string& out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(c);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        inline_text(c, out);
    }
  }
}

void block_texts(cmark_node* node, std::vector<std::string>& out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING: {
        std::string s;
        inline_text(c, s);
        out.push_back(s);
        break;
      }
      case CMARK_NODE_CODE_BLOCK:
        out.push_back(trim_newlines(cmark_node_get_literal(c)));
        break;
      default:
        block_texts(c, out);
    }
  }
}

}  // namespace

bool is_safe_url(std::string_view url) {
  std::string u = lower_ascii(url);
  auto colon = u.find(':');
  auto slash = u.find_first_of("/?#");
  if (colon == std::string::npos || (slash != std::string::npos && slash < colon)) return true;  // relative
  std::string scheme = u.substr(0, colon);
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

Prose::Prose(std::string_view markdown, int heading_base) {
  cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, prose_mem());
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  root_ = cmark_parser_finish(parser);
  cmark_parser_free(parser);
  std::vector<cmark_node*> nodes;
  collect(root_, nodes);
  int shallowest = 7;
  for (cmark_node* n : nodes)
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING) shallowest = std::min(shallowest, cmark_node_get_heading_level(n));
  has_headings_ = shallowest < 7;
  bool images = false;
  for (cmark_node* n : nodes) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HTML_BLOCK:
        replace_with_text(n, trim_newlines(cmark_node_get_literal(n)), true);
        break;
      case CMARK_NODE_HTML_INLINE:
        replace_with_text(n, cmark_node_get_literal(n), false);
        break;
      case CMARK_NODE_TEXT: {
        // Most text needs no typesetting; only a changed literal is stored again.
        std::string_view literal = cmark_node_get_literal(n);
        std::string set = typeset(literal);
        if (set != literal) cmark_node_set_literal(n, set.c_str());
        break;
      }
      case CMARK_NODE_HEADING: {
        int level = cmark_node_get_heading_level(n) - shallowest + heading_base;
        cmark_node_set_heading_level(n, std::clamp(level, 1, 6));
        break;
      }
      case CMARK_NODE_LINK:
        if (!is_safe_url(cmark_node_get_url(n))) cmark_node_set_url(n, "");
        break;
      case CMARK_NODE_IMAGE:
        images = true;
        break;
      default:
        break;
    }
  }
  // Images last: their alt text is their children; move the children out in place.
  // (The raw HTML replaced above has no children, so no image appears that was not
  // seen in the first walk.)
  if (!images) return;
  nodes.clear();
  collect(root_, nodes);
  for (cmark_node* n : nodes) {
    if (cmark_node_get_type(n) != CMARK_NODE_IMAGE) continue;
    while (cmark_node* c = cmark_node_first_child(n)) cmark_node_insert_before(n, c);
    cmark_node_unlink(n);
    cmark_node_free(n);
  }
}

Prose::~Prose() { cmark_node_free(root_); }

std::string Prose::html() const {
  CString s(cmark_render_html(root_, CMARK_OPT_DEFAULT));
  return s ? std::string(s.get()) : std::string();
}

std::string Prose::commonmark() const {
  CString s(cmark_render_commonmark(root_, CMARK_OPT_DEFAULT, 0));
  return s ? std::string(s.get()) : std::string();
}

std::vector<std::string> Prose::text_blocks() const {
  std::vector<std::string> out;
  block_texts(root_, out);
  return out;
}

std::string Prose::plain_text() const {
  std::string out;
  for (const auto& b : text_blocks()) {
    if (!out.empty()) out += '\n';
    out += b;
  }
  return out;
}

bool Prose::single_paragraph() const {
  cmark_node* first = cmark_node_first_child(root_);
  return first && !cmark_node_next(first) && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH;
}

bool Prose::has_list() const {
  std::vector<cmark_node*> nodes;
  collect(root_, nodes);
  return std::any_of(nodes.begin(), nodes.end(), [](cmark_node* n) { return cmark_node_get_type(n) == CMARK_NODE_LIST; });
}

}  // namespace kvs::render
