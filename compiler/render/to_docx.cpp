#include "to_docx.hpp"

#include <cmark.h>
#include <pugixml.hpp>

#include <algorithm>
#include <map>

#include "xml_tree.hpp"

namespace kvs::render {
namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelHyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

// A4 with 2.5 cm margins: the text is 9070 twips wide.
constexpr int kTextWidth = 9070;
constexpr int kRowHeadWidth = 2270;
// The colours of the HTML stylesheet.
constexpr const char* kHeadFill = "0B3D5C";
constexpr const char* kTint = "EEF3F7";
constexpr const char* kLawFill = "F4F6F8";
constexpr std::size_t kKeepTogetherRows = 12;

/// pugixml's output appended straight to a string (no ostream, no copy out of it).
struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

/// The parts built in code are XmlTrees (xml_tree.hpp); the two filled in from a template
/// (numbering, footer) are read and written with pugixml. Both write without indentation,
/// as Word writes its parts: indenting made word/document.xml 1.7 times larger, and every
/// byte of it is written, deflated and read again by Word. (The golden test indents the
/// part to keep its reviewed copy readable.)
std::string to_xml(const pugi::xml_document& doc) {
  StringWriter w;
  doc.save(w, "", pugi::format_raw, pugi::encoding_utf8);
  return std::move(w.out);
}

/// Word bookmark names: letters, digits and underscores, at most 40 characters.
std::string bookmark(std::string_view id) {
  std::string out;
  for (char c : id) out += (c == '-') ? '_' : c;
  if (out.size() > 40) out.resize(40);
  return out;
}

struct RunFormat {
  bool bold = false, italic = false, code = false;
  bool struck = false, underlined = false;  ///< a redline
  std::string style;  ///< character style (Hyperlink)
};

class DocxWriter {
 public:
  DocxWriter(const Document& doc, const Templates& t) : doc_(doc), t_(t) {}

  std::vector<ZipEntry> parts() {
    std::string document = document_xml();
    std::vector<ZipEntry> out;
    out.push_back({"[Content_Types].xml", template_part("[Content_Types].xml")});
    out.push_back({"_rels/.rels", template_part("_rels/.rels")});
    out.push_back({"docProps/core.xml", core_xml()});
    out.push_back({"docProps/app.xml", app_xml()});
    out.push_back({"docProps/custom.xml", custom_xml()});
    out.push_back({"word/document.xml", std::move(document)});
    out.push_back({"word/_rels/document.xml.rels", document_rels()});
    out.push_back({"word/styles.xml", template_part("word/styles.xml")});
    out.push_back({"word/settings.xml", template_part("word/settings.xml")});
    out.push_back({"word/numbering.xml", numbering_xml()});
    out.push_back({"word/footer1.xml", footer_xml()});
    return out;
  }

 private:
  std::string template_part(const std::string& name) const {
    auto it = t_.docx_parts.find(name);
    return it == t_.docx_parts.end() ? std::string() : it->second;
  }

  // ---- paragraphs and runs ----------------------------------------------------------
  XmlNode para(XmlNode parent, const std::string& style) {
    auto p = parent.append_child("w:p");
    if (!style.empty() || list_.numId) {
      auto ppr = p.append_child("w:pPr");
      if (!style.empty()) ppr.append_child("w:pStyle").append_attribute("w:val") = style.c_str();
      if (list_.numId && list_.first_in_item) {
        auto num = ppr.append_child("w:numPr");
        num.append_child("w:ilvl").append_attribute("w:val") = list_.level;
        num.append_child("w:numId").append_attribute("w:val") = list_.numId;
        list_.first_in_item = false;
      } else if (list_.numId) {
        auto ind = ppr.append_child("w:ind");
        ind.append_attribute("w:left") = 360 * (list_.level + 1) + 357;
      }
    }
    return p;
  }

