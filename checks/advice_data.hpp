// The data behind the advice rules (checks/advice.xml): evidence references into the
// national evaluation, the groups the evaluation calls oldest and most vulnerable, the
// invitation forms that count as a fixed appointment, and the LIX threshold.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "law_loader.hpp"
#include "standard.hpp"

namespace kvs::checks {

/// `<maalgruppe fylder|fra|betingelse>`: a kind of group the advice is about.
struct GroupSelector {
  std::optional<int> turns;   ///< fylder: the group covers the year they turn N
  std::optional<int> from;    ///< fra: the group covers some age ≥ N
  std::optional<model::ConditionKind> condition;
  /// Does `g` fall under this selector?
  bool matches(const model::TargetGroup& g) const;
  std::string describe() const;
};

struct AdviceEntry {
  std::string rule;
  std::string evidence;  ///< "L919–926, L2836–2913"
  std::string source;    ///< kilde, when not the evaluation of <raad-data kilde>
  std::vector<GroupSelector> groups;
  std::vector<model::Invitation> good_invitations;  ///< god-invitation
  std::vector<model::Invitation> open_invitations;  ///< aaben-invitation
  std::vector<model::RiskCategory> narrow_categories;
  std::map<std::string, int> numbers;  ///< lix-graense, langt-ord-over, min-ord
  int number(const std::string& key, int dflt) const;
  bool selects(const model::TargetGroup& g) const;
};

struct AdviceData {
  std::string source;  ///< kilde: the evaluation the evidence lines refer to
  std::vector<AdviceEntry> entries;
  const AdviceEntry* find(std::string_view rule) const;
};

/// Loads data_dir()/checks/advice.xml (or `path`); errors name file and line.
std::optional<AdviceData> load_advice(const std::string& path, std::vector<law::LoadError>& errors);
std::string advice_path();

}  // namespace kvs::checks
