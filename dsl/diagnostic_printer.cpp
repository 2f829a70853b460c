#include "diagnostic_printer.hpp"

#include "json_writer.hpp"

namespace kvs {
namespace {

std::string location(const Diagnostic& d) {
  std::string s = d.path;
  if (d.file && d.where) {
    Position p = d.file->position(d.where->begin);
    s += ':' + std::to_string(p.line) + ':' + std::to_string(p.column);
  }
  return s;
}

// The source line with a caret under the start of the range and tildes under the rest
// of it (up to the end of the line). Tabs are copied into the marker line so the
// underline stays aligned however the terminal expands them.
void append_excerpt(std::string& out, const SourceFile& file, SourceRange r) {
  Position p = file.position(r.begin);
  std::string_view line = file.line_text(p.line);
  std::string number = std::to_string(p.line);
  std::string gutter(number.size(), ' ');
  out += ' ' + number + " | " + std::string(line) + '\n';
  out += ' ' + gutter + " | ";
  std::uint32_t line_start = file.line_start(p.line);
  std::uint32_t col_bytes = r.begin - line_start;
  for (std::uint32_t i = 0; i < col_bytes && i < line.size(); ++i) {
    unsigned char c = line[i];
    if ((c & 0xC0) == 0x80) continue;
    out += c == '\t' ? '\t' : ' ';
  }
  std::uint32_t end = std::min<std::uint32_t>(r.end, line_start + line.size());
  int width = end > r.begin ? count_code_points(file.slice({r.begin, end})) : 1;
  out += '^';
  if (width > 1) out.append(width - 1, '~');
  out += '\n';
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = location(d) + ": " + severity_word(d.severity);
  if (!d.code.empty()) out += '[' + d.code + ']';
  out += ": " + d.message;
  if (d.acknowledged) out += " (anerkendt)";
  out += '\n';
  if (d.file && d.where) append_excerpt(out, *d.file, *d.where);
  if (d.provision) {
    // Advice rests on evidence (the national evaluation), not always on law.
    out += std::string(d.severity == Severity::raad ? "   = kilde: " : "   = lov: ") + d.provision->citation;
    if (!d.provision->version.empty()) out += " [" + d.provision->version + "]";
    if (d.provision->paraphrase) out += " (parafrase)";
    if (d.provision->unverified) out += " (ordlyd ikke verificeret)";
    out += '\n';
    if (!d.provision->text.empty()) out += "     \u201c" + d.provision->text + "\u201d\n";
  }
  if (d.acknowledged) out += "   = anerkendt: " + d.acknowledgement_reason + '\n';
  if (!d.suggestion.empty()) out += "   = " + d.suggestion + '\n';
  for (const auto& n : d.notes) {
    out += "   = note: " + n.message;
    if (n.file && n.where) {
      Position p = n.file->position(n.where->begin);
      out += " (" + n.file->name() + ':' + std::to_string(p.line) + ':' +
             std::to_string(p.column) + ')';
    }
    out += '\n';
  }
  return out;
}

std::string format_summary(const DiagnosticSink& sink) {
  int f = sink.count(Severity::fejl), a = sink.count(Severity::advarsel),
      r = sink.count(Severity::raad);
  std::string s = std::to_string(f) + " fejl, " + std::to_string(a) +
                  (a == 1 ? " advarsel, " : " advarsler, ") + std::to_string(r) + " råd";
  int acknowledged = static_cast<int>(sink.diagnostics().size()) - f - a - r;
  if (acknowledged > 0) s += ", " + std::to_string(acknowledged) + " anerkendt";
  return s;
}

std::string diagnostics_to_json(const std::vector<Diagnostic>& diagnostics) {
  JsonWriter w;
  w.begin_object().key("version").value(1).key("diagnostics").begin_array();
  for (const auto& d : diagnostics) {
    w.begin_object();
    w.key("code").value(d.code);
    w.key("severity").value(severity_word(d.severity));
    w.key("message").value(d.message);
    w.key("file").value(d.path);
    if (d.file && d.where) {
      Position b = d.file->position(d.where->begin), e = d.file->position(d.where->end);
      w.key("range").begin_object();
      w.key("start").begin_object().key("line").value(b.line).key("column").value(b.column).end_object();
      w.key("end").begin_object().key("line").value(e.line).key("column").value(e.column).end_object();
      w.end_object();
    } else {
      w.key("range").null();
    }
    if (!d.suggestion.empty()) w.key("suggestion").value(d.suggestion);
    if (!d.notes.empty()) {
      w.key("notes").begin_array();
      for (const auto& n : d.notes) {
        w.begin_object().key("message").value(n.message);
        if (n.file && n.where) {
          Position p = n.file->position(n.where->begin);
          w.key("line").value(p.line).key("column").value(p.column);
        }
        w.end_object();
      }
      w.end_array();
    }
    if (d.provision) {
      w.key("provision").begin_object();
      w.key("citation").value(d.provision->citation);
      w.key("version").value(d.provision->version);
      w.key("text").value(d.provision->text);
      w.key("paraphrase").value(d.provision->paraphrase);
      w.key("unverified").value(d.provision->unverified);
      w.end_object();
    }
    w.key("acknowledged").value(d.acknowledged);
    if (d.acknowledged) w.key("acknowledgement_reason").value(d.acknowledgement_reason);
    w.end_object();
  }
  w.end_array().end_object();
  return w.str() + '\n';
}

}  // namespace kvs