  /// Runs are written straight to XML (XmlNode::append_raw): they are the most numerous
  /// elements of a document and nothing looks into them once written. The bytes are those
  /// the element-by-element form gave (the golden DOCX tests hold them).
  void run(XmlNode parent, const std::string& text, const RunFormat& f) {
    std::string& x = run_xml_;
    x.clear();
    const bool formatted = f.bold || f.italic || f.code || f.struck || f.underlined || !f.style.empty();
    // Split at line breaks: each "\n" becomes <w:br/>.
    std::size_t start = 0;
    while (start <= text.size()) {
      auto nl = text.find('\n', start);
      const std::size_t end = nl == std::string::npos ? text.size() : nl;
      const bool has_text = end > start, has_break = nl != std::string::npos;
      if (!formatted && !has_text && !has_break) {
        x += "<w:r/>";
        break;
      }
      x += "<w:r>";
      if (formatted) {
        x += "<w:rPr>";
        if (!f.style.empty()) {
          x += "<w:rStyle w:val=\"";
          xml_escape_attribute(x, f.style);
          x += "\"/>";
        }
        if (f.code) x += "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/>";
        if (f.bold) x += "<w:b/>";
        if (f.italic) x += "<w:i/>";
        if (f.struck) x += "<w:strike/>";
        if (f.underlined) x += "<w:u w:val=\"single\"/>";
        x += "</w:rPr>";
      }
      if (has_text) {
        x += "<w:t xml:space=\"preserve\">";
        xml_escape_text(x, std::string_view(text).substr(start, end - start));
        x += "</w:t>";
      }
      if (has_break) x += "<w:br/>";
      x += "</w:r>";
      if (!has_break) break;
      start = nl + 1;
    }
    parent.append_raw(x);
  }

  XmlNode hyperlink(XmlNode parent, const std::string& href) {
    auto h = parent.append_child("w:hyperlink");
    if (!href.empty() && href[0] == '#') {
      h.append_attribute("w:anchor") = bookmark(href.substr(1)).c_str();
    } else {
      h.append_attribute("r:id") = relationship(href).c_str();
    }
    return h;
  }

  std::string relationship(const std::string& url) {
    auto it = links_.find(url);
    if (it != links_.end()) return it->second;
    std::string id = "rIdLink" + std::to_string(links_.size() + 1);
    links_.emplace(url, id);
    link_order_.push_back(url);
    return id;
  }

  void spans(XmlNode p, const Spans& spans) {
    for (const auto& s : spans) {
      RunFormat f;
      f.bold = s.style == Span::Style::strong;
      f.italic = s.style == Span::Style::emph;
      f.struck = s.style == Span::Style::deleted;
      f.underlined = s.style == Span::Style::inserted;
      if (!s.href.empty()) {
        f.style = "Hyperlink";
        run(hyperlink(p, s.href), s.text, f);
      } else {
        run(p, s.text, f);
      }
    }
  }

  void bookmark_around(XmlNode p, const std::string& id) {
    if (id.empty()) return;
    auto start = p.prepend_child("w:bookmarkStart");
    start.append_attribute("w:id") = bookmark_id_;
    start.append_attribute("w:name") = bookmark(id).c_str();
    // The bookmark start must follow the paragraph properties.
    if (auto ppr = p.child("w:pPr")) p.insert_move_after(start, ppr);
    p.append_child("w:bookmarkEnd").append_attribute("w:id") = bookmark_id_;
    ++bookmark_id_;
  }

  std::string heading_style(int html_level) const { return "Heading" + std::to_string(std::clamp(html_level - 1, 1, 6)); }

  std::string para_style(const std::string& role) const {
    if (!quote_style_.empty()) return quote_style_;
    if (role == "small") return "Small";
    if (role == "note-title") return "NoteTitle";
    if (in_table_) return "TableText";
    if (list_.numId) return "ListParagraph";
    return "";
  }

  // ---- blocks -----------------------------------------------------------------------
  void blocks(XmlNode parent, const Blocks& bs) {
    for (const auto& b : bs) block(parent, b);
  }

  void block(XmlNode parent, const Block& b) {
    switch (b.kind) {
      case Block::Kind::heading: {
        auto p = para(parent, heading_style(b.level));
        spans(p, b.spans);
        bookmark_around(p, b.id);
        break;
      }
      case Block::Kind::paragraph: {
        auto p = para(parent, para_style(b.role));
        spans(p, b.spans);
        break;
      }
      case Block::Kind::prose:
        prose_blocks(parent, b.prose->root());
        break;
      case Block::Kind::list: {
        int numId = b.ordered ? new_ordered_list(b.start) : 1;
        ListState saved = list_;
        int level = list_.numId ? list_.level + 1 : 0;
        for (const auto& item : b.items) {
          list_ = {numId, std::min(level, 2), true};
          blocks(parent, item);
        }
        list_ = saved;
        break;
      }
      case Block::Kind::table:
        table(parent, *b.table);
        break;
      case Block::Kind::quote: {
        std::string saved = quote_style_;
        quote_style_ = "Quote";
        blocks(parent, b.children);
        quote_style_ = saved;
        break;
      }
      case Block::Kind::note:
        note(parent, b);
        break;
    }
  }

