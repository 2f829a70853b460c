// The front end: atoms, prose dedent, block structure, error recovery.
#include <catch2/catch.hpp>

#include "atom_decoder.hpp"
#include "parse.hpp"

using namespace kvs;
using K = ast::Atom::Kind;

namespace {

struct Parsed {
  std::shared_ptr<SourceFile> file;
  ast::Document doc;
  DiagnosticSink sink;
};

std::unique_ptr<Parsed> parse_text(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  p->file = std::make_shared<SourceFile>("t.kvs", text);
  p->doc = dsl::parse(*p->file, p->sink);
  return p;
}

std::vector<std::string> codes(const DiagnosticSink& s) {
  std::vector<std::string> out;
  for (auto& d : s.diagnostics()) out.push_back(d.code);
  return out;
}

}  // namespace

TEST_CASE("atoms of every kind", "[parse]") {
  auto p = parse_text("x: fylder 75 år, 65–81, 6-8, 1½, 2024-02-06, \"tekst \\\"citat\\\"\", § 79 a, ca.\n");
  REQUIRE(p->sink.diagnostics().empty());
  REQUIRE(p->doc.items.size() == 1);
  const ast::Field& f = p->doc.items[0].field;
  CHECK(f.key == "x");
  REQUIRE(f.values.size() == 8);
  CHECK(f.values[0].atoms.size() == 3);
  CHECK(f.values[0].atoms[1].kind == K::number);
  CHECK(f.values[0].atoms[1].number == 75);
  CHECK(f.values[1].atoms[0].kind == K::range);
  CHECK(f.values[1].atoms[0].low == 65);
  CHECK(f.values[1].atoms[0].high == 81);
  CHECK(f.values[2].atoms[0].high == 8);
  CHECK(f.values[3].atoms[0].number == 1.5);
  CHECK(f.values[4].atoms[0].kind == K::date);
  CHECK(f.values[4].atoms[0].month == 2);
  CHECK(f.values[5].atoms[0].text == "tekst \"citat\"");
  CHECK(f.values[6].atoms[0].text == "§");
  CHECK(f.values[7].atoms[0].text == "ca.");
}

TEST_CASE("prose blocks are dedented by their closing quotes", "[parse]") {
  CHECK(dsl::dedent_prose("\n    a\n\n      b\n    ") == "a\n\n  b");
  CHECK(dsl::dedent_prose("kort") == "kort");
  CHECK(dsl::dedent_prose("\n  a\n  b") == "a\nb");
  auto p = parse_text("blok {\n  tekst: \"\"\"\n    # Overskrift\n\n    - punkt\n    \"\"\"\n}\n");
  REQUIRE(p->sink.diagnostics().empty());
  const ast::Block& b = p->doc.items[0].block;
  CHECK(b.items[0].field.values[0].atoms[0].text == "# Overskrift\n\n- punkt");
}

TEST_CASE("blocks nest and keep comments and blank lines", "[parse]") {
  auto p = parse_text("# top\nmålgruppe mg1 \"Titel\" {  # efter\n\n  alder: fylder 75\n}\n");
  REQUIRE(p->sink.diagnostics().empty());
  REQUIRE(p->doc.items.size() == 2);
  CHECK(p->doc.items[0].kind == ast::Item::Kind::comment);
  const ast::Block& b = p->doc.items[1].block;
  CHECK(b.kind == "målgruppe");
  CHECK(b.id->text == "mg1");
  CHECK(b.title->text == "Titel");
  CHECK(b.trailing_comment == " efter");
  REQUIRE(b.items.size() == 2);
  CHECK(b.items[0].kind == ast::Item::Kind::blank);
  CHECK(b.items[1].field.key == "alder");
}

TEST_CASE("every syntax error in a file is reported in one run", "[parse]") {
  auto p = parse_text("a: \"x\nb c\nc: 1,\n}\nd {\n");
  CHECK(codes(p->sink) == std::vector<std::string>{"KVS-P002", "KVS-P004", "KVS-P001", "KVS-P007", "KVS-P008"});
}

