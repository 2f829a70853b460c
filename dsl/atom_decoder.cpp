#include "atom_decoder.hpp"

#include <algorithm>
#include <vector>

namespace kvs::dsl {
namespace {

std::string unescape_string(std::string_view quoted) {
  std::string out;
  std::string_view body = quoted.substr(1, quoted.size() >= 2 ? quoted.size() - 2 : 0);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\' && i + 1 < body.size()) {
      char c = body[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += body[i];
    }
  }
  return out;
}

bool is_blank_line(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::size_t indentation(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return n;
}

int parse_int(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') break;
    v = v * 10 + (c - '0');
    if (v > 100000000) break;  // far beyond any meaningful value; the model rejects it
  }
  return v;
}

}  // namespace

std::string dedent_prose(std::string_view raw) {
  // Split at line feeds with find (memchr) rather than testing every byte; a text
  // ending in '\n' ends in an empty line.
  std::vector<std::string_view> lines;
  for (std::size_t start = 0;;) {
    std::size_t eol = raw.find('\n', start);
    if (eol == std::string_view::npos) {
      lines.push_back(raw.substr(start));
      break;
    }
    lines.push_back(raw.substr(start, eol - start));
    start = eol + 1;
  }
  std::size_t indent = std::string_view::npos;
  bool closing_on_own_line = lines.size() > 1 && is_blank_line(lines.back());
  if (closing_on_own_line) {
    indent = lines.back().size();
    lines.pop_back();
  }
  if (!lines.empty() && is_blank_line(lines.front())) lines.erase(lines.begin());
  if (indent == std::string_view::npos) {
    for (auto l : lines)
      if (!is_blank_line(l)) indent = std::min(indent, indentation(l));
    if (indent == std::string_view::npos) indent = 0;
  }
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    l.remove_prefix(std::min(indent, indentation(l)));
    if (i) out += '\n';
    out += is_blank_line(l) ? std::string_view() : l;
  }
  return out;
}

void decode_atom(const std::string& text, ast::Atom& a) {
  std::string_view raw = std::string_view(text).substr(a.where.begin, a.where.end - a.where.begin);
  using K = ast::Atom::Kind;
  switch (a.kind) {
    case K::word:
      a.text = std::string(raw);
      break;
    case K::string:
      a.text = unescape_string(raw);
      break;
    case K::prose:
      a.text = dedent_prose(raw.substr(3, raw.size() - 6));
      break;
    case K::number:
      a.text = std::string(raw);
      a.number = parse_int(raw) + (raw.find("\xC2\xBD") != std::string_view::npos ? 0.5 : 0.0);
      break;
    case K::range: {
      a.text = std::string(raw);
      a.low = parse_int(raw);
      std::size_t i = 0;
      while (i < raw.size() && raw[i] >= '0' && raw[i] <= '9') ++i;
      while (i < raw.size() && (raw[i] < '0' || raw[i] > '9')) ++i;
      a.high = parse_int(raw.substr(i));
      break;
    }
    case K::date:
      a.text = std::string(raw);
      a.year = parse_int(raw.substr(0, 4));
      a.month = parse_int(raw.substr(5, 2));
      a.day = parse_int(raw.substr(8, 2));
      break;
  }
}

void decode_atoms(const std::string& text, ast::Field& field) {
  for (auto& v : field.values)
    for (auto& a : v.atoms) decode_atom(text, a);
}

void decode_block_header(const std::string& text, ast::Block& block) {
  if (block.id) decode_atom(text, *block.id);
  if (block.title) decode_atom(text, *block.title);
}

}  // namespace kvs::dsl