  int new_ordered_list(int start) {
    int id = 2 + static_cast<int>(ordered_starts_.size());
    ordered_starts_.push_back(start);
    return id;
  }

  void table_props(XmlNode tbl, const std::string& style, int width) {
    auto pr = tbl.append_child("w:tblPr");
    pr.append_child("w:tblStyle").append_attribute("w:val") = style.c_str();
    auto w = pr.append_child("w:tblW");
    w.append_attribute("w:w") = width;
    w.append_attribute("w:type") = "dxa";
    auto look = pr.append_child("w:tblLook");
    look.append_attribute("w:val") = "04A0";
    look.append_attribute("w:firstRow") = 1;
    look.append_attribute("w:lastRow") = 0;
    look.append_attribute("w:firstColumn") = 1;
    look.append_attribute("w:lastColumn") = 0;
    look.append_attribute("w:noHBand") = 1;
    look.append_attribute("w:noVBand") = 1;
  }

  /// A table cell; `fill` is a background colour (direct formatting, so every reader shows it).
  XmlNode cell(XmlNode tr, int width, const char* fill = nullptr, int span = 1) {
    auto tc = tr.append_child("w:tc");
    auto pr = tc.append_child("w:tcPr");
    auto w = pr.append_child("w:tcW");
    w.append_attribute("w:w") = width;
    w.append_attribute("w:type") = "dxa";
    if (span > 1) pr.append_child("w:gridSpan").append_attribute("w:val") = span;
    if (fill) {
      auto shd = pr.append_child("w:shd");
      shd.append_attribute("w:val") = "clear";
      shd.append_attribute("w:color") = "auto";
      shd.append_attribute("w:fill") = fill;
    }
    return tc;
  }

  /// A table cell must end with a paragraph (also after a nested table).
  void close_cell(XmlNode tc) {
    auto last = tc.last_child();
    if (!last || std::string_view(last.name()) != "w:p") para(tc, in_table_ ? "TableText" : "");
  }

  void table(XmlNode parent, const Table& t) {
    int width = available_width_;
    if (!t.caption.empty()) {
      auto p = para(parent, "Caption");
      run(p, t.caption, {});
    }
    auto tbl = parent.append_child("w:tbl");
    table_props(tbl, "KvsTabel", width);
    std::vector<int> cols;
    int used = 0;
    for (std::size_t i = 0; i < t.widths.size(); ++i) {
      int w = i + 1 == t.widths.size() ? width - used : width * t.widths[i] / 100;
      cols.push_back(w);
      used += w;
    }
    if (cols.empty()) {
      std::size_t n = t.head.empty() ? (t.rows.empty() ? 1 : t.rows[0].size()) : t.head.size();
      for (std::size_t i = 0; i < n; ++i) cols.push_back(width / static_cast<int>(n));
    }
    auto grid = tbl.append_child("w:tblGrid");
    for (int w : cols) grid.append_child("w:gridCol").append_attribute("w:w") = w;
    bool saved_in_table = in_table_;
    int saved_width = available_width_;
    ListState saved_list = list_;
    list_ = {};
    in_table_ = true;
    if (!t.head.empty()) {
      auto tr = tbl.append_child("w:tr");
      auto trpr = tr.append_child("w:trPr");
      trpr.append_child("w:cantSplit");
      trpr.append_child("w:tblHeader");
      for (std::size_t i = 0; i < t.head.size(); ++i) {
        auto tc = cell(tr, cols[std::min(i, cols.size() - 1)], kHeadFill);
        auto p = para(tc, "TableHeading");
        run(p, t.head[i], {});
      }
    }
    for (const auto& row : t.rows) {
      auto tr = tbl.append_child("w:tr");
      tr.append_child("w:trPr").append_child("w:cantSplit");
      for (std::size_t i = 0; i < row.size(); ++i) {
        int w = cols[std::min(i, cols.size() - 1)];
        bool row_head = i == 0 && t.row_headers;
        auto tc = cell(tr, w, row_head ? kTint : nullptr);
        available_width_ = w - 200;
        if (i == 0 && t.row_headers) {
          std::string saved = quote_style_;
          quote_style_ = "TableRowHeading";
          blocks(tc, row[i]);
          quote_style_ = saved;
        } else {
          blocks(tc, row[i]);
        }
        close_cell(tc);
      }
    }
    in_table_ = saved_in_table;
    available_width_ = saved_width;
    list_ = saved_list;
    // A short table stays on one page, so its header row is never left alone at the
    // bottom of a page (also where a nested table cannot repeat its header).
    if (t.rows.size() <= kKeepTogetherRows) keep_rows_together(tbl);
    // Two tables in a row would merge: keep them apart.
    spacer_after_table(parent);
  }

