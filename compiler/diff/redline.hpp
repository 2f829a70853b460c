// Word-level redline of two prose texts: the longest common subsequence of their words
// (whitespace and punctuation are kept with the words), so a council member sees
// exactly which words were struck and which were added.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kvs::diff {

struct RedlinePiece {
  enum class Kind { same, deleted, inserted };
  Kind kind;
  std::string text;
};

/// Pieces in reading order; adjacent pieces of the same kind are merged.
std::vector<RedlinePiece> redline(std::string_view before, std::string_view after);

/// Plain-text rendering: [-struck-] and {+added+}.
std::string redline_text(const std::vector<RedlinePiece>& pieces);

}  // namespace kvs::diff
