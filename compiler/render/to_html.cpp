#include "to_html.hpp"

namespace kvs::render {
namespace {

/// `s` HTML-escaped onto `out` (runs between the characters that need it in one go).
void esc_into(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && s[j] != '&' && s[j] != '<' && s[j] != '>' && s[j] != '"') ++j;
    out.append(s.data() + i, j - i);
    if (j == s.size()) break;
    switch (s[j]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += "&quot;"; break;
    }
    i = j + 1;
  }
}

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  esc_into(out, s);
  return out;
}

class HtmlWriter {
 public:
  explicit HtmlWriter(std::string& out) : out_(out) {}

  void spans(const Spans& spans) {
    for (const auto& s : spans) {
      if (s.text == "\n") {
        out_ += "<br>\n";
        continue;
      }
      // Written straight into the output: <a> outside, the style element inside it.
      const char* tag = s.style == Span::Style::strong    ? "strong"
                        : s.style == Span::Style::emph     ? "em"
                        : s.style == Span::Style::deleted  ? "del"
                        : s.style == Span::Style::inserted ? "ins"
                                                           : nullptr;
      if (!s.href.empty()) {
        out_ += "<a href=\"";
        esc_into(out_, s.href);
        out_ += "\">";
      }
      if (tag) out_.append("<").append(tag).append(">");
      esc_into(out_, s.text);
      if (tag) out_.append("</").append(tag).append(">");
      if (!s.href.empty()) out_ += "</a>";
    }
  }

  void blocks(const Blocks& bs) {
    for (const auto& b : bs) block(b);
  }

  void block(const Block& b) {
    switch (b.kind) {
      case Block::Kind::heading: {
        std::string tag = "h" + std::to_string(b.level);
        out_ += "<" + tag + (b.id.empty() ? "" : " id=\"" + esc(b.id) + "\"") + ">";
        spans(b.spans);
        out_ += "</" + tag + ">\n";
        break;
      }
      case Block::Kind::paragraph:
        out_ += b.role.empty() ? "<p>" : "<p class=\"" + esc(b.role) + "\">";
        spans(b.spans);
        out_ += "</p>\n";
        break;
      case Block::Kind::prose:
        out_ += "<div class=\"prose\">\n";
        out_ += b.prose->html();
        out_ += "</div>\n";
        break;
      case Block::Kind::list: {
        std::string tag = b.ordered ? "ol" : "ul";
        out_ += "<" + tag;
        if (b.ordered && b.start != 1) out_ += " start=\"" + std::to_string(b.start) + "\"";
        out_ += ">\n";
        for (const auto& item : b.items) {
          out_ += "<li>";
          if (item.size() == 1 && item[0].kind == Block::Kind::paragraph && item[0].role.empty()) spans(item[0].spans);
          else blocks(item);
          out_ += "</li>\n";
        }
        out_ += "</" + tag + ">\n";
        break;
      }
      case Block::Kind::table:
        table(*b.table);
        break;
      case Block::Kind::quote:
        out_ += "<blockquote class=\"law\">\n";
        blocks(b.children);
        out_ += "</blockquote>\n";
        break;
      case Block::Kind::note:
        out_ += "<div class=\"note" + (b.role.empty() ? "" : " note-" + esc(b.role)) + "\" role=\"note\">\n";
        blocks(b.children);
        out_ += "</div>\n";
        break;
    }
  }

  void cell(const Blocks& bs) {
    if (bs.size() == 1 && bs[0].kind == Block::Kind::paragraph && bs[0].role.empty()) spans(bs[0].spans);
    else blocks(bs);
  }

