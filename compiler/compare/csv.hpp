// Small text helpers shared by the CSV, HTML and SQLite writers (internal to kvs_compare).
#pragma once

#include <string>
#include <vector>

#include "compare.hpp"

namespace kvs::compare {

std::string csv_field(const std::string& s);
std::string csv_line(const std::vector<std::string>& fields);
/// Column prefix of a statutory group: "82+" → "mg_82plus", "70-alene" → "mg_70_alene".
std::string column_prefix(const StatutoryGroup& g);
/// Vocabulary words of a list of enum values, comma-separated.
template <class E>
std::string word_list(const std::vector<E>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + std::string(model::word_of(x));
  return s;
}
std::string join_list(const std::vector<std::string>& v, const char* sep);
/// "dagcenter (uden hjemmel), plejebolig + institution (betinget)"
std::string exclusions_text(const StandardRow& r);
/// "undtagelse-hjemmel ×3, aarlig-revision"
std::string rules_text(const StandardRow& r);
/// "ja", "nej" or "ikke relevant"
std::string alternative_word(const GroupOffer& o);

}  // namespace kvs::compare
