#include "format.hpp"

#include "vocabulary.hpp"

namespace kvs::fmt {
namespace {

using K = ast::Atom::Kind;

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') { out += "\\n"; continue; }
    if (c == '\t') { out += "\\t"; continue; }
    out += c;
  }
  return out + '"';
}

class Formatter {
 public:
  std::string run(const ast::Document& doc) {
    items(doc.items, 0);
    // Exactly one newline at the end, none at the start.
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    std::size_t start = out_.find_first_not_of('\n');
    out_ = start == std::string::npos ? std::string() : out_.substr(start);
    return out_.empty() ? out_ : out_ + '\n';
  }

 private:
  void indent(int level) { out_.append(level * 2, ' '); }

  void items(const std::vector<ast::Item>& list, int level) {
    // Trim blank lines at both ends of a block, and collapse runs of them.
    std::size_t first = 0, last = list.size();
    while (first < last && list[first].kind == ast::Item::Kind::blank) ++first;
    while (last > first && list[last - 1].kind == ast::Item::Kind::blank) --last;
    bool previous_blank = false;
    for (std::size_t i = first; i < last; ++i) {
      const ast::Item& item = list[i];
      if (item.kind == ast::Item::Kind::blank) {
        if (!previous_blank) out_ += '\n';
        previous_blank = true;
        continue;
      }
      previous_blank = false;
      switch (item.kind) {
        case ast::Item::Kind::field: field(item.field, level); break;
        case ast::Item::Kind::block: block(item.block, level); break;
        case ast::Item::Kind::comment:
          indent(level);
          out_ += "#" + item.comment.text + "\n";
          break;
        case ast::Item::Kind::blank: break;
      }
    }
  }

  void trailing(const std::string& comment) {
    if (!comment.empty()) out_ += "  #" + comment;
    out_ += '\n';
  }

  void atom(const ast::Atom& a, int level) {
    switch (a.kind) {
      case K::word: {
        auto canonical = model::canonical_word(a.text);
        out_ += canonical ? std::string(*canonical) : a.text;
        break;
      }
      case K::string: out_ += quote(a.text); break;
      case K::prose: {
        out_ += "\"\"\"\n";
        std::size_t start = 0;
        while (start <= a.text.size()) {
          std::size_t end = a.text.find('\n', start);
          if (end == std::string::npos) end = a.text.size();
          std::string_view line(a.text.data() + start, end - start);
          if (!line.empty()) {
            indent(level + 1);
            out_ += line;
          }
          out_ += '\n';
          start = end + 1;
        }
        indent(level + 1);
        out_ += "\"\"\"";
        break;
      }
      case K::range: out_ += std::to_string(a.low) + "-" + std::to_string(a.high); break;
      case K::number:
      case K::date: out_ += a.text; break;
    }
  }

  void field(const ast::Field& f, int level) {
    indent(level);
    out_ += f.key + ":";
    for (std::size_t i = 0; i < f.values.size(); ++i) {
      out_ += i ? ", " : " ";
      const auto& atoms = f.values[i].atoms;
      for (std::size_t j = 0; j < atoms.size(); ++j) {
        if (j) out_ += ' ';
        atom(atoms[j], level);
      }
    }
    trailing(f.trailing_comment);
  }

  void block(const ast::Block& b, int level) {
    indent(level);
    out_ += b.kind;
    if (b.id) out_ += ' ' + b.id->text;
    if (b.title) out_ += ' ' + quote(b.title->text);
    out_ += " {";
    trailing(b.trailing_comment);
    items(b.items, level + 1);
    indent(level);
    out_ += "}\n";
  }

  std::string out_;
};

}  // namespace

std::string format(const ast::Document& doc) { return Formatter().run(doc); }

}  // namespace kvs::fmt
