#include "standard.hpp"

namespace kvs::model {

bool AgeRule::covers_year_of_turning(int age) const {
  switch (kind) {
    case Kind::turns: return from == age;
    case Kind::turns_onwards: return age >= from;
    // From the day they are N: in the year they turn `age` everyone reaches `age`
    // during the year, so a from-age rule reaches them if age >= from.
    case Kind::from_age: return age >= from;
    case Kind::range: return age >= from && (!to || age <= *to);
  }
  return false;
}

bool AgeRule::covers_ages(int lo, std::optional<int> hi) const {
  switch (kind) {
    case Kind::turns: return false;  // one calendar year does not cover an age span
    case Kind::turns_onwards:
    case Kind::from_age: return from <= lo;
    case Kind::range:
      if (from > lo) return false;
      if (!to) return true;
      return hi && *to >= *hi;
  }
  return false;
}

bool TargetGroup::has_condition(ConditionKind k) const {
  for (const auto& c : conditions)
    if (c.kind == k) return true;
  return false;
}

bool TargetGroup::has_frequency(Frequency f) const {
  for (const auto& t : frequency)
    if (t.value == f) return true;
  return false;
}

std::string Citation::display() const {
  std::string s = act;
  if (act == "bekendtgørelse" && number) {
    s += " nr. " + std::to_string(number);
    if (date) s += " af " + date->iso();
  }
  if (!chapter.empty()) s += " kapitel " + chapter;
  if (!paragraph.empty()) s += " \u00a7\u00a0" + paragraph;
  for (std::size_t i = 0; i < stk.size(); ++i)
    s += (i == 0 ? ", stk. " : (i + 1 == stk.size() ? " og " : ", ")) + std::to_string(stk[i]);
  return s;
}

std::optional<Date> Standard::period_start() const {
  if (valid_from) return valid_from;
  if (year) return Date{*year, 1, 1};
  return std::nullopt;
}

std::optional<Date> Standard::period_end() const {
  if (valid_to) return valid_to;
  if (year) return Date{*year, 12, 31};
  return std::nullopt;
}

const TargetGroup* Standard::find_group(std::string_view id) const {
  for (const auto& g : groups)
    if (g.id == id) return &g;
  return nullptr;
}

const Text* Standard::prose_field(const std::string& key) const {
  auto it = prose.find(key);
  return it == prose.end() ? nullptr : &it->second;
}

}  // namespace kvs::model