TEST_CASE("a bad block header still opens its block", "[parse]") {
  // Without recovery the closing brace would give a second, confusing error.
  auto p = parse_text("målgruppe mg1 \"x\" ; {\n  alder: fylder 75\n}\n");
  CHECK(codes(p->sink) == std::vector<std::string>{"KVS-P004"});
}

TEST_CASE("nesting is bounded", "[parse]") {
  std::string text;
  for (int i = 0; i < dsl::kMaxNesting + 5; ++i) text += "b {\n";
  for (int i = 0; i < dsl::kMaxNesting + 5; ++i) text += "}\n";
  auto p = parse_text(text);
  CHECK(codes(p->sink).size() == 5);
  for (auto& c : codes(p->sink)) CHECK(c == "KVS-P009");
}

TEST_CASE("columns of errors count Danish letters as one character", "[parse]") {
  auto p = parse_text("æøå: ;\n");
  REQUIRE(p->sink.diagnostics().size() == 1);
  Position pos = p->file->position(p->sink.diagnostics()[0].where->begin);
  CHECK(pos.column == 6);
}

TEST_CASE("prose ends at the first triple quote; quotes inside it are text", "[parse]") {
  auto p = parse_text("a: \"\"\"\n  Hun sagde \"ja\" og \"\"nej\"\" – æøå\n  \"\"\"\nb: 1\n");
  REQUIRE(p->sink.diagnostics().empty());
  REQUIRE(p->doc.items.size() == 2);
  const ast::Atom& prose = p->doc.items[0].field.values[0].atoms[0];
  CHECK(prose.kind == K::prose);
  CHECK(prose.text == "Hun sagde \"ja\" og \"\"nej\"\" – æøå");
  CHECK(p->doc.items[1].field.key == "b");
  // Four quotes: the prose ends at the first three, the fourth is left over.
  auto q = parse_text("a: \"\"\"x\"\"\"\"\n");
  CHECK(codes(q->sink) == std::vector<std::string>{"KVS-P002"});
  // Empty prose, and prose that is never closed (the error points at its opening quotes).
  auto e = parse_text("a: \"\"\"\"\"\"\n");
  REQUIRE(e->sink.diagnostics().empty());
  CHECK(e->doc.items[0].field.values[0].atoms[0].text.empty());
  auto u = parse_text("x: 1\na: \"\"\"\n  tekst uden ende \"\"\n");
  REQUIRE(codes(u->sink) == std::vector<std::string>{"KVS-P003"});
  CHECK(u->sink.diagnostics()[0].where->begin == 8);
}

TEST_CASE("one-line strings: escapes, a backslash at the line end, no closing quote", "[parse]") {
  auto p = parse_text("a: \"x\\\\\" , \"æ\\tø \\\"å\\\"\"\n");
  REQUIRE(p->sink.diagnostics().empty());
  const ast::Field& f = p->doc.items[0].field;
  REQUIRE(f.values.size() == 2);
  CHECK(f.values[0].atoms[0].text == "x\\");
  CHECK(f.values[1].atoms[0].text == "æ\tø \"å\"");
  auto b = parse_text("a: \"slut\\\nb: 1\n");  // the backslash has nothing to escape
  CHECK(codes(b->sink) == std::vector<std::string>{"KVS-P002"});
  CHECK(b->sink.diagnostics()[0].where->begin == 3);
  REQUIRE(b->doc.items.size() == 1);  // the bad line gives no item; parsing goes on
  CHECK(b->doc.items[0].field.key == "b");
  auto e = parse_text("a: \"uden ende\n");
  CHECK(codes(e->sink) == std::vector<std::string>{"KVS-P002"});
  auto t = parse_text("a: \"slut\\");  // a backslash as the last byte of the file
  CHECK(codes(t->sink) == std::vector<std::string>{"KVS-P002"});
}