  void table(const Table& t) {
    out_ += "<div class=\"table-wrap\">\n<table" + (t.role.empty() ? "" : " class=\"" + esc(t.role) + "\"") + ">\n";
    if (!t.caption.empty()) out_ += "<caption>" + esc(t.caption) + "</caption>\n";
    if (!t.widths.empty()) {
      out_ += "<colgroup>";
      for (int w : t.widths) out_ += "<col style=\"width:" + std::to_string(w) + "%\">";
      out_ += "</colgroup>\n";
    }
    if (!t.head.empty()) {
      out_ += "<thead><tr>";
      for (const auto& h : t.head) out_ += "<th scope=\"col\">" + esc(h) + "</th>";
      out_ += "</tr></thead>\n";
    }
    out_ += "<tbody>\n";
    for (const auto& row : t.rows) {
      out_ += "<tr>";
      for (std::size_t i = 0; i < row.size(); ++i) {
        bool th = i == 0 && t.row_headers;
        out_ += th ? "<th scope=\"row\">" : "<td>";
        cell(row[i]);
        out_ += th ? "</th>" : "</td>";
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n</div>\n";
  }

 private:
  std::string& out_;
};

void meta(std::string& out, std::string_view name, std::string_view content) {
  if (content.empty()) return;
  out += "<meta name=\"" + esc(name) + "\" content=\"" + esc(content) + "\">\n";
}

void toc(std::string& out, const Document& doc) {
  bool nested = false;
  for (const auto* list : {&doc.sections, &doc.appendix})
    for (const auto& s : *list) nested = nested || s.level == 3;
  out += std::string("<nav class=\"toc") + (nested ? " nested" : "") + "\" aria-labelledby=\"toc-titel\">\n<h2 id=\"toc-titel\">" +
         esc(doc.toc_heading) + "</h2>\n<ol>\n";
  bool open_sub = false;
  auto entry = [&](const Section& s) {
    return "<a href=\"#" + esc(s.id) + "\">" + esc(s.heading_text()) + "</a>";
  };
  // The sections, then the appendix, walked in place (a copy would copy every block).
  std::vector<const Section*> all;
  all.reserve(doc.sections.size() + doc.appendix.size());
  for (const auto* list : {&doc.sections, &doc.appendix})
    for (const auto& s : *list) all.push_back(&s);
  bool first = true;
  for (const Section* sp : all) {
    const Section& s = *sp;
    if (s.level == 2) {
      if (open_sub) out += "</ol>";
      if (!first) out += "</li>\n";
      open_sub = false;
      out += "<li>" + entry(s);
      first = false;
    } else if (s.level == 3) {
      if (first) {
        out += "<li>";
        first = false;
      }
      if (!open_sub) out += "<ol>\n";
      open_sub = true;
      out += "<li>" + entry(s) + "</li>\n";
    }
  }
  if (open_sub) out += "</ol>";
  if (!first) out += "</li>\n";
  out += "</ol>\n</nav>\n";
}

void section(std::string& out, const Section& s, const std::string& layout) {
  HtmlWriter w(out);
  std::string cls = "section level-" + std::to_string(s.level);
  if (s.chapter) cls += " chapter";
  if (!s.role.empty()) cls += " " + s.role;
  bool row = layout == "tabel" && !s.chapter && s.role.empty();
  if (row) cls += " row";
  out += "<section class=\"" + cls + "\">\n";
  std::string tag = "h" + std::to_string(s.level);
  std::string heading = "<" + tag + " id=\"" + esc(s.id) + "\">";
  if (!s.number.empty()) heading += "<span class=\"num\">" + esc(s.number) + "</span> ";
  heading += esc(s.heading) + "</" + tag + ">\n";
  if (row) {
    out += "<div class=\"row-head\">" + heading + "</div>\n<div class=\"row-body\">\n";
    w.blocks(s.blocks);
    out += "</div>\n";
  } else {
    out += heading;
    w.blocks(s.blocks);
  }
  out += "</section>\n";
}

}  // namespace

std::string to_html(const Document& doc, const std::string& css) {
  std::string out;
  out.reserve(64 * 1024);
  const Metadata& m = doc.meta;
  out += "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + esc(m.title) + "</title>\n";
  meta(out, "author", m.author);
  meta(out, "description", m.description);
  meta(out, "keywords", m.keywords);
  meta(out, "generator", m.generator);
  meta(out, "dcterms.title", m.title);
  meta(out, "dcterms.creator", m.author);
  meta(out, "dcterms.language", "da-DK");
  if (m.date) meta(out, "dcterms.date", m.date->iso());
  meta(out, "dcterms.identifier", m.source_sha256.empty() ? "" : "sha256:" + m.source_sha256);
  meta(out, "kvs.kilde", m.source_name);
  meta(out, "kvs.kilde-sha256", m.source_sha256);
  meta(out, "kvs.version", m.generator);
  out += "<style>\n" + css + "</style>\n</head>\n";
  out += "<body class=\"layout-" + esc(doc.layout) + "\">\n";
  out += "<a class=\"skip\" href=\"#hovedindhold\">" + esc(doc.labels_skip) + "</a>\n";
  out += "<header class=\"cover" + std::string(doc.cover_page ? " cover-page" : "") + "\">\n";
  out += "<p class=\"municipality\">" + esc(doc.municipality) + "</p>\n";
  out += "<h1><span class=\"kicker\">" + esc(doc.kicker) + "</span> <span class=\"title\">" + esc(doc.title) + "</span></h1>\n";
  for (const auto& f : doc.front) out += "<p class=\"front\">" + esc(f) + "</p>\n";
  out += "</header>\n";
  toc(out, doc);
  out += "<main id=\"hovedindhold\">\n";
  for (const auto& s : doc.sections) section(out, s, doc.layout);
  for (const auto& s : doc.appendix) section(out, s, doc.layout);
  out += "</main>\n<footer>\n<p>" + esc(doc.footer) + "</p>\n<p class=\"provenance\">" + esc(doc.provenance) + "</p>\n</footer>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace kvs::render
