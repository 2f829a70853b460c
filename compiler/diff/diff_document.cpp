#include "diff_document.hpp"

#include "danish.hpp"
#include "render.hpp"
#include "sha256.hpp"

namespace kvs::diff {
namespace {

using render::Block;
using render::Blocks;
using render::Span;

Block paragraph(std::string text, std::string role = {}) {
  Block b;
  b.kind = Block::Kind::paragraph;
  b.role = std::move(role);
  b.spans.push_back({std::move(text)});
  return b;
}

Blocks cell(std::string text) { return {paragraph(std::move(text))}; }

std::string line_of(const SourceFile& f, const std::optional<SourceRange>& r) {
  return r ? "linje " + std::to_string(f.position(r->begin).line) : "–";
}

std::string period_name(const model::Standard& s) {
  if (s.valid_from && s.valid_to) return render::danish_date(*s.valid_from) + "–" + render::danish_date(*s.valid_to);
  if (s.year) return std::to_string(*s.year);
  return "uden år";
}

const char* area_label(const std::string& area) {
  if (area == "målgruppe") return "Målgruppe";
  if (area == "undtagelse") return "Undtagelse";
  if (area == "risikogruppe") return "Risikogruppe";
  if (area == "kontakt") return "Kontakt";
  if (area == "godkendelse") return "Godkendelse";
  if (area == "lovgrundlag") return "Lovgrundlag";
  if (area == "lov") return "Lov anvendt";
  if (area == "periode") return "Periode";
  if (area == "ordning") return "Ordning";
  if (area == "afsnit") return "Afsnit";
  if (area == "sagsbehandlingstid") return "Sagsbehandlingstid";
  return "Andet";
}

/// The paragraphs of a redline that changed, as spans with struck and added words.
Blocks redline_blocks(const std::vector<RedlinePiece>& pieces) {
  Blocks out;
  Block current;
  current.kind = Block::Kind::paragraph;
  bool changed = false;
  auto flush = [&] {
    if (changed && !current.spans.empty()) out.push_back(current);
    current.spans.clear();
    changed = false;
  };
  for (const auto& p : pieces) {
    Span::Style style = p.kind == RedlinePiece::Kind::same      ? Span::Style::plain
                        : p.kind == RedlinePiece::Kind::deleted ? Span::Style::deleted
                                                                : Span::Style::inserted;
    // Split at blank lines so that only the paragraphs with changes are shown.
    std::size_t start = 0;
    while (start <= p.text.size()) {
      std::size_t br = p.text.find("\n\n", start);
      std::string piece = p.text.substr(start, br == std::string::npos ? std::string::npos : br - start);
      for (auto& c : piece)
        if (c == '\n') c = ' ';
      // Trailing spaces stay unmarked, so a struck or underlined word is marked alone.
      std::size_t words_end = piece.find_last_not_of(' ') + 1;
      if (words_end > 0 && words_end < piece.size() && style != Span::Style::plain) {
        current.spans.push_back({piece.substr(0, words_end), style});
        current.spans.push_back({piece.substr(words_end), Span::Style::plain});
      } else if (!piece.empty()) {
        current.spans.push_back({piece, style});
      }
      if (style != Span::Style::plain && !piece.empty()) changed = true;
      if (br == std::string::npos) break;
      flush();
      start = br + 2;
    }
  }
  flush();
  return out;
}

}  // namespace

render::Document change_document(const StandardDiff& d, const model::Standard& a, const SourceFile& fa,
                                 const model::Standard& b, const SourceFile& fb) {
  render::Document doc;
  doc.layout = "afsnit";
  doc.kicker = "Ændringsoversigt";
  doc.title = (b.service.empty() ? std::string("Kvalitetsstandard") : b.service) + ": " + period_name(a) + " → " +
              period_name(b);
  doc.municipality = b.municipality;
  doc.front.push_back("Sammenligner " + fa.name() + " (" + period_name(a) + ") med " + fb.name() + " (" +
                      period_name(b) + ").");
  doc.front.push_back("Oversigten er dannet af kvs ud fra de to standarders indhold, ikke deres ordlyd: "
                      "omskrivninger uden ny betydning står under ‘Ændringer i teksten’.");
  doc.toc_heading = "Indhold";
  doc.labels_skip = "Spring til indhold";
  doc.labels_page = "Side";
  doc.labels_of = "af";
  doc.footer = b.municipality + " · Ændringsoversigt til byrådet";
  std::string sha = render::sha256_hex(fb.text());
  doc.provenance = "Dannet af " + render::generator_name() + " fra " + fa.name() + " og " + fb.name() +
                   " (SHA-256 af den nye: " + sha + ")";
  doc.meta.title = doc.kicker + " — " + doc.title;
  doc.meta.author = b.municipality;
  doc.meta.subject = b.service;
  doc.meta.description = doc.provenance;
  doc.meta.source_name = fb.name();
  doc.meta.source_sha256 = sha;
  doc.meta.generator = render::generator_name();
  if (b.approval && b.approval->date) doc.meta.date = b.approval->date;
  else doc.meta.date = b.period_start();

  render::Section changes;
  changes.id = "aendringer";
  changes.heading = "Ændringer i indholdet";
  if (d.changes.empty()) {
    changes.blocks.push_back(paragraph("Ingen ændringer i målgrupper, tilbud, undtagelser, kontakt eller lovgrundlag."));
  } else {
    auto table = std::make_shared<render::Table>();
    table->caption = "Hver ændring i én sætning, med stedet i den gamle og den nye fil";
    table->head = {"Område", "Ændring", "Gammel fil", "Ny fil"};
    table->widths = {16, 60, 12, 12};
    for (const auto& c : d.changes)
      table->rows.push_back({cell(area_label(c.area)), cell(c.sentence), cell(line_of(fa, c.old_where)),
                             cell(line_of(fb, c.new_where))});
    Block t;
    t.kind = Block::Kind::table;
    t.table = table;
    changes.blocks.push_back(t);
  }
  doc.sections.push_back(std::move(changes));

  render::Section text;
  text.id = "tekst";
  text.heading = "Ændringer i teksten";
  if (d.prose.empty()) {
    text.blocks.push_back(paragraph("Ingen ændringer i kommunens egne tekster."));
  } else {
    text.blocks.push_back(paragraph("Slettede ord er overstreget, nye ord er understreget. Kun afsnit med ændringer vises."));
    for (const auto& p : d.prose) {
      Block h;
      h.kind = Block::Kind::heading;
      h.level = 3;
      std::string heading = p.what;
      if (!heading.empty() && heading[0] >= 'a' && heading[0] <= 'z') heading[0] = static_cast<char>(heading[0] - 'a' + 'A');
      h.spans.push_back({heading});
      text.blocks.push_back(h);
      for (auto& blk : redline_blocks(p.redline)) text.blocks.push_back(std::move(blk));
    }
  }
  doc.sections.push_back(std::move(text));

  render::Section findings;
  findings.id = "fund";
  findings.heading = "Fund fra kontrollen";
  if (d.findings.empty()) {
    findings.blocks.push_back(paragraph("Kontrollen mod loven og god praksis giver de samme fund for begge versioner."));
  } else {
    auto table = std::make_shared<render::Table>();
    table->caption = "Fund, der er kommet til eller forsvundet";
    table->head = {"Ændring", "Alvor", "Regel", "Fund"};
    table->widths = {12, 12, 20, 56};
    for (const auto& f : d.findings)
      table->rows.push_back({cell(f.appeared ? "Nyt" : "Væk"), cell(severity_word(f.severity)), cell(f.code), cell(f.message)});
    Block t;
    t.kind = Block::Kind::table;
    t.table = table;
    findings.blocks.push_back(t);
  }
  doc.sections.push_back(std::move(findings));
  return doc;
}

}  // namespace kvs::diff
