// "Mente du …?": the closest known word to a misspelt one, by edit distance over code
// points (so æ, ø and å count as one letter each).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvs {

/// Levenshtein distance between two UTF-8 strings, counted in code points.
int edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a likely misspelling
/// (at most a third of the word's length, and at most 3 edits).
std::optional<std::string> closest_word(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace kvs
