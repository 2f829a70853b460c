// A small XML tree for writing the DOCX parts: the subset of pugixml's node API the DOCX
// writer uses (append, prepend, insert after, move, remove, find a child by name, set
// text and attributes), and a serialiser that writes the bytes pugixml's format_raw does.
//
// Why not pugixml itself: building word/document.xml as a pugixml tree and saving it was a
// fifth of rendering a standard (callgrind, bench/RESULTS.md §6). pugixml copies every
// element and attribute name into its own pages, converts every number through a buffer,
// and escapes character by character on output. Here names are the writer's string
// literals (never copied), nodes are indices into one vector, all text lives in one
// string, and text is escaped in runs. pugixml still reads the templates and stays the
// reference: a unit test builds the same random trees with both and compares the bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kvs::render {

class XmlTree;

/// `text` escaped as XML character data / as an attribute value in double quotes, exactly
/// as pugixml writes them, appended to `out`. Like pugixml's C-string API, text stops at
/// a NUL.
void xml_escape_text(std::string& out, std::string_view text);
void xml_escape_attribute(std::string& out, std::string_view text);

/// A handle to an element of an XmlTree (or a null handle, which is false). Element and
/// attribute names must outlive the tree: the writer passes string literals.
class XmlNode {
 public:
  XmlNode() = default;
  explicit operator bool() const { return tree_ != nullptr; }

  XmlNode append_child(const char* name) const;
  XmlNode prepend_child(const char* name) const;
  XmlNode insert_child_after(const char* name, XmlNode after) const;
  /// Moves `moved` (a child of this element) to just after `after`, another child.
  void insert_move_after(XmlNode moved, XmlNode after) const;
  void remove_child(XmlNode child) const;

  XmlNode child(std::string_view name) const;  ///< the first child element of that name
  XmlNode last_child() const;                  ///< the last child element
  XmlNode parent() const;
  std::vector<XmlNode> children(std::string_view name) const;
  std::string_view name() const;

  class Attribute {
   public:
    Attribute& operator=(const char* value);  ///< up to a NUL, as pugixml reads a C string
    Attribute& operator=(int value);

   private:
    friend class XmlNode;
    Attribute(XmlTree* t, std::uint32_t a) : tree_(t), attr_(a) {}
    XmlTree* tree_;
    std::uint32_t attr_;
  };
  Attribute append_attribute(const char* name) const;

  /// The element's text: replaces its text child, or adds one (also for "").
  void set_text(const char* text) const;
  /// Appends `xml`, already serialised (built with xml_escape_text/xml_escape_attribute),
  /// as a child written as it is. Finding children by name passes over it: it is for
  /// leaves the writer never looks into again (a run of text).
  void append_raw(std::string_view xml) const;

 private:
  friend class XmlTree;
  XmlNode(XmlTree* t, std::uint32_t i) : tree_(t), index_(i) {}
  XmlTree* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

class XmlTree {
 public:
  /// `declaration`: start with <?xml version="1.0" encoding="UTF-8" standalone="yes"?>.
  explicit XmlTree(bool declaration = true);
  XmlTree(const XmlTree&) = delete;
  XmlTree& operator=(const XmlTree&) = delete;

  XmlNode append_child(const char* name) { return root().append_child(name); }
  /// The bytes, without indentation (pugixml's format_raw).
  std::string serialize() const;

 private:
  friend class XmlNode;
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  struct Node {
    std::string_view name;  ///< empty for the text node and the document
    bool text = false;
    bool raw = false;  ///< a text node holding serialised XML
    std::uint32_t parent = kNone, first = kNone, last = kNone, prev = kNone, next = kNone;
    std::uint32_t first_attr = kNone, last_attr = kNone;
    std::uint32_t value_at = 0, value_size = 0;  ///< a text node's text in `strings_`
  };
  struct Attr {
    std::string_view name;
    std::uint32_t value_at = 0, value_size = 0, next = kNone;
  };

  XmlNode root() { return XmlNode(this, 0); }
  std::uint32_t make(std::string_view name, bool text);
  /// Appends `value` to the tree's text; returns where it starts, its length in `size`.
  std::uint32_t store(std::string_view value, std::uint32_t& size);
  void link_after(std::uint32_t parent, std::uint32_t node, std::uint32_t after);  ///< after kNone: first
  void unlink(std::uint32_t node);
  void write(std::string& out, std::uint32_t node) const;

  bool declaration_;
  std::vector<Node> nodes_;
  std::vector<Attr> attrs_;
  std::string strings_;
};

}  // namespace kvs::render
