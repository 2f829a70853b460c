#include "parse.hpp"

#include "statement_parser.hpp"

namespace kvs::dsl {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// The "token" at an offset, for messages: up to the next blank or line end.
std::uint32_t token_end(const std::string& text, std::uint32_t at) {
  std::uint32_t end = at;
  while (end < text.size() && !is_blank(text[end]) && text[end] != '\n') ++end;
  if (end == at && at < text.size() && text[at] != '\n') ++end;
  return end;
}

std::string quoted_token(const std::string& text, std::uint32_t at) {
  std::uint32_t end = token_end(text, at);
  if (end == at) return "linjens slutning";
  std::string t = text.substr(at, end - at);
  if (t.size() > 30) t = t.substr(0, 30) + "…";
  return "'" + t + "'";
}

class Driver {
  // Room for this many items from the start: a block of a standard holds a handful of
  // fields and blank lines, and each regrowth would move every (large) Item again.
  static constexpr std::size_t kFirstItems = 8;

 public:
  Driver(const SourceFile& file, DiagnosticSink& sink) : file_(file), text_(file.text()), sink_(sink) {}

  ast::Document run() {
    doc_.items.reserve(kFirstItems);
    std::uint32_t pos = 0;
    while (pos < text_.size()) pos = line(pos);
    while (!stack_.empty()) {
      ast::Block& b = stack_.back();
      if (!b.recovered) {
        auto& d = sink_.error(file_, b.header_where, "KVS-P008",
                              "blokken '" + b.kind + "' er ikke lukket med '}'");
        d.suggestion = "tilføj en linje med '}' efter blokkens sidste felt";
      }
      b.where.end = static_cast<std::uint32_t>(text_.size());
      close_top();
    }
    return std::move(doc_);
  }

 private:
  std::vector<ast::Item>& current_items() { return stack_.empty() ? doc_.items : stack_.back().items; }

  std::uint32_t end_of_line(std::uint32_t pos) const {
    while (pos < text_.size() && text_[pos] != '\n') ++pos;
    return pos;
  }

  std::uint32_t line(std::uint32_t pos) {
    std::uint32_t start = pos;
    while (pos < text_.size() && is_blank(text_[pos])) ++pos;
    if (pos >= text_.size() || text_[pos] == '\n') {
      new_item(ast::Item::Kind::blank);
      return pos + 1;
    }
    if (text_[pos] == '#') {
      std::uint32_t eol = end_of_line(pos);
      ast::Item& item = new_item(ast::Item::Kind::comment);
      item.comment.text = text_.substr(pos + 1, eol - pos - 1);
      item.comment.where = {pos, eol};
      return eol + 1;
    }
    (void)start;
    StatementResult r = parse_statement(text_, pos);
    if (r.kind == StatementResult::Kind::error) return recover(pos, r);

    // After the statement: blanks, an optional comment, then the line end.
    std::uint32_t after = r.end;
    while (after < text_.size() && is_blank(text_[after])) ++after;
    std::string comment;
    if (after < text_.size() && text_[after] == '#') {
      std::uint32_t eol = end_of_line(after);
      comment = text_.substr(after + 1, eol - after - 1);
      after = eol;
    }
    if (after < text_.size() && text_[after] != '\n') {
      unexpected_text(after);
      after = end_of_line(after);
    }
    switch (r.kind) {
      case StatementResult::Kind::field: {
        ast::Item& item = new_item(ast::Item::Kind::field);
        item.field = std::move(r.field);
        item.field.trailing_comment = std::move(comment);
        break;
      }
      case StatementResult::Kind::block_open:
        r.block.trailing_comment = std::move(comment);
        open(std::move(r.block));
        break;
      case StatementResult::Kind::block_close:
        if (stack_.empty()) {
          auto& d = sink_.error(file_, {pos, pos + 1}, "KVS-P007",
                                "'}' lukker ingen blok: der er ingen åben blok her");
          d.suggestion = "fjern '}', eller tjek at blokken ovenfor blev åbnet med '{'";
        } else {
          stack_.back().where.end = pos + 1;
          close_top();
        }
        break;
      case StatementResult::Kind::error:
        break;
    }
    return after + 1;
  }

