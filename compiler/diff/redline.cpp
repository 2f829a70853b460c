#include "redline.hpp"

#include <algorithm>

namespace kvs::diff {
namespace {

/// Tokens: a word with the whitespace that follows it, so joining tokens gives the text back.
std::vector<std::string_view> tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\n' && s[i] != '\t') ++i;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
    out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string_view trimmed(std::string_view t) {
  while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\t')) t.remove_suffix(1);
  return t;
}

void push(std::vector<RedlinePiece>& out, RedlinePiece::Kind kind, std::string_view text) {
  if (!out.empty() && out.back().kind == kind) out.back().text += text;
  else out.push_back({kind, std::string(text)});
}

}  // namespace

std::vector<RedlinePiece> redline(std::string_view before, std::string_view after) {
  auto a = tokens(before), b = tokens(after);
  // Common prefix and suffix first: most yearly edits are local, and this keeps the
  // quadratic table small.
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && trimmed(a[prefix]) == trimmed(b[prefix])) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         trimmed(a[a.size() - 1 - suffix]) == trimmed(b[b.size() - 1 - suffix]))
    ++suffix;
  std::vector<RedlinePiece> out;
  for (std::size_t i = 0; i < prefix; ++i) push(out, RedlinePiece::Kind::same, b[i]);
  std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  // Bound the table: for very different long texts, show it as one replacement.
  if (n * m > 4'000'000) {
    for (std::size_t i = 0; i < n; ++i) push(out, RedlinePiece::Kind::deleted, a[prefix + i]);
    for (std::size_t j = 0; j < m; ++j) push(out, RedlinePiece::Kind::inserted, b[prefix + j]);
  } else {
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i][j] = trimmed(a[prefix + i]) == trimmed(b[prefix + j]) ? lcs[i + 1][j + 1] + 1
                                                                     : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && trimmed(a[prefix + i]) == trimmed(b[prefix + j])) {
        push(out, RedlinePiece::Kind::same, b[prefix + j]);
        ++i, ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        // Struck words before added ones, as in a printed redline.
        push(out, RedlinePiece::Kind::deleted, a[prefix + i++]);
      } else {
        push(out, RedlinePiece::Kind::inserted, b[prefix + j++]);
      }
    }
  }
  for (std::size_t k = b.size() - suffix; k < b.size(); ++k) push(out, RedlinePiece::Kind::same, b[k]);
  return out;
}

std::string redline_text(const std::vector<RedlinePiece>& pieces) {
  std::string out;
  for (const auto& p : pieces) {
    switch (p.kind) {
      case RedlinePiece::Kind::same: out += p.text; break;
      case RedlinePiece::Kind::deleted: out += "[-" + std::string(trimmed(p.text)) + "-]" + (p.text.ends_with('\n') ? "\n" : " "); break;
      case RedlinePiece::Kind::inserted: out += "{+" + std::string(trimmed(p.text)) + "+}" + (p.text.ends_with('\n') ? "\n" : " "); break;
    }
  }
  return out;
}

}  // namespace kvs::diff