  /// w:keepNext on every paragraph of every row but the last (in schema order: after pStyle).
  static void keep_rows_together(XmlNode tbl) {
    std::vector<XmlNode> rows;
    for (auto tr : tbl.children("w:tr")) rows.push_back(tr);
    for (std::size_t r = 0; r + 1 < rows.size(); ++r)
      for (auto tc : rows[r].children("w:tc"))
        for (auto p : tc.children("w:p")) {
          auto ppr = p.child("w:pPr");
          if (!ppr) ppr = p.prepend_child("w:pPr");
          if (ppr.child("w:keepNext")) continue;
          if (auto style = ppr.child("w:pStyle")) ppr.insert_child_after("w:keepNext", style);
          else ppr.prepend_child("w:keepNext");
        }
  }

  void spacer_after_table(XmlNode parent) {
    if (!in_table_) para(parent, "Spacer");
  }

  void note(XmlNode parent, const Block& b) {
    int width = available_width_;
    auto tbl = parent.append_child("w:tbl");
    table_props(tbl, b.role == "law" ? "KvsNoteLaw" : "KvsNote", width);
    tbl.append_child("w:tblGrid").append_child("w:gridCol").append_attribute("w:w") = width;
    auto tr = tbl.append_child("w:tr");
    auto tc = cell(tr, width, b.role == "law" ? kLawFill : kTint);
    bool saved_in_table = in_table_;
    int saved_width = available_width_;
    ListState saved_list = list_;
    list_ = {};
    in_table_ = true;
    available_width_ = width - 300;
    blocks(tc, b.children);
    close_cell(tc);
    in_table_ = saved_in_table;
    available_width_ = saved_width;
    list_ = saved_list;
    spacer_after_table(parent);
  }

  // ---- prose: walking the cmark tree ------------------------------------------------
  void prose_blocks(XmlNode parent, cmark_node* node) {
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) prose_block(parent, c);
  }