  void open(ast::Block block) {
    block.items.reserve(kFirstItems);
    block.where.begin = block.kind_where.begin;
    if (static_cast<int>(stack_.size()) >= kMaxNesting) {
      auto& d = sink_.error(file_, block.header_where, "KVS-P009",
                            "blokkene er indlejret for dybt (højst " +
                                std::to_string(kMaxNesting) + " niveauer)");
      d.suggestion = "sproget bruger højst tre niveauer; tjek for manglende '}'";
      block.recovered = true;
    }
    stack_.push_back(std::move(block));
  }

  void close_top() {
    ast::Block block = std::move(stack_.back());
    stack_.pop_back();
    new_item(ast::Item::Kind::block).block = std::move(block);
  }

  /// An item of the given kind at the end of the current block, built in place: an Item
  /// holds a field, a block and a comment, so every move of a whole one costs.
  ast::Item& new_item(ast::Item::Kind kind) {
    ast::Item& item = current_items().emplace_back();
    item.kind = kind;
    return item;
  }

  void unexpected_text(std::uint32_t at) {
    if (text_[at] == ',') {
      auto& d = sink_.error(file_, {at, at + 1}, "KVS-P001", "forventede en værdi efter ','");
      d.suggestion = "fjern det sidste komma, eller skriv værdien efter det";
      return;
    }
    auto& d = sink_.error(file_, {at, token_end(text_, at)}, "KVS-P006",
                          "uventet tekst " + quoted_token(text_, at) + " her");
    d.suggestion = "en linje rummer ét felt ('navn: værdi'), en blok ('navn {') eller '}'; "
                   "tekst med mellemrum og tegn skal stå i anførselstegn";
  }

  /// Report a syntax error and continue with the next line; a line that ends in '{'
  /// still opens a (recovered) block so its '}' does not cause a second error.
  std::uint32_t recover(std::uint32_t pos, const StatementResult& r) {
    std::uint32_t at = r.error_at;
    while (at < text_.size() && is_blank(text_[at])) ++at;
    if (r.expected == "value") {
      auto& d = sink_.error(file_, {at, token_end(text_, at)}, "KVS-P001",
                            "forventede en værdi efter ':' i feltet '" + r.field.key + "'");
      d.suggestion = "skriv værdien efter kolon, fx  " + r.field.key + ": \"…\"";
    } else if (r.expected == "string_end") {
      std::uint32_t open = r.context_at;
      auto& d = sink_.error(file_, {open, end_of_line(open)}, "KVS-P002",
                            "teksten i anførselstegn er ikke afsluttet på linjen");
      d.suggestion = "afslut med \" på samme linje; brug \"\"\" … \"\"\" til tekst over flere linjer";
    } else if (r.expected == "prose_end") {
      std::uint32_t open = r.context_at;
      auto& d = sink_.error(file_, {open, open + 3}, "KVS-P003",
                            "tekstblokken, der begynder her, er ikke afsluttet med \"\"\"");
      d.suggestion = "afslut tekstblokken med en linje, der kun indeholder \"\"\"";
      return static_cast<std::uint32_t>(text_.size());
    } else if (r.expected == "after_key") {
      auto& d = sink_.error(file_, {at, token_end(text_, at)}, "KVS-P004",
                            "forventede ':' efter feltnavnet '" + r.field.key +
                                "' eller '{' efter et bloknavn, men fandt " + quoted_token(text_, at));
      d.suggestion = "skriv fx  " + r.field.key + ": værdi";
    } else {
      auto& d = sink_.error(file_, {at, token_end(text_, at)}, "KVS-P005",
                            "forventede et feltnavn eller en blok, men fandt " + quoted_token(text_, at));
      d.suggestion = "et feltnavn begynder med et bogstav, fx  kommune: \"…\"";
    }
    std::uint32_t eol = end_of_line(pos);
    // Does the bad line open a block? Look at its last non-blank character outside a comment.
    std::uint32_t last = eol;
    for (std::uint32_t i = pos; i < eol; ++i)
      if (text_[i] == '#') { last = i; break; }
    while (last > pos && is_blank(text_[last - 1])) --last;
    if (last > pos && text_[last - 1] == '{') {
      ast::Block b;
      b.kind = r.field.key;
      b.kind_where = {pos, pos};
      b.header_where = {pos, last};
      b.recovered = true;
      open(std::move(b));
    }
    return eol + 1;
  }

  const SourceFile& file_;
  const std::string& text_;
  DiagnosticSink& sink_;
  ast::Document doc_;
  std::vector<ast::Block> stack_;
};

}  // namespace

ast::Document parse(const SourceFile& file, DiagnosticSink& sink) { return Driver(file, sink).run(); }

}  // namespace kvs::dsl
