#include "diff_output.hpp"

#include "json_writer.hpp"

namespace kvs::diff {
namespace {

std::string place(const SourceFile& f, const std::optional<SourceRange>& r) {
  if (!r) return {};
  return f.name() + ":" + std::to_string(f.position(r->begin).line);
}

std::string places(const SourceFile& a, const std::optional<SourceRange>& ra, const SourceFile& b,
                   const std::optional<SourceRange>& rb) {
  std::string pa = place(a, ra), pb = place(b, rb);
  if (pa.empty() && pb.empty()) return {};
  if (pa.empty()) return "  (" + pb + ")";
  if (pb.empty()) return "  (" + pa + ")";
  return "  (" + pa + " \u2192 " + pb + ")";
}

const char* sign(Change::Kind k) {
  switch (k) {
    case Change::Kind::added: return "+";
    case Change::Kind::removed: return "\u2212";
    case Change::Kind::changed: return "~";
  }
  return "~";
}

const char* kind_word(Change::Kind k) {
  switch (k) {
    case Change::Kind::added: return "tilføjet";
    case Change::Kind::removed: return "fjernet";
    case Change::Kind::changed: return "ændret";
  }
  return "ændret";
}

void json_place(JsonWriter& w, const char* key, const SourceFile& f, const std::optional<SourceRange>& r) {
  if (!r) return;
  Position p = f.position(r->begin);
  w.key(key).begin_object().key("file").value(f.name()).key("line").value(p.line).key("column").value(p.column).end_object();
}

}  // namespace

std::string to_text(const StandardDiff& d, const SourceFile& a, const SourceFile& b) {
  std::string out = "Ændringer fra " + a.name() + " til " + b.name() + "\n";
  if (d.empty()) return out + "\nIngen ændringer i indholdet.\n";
  if (!d.changes.empty()) {
    out += "\n";
    for (const auto& c : d.changes)
      out += std::string("  ") + sign(c.kind) + " " + c.sentence + places(a, c.old_where, b, c.new_where) + "\n";
  }
  if (!d.prose.empty()) {
    out += "\nTekst ([-slettet-] {+tilføjet+}):\n";
    for (const auto& p : d.prose) {
      out += "\n  " + p.what + places(a, p.old_where, b, p.new_where) + "\n";
      // Only the paragraphs that changed, so a long section with one edited word stays short.
      std::string text = redline_text(p.redline);
      std::size_t start = 0;
      bool first = true;
      while (start <= text.size()) {
        std::size_t end = text.find("\n\n", start);
        if (end == std::string::npos) end = text.size();
        std::string paragraph = text.substr(start, end - start);
        if (paragraph.find("[-") != std::string::npos || paragraph.find("{+") != std::string::npos) {
          if (!first) out += "    …\n";
          first = false;
          std::string indented = "    ";
          for (char ch : paragraph) {
            indented += ch;
            if (ch == '\n') indented += "    ";
          }
          out += indented + "\n";
        }
        start = end + 2;
      }
    }
  }
  if (!d.findings.empty()) {
    out += "\nFund fra kontrollen:\n";
    for (const auto& f : d.findings)
      out += std::string("  ") + (f.appeared ? "+ nyt" : "\u2212 væk") + ": " + severity_word(f.severity) + "[" + f.code +
             "] " + f.message + "\n";
  }
  return out;
}

std::string to_json(const StandardDiff& d, const SourceFile& a, const SourceFile& b) {
  JsonWriter w;
  w.begin_object().key("version").value(1).key("old").value(a.name()).key("new").value(b.name());
  w.key("changes").begin_array();
  for (const auto& c : d.changes) {
    w.begin_object().key("kind").value(kind_word(c.kind)).key("area").value(c.area).key("sentence").value(c.sentence);
    json_place(w, "old_location", a, c.old_where);
    json_place(w, "new_location", b, c.new_where);
    w.end_object();
  }
  w.end_array();
  w.key("prose").begin_array();
  for (const auto& p : d.prose) {
    w.begin_object().key("what").value(p.what);
    json_place(w, "old_location", a, p.old_where);
    json_place(w, "new_location", b, p.new_where);
    w.key("redline").begin_array();
    for (const auto& piece : p.redline) {
      const char* k = piece.kind == RedlinePiece::Kind::same ? "same"
                      : piece.kind == RedlinePiece::Kind::deleted ? "deleted" : "inserted";
      w.begin_object().key("kind").value(k).key("text").value(piece.text).end_object();
    }
    w.end_array().end_object();
  }
  w.end_array();
  w.key("findings").begin_array();
  for (const auto& f : d.findings)
    w.begin_object().key("change").value(f.appeared ? "appeared" : "disappeared").key("code").value(f.code)
        .key("severity").value(severity_word(f.severity)).key("message").value(f.message).end_object();
  w.end_array().end_object();
  return w.str() + "\n";
}

}  // namespace kvs::diff
