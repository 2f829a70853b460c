// The syntax tree of a .kvs file. It is deliberately generic — fields, blocks, values
// made of atoms — because the language's vocabulary (which blocks and fields exist, and
// what their values mean) is the semantic model's business (compiler/model). Keeping the
// grammar small keeps Spirit's compile times and error messages small, and lets the
// lowering give "mente du …?" suggestions for misspelt names. Every node keeps its
// source range, and comments and blank lines are kept so `kvs fmt` can reprint a file
// without losing anything.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "source_file.hpp"

namespace kvs::ast {

/// The smallest unit of a value.
struct Atom {
  enum class Kind {
    word,    ///< enum value or connective: datobrev, fylder, ca., §, stk.
    string,  ///< "…" on one line; `text` holds the unescaped content
    prose,   ///< """…""" CommonMark; `text` holds the dedented content
    number,  ///< 75 or 1½; `number` holds the value (1.5), `text` the spelling
    range,   ///< 65-81 or 65–81; `low`, `high`
    date,    ///< 2024-02-06; `year`, `month`, `day`
  };
  Kind kind = Kind::word;
  std::string text;
  double number = 0;
  int low = 0, high = 0;
  int year = 0, month = 0, day = 0;
  SourceRange where;
};

/// One comma-separated item of a field's value: a sequence of atoms.
struct Value {
  std::vector<Atom> atoms;
  SourceRange where;
};

/// `key: value, value, …`
struct Field {
  std::string key;
  SourceRange key_where;
  std::vector<Value> values;
  SourceRange where;
  std::string trailing_comment;  ///< text after '#' on the same line, if any
};

struct Item;

/// `kind [id] ["title"] { … }`
struct Block {
  std::string kind;
  SourceRange kind_where;
  std::optional<Atom> id;     ///< a word
  std::optional<Atom> title;  ///< a string
  std::vector<Item> items;
  SourceRange where;          ///< from the kind to the closing brace
  SourceRange header_where;   ///< the opening line
  std::string trailing_comment;
  bool recovered = false;     ///< the header had a syntax error; contents kept for recovery only
};

struct Comment {
  std::string text;  ///< without the leading '#'
  SourceRange where;
};

/// A statement in a block or at top level. A tagged struct rather than std::variant
/// keeps the recursive type simple.
struct Item {
  enum class Kind { field, block, comment, blank };
  Kind kind = Kind::blank;
  Field field;
  Block block;
  Comment comment;
};

struct Document {
  std::vector<Item> items;
};

}  // namespace kvs::ast
