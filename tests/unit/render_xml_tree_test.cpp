// The DOCX writer's own XML tree (compiler/render/xml_tree.cpp) against pugixml, which it
// replaced for building the parts and which stays the reference: the same random edits
// (append, prepend, insert after, move, remove, attributes, text with every character
// that needs escaping, NULs included) made to both must give the same bytes.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <random>
#include <string>
#include <vector>

#include "xml_tree.hpp"

using kvs::render::XmlNode;
using kvs::render::XmlTree;

namespace {

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

std::string pugi_bytes(const pugi::xml_document& doc, unsigned flags = pugi::format_raw) {
  StringWriter w;
  doc.save(w, "", flags, pugi::encoding_utf8);
  return w.out;
}

pugi::xml_document pugi_part() {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  return doc;
}

// Every byte that matters to escaping: controls, the five XML specials, ASCII, UTF-8.
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> atoms = {"a", "Z", " ", "\t", "\n", "\r", "&", "<", ">", "\"", "'", "æ", "§",
                                                 "\u00a0", "\u2013", std::string(1, '\x01'), std::string(1, '\x1f'),
                                                 std::string(1, '\x0b'), std::string(1, '\0'), "&amp;", "]]>", "tekst"};
  std::string s;
  for (int k = std::uniform_int_distribution<int>(0, 12)(rng); k > 0; --k)
    s += atoms[std::uniform_int_distribution<std::size_t>(0, atoms.size() - 1)(rng)];
  return s;
}

}  // namespace

TEST_CASE("xml tree: the same edits give the bytes pugixml writes", "[render][docx][xml]") {
  static const char* const names[] = {"w:p", "w:r", "w:t", "w:pPr", "w:tbl", "w:tc", "w:keepNext"};
  std::mt19937 rng(1202);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  for (int round = 0; round < 300; ++round) {
    pugi::xml_document pdoc = pugi_part();
    XmlTree tree;
    std::vector<pugi::xml_node> pn{pdoc.append_child("w:document")};
    std::vector<XmlNode> xn{tree.append_child("w:document")};
    for (int step = 0; step < 60; ++step) {
      std::size_t at = pick(pn.size());
      pugi::xml_node p = pn[at];
      XmlNode x = xn[at];
      const char* name = names[pick(std::size(names))];
      switch (pick(8)) {
        case 0:
        case 1:
          pn.push_back(p.append_child(name));
          xn.push_back(x.append_child(name));
          break;
        case 2:
          pn.push_back(p.prepend_child(name));
          xn.push_back(x.prepend_child(name));
          break;
        case 3: {  // after the first child of that name, if there is one
          if (auto pc = p.child(name)) {
            REQUIRE(x.child(name));
            pn.push_back(p.insert_child_after(names[0], pc));
            xn.push_back(x.insert_child_after(names[0], x.child(name)));
          } else {
            CHECK_FALSE(x.child(name));
          }
          break;
        }
        case 4: {  // move the last child after the first
          auto pl = p.last_child(), pf = p.first_child();
          if (pl && pf && pl != pf && pl.type() == pugi::node_element && pf.type() == pugi::node_element) {
            std::string_view first_name = pf.name();
            XmlNode xf = x.child(first_name);
            REQUIRE(xf);
            p.insert_move_after(pl, pf);
            x.insert_move_after(x.last_child(), xf);
          }
          break;
        }
        case 5: {
          std::string v = random_text(rng);
          p.append_attribute("w:val") = v.c_str();
          x.append_attribute("w:val") = v.c_str();
          if (pick(2)) {
            int n = std::uniform_int_distribution<int>(-5000, 5000)(rng);
            p.append_attribute("w:w") = n;
            x.append_attribute("w:w") = n;
          }
          break;
        }
        case 6: {
          if (at == 0) break;  // keep the root an element with children
          std::string v = random_text(rng);
          p.text().set(v.c_str());
          x.set_text(v.c_str());
          break;
        }
        case 7: {  // remove a leaf we hold (not the root), and forget it and its subtree
          if (pn.size() < 3) break;
          std::size_t victim = 1 + pick(pn.size() - 1);
          if (pn[victim].first_child()) break;
          pn[victim].parent().remove_child(pn[victim]);
          xn[victim].parent().remove_child(xn[victim]);
          pn.erase(pn.begin() + static_cast<std::ptrdiff_t>(victim));
          xn.erase(xn.begin() + static_cast<std::ptrdiff_t>(victim));
          break;
        }
      }
    }
    INFO("round " << round);
    REQUIRE(tree.serialize() == pugi_bytes(pdoc));
  }
}

TEST_CASE("xml tree: escaped text and attributes are pugixml's", "[render][docx][xml]") {
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    std::string v = random_text(rng);
    pugi::xml_document pdoc;
    auto e = pdoc.append_child("a");
    e.append_attribute("b") = v.c_str();
    e.text().set(v.c_str());
    std::string mine = "<a b=\"";
    kvs::render::xml_escape_attribute(mine, v);
    mine += "\">";
    kvs::render::xml_escape_text(mine, v);
    mine += "</a>";
    INFO(v);
    CHECK(mine == pugi_bytes(pdoc, pugi::format_raw | pugi::format_no_declaration));
  }
}

TEST_CASE("xml tree: raw children are written as given and passed over by name", "[render][docx][xml]") {
  XmlTree tree(false);
  XmlNode p = tree.append_child("w:p");
  p.append_raw("<w:r><w:t>x</w:t></w:r>");
  CHECK_FALSE(p.child("w:r"));
  XmlNode ppr = p.prepend_child("w:pPr");
  CHECK(p.child("w:pPr"));
  ppr.append_child("w:keepNext");
  CHECK(tree.serialize() == "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>");
}
