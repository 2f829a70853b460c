#include "to_markdown.hpp"

namespace kvs::render {
namespace {

/// Escapes the characters that would start markup in running text.
std::string esc(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '\\' || c == '<' || c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string spans(const Spans& ss) {
  std::string out;
  for (const auto& s : ss) {
    if (s.text == "\n") {
      out += "\\\n";
      continue;
    }
    std::string t = esc(s.text);
    if (s.style == Span::Style::strong) t = "**" + t + "**";
    else if (s.style == Span::Style::emph) t = "*" + t + "*";
    else if (s.style == Span::Style::deleted) t = "~~" + t + "~~";
    else if (s.style == Span::Style::inserted) t = "<ins>" + t + "</ins>";
    if (!s.href.empty()) t = "[" + t + "](" + s.href + ")";
    out += t;
  }
  return out;
}

std::string indent(const std::string& text, const std::string& first, const std::string& rest) {
  std::string out;
  bool start = true, at_first = true;
  for (char c : text) {
    if (start) {
      out += at_first ? first : rest;
      at_first = false;
      start = false;
    }
    out += c;
    if (c == '\n') start = true;
  }
  return out;
}

std::string blocks(const Blocks& bs);

std::string inline_cell(const Blocks& bs) {
  std::string out;
  for (const auto& b : bs) {
    std::string t = blocks({b});
    for (char& c : t)
      if (c == '\n') c = ' ';
    while (!t.empty() && t.back() == ' ') t.pop_back();
    out += (out.empty() ? "" : "<br>") + t;
  }
  return out;
}

std::string block(const Block& b) {
  switch (b.kind) {
    case Block::Kind::heading:
      return std::string(static_cast<std::size_t>(b.level), '#') + " " + spans(b.spans) + "\n\n";
    case Block::Kind::paragraph:
      return spans(b.spans) + "\n\n";
    case Block::Kind::prose:
      return b.prose->commonmark() + "\n";
    case Block::Kind::list: {
      std::string out;
      int n = b.start;
      for (const auto& item : b.items) {
        std::string marker = b.ordered ? std::to_string(n++) + ". " : "- ";
        std::string body = blocks(item);
        while (body.size() > 1 && body.substr(body.size() - 2) == "\n\n") body.pop_back();
        out += indent(body, marker, std::string(marker.size(), ' '));
      }
      return out + "\n";
    }
    case Block::Kind::table: {
      const Table& t = *b.table;
      std::string out;
      if (!t.caption.empty()) out += "*" + esc(t.caption) + "*\n\n";
      std::size_t cols = t.head.size();
      out += "|";
      for (const auto& h : t.head) out += " " + esc(h) + " |";
      out += "\n|";
      for (std::size_t i = 0; i < cols; ++i) out += " --- |";
      out += "\n";
      for (const auto& row : t.rows) {
        out += "|";
        for (const auto& cell : row) out += " " + inline_cell(cell) + " |";
        out += "\n";
      }
      return out + "\n";
    }
    case Block::Kind::quote:
      return indent(blocks(b.children), "> ", "> ") + "\n";
    case Block::Kind::note:
      return blocks(b.children);
  }
  return {};
}

std::string blocks(const Blocks& bs) {
  std::string out;
  for (const auto& b : bs) out += block(b);
  return out;
}

}  // namespace

std::string to_markdown(const Document& doc) {
  std::string out = "# " + esc(doc.kicker) + ": " + esc(doc.title) + "\n\n**" + esc(doc.municipality) + "**\n\n";
  for (const auto& f : doc.front) out += esc(f) + "\\\n";
  if (!doc.front.empty()) out.resize(out.size() - 2), out += "\n\n";
  for (const auto* list : {&doc.sections, &doc.appendix})
    for (const auto& s : *list) {
      out += std::string(static_cast<std::size_t>(s.level), '#') + " " + esc(s.heading_text()) + "\n\n";
      out += blocks(s.blocks);
    }
  out += "---\n\n" + esc(doc.provenance) + "\n";
  return out;
}

}  // namespace kvs::render
