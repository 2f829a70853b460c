#include "xml_tree.hpp"

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kvs::render {
namespace {

// What pugixml 1.13 escapes (its chartypex table): in text, &, <, > and the control
// characters but tab, LF and CR; in attribute values (written in double quotes), &, <, "
// and every control character. A control character is written as &# and two decimal
// digits, as pugixml does ("&#09;").
constexpr std::uint8_t kInText = 1, kInAttr = 2;
constexpr auto kSpecial = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 32; ++c) t[c] = kInText | kInAttr;
  t['\t'] = t['\n'] = t['\r'] = kInAttr;
  t['&'] = t['<'] = kInText | kInAttr;
  t['>'] = kInText;
  t['"'] = kInAttr;
  return t;
}();

#if defined(__SSE2__)
/// The offset of the first byte at or after `i` that may need escaping in `context` (a
/// control character, &, <, > or "), 16 bytes at a time; s.size() if none. Candidates are
/// checked exactly by the caller, so this may stop early (at a tab, or at > in an attribute).
std::size_t next_candidate(std::string_view s, std::size_t i) {
  const __m128i c31 = _mm_set1_epi8(31), amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'),
                quot = _mm_set1_epi8('"');
  for (; i + 16 <= s.size(); i += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i hit = _mm_cmpeq_epi8(_mm_max_epu8(x, c31), c31);  // x <= 31, unsigned
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, amp), _mm_cmpeq_epi8(x, lt)));
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, gt), _mm_cmpeq_epi8(x, quot)));
    if (int mask = _mm_movemask_epi8(hit)) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
  return i;  // the last < 16 bytes go byte by byte
}
#else
std::size_t next_candidate(std::string_view, std::size_t i) { return i; }
#endif

void escaped(std::string& out, std::string_view s, std::uint8_t context) {
  std::size_t run = 0;
  for (std::size_t i = next_candidate(s, 0); i < s.size(); i = next_candidate(s, i + 1)) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!(kSpecial[c] & context)) continue;  // a candidate that needs nothing here
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: {
        const char ref[] = {'&', '#', static_cast<char>('0' + c / 10), static_cast<char>('0' + c % 10), ';'};
        out.append(ref, sizeof ref);
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
}

}  // namespace

void xml_escape_text(std::string& out, std::string_view text) { escaped(out, text.substr(0, text.find('\0')), kInText); }
void xml_escape_attribute(std::string& out, std::string_view text) {
  escaped(out, text.substr(0, text.find('\0')), kInAttr);
}

// ---- XmlTree ------------------------------------------------------------------------

XmlTree::XmlTree(bool declaration) : declaration_(declaration) {
  nodes_.reserve(1024);
  strings_.reserve(16 * 1024);
  nodes_.push_back(Node{});  // the document
}

std::uint32_t XmlTree::store(std::string_view value, std::uint32_t& size) {
  const auto at = static_cast<std::uint32_t>(strings_.size());
  size = static_cast<std::uint32_t>(value.size());
  strings_.append(value);
  return at;
}

std::uint32_t XmlTree::make(std::string_view name, bool text) {
  Node n;
  n.name = name;
  n.text = text;
  nodes_.push_back(n);
  return static_cast<std::uint32_t>(nodes_.size() - 1);
}

void XmlTree::link_after(std::uint32_t parent, std::uint32_t node, std::uint32_t after) {
  Node& p = nodes_[parent];
  Node& n = nodes_[node];
  n.parent = parent;
  n.prev = after;
  n.next = after == kNone ? p.first : nodes_[after].next;
  if (n.next != kNone) nodes_[n.next].prev = node;
  else p.last = node;
  if (after != kNone) nodes_[after].next = node;
  else p.first = node;
}

void XmlTree::unlink(std::uint32_t node) {
  Node& n = nodes_[node];
  Node& p = nodes_[n.parent];
  if (n.prev != kNone) nodes_[n.prev].next = n.next;
  else p.first = n.next;
  if (n.next != kNone) nodes_[n.next].prev = n.prev;
  else p.last = n.prev;
  n.parent = n.prev = n.next = kNone;
}

std::string XmlTree::serialize() const {
  std::string out;
  out.reserve(strings_.size() + nodes_.size() * 24 + 64);
  if (declaration_) out += R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)";
  for (std::uint32_t c = nodes_[0].first; c != kNone; c = nodes_[c].next) write(out, c);
  return out;
}

