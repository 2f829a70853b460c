// Whitespace-separated words of a data attribute ("starter", "rummer", "krav" lists in the
// templates and the law data). Split by hand: a string stream per attribute was a fifth of
// loading the templates.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kvs::render {

inline std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !space(s[i])) ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

}  // namespace kvs::render