  void prose_block(XmlNode parent, cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH: {
        auto p = para(parent, para_style(""));
        inlines(p, n, {});
        break;
      }
      case CMARK_NODE_HEADING: {
        auto p = para(parent, heading_style(cmark_node_get_heading_level(n)));
        inlines(p, n, {});
        break;
      }
      case CMARK_NODE_LIST: {
        bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        int numId = ordered ? new_ordered_list(cmark_node_get_list_start(n)) : 1;
        ListState saved = list_;
        int level = list_.numId ? list_.level + 1 : 0;
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
          list_ = {numId, std::min(level, 2), true};
          prose_blocks(parent, item);
        }
        list_ = saved;
        break;
      }
      case CMARK_NODE_BLOCK_QUOTE: {
        std::string saved = quote_style_;
        quote_style_ = "Quote";
        prose_blocks(parent, n);
        quote_style_ = saved;
        break;
      }
      case CMARK_NODE_CODE_BLOCK: {
        std::string text = cmark_node_get_literal(n);
        while (!text.empty() && text.back() == '\n') text.pop_back();
        auto p = para(parent, para_style(""));
        RunFormat f;
        f.code = true;
        run(p, text, f);
        break;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        para(parent, "Rule");
        break;
      default:
        prose_blocks(parent, n);
    }
  }

  void inlines(XmlNode p, cmark_node* node, RunFormat f) {
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
      switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT:
          run(p, cmark_node_get_literal(c), f);
          break;
        case CMARK_NODE_SOFTBREAK:
          run(p, " ", f);
          break;
        case CMARK_NODE_LINEBREAK:
          run(p, "\n", f);
          break;
        case CMARK_NODE_CODE: {
          RunFormat g = f;
          g.code = true;
          run(p, cmark_node_get_literal(c), g);
          break;
        }
        case CMARK_NODE_EMPH: {
          RunFormat g = f;
          g.italic = true;
          inlines(p, c, g);
          break;
        }
        case CMARK_NODE_STRONG: {
          RunFormat g = f;
          g.bold = true;
          inlines(p, c, g);
          break;
        }
        case CMARK_NODE_LINK: {
          std::string url = cmark_node_get_url(c);
          if (url.empty() || !is_safe_url(url)) {
            inlines(p, c, f);
          } else {
            RunFormat g = f;
            g.style = "Hyperlink";
            inlines(hyperlink(p, url), c, g);
          }
          break;
        }
        default:
          inlines(p, c, f);
      }
    }
  }

  // ---- the document -----------------------------------------------------------------
  void cover(XmlNode body) {
    auto m = para(body, "Municipality");
    run(m, doc_.municipality, {});
    auto k = para(body, "Kicker");
    if (doc_.cover_page) {
      // On a cover page the title stands a third down the page.
      auto spacing = k.child("w:pPr").append_child("w:spacing");
      spacing.append_attribute("w:before") = 3400;
    }
    run(k, doc_.kicker, {});
    auto t = para(body, "Title");
    run(t, doc_.title, {});
    for (const auto& f : doc_.front) {
      auto p = para(body, "FrontLine");
      run(p, f, {});
    }
    if (doc_.cover_page) {
      auto p = para(body, "");
      p.append_child("w:r").append_child("w:br").append_attribute("w:type") = "page";
    }
  }

  XmlNode section_heading(XmlNode parent, const Section& s, bool row_head) {
    auto p = para(parent, heading_style(s.level));
    if (row_head) {
      // The tabel layout keeps Heading 1 for the outline but sets it like a row label.
      auto ppr = p.child("w:pPr");
      auto rpr = ppr.append_child("w:rPr");
      rpr.append_child("w:sz").append_attribute("w:val") = 22;
    }
    RunFormat f;
    std::string text = s.heading_text();
    auto r = p.append_child("w:r");
    if (row_head) {
      auto rpr = r.append_child("w:rPr");
      rpr.append_child("w:sz").append_attribute("w:val") = 22;
    }
    auto wt = r.append_child("w:t");
    wt.append_attribute("xml:space") = "preserve";
    wt.set_text(text.c_str());
    bookmark_around(p, s.id);
    return p;
  }

  void flow_section(XmlNode body, const Section& s) {
    section_heading(body, s, false);
    blocks(body, s.blocks);
  }

  /// The tabel layout: a heading column beside a content column. A data table in a
  /// section breaks out of the grid and spans the page, so its header row can repeat on
  /// every page (Word and LibreOffice repeat header rows only in top-level tables); the
  /// section then continues in a new row.
  void tabel(XmlNode body, const std::vector<Section>& sections, std::size_t& i) {
    XmlNode tbl;
    auto open_grid = [&] {
      tbl = body.append_child("w:tbl");
      table_props(tbl, "KvsLayout", kTextWidth);
      auto grid = tbl.append_child("w:tblGrid");
      grid.append_child("w:gridCol").append_attribute("w:w") = kRowHeadWidth;
      grid.append_child("w:gridCol").append_attribute("w:w") = kTextWidth - kRowHeadWidth;
    };
    open_grid();
    for (; i < sections.size() && sections[i].role.empty(); ++i) {
      const Section& s = sections[i];
      auto tr = tbl.append_child("w:tr");
      if (s.chapter) {
        auto tc = cell(tr, kTextWidth, nullptr, 2);
        section_heading(tc, s, false);
        in_table_ = true;
        available_width_ = kTextWidth - 200;
        blocks(tc, s.blocks);
        in_table_ = false;
        close_cell(tc);
        continue;
      }
      auto head = cell(tr, kRowHeadWidth, kTint);
      section_heading(head, s, true);
      XmlNode body_cell = cell(tr, kTextWidth - kRowHeadWidth);
      available_width_ = kTextWidth - kRowHeadWidth - 220;
      for (const Block& b : s.blocks) {
        if (b.kind == Block::Kind::table) {
          if (body_cell) close_cell(body_cell);
          para(body, "Spacer");
          available_width_ = kTextWidth;
          table(body, *b.table);
          open_grid();
          body_cell = XmlNode();
          continue;
        }
        if (!body_cell) {
          auto row = tbl.append_child("w:tr");
          para(cell(row, kRowHeadWidth, kTint), "");
          body_cell = cell(row, kTextWidth - kRowHeadWidth);
          available_width_ = kTextWidth - kRowHeadWidth - 220;
        }
        block(body_cell, b);
      }
      if (body_cell) close_cell(body_cell);
    }
    available_width_ = kTextWidth;
    if (!tbl.child("w:tr")) tbl.parent().remove_child(tbl);
    para(body, "Spacer");
  }

  std::string document_xml() {
    XmlTree doc;
    auto root = doc.append_child("w:document");
    root.append_attribute("xmlns:w") = kW;
    root.append_attribute("xmlns:r") = kR;
    auto body = root.append_child("w:body");
    cover(body);
    available_width_ = kTextWidth;
    const auto& sections = doc_.sections;
    for (std::size_t i = 0; i < sections.size();) {
      if (doc_.layout == "tabel" && !sections[i].chapter) {
        tabel(body, sections, i);
        continue;
      }
      flow_section(body, sections[i]);
      ++i;
    }
    for (std::size_t i = 0; i < doc_.appendix.size(); ++i) {
      if (i == 0) {
        auto p = para(body, "");
        p.append_child("w:r").append_child("w:br").append_attribute("w:type") = "page";
      }
      flow_section(body, doc_.appendix[i]);
    }
    auto provenance = para(body, "Provenance");
    run(provenance, doc_.provenance, {});
    auto sect = body.append_child("w:sectPr");
    auto footer = sect.append_child("w:footerReference");
    footer.append_attribute("w:type") = "default";
    footer.append_attribute("r:id") = "rIdFooter1";
    auto size = sect.append_child("w:pgSz");
    size.append_attribute("w:w") = 11906;
    size.append_attribute("w:h") = 16838;
    auto mar = sect.append_child("w:pgMar");
    mar.append_attribute("w:top") = 1418;
    mar.append_attribute("w:right") = 1418;
    mar.append_attribute("w:bottom") = 1418;
    mar.append_attribute("w:left") = 1418;
    mar.append_attribute("w:header") = 709;
    mar.append_attribute("w:footer") = 709;
    mar.append_attribute("w:gutter") = 0;
    if (doc_.cover_page) sect.append_child("w:titlePg");
    return doc.serialize();
  }

  std::string document_rels() {
    XmlTree doc;
    auto rels = doc.append_child("Relationships");
    rels.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/relationships";
    auto add = [&](const std::string& id, const std::string& type, const std::string& target, bool external) {
      auto r = rels.append_child("Relationship");
      r.append_attribute("Id") = id.c_str();
      r.append_attribute("Type") = type.c_str();
      r.append_attribute("Target") = target.c_str();
      if (external) r.append_attribute("TargetMode") = "External";
    };
    const std::string base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    add("rIdStyles", base + "styles", "styles.xml", false);
    add("rIdSettings", base + "settings", "settings.xml", false);
    add("rIdNumbering", base + "numbering", "numbering.xml", false);
    add("rIdFooter1", base + "footer", "footer1.xml", false);
    for (const auto& url : link_order_) add(links_.at(url), kRelHyperlink, url, true);
    return doc.serialize();
  }

  std::string numbering_xml() {
    pugi::xml_document doc;
    std::string tmpl = template_part("word/numbering.xml");
    doc.load_buffer(tmpl.data(), tmpl.size(), pugi::parse_default | pugi::parse_declaration);
    auto root = doc.child("w:numbering");
    for (std::size_t i = 0; i < ordered_starts_.size(); ++i) {
      auto num = root.append_child("w:num");
      num.append_attribute("w:numId") = static_cast<int>(i) + 2;
      num.append_child("w:abstractNumId").append_attribute("w:val") = 1;
      auto over = num.append_child("w:lvlOverride");
      over.append_attribute("w:ilvl") = 0;
      over.append_child("w:startOverride").append_attribute("w:val") = ordered_starts_[i];
    }
    return to_xml(doc);
  }

  std::string footer_xml() {
    pugi::xml_document doc;
    std::string tmpl = template_part("word/footer1.xml");
    doc.load_buffer(tmpl.data(), tmpl.size(), pugi::parse_default | pugi::parse_declaration);
    // Fill the {sidefod}, {side} and {af} slots of the template's text runs.
    for (auto t : doc.select_nodes("//w:t")) {
      std::string text = t.node().text().get();
      auto replace = [&](const std::string& slot, const std::string& value) {
        for (auto at = text.find(slot); at != std::string::npos; at = text.find(slot, at + value.size()))
          text.replace(at, slot.size(), value);
      };
      replace("{sidefod}", doc_.footer);
      replace("{side}", doc_.labels_page);
      replace("{af}", doc_.labels_of);
      t.node().text().set(text.c_str());
    }
    return to_xml(doc);
  }

  std::string core_xml() {
    const Metadata& m = doc_.meta;
    XmlTree doc;
    auto root = doc.append_child("cp:coreProperties");
    root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
    root.append_attribute("xmlns:dcmitype") = "http://purl.org/dc/dcmitype/";
    root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    auto text = [&](const char* name, const std::string& value) {
      if (!value.empty()) root.append_child(name).set_text(value.c_str());
    };
    text("dc:title", m.title);
    text("dc:subject", m.subject);
    text("dc:creator", m.author);
    text("cp:keywords", m.keywords);
    text("dc:description", m.description);
    text("dc:language", "da-DK");
    text("dc:identifier", m.source_sha256.empty() ? "" : "sha256:" + m.source_sha256);
    text("cp:lastModifiedBy", m.generator);
    text("cp:revision", "1");
    if (m.date) {
      std::string when = m.date->iso() + "T00:00:00Z";
      for (const char* name : {"dcterms:created", "dcterms:modified"}) {
        auto n = root.append_child(name);
        n.append_attribute("xsi:type") = "dcterms:W3CDTF";
        n.set_text(when.c_str());
      }
    }
    return doc.serialize();
  }

  std::string app_xml() {
    XmlTree doc;
    auto root = doc.append_child("Properties");
    root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    root.append_attribute("xmlns:vt") = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
    root.append_child("Application").set_text(doc_.meta.generator.c_str());
    root.append_child("Company").set_text(doc_.meta.author.c_str());
    return doc.serialize();
  }

  std::string custom_xml() {
    XmlTree doc;
    auto root = doc.append_child("Properties");
    root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
    root.append_attribute("xmlns:vt") = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
    int pid = 2;
    auto prop = [&](const char* name, const std::string& value) {
      auto p = root.append_child("property");
      p.append_attribute("fmtid") = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
      p.append_attribute("pid") = pid++;
      p.append_attribute("name") = name;
      p.append_child("vt:lpwstr").set_text(value.c_str());
    };
    prop("kvs-version", doc_.meta.generator);
    prop("kvs-kilde", doc_.meta.source_name);
    prop("kvs-kilde-sha256", doc_.meta.source_sha256);
    return doc.serialize();
  }

  struct ListState {
    int numId = 0;
    int level = 0;
    bool first_in_item = false;
  };

  const Document& doc_;
  const Templates& t_;
  ListState list_;
  std::string quote_style_;
  bool in_table_ = false;
  int available_width_ = kTextWidth;
  int bookmark_id_ = 1;
  std::map<std::string, std::string> links_;
  std::vector<std::string> link_order_;
  std::vector<int> ordered_starts_;
  std::string run_xml_;  ///< run()'s buffer, kept to spare an allocation per run
};

}  // namespace

std::vector<ZipEntry> docx_parts(const Document& doc, const Templates& t) { return DocxWriter(doc, t).parts(); }

std::string to_docx(const Document& doc, const Templates& t, std::string& error) {
  return zip_archive(docx_parts(doc, t), error);
}

}  // namespace kvs::render