// Recursive: the depth is the part's element nesting (body, table, row, cell, a table in
// it, paragraph, hyperlink, run), which no input deepens: lists and quotes in prose become
// flat paragraphs with a style, so the stack stays a dozen frames deep.
void XmlTree::write(std::string& out, std::uint32_t index) const {
  const Node& n = nodes_[index];
  if (n.raw) {
    out.append(strings_, n.value_at, n.value_size);
    return;
  }
  if (n.text) {
    escaped(out, std::string_view(strings_).substr(n.value_at, n.value_size), kInText);
    return;
  }
  out += '<';
  out += n.name;
  for (std::uint32_t a = n.first_attr; a != kNone; a = attrs_[a].next) {
    const Attr& at = attrs_[a];
    out += ' ';
    out += at.name;
    out += "=\"";
    escaped(out, std::string_view(strings_).substr(at.value_at, at.value_size), kInAttr);
    out += '"';
  }
  if (n.first == kNone) {
    out += "/>";
    return;
  }
  out += '>';
  for (std::uint32_t c = n.first; c != kNone; c = nodes_[c].next) write(out, c);
  out += "</";
  out += n.name;
  out += '>';
}

// ---- XmlNode ------------------------------------------------------------------------

XmlNode XmlNode::append_child(const char* name) const {
  std::uint32_t c = tree_->make(name, false);
  tree_->link_after(index_, c, tree_->nodes_[index_].last);
  return XmlNode(tree_, c);
}

XmlNode XmlNode::prepend_child(const char* name) const {
  std::uint32_t c = tree_->make(name, false);
  tree_->link_after(index_, c, XmlTree::kNone);
  return XmlNode(tree_, c);
}

XmlNode XmlNode::insert_child_after(const char* name, XmlNode after) const {
  std::uint32_t c = tree_->make(name, false);
  tree_->link_after(index_, c, after.index_);
  return XmlNode(tree_, c);
}

void XmlNode::insert_move_after(XmlNode moved, XmlNode after) const {
  if (moved.index_ == after.index_) return;
  tree_->unlink(moved.index_);
  tree_->link_after(index_, moved.index_, after.index_);
}

void XmlNode::remove_child(XmlNode child) const { tree_->unlink(child.index_); }

XmlNode XmlNode::child(std::string_view name) const {
  for (std::uint32_t c = tree_->nodes_[index_].first; c != XmlTree::kNone; c = tree_->nodes_[c].next)
    if (!tree_->nodes_[c].text && tree_->nodes_[c].name == name) return XmlNode(tree_, c);
  return {};
}

XmlNode XmlNode::last_child() const {
  // pugixml's last_child is the last node of any kind; the writer asks it of table cells,
  // which hold elements only.
  std::uint32_t c = tree_->nodes_[index_].last;
  return c == XmlTree::kNone ? XmlNode() : XmlNode(tree_, c);
}

XmlNode XmlNode::parent() const {
  std::uint32_t p = tree_->nodes_[index_].parent;
  return p == XmlTree::kNone ? XmlNode() : XmlNode(tree_, p);
}

std::vector<XmlNode> XmlNode::children(std::string_view name) const {
  std::vector<XmlNode> out;
  for (std::uint32_t c = tree_->nodes_[index_].first; c != XmlTree::kNone; c = tree_->nodes_[c].next)
    if (!tree_->nodes_[c].text && tree_->nodes_[c].name == name) out.push_back(XmlNode(tree_, c));
  return out;
}

std::string_view XmlNode::name() const { return tree_->nodes_[index_].name; }

XmlNode::Attribute XmlNode::append_attribute(const char* name) const {
  tree_->attrs_.push_back(XmlTree::Attr{name, 0, 0, XmlTree::kNone});
  auto a = static_cast<std::uint32_t>(tree_->attrs_.size() - 1);
  XmlTree::Node& n = tree_->nodes_[index_];
  if (n.last_attr != XmlTree::kNone) tree_->attrs_[n.last_attr].next = a;
  else n.first_attr = a;
  n.last_attr = a;
  return Attribute(tree_, a);
}

XmlNode::Attribute& XmlNode::Attribute::operator=(const char* value) {
  XmlTree::Attr& a = tree_->attrs_[attr_];
  a.value_at = tree_->store(value, a.value_size);
  return *this;
}

XmlNode::Attribute& XmlNode::Attribute::operator=(int value) { return *this = std::to_string(value).c_str(); }

void XmlNode::append_raw(std::string_view xml) const {
  std::uint32_t t = tree_->make({}, true);
  tree_->link_after(index_, t, tree_->nodes_[index_].last);
  XmlTree::Node& n = tree_->nodes_[t];
  n.raw = true;
  n.value_at = tree_->store(xml, n.value_size);
}

void XmlNode::set_text(const char* text) const {
  std::uint32_t t = XmlTree::kNone;
  for (std::uint32_t c = tree_->nodes_[index_].first; c != XmlTree::kNone; c = tree_->nodes_[c].next)
    if (tree_->nodes_[c].text && !tree_->nodes_[c].raw) {
      t = c;
      break;
    }
  if (t == XmlTree::kNone) {
    t = tree_->make({}, true);
    tree_->link_after(index_, t, tree_->nodes_[index_].last);
  }
  XmlTree::Node& n = tree_->nodes_[t];
  n.value_at = tree_->store(text, n.value_size);
}

}  // namespace kvs::render
