// The law as the renderer needs it: which versions apply to a standard, the provisions
// to quote, the duties and permitted exclusions to compare the standard's offer with, and
// the content requirements for the council appendix.
//
// This is a narrow interface over checks/law/*.xml (format: docs/law-data.md), filled one
// of two ways: read here with pugixml (load_law_xml), which is what plain `kvs render`
// does, since the checker's validating loader costs three times as much; or, in a run that
// has loaded the checker's LawLibrary anyway (check --ud, render --byraad, compare
// --dokumenter), copied from it (from_law_library), so the law is read once per run.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.hpp"

namespace kvs::law {
struct LawLibrary;  // checks/law_loader.hpp
}

namespace kvs::render::law {

struct Provision {
  std::string id;
  std::string paragraph;  ///< "79 a"
  std::optional<int> stk;
  std::string chapter;
  int amending_act = 0;   ///< the provision sits in this amending act (transition rules)
  bool verbatim = false;  ///< ordlyd="ordret"
  bool verified = true;
  std::string text;
  /// typeset(text) and comparable(text), computed once per process for the versions a
  /// standard uses (Library::in_force_on, Library::successors hand them out filled): every
  /// standard quotes the same provisions and looks for them in its prose, and most of the
  /// law data's versions are never quoted in one run.
  std::string typeset_text, comparable_text;
  std::vector<std::string> comparable_probes;  ///< of comparable_text: a quick "can it be there"
};

struct Duty {
  enum class Age { from, turns, interval };
  std::string rule;       ///< mg-82-aarligt, mg-75, …
  std::string provision;  ///< id of the provision imposing it
  Age age = Age::from;
  int from = 0;
  std::optional<int> to;
  std::vector<std::string> conditions;  ///< .kvs words: bor-alene, særlig-risiko
  std::string frequency;                ///< årligt | én-gang | efter-behov
  int visits = 0;                       ///< for årligt
};

struct Exclusion {
  std::string provision;
  std::string ground;     ///< .kvs word
  std::string reference;  ///< "§ 83"
  bool conditional = false;
  std::string requires_ground;
};

struct ContentRequirement {
  std::string rule, provision;
  std::vector<std::string> tokens;
};

struct Repeal {
  std::string act, paragraph;
  int number = 0, year = 0;
  std::optional<Date> date;
  std::string by;
  bool verified = true;
};

struct AmendingAct {
  int number = 0;
  std::optional<Date> date;
  std::string title;
  bool verified = true;
};

struct Version {
  std::string id, act, title, source;
  Date in_force;
  std::optional<Date> ends;
  bool verified = true;
  int number = 0, year = 0;
  std::vector<AmendingAct> amending_acts;
  std::vector<int> superseded;  ///< act numbers this version supersedes
  std::vector<Provision> provisions;
  std::vector<Duty> duties;
  std::vector<Exclusion> exclusions;
  std::vector<ContentRequirement> content;
  std::vector<Repeal> repeals;

  bool is_order() const { return act == "bekendtgørelse"; }
  bool in_force_on(const Date& d) const { return in_force <= d && (!ends || d < *ends); }
  const Provision* provision(std::string_view id) const;
  /// "§ 79 a, stk. 4", "§ 4, stk. 3", "§ 4" (with no-break spaces).
  std::string cite(const Provision& p) const;
};

class Library {
 public:
  explicit Library(std::vector<Version> versions);
  /// Every version, as read (provisions without their typeset and comparable texts).
  const std::vector<Version>& versions() const { return versions_; }
  /// Versions in force on `d`: statutes first, then executive orders.
  std::vector<const Version*> in_force_on(const Date& d) const;
  /// Versions that take effect the day `v` ends.
  std::vector<const Version*> successors(const Version& v) const;

 private:
  /// Fills the typeset and comparable texts of `v`'s provisions, once, safely from several
  /// threads (compare renders on every core). `versions_` is mutable for this cache only.
  const Version* prepared(const Version& v) const;
  mutable std::vector<Version> versions_;
  std::unique_ptr<std::once_flag[]> prepared_;
};

/// Reads every *.xml in `dir` (sorted by name). On failure returns null and sets `error`.
std::shared_ptr<const Library> load_law_xml(const std::string& dir, std::string& error);

/// The same Library from the checker's loaded and validated data (every version, in its
/// order; the exclusions a version permits before those it permits conditionally).
std::shared_ptr<const Library> from_law_library(const ::kvs::law::LawLibrary& library);

}  // namespace kvs::render::law
